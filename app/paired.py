"""This browser as a paired device: its device token per board, kept in NiceGUI's user storage, and who is using
a gezinstablet right now. Also cuts off every open page of a device the moment it is revoked, and every open page
of an invitee (by device or account) whose consent changed, so it opens again as the new actor.
"""
from __future__ import annotations

import asyncio
import weakref

from nicegui import Client, app, ui

from board import devices
from board.identity import Actor

from . import state

KEY = 'paired'
"""`app.storage.user[KEY]`: board id → {'token': device token, 'member': who uses the tablet now}."""
CUT_OFF_DELAY = 1.0
"""Seconds a cut-off page gets to move away before it is deleted on the server."""

_open: dict[str, weakref.WeakSet[Client]] = {}


class ChooseMember(Exception):
    """A gezinstablet that does not know who is using it: ask 'Wie ben jij?' first."""


def _entry(board_id: str) -> dict[str, str]:
    return dict(app.storage.user.get(KEY, {}).get(board_id) or {})


def _store_entry(board_id: str, entry: dict[str, str] | None) -> None:
    boards = dict(app.storage.user.get(KEY, {}))
    if entry is None:
        boards.pop(board_id, None)
    else:
        boards[board_id] = entry
    app.storage.user[KEY] = boards


def remember(board_id: str, token: str) -> None:
    """This browser is now paired to this board (after a pairing code or an accepted invitation)."""
    _store_entry(board_id, {'token': token})


def choose_member(board_id: str, member_id: str | None) -> None:
    """Who is using the gezinstablet from now on (``None``: ask again)."""
    entry = _entry(board_id)
    entry.pop('member', None)
    if member_id:
        entry['member'] = member_id
    _store_entry(board_id, entry)


def on_tablet(board_id: str) -> bool:
    """Whether this browser is a gezinstablet with someone chosen (the pages then offer 'Wissel')."""
    return 'member' in _entry(board_id)


async def device(board_id: str) -> devices.Device | None:
    """This browser's unrevoked device on this board; a revoked one is forgotten here too."""
    token = _entry(board_id).get('token')
    if not token:
        return None
    found = await asyncio.to_thread(devices.device_for, state.get().store, board_id, token)
    if found is None:
        _store_entry(board_id, None)
    return found


async def device_actor(board_id: str) -> Actor | None:
    """Who this browser is on this board through its paired device (`ChooseMember` on a tablet nobody picked).

    The page is remembered under the device, so revoking the device can cut it off (`cut_off`).
    """
    found = await device(board_id)
    if found is None:
        return None
    actor = found.actor or await _tablet_member(board_id)
    hold(found.credential)
    return actor


async def _tablet_member(board_id: str) -> Actor:
    member_id = _entry(board_id).get('member')
    hub = await state.get().hubs.get(board_id)
    member = hub.elements.get(member_id or '')
    if member is None or member.deleted or member.type != 'family_member':
        raise ChooseMember(board_id)
    return devices.member_actor(member)


def hold(credential: str) -> None:
    """Remember the page being built under the credential that let it in (`Device.credential`,
    `Membership.credential`), so `cut_off` reaches it."""
    _open.setdefault(credential, weakref.WeakSet()).add(ui.context.client)


def cut_off(credential: str, to: str | None = '/pair?revoked=1') -> None:
    """Send every open page under a credential away — a revoked device's to the pairing page, or, with ``to=None``,
    back to itself, so a page whose actor changed (a new consent) opens again as the new actor — then delete it on
    the server, which makes it leave the board's hub: it receives nothing more as it was, whatever its browser does."""
    for client in list(_open.pop(credential, ())):
        if client.id not in Client.instances:
            continue
        with client:
            if to is None:
                ui.navigate.reload()
            else:
                ui.navigate.to(to)
        asyncio.get_running_loop().call_later(CUT_OFF_DELAY, _delete, client)


def _delete(client: Client) -> None:
    if client.id in Client.instances:
        client.delete()
