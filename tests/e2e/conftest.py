"""End-to-end fixtures: a real `planbord serve` and Debian's headless Chromium driven by Playwright."""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from board import tokens
from board.identity import Actor, Role
from board.store import Store
from tests.server import Server, running_server
from tests.services import require_service

CHROMIUM = os.environ.get('PLANBORD_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
                 '--disable-component-update', '--disable-sync',
                 # several browsers side by side: none may be put to sleep for being behind another, or input sent
                 # to it waits for a frame that never comes
                 '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
                 '--disable-background-timer-throttling']
TABLET = {'width': 1024, 'height': 768}
PHONE = {'width': 390, 'height': 844}


def wait_until(page, expression: str) -> None:
    """Wait until `expression` is true in `page`, checking every 100 ms.

    Playwright's default checks on each animation frame, and a page that is not in front may get no frames in
    headless Chromium: the wait would then hang until the test's timeout although the page is long done.
    """
    page.wait_for_function(expression, polling=100)


def capture(page, frames: list[str]) -> None:
    """Append every WebSocket frame `page` receives from now on to `frames` (as text)."""
    page.on('websocket', lambda socket: socket.on(
        'framereceived', lambda payload: frames.append(payload if isinstance(payload, str) else payload.decode())))


def leaked(secrets: tuple[str, ...], frames: list[str]) -> list[str]:
    """The secrets that some captured frame holds."""
    return [secret for secret in secrets if any(secret in frame for frame in frames)]


COACH = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR, organisation='wijkteam')
DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)


def stored_props(server: Server, board_id: str, element_id: str,
                 until: Callable[[dict], bool] = lambda props: True) -> dict:
    """An element's props in the database, once `until` holds for them (the hub writes in ticks) or after 5 s."""
    for _ in range(50):
        store = Store(server.database_url)
        try:
            props = store.load(board_id).elements[element_id].props
        finally:
            store.close()
        if until(props):
            break
        time.sleep(0.1)
    return props


def link_token(server: Server, board_id: str, actor: Actor = COACH) -> str:
    """A signed link token for `actor`, as `planbord token` makes one: a browser without a way in has no access."""
    store = Store(server.database_url)
    try:
        return tokens.issue(store, board_id, actor)
    finally:
        store.close()


@pytest.fixture(scope='module')
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        require_service(f'Chromium at {CHROMIUM}', 'not installed (apt-get install chromium)')
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope='module')
def server(tmp_path_factory) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e')}/board.sqlite3"
    with running_server(url) as running:
        yield running


@pytest.fixture(scope='module')
def board_id(server: Server) -> str:
    store = Store(server.database_url)
    try:
        return store.list_boards()[0].id
    finally:
        store.close()
