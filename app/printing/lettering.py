"""Text in the server's pictures (the board and the netwerkschema) in every script a family writes.

Pillow draws one font at a time, so a text is cut into runs, each in the first font that has its letters: the main
font, else a fallback (`fonts.FALLBACKS`: Chinese from Droid Sans Fallback, …). Each run is laid out by libraqm
where Pillow has it (`PIL.features.check('raqm')`: the wheels bring it, with FriBiDi from the system), so Arabic is
joined and runs right to left; without it letters stand apart, and the log says so once. A letter no font has is
drawn as □, never left out: the PDF around the picture names it.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from PIL import ImageDraw, ImageFont, features

from .fonts import UNPRINTABLE, Font, covered, fallbacks_for, find_font, missing

LAYOUT = ImageFont.Layout.RAQM if features.check('raqm') else ImageFont.Layout.BASIC
"""Pillow's layout with shaping and right-to-left where it is there (libraqm with FriBiDi)."""

log = logging.getLogger(__name__)
if LAYOUT == ImageFont.Layout.BASIC:
    log.warning('Pillow has no libraqm here: Arabic and Hebrew in pictures are drawn as loose letters, left to '
                'right (install libfribidi0, or Pillow with raqm)')


@dataclass(frozen=True)
class Run:
    text: str
    font: ImageFont.FreeTypeFont


class Lettering:
    """The fonts of one picture: measures and draws text in runs, each in a font that has its letters."""

    def __init__(self) -> None:
        self.main = find_font()
        self.plain = covered(self.main)

    def runs(self, text: str, size: int, bold: bool = False) -> list[Run]:
        """`text` as runs of one font each; spaces and marks stay with the run they are in."""
        if all(ord(c) in self.plain for c in text):
            return [Run(text, _font(self.main, size, bold))]
        order = (self.main, *fallbacks_for(set(text), self.main))
        lacking = set(missing(text, set().union(*(covered(font) for font in order))))
        runs: list[tuple[list[str], Font]] = []
        for char in (UNPRINTABLE if c in lacking else c for c in text):
            font = next((f for f in order if ord(char) in covered(f)), None)
            if runs and (font is None or font == runs[-1][1] or char.isspace()):
                runs[-1][0].append(char)
            else:
                runs.append(([char], font or self.main))
        return [Run(''.join(chars), _font(font, size, bold)) for chars, font in runs]

    def length(self, text: str, size: int, bold: bool = False) -> float:
        return sum(run.font.getlength(run.text) for run in self.runs(text, size, bold))

    def draw(self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill: str,
             bold: bool = False, anchor: str = 'la', **style: object) -> None:
        """`draw.text` for text in several fonts: the runs side by side, placed as `anchor` places the whole."""
        runs = self.runs(text, size, bold)
        if len(runs) == 1:
            draw.text(xy, text if runs[0].text == text else runs[0].text, font=runs[0].font, fill=fill,
                      anchor=anchor, **style)  # type: ignore[arg-type]
            return
        widths = [run.font.getlength(run.text) for run in runs]
        x = xy[0] - {'l': 0, 'm': sum(widths) / 2, 'r': sum(widths)}[anchor[0]]
        for run, width in zip(runs, widths, strict=True):
            draw.text((x, xy[1]), run.text, font=run.font, fill=fill, anchor='l' + anchor[1],
                      **style)  # type: ignore[arg-type]
            x += width


@functools.lru_cache(maxsize=256)
def _font(font: Font, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font.bold if bold else font.regular), size, layout_engine=LAYOUT)
