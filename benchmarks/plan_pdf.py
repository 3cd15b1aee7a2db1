"""How long does the server take to make the demo family's gezinsplan PDF? Target: a median under 300 ms.

    .venv/bin/python benchmarks/plan_pdf.py [--runs 15] [--profile 25]

Makes the demo board (board/demo.py) in a temporary SQLite file and times `plan_pdf.plan_for` for its
coordinator, as ``GET /api/boards/{id}/plan.pdf`` does (app/api.py), after one call to warm up imports and
per-process caches. Each run also makes a reference document that none of our code touches (fpdf2 text pages and
a picture, `reference_pdf`), so a figure from a busy machine can be told apart from a slower plan: compare the
ratio plan / reference between runs, and the CPU time, which other busy processes disturb less than the wall
clock. The breakdown times the parts of every plan run (board picture, schema picture, putting pictures in,
fonts, writing the file); text pages are the rest. --profile N prints the N functions with the most own time in
one run. Not a test: run it by hand on the machine you care about.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fpdf import FPDF, image_parsing
from PIL import Image, ImageDraw

from app.printing import fonts, paper_fonts, plan_pdf
from board.boardfile import BoardFile, export_board
from board.demo import create_demo_board
from board.identity import Actor, Role
from board.store import Store

COORDINATOR = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
"""The demo's gezinscoach: she may see the whole board, so hers is the largest plan."""
TODAY = dt.date(2026, 11, 26)
PARTS: list[tuple[str, object, str]] = [
    ('board picture', plan_pdf, 'board_image'),
    ('schema picture', plan_pdf, 'schema_image'),
    ('pictures into the PDF', FPDF, 'image'),
    ('fonts: each paper its own copy', paper_fonts, 'own_face'),
    ('writing the file (fonts subset)', FPDF, 'output'),
]
"""(label, owner, attribute): the parts timed on every plan run; 'text pages' is the rest."""
LOREM = ('Wie helpt met wat, het telefoonnummer, en wanneer je kunt bellen. Hoe dichter bij het midden, hoe dichter '
         'bij het gezin. Een kader is een grens die voor de veiligheid is afgesproken. ')


def demo_board() -> BoardFile:
    """The demo family's board as the route reads it, from a fresh SQLite file."""
    with tempfile.TemporaryDirectory(prefix='plan-pdf-bench-') as folder:
        store = Store(f'sqlite:///{folder}/board.sqlite3')
        try:
            return export_board(store, create_demo_board(store).id)
        finally:
            store.close()


def reference_pdf() -> bytes:
    """A fixed document of the same kind of work (wrapped text, a table, a picture), made by fpdf2 and Pillow
    only: it changes only when the machine or the libraries do."""
    pdf = FPDF()
    pdf.set_font('helvetica', size=11)
    for page in range(4):
        pdf.add_page()
        for n in range(6):
            pdf.multi_cell(0, 6, f'{page}.{n} ' + LOREM * 3, new_x='LMARGIN', new_y='NEXT')
        with pdf.table(col_widths=[20, 60, 40, 40]) as table:
            for row in range(8):
                table.row([str(row), LOREM[:70], f'{row}-11-2026', 'Amersfoort'])
    picture = Image.new('RGB', (2400, 1600), '#FBFAF6')
    draw = ImageDraw.Draw(picture)
    for i in range(60):
        draw.rounded_rectangle([i * 38, i * 24, i * 38 + 300, i * 24 + 160], 20, fill=(i * 4, 120, 200 - i * 3),
                               outline='#1F2933', width=4)
        draw.text((i * 38 + 20, i * 24 + 20), f'Kaart {i}', fill='#FFFFFF')
    png = io.BytesIO()
    picture.reduce(2).save(png, format='PNG', compress_level=3)
    pdf.add_page()
    level, image_parsing.SETTINGS.compression_level = image_parsing.SETTINGS.compression_level, -1  # fpdf2's own
    try:
        pdf.image(io.BytesIO(png.getvalue()), w=180)
    finally:
        image_parsing.SETTINGS.compression_level = level
    return bytes(pdf.output())


class Parts:
    """CPU time spent inside each of `PARTS`, summed over the runs it was switched on for."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.on = False

    @contextmanager
    def installed(self) -> Iterator[None]:
        originals = [(owner, name, getattr(owner, name)) for _, owner, name in PARTS]
        for (label, owner, name), (_, _, original) in zip(PARTS, originals):
            setattr(owner, name, self.timer(label, original))
        try:
            yield
        finally:
            for owner, name, original in originals:
                setattr(owner, name, original)

    def timer(self, label: str, original: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                if self.on:
                    self.seconds[label] += time.process_time() - start
        return timed


def clocked(work: Callable[[], object], wall: list[float], cpu: list[float]) -> None:
    """Run `work` once; note its wall-clock seconds and this process's CPU seconds (which other busy processes on
    the machine disturb much less)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    work()
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)


def ms(wall: list[float], cpu: list[float]) -> str:
    return (f'median {statistics.median(wall) * 1000:6.1f} ms   min {min(wall) * 1000:6.1f} ms   '
            f'CPU median {statistics.median(cpu) * 1000:6.1f} ms   min {min(cpu) * 1000:6.1f} ms')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=15)
    parser.add_argument('--profile', type=int, default=0, metavar='N', help='print the N slowest functions')
    args = parser.parse_args()
    board = demo_board()

    def plan() -> bytes:
        return plan_pdf.plan_for(board, COORDINATOR, TODAY)[0]

    parts = Parts()
    plan_times, plan_cpu, reference_times, reference_cpu = [], [], [], []
    with parts.installed():
        size = len(plan())
        reference_pdf()
        load = os.getloadavg()[0]
        for _ in range(args.runs):  # interleaved, so both see the same machine
            clocked(reference_pdf, reference_times, reference_cpu)
            parts.on = True
            clocked(plan, plan_times, plan_cpu)
            parts.on = False
    font = fonts.find_font()
    print(f'gezinsplan of the demo family: {size / 1024:.0f} KiB, font {font.family}, {args.runs} runs, '
          f'load average {load:.1f} → {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores')
    print(f'  plan PDF:      {ms(plan_times, plan_cpu)}   (target: median < 300 ms)')
    print(f'  reference PDF: {ms(reference_times, reference_cpu)}')
    print(f'  plan / reference (medians): {statistics.median(plan_times) / statistics.median(reference_times):.2f}'
          f'   CPU {statistics.median(plan_cpu) / statistics.median(reference_cpu):.2f}')
    total = sum(plan_cpu)
    print("  where the plan's CPU time goes (per run, and share):")
    for label, _, _ in PARTS:
        print(f'    {label:34s} {parts.seconds[label] / args.runs * 1000:6.1f} ms  {parts.seconds[label] / total:4.0%}')
    rest = total - sum(parts.seconds.values())
    print(f'    {"text pages (the rest)":34s} {rest / args.runs * 1000:6.1f} ms  {rest / total:4.0%}')
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(plan)
        pstats.Stats(profile).sort_stats('tottime').print_stats(args.profile)


if __name__ == '__main__':
    main()
