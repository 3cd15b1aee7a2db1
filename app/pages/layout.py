"""The frame around every page: a calm header with the name, language switch and room for more."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from nicegui import __version__ as nicegui_version
from nicegui import app, ui

from ..i18n import LANGUAGE_NAMES, LANGUAGES
from ..people import choose_language, language, t

ASSETS_CSS = '/assets/planbord.css'
QUASAR_LANGUAGE = "Quasar.lang[language.replace('-', '')]"
"""How NiceGUI's start script picks Quasar's language pack: one language for the whole app (`ui.run(language=)`)."""
PERSON_LANGUAGE = ("Quasar.lang[document.querySelector('meta[name=planbord-language]')?.content"
                   " ?? language.replace('-', '')]")
"""The same, but the person's own language where the page names one; the Arabic pack also turns the page
right-to-left (Quasar sets ``dir`` on ``html`` from the pack)."""


def quasar_speaks_each_persons_language() -> None:
    """Let Quasar's own words (date pickers, 'no results') and the page direction follow each person's language."""
    script = app.config.vue_config_script
    assert QUASAR_LANGUAGE in script or PERSON_LANGUAGE in script, 'NiceGUI changed how it sets the Quasar language'
    app.config.vue_config_script = app.config.vue_config_script.replace(QUASAR_LANGUAGE, PERSON_LANGUAGE)


def speak(chosen: str) -> None:
    """Name the page's language for Quasar (`quasar_speaks_each_persons_language`) and load its pack."""
    ui.add_head_html(f'<meta name="planbord-language" content="{chosen}">')
    ui.add_body_html(f'<script defer src="/_nicegui/{nicegui_version}/static/lang/{chosen}.umd.prod.js"></script>')


@contextmanager
def header(title: str | None = None) -> Iterator[ui.row]:
    """A header bar; whatever the caller adds inside the `with` goes on its right-hand side."""
    ui.add_head_html(f'<link rel="stylesheet" href="{ASSETS_CSS}">')
    speak(language())
    ui.colors(primary='#2f6f5e', secondary='#e9a23b', accent='#7a589a', positive='#2f7a4b', negative='#c0392b')
    with ui.header().classes('pb-header items-center no-wrap gap-2 px-3 py-1' + (' pb-header-titled' if title else '')):
        ui.link(t('app.title'), '/').classes('pb-logo text-xl font-bold no-underline text-white')
        if title:
            ui.label(title).classes('text-lg text-white pb-title')
        ui.space()
        with ui.row().classes('items-center gap-1 no-wrap') as right:
            yield right
        with ui.button(icon='translate').props(f'flat dense no-caps color=white aria-label="{t("lang.switch")}"') \
                .classes('pb-lang').mark('language'):
            ui.label(LANGUAGE_NAMES[language()]).classes('pb-button-label')
            with ui.menu():
                for code in LANGUAGES:
                    ui.menu_item(LANGUAGE_NAMES[code], partial(choose, code)).props(f'lang={code} dir=auto') \
                        .mark(f'language-{code}')


def choose(code: str) -> None:
    """Speak `code` from now on, on this device, starting with this page."""
    choose_language(code)
    ui.navigate.reload()


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
