"""Who gives which kind of support (the netwerklijst), and what remains when the professionals leave."""
from __future__ import annotations

from typing import Any

from board.elements import SUPPORT_KINDS, Ring

from .graph import GIVES, Network
from .structure import brief, share

MULTIPLEX = 2
"""A person giving at least this many kinds of support is a multiplex tie (the home help who also listens)."""


def kinds_given(person: dict[str, Any]) -> list[str]:
    """The kinds of support this person gives sometimes or almost always, in the netwerklijst's order."""
    return [kind for kind in SUPPORT_KINDS if person.get(kind) in GIVES]


def _givers(people: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    givers = [brief(p) | {'level': p[kind]} for p in people if p.get(kind) in GIVES]
    return {'count': len(givers), 'informal': sum(g['ring'] == Ring.INFORMAL for g in givers),
            'professional': sum(g['ring'] == Ring.PROFESSIONAL for g in givers),
            'almost_always': sum(g['level'] == 'almost_always' for g in givers), 'givers': givers}


def support(net: Network) -> dict[str, Any]:
    """Per kind of support: who gives it sometimes or almost always, informal versus professional."""
    people = net.network_people()
    return {kind: _givers(people, kind) for kind in SUPPORT_KINDS}


def multiplexity(net: Network) -> dict[str, Any]:
    """People who give two or more kinds of support."""
    people = [brief(p) | {'kinds': kinds_given(p)} for p in net.network_people() if len(kinds_given(p)) >= MULTIPLEX]
    return {'count': len(people), 'people': people}


def call_list(net: Network) -> list[dict[str, Any]]:
    """'Bij wie kunnen wij terecht?': everyone who gives some kind of support, with when to reach them.

    The own network comes first, then the professionals (each by name): the network stays when they leave.
    """
    return [brief(p) | {'relation': p['relation'], 'organisation': p['organisation'], 'kinds': kinds_given(p),
                        'days': p['days'], 'hours': p['hours'], 'phone': p['phone'], 'mail': p['mail']}
            for p in sorted(net.network_people(), key=lambda p: p['ring'] == Ring.PROFESSIONAL) if kinds_given(p)]


def without_professionals(net: Network) -> dict[str, Any]:
    """The network without ring 3, per kind of support: the network stays, professionals are temporary."""
    informal = [p for p in net.network_people() if p['ring'] != Ring.PROFESSIONAL]
    kinds = {kind: {'count': len(g := _givers(informal, kind)['givers']), 'givers': g} for kind in SUPPORT_KINDS}
    return {'people': len(informal), 'kinds': kinds,
            'uncovered': [kind for kind in SUPPORT_KINDS if not kinds[kind]['count']]}


SNM_SHARES = {
    'practical_almost_always': ('practical', {'almost_always'}),
    'emotional_almost_always': ('emotional', {'almost_always'}),
    'information_almost_always': ('information', {'almost_always'}),
    'critical_almost_always': ('critical', {'almost_always'}),
    'both_ways': ('direction', {'both'}),
    'very_close': ('closeness', {'very'}),
    'weekly_or_more': ('contact', {'weekly', 'daily'}),
    'known_over_5_years': ('known', {'gt_5'}),
}
"""The Social Network Map summary (Tracy & Whittaker, 1990): name → (scale, values that count)."""


def social_network_map(net: Network) -> dict[str, Any]:
    """Each share is over the people with that scale filled in, with both counts: a half-filled list stays honest."""
    people = net.network_people()
    result = {}
    for name, (scale, values) in SNM_SHARES.items():
        filled = [p for p in people if p.get(scale) is not None]
        count = sum(p[scale] in values for p in filled)
        result[name] = {'count': count, 'filled': len(filled), 'share': share(count, len(filled))}
    return result
