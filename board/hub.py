"""The per-board hub: one authority that orders, checks, stores and fans out operations.

Pushes from all clients of a board queue up; a single drain loop takes whatever is waiting, checks
each batch against the document (plus the batches accepted just before it), gives each accepted batch
the board's next sequence number, commits them to the log in one transaction (group commit), and only
then makes them current and tells every client what it may see of them. An acknowledged batch is on disk.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections import ChainMap, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import audit, numbering, protocol
from .access import ActorGuard, BoardRights, as_known, can_see, is_concept, may_move, sees_presence
from .elements import NUMBERED, Element, ElementType
from .flood import TokenBucket
from .identity import Actor
from .log_context import about_board
from .operations import OperationError, apply_batch, parse_batch
from .store import (
    BATCH_IDS_REMEMBERED,
    BoardInfo,
    CommitRecord,
    LoadedBoard,
    SeqConflict,
    Store,
    now_iso,
    replay,
)

log = logging.getLogger(__name__)

SNAPSHOT_EVERY = 500
"""Commits between snapshots: loading replays at most this many batches."""
MAX_KNOWN_IDS = 50_000
"""Ids a returning client may list in a resync: more than any board holds."""
DRAGS_PER_SECOND = 30.0
"""A canvas sends 20–30 places a second while a card is dragged (design.md); more are dropped, not queued."""

Send = Callable[[dict[str, Any]], None]


@dataclass(eq=False)
class Session:
    """One connected client: a browser tab or an API connection. `send` must not block."""
    actor: Actor
    send: Send
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    bucket: TokenBucket = field(default_factory=TokenBucket)
    """Operations this client may still send now (`board.flood`)."""
    drags: TokenBucket = field(default_factory=lambda: TokenBucket(DRAGS_PER_SECOND, 2 * DRAGS_PER_SECOND))
    """Places of dragged cards this client may still send now (`BoardHub.drag`)."""
    numbers: dict[str, int] = field(default_factory=dict)
    """The numbers this client holds the goals and agreements by (`board.numbering`)."""

    def deliver(self, message: dict[str, Any]) -> None:
        try:
            self.send(message)
        except Exception:  # a broken client must not stop the others
            log.exception('could not deliver to session %s', self.id)


@dataclass(eq=False)
class _Pending:
    session: Session
    cid: str
    raw_ops: Any
    done: asyncio.Future


class BoardHub:
    def __init__(self, store: Store, loaded: LoadedBoard,
                 publish: Callable[[str, list[CommitRecord]], None] | None = None,
                 publish_drag: Callable[[str, dict[str, Any]], None] | None = None) -> None:
        self.store = store
        self.info: BoardInfo = loaded.info
        self.elements: dict[str, Element] = loaded.elements
        self.rights = BoardRights(self.elements)
        """Who manages the board and who is the household, as the board says now (`board.access`)."""
        self._numbers: dict[Actor, dict[str, int]] = {}
        """Each viewer's numbers on the board as it is now (`numbers`)."""
        self.seq = loaded.seq
        self.sessions: dict[str, Session] = {}
        self._snapshot_seq = loaded.snapshot_seq
        self._queue: list[_Pending] = []
        self._drain_task: asyncio.Task | None = None
        self._acked: OrderedDict[tuple[str, str], int] = OrderedDict()
        for actor_id, cid, seq in loaded.batch_ids:
            self._remember(actor_id, cid, seq)
        self._publish = publish
        self._publish_drag = publish_drag
        self.closed: str | None = None
        """Why this hub let go of everyone (`close`); a closed hub takes nobody in and nothing more."""

    @property
    def board_id(self) -> str:
        return self.info.id

    def numbers(self, actor: Actor) -> dict[str, int]:
        """The numbers `actor` knows the goals and agreements by now (`board.numbering`), worked out once a version."""
        if (numbers := self._numbers.get(actor)) is None:
            numbers = self._numbers[actor] = numbering.numbers_for(actor, self.elements.values(), self.rights)
        return numbers

    def visible_elements(self, actor: Actor) -> list[Element]:
        """Everything `actor` may see now, numbered their way."""
        numbers = self.numbers(actor)
        return [numbering.as_seen(e, numbers) for e in self._visible(actor)]

    def _visible(self, actor: Actor) -> list[Element]:
        """Everything `actor` may see now, as stored: what goes on the wire through `numbering.public`."""
        return [as_known(actor, e, self.rights) for e in self.elements.values()
                if not e.deleted and can_see(actor, e, self.rights)]

    def element_for(self, actor: Actor, element_id: str) -> Element | None:
        """An element as this actor may know it: ``None`` when deleted or hidden from them."""
        element = self.elements.get(element_id)
        if element is None or element.deleted or not can_see(actor, element, self.rights):
            return None
        return numbering.as_seen(as_known(actor, element, self.rights), self.numbers(actor))

    # sessions

    def welcome_for(self, actor: Actor, session_id: str = '') -> dict[str, Any]:
        """Everything `actor` may see now, as a ``welcome`` message."""
        return protocol.welcome(self.info.as_dict(), self.seq, actor, session_id, self._visible(actor),
                                self.numbers(actor))

    def join(self, actor: Actor, send: Send, since: int | None = None,
             known: list[str] | tuple[str, ...] = ()) -> Session:
        """Connect a client; from now on it receives live changes and counts as present.

        A new client gets a welcome with everything it may see; one that already holds the board up to
        `since` (a page rendered with a welcome, a client back from sleep) gets a catch-up instead.
        """
        session = Session(actor=actor, send=send)
        if self.closed is not None:
            session.deliver(protocol.closed(self.closed))
            return session
        self.sessions[session.id] = session
        if since is None:
            session.numbers = self.numbers(actor)
            session.deliver(self.welcome_for(actor, session.id))
        else:
            self.resync(session, since, known)
        self._broadcast_presence()
        return session

    def leave(self, session: Session) -> None:
        if self.sessions.pop(session.id, None) is not None:
            self._broadcast_presence()

    def peers(self, viewer: Actor) -> list[dict[str, Any]]:
        """Who is looking now, as far as `viewer` may know (`board.access.sees_presence`)."""
        return [protocol.presence_entry(s.id, s.actor) for s in self.sessions.values()
                if sees_presence(viewer, s.actor, self.rights)]

    def _broadcast_presence(self) -> None:
        for session in list(self.sessions.values()):
            session.deliver(protocol.presence(self.peers(session.actor)))

    def resync(self, session: Session, since: int, known: list[str] | tuple[str, ...] = ()) -> None:
        """Catch a returning client up: everything it may see that changed after `since`, a `remove`
        for each id it says it holds (`known`) that is now deleted or hidden from it, and the present number of
        each goal and agreement it holds (a goal before it may have come or gone meanwhile).

        Removes go only to ids the client names, so a resync never tells anyone that a hidden element exists.
        """
        visible, numbers = self._visible(session.actor), self.numbers(session.actor)
        held = dict.fromkeys(known[:MAX_KNOWN_IDS])
        changes = [{'kind': 'put', 'element': numbering.public(e, numbers)} for e in visible if e.seq > since]
        seen = {e.id for e in visible}
        changes += [{'kind': 'remove', 'id': element_id} for element_id in held if element_id not in seen]
        changes += protocol.renumbered(held, numbers, self.elements, changes)
        session.numbers = numbers
        session.deliver(protocol.catchup(self.seq, changes))

    # drags

    def drag(self, session: Session, element_id: str, place: Any) -> None:
        """A card on its way under someone's finger: shown to everyone else who may see it (here and, through
        `publish_drag`, on other instances), never stored nor answered; only the drop is an operation. Ignored for a
        card this client may not move, a place that is not one, or a client sending faster than a canvas does."""
        element = self.elements.get(element_id)
        if self.closed is not None or element is None or not may_move(session.actor, element, self.rights):
            return
        if (message := protocol.drag(element_id, place)) is None or not session.drags.take():
            return
        self.show_drag(message, but=session)
        if self._publish_drag is not None:
            self._publish_drag(self.board_id, message)

    def show_drag(self, message: dict[str, Any], but: Session | None = None) -> None:
        """Tell every client who may see the card where it is now, by the same rule as a commit (`can_see`)."""
        element = self.elements.get(message['id'])
        if element is None or element.deleted:
            return
        for session in list(self.sessions.values()):
            if session is not but and can_see(session.actor, element, self.rights):
                session.deliver(message)

    # operations

    async def push(self, session: Session, cid: str, raw_ops: Any) -> dict[str, Any]:
        """Queue a batch; resolves to the ``ack`` or ``reject`` that is also sent to the session.

        A client sending faster than its bucket allows gets ``too_fast`` at once, without queueing, so a flood
        never delays anyone else's batch.
        """
        if self.closed is not None:
            return protocol.reject(cid, {'code': 'board_closed'})
        if not session.bucket.take(max(1, len(raw_ops) if isinstance(raw_ops, list) else 1)):
            message = protocol.reject(cid, {'code': 'too_fast'})
            session.deliver(message)
            return message
        pending = _Pending(session, cid, raw_ops, asyncio.get_running_loop().create_future())
        self._queue.append(pending)
        if self._drain_task is None or self._drain_task.done():
            with about_board(self.board_id):  # the task takes a copy of the context: its log lines name the board
                self._drain_task = asyncio.create_task(self._drain())
        return await pending.done

    async def _drain(self) -> None:
        while self._queue:
            batch, self._queue = self._queue, []
            try:
                await self._commit_group(batch)
            except Exception:
                log.exception('board %s: commit failed', self.board_id)
                for pending in batch:
                    if not pending.done.done():
                        self._answer(pending, protocol.reject(pending.cid, {'code': 'storage_unavailable'}))

    async def _commit_group(self, batch: list[_Pending]) -> None:
        staged: dict[str, Element] = {}
        view = ChainMap(staged, self.elements)
        accepted: list[tuple[_Pending, CommitRecord, dict[str, Element | None], dict[str, Element]]] = []
        resent: list[_Pending] = []  # the same batch again, while its original waits in this group
        unchanged: list[tuple[_Pending, int]] = []  # batches that change nothing, and the board they left as it was
        in_group: set[tuple[str, str]] = set()
        base = seq = self.seq
        now = now_iso()
        for pending in batch:
            key = (pending.session.actor.id, pending.cid)
            if key in self._acked:
                self._answer(pending, protocol.ack(pending.cid, self._acked[key]))
                continue
            if key in in_group:
                resent.append(pending)
                continue
            effective: list[dict[str, Any]] = []
            try:
                ops = parse_batch(pending.raw_ops)
                changed = apply_batch(view, ops, actor_id=pending.session.actor.id, seq=seq + 1, now=now,
                                      guard=ActorGuard(pending.session.actor, BoardRights(view)),
                                      effective=effective)
            except OperationError as error:
                self._answer(pending, protocol.reject(pending.cid, error.as_dict()))
                continue
            if not changed:
                unchanged.append((pending, seq))
                continue
            seq += 1
            in_group.add(key)
            record = CommitRecord(seq=seq, actor_id=pending.session.actor.id, at=now, cid=pending.cid, ops=effective)
            accepted.append((pending, record, {i: view.get(i) for i in changed}, changed))
            staged.update(changed)
        if not accepted:
            self._answer_unchanged(unchanged)
            return
        entries = [entry for pending, record, before, changed in accepted
                   for entry in audit.batch_entries(self.board_id, pending.session.actor, record.at, before, changed)]
        try:
            await asyncio.to_thread(self._append, [a[1] for a in accepted], entries)
        except SeqConflict:
            await self._take_in_conflicting_commits(base)
            self._queue[:0] = [a[0] for a in accepted] + resent + [u[0] for u in unchanged]
            return
        log.debug('committed seq %d to %d', accepted[0][1].seq, accepted[-1][1].seq)
        for pending, record, before, changed in accepted:
            self._make_current(record, before, changed)
            self._answer(pending, protocol.ack(pending.cid, record.seq))
        for pending in resent:
            self._answer(pending, protocol.ack(pending.cid, self._acked[(pending.session.actor.id, pending.cid)]))
        self._answer_unchanged(unchanged)
        if self._publish is not None:
            self._publish(self.board_id, [a[1] for a in accepted])
        if self.seq - self._snapshot_seq >= SNAPSHOT_EVERY:
            await self._snapshot()

    def _make_current(self, record: CommitRecord, before: dict[str, Element | None],
                      changed: dict[str, Element]) -> None:
        rights_changed = any(e.type == ElementType.FAMILY_MEMBER for e in changed.values()) \
            and BoardRights(ChainMap(changed, self.elements)).differs(self.rights)  # only members say who is who
        held = {s.id: {e.id for e in self._visible(s.actor)} for s in self.sessions.values()
                if rights_changed or s.actor.consent is not None}  # what they hold now (see `_resend`)
        seen_here = None if rights_changed or not self._may_hide_someone_here(before, changed) else \
            {s.id: self.peers(s.actor) for s in self.sessions.values()}
        self.elements.update(changed)
        self.seq = record.seq
        self.rights = BoardRights(self.elements)
        self._numbers = {}
        if record.cid:
            self._remember(record.actor_id, record.cid, record.seq)
        for session in list(self.sessions.values()):
            if session.id in held:
                self._resend(session, held[session.id])
                continue
            numbers = self.numbers(session.actor) if self._renumbers(session, changed) else session.numbers
            changes = [c for i, after in changed.items()
                       if (c := protocol.view_change(session.actor, before[i], after, self.rights, numbers))]
            changes += protocol.renumbered(session.numbers, numbers, self.elements, changes)
            session.numbers = numbers
            if changes:
                session.deliver(protocol.commit(record.seq, record.actor_id, changes))
        if rights_changed:
            self._broadcast_presence()
        elif seen_here is not None:  # only to whom it makes a difference
            for session in list(self.sessions.values()):
                if (peers := self.peers(session.actor)) != seen_here.get(session.id):
                    session.deliver(protocol.presence(peers))

    def _may_hide_someone_here(self, before: dict[str, Element | None], changed: dict[str, Element]) -> bool:
        """Whether who may know of whom changed (`sees_presence` asks who sees each present person's cards): a card
        of someone here is new, shared differently, a concept or not, or gone. A drag or a new word is not."""
        here = {s.actor.id for s in self.sessions.values()}
        return any(after.created_by in here and (
            (was := before[i]) is None or (was.visibility, was.deleted, is_concept(was))
            != (after.visibility, after.deleted, is_concept(after))) for i, after in changed.items())

    def _renumbers(self, session: Session, changed: dict[str, Element]) -> bool:
        """Whether a goal or agreement came into or went out of what this client sees, so its numbers may shift."""
        return any(after.type in NUMBERED and (after.id in session.numbers)
                   != (not after.deleted and can_see(session.actor, after, self.rights)) for after in changed.values())

    def _resend(self, session: Session, held: set[str]) -> None:
        """Catch a client up when more than the changed elements may look different to it: who manages the board
        or who is the household changed, or it came by invitation and its consent reaches other cards now (a card
        moved into a zone). Puts what changed or became visible, removes what it no longer may see."""
        visible, numbers = self._visible(session.actor), self.numbers(session.actor)
        changes = [{'kind': 'put', 'element': numbering.public(e, numbers)} for e in visible
                   if e.seq == self.seq or e.id not in held]
        changes += [{'kind': 'remove', 'id': i} for i in held - {e.id for e in visible}]
        changes += protocol.renumbered(session.numbers, numbers, self.elements, changes)
        session.numbers = numbers
        session.deliver(protocol.catchup(self.seq, changes))

    def _answer(self, pending: _Pending, message: dict[str, Any]) -> None:
        if pending.session.id in self.sessions:
            pending.session.deliver(message)
        pending.done.set_result(message)

    def _answer_unchanged(self, unchanged: list[tuple[_Pending, int]]) -> None:
        """Taken, with nothing to store or tell anyone: acknowledged with the board's number as it stands."""
        for pending, seq in unchanged:
            self._answer(pending, protocol.ack(pending.cid, seq))

    def _remember(self, actor_id: str, cid: str, seq: int) -> None:
        self._acked[(actor_id, cid)] = seq
        while len(self._acked) > BATCH_IDS_REMEMBERED:
            self._acked.popitem(last=False)

    def _append(self, records: list[CommitRecord], entries: list[audit.Entry]) -> None:
        """Commit the batches, then tell the audit log which elements they changed or shared (in the same worker
        thread, so an acknowledged change is in the log; a batch that only moved cards writes no audit row)."""
        self.store.append(self.board_id, records)
        try:
            audit.write(self.store, entries)
        except Exception:  # the batches are committed; a lost audit row must not undo that
            log.exception('board %s: could not write the audit log', self.board_id)

    def close(self, reason: str) -> None:
        """Say goodbye to every client (e.g. the board was erased); nobody is connected afterwards."""
        self.closed = reason
        sessions, self.sessions = list(self.sessions.values()), {}
        for session in sessions:
            session.deliver(protocol.closed(reason))

    async def _snapshot(self) -> None:
        seq, elements = self.seq, dict(self.elements)
        await asyncio.to_thread(self.store.save_snapshot, self.board_id, seq, elements)
        self._snapshot_seq = seq

    # other processes

    async def _take_in_conflicting_commits(self, base: int) -> None:
        """After a sequence conflict another process must have committed after `base` (the sequence number
        the group was built on; Redis may already have brought it in). If neither Redis nor the log shows
        anything newer, the conflict was something else (e.g. the board row is gone) and retrying would
        never end."""
        await self.catch_up_from_store()
        if self.seq == base:
            raise RuntimeError(f'board {self.board_id}: the log refused a commit but holds nothing newer')

    async def catch_up_from_store(self) -> None:
        """Take in batches another process committed (after a sequence conflict or a Redis notice)."""
        records = await asyncio.to_thread(self.store.commits_since, self.board_id, self.seq)
        self.absorb(records)

    def absorb(self, records: list[CommitRecord]) -> None:
        """Apply batches committed elsewhere, in order, and fan them out; ones we already have are skipped."""
        for record in records:
            if record.seq <= self.seq:
                continue
            if record.seq != self.seq + 1:
                raise SeqConflict(self.board_id)
            changed = replay(self.elements, record)
            self._make_current(record, {i: self.elements.get(i) for i in changed}, changed)


class HubRegistry:
    """One hub per open board in this process, loaded on first use."""

    def __init__(self, store: Store, publish: Callable[[str, list[CommitRecord]], None] | None = None,
                 publish_drag: Callable[[str, dict[str, Any]], None] | None = None) -> None:
        self.store = store
        self._hubs: dict[str, BoardHub] = {}
        self._lock = asyncio.Lock()
        self._publish = publish
        self._publish_drag = publish_drag

    async def get(self, board_id: str) -> BoardHub:
        """The hub for a board; raises `board.store.BoardNotFound`."""
        if board_id in self._hubs:
            return self._hubs[board_id]
        async with self._lock:
            if board_id not in self._hubs:
                loaded = await asyncio.to_thread(self.store.load, board_id)
                self._hubs[board_id] = BoardHub(self.store, loaded, self._publish, self._publish_drag)
        return self._hubs[board_id]

    def loaded(self, board_id: str) -> BoardHub | None:
        return self._hubs.get(board_id)

    def close(self, board_id: str, reason: str) -> None:
        """Let go of a board (erased here or on another instance): its clients hear ``closed`` (`BoardHub.close`)."""
        if (hub := self._hubs.pop(board_id, None)) is not None:
            hub.close(reason)
