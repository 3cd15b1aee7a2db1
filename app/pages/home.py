"""The home page: the list of family boards, and a form to start a new one."""
from __future__ import annotations

import asyncio

from nicegui import ui

from board.plan import create_family_board

from .. import state
from ..people import GUEST_ROLES, guest, guest_role, set_guest_role, set_name, t
from .layout import header


def register() -> None:
    @ui.page('/')
    async def home_page() -> None:
        with header():
            pass
        store = state.get().store
        with ui.column().classes('pb-page w-full max-w-3xl mx-auto p-4 gap-4'):
            ui.label(t('app.tagline')).classes('text-lg text-grey-8')
            with ui.card().classes('w-full'):
                ui.label(t('home.boards')).classes('text-h6')
                boards = await asyncio.to_thread(store.list_boards)
                if not boards:
                    ui.label(t('home.empty')).classes('text-grey-8')
                for board in boards:
                    with ui.row().classes('w-full items-center no-wrap pb-board-row'):
                        ui.icon('diversity_3', size='md').classes('text-primary')
                        with ui.column().classes('gap-0 grow'):
                            ui.link(board.name, f'/board/{board.id}').classes('text-lg font-medium')
                        ui.button(t('home.open'), on_click=lambda b=board: ui.navigate.to(f'/board/{b.id}')) \
                            .props('unelevated no-caps')
            with ui.card().classes('w-full'):
                ui.label(t('home.new')).classes('text-h6')
                family = ui.input(t('home.family_name'), placeholder=t('home.family_hint')) \
                    .props('outlined maxlength=200').classes('w-full')

                async def create() -> None:
                    name = (family.value or '').strip()
                    if not name:
                        ui.notify(t('home.name_required'), type='warning')
                        return
                    board = await asyncio.to_thread(create_family_board, store, name)
                    ui.notify(t('home.created'), type='positive')
                    ui.navigate.to(f'/board/{board.id}')

                ui.button(t('home.create'), on_click=create, icon='add').props('unelevated no-caps')
            with ui.card().classes('w-full'):
                me = guest()
                name = ui.input(t('home.your_name'), value=me.name).props('outlined maxlength=120').classes('w-full')
                ui.button(t('editor.save'), on_click=lambda: (set_name(name.value or ''),
                                                             ui.notify(t('home.saved_name')))).props('flat no-caps')
                ui.label(t('plan.i_am')).classes('text-subtitle1 q-mt-sm')
                ui.toggle({str(r): t(f'plan.role.{r}') for r in GUEST_ROLES}, value=str(guest_role()),
                          on_change=lambda e: (set_guest_role(e.value), ui.notify(t('plan.saved_role')))) \
                    .props('no-caps unelevated toggle-color=primary').classes('pb-role-choice').mark('i-am')
