"""'Wie heeft toegang' (`/board/{id}/access`), for those who manage the board: the paired devices with a revoke
button, a new pairing code with its QR code and countdown, the professionals with an account, invitations with the
consent they rest on (chosen with big chips, said in words), 'Wat mag … zien?' for everyone who came by invitation,
and the PINs on the gezinstablet. Every rule is in `board.devices`, `board.invitations` and `board.access`; this page
only asks.
"""
from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import segno
from fastapi.responses import RedirectResponse
from nicegui import ui

from board import accounts, audit, devices, invitations
from board.access import BoardRights, may_manage_pin
from board.devices import Kind, PairingError
from board.identity import Actor, Role
from board.invitations import Invitation, InvitationError

from .. import cutoff, state
from ..people import day, t
from .consent import ConsentChooser, consent_sentence
from .layout import header, header_button
from .lookup import OpenBoard, open_board
from .plan_parts.base import face

ROLES = tuple(str(r) for r in invitations.INVITABLE)


def qr_svg(url: str) -> str:
    """The QR code as inline SVG, made here: no picture service sees the code."""
    return segno.make(url, error='m').svg_inline(scale=6, border=2, dark='#1f3d34')


def pin_dialog(board_id: str, by: Actor, member_id: str, name: str, rights: BoardRights, on_done: Any = None) -> None:
    """Set or clear one family member's PIN (by that member or someone who manages the board)."""
    store = state.get().store

    async def change(pin: str | None) -> None:
        try:
            if pin is None:
                await asyncio.to_thread(devices.clear_pin, store, board_id, by, member_id, rights=rights)
            else:
                await asyncio.to_thread(devices.set_pin, store, board_id, by, member_id, pin, rights=rights)
        except PairingError as error:
            ui.notify(t(f'pair.error.{error}'), type='negative')
            return
        ui.notify(t('devices.pin_cleared' if pin is None else 'devices.pin_set'), type='positive')
        dialog.close()
        if on_done is not None:
            on_done()

    with ui.dialog() as dialog, ui.card().classes('pb-pin-card items-stretch'):
        ui.label(t('who.pin', name=name)).classes('text-h6')
        pin = ui.input(t('devices.pin_new'), password=True) \
            .props('outlined autofocus inputmode=numeric maxlength=6').classes('pb-code-input').mark('pin-new')
        with ui.row().classes('justify-end gap-2'):
            ui.button(t('devices.pin_clear'), on_click=lambda: change(None)).props('flat no-caps').mark('pin-clear')
            ui.button(t('editor.save'), on_click=lambda: change(pin.value or '')) \
                .props('unelevated no-caps').mark('pin-save')
    dialog.open()


class AccessPage:
    def __init__(self, opened: OpenBoard) -> None:
        self.opened, self.hub, self.actor = opened, opened.hub, opened.actor
        self.board_id = self.hub.board_id
        self.store = state.get().store
        with ui.column().classes('pb-page pb-access w-full max-w-3xl mx-auto p-4 gap-4'):
            ui.label(t('devices.title')).classes('text-h5')
            with ui.card().classes('w-full'):
                self.pairing()
            with ui.card().classes('w-full'):
                ui.label(t('devices.paired')).classes('text-h6')
                self.device_list()
            with ui.card().classes('w-full'):
                ui.label(t('consent.accounts')).classes('text-h6')
                self.account_list()
            with ui.card().classes('w-full'):
                self.invite_form()
            with ui.card().classes('w-full'):
                ui.label(t('invite.open')).classes('text-h6')
                self.invitation_list()
            if self.pin_members():
                with ui.card().classes('w-full'):
                    ui.label(t('devices.pins')).classes('text-h6')
                    self.pin_list()

    def members(self, role: str | None = None) -> dict[str, Any]:
        return {e.id: e for e in self.hub.visible_elements(self.actor)
                if e.type == 'family_member' and (role is None or e.props.get('role') == role)}

    def pin_members(self) -> dict[str, Any]:
        """The members whose PIN this person may set: their own, and, for a parent who manages the board, those of
        members who do not (a child's), never another manager's."""
        return {i: e for i, e in self.members().items() if may_manage_pin(self.actor, i, self.hub.rights)}

    # pairing

    def pairing(self) -> None:
        ui.label(t('devices.new_code')).classes('text-h6')
        options = {'tablet': t('devices.tablet')} | {i: e.props.get('name', '') for i, e in self.members().items()}
        with ui.row().classes('w-full items-end gap-2'):
            who = ui.select(options, value='tablet', label=t('devices.for')).props('outlined') \
                .classes('grow').mark('pair-for')
            ui.button(t('devices.make_code'), icon='qr_code_2', on_click=lambda: self.make_code(who.value)) \
                .props('unelevated no-caps').mark('make-code')
        self.code_area = ui.column().classes('w-full items-center gap-2')

    async def make_code(self, choice: str) -> None:
        member = self.members().get(choice)
        actor = devices.member_actor(member) if member is not None else None
        label = t('devices.phone_of', name=actor.name) if actor else t('devices.tablet')
        try:
            code = await asyncio.to_thread(devices.create_code, self.store, self.board_id, self.actor,
                                           Kind.PERSON if actor else Kind.TABLET, actor, label,
                                           rights=self.hub.rights)
        except PairingError as error:
            ui.notify(t(f'pair.error.{error}'), type='negative')
            return
        base = str(ui.context.client.request.base_url).rstrip('/')
        self.code_area.clear()
        with self.code_area:
            ui.html(qr_svg(f'{base}/pair?code={code.code}'), sanitize=False).classes('pb-qr').mark('pair-qr')
            ui.label(code.grouped).classes('pb-code').mark('pair-code-shown')
            ui.label(t('devices.code_help', url=f'{base}/pair')).classes('text-body2 text-grey-8 text-center')
            left = ui.label().classes('text-body1').mark('pair-countdown')

        def tick() -> None:
            seconds = int((code.expires_at - dt.datetime.now(dt.UTC)).total_seconds())
            if seconds <= 0:
                timer.cancel()
                self.code_area.clear()
                with self.code_area:
                    ui.label(t('devices.code_gone')).classes('text-body1 text-grey-8')
                self.device_list.refresh()
                return
            left.text = t('devices.code_left', minutes=seconds // 60, seconds=f'{seconds % 60:02d}')

        with self.code_area:
            timer = ui.timer(1.0, tick)
        tick()

    @ui.refreshable_method
    def device_list(self) -> None:
        found = devices.board_devices(self.store, self.board_id)
        invited = invitations.accepted_invitations(self.store, self.board_id)
        if not found:
            ui.label(t('devices.none')).classes('text-grey-8')
        for device in found:
            with ui.row().classes('w-full items-center no-wrap gap-3 pb-access-row'):
                ui.icon('tablet' if device.kind == Kind.TABLET else 'smartphone', size='md').classes('text-primary')
                with ui.column().classes('gap-0 grow'):
                    ui.label(device.label).classes('text-body1 font-medium')
                    self.consent_part(invited.get(device.created_by))
                    ui.label(t('devices.last_seen', when=day(device.last_seen_at[:10]))) \
                        .classes('text-caption text-grey-8')
                ui.button(t('devices.revoke'), icon='block', on_click=lambda d=device.id: self.revoke_device(d)) \
                    .props('flat no-caps color=negative').mark(f'revoke-{device.id}')

    @ui.refreshable_method
    def account_list(self) -> None:
        found = accounts.board_memberships(self.store, self.board_id)
        invited = invitations.accepted_invitations(self.store, self.board_id)
        if not found:
            ui.label(t('consent.no_accounts')).classes('text-grey-8')
        for membership, account in found:
            with ui.row().classes('w-full items-center no-wrap gap-3 pb-access-row'):
                ui.icon('badge', size='md').classes('text-primary')
                with ui.column().classes('gap-0 grow'):
                    role = t(f'invite.role.{membership.role}')
                    organisation = f' · {membership.organisation}' if membership.organisation else ''
                    ui.label(f'{account.name} · {role}{organisation}').classes('text-body1 font-medium')
                    if membership.invitation is None:
                        ui.label(t('consent.by_administrator')).classes('text-body2 text-grey-9')
                    self.consent_part(invited.get(membership.invitation or ''))

    def consent_part(self, invitation: Invitation | None) -> None:
        """For someone who came by invitation: what the family agreed they may see, and the way to change it."""
        if invitation is None:
            return
        ui.label(self.consent_sentence(invitation)).classes('text-body2 text-grey-9') \
            .mark(f'consent-of-{invitation.id}')
        if invitation.actor.role != Role.COORDINATOR:
            ui.button(t('consent.question', name=invitation.actor.name), icon='visibility',
                      on_click=lambda: self.consent_dialog(invitation)) \
                .props('flat dense no-caps').classes('self-start').mark(f'consent-change-{invitation.id}')

    def consent_sentence(self, invitation: Invitation) -> str:
        return consent_sentence(t, invitation.consent, invitation.actor.name, self.actor, self.hub.rights)

    def consent_dialog(self, invitation: Invitation) -> None:
        """'Wat mag … zien?' with the same chips as the invitation; a changed consent reaches their open pages at
        once: they open again as the new actor (`app.cutoff.reopen`)."""
        name = invitation.actor.name
        with ui.dialog() as dialog, ui.card().classes('pb-editor w-full'):
            ui.label(t('consent.question', name=name)).classes('text-h6')
            chooser = ConsentChooser(t, self.actor, self.hub.rights, invitation.consent.what, invitation.actor.role,
                                     marker='consent')
            if not self.hub.rights.family_manages(self.actor):
                ui.label(t('consent.only_family_widens')).classes('text-body2 text-grey-8')

            async def save() -> None:
                try:
                    _, credentials = await asyncio.to_thread(
                        invitations.change_consent, self.store, self.board_id, invitation.id, self.actor,
                        chooser.value(), rights=self.hub.rights)
                except InvitationError as error:
                    ui.notify(t(f'invite.error.{error}'), type='negative', multi_line=True)
                    return
                for credential in credentials:
                    cutoff.reopen(credential)
                dialog.close()
                ui.notify(t('consent.saved', name=name), type='positive')
                self.device_list.refresh()
                self.account_list.refresh()

            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('editor.cancel'), on_click=dialog.close).props('flat no-caps')
                ui.button(t('editor.save'), icon='check', on_click=save).props('unelevated no-caps') \
                    .mark('consent-save')
        dialog.open()

    async def revoke_device(self, device_id: str) -> None:
        try:
            gone = await asyncio.to_thread(devices.revoke_device, self.store, self.board_id, device_id, self.actor,
                                           rights=self.hub.rights)
        except PairingError as error:  # no longer managing the board since the page was opened
            ui.notify(t(f'pair.error.{error}'), type='negative')
            return
        if gone is not None:
            cutoff.revoke(self.board_id, gone.credential)
            await asyncio.to_thread(audit.record, self.store, self.board_id, self.actor, audit.REVOKED, gone.label)
        ui.notify(t('devices.revoked'), type='positive')
        self.device_list.refresh()

    # invitations

    def invite_form(self) -> None:
        ui.label(t('invite.new')).classes('text-h6')
        people = {e.id: e.props.get('name', '') for e in self.hub.visible_elements(self.actor)
                  if e.type == 'network_person'}
        managers = {i: self.hub.rights.members[i].get('name', '') for i in sorted(self.hub.rights.managers)}
        name = ui.input(t('invite.name')).props('outlined maxlength=120').classes('w-full').mark('invite-name')
        role = ui.select({r: t(f'invite.role.{r}') for r in ROLES}, value='network', label=t('invite.role')) \
            .props('outlined').classes('w-full').mark('invite-role')
        organisation = ui.input(t('invite.organisation')).props('outlined maxlength=120').classes('w-full') \
            .mark('invite-organisation').bind_visibility_from(role, 'value', value='professional')
        person = ui.select(people, label=t('invite.person'), clearable=True,
                           on_change=lambda e: name.set_value(people.get(e.value, name.value))) \
            .props('outlined').classes('w-full').mark('invite-person')
        if self.hub.rights.family_manages(self.actor):
            consent_parent = None
            ui.label(t('invite.your_consent')).classes('text-body2 text-grey-9')
        else:
            consent_parent = ui.select(managers, label=t('invite.consent_parent')).props('outlined').classes('w-full') \
                .mark('invite-consent')
        with ui.column().classes('w-full gap-1') \
                .bind_visibility_from(role, 'value', backward=lambda value: value != 'coordinator'):
            ui.label(t('consent.question_new')).classes('text-subtitle1 text-grey-9')
            chooser = ConsentChooser(t, self.actor, self.hub.rights, marker='invite-what')
        ui.label(t('consent.coordinator')).classes('text-body2 text-grey-9') \
            .bind_visibility_from(role, 'value', value='coordinator')
        made = ui.column().classes('w-full')

        async def create() -> None:
            try:
                invitation, token = await asyncio.to_thread(
                    invitations.invite, self.store, self.board_id, self.actor,
                    role=Role(role.value), name=name.value or '', organisation=organisation.value or '',
                    network_person=person.value or None,
                    consent_parent=consent_parent.value if consent_parent else None, consent=chooser.value(),
                    rights=self.hub.rights)
            except InvitationError as error:
                ui.notify(t(f'invite.error.{error}'), type='negative', multi_line=True)
                return
            await asyncio.to_thread(audit.record, self.store, self.board_id, self.actor, audit.INVITED,
                                    invitation.actor.name)
            link = f"{str(ui.context.client.request.base_url).rstrip('/')}/invite/{self.board_id}?token={token}"
            made.clear()
            with made:
                ui.label(t('invite.link', name=invitation.actor.name, date=day(invitation.expires_at.date())))
                with ui.row().classes('w-full items-center no-wrap gap-2'):
                    ui.input(value=link).props('outlined readonly dense').classes('grow').mark('invite-link')
                    ui.button(t('invite.copy'), icon='content_copy',
                              on_click=lambda: (ui.clipboard.write(link), ui.notify(t('invite.copied')))) \
                        .props('flat no-caps')
            for field in (name, organisation):
                field.value = ''
            person.value = None
            self.invitation_list.refresh()

        ui.button(t('invite.create'), icon='person_add', on_click=create).props('unelevated no-caps') \
            .mark('invite-create')

    @ui.refreshable_method
    def invitation_list(self) -> None:
        found = invitations.open_invitations(self.store, self.board_id)
        if not found:
            ui.label(t('invite.none')).classes('text-grey-8')
        for invitation in found:
            with ui.row().classes('w-full items-center no-wrap gap-3 pb-access-row'):
                ui.icon('mail', size='md').classes('text-primary')
                with ui.column().classes('gap-0 grow'):
                    role = t(f'invite.role.{invitation.actor.role}')
                    ui.label(f'{invitation.actor.name} · {role}').classes('text-body1 font-medium')
                    ui.label(self.consent_sentence(invitation)).classes('text-body2 text-grey-9') \
                        .mark(f'consent-of-{invitation.id}')
                    ui.label(t('invite.until', date=day(invitation.expires_at.date()))) \
                        .classes('text-caption text-grey-8')
                ui.button(t('devices.revoke'), icon='block',
                          on_click=lambda i=invitation: self.revoke_invitation(i)) \
                    .props('flat no-caps color=negative').mark(f'revoke-invite-{invitation.id}')

    async def revoke_invitation(self, invitation: invitations.Invitation) -> None:
        await asyncio.to_thread(invitations.revoke_invitation, self.store, self.board_id, invitation.id, self.actor,
                                rights=self.hub.rights)
        await asyncio.to_thread(audit.record, self.store, self.board_id, self.actor, audit.REVOKED,
                                invitation.actor.name)
        ui.notify(t('invite.revoked'), type='positive')
        self.invitation_list.refresh()

    # PINs

    @ui.refreshable_method
    def pin_list(self) -> None:
        with_pin = devices.members_with_pin(self.store, self.board_id)
        for member_id, member in self.pin_members().items():
            name = member.props.get('name', '')
            with ui.row().classes('w-full items-center no-wrap gap-3 pb-access-row'):
                face(name, member.props.get('color'), member.props.get('photo'))
                ui.label(name).classes('text-body1 grow')
                ui.label(t('devices.has_pin' if member_id in with_pin else 'devices.no_pin')) \
                    .classes('text-caption text-grey-8')
                ui.button(icon='pin', on_click=lambda m=member_id, n=name: pin_dialog(
                    self.board_id, self.actor, m, n, self.hub.rights, self.pin_list.refresh)) \
                    .props(f'flat round aria-label="{t("who.my_pin")}"').mark(f'pin-{member_id}')


def register() -> None:
    @ui.page('/board/{board_id}/access')
    async def access_page(board_id: str, token: str | None = None) -> RedirectResponse | None:
        opened = await open_board(board_id, token)
        if not isinstance(opened, OpenBoard):
            return opened
        with header(opened.hub.info.name):
            header_button(t('plan.open'), 'list_alt', opened.url('/plan'), 'open-plan')
        if not opened.hub.rights.manages(opened.actor):
            ui.label(t('devices.only_family')).classes('text-h6 p-6').mark('access-refused')
            return
        AccessPage(opened)
