"""Signed links (`?token=`), exchanged on their first request: the token is kept for its board in this browser's
user storage and the browser is sent on to the same URL without it.

NiceGUI's user storage lives on the server, found through its session cookie (HttpOnly, SameSite=Lax, see
`app.main.session_cookie`), so after that first request the token is in no address bar, history, bookmark,
referrer or access log. Pages then find it with `kept`. The live API and its downloads take ``?token=`` as before:
their clients are programs, not browsers.
"""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import RedirectResponse
from nicegui import app

ACCESS = 'link_tokens'
"""`app.storage.user[ACCESS]`: board id → the access token of the link this browser was opened with."""
INVITE = 'invite_tokens'
"""`app.storage.user[INVITE]`: board id → the invitation link's token, until it is accepted."""


def keep(kind: str, board_id: str, token: str) -> None:
    app.storage.user[kind] = dict(app.storage.user.get(kind, {})) | {board_id: token}


def kept(kind: str, board_id: str) -> str | None:
    return app.storage.user.get(kind, {}).get(board_id)


def forget(kind: str, board_id: str) -> None:
    tokens = dict(app.storage.user.get(kind, {}))
    if tokens.pop(board_id, None) is not None:
        app.storage.user[kind] = tokens


def without_token(request: Request) -> RedirectResponse:
    """A 303 to the same page without ``token`` (other query parameters stay), relative, so it holds behind a
    proxy too."""
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != 'token'])
    return RedirectResponse(request.url.path + (f'?{query}' if query else ''), status_code=303)
