"""The audit log: who viewed, changed, shared, exported or gave access to what on a board, and when (also who
widened or narrowed what an invitee may see).

The AVG gives the family the right to know who looked at their plan. A row keeps who did it (name and role as
they were then), the action, a short subject key and the ids of the elements concerned — never the elements'
words. The words are looked up when someone reads the log, over what that reader may see now (`for_reader`),
so the log cannot show a hidden card's text, and erasing a board (`board.erase`) leaves nothing in it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from .access import BoardRights, can_see
from .elements import NUMBERED, Element, ElementType
from .identity import Actor
from .numbering import numbers_for
from .operations import changed_props
from .store import Store, metadata, now_iso

VIEWED, CHANGED, SHARED, EXPORTED = 'viewed', 'changed', 'shared', 'exported'
CREATED, DELETED = 'created', 'deleted'
"""A batch made or took away these elements ('heeft afspraak 8 gemaakt'); rows written before say `changed`."""
INVITED, PAIRED, REVOKED = 'invited', 'paired', 'revoked'
CONSENT_WIDENED, CONSENT_NARROWED = 'consent_widened', 'consent_narrowed'
"""What an invitee may see was widened or narrowed (`board.invitations.change_consent`); the subject is their name."""
ACTIONS = (VIEWED, CREATED, CHANGED, DELETED, SHARED, EXPORTED, INVITED, PAIRED, REVOKED, CONSENT_WIDENED,
           CONSENT_NARROWED)
PAGES = ('board', 'plan', 'schema', 'live')
"""Subjects of `viewed`: the three faces of a board and the live API."""
EXPORTS = ('json', 'plan_pdf', 'call_list_pdf', 'everything')
"""Subjects of `exported`."""

VIEW_WINDOW = dt.timedelta(hours=1)
"""A person opening the same page again within this time is not written down again."""
PLACEMENT = frozenset({'x', 'y', 'w', 'h'})
"""Moving a card about is not a change worth telling the family (a drag sends 25 of them a second)."""
TIMEZONE = ZoneInfo('Europe/Amsterdam')

audit_log = sa.Table(
    'audit_log', metadata,
    sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False,
              index=True),
    sa.Column('at', sa.String(40), nullable=False),
    sa.Column('actor_id', sa.String(64), nullable=False),
    sa.Column('actor_name', sa.String(120), nullable=False),
    sa.Column('actor_role', sa.String(20), nullable=False),
    sa.Column('action', sa.String(20), nullable=False),
    sa.Column('subject', sa.String(200), nullable=False, server_default=''),
    sa.Column('elements', sa.Text, nullable=False, server_default=''),
)


@dataclass(frozen=True)
class Entry:
    """One row of the log. `elements`: the ids a change or a share concerned."""
    board_id: str
    actor_id: str
    actor_name: str
    actor_role: str
    action: str
    subject: str = ''
    elements: tuple[str, ...] = ()
    at: str = ''

    @classmethod
    def of(cls, board_id: str, actor: Actor, action: str, subject: str = '', elements: Iterable[str] = (),
           at: str = '') -> Entry:
        if action not in ACTIONS:
            raise ValueError(f'unknown audit action {action!r}')
        return cls(board_id, actor.id, actor.name, str(actor.role), action, subject[:200], tuple(elements),
                   at or now_iso())


def record(store: Store, board_id: str, actor: Actor, action: str, subject: str = '',
           elements: Iterable[str] = ()) -> bool:
    """Write down that `actor` did `action` on `subject`; ``False`` for a view already written this hour."""
    entry = Entry.of(board_id, actor, action, subject, elements)
    with store.engine.begin() as connection:
        if action == VIEWED and _seen_recently(connection, entry):
            return False
        _insert(connection, [entry])
    return True


def write(store: Store, entries: list[Entry]) -> None:
    """Write several rows in one transaction (the hub's summary of a group of commits)."""
    if entries:
        with store.engine.begin() as connection:
            _insert(connection, entries)


def batch_entries(board_id: str, actor: Actor, at: str, before: Mapping[str, Element | None],
                  after: Mapping[str, Element]) -> list[Entry]:
    """What one committed batch means for the log: which elements it made, changed or took away, and whose
    visibility it changed.

    A batch that only moved cards about leaves no trace.
    """
    made: dict[str, list[str]] = {CREATED: [], CHANGED: [], DELETED: [], SHARED: []}
    for element_id, new in after.items():
        old = before.get(element_id)
        if old is not None and old.visibility != new.visibility:
            made[SHARED].append(element_id)
        if old is None or old.deleted != new.deleted:
            made[DELETED if new.deleted else CREATED].append(element_id)
        elif set(changed_props(old, new)) - PLACEMENT:
            made[CHANGED].append(element_id)
    return [Entry.of(board_id, actor, action, elements=ids, at=at) for action, ids in made.items() if ids]


def entries(store: Store, board_id: str, limit: int = 2000) -> list[Entry]:
    """The board's log, newest first."""
    query = sa.select(audit_log).where(audit_log.c.board_id == board_id) \
        .order_by(audit_log.c.at.desc(), audit_log.c.id.desc()).limit(limit)
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    return [Entry(board_id=r.board_id, actor_id=r.actor_id, actor_name=r.actor_name, actor_role=r.actor_role,
                  action=r.action, subject=r.subject, elements=tuple(r.elements.split()), at=r.at) for r in rows]


def may_read(actor: Actor, rights: BoardRights) -> bool:
    """Who reads "Wie deed wat": those who manage the board (the family's regie, the coordinator for them)."""
    return rights.manages(actor)


@dataclass(frozen=True)
class Thing:
    """An element as the reader may know it: its type, and its number (theirs, `board.numbering`; ``None`` for a goal
    or agreement removed since) or name when it has one."""
    type: str
    number: int | None = None
    name: str = ''


@dataclass(frozen=True)
class Line:
    """One entry as a reader sees it."""
    at: dt.datetime
    actor_id: str
    who: str
    action: str
    subject: str
    things: tuple[Thing, ...] = ()


def for_reader(log: Iterable[Entry], reader: Actor, elements: Mapping[str, Element]) -> list[Line]:
    """The log as `reader` may read it: elements they may not see (now) are left out, and an entry about
    nothing but such elements is left out whole. Nothing at all for someone who may not read the log."""
    rights = BoardRights.of(elements)
    if not may_read(reader, rights):
        return []
    numbers = numbers_for(reader, elements.values(), rights)
    lines = []
    for entry in log:
        things = tuple(_thing(e, numbers) for i in entry.elements
                       if (e := elements.get(i)) is not None and can_see(reader, e, rights))
        if entry.elements and not things:
            continue
        at = dt.datetime.fromisoformat(entry.at).astimezone(TIMEZONE)
        lines.append(Line(at, entry.actor_id, entry.actor_name, entry.action, entry.subject, things))
    return lines


def _thing(element: Element, numbers: Mapping[str, int]) -> Thing:
    if element.type in NUMBERED:
        return Thing(str(element.type), number=numbers.get(element.id))
    if element.type in (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON):
        return Thing(str(element.type), name=element.props.get('name', ''))
    return Thing(str(element.type))


Words = Callable[..., str]
"""``words(key, **values)``: the app's translation for one of the ``audit.*`` keys."""
SHOWN_THINGS = 3
"""How many elements a sentence names before it says 'and 4 more'."""


def describe(line: Line, words: Words) -> str:
    """The line as a sentence for the family, e.g. 'Meester Karim heeft het plan bekeken op 03-12-2026' (the date
    handed over as a date, for `words` to say in the reader's language)."""
    key = f'audit.{line.action}.{line.subject}' if line.action in (VIEWED, EXPORTED) else f'audit.{line.action}'
    return words(key, who=line.who, what=_things(line.things, words, line.action == DELETED), subject=line.subject,
                 date=line.at.date())


def _things(things: tuple[Thing, ...], words: Words, deleted: bool = False) -> str:
    """'afspraak 8 en doel 3'; a goal or agreement without a number now is 'een verwijderde afspraak', or just 'een
    afspraak' where the sentence says it was taken away."""
    unnumbered = '.deleted' if deleted else '.removed'
    named = [words(f'audit.thing.{t.type}' + (unnumbered if t.type in NUMBERED and t.number is None else ''),
                   number=t.number, name=t.name) for t in things[:SHOWN_THINGS]]
    if len(things) > SHOWN_THINGS:
        named.append(words('audit.more', count=len(things) - SHOWN_THINGS))
    if len(named) < 2:
        return ''.join(named)
    return f"{', '.join(named[:-1])} {words('audit.and')} {named[-1]}"


def _seen_recently(connection: sa.Connection, entry: Entry) -> bool:
    since = (dt.datetime.fromisoformat(entry.at) - VIEW_WINDOW).isoformat(timespec='milliseconds')
    query = sa.select(audit_log.c.id).where(
        audit_log.c.board_id == entry.board_id, audit_log.c.actor_id == entry.actor_id,
        audit_log.c.action == VIEWED, audit_log.c.subject == entry.subject, audit_log.c.at > since).limit(1)
    return connection.execute(query).first() is not None


def _insert(connection: sa.Connection, log: list[Entry]) -> None:
    connection.execute(audit_log.insert(), [
        {'board_id': e.board_id, 'at': e.at, 'actor_id': e.actor_id, 'actor_name': e.actor_name,
         'actor_role': e.actor_role, 'action': e.action, 'subject': e.subject, 'elements': ' '.join(e.elements)}
        for e in log])
