"""How fast are the network metrics for a big network? 150 people and 1,000 ties (target: under 50 ms).

    .venv/bin/python benchmarks/network_metrics.py [--people 150] [--ties 1000] [--runs 50] [--seed 1]

Builds a seeded random network (5 family members, the rest spread over rings 2 and 3 with netwerklijst scales,
goals and agreements like a busy plan), then times `network_graph.summary.all_metrics` and prints the median and
p95. Not a test: run it by hand on the machine you care about.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from board.elements import Element, ElementType, LifeDomain, Sector, validate_props  # noqa: E402
from network_graph.summary import all_metrics  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--people', type=int, default=150)
    parser.add_argument('--ties', type=int, default=1000)
    parser.add_argument('--runs', type=int, default=50)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    elements = big_network(args.people, args.ties, args.seed)
    all_metrics(elements)  # warm up imports and caches
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        all_metrics(elements)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f'all_metrics: {args.people} people, {args.ties} ties, {args.runs} runs')
    print(f'  median {statistics.median(times):.1f} ms   p95 {p95:.1f} ms   min {times[0]:.1f} ms   '
          f'max {times[-1]:.1f} ms   (target < 50 ms)')


if __name__ == '__main__':
    main()
