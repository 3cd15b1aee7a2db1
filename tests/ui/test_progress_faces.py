"""The board and the plan show the same face for a goal's progress: the canvas picks it from what the server sends.

The canvas's own `faceOf` runs under Node on the `faces` prop the board page gave it; the plan's face comes from
the plan's own function. Neither keeps a table of its own, so they cannot drift apart again.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from nicegui.testing import User

from app import assets
from app.pages.plan_parts.goals import FACE_EMOJI, face
from tests.ui.helpers import canvas_of, demo_board_id, log_in

CANVAS_MODULES = ('board_canvas', 'board_keys', 'live_sync', 'people_look')

pytestmark = pytest.mark.skipif(shutil.which('node') is None, reason='needs Node to run the canvas code')


def canvas_faces(faces: list, folder: Path) -> list[str]:
    """The face name the canvas's `faceOf` gives each progress 0..10, with `faces` as its prop."""
    for name in CANVAS_MODULES:  # NiceGUI's import map names them; Node finds them side by side
        code = (assets.DIR / f'{name}.js').read_text()
        (folder / f'{name}.mjs').write_text(re.sub(r'from "(\w+)"', r'from "./\1.mjs"', code))
    script = f"""
        import canvas from "./board_canvas.mjs";
        const self = {{ faces: {json.dumps(faces)}, progressOf: canvas.methods.progressOf }};
        const at = (progress) => canvas.methods.faceOf.call(self, {{ type: "goal", props: {{ progress }} }});
        console.log(JSON.stringify([...Array(11).keys()].map(at)));
    """
    (folder / 'faces.mjs').write_text(script)
    run = subprocess.run(['node', str(folder / 'faces.mjs')], capture_output=True, text=True, check=True, timeout=30)
    return json.loads(run.stdout)


async def test_the_board_and_the_plan_show_the_same_face_for_every_progress(user: User, tmp_path: Path) -> None:
    await log_in(user)
    await user.open(f'/board/{demo_board_id()}')
    sent = json.loads(json.dumps(canvas_of(user)._props['faces']))  # as the browser receives it
    on_board = canvas_faces(sent, tmp_path)
    assert [FACE_EMOJI[name] for name in on_board] == [face(progress) for progress in range(11)]
    assert on_board[3] == 'worried' and on_board[7] == 'glad'  # at 7 they disagreed before
