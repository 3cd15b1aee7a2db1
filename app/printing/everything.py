"""Everything about the family in one zip (the AVG's right of access): the board, the plan, the photos, the log.

Made for one person, like every export: the board file and the plan hold only what they may see, and the audit
log is the one they may read (`board.audit.for_reader`), written out by the caller in their words.
"""
from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
import zipfile

from board import boardfile
from board.boardfile import BoardFile, visible_board
from board.elements import ElementType
from board.identity import Actor
from board.photos import PREFIX, PhotoError, clean_data_url

from . import plan_pdf
from .paper import pdf_filename

LOG_COLUMNS = ('datum', 'tijd', 'wie', 'wat')


def everything_zip(board: BoardFile, actor: Actor, log: list[tuple[dt.datetime, str, str]],
                   today: dt.date | None = None) -> tuple[bytes, str]:
    """The zip's bytes and its file name; `log` holds (when, who, sentence), newest first.

    Raises `fonts.FontMissing` when the plan cannot be printed.
    """
    theirs = visible_board(board, actor)
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
        archive.writestr('bord.json', boardfile.dumps(theirs))
        archive.writestr('gezinsplan.pdf', plan_pdf.plan_pdf(theirs, today))
        for name, jpeg in photos(theirs):
            archive.writestr(f'fotos/{name}.jpg', jpeg)
        archive.writestr('logboek.csv', _log_csv(log))
    return out.getvalue(), pdf_filename(theirs, today, 'gegevens').removesuffix('.pdf') + '.zip'


def photos(board: BoardFile) -> list[tuple[str, bytes]]:
    """Each family member's photo as (a file name from their name, JPEG bytes); names made unique. A photo that is
    no JPEG (stored by an older version, which did not check photos from the live API) is left out."""
    found: list[tuple[str, bytes]] = []
    used: set[str] = set()
    for element in board.elements:
        if element.type != ElementType.FAMILY_MEMBER or not element.props.get('photo'):
            continue
        try:
            jpeg = base64.b64decode(clean_data_url(element.props['photo']).removeprefix(PREFIX))
        except PhotoError:
            continue
        name = base = re.sub(r'[^\w -]+', '', element.props.get('name', '')).strip() or 'foto'
        while name in used:
            name = f'{base} {len(used) + 1}'
        used.add(name)
        found.append((name, jpeg))
    return found


def _log_csv(log: list[tuple[dt.datetime, str, str]]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=';')  # what a Dutch spreadsheet opens without asking
    writer.writerow(LOG_COLUMNS)
    for at, who, sentence in log:
        writer.writerow((at.strftime('%d-%m-%Y'), at.strftime('%H:%M'), _cell(who), _cell(sentence)))
    return text.getvalue()


def _cell(text: str) -> str:
    """A name typed as ``=HYPERLINK(…)`` stays text in a spreadsheet instead of becoming a formula."""
    return "'" + text if text[:1] in ('=', '+', '-', '@', '\t', '\r') else text
