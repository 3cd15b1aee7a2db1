"""Change between two moments (a saved moment, e.g. the start, and now): families are proud to see how far they came."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from board.elements import Element

from .graph import network
from .structure import brief, informal_share


def compare(before: Iterable[Element], after: Iterable[Element]) -> dict[str, Any]:
    """People added and gone, moves between rings, and the informal share then and now (people matched by id)."""
    then, now = network(before), network(after)
    added = [brief(p) for id_, p in now.people.items() if id_ not in then.people]
    gone = [brief(p) for id_, p in then.people.items() if id_ not in now.people]
    moved = [brief(p) | {'from_ring': then.people[id_]['ring'], 'to_ring': p['ring']}
             for id_, p in now.people.items() if id_ in then.people and then.people[id_]['ring'] != p['ring']]
    share_then, share_now = informal_share(then), informal_share(now)
    return {
        'added': added, 'gone': gone, 'moved': moved,
        'people': {'before': len(then.people), 'after': len(now.people)},
        'informal': {'before': share_then['informal'], 'after': share_now['informal']},
        'professional': {'before': share_then['professional'], 'after': share_now['professional']},
        'share_informal': {'before': share_then['share_informal'], 'after': share_now['share_informal']},
    }
