"""UI tests with NiceGUI's `user` fixture: each test gets its own SQLite file with the demo family."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def board_database(tmp_path, monkeypatch) -> str:
    """Point app/main.py (run by the `user` fixture) at a fresh database; autouse fixtures run first."""
    url = f'sqlite:///{tmp_path}/ui.sqlite3'
    monkeypatch.setenv('PLANBORD_DATABASE_URL', url)
    return url
