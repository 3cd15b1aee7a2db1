"""Who is using this browser: language and identity, kept per browser in NiceGUI's user storage.

Until accounts and invitations exist, a browser without a token joins as a guest with the role chosen
on the home page ('Ik ben…'; the coach at the kitchen table by default); a signed token in the link
(`?token=`) gives a named person with their own role, e.g. the school or the read-only shared screen.
"""
from __future__ import annotations

import uuid

from nicegui import app

from board import tokens
from board.identity import Actor, Role

from . import state
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, translate


def language() -> str:
    value = app.storage.user.get('lang', DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    return translate(key, language(), **values)


def toggle_language() -> None:
    app.storage.user['lang'] = 'en' if language() == 'nl' else 'nl'


GUEST_ROLES = (Role.PARENT, Role.YOUTH, Role.CHILD, Role.COORDINATOR, Role.PROFESSIONAL, Role.NETWORK)
"""What a browser without a token may say it is ('Ik ben…'), until accounts exist."""


def guest_role() -> Role:
    value = app.storage.user.get('role', Role.COORDINATOR)
    return Role(value) if value in GUEST_ROLES else Role.COORDINATOR


def set_guest_role(role: str) -> None:
    if role in GUEST_ROLES:
        app.storage.user['role'] = str(role)


def guest() -> Actor:
    if 'actor_id' not in app.storage.user:
        app.storage.user['actor_id'] = 'guest-' + uuid.uuid4().hex[:8]
    name = app.storage.user.get('name') or f"Gast {app.storage.user['actor_id'][-4:].upper()}"
    return Actor(id=app.storage.user['actor_id'], name=name, role=guest_role())


def set_name(name: str) -> None:
    app.storage.user['name'] = name.strip()[:120]


def actor_for(board_id: str, token: str | None) -> Actor:
    """The person behind this browser on this board; `board.tokens.TokenError` for a bad token."""
    if token:
        return tokens.verify(state.get().secret, token, board_id)
    return guest()
