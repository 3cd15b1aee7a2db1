"""UI tests with NiceGUI's `user` fixture: each test gets its own SQLite file with the demo family."""
from __future__ import annotations

import pytest
from nicegui.context import context
from nicegui.testing.user_notify import UserNotify


@pytest.fixture(autouse=True)
def board_database(tmp_path, monkeypatch) -> str:
    """Point app/main.py (run by the `user` fixture) at a fresh database; autouse fixtures run first."""
    url = f'sqlite:///{tmp_path}/ui.sqlite3'
    monkeypatch.setenv('PLANBORD_DATABASE_URL', url)
    return url


@pytest.fixture(autouse=True)
def notify_needs_a_living_page(monkeypatch) -> None:
    """The `user` fixture's stand-in for `ui.notify` records every message, even one sent from an element that is
    gone; the real one finds its page through the current slot and raises there. Make the stand-in as strict."""
    record = UserNotify.__call__

    def strict(self: UserNotify, message: str, **kwargs) -> None:
        context.client  # noqa: B018 - raises as `ui.notify` does when the slot's element has been deleted
        record(self, message, **kwargs)
    monkeypatch.setattr(UserNotify, '__call__', strict)
