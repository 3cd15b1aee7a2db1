"""Text in the server's pictures (app/printing/lettering.py): Chinese from a fallback font, Arabic joined and right
to left, and a letter no font has drawn as □, never left out."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat, features

from app.printing import fonts
from app.printing.lettering import Lettering
from app.printing.schema_picture import schema_image
from board.elements import Element, ElementType, validate_props
from tests.unit.test_schema_picture import drawn_texts as drawn_texts  # the fixture

FATIMA = 'فاطمة'
FATIMA_AS_SEEN = '\ufe94\ufee4\ufec3\ufe8e\ufed3'
"""فاطمة as a reader sees it, left to right: ة final, م medial, ط initial, ا final, ف initial (presentation forms)."""


def ink(draw_text) -> Image.Image:
    """What `draw_text(draw)` puts on a white picture, cut to the ink."""
    image = Image.new('L', (400, 100), 255)
    draw_text(ImageDraw.Draw(image))
    return image.crop(ImageChops.invert(image).getbbox())


def test_a_name_in_two_scripts_is_drawn_in_two_fonts() -> None:
    runs = Lettering().runs('Wang Fang 王芳', 20)
    assert [run.text for run in runs] == ['Wang Fang ', '王芳']
    assert Path(runs[0].font.path) == fonts.find_font().regular
    assert Path(runs[1].font.path).name == 'DroidSansFallbackFull.ttf'


@pytest.mark.skipif(not features.check('raqm'), reason='Pillow without libraqm lays out letters one by one')
def test_arabic_is_joined_and_runs_right_to_left() -> None:
    letters = Lettering()
    drawn = ink(lambda draw: letters.draw(draw, (10, 50), FATIMA, 40, 0, anchor='lm'))
    plain = ImageFont.truetype(str(letters.main.regular), 40, layout_engine=ImageFont.Layout.BASIC)

    def unlike(text: str) -> float:
        """How far `text`, set letter by letter from left to right, is from what was drawn (0: the same)."""
        other = ink(lambda draw: draw.text((10, 50), text, font=plain, fill=0, anchor='lm')).resize(drawn.size)
        return ImageStat.Stat(ImageChops.difference(drawn, other)).mean[0]

    assert unlike(FATIMA_AS_SEEN) < unlike(FATIMA_AS_SEEN[::-1]) / 3  # joined, and right to left
    assert unlike(FATIMA_AS_SEEN) < unlike(FATIMA) / 3  # not the loose letters


def test_a_letter_no_font_has_is_drawn_as_a_box(monkeypatch) -> None:
    monkeypatch.setattr(fonts, 'FALLBACKS', [])
    assert [run.text for run in Lettering().runs('Wang Fang 王芳', 20)] == ['Wang Fang □□']


def test_the_schema_names_everyone_in_their_own_script(drawn_texts: list[str]) -> None:
    names = {'fm-wang': 'Wang Fang 王芳', 'fm-fatima': 'Fatima فاطمة', 'np-olga': 'Ольга Петрова',
             'np-giorgos': 'Γιώργος Παπάς'}
    people = [Element(id=id_, type=ElementType(kind), props=validate_props(ElementType(kind), {'name': name}))
              for id_, name in names.items() for kind in ['family_member' if id_.startswith('fm') else
                                                          'network_person']]
    schema_image(people, width=1200)
    for text in ('王芳', 'Fatima فاطمة', 'Ольга', 'Γιώργος', 'Fف', 'ОП', 'ΓΠ'):
        assert any(text in drawn for drawn in drawn_texts), (text, drawn_texts)
