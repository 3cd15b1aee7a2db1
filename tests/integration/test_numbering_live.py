"""Numbers that betray nothing, from a real `planbord serve` over real WebSockets and HTTP: the demo family with
goal 1 private to Derya and Jolien, as Meester Karim of the school receives it on every route.

The demo family is looked up by name and by the board's own numbers, not by element ids.
"""
from __future__ import annotations

import asyncio
import io
import json
from typing import Any

import httpx
from pypdf import PdfReader
from websockets.asyncio.client import connect

from board import tokens
from board.demo import create_demo_board
from board.elements import Element
from board.identity import Actor, Role
from board.store import Store
from tests.integration.test_live_api import TIMEOUT, Client, server, store  # noqa: F401 (the module's server)
from tests.server import Server

GOALS = ['Elif gaat weer elke dag naar school.', 'We hebben overzicht over ons geld.',
         'Noor slaapt elke nacht in haar eigen bed.', 'Mees speelt weer voetbal.',
         'Elif maakt een rooster voor huiswerk.']
"""The demo's goals in the board's order: goal 1 is Elif's school."""


class Board:
    """A fresh demo board, its people by name, its goals by the board's own numbers, and a token for anyone."""

    def __init__(self, server: Server, store: Store) -> None:
        self.server, self.store, self.id = server, store, create_demo_board(store).id
        self.elements: dict[str, Element] = store.load(self.id).elements
        people = {e.props.get('name'): e.id for e in self.elements.values()}
        self.derya = Actor(id=people['Derya Yılmaz'], name='Derya Yılmaz', role=Role.PARENT)
        self.jolien = Actor(id=people['Jolien Bakker'], name='Jolien Bakker', role=Role.COORDINATOR)
        self.karim = Actor(id=people['Meester Karim'], name='Meester Karim', role=Role.PROFESSIONAL,
                           organisation='Basisschool De Regenboog')

    def goal(self, number: int) -> Element:
        return next(e for e in self.elements.values() if e.type == 'goal' and e.props['number'] == number)

    def token(self, actor: Actor) -> str:
        return tokens.issue(self.store, self.id, actor, ttl_seconds=600)

    def get(self, actor: Actor, path: str, **params: str) -> httpx.Response:
        response = httpx.get(f'{self.server}/api/boards/{self.id}/{path}',
                             params={'token': self.token(actor), **params}, timeout=30)
        assert response.status_code == 200, response.text
        return response

    def live(self, actor: Actor):
        return connect(f'{self.server.ws_url}/api/boards/{self.id}/live?token={self.token(actor)}', max_size=None)


async def joined(ws) -> Client:
    welcome = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
    assert welcome['type'] == 'welcome', welcome
    return Client(ws, welcome)


def numbered(elements: list[dict[str, Any]] | dict[str, dict[str, Any]], type_: str = 'goal') -> dict[str, int]:
    """Text → number, as received."""
    elements = elements.values() if isinstance(elements, dict) else elements
    return {e['props']['text']: e['props']['number'] for e in elements if e['type'] == type_}


def counted(*texts: str) -> dict[str, int]:
    return {text: number for number, text in enumerate(texts, start=1)}


def apply(doc: dict[str, dict], messages: list[dict]) -> None:
    for message in messages:
        for change in message.get('changes', []):
            if change['kind'] == 'put':
                doc[change['element']['id']] = change['element']
            elif change['kind'] == 'remove':
                doc.pop(change['id'], None)
            else:
                doc[change['id']]['props'].update(change['props'])


def share(element: Element, visibility: dict) -> dict:
    return {'op': 'update', 'id': element.id, 'props': {}, 'visibility': visibility}


async def test_the_school_counts_goals_from_one_on_every_route_and_follows_goal_one_going_and_coming(
        server: Server, store: Store) -> None:
    board = Board(server, store)
    first, third = board.goal(1), board.goal(3)
    async with board.live(board.karim) as ws_school, board.live(board.derya) as ws_family:
        school, family = await joined(ws_school), await joined(ws_family)
        doc = {e['id']: e for e in school.welcome['elements']}
        assert numbered(doc) == counted(*GOALS)

        hide = {'scope': 'named', 'names': [board.derya.id, board.jolien.id]}
        answer, _ = await family.push([share(first, hide)])
        assert answer['type'] == 'ack'
        received = [m for m in await school.until_pong() if m['type'] == 'commit']
        assert [m['seq'] for m in received] == [answer['seq']]
        changes = received[0]['changes']
        assert {'kind': 'remove', 'id': first.id} in changes
        assert sorted(c['props']['number'] for c in changes if c['kind'] == 'patch') == [1, 2, 3, 4]
        apply(doc, received)
        assert numbered(doc) == counted(*GOALS[1:])

        async with board.live(board.karim) as ws_late:
            assert numbered((await joined(ws_late)).welcome['elements']) == counted(*GOALS[1:])
        async with board.live(board.derya) as ws_derya:
            assert numbered((await joined(ws_derya)).welcome['elements']) == counted(*GOALS)

        export = board.get(board.karim, 'export').json()
        assert numbered(export['elements']) == counted(*GOALS[1:])
        pdf = PdfReader(io.BytesIO(board.get(board.karim, 'plan.pdf').content))
        text = ' '.join(' '.join((page.extract_text() or '').split()) for page in pdf.pages)
        assert f'Doel 1: {GOALS[1]}' in text and f'Doel 4: {GOALS[4]}' in text
        assert 'Doel 5' not in text and GOALS[0] not in text
        history = board.get(board.karim, f'elements/{third.id}/history').json()
        assert [v['props']['number'] for v in history['versions']] == [2]
        found = board.get(board.karim, 'search', q='Noor slaapt bed').json()['results']
        assert numbered(found) == {GOALS[2]: 2}

        answer, _ = await family.push([share(first, {'scope': 'everyone'})])
        received = [m for m in await school.until_pong() if m['type'] == 'commit']
        put = next(c for c in received[0]['changes'] if c['kind'] == 'put')
        assert (put['element']['id'], put['element']['props']['number']) == (first.id, 1)
        apply(doc, received)
        assert numbered(doc) == counted(*GOALS)
