"""The board canvas: one custom element that draws a whole board in the browser (`assets/board_canvas.js`).

It is a `LiveElement`: the hub keeps it current message by message. On top of that it reports taps on cards
and where the person is looking, so new cards land in sight.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui.events import GenericEventArguments

from board.elements import PROGRESS_FACES
from board.layout import SIZES

from . import assets
from .live_element import PEOPLE_LOOK, LiveElement

COMPONENT = assets.DIR / 'board_canvas.js'
BOARD_KEYS = assets.DIR / 'board_keys.js'
"""The canvas by keyboard: pan, zoom, and move the focused card."""


class BoardCanvas(LiveElement, component=COMPONENT, dependencies=[PEOPLE_LOOK, BOARD_KEYS]):

    def __init__(self, *, labels: dict[str, str], readonly: bool = False,
                 on_push: Callable[[str, list[Any]], Any] | None = None,
                 on_ready: Callable[[int, list[str]], Any] | None = None,
                 on_resync: Callable[[int, list[str]], Any] | None = None,
                 on_open: Callable[[str], Any] | None = None,
                 on_view: Callable[[float, float], Any] | None = None,
                 on_drag: Callable[[str, dict[str, Any]], Any] | None = None) -> None:
        """Board canvas

        A live, pannable, zoomable board of cards. Callbacks may be async; they run as background tasks.
        `on_push`, `on_ready` and `on_resync` are those of `LiveElement`; a refusal of a push is
        the page's to say (`HubPage.push`).

        :param labels: Dutch (or English) words the canvas shows, e.g. ``{'goal': 'Doel', 'drag_hint': ...}``
        :param readonly: no dragging (a shared screen); a tap still opens a card
        :param on_open: ``(element_id)`` — a card was tapped
        :param on_view: ``(cx, cy)`` — the centre of the visible area in board coordinates, after pan or zoom
        :param on_drag: ``(element_id, {'x': …, 'y': …})`` — a card on its way, 20–30 times a second (the drop is a
            push)
        """
        super().__init__(on_push=on_push, on_ready=on_ready, on_resync=on_resync)
        self.view_center: tuple[float, float] = (0.0, 0.0)
        """Where new cards go: the middle of what this person is looking at."""
        with self._props.suspend_updates():
            self._props['labels'] = labels
            self._props['readonly'] = readonly
            self._props['seen'] = {}
            self._props['sizes'] = SIZES  # one table of card sizes, for the canvas, the layout and the PDF
            self._props['faces'] = PROGRESS_FACES  # and one of progress faces, for the canvas and the plan
        self.on('open', lambda e: on_open and on_open(str(e.args['id'])))
        self.on('view', lambda e: self._handle_view(e, on_view))
        self.on('drag', lambda e: on_drag and on_drag(str(e.args['id']), {'x': e.args['x'], 'y': e.args['y']}))

    @property
    def seen(self) -> dict[str, str]:
        """Who sees a card, in words, per sharing (`app.pages.sharing.seen_key`): what the badges say."""
        return self._props['seen']

    def say(self, words: dict[str, str]) -> None:
        """Take new words for who sees a card, before the message that shows such a card goes to the browser."""
        if not words:
            return
        with self._props.suspend_updates():
            self._props['seen'] = {**self.seen, **words}
        if self._mounted:
            self.run_method('hear', words)

    def _handle_view(self, e: GenericEventArguments, on_view: Callable[[float, float], Any] | None) -> Any:
        self.view_center = (float(e.args['cx']), float(e.args['cy']))
        return on_view(*self.view_center) if on_view else None
