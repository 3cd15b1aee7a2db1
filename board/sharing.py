"""Whom a card can be shared with: the people on the board and their organisations, as `named` visibility
names. The rules about seeing stay in `board.access`; this only offers the choices a parent taps.

A person's actor id is their element id on the board (a family member's device, a professional's membership
tied to their betrokkene), and an organisation is shared with as ``org:<key>`` where the key is the kind of
organisation a professional's account or invitation names (``school``, ``ggz``, ``wijkteam``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .elements import Element, ElementType, Ring, Scope, Visibility
from .identity import Actor, Role

ORGANISATION_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ('school', ('school', 'lyceum', 'college', 'gymnasium', 'kinderopvang')),
    ('ggz', ('ggz', 'psycholo', 'therap')),
    ('wijkteam', ('wijkteam', 'sociaal team', 'buurtteam')),
    ('huisarts', ('huisarts',)),
    ('schuldhulp', ('schuldhulp', 'budget')),
    ('jgz', ('jgz', 'consultatiebureau', 'jeugdgezondheid', 'cjg')),
    ('veilig_thuis', ('veilig thuis',)),
    ('jeugdbescherming', ('jeugdbescherming', 'gecertificeerde')),
    ('politie', ('politie',)),
)
"""Words in an organisation's name that say which kind it is; the first match wins."""


def organisation_key(organisation: str) -> str:
    """The key to share with a whole organisation: its kind ('Basisschool De Regenboog' → ``school``), or its
    name in lower case with dashes when no kind fits; empty for no organisation."""
    text = organisation.strip().lower()
    for key, words in ORGANISATION_KINDS:
        if any(word in text for word in words):
            return key
    return re.sub(r'[^a-z0-9]+', '-', text).strip('-')[:60]


FAMILY_ROLES = {'parent': Role.PARENT, 'youth': Role.YOUTH, 'child': Role.CHILD}
"""A family member's role on the board as the role they act in; one marked 'other' acts as a youth."""
ROLE_ORDER = {'parent': 0, 'youth': 1, 'other': 1, 'child': 2}


def person_actor(person: Element, coordinator_id: str | None = None) -> Actor:
    """Who a person on the board is when they act on it: a family member in their family role; the betrokkene
    the family info names as coordinator, as the coordinator; a professional (ring 3) with their organisation;
    anyone else from the network as network (an invitation gives them no organisation)."""
    name = person.props.get('name') or '?'
    if person.type == ElementType.FAMILY_MEMBER:
        return Actor(id=person.id, name=name, role=FAMILY_ROLES.get(person.props.get('role', ''), Role.YOUTH))
    if person.id == coordinator_id:
        role = Role.COORDINATOR
    else:
        role = Role.PROFESSIONAL if person.props.get('ring') == Ring.PROFESSIONAL else Role.NETWORK
    return Actor(id=person.id, name=name, role=role,
                 organisation=person.props.get('organisation', '') if role != Role.NETWORK else '')


def people(elements: Iterable[Element], coordinator_id: str | None = None) -> list[Actor]:
    """Everyone on the board one can share with, as the actors they are, in the order they are named: the family
    (parents, youths, children; oldest first), the coordinator, the professionals, the rest of the network."""
    found = [e for e in elements if not e.deleted and e.type in (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)]

    def order(e: Element) -> tuple[int, int, str, str]:
        if e.type == ElementType.FAMILY_MEMBER:
            born = e.props.get('birth_date') or '9999'
            return 0, ROLE_ORDER.get(e.props.get('role', ''), 1), born, e.props.get('name', '')
        return 1, 0 if e.id == coordinator_id else 4 - e.props.get('ring', Ring.INFORMAL), '', e.props.get('name', '')
    return [person_actor(e, coordinator_id) for e in sorted(found, key=order)]


def short_names(persons: Iterable[Actor]) -> dict[str, str]:
    """Actor id → the name to list them by: a family member and the coordinator by first name, as the family calls
    them, unless someone else on the board has that first name; anyone else by their whole name."""
    persons = list(persons)
    first = {p.id: (p.name.split() or [p.name])[0] for p in persons}
    taken = [first[p.id] for p in persons]
    return {p.id: first[p.id] if (p.in_family or p.role == Role.COORDINATOR) and taken.count(first[p.id]) == 1
            else p.name for p in persons}


def organisations(elements: Iterable[Element]) -> list[str]:
    """``org:<key>`` for every kind of organisation among the betrokkenen, e.g. ``org:school`` for both schools."""
    return sorted(organisation_names(elements))


def organisation_names(elements: Iterable[Element]) -> dict[str, str]:
    """``org:<key>`` → the name of an organisation of that kind on the board ('Basisschool De Regenboog'), so a
    choice shows a name even when its kind is not one of `ORGANISATION_KINDS`."""
    names: dict[str, str] = {}
    for e in elements:
        name = e.props.get('organisation', '') if e.type == ElementType.NETWORK_PERSON and not e.deleted else ''
        if key := organisation_key(name):
            names.setdefault(f'org:{key}', name.strip())
    return names


def with_me(visibility: Visibility, actor_id: str) -> Visibility:
    """A `named` visibility that also names `actor_id`: what 'Alleen…' starts from, so no one locks themselves out."""
    names = visibility.names if visibility.scope == 'named' else ()
    return Visibility(scope=Scope.NAMED, names=names if actor_id in names else (actor_id, *names))
