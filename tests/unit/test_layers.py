"""The house has floors: `app/` (with `app/printing/`) stands on `network_graph/`, which stands on `board/`.

A floor imports only what is below it, so the core can be read, tested and reused without a screen or a printer.
The imports are read from the source with `ast` (nothing is run), so an import inside a function counts as well.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINTING_AND_DRAWING = ('fpdf', 'fontTools', 'PIL.ImageDraw', 'PIL.ImageFont', 'uharfbuzz')
"""What puts text on paper or pixels: `app/printing/` uses these; the core has no reason to."""
NEVER: dict[str, tuple[str, ...]] = {
    'board': ('app', 'network_graph', 'nicegui', 'fastapi', 'starlette', *PRINTING_AND_DRAWING),
    'network_graph': ('app', 'nicegui', 'fastapi', 'starlette', *PRINTING_AND_DRAWING),
}
"""Per floor of the core, the packages it never imports (a name and everything under it)."""


def imported(path: Path) -> set[str]:
    """Every module `path` imports, relative imports made whole; ``from PIL import ImageDraw`` counts as
    ``PIL.ImageDraw`` too."""
    module = '.'.join(path.relative_to(ROOT).with_suffix('').parts)
    here = module.split('.') if path.name == '__init__.py' else module.split('.')[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = '.'.join(here[:len(here) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module or ''
            found.add(base)
            found |= {f'{base}.{alias.name}' for alias in node.names}
    return found


def breaks(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + '.') for f in forbidden)


def test_imports_are_read_whole_however_they_are_written() -> None:
    summary = imported(ROOT / 'network_graph' / 'summary.py')
    assert 'network_graph.plan_load' in summary  # from . import plan_load
    assert 'board.elements.Element' in summary  # from board.elements import Element
    assert 'PIL.ImageDraw' in imported(ROOT / 'app' / 'printing' / 'board_picture.py')  # from PIL import ImageDraw
    assert 'board.boardfile' in imported(ROOT / 'app' / 'printing' / 'everything.py')  # from board import boardfile


@pytest.mark.parametrize('package', sorted(NEVER))
def test_the_core_never_imports_a_floor_above_it_nor_a_screen_nor_a_printer(package: str) -> None:
    wrong = {f'{path.relative_to(ROOT)}: {name}'
             for path in sorted((ROOT / package).rglob('*.py')) if 'migrations' not in path.parts
             for name in imported(path) if breaks(name, NEVER[package])}
    assert wrong == set()


def test_what_is_printed_or_drawn_lives_in_the_printing_package() -> None:
    """The printing libraries are used in `app/printing/` alone (the rest of `app/` asks it for a PDF or a PNG)."""
    users = {path.relative_to(ROOT).parent.as_posix() for path in (ROOT / 'app').rglob('*.py')
             if any(breaks(name, PRINTING_AND_DRAWING) for name in imported(path))}
    assert users == {'app/printing'}
