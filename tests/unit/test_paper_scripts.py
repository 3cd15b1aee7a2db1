"""Names in every script on paper (app/printing/paper.py, fonts.py): Chinese from a fallback font, Arabic shaped
(letters joined, right to left), Cyrillic and Greek; a character no font has is shown and named, never dropped."""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from app.printing import fonts
from app.printing.paper import Paper
from app.printing.plan_pdf import plan_pdf
from board.boardfile import BoardFile, export_board
from board.demo import create_demo_board
from board.store import Store
from tests.unit.test_plan_pdf import TODAY, element, text_of, with_elements

NAMES = {'fm-wang': 'Wang Fang 王芳', 'fm-fatima': 'Fatima فاطمة', 'np-olga': 'Ольга', 'np-giorgos': 'Γιώργος'}
FATIMA = 'فاطمة'


@pytest.fixture
def family(sqlite_store: Store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


@pytest.fixture
def world(family: BoardFile) -> BoardFile:
    """The demo family with a member and a network person in each script."""
    return with_elements(
        family,
        element('fm-wang', 'family_member', name=NAMES['fm-wang'], role='child'),
        element('fm-fatima', 'family_member', name=NAMES['fm-fatima'], role='parent'),
        element('np-olga', 'network_person', name=NAMES['np-olga'], relation='buurvrouw', ring=2),
        element('np-giorgos', 'network_person', name=NAMES['np-giorgos'], relation='vriend', ring=3))


def embedded_fonts(pdf: bytes) -> dict[str, TTFont]:
    """Each font in the PDF by its base name (without the subset tag), as fontTools reads it."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page['/Resources'].get('/Font') or {}).values():
            descendant = font.get_object()['/DescendantFonts'][0].get_object()
            name = str(descendant['/BaseFont']).split('+')[-1]
            data = descendant['/FontDescriptor'].get_object()['/FontFile2'].get_object().get_data()
            found[name] = TTFont(io.BytesIO(data))
    return found


def test_every_name_prints_in_its_own_script(world: BoardFile) -> None:
    pdf = plan_pdf(world, TODAY)
    text = text_of(pdf)
    for name in ('Wang Fang 王芳', 'Ольга', 'Γιώργος'):
        assert name in text
    # Arabic is laid out right to left: the text in the PDF runs in the order it is seen, so read back it is reversed
    assert FATIMA in text or FATIMA[::-1] in text
    assert 'Let op' not in text and '□' not in text  # every character had a font
    assert any(name.startswith('DroidSansFallback') for name in embedded_fonts(pdf))  # the Chinese came from there


def test_arabic_letters_are_joined_as_a_reader_writes_them(world: BoardFile) -> None:
    """Shaped, each letter of فاطمة takes its joined form (initial, medial, final), which the font holds as other
    glyphs than the lone letters: a PDF of loose letters holds the lone glyphs only."""
    plan = fonts.find_font()
    with TTFont(plan.regular) as font:
        lone = {font.getBestCmap()[ord(c)] for c in FATIMA}
    embedded = embedded_fonts(plan_pdf(world, TODAY))['DejaVuSansBook']
    arabic = {name for name in embedded.getGlyphOrder() if name.startswith('uni') and len(name) == 7
              and 'ARABIC' in unicodedata.name(chr(int(name[3:], 16)), '')}
    assert len(arabic) == len(FATIMA) and not arabic & lone, arabic  # ف initial (uniFED3) … ة final (uniFE94)


def test_a_character_no_font_has_is_shown_and_named_on_its_page(world: BoardFile, monkeypatch,
                                                                tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, 'FALLBACKS', [])  # a server without a Chinese font
    pdf = plan_pdf(world, TODAY)
    text = text_of(pdf)
    assert 'Wang Fang □□' in text  # the name stays, with a mark where each letter was
    assert 'Let op: □ staat voor een teken zonder lettertype op de server' in text
    assert 'U+738B (CJK UNIFIED IDEOGRAPH-738B), U+82B3 (CJK UNIFIED IDEOGRAPH-82B3)' in text
    assert 'Vraag de beheerder er een te installeren (bijvoorbeeld fonts-droid-fallback of fonts-noto-core)' in text


    pages = [page.extract_text().split('Let op:')[0] for page in PdfReader(io.BytesIO(pdf)).pages]
    warned = ['Let op:' in page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert warned == ['□' in page for page in pages] and any(warned)  # on each page that shows □, and only there


def test_a_dutch_plan_needs_no_fallback_font_and_no_shaping(family: BoardFile, world: BoardFile) -> None:
    """The demo family's plan (Turkish and Dutch names) is printed as before: one font, unshaped, quick."""
    assert Paper(family, TODAY, 'Proef').text_shaping is None and Paper(world, TODAY, 'Proef').text_shaping
    assert set(embedded_fonts(plan_pdf(family, TODAY))) == {'DejaVuSansBook', 'DejaVuSansBold'}
