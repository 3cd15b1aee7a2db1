"""The board file: what `loads` refuses, and an import that is all or nothing."""
from __future__ import annotations

import base64
import json

import pytest

from board import boardfile
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
    with pytest.raises(boardfile.BoardFileError, match='too_long|unknown_field'):
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
