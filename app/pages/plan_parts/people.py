"""Betrokkenen: the network and the professionals, who the zorgcoördinator is, and how everyone stays in touch."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from board.elements import Element, Ring, Sector, new_id
from board.identity import Role

from ..chips import Getter, chip_choice
from .base import Part
from .family import FAMILY_INFO_ID
from .form import ElementDialog

DAYS = ('ma', 'di', 'wo', 'do', 'vr', 'za', 'zo')
ROLE_RINGS = (Ring.INFORMAL, Ring.PROFESSIONAL, Ring.FAMILY)
"""The rings an other role can be in, as chips: the network and the professionals first."""
AFSTEMMING = ('mail', 'telefoon', 'overleg', 'anders')
RINGS = {Ring.INFORMAL: 'plan.people.ring_network', Ring.PROFESSIONAL: 'plan.people.ring_professional'}
"""The lists: ring 1 (someone who belongs to the family system without being a family member) goes with ring 2."""
RING_CHOICES = {Ring.FAMILY: 'plan.people.ring_family', **RINGS}


def listed_in(person: Element) -> Ring:
    """The list of `RINGS` a betrokkene stands in."""
    ring = person.props.get('ring') or Ring.INFORMAL
    return Ring.INFORMAL if ring == Ring.FAMILY else Ring(ring)


class PeoplePart(Part):
    key = 'people'
    icon = 'groups'
    types = frozenset({'network_person', 'family_info'})

    def draw(self) -> None:
        info = self.page.element(FAMILY_INFO_ID)
        coordinator = info.props.get('coordinator_id') if info else None
        people = self.page.elements('network_person')
        self.add_button('plan.people.add', lambda: self.edit(None, {}), 'add-person')
        if not people:
            self.empty('plan.people.empty')
        for ring, label in RINGS.items():
            in_ring = [p for p in people if listed_in(p) == ring]
            if in_ring:
                ui.label(self.t(label)).classes('pb-section')
                for person in in_ring:
                    self.card(person, person.id == coordinator)
        self.together_card(info)

    def card(self, person: Element, is_coordinator: bool) -> None:
        p = person.props
        with ui.card().classes('pb-item w-full').mark(f'person-{person.id}'):
            with ui.row().classes('w-full items-start no-wrap gap-3'):
                ui.icon('work' if p.get('ring') == Ring.PROFESSIONAL else 'favorite', size='md') \
                    .classes('text-primary q-mt-xs')
                with ui.column().classes('gap-1 grow'):
                    with ui.row().classes('items-center gap-2'):
                        ui.label(p.get('name', '')).classes('pb-item-text')
                        self.seen_by(person)
                        if is_coordinator:
                            ui.badge(self.t('plan.people.coordinator'), color='secondary', text_color='black') \
                                .classes('pb-badge')
                    relation = ' · '.join(x for x in (p.get('relation'), p.get('organisation')) if x)
                    if relation:
                        ui.label(relation).classes('text-grey-8')
                    self.role_lines(person)
                    self.line('plan.people.roles', ', '.join(p.get('roles', [])))
                    if p.get('phone'):
                        ui.link(p['phone'], f"tel:{p['phone']}").classes('pb-contact')
                    if p.get('mail'):
                        ui.link(p['mail'], f"mailto:{p['mail']}").classes('pb-contact')
                    reach = ' '.join(p.get('days', [])) + (f" · {p['hours']}" if p.get('hours') else '')
                    self.line('plan.people.reachable', reach.strip(' ·'))
            if self.may_edit(person):
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('plan.edit', 'edit', lambda: self.edit(person.id, dict(p)),
                                f'edit-person-{person.id}')

    def together_card(self, element: Element | None) -> None:
        info = element.props if element is not None else {}
        people = self.page.names('network_person')
        with ui.card().classes('pb-item w-full q-mt-md').mark('together'):
            ui.label(self.t('plan.people.together')).classes('pb-card-title')
            self.line('plan.people.coordinator', people.get(info.get('coordinator_id') or '', '') or
                      self.t('plan.people.no_coordinator'))
            ways = ', '.join(self.t(f'plan.afstemming.{w}') for w in info.get('afstemming', []))
            self.line('plan.people.afstemming', ways)
            if info.get('afstemming_text'):
                ui.label(info['afstemming_text'])
            if self.may_edit(element, 'afstemming_text'):
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('plan.edit', 'edit', lambda: self.edit_together(dict(info)), 'edit-together')

    def edit_together(self, props: dict[str, Any]) -> None:
        """Who coordinates and how everyone keeps in touch. A coach not yet among the betrokkenen (the one who made
        the board) is offered too, and chosen while nobody is: saying yes puts them on the plan as a professional,
        under their own id, so that sharing with the zorgcoördinator reaches them."""
        actor, choices = self.page.actor, self.page.names('network_person')
        coach = actor.id if actor.role == Role.COORDINATOR else None
        new_coach = coach is not None and coach not in choices
        if new_coach:
            if coach in self.page.hub.elements:  # removed from the plan once: the id stays taken
                coach = new_id('network')
            choices[coach] = self.t('plan.people.you', name=actor.name)

        def coach_first(values: dict[str, Any]) -> list[dict[str, Any]]:
            if not new_coach or values.get('coordinator_id') != coach:
                return []
            return [{'op': 'create', 'id': coach, 'type': 'network_person', 'props': {
                'name': actor.name, 'organisation': actor.organisation, 'ring': Ring.PROFESSIONAL,
                'sector': 'instanties',
                'roles': [self.t('plan.people.coordinator')]}}]
        with ElementDialog(self.page, 'family_info', FAMILY_INFO_ID, props, self.t('plan.people.together'),
                           create_id=FAMILY_INFO_ID, prepare=coach_first) as form:
            chooser = form.select('coordinator_id', self.t('plan.people.choose_coordinator'), choices)
            if chooser.value is None and coach is not None:
                chooser.set_value(coach)
            form.chips('afstemming', self.t('plan.people.afstemming'),
                       {w: self.t(f'plan.afstemming.{w}') for w in AFSTEMMING})
            form.text('afstemming_text', self.t('plan.people.afstemming_text'), area=True)

    def edit(self, person_id: str | None, props: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
        """The details of a betrokkene; `extra` are props a new person starts with (e.g. a place on a schema)."""
        title = 'plan.people.edit' if person_id else 'plan.people.new'
        with ElementDialog(self.page, 'network_person', person_id, props, self.t(title), extra=extra,
                           removal=self.page.person_removal(person_id)) as form:
            form.text('name', self.t('editor.name'))
            ui.label(self.t('plan.people.ring')).classes('text-subtitle1 text-grey-9')
            own = props.get('ring', Ring.INFORMAL)
            ring = chip_choice({str(k): self.t(v) for k, v in RING_CHOICES.items()}, str(own),
                               multiple=False, required=True, marker='field-ring')
            form.custom('ring', lambda: int(ring()))
            form.text('relation', self.t('plan.people.relation'))
            form.tags('roles', self.t('plan.people.roles'), self.t('plan.people.roles_hint'))
            form.text('organisation', self.t('plan.people.organisation'))
            sectors = {s.value: self.t(f'plan.sector.{s.value}') for s in Sector}
            sector = form.select('sector', self.t('plan.people.sector'), sectors, clearable=False)
            sector.set_value(props.get('sector', 'overig'))
            if (side := self.side_choice(form, props)) is not None:
                side.bind_visibility_from(sector, 'value', backward=lambda value: value == 'familie')
            other = Ring.PROFESSIONAL if own != Ring.PROFESSIONAL else Ring.INFORMAL
            form.custom('extra_roles', extra_roles_field(self.t, props.get('extra_roles', []), other))
            form.text('phone', self.t('plan.family.phone')).props('type=tel')
            form.text('mail', self.t('plan.family.mail')).props('type=email')
            form.chips('days', self.t('plan.people.days'), {d: self.t(f'plan.day.{d}') for d in DAYS})
            form.text('hours', self.t('plan.people.hours'))


def extra_roles_field(t: Callable[..., str], roles: list[dict[str, Any]], ring: int) -> Getter:
    """"Ook in een andere rol": each other role someone plays with the ring and sector it puts them in (the
    neighbour who is also paid to babysit: oppas, with the professionals); rows with no word are left out.

    :param ring: the ring a new row starts in (the other one than the person's own)
    """
    rows = [dict(role) for role in roles]
    ui.label(t('plan.people.extra_roles')).classes('text-subtitle1 text-grey-9')
    ui.label(t('plan.people.extra_roles_hint')).classes('text-grey-8')
    rings = {str(r): t(f'schema.ring.{r}') for r in ROLE_RINGS}
    sectors = {s.value: t(f'plan.sector.{s.value}') for s in Sector}

    box = ui.column().classes('w-full gap-2')

    def draw() -> None:
        box.clear()
        with box:
            draw_rows()

    def draw_rows() -> None:
        for i, row in enumerate(rows):
            with ui.column().classes('w-full gap-1 pb-extra-role'):
                with ui.row().classes('w-full items-center no-wrap gap-2'):
                    ui.input(t('plan.people.extra_role'), value=row.get('role', ''),
                             on_change=lambda e, r=row: r.update(role=e.value or '')) \
                        .props('outlined').classes('grow').mark(f'extra-role-{i}-role')
                    ui.button(icon='delete', on_click=lambda i=i: (rows.pop(i), draw())) \
                        .props(f'flat round aria-label="{t("plan.people.extra_role_remove")}"') \
                        .mark(f'extra-role-{i}-remove')
                chip_choice(rings, str(row.get('ring', ring)), multiple=False, marker=f'extra-role-{i}-ring',
                            on_change=lambda value, r=row: r.update(ring=int(value or r.get('ring', ring))))
                ui.select(sectors, value=row.get('sector', 'overig'),
                          on_change=lambda e, r=row: r.update(sector=e.value)) \
                    .props('outlined').classes('w-full').mark(f'extra-role-{i}-sector')
        ui.button(t('plan.people.extra_role_add'), icon='add', on_click=lambda: (
            rows.append({'role': '', 'ring': ring, 'sector': 'overig', 'distance': 0.5}), draw())) \
            .props('flat no-caps').mark('extra-role-add')

    draw()
    return lambda: [{'role': r['role'].strip(), 'ring': r.get('ring', ring), 'sector': r.get('sector') or 'overig',
                     'distance': r.get('distance', 0.5)} for r in rows if r.get('role', '').strip()]
