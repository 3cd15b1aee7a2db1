"""'Wie mag dit zien?' and 'Goedkeuren': the sharing part of every card editor (the canvas quick editor and the
plan view's `ElementDialog`), and the words and icon that say who sees a card.

A parent or the coordinator changes who sees an existing card with one tap: the chip sends the update at once.
On a new card the choice goes with 'Opslaan'. A choice that would hide the card from the person who makes it
asks once more, in words, before it is sent. Whether a choice is allowed is decided by the hub, not here.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from nicegui import ui

from board import sharing
from board.access import PROFESSIONALS, BoardRights, default_visibility, is_concept, may_share, sees
from board.elements import DRAFTABLE, Element, Visibility
from board.identity import Actor

from .chips import chip_choice

Translate = Callable[..., str]
Choose = Callable[[Visibility], Awaitable[bool]]

SCOPES = ('family', 'family_coordinator', 'everyone', 'named')
ICONS = {'family': 'home', 'family_coordinator': 'supervisor_account', 'everyone': 'groups', 'named': 'lock_person'}
"""Material icons in the plan view; the canvas draws its own (assets/board_canvas.js, ICONS)."""


def seen_by(t: Translate, visibility: Visibility, elements: Iterable[Element]) -> str:
    """'Zichtbaar voor: alleen het gezin' — in words, for a tooltip and a screen reader."""
    if visibility.scope != 'named':
        return t(f'sharing.seen.{visibility.scope}')
    people = sharing.people(elements)
    names = [people.get(name) or name.removeprefix('org:') for name in visibility.names]
    return t('sharing.seen.named', names=', '.join(names) or '–')


def seen_by_icon(t: Translate, element: Element, elements: Iterable[Element]) -> None:
    """The small icon on a list item that says who can see it, with the words as tooltip and label."""
    words = seen_by(t, element.visibility, elements)
    icon = ui.icon(ICONS[element.visibility.scope], size='sm').classes('pb-seen-by') \
        .mark(f'seen-by-{element.id}').tooltip(words)
    icon.props['aria-label'] = words
    icon.props['role'] = 'img'


class SharingChooser:
    """The four big chips 'Alleen ons gezin', 'Gezin en coördinator', 'Iedereen aan tafel', 'Alleen…', and for
    'Alleen…' the people and organisations on the board to pick from.

    :param choose: sends a new visibility for an existing card (``None`` for a new card) and says if it worked
    """

    def __init__(self, t: Translate, actor: Actor, visibility: Visibility, elements: list[Element],
                 choose: Choose | None, rights: BoardRights) -> None:
        self.t, self.actor, self.value, self.choose, self.rights = t, actor, visibility, choose, rights
        self.people = sharing.people(elements)
        self.organisations = sharing.organisations(elements)
        self.elements = elements
        self.pending: Visibility | None = None
        with ui.column().classes('w-full gap-1 pb-sharing').mark('sharing'):
            ui.label(t('sharing.question')).classes('text-subtitle1 text-grey-9')
            with ui.row().classes('gap-1 pb-chips'):
                self.chips = {scope: ui.chip(t(f'sharing.scope.{scope}'), icon=ICONS[scope],
                                             on_click=lambda s=scope: self.tap(s))
                              .classes('pb-chip').mark(f'sharing-{scope}') for scope in SCOPES}
            self.picker = ui.column().classes('w-full gap-1 pb-sharing-picker')
            self.warning = ui.row().classes('w-full items-center gap-2 pb-sharing-warning').mark('sharing-warning')
            self.summary = ui.label().classes('pb-small').mark('sharing-summary')
        self.show()

    def show(self) -> None:
        for scope, chip in self.chips.items():
            if scope == self.value.scope:
                chip.props('color=primary text-color=white')
            else:
                chip.props('color=grey-3 text-color=grey-10')
        self.summary.text = seen_by(self.t, self.value, self.elements)
        self.warning.clear()
        self.warning.set_visibility(False)

    def tap(self, scope: str) -> Any:
        if scope == 'named':
            return self.pick_names()
        self.picker.clear()
        return self.offer(Visibility(scope=scope))

    def pick_names(self) -> None:
        """'Alleen…': everyone on the board and their organisations as chips; the person choosing starts chosen."""
        start = sharing.with_me(self.value, self.actor.id) if self.actor.id in self.people else self.value
        options = {**self.people,
                   **{key: self.t('sharing.org', kind=key.removeprefix('org:')) for key in self.organisations}}
        self.picker.clear()
        with self.picker:
            ui.label(self.t('sharing.pick')).classes('text-grey-8')
            chosen = chip_choice(options, list(start.names) if start.scope == 'named' else [], multiple=True,
                                 marker='sharing-name')
            ui.button(self.t('sharing.pick_done'), icon='check',
                      on_click=lambda: self.offer(Visibility(scope='named', names=tuple(chosen())))) \
                .props('unelevated no-caps').mark('sharing-pick-done')

    async def offer(self, visibility: Visibility) -> None:
        """Take a choice; one that hides the card from the chooser is only taken after 'Ja, toch'."""
        if visibility.scope == 'named' and not visibility.names:
            ui.notify(self.t('sharing.nobody'), type='warning')
            return
        if not sees(self.actor, visibility, self.rights):
            self.warn(visibility)
            return
        await self.take(visibility)

    def warn(self, visibility: Visibility) -> None:
        self.warning.clear()
        with self.warning:
            ui.icon('warning', size='md').classes('text-negative')
            ui.label(self.t('sharing.hides_you')).classes('grow text-negative font-medium')
            ui.button(self.t('sharing.hide_anyway'), on_click=lambda: self.take(visibility), color='negative') \
                .props('unelevated no-caps').mark('sharing-hide-anyway')
            ui.button(self.t('editor.cancel'), on_click=self.show).props('flat no-caps')
        self.warning.set_visibility(True)

    async def take(self, visibility: Visibility) -> None:
        if self.choose is not None and not await self.choose(visibility):
            return  # refused: the hub's reason is already shown, the old choice stays
        self.value = visibility
        self.picker.clear()
        self.show()
        if self.choose is not None:
            ui.notify(self.t('sharing.changed'), type='positive')


def sharing_part(t: Translate, actor: Actor, element: Element | None, type_: str, elements: list[Element],
                 send: Callable[[list[dict[str, Any]]], Awaitable[bool]],
                 rights: BoardRights) -> Callable[[], Visibility | None]:
    """What every card editor shows about sharing and concepts; returns a getter for a new card's visibility.

    A parent or the coordinator gets the chooser; anyone else reads who can see the card. A concept says whose
    draft it is, and a parent approves it here with one tap.
    """
    if element is not None and is_concept(element):
        concept_bar(t, actor, element, send, rights)
    if not may_share(actor, element, rights):
        if element is not None:
            ui.label(seen_by(t, element.visibility, elements)).classes('pb-small').mark('sharing-summary')
        return lambda: None
    current = element.visibility if element is not None else None

    async def choose(visibility: Visibility) -> bool:
        return await send([{'op': 'update', 'id': element.id, 'visibility': visibility.model_dump(mode='json')}])
    chooser = SharingChooser(t, actor, current or default_visibility(actor, type_, rights), elements,
                             choose if element is not None else None, rights)
    return lambda: None if element is not None else chooser.value


def concept_bar(t: Translate, actor: Actor, element: Element,
                send: Callable[[list[dict[str, Any]]], Awaitable[bool]], rights: BoardRights) -> None:
    """'Concept van Jolien: nog alleen voor het gezin' and, for a parent, 'Goedkeuren'."""
    author = (element.props.get('concept_by') or {}).get('name') or '?'
    with ui.row().classes('pb-concept-bar items-center gap-2 w-full').mark(f'concept-{element.id}') as bar:
        ui.icon('edit_note', size='sm').classes('text-grey-8')
        ui.label(t('concept.by', name=author)).classes('grow font-medium')
        if rights.family_manages(actor):
            async def approve() -> None:
                if await send([{'op': 'update', 'id': element.id, 'props': {'concept': False}}]):
                    bar.set_visibility(False)
                    ui.notify(t('concept.approved'), type='positive')
            ui.button(t('concept.approve'), icon='verified', on_click=approve) \
                .props('unelevated no-caps').mark(f'approve-{element.id}')


def concept_switch(t: Translate, actor: Actor, type_: str, props: dict[str, Any]) -> Callable[[], bool] | None:
    """For a professional writing a goal, agreement, note or evaluation: 'Eerst aan het gezin laten zien'
    (a concept). New minutes (a `verslag`) start as a concept: the family reads them first."""
    if type_ not in DRAFTABLE or actor.role not in PROFESSIONALS:
        return None
    switch = ui.switch(t('concept.mark'), value=bool(props.get('concept', props.get('kind') == 'verslag'))) \
        .mark('field-concept')
    return lambda: bool(switch.value)
