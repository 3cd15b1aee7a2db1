"""The network out of Planbord: GraphML for Gephi and networkx, the netwerklijst as CSV for a spreadsheet."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import networkx as nx

from board.elements import Element, Ring

from .graph import SCALES, network
from .roles import side_name

SKIPPED = frozenset({'photo', 'id'})
"""Left out of GraphML: the id is the node id already, and a photo is a data URL, not something to analyse."""


def _scalar(value: Any) -> Any:
    """GraphML holds str, int, float and bool only: lists are joined with ';', other roles said as words."""
    if isinstance(value, (list, tuple)):
        return ';'.join(_role(v) if isinstance(v, dict) else str(v) for v in value)
    return value


def _role(role: dict[str, Any], sector: str | None = None) -> str:
    """Another role with its place: 'oppas (ring 3, werk_school)'."""
    return f"{role.get('role', '')} (ring {role.get('ring', Ring.INFORMAL)}, {sector or role.get('sector', 'overig')})"


def graphml_graph(elements: Iterable[Element]) -> nx.Graph:
    """The graph with GraphML-safe attributes: lists joined with ';', None left out."""
    graph = network(elements).graph
    safe = nx.Graph()
    for node, data in graph.nodes(data=True):
        safe.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None and k not in SKIPPED})
    safe.add_edges_from((a, b, {'kind': kind}) for a, b, kind in graph.edges(data='kind'))
    return safe


def write_graphml(elements: Iterable[Element], target: str | Path | IO[bytes]) -> None:
    """Write GraphML that networkx.read_graphml reads back with every attribute."""
    nx.write_graphml(graphml_graph(elements), target)


COLUMNS = [  # header, netwerklijst field
    ('Naam', 'name'), ('Relatie', 'relation'), ('Organisatie', 'organisation'), ('Sector', 'sector'),
    ('Ring', 'ring'), ('Praktische hulp', 'practical'), ('Emotionele steun', 'emotional'),
    ('Informatie en advies', 'information'), ('Kritisch', 'critical'), ('Richting van de hulp', 'direction'),
    ('Hoe vertrouwd', 'closeness'), ('Hoe vaak contact', 'contact'), ('Hoe lang al contact', 'known'),
    ('Rollen', 'roles'), ('Ook als', 'extra_roles'), ('Kant van', 'side'), ('Bereikbaar op', 'days'),
    ('Uren', 'hours'), ('Telefoon', 'phone'), ('Mail', 'mail'),
]
LABELS = {
    'hardly_ever': 'bijna nooit', 'sometimes': 'soms', 'almost_always': 'bijna altijd',
    'both': 'beide kanten op', 'they_help': 'zij helpen ons', 'we_help': 'wij helpen hen',
    'not_very': 'niet zo', 'fairly': 'redelijk', 'very': 'heel erg',
    'few_times_a_year': 'paar keer per jaar', 'monthly': 'maandelijks', 'weekly': 'wekelijks', 'daily': 'dagelijks',
    'lt_1': 'minder dan 1 jaar', '1_5': '1 tot 5 jaar', 'gt_5': 'meer dan 5 jaar', 'werk_school': 'werk/school',
}
"""Scale values as the netwerklijst says them (a value's label depends only on the value, not the column)."""
LABELLED = frozenset(SCALES) | {'sector'}


def _cell(field: str, value: Any) -> str:
    if value is None:
        return ''
    if field == 'extra_roles':
        return '; '.join(_role(role, LABELS.get(role.get('sector', ''), role.get('sector'))) for role in value)
    if isinstance(value, list):
        return ', '.join(value) if field == 'days' else '; '.join(value)
    return LABELS.get(value, value) if field in LABELLED else str(value)


def netwerklijst_csv(elements: Iterable[Element]) -> str:
    """The netwerklijst: one row per network person (ring 2 and 3), Dutch headers, in name order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\n')
    writer.writerow([header for header, _ in COLUMNS])
    net = network(elements)
    members = {p['id']: p['name'] for p in net.family_members()}
    for person in net.network_people():
        shown = person | {'side': side_name(person, members)}
        writer.writerow([_cell(field, shown.get(field)) for _, field in COLUMNS])
    return out.getvalue()
