"""What the server logs while the coach saves in the plan: lines about the demo board, none of the family's words."""
from __future__ import annotations

import io
import json

from nicegui.testing import User

from app.logging_setup import LogFormat, configure
from tests.ui.helpers import demo_board_id, hub_of, open_plan

PERSONAL = ('name', 'text', 'who', 'summary', 'next_steps', 'address', 'important', 'mail', 'phone', 'relation',
            'organisation', 'title', 'label', 'written_by_name', 'contact', 'afstemming_text')
"""The props that hold what people wrote or who they are."""
NEW_GOAL = 'Mees gaat elke zaterdag met Ilse naar de training.'


def words_of_the_board(board_id: str) -> set[str]:
    """Every personal prop's text on the board, and each word of four letters or more of its names."""
    texts = {value for element in hub_of(board_id).elements.values() for key, value in element.props.items()
             if key in PERSONAL and isinstance(value, str) and value}
    names = {part for element in hub_of(board_id).elements.values()
             for part in str(element.props.get('name', '')).split()}
    return texts | {name for name in names if len(name) >= 4} | {NEW_GOAL}


async def test_a_save_in_the_plan_logs_the_board_and_no_name_or_card_text(user: User, kept_logging) -> None:
    stream = io.StringIO()
    configure(LogFormat.JSON, 'debug', stream)  # everything, from every library
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    user.find(marker='add-goal').click()
    user.find(marker='field-text').type(NEW_GOAL)
    user.find(marker='field-owners-fm-mees').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert any(line['logger'] == 'board.hub' and line.get('board_id') == board_id for line in lines)
    found = sorted(word for word in words_of_the_board(board_id) if word in stream.getvalue())
    assert found == [], stream.getvalue()
