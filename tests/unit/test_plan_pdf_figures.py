"""The gezinsplan PDF's doelen per gezinslid, wie doet wat and het netwerk in cijfers (app/printing/plan_figures.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.printing.plan_pdf import plan_for, plan_pdf
from board.boardfile import BoardFile, export_board
from board.demo import create_demo_board
from board.identity import Actor, Role
from tests.unit.test_plan_pdf import element, has, text_of, with_elements

TODAY = dt.date(2026, 11, 26)
SCHOOL = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
BAS_ONLY = {'scope': 'named', 'names': ['fm-bas', 'np-jolien']}


@pytest.fixture
def demo(sqlite_store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


def test_the_plan_shows_goals_per_family_member_who_does_what_and_the_network_in_figures(demo: BoardFile) -> None:
    text = text_of(plan_pdf(demo, TODAY))
    for phrase in ['Doelen per gezinslid', 'Noor 6 1 3', 'Mees 9 1 4', 'Elif 14 2 1, 5', 'Bas de Vries 41 0 –',
                   'Wie doet wat', 'helpt bij doel 3 praktische hulp, emotionele steun',
                   'afspraak 4', 'eigen doelen 1, 2, 3 afspraken 1, 2 (te laat), 3',
                   'Nog niets afgesproken met: Bas de Vries, Meester Karim.',
                   'Het netwerk in cijfers', 'Familie 2 0 0% 2,0 ± 1,0 Anneanne Ayşe', 'Hele netwerk 16 4 3%']:
        assert has(text, phrase), phrase
    order = [text.index(p) for p in ('Doelen per gezinslid', 'Afspraken Wie doet wat', 'Wie doet wat',
                                     'Evaluatie en vervolgafspraken', 'Het netwerk in cijfers', 'Het netwerkschema')]
    assert order[0] < order[2] < order[3] < order[4] < order[5]  # each beside the part of the plan it is about
    assert text.index('Noor 6') < text.index('Mees 9') < text.index('Derya Yılmaz 38')  # the youngest first


def test_a_goal_of_the_whole_family_has_its_own_row(demo: BoardFile) -> None:
    board = with_elements(demo, element('goal-samen', 'goal', text='Zondag eten we samen.', number=6))
    assert has(text_of(plan_pdf(board, TODAY)), 'Het hele gezin 1 6')


def test_a_hidden_goal_or_agreement_is_not_counted_on_the_paper_of_who_may_not_see_it(demo: BoardFile) -> None:
    board = with_elements(
        demo,
        element('goal-bas', 'goal', BAS_ONLY, text='Bas lost zijn schulden af.', owners=['fm-bas'], number=6),
        element('agr-bas', 'agreement', BAS_ONLY, text='Bas belt elke maand met zijn schuldhulpverlener.',
                who_ids=['fm-bas', 'np-jolien'], goal_id='goal-bas', number=7))
    school = text_of(plan_for(board, SCHOOL, TODAY)[0])
    assert has(school, 'Bas de Vries 41 0 –') and not has(school, 'Bas lost') and not has(school, 'Bas belt')
    assert has(school, 'Nog niets afgesproken met: Bas de Vries')
    jolien = text_of(plan_for(board, JOLIEN, TODAY)[0])
    assert has(jolien, 'Bas de Vries 41 1 6') and has(jolien, 'Bas belt elke maand met zijn schuldhulpverlener.')
    assert has(jolien, 'eigen doel 6 afspraak 7')
    assert not has(jolien, 'Nog niets afgesproken met: Bas de Vries')
