"""The home page: a professional's own family boards ('Mijn gezinnen') and a new one; otherwise the ways in."""
from __future__ import annotations

import asyncio

from nicegui import ui

from board import accounts
from board.identity import Role
from board.plan import create_family_board

from .. import state
from ..people import account_id, log_out, t
from .layout import header
from .login import entry_buttons


def register() -> None:
    @ui.page('/')
    async def home_page() -> None:
        store = state.get().store
        account = await asyncio.to_thread(accounts.get_account, store, account_id()) if account_id() else None
        with header():
            if account is not None:
                ui.label(account.name).classes('text-white truncate pb-account-name').mark('account-name')
                with ui.button(icon='logout', on_click=lambda: (log_out(), ui.navigate.to('/'))) \
                        .props(f'flat dense no-caps color=white aria-label="{t("login.logout")}"').mark('logout'):
                    ui.label(t('login.logout')).classes('pb-button-label')
        with ui.column().classes('pb-page w-full max-w-3xl mx-auto p-4 gap-4'):
            ui.label(t('app.tagline')).classes('text-lg text-grey-8')
            if account is None:
                with ui.card().classes('w-full gap-3'):
                    ui.label(t('home.welcome')).classes('text-body1 text-grey-9')
                    entry_buttons()
                return
            with ui.card().classes('w-full'):
                ui.label(t('home.boards')).classes('text-h6')
                boards = await asyncio.to_thread(accounts.boards_of, store, account.id)
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
                    await asyncio.to_thread(accounts.add_membership, store, account.id, board.id, Role.COORDINATOR)
                    ui.notify(t('home.created'), type='positive')
                    ui.navigate.to(f'/board/{board.id}/plan')  # the family tab: what to choose with the family first

                ui.button(t('home.create'), on_click=create, icon='add').props('unelevated no-caps')
