"""The font of every Planbord paper, read once per process and copied into each paper.

fpdf2's `add_font` reads and measures the whole font file for every PDF (some 20 ms a face), and writing the PDF
reads it again to cut it down to the letters used. Here a face is read once per process (`read_face`); each paper
gets its own copy (`own_face`) holding what a paper changes: the letters it uses, the widths it looks up and the
font file to cut down. That file comes without the tables fpdf2 drops anyway (`trimmed`), so cutting it down does
not read them first. The PDF is byte for byte what `add_font` gives (tests/unit/test_paper.py).
"""
from __future__ import annotations

import copy
import functools
import io
from collections import defaultdict
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from .fonts import Font

FAMILY = 'plan'
"""The name a paper knows its font by."""
UNUSED_TABLES = ('FFTM', 'GDEF', 'GPOS', 'GSUB', 'MATH', 'hdmx', 'meta', 'sbix', 'CBDT', 'CBLC', 'EBDT', 'EBLC', 'EBSC',
                 'SVG ', 'CPAL', 'COLR', 'kern')
"""The font tables fpdf2 drops when it cuts a font down to the letters a PDF uses (and 'kern', which fontTools
drops beside GPOS: the PDF places every letter itself)."""


def add_plan_font(pdf: FPDF, font: Font, family: str = FAMILY) -> None:
    """Give `pdf` the font as `family` ('plan' unless said), regular and bold ('B'), as `add_font` would."""
    for style, path in (('', font.regular), ('B', font.bold)):
        face = pdf.fonts[family + style] = own_face(read_face(path, style), len(pdf.fonts) + 1)
        face.fontkey = family + style


@functools.lru_cache(maxsize=32)
def read_face(path: Path, style: str) -> TTFFont:
    """A face read and measured once per process, for papers to copy; never given to a paper itself."""
    return TTFFont(FPDF(), path, FAMILY + style, style)


@functools.lru_cache(maxsize=32)
def trimmed(path: Path) -> bytes:
    """The font file without `UNUSED_TABLES` (fontTools reads the layout tables before it drops them, some 10 ms
    a face); the other tables are copied as they are."""
    font = ttLib.TTFont(path, recalcTimestamp=False, lazy=True)
    for tag in UNUSED_TABLES:
        if tag in font:
            del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def own_face(face: TTFFont, number: int) -> TTFFont:
    """A paper's own copy of `face`, its `number`-th font: the measurements shared, the rest its own."""
    own = copy.copy(face)
    own.i = number
    own.ttfont = ttLib.TTFont(io.BytesIO(trimmed(face.ttffile)), recalcTimestamp=False, lazy=True)
    own.desc = copy.copy(face.desc)  # writing the PDF names and numbers it
    own.cw = defaultdict(face.cw.default_factory, face.cw)  # looking up a missing letter adds it
    own.missing_glyphs, own.biggest_size_pt, own._hbfont = [], 0, None
    own.subset = SubsetMap(own)
    return own
