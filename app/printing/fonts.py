"""The TrueType fonts for the PDF plan and the pictures: one that shows every name on the board.

Family names come in many scripts (Şükrü, Zoë, Малика, Ελένη, فاطمة, 王芳), so the main font must cover Latin with
Turkish letters, Greek, Cyrillic and Arabic. DejaVu Sans does (Debian: fonts-dejavu-core); Noto Sans, Liberation
Sans and FreeSans are second choices. What the main font lacks (Chinese, Hebrew, Devanagari, Ethiopic …) comes from
`FALLBACKS` (Debian: fonts-droid-fallback for Chinese, Japanese and Korean, fonts-noto-core for the rest): a
character none of them has is not dropped, the paper and the picture say so (`missing`).
`FIRST_DIR` (the app's setting ``PLANBORD_FONT_DIR``) is a folder to search first.
"""
from __future__ import annotations

import functools
import unicodedata
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

FALLBACKS: list[tuple[str, str, str]] = [
    ('Droid Sans Fallback', 'DroidSansFallbackFull.ttf', 'DroidSansFallbackFull.ttf'),
    ('Noto Sans Arabic', 'NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'),
    ('Noto Sans Hebrew', 'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'),
    ('Noto Sans Devanagari', 'NotoSansDevanagari-Regular.ttf', 'NotoSansDevanagari-Bold.ttf'),
    ('Noto Sans Bengali', 'NotoSansBengali-Regular.ttf', 'NotoSansBengali-Bold.ttf'),
    ('Noto Sans Gurmukhi', 'NotoSansGurmukhi-Regular.ttf', 'NotoSansGurmukhi-Bold.ttf'),
    ('Noto Sans Tamil', 'NotoSansTamil-Regular.ttf', 'NotoSansTamil-Bold.ttf'),
    ('Noto Sans Thai', 'NotoSansThai-Regular.ttf', 'NotoSansThai-Bold.ttf'),
    ('Noto Sans Ethiopic', 'NotoSansEthiopic-Regular.ttf', 'NotoSansEthiopic-Bold.ttf'),
    ('Noto Sans Armenian', 'NotoSansArmenian-Regular.ttf', 'NotoSansArmenian-Bold.ttf'),
    ('Noto Sans Georgian', 'NotoSansGeorgian-Regular.ttf', 'NotoSansGeorgian-Bold.ttf'),
    ('Noto Sans', 'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'),
]
"""Fonts for what the main font cannot show, in the order they are asked; each is used only on a paper or picture
that has a character it adds. Droid Sans Fallback (2 MB) covers Chinese, Japanese and Korean at a tenth of the size
of Noto Sans CJK."""
UNPRINTABLE = '□'
"""What stands in for a character that no font has (DejaVu Sans and Noto Sans have it): shown, never left out."""
FALLBACK_PACKAGES = 'fonts-droid-fallback of fonts-noto-core'
"""The Debian packages that give the fallback fonts."""

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


def fallbacks_for(characters: set[str], font: Font) -> tuple[Font, ...]:
    """The fallback fonts needed for `characters` that `font` lacks: for each such character the first of
    `FALLBACKS` that has it."""
    return _fallbacks_for(frozenset(ord(c) for c in characters) - covered(font), tuple(FALLBACKS), tuple(search_dirs()))


@functools.lru_cache(maxsize=64)
def _fallbacks_for(lacking: frozenset[int], candidates: tuple[tuple[str, str, str], ...],
                   dirs: tuple[Path, ...]) -> tuple[Font, ...]:
    chosen: list[Font] = []
    for candidate in _installed(candidates, dirs):
        if not lacking:
            break
        if lacking & covered(candidate):
            chosen.append(candidate)
            lacking -= covered(candidate)
    return tuple(chosen)


@functools.lru_cache(maxsize=8)
def _installed(candidates: tuple[tuple[str, str, str], ...], dirs: tuple[Path, ...]) -> tuple[Font, ...]:
    return tuple(font for candidate in candidates if (font := _found(candidate, dirs)))


def missing(text: str, glyphs: frozenset[int] | set[int]) -> list[str]:
    """The characters of `text` that no font at hand has, each once (spaces and line ends always print)."""
    return list(dict.fromkeys(c for c in text if ord(c) not in glyphs and not c.isspace()
                              and unicodedata.category(c) not in ('Cc', 'Cf')))


def described(characters: list[str]) -> str:
    """The characters by code point and Unicode name, which print in any font: 'U+738B (CJK UNIFIED IDEOGRAPH-738B)'."""
    return ', '.join(f'U+{ord(c):04X} ({unicodedata.name(c, "?")})' for c in characters)


@functools.lru_cache(maxsize=64)
def covered(font: Font) -> frozenset[int]:
    """The characters both faces can draw."""
    return _glyphs(font.regular) & _glyphs(font.bold)


@functools.lru_cache(maxsize=64)
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
    font = next((found for candidate in CANDIDATES if (found := _found(candidate, dirs))), None)
    if font is None:
        raise FontMissing()
    return font


def _found(candidate: tuple[str, str, str], dirs: tuple[Path, ...]) -> Font | None:
    family, regular_name, bold_name = candidate
    for folder in dirs:
        regular = _locate(folder, regular_name)
        if regular:
            return Font(family, regular, _locate(regular.parent, bold_name) or _locate(folder, bold_name) or regular)
    return None


def _locate(folder: Path, name: str) -> Path | None:
    try:
        if (folder / name).is_file():
            return folder / name
        return next((p for p in sorted(folder.rglob(name)) if p.is_file()), None)
    except OSError:  # a folder we may not read is a folder without fonts
        return None

