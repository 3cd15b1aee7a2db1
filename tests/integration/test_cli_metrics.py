"""`planbord metrics` and `planbord network`: from a board id and from an exported JSON file."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx

from tests.integration.test_cli import planbord


def test_metrics_from_a_board_id_and_from_an_exported_file(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    board_id = planbord('demo', database=database).stdout.strip()
    from_db = json.loads(planbord('metrics', board_id, database=database).stdout)
    exported = tmp_path / 'bord.json'
    exported.write_text(planbord('export', board_id, database=database).stdout, encoding='utf-8')
    out = planbord('metrics', str(exported)).stdout
    assert 'Anneanne Ayşe' in out  # ensure_ascii=False
    from_file = json.loads(out)
    assert from_db == from_file
    assert from_db['size']['per_ring'] == {'1': 5, '2': 5, '3': 6} and from_db['sentences']


def test_metrics_as_dutch_text_for_the_coach(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    board_id = planbord('demo', database=database).stdout.strip()
    text = planbord('metrics', board_id, '--text', database=database).stdout
    for line in ['Het netwerk in cijfers', 'Doelen per gezinslid', 'Wie doet wat',
                 '- Familie: mensen 2; lijnen onderling 0; dichtheid 0%; '
                 'lijnen per persoon 2,0 ± 1,0; sterren Anneanne',
                 '- Bas de Vries: leeftijd ', 'Nog niets afgesproken met: Bas de Vries']:
        assert line in text, line
    assert '{' not in text and 'degree' not in text and 'per_sector' not in text  # no JSON, no English keys
    assert '"sectors"' in planbord('metrics', board_id, database=database).stdout  # the JSON has them too


def test_metrics_errors_are_one_clear_line(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    missing = planbord('metrics', 'nope', database=database, check=False)
    assert missing.returncode == 1 and missing.stderr == 'planbord: no board with id nope\n'
    nofile = planbord('metrics', str(tmp_path / 'weg.json'), check=False)
    assert nofile.returncode == 1 and nofile.stderr.startswith('planbord: cannot read ') and nofile.stderr.count(
        '\n') == 1
    broken = tmp_path / 'kapot.json'
    broken.write_text('{"format": "iets anders"}', encoding='utf-8')
    bad = planbord('metrics', str(broken), check=False)
    assert bad.returncode == 1 and bad.stderr.startswith('planbord: not a Planbord board file')


def test_network_writes_graphml_and_csv(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    board_id = planbord('demo', database=database).stdout.strip()
    graphml, table = tmp_path / 'netwerk.graphml', tmp_path / 'netwerklijst.csv'
    out = planbord('network', board_id, '--graphml', str(graphml), '--csv', str(table), database=database).stdout
    assert out == f'{graphml}\n{table}\n'
    assert nx.read_graphml(graphml).nodes['np-ayse']['practical'] == 'almost_always'
    assert len(list(csv.DictReader(io.StringIO(table.read_text(encoding='utf-8'))))) == 11
    nothing = planbord('network', board_id, database=database, check=False)
    assert nothing.returncode == 1 and 'say what to write' in nothing.stderr


def test_network_draws_the_schema_as_png(tmp_path: Path) -> None:
    from PIL import Image
    database = tmp_path / 'board.sqlite3'
    board_id = planbord('demo', database=database).stdout.strip()
    exported = tmp_path / 'bord.json'
    exported.write_text(planbord('export', board_id, database=database).stdout, encoding='utf-8')
    picture, pseudo, table = tmp_path / 'schema.png', tmp_path / 'schema-rollen.png', tmp_path / 'lijst.csv'
    out = planbord('network', board_id, '--png', str(picture), '--csv', str(table), database=database).stdout
    assert out == f'{table}\n{picture}\n'
    assert planbord('network', str(exported), '--png', str(pseudo), '--pseudonyms', '--width', '800').stdout == \
        f'{pseudo}\n'
    with Image.open(picture) as image, Image.open(pseudo) as other:
        assert image.format == 'PNG' and image.width == 1200 and other.width == 800
    nowhere = planbord('network', board_id, '--png', str(tmp_path / 'geen-map' / 'x.png'), database=database,
                       check=False)
    assert nowhere.returncode == 1 and nowhere.stderr.startswith('planbord: cannot write ')
