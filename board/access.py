"""Who may see and change what. Every rule lives here and runs on the server before anything is sent.

The hub asks `can_see` for every element it sends to every client, and `check_operation` for every
operation it receives. Nothing in a browser decides what that browser receives.
"""
from __future__ import annotations

from typing import Any

from .elements import Element, ElementType, Scope, Visibility
from .identity import FAMILY_ROLES, Actor, Role

VISIBILITY_SETTERS = frozenset({Role.PARENT, Role.COORDINATOR})
"""The family holds the regie; the coordinator acts on their behalf."""
PROFESSIONALS = frozenset({Role.COORDINATOR, Role.PROFESSIONAL})


class AccessDenied(PermissionError):
    """The actor may not do this; the message is a code such as `read_only`, `not_found`,
    `visibility_forbidden`, `family_words`, `family_accepts`, `kader_professionals_only`, `kind_fixed`."""


def can_see(actor: Actor, element: Element) -> bool:
    return sees(actor, element.visibility)


def sees(actor: Actor, visibility: Visibility) -> bool:
    scope = visibility.scope
    if scope == Scope.EVERYONE:
        return True
    if scope == Scope.FAMILY:
        return actor.in_family
    if scope == Scope.FAMILY_COORDINATOR:
        return actor.in_family or actor.role == Role.COORDINATOR
    if scope == Scope.NAMED:
        return actor.id in visibility.names or (
            bool(actor.organisation) and f'org:{actor.organisation}' in visibility.names)
    return False


def check_operation(actor: Actor, current: Element | None, new_visibility: Visibility | None) -> None:
    """Raise `AccessDenied` unless `actor` may create, change or delete this element.

    An element the actor cannot see is reported as `not_found`, so its existence does not leak.
    Only a parent or the coordinator may give an element anything but the default visibility.
    """
    if current is not None and not current.deleted and not can_see(actor, current):
        raise AccessDenied('not_found')
    if actor.role == Role.SCREEN:
        raise AccessDenied('read_only')
    baseline = current.visibility if current is not None else Visibility()
    if new_visibility is not None and new_visibility != baseline and actor.role not in VISIBILITY_SETTERS:
        raise AccessDenied('visibility_forbidden')


def stamp(actor: Actor, type_: ElementType, props: dict[str, Any]) -> dict[str, Any]:
    """What the server writes into a new element: who wrote a goal, and whether it is only a proposal.

    A goal written by anyone outside the family starts as a proposal, unless it is a kader (a safety limit).
    """
    if type_ != ElementType.GOAL:
        return {}
    stamped = {'written_by': actor.id, 'written_by_name': actor.name, 'written_by_role': str(actor.role)}
    if not actor.in_family:
        stamped['status'] = 'active' if props.get('kind') == 'kader' else 'proposal'
    return stamped


def check_change(actor: Actor, before: Element | None, after: Element) -> None:
    """The gezinsplan's rules about who may change what in goals and evaluations."""
    if after.type == ElementType.GOAL:
        _check_goal(actor, before.props if before else None, after.props, deleted=after.deleted)
    elif after.type == ElementType.EVALUATION:
        scores_before = before.props.get('scores', []) if before else []
        if not after.deleted:
            _check_scores(actor, scores_before, after.props.get('scores', []))
        elif any(s.get('family') is not None for s in scores_before) and not actor.in_family:
            raise AccessDenied('family_scores')  # the family's own view goes only when the family says so


MOVES = frozenset({'x', 'y'})
"""Props anyone who may edit a card may change: where it lies on the board."""


def _check_goal(actor: Actor, before: dict[str, Any] | None, after: dict[str, Any], deleted: bool) -> None:
    """A kader is set and changed by professionals; a goal becomes active only through the family; the
    family's own goals keep their words and their status unless the family changes them."""
    changed = set(after) if before is None else {k for k in after if after[k] != before.get(k)}
    if deleted:
        changed.add('deleted')
    if before is not None and before.get('kind') != after.get('kind'):
        raise AccessDenied('kind_fixed')
    if after.get('kind') == 'kader':
        if changed - MOVES and actor.role not in PROFESSIONALS:
            raise AccessDenied('kader_professionals_only')
        return
    if actor.in_family:
        return
    if 'status' in changed and after.get('status') == 'active' and before is not None:
        raise AccessDenied('family_accepts')
    family_words = before is not None and before.get('written_by_role') in FAMILY_ROLES
    if family_words and changed & {'text', 'status', 'deleted'}:
        raise AccessDenied('family_words')


def _check_scores(actor: Actor, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """The family scores how they see it, the coach how the coach sees it; neither fills in the other's."""
    old = {s['domain']: s for s in before}
    new = {s['domain']: s for s in after}
    for domain in old.keys() | new.keys():
        was, now = old.get(domain, {}), new.get(domain, {})
        if was.get('family') != now.get('family') and not actor.in_family:
            raise AccessDenied('family_scores')
        if was.get('coach') != now.get('coach') and actor.role not in PROFESSIONALS:
            raise AccessDenied('coach_scores')


class ActorGuard:
    """The rules above bound to one actor, in the shape `board.operations.apply_batch` asks for."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor

    def check(self, current: Element | None, visibility: Visibility | None) -> None:
        check_operation(self.actor, current, visibility)

    def check_change(self, before: Element | None, after: Element) -> None:
        check_change(self.actor, before, after)

    def stamp(self, type_: ElementType, props: dict[str, Any]) -> dict[str, Any]:
        return stamp(self.actor, type_, props)

    def can_see(self, element: Element) -> bool:
        return can_see(self.actor, element)
