"""The frame around every page: a calm header with the name, language switch and room for more."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from nicegui import ui

from ..people import t, toggle_language

ASSETS_CSS = '/assets/planbord.css'


@contextmanager
def header(title: str | None = None) -> Iterator[ui.row]:
    """A header bar; whatever the caller adds inside the `with` goes on its right-hand side."""
    ui.add_head_html(f'<link rel="stylesheet" href="{ASSETS_CSS}">')
    ui.colors(primary='#2f6f5e', secondary='#e9a23b', accent='#7a589a', positive='#2f7a4b', negative='#c0392b')
    with ui.header().classes('pb-header items-center no-wrap gap-2 px-3 py-1' + (' pb-header-titled' if title else '')):
        ui.link(t('app.title'), '/').classes('pb-logo text-xl font-bold no-underline text-white')
        if title:
            ui.label(title).classes('text-lg text-white pb-title')
        ui.space()
        with ui.row().classes('items-center gap-1 no-wrap') as right:
            yield right
        with ui.button(icon='translate', on_click=lambda: (toggle_language(), ui.navigate.reload())) \
                .props(f'flat dense no-caps color=white aria-label="{t("lang.switch")}"').classes('pb-lang').mark('language'):
            ui.label(t('lang.switch')).classes('pb-button-label')


def header_button(label: str, icon: str, target: str | Callable[[], Any], marker: str) -> ui.button:
    """A header button whose label hides on a phone (the name stays as its aria-label).

    :param target: a path to go to, or what to do when tapped
    """
    action = target if callable(target) else lambda: ui.navigate.to(target)
    with ui.button(icon=icon, on_click=action) \
            .props(f'unelevated no-caps color=white text-color=primary aria-label="{label}"') \
            .classes('pb-add').mark(marker) as button:
        ui.label(label).classes('pb-button-label')
    return button
