"""'Wat mag … zien?': an invitee's consent as big chips — topics (the zones of the board by title), goals (by their
words) and the cards shared with them by name — and the same consent in words ("Derya gaf op 4-12 toestemming: het
onderwerp Omgangsregeling en doel 'Mees speelt weer voetbal'").

Both show only what the person looking at them may see; a zone or goal hidden from them is neither offered nor named,
and a choice made earlier that they cannot see is kept as it was. Whether a consent may be given or widened is decided
in `board.invitations` and `board.access`, not here.
"""
from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from board.access import BoardRights, can_see
from board.elements import Element, ElementType
from board.identity import Actor, Consent, Role
from board.invitations import ConsentRecord

from .chips import chip_choice

Translate = Callable[..., str]
GOAL_WORDS = 70
"""Characters of a goal's words on a chip; the rest is left out with '…'."""


def _visible(viewer: Actor, rights: BoardRights, type_: ElementType) -> dict[str, Element]:
    found = [e for e in rights.elements.values()
             if e.type == type_ and not e.deleted and can_see(viewer, e, rights)]
    found.sort(key=lambda e: (e.props.get('number') or 0, e.props.get('title') or e.props.get('text') or ''))
    return {e.id: e for e in found}


def _short(text: str) -> str:
    text = ' '.join(text.split()).rstrip('.')
    return text if len(text) <= GOAL_WORDS else f'{text[:GOAL_WORDS - 1].rstrip()}…'


def what_words(t: Translate, consent: Consent | None, invitee: str, viewer: Actor, rights: BoardRights) -> str:
    """What a consent reaches, in words, naming only the zones and goals `viewer` may see."""
    if consent is None:
        return t('consent.whole_plan')
    zones, goals = _visible(viewer, rights, ElementType.ZONE), _visible(viewer, rights, ElementType.GOAL)
    parts = [t('consent.topic', title=zones[i].props.get('title', '')) for i in consent.zones if i in zones]
    parts += [t('consent.goal', text=_short(goals[i].props.get('text', ''))) for i in consent.goals if i in goals]
    if consent.named:
        parts.append(t('consent.named', name=invitee))
    if not parts:
        return t('consent.nothing')
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {t('consent.and')} {parts[-1]}"


def consent_sentence(t: Translate, record: ConsentRecord, invitee: str, viewer: Actor, rights: BoardRights) -> str:
    """Who consented, when, and to what, as one sentence; an invitation's words from before are quoted after it."""
    sentence = t('consent.given', parent=record.parent_name, date=f'{record.date.day}-{record.date.month}',
                 what=what_words(t, record.what, invitee, viewer, rights))
    return f"{sentence} ({t('consent.words', words=record.words)})" if record.words else sentence


class ConsentChooser:
    """The chips to choose an invitee's consent with, for `viewer`, starting from `current`.

    :param role: the invitee's role, if known: a screen is never named on a card, so it gets no 'by name' chip
    :param marker: the chooser's test marker; its chips are ``<marker>-zone-<id>``, ``<marker>-goal-<id>``,
        ``<marker>-named``
    """

    def __init__(self, t: Translate, viewer: Actor, rights: BoardRights, current: Consent | None = None,
                 role: Role | str | None = None, *, marker: str) -> None:
        self.current = current or Consent()
        zones, goals = _visible(viewer, rights, ElementType.ZONE), _visible(viewer, rights, ElementType.GOAL)
        self.hidden_zones = tuple(i for i in self.current.zones if i not in zones)
        self.hidden_goals = tuple(i for i in self.current.goals if i not in goals)
        with ui.column().classes('w-full gap-1 pb-consent').mark(marker):
            ui.label(t('consent.help')).classes('text-body2 text-grey-8')
            ui.label(t('consent.topics')).classes('text-subtitle2 text-grey-9')
            self.zones = chip_choice({i: z.props.get('title') or '–' for i, z in zones.items()},
                                     [i for i in self.current.zones if i in zones], multiple=True,
                                     marker=f'{marker}-zone')
            ui.label(t('consent.goals')).classes('text-subtitle2 text-grey-9')
            self.goals = chip_choice({i: _short(g.props.get('text') or '–') for i, g in goals.items()},
                                     [i for i in self.current.goals if i in goals], multiple=True,
                                     marker=f'{marker}-goal')
            self.named: Callable[[], list[str]] = list
            if role != Role.SCREEN:
                ui.label(t('consent.named_title')).classes('text-subtitle2 text-grey-9')
                self.named = chip_choice({'named': t('consent.named_chip')}, ['named'] if self.current.named else [],
                                         multiple=True, marker=marker)

    def value(self) -> Consent:
        """The consent as chosen now, with what was chosen before among things this viewer cannot see."""
        return Consent(zones=(*self.zones(), *self.hidden_zones), goals=(*self.goals(), *self.hidden_goals),
                       named=bool(self.named()))
