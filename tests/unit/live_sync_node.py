"""assets/live_sync.js under Node: the browser's own `applyMessage` on message streams a Python test made."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.services import require_service

LIVE_SYNC = Path(__file__).resolve().parents[2] / 'assets' / 'live_sync.js'
SCRIPT = '''
import { pathToFileURL } from "node:url";
const { liveSync } = await import(pathToFileURL(process.argv[1]).href);
let input = "";
for await (const chunk of process.stdin) input += chunk;
const boards = JSON.parse(input).map((stream) => {
  const view = { els: {}, lastSeq: 0, outbox: {}, settled() {} }; // what the mixin holds in a browser
  for (const message of stream) liveSync.methods.applyMessage.call(view, message);
  return view.els;
});
process.stdout.write(JSON.stringify(boards));
'''


def browser_boards(streams: list[list[dict]]) -> list[dict]:
    """The board each stream of hub messages leaves a browser with."""
    node = shutil.which('node')
    if node is None:
        require_service('Node.js', 'not installed (apt-get install nodejs)')
    done = subprocess.run([node, '--experimental-default-type=module', '--input-type=module', '-e', SCRIPT,
                           str(LIVE_SYNC)], input=json.dumps(streams), capture_output=True, text=True, check=False,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
