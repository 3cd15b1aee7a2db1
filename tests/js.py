"""Run our own ES modules from assets/ under Node, for tests that check what the browser code does with what the
server sends. NiceGUI's import map names the modules (``from "people_look"``); here they are copied side by side."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from app import assets

NODE = shutil.which('node')


def run_module(script: str, folder: Path) -> Any:
    """What `script` (an ES module importing e.g. ``./board_canvas.mjs``) prints as JSON."""
    for path in assets.DIR.glob('*.js'):
        code = path.read_text()
        (folder / f'{path.stem}.mjs').write_text(re.sub(r'from "(\w+)"', r'from "./\1.mjs"', code))
    (folder / 'main.mjs').write_text(script)
    run = subprocess.run([NODE or 'node', str(folder / 'main.mjs')], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)
