"""Opening a board from a URL: the hub and the person behind this browser, shared by every board page.

`/board/{id}` and `/board/{id}/plan` take the same `?token=`; both ask `open_board`, which shows a clear
message (and returns ``None``) for an unknown board or a bad link.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from nicegui import ui

from board.hub import BoardHub
from board.identity import Actor
from board.store import BoardNotFound
from board.tokens import TokenError

from .. import state
from ..people import actor_for, t
from .layout import header


@dataclass(frozen=True)
class OpenBoard:
    hub: BoardHub
    actor: Actor
    token: str | None = None

    def url(self, suffix: str = '') -> str:
        """A link to this board (``suffix`` e.g. ``/plan``) that keeps the person's token."""
        query = f'?token={quote(self.token)}' if self.token else ''
        return f'/board/{self.hub.board_id}{suffix}{query}'


async def open_board(board_id: str, token: str | None) -> OpenBoard | None:
    """The board and the actor for this request, or ``None`` after showing why not."""
    try:
        hub = await state.get().hubs.get(board_id)
    except BoardNotFound:
        with header():
            pass
        ui.label(t('board.not_found')).classes('text-h6 p-6')
        return None
    try:
        actor = actor_for(board_id, token)
    except TokenError:
        with header(hub.info.name):
            pass
        ui.label(t('board.token_invalid')).classes('text-h6 p-6')
        return None
    return OpenBoard(hub, actor, token)
