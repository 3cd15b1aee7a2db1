"""The HTTP API (`app.api`) and the live API (`app.live_api`) are a router each, serving what docs/live-api.md names."""
from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute, APIWebSocketRoute

from app import api, live_api

DOCS = Path(__file__).resolve().parents[2] / 'docs' / 'live-api.md'


def test_the_api_router_serves_exactly_the_routes_the_docs_name() -> None:
    text = DOCS.read_text(encoding='utf-8')
    documented = set(re.findall(r'`(GET|POST|PUT|DELETE) (/api/[^?` ]+)', text))
    documented |= {('WS', path) for path in re.findall(r'`ws://HOST:PORT(/api/[^?` ]+)', text)}
    routes = [*api.router.routes, *live_api.router.routes]
    served = {(method, route.path) for route in routes if isinstance(route, APIRoute) for method in route.methods}
    served |= {('WS', route.path) for route in routes if isinstance(route, APIWebSocketRoute)}
    assert served == documented
    assert ('WS', '/api/boards/{board_id}/live') in served
