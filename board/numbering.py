"""The number a viewer knows a goal or an agreement by.

The server stamps each new goal and agreement with the next free `number` (`board.operations`), never reused: the
board's own order. That number never leaves the server as it is, for someone who is shown goals 2, 3 and 4 would
know that a goal 1 exists. Whatever a viewer receives carries their own number instead: the rank of the element
among the live goals (resp. agreements) they may see (`board.access.can_see`), in the board's order. So everyone
counts 1..k without gaps, an agreement "bij doel 2" points at the goal the viewer knows as 2, and the family can say
"doel 2" at the table: a number shifts only when a goal before it is removed, hidden from them or shown to them.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from .access import BoardRights, as_known, can_see
from .elements import NUMBERED, Element
from .identity import Actor


def numbers_for(actor: Actor, elements: Iterable[Element], rights: BoardRights) -> dict[str, int]:
    """Element id → the number `actor` knows it by, for every live goal and agreement they may see."""
    ranked: dict[str, list[Element]] = {type_: [] for type_ in NUMBERED}
    for element in elements:
        if element.type in ranked and not element.deleted and can_see(actor, element, rights):
            ranked[element.type].append(element)
    numbers: dict[str, int] = {}
    for found in ranked.values():
        found.sort(key=_board_order)
        numbers.update((element.id, rank) for rank, element in enumerate(found, start=1))
    return numbers


def _board_order(element: Element) -> tuple[bool, int, str]:
    number = element.props.get('number')
    return number is None, number or 0, element.id


def as_seen(element: Element, numbers: Mapping[str, int]) -> Element:
    """The element carrying the viewer's number (from `numbers_for`); a goal or agreement they know no number of
    (one removed since, in its history or the audit log) carries none."""
    if element.type not in NUMBERED:
        return element
    number = numbers.get(element.id)
    if element.props.get('number') == number:
        return element
    return element.model_copy(update={'props': element.props | {'number': number}})


def public(element: Element, numbers: Mapping[str, int]) -> dict[str, Any]:
    """The element as a client receives it, numbered their way: `as_seen` for the wire, without a copy."""
    shown = element.public()
    if element.type in NUMBERED:
        shown['props']['number'] = numbers.get(element.id)
    return shown


def seen_by(actor: Actor, elements: Collection[Element], rights: BoardRights) -> list[Element]:
    """The live elements `actor` may see, numbered their way."""
    numbers = numbers_for(actor, elements, rights)
    return [as_seen(as_known(actor, element, rights), numbers) for element in elements
            if not element.deleted and can_see(actor, element, rights)]
