"""The gezinsplan PDF (app/printing/plan_pdf.py): what a parent reads on paper, made from board data only."""
from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader

from app.printing import fonts
from app.printing.plan_pdf import NL, pdf_filename, plan_pdf
from board.access import BoardRights, can_see
from board.boardfile import BoardFile, dumps, export_board, loads, visible_board
from board.demo import create_demo_board
from board.elements import Element, ElementType, Visibility, validate_props
from board.identity import Actor, Role

TODAY = dt.date(2026, 11, 26)
HEADINGS = ['Algemene informatie', 'Betrokkenen', 'Doelen', 'Afspraken', 'Evaluatie en vervolgafspraken',
            'Hulpvraag, krachten en zorgen', 'Het netwerkschema', 'Bij wie kunnen wij terecht?', 'Het bord']
SCHOOL = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)


def text_of(pdf: bytes) -> str:
    """The PDF's text with all whitespace folded to single spaces (table cells wrap lines)."""
    reader = PdfReader(io.BytesIO(pdf))
    return ' '.join(' '.join(page.extract_text() or '' for page in reader.pages).split())


def has(text: str, phrase: str) -> bool:
    return ' '.join(phrase.split()) in text


def element(id_: str, type_: str, visibility: dict | None = None, **props: Any) -> Element:
    return Element(id=id_, type=ElementType(type_), props=validate_props(ElementType(type_), props),
                   **({'visibility': visibility} if visibility else {}))


def with_elements(board: BoardFile, *extra: Element) -> BoardFile:
    ids = {e.id for e in extra}
    return board.model_copy(update={'elements': [e for e in board.elements if e.id not in ids] + list(extra)})


@pytest.fixture
def demo(sqlite_store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


@pytest.fixture
def rich(demo: BoardFile) -> BoardFile:
    """The demo board plus every part of the plan: family info, a kader, a proposal, a removed goal, evaluations."""
    people = [e for e in demo.elements if e.type == 'network_person']
    coordinator = next((p for p in people if 'Jolien' in p.props['name']), people[0])
    goals = [e for e in demo.elements if e.type == 'goal']
    first = goals[0].id if goals else None
    return with_elements(
        demo,
        element('family-info', 'family_info', start_date='2026-09-01', address='Lindelaan 12, 3811 AB Amersfoort',
                phone='06-12345678', mail='derya.yilmaz@example.nl', important="Bel Derya liever na 15:00.",
                coordinator_id=coordinator.id, afstemming=['mail', 'overleg'],
                afstemming_text='Elke zes weken een rondetafelgesprek.'),
        element('goal-kader', 'goal', text='Er wordt thuis niet geslagen.', kind='kader', number=90,
                domain='huiselijk_geweld_veiligheid'),
        element('goal-voorstel', 'goal', text='Elif gaat elke week naar de therapie.', status='proposal',
                number=91, written_by_name='Sanne Mulder', written_by_role='professional'),
        element('goal-weg', 'goal', text='We verhuizen naar een groter huis.', status='removed', number=92),
        element('agr-laat', 'agreement', text='Formulier toeslagen invullen.', who='Derya', number=93,
                start='2026-09-01', planned_end='2026-10-01'),
        element('eval-start', 'evaluation', date='2026-09-01', kind='start', summary='Het begin van het plan.',
                scores=[{'domain': 'onderwijs', 'family': 2, 'coach': 1}, {'domain': 'wonen', 'family': 4}]),
        element('eval-1', 'evaluation', date='2026-11-12', kind='tussentijds', summary='Het gaat beter met Mees.',
                next_steps='Volgende evaluatie in januari.',
                goals=[{'goal_id': first, 'points': 'Elif was drie weken elke dag op school.',
                        'next_steps': 'Mentor blijft bellen.'}] if first else [],
                scores=[{'domain': 'onderwijs', 'family': 3, 'coach': 3}, {'domain': 'wonen', 'family': 4}]),
    )


def test_the_demo_plan_has_every_section_goal_agreement_and_person(demo: BoardFile) -> None:
    pdf = plan_pdf(demo, TODAY)
    assert pdf.startswith(b'%PDF')
    text = text_of(pdf)
    for heading in HEADINGS:
        assert has(text, heading), heading
    assert has(text, 'Gezinsplan') and has(text, demo.board.family_name or demo.board.name)
    assert has(text, 'Jolien Bakker')
    for e in demo.elements:
        if e.type in ('goal', 'agreement'):
            assert has(text, e.props['text']), e.props['text']
        if e.type in ('family_member', 'network_person'):
            assert has(text, e.props['name']), e.props['name']
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert has(text, f'pagina 1 van {pages}') and has(text, f'pagina {pages} van {pages}')


def test_every_part_of_the_plan_prints(rich: BoardFile) -> None:
    text = text_of(plan_pdf(rich, TODAY))
    for phrase in ['Gemaakt op 26-11-2026', 'Startdatum 01-09-2026', 'Lindelaan 12, 3811 AB Amersfoort',
                   'derya.yilmaz@example.nl', 'Belangrijk voor iedereen', 'Bel Derya liever na 15:00.',
                   'Zorgcoördinator: Jolien Bakker', 'per mail en in een overleg',
                   'Elke zes weken een rondetafelgesprek.', 'Kader (veiligheid)', 'Er wordt thuis niet geslagen.',
                   'voorstel van Sanne Mulder', 'We verhuizen naar een groter huis. verwijderd',
                   NL['domain']['huiselijk_geweld_veiligheid'], 'te laat', 'Startevaluatie — 01-09-2026',
                   'Tussentijdse evaluatie — 12-11-2026', 'Het gaat beter met Mees.',
                   'Elif was drie weken elke dag op school.', 'Mentor blijft bellen.', 'Volgende evaluatie in januari.',
                   'Onderwijs en school 3 3 gezin +1 coach +2', 'Wonen 4 – gezin gelijk coach –', 'startpunt']:
        assert has(text, phrase), phrase
    for member in (e for e in rich.elements if e.type == 'family_member' and e.props.get('birth_date')):
        assert has(text, dt.date.fromisoformat(member.props['birth_date']).strftime('%d-%m-%Y'))


def test_an_empty_board_says_so_kindly() -> None:
    board = BoardFile(board={'id': 'leeg', 'name': 'Familie Leeg', 'created_at': '2026-11-01T00:00:00+00:00'},
                      seq=0, elements=[])
    text = text_of(plan_pdf(board, TODAY))
    for phrase in ['Familie Leeg', 'Nog geen doelen.', 'Nog geen afspraken.', 'Nog geen evaluaties',
                   'Nog geen betrokkenen.', 'Het bord is nog leeg.', 'Er staat nog niemand in het netwerkschema.',
                   *HEADINGS]:
        assert has(text, phrase), phrase


def test_names_in_any_script_print_and_an_emoji_does_not_crash(demo: BoardFile) -> None:
    names = ['Şükrü Yılmaz', 'Zoë', 'Малика', 'Ελένη', 'İpek Çağlar']
    members = [element(f'fm-u{i}', 'family_member', name=name, role='child', x=100 * i, y=1200)
               for i, name in enumerate(names)]
    goal = element('goal-emoji', 'goal', text='Zoë gaat weer voetballen ⚽ en zwemmen 🏊\u200d♀️', number=50,
                   owners=['fm-u1'])
    board = with_elements(demo, *members, goal)
    board.board.family_name = 'Şükrü Yılmaz'
    text = text_of(plan_pdf(board, TODAY))
    for name in names:
        assert has(text, name), name
    assert has(text, 'Zoë gaat weer voetballen')


def test_the_netwerkschema_has_its_own_page_then_the_call_list_then_the_board(demo: BoardFile) -> None:
    reader = PdfReader(io.BytesIO(plan_pdf(demo, TODAY)))
    pages = [' '.join((page.extract_text() or '').split()) for page in reader.pages]
    schema = next(i for i, text in enumerate(pages) if 'Het netwerkschema' in text)
    assert 'Wie is belangrijk voor ons?' in pages[schema] and 'Bij wie kunnen wij terecht?' in pages[schema + 1]
    assert 'Het bord' in pages[schema + 2]
    assert reader.pages[schema].images, 'the schema picture is on the page'


def test_the_plan_for_the_school_leaves_out_what_the_school_may_not_see(demo: BoardFile) -> None:
    rights = BoardRights.of(demo.elements)
    hidden = [e for e in demo.elements if e.type == 'note' and not can_see(SCHOOL, e, rights)]
    assert hidden, 'the demo has a note the school may not see'
    school = text_of(plan_pdf(visible_board(demo, SCHOOL), TODAY))
    coordinator = text_of(plan_pdf(visible_board(demo, JOLIEN), TODAY))
    for note in hidden:
        assert not has(school, note.props['text'])
        if can_see(JOLIEN, note, rights):
            assert has(coordinator, note.props['text'])
    assert 'Bas heeft een eigen schuldhulpverlener' not in school


def test_visible_board_keeps_the_file_and_filters_the_elements(demo: BoardFile) -> None:
    seen = visible_board(demo, SCHOOL)
    assert seen.board == demo.board and seen.seq == demo.seq
    rights = BoardRights.of(demo.elements)
    assert [e.id for e in seen.elements] == [e.id for e in demo.elements if can_see(SCHOOL, e, rights)]
    assert len(seen.elements) < len(demo.elements)  # and the original is untouched


def test_a_pdf_from_an_exported_file_is_the_same_plan(demo: BoardFile) -> None:
    assert text_of(plan_pdf(loads(dumps(demo)), TODAY)) == text_of(plan_pdf(demo, TODAY))


def test_very_long_texts_wrap_and_do_not_break_the_tables(demo: BoardFile) -> None:
    long = 'heel lang woord ' * 120 + 'x' * 400
    board = with_elements(demo, element('goal-lang', 'goal', text=long[:2000], number=60),
                          element('agr-lang', 'agreement', text=long[:2000], who='W' * 120, number=61))
    assert len(PdfReader(io.BytesIO(plan_pdf(board, TODAY))).pages) >= 4


def test_the_file_name_is_ascii_and_dated(demo: BoardFile) -> None:
    assert pdf_filename(demo, TODAY) == 'gezinsplan-yilmaz-de-vries-26-11-2026.pdf'
    demo.board.family_name = 'Малика'
    assert pdf_filename(demo, TODAY) == 'gezinsplan-26-11-2026.pdf'


def test_without_a_font_the_error_says_how_to_install_one(demo: BoardFile, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(fonts, 'SEARCH_DIRS', [tmp_path / 'nothing-here'])
    monkeypatch.setattr(fonts, 'FIRST_DIR', None)
    with pytest.raises(fonts.FontMissing) as error:
        plan_pdf(demo, TODAY)
    assert 'Geen lettertype gevonden dat alle namen kan tonen' in str(error.value)
    assert 'apt-get install fonts-dejavu-core' in str(error.value) and 'PLANBORD_FONT_DIR' in str(error.value)


def test_the_font_dir_setting_is_searched_first(monkeypatch, tmp_path) -> None:
    found = fonts.find_font()
    (tmp_path / found.regular.name).write_bytes(found.regular.read_bytes())
    monkeypatch.setattr(fonts, 'FIRST_DIR', tmp_path)
    assert fonts.find_font().regular == tmp_path / found.regular.name


def test_the_plan_names_the_side_of_the_family_and_every_role(demo: BoardFile) -> None:
    ayse = next(e for e in demo.elements if e.id == 'np-ayse')
    ilse = next(e for e in demo.elements if e.id == 'np-ilse')
    board = with_elements(
        demo, ayse.model_copy(update={'props': ayse.props | {'side': 'fm-derya'}}),
        ilse.model_copy(update={'props': ilse.props | {
            'extra_roles': [{'role': 'oppas', 'ring': 3, 'sector': 'werk_school', 'distance': 0.5}]}}))
    text = text_of(plan_pdf(board, TODAY))
    assert has(text, 'moeder van Derya kant Derya Yılmaz'), 'the side, under the relation'
    assert has(text, 'buurvrouw ook oppas (professionals)'), 'both roles'
    hidden = with_elements(board, next(e for e in board.elements if e.id == 'fm-derya').model_copy(
        update={'visibility': Visibility(scope='named', names=('np-jolien',))}))
    school = text_of(plan_pdf(visible_board(hidden, SCHOOL), TODAY))
    assert has(school, 'moeder van Derya') and not has(school, 'kant Derya'), 'no side the reader may not see'
