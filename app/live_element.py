"""What every live view of a board shares on the Python side (the board canvas, the netwerkschema).

The hub hands every message for this client to `LiveElement.deliver`. The element keeps its props current, so
a page render carries the present board, but it never calls `update()` (that would re-send the whole board):
once the browser side has said it is mounted, each message goes down as one small `applyMessage` call instead.
The browser half is `assets/live_sync.js`, mixed into each view's component.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from board.protocol import apply_message

from . import assets

log = logging.getLogger(__name__)

LIVE_SYNC = assets.DIR / 'live_sync.js'
PEOPLE_LOOK = assets.DIR / 'people_look.js'
"""How people and ties look, shared by the views that draw them."""
FORWARDED = {'welcome', 'commit', 'catchup', 'ack', 'reject', 'drag'}
"""What the browser needs; `presence` is shown by the page itself."""


def _holding(e: GenericEventArguments) -> tuple[int, list[str]]:
    """The browser's last sequence number and the ids it holds, from a `ready` or `resync` event."""
    return int(e.args['since']), [str(i) for i in e.args.get('known', [])]


class LiveElement(ui.element, dependencies=[LIVE_SYNC]):
    """A board view in the browser that the hub keeps current; subclasses name their Vue component.

    :param on_push: ``(cid, ops)`` — a batch of operations to send to the hub
    :param on_ready: ``(since, known)`` — the browser side is mounted and has the board up to sequence ``since``,
        holding the element ids ``known``
    :param on_resync: ``(since, known)`` — the browser reconnected and needs everything after ``since``
    """

    def __init__(self, *, on_push: Callable[[str, list[Any]], Any] | None = None,
                 on_ready: Callable[[int, list[str]], Any] | None = None,
                 on_resync: Callable[[int, list[str]], Any] | None = None) -> None:
        super().__init__()
        self._mounted = False
        with self._props.suspend_updates():
            self._props['elements'] = {}
            self._props['seq'] = 0
        self.on('ready', lambda e: self._handle_ready(e, on_ready))
        self.on('resync', lambda e: on_resync and on_resync(*_holding(e)))
        self.on('push', lambda e: on_push and on_push(str(e.args['cid']), list(e.args['ops'])))

    @property
    def elements(self) -> dict[str, Any]:
        """The board as this client sees it now (element id → element dict)."""
        return self._props['elements']

    @property
    def mounted(self) -> bool:
        """Whether the browser side has said it is there (`ready`): from then on it asks for its own catch-ups."""
        return self._mounted

    @property
    def seq(self) -> int:
        """The last sequence number this client has seen."""
        return self._props['seq']

    def deliver(self, message: dict[str, Any]) -> None:
        """Take one hub message for this client. Used as a hub `Session.send`, so it never blocks or raises."""
        try:
            if message.get('type') == 'commit' and message['seq'] <= self.seq:
                return  # already applied
            self._remember(message)
            message = self.forwarded(message)
            if self._mounted and message.get('type') in FORWARDED:
                self.run_method('applyMessage', message)
        except Exception:
            log.exception('%s could not take a %s message', type(self).__name__, message.get('type'))

    def forwarded(self, message: dict[str, Any]) -> dict[str, Any]:
        """What goes to the browser for a message already remembered: the message itself, or more."""
        return message

    def _remember(self, message: dict[str, Any]) -> None:
        """Keep the props current without sending them, so the next page render shows this state.

        NiceGUI's props are observable: without `suspend_updates` every change would re-send the whole board.
        """
        if message.get('type') in ('welcome', 'commit', 'catchup'):
            with self._props.suspend_updates():
                self._props['seq'] = apply_message(self._props['elements'], self.seq, message)

    def _handle_ready(self, e: GenericEventArguments, on_ready: Callable[[int, list[str]], Any] | None) -> Any:
        self._mounted = True  # before the callback, so the catchup it triggers is forwarded
        return on_ready(*_holding(e)) if on_ready else None
