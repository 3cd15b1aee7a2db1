"""The board page: the live canvas, who is here, and a simple editor for one card.

The page is a client of the board hub like the plan and the schema (`HubPage`): it hands every message to the
canvas, and sends what the person does as operations. It decides nothing about what this browser may see; the hub
already filtered every message.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi.responses import RedirectResponse
from nicegui import Client, ui

from board import audit, layout
from board.access import may_change, may_edit, movable
from board.elements import Visibility, new_id
from board.identity import Role

from .. import family_data
from ..canvas import BoardCanvas
from ..contrast import ink_on
from ..news import News, changed_cards, sentence
from ..people import t
from .hub_page import PEOPLE, HubPage, changed_types
from .layout import header
from .lookup import OpenBoard, open_board
from .navigation import board_navigation
from .sharing import SCOPES, concept_switch, seen_key, sharing_part

log = logging.getLogger(__name__)
UNDO_SECONDS = 30
"""How long 'Ongedaan maken' stays offered after 'Netjes leggen'."""
NOTE_KINDS = ('note', 'strength', 'worry', 'question', 'idea', 'verslag')
TEXT_FIELDS: dict[str, list[tuple[str, str]]] = {
    'goal': [('text', 'editor.goal_text')],
    'agreement': [('who', 'editor.who'), ('text', 'editor.agreement_text')],
    'note': [('text', 'editor.note_text')],
    'zone': [('title', 'editor.title')],
    'family_member': [('name', 'editor.name')],
    'network_person': [('name', 'editor.name')],
    'pictogram': [('label', 'editor.label')],
}
"""The props the quick editor offers per card type; the full forms come with the gezinsplan."""


def canvas_labels() -> dict[str, str]:
    """The words the canvas shows; who sees a card comes by name, per sharing (`BoardPage.tell_seen`), with the
    choice's own name to fall back on."""
    keys = ['goal', 'agreement', 'note', 'strength', 'worry', 'question', 'idea', 'verslag', 'zone', 'family_member',
            'network_person', 'pictogram']
    words = ['drag_hint', 'reached', 'until', 'done', 'proposal', 'kader', 'overdue', 'progress', 'concept', 'board',
             'keys_help', 'years', 'role_parent', 'role_child', 'role_youth']
    seen = {f'seen_{scope}': t(f'sharing.scope.{scope}') for scope in SCOPES}
    return {k: t(f'type.{k}') for k in keys} | {k: t(f'canvas.{k}') for k in words} | seen | {'role_other': ''}


class BoardPage(HubPage):
    """One browser tab on one board."""

    def __init__(self, opened: OpenBoard, client: Client, toolbar: ui.row) -> None:
        super().__init__(opened, client)
        hub, actor = self.hub, self.actor
        self.peer_names: dict[str, str] = {}
        self.news = News(self.tell_news)
        with toolbar:
            self.avatars = ui.row().classes('items-center gap-1 no-wrap pb-avatars')
            if actor.role == Role.SCREEN:
                ui.badge(t('board.readonly')).props('color=white text-color=primary')
            else:
                for type_, icon in (('goal', 'flag'), ('agreement', 'handshake'), ('note', 'sticky_note_2')):
                    label = t(f'board.add_{type_}')
                    with ui.button(icon=icon, on_click=lambda ty=type_: self.new_card(ty)) \
                            .props(f'unelevated no-caps color=white text-color=primary aria-label="{label}"') \
                            .classes('pb-add').mark(f'add-{type_}'):
                        ui.label(label).classes('pb-button-label')
            tidy = [('board.tidy', 'auto_awesome_mosaic', self.tidy, 'tidy-board')] \
                if movable(actor, hub.elements.values(), hub.rights) else []
            board_navigation(opened, '', tidy)
        self.canvas = self.view = BoardCanvas(labels=canvas_labels(), readonly=self.readonly,
                                              on_push=self.push_from_canvas, on_ready=self.browser_ready,
                                              on_resync=self.browser_ready, on_open=self.open_editor,
                                              on_drag=self.drag) \
            .classes('pb-canvas w-full')
        self.live = ui.label().classes('pb-sr-only').props('role=status aria-live=polite').mark('board-news')
        """What others changed, said politely to a screen reader (`tell_news`)."""
        self.deliver(hub.welcome_for(actor))  # the first render carries the board

    def leave(self) -> None:
        super().leave()
        self.news.stop()

    def connect(self, since: int | None = None, known: list[str] | None = None) -> None:
        self.canvas.say(self.canvas.seen)  # what was said before the browser listened
        super().connect(since, known)

    def deliver(self, message: dict[str, Any]) -> None:
        if message['type'] == 'presence':
            self.show_presence(message['peers'])
        if message['type'] == 'commit' and message.get('by') != self.actor.id and message.get('changes'):
            self.news.note(self.name_of(message.get('by', '')), changed_cards(message))
        self.tell_seen(message)
        self.canvas.deliver(message)

    def name_of(self, actor_id: str) -> str:
        """Who made a change, as the avatars name them, else as the board does."""
        if actor_id in self.peer_names:
            return self.peer_names[actor_id]
        element = self.hub.elements.get(actor_id)
        return (element.props.get('name') if element is not None else None) or self.t('board.news.someone')

    def tell_news(self, counts: dict[str, int]) -> None:
        """Say a summary in the live region; the same words twice get a trailing space, or they are not said."""
        text = sentence(counts, self.language)
        self.live.set_text(text + '\u00a0' if text == self.live.text else text)

    def tell_seen(self, message: dict[str, Any]) -> None:
        """Before the canvas shows a sharing, the words that name who it includes; all of them again when who is
        on the board changed. Never blocks or raises (it runs in the hub's task)."""
        if message['type'] not in ('welcome', 'commit', 'catchup'):
            return
        changes = message.get('changes', [])
        shown = [e['visibility'] for e in message.get('elements', [])]
        shown += [c['element']['visibility'] if c['kind'] == 'put' else c['visibility']
                  for c in changes if c['kind'] == 'put' or 'visibility' in c]
        renamed = message['type'] != 'commit' or bool(changed_types(self.hub, message) & PEOPLE)
        if not shown and not renamed:
            return  # a drag: nothing to say
        try:
            words = self.seen_by()
            if renamed:
                shown += [e['visibility'] for e in self.canvas.elements.values()]
            visibilities = {seen_key(v): v for v in map(Visibility.model_validate, shown)}
            said = {key: words(v) for key, v in visibilities.items()}
            self.canvas.say({key: words for key, words in said.items() if self.canvas.seen.get(key) != words})
        except Exception:
            log.exception('could not say who sees the cards')

    def show_presence(self, peers: list[dict[str, Any]]) -> None:
        self.avatars.clear()
        self.peer_names.update((peer['id'], peer['name']) for peer in peers)
        with self.avatars:
            seen: set[str] = set()
            for peer in peers:
                if peer['id'] in seen:
                    continue
                seen.add(peer['id'])
                initials = ''.join(part[0] for part in peer['name'].split()[:2]).upper()
                with ui.label(initials).classes('pb-avatar') \
                        .style(f"background:{peer['color']};color:{ink_on(peer['color'])}") as avatar:
                    ui.tooltip(peer['name'])  # inside, not `.tooltip()`: that anchors by id, lost when redrawn
                avatar.props['aria-label'] = peer['name']  # never through a props string: a name may hold quotes

    def drag(self, element_id: str, place: dict[str, Any]) -> None:
        """A card on its way: shown to the others, not stored (`BoardHub.drag`)."""
        if self.joined:
            self.hub.drag(self.session, element_id, place)

    async def push_from_canvas(self, cid: str, ops: list[dict[str, Any]]) -> None:
        """A drag or a keyboard move; a refusal is said, and the canvas puts the card back."""
        await self.push(ops, cid)

    async def submit(self, ops: list[dict[str, Any]], dialog: ui.dialog, done: str) -> None:
        """Send the editor's change; on a refusal (already shown) keep the dialog open so nothing typed is lost."""
        if await self.push(ops):
            dialog.close()
            self.notify(t(done), type='positive')

    def removal(self, type_: str, element_id: str) -> list[dict[str, Any]]:
        """Deleting a card; a person also leaves their ties and the goals and agreements they were named in."""
        if type_ in PEOPLE - {'family_info'}:
            return self.person_removal(element_id)()
        return [{'op': 'delete', 'id': element_id}]

    def new_card(self, type_: str, kind: str | None = None) -> None:
        cx, cy = self.canvas.view_center
        w, h = layout.SIZES[type_]
        props: dict[str, Any] = {'x': round(cx - w / 2, 1), 'y': round(cy - h / 2, 1)}
        if kind:
            props['kind'] = kind
        self.editor(type_, props, element_id=None)

    async def tidy(self) -> None:
        """'Netjes leggen': every card this person may move gets a place in the board's order, for everyone at once
        as one batch (`board.layout.tidy`); cards hidden from them stay where they are, and only the places of the
        cards they see travel. One tap on 'Ongedaan maken' puts back what nobody moved since."""
        elements = self.hub.elements
        spots = layout.tidy(elements, movable(self.actor, elements.values(), self.hub.rights))
        ops = layout.moves(elements, spots)
        if not ops:
            ui.notify(t('board.already_tidy'), type='info')
            return
        before = {op['id']: (elements[op['id']].props.get('x', 0), elements[op['id']].props.get('y', 0)) for op in ops}
        if not await self.push(ops):
            return
        after = {op['id']: (op['props']['x'], op['props']['y']) for op in ops}
        with self.canvas.parent_slot, ui.card().props('flat bordered').classes('q-py-xs q-px-md shadow-4') \
                .style('position: fixed; bottom: 84px; left: 50%; transform: translateX(-50%); z-index: 2000; '
                       'width: max-content; max-width: calc(100vw - 32px)').mark('tidied') as note, \
                ui.row().classes('items-center no-wrap gap-2'):
            ui.label(t('board.tidied'))

            async def undo() -> None:
                note.delete()
                back = layout.moves(self.hub.elements, before, since=after)
                if not back or await self.push(back):
                    with self.canvas:  # the note this button was on is gone
                        ui.notify(t('board.untidied'), type='positive')
            ui.button(t('board.tidy_undo'), icon='undo', on_click=undo).props('flat no-caps').mark('tidy-undo')
            ui.timer(UNDO_SECONDS, note.delete, once=True)

    def open_editor(self, element_id: str) -> None:
        element = self.element(element_id)
        if element is None:
            ui.notify(t('editor.gone'), type='warning')
            return
        self.editor(element.type, dict(element.props), element_id)

    def editor(self, type_: str, props: dict[str, Any], element_id: str | None) -> None:
        """The quick editor; on a card this person may not change (someone else's, for a child) it only shows it."""
        element = self.element(element_id) if element_id else None
        rights = self.hub.rights
        readonly = self.readonly or (element is not None and not may_edit(self.actor, element, rights))
        title = t(f'editor.new_{type_}') if not element_id else t('editor.edit') if not readonly \
            else t(f"type.{props.get('kind', 'note') if type_ == 'note' else type_}")
        with ui.dialog() as dialog, ui.card().classes('pb-editor w-full'):
            ui.label(title).classes('text-h6')
            inputs: dict[str, ui.input | ui.textarea | ui.select] = {}
            if type_ == 'note':
                inputs['kind'] = ui.select({k: t(f'type.{k}') for k in NOTE_KINDS}, label=t('editor.note_kind'),
                                           value=props.get('kind', 'note')).props('outlined').classes('w-full')
                inputs['kind'].set_enabled(not readonly)
            for field, label in TEXT_FIELDS.get(type_, []):
                make = ui.textarea if field == 'text' else ui.input
                inputs[field] = make(t(label), value=props.get(field, '')) \
                    .props('outlined autogrow' + (' readonly' if readonly else '')).classes('w-full') \
                    .mark(f'editor-{field}')
            if inputs and not readonly:
                inputs[next(iter(inputs))].props('autofocus')
            concept = None if readonly else concept_switch(t, self.actor, type_, props, rights, element is None)
            sharing = sharing_part(t, self.actor, element, type_, self.push, self.hub.rights)

            def changes() -> dict[str, Any]:
                typed = {field: widget.value or '' for field, widget in inputs.items()}
                return typed | ({'concept': concept()} if concept else {})

            with ui.row().classes('w-full justify-end gap-2'):
                if element is not None and may_change(self.actor, element, rights, deleted=True):
                    ui.button(t('editor.delete'), icon='delete', color='negative',
                              on_click=lambda: self.submit(self.removal(type_, element_id), dialog,
                                                           'editor.deleted')).props('flat no-caps') \
                        .mark('editor-delete')
                ui.space()
                ui.button(t('editor.cancel'), on_click=dialog.close).props('flat no-caps')
                if not readonly:
                    def save() -> Any:
                        if not sharing.ready():
                            return None
                        if element_id:
                            op = {'op': 'update', 'id': element_id, 'props': changes()}
                        else:
                            op = {'op': 'create', 'id': new_id(type_), 'type': type_,
                                  'props': props | changes()}
                            if (chosen := sharing.visibility()) is not None:
                                op['visibility'] = chosen.model_dump(mode='json')
                        return self.submit([op], dialog, 'editor.saved')
                    sharing.hold(ui.button(t('editor.save'), icon='check', on_click=save)
                                 .props('unelevated no-caps').mark('editor-save'))
        dialog.open()


def register() -> None:
    @ui.page('/board/{board_id}')
    async def board_page(board_id: str, client: Client, token: str | None = None) -> RedirectResponse | None:
        opened = await open_board(board_id, token)
        if not isinstance(opened, OpenBoard):
            return opened
        await family_data.note(board_id, opened.actor, audit.VIEWED, 'board')
        with header(opened.hub.info.name) as toolbar:
            pass
        BoardPage(opened, client, toolbar)
