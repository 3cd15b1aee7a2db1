"""The family's way in: `/pair` (type or scan the coach's code) and, on a gezinstablet, 'Wie ben jij?'.

Made for a parent with a tablet at the kitchen table: one big box for the code, one big button, and a plain
sentence when something is wrong; what was typed stays in the box.
"""
from __future__ import annotations

import asyncio

from nicegui import ui

from board import audit, devices
from board.devices import PairingError

from .. import paired, state
from ..people import t
from .layout import header
from .plan_parts.base import face


def pair_error(error: PairingError) -> str:
    return t(f'pair.error.{error}')


def register() -> None:
    @ui.page('/pair')
    async def pair_page(code: str = '', revoked: str = '') -> None:
        with header():
            pass
        with ui.column().classes('pb-page pb-pair w-full max-w-md mx-auto p-4 gap-4 items-stretch'):
            ui.icon('phonelink_lock', size='64px').classes('text-primary self-center')
            ui.label(t('pair.title')).classes('text-h5 text-center')
            if revoked:
                ui.label(t('pair.revoked')).classes('pb-pair-notice').mark('pair-revoked')
            ui.label(t('pair.intro')).classes('text-body1 text-grey-9 text-center')
            box = ui.input(placeholder='K7M-4QX', value=code) \
                .props('outlined maxlength=8 autocomplete=off autocapitalize=characters spellcheck=false '
                       f'aria-label="{t("pair.code")}"').classes('pb-code-input').mark('pair-code')
            problem = ui.label().classes('pb-pair-problem').mark('pair-problem')
            problem.set_visibility(False)

            async def redeem() -> None:
                client = ui.context.client.request.client
                try:
                    device, token, creator = await asyncio.to_thread(
                        devices.pair, state.get().store, box.value or '', client.host if client else '')
                except PairingError as error:
                    problem.text = pair_error(error)
                    problem.set_visibility(True)
                    return
                await asyncio.to_thread(audit.record, state.get().store, device.board_id, creator, audit.PAIRED,
                                        device.label)
                paired.remember(device.board_id, token)
                ui.notify(t('pair.done'), type='positive')
                suffix = '/who' if device.kind == devices.Kind.TABLET else '/plan'
                ui.navigate.to(f'/board/{device.board_id}{suffix}')

            box.on('keydown.enter', redeem)
            ui.button(t('pair.submit'), icon='link', on_click=redeem) \
                .props('unelevated no-caps size=lg').classes('pb-pair-button').mark('pair-submit')
        if code:
            await redeem()

    @ui.page('/board/{board_id}/who')
    async def who_page(board_id: str) -> None:
        """'Wie ben jij?' on a gezinstablet: the family's faces; a PIN first for whoever has one."""
        device = await paired.device(board_id)
        if device is None or device.kind != devices.Kind.TABLET:
            ui.navigate.to(f'/board/{board_id}')
            return
        hub = await state.get().hubs.get(board_id)
        with header(hub.info.name):
            pass
        store = state.get().store
        with_pin = await asyncio.to_thread(devices.members_with_pin, store, board_id)
        members = sorted((e for e in hub.elements.values() if e.type == 'family_member' and not e.deleted),
                         key=lambda e: e.props.get('x', 0) + e.props.get('y', 0) * 1e-6)

        async def enter(member_id: str, pin: str = '') -> bool:
            try:
                if not await asyncio.to_thread(devices.check_pin, store, device, member_id, pin):
                    ui.notify(t('pair.error.wrong_pin'), type='negative')
                    return False
            except PairingError as error:
                ui.notify(pair_error(error), type='negative')
                return False
            paired.choose_member(board_id, member_id)
            return True

        def to_plan() -> None:
            ui.navigate.to(f'/board/{board_id}/plan')

        def ask_pin(member_id: str, name: str) -> None:
            with ui.dialog() as dialog, ui.card().classes('pb-pin-card items-stretch'):
                ui.label(t('who.pin', name=name)).classes('text-h6')
                pin = ui.input(password=True).props('outlined autofocus inputmode=numeric maxlength=6 '
                                                    f'aria-label="{t("who.pin", name=name)}"') \
                    .classes('pb-code-input').mark('who-pin')

                async def go() -> None:
                    if await enter(member_id, pin.value or ''):
                        dialog.close()
                        to_plan()
                    pin.value = ''

                pin.on('keydown.enter', go)
                ui.button(t('who.pin_go'), on_click=go).props('unelevated no-caps size=lg').mark('who-pin-go')
            dialog.open()

        with ui.column().classes('pb-page w-full max-w-3xl mx-auto p-4 gap-4 items-center'):
            ui.label(t('who.title')).classes('text-h4')
            ui.label(t('who.intro')).classes('text-body1 text-grey-9')
            if not members:
                ui.label(t('who.no_members')).classes('text-grey-8')
            with ui.row().classes('pb-who justify-center gap-6'):
                for member in members:
                    name = member.props.get('name', '')
                    async def action(m: str = member.id, n: str = name) -> None:
                        if m in with_pin:
                            ask_pin(m, n)
                        elif await enter(m):
                            to_plan()
                    with ui.button(on_click=action).props('flat no-caps').classes('pb-who-face') \
                            .mark(f'who-{member.id}'):
                        face(name, member.props.get('color'), member.props.get('photo'))
                        ui.label(name).classes('text-h6')
                        if member.id in with_pin:
                            ui.icon('lock', size='sm').classes('text-grey-7')
