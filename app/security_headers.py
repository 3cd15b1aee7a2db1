"""Security headers on every HTTP answer (pages, API, assets, errors, redirects), fitted to what NiceGUI needs.

NiceGUI starts each page with an inline script and compiles its Vue templates in the browser, so scripts need
'unsafe-inline' and 'unsafe-eval' (without it no board renders); Quasar sets inline styles; photos and the network
pictures are data: images and an upload's preview a blob: one; the page talks to its own host over a WebSocket.
Everything else is shut: no plugins, no other base URL, forms only to this site, and no other site may frame a page
(clickjacking). Browsers may not guess a content type, send no Referer (a URL never travels to another site), and
give pages no sensors, payment or devices; camera and microphone only to this site's own pages (photos and voice
notes).
"""
from __future__ import annotations

from collections.abc import Callable

from .csrf import ASGIApp, Scope

CONTENT_SECURITY_POLICY = '; '.join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
PERMISSIONS_POLICY = ', '.join((
    'camera=(self)', 'microphone=(self)',
    *(f'{feature}=()' for feature in ('accelerometer', 'display-capture', 'geolocation', 'gyroscope',
                                      'hid', 'magnetometer', 'midi', 'payment', 'serial', 'usb')),
))
HEADERS = [(name.encode(), value.encode()) for name, value in (
    ('content-security-policy', CONTENT_SECURITY_POLICY),
    ('x-content-type-options', 'nosniff'),
    ('referrer-policy', 'no-referrer'),
    ('permissions-policy', PERMISSIONS_POLICY),
)]


class SecurityHeadersMiddleware:
    """Adds `HEADERS` to every HTTP response (a header the app already set is left as it is)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message['type'] == 'http.response.start':
                present = {name.lower() for name, _ in message.get('headers', [])}
                message['headers'] = [*message.get('headers', []), *(h for h in HEADERS if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
