"""The board picture (app/printing/board_picture.py): a PNG of the board, drawn on the server without a browser."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from app.printing import fonts
from app.printing.board_picture import render_board_png
from board.boardfile import BoardFile, export_board
from board.demo import create_demo_board
from board.elements import Element, ElementType, validate_props


@pytest.fixture
def demo(sqlite_store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


def picture(board: BoardFile, width: int = 1600) -> Image.Image:
    image = Image.open(io.BytesIO(render_board_png(board, width=width)))
    image.load()
    return image


@pytest.mark.parametrize('width', [1600, 640])
def test_the_picture_is_a_png_of_the_requested_width(demo: BoardFile, width: int) -> None:
    image = picture(demo, width)
    assert image.format == 'PNG' and image.width == width and image.height > 100


def test_the_picture_is_not_blank(demo: BoardFile) -> None:
    image = picture(demo).convert('RGB').resize((400, 200))
    colours = image.getcolors(maxcolors=400 * 200)
    assert len(colours) > 50
    common = [c for count, c in colours if count > 100]
    assert len(common) >= 4, 'zones, cards and background in several colours'


def test_odd_boards_draw_without_error(demo: BoardFile) -> None:
    def element(id_: str, type_: str, **props) -> Element:
        return Element(id=id_, type=ElementType(type_), props=validate_props(ElementType(type_), props))
    odd = [element('fm-x', 'family_member', name='Şükrü Yılmaz-Малика Ελένη ' * 3, x=-500, y=-300),
           element('np-x', 'network_person', name='Zoë', ring=3, x=3000, y=2000),
           element('tie-x', 'tie', a='fm-x', b='np-x', kind='conflict'),
           element('note-x', 'note', kind='worry', text='⚽ ' + 'Onbreekbaarlangwoord' * 20, x=0, y=0)]
    assert picture(demo.model_copy(update={'elements': demo.elements + odd})).width == 1600
    empty = BoardFile(board={'id': 'leeg', 'name': 'Leeg', 'created_at': '2026-11-01T00:00:00+00:00'}, seq=0,
                      elements=[])
    assert picture(empty, 800).size[0] == 800


def test_without_a_font_the_picture_says_so(demo: BoardFile, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(fonts, 'SEARCH_DIRS', [tmp_path])
    monkeypatch.setattr(fonts, 'FIRST_DIR', None)
    with pytest.raises(fonts.FontMissing):
        render_board_png(demo)
