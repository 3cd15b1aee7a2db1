"""A picture of the board, drawn on the server with Pillow: for the PDF plan, previews and mails.

Looks like the canvas (assets/board_canvas.js): the same card sizes (`board.layout.SIZES`) and calm colours, zones
as tinted rounded areas, ties as lines. It draws what the `BoardFile` holds, so filter it for the viewer first.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image, ImageDraw

from board.boardfile import BoardFile
from board.elements import Element
from board.layout import box, drawn
from network_graph.pseudonyms import initials

from .lettering import Lettering

CARD = {  # fill, border, ink
    'goal': ('#EAF7EE', '#A6D9B5', '#23824B'), 'agreement': ('#E9F1FC', '#A9C6EE', '#2C66AD'),
    'note': ('#FFF5BF', '#EBD570', '#8A6D00'), 'strength': ('#E8F7E4', '#A5D898', '#3A8A2A'),
    'worry': ('#FFEBDD', '#F4B88C', '#B85B17'), 'question': ('#E6F2FD', '#9CC7EE', '#2672BA'),
    'idea': ('#FFFBE3', '#F0DE85', '#A88400'), 'person': ('#FFFFFF', '#E3E1DA', '#1F2933'),
    'pictogram': ('#FFFFFF', '#E3E1DA', '#1F2933'),
}
ZONE = {'krachten': ('#EFF9F0', '#BFE3C6', '#2E7D46'), 'zorgen': ('#FFF3E9', '#F6CFAE', '#B4601B'),
        'hulpvraag': ('#EDF4FD', '#BCD3F1', '#2F65A8'), 'toekomst': ('#F5EFFC', '#D6C4EF', '#6B46A8'),
        'free': ('#F4F4F2', '#DAD9D4', '#55585E')}
HEADS = {'goal': 'Doel', 'agreement': 'Afspraak', 'note': 'Notitie', 'strength': 'Kracht', 'worry': 'Zorg',
         'question': 'Hulpvraag', 'idea': 'Idee'}
ICON_COLORS = {'home': '#E07A4F', 'school': '#3F7CC0', 'money': '#2F9464', 'heart': '#E0565B', 'bed': '#8A63C9',
               'ball': '#E39A2D', 'phone': '#4B5563', 'star': '#E2AA12', 'sun': '#EA9A00', 'people': '#3F9970'}
ICON_LABELS = {'home': 'huis', 'school': 'school', 'money': 'geld', 'heart': 'hart', 'bed': 'bed', 'ball': 'bal',
               'phone': 'telefoon', 'star': 'ster', 'sun': 'zon', 'people': 'mensen'}
RING_COLORS = {1: '#E07A4F', 2: '#3F9970', 3: '#3F7CC0'}
FAMILY_COLORS = ['#E07A4F', '#D9577A', '#8A63C9', '#3F9970', '#E39A2D', '#3F7CC0']
BACKGROUND, INK, SUB = '#FBFAF6', '#1F2933', '#5B6470'
MARGIN = 40
SUPERSAMPLE = 2
"""Draw at twice the size and scale down, for smooth edges."""


def render_board_png(board: BoardFile, width: int = 1600) -> bytes:
    """The board as a PNG `width` pixels wide; the height follows from the placed elements."""
    out = io.BytesIO()
    board_image(board, width).save(out, format='PNG', optimize=True)
    return out.getvalue()


def board_image(board: BoardFile, width: int = 1600) -> Image.Image:
    """The board as a picture `width` pixels wide, for a PDF to take as it is (no PNG to encode and decode)."""
    placed = [e for e in board.elements if e.type == 'zone' or drawn(e)]
    left, top, right, bottom = _bounds(placed)
    scale = (width - 2 * MARGIN) / max(right - left, 1)
    height = max(int((bottom - top) * scale) + 2 * MARGIN, 2 * MARGIN)
    k = SUPERSAMPLE
    image = Image.new('RGB', (width * k, height * k), BACKGROUND)
    pen = _Pen(ImageDraw.Draw(image), k * scale, (MARGIN * k - left * k * scale, MARGIN * k - top * k * scale))
    people = {e.id: e for e in placed if e.type in ('family_member', 'network_person')}
    for zone in (e for e in placed if e.type == 'zone'):
        _zone(pen, zone)
    for tie in (e for e in board.elements if e.type == 'tie'):
        if tie.props['a'] in people and tie.props['b'] in people:
            _tie(pen, _centre(people[tie.props['a']]), _centre(people[tie.props['b']]), tie.props.get('kind'))
    for element in (e for e in placed if e.type != 'zone'):
        {'family_member': _person, 'network_person': _person, 'pictogram': _pictogram}.get(element.type, _card)(
            pen, element)
    return image.reduce(k)


class _Pen:
    """Draws in board units: scales, shifts and letters in every script (`lettering`)."""

    def __init__(self, draw: ImageDraw.ImageDraw, scale: float, offset: tuple[float, float]) -> None:
        self.draw, self.scale, self.offset = draw, scale, offset
        self.letters = Lettering()

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return self.offset[0] + x * self.scale, self.offset[1] + y * self.scale

    def rect(self, x: float, y: float, w: float, h: float, radius: float, fill: str, outline: str) -> None:
        self.draw.rounded_rectangle([self.xy(x, y), self.xy(x + w, y + h)], radius=radius * self.scale, fill=fill,
                                    outline=outline, width=max(1, round(2 * self.scale)))

    def pixels(self, size: float) -> int:
        return max(6, round(size * self.scale))

    def measure(self, size: float, bold: bool = False) -> Callable[[str], float]:
        """How wide a text is in pixels at `size` (board units)."""
        return lambda text: self.letters.length(text, self.pixels(size), bold)

    def text(self, x: float, y: float, w: float, h: float, text: str, size: float, fill: str,
             bold: bool = False, centre: bool = False) -> None:
        """Wrapped text in the box (x, y, w, h); lines that do not fit are cut off with an ellipsis."""
        measure, line_h = self.measure(size, bold), size * 1.3
        lines = _wrap(measure, text, w * self.scale, max(1, int(h // line_h)))
        for i, line in enumerate(lines):
            left = x + (w - measure(line) / self.scale) / 2 if centre else x
            self.letters.draw(self.draw, self.xy(left, y + i * line_h), line, self.pixels(size), fill, bold)


def _wrap(measure: Callable[[str], float], text: str, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    for paragraph in (text or '').splitlines() or ['']:
        line = ''
        for word in paragraph.split():
            while measure(word) > width and len(word) > 1:  # a word wider than the card
                cut = max(1, next((i for i in range(len(word), 0, -1)
                                   if measure(word[:i]) <= width), 1))
                if line:
                    lines.append(line)
                lines.append(word[:cut])
                line, word = '', word[cut:]  # noqa: PLW2901 — the rest of a long word wraps on
            trial = f'{line} {word}'.strip()
            if line and measure(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and measure(last + '…') > width:
            last = last[:-1]
        lines = lines[:max_lines - 1] + [last.rstrip() + '…']
    return lines


def _bounds(placed: list[Element]) -> tuple[float, float, float, float]:
    boxes = [box(e) for e in placed]
    if not boxes:
        return 0, 0, 800, 400
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes))


def _centre(element: Element) -> tuple[float, float]:
    x, y, w, h = box(element)
    return x + w / 2, y + h / 2


def _zone(pen: _Pen, zone: Element) -> None:
    x, y, w, h = box(zone)
    fill, line, ink = ZONE.get(zone.props.get('kind', 'free'), ZONE['free'])
    pen.rect(x, y, w, h, 22, fill, line)
    pen.text(x + 20, y + 14, w - 40, 30, zone.props.get('title', ''), 22, ink, bold=True)


def _tie(pen: _Pen, a: tuple[float, float], b: tuple[float, float], kind: str | None) -> None:
    colour = {'tense': '#F08C2E', 'conflict': '#D64545'}.get(kind or '', '#9AA5B1')
    width = max(1, round(3.5 * pen.scale))
    if kind != 'tense':
        pen.draw.line([pen.xy(*a), pen.xy(*b)], fill=colour, width=width)
        return
    length = max(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5, 1)
    step = 19 / length  # a 10-unit dash and a 9-unit gap, as on the canvas
    t = 0.0
    while t < 1:
        end = min(t + 10 / length, 1)
        start_xy = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        end_xy = (a[0] + (b[0] - a[0]) * end, a[1] + (b[1] - a[1]) * end)
        pen.draw.line([pen.xy(*start_xy), pen.xy(*end_xy)], fill=colour, width=width)
        t += step


def _card(pen: _Pen, element: Element) -> None:
    x, y, w, h = box(element)
    p = element.props
    style = p.get('kind', 'note') if element.type == 'note' else element.type
    fill, line, ink = CARD.get(style, CARD['note'])
    pen.rect(x, y, w, h, 14, fill, line)
    head = HEADS.get(style, '')
    if element.type == 'goal':
        head = 'Kader' if p.get('kind') == 'kader' else head
        head += f" {p['number']}" if p.get('number') else ''
        head += ' ✓' if p.get('reached') else ''
    elif element.type == 'agreement':
        head += f" {p['number']}" if p.get('number') else ''
        head += f" · {p['who']}" if p.get('who') else ''
    pen.text(x + 14, y + 10, w - 28, 22, head, 15, ink, bold=True)
    pen.text(x + 14, y + 38, w - 28, h - 46, p.get('text', ''), 16, INK)


def _person(pen: _Pen, element: Element) -> None:
    x, y, w, h = box(element)
    p = element.props
    pen.rect(x, y, w, h, 35, *CARD['person'][:2])
    if element.type == 'network_person':
        colour = RING_COLORS.get(p.get('ring', 2), RING_COLORS[2])
        sub = ' · '.join(s for s in (p.get('relation', ''), p.get('organisation', '')) if s)
    else:
        colour = p.get('color') or FAMILY_COLORS[sum(map(ord, p.get('name', ''))) % len(FAMILY_COLORS)]
        sub = {'parent': 'ouder', 'child': 'kind', 'youth': 'jongere'}.get(p.get('role', ''), '')
    cx, cy = pen.xy(x + 33, y + 35)
    r = 24 * pen.scale
    pen.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    pen.letters.draw(pen.draw, (cx, cy), initials(p.get('name', '')), pen.pixels(17), '#FFFFFF', True, 'mm')
    name_lines = len(_wrap(pen.measure(14.5, True), p.get('name', ''), (w - 70) * pen.scale, 2))
    top = y + (35 - 9.5 * name_lines - (9 if sub else 0))
    pen.text(x + 64, top, w - 70, 19 * name_lines, p.get('name', ''), 14.5, INK, bold=True)
    if sub:
        pen.text(x + 64, top + 19 * name_lines + 1, w - 70, 17, sub, 12, SUB)


def _pictogram(pen: _Pen, element: Element) -> None:
    x, y, w, h = box(element)
    p = element.props
    pen.rect(x, y, w, h, 14, *CARD['pictogram'][:2])
    colour = ICON_COLORS.get(p.get('icon', 'star'), '#4B5563')
    cx, cy = pen.xy(x + w / 2, y + 34)
    r = 22 * pen.scale
    pen.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    pen.letters.draw(pen.draw, (cx, cy), ICON_LABELS.get(p.get('icon', ''), '?')[:1].upper(), pen.pixels(20),
                     '#FFFFFF', True, 'mm')
    pen.text(x + 6, y + 64, w - 12, 40, p.get('label', '') or ICON_LABELS.get(p.get('icon', ''), ''), 14, INK,
             bold=True, centre=True)

