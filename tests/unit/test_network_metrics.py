"""Network metrics (network_graph) against small networks worked out by hand, edge cases and the demo family."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import networkx as nx
import pytest

from app.i18n import say
from board import boardfile
from board.demo import create_demo_board
from board.elements import Element, ElementType, validate_props
from network_graph import structure
from network_graph.graph import build_graph
from network_graph.summary import all_metrics

TODAY = dt.date(2026, 11, 26)
DOCS = Path(__file__).resolve().parents[2] / 'docs' / 'metrics.md'


def dutch(metrics: dict) -> list[str]:
    """The metrics sentences (keys with values) as the app says them in Dutch."""
    return [say(sentence, 'nl') for sentence in metrics['sentences']]


def element(id_: str, type_: str, deleted: bool = False, **props) -> Element:
    kind = ElementType(type_)
    return Element(id=id_, type=kind, props=validate_props(kind, props), deleted=deleted)


def member(id_: str, name: str, **props) -> Element:
    return element(id_, 'family_member', name=name, **props)


def person(id_: str, name: str, ring: int = 2, **props) -> Element:
    return element(id_, 'network_person', name=name, ring=ring, **props)


def tie(id_: str, a: str, b: str, kind: str = 'normal') -> Element:
    return element(id_, 'tie', a=a, b=b, kind=kind)


def goal(id_: str, number: int, **props) -> Element:
    return element(id_, 'goal', text=f'Doel {number}', number=number, **props)


def small_family() -> list[Element]:
    """Path Bram–Amal–Cor–Dina–Eva–Fons and Gert alone; Eva (wijkteam) is the coordinator and busy."""
    return [
        member('fm-a', 'Amal', role='parent', birth_date='1990-01-01'),
        member('fm-b', 'Bram', role='child', birth_date='2018-06-01'),
        person('np-c', 'Cor', sector='familie', practical='almost_always', emotional='sometimes',
               critical='sometimes', closeness='very', direction='both', contact='weekly', known='gt_5',
               roles=['oma', 'oppas']),
        person('np-d', 'Dina', sector='buren', practical='sometimes', information='hardly_ever', closeness='fairly',
               contact='monthly', known='1_5'),
        person('np-e', 'Eva', ring=3, sector='instanties', organisation='Wijkteam', practical='sometimes',
               information='almost_always', direction='they_help', days=['ma'], hours='9:00–12:00'),
        person('np-f', 'Fons', ring=3, sector='instanties', organisation='GGZ', emotional='almost_always'),
        person('np-g', 'Gert', sector='vrienden'),
        person('np-x', 'Xander', deleted=True),
        tie('t1', 'fm-a', 'np-c'), tie('t2', 'np-c', 'np-d'), tie('t3', 'np-d', 'np-e', 'tense'),
        tie('t4', 'fm-b', 'fm-a'), tie('t5', 'np-e', 'np-f', 'conflict'),
        tie('t6', 'np-x', 'np-c'), tie('t7', 'np-c', 'ghost'),  # deleted and missing people: skipped
        goal('goal-1', 1, owners=['fm-a'], supporters=['np-c', 'np-e'], domain='opvoeding'),
        goal('goal-2', 2, owners=['fm-a'], domain='wonen'),
        goal('goal-3', 3, owners=['fm-a'], supporters=['np-e', 'np-f'], domain='psychische_gezondheid',
             status='proposal'),
        goal('goal-4', 4, owners=['fm-b'], supporters=['np-e'], status='removed'),
        element('agr-1', 'agreement', text='a', who_ids=['np-e'], goal_id='goal-1'),
        element('agr-2', 'agreement', text='b', who_ids=['np-e', 'fm-a'], goal_id='goal-3'),
        element('agr-3', 'agreement', text='c', who_ids=['np-e'], goal_id='goal-4'),  # removed goal
        element('agr-4', 'agreement', text='d', who_ids=['np-e'], done='2026-01-01'),  # done
        element('family-info', 'family_info', coordinator_id='np-e'),
    ]


@pytest.fixture(scope='module')
def metrics() -> dict:
    return all_metrics(small_family(), today=TODAY)


def names(items: list[dict]) -> list[str]:
    return [item['name'] for item in items]


def test_size_per_ring_and_sector_and_the_informal_share(metrics) -> None:
    assert metrics['size']['people'] == 7  # Xander is deleted
    assert metrics['size']['per_ring'] == {'1': 2, '2': 3, '3': 2}
    sectors = {k: v for k, v in metrics['size']['per_sector'].items() if v}
    assert sectors == {'gezin': 2, 'familie': 1, 'buren': 1, 'instanties': 2, 'vrienden': 1}
    assert metrics['informal_share'] == {'informal': 3, 'professional': 2, 'share_informal': 0.6,
                                         'share_professional': 0.4}
    assert metrics['coordinator']['name'] == 'Eva'


def test_support_per_kind_informal_versus_professional(metrics) -> None:
    practical, emotional, information = (metrics['support'][k] for k in ('practical', 'emotional', 'information'))
    assert names(practical['givers']) == ['Cor', 'Dina', 'Eva']
    assert (practical['count'], practical['informal'], practical['professional'], practical['almost_always']) == (
        3, 2, 1, 1)
    assert names(emotional['givers']) == ['Cor', 'Fons'] and emotional['professional'] == 1
    assert names(information['givers']) == ['Eva']  # Dina 'hardly_ever' does not count
    assert 'Voor praktische hulp kunnen jullie bij 3 mensen terecht; 1 daarvan is professional.' in dutch(metrics)


def test_multiplexity_and_the_call_list(metrics) -> None:
    assert [(p['name'], p['kinds']) for p in metrics['multiplexity']['people']] == [
        ('Cor', ['practical', 'emotional']), ('Eva', ['practical', 'information'])]
    calls = metrics['call_list']
    assert names(calls) == ['Cor', 'Dina', 'Eva', 'Fons']  # Gert gives nothing (yet)
    eva = calls[2]
    assert (eva['kinds'], eva['days'], eva['hours'], eva['organisation']) == (
        ['practical', 'information'], ['ma'], '9:00–12:00', 'Wijkteam')


def test_close_but_critical_and_tension(metrics) -> None:
    assert [(p['name'], p['critical']) for p in metrics['close_but_critical']] == [('Cor', 'sometimes')]
    assert [(t['a_name'], t['b_name']) for t in metrics['tension']['conflict']] == [('Eva', 'Fons')]
    assert [(t['a_name'], t['b_name']) for t in metrics['tension']['tense']] == [('Dina', 'Eva')]
    assert 'Tussen Eva en Fons is een conflict.' in dutch(metrics)


def test_connectedness_without_a_centre(metrics) -> None:
    found = metrics['connectedness']
    assert (found['people'], found['ties']) == (7, 5)  # t6 (deleted Xander) and t7 (ghost) are skipped
    assert found['density'] == round(5 / 21, 4)  # 5 ties of 7·6/2 possible
    assert (found['components'], found['component_sizes'], found['largest_component']) == (2, [6, 1], 6)
    assert names(found['isolates']) == ['Gert']


def test_betweenness_on_a_path(metrics) -> None:
    # path Bram–Amal–Cor–Dina–Eva–Fons in a 7-node graph: value = pairs bridged / C(6, 2) = pairs / 15
    # Cor: {Bram, Amal}×{Dina, Eva, Fons} = 6; Dina: 3×2 = 6; Amal: 1×4 = 4; Eva: 4×1 = 4
    assert [(p['name'], p['value']) for p in metrics['betweenness']] == [
        ('Cor', 0.4), ('Dina', 0.4), ('Amal', round(4 / 15, 4)), ('Eva', round(4 / 15, 4))]


def test_betweenness_of_a_large_network_is_estimated_the_same_way_every_time() -> None:
    size = structure.BETWEENNESS_EXACT_UP_TO + 40
    people = [person(f'p{i}', f'P{i:03d}') for i in range(size)]
    edges = nx.gnm_random_graph(size, 400, seed=7).edges
    ties = [tie(f't{i}', f'p{a}', f'p{b}') for i, (a, b) in enumerate(edges)]
    first, again = (all_metrics(people + ties)['betweenness'] for _ in range(2))
    assert first == again and len(first) == structure.BETWEENNESS_TOP


def test_load_counts_open_goals_and_open_agreements(metrics) -> None:
    load = {p['name']: (p['goals'], p['agreements']) for p in metrics['load']['people']}
    # Eva: goals 1 and 3 (4 is removed), agreements 1 and 2 (3 hangs on a removed goal, 4 is done)
    assert load == {'Amal': (0, 1), 'Cor': (1, 0), 'Eva': (2, 2), 'Fons': (1, 0)}
    assert metrics['load']['median'] == 1  # totals 1, 1, 4, 1
    assert names(metrics['load']['too_much']) == ['Eva']  # 4 ≥ LOAD_LIMIT
    assert 'Eva draagt veel: 2 doelen en 2 afspraken.' in dutch(metrics)


def test_load_relative_to_the_median() -> None:
    elements = [person('p1', 'Piet'), person('p2', 'Joke'), person('p3', 'Kees'),
                goal('g1', 1, supporters=['p1', 'p2', 'p3']), goal('g2', 2, supporters=['p1']),
                goal('g3', 3, supporters=['p1'])]
    load = all_metrics(elements, today=TODAY)['load']
    assert load['median'] == 1 and names(load['too_much']) == ['Piet']  # 3 ≥ 3 and 3 > 2 × 1


def test_goals_without_help_only_professionals_and_per_family_member(metrics) -> None:
    goals = metrics['goals']
    assert goals['open'] == 3  # goal 4 is removed
    assert [g['number'] for g in goals['no_supporter']] == [2]
    assert [g['number'] for g in goals['only_professionals']] == [3]
    assert [(m['name'], m['age'], m['goal_numbers']) for m in goals['per_family_member']] == [
        ('Bram', 8, []), ('Amal', 36, [1, 2, 3])]  # the youngest first; Bram's removed goal 4 does not count
    assert names(goals['members_without_goal']) == ['Bram']
    assert {'Niemand helpt nog bij doel 2.', 'Bij doel 3 helpen alleen professionals.',
            'Bram heeft nog geen eigen doel.'} <= set(dutch(metrics))


def test_professionals_per_domain_flag_coordination_risk(metrics) -> None:
    domains = metrics['professionals_per_domain']
    assert list(domains) == ['wonen', 'opvoeding', 'psychische_gezondheid']  # LifeDomain order
    assert domains['opvoeding']['organisations'] == ['Wijkteam'] and not domains['opvoeding']['coordination_risk']
    assert domains['psychische_gezondheid']['organisations'] == ['GGZ', 'Wijkteam']
    assert domains['psychische_gezondheid']['coordination_risk']
    assert domains['wonen'] == {'goals': 1, 'professionals': [], 'organisations': [], 'coordination_risk': False}


def test_what_remains_without_professionals(metrics) -> None:
    remain = metrics['without_professionals']
    assert remain['people'] == 3  # Cor, Dina, Gert
    assert {k: names(v['givers']) for k, v in remain['kinds'].items()} == {
        'practical': ['Cor', 'Dina'], 'emotional': ['Cor'], 'information': []}
    assert remain['uncovered'] == ['information']


def test_social_network_map_shares_over_filled_in_scales(metrics) -> None:
    snm = metrics['social_network_map']
    assert snm['practical_almost_always'] == {'count': 1, 'filled': 3, 'share': 0.333}  # Cor of Cor, Dina, Eva
    assert snm['emotional_almost_always'] == {'count': 1, 'filled': 2, 'share': 0.5}  # Fons of Cor, Fons
    assert snm['critical_almost_always'] == {'count': 0, 'filled': 1, 'share': 0.0}
    assert snm['both_ways'] == {'count': 1, 'filled': 2, 'share': 0.5}
    assert snm['very_close'] == {'count': 1, 'filled': 2, 'share': 0.5}
    assert snm['weekly_or_more'] == {'count': 1, 'filled': 2, 'share': 0.5}
    assert snm['known_over_5_years'] == {'count': 1, 'filled': 2, 'share': 0.5}


def test_the_same_metrics_whatever_the_order_of_the_elements(metrics) -> None:
    shuffled = small_family()
    random.Random(3).shuffle(shuffled)
    assert all_metrics(shuffled, today=TODAY) == metrics


def test_metrics_only_see_what_they_are_given() -> None:
    hidden = [e for e in small_family() if e.id != 'np-f']
    text = json.dumps(all_metrics(hidden, today=TODAY), ensure_ascii=False)
    assert 'Fons' not in text and 'np-f' not in text


def test_an_empty_board() -> None:
    metrics = all_metrics([], today=TODAY)
    json.dumps(metrics)
    assert metrics['size']['people'] == 0 and metrics['informal_share']['share_informal'] is None
    assert metrics['connectedness'] | {'isolates': []} == {
        'people': 0, 'ties': 0, 'density': 0.0, 'components': 0, 'component_sizes': [], 'largest_component': 0,
        'isolates': []}
    assert metrics['social_network_map']['very_close'] == {'count': 0, 'filled': 0, 'share': None}
    assert metrics['betweenness'] == [] and metrics['coordinator'] is None
    assert 'Voor praktische hulp kunnen jullie nog bij niemand terecht.' in dutch(metrics)


def test_only_professionals() -> None:
    elements = [person(f'p{i}', f'Professional {i}', ring=3, organisation=f'Org {i}', practical='sometimes')
                for i in range(3)]
    metrics = all_metrics(elements, today=TODAY)
    assert metrics['informal_share']['share_informal'] == 0.0
    assert metrics['without_professionals']['uncovered'] == ['practical', 'emotional', 'information']
    assert 'Voor praktische hulp kunnen jullie bij 3 mensen terecht; het zijn allemaal professionals.' in dutch(metrics)
    assert any(s.startswith('Als de professionals weggaan') for s in dutch(metrics))


def test_a_single_family_member() -> None:
    metrics = all_metrics([member('fm-a', 'Amal')], today=TODAY)
    assert metrics['connectedness']['components'] == 1 and names(metrics['connectedness']['isolates']) == ['Amal']
    assert metrics['connectedness']['density'] == 0.0 and metrics['betweenness'] == []
    assert metrics['goals']['per_family_member'][0]['age'] is None


def test_150_people() -> None:
    rng = random.Random(5)
    elements = [member('fm-0', 'Gezin')] + [person(f'p{i}', f'Persoon {i:03}', ring=rng.choice([2, 3]),
                                                    practical=rng.choice(['sometimes', None])) for i in range(149)]
    ids = [e.id for e in elements]
    elements += [tie(f't{n}', *rng.sample(ids, 2)) for n in range(600)]
    metrics = all_metrics(elements, today=TODAY)
    json.dumps(metrics)
    assert metrics['size']['people'] == 150 and len(metrics['betweenness']) == 5
    assert metrics['connectedness']['ties'] == build_graph(elements).number_of_edges() <= 600


def test_the_demo_family(sqlite_store) -> None:
    board = boardfile.export_board(sqlite_store, create_demo_board(sqlite_store).id)
    metrics = all_metrics(board.elements, today=TODAY)
    practical = {g['name']: g['level'] for g in metrics['support']['practical']['givers']}
    assert practical['Anneanne Ayşe'] == 'almost_always'
    assert [(t['a_name'], t['b_name']) for t in metrics['tension']['tense']] == [('Anneanne Ayşe', 'Bas de Vries')]
    assert metrics['coordinator'] == {'id': 'np-jolien', 'name': 'Jolien Bakker', 'ring': 3,
                                      'organisation': 'Wijkteam Amersfoort'}
    assert metrics['size']['per_ring'] == {'1': 5, '2': 5, '3': 6}
    assert names(metrics['close_but_critical']) == ['Anneanne Ayşe']
    assert metrics['betweenness'][0]['name'] == 'Anneanne Ayşe'  # she links Bas, Ilse and Samira
    assert [g['number'] for g in metrics['goals']['only_professionals']] == [5]
    assert metrics['without_professionals']['uncovered'] == []
    json.dumps(metrics, ensure_ascii=False)


def documented_keys(value, data_keyed=('per_ring', 'per_sector', 'professionals_per_domain', 'support', 'kinds')):
    """Every key in the metrics, except keys that are data (ring numbers, sectors, domains, support kinds)."""
    keys = set()
    if isinstance(value, list):
        for item in value:
            keys |= documented_keys(item)
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key in data_keyed and isinstance(inner, dict):
                keys.add(key)
                for nested in inner.values():
                    keys |= documented_keys(nested)
            else:
                keys |= {key} | documented_keys(inner)
    return keys


def test_every_key_is_documented(metrics) -> None:
    docs = DOCS.read_text(encoding='utf-8')
    headings = set(re.findall(r'^### `(\w+)`', docs, flags=re.MULTILINE))
    assert set(metrics) == headings, 'each top-level key has a "### `key`" section in docs/metrics.md'
    mentioned = set(re.findall(r'`(\w+)`', docs))
    missing = documented_keys(metrics) - mentioned
    assert not missing, f'not in docs/metrics.md: {sorted(missing)}'


def test_someone_who_helps_in_several_roles_is_named_with_each_of_them() -> None:
    elements = small_family() + [
        person('np-i', 'Ilse', sector='buren', relation='buurvrouw', practical='sometimes',
               extra_roles=[{'role': 'oppas (betaald)', 'ring': 3, 'sector': 'werk_school'}]),
        person('np-h', 'Hanneke', ring=3, sector='instanties', relation='thuishulp van Amal',
               extra_roles=[{'role': 'vriendin', 'ring': 2, 'sector': 'vrienden'},
                            {'role': 'Thuishulp', 'ring': 3, 'sector': 'overig'}])]
    metrics = all_metrics(elements, TODAY)
    found = {p['name']: p['roles'] for p in metrics['several_roles']['people']}
    assert found == {'Cor': ['oma', 'oppas'], 'Hanneke': ['thuishulp', 'vriendin'], 'Ilse': ['buurvrouw', 'oppas']}
    assert metrics['several_roles']['count'] == 3
    assert 'Ilse helpt op twee manieren: als buurvrouw en als oppas.' in dutch(metrics)
    assert 'Hanneke helpt op twee manieren: als thuishulp en als vriendin.' in dutch(metrics)
    three = all_metrics([person('np-i', 'Ilse', relation='buurvrouw', roles=['oppas', 'vriendin van Derya'])], TODAY)
    assert 'Ilse helpt op drie manieren: als buurvrouw, als oppas en als vriendin.' in dutch(three)
