"""The netwerkschema picture (app/printing/schema_picture.py): drawn on the server from the elements it is given."""
from __future__ import annotations

import io
import random

import pytest
from PIL import Image, ImageDraw

from app.printing.schema_picture import render_schema_png
from board.boardfile import BoardFile, export_board
from board.demo import create_demo_board
from board.elements import Element, ElementType, validate_props
from network_graph.schema_layout import SECTOR_LABELS


def element(id_: str, type_: str, **props) -> Element:
    return Element(id=id_, type=ElementType(type_), props=validate_props(ElementType(type_), props))


@pytest.fixture
def demo(sqlite_store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


@pytest.fixture
def drawn_texts(monkeypatch) -> list[str]:
    """Every text the picture draws, in order."""
    texts: list[str] = []
    original = ImageDraw.ImageDraw.text

    def text(self, xy, text, *args, **kwargs):
        texts.append(text)
        return original(self, xy, text, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, 'text', text)
    return texts


def picture(elements: list[Element], **options) -> Image.Image:
    image = Image.open(io.BytesIO(render_schema_png(elements, **options)))
    image.load()
    return image


def colours(image: Image.Image) -> list[tuple[int, tuple[int, int, int]]]:
    small = image.convert('RGB').resize((300, 300))
    return small.getcolors(maxcolors=300 * 300)


def big_network(people: int = 150, ties: int = 1000, seed: int = 3) -> list[Element]:
    rng = random.Random(seed)
    elements = [element(f'fm-{i}', 'family_member', name=f'Gezinslid {i}') for i in range(5)]
    elements += [element(f'np-{i}', 'network_person', name=f'Persoon {i}', ring=rng.choice([2, 2, 3]),
                         sector=rng.choice(list(SECTOR_LABELS)), distance=rng.random()) for i in range(people - 5)]
    ids = [e.id for e in elements]
    elements += [element(f'tie-{n}', 'tie', a=a, b=b, kind=rng.choice(['normal', 'tense', 'conflict']))
                 for n, (a, b) in enumerate(rng.sample(ids, 2) for _ in range(ties))]
    return elements


@pytest.mark.parametrize('width', [1200, 500])
def test_the_schema_is_a_png_of_the_requested_width(demo: BoardFile, width: int) -> None:
    image = picture(demo.elements, width=width)
    assert image.format == 'PNG' and image.width == width and image.height > 0.8 * width


def test_the_demo_family_is_drawn_in_calm_colours_with_every_name(demo: BoardFile, drawn_texts: list[str]) -> None:
    found = colours(picture(demo.elements))
    assert len(found) > 50
    common = [c for count, c in found if count > 200]
    assert len(common) >= 4, 'background and the three ring fills'
    for label in [*SECTOR_LABELS.values(), 'Het gezin', 'GEZIN', 'NETWERK', 'PROFESSIONALS', 'gespannen']:
        assert label in drawn_texts, label
    for person in (e for e in demo.elements if e.type in ('family_member', 'network_person')):
        assert any(person.props['name'].startswith(t) or t in person.props['name'] for t in drawn_texts
                   if len(t) > 2), person.props['name']
    assert 'Derya Yılmaz' in drawn_texts and 'DY' in drawn_texts  # name under the dot, initials in it


def test_pseudonyms_show_roles_and_no_names(demo: BoardFile, drawn_texts: list[str]) -> None:
    assert picture(demo.elements, pseudonyms=True).width == 1200
    for role in ['Buurvrouw', 'Mentor', 'Moeder', 'Huisarts', 'Ouder', 'Kind', 'Jongere']:
        assert role in drawn_texts, role
    names = [e.props['name'] for e in demo.elements if e.type in ('family_member', 'network_person')]
    for text in drawn_texts:
        assert not any(part in text for name in names for part in name.split() if len(part) > 3), text


def test_only_the_people_given_are_drawn(demo: BoardFile, drawn_texts: list[str]) -> None:
    """A person hidden from the viewer is not in the list; they, and their ties, simply are not there."""
    hidden = 'np-ayse'
    seen = [e for e in demo.elements if e.id != hidden]  # her ties stay: they point at nobody now
    without = render_schema_png(seen)
    assert 'Anneanne Ayşe' not in drawn_texts and 'Anneanne' not in drawn_texts and 'AA' not in drawn_texts
    assert without != render_schema_png(demo.elements)
    assert without == render_schema_png(list(reversed(seen)))  # the same picture whatever the order
    deleted = [e.model_copy(update={'deleted': True}) if e.id == hidden else e for e in demo.elements]
    assert render_schema_png(deleted) == without


def test_an_empty_board_draws_the_empty_schema() -> None:
    image = picture([])
    assert image.width == 1200 and len(colours(image)) > 10


def test_150_people_and_1000_ties_draw() -> None:
    image = picture(big_network(), width=1600)
    assert image.width == 1600 and len(colours(image)) > 50


def test_odd_people_draw() -> None:
    odd = [element('fm-x', 'family_member', name='Şükrü Yılmaz-Малика Ελένη ' * 3, color='#123456'),
           element('fm-y', 'family_member', name='⚽'),
           element('np-x', 'network_person', name='Zoë 🏊', ring=1, sector='gezin', distance=0),
           element('np-y', 'network_person', name='W' * 120, ring=3, sector='religie', distance=1),
           element('tie-x', 'tie', a='fm-x', b='np-x', kind='conflict'),
           element('tie-y', 'tie', a='np-y', b='np-x', kind='tense')]
    assert picture(odd, width=800).width == 800
    assert picture(odd, width=800, pseudonyms=True).width == 800


def test_the_sides_of_the_family_and_a_second_role_are_drawn(demo: BoardFile, drawn_texts: list[str]) -> None:
    changed = {'np-ayse': {'side': 'fm-derya'}, 'np-femke': {'side': 'fm-bas'},
               'np-ilse': {'extra_roles': [{'role': 'oppas (betaald)', 'ring': 3, 'sector': 'buren'}]}}
    elements = [e.model_copy(update={'props': validate_props(e.type, e.props | changed[e.id])}) if e.id in changed
                else e for e in demo.elements]
    plain = render_schema_png(demo.elements)
    drawn_texts.clear()
    assert render_schema_png(elements) != plain
    assert 'kant Derya' in drawn_texts and 'kant Bas' in drawn_texts
    assert 'oppas (betaald)' in ' '.join(drawn_texts), 'the role, beside its own marker'
    drawn_texts.clear()
    render_schema_png(elements, pseudonyms=True)
    assert 'Oppas' in drawn_texts and not any('betaald' in t for t in drawn_texts)
