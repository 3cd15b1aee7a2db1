"""User text is text: a script tag typed as a goal, or markup in a person's name, shows as typed and never runs."""
from __future__ import annotations

import asyncio
import json
import threading

import pytest
from websockets.asyncio.client import connect

from board.identity import Actor, Role
from tests.e2e.conftest import link_token, wait_until

pytestmark = pytest.mark.e2e

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
SNEAKY = Actor(id='np-sneaky', name='Eve" innerHTML="<img src=x onerror=window.pwned=3>',
               role=Role.COORDINATOR)
GOAL_TEXT = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


async def push_goal_and_stay(server, board_id: str, token: str, seconds: float) -> None:
    """Someone with markup in their name (`token` is theirs) writes a goal of markup, and stays on the board (in the
    avatars)."""
    async with connect(f'{server.ws_url}/api/boards/{board_id}/live?token={token}') as socket:
        await socket.recv()
        await socket.send(json.dumps({'type': 'push', 'cid': 'xss', 'ops': [
            {'op': 'create', 'id': 'goal-xss', 'type': 'goal', 'props': {'text': GOAL_TEXT, 'x': 40, 'y': 40}}]}))
        await asyncio.sleep(seconds)


def test_markup_in_a_goal_and_in_a_name_shows_as_text(browser, server, board_id) -> None:
    context = browser.new_context()
    page = context.new_page()
    token = link_token(server, board_id, DERYA)
    page.goto(f'{server}/board/{board_id}?token={token}')
    wait_until(page, '() => window.did_handshake === true')
    visitor = threading.Thread(target=asyncio.run, args=(
        push_goal_and_stay(server, board_id, link_token(server, board_id, SNEAKY), 4),))
    visitor.start()
    try:
        page.wait_for_selector('[data-id="goal-xss"]')
        assert GOAL_TEXT in page.text_content('[data-id="goal-xss"]')
        page.wait_for_selector('[aria-label^="Eve"]')  # the avatar of someone with markup in their name
        assert page.get_attribute('[aria-label^="Eve"]', 'aria-label') == SNEAKY.name
        assert page.evaluate('() => window.pwned') is None
        page.goto(f'{server}/board/{board_id}/plan?token={token}')
        page.get_by_role('tab', name='Doelen').click()
        page.wait_for_selector('text=<script>window.pwned = 1</script>')
        assert page.evaluate('() => window.pwned') is None
    finally:
        visitor.join()
    context.close()
