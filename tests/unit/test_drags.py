"""Drags are not history: positions on the way go out on a volatile channel, only the drop is an operation, and an
update that changes nothing leaves no trace."""
from tests.unit.test_hub import COORDINATOR, EVERYONE, PARENT, PRO, SCREEN, Client, create, open_family_hub

DRAG_SECONDS, PER_SECOND = 2, 25
"""A two-second drag, sent as the board canvas sends it (every 40 ms)."""
FAMILY_AND_COORDINATOR = {'scope': 'family_coordinator'}


def logged(hub) -> int:
    return len(hub.store.commits_since(hub.board_id, 0))


async def test_a_two_second_drag_writes_one_row_and_one_version(sqlite_store) -> None:
    hub = open_family_hub(sqlite_store)
    derya, karin, piet = Client(hub, PARENT), Client(hub, COORDINATOR), Client(hub, PRO)
    await derya.push(create('n1', x=0, y=0, visibility=FAMILY_AND_COORDINATOR))
    rows, version, mark = logged(hub), hub.elements['n1'].version, len(karin.messages)
    for step in range(1, DRAG_SECONDS * PER_SECOND + 1):
        hub.drag(derya.session, 'n1', {'x': step * 4, 'y': step * 2})
    await derya.push({'op': 'update', 'id': 'n1', 'props': {'x': 200, 'y': 100}})
    assert logged(hub) - rows == 1
    assert hub.elements['n1'].version == version + 1
    drags = [m for m in karin.since(mark) if m['type'] == 'drag']
    assert len(drags) == DRAG_SECONDS * PER_SECOND and drags[-1] == {'type': 'drag', 'id': 'n1', 'x': 200, 'y': 100}
    assert not [m for m in piet.messages if m['type'] == 'drag'], 'the same visibility filter as a commit'
    assert not [m for m in derya.messages if m['type'] == 'drag'], 'the one dragging has it already'


async def test_a_drag_is_not_stored_nor_answered_and_only_what_may_be_moved_moves(sqlite_store) -> None:
    hub = open_family_hub(sqlite_store)
    derya, karin, screen = Client(hub, PARENT), Client(hub, COORDINATOR), Client(hub, SCREEN)
    await derya.push(create('n1', visibility=EVERYONE))
    seq, mark, props = hub.seq, len(derya.messages), hub.elements['n1'].props
    hub.drag(karin.session, 'n1', {'x': 5, 'y': 6})
    hub.drag(screen.session, 'n1', {'x': 50, 'y': 60})  # a shared screen moves nothing
    hub.drag(karin.session, 'nothing', {'x': 5, 'y': 6})
    hub.drag(karin.session, 'n1', {'x': 'far', 'y': 6})
    assert hub.seq == seq and hub.elements['n1'].props == props
    assert derya.since(mark) == [{'type': 'drag', 'id': 'n1', 'x': 5, 'y': 6}]
    assert not [m for m in karin.messages if m['type'] in ('ack', 'drag')]


async def test_an_update_that_changes_nothing_gets_no_number_no_version_and_no_broadcast(sqlite_store) -> None:
    hub = open_family_hub(sqlite_store)
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    await derya.push(create('n1', text='hoi', x=10, y=20))
    seq, rows, version, mark = hub.seq, logged(hub), hub.elements['n1'].version, len(karin.messages)
    place = {k: hub.elements['n1'].props[k] for k in ('x', 'y')}  # where the board put it
    answer = await derya.push({'op': 'update', 'id': 'n1', 'props': place | {'text': 'hoi'}},
                              {'op': 'update', 'id': 'n1', 'visibility': EVERYONE})
    assert answer['type'] == 'ack' and answer['seq'] == seq
    assert (hub.seq, logged(hub), hub.elements['n1'].version) == (seq, rows, version)
    assert karin.since(mark) == []
    answer = await derya.push({'op': 'update', 'id': 'n1', 'props': place | {'y': place['y'] + 1}})
    assert answer['seq'] == seq + 1 and hub.elements['n1'].version == version + 1
