"""What someone sees when the board they have open goes away under them (it was erased): a calm message."""
from __future__ import annotations

from nicegui import Client, ui

from ..i18n import translate


def show_closed(client: Client, language: str) -> None:
    """A dialog that cannot be dismissed, with the way home; called from the hub's task, so it needs the client."""
    with client.content, ui.dialog().props('persistent') as dialog, ui.card().classes('pb-editor').mark('board-closed'):
        ui.label(translate('erase.closed', language)).classes('text-h6')
        ui.button(translate('erase.home', language), icon='home', on_click=lambda: ui.navigate.to('/')) \
            .props('unelevated no-caps')
    dialog.open()
