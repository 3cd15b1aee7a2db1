"""'Wie deed wat' (``/board/{id}/audit``): the audit log for the parents and the coordinator, and the family's data.

Newest first, one plain Dutch sentence a line, filterable by person; below it everything in one zip and erasing
the board for good (after typing the family's name). Others get a clear message and nothing else.
"""
from __future__ import annotations

from fastapi.responses import RedirectResponse
from nicegui import ui

from board import audit

from .. import family_data
from ..people import language, t
from ..printing.fonts import FontMissing
from .layout import header, header_button
from .lookup import OpenBoard, open_board

ICONS = {audit.VIEWED: 'visibility', audit.CREATED: 'add_circle', audit.CHANGED: 'edit', audit.DELETED: 'delete',
         audit.SHARED: 'lock_open', audit.EXPORTED: 'download',
         audit.INVITED: 'person_add', audit.PAIRED: 'tablet_android', audit.REVOKED: 'person_remove',
         audit.CONSENT_WIDENED: 'visibility', audit.CONSENT_NARROWED: 'visibility_off'}


class AuditPage:
    """The log as this reader may read it, fetched once per page (it is history, not a live view)."""

    def __init__(self, opened: OpenBoard, lines: list[tuple[audit.Line, str]]) -> None:
        self.opened, self.lines = opened, lines
        self.person: str | None = None
        people = {line.actor_id: line.who for line, _ in lines}
        with ui.column().classes('pb-page pb-audit w-full max-w-3xl mx-auto p-4 gap-4') as self.root:
            with ui.card().classes('w-full'):
                ui.label(t('audit.title')).classes('text-h6')
                ui.label(t('audit.intro')).classes('text-grey-8')
                ui.select({'': t('audit.everyone')} | people, value='', label=t('audit.person'),
                          on_change=lambda e: self.show(e.value or None)) \
                    .props('outlined dense').classes('pb-audit-filter').mark('audit-person')
                self.list()
            self.data_card()

    def show(self, person: str | None) -> None:
        self.person = person
        self.list.refresh()

    @ui.refreshable_method
    def list(self) -> None:
        shown = [(line, text) for line, text in self.lines if self.person in (None, line.actor_id)]
        if not shown:
            ui.label(t('audit.empty')).classes('text-grey-8').mark('audit-empty')
        with ui.column().classes('w-full gap-0'):
            for line, text in shown:
                with ui.row().classes('pb-audit-line w-full items-center no-wrap gap-3'):
                    ui.icon(ICONS.get(line.action, 'info'), size='sm').classes('text-primary')
                    ui.label(text).classes('grow').mark('audit-line')
                    ui.label(line.at.strftime('%H:%M')).classes('text-grey-7 text-sm')

    def data_card(self) -> None:
        with ui.card().classes('w-full'):
            ui.label(t('data.title')).classes('text-h6')
            ui.label(t('data.intro')).classes('text-grey-8')
            with ui.row().classes('gap-2 items-center'):
                ui.button(t('data.download'), icon='folder_zip', on_click=self.download) \
                    .props('unelevated no-caps').mark('download-everything')
            ui.separator()
            ui.label(t('erase.intro')).classes('text-grey-8')
            ui.button(t('erase.button'), icon='delete_forever', color='negative', on_click=self.confirm_erase) \
                .props('outline no-caps').mark('erase')

    def still_allowed(self) -> bool:
        """Asked again at the tap: who manages the board may have changed since the page was opened."""
        if audit.may_read(self.opened.actor, self.opened.hub.rights):
            return True
        ui.notify(t('audit.no_access'), type='warning', multi_line=True)
        return False

    async def download(self) -> None:
        if not self.still_allowed():
            return
        ui.notify(t('data.making'))
        try:
            data, filename = await family_data.everything(self.opened.hub.board_id, self.opened.actor)
        except FontMissing:
            ui.notify(t('pdf.font_missing'), type='negative', multi_line=True)
            return
        ui.download.content(data, filename, 'application/zip')

    def confirm_erase(self) -> None:
        hub = self.opened.hub
        name = hub.info.family_name or hub.info.name
        with ui.dialog() as dialog, ui.card().classes('pb-editor w-full'):
            ui.label(t('erase.title')).classes('text-h6')
            ui.label(t('erase.intro'))
            ui.label(t('erase.type_name', name=name)).classes('font-medium')
            typed = ui.input(t('erase.name_label')).props('outlined autofocus').classes('w-full').mark('erase-name')

            async def erase() -> None:
                if not self.still_allowed():
                    return
                if not family_data.confirms(hub, typed.value or ''):
                    ui.notify(t('erase.mismatch'), type='warning')
                    return
                await family_data.erase(hub.board_id)
                dialog.close()
                self.root.clear()
                with self.root:
                    ui.label(t('erase.done', name=name)).classes('text-h6 p-6').mark('erased')
                    ui.button(t('erase.home'), icon='home', on_click=lambda: ui.navigate.to('/')) \
                        .props('unelevated no-caps')

            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('editor.cancel'), on_click=dialog.close).props('flat no-caps')
                ui.button(t('erase.confirm'), icon='delete_forever', color='negative', on_click=erase) \
                    .props('unelevated no-caps').mark('erase-confirm')
        dialog.open()


def register() -> None:
    @ui.page('/board/{board_id}/audit')
    async def audit_page(board_id: str, token: str | None = None) -> RedirectResponse | None:
        opened = await open_board(board_id, token)
        if not isinstance(opened, OpenBoard):
            return opened
        with header(opened.hub.info.name):
            header_button(t('plan.to_board'), 'dashboard', opened.url(), 'open-board')
            header_button(t('plan.open'), 'list_alt', opened.url('/plan'), 'open-plan')
        if not audit.may_read(opened.actor, opened.hub.rights):
            ui.label(t('audit.no_access')).classes('text-h6 p-6').mark('audit-no-access')
            return
        AuditPage(opened, await family_data.log_for(opened.hub, opened.actor, language()))
