"""What every HTTP answer keeps from strangers and from the browser's history: nothing about the boards in the
health check, no token in a URL after the first request of a `?token=` link, and security headers on everything."""
from __future__ import annotations

from nicegui.testing import User

from app import state
from board import invitations, revoked, tokens
from board.identity import Actor, Consent, Role
from tests.ui.helpers import DEMO, DERYA, demo_board_id, hub_of, token_for

INVALID = 'Deze link klopt niet of is verlopen.'
NO_ACCESS = 'Je hebt geen toegang tot dit bord.'


async def test_the_health_check_loads_no_board_and_names_none(user: User) -> None:
    response = await user.http_client.get('/api/health')
    assert response.status_code == 200
    assert response.json() == {'status': 'ok', 'protocol': 1}
    board_id = demo_board_id()
    assert board_id not in response.text and DEMO not in response.text
    assert state.get().hubs.loaded(board_id) is None


async def test_a_token_link_is_exchanged_once_and_the_browser_sent_to_the_clean_url(user: User) -> None:
    board_id = demo_board_id()
    token = token_for(board_id, DERYA)
    response = await user.http_client.get(f'/board/{board_id}/plan?tab=goals&token={token}')
    assert response.status_code == 303
    assert response.headers['location'] == f'/board/{board_id}/plan?tab=goals'
    cookie = response.headers['set-cookie']  # the session cookie: the token stays on the server
    assert 'httponly' in cookie.lower() and token not in cookie
    await user.open(f'/board/{board_id}')  # no token in the URL: this browser is known on this board
    await user.should_see(marker='open-plan')
    assert [s.actor.name for s in hub_of(board_id).sessions.values()] == ['Derya Yılmaz']
    user.find(marker='open-plan').click()
    await user.should_see(marker='tab-goals')
    assert not any('token' in path for path in user.back_history[1:])  # the links between pages carry none


async def test_a_bad_token_link_is_not_kept_and_says_so(user: User) -> None:
    board_id = demo_board_id()
    bad = token_for(board_id, DERYA)[:-3] + 'AAA'
    assert (await user.http_client.get(f'/board/{board_id}?token={bad}')).status_code == 200  # no redirect
    await user.open(f'/board/{board_id}?token={bad}')
    await user.should_see(INVALID)
    await user.open(f'/board/{board_id}')
    await user.should_see(NO_ACCESS)


async def test_a_kept_link_that_is_revoked_says_so_once_and_is_forgotten(user: User) -> None:
    board_id, store = demo_board_id(), state.get().store
    token = token_for(board_id, DERYA)
    await user.open(f'/board/{board_id}?token={token}')
    await user.should_see(marker='open-plan')
    revoked.revoke(store, board_id, tokens.token_id(store, token))
    await user.open(f'/board/{board_id}')
    await user.should_see(INVALID)
    await user.open(f'/board/{board_id}')
    await user.should_see(NO_ACCESS)


async def test_an_invitation_link_ends_on_a_clean_url_too(user: User) -> None:
    board_id = demo_board_id()
    coach = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR, organisation='wijkteam')
    hub = await state.get().hubs.get(board_id)
    _, token = invitations.invite(state.get().store, board_id, coach, role=Role.NETWORK, name='Ayşe',
                                  network_person='np-ayse', consent_parent='fm-derya',
                                  consent=Consent(goals=('goal-3',)), rights=hub.rights)
    response = await user.http_client.get(f'/invite/{board_id}?token={token}')
    assert (response.status_code, response.headers['location']) == (303, f'/invite/{board_id}')
    await user.open(f'/invite/{board_id}')
    await user.should_see('Derya Yılmaz gaf op')
    user.find(marker='invite-accept').click()
    await user.should_see(marker='tab-family')
    assert not any('token' in path for path in user.back_history[1:])


async def test_every_answer_carries_the_security_headers(user: User) -> None:
    board_id = demo_board_id()
    answers = {path: await user.http_client.get(path) for path in (
        '/', '/login', f'/board/{board_id}', '/api/health', f'/api/boards/{board_id}/export?token=nep',
        '/assets/planbord.css', '/no-such-page', '/assets/no-such-file.css')}
    answers['redirect'] = await user.http_client.get(f'/board/{board_id}?token={token_for(board_id, DERYA)}')
    answers['csrf'] = await user.http_client.post('/api/health', headers={'Origin': 'https://evil.example'})
    assert [answers[p].status_code for p in ('/', f'/api/boards/{board_id}/export?token=nep', '/assets/planbord.css',
                                             '/no-such-page', 'redirect', 'csrf')] == [200, 401, 200, 404, 303, 403]
    for path, response in answers.items():
        policy = response.headers.get('content-security-policy', '')
        for directive in ("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"):
            assert directive in policy, (path, directive)
        assert response.headers.get('x-content-type-options') == 'nosniff', path
        assert response.headers.get('referrer-policy') == 'no-referrer', path
        permissions = response.headers.get('permissions-policy', '')
        for feature in ('camera=(self)', 'microphone=(self)', 'geolocation=()', 'payment=()', 'usb=()'):
            assert feature in permissions, (path, feature)
        assert len(response.headers.get_list('content-security-policy')) == 1, path
