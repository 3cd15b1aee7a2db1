"""Accepting an invitation (`/invite/{board_id}?token=…`): who invites, with whose consent and for what (in words:
the topics and goals the family chose, as far as the invitee will see them), and one button. The link's token is kept
for this browser on its first request and the page goes on at `/invite/{board_id}` (`app.links`), so logging in or
making an account on the way does not carry it through URLs. A network member's or the shared screen's browser then
becomes a paired device; a professional logs in first (or makes an account right there) and then gets a membership
on the board for their account; either carries the consent. A link that is expired, revoked, used or changed says
so plainly.
"""
from __future__ import annotations

import asyncio

from fastapi.responses import RedirectResponse
from nicegui import ui

from board import accounts, invitations
from board.invitations import InvitationError
from board.store import BoardNotFound

from .. import links, paired, state
from ..people import account_id, log_in, t
from .consent import consent_sentence
from .layout import header
from .login import entry_buttons

LINK_ERRORS = frozenset({'expired', 'revoked', 'used'})
"""Link problems with their own sentence; a changed or foreign link gets the general one."""


def new_account_form(name: str) -> None:
    """A professional invited without an account makes one here (then the page offers to accept)."""
    with ui.card().classes('w-full gap-2').mark('new-account'):
        ui.label(t('invite.new_account')).classes('text-h6')
        fields = {
            'name': ui.input(t('invite.your_name'), value=name).props('outlined maxlength=120 autocomplete=name'),
            'mail': ui.input(t('login.mail')).props('outlined type=email maxlength=254 autocomplete=username'),
            'password': ui.input(t('login.password'), password=True, password_toggle_button=True)
            .props('outlined maxlength=256 autocomplete=new-password'),
            'again': ui.input(t('invite.password_again'), password=True)
            .props('outlined maxlength=256 autocomplete=new-password'),
        }
        for key, field in fields.items():
            field.classes('w-full').mark(f'new-{key}')

        async def create() -> None:
            if fields['password'].value != fields['again'].value:
                ui.notify(t('invite.passwords_differ'), type='warning')
                return
            try:
                made = await asyncio.to_thread(accounts.create_account, state.get().store, fields['mail'].value or '',
                                               fields['name'].value or '', fields['password'].value or '')
            except accounts.AccountError as error:
                ui.notify(t(f'account.error.{error}'), type='warning', multi_line=True)
                return
            log_in(made)
            ui.navigate.reload()
        ui.button(t('invite.create_account'), icon='person_add', on_click=create) \
            .props('unelevated no-caps size=lg').classes('w-full').mark('new-create')


def register() -> None:
    @ui.page('/invite/{board_id}')
    async def invite_page(board_id: str, token: str = '') -> RedirectResponse | None:
        if token:
            links.keep(links.INVITE, board_id, token)
            return links.without_token(ui.context.client.request)
        token = links.kept(links.INVITE, board_id) or ''
        store = state.get().store
        with header():
            pass
        column = ui.column().classes('pb-page pb-invite w-full max-w-xl mx-auto p-4 gap-4')
        try:
            invitation = await asyncio.to_thread(invitations.invitation_for, store, board_id, token)
            board = await asyncio.to_thread(store.get_board, board_id)
            rights = (await state.get().hubs.get(board_id)).rights
        except (InvitationError, BoardNotFound) as error:
            code = str(error) if isinstance(error, InvitationError) and str(error) in LINK_ERRORS else 'invalid'
            with column:
                ui.label(t(f'invite.error.{code}')).classes('text-h6').mark('invite-refused')
            return

        with column:
            ui.label(t('invite.welcome', name=invitation.actor.name)).classes('text-h5')
            ui.label(t('invite.from', by=invitation.created_by_name, family=board.family_name or board.name)) \
                .classes('text-body1')
            ui.label(consent_sentence(t, invitation.consent, invitation.actor.name, invitation.actor, rights)) \
                .classes('text-body1').mark('invite-consent-words')
        account = account_id()
        if not invitation.makes_device and account is None:
            with column:
                ui.label(t('invite.account')).classes('text-body1')
                entry_buttons(f'/invite/{board_id}')
                new_account_form(invitation.actor.name)
            return

        async def accept() -> None:
            try:
                _, device = await asyncio.to_thread(invitations.accept, store, board_id, token,
                                                    account_id=account)
            except (InvitationError, accounts.AccountError) as error:
                ui.notify(t(f'invite.error.{error if str(error) in LINK_ERRORS else "invalid"}'), type='negative')
                return
            links.forget(links.INVITE, board_id)
            if device is not None:
                paired.remember(board_id, device[1])
            ui.navigate.to(f'/board/{board_id}/plan')

        with column:
            ui.button(t('invite.accept'), icon='check', on_click=accept) \
                .props('unelevated no-caps size=lg').mark('invite-accept')
