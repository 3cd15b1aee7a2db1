"""The board and the plan show the same face for a goal's progress: the canvas picks it from what the server sends.

The canvas's own `faceOf` runs under Node on the `faces` prop the board page gave it; the plan's face comes from
the plan's own function. Neither keeps a table of its own, so they cannot drift apart again.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from nicegui.testing import User

from app.pages.plan_parts.goals import FACE_EMOJI, face
from tests.js import NODE, run_module
from tests.ui.helpers import canvas_of, demo_board_id, log_in

pytestmark = pytest.mark.skipif(NODE is None, reason='needs Node to run the canvas code')


def canvas_faces(faces: list, folder: Path) -> list[str]:
    """The face the canvas's `faceOf` gives each progress 0..10, with `faces` as its prop."""
    return run_module(f"""
        import canvas from "./board_canvas.mjs";
        const self = {{ faces: {json.dumps(faces)}, progressOf: canvas.methods.progressOf }};
        const at = (progress) => canvas.methods.faceOf.call(self, {{ type: "goal", props: {{ progress }} }});
        console.log(JSON.stringify([...Array(11).keys()].map(at)));
    """, folder)


async def test_the_board_and_the_plan_show_the_same_face_for_every_progress(user: User, tmp_path: Path) -> None:
    await log_in(user)
    await user.open(f'/board/{demo_board_id()}')
    sent = json.loads(json.dumps(canvas_of(user)._props['faces']))  # as the browser receives it
    on_board = canvas_faces(sent, tmp_path)
    assert [FACE_EMOJI[name] for name in on_board] == [face(progress) for progress in range(11)]
    assert on_board[3] == 'worried' and on_board[7] == 'glad'  # at 7 they disagreed before
