"""Who may see and change what. Every rule lives here and runs on the server before anything is sent.

The hub asks `can_see` for every element it sends to every client, and `check_operation` for every
operation it receives. Nothing in a browser decides what that browser receives.
"""
from __future__ import annotations

from .elements import Element, Scope, Visibility
from .identity import Actor, Role

VISIBILITY_SETTERS = frozenset({Role.PARENT, Role.COORDINATOR})
"""The family holds the regie; the coordinator acts on their behalf."""


class AccessDenied(PermissionError):
    """The actor may not do this; the message is a code: `read_only`, `not_found` or `visibility_forbidden`."""


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


class ActorGuard:
    """The rules above bound to one actor, in the shape `board.operations.apply_batch` asks for."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor

    def check(self, current: Element | None, visibility: Visibility | None) -> None:
        check_operation(self.actor, current, visibility)

    def can_see(self, element: Element) -> bool:
        return can_see(self.actor, element)
