"""How fast are the network metrics and the netwerkschema picture for a big network? 150 people and 1,000 ties.

    .venv/bin/python benchmarks/network_metrics.py [--people 150] [--ties 1000] [--runs 50] [--png-runs 20] [--seed 1]

Builds a seeded random network (5 family members, the rest spread over rings 2 and 3 with netwerklijst scales,
goals and agreements like a busy plan), then times `network_graph.summary.all_metrics` (target: under 50 ms) and
`app.printing.schema_picture.render_schema_png` at 1200 px (target: under 300 ms) and prints the median and p95
of each. Not a test: run it by hand on the machine you care about.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.printing.schema_picture import render_schema_png
from board.elements import Element, ElementType, LifeDomain, Sector, validate_props
from network_graph.summary import all_metrics

LEVELS = ['hardly_ever', 'sometimes', 'almost_always', None]


def element(id_: str, type_: ElementType, **props) -> Element:
    return Element(id=id_, type=type_, props=validate_props(type_, props))


def big_network(people: int, ties: int, seed: int) -> list[Element]:
    """A seeded network: `people` people in all, `ties` distinct ties, 20 goals and 30 agreements."""
    rng = random.Random(seed)
    elements = [element(f'fm-{i}', ElementType.FAMILY_MEMBER, name=f'Gezinslid {i}') for i in range(5)]
    for i in range(people - 5):
        ring = rng.choice([2, 2, 3])
        elements.append(element(
            f'np-{i}', ElementType.NETWORK_PERSON, name=f'Persoon {i}', ring=ring,
            sector='instanties' if ring == 3 else rng.choice([s.value for s in Sector][1:8]),
            organisation=f'Instantie {rng.randrange(8)}' if ring == 3 else '',
            practical=rng.choice(LEVELS), emotional=rng.choice(LEVELS), information=rng.choice(LEVELS),
            critical=rng.choice(LEVELS), direction=rng.choice(['both', 'they_help', 'we_help', None]),
            closeness=rng.choice(['not_very', 'fairly', 'very', None]),
            contact=rng.choice(['hardly_ever', 'few_times_a_year', 'monthly', 'weekly', 'daily', None]),
            known=rng.choice(['lt_1', '1_5', 'gt_5', None]), days=['ma', 'wo']))
    ids = [e.id for e in elements]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < ties:
        a, b = rng.sample(ids, 2)
        pairs.add((min(a, b), max(a, b)))
    elements += [element(f'tie-{n}', ElementType.TIE, a=a, b=b, kind=rng.choice(['normal'] * 8 + ['tense', 'conflict']))
                 for n, (a, b) in enumerate(sorted(pairs))]
    for g in range(20):
        elements.append(element(f'goal-{g}', ElementType.GOAL, text=f'Doel {g}', number=g + 1,
                                owners=rng.sample(ids[:5], 2), supporters=rng.sample(ids[5:], 3),
                                domain=rng.choice(list(LifeDomain)).value))
    for a in range(30):
        elements.append(element(f'agr-{a}', ElementType.AGREEMENT, text=f'Afspraak {a}', number=a + 1,
                                who_ids=rng.sample(ids, 2), goal_id=f'goal-{rng.randrange(20)}'))
    return elements


def timed(work: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of `runs` calls of `work`, sorted, after one call to warm up imports and caches."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def report(name: str, times: list[float], target: float) -> None:
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f'  {name}: median {statistics.median(times):.1f} ms   p95 {p95:.1f} ms   min {times[0]:.1f} ms   '
          f'max {times[-1]:.1f} ms   ({len(times)} runs, target < {target:.0f} ms)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--people', type=int, default=150)
    parser.add_argument('--ties', type=int, default=1000)
    parser.add_argument('--runs', type=int, default=50)
    parser.add_argument('--png-runs', type=int, default=20)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    elements = big_network(args.people, args.ties, args.seed)
    print(f'{args.people} people, {args.ties} ties')
    report('all_metrics', timed(lambda: all_metrics(elements), args.runs), 50)
    report('render_schema_png 1200 px', timed(lambda: render_schema_png(elements), args.png_runs), 300)


if __name__ == '__main__':
    main()
