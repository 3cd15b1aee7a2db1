"""Numbers that betray nothing (`board.numbering`): every viewer counts the goals and the agreements they may see
1..k, on every channel, and a goal hidden from them, shown again or removed shifts their numbers by patches.

The demo family is looked up by name and by the board's own numbers, not by element ids.
"""
from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.i18n import translate
from app.printing.plan_pdf import plan_for
from board import audit
from board.access import BoardRights, can_see
from board.boardfile import board_file, visible_board
from board.demo import create_demo_board
from board.elements import NUMBERED, Element, ElementType
from board.history import history_for, versions
from board.hub import BoardHub
from board.identity import Actor, Consent, Role
from board.numbering import numbers_for, seen_by
from board.search import search
from tests.unit.hub_client import Client, create, delete, fields, update

# the rule itself, for any board and anyone

MEMBERS = {'derya': {'role': 'parent', 'manages': True}, 'bas': {'role': 'parent', 'household': False},
           'elif': {'role': 'youth'}}
VIEWERS = [Actor(id='derya', name='Derya', role=Role.PARENT), Actor(id='bas', name='Bas', role=Role.PARENT),
           Actor(id='elif', name='Elif', role=Role.YOUTH), Actor(id='jolien', name='Jolien', role=Role.COORDINATOR),
           Actor(id='karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='Basisschool De Regenboog'),
           Actor(id='ayse', name='Ayşe', role=Role.NETWORK),
           Actor(id='visser', name='Mevrouw Visser', role=Role.PROFESSIONAL, organisation='lyceum',
                 consent=Consent(goals=('goal-0', 'goal-3')))]
VISIBILITIES = [{'scope': 'everyone'}, {'scope': 'family'}, {'scope': 'family_coordinator'},
                {'scope': 'named', 'names': ['derya']}, {'scope': 'named', 'names': ['coordinator']},
                {'scope': 'named', 'names': ['org:school', 'bas']}, {'scope': 'named', 'names': ['elif', 'visser']}]
CARD = st.tuples(st.sampled_from(NUMBERED), st.integers(1, 3), st.sampled_from(VISIBILITIES), st.booleans(),
                 st.sampled_from([None, None, None, 'karim', 'derya']), st.integers(0, 9))
"""type, the gap before its number (numbers are never reused), visibility, deleted, concept by whom, its goal."""


def a_board(cards: list[tuple]) -> list[Element]:
    board = [Element(id=i, type=ElementType.FAMILY_MEMBER, props={'name': i.title(), **props})
             for i, props in MEMBERS.items()]
    last = dict.fromkeys(NUMBERED, 0)
    for index, (type_, gap, visibility, deleted, concept_by, goal) in enumerate(cards):
        last[type_] += gap
        props = {'text': f'kaart {index}', 'number': last[type_]}
        if concept_by:
            props |= {'concept': True, 'concept_by': {'id': concept_by}}
        if type_ == ElementType.AGREEMENT:
            props['goal_id'] = f'goal-{goal}'
        board.append(Element(id=f'{type_}-{index}', type=type_, props=props, visibility=visibility, deleted=deleted))
    return board


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(cards=st.lists(CARD, max_size=24))
def test_every_viewer_counts_what_they_may_see_from_one_without_gaps(cards) -> None:
    board = a_board(cards)
    rights = BoardRights.of(board)
    for viewer in VIEWERS:
        numbers = numbers_for(viewer, board, rights)
        seen = seen_by(viewer, board, rights)
        assert {e.id for e in seen} == {e.id for e in board if not e.deleted and can_see(viewer, e, rights)}
        for type_ in NUMBERED:
            theirs = sorted((e for e in board if e.type == type_ and not e.deleted and can_see(viewer, e, rights)),
                            key=lambda e: e.props['number'])  # the board's own order
            assert [numbers[e.id] for e in theirs] == list(range(1, len(theirs) + 1))
            assert sorted(e.props['number'] for e in seen if e.type == type_) == list(range(1, len(theirs) + 1))
        assert numbers.keys() == {e.id for e in seen if e.type in NUMBERED}


def test_the_table_of_one_board_for_each_viewer() -> None:
    #        goal 1: family only  goal 2: everyone  goal 3: removed  goal 4: Derya alone  goal 6: the school and Bas
    board = a_board([(ElementType.GOAL, 1, VISIBILITIES[1], False, None, 0),
                     (ElementType.GOAL, 1, VISIBILITIES[0], False, None, 0),
                     (ElementType.GOAL, 1, VISIBILITIES[0], True, None, 0),
                     (ElementType.GOAL, 1, VISIBILITIES[3], False, None, 0),
                     (ElementType.GOAL, 2, VISIBILITIES[5], False, None, 0)])
    rights = BoardRights.of(board)
    table = {viewer.id: [numbers_for(viewer, board, rights).get(f'goal-{i}') for i in range(5)] for viewer in VIEWERS}
    assert table == {'derya': [1, 2, None, 3, None], 'bas': [None, 1, None, None, 2], 'elif': [1, 2, None, None, None],
                     'jolien': [None, 1, None, None, None], 'karim': [None, 1, None, None, 2],
                     'ayse': [None, 1, None, None, None], 'visser': [None, None, None, None, None]}


# the demo family, goal 1 private to Derya and Jolien

def person(hub: BoardHub, name: str) -> Element:
    return next(e for e in hub.elements.values() if e.props.get('name') == name and not e.deleted)


def cast(hub: BoardHub) -> tuple[Actor, Actor, Actor]:
    """Derya (who manages the board), Jolien (the coordinator) and Meester Karim (the school)."""
    return (Actor(id=person(hub, 'Derya Yılmaz').id, name='Derya Yılmaz', role=Role.PARENT),
            Actor(id=person(hub, 'Jolien Bakker').id, name='Jolien Bakker', role=Role.COORDINATOR),
            Actor(id=person(hub, 'Meester Karim').id, name='Meester Karim', role=Role.PROFESSIONAL,
                  organisation='Basisschool De Regenboog'))


def stored(hub: BoardHub, type_: str, number: int) -> Element:
    """A goal or agreement by the board's own number."""
    return next(e for e in hub.elements.values() if e.type == type_ and e.props['number'] == number)


def private_to(*actors: Actor) -> dict:
    return {'scope': 'named', 'names': [a.id for a in actors]}


def share(element: Element, visibility: dict) -> dict:
    return {'op': 'update', 'id': element.id, 'props': {}, 'visibility': visibility}


class Browser(Client):
    """A client that keeps its own copy of the board from the messages alone, as a browser does."""

    def __init__(self, hub: BoardHub, actor: Actor) -> None:
        super().__init__(hub, actor)
        self.doc = {e['id']: json.loads(json.dumps(e)) for e in self.messages[0]['elements']}  # the welcome
        self.session.send = self.receive

    def receive(self, message: dict) -> None:
        message = json.loads(json.dumps(message))
        self.messages.append(message)
        for change in message.get('changes', []) if message['type'] in ('commit', 'catchup') else []:
            if change['kind'] == 'put':
                self.doc[change['element']['id']] = change['element']
            elif change['kind'] == 'remove':
                self.doc.pop(change['id'], None)
            else:
                element = self.doc[change['id']]
                element['props'].update(change['props'])
                element.update({k: change[k] for k in ('version', 'updated_by', 'updated_at', 'visibility')
                                if k in change})

    def numbered(self, type_: str = 'goal') -> dict[str, int]:
        """Text → number, as this browser shows them."""
        return {e['props']['text']: e['props']['number'] for e in self.doc.values() if e['type'] == type_}

    def matches_the_hub(self) -> bool:
        return self.doc == {e.id: e.public() for e in self.hub.visible_elements(self.session.actor)}


GOALS = ['Elif gaat weer elke dag naar school.', 'We hebben overzicht over ons geld.',
         'Noor slaapt elke nacht in haar eigen bed.', 'Mees speelt weer voetbal.',
         'Elif maakt een rooster voor huiswerk.']
"""The demo's goals in the board's order: goal 1 is Elif's school."""


def counted(*texts: str) -> dict[str, int]:
    return {text: number for number, text in enumerate(texts, start=1)}


async def demo_hub(store) -> tuple[BoardHub, Actor, Actor, Actor]:
    hub = BoardHub(store, store.load(create_demo_board(store).id))
    return hub, *cast(hub)


async def test_the_school_counts_from_one_when_goal_one_is_private_and_derya_keeps_the_boards_order(sqlite_store):
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    assert [stored(hub, 'goal', n).props['text'] for n in range(1, 6)] == GOALS
    await Client(hub, derya).ok(share(stored(hub, 'goal', 1), private_to(derya, jolien)))
    school, family = Browser(hub, karim), Browser(hub, derya)
    assert school.numbered() == counted(*GOALS[1:])
    assert family.numbered() == counted(*GOALS) == Browser(hub, jolien).numbered()
    money = school.doc[stored(hub, 'agreement', 3).id]  # "Samen de post sorteren", bij het geld-doel
    assert school.doc[money['props']['goal_id']]['props']['number'] == 1  # "bij doel 1" for the school
    assert family.doc[money['props']['goal_id']]['props']['number'] == 2


async def test_hiding_goal_one_later_and_showing_it_again_shifts_the_schools_numbers_by_patches(sqlite_store):
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    school, family = Browser(hub, karim), Browser(hub, derya)
    first = stored(hub, 'goal', 1)
    assert school.numbered() == counted(*GOALS)
    await family.ok(share(first, private_to(derya, jolien)))
    commit = school.messages[-1]
    assert commit['type'] == 'commit'
    assert {'kind': 'remove', 'id': first.id} in commit['changes']
    assert sorted(c['props']['number'] for c in commit['changes'] if c['kind'] == 'patch') == [1, 2, 3, 4]
    assert school.numbered() == counted(*GOALS[1:]) and school.matches_the_hub()
    assert family.numbered() == counted(*GOALS) and family.matches_the_hub()
    assert not [m for m in family.messages if m['type'] == 'commit' and any(
        c['kind'] == 'patch' and 'number' in c['props'] for c in m['changes'])]  # nothing shifted for Derya

    await family.ok(share(first, {'scope': 'everyone'}))
    put = next(c for c in school.messages[-1]['changes'] if c['kind'] == 'put')
    assert (put['element']['id'], put['element']['props']['number']) == (first.id, 1)
    assert school.numbered() == counted(*GOALS) and school.matches_the_hub()


async def test_a_removed_goal_closes_the_gap_and_a_new_one_comes_last(sqlite_store):
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    school, family = Browser(hub, karim), Browser(hub, derya)
    await family.ok(share(stored(hub, 'goal', 1), private_to(derya, jolien)))
    await family.ok(delete(stored(hub, 'goal', 3).id))
    assert family.numbered() == counted(GOALS[0], GOALS[1], GOALS[3], GOALS[4]) and family.matches_the_hub()
    assert school.numbered() == counted(GOALS[1], GOALS[3], GOALS[4]) and school.matches_the_hub()
    await family.ok(create('goal-new', 'goal', text='Derya vindt een baan.'))
    assert stored(hub, 'goal', 6).props['text'] == 'Derya vindt een baan.'  # the board's numbers are never reused
    assert family.numbered()['Derya vindt een baan.'] == 5 and school.numbered()['Derya vindt een baan.'] == 4
    assert family.matches_the_hub() and school.matches_the_hub()


async def test_a_client_back_from_sleep_gets_the_numbers_that_shifted_meanwhile(sqlite_store):
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    school = Browser(hub, karim)
    seq = hub.seq
    hub.leave(school.session)
    await Client(hub, derya).ok(share(stored(hub, 'goal', 2), private_to(derya, jolien)))
    hub.resync(school.session, seq, list(school.doc))
    assert school.messages[-1]['type'] == 'catchup'
    assert school.numbered() == counted(GOALS[0], *GOALS[2:]) and school.matches_the_hub()


async def test_a_client_never_chooses_a_number(sqlite_store):
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    await Client(hub, derya).ok(share(stored(hub, 'goal', 1), private_to(derya, jolien)))
    school = Browser(hub, karim)
    await school.ok(create('goal-school', 'goal', text='Mees leest elke dag tien minuten.', number=1))
    assert stored(hub, 'goal', 6).props['text'] == 'Mees leest elke dag tien minuten.'  # the board's next one
    assert school.numbered()['Mees leest elke dag tien minuten.'] == 5
    error = await school.refused(update(stored(hub, 'goal', 6).id, number=1))
    assert fields(error) == [{'field': 'number', 'problem': 'read_only'}]


async def test_the_export_the_plan_search_and_history_number_the_schools_way(sqlite_store):
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    first, third = stored(hub, 'goal', 1), stored(hub, 'goal', 3)
    await Client(hub, derya).ok(share(first, private_to(derya, jolien)), update(third.id, progress=7))
    board = board_file(hub.info, hub.seq, hub.elements.values())

    export = visible_board(board, karim)
    goals = {e.props['text']: e.props['number'] for e in export.elements if e.type == 'goal'}
    assert goals == counted(*GOALS[1:])
    assert sorted(e.props['number'] for e in export.elements if e.type == 'agreement') == [1, 2, 3, 4, 5, 6]
    assert {e.props['text']: e.props['number'] for e in visible_board(board, derya).elements
            if e.type == 'goal'} == counted(*GOALS)

    pdf, _ = plan_for(board, karim, dt.date(2026, 12, 1))
    text = ' '.join(' '.join((page.extract_text() or '').split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert f'Doel 1: {GOALS[1]}' in text and f'Doel 2: {GOALS[2]}' in text and f'Doel 4: {GOALS[4]}' in text
    assert 'Doel 5' not in text and GOALS[0] not in text

    assert [e.props['number'] for e in search(hub.visible_elements(karim), 'Noor slaapt') if e.type == 'goal'] == [2]
    found = versions(hub.store, hub.board_id, third.id)
    assert [v.props['number'] for v in found] == [3, 3]  # what the log holds
    assert [v.props['number'] for v in history_for(karim, found, hub.elements[third.id], hub.rights)] == [2, 2]
    assert [v.props['number'] for v in history_for(derya, found, hub.elements[third.id], hub.rights)] == [3, 3]


def said(hub: BoardHub, reader: Actor) -> list[str]:
    lines = audit.for_reader(audit.entries(hub.store, hub.board_id), reader, hub.elements)
    return [audit.describe(line, lambda key, **values: translate(key, 'nl', **values)).rsplit(' op ', 1)[0]
            for line in lines]


async def test_the_log_numbers_the_goals_the_way_its_reader_sees_them(sqlite_store):
    """Jolien manages the board with Derya but may not see a goal the family keeps to itself."""
    hub, derya, jolien, karim = await demo_hub(sqlite_store)
    family = Client(hub, derya)
    await family.ok(share(stored(hub, 'goal', 1), {'scope': 'family'}))
    await family.ok(update(stored(hub, 'agreement', 5).id, who='Mevrouw Visser en Derya'),
                    update(stored(hub, 'goal', 3).id, progress=8))
    await family.ok(delete(stored(hub, 'goal', 4).id))
    assert said(hub, jolien)[:2] == ['Derya Yılmaz heeft een doel weggehaald',
                                     'Derya Yılmaz heeft afspraak 5 en doel 2 veranderd']
    assert said(hub, derya)[:3] == ['Derya Yılmaz heeft een doel weggehaald',
                                    'Derya Yılmaz heeft afspraak 5 en doel 3 veranderd',
                                    'Derya Yılmaz heeft veranderd wie doel 1 mag zien']
    assert not any('doel 4' in sentence or 'doel 1 ' in sentence for sentence in said(hub, jolien))
