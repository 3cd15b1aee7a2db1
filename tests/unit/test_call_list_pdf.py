"""'Bij wie kunnen wij terecht?' on paper (app/printing/call_list_pdf.py): the call list for the fridge and the plan."""
from __future__ import annotations

import datetime as dt
import io
from typing import Any

from pypdf import PdfReader

from app.printing.call_list_pdf import EMPTY, call_list_for, call_list_pdf
from app.printing.plan_pdf import plan_pdf
from board.boardfile import BoardFile
from board.elements import Element, ElementType, validate_props
from board.identity import Actor, Role
from network_graph.summary import all_metrics

TODAY = dt.date(2026, 11, 26)
DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
SCHOOL = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
FAMILY_ONLY = {'scope': 'family'}


def person(id_: str, name: str, visibility: dict | None = None, **props: Any) -> Element:
    return Element(id=id_, type=ElementType.NETWORK_PERSON,
                   props=validate_props(ElementType.NETWORK_PERSON, {'name': name} | props),
                   **({'visibility': visibility} if visibility else {}))


DERYA_ON_THE_BOARD = Element(id='fm-derya', type=ElementType.FAMILY_MEMBER,
                             props=validate_props(ElementType.FAMILY_MEMBER,
                                                  {'name': 'Derya Yılmaz', 'role': 'parent'}))


def board_with(*elements: Element) -> BoardFile:
    """A board with Derya in the household and these people."""
    return BoardFile(board={'id': 'gezin', 'name': 'Familie Yılmaz-de Vries', 'family_name': 'Yılmaz-de Vries',
                            'created_at': '2026-09-01T00:00:00+00:00'}, seq=len(elements) + 1,
                     elements=[DERYA_ON_THE_BOARD, *elements])


NETWORK = [
    person('np-tom', 'Tom Hendriks', ring=3, relation='schuldhulpverlener', organisation='Schuldhulpverlening Eemland',
           practical='almost_always', information='sometimes', phone='033-1234567', days=['wo'], hours='9:00–16:00'),
    person('np-ayse', 'Anneanne Ayşe', relation='moeder van Derya', practical='almost_always', emotional='sometimes',
           phone='06-11223344', days=['ma', 'di', 'wo', 'do', 'vr'], hours='de hele dag'),
    person('np-samira', 'Samira', relation='vriendin', emotional='almost_always', phone='06-24681357',
           days=['za', 'zo'], visibility=FAMILY_ONLY),
    person('np-gert', 'Gert', relation='oom', critical='sometimes', phone='06-99999999'),  # gives no support (yet)
]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return ' '.join(' '.join(page.extract_text() or '' for page in reader.pages).split())


def pages_of(pdf: bytes) -> list[str]:
    return [' '.join((page.extract_text() or '').split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_fridge_list_has_who_for_what_their_number_and_when() -> None:
    data, filename = call_list_for(board_with(*NETWORK), DERYA, TODAY)
    assert filename == 'bellijst-yilmaz-de-vries-26-11-2026.pdf'
    (page,) = pages_of(data)
    for phrase in ['Bij wie kunnen wij terecht?', 'Yılmaz-de Vries', 'Gemaakt op 26-11-2026',
                   'Anneanne Ayşe', 'moeder van Derya', 'Voor praktische hulp, emotionele steun', '06-11223344',
                   'maandag t/m vrijdag', 'de hele dag',
                   'Samira', 'Voor emotionele steun', '06-24681357', 'zaterdag, zondag',
                   'Tom Hendriks', 'schuldhulpverlener · Schuldhulpverlening Eemland',
                   'Voor praktische hulp, informatie en advies', '033-1234567', 'woensdag', '9:00–16:00',
                   'bel altijd 112']:
        assert phrase in page, phrase
    assert 'Gert' not in page and '06-99999999' not in page
    assert page.index('Mensen om ons heen') < page.index('Anneanne Ayşe') < page.index('Samira') \
        < page.index('Hulpverleners') < page.index('Tom Hendriks'), 'own network first, then the professionals'


def test_a_person_hidden_from_the_reader_is_not_on_their_list() -> None:
    text = text_of(call_list_for(board_with(*NETWORK), SCHOOL, TODAY)[0])
    assert 'Anneanne Ayşe' in text and 'Tom Hendriks' in text
    assert 'Samira' not in text and '06-24681357' not in text


def test_an_empty_network_gets_a_kind_sentence_on_what_to_do() -> None:
    for board in (board_with(), board_with(NETWORK[-1])):  # nobody, or nobody who helps yet
        text = text_of(call_list_pdf(board, TODAY))
        assert ' '.join(EMPTY.split()) in text and 'netwerklijst' in text and 'Mensen om ons heen' not in text


def test_a_very_long_name_is_cut_cleanly_and_many_people_still_fit_one_page() -> None:
    long_name = 'Van der Wetering-Hoogendijk ' * 4 + 'x' * 10
    people = [person('np-lang', long_name[:120], practical='sometimes', phone='06-12121212', relation='buurman')]
    people += [person(f'np-{i}', f'Vriendin {i}', relation='vriendin', emotional='sometimes', phone=f'06-000000{i:02d}',
                      days=['za'], hours='na 18:00') for i in range(8)]  # nine in all: smaller type, one page
    data = call_list_pdf(board_with(*people), TODAY)
    (page,) = pages_of(data)
    assert 'Van der Wetering-Hoogendijk' in page and '…' in page and long_name[:120] not in page
    assert all(f'06-000000{i:02d}' in page for i in range(8)) and '06-12121212' in page


def test_a_list_too_long_for_one_page_goes_on_without_losing_anyone() -> None:
    people = [person(f'np-{i}', f'Buur {i}', practical='sometimes', phone=f'06-1000{i:04d}') for i in range(40)]
    pages = pages_of(call_list_pdf(board_with(*people), TODAY))
    assert len(pages) > 1 and all(f'06-1000{i:04d}' in ' '.join(pages) for i in range(40))


def test_the_plan_has_the_call_list_right_after_the_netwerkschema() -> None:
    pages = pages_of(plan_pdf(board_with(*NETWORK), TODAY))
    schema = next(i for i, text in enumerate(pages) if text.startswith('Het netwerkschema'))
    assert pages[schema + 1].startswith('Bij wie kunnen wij terecht?')
    for phrase in ['Anneanne Ayşe', '06-11223344', 'maandag t/m vrijdag', 'Voor praktische hulp, informatie en advies']:
        assert phrase in pages[schema + 1], phrase
    assert pages[schema + 2].startswith('Het bord')


def test_the_call_list_metric_puts_the_own_network_before_the_professionals() -> None:
    elements = [person('np-aad', 'Aad', ring=3, practical='sometimes'), person('np-zus', 'Zus', emotional='sometimes'),
                person('np-bep', 'Bep', ring=1, information='sometimes')]
    assert [e['name'] for e in all_metrics(elements, TODAY)['call_list']] == ['Bep', 'Zus', 'Aad']


def test_the_fridge_list_says_whose_side_and_every_role() -> None:
    network = [person('np-ayse', 'Anneanne Ayşe', relation='moeder van Derya', sector='familie', side='fm-derya',
                      practical='almost_always', phone='06-11223344'),
               person('np-ilse', 'Ilse', relation='buurvrouw', practical='sometimes', phone='06-55555555',
                      extra_roles=[{'role': 'oppas', 'ring': 3, 'sector': 'werk_school'}])]
    (page,) = pages_of(call_list_for(board_with(*network), DERYA, TODAY)[0])
    assert 'moeder van Derya · kant Derya Yılmaz' in page
    assert 'buurvrouw · ook oppas' in page
