"""Cross-site request forgery: a page on another site must not make a browser change something here.

Every state-changing HTTP request (anything but GET, HEAD, OPTIONS) must come from our own pages: its
``Origin`` (or, without one, its ``Referer``) must name this host. A request with neither is refused when it
carries a cookie, since only a browser acting for someone sends one; API clients with a ``?token=`` send
none. WebSocket handshakes under ``/api/`` that carry a cookie get the same check, because browsers do not
apply the same-origin rule to WebSockets (a token in the URL needs no such check). NiceGUI's own socket is left
alone: it needs the page's client id, which another site cannot read.
"""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

SAFE_METHODS = frozenset({'GET', 'HEAD', 'OPTIONS'})
Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


def same_origin(headers: dict[str, str]) -> bool:
    """Whether a request comes from a page of this host (or is no browser's doing at all)."""
    source = headers.get('origin') or headers.get('referer')
    if not source or source == 'null':
        return 'cookie' not in headers and source != 'null'
    hosts = {headers.get('host', '').lower(), headers.get('x-forwarded-host', '').lower()} - {''}
    return urlsplit(source).netloc.lower() in hosts


class CsrfMiddleware:
    """Refuses cross-site state changes with 403 ``{"detail": "csrf_origin"}`` (a WebSocket: close 4403)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        headers = {k.decode('latin-1').lower(): v.decode('latin-1') for k, v in scope.get('headers', [])}
        checked = (scope['type'] == 'http' and scope['method'] not in SAFE_METHODS) or \
            (scope['type'] == 'websocket' and scope['path'].startswith('/api/') and 'cookie' in headers)
        if checked and not same_origin(headers):
            if scope['type'] == 'websocket':
                await send({'type': 'websocket.close', 'code': 4403})
                return
            body = json.dumps({'detail': 'csrf_origin'}).encode()
            await send({'type': 'http.response.start', 'status': 403,
                        'headers': [(b'content-type', b'application/json'),
                                    (b'content-length', str(len(body)).encode())]})
            await send({'type': 'http.response.body', 'body': body})
            return
        await self.app(scope, receive, send)
