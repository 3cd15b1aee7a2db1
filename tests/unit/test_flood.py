"""Operation floods: a client sending faster than a fast drag is told `too_fast` at once, others carry on."""
from __future__ import annotations

from board.flood import BURST, RATE, TokenBucket
from board.hub import BoardHub
from board.identity import Actor, Role
from tests.unit.hub_client import Client, create, update

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_then_the_sustained_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=60, burst=240, clock=clock)
    assert bucket.take(200) and bucket.take(40) and not bucket.take(1)
    clock.now += 0.5
    assert bucket.take(30) and not bucket.take(1)
    clock.now += 100
    assert bucket.take(240)  # never more than the burst, however long it was quiet
    assert not bucket.take(1)


def test_a_fast_drag_stays_well_inside_the_limit() -> None:
    clock = Clock()
    bucket = TokenBucket(clock=clock)
    for _ in range(25 * 60):  # a minute of dragging at the canvas's 25 positions a second
        assert bucket.take(1)
        clock.now += 1 / 25
    assert RATE >= 2 * 25 and BURST >= 200  # twice a drag; the largest batch fits at once


async def test_a_flood_is_refused_with_too_fast_and_recovers_without_holding_up_others(sqlite_store) -> None:
    board = sqlite_store.create_board('Gezin')
    hub = BoardHub(sqlite_store, sqlite_store.load(board.id))
    flooder, other = Client(hub, DERYA), Client(hub, BAS)
    clock = Clock()
    flooder.session.bucket = TokenBucket(rate=60, burst=10, clock=clock)
    await flooder.ok(create('note-1', 'note', kind='idea', text='Idee'))
    answers = [await flooder.push(update('note-1', x=float(i))) for i in range(20)]
    assert [a['type'] for a in answers] == ['ack'] * 9 + ['reject'] * 11
    assert answers[-1]['error'] == {'code': 'too_fast'}
    assert flooder.messages[-1] == answers[-1]  # the session hears it too
    await other.ok(create('note-2', 'note', text='Bas gaat gewoon door'))
    clock.now += 1.0
    await flooder.ok(update('note-1', x=99.0))
