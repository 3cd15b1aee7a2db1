"""Everything about the family in one zip: the board and plan as the person may see them, photos as JPEG files."""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from PIL import Image

from app.printing.everything import everything_zip
from board.boardfile import board_file
from board.demo import create_demo_board
from board.identity import Actor, Role
from board.operations import apply_batch, parse_batch
from board.photos import thumbnail_data_url

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)


def test_the_zip_holds_the_board_the_plan_each_photo_and_the_log(sqlite_store) -> None:
    loaded = sqlite_store.load(create_demo_board(sqlite_store).id)
    raw = io.BytesIO()
    Image.new('RGB', (600, 400), '#2f6f5e').save(raw, 'PNG')
    with_photo = apply_batch(loaded.elements, parse_batch(
        [{'op': 'update', 'id': 'fm-elif', 'props': {'photo': thumbnail_data_url(raw.getvalue())}}]),
        actor_id='fm-derya', seq=loaded.seq + 1, now='2026-12-01T10:00:00+00:00')
    board = board_file(loaded.info, loaded.seq + 1, (loaded.elements | with_photo).values())
    when = dt.datetime(2026, 12, 3, 10, 0)
    seen = [(when, '=Meester Karim', 'Meester Karim heeft het plan bekeken op 3-12')]
    data, name = everything_zip(board, DERYA, seen, dt.date(2026, 12, 3))
    assert name == 'gegevens-yilmaz-de-vries-03-12-2026.zip'
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == ['bord.json', 'fotos/Elif.jpg', 'gezinsplan.pdf', 'logboek.csv']
    assert Image.open(io.BytesIO(archive.read('fotos/Elif.jpg'))).format == 'JPEG'
    ids = {e['id'] for e in json.loads(archive.read('bord.json'))['elements']}
    assert 'goal-1' in ids and 'note-bas-schulden' not in ids  # Bas's own support is not Derya's to take out
    assert archive.read('logboek.csv').decode().splitlines() == [
        'datum;tijd;wie;wat', "03-12-2026;10:00;'=Meester Karim;Meester Karim heeft het plan bekeken op 3-12"]


def test_a_broken_photo_stored_by_an_older_version_is_left_out(sqlite_store) -> None:
    loaded = sqlite_store.load(create_demo_board(sqlite_store).id)
    legacy = apply_batch(loaded.elements, parse_batch(  # a replay, as the log of an older version holds it
        [{'op': 'update', 'id': 'fm-elif', 'props': {'photo': 'data:image/jpeg;base64,A'}}]),
        actor_id='fm-derya', seq=loaded.seq + 1, now='2026-12-01T10:00:00+00:00')
    board = board_file(loaded.info, loaded.seq + 1, (loaded.elements | legacy).values())
    data, _ = everything_zip(board, DERYA, [], dt.date(2026, 12, 3))
    assert not [name for name in zipfile.ZipFile(io.BytesIO(data)).namelist() if name.startswith('fotos/')]
