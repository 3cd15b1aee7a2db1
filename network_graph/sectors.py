"""Per-sector figures as easyNWK reports them: how tightly the people of a sector know each other, how many ties
they have, who is a star and who stands alone — per sector of the netwerkschema and for the whole network.

A coach reads them to see where the network hangs together (a family circle that all know each other) and where
it is thin (a friend nobody else knows). Definitions, with a worked example, are in docs/metrics.md.
"""
from __future__ import annotations

import statistics
from typing import Any

from board.elements import Sector

from .graph import Network
from .structure import brief

STAR_MIN = 2
"""A star knows at least this many others on the schema: knowing one person does not make anyone a hub."""


def figures(net: Network, ids: list[str], *, family: bool = False) -> dict[str, Any]:
    """The figures for one group of people (a sector, or everyone).

    A person's degree counts their ties to anyone on the schema, in or outside the group; the density counts only
    the ties inside the group. There is no centre node, so being on the schema adds no tie. The family members
    together are the centre: they belong together without a line, so a family member is never isolated, and the
    `family` sector (gezin) has no density. Figures that cannot be computed (a density with fewer than 2 people, a
    mean of nobody) are None: 0 would be a claim.
    """
    graph = net.graph
    degrees = {id_: graph.degree(id_) for id_ in ids}
    ties = graph.subgraph(ids).number_of_edges()
    pairs = 0 if family else len(ids) * (len(ids) - 1) // 2
    top = max(degrees.values(), default=0)
    values = list(degrees.values())
    return {
        'people': len(ids), 'ties': ties,
        'density': round(ties / pairs, 4) if pairs else None,
        'degree_mean': round(statistics.fmean(values), 2) if values else None,
        'degree_sd': round(statistics.pstdev(values), 2) if values else None,
        'stars': [brief(net.people[id_]) | {'degree': top} for id_ in ids if top >= STAR_MIN and degrees[id_] == top],
        'isolated': [brief(net.people[id_]) for id_ in ids
                     if degrees[id_] == 0 and net.people[id_]['type'] != 'family_member'],
    }


def sectors(net: Network) -> dict[str, Any]:
    """The figures of the whole network and of every sector (all of them, in the schema's order, empty ones too)."""
    per_sector = {sector.value: figures(net, [id_ for id_, p in net.people.items() if p['sector'] == sector.value],
                                        family=sector == Sector.GEZIN)
                  for sector in Sector}
    return {'whole': figures(net, list(net.people)), 'per_sector': per_sector}
