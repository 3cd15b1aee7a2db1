"""How one element changed over time, from the op log, as one viewer may see it.

The op log keeps every version of every element, also versions from before the family hid something. A viewer
gets an element's history only if they may see the element now, and then only the versions they may see: a card
the family made private has no history for the school, and a note that was private before it was shared shows
only from the moment it was shared.
"""
from __future__ import annotations

from .access import BoardRights, as_known, can_see
from .elements import Element
from .identity import Actor
from .numbering import as_seen, numbers_for
from .store import Store, replay


def versions(store: Store, board_id: str, element_id: str) -> list[Element]:
    """Every version of the element, oldest first (the tombstone last if it was deleted).

    An imported board's log begins at its import: its history starts with the version that came in the file.
    """
    records = store.commits_since(board_id, 0)
    elements = store.elements_at(board_id, records[0].seq - 1) if records and records[0].seq > 1 else {}
    found = [elements[element_id]] if element_id in elements else []
    for record in records:
        touched = any(op.get('id') == element_id for op in record.ops)
        elements.update(replay(elements, record))
        if touched and element_id in elements:
            found.append(elements[element_id])
    return found


def history_for(actor: Actor, found: list[Element], now: Element | None, rights: BoardRights) -> list[Element]:
    """The versions `actor` may see (by the board's facts of now); none at all when the element is hidden from them
    now (or never existed). A goal or agreement carries the number the actor knows it by now in every version (none
    once it is removed).

    :param rights: the board now (`BoardRights.elements`), deleted elements included
    """
    if now is None or not can_see(actor, now, rights):
        return []
    numbers = numbers_for(actor, rights.elements.values(), rights)
    return [as_seen(as_known(actor, version, rights), numbers) for version in found if can_see(actor, version, rights)]
