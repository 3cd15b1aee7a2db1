"""The audit log: what is written down, the Dutch sentences, and what each reader may read of it."""
from __future__ import annotations

import datetime as dt

from app.i18n import translate
from board import audit
from board.demo import create_demo_board
from board.hub import BoardHub
from board.identity import Actor, Role
from tests.unit.hub_client import Client, create, delete, update

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')


def sentences(lines: list[audit.Line], language: str = 'nl') -> list[str]:
    return [audit.describe(line, lambda key, **values: translate(key, language, **values)) for line in lines]


def test_a_view_reads_as_a_plain_dutch_sentence_and_is_written_once_an_hour(sqlite_store) -> None:
    board = create_demo_board(sqlite_store)
    assert audit.record(sqlite_store, board.id, KARIM, audit.VIEWED, 'plan')
    assert not audit.record(sqlite_store, board.id, KARIM, audit.VIEWED, 'plan')  # the same hour
    assert audit.record(sqlite_store, board.id, KARIM, audit.VIEWED, 'schema')
    log = audit.entries(sqlite_store, board.id)
    assert [(e.actor_name, e.subject) for e in log] == [('Meester Karim', 'schema'), ('Meester Karim', 'plan')]
    at = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC).isoformat()
    elements = sqlite_store.load(board.id).elements
    line = audit.for_reader([audit.Entry.of(board.id, KARIM, audit.VIEWED, 'plan', at=at)], DERYA, elements)[0]
    assert sentences([line]) == ['Meester Karim heeft het plan bekeken op 03-12-2026']
    assert sentences([line], 'en') == ['Meester Karim viewed the plan on Dec 3, 2026']
    assert sentences([line], 'tr') == ['Meester Karim, 3.12.2026 tarihinde plana baktı']
    assert line.at.hour == 10  # shown in Dutch time


async def test_each_committed_batch_says_which_elements_changed_or_were_shared(sqlite_store) -> None:
    board = create_demo_board(sqlite_store)
    hub = BoardHub(sqlite_store, sqlite_store.load(board.id))
    jolien = Client(hub, JOLIEN)
    await Client(hub, DERYA).ok(update('goal-2', text='Samen de post openmaken, elke vrijdag.'))
    await jolien.ok(update('goal-3', x=10, y=20))  # only moved: not worth telling
    await jolien.ok(update('agr-1', text='Jolien belt de school'), update('goal-3', progress=4))
    await jolien.ok({'op': 'update', 'id': 'goal-4', 'props': {}, 'visibility': {'scope': 'family'}})
    await jolien.ok(create('note-new', 'note', kind='idea', text='Een idee'))
    lines = audit.for_reader(audit.entries(sqlite_store, board.id), DERYA, hub.elements)
    said = [text.rsplit(' op ', 1)[0] for text in sentences(lines)]
    assert said == ['Jolien Bakker heeft een notitie gemaakt',
                    'Jolien Bakker heeft veranderd wie doel 4 mag zien',
                    'Jolien Bakker heeft afspraak 3 en doel 3 veranderd',
                    'Derya Yılmaz heeft doel 2 veranderd']


async def test_a_new_agreement_is_made_by_its_number_as_each_reader_knows_it_and_a_removed_one_taken_away(
        sqlite_store) -> None:
    board = create_demo_board(sqlite_store)
    hub = BoardHub(sqlite_store, sqlite_store.load(board.id))
    jolien = Client(hub, JOLIEN)
    await jolien.ok(create('agr-bas', 'agreement', visibility={'scope': 'named', 'names': ['fm-bas', 'np-jolien']},
                           text='Bas belt Tom Hendriks.'))
    await jolien.ok(create('agr-new', 'agreement', text='Samen naar de bibliotheek.'))
    await jolien.ok(delete('agr-4'))
    log = audit.entries(sqlite_store, board.id)
    jolien_reads = [s.rsplit(' op ', 1)[0] for s in sentences(audit.for_reader(log, JOLIEN, hub.elements))]
    derya_reads = [s.rsplit(' op ', 1)[0] for s in sentences(audit.for_reader(log, DERYA, hub.elements))]
    assert jolien_reads[:3] == ['Jolien Bakker heeft een afspraak weggehaald',
                                'Jolien Bakker heeft afspraak 7 gemaakt', 'Jolien Bakker heeft afspraak 6 gemaakt']
    assert derya_reads[:2] == ['Jolien Bakker heeft een afspraak weggehaald',
                               'Jolien Bakker heeft afspraak 6 gemaakt']  # hers: Bas's agreement is not for her


async def test_the_log_shows_a_reader_only_what_they_may_see(sqlite_store) -> None:
    board = create_demo_board(sqlite_store)
    hub = BoardHub(sqlite_store, sqlite_store.load(board.id))
    await Client(hub, BAS).ok(update('note-bas-schulden', text='Afspraak bij de schuldhulp staat.'))
    await Client(hub, JOLIEN).ok(update('goal-1', progress=3))
    audit.record(sqlite_store, board.id, KARIM, audit.VIEWED, 'board')
    log = audit.entries(sqlite_store, board.id)
    bas = sentences(audit.for_reader(log, BAS, hub.elements))
    derya = sentences(audit.for_reader(log, DERYA, hub.elements))
    assert bas == []  # he does not manage the board: the log is not his to read
    assert not any('Bas de Vries' in s for s in derya)  # his own support stays his: not even that he changed it
    jolien = sentences(audit.for_reader(log, JOLIEN, hub.elements))
    assert any(s.startswith('Bas de Vries heeft een notitie veranderd') for s in jolien)
    assert any(s.startswith('Jolien Bakker heeft doel 1 veranderd') for s in derya)
    assert any(s.startswith('Meester Karim heeft het bord bekeken') for s in derya)
    assert audit.for_reader(log, KARIM, hub.elements) == []  # the school does not read the log


def test_an_unknown_action_is_refused() -> None:
    try:
        audit.Entry.of('b', KARIM, 'peeked')
    except ValueError as error:
        assert 'peeked' in str(error)
    else:
        raise AssertionError('an unknown action was accepted')
