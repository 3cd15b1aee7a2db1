"""Change between two moments: people added and gone, moves between rings, the informal share then and now."""
from __future__ import annotations

from network_graph.compare import compare
from tests.unit.test_network_metrics import member, person, small_family


def test_added_gone_and_moved() -> None:
    start = [member('fm-a', 'Amal'), person('np-c', 'Cor'), person('np-e', 'Eva', ring=3),
             person('np-f', 'Fons', ring=3)]
    now = [member('fm-a', 'Amal'), person('np-c', 'Cor'), person('np-e', 'Eva', ring=2),
           person('np-h', 'Hanna'), person('np-f', 'Fons', ring=3, deleted=True)]
    change = compare(start, now)
    assert [p['name'] for p in change['added']] == ['Hanna']
    assert [p['name'] for p in change['gone']] == ['Fons']  # deleted counts as gone
    assert [(p['name'], p['from_ring'], p['to_ring']) for p in change['moved']] == [('Eva', 3, 2)]
    assert change['people'] == {'before': 4, 'after': 4}
    assert change['informal'] == {'before': 1, 'after': 3}
    assert change['professional'] == {'before': 2, 'after': 0}
    assert change['share_informal'] == {'before': 0.333, 'after': 1.0}  # 1 of 3, then 3 of 3


def test_no_change_and_empty_moments() -> None:
    same = compare(small_family(), small_family())
    assert (same['added'], same['gone'], same['moved']) == ([], [], [])
    empty = compare([], [])
    assert empty['share_informal'] == {'before': None, 'after': None}
    grown = compare([], small_family())
    assert len(grown['added']) == 7 and grown['share_informal']['after'] == 0.6
