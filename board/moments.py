"""Saved moments: the board as it was then, as one viewer may see it now.

A moment (`board.elements.Moment`) only remembers the sequence number it was saved at; `Store.elements_at`
replays the op log up to there. What a viewer sees of the past also follows today's choices: a family that
hides something now must not see it come back in the view of how things were.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .access import BoardRights, as_known, can_see
from .elements import Element
from .identity import Actor


def seen_then(actor: Actor, then: Iterable[Element], now: Mapping[str, Element]) -> list[Element]:
    """The live elements of the board as it was that `actor` may see.

    An element is shown only if the actor may see its old version and, if it still exists now (deleted or not),
    its current version too: the stricter of the two visibilities wins.

    :param then: the board at the moment (e.g. from `Store.elements_at`)
    :param now: the board now, deleted elements included (a hub's `elements`)
    """
    then = list(then)
    rights_then, rights_now = BoardRights.of(then), BoardRights.of(now)
    return [as_known(actor, element, rights_now) for element in then
            if not element.deleted and can_see(actor, element, rights_then)
            and (element.id not in now or can_see(actor, now[element.id], rights_now))]
