"""The netwerkschema as a graph: family members and network people as nodes, ties as edges.

There is no centre node: the metrics are about how the network hangs together among itself.
Deleted elements are ignored and a tie to someone who is missing (deleted, or hidden from the
viewer) is skipped, so a filtered board never breaks the metrics.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from board.elements import Element, ElementType, Ring

SCALES = ('practical', 'emotional', 'information', 'critical', 'direction', 'closeness', 'contact', 'known')
"""The netwerklijst scales of a network person (Social Network Map)."""
GIVES = frozenset({'sometimes', 'almost_always'})
"""Levels that count as 'gives this kind of support'."""
TIE_WEIGHT = {'normal': 0, 'tense': 1, 'conflict': 2}
"""When two ties join the same pair, the heavier kind is kept: a conflict is not hidden by a normal line."""
OPEN_GOAL = frozenset({'active', 'proposal'})


def person_key(person: dict[str, Any]) -> tuple[str, str, str]:
    """Sort by name, then id: the same order everywhere, whatever order the board holds."""
    return (person['name'].casefold(), person['name'], person['id'])


def _family_member(element: Element) -> dict[str, Any]:
    p = element.props
    return {'id': element.id, 'name': p.get('name', ''), 'type': 'family_member', 'ring': Ring.FAMILY.value,
            'sector': 'gezin',
            'role': p.get('role', 'other'), 'birth_date': p.get('birth_date')}


def _network_person(element: Element) -> dict[str, Any]:
    p = element.props
    person = {'id': element.id, 'name': p.get('name', ''), 'type': 'network_person',
              'ring': int(p.get('ring', Ring.INFORMAL)),
              'sector': p.get('sector', 'overig'), 'relation': p.get('relation', ''),
              'organisation': p.get('organisation', ''), 'distance': float(p.get('distance', 0.5)),
              'roles': list(p.get('roles', [])), 'days': list(p.get('days', [])), 'hours': p.get('hours', ''),
              'phone': p.get('phone', ''), 'mail': p.get('mail', ''), 'side': p.get('side'),
              'extra_roles': list(p.get('extra_roles', []))}
    person.update({scale: p.get(scale) for scale in SCALES})
    return person


@dataclass
class Network:
    """The parts of a board the metrics read, gathered once."""
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Family members and network people by id, in name order."""
    ties: list[dict[str, str]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    """Open goals only (active or proposal), in number order."""
    agreements: list[dict[str, Any]] = field(default_factory=list)
    graph: nx.Graph = field(default_factory=nx.Graph)
    coordinator_id: str | None = None
    """The zorgcoördinator from the algemene informatie, if the viewer may see it."""

    def in_ring(self, ring: int) -> list[dict[str, Any]]:
        return [p for p in self.people.values() if p['ring'] == ring]

    def network_people(self) -> list[dict[str, Any]]:
        return [p for p in self.people.values() if p['type'] == 'network_person']

    def family_members(self) -> list[dict[str, Any]]:
        return [p for p in self.people.values() if p['type'] == 'family_member']


def _number_key(item: dict[str, Any]) -> tuple[int, str]:
    return (item.get('number') or 10**9, item['id'])


def network(elements: Iterable[Element]) -> Network:
    """Gather people, ties, open goals and agreements from the elements the viewer may see."""
    live = [e for e in elements if not e.deleted]
    people = [_family_member(e) for e in live if e.type == ElementType.FAMILY_MEMBER]
    people += [_network_person(e) for e in live if e.type == ElementType.NETWORK_PERSON]
    net = Network(people={p['id']: p for p in sorted(people, key=person_key)})
    goals = [{'id': e.id, **e.props} for e in live if e.type == ElementType.GOAL]
    net.goals = sorted((g for g in goals if g.get('status', 'active') in OPEN_GOAL), key=_number_key)
    open_goals = {g['id'] for g in net.goals}
    agreements = [{'id': e.id, **e.props} for e in live if e.type == ElementType.AGREEMENT]
    net.agreements = sorted((a for a in agreements if a.get('goal_id') is None or a['goal_id'] in open_goals),
                            key=_number_key)
    net.graph = _graph(net.people, [e for e in live if e.type == ElementType.TIE])
    info = [e for e in live if e.type == ElementType.FAMILY_INFO]
    net.coordinator_id = info[0].props.get('coordinator_id') if info else None
    net.ties = [{'a': a, 'b': b, 'kind': kind} for a, b, kind in net.graph.edges(data='kind')]
    return net


def _graph(people: dict[str, dict[str, Any]], ties: list[Element]) -> nx.Graph:
    rank = {id_: i for i, id_ in enumerate(people)}  # people are in name order already
    kinds: dict[tuple[str, str], str] = {}
    for tie in ties:
        a, b, kind = tie.props.get('a'), tie.props.get('b'), tie.props.get('kind', 'normal')
        if a not in rank or b not in rank or a == b:
            continue
        pair = (a, b) if rank[a] < rank[b] else (b, a)
        if TIE_WEIGHT.get(kind, 0) >= TIE_WEIGHT.get(kinds.get(pair, 'normal'), 0):
            kinds[pair] = kind
    graph = nx.Graph()
    graph.add_nodes_from(people.items())
    graph.add_edges_from((a, b, {'kind': kind}) for (a, b), kind in sorted(kinds.items(), key=lambda item: (
        rank[item[0][0]], rank[item[0][1]])))
    return graph


def build_graph(elements: Iterable[Element]) -> nx.Graph:
    """The networkx Graph of the netwerkschema (nodes carry all person attributes, edges their `kind`)."""
    return network(elements).graph
