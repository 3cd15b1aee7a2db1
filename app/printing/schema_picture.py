"""The netwerkschema as a picture, drawn on the server with Pillow: for the PDF plan and `planbord network --png`.

The family in the centre, three rings (het gezin, het netwerk, de professionals), ten sectors as spokes, each
person as a dot placed by meaning (`schema_layout`): their sector gives the angle, their ring and `distance` the
radius. Ties are lines (tense dashed orange, conflict thick red). It draws only the elements it is given, so
filter them for the viewer first; `pseudonyms=True` shows each person's relation or role instead of a name.
"""
from __future__ import annotations

import io
import math
from collections.abc import Iterable
from typing import Any

from PIL import Image, ImageDraw

from board.elements import Element
from network_graph.graph import network
from network_graph.pseudonyms import initials, role_of, short_role
from network_graph.schema_labels import LEAD, Box, Label, drawn_people, first_name, side_label_spot, text_width
from network_graph.schema_layout import (
    CENTRE,
    HALO,
    RING_LABELS,
    RINGS,
    SECTOR_LABELS,
    SECTORS,
    Layout,
    layout,
    marker_id,
    sector_angle,
    sector_wedge,
    to_xy,
)

from .board_picture import FAMILY_COLORS, RING_COLORS
from .lettering import Lettering

BACKGROUND, INK, SUB, EDGE = '#FBFAF6', '#1F2933', '#5B6470', '#D8D4CA'
RING_FILLS = {1: '#FCEEE4', 2: '#E9F5EE', 3: '#EAF1FA'}
"""Soft fills of the rings, after the canvas: ring 1 warm, ring 2 green, ring 3 blue."""
CENTRE_FILL, CENTRE_INK = '#FFFFFF', '#B55A32'
SIDE_LINE, SIDE_INK = '#CDBBA9', '#8A5A3C'
"""The line between the sides of the family in the familie wedge, and their names."""
TIES = {'normal': ('#AEB8C2', 2.0), 'tense': ('#F08C2E', 2.6), 'conflict': ('#D64545', 4.2)}
"""Tie colour and line width (at 1200 px wide) by kind."""
RADIUS, TOP = 450, 75
"""The outer edge of ring 3 and the room above it, at 1200 px wide; the sides keep room for the sector names."""
NAME_SIZE = 15
"""Names under the dots, at 1200 px wide (about 8 pt on an A4 page)."""
SUPERSAMPLE = 2
"""Draw at twice the size and scale down (a plain 2×2 average: fast, and smooth enough), for smooth edges."""
COMPRESS = 3
"""PNG compression: level 3 is about twice as fast as the default 6, for a file some 5 % larger."""


def render_schema_png(elements: Iterable[Element], width: int = 1200, pseudonyms: bool = False) -> bytes:
    """The netwerkschema of `elements` (already filtered for the viewer) as a PNG `width` pixels wide."""
    out = io.BytesIO()
    schema_image(elements, width, pseudonyms).save(out, format='PNG', compress_level=COMPRESS)
    return out.getvalue()


def schema_image(elements: Iterable[Element], width: int = 1200, pseudonyms: bool = False) -> Image.Image:
    """The netwerkschema as a picture, for a PDF to take as it is (no PNG to encode and decode)."""
    elements = list(elements)
    net = network(elements)
    props = {e.id: e.props for e in elements if e.id in net.people}
    k, s = SUPERSAMPLE, width / 1200
    u = s * k  # one unit at 1200 px wide, in supersampled pixels
    radius = RADIUS * u
    centre = (width * k / 2, TOP * u + radius)
    height = round((TOP + 2 * RADIUS + 130) * s)
    image = Image.new('RGB', (width * k, height * k), BACKGROUND)
    draw = ImageDraw.Draw(image)
    pen = _Pen(draw, u)
    _discs(pen, centre, radius)
    found = layout(net.people.values())
    _sides(pen, found, net.people, centre, radius)
    xy = {id_: to_xy(spot.angle, spot.radius, centre, radius) for id_, spot in found.spots.items()}
    thin = max(0.45, math.sqrt(60 / max(len(net.ties), 60)))  # many ties: thinner lines, or they hide the rest
    for kind in ('normal', 'tense', 'conflict'):  # the heavier kinds on top
        colour, line = TIES[kind]
        for tie in net.ties:
            if tie['kind'] == kind:
                _line(draw, xy[tie['a']], xy[tie['b']], colour, max(1, round(line * thin * u)), dashed=kind == 'tense')
    _labels(pen, centre, radius)
    _people(pen, net.people, props, found, centre, radius, pseudonyms)
    _legend(pen, width * k / 2, centre[1] + radius + 60 * u)
    return image.reduce(SUPERSAMPLE)


class _Pen:
    def __init__(self, draw: ImageDraw.ImageDraw, unit: float) -> None:
        self.draw, self.u, self.letters = draw, unit, Lettering()

    def pixels(self, size: float) -> int:
        return max(6, round(size * self.u))

    def text(self, xy: tuple[float, float], text: str, size: float, fill: str, bold: bool = False,
             anchor: str = 'mm', halo: str | None = None) -> None:
        self.letters.draw(self.draw, xy, text, self.pixels(size), fill, bold, anchor,
                          stroke_width=round(3 * self.u) if halo else 0, stroke_fill=halo)


def _circle(draw: ImageDraw.ImageDraw, centre: tuple[float, float], r: float, **style: Any) -> None:
    draw.ellipse([centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r], **style)


def _discs(pen: _Pen, centre: tuple[float, float], radius: float) -> None:
    """The rings from the outside in, the spokes with the sector names, and the centre circle."""
    u = pen.u
    for ring in (3, 2, 1):
        _circle(pen.draw, centre, RINGS[ring][1] * radius, fill=RING_FILLS[ring], outline=EDGE,
                width=max(1, round(1.5 * u)))
    for sector in SECTORS:
        angle = sector_wedge(sector)[0]
        pen.draw.line([to_xy(angle, CENTRE, centre, radius), to_xy(angle, 1.0, centre, radius)], fill=EDGE,
                      width=max(1, round(1.5 * u)))
        mid = sector_angle(sector)
        x, y = to_xy(mid, 1.0, centre, radius + 14 * u)
        sin, cos = math.sin(math.radians(mid)), math.cos(math.radians(mid))
        anchor = ('l' if sin > 0.3 else 'r' if sin < -0.3 else 'm') + ('s' if cos > 0.8 else 't' if cos < -0.8 else 'm')
        pen.text((x, y), SECTOR_LABELS[sector], 18, SUB, bold=True, anchor=anchor)
    _circle(pen.draw, centre, CENTRE * radius, fill=CENTRE_FILL, outline='#EBC9B3', width=max(1, round(2 * u)))


def _labels(pen: _Pen, centre: tuple[float, float], radius: float) -> None:
    """The ring names at the top of each ring and 'Het gezin' in the centre, above the ties."""
    for ring, label in RING_LABELS.items():
        pen.text((centre[0], centre[1] - RINGS[ring][1] * radius + 13 * pen.u), label.upper(), 12, _darker(ring),
                 bold=True, anchor='mt', halo=RING_FILLS[ring])
    pen.text(centre, 'Het gezin', 20, CENTRE_INK, bold=True, halo=CENTRE_FILL)


def _darker(ring: int) -> str:
    return {1: '#B55A32', 2: '#2E7D57', 3: '#2F65A8'}[ring]


def _line(draw: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float], colour: str, width: int,
          dashed: bool = False, dots: bool = False) -> None:
    """A line, `dashed` (a tense tie) or in `dots` (a bridge to someone's other role)."""
    if not dashed and not dots:
        draw.line([a, b], fill=colour, width=width)
        return
    length = math.dist(a, b)
    dash, gap = (width, 2.5 * width) if dots else (5 * width, 3.5 * width)
    t = 0.0
    while t < length:
        end = min(t + dash, length)
        draw.line([(a[0] + (b[0] - a[0]) * t / length, a[1] + (b[1] - a[1]) * t / length),
                   (a[0] + (b[0] - a[0]) * end / length, a[1] + (b[1] - a[1]) * end / length)], fill=colour,
                  width=width)
        t += dash + gap


def _people(pen: _Pen, people: dict[str, dict[str, Any]], props: dict[str, dict[str, Any]], found: Layout,
            centre: tuple[float, float], radius: float, pseudonyms: bool) -> None:
    """Each person's dot with their initials and their name where `schema_labels` finds room for it; each other
    role of theirs as a hollow marker with the role's word, joined to their dot by a dotted line."""
    u = pen.u
    shown = [p | {'name': role_of(p['type'], p) if pseudonyms else p['name']} for p in people.values()]
    for person in shown:
        person['extra_roles'] = [r | {'role': short_role(r.get('role', '')) if pseudonyms else r.get('role', '')}
                                 for r in person.get('extra_roles') or []]
    scale = radius / u  # units per outer edge, at 1200 px wide
    bounds = (-centre[0] / radius, -centre[1] / radius, centre[0] / radius, 1 + 40 / scale)
    dots, names = drawn_people(found, shown, 18 / scale, NAME_SIZE / scale, bounds, _keep_out(scale), within=1.0)
    point = {id_: (centre[0] + x * radius, centre[1] + y * radius) for id_, (x, y, _) in dots.items()}
    for id_ in (i for i in dots if '#' in i):
        owner = id_.split('#')[0]
        _line(pen.draw, point[owner], point[id_], RING_COLORS.get(people[owner]['ring'], RING_COLORS[2]),
              max(1, round(3 * u)), dots=True)
    for person in shown:
        for id_ in [person['id']] + [marker_id(person['id'], i) for i in range(len(person['extra_roles']))]:
            if id_ in dots:
                _person(pen, person, props.get(person['id'], {}), id_, point[id_], dots[id_][2] * radius,
                        names.get(id_), radius, pseudonyms)


def _person(pen: _Pen, person: dict[str, Any], props: dict[str, Any], id_: str, at: tuple[float, float], dot: float,
            name: Label | None, radius: float, pseudonyms: bool) -> None:
    u, (x, y) = pen.u, at
    marker = id_ != person['id']
    if person['type'] == 'family_member':
        colour = props.get('color') or FAMILY_COLORS[sum(map(ord, person['name'])) % len(FAMILY_COLORS)]
    else:
        ring = person['extra_roles'][int(id_.split('#')[1])]['ring'] if marker else person['ring']
        colour = RING_COLORS.get(ring, RING_COLORS[2])
    _circle(pen.draw, (x, y), dot * (1 + HALO), fill='#FFFFFF')
    _circle(pen.draw, (x, y), dot, fill='#FFFFFF' if marker else colour, outline=colour,
            width=max(1, round(dot / 5)))
    if dot >= 9 * u:
        letters = person['name'][:1].upper() if pseudonyms else initials(person['name'])
        pen.text((x, y), letters, dot / u * 0.78, colour if marker else '#FFFFFF', bold=True)
    if name is not None:
        anchor = {'start': 'l', 'middle': 'm', 'end': 'r'}[name.anchor] + 's'
        for i, line in enumerate(name.lines):
            pen.text((x + name.x * radius, y + (name.y + i * LEAD * name.size) * radius), line, name.size * radius / u,
                     INK, anchor=anchor, halo='#FFFFFF')


def _keep_out(scale: float) -> list[Box]:
    """What names may not cover: the centre, and the ring names at the top (the sector names are outside the disc,
    where no name goes)."""
    boxes = [(-CENTRE, -CENTRE, CENTRE, CENTRE)]
    for ring, label in RING_LABELS.items():
        width = text_width(label, 12 / scale)
        top = -RINGS[ring][1] + 13 / scale
        boxes.append((-width / 2, top, width / 2, top + 14 / scale))
    return boxes


def _sides(pen: _Pen, found: Layout, people: dict[str, dict[str, Any]], centre: tuple[float, float],
           radius: float) -> None:
    """The familie wedge split into the sides of the family: a dashed line between the parts, each part named."""
    for part in found.sides[1:]:
        _line(pen.draw, to_xy(part.start, RINGS[2][0], centre, radius), to_xy(part.start, 1.0, centre, radius),
              SIDE_LINE, max(1, round(1.5 * pen.u)))
    for part in found.sides:
        if part.member in people:
            x, y = side_label_spot(part)
            name = first_name(people[part.member]['name'])
            pen.text((centre[0] + x * radius, centre[1] + y * radius), f'kant {name}', 13, SIDE_INK, bold=True,
                     halo=RING_FILLS[3])


def _legend(pen: _Pen, middle: float, top: float) -> None:
    """One row of what the colours and lines mean, and a line on what the distance means."""
    u, draw = pen.u, pen.draw
    items: list[tuple[str, Any]] = [(label, ('dot', RING_COLORS[ring])) for ring, label in
                                    ((1, 'Gezin'), (2, 'Netwerk'), (3, 'Professionals'))]
    items += [(label, ('line', kind)) for kind, label in
              (('normal', 'kent elkaar'), ('tense', 'gespannen'), ('conflict', 'conflict'))]
    widths = [34 * u + pen.letters.length(label, pen.pixels(15)) for label, _ in items]
    gap = 26 * u
    x = middle - (sum(widths) + gap * (len(items) - 1)) / 2
    for (label, (shape, value)), w in zip(items, widths, strict=True):
        if shape == 'dot':
            _circle(draw, (x + 9 * u, top), 8 * u, fill=value)
        else:
            colour, line = TIES[value]
            _line(draw, (x, top), (x + 26 * u, top), colour, max(1, round(line * u)), dashed=value == 'tense')
        pen.text((x + 34 * u, top), label, 15, INK, anchor='lm')
        x += w + gap
    pen.text((middle, top + 30 * u), 'Hoe dichter bij het midden, hoe dichter bij het gezin.', 15, SUB)
