"""Who is using this browser: language and identity, kept per browser in NiceGUI's user storage.

On a board, `actor_for` decides who someone is (docs/access.md): a signed link this browser was opened with (kept
by `app.links`), then a paired device, then a professional's logged-in account with a membership on that board.
Anyone else gets no access: there are no guests.
"""
from __future__ import annotations

import asyncio

from nicegui import app

from board import accounts
from board.identity import Actor
from board.tokens import TokenError

from . import cutoff, links, paired, state
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, say_date, translate

ACCOUNT = 'account'
"""The key in `app.storage.user` that holds the logged-in account's id."""


def language() -> str:
    value = app.storage.user.get('lang', DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    return translate(key, language(), **values)


def day(value: object) -> str:
    """A date (or ISO date text) the way this person's language writes it."""
    return say_date(value, language())  # type: ignore[arg-type]


def choose_language(chosen: str) -> None:
    """Remember the language on this device (NiceGUI's user storage is per browser, so a shared gezinstablet keeps
    one choice and each person's own phone keeps theirs)."""
    if chosen in LANGUAGES:
        app.storage.user['lang'] = chosen


def account_id() -> str | None:
    """The logged-in professional's account id in this browser, if any."""
    return app.storage.user.get(ACCOUNT)


def log_in(account: accounts.Account) -> None:
    app.storage.user[ACCOUNT] = account.id


def log_out() -> None:
    app.storage.user.pop(ACCOUNT, None)


async def actor_for(board_id: str) -> Actor | None:
    """The person behind this browser on this board, ``None`` for no access; `board.tokens.TokenError` for a
    kept link that no longer works (it is forgotten, so this is said once), `app.paired.ChooseMember` on a
    gezinstablet nobody has picked yet. A page opened by a link is held under its token (`app.cutoff`), so
    revoking the token or its running out cuts the page off."""
    if (token := links.kept(links.ACCESS, board_id)) is not None:
        try:
            actor = await asyncio.to_thread(state.get().verify, token, board_id)
        except TokenError:
            links.forget(links.ACCESS, board_id)
            raise
        cutoff.hold_page(*cutoff.token_hold(token))
        return actor
    if (device := await paired.device_actor(board_id)) is not None:
        return device
    if (account := account_id()) is not None:
        actor = await asyncio.to_thread(accounts.actor_on, state.get().store, account, board_id)
        if actor is not None:
            cutoff.hold_page(accounts.credential(account, board_id))  # a changed consent reopens the page
        return actor
    return None
