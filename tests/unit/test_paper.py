"""The paper under every Planbord PDF (app/printing/paper.py, paper_fonts.py): fonts read once, each paper its own."""
from __future__ import annotations

import datetime as dt
import functools
import io
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from fpdf import FPDF
from fpdf.errors import FPDFException
from fpdf.fonts import FontFace, TTFFont
from fpdf.util import Padding
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream

from app.printing import paper, paper_fonts
from app.printing.call_list_pdf import call_list_pdf
from app.printing.plan_pdf import plan_pdf
from board.boardfile import BoardFile, export_board
from board.demo import create_demo_board
from board.elements import Element, ElementType, validate_props

TODAY = dt.date(2026, 11, 26)
LETTERS = 'abcdefghijklmnopqrstuvwxyz WMil.-\n‱Жé\u00ad'
"""Letters for texts to wrap: narrow and wide ones, spaces, newlines, a hyphen and a soft hyphen."""


@pytest.fixture
def demo(sqlite_store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


def other_family() -> BoardFile:
    """A board in other scripts than the demo's, so its paper uses letters the demo's does not."""
    people = [Element(id=f'np-{i}', type=ElementType.NETWORK_PERSON,
                      props=validate_props(ElementType.NETWORK_PERSON, {'name': name, 'phone': '06-1', 'practical':
                                                                        'sometimes', 'x': 200 * i, 'y': 0}))
              for i, name in enumerate(['Малика Иванова', 'Ελένη Παππά', 'Şükrü Ağaoğlu', 'Zoë Ørsted'])]
    return BoardFile(board={'id': 'ander', 'name': 'Семья Иванова', 'created_at': '2026-11-01T00:00:00+00:00'},
                     seq=len(people), elements=people)


@functools.cache
def proof() -> paper.Paper:
    """A page to measure on (fpdf2 refuses a cell narrower than one letter: the tables have none)."""
    pdf = paper.Paper(other_family(), TODAY, 'Proef')
    pdf.add_page()
    return pdf


def same(pdf: bytes) -> bytes:
    """The PDF without the second it was made in (the date, and the file's id that fpdf2 draws from it)."""
    return re.sub(rb'/CreationDate \(D:\d+Z\)|/ID \[<\w+><\w+>\]', b'', pdf)


def test_a_font_is_read_once_per_process_not_once_per_paper(demo: BoardFile, monkeypatch) -> None:
    plan_pdf(demo, TODAY)  # the first paper in this process may read the font files
    read = []
    original = TTFFont.__init__

    def reading(font: TTFFont, *args, **kwargs) -> None:
        read.append(args[1])
        original(font, *args, **kwargs)

    monkeypatch.setattr(TTFFont, '__init__', reading)
    plan_pdf(demo, TODAY)
    call_list_pdf(other_family(), TODAY)
    assert read == []


def test_no_paper_carries_anything_of_the_paper_before_it(demo: BoardFile) -> None:
    paper_fonts.read_face.cache_clear()
    first = same(plan_pdf(demo, TODAY))  # with the font files read for this paper
    call_list_pdf(other_family(), TODAY)
    plan_pdf(other_family(), TODAY)
    assert same(plan_pdf(demo, TODAY)) == first


def test_a_paper_prints_its_fonts_as_fpdf2_reading_the_font_files_would(demo: BoardFile, monkeypatch) -> None:
    ours = same(plan_pdf(demo, TODAY))

    def from_the_file(face: TTFFont, number: int) -> TTFFont:
        """What fpdf2's add_font makes: the whole font file read again, for this paper alone."""
        font = TTFFont(FPDF(), face.ttffile, face.fontkey, face.fontkey.removeprefix('plan'))
        font.i = number
        return font

    monkeypatch.setattr(paper_fonts, 'own_face', from_the_file)
    assert same(plan_pdf(demo, TODAY)) == ours


def test_papers_made_at_the_same_time_are_each_their_own(demo: BoardFile) -> None:
    alone = {board.board.id: same(plan_pdf(board, TODAY)) for board in (demo, other_family())}
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda board: (board.board.id, same(plan_pdf(board, TODAY))),
                                 [demo, other_family()] * 3))
    assert all(pdf == alone[id_] for id_, pdf in together)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet=LETTERS + '\u00a0\t', max_size=30), max_size=40),
       width=st.floats(min_value=12, max_value=180), size=st.sampled_from([9.5, 10, 12.5, 18]),
       bold=st.booleans(), padded=st.booleans())
def test_lines_are_where_fpdf2_wraps_the_text(words: list[str], width: float, size: float, bold: bool,
                                              padded: bool) -> None:
    """`Paper.lines` wraps as fpdf2's multi_cell does, in linear time; a letter wider than the cell fails alike."""
    pdf = proof()
    pdf.set_font('plan', 'B' if bold else '', size)
    text, padding = ' '.join(words), paper.CELL_PADDING if padded else Padding(0, 0, 0, 0)
    try:
        expected = pdf.multi_cell(width, 5, text, dry_run=True, output='LINES', padding=padding)
    except FPDFException:
        with pytest.raises(FPDFException):
            pdf.lines(text, width, padding)
        return
    assert pdf.lines(text, width, padding) == expected


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(alphabet=LETTERS, max_size=30), max_size=60),
       width=st.sampled_from([0, 40, 95.5]), align=st.sampled_from(['L', 'R']), start=st.floats(20, 270))
@example(words=['Samen de post sorteren,', 'elke woensdag.\n'], width=0, align='L', start=50)
@example(words=['heel lang woord'] * 30 + ['\n\n'], width=40, align='R', start=250)
def test_printed_lines_lie_where_multi_cell_puts_them(words: list[str], width: float, align: str,
                                                      start: float) -> None:
    """`Paper.print_lines` prints as multi_cell does, page breaks and a closing newline included."""
    text, pages = ' '.join(words), []
    for print_text in (lambda pdf: pdf.print_lines(text, 6.2, width, align),
                       lambda pdf: pdf.multi_cell(width, 6.2, text, align=align, new_x='LMARGIN', new_y='NEXT')):
        pdf = paper.Paper(other_family(), TODAY, 'Proef')
        pdf.add_page()
        pdf.set_font('plan', '', paper.BODY)
        pdf.set_y(start)
        print_text(pdf)
        pdf.cell(0, 5, 'Hierna.')
        pages.append(drawn(bytes(pdf.output())))
    assert pages[0] == pages[1]


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.text(alphabet='abcdefghijklmnopqrstuvwxyz WMil.-\n', min_size=0, max_size=30), max_size=40),
       width=st.floats(min_value=15, max_value=180), lines=st.integers(min_value=1, max_value=30),
       size=st.sampled_from([9.5, 10, 12.5, 18]))
def test_fit_cuts_where_wrapping_the_text_says(words: list[str], width: float, lines: int, size: float) -> None:
    pdf = proof()
    pdf.set_font('plan', '', size)
    text = ' '.join(words)
    wrapped = pdf.multi_cell(width, 5, text, dry_run=True, output='LINES', padding=0)
    expected = text if len(wrapped) <= lines else '\n'.join(wrapped[:lines]).rstrip()[:-1] + '…'
    assert pdf.fit(text, width, lines) == expected


def fpdf2_table(pdf: paper.Paper, headers: list[str], widths: list[float], rows: list[list]) -> None:
    """The table as fpdf2's own `table` lays it out, as `Paper.table` did before it drew its own."""
    pdf.set_draw_color(*paper.LINE)
    pdf.set_line_width(0.25)
    pdf.set_font('plan', '', paper.SMALL)
    pdf.set_text_color(*paper.INK)
    pdf.set_fill_color(255, 255, 255)
    with FPDF.table(pdf, col_widths=widths, width=sum(widths), align='LEFT', text_align='LEFT', v_align='TOP',
                    borders_layout='HORIZONTAL_LINES', headings_style=paper.HEADS, line_height=5,
                    padding=(1.6, 1.2, 1.6, 1.2)) as table:
        table.row(headers)
        for values in rows:
            row = table.row()
            for value, width in zip(values, widths):
                text, style = value if isinstance(value, tuple) else (value, None)
                row.cell(pdf.fit(pdf.clean(text), width - 2.4), style=style)
    pdf.ln(3)


def drawn(pdf: bytes) -> list[list[tuple]]:
    """Per page, every text with where it starts, and every line and box, rounded to a hundredth of a point."""
    pages: list[list[tuple]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        pages.append([])
        page.extract_text(visitor_text=lambda text, cm, tm, *_: pages[-1].append(
            ('text', text, round(tm[4], 2), round(tm[5], 2))) if text.strip() else None)
        shapes = ContentStream(page.get_contents(), page.pdf).operations
        pages[-1] += [(op.decode(), *(round(float(n), 2) for n in operands)) for operands, op in shapes
                      if op in (b're', b'm', b'l', b'f', b'S', b'rg', b'RG', b'w')]
    return pages


def test_a_table_lies_on_the_pages_as_fpdf2s_own_table_would_lay_it() -> None:
    """`Paper.table` measures most cells without wrapping them: the rows, lines, page breaks and headings on every
    page must come out as with fpdf2's table."""
    bold, late = FontFace(emphasis='BOLD'), FontFace(emphasis='BOLD', color=paper.LATE)
    rows = [[str(n), ('Jolien Bakker\nzorgcoördinator', bold) if n % 7 == 0 else f'Persoon {n}',
             'heel lang woord ' * (n % 9) + 'buurvrouw', '', ('te laat', late) if n % 5 == 0 else '12-09-2026',
             'Ilse\n\nen Samira' if n % 11 == 0 else 'x' * (n % 40)]
            for n in range(60)]
    headers, widths = ['nr', 'naam', 'wat', 'leeg', 'klaar', 'rest'], [8, 36, 60, 14, 24, 40]
    papers = []
    for draw in (paper.Paper.table, fpdf2_table):
        pdf = paper.Paper(other_family(), TODAY, 'Proef')
        pdf.add_page()
        pdf.para('Een tabel die over drie bladzijden loopt.')
        draw(pdf, headers, widths, rows)
        pdf.para('En wat erna komt.')
        papers.append(drawn(bytes(pdf.output())))
    assert len(papers[0]) >= 3 and papers[0] == papers[1]
