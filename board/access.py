"""Who may see and change what. Every rule lives here and runs on the server before anything is sent.

The hub asks `can_see` for every element it sends to every client, and `check_operation` for every
operation it receives. Nothing in a browser decides what that browser receives.
"""
from __future__ import annotations

from typing import Any

from .elements import DRAFTABLE, Element, ElementType, Scope, Visibility
from .identity import FAMILY_ROLES, Actor, Role

VISIBILITY_SETTERS = frozenset({Role.PARENT, Role.COORDINATOR})
"""The family holds the regie; the coordinator acts on their behalf."""
PROFESSIONALS = frozenset({Role.COORDINATOR, Role.PROFESSIONAL})
APPROVERS = frozenset({Role.PARENT})
"""Who approves a concept: the parents, who hold the regie."""

DEFAULT_SCOPES: dict[ElementType, tuple[Scope, Scope]] = {
    # type:                    (written by the family,     written by anyone else)
    ElementType.FAMILY_INFO:    (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.FAMILY_MEMBER:  (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.NETWORK_PERSON: (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.TIE:            (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.GOAL:           (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.AGREEMENT:      (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.EVALUATION:     (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.NOTE:           (Scope.FAMILY_COORDINATOR,  Scope.EVERYONE),
    ElementType.ZONE:           (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.PICTOGRAM:      (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.MOMENT:         (Scope.EVERYONE,            Scope.EVERYONE),
}
"""Who sees a new element when its creator names no one. The plan itself (goals, agreements, people, the
netwerkschema, evaluations) is for everyone at the table; a note the family writes is the family's own
thinking, shared with the coordinator who helps them, until a parent shares it wider."""


def default_visibility(actor: Actor, type_: ElementType | None) -> Visibility:
    """The visibility a new element gets when its operation names none; choosing it is always allowed."""
    if type_ is None:
        return Visibility()
    by_family, by_others = DEFAULT_SCOPES[ElementType(type_)]
    return Visibility(scope=by_family if actor.in_family else by_others)


class AccessDenied(PermissionError):
    """The actor may not do this; the message is a code such as `read_only`, `not_found`,
    `visibility_forbidden`, `family_words`, `family_accepts`, `kader_professionals_only`, `kind_fixed`."""


def can_see(actor: Actor, element: Element) -> bool:
    """Whether `actor` may know this element: its visibility allows them, and if it is a concept they are in
    the family or wrote it (the family reads it first)."""
    if not sees(actor, element.visibility):
        return False
    author = (element.props.get('concept_by') or {}).get('id')
    return not is_concept(element) or actor.in_family or actor.id == author


def is_concept(element: Element) -> bool:
    return element.type in DRAFTABLE and bool(element.props.get('concept'))


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


def check_operation(actor: Actor, current: Element | None, new_visibility: Visibility | None,
                    type_: ElementType | None = None) -> None:
    """Raise `AccessDenied` unless `actor` may create, change or delete this element.

    An element the actor cannot see is reported as `not_found`, so its existence does not leak.
    Only a parent or the coordinator may give an element anything but the default visibility (of its type,
    for its creator: see `DEFAULT_SCOPES`) or, once it exists, anything but the one it has.
    """
    if current is not None and not current.deleted and not can_see(actor, current):
        raise AccessDenied('not_found')
    if actor.role == Role.SCREEN:
        raise AccessDenied('read_only')
    baseline = current.visibility if current is not None else default_visibility(actor, type_)
    if new_visibility is not None and new_visibility != baseline and actor.role not in VISIBILITY_SETTERS:
        raise AccessDenied('visibility_forbidden')


def stamp(actor: Actor, type_: ElementType, props: dict[str, Any], before: dict[str, Any] | None,
          now: str) -> dict[str, Any]:
    """What the server writes into an element: who wrote a new goal and whether it is only a proposal; who
    marked a concept, or who approved it and when.

    A goal written by anyone outside the family starts as a proposal, unless it is a kader (a safety limit).
    :param before: the props before an update; ``None`` for a new element
    """
    stamped: dict[str, Any] = {}
    if type_ == ElementType.GOAL and before is None:
        stamped = {'written_by': actor.id, 'written_by_name': actor.name, 'written_by_role': str(actor.role)}
        if not actor.in_family:
            stamped['status'] = 'active' if props.get('kind') == 'kader' else 'proposal'
    if type_ in DRAFTABLE:
        was, now_concept = bool((before or {}).get('concept')), bool(props.get('concept'))
        signature = {'id': actor.id, 'name': actor.name, 'at': now}
        if now_concept and not was:
            stamped |= {'concept_by': signature, 'approved_by': None}
        elif was and not now_concept:
            stamped['approved_by'] = signature
    return stamped


def check_change(actor: Actor, before: Element | None, after: Element) -> None:
    """The gezinsplan's rules about who may change what in goals, evaluations and concepts."""
    if after.type in DRAFTABLE:
        _check_concept(actor, before.props if before else {}, after.props)
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


def _check_concept(actor: Actor, before: dict[str, Any], after: dict[str, Any]) -> None:
    """A professional marks their writing as a concept; only a parent approves it (turns the mark off)."""
    was, now = bool(before.get('concept')), bool(after.get('concept'))
    if now and not was and actor.role not in PROFESSIONALS:
        raise AccessDenied('concept_professionals_only')
    if was and not now and actor.role not in APPROVERS:
        raise AccessDenied('parent_approves')


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

    def check(self, current: Element | None, visibility: Visibility | None, type_: ElementType | None) -> None:
        check_operation(self.actor, current, visibility, type_)

    def default_visibility(self, type_: ElementType) -> Visibility:
        return default_visibility(self.actor, type_)

    def check_change(self, before: Element | None, after: Element) -> None:
        check_change(self.actor, before, after)

    def stamp(self, type_: ElementType, props: dict[str, Any], before: dict[str, Any] | None,
              now: str) -> dict[str, Any]:
        return stamp(self.actor, type_, props, before, now)

    def can_see(self, element: Element) -> bool:
        return can_see(self.actor, element)
