"""The frame around every page: a calm header with the name, language switch and room for more."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from nicegui import ui

from ..people import t, toggle_language

ASSETS_CSS = '/assets/planbord.css'


@contextmanager
def header(title: str | None = None) -> Iterator[ui.row]:
    """A header bar; whatever the caller adds inside the `with` goes on its right-hand side."""
    ui.add_head_html(f'<link rel="stylesheet" href="{ASSETS_CSS}">')
    with ui.header().classes('pb-header items-center gap-2 px-3 py-1'):
        ui.link(t('app.title'), '/').classes('pb-logo text-xl font-bold no-underline text-white')
        if title:
            ui.label(title).classes('text-lg text-white truncate pb-title')
        ui.space()
        with ui.row().classes('items-center gap-1 no-wrap') as right:
            yield right
        ui.button(t('lang.switch'), on_click=lambda: (toggle_language(), ui.navigate.reload())) \
            .props('flat dense no-caps color=white').classes('pb-lang')
