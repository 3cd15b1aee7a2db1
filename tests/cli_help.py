"""The `planbord` command as its help shows it: every command by its words, and their `--help` as a person sees it.

Shared by the tests that hold docs/cli.md, the README's command table and docs/settings.md to the CLI.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from typer.main import get_command

from app.cli import cli

ROOT = Path(__file__).resolve().parents[1]
WIDTH = '100'
RENDER = '''
import json, sys
from typer.testing import CliRunner
from app.cli import cli
print(json.dumps({' '.join(path): CliRunner().invoke(cli, [*path, '--help'], prog_name='planbord').output
                  for path in json.loads(sys.argv[1])}))
'''


def is_group(command: Any) -> bool:
    return hasattr(command, 'commands')


def commands(group: Any = None, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every command and group of `planbord` (typer's click) by its words, the top level as ``()``."""
    group = group or get_command(cli)
    found = {prefix: group}
    for name, command in group.commands.items():
        found |= commands(command, (*prefix, name)) if is_group(command) else {(*prefix, name): command}
    return found


def options(command: Any) -> set[str]:
    return {option for param in command.params for option in param.opts if option.startswith('-')}


def live_help() -> dict[str, str]:
    """`planbord … --help` for every command (``''`` for the top level) in a terminal 100 columns wide, without
    colours, trailing spaces stripped; one process, since typer reads the terminal's size when it is imported."""
    env = {k: v for k, v in os.environ.items() if k not in {'FORCE_COLOR', 'PY_COLORS', 'GITHUB_ACTIONS'}}
    env |= {'TERMINAL_WIDTH': WIDTH, 'NO_COLOR': '1', 'TERM': 'dumb'}
    result = subprocess.run([sys.executable, '-c', RENDER, json.dumps(list(commands()))], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=60, check=True)
    return {words: '\n'.join(line.rstrip() for line in text.splitlines()).strip('\n')
            for words, text in json.loads(result.stdout).items()}
