"""One way to install: the README's two commands, CI running the second word for word, both pinned by constraints.txt.

A dependency added to pyproject.toml without refreshing constraints.txt (`.ci/refresh-constraints`) fails here,
before CI installs whatever version is newest that day.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r'^([A-Za-z0-9][A-Za-z0-9._-]*)==[^=\s]+$')


def canonical(name: str) -> str:
    return re.sub(r'[-_.]+', '-', name).lower()


def readme_commands() -> list[str]:
    """The README's set-up commands: the lines of its bash blocks that make a venv."""
    blocks = re.findall(r'^```bash\n(.*?)^```', (ROOT / 'README.md').read_text(), flags=re.DOTALL | re.MULTILINE)
    return [line for block in blocks for line in block.splitlines() if line.startswith('python3 -m venv')]


def test_the_readme_has_one_command_to_start_the_app_and_one_to_test_it_both_pinned() -> None:
    start, test = readme_commands()
    assert start.endswith('.venv/bin/planbord serve') and test.endswith('.venv/bin/python -m pytest')
    assert '-c constraints.txt' in start and '-c constraints.txt' in test


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    test = readme_commands()[1]
    assert test in (ROOT / '.ci' / 'run').read_text().splitlines()


def test_constraints_pin_every_dependency_of_a_test_install() -> None:
    lines = [line for line in (ROOT / 'constraints.txt').read_text().splitlines() if not line.startswith('#')]
    pinned = {canonical(PIN.match(line).group(1)) for line in lines if PIN.match(line)}
    assert len(pinned) == len(lines), 'every line is name==version'
    project = tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']
    named = project['dependencies'] + project['optional-dependencies']['test']
    assert {canonical(re.match(r'[A-Za-z0-9._-]+', requirement).group()) for requirement in named} <= pinned
