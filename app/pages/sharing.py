"""'Wie mag dit zien?' and 'Goedkeuren': the sharing part of every card editor (the canvas quick editor and the
plan view's `ElementDialog`), and the words and icon that say who sees a card.

Every choice says by name whom it includes ("Zichtbaar voor: Derya, Elif, Mees, Noor en Jolien (coördinator)."),
worked out by `board.access.audience`, so the words are the rule. A parent or the coordinator changes who sees an
existing card with one tap: the chip sends the update at once. On a new card the choice goes with 'Opslaan'. A
choice that would hide the card from the person who makes it asks once more, in words, before it is sent; one
that is not finished ('Alleen…' without 'Klaar') keeps 'Opslaan' off. Whether a choice is allowed is decided by
the hub, not here.
"""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui

from board import sharing
from board.access import (
    COORDINATOR_NAME,
    PROFESSIONALS,
    BoardRights,
    audience,
    can_see,
    default_visibility,
    is_concept,
    may_share,
    sees,
    starts_as_concept,
)
from board.elements import DRAFTABLE, Element, Visibility
from board.identity import Actor, Role

from .chips import chip_choice

Translate = Callable[..., str]
Choose = Callable[[Visibility], Awaitable[bool]]

SCOPES = ('family', 'family_coordinator', 'everyone', 'named')
ICONS = {'family': 'home', 'family_coordinator': 'supervisor_account', 'everyone': 'groups', 'named': 'lock_person'}
"""Material icons in the plan view; the canvas draws its own (assets/board_canvas.js, SEEN_BY)."""
YOUTH_CHOICE = 'coordinator_only'
"""A youth's own chip 'Alleen Jolien (coördinator)': the card for them and the coordinator alone."""
_KINDS = {f'sharing.kind.{kind}' for kind, _ in sharing.ORGANISATION_KINDS}
"""The kinds of organisation called by a word of their own ('school'); any other by its name."""


def seen_key(visibility: Visibility) -> str:
    """The key the canvas looks a card's words up by; `seenKey` in assets/board_canvas.js makes the same."""
    return json.dumps([visibility.scope, list(visibility.names)], ensure_ascii=False, separators=(',', ':'))


def listing(t: Translate, parts: list[str]) -> str:
    """'Derya, Elif en Noor' / 'Derya, Elif and Noor'."""
    return ', '.join(parts[:-1]) + t('sharing.and') + parts[-1] if len(parts) > 1 else ''.join(parts)


class SeenBy:
    """Who sees what, in words, for one person on one version of the board. Names only the people this person
    may see themselves, so the words never tell of someone hidden from them.

    Called with a visibility it returns the sentence: "Zichtbaar voor: Derya, Elif, Mees, Noor en Jolien
    (coördinator). Bas ziet dit niet."
    """

    def __init__(self, t: Translate, viewer: Actor, rights: BoardRights) -> None:
        self.t, self.viewer, self.rights = t, viewer, rights
        self.people = [p for p in rights.people
                       if (e := rights.elements.get(p.id)) is not None and can_see(viewer, e, rights)]
        self.known = {p.id for p in self.people}
        self.short = sharing.short_names(self.people)
        self.coordinator = next((p for p in self.people if p.role == Role.COORDINATOR), None)
        self.organisation_names = sharing.organisation_names(
            e for e in rights.elements.values() if e.id in self.known)
        self.said: dict[str, str] = {}

    @classmethod
    def kept(cls, previous: SeenBy | None, t: Translate, viewer: Actor, rights: BoardRights) -> SeenBy:
        """`previous` while the board is the same version, else words for the board as it is now."""
        return previous if previous is not None and previous.rights is rights else cls(t, viewer, rights)

    def name(self, person: Actor) -> str:
        short = self.short[person.id]
        return self.t('sharing.coordinator', name=short) if person.role == Role.COORDINATOR else short

    def organisation(self, key: str) -> str:
        """How an organisation is called: its kind ('school', 'de ggz') or else its own name."""
        kind = key.removeprefix('org:')
        if f'sharing.kind.{kind}' in _KINDS:
            return self.t(f'sharing.kind.{kind}')
        return self.organisation_names.get(key, kind)

    def youth_alone_with_coordinator(self, visibility: Visibility) -> Visibility | None:
        """The visibility of a youth's 'Alleen Jolien (coördinator)'; ``None`` for anyone else."""
        if self.viewer.role != Role.YOUTH or self.coordinator is None:
            return None
        return Visibility(scope='named', names=(self.viewer.id, COORDINATOR_NAME))

    def __call__(self, visibility: Visibility) -> str:
        key = seen_key(visibility)
        if key not in self.said:
            self.said[key] = self.words(visibility)
        return self.said[key]

    def words(self, visibility: Visibility) -> str:
        t = self.t
        if self._for_the_youth_and_coordinator(visibility):
            return t('sharing.seen.you_and_coordinator', coordinator=self.name(self.coordinator))
        included = self.included(visibility)
        if visibility.scope == 'everyone':
            names = listing(t, [self.name(p) for p in included])
            return t('sharing.seen.everyone', names=names) if names else t('sharing.seen.everyone_here')
        if visibility.scope == 'named':
            parts = self.named_parts(visibility)
        else:
            parts = [self.name(p) for p in included]
            if visibility.scope == 'family_coordinator' and self.coordinator is None:
                parts.append(t('sharing.the_coordinator'))
        text = t('sharing.seen.named', names=listing(t, parts)) if parts else t('sharing.seen.nobody_yet')
        left_out = [self.name(p) for p in self.people if p.in_family and p not in included]
        if left_out:
            text += ' ' + t('sharing.seen.not_one' if len(left_out) == 1 else 'sharing.seen.not_many',
                            names=listing(t, left_out))
        return text

    def included(self, visibility: Visibility) -> list[Actor]:
        return [p for p in audience(visibility, self.rights) if p.id in self.known]

    def named_parts(self, visibility: Visibility) -> list[str]:
        """The people named one by one, then each organisation as 'iedereen van school (Karim en Visser)'."""
        organisations = [name for name in visibility.names if name.startswith('org:')]
        one_by_one = Visibility(scope='named', names=tuple(n for n in visibility.names if n not in organisations))
        listed = self.included(one_by_one)
        parts = [self.name(p) for p in listed]
        for key in organisations:
            members = [p for p in self.included(Visibility(scope='named', names=(key,))) if p not in listed]
            listed += members
            org = self.organisation(key)
            parts.append(self.t('sharing.org_people', org=org, names=listing(self.t, [self.name(p) for p in members]))
                         if members else self.t('sharing.org_nobody', org=org))
        return parts

    def _for_the_youth_and_coordinator(self, visibility: Visibility) -> bool:
        mine = self.youth_alone_with_coordinator(visibility)
        return mine is not None and visibility.scope == 'named' and set(visibility.names) in (
            set(mine.names), {self.viewer.id, self.coordinator.id})


def seen_by_icon(element: Element, words: SeenBy) -> None:
    """The small icon on a list item that says who can see it, with the names as tooltip and label."""
    said = words(element.visibility)
    icon = ui.icon(ICONS[element.visibility.scope], size='sm').classes('pb-seen-by').mark(f'seen-by-{element.id}')
    with icon:
        ui.tooltip(said).classes('text-body2')
    icon.props['aria-label'] = said
    icon.props['role'] = 'img'


class NoChoice:
    """The sharing part of someone who does not choose: a new card takes the board's default."""

    def visibility(self) -> Visibility | None:
        return None

    def hold(self, button: ui.button) -> None:
        pass

    def ready(self) -> bool:
        return True


class SharingChooser:
    """The four big chips 'Alleen ons gezin', 'Gezin en coördinator', 'Iedereen aan tafel', 'Alleen…' (and for a
    youth 'Alleen Jolien (coördinator)'), the names each includes, and for 'Alleen…' the people and
    organisations on the board to pick from.

    :param choose: sends a new visibility for an existing card (``None`` for a new card) and says if it worked
    """

    def __init__(self, t: Translate, actor: Actor, visibility: Visibility, choose: Choose | None,
                 rights: BoardRights) -> None:
        self.t, self.actor, self.value, self.choose, self.rights = t, actor, visibility, choose, rights
        self.words = SeenBy(t, actor, rights)
        self.picking: Visibility | None = None
        """'Alleen…' while names are being tapped, until 'Klaar': an unfinished choice."""
        self.asking: Visibility | None = None
        """A choice that would hide the card from the chooser, until they say 'Ja, toch' or cancel."""
        self.holds: list[ui.button] = []
        self.youth_choice = self.words.youth_alone_with_coordinator(visibility)
        with ui.column().classes('w-full gap-1 pb-sharing').mark('sharing'):
            ui.label(t('sharing.question')).classes('text-subtitle1 text-grey-9')
            with ui.row().classes('gap-1 pb-chips'):
                self.chips = {scope: ui.chip(t(f'sharing.scope.{scope}'), icon=ICONS[scope],
                                             on_click=lambda s=scope: self.tap(s))
                              .classes('pb-chip').mark(f'sharing-{scope}') for scope in SCOPES}
                if self.youth_choice is not None:
                    label = t('sharing.scope.coordinator_only', coordinator=self.words.name(self.words.coordinator))
                    self.chips[YOUTH_CHOICE] = ui.chip(label, icon='lock', on_click=lambda: self.tap(YOUTH_CHOICE)) \
                        .classes('pb-chip').mark(f'sharing-{YOUTH_CHOICE}')
            self.summary = ui.label().classes('pb-sharing-summary').mark('sharing-summary')
            self.picker = ui.column().classes('w-full gap-1 pb-sharing-picker')
            self.warning = ui.row().classes('w-full items-center gap-2 pb-sharing-warning').mark('sharing-warning')
            self.reason = ui.label().classes('pb-sharing-reason text-negative font-medium').mark('sharing-unfinished')
        self.warning.set_visibility(False)
        self.show()

    @property
    def shown(self) -> Visibility:
        """What the chips and the names show: the choice being made, or the one made."""
        return self.asking or self.picking or self.value

    @property
    def unfinished(self) -> str | None:
        """Why the card cannot be saved yet (a translation key), or ``None``."""
        if self.picking is not None:
            return 'sharing.unfinished'
        return 'sharing.asking' if self.asking is not None else None

    def show(self) -> None:
        shown = self.shown
        chosen = YOUTH_CHOICE if self.youth_choice is not None and shown == self.youth_choice else shown.scope
        for key, chip in self.chips.items():
            chip.props('color=primary text-color=white' if key == chosen else 'color=grey-3 text-color=grey-10')
        self.summary.text = self.words(shown)
        reason = self.unfinished
        self.reason.text = self.t(reason) if reason else ''
        self.reason.set_visibility(reason is not None)
        for button in self.holds:
            button.set_enabled(reason is None)

    # what a card editor asks

    def visibility(self) -> Visibility | None:
        """What a new card is created with; an existing card's choice was sent already."""
        return self.value if self.choose is None else None

    def hold(self, button: ui.button) -> None:
        """Keep `button` ('Opslaan') off while the choice is unfinished; the reason shows under the chips."""
        self.holds.append(button)
        self.show()

    def ready(self) -> bool:
        if (reason := self.unfinished) is not None:
            ui.notify(self.t(reason), type='warning')
            return False
        return True

    # choosing

    def tap(self, key: str) -> Any:
        if key == 'named':
            return self.pick_names()
        self.close_picker()
        return self.offer(self.youth_choice if key == YOUTH_CHOICE else Visibility(scope=key))

    def close_picker(self) -> None:
        self.picking = None
        self.picker.clear()

    def own_key(self) -> str | None:
        """The chooser's own chip: the coordinator is 'coordinator', a family member their own id."""
        if self.actor.role == Role.COORDINATOR:
            return COORDINATOR_NAME
        return self.actor.id if self.actor.id in self.words.known else None

    def options(self) -> dict[str, str]:
        """Everyone this person may see on the board, the coordinator as 'Jolien (coördinator)', then the
        organisations by a name one reads ('Iedereen van school')."""
        options = {COORDINATOR_NAME if p.role == Role.COORDINATOR else p.id: self.words.name(p)
                   for p in self.words.people}
        if self.actor.role == Role.COORDINATOR and COORDINATOR_NAME not in options:
            options[COORDINATOR_NAME] = self.t('sharing.coordinator', name=self.actor.name)
        for key in sharing.organisations(e for e in self.rights.elements.values() if e.id in self.words.known):
            options[key] = self.t('sharing.org', org=self.words.organisation(key))
        return options

    def pick_names(self) -> None:
        """'Alleen…': everyone on the board and their organisations as chips; the person choosing starts chosen
        and stays chosen, so the choice is never empty and never hides the card from them."""
        options, own = self.options(), self.own_key()
        coordinator = self.words.coordinator
        was = self.value.names if self.value.scope == 'named' else ()
        start = [COORDINATOR_NAME if coordinator is not None and name == coordinator.id else name for name in was]
        if own is not None and own not in start:
            start.insert(0, own)
        kept = tuple(name for name in start if name not in options)  # names no chip shows stay as they were
        self.warning.clear()
        self.warning.set_visibility(False)
        self.asking = None
        self.picker.clear()

        def changed(chosen: list[str]) -> None:
            self.picking = Visibility(scope='named', names=(*chosen, *kept))
            self.show()
        with self.picker:
            ui.label(self.t('sharing.pick')).classes('text-grey-8')
            chip_choice(options, [name for name in start if name in options], multiple=True, marker='sharing-name',
                        fixed=own, on_fixed=lambda: ui.notify(self.t('sharing.stay')), on_change=changed)
            ui.button(self.t('sharing.pick_done'), icon='check', on_click=lambda: self.offer(self.picking)) \
                .props('unelevated no-caps').mark('sharing-pick-done')
        changed([name for name in options if name in start])

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
        self.asking = visibility
        self.warning.clear()
        with self.warning:
            ui.icon('warning', size='md').classes('text-negative')
            ui.label(self.t('sharing.hides_you')).classes('grow text-negative font-medium')
            ui.button(self.t('sharing.hide_anyway'), on_click=lambda: self.take(visibility), color='negative') \
                .props('unelevated no-caps').mark('sharing-hide-anyway')
            ui.button(self.t('editor.cancel'), on_click=self.cancel).props('flat no-caps')
        self.warning.set_visibility(True)
        self.show()

    def cancel(self) -> None:
        self.asking = None
        self.warning.clear()
        self.warning.set_visibility(False)
        self.show()

    async def take(self, visibility: Visibility) -> None:
        if self.choose is not None and not await self.choose(visibility):
            return  # refused: the hub's reason is already shown, the old choice stays
        self.value = visibility
        self.asking = None
        self.warning.clear()
        self.warning.set_visibility(False)
        self.close_picker()
        self.show()
        if self.choose is not None:
            ui.notify(self.t('sharing.changed'), type='positive')


def sharing_part(t: Translate, actor: Actor, element: Element | None, type_: str,
                 send: Callable[[list[dict[str, Any]]], Awaitable[bool]],
                 rights: BoardRights) -> SharingChooser | NoChoice:
    """What every card editor shows about sharing and concepts; its 'Opslaan' asks the result (`visibility`,
    `ready`) and lets it hold the button while a choice is unfinished (`hold`).

    Whoever may share the card gets the chooser; anyone else reads who can see it. A concept says whose draft it
    is, and a parent approves it here with one tap.
    """
    if element is not None and is_concept(element):
        concept_bar(t, actor, element, send, rights)
    if not may_share(actor, element, rights):
        if element is not None:
            ui.label(SeenBy(t, actor, rights)(element.visibility)).classes('pb-sharing-summary') \
                .mark('sharing-summary')
        return NoChoice()
    current = element.visibility if element is not None else None

    async def choose(visibility: Visibility) -> bool:
        return await send([{'op': 'update', 'id': element.id, 'visibility': visibility.model_dump(mode='json')}])
    return SharingChooser(t, actor, current or default_visibility(actor, type_, rights),
                          choose if element is not None else None, rights)


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
                    with bar.client:  # the approved card's list is redrawn by now, this bar with it
                        ui.notify(t('concept.approved'), type='positive')
            ui.button(t('concept.approve'), icon='verified', on_click=approve) \
                .props('unelevated no-caps').mark(f'approve-{element.id}')


def concept_switch(t: Translate, actor: Actor, type_: str, props: dict[str, Any], rights: BoardRights,
                   new: bool) -> Callable[[], bool] | None:
    """For a professional writing a goal, agreement, note or evaluation: 'Eerst aan het gezin laten zien'
    (a concept). New minutes (a `verslag`) start as a concept: the family reads them first. While the board says
    that a professional's writing starts as a concept, a new card says so instead of offering a choice."""
    if type_ not in DRAFTABLE or actor.role not in PROFESSIONALS:
        return None
    if new and starts_as_concept(actor, type_, rights):
        ui.label(t('rights.concept_always')).classes('pb-small').mark('concept-always')
        return None
    switch = ui.switch(t('concept.mark'), value=bool(props.get('concept', props.get('kind') == 'verslag'))) \
        .mark('field-concept')
    return lambda: bool(switch.value)
