"""'Bij wie kunnen wij terecht?': the call list from the netwerklijst on paper, for the fridge.

One A4 page in large, calm type. Per person: the name, what they help with, who they are, the phone number
large, and when to call. The family's own network comes first (it stays when professionals leave), then the
professionals. The same list is a section of the gezinsplan, right after the netwerkschema. Made from a
`BoardFile` only, so filter it with `boardfile.visible_board` first: a person hidden from the reader is not on it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from board.boardfile import BoardFile, visible_board
from board.dutch import SUPPORT_KINDS, nl_date, nl_days
from board.identity import Actor
from network_graph.graph import network
from network_graph.roles import on_paper
from network_graph.support import call_list

from .paper import ACCENT, INK, SOFT, Paper, pdf_filename

TITLE = 'Bij wie kunnen wij terecht?'
INTRO = 'Wie helpt met wat, het telefoonnummer, en wanneer je kunt bellen.'
EMPTY = ('Er staat nog niemand op deze lijst. Vul samen met jullie gezinscoach de netwerklijst in: wie helpt met '
         'praktische dingen, bij wie kun je terecht als het even niet gaat, en wie weet raad? Dan staat hier bij '
         'wie jullie terecht kunnen.')
DANGER = 'Bij direct gevaar: bel altijd 112.'
GROUPS = (('Mensen om ons heen', False), ('Hulpverleners', True))
"""(heading, professional?): the own network first."""
SCALES = (1.0, 0.88, 0.77, 0.68)
"""Type sizes tried on the fridge page, largest first, until the whole list fits on one page."""
LEFT_SHARE, GAP, PAD = 0.6, 5.0, 3.5


@dataclass(frozen=True)
class _Line:
    """One part of a person's block: its text, type and how many lines it may take at most."""
    text: str
    size: float
    bold: bool = False
    color: tuple[int, int, int] = INK
    lines: int = 2


def call_list_pdf(board: BoardFile, today: dt.date | None = None) -> bytes:
    """The call list as a one-page PDF; raises `fonts.FontMissing` when no usable font is installed."""
    return _Fridge(board, today or dt.date.today()).build()


def call_list_for(board: BoardFile, actor: Actor, today: dt.date | None = None) -> tuple[bytes, str]:
    """The call list as `actor` may see it, and its file name (``bellijst-<gezin>-<datum>.pdf``)."""
    theirs = visible_board(board, actor)
    return call_list_pdf(theirs, today), pdf_filename(theirs, today, 'bellijst')


def call_list_section(pdf: Paper) -> None:
    """The call list as its own section of a longer paper (the gezinsplan), starting on a new portrait page."""
    pdf.add_page(orientation='P')
    pdf.heading(TITLE)
    _List(pdf).draw(1.0)


class _Fridge(Paper):
    def __init__(self, board: BoardFile, today: dt.date) -> None:
        super().__init__(board, today, 'Bellijst')

    def build(self) -> bytes:
        self.add_page()
        self.title_block(TITLE, f'Gemaakt op {nl_date(self.today)}', INTRO)
        people = _List(self)
        room = self.page_break_trigger - self.get_y() - 12  # the line about 112 comes last
        people.draw(next((s for s in SCALES if people.height(s) <= room), SCALES[-1]))
        self.ln(4)
        self.para(DANGER, bold=True)
        return bytes(self.output())


class _List:
    """The call list on a paper: measured and drawn from the same lines, so the fridge page can pick a size."""

    def __init__(self, pdf: Paper) -> None:
        self.pdf = pdf
        net = network(pdf.board.elements)
        self.entries, self.coordinator, self.people = call_list(net), net.coordinator_id, net.people
        self.members = {p['id']: p['name'] for p in net.family_members()}
        self.width = pdf.w - pdf.l_margin - pdf.r_margin
        self.left = self.width * LEFT_SHARE
        self.right = self.width - self.left - GAP

    def groups(self) -> list[tuple[str, list[dict[str, Any]]]]:
        found = [(title, [e for e in self.entries if (e['ring'] == 3) == professional])
                 for title, professional in GROUPS]
        return [(title, entries) for title, entries in found if entries]

    def columns(self, entry: dict[str, Any], s: float) -> tuple[list[_Line], list[_Line]]:
        """Who and what for on the left; the number and when to call on the right."""
        who = [t for t in (entry['relation'], entry['organisation']) if t]
        who += on_paper(self.people[entry['id']], self.members)
        if entry['id'] == self.coordinator and 'zorgcoördinator' not in ' '.join(who).lower():
            who.append('zorgcoördinator')
        left = [_Line(entry['name'], 18 * s, bold=True), _Line(' · '.join(who), 12 * s, color=SOFT),
                _Line('Voor ' + ', '.join(SUPPORT_KINDS[k] for k in entry['kinds']), 12.5 * s)]
        if entry['phone']:
            reach = _Line(entry['phone'], 21 * s, bold=True, color=ACCENT)
        else:
            reach = _Line(entry['mail'] or 'geen telefoonnummer bekend', 12 * s, color=INK if entry['mail'] else SOFT)
        return left, [reach, _Line(nl_days(entry['days']), 12.5 * s), _Line(entry['hours'], 12.5 * s)]

    def block(self, lines: list[_Line], x: float, y: float, width: float, align: str, dry: bool) -> float:
        """Draw (or with `dry` only measure) lines in a column from height `y` down; returns their height."""
        height = 0.0
        for line in lines:
            self.pdf.set_font('plan', 'B' if line.bold else '', line.size)
            text = self.pdf.fit(self.pdf.clean(line.text), width, line.lines)
            if not text.strip():
                continue
            lead = line.size * 0.5
            if not dry:
                self.pdf.set_text_color(*line.color)
                self.pdf.set_xy(x, y + height)
            height += len(self.pdf.lines(text, width)) * lead if dry else self.pdf.print_lines(text, lead, width, align)
        return height

    def entry(self, entry: dict[str, Any], s: float, dry: bool = False) -> float:
        """Draw (or measure) one person with room above and below; returns the height it takes."""
        left, right = self.columns(entry, s)
        x, y = self.pdf.l_margin, self.pdf.get_y() + PAD * s
        return 2 * PAD * s + max(self.block(left, x, y, self.left, 'L', dry),
                                 self.block(right, x + self.left + GAP, y, self.right, 'R', dry))

    def heading(self, title: str, s: float, dry: bool = False) -> float:
        if not dry:
            self.pdf.set_font('plan', 'B', 14 * s)
            self.pdf.set_text_color(*ACCENT)
            self.pdf.cell(0, 9 * s, title, new_x='LMARGIN', new_y='NEXT')
        return 9 * s

    def height(self, s: float) -> float:
        if not self.entries:
            return 0.0
        return sum(self.heading(title, s, dry=True) + sum(self.entry(e, s, dry=True) for e in entries)
                   for title, entries in self.groups()) + 4 * s * len(self.groups())

    def draw(self, s: float) -> None:
        pdf = self.pdf
        if not self.entries:
            pdf.para(EMPTY, size=14)
            return
        for title, entries in self.groups():
            heights = [self.entry(entry, s, dry=True) for entry in entries]
            if pdf.will_page_break(self.heading(title, s, dry=True) + heights[0]):
                pdf.add_page()
            self.heading(title, s)
            for entry, height in zip(entries, heights, strict=True):
                if pdf.will_page_break(height):
                    pdf.add_page()
                top = pdf.get_y()
                self.entry(entry, s)
                pdf.set_y(top + height)
                pdf.rule()
            pdf.ln(4 * s)
