"""What every HTTP answer keeps from strangers: nothing about the boards in the health check."""
from __future__ import annotations

from nicegui.testing import User

from app import state
from tests.ui.helpers import DEMO, demo_board_id


async def test_the_health_check_loads_no_board_and_names_none(user: User) -> None:
    response = await user.http_client.get('/api/health')
    assert response.status_code == 200
    assert response.json() == {'status': 'ok', 'protocol': 1}
    board_id = demo_board_id()
    assert board_id not in response.text and DEMO not in response.text
    assert state.get().hubs.loaded(board_id) is None
