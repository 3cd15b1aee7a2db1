"""The netwerkschema page, ``/board/{id}/schema``: the schema live for everyone, with what the network carries beside
it.

Like every board page it is a hub client (`HubPage`) and decides nothing about visibility. Two things are its own:
the centre (the whole family, or one family member's own schema: the VIP view) and the names switch for a shared
screen. With names hidden, the browser gets pseudonymised people only (`network_graph.pseudonyms`), and the
panel's sentences are made from the same pseudonymised board, so no name is on the screen or in its page.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi.responses import RedirectResponse
from nicegui import Client, ui

from board import audit
from board.access import may_edit, may_place
from board.elements import Element, ElementType, Ring
from network_graph.pseudonyms import IDENTIFYING, MODES, Mode, hidden_props, pseudonymise
from network_graph.schema_layout import SECTORS
from network_graph.summary import all_metrics

from .. import family_data
from ..i18n import say
from ..network_schema import NetworkSchema
from .ask_further import show_ask_further
from .hub_page import HubPage, changed_types
from .layout import header
from .lookup import OpenBoard, open_board
from .navigation import board_navigation
from .plan_parts.figures import network_figures
from .plan_parts.form import ElementDialog
from .plan_parts.network import NetworkPart
from .plan_parts.people import PeoplePart

log = logging.getLogger(__name__)
SHOWN = frozenset({ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON, ElementType.TIE})
"""What the schema draws; nothing else goes to its browser side."""
PANEL_TYPES = frozenset({'family_member', 'network_person', 'tie', 'goal', 'agreement', 'family_info'})
"""Element types whose changes alter the panel beside the schema."""
TIE_KINDS = ('normal', 'tense', 'conflict')
RING_COLORS = {Ring.FAMILY: '#E07A4F', Ring.INFORMAL: '#3F9970', Ring.PROFESSIONAL: '#3F7CC0'}


class SchemaPage(HubPage):
    """One browser tab on one board's netwerkschema."""

    def __init__(self, opened: OpenBoard, client: Client) -> None:
        super().__init__(opened, client)
        self.centre: str | None = None
        self.mode: Mode = 'names'
        self.tie_mode = False
        self.people = PeoplePart(self)
        self.network = NetworkPart(self)
        with header(self.hub.info.name):
            board_navigation(opened, '/schema')
        with ui.element('div').classes('pb-schema-page w-full'):
            with ui.row().classes('pb-schema-tools w-full items-center gap-2'):
                with ui.row().classes('items-center gap-1'):
                    self.centre_chips()
                ui.space()
                self.action_buttons()
            with ui.element('div').classes('pb-schema-main'):
                self.schema = NetworkSchema(
                    labels=self.labels(), family_name=self.hub.info.family_name or self.hub.info.name,
                    readonly=self.readonly, on_push=self.push_from_schema, on_ready=self.browser_ready,
                    on_resync=self.browser_ready, on_open=self.open, on_add=self.add,
                    on_tie_exists=lambda: ui.notify(self.t('schema.tie.exists'), type='info'), fixed=self.fixed(),
                    on_not_movable=self.not_movable) \
                    .classes('pb-schema-box').mark('schema')
                self.view = self.schema
            with ui.column().classes('pb-schema-panel gap-3'):
                self.panel()
        self.schema.deliver(self.for_schema(self.hub.welcome_for(self.actor)))  # the first render carries it

    def labels(self) -> dict[str, str]:
        words = {f'sector.{s}': self.t(f'plan.sector.{s}').split(' (')[0] for s in SECTORS}  # 'Buren (ook oude…)'
        words |= {f'ring.{r}': self.t(f'schema.ring.{r}') for r in Ring}
        words |= {k: self.t(f'schema.{k}') for k in ('tie_hint', 'tie_second', 'drag_hint', 'keys_help', 'side')}
        words |= {f'tie.{k}': self.t(f'schema.tie.{k}') for k in TIE_KINDS}
        return words | {'family': self.t('schema.whole_family'), 'schema': self.t('network.schema.open'),
                        'tie_title': self.t('schema.tie.title')}

    # the toolbar

    @ui.refreshable_method
    def centre_chips(self) -> None:
        """Who is in the middle: the whole family, or one member (their own schema, the VIP view)."""
        ui.label(self.t('schema.centre') + ':').classes('text-grey-8 pb-nowrap')
        options = {'': self.t('schema.whole_family')} | self.names('family_member')
        for key, name in options.items():
            chosen = (self.centre or '') == key
            ui.chip(name, on_click=lambda k=key: self.set_centre(k or None)) \
                .props(f"clickable {'color=primary text-color=white icon=check' if chosen else 'color=white'}") \
                .classes('pb-chip').mark(f"centre-{key or 'family'}")

    def action_buttons(self) -> None:
        if not self.readonly:
            ui.button(self.t('schema.add'), icon='person_add', on_click=lambda: self.add({})) \
                .props('unelevated no-caps').mark('schema-add')
            self.tie_button = ui.button(self.t('schema.tie_mode'), icon='timeline', on_click=self.toggle_tie_mode) \
                .props('outline no-caps').mark('schema-tie')
        ui.toggle({m: self.t(f'schema.names.{m}') for m in MODES}, value=self.mode, on_change=self.set_mode) \
            .props('no-caps unelevated dense toggle-color=primary color=white text-color=grey-9') \
            .classes('pb-names-toggle').mark('schema-names')

    def set_centre(self, member_id: str | None) -> None:
        self.centre = member_id
        self.schema.set_centre(member_id)
        self.schema.set_fixed(self.fixed())
        self.centre_chips.refresh()
        self.panel.refresh()

    def toggle_tie_mode(self) -> None:
        self.tie_mode = not self.tie_mode
        self.schema.set_tie_mode(self.tie_mode)
        self.tie_button.props('unelevated' if self.tie_mode else 'outline',
                              remove='outline' if self.tie_mode else 'unelevated')

    def set_mode(self, event: Any) -> None:
        """Names, initials or roles: the browser gets the whole schema again, pseudonymised or not."""
        if event.value in MODES and event.value != self.mode:
            self.mode = event.value
            self.schema.deliver(self.for_schema(self.hub.welcome_for(self.actor)))
            self.panel.refresh()

    # the panel beside the schema

    @ui.refreshable_method
    def panel(self) -> None:
        elements = self.shown_board()
        metrics = all_metrics(elements)
        with ui.card().classes('pb-item w-full').mark('schema-metrics'):
            ui.label(self.t('network.view.metrics')).classes('pb-card-title')
            with ui.row().classes('gap-3 no-wrap q-mt-xs'):
                for ring in Ring:
                    with ui.column().classes('items-center gap-0 pb-ring-count').mark(f'ring-count-{ring}'):
                        ui.label(str(metrics['size']['per_ring'].get(str(ring), 0))) \
                            .classes('pb-ring-number').style(f'color:{RING_COLORS[ring]}')
                        ui.label(self.t(f'schema.ring.{ring}')).classes('text-grey-8 text-center')
            with ui.column().classes('gap-1 q-mt-sm'):
                for sentence in metrics['sentences'][:4]:
                    ui.label(say(sentence, self.language)).classes('pb-sentence')
        network_figures(self.t, metrics, self.language, short=True)
        if self.centre and not any(p['member'] == self.centre for e in elements
                                   if e.type == ElementType.NETWORK_PERSON for p in e.props.get('vip', [])):
            name = self.names('family_member').get(self.centre, '')
            ui.label(self.t('schema.vip_empty', name=name)).classes('pb-ask')
        if self.centre and not self.readonly:
            ui.button(self.t('schema.bring_in'), icon='group_add', on_click=self.bring_in) \
                .props('outline no-caps').mark('schema-bring-in')
        show_ask_further(elements, self.t, self.centre)

    def shown_board(self) -> list[Element]:
        """What this person may see, with names hidden when the switch says so."""
        visible = self.visible()
        return visible if self.mode == 'names' else pseudonymise(visible, self.mode)

    # the hub

    def deliver(self, message: dict[str, Any]) -> None:
        """Hand the schema its part of the message; redraw the panel if the network changed. Never raises."""
        try:
            self.schema.deliver(self.for_schema(message))
            if message.get('type') in ('commit', 'catchup') and message.get('changes'):
                if (fixed := self.fixed()) != self.schema.props['fixed']:
                    self.schema.set_fixed(fixed)
                if message['type'] == 'catchup' or changed_types(self.hub, message) & PANEL_TYPES:
                    self.panel.refresh()
                    self.centre_chips.refresh()
        except Exception:  # a page that is going away must not disturb the hub
            log.exception('schema page could not take a %s message', message.get('type'))

    def fixed(self) -> list[str]:
        """The people this person may not move on the schema: where someone sits says how close they are, so for a
        child or a parent who does not manage the board it is someone else's card (`board.access.may_edit`)."""
        if self.centre:  # someone's own schema: a youth arranges theirs
            return sorted(e.id for e in self.elements('network_person')
                          if not may_place(self.actor, e, self.centre, self.hub.rights))
        return sorted(e.id for e in self.elements('network_person')
                      if not may_edit(self.actor, e, self.hub.rights, 'distance'))

    def for_schema(self, message: dict[str, Any]) -> dict[str, Any]:
        """The message with only what the schema draws, and names hidden when the switch says so."""
        kind = message.get('type')
        if kind == 'welcome':
            return {**message, 'elements': [self.hidden(e) for e in message['elements'] if e['type'] in SHOWN]}
        if kind not in ('commit', 'catchup'):
            return message
        return {**message, 'changes': [c for c in map(self.schema_change, message['changes']) if c is not None]}

    def schema_change(self, change: dict[str, Any]) -> dict[str, Any] | None:
        if change['kind'] == 'put':
            return {**change, 'element': self.hidden(change['element'])} if change['element']['type'] in SHOWN else None
        if change['id'] not in self.schema.elements:
            return None  # not something the schema holds
        if change['kind'] == 'patch' and self.mode != 'names' and IDENTIFYING & set(change['props']):
            current = self.element(change['id'])  # a new name: send the new alias, never the name
            return {'kind': 'put', 'element': self.hidden(current.public())} if current else None
        return change

    def hidden(self, element: dict[str, Any]) -> dict[str, Any]:
        return {**element, 'props': hidden_props(element['type'], element['props'], self.mode)}

    async def push_from_schema(self, cid: str, ops: list[dict[str, Any]]) -> None:
        await self.push(ops, cid)

    # taps

    def open(self, element_id: str) -> None:
        element = self.element(element_id)
        if element is None:
            ui.notify(self.t('editor.gone'), type='warning')
        elif self.mode != 'names' and element.type != ElementType.FAMILY_MEMBER:
            ui.notify(self.t('schema.names_hidden'), type='info')  # a dialog would show the name
        elif element.type == ElementType.FAMILY_MEMBER:
            self.set_centre(None if self.centre == element.id else element.id)
        elif element.type == ElementType.TIE and (self.readonly or may_edit(self.actor, element, self.hub.rights)):
            self.edit_tie(element)  # the shared screen reads it; a child does not get what is not theirs to change
        elif element.type == ElementType.NETWORK_PERSON and not self.readonly \
                and may_edit(self.actor, element, self.hub.rights, 'practical'):
            self.open_person(element)

    def not_movable(self, element_id: str) -> None:
        """Said politely when an arrow key asks to move someone this person may not move (as a drag does nothing)."""
        element = self.element(element_id)
        name = hidden_props(element.type, element.props, self.mode).get('name', '') if element else ''
        message = self.t('error.read_only') if self.readonly else self.t('schema.not_movable', name=name)
        ui.notify(message, type='info', attrs={'role': 'status'})

    def open_person(self, person: Element) -> None:
        """The netwerklijst row, with the way to the person's details (and off a member's own schema)."""
        form = self.network.fill(person)
        with form.body, ui.row().classes('w-full gap-2'):
            ui.button(self.t('schema.details'), icon='edit',
                      on_click=lambda: (form.close(), self.people.edit(person.id, dict(person.props)))) \
                .props('outline no-caps').mark('schema-details')
            if self.centre:
                ui.button(self.t('schema.leave_vip'), icon='person_remove',
                          on_click=lambda: self.leave_vip(form, person)).props('flat no-caps color=negative') \
                    .mark('schema-leave-vip')

    async def leave_vip(self, form: ElementDialog, person: Element) -> None:
        current = self.element(person.id) or person
        vip = [p for p in current.props.get('vip', []) if p['member'] != self.centre]
        if await self.push([{'op': 'update', 'id': person.id, 'props': {'vip': vip}}]):
            form.close()
            self.notify(self.t('schema.left_vip'), type='positive')

    def edit_tie(self, tie: Element) -> None:
        names = self.names('family_member', 'network_person')
        title = self.t('schema.tie.title', a=names.get(tie.props['a'], '?'), b=names.get(tie.props['b'], '?'))
        with ElementDialog(self, 'tie', tie.id, dict(tie.props), title,
                           removal=lambda: [{'op': 'delete', 'id': tie.id}]) as form:
            form.chips('kind', self.t('schema.tie.kind'), {k: self.t(f'schema.tie.{k}') for k in TIE_KINDS},
                       multiple=False)

    def add(self, place: dict[str, Any]) -> None:
        """A new person, at the spot tapped twice (or in the informal ring); on a member's schema, on theirs too."""
        ring, sector = place.get('ring', Ring.INFORMAL), place.get('sector', 'vrienden')
        spot = {'ring': ring, 'sector': sector, 'distance': place.get('distance', 0.5)}
        extra = {'distance': spot['distance']}
        if self.centre:
            extra['vip'] = [{'member': self.centre, **spot}]
        self.people.edit(None, {'ring': ring, 'sector': sector}, extra=extra)

    def bring_in(self) -> None:
        """Put someone from the family's schema on this member's own schema, where they sit for the family."""
        centre = self.centre
        candidates = [p for p in self.elements('network_person')
                      if not any(v['member'] == centre for v in p.props.get('vip', []))
                      and may_place(self.actor, p, centre, self.hub.rights)]
        with self.dialog_host, ui.dialog() as dialog, ui.card().classes('pb-editor w-full'):
            ui.label(self.t('schema.bring_in_title')).classes('text-h6')
            if not candidates:
                ui.label(self.t('network.empty')).classes('text-grey-8')
            with ui.row().classes('gap-2'):
                for person in candidates:
                    async def bring(p: Element = person) -> None:
                        place = {k: p.props.get(k) for k in ('ring', 'sector', 'distance')}
                        vip = [*p.props.get('vip', []), {'member': centre, **place}]
                        if await self.push([{'op': 'update', 'id': p.id, 'props': {'vip': vip}}]):
                            dialog.close()
                    label = hidden_props(person.type, person.props, self.mode)['name']
                    ui.chip(label, icon='add', on_click=bring).props('clickable') \
                        .classes('pb-chip').mark(f'bring-{person.id}')
            with ui.row().classes('w-full justify-end'):
                ui.button(self.t('editor.cancel'), on_click=dialog.close).props('flat no-caps size=lg')
        dialog.open()


def register() -> None:
    @ui.page('/board/{board_id}/schema')
    async def schema_page(board_id: str, client: Client, token: str | None = None) -> RedirectResponse | None:
        opened = await open_board(board_id, token)
        if not isinstance(opened, OpenBoard):
            return opened
        await family_data.note(board_id, opened.actor, audit.VIEWED, 'schema')
        SchemaPage(opened, client)
