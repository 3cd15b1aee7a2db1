"""All metrics of a netwerkschema in one JSON-ready dict, with stable keys (docs/metrics.md)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from board.elements import Element

from . import plan_load, roles, sectors, structure, support
from .graph import network
from .sentences import sentences


def all_metrics(elements: Iterable[Element], today: dt.date | None = None) -> dict[str, Any]:
    """Every metric over the elements the viewer may see; `today` decides ages and which agreements are done."""
    today = today or dt.date.today()
    net = network(elements)
    metrics: dict[str, Any] = {
        'today': today.isoformat(),
        'size': structure.size(net),
        'informal_share': structure.informal_share(net),
        'coordinator': structure.coordinator(net),
        'support': support.support(net),
        'multiplexity': support.multiplexity(net),
        'several_roles': roles.several_roles(net),
        'call_list': support.call_list(net),
        'close_but_critical': structure.close_but_critical(net),
        'tension': structure.tension(net),
        'connectedness': structure.connectedness(net),
        'betweenness': structure.betweenness(net),
        'sectors': sectors.sectors(net),
        'load': plan_load.load(net, today),
        'goals': plan_load.goals(net, today),
        'who_does_what': plan_load.who_does_what(net, today),
        'professionals_per_domain': plan_load.professionals_per_domain(net),
        'without_professionals': support.without_professionals(net),
        'social_network_map': support.social_network_map(net),
        'thresholds': {'load_limit': plan_load.LOAD_LIMIT, 'load_relative': plan_load.LOAD_RELATIVE,
                       'load_floor': plan_load.LOAD_FLOOR, 'coordination_risk': plan_load.COORDINATION_RISK,
                       'multiplex': support.MULTIPLEX, 'betweenness_top': structure.BETWEENNESS_TOP,
                       'star_min': sectors.STAR_MIN},
    }
    metrics['sentences'] = sentences(metrics)
    return metrics
