"""Every message between a board client and the hub, in one place (see docs/live-api.md).

Client → hub: ``push`` (a batch of operations with a client id ``cid``), ``resync`` (catch up from a
sequence number after a reconnect), ``ping``.
Hub → client: ``welcome``, ``ack``, ``reject``, ``commit``, ``catchup``, ``presence``, ``error``, ``pong``,
``closed`` (the hub lets go of every client, with a reason such as ``erased``), ``drag`` (where a card someone is
dragging is now: shown, never stored).
A ``commit`` or ``catchup`` carries *changes* already filtered for the receiving client:
``put`` (a whole element it may now see), ``patch`` (changed props of one it already sees) or
``remove`` (deleted, or no longer visible to it). Goals and agreements carry the receiver's own `number`
(`board.numbering`); when a goal before one it holds appears, is hidden or removed, the shifted numbers come
as patches.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .access import BoardRights, as_known, can_see
from .elements import Element
from .identity import Actor
from .numbering import as_seen, numbers_for, public
from .operations import changed_props

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 512 * 1024
MAX_DEPTH = 32
"""Lists and objects one value of a message may sit in: a push needs about six."""


class _Message(BaseModel):
    model_config = ConfigDict(extra='forbid')


class Push(_Message):
    type: Literal['push']
    cid: Annotated[str, Field(min_length=1, max_length=64)]
    ops: list[Any]
    """Checked by `board.operations.parse_batch`, so a bad operation gets a precise answer."""


class Resync(_Message):
    type: Literal['resync']
    since: Annotated[int, Field(ge=0)]
    known: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list, max_length=50_000)
    """The element ids the client holds: those now deleted or hidden come back as `remove`."""


class Ping(_Message):
    type: Literal['ping']


ClientMessage = Annotated[Push | Resync | Ping, Field(discriminator='type')]
_CLIENT_MESSAGE = TypeAdapter(ClientMessage)


class ProtocolError(ValueError):
    """A message that is not one of ours; the message is the error code."""


def load_json(text: str) -> Any:
    """A client's JSON text; `ProtocolError` ``invalid_message`` if it is not JSON, ``message_too_deep`` if it is
    nested deeper than `MAX_DEPTH` (beyond what the parser itself takes, or within it)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise ProtocolError('message_too_deep') from None
    except ValueError:
        raise ProtocolError('invalid_message') from None
    containers, depth = [value], 0
    while containers := [c for c in containers if isinstance(c, (list, dict))]:
        depth += 1
        if depth > MAX_DEPTH:
            raise ProtocolError('message_too_deep')
        containers = [inner for outer in containers for inner in (outer.values() if isinstance(outer, dict) else outer)]
    return value


def parse_client_message(raw: Any) -> Push | Resync | Ping:
    try:
        return _CLIENT_MESSAGE.validate_python(raw)
    except ValidationError:
        raise ProtocolError('invalid_message') from None


def view_change(actor: Actor, before: Element | None, after: Element, rights: BoardRights,
                numbers: Mapping[str, int] | None = None) -> dict[str, Any] | None:
    """What one client should hear about one committed change, or ``None`` if nothing.

    This is the visibility filter on the wire: a client that may not see an element never gets its props, and
    gets a goal's or agreement's number only as theirs.
    :param numbers: the client's numbers after the change, if known (`board.numbering.numbers_for` over the board
        `rights` was read from)
    """
    if numbers is None:
        numbers = numbers_for(actor, rights.elements.values(), rights)
    saw = before is not None and not before.deleted and can_see(actor, before, rights)
    sees = not after.deleted and can_see(actor, after, rights)
    if not sees:
        return {'kind': 'remove', 'id': after.id} if saw else None
    after = as_known(actor, after, rights)
    if not saw or before is None:
        return {'kind': 'put', 'element': public(after, numbers)}
    was = as_seen(as_known(actor, before, rights), numbers)
    change = _patch(after, changed_props(was, as_seen(after, numbers)))
    if before.visibility != after.visibility:
        change['visibility'] = after.visibility.model_dump(mode='json')
    return change


def _patch(element: Element, props: dict[str, Any]) -> dict[str, Any]:
    return {'kind': 'patch', 'id': element.id, 'props': props,
            'version': element.version, 'updated_by': element.updated_by, 'updated_at': element.updated_at}


def renumbered(held: Mapping[str, int | None], numbers: Mapping[str, int], elements: Mapping[str, Element],
               changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Patches for the goals and agreements a client holds (`held`: id → the number it has, ``None`` if unknown)
    whose number is another now, besides those `changes` already put whole."""
    put = {change['element']['id'] for change in changes if change['kind'] == 'put'}
    return [_patch(elements[i], {'number': number}) for i, number in numbers.items()
            if i in held and held[i] != number and i not in put]


def welcome(board: dict[str, Any], seq: int, actor: Actor, session_id: str, elements: list[Element],
            numbers: Mapping[str, int] = MappingProxyType({})) -> dict[str, Any]:
    """:param elements: what `actor` may see; `numbers`: theirs (`board.numbering.numbers_for`; without them a goal
        or agreement goes without a number, never with the board's own)"""
    return {'type': 'welcome', 'protocol': PROTOCOL_VERSION, 'board': board, 'seq': seq, 'session': session_id,
            'you': presence_entry(session_id, actor), 'elements': [public(e, numbers) for e in elements]}


def apply_message(doc: dict[str, Any], seq: int, message: dict[str, Any]) -> int:
    """What a client does with a hub message to keep its copy of the board (element id → element dict), and the
    sequence number its copy is at afterwards. The one Python reading of the changes: the live views
    (`app.live_element`) and the convergence fuzz use it; assets/live_sync.js does the same in the browser.

    A commit the client already has, or an older catch-up, changes nothing (NiceGUI may replay messages after a
    reconnect). Element dicts are replaced, never changed in place: a message may be shared.
    """
    kind = message.get('type')
    if kind == 'welcome':
        doc.clear()
        doc.update((e['id'], e) for e in message['elements'])
        return message['seq']
    if kind not in ('commit', 'catchup') or message['seq'] < seq or (kind == 'commit' and message['seq'] == seq):
        return seq
    for change in message['changes']:
        if change['kind'] == 'put':
            doc[change['element']['id']] = change['element']
        elif change['kind'] == 'remove':
            doc.pop(change['id'], None)  # a catch-up may name elements this client never had
        elif change['kind'] == 'patch' and (old := doc.get(change['id'])) is not None:
            doc[change['id']] = {**old, 'props': {**old['props'], **change['props']}} | {
                k: change[k] for k in ('version', 'updated_by', 'updated_at', 'visibility') if k in change}
    return message['seq']


def drag(element_id: str, place: Any) -> dict[str, Any] | None:
    """Where a card is on its way under someone's finger (``x``, ``y``), or ``None`` for anything else: volatile,
    never stored nor acknowledged; only the drop is an operation."""
    if not isinstance(place, dict) or not all(
            isinstance(v := place.get(k), int | float) and not isinstance(v, bool) and math.isfinite(v)
            for k in ('x', 'y')):
        return None
    return {'type': 'drag', 'id': element_id, 'x': place['x'], 'y': place['y']}


def presence_entry(session_id: str, actor: Actor) -> dict[str, Any]:
    return {'session': session_id, 'id': actor.id, 'name': actor.name, 'role': actor.role, 'color': actor.color}


def ack(cid: str, seq: int) -> dict[str, Any]:
    return {'type': 'ack', 'cid': cid, 'seq': seq}


def reject(cid: str | None, error: dict[str, Any]) -> dict[str, Any]:
    return {'type': 'reject', 'cid': cid, 'error': error}


def commit(seq: int, actor_id: str, changes: list[dict[str, Any]]) -> dict[str, Any]:
    return {'type': 'commit', 'seq': seq, 'by': actor_id, 'changes': changes}


def catchup(seq: int, changes: list[dict[str, Any]]) -> dict[str, Any]:
    return {'type': 'catchup', 'seq': seq, 'changes': changes}


def presence(peers: list[dict[str, Any]]) -> dict[str, Any]:
    return {'type': 'presence', 'peers': peers}


def closed(reason: str) -> dict[str, Any]:
    return {'type': 'closed', 'reason': reason}


def error(code: str) -> dict[str, Any]:
    return {'type': 'error', 'error': {'code': code}}
