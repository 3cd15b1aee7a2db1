"""Names on the netwerkschema (network_graph/schema_labels.py): whole, inside the picture, over nothing else."""
from __future__ import annotations

import itertools

import pytest

from board.demo import demo_operations
from network_graph.schema_labels import Label, label_box, overlaps, place_labels, text_width
from network_graph.schema_layout import dot_radius, layout, to_xy

BOUNDS = (-1.04, -1.04, 1.04, 1.04)
FONT = 21 / 470
DOT = 30 / 470


def demo_people() -> list[dict]:
    return [{'id': op['id'], 'type': op['type'], **op['props']} for op in demo_operations()
            if op['op'] == 'create' and op['type'] in ('family_member', 'network_person')]


def drawn(people: list[dict], size: float = FONT, keep_out: list = ()) -> tuple[dict, dict[str, Label | None]]:
    spots = layout(people).spots
    dots = {id_: (*to_xy(s.angle, s.radius, (0, 0), 1), dot_radius(s.room, DOT)) for id_, s in spots.items()}
    names = {p['id']: p['name'] for p in people}
    return dots, place_labels(dots, names, size, BOUNDS, list(keep_out))


def assert_clear(dots: dict, labels: dict[str, Label | None], keep_out: list = ()) -> None:
    boxes = {id_: label_box(dots[id_], label) for id_, label in labels.items() if label}
    for id_, box in boxes.items():
        assert BOUNDS[0] <= box[0] and box[2] <= BOUNDS[2] and BOUNDS[1] <= box[1] and box[3] <= BOUNDS[3], id_
        for other, (x, y, r) in dots.items():
            assert not overlaps(box, (x - r, y - r, x + r, y + r)), (id_, 'covers the dot of', other)
        assert not any(overlaps(box, kept) for kept in keep_out), id_
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not overlaps(box_a, box_b), (a, b)


def test_every_name_of_the_demo_family_is_shown_whole_and_clear_of_everything_else() -> None:
    people = demo_people()
    dots, labels = drawn(people)
    assert_clear(dots, labels)
    for p in people:
        label = labels[p['id']]
        assert label is not None, p['name']
        assert ' '.join(label.lines) == p['name'], 'never "Annea… Ayşe"'


@pytest.mark.parametrize('size', [FONT, FONT * 1.4])
def test_a_crowded_schema_never_covers_a_name_or_a_dot_and_never_cuts_a_name(size: float) -> None:
    people = demo_people() + [
        {'id': f'np-{i}', 'type': 'network_person', 'name': f'Mevrouw Buurvrouw{i}', 'ring': 2 + i % 2,
         'sector': ('buren', 'instanties', 'religie', 'overig')[i % 4], 'distance': (i % 10) / 10} for i in range(26)]
    keep_out = [(-0.1, -1.02, 0.1, -0.95)]  # e.g. a sector name at the top
    dots, labels = drawn(people, size, keep_out)
    assert_clear(dots, labels, keep_out)
    names = {p['id']: p['name'] for p in people}
    for id_, label in labels.items():
        if label is not None:
            assert ' '.join(label.lines) == names[id_]
    assert sum(label is not None for label in labels.values()) >= len(people) / 2


def test_a_name_at_the_left_edge_runs_inwards_or_under_not_off_the_picture() -> None:
    dots = {'edge': (-0.99, 0.0, 0.03)}
    labels = place_labels(dots, {'edge': 'Schuldhulpverlener Tom Hendriks'}, FONT, BOUNDS, [])
    box = label_box(dots['edge'], labels['edge'])
    assert box[0] >= BOUNDS[0]
    assert ' '.join(labels['edge'].lines) == 'Schuldhulpverlener Tom Hendriks'


def test_a_long_word_is_never_shortened_and_two_lines_break_between_words() -> None:
    dots = {'a': (0.0, 0.5, 0.05)}
    label = place_labels(dots, {'a': 'Anneanne Ayşe'}, FONT, BOUNDS, [])['a']
    assert ' '.join(label.lines) == 'Anneanne Ayşe'
    assert all(line in ('Anneanne', 'Ayşe', 'Anneanne Ayşe') for line in label.lines)
    assert text_width('Anneanne', FONT) > text_width('Ayşe', FONT)
