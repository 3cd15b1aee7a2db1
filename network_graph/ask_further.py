"""Vraag door!: gentle questions where the netwerkschema is empty or thin.

A family seldom names everyone at once: the neighbour, the parents of a child's friend, the imam or the
GP come up only when someone asks. This module says which questions are worth asking, over exactly the
elements the viewer may see (so a question never hints at a hidden person's absence or presence beyond
what the schema itself shows). Each prompt is a dict: a stable ``key`` (the screens translate it), the
``sector`` it belongs to (or ``None``) and ``values`` for its text.

The rules, most useful first, at most `MAX_PROMPTS` in all:

1. The informal ring (1G1P: the own network stays when the professionals leave): ``empty_informal`` when
   nobody is in ring 2, ``thin_informal`` when fewer than `THIN_INFORMAL` are, ``more_professionals`` when
   fewer are in ring 2 than in ring 3. Their values are the two counts.
2. ``empty.<sector>`` for an empty informal sector, in `ASKED_SECTORS` order, at most `MAX_SECTOR_PROMPTS`
   (so the lifelong professionals still get a turn in an empty network). When there are children,
   ``ouders_vriendjes`` (the parents of the children's friends) asks about the empty `kennissen` sector.
3. ``lifelong.huisarts``, and with children ``lifelong.school`` and ``lifelong.jgz``: no professional
   (ring 3) on the schema whose relation, organisation or roles hold one of their `LIFELONG` words
   (case-insensitive). These professionals stay for years, whatever help comes and goes.

Children means: on the whole-family schema, a family member with role child or youth; on a member's
own schema, that member being a child or youth.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from board.elements import Element, ElementType, Ring
from board.sharing import ORGANISATION_KINDS

from .graph import network

THIN_INFORMAL = 3
"""Ring 2 with fewer people than this is thin."""
MAX_PROMPTS = 5
MAX_SECTOR_PROMPTS = 3
ASKED_SECTORS = ('familie', 'vrienden', 'buren', 'kennissen', 'verenigingen', 'werk_school', 'religie')
"""Informal sectors worth a question when empty, most useful first (religion last: it is the most personal)."""
CHILDREN = frozenset({'child', 'youth'})
_ROLE_WORDS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    'huisarts': ('instanties', ('dokter', 'general practitioner'), False),
    'school': ('werk_school', ('mentor', 'leerkracht', 'leraar', 'docent', 'juf', 'meester', 'clb', 'teacher'), True),
    'jgz': ('instanties', ('jeugdarts', 'jeugdverpleegkundige', 'schoolarts', 'ggd'), True),
}
LIFELONG: dict[str, tuple[str, tuple[str, ...], bool]] = {
    name: (sector, dict(ORGANISATION_KINDS)[name] + words, for_children)
    for name, (sector, words, for_children) in _ROLE_WORDS.items()}
"""Lifelong professional → (sector, words that recognise them, only asked when there are children): the words of
their kind of organisation (`board.sharing.ORGANISATION_KINDS`) and those of their role or title."""


def _on_schema(elements: list[Element], centre: str | None) -> list[dict[str, Any]]:
    """The network people on this schema, each with the ring and sector they have there."""
    people = network(elements).network_people()
    if centre is None:
        return people
    placed = {e.id: p for e in elements if e.type == ElementType.NETWORK_PERSON and not e.deleted
              for p in e.props.get('vip', []) if p.get('member') == centre}
    return [person | {'ring': int(placed[person['id']].get('ring', Ring.INFORMAL)),
                      'sector': placed[person['id']].get('sector', 'overig')}
            for person in people if person['id'] in placed]


def _has_children(elements: list[Element], centre: str | None) -> bool:
    members = [e for e in elements if e.type == ElementType.FAMILY_MEMBER and not e.deleted
               and (centre is None or e.id == centre)]
    return any(e.props.get('role') in CHILDREN for e in members)


def _known_as(person: dict[str, Any], words: tuple[str, ...]) -> bool:
    text = ' '.join([person.get('relation', ''), person.get('organisation', ''), *person.get('roles', [])]).casefold()
    return any(word in text for word in words)


def ask_further(elements: Iterable[Element], centre: str | None = None) -> list[dict[str, Any]]:
    """The questions worth asking about one schema, most useful first; an empty list when nothing is missing.

    :param elements: what the viewer may see
    :param centre: ``None`` for the whole-family schema; a family member's id for their own schema (the VIP
        view: the people with a `vip` placement for them, where that placement puts them)
    """
    elements = list(elements)
    people = _on_schema(elements, centre)
    children = _has_children(elements, centre)
    prompts: list[dict[str, Any]] = []
    informal = sum(p['ring'] == Ring.INFORMAL for p in people)
    professional = sum(p['ring'] == Ring.PROFESSIONAL for p in people)
    thin = 'empty_informal' if not informal else 'thin_informal' if informal < THIN_INFORMAL else \
        'more_professionals' if informal < professional else None
    if thin:
        prompts.append({'key': thin, 'sector': None, 'values': {'informal': informal, 'professional': professional}})
    filled = {p['sector'] for p in people}
    empty = [s for s in ASKED_SECTORS if s not in filled]
    for sector in empty[:MAX_SECTOR_PROMPTS]:
        key = 'ouders_vriendjes' if sector == 'kennissen' and children and centre is None else f'empty.{sector}'
        prompts.append({'key': key, 'sector': sector, 'values': {}})
    for name, (sector, words, for_children) in LIFELONG.items():
        known = any(p['ring'] == Ring.PROFESSIONAL and _known_as(p, words) for p in people)
        if (children or not for_children) and not known:
            prompts.append({'key': f'lifelong.{name}', 'sector': sector, 'values': {}})
    return prompts[:MAX_PROMPTS]
