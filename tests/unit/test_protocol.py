import json

import pytest

from board import protocol
from board.access import BoardRights
from board.elements import Element, ElementType, Visibility
from board.identity import Actor, Role
from board.protocol import ProtocolError, parse_client_message, view_change

PARENT = Actor(id='derya', name='Derya', role=Role.PARENT)
PRO = Actor(id='piet', name='Piet', role=Role.PROFESSIONAL)
EVERYONE, FAMILY = Visibility(), Visibility(scope='family')
RIGHTS = BoardRights({'derya': Element(id='derya', type=ElementType.FAMILY_MEMBER,
                                       props={'name': 'Derya', 'role': 'parent', 'manages': True})})
"""Derya is in the household: she sees what is for the family."""


def view(actor, before, after):
    return view_change(actor, before, after, RIGHTS)


def note(version=1, visibility=EVERYONE, deleted=False, **props):
    return Element(id='n1', type=ElementType.NOTE, props={'x': 0.0, 'y': 0.0, 'kind': 'note', 'text': 'geheim'} | props,
                   visibility=visibility, version=version, deleted=deleted, updated_by='derya',
                   updated_at=f'2024-05-01T10:00:0{version}.000+00:00')


# view_change: (saw before, sees after) for a client that may see it, one that may not, and one that loses it

def test_new_element_is_put():
    after = note()
    assert view(PRO, None, after) == {'kind': 'put', 'element': after.public()}


def test_change_to_a_seen_element_is_a_patch_of_the_changed_props_only():
    before, after = note(), note(version=2, x=5.0)
    assert view(PRO, before, after) == {'kind': 'patch', 'id': 'n1', 'props': {'x': 5.0}, 'version': 2,
                                               'updated_by': 'derya', 'updated_at': after.updated_at}


def test_patch_carries_a_visibility_change_that_keeps_it_visible():
    before, after = note(), note(version=2, visibility=FAMILY)
    change = view(PARENT, before, after)
    assert (change['kind'], change['props'], change['visibility']) == ('patch', {}, {'scope': 'family', 'names': []})


def test_delete_is_a_remove():
    assert view(PRO, note(), note(version=2, deleted=True)) == {'kind': 'remove', 'id': 'n1'}


def test_losing_sight_is_a_remove_without_props():
    before, after = note(), note(version=2, visibility=FAMILY, text='nu geheim')
    assert view(PRO, before, after) == {'kind': 'remove', 'id': 'n1'}


def test_gaining_sight_is_a_put_of_the_whole_element():
    before, after = note(visibility=FAMILY), note(version=2, x=3.0)
    assert view(PRO, before, after) == {'kind': 'put', 'element': after.public()}


@pytest.mark.parametrize(('before', 'after'), [
    (None, note(visibility=FAMILY)),
    (note(visibility=FAMILY), note(version=2, visibility=FAMILY, text='nog geheimer')),
    (note(visibility=FAMILY), note(version=2, visibility=FAMILY, deleted=True)),
    (note(deleted=True), note(version=2, deleted=True)),
], ids=['created-hidden', 'changed-hidden', 'deleted-hidden', 'tombstone'])
def test_nothing_is_said_about_what_one_cannot_see(before, after):
    assert view(PRO, before, after) is None


def test_the_parent_sees_every_step_of_the_hidden_element():
    hidden = note(visibility=FAMILY)
    assert view(PARENT, None, hidden)['kind'] == 'put'
    assert view(PARENT, hidden, note(version=2, visibility=FAMILY, text='b'))['props'] == {'text': 'b'}


def test_every_hub_message_is_json():
    for message in [protocol.welcome({'id': 'b1'}, 3, PARENT, 's1', [note()]), protocol.ack('c1', 3),
                    protocol.reject('c1', {'code': 'not_found'}), protocol.catchup(3, []),
                    protocol.commit(3, 'derya', [{'kind': 'remove', 'id': 'n1'}]),
                    protocol.presence([protocol.presence_entry('s1', PARENT)]), protocol.error('invalid_message')]:
        assert json.loads(json.dumps(message)) == message
        assert message['type'] in {'welcome', 'ack', 'reject', 'commit', 'catchup', 'presence', 'error'}


def test_welcome_introduces_the_client_to_itself():
    welcome = protocol.welcome({'id': 'b1'}, 3, PARENT, 's1', [note()])
    assert welcome['protocol'] == protocol.PROTOCOL_VERSION
    assert welcome['you'] == {'session': 's1', 'id': 'derya', 'name': 'Derya', 'role': 'parent',
                              'color': PARENT.color}
    assert welcome['elements'] == [note().public()]


def test_presence_colour_is_stable_per_person():
    assert PARENT.color == Actor(id='derya', name='Derya B.', role=Role.PARENT).color


# client messages

@pytest.mark.parametrize('raw', [
    {'type': 'push', 'cid': 'c1', 'ops': [{'op': 'delete', 'id': 'n1'}]},
    {'type': 'push', 'cid': 'c1', 'ops': []},
    {'type': 'resync', 'since': 0, 'known': []},
    {'type': 'resync', 'since': 3, 'known': ['n1', 'n2']},
    {'type': 'ping'},
])
def test_parse_client_message(raw):
    assert parse_client_message(raw).model_dump() == raw


def test_resync_without_known_ids_holds_none():
    assert parse_client_message({'type': 'resync', 'since': 2}).known == []


@pytest.mark.parametrize('raw', [
    None, 'ping', [], {}, {'type': 'pong'}, {'type': 'push', 'ops': []}, {'type': 'push', 'cid': '', 'ops': []},
    {'type': 'push', 'cid': 'c' * 65, 'ops': []}, {'type': 'push', 'cid': 'c1', 'ops': {'op': 'delete'}},
    {'type': 'resync', 'since': -1}, {'type': 'resync', 'since': 'gisteren'}, {'type': 'ping', 'extra': 1},
    {'type': 'resync', 'since': 0, 'known': ['x' * 65]},
])
def test_parse_client_message_rejects_junk(raw):
    with pytest.raises(ProtocolError, match='invalid_message'):
        parse_client_message(raw)
