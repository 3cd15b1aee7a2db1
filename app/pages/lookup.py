"""Opening a board from a URL: the hub and the person behind this browser, shared by every board page.

`/board/{id}` and its other pages take the same `?token=`; each asks `open_board`, which exchanges a good link for
this browser (`app.links`) and answers with a redirect to the clean URL, and shows a clear message (and returns
``None``) for a bad link, no access or an unknown board. Who someone is comes first, so a stranger learns nothing
about a board, not even its family's name.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from fastapi.responses import RedirectResponse
from nicegui import ui

from board.hub import BoardHub
from board.identity import Actor
from board.store import BoardNotFound
from board.tokens import TokenError

from .. import links, state
from ..paired import ChooseMember
from ..people import account_id, actor_for, t
from .layout import header
from .login import entry_buttons


@dataclass(frozen=True)
class OpenBoard:
    hub: BoardHub
    actor: Actor

    def url(self, suffix: str = '') -> str:
        """A link to this board (``suffix`` e.g. ``/plan``); it needs no token, this browser is known."""
        return f'/board/{self.hub.board_id}{suffix}'


async def open_board(board_id: str, token: str | None) -> OpenBoard | RedirectResponse | None:
    """The board and the actor for this request; for a good ``?token=`` link the redirect the page returns; or
    ``None`` after showing why not."""
    if token:
        try:
            await asyncio.to_thread(state.get().verify, token, board_id)
        except TokenError:
            return _refuse(t('board.token_invalid'))
        links.keep(links.ACCESS, board_id, token)
        return links.without_token(ui.context.client.request)
    try:
        actor = await actor_for(board_id)
    except TokenError:
        return _refuse(t('board.token_invalid'))
    except ChooseMember:
        ui.navigate.to(f'/board/{board_id}/who')
        return None
    if actor is None:
        no_access(ui.context.client.request.url.path)
        return None
    try:
        hub = await state.get().hubs.get(board_id)
    except BoardNotFound:
        return _refuse(t('board.not_found'))
    return OpenBoard(hub, actor)


def _refuse(message: str) -> None:
    with header():
        pass
    ui.label(message).classes('text-h6 p-6')


def no_access(back_to: str) -> None:
    """No way in on this board: a professional logs in, a family pairs their device with the coach's code."""
    with header():
        pass
    with ui.column().classes('pb-page pb-no-access w-full max-w-xl mx-auto p-4 gap-4').mark('no-access'):
        ui.label(t('access.none.title')).classes('text-h5')
        ui.label(t('access.none.member' if account_id() else 'access.none.text')).classes('text-body1 text-grey-9')
        entry_buttons(back_to)
