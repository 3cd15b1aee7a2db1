"""Planbord's entry point: build the app (pages, API, assets) on a store and run NiceGUI.

`planbord serve` calls `start`; the NiceGUI test fixture runs this file as ``__main__``, which
reads the same settings (`app.settings`) from the environment.
"""
from __future__ import annotations

from nicegui import app, background_tasks, ui

from app import api, assets, cutoff, live_api, state
from app import settings as app_settings
from app.csrf import CsrfMiddleware
from app.logging_setup import BoardFromPath
from app.pages import access as access_page
from app.pages import audit as audit_page
from app.pages import board as board_page
from app.pages import home as home_page
from app.pages import invite as invite_page
from app.pages import layout
from app.pages import login as login_page
from app.pages import pair as pair_page
from app.pages import plan as plan_page
from app.pages import schema as schema_page
from app.security_headers import SecurityHeadersMiddleware
from board.demo import create_demo_board, create_demo_coach

RECONNECT_TIMEOUT = 60.0
"""Seconds a sleeping tablet may stay away before its page is rebuilt (it catches up by seq anyway)."""


def build(database_url: str, redis_url: str | None = None) -> state.AppState:
    """Open the store (migrating it), make the demo family on a first start, register every route."""
    current = state.init(database_url, redis_url)
    if not current.store.list_boards():
        mail, password = create_demo_coach(current.store, create_demo_board(current.store).id)
        print(f'Demo: log in als {mail} met wachtwoord {password}', flush=True)  # shown once, stored only as a hash
    if current.fanout is not None:
        app.on_startup(lambda: current.fanout.start(current.hubs, cutoff.cut_off))
        app.on_shutdown(current.fanout.close)
    app.on_startup(lambda: background_tasks.create(cutoff.sweep(), name='cut off revoked credentials'))
    app.add_middleware(CsrfMiddleware)
    app.add_middleware(BoardFromPath)
    app.add_middleware(SecurityHeadersMiddleware)  # added last, so outermost: a refusal by the CSRF check gets them too
    app.add_static_files('/assets', assets.DIR)
    # Quasar's thin loading bar is a nameless progressbar for screen readers: it is only a look, so it is hidden
    app.config.quasar_config['loadingBar']['aria-hidden'] = 'true'
    layout.quasar_speaks_each_persons_language()
    home_page.register()
    login_page.register()
    board_page.register()
    plan_page.register()
    schema_page.register()
    audit_page.register()
    pair_page.register()
    access_page.register()
    invite_page.register()
    for router in (api.router, live_api.router):
        app.include_router(router)
    return current


def start(settings: app_settings.Settings) -> None:
    """Build and run the app; logging is already set up (`app.settings.configure`), so uvicorn's own is not."""
    current = build(settings.database_url, settings.redis_url)
    ui.run(host=settings.host, port=settings.port, title='Planbord', language='nl',
           reconnect_timeout=RECONNECT_TIMEOUT, storage_secret=current.secret,
           session_middleware_kwargs=session_cookie(settings.https), favicon=assets.DIR / 'favicon.svg',
           show=False, reload=False, show_welcome_message=False, log_config=None)


def session_cookie(https: bool) -> dict:
    """How NiceGUI's session cookie (Starlette's SessionMiddleware; it holds only the browser's id) is set:
    never readable by scripts (HttpOnly, Starlette's default), not sent along by other sites' forms or
    frames (SameSite=Lax), and only over https when the app is served that way (Secure)."""
    return {'same_site': 'lax', 'https_only': https}


if __name__ in {'__main__', '__mp_main__'}:
    start(app_settings.configure())
