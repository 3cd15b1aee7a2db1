"""Vraag door! (network_graph.ask_further) against small networks worked out by hand."""
from __future__ import annotations

from board.elements import Element, ElementType, validate_props
from network_graph.ask_further import MAX_PROMPTS, ask_further


def element(id_: str, type_: str, deleted: bool = False, **props) -> Element:
    kind = ElementType(type_)
    return Element(id=id_, type=kind, props=validate_props(kind, props), deleted=deleted)


def member(id_: str, name: str, role: str = 'parent') -> Element:
    return element(id_, 'family_member', name=name, role=role)


def person(id_: str, sector: str, ring: int = 2, **props) -> Element:
    return element(id_, 'network_person', name=id_.title(), sector=sector, ring=ring, **props)


def keys(elements: list[Element], centre: str | None = None) -> list[str]:
    return [prompt['key'] for prompt in ask_further(elements, centre)]


def full_network() -> list[Element]:
    """A parent and a child with someone in every informal sector and the three lifelong professionals."""
    return [member('fm-a', 'Amal'), member('fm-b', 'Bram', role='child'),
            *(person(f'np-{sector}', sector) for sector in (
                'familie', 'vrienden', 'buren', 'kennissen', 'verenigingen', 'werk_school', 'religie')),
            person('np-gp', 'instanties', ring=3, relation='Huisarts'),
            person('np-juf', 'werk_school', ring=3, organisation='Basisschool De Linde'),
            person('np-cb', 'instanties', ring=3, roles=['Jeugdverpleegkundige']),
            person('np-old', 'buren', deleted=True)]


def test_an_empty_network_asks_about_the_own_network_first_then_the_gp() -> None:
    prompts = ask_further([member('fm-a', 'Amal')])
    assert prompts[0] == {'key': 'empty_informal', 'sector': None, 'values': {'informal': 0, 'professional': 0}}
    assert [p['key'] for p in prompts] == ['empty_informal', 'empty.familie', 'empty.vrienden', 'empty.buren',
                                           'lifelong.huisarts']
    assert [p['sector'] for p in prompts[1:]] == ['familie', 'vrienden', 'buren', 'instanties']
    assert len(prompts) == MAX_PROMPTS


def test_nothing_at_all_still_asks_and_never_fails() -> None:
    assert keys([])[:2] == ['empty_informal', 'empty.familie']


def test_a_full_network_asks_nothing() -> None:
    assert ask_further(full_network()) == []


def test_only_professionals_means_no_own_network_yet() -> None:
    professionals = [member('fm-a', 'Amal'), person('np-w', 'instanties', ring=3, organisation='Wijkteam'),
                     person('np-s', 'instanties', ring=3, relation='Schuldhulpverlener')]
    prompts = ask_further(professionals)
    assert prompts[0] == {'key': 'empty_informal', 'sector': None, 'values': {'informal': 0, 'professional': 2}}


def test_two_informal_people_are_thin_three_are_not() -> None:
    family = [member('fm-a', 'Amal'), person('np-gp', 'instanties', ring=3, relation='huisarts'),
              *(person(f'np-{s}', s) for s in ('familie', 'vrienden'))]
    assert keys(family)[0] == 'thin_informal'
    assert keys(family + [person('np-buren', 'buren')])[0] == 'empty.kennissen'


def test_fewer_informal_than_professional_people_is_thin_even_above_three() -> None:
    family = full_network() + [person(f'np-p{i}', 'instanties', ring=3) for i in range(5)]  # 7 informal, 8 professional
    assert ask_further(family) == [{'key': 'more_professionals', 'sector': None,
                                    'values': {'informal': 7, 'professional': 8}}]


def test_a_missing_sector_and_lifelong_professional_are_asked_about_in_order() -> None:
    family = [e for e in full_network() if e.id not in ('np-buren', 'np-religie', 'np-cb')]
    assert keys(family) == ['empty.buren', 'empty.religie', 'lifelong.jgz']


def test_with_children_the_empty_kennissen_sector_asks_about_the_parents_of_their_friends() -> None:
    family = [e for e in full_network() if e.id != 'np-kennissen']
    assert ask_further(family) == [{'key': 'ouders_vriendjes', 'sector': 'kennissen', 'values': {}}]
    without_children = [e for e in family if e.id != 'fm-b']
    assert keys(without_children) == ['empty.kennissen']


def test_a_gp_in_the_informal_ring_is_not_taken_for_the_familys_gp() -> None:
    family = [e for e in full_network() if e.id != 'np-gp'] + \
        [person('np-tante', 'familie', relation='tante, huisarts')]
    assert keys(family) == ['lifelong.huisarts']


def test_a_members_own_schema_uses_their_vip_placements() -> None:
    """Elif's own schema: her gran and her mentor, placed by her; the family's own placement does not count."""
    vip = lambda ring, sector: [{'member': 'fm-e', 'ring': ring, 'sector': sector}]  # noqa: E731
    family = [member('fm-d', 'Derya'), member('fm-e', 'Elif', role='youth'),
              person('np-oma', 'familie', vip=vip(2, 'familie')),
              person('np-mentor', 'overig', ring=2, relation='mentor', vip=vip(3, 'werk_school')),
              person('np-buur', 'buren'),  # on the family's schema only
              person('np-gp', 'instanties', ring=3, relation='huisarts')]
    prompts = ask_further(family, centre='fm-e')
    assert prompts[0] == {'key': 'thin_informal', 'sector': None, 'values': {'informal': 1, 'professional': 1}}
    assert [p['key'] for p in prompts[1:]] == ['empty.vrienden', 'empty.buren', 'empty.kennissen',
                                               'lifelong.huisarts']
    assert 'lifelong.huisarts' not in keys(family)  # the family knows their GP; Elif's own schema does not yet


def test_a_parents_own_schema_does_not_ask_about_school() -> None:
    family = [member('fm-d', 'Derya'), member('fm-e', 'Elif', role='youth'),
              *(person(f'np-{i}', 'familie', vip=[{'member': 'fm-d', 'sector': 'familie'}]) for i in range(3))]
    assert keys(family, centre='fm-d') == ['empty.vrienden', 'empty.buren', 'empty.kennissen', 'lifelong.huisarts']


def test_a_lifelong_professional_is_known_by_the_same_words_as_their_kind_of_organisation() -> None:
    family = [e for e in full_network() if e.id != 'np-juf'] + [
        person('np-karim', 'werk_school', ring=3, organisation='Stedelijk Gymnasium')]
    assert 'lifelong.school' not in keys(family)
