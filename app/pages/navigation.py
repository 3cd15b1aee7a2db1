"""The way from one face of a board to the others, the same in every board page's header.

The faces (bord, plan, netwerkschema) are always in sight; the PDF and what a parent or the coordinator needs now
and then (who has access, who did what) sit under 'Meer', so the header stays one calm row, also on a phone.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from board import audit

from .. import paired
from ..people import t
from .download import download_plan
from .layout import header_button
from .lookup import OpenBoard

FACES = (('', 'plan.to_board', 'dashboard', 'open-board'), ('/plan', 'plan.open', 'list_alt', 'open-plan'),
         ('/schema', 'network.schema.open', 'hub', 'open-schema'))
"""(url suffix, label, icon, marker) of each face of a board."""


def board_navigation(opened: OpenBoard, here: str,
                     own: list[tuple[str, str, Callable[[], Any], str]] | None = None) -> None:
    """The header buttons of a board page; `here` is the page's own url suffix ('', '/plan', '/schema').

    :param own: the page's own entries under 'Meer' (label key, icon, action, marker), before the board's
    """
    for suffix, label, icon, marker in FACES:
        if suffix != here:
            header_button(t(label), icon, opened.url(suffix), marker)
    if paired.on_tablet(opened.hub.board_id):
        header_button(t('who.switch'), 'switch_account', f'/board/{opened.hub.board_id}/who', 'who-switch')
    more: list[tuple[str, str, Callable[[], Any], str]] = [*(own or []),
        ('pdf.button', 'picture_as_pdf', lambda: download_plan(opened.hub, opened.actor), 'download-pdf')]
    if opened.hub.rights.manages(opened.actor):
        more.append(('devices.open', 'key', _go(opened.url('/access')), 'open-access'))
    if audit.may_read(opened.actor, opened.hub.rights):
        more.append(('audit.open', 'history', _go(opened.url('/audit')), 'open-audit'))
    with header_button(t('nav.more'), 'more_horiz', lambda: None, 'open-more'), ui.menu().props('auto-close'):
        for label, icon, action, marker in more:
            with ui.menu_item(on_click=action).classes('pb-menu-item').mark(marker):
                ui.icon(icon, size='sm').classes('text-primary q-mr-sm')
                ui.label(t(label)).classes('text-no-wrap')


def _go(url: str) -> Callable[[], None]:
    return lambda: ui.navigate.to(url)
