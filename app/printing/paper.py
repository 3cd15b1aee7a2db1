"""The paper every Planbord PDF is printed on: A4, the font, the calm colours and the building blocks.

The gezinsplan (`plan_pdf`) and the call list for the fridge (`call_list_pdf`) look like one family of papers
because they share this: large type, short lines, plenty of white space, light lines, one accent colour.
"""
from __future__ import annotations

import datetime as dt
import re
import types
import unicodedata
from typing import Any

from fpdf import FPDF, image_parsing
from fpdf.enums import TableBordersLayout
from fpdf.fonts import FontFace
from fpdf.line_break import BREAKING_SPACE_SYMBOLS_STR
from fpdf.util import FloatTolerance, Padding

from board.boardfile import BoardFile
from board.dutch import nl_date

from .fonts import FALLBACK_PACKAGES, UNPRINTABLE, covered, described, fallbacks_for, find_font, missing
from .paper_fonts import FAMILY, add_plan_font

PICTURE_COMPRESSION = 3
"""zlib level for the pictures on a paper: level 3 takes half the time of the default 6 (some 30 ms for the plan's
two pictures), for a PDF some 20 % larger, still smaller than when they went in as PNG. fpdf2 has one setting for
the whole process; only papers make PDFs in it."""
image_parsing.SETTINGS.compression_level = PICTURE_COMPRESSION
MAX_CELL_LINES = 30
"""Most lines in one table cell: a table row must fit on one page (fpdf2 does not split rows)."""
INK, SOFT, ACCENT, LINE = (31, 41, 51), (100, 108, 118), (35, 95, 140), (205, 210, 215)
LATE, GREY = (185, 60, 30), (140, 140, 140)
BODY, SMALL, LEAD = 11.5, 10, 6.2
CELL_LEAD, CELL_PADDING = 5, Padding(top=1.6, right=1.2, bottom=1.6, left=1.2)
NO_PADDING = Padding(0, 0, 0, 0)
UNUSUAL = re.compile('[\r\u00a0\u00ad\u000c' + BREAKING_SPACE_SYMBOLS_STR.replace(' ', '') + ']')
"""Characters fpdf2 wraps at or turns into others: `Paper.lines` leaves such text to fpdf2."""
HEADS = FontFace(emphasis='BOLD', size_pt=9.5, color=ACCENT, fill_color=(238, 243, 248))
"""How a table's headings look."""


def family_name(board: BoardFile) -> str:
    return board.board.family_name or board.board.name


def pdf_filename(board: BoardFile, today: dt.date | None = None, kind: str = 'gezinsplan') -> str:
    """An ASCII file name such as ``gezinsplan-yilmaz-de-vries-26-11-2026.pdf``."""
    name = family_name(board).translate(str.maketrans({'ı': 'i', 'İ': 'I', 'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae',
                                                       'Æ': 'AE', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D'}))
    slug = re.sub(r'[^a-z0-9]+', '-', unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode().lower())
    slug = re.sub(r'^(familie|gezin)-', '', slug.strip('-'))
    return '-'.join(p for p in (kind, slug[:60].strip('-'), nl_date(today or dt.date.today())) if p) + '.pdf'


def board_text(board: BoardFile) -> set[str]:
    """Every character typed on the board: what the paper's fonts must show."""
    seen: set[str] = set(family_name(board))
    for element in board.elements:
        for value in element.props.values():
            for text in (value if isinstance(value, list) else [value]):
                if isinstance(text, str) and not text.startswith('data:'):
                    seen.update(text)
    return seen


def to_shape(characters: set[str]) -> frozenset[str]:
    """The characters that must be shaped to read right: letters that join or go right to left (Arabic, Hebrew) or
    marks that sit on a letter in scripts such as Devanagari. Papers without them are printed unshaped, faster."""
    return frozenset(c for c in characters if unicodedata.bidirectional(c) in ('R', 'AL') or
                     (unicodedata.category(c) in ('Mn', 'Mc') and not 0x300 <= ord(c) < 0x370))


class Paper(FPDF):
    """An A4 page in Dutch with the found font as 'plan' (and the fallback fonts the board's names need);
    raises `fonts.FontMissing` when there is none.

    :param board: the board (already filtered for the reader) the paper is about
    :param today: the date printed on the paper
    :param kind: the paper's name in the title and footer, e.g. 'Gezinsplan'
    """

    def __init__(self, board: BoardFile, today: dt.date, kind: str) -> None:
        super().__init__(orientation='P', unit='mm', format='A4')
        self.board, self.today, self.family, self.kind = board, today, family_name(board), kind
        self.add_fonts(board_text(board))
        self.unprintable: list[str] = []
        """The characters no font has, shown as `UNPRINTABLE`: the footer of each page that shows one names them."""
        self.pages_unprintable: set[int] = set()
        self.set_margins(14, 16, 14)
        self.set_auto_page_break(True, margin=18)
        self.set_title(self.clean(f'{kind} {self.family}'))
        self.set_lang('nl')
        self.set_creator('Planbord')

    def add_fonts(self, characters: set[str]) -> None:
        """The main font as 'plan', and as 'plan1', 'plan2' … the fallback fonts `characters` need; text shaping
        when some of them must be shaped."""
        font = find_font()
        add_plan_font(self, font)
        self.plain = covered(font)
        """What the main font shows: text of these alone is wrapped by `lines` itself."""
        self.glyphs = set(self.plain)
        fallbacks = fallbacks_for(characters, font)
        for number, fallback in enumerate(fallbacks, start=1):
            add_plan_font(self, fallback, f'{FAMILY}{number}')
            self.glyphs |= covered(fallback)
        self.set_fallback_fonts([f'{FAMILY}{number}' for number in range(1, len(fallbacks) + 1)])
        self.shaped = to_shape(characters)
        if self.shaped:
            self.set_text_shaping(True)

    def clean(self, text: Any) -> str:
        """The text with every character no font has shown as □ and written down for the footer of the page it
        is printed on, so nothing fails and no letter of a name goes missing without a word."""
        text = str(text or '')
        lacking = missing(text, self.glyphs)
        if not lacking:
            return text
        self.unprintable += [c for c in lacking if c not in self.unprintable]
        return ''.join(UNPRINTABLE if c in lacking else c for c in text)

    def normalize_text(self, text: str) -> str:
        """fpdf2 passes every text it prints through here: a page that shows `UNPRINTABLE` is noted for its
        footer (measuring, with writing switched off, notes nothing)."""
        if self.unprintable and UNPRINTABLE in text and isinstance(self._out, types.MethodType):
            self.pages_unprintable.add(self.page)
        return super().normalize_text(text)

    def for_fpdf2(self, text: str) -> bool:
        """Whether `text` is left to fpdf2 to wrap: characters it wraps at or turns into others, letters from a
        fallback font, or letters to shape (`lines` measures letters of the main font one by one, as unshaped
        text is printed; shaping Latin only kerns it a little narrower)."""
        return bool(UNUSUAL.search(text)) or any(ord(c) not in self.plain or c in self.shaped for c in text)

    def footer(self) -> None:
        warned = self.page in self.pages_unprintable
        if warned:
            self.warn_unprintable(self.unprintable)
        self.set_y(-13 if warned else -12)
        self.set_font('plan', '', 9)
        self.set_text_color(*SOFT)
        family = ' '.join(self.clean(self.family).split())
        family = family if len(family) <= 60 else family[:59] + '…'
        self.cell(0, 5, f'{self.kind} {family} — pagina {self.page_no()} van {{nb}}', align='C')

    def warn_unprintable(self, characters: list[str]) -> None:
        """Two lines under the footer: which characters no font has, and how to get a font that has them."""
        self.set_y(-8.5)
        self.set_font(FAMILY, 'B', 7)
        self.set_text_color(*LATE)
        self.multi_cell(0, 3, f'Let op: {UNPRINTABLE} staat voor een teken zonder lettertype op de server: '
                        f'{described(characters[:2])}. Vraag de beheerder er een te installeren '
                        f'(bijvoorbeeld {FALLBACK_PACKAGES}).', align='C')

    def heading(self, text: str) -> None:
        if self.will_page_break(40):
            self.add_page()
        elif self.get_y() > self.t_margin + 1:
            self.ln(6)
        self.set_font('plan', 'B', 17)
        self.set_text_color(*ACCENT)
        self.cell(0, 10, text, new_x='LMARGIN', new_y='NEXT')
        self.rule(0.4)
        self.ln(3)

    def rule(self, width: float = 0.25) -> None:
        """A light line across the page at the current height."""
        self.set_draw_color(*LINE)
        self.set_line_width(width)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())

    def subheading(self, text: str) -> None:
        if self.will_page_break(28):
            self.add_page()
        self.ln(2)
        self.set_font('plan', 'B', 12.5)
        self.set_text_color(*INK)
        self.multi_cell(0, 7, self.clean(text), new_x='LMARGIN', new_y='NEXT')
        self.ln(0.5)

    def para(self, text: str, color: tuple[int, int, int] = INK, size: float = BODY, bold: bool = False) -> None:
        self.set_font('plan', 'B' if bold else '', size)
        self.set_text_color(*color)
        self.print_lines(self.clean(text), LEAD)
        self.ln(1)

    def field(self, label: str, value: str) -> None:
        self.set_text_color(*INK)
        self.set_font('plan', 'B', BODY)
        self.write(LEAD, f'{label}: ')
        self.set_font('plan', '', BODY)
        self.write(LEAD, self.clean(value) or '–')
        self.ln(LEAD + 1)

    def bullets(self, texts: list[str]) -> None:
        self.set_font('plan', '', BODY)
        self.set_text_color(*INK)
        for text in texts:
            self.set_x(self.l_margin + 3)
            self.cell(5, LEAD, '•')
            self.print_lines(self.clean(text), LEAD)
            self.ln(1)

    def empty(self, text: str) -> None:
        self.para(text, color=SOFT)

    def fit(self, text: str, width: float, lines: int = MAX_CELL_LINES) -> str:
        """The text, cut off with an ellipsis after `lines` lines in the current font (a table row must fit
        on one page; a name on the fridge list gets two lines at most)."""
        wrapped = self.lines(text, width)
        if len(wrapped) <= lines:
            return text
        return '\n'.join(wrapped[:lines]).rstrip()[:-1] + '…'

    def print_lines(self, text: str, h: float, width: float = 0, align: str = 'L') -> float:
        """Print `text` as `multi_cell(width, h, text, align=align, new_x='LMARGIN', new_y='NEXT')` does, in a
        fraction of the time: wrapped by `lines` and each line printed with cell(). Returns the height taken."""
        if self.for_fpdf2(text):
            return self.multi_cell(width, h, text, align=align, new_x='LMARGIN', new_y='NEXT', output='HEIGHT')
        width = width or self.w - self.r_margin - self.x
        lines = self.lines(text, width)
        for i, line in enumerate(lines):
            self.cell(width, h, line, align=align, new_x='LMARGIN' if i == len(lines) - 1 else 'LEFT', new_y='NEXT')
        if text.endswith('\n'):
            self.ln()
        return len(lines) * h

    def lines(self, text: str, width: float, padding: Padding = NO_PADDING) -> list[str]:
        """The lines `multi_cell(width, …, padding=padding)` wraps `text` into in the current font.

        Wrapped as fpdf2 wraps (word by word; a word wider than the room is cut where it must be), but in time
        that grows with the text, where fpdf2 measures a line again for every letter it adds. A text with other
        spaces than ' ', soft hyphens or page feeds goes to fpdf2 itself.
        """
        if not text or self.for_fpdf2(text):
            return self.multi_cell(width, 5, text, dry_run=True, output='LINES', padding=padding)
        room = width - padding.right - padding.left
        room -= (self.c_margin if not padding.left else 0) + (self.c_margin if not padding.right else 0)
        widths, size, k = self.current_font.cw, self.font_size_pt, self.k
        lines: list[str] = []
        line: list[str] = []
        units, space, i = 0, None, 0  # the line's width in font units; (its length, where to go on) at its last space
        while i < len(text):
            char = text[i]
            if char == '\n':
                lines.append(''.join(line))
                line, units, space, i = [], 0, None, i + 1
                continue
            unit = widths[ord(char)]  # fpdf2's very sums follow, so a line breaks at the very same letter
            if units * size * 0.001 / k + unit * size * 0.001 / k - room > FloatTolerance.TOLERANCE:
                if char == ' ':  # a space at the end of a line is left out
                    lines.append(''.join(line))
                    i += 1
                elif space:  # back to the last space: the word goes to the next line
                    lines.append(''.join(line[:space[0]]))
                    i = space[1]
                elif line:  # a word wider than the room: cut
                    lines.append(''.join(line))
                else:  # not even one letter fits: fpdf2 says so
                    return self.multi_cell(width, 5, text, dry_run=True, output='LINES', padding=padding)
                line, units, space = [], 0, None
                continue
            if char == ' ':
                space = (len(line), i + 1)
            line.append(char)
            units += unit
            i += 1
        if units:
            lines.append(''.join(line))
        return lines

    def table(self, headers: list[str], widths: list[float], rows: list[list[Any]]) -> None:
        """A table with light lines; a cell is a text or (text, FontFace); long text wraps.

        Drawn as fpdf2's `table` draws ours (borders, fill, padding, the headings on top of every page), but
        quicker: fpdf2 wraps every cell twice, once to measure its row and once to draw it, and wrapping a line
        costs it some six times as much as printing one. Here each cell is wrapped once (`lines`, which is quick)
        and printed line by line.
        """
        self.set_draw_color(*LINE)
        self.set_line_width(0.25)
        self.set_font('plan', '', SMALL)
        self.set_text_color(*INK)
        self.set_fill_color(255, 255, 255)
        plain = self.font_face()
        texts = [[(text, FontFace.combine(plain, HEADS)) for text in headers]]
        for values in rows:
            texts.append([])
            for value, width in zip(values, widths, strict=True):
                text, style = value if isinstance(value, tuple) else (value, None)
                texts[-1].append((self.fit(self.clean(text), width - 2.4), FontFace.combine(plain, style)))
        with self._disable_writing():  # measuring leaves nothing on the page, as in fpdf2's own table
            table = [[_Cell(text, style, width, self) for (text, style), width in zip(row, widths, strict=True)]
                     for row in texts]
        heights = [max(cell.height for cell in row) or CELL_LEAD for row in table]
        if len(table) > 1:
            self.break_page_for(heights[0] + heights[1])  # never the headings alone at the foot of a page
        for i, (row, height) in enumerate(zip(table, heights, strict=True)):
            if self.break_page_for(height) and i > 0:
                self.table_row(table[0], heights[0], 0, len(table))
            self.table_row(row, height, i, len(table))
        self.ln(3)

    def table_row(self, row: list[_Cell], height: float, index: int, count: int) -> None:
        """Row `index` of `count`: each cell's fill and lines, then its text."""
        y, x = self.y, self.l_margin
        lines = TableBordersLayout.HORIZONTAL_LINES.cell_style_getter(
            row_idx=index, col_idx=0, col_pos=0, num_heading_rows=1, num_rows=count, num_col_idx=len(row),
            num_col_pos=len(row))
        for cell in row:
            lines.draw_cell_border(self, x, y, x + cell.width, y + height, fill_color=cell.style.fill_color)
            if cell.text:
                with self.use_font_face(cell.style):
                    cell.draw(self, x, y)
            x += cell.width
        self.set_y(y)
        self.ln(height)

    def break_page_for(self, height: float) -> bool:
        """Go on on a new page (of the same kind) when `height` does not fit on this one; whether it did."""
        if not self.will_page_break(height):
            return False
        self.add_page(same=True)
        return True

    def title_block(self, title: str, made: str, intro: str) -> None:
        """The paper's name large, the family below it, when it was made, and one sentence on what it is."""
        self.set_font('plan', 'B', 28)
        self.set_text_color(*ACCENT)
        self.multi_cell(0, 14, title, new_x='LMARGIN', new_y='NEXT')
        self.set_font('plan', 'B', 19)
        self.set_text_color(*INK)
        self.multi_cell(0, 10, self.clean(self.family), new_x='LMARGIN', new_y='NEXT')
        self.ln(2)
        self.set_font('plan', '', BODY)
        self.set_text_color(*SOFT)
        self.cell(0, LEAD, made, new_x='LMARGIN', new_y='NEXT')
        self.ln(2)
        self.para(intro, color=SOFT)


class _Cell:
    """A table cell, measured: the lines it wraps into."""

    def __init__(self, text: str, style: FontFace, width: float, pdf: Paper) -> None:
        self.text, self.style, self.width, self.lines = text, style, width, []
        if text:
            with pdf.use_font_face(style):
                self.lines = pdf.lines(text, width, CELL_PADDING)
        self.height = len(self.lines) * CELL_LEAD + CELL_PADDING.top + CELL_PADDING.bottom if self.lines else 0.0

    def draw(self, pdf: Paper, x: float, y: float) -> None:
        """The lines in the cell whose top left corner is (x, y), where multi_cell with the cell's padding puts
        them; cell() keeps `c_margin` at the sides instead of the padding."""
        for i, line in enumerate(self.lines):
            pdf.set_xy(x + CELL_PADDING.left - pdf.c_margin, y + CELL_PADDING.top + i * CELL_LEAD)
            pdf.cell(self.width - CELL_PADDING.left - CELL_PADDING.right + 2 * pdf.c_margin, CELL_LEAD, line)
