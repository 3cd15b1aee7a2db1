"""The board file: what `loads` refuses, and an import that is all or nothing."""
from __future__ import annotations

import base64
import itertools
import json

import pytest

from board import boardfile, layout
from board.access import lies_in
from board.demo import create_demo_board
from board.photos import PREFIX
from board.store import BoardNotFound
from tests.unit.test_photos import as_data_url, phone_photo


def demo_file(store) -> dict:
    return json.loads(boardfile.dumps(boardfile.export_board(store, create_demo_board(store).id)))


def test_a_tie_to_someone_who_is_not_on_the_board_is_refused(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    tie = next(e for e in data['elements'] if e['type'] == 'tie')
    tie['props']['b'] = 'ghost'
    with pytest.raises(boardfile.BoardFileError, match=f"element {tie['id']}: b points at nothing"):
        boardfile.loads(json.dumps(data))


def test_an_oversized_text_is_a_message_not_a_crash(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    data['elements'][0]['props']['text'] = 'x' * 3000
    with pytest.raises(boardfile.BoardFileError, match=r'too_long|unknown_field'):
        boardfile.loads(json.dumps(data))


def test_an_imported_photo_is_checked_and_cleaned_like_an_upload(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    member = next(e for e in data['elements'] if e['type'] == 'family_member')
    member['props']['photo'] = 'data:image/jpeg;base64,A'
    with pytest.raises(boardfile.BoardFileError, match=f"element {member['id']}: photo: not_an_image"):
        boardfile.loads(json.dumps(data))
    member['props']['photo'] = as_data_url(phone_photo())
    photo = next(e for e in boardfile.loads(json.dumps(data)).elements if e.id == member['id']).props['photo']
    assert b'GPS' not in base64.b64decode(photo.removeprefix(PREFIX))


def test_a_duplicate_element_id_is_refused(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    data['elements'].append(data['elements'][0])
    with pytest.raises(boardfile.BoardFileError, match='appears twice'):
        boardfile.loads(json.dumps(data))


def test_an_invalid_new_id_stores_nothing(sqlite_store) -> None:
    board = boardfile.loads(json.dumps(demo_file(sqlite_store)))
    count = len(sqlite_store.list_boards())
    with pytest.raises(boardfile.BoardFileError, match='not a valid board id'):
        boardfile.import_board(sqlite_store, board, new_id='bad id/..')
    assert len(sqlite_store.list_boards()) == count


def test_export_import_export_is_identical(sqlite_store) -> None:
    text = boardfile.dumps(boardfile.export_board(sqlite_store, create_demo_board(sqlite_store).id))
    info = boardfile.import_board(sqlite_store, boardfile.loads(text), new_id='kopie')
    again = boardfile.dumps(boardfile.export_board(sqlite_store, info.id))
    assert json.loads(again) | {'board': None} == json.loads(text) | {'board': None}
    assert json.loads(again)['board'] | {'id': 'x'} == json.loads(text)['board'] | {'id': 'x'}


def test_an_unknown_board_cannot_be_exported(sqlite_store) -> None:
    with pytest.raises(BoardNotFound):
        boardfile.export_board(sqlite_store, 'nope')


def imported_cards(store, data: dict) -> dict:
    info = boardfile.import_board(store, boardfile.loads(json.dumps(data)), new_id='kopie')
    return {e.id: e for e in store.load(info.id).elements.values() if layout.drawn(e)}


def test_an_imported_board_whose_cards_all_lie_on_one_spot_is_laid_out(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    for element in data['elements']:
        if 'x' in element['props'] and element['type'] != 'zone':
            element['props'] |= {'x': 0, 'y': 0}
        if element['type'] == 'network_person':
            del element['props']['x'], element['props']['y']  # a file written by another program: no place at all
    cards = imported_cards(sqlite_store, data)
    boxes = [layout.box(e) for e in cards.values()]
    assert not [pair for pair in itertools.combinations(boxes, 2) if layout.overlap(*pair)]
    zones = {e['props']['kind']: e['props'] for e in data['elements'] if e['type'] == 'zone'}
    strengths = [e for e in cards.values() if e.props.get('kind') == 'strength']
    assert strengths and all(lies_in(e.props, zones['krachten']) for e in strengths)


def test_an_import_keeps_every_card_where_the_file_puts_it_unless_it_shares_its_spot(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    elements = {e['id']: e for e in data['elements']}
    elements['goal-2']['props'] |= {'x': 41, 'y': 271}  # dragged half over goal 1: as the family left it
    elements['goal-3']['props'] |= {'x': 40, 'y': 270}  # exactly on goal 1: stacked
    cards = imported_cards(sqlite_store, data)
    assert (cards['goal-2'].props['x'], cards['goal-2'].props['y']) == (41, 271)
    assert (cards['goal-4'].props['x'], cards['goal-4'].props['y']) == (elements['goal-4']['props']['x'], 270)
    for stacked in ('goal-1', 'goal-3'):  # both move: neither has a better right to the spot
        assert not any(layout.overlap(layout.box(cards[stacked]), layout.box(e))
                       for e in cards.values() if e.id != stacked)


def test_a_file_from_before_sides_and_other_roles_reads_and_a_side_must_be_a_family_member(sqlite_store) -> None:
    data = demo_file(sqlite_store)
    people = [e for e in data['elements'] if e['type'] == 'network_person']
    for person in people:
        del person['props']['side'], person['props']['extra_roles']
    assert data['version'] == 1
    loaded = boardfile.loads(json.dumps(data))
    assert all('side' not in e.props for e in loaded.elements if e.type == 'network_person'), 'stored as they are'
    people[0]['props']['side'] = 'fm-derya'
    people[0]['props']['extra_roles'] = [{'role': 'oppas', 'ring': 3, 'sector': 'overig', 'distance': 0.5}]
    assert boardfile.loads(json.dumps(data))
    people[0]['props']['side'] = people[1]['id']
    with pytest.raises(boardfile.BoardFileError, match='side points at nothing'):
        boardfile.loads(json.dumps(data))
