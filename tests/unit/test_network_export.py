"""GraphML that networkx (and Gephi) read back with every attribute, and the netwerklijst as CSV."""
from __future__ import annotations

import csv
import io

import networkx as nx

from board import boardfile
from board.demo import create_demo_board
from network_graph.export import netwerklijst_csv, write_graphml
from tests.unit.test_network_metrics import small_family


def test_graphml_round_trip_keeps_node_and_edge_attributes(tmp_path) -> None:
    path = tmp_path / 'netwerk.graphml'
    write_graphml(small_family(), path)
    graph = nx.read_graphml(path)
    assert sorted(graph) == ['fm-a', 'fm-b', 'np-c', 'np-d', 'np-e', 'np-f', 'np-g']
    cor = graph.nodes['np-c']
    assert (cor['name'], cor['ring'], cor['sector'], cor['practical'], cor['critical']) == (
        'Cor', 2, 'familie', 'almost_always', 'sometimes')
    assert cor['roles'] == 'oma;oppas' and cor['distance'] == 0.5  # lists joined with ';'
    assert 'practical' not in graph.nodes['np-g']  # None is left out
    assert graph.nodes['fm-a']['ring'] == 1 and graph.nodes['fm-a']['birth_date'] == '1990-01-01'
    assert graph.edges['np-e', 'np-f']['kind'] == 'conflict' and graph.edges['np-d', 'np-e']['kind'] == 'tense'
    assert graph.number_of_edges() == 5


def test_graphml_of_an_empty_board(tmp_path) -> None:
    write_graphml([], tmp_path / 'leeg.graphml')
    assert nx.read_graphml(tmp_path / 'leeg.graphml').number_of_nodes() == 0


def test_netwerklijst_csv_has_dutch_headers_and_one_row_per_person() -> None:
    rows = list(csv.reader(io.StringIO(netwerklijst_csv(small_family()))))
    assert rows[0][:5] == ['Naam', 'Relatie', 'Organisatie', 'Sector', 'Ring']
    assert [row[0] for row in rows[1:]] == ['Cor', 'Dina', 'Eva', 'Fons', 'Gert']  # network people only
    cor = dict(zip(rows[0], rows[1]))
    assert (cor['Praktische hulp'], cor['Hoe vertrouwd'], cor['Hoe lang al contact'], cor['Rollen']) == (
        'bijna altijd', 'heel erg', 'meer dan 5 jaar', 'oma; oppas')
    assert dict(zip(rows[0], rows[3]))['Bereikbaar op'] == 'ma'
    assert list(csv.reader(io.StringIO(netwerklijst_csv([])))) == [rows[0]]


def test_the_demo_family_exports(sqlite_store, tmp_path) -> None:
    elements = boardfile.export_board(sqlite_store, create_demo_board(sqlite_store).id).elements
    rows = list(csv.DictReader(io.StringIO(netwerklijst_csv(elements))))
    assert len(rows) == 11
    assert next(r for r in rows if r['Naam'] == 'Anneanne Ayşe')['Praktische hulp'] == 'bijna altijd'
    write_graphml(elements, tmp_path / 'demo.graphml')
    graph = nx.read_graphml(tmp_path / 'demo.graphml')
    assert graph.number_of_nodes() == 16 and graph.edges['np-ayse', 'fm-bas']['kind'] == 'tense'
    assert 'photo' not in graph.nodes['fm-bas']


def test_the_side_and_the_other_roles_are_exported_readably(tmp_path) -> None:
    from tests.unit.test_network_metrics import person
    elements = small_family() + [person('np-i', 'Ilse', sector='familie', side='fm-a',
                                        extra_roles=[{'role': 'oppas', 'ring': 3, 'sector': 'werk_school'}])]
    ilse = next(row for row in csv.DictReader(io.StringIO(netwerklijst_csv(elements))) if row['Naam'] == 'Ilse')
    assert (ilse['Kant van'], ilse['Ook als']) == ('Amal', 'oppas (ring 3, werk/school)')
    write_graphml(elements, tmp_path / 'netwerk.graphml')
    node = nx.read_graphml(tmp_path / 'netwerk.graphml').nodes['np-i']
    assert (node['side'], node['extra_roles']) == ('fm-a', 'oppas (ring 3, werk_school)')
