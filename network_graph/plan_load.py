"""The plan seen through the network: who carries which goals and agreements, and which goals lack help."""
from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from board.elements import LifeDomain, Ring

from .graph import Network
from .structure import brief
from .support import kinds_given

LOAD_LIMIT = 4
"""Someone carrying this many open items (goals supported + agreements) carries too much, whatever the others do."""
LOAD_RELATIVE = 2
"""…or more than this many times the median load of the people who carry anything, with at least LOAD_FLOOR items."""
LOAD_FLOOR = 3
COORDINATION_RISK = 2
"""This many different organisations on one levensdomein is a coordination risk (one family, one plan)."""


def _goal(goal: dict[str, Any]) -> dict[str, Any]:
    return {'id': goal['id'], 'number': goal.get('number'), 'text': goal.get('text', ''),
            'status': goal.get('status', 'active')}


def _open(agreement: dict[str, Any], today: dt.date) -> bool:
    done = agreement.get('done')
    return done is None or dt.date.fromisoformat(str(done)) > today


def load(net: Network, today: dt.date) -> dict[str, Any]:
    """Open goals supported and open agreements per person, and who carries too much."""
    goals = dict.fromkeys(net.people, 0)
    agreements = dict(goals)
    for goal in net.goals:
        for id_ in set(goal.get('supporters', [])) & goals.keys():
            goals[id_] += 1
    for agreement in net.agreements:
        if _open(agreement, today):
            for id_ in set(agreement.get('who_ids', [])) & agreements.keys():
                agreements[id_] += 1
    people = [brief(net.people[id_]) | {'goals': goals[id_], 'agreements': agreements[id_],
                                        'total': goals[id_] + agreements[id_]}
              for id_ in net.people if goals[id_] + agreements[id_]]
    median = statistics.median([p['total'] for p in people]) if people else 0
    too_much = [p for p in people if p['total'] >= LOAD_LIMIT
                or (p['total'] >= LOAD_FLOOR and p['total'] > LOAD_RELATIVE * median)]
    return {'median': median, 'people': people, 'too_much': too_much}


def goals(net: Network, today: dt.date) -> dict[str, Any]:
    """Goals without a supporter, goals carried only by professionals, and each family member's own goals.

    Per family member, the youngest first, so the youngest child's goals are seen first and never vanish among
    the oldest's; a kader is a limit set for safety, not anyone's own goal. Goals with no owner on the schema are
    the whole family's.
    """
    no_supporter, only_professionals = [], []
    for goal in net.goals:
        supporters = [net.people[id_] for id_ in goal.get('supporters', []) if id_ in net.people]
        if not supporters:
            no_supporter.append(_goal(goal))
        elif all(p['ring'] == Ring.PROFESSIONAL for p in supporters):
            only_professionals.append(_goal(goal))
    own = [g for g in net.goals if g.get('kind') != 'kader']
    members = [brief(member) | {'role': member['role'], 'age': _age(member['birth_date'], today)}
               | _counted([g for g in own if member['id'] in g.get('owners', [])])
               for member in youngest_first(net.family_members())]
    whole_family = _counted([g for g in own if not set(g.get('owners', [])) & net.people.keys()])
    return {'open': len(net.goals), 'no_supporter': no_supporter, 'only_professionals': only_professionals,
            'per_family_member': members, 'whole_family': whole_family,
            'members_without_goal': [brief(m) for m in members if not m['goals']]}


def who_does_what(net: Network, today: dt.date) -> dict[str, Any]:
    """'Wie doet wat': per person, what they agreed to do, whose goals they help with and what kind of support they
    give; the family first (the youngest first), then the own network, then the professionals.

    People with nothing yet are named apart (`nothing_yet`), and an agreement that names nobody on the schema is
    kept (`without_person`, with its free-text `who`), so nothing agreed vanishes from the list.
    """
    goals_by_id = {g['id']: g for g in net.goals}
    agreements: dict[str, list[dict[str, Any]]] = {id_: [] for id_ in net.people}
    without_person = []
    for agreement in net.agreements:
        entry = _agreement(agreement, goals_by_id.get(agreement.get('goal_id') or ''), today)
        named = [id_ for id_ in dict.fromkeys(agreement.get('who_ids', [])) if id_ in agreements]
        for id_ in named:
            agreements[id_].append(entry)
        if not named:
            without_person.append(entry | {'who': agreement.get('who', '')})
    people: list[dict[str, Any]] = []
    nothing_yet: list[dict[str, Any]] = []
    for person in youngest_first(net.family_members()) + sorted(net.network_people(), key=lambda p: p['ring']):
        entry = brief(person) | {
            'relation': person.get('relation', ''), 'organisation': person.get('organisation', ''),
            'roles': person.get('roles', []), 'kinds': kinds_given(person),
            'own_goals': [_goal(g) for g in net.goals
                          if g.get('kind') != 'kader' and person['id'] in g.get('owners', [])],
            'supports': [_goal(g) for g in net.goals if person['id'] in g.get('supporters', [])],
            'agreements': agreements[person['id']]}
        carries = entry['own_goals'] or entry['supports'] or entry['agreements'] or entry['kinds']
        (people if carries else nothing_yet).append(entry if carries else brief(person))
    return {'people': people, 'nothing_yet': nothing_yet, 'without_person': without_person}


def _agreement(agreement: dict[str, Any], goal: dict[str, Any] | None, today: dt.date) -> dict[str, Any]:
    planned_end = agreement.get('planned_end')
    still_open = _open(agreement, today)
    return {'id': agreement['id'], 'number': agreement.get('number'), 'text': agreement.get('text', ''),
            'goal_number': goal.get('number') if goal else None, 'planned_end': planned_end,
            'done': not still_open, 'late': still_open and bool(planned_end) and str(planned_end) < today.isoformat()}


def _counted(goals: list[dict[str, Any]]) -> dict[str, Any]:
    return {'goals': len(goals), 'goal_ids': [g['id'] for g in goals], 'goal_numbers': [g.get('number') for g in goals]}


def youngest_first(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Family members from the youngest to the oldest; those without a birth date last, in the order given."""
    return sorted(members, key=lambda m: str(m['birth_date'] or ''), reverse=True)  # ISO dates sort as text


def _age(born: Any, today: dt.date) -> int | None:
    if not born:
        return None
    born = dt.date.fromisoformat(str(born))
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def professionals_per_domain(net: Network) -> dict[str, Any]:
    """Per levensdomein with open goals: the professionals supporting them and their organisations."""
    result = {}
    for domain in LifeDomain:
        domain_goals = [g for g in net.goals if g.get('domain') == domain.value]
        if not domain_goals:
            continue
        ids = {id_ for g in domain_goals for id_ in g.get('supporters', [])
               if id_ in net.people and net.people[id_]['ring'] == Ring.PROFESSIONAL}
        professionals = [net.people[id_] for id_ in net.people if id_ in ids]
        organisations = sorted({p['organisation'] or p['name'] for p in professionals}, key=str.casefold)
        result[domain.value] = {'goals': len(domain_goals),
                                'professionals': [brief(p) | {'organisation': p['organisation']}
                                                  for p in professionals],
                                'organisations': organisations,
                                'coordination_risk': len(organisations) >= COORDINATION_RISK}
    return result
