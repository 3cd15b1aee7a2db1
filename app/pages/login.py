"""Logging in and out for professionals (mail + password); families come in by pairing, never by password."""
from __future__ import annotations

import asyncio
import datetime as dt
import math
from urllib.parse import quote, urlsplit

from nicegui import ui

from board import accounts

from .. import state
from ..people import log_in, t
from ..rate_limit import RateLimiter
from .layout import header

LOGIN_ATTEMPTS = RateLimiter(limit=10, window=60.0)
"""Per IP address: together with the lockout per account, guessing stays slow from anywhere."""


def entry_buttons(back_to: str = '/') -> None:
    """The two ways in for someone without access: a professional logs in, a family pairs with a code."""
    with ui.column().classes('w-full gap-3 pb-entries'):
        ui.button(t('access.login'), icon='login', on_click=lambda: ui.navigate.to(f'/login?next={quote(back_to)}')) \
            .props('unelevated no-caps size=lg').classes('w-full pb-entry').mark('to-login')
        ui.button(t('access.pair'), icon='qr_code_2', on_click=lambda: ui.navigate.to('/pair')) \
            .props('outline no-caps size=lg').classes('w-full pb-entry').mark('to-pair')


def safe_next(target: str | None) -> str:
    """Only a path on this site, so a crafted login link cannot send someone elsewhere afterwards.

    Browsers drop tabs and newlines from a URL and read a backslash as a slash, so ``/\t/evil.example`` and
    ``/\\evil.example`` would lead to another host: a target with any such character, whitespace or control
    character is refused, as is anything with a scheme or host. Refused means the home page.
    """
    if not target or any(c == '\\' or c.isspace() or not c.isprintable() for c in target):
        return '/'
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith('/') or parts.path.startswith('//'):
        return '/'
    return target


def register() -> None:
    @ui.page('/login')
    async def login_page(next: str = '/') -> None:
        with header():
            pass
        with ui.card().classes('pb-page pb-login w-full max-w-md mx-auto q-mt-lg gap-3'):
            ui.label(t('login.title')).classes('text-h5')
            ui.label(t('login.who')).classes('text-body2 text-grey-8')
            mail = ui.input(t('login.mail')).props('outlined type=email autocomplete=username maxlength=254') \
                .classes('w-full').mark('mail')
            password = ui.input(t('login.password'), password=True, password_toggle_button=True) \
                .props('outlined autocomplete=current-password maxlength=256').classes('w-full').mark('password')
            message = ui.label().classes('pb-login-message text-negative').mark('login-message')
            message.set_visibility(False)

            def say(text: str) -> None:
                message.set_text(text)
                message.set_visibility(True)

            async def submit() -> None:
                if not (mail.value or '').strip() or not password.value:
                    say(t('login.fill_in'))
                    return
                client = ui.context.client.request.client
                if not LOGIN_ATTEMPTS.hit(client.host if client else 'unknown'):
                    say(t('login.too_many'))
                    return
                try:
                    account = await asyncio.to_thread(accounts.authenticate, state.get().store, mail.value,
                                                      password.value)
                except accounts.LoginFailed:
                    say(t('login.wrong'))
                    return
                except accounts.LockedOut as locked:
                    minutes = math.ceil((locked.until - dt.datetime.now(dt.UTC)).total_seconds() / 60)
                    say(t('login.locked', minutes=max(1, minutes)))
                    return
                finally:
                    password.value = ''
                log_in(account)
                ui.navigate.to(safe_next(next))

            password.on('keydown.enter', submit)
            ui.button(t('login.submit'), icon='login', on_click=submit) \
                .props('unelevated no-caps size=lg').classes('w-full').mark('login')
            ui.link(t('login.family'), '/pair').classes('text-body2')

