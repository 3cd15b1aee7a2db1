"""Short sentences a parent understands, made from the metrics (not from the board: one source of truth).

Each sentence is a key with its values (``{'key': 'metrics.conflict', 'values': {'a': 'Eva', 'b': 'Fons'}}``), not
words: network_graph/ speaks no language, app/ says them in the person's own (`app.i18n.say`). A value that is
itself such a dict is said first; a list of them is said as the language lists things ('a, b en c').
"""
from __future__ import annotations

from typing import Any

Sentence = dict[str, Any]
MOST_SAID = 6
"""Numbers up to this one are said as words ('op twee manieren'), larger ones as digits."""


def said(key: str, **values: Any) -> Sentence:
    return {'key': key, 'values': values}


def _goal(goal: dict[str, Any]) -> Sentence:
    return said('metrics.goal.numbered', number=goal['number']) if goal.get('number') \
        else said('metrics.goal.unnumbered', text=goal['text'])


def _kind(kind: str) -> Sentence:
    return said(f'network.kind_long.{kind}')


def _support(kind: str, found: dict[str, Any]) -> Sentence:
    count, professional = found['count'], found['professional']
    if not count:
        return said('metrics.support.nobody', kind=_kind(kind))
    if not professional:
        return said('metrics.support.no_professional', kind=_kind(kind), count=count)
    if professional == count and count > 1:
        return said('metrics.support.all_professional', kind=_kind(kind), count=count)
    return said('metrics.support.some_professional', kind=_kind(kind), people=said('metrics.people', count=count),
                count=professional)


def sentences(m: dict[str, Any]) -> list[Sentence]:
    """The sentences in a fixed order: support, several roles, goals, load, tension, closeness, coordination, the
    future."""
    out = [_support(kind, found) for kind, found in m['support'].items()]
    share = m['informal_share']
    if share['informal'] + share['professional']:
        out.append(said('metrics.share', people=said('metrics.people', count=share['informal'] + share['professional']),
                        informal=said('metrics.informal', count=share['informal']),
                        count=share['professional']))
    for p in m['several_roles']['people']:
        ways = len(p['roles'])
        out.append(said('metrics.several_roles', name=p['name'],
                        number=said(f'metrics.number.{ways}') if ways <= MOST_SAID else ways,
                        ways=[said('metrics.as_role', role=role) for role in p['roles']]))
    out += [said('metrics.goal.no_supporter', goal=_goal(g)) for g in m['goals']['no_supporter']]
    out += [said('metrics.goal.only_professionals', goal=_goal(g)) for g in m['goals']['only_professionals']]
    out += [said('metrics.no_own_goal', name=p['name']) for p in m['goals']['members_without_goal']]
    out += [said('metrics.load', name=p['name'], goals=said('plan.goal.count', count=p['goals']),
                 count=p['agreements']) for p in m['load']['too_much']]
    out += [said('metrics.conflict', a=t['a_name'], b=t['b_name']) for t in m['tension']['conflict']]
    out += [said('metrics.tense', a=t['a_name'], b=t['b_name']) for t in m['tension']['tense']]
    out += [said(f"metrics.close_but_critical.{'sometimes' if p['critical'] == 'sometimes' else 'often'}",
                 name=p['name']) for p in m['close_but_critical']]
    for domain, found in m['professionals_per_domain'].items():
        if found['coordination_risk']:
            out.append(said('metrics.coordination', domain=said(f'plan.domain.{domain}'),
                            count=len(found['organisations'])))
    remain = m['without_professionals']
    if share['professional'] and remain['uncovered']:
        out.append(said('metrics.uncovered', kinds=[_kind(k) for k in remain['uncovered']]))
    return out
