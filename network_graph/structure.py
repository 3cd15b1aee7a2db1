"""The shape of the netwerkschema: how big each ring and sector is, and how the network hangs together."""
from __future__ import annotations

from typing import Any

import networkx as nx

from board.elements import Ring, Sector

from .graph import Network, person_key

BETWEENNESS_TOP = 5
BETWEENNESS_EXACT_UP_TO = 64
"""How many bridging people are listed (only those with a betweenness above 0)."""


def brief(person: dict[str, Any]) -> dict[str, Any]:
    """How a person is named inside a metric: enough to show and to find them on the board."""
    return {'id': person['id'], 'name': person['name'], 'ring': person['ring']}


def share(count: int, of: int) -> float | None:
    """A share rounded for display; None when there is nothing to divide by (not 0, which would be a claim)."""
    return round(count / of, 3) if of else None


def size(net: Network) -> dict[str, Any]:
    """How many people per ring (1 gezin, 2 informal, 3 professional) and per sector; every key always present."""
    per_ring = {str(ring): len(net.in_ring(ring)) for ring in Ring}
    per_sector = {sector.value: 0 for sector in Sector}
    for person in net.people.values():
        per_sector[person['sector']] = per_sector.get(person['sector'], 0) + 1
    return {'people': len(net.people), 'per_ring': per_ring, 'per_sector': per_sector}


def informal_share(net: Network) -> dict[str, Any]:
    """Informal (ring 2) against professional (ring 3) people: help from the own network lasts longer."""
    informal, professional = len(net.in_ring(Ring.INFORMAL)), len(net.in_ring(Ring.PROFESSIONAL))
    total = informal + professional
    return {'informal': informal, 'professional': professional, 'share_informal': share(informal, total),
            'share_professional': share(professional, total)}


def coordinator(net: Network) -> dict[str, Any] | None:
    """The zorgcoördinator as a person on the schema; None when not set or not visible to the viewer."""
    person = net.people.get(net.coordinator_id or '')
    return brief(person) | {'organisation': person.get('organisation', '')} if person else None


def tension(net: Network) -> dict[str, list[dict[str, Any]]]:
    """Lines marked conflict or tense, each as the two people by name."""
    found: dict[str, list[dict[str, Any]]] = {'conflict': [], 'tense': []}
    for tie in net.ties:
        if tie['kind'] in found:
            a, b = net.people[tie['a']], net.people[tie['b']]
            found[tie['kind']].append({'a': a['id'], 'a_name': a['name'], 'b': b['id'], 'b_name': b['name']})
    for lines in found.values():
        lines.sort(key=lambda line: (person_key(net.people[line['a']]), person_key(net.people[line['b']])))
    return found


def close_but_critical(net: Network) -> list[dict[str, Any]]:
    """People who are 'very' close and yet critical sometimes or almost always: support that also costs."""
    return [brief(p) | {'closeness': p['closeness'], 'critical': p['critical']} for p in net.network_people()
            if p['closeness'] == 'very' and p['critical'] in ('sometimes', 'almost_always')]


def connectedness(net: Network) -> dict[str, Any]:
    """Density and components among family members and network people, without a centre node.

    With a centre everyone would be connected through the family; without it we see whether the
    network knows each other — and who knows no one else (isolates).
    """
    graph = net.graph
    def in_name_order(ids: set[str]) -> list[str]:
        return sorted(ids, key=lambda id_: person_key(net.people[id_]))

    components = sorted(map(in_name_order, nx.connected_components(graph)),
                        key=lambda c: (-len(c), person_key(net.people[c[0]])))
    isolates = [brief(net.people[id_]) for id_ in net.people if graph.degree(id_) == 0]
    return {'people': graph.number_of_nodes(), 'ties': graph.number_of_edges(),
            'density': round(nx.density(graph), 4) if graph.number_of_nodes() > 1 else 0.0,
            'components': len(components), 'component_sizes': [len(c) for c in components],
            'largest_component': len(components[0]) if components else 0, 'isolates': isolates}


def betweenness(net: Network) -> list[dict[str, Any]]:
    """Who bridges groups: the top people by (normalised) betweenness centrality, highest first.

    Exact for networks up to `BETWEENNESS_EXACT_UP_TO` people (every real family network); above that
    networkx estimates it from that many source people, with a fixed seed so the answer does not wobble.
    """
    graph = net.graph
    sample = BETWEENNESS_EXACT_UP_TO if graph.number_of_nodes() > BETWEENNESS_EXACT_UP_TO else None
    values = nx.betweenness_centrality(graph, k=sample, seed=0 if sample else None)
    ranked = sorted((p for p in net.people.values() if values[p['id']] > 0),
                    key=lambda p: (-values[p['id']], *person_key(p)))
    return [brief(p) | {'value': round(values[p['id']], 4)} for p in ranked[:BETWEENNESS_TOP]]
