"""The TrueType font for the PDF plan and the board picture: one that shows every name on the board.

Family names come in many scripts (Şükrü, Zoë, Малика, Ελένη), so the font must cover Latin with
Turkish letters, Greek and Cyrillic. DejaVu Sans does (Debian: fonts-dejavu-core); Noto Sans, Liberation
Sans and FreeSans are fallbacks. `FIRST_DIR` (the app's setting ``PLANBORD_FONT_DIR``) is a folder to search first.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

FIRST_DIR: Path | None = None
"""A folder searched before the usual ones; the app sets it from its settings (``PLANBORD_FONT_DIR``)."""

SEARCH_DIRS: list[Path] = [
    Path('/usr/share/fonts/truetype/dejavu'),
    Path('/usr/share/fonts'),
    Path('/usr/local/share/fonts'),
    Path.home() / '.local/share/fonts',
    Path.home() / '.fonts',
    Path('/Library/Fonts'),
    Path('/System/Library/Fonts'),
    Path('C:/Windows/Fonts'),
]
"""Where fonts usually live, searched (with their subfolders) after `FIRST_DIR`."""

CANDIDATES: list[tuple[str, str, str]] = [
    ('DejaVu Sans', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'),
    ('Noto Sans', 'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'),
    ('Liberation Sans', 'LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'),
    ('FreeSans', 'FreeSans.ttf', 'FreeSansBold.ttf'),
]
"""(family, regular file, bold file), best first; all cover Latin, Greek and Cyrillic."""

MESSAGE = ('Geen lettertype gevonden dat alle namen kan tonen. Installeer bijvoorbeeld fonts-dejavu-core '
           '(apt-get install fonts-dejavu-core) of zet PLANBORD_FONT_DIR. / No font found that can show every name. '
           'Install for example fonts-dejavu-core (apt-get install fonts-dejavu-core) or set PLANBORD_FONT_DIR.')


class FontMissing(RuntimeError):
    """No usable font is installed; the message says (in Dutch and English) how to install one."""

    def __init__(self, message: str = MESSAGE) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Font:
    family: str
    regular: Path
    bold: Path
    """The bold face; the regular file again when the font has no bold."""


def drawable(text: str, font: Font) -> str:
    """`text` without the characters the font has no glyph for (an emoji, say), so nothing shows as a box."""
    drawn = covered(font)
    return ''.join(c for c in text if ord(c) in drawn or c in '\n')


@functools.lru_cache(maxsize=8)
def covered(font: Font) -> frozenset[int]:
    """The characters both faces can draw."""
    return _glyphs(font.regular) & _glyphs(font.bold)


@functools.lru_cache(maxsize=8)
def _glyphs(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # comes with fpdf2
    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def search_dirs() -> list[Path]:
    """The folders searched, in order: `FIRST_DIR` first when it is set."""
    return ([FIRST_DIR] if FIRST_DIR else []) + list(SEARCH_DIRS)


def find_font() -> Font:
    """The best installed font; raise `FontMissing` when there is none."""
    return _find(tuple(search_dirs()))


@functools.lru_cache(maxsize=8)
def _find(dirs: tuple[Path, ...]) -> Font:
    for family, regular_name, bold_name in CANDIDATES:
        for folder in dirs:
            regular = _locate(folder, regular_name)
            if regular:
                bold = _locate(regular.parent, bold_name) or _locate(folder, bold_name) or regular
                return Font(family, regular, bold)
    raise FontMissing()


def _locate(folder: Path, name: str) -> Path | None:
    try:
        if (folder / name).is_file():
            return folder / name
        return next((p for p in sorted(folder.rglob(name)) if p.is_file()), None)
    except OSError:  # a folder we may not read is a folder without fonts
        return None
