"""The board canvas: one custom element that draws a whole board in the browser (`assets/board_canvas.js`).

The hub hands every message for this client to `BoardCanvas.deliver`. The element keeps its props current, so a
page render carries the present board, but it never calls `update()` (that would re-send the whole board): once
the browser side has said it is mounted, each message goes down as one small `applyMessage` call instead.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nicegui import events, ui
from nicegui.events import GenericEventArguments

log = logging.getLogger(__name__)

COMPONENT = Path(__file__).resolve().parent.parent / 'assets' / 'board_canvas.js'
FORWARDED = {'welcome', 'commit', 'catchup', 'ack', 'reject'}
"""What the browser needs; `presence` is shown by the page itself."""


def apply_change(elements: dict[str, Any], change: dict[str, Any]) -> None:
    """Apply one `put` / `patch` / `remove` change (see `board.protocol`); the JS side mirrors this."""
    kind = change.get('kind')
    if kind == 'put':
        elements[change['element']['id']] = change['element']
    elif kind == 'remove':
        elements.pop(change['id'], None)
    elif kind == 'patch' and change['id'] in elements:
        old = elements[change['id']]
        new = {**old, 'props': {**old['props'], **change['props']}, 'version': change['version'],
               'updated_by': change['updated_by'], 'updated_at': change['updated_at']}
        if 'visibility' in change:
            new['visibility'] = change['visibility']
        elements[change['id']] = new


def _holding(e: GenericEventArguments) -> tuple[int, list[str]]:
    """The browser's last sequence number and the ids it holds, from a `ready` or `resync` event."""
    return int(e.args['since']), [str(i) for i in e.args.get('known', [])]


class BoardCanvas(ui.element, component=COMPONENT):

    def __init__(self, *, labels: dict[str, str], readonly: bool = False,
                 on_push: Callable[[str, list[Any]], Any] | None = None,
                 on_ready: Callable[[int, list[str]], Any] | None = None,
                 on_resync: Callable[[int, list[str]], Any] | None = None,
                 on_open: Callable[[str], Any] | None = None,
                 on_view: Callable[[float, float], Any] | None = None,
                 on_reject: Callable[[dict[str, Any]], Any] | None = None) -> None:
        """Board canvas

        A live, pannable, zoomable board of cards. Callbacks may be async; they run as background tasks.

        :param labels: Dutch (or English) words the canvas shows, e.g. ``{'goal': 'Doel', 'drag_hint': ...}``
        :param readonly: no dragging (a shared screen); a tap still opens a card
        :param on_push: ``(cid, ops)`` — a batch of operations to send to the hub
        :param on_ready: ``(since, known)`` — the browser side is mounted and has the board up to sequence ``since``,
            holding the element ids ``known``
        :param on_resync: ``(since, known)`` — the browser reconnected and needs everything after ``since``
        :param on_open: ``(element_id)`` — a card was tapped
        :param on_view: ``(cx, cy)`` — the centre of the visible area in board coordinates, after pan or zoom
        :param on_reject: ``(error)`` — the hub refused one of our pushes (the canvas already undid it)
        """
        super().__init__()
        self._on_reject = on_reject
        self._mounted = False
        self.view_center: tuple[float, float] = (0.0, 0.0)
        """Where new cards go: the middle of what this person is looking at."""
        with self._props.suspend_updates():
            self._props['elements'] = {}
            self._props['seq'] = 0
            self._props['labels'] = labels
            self._props['readonly'] = readonly

        self.on('ready', lambda e: self._handle_ready(e, on_ready))
        self.on('resync', lambda e: on_resync and on_resync(*_holding(e)))
        self.on('push', lambda e: on_push and on_push(str(e.args['cid']), list(e.args['ops'])))
        self.on('open', lambda e: on_open and on_open(str(e.args['id'])))
        self.on('view', lambda e: self._handle_view(e, on_view))

    @property
    def elements(self) -> dict[str, Any]:
        """The board as this client sees it now (element id → element dict)."""
        return self._props['elements']

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
            if message.get('type') == 'reject' and self._on_reject is not None:
                # the hub answers from its own task: run the callback in this page's context, like an event
                error = message.get('error') or {}
                events.handle_event(lambda: self._on_reject(error),
                                    events.UiEventArguments(sender=self, client=self.client))
            if self._mounted and message.get('type') in FORWARDED:
                self.run_method('applyMessage', message)
        except Exception:
            log.exception('board canvas could not take a %s message', message.get('type'))

    def _remember(self, message: dict[str, Any]) -> None:
        """Keep the props current without sending them, so the next page render shows this state.

        NiceGUI's props are observable: without `suspend_updates` every change would re-send the whole board.
        """
        kind = message.get('type')
        if kind not in ('welcome', 'commit', 'catchup'):
            return
        with self._props.suspend_updates():
            if kind == 'welcome':
                self._props['elements'] = {e['id']: e for e in message['elements']}
            else:
                elements = self._props['elements']
                for change in message['changes']:
                    apply_change(elements, change)
            self._props['seq'] = message['seq']

    def _handle_ready(self, e: GenericEventArguments, on_ready: Callable[[int, list[str]], Any] | None) -> Any:
        self._mounted = True  # before the callback, so the catchup it triggers is forwarded
        return on_ready(*_holding(e)) if on_ready else None

    def _handle_view(self, e: GenericEventArguments, on_view: Callable[[float, float], Any] | None) -> Any:
        self.view_center = (float(e.args['cx']), float(e.args['cy']))
        return on_view(*self.view_center) if on_view else None
