"""`planbord pdf`: the gezinsplan as a PDF from a board in the database or from an exported JSON file."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

from pypdf import PdfReader

from tests.integration.test_cli import PLANBORD, planbord


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return ' '.join(' '.join(page.extract_text() or '' for page in reader.pages).split())


def test_pdf_from_a_board_id_and_from_an_exported_file(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    board_id = planbord('demo', database=database).stdout.strip()
    from_db = tmp_path / 'uit-de-database.pdf'
    assert planbord('pdf', board_id, '-o', str(from_db), database=database).stdout == f'{from_db}\n'
    exported = tmp_path / 'bord.json'
    exported.write_text(planbord('export', board_id, database=database).stdout, encoding='utf-8')
    folder = tmp_path / 'map'
    folder.mkdir()
    result = subprocess.run([str(PLANBORD), 'pdf', str(exported)], cwd=folder, capture_output=True, text=True,
                            timeout=60)  # without -o: a dated name in the current folder
    assert result.returncode == 0, result.stderr
    name = result.stdout.strip()
    assert name.startswith('gezinsplan-yilmaz-de-vries-') and name.endswith('.pdf')
    from_file = folder / name
    for pdf in (from_db, from_file):
        text = text_of(pdf)
        assert 'Gezinsplan' in text and 'Yılmaz-de Vries' in text and 'Doelen' in text
    assert text_of(from_db) == text_of(from_file)


def test_pdf_errors_are_one_clear_line(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    broken = tmp_path / 'kapot.json'
    broken.write_text('{"format": ', encoding='utf-8')
    cases = {
        ('no-such-board',): 'planbord: no board with id no-such-board',
        (str(tmp_path / 'weg.json'),): 'planbord: cannot read',
        (str(broken),): 'planbord: not a Planbord board file',
        (str(tmp_path),): 'planbord: cannot read',
    }
    for args, start in cases.items():
        result = planbord('pdf', *args, '-o', str(tmp_path / 'x.pdf'), database=database, check=False)
        assert result.returncode == 1 and result.stdout == '', (args, result)
        assert result.stderr.startswith(start) and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert 'Traceback' not in result.stderr
    assert not (tmp_path / 'x.pdf').exists()


def test_pdf_call_list_is_one_page_for_the_fridge(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    board_id = planbord('demo', database=database).stdout.strip()
    result = subprocess.run([str(PLANBORD), 'pdf', board_id, '--call-list', '--database-url', f'sqlite:///{database}'],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    name = result.stdout.strip()
    assert name.startswith('bellijst-yilmaz-de-vries-') and name.endswith('.pdf')
    assert len(PdfReader(tmp_path / name).pages) == 1
    text = text_of(tmp_path / name)
    assert 'Bij wie kunnen wij terecht?' in text and 'Anneanne Ayşe' in text and 'Doelen' not in text
