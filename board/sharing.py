"""Whom a card can be shared with: the people on the board and their organisations, as `named` visibility
names. The rules about seeing stay in `board.access`; this only offers the choices a parent taps.

A person's actor id is their element id on the board (a family member's device, a professional's membership
tied to their betrokkene), and an organisation is shared with as ``org:<key>`` where the key is the kind of
organisation a professional's account or invitation names (``school``, ``ggz``, ``wijkteam``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .elements import Element, ElementType, Visibility

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


def people(elements: Iterable[Element]) -> dict[str, str]:
    """Actor id → name of everyone on the board one can share with: family members first, then betrokkenen."""
    found = [e for e in elements if not e.deleted and e.type in (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)]
    found.sort(key=lambda e: (e.type != ElementType.FAMILY_MEMBER, e.props.get('name', '')))
    return {e.id: e.props.get('name', '') for e in found}


def organisations(elements: Iterable[Element]) -> list[str]:
    """``org:<key>`` for every kind of organisation among the betrokkenen, e.g. ``org:school`` for both schools."""
    keys = {organisation_key(e.props.get('organisation', '')) for e in elements
            if e.type == ElementType.NETWORK_PERSON and not e.deleted}
    return sorted(f'org:{key}' for key in keys if key)


def with_me(visibility: Visibility, actor_id: str) -> Visibility:
    """A `named` visibility that also names `actor_id`: what 'Alleen…' starts from, so no one locks themselves out."""
    names = visibility.names if visibility.scope == 'named' else ()
    return Visibility(scope='named', names=names if actor_id in names else (actor_id, *names))
