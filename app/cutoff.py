"""Every open page and live connection under the credential that let it in, so revoking that credential, or a
token running out, cuts them off at once.

A credential is a signed token's id (`board.revoked.credential`) or a paired device (`board.devices.Device.credential`).
Each instance cuts its own connections: a revoke made here is told to the others over Redis (`board.fanout`), an
expiry is a timer per connection, and a sweep every few seconds asks the database about every credential still open
here, for what was revoked where no notice reached (`planbord revoke` on a server without Redis, a lost notice).
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from nicegui import Client, ui

from board import revoked, tokens

from . import state

log = logging.getLogger(__name__)

Cut = Callable[[str], None]
"""Ends one connection; called with why: ``revoked``, ``expired``, or ``reopen`` (the credential still holds, but who
it stands for changed, e.g. an invitee's consent: a page opens again as the new actor)."""
SWEEP_SECONDS = 2.0
PAGE_DELAY = 1.0
"""Seconds a cut-off page gets to move away before it is deleted on the server (and so leaves the board's hub)."""


@dataclass(eq=False)
class _Hold:
    cut: Cut
    timer: asyncio.TimerHandle | None


_held: dict[str, dict[str, _Hold]] = {}
"""credential → connection key → how to cut that connection."""


def hold(credential: str, key: str, cut: Cut, expires: float | None = None) -> None:
    """Remember an open connection (`key`, unique among connections) under its credential: `cut` ends it when the
    credential is revoked, or at `expires` (seconds since the epoch)."""
    release(credential, key)
    timer = None if expires is None else asyncio.get_running_loop().call_later(
        max(0.0, expires - time.time()), _cut, credential, key, 'expired')
    _held.setdefault(credential, {})[key] = _Hold(cut, timer)


def release(credential: str, key: str) -> None:
    """Forget a connection that ended by itself."""
    holds = _held.get(credential, {})
    if (found := holds.pop(key, None)) is not None and found.timer is not None:
        found.timer.cancel()
    if not holds:
        _held.pop(credential, None)


def _cut(credential: str, key: str, reason: str) -> None:
    found = _held.get(credential, {}).get(key)
    release(credential, key)
    if found is not None:
        found.cut(reason)


def cut_off(credential: str) -> None:
    """Cut every connection in this process under a credential that was revoked."""
    for key in list(_held.get(credential, {})):
        _cut(credential, key, 'revoked')


def reopen(credential: str) -> None:
    """Open every page in this process under a credential again, e.g. after the invitee's consent changed."""
    for key in list(_held.get(credential, {})):
        _cut(credential, key, 'reopen')


def revoke(board_id: str, credential: str) -> None:
    """A credential was just revoked here: cut its connections here, and tell the other instances."""
    cut_off(credential)
    if (fanout := state.get().fanout) is not None:
        fanout.publish_cut(board_id, credential)


async def sweep() -> None:
    """Forever: cut whatever the database says was revoked among the credentials open here."""
    while True:
        await asyncio.sleep(SWEEP_SECONDS)
        if not _held:
            continue
        try:
            gone = await asyncio.to_thread(revoked.cut_among, state.get().store, list(_held))
        except Exception:  # the database is away for a moment; the next sweep asks again
            log.warning('could not check open connections for revoked credentials', exc_info=True)
            continue
        for credential in gone:
            cut_off(credential)


def token_hold(token: str) -> tuple[str, float]:
    """The credential a connection made with this genuine token is held under, and when the token expires."""
    store = state.get().store
    return revoked.credential(tokens.token_id(store, token)), tokens.expires_at(store, token)


def hold_page(credential: str, expires: float | None = None, to: str | None = None) -> None:
    """Cut off the page being built when its credential goes: it moves to `to` (or reloads, and so says why),
    and a moment later it is deleted on the server, so it receives nothing more, whatever its browser does."""
    client = ui.context.client

    def cut(reason: str) -> None:
        if client.id not in Client.instances:
            return
        with client:
            if to is None or reason == 'reopen':
                ui.navigate.reload()
            else:
                ui.navigate.to(to)
        asyncio.get_running_loop().call_later(PAGE_DELAY, _delete, client)

    hold(credential, client.id, cut, expires)
    client.on_delete(lambda: release(credential, client.id))


def _delete(client: Client) -> None:
    if client.id in Client.instances:
        client.delete()
