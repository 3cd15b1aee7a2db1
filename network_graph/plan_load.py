"""The plan seen through the network: who carries which goals and agreements, and which goals lack help."""
from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from board.elements import LifeDomain

from .graph import Network
from .structure import brief

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
    goals = {id_: 0 for id_ in net.people}
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
    """Goals without a supporter, goals carried only by professionals, and each family member's own goals."""
    no_supporter, only_professionals = [], []
    for goal in net.goals:
        supporters = [net.people[id_] for id_ in goal.get('supporters', []) if id_ in net.people]
        if not supporters:
            no_supporter.append(_goal(goal))
        elif all(p['ring'] == 3 for p in supporters):
            only_professionals.append(_goal(goal))
    members = []
    for member in net.family_members():
        own = [g for g in net.goals if member['id'] in g.get('owners', [])]
        members.append(brief(member) | {'role': member['role'], 'age': _age(member['birth_date'], today),
                                        'goals': len(own), 'goal_numbers': [g.get('number') for g in own]})
    return {'open': len(net.goals), 'no_supporter': no_supporter, 'only_professionals': only_professionals,
            'per_family_member': members, 'members_without_goal': [brief(m) for m in members if not m['goals']]}


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
               if id_ in net.people and net.people[id_]['ring'] == 3}
        professionals = [net.people[id_] for id_ in net.people if id_ in ids]
        organisations = sorted({p['organisation'] or p['name'] for p in professionals}, key=str.casefold)
        result[domain.value] = {'goals': len(domain_goals),
                                'professionals': [brief(p) | {'organisation': p['organisation']}
                                                  for p in professionals],
                                'organisations': organisations,
                                'coordination_risk': len(organisations) >= COORDINATION_RISK}
    return result
