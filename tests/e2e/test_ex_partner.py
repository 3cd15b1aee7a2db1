"""A mother protected from her ex-partner (issue 9): Derya manages the board, Bas is a parent who lives apart.

Two real browsers on the demo board: Derya on her paired phone, Bas through a signed link. Every WebSocket frame
Bas's browser receives is captured from the first. Derya makes a card that only she and Jolien see (through the
sharing chooser), puts cards in a zone "Veiligheid" that only the household sees (through the live API) and edits
them afterwards. Nothing of these may reach Bas; nor may he see or do what only those who manage the board do:
who has access, who did what, downloading everything, erasing, cutting off her phone.
"""
from __future__ import annotations

import json

import httpx
import pytest
from websockets.sync.client import connect

from app.i18n import translate
from board import devices
from board.access import BoardRights
from board.devices import Kind, PairingError
from board.elements import new_id
from board.identity import Actor, Role
from board.store import Store
from tests.e2e.conftest import COACH, DERYA, TABLET, capture, leaked, link_token, wait_until

pytestmark = pytest.mark.e2e
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
PRIVATE = 'Ik ben verhuisd naar de Vondelstraat'
LATER = 'Mijn nieuwe werk begint in maart'
SAFETY = ('Het adres van de opvang blijft geheim', 'Bij dreiging bel ik meteen 112')
SAFETY_LATER = 'De school geeft de kinderen alleen aan mij mee'
MARKER = 'Zaterdag is het voetbaltoernooi'
PHONE_LABEL = 'Telefoon van Derya'


def on_board(page) -> None:
    page.wait_for_selector('[data-id="goal-2"]')
    wait_until(page, '() => window.did_handshake === true')


def pair_phone(browser, server, board_id: str, store: Store):
    """Derya's phone, paired with the QR code Jolien made for her, as the family gets in."""
    code = devices.create_code(store, board_id, COACH, Kind.PERSON, DERYA, PHONE_LABEL,
                               rights=BoardRights.of(store.load(board_id).elements))
    page = browser.new_context(viewport=TABLET).new_page()
    page.goto(f'{server}/pair?code={code.code}')  # as scanned from the QR code: it pairs at once
    page.wait_for_url(f'**/board/{board_id}/plan**')
    page.goto(f'{server}/board/{board_id}')
    on_board(page)
    return page


def push(server, board_id: str, token: str, ops: list[dict]) -> None:
    """One batch over the live API, as Derya; waits for its ack."""
    with connect(f'{server.ws_url}/api/boards/{board_id}/live?token={token}') as socket:
        assert json.loads(socket.recv(timeout=10))['type'] == 'welcome'
        socket.send(json.dumps({'type': 'push', 'cid': new_id('cid'), 'ops': ops}))
        while (answer := json.loads(socket.recv(timeout=10)))['type'] not in ('ack', 'reject'):
            pass
        assert answer['type'] == 'ack', answer


def menu_items(page) -> str:
    """The words under the header's 'Meer'."""
    page.get_by_role('button', name=translate('nav.more'), exact=True).click()
    menu = page.locator('.q-menu')
    menu.wait_for()
    words = menu.inner_text()
    page.keyboard.press('Escape')
    menu.wait_for(state='detached')
    return words


def test_the_ex_partner_never_receives_her_private_cards_and_cannot_manage_the_board(
        browser, server, board_id) -> None:
    store = Store(server.database_url)
    frames: list[str] = []
    bas_token = link_token(server, board_id, BAS)
    bas = browser.new_context(viewport=TABLET).new_page()
    capture(bas, frames)
    bas.goto(f'{server}/board/{board_id}?token={bas_token}')
    on_board(bas)
    derya = pair_phone(browser, server, board_id, store)

    # a card for Derya and Jolien alone, through the sharing chooser
    derya.get_by_role('button', name='Notitie', exact=True).click()
    derya.locator('.q-dialog textarea').first.fill(PRIVATE)
    derya.locator('.q-dialog .q-chip', has_text='Alleen…').click()
    derya.locator('.q-dialog .q-chip', has_text='Jolien (coördinator)').click()
    derya.locator('.q-dialog').get_by_role('button', name='Klaar').click()
    derya.get_by_text('Zichtbaar voor: Derya en Jolien (coördinator).').wait_for()
    derya.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    derya.get_by_text(PRIVATE).wait_for()
    private = next(e for e in store.load(board_id).elements.values() if e.props.get('text') == PRIVATE)
    assert (private.visibility.scope, set(private.visibility.names)) == ('named', {'fm-derya', 'coordinator'})

    # the protected topic: a zone and its cards for the household alone
    derya_token = link_token(server, board_id, DERYA)
    household = {'scope': 'family'}
    zone = new_id('zone')
    cards = [new_id('note') for _ in SAFETY]
    push(server, board_id, derya_token, [
        {'op': 'create', 'id': zone, 'type': 'zone', 'visibility': household,
         'props': {'title': 'Veiligheid', 'x': 40, 'y': 1100, 'w': 600, 'h': 400}},
        *({'op': 'create', 'id': card, 'type': 'note', 'visibility': household,
           'props': {'kind': 'worry', 'text': text, 'x': 80 + 260 * i, 'y': 1160}}
          for i, (card, text) in enumerate(zip(cards, SAFETY)))])
    derya.get_by_text(SAFETY[0]).wait_for()

    # and she edits them afterwards: the private card on her phone, a safety card over the live API
    derya.get_by_text(PRIVATE).click()
    derya.locator('.q-dialog textarea').first.fill(LATER)
    derya.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    derya.get_by_text(LATER).wait_for()
    push(server, board_id, derya_token, [{'op': 'update', 'id': cards[1], 'props': {'text': SAFETY_LATER}},
                                         {'op': 'update', 'id': cards[0], 'props': {'x': 120, 'y': 1200}}])
    push(server, board_id, derya_token, [{'op': 'create', 'id': new_id('note'), 'type': 'note',
                                          'visibility': {'scope': 'everyone'}, 'props': {'text': MARKER}}])
    bas.get_by_text(MARKER).wait_for()  # what Bas may see arrives after all of the above, in the hub's order

    secrets = (PRIVATE, LATER, private.id, *SAFETY, SAFETY_LATER, zone, *cards, 'Veiligheid')
    assert MARKER in '\n'.join(frames), 'the frames were captured'
    assert not leaked(secrets, frames)
    assert not [secret for secret in secrets if secret in bas.content()]

    # nothing of managing the board in his header; Derya's has it
    assert translate('devices.open') in menu_items(derya)
    more = menu_items(bas)
    for words in (translate('devices.open'), translate('audit.open'), translate('data.download')):
        assert words not in more
    for words in (translate('data.download'), 'wissen'):
        assert words.lower() not in bas.locator('body').inner_text().lower()

    # his pages for managing the board refuse him calmly
    for suffix, refusal in (('access', 'devices.only_family'), ('audit', 'audit.no_access')):
        response = bas.goto(f'{server}/board/{board_id}/{suffix}?token={bas_token}')
        assert response.ok
        bas.get_by_text(translate(refusal)).wait_for()
        shown = bas.locator('body').inner_text()
        assert PHONE_LABEL not in shown and translate('data.download') not in shown
        assert 'wissen' not in shown.lower()
    download = httpx.get(f'{server}/api/boards/{board_id}/everything.zip', params={'token': bas_token})
    assert (download.status_code, download.json()) == (403, {'detail': 'not_allowed'})

    # nor can he cut off her phone
    phone = next(d for d in devices.board_devices(store, board_id) if d.label == PHONE_LABEL)
    with pytest.raises(PairingError, match='not_allowed'):
        devices.revoke_device(store, board_id, phone.id, BAS, rights=BoardRights.of(store.load(board_id).elements))
    assert phone.id in {d.id for d in devices.board_devices(store, board_id)}
    derya.reload()
    on_board(derya)
    derya.get_by_text(LATER).wait_for()
    assert not leaked(secrets, frames), 'nor on the pages he tried since'
    store.close()
    bas.context.close()
    derya.context.close()
