"""Short Dutch sentences a parent understands, made from the metrics (not from the board: one source of truth)."""
from __future__ import annotations

from typing import Any

from board.dutch import SUPPORT_KINDS as KIND_LABEL

DOMAIN_LABEL = {
    'wonen': 'wonen', 'werk_dagbesteding': 'werk en dagbesteding', 'inkomen_schulden': 'inkomen en schulden',
    'opvoeding': 'opvoeding', 'onderwijs': 'school', 'lichamelijke_gezondheid': 'lichamelijke gezondheid',
    'psychische_gezondheid': 'psychische gezondheid', 'verslaving': 'verslaving',
    'huiselijk_geweld_veiligheid': 'veiligheid thuis', 'justitie': 'justitie', 'sociaal_netwerk': 'sociaal netwerk',
    'vrije_tijd': 'vrije tijd',
}


COUNTS = {2: 'twee', 3: 'drie', 4: 'vier', 5: 'vijf', 6: 'zes'}


def _people(n: int) -> str:
    return f'{n} persoon' if n == 1 else f'{n} mensen'


def _goal(goal: dict[str, Any]) -> str:
    return f"doel {goal['number']}" if goal.get('number') else f"het doel '{goal['text']}'"


def _support(kind: str, found: dict[str, Any]) -> str:
    label, count, professional = KIND_LABEL[kind], found['count'], found['professional']
    if not count:
        return f'Voor {label} kunnen jullie nog bij niemand terecht.'
    if not professional:
        tail = 'geen van hen is professional' if count > 1 else 'dat is geen professional'
    elif professional == count and count > 1:
        tail = 'het zijn allemaal professionals'
    else:
        tail = f"{professional} daarvan {'is professional' if professional == 1 else 'zijn professionals'}"
    return f'Voor {label} kunnen jullie bij {_people(count)} terecht; {tail}.'


def sentences(m: dict[str, Any]) -> list[str]:
    """The sentences in a fixed order: support, several roles, goals, load, tension, closeness, coordination, the
    future."""
    out = [_support(kind, found) for kind, found in m['support'].items()]
    share = m['informal_share']
    if share['informal'] + share['professional']:
        out.append(f"Van de {_people(share['informal'] + share['professional'])} om jullie heen "
                   f"{'hoort' if share['informal'] == 1 else 'horen'} er {share['informal']} bij jullie eigen "
                   f"netwerk en {'is' if share['professional'] == 1 else 'zijn'} er {share['professional']} "
                   f"professional{'' if share['professional'] == 1 else 's'}.")
    for p in m['several_roles']['people']:
        ways = [f'als {role}' for role in p['roles']]
        out.append(f"{p['name']} helpt op {COUNTS.get(len(ways), len(ways))} manieren: "
                   f"{', '.join(ways[:-1])} en {ways[-1]}.")
    out += [f'Niemand helpt nog bij {_goal(g)}.' for g in m['goals']['no_supporter']]
    out += [f'Bij {_goal(g)} helpen alleen professionals.' for g in m['goals']['only_professionals']]
    out += [f"{p['name']} heeft nog geen eigen doel." for p in m['goals']['members_without_goal']]
    out += [f"{p['name']} draagt veel: {p['goals']} doel{'' if p['goals'] == 1 else 'en'} en "
            f"{p['agreements']} afspra{'ak' if p['agreements'] == 1 else 'ken'}." for p in m['load']['too_much']]
    out += [f"Tussen {t['a_name']} en {t['b_name']} is een conflict." for t in m['tension']['conflict']]
    out += [f"Tussen {t['a_name']} en {t['b_name']} is spanning." for t in m['tension']['tense']]
    out += [f"{p['name']} staat heel dichtbij, maar is {'soms' if p['critical'] == 'sometimes' else 'vaak'} kritisch."
            for p in m['close_but_critical']]
    for domain, found in m['professionals_per_domain'].items():
        if found['coordination_risk']:
            out.append(f"Bij {DOMAIN_LABEL.get(domain, domain)} zijn {len(found['organisations'])} instanties "
                       'betrokken: spreek af wie wat doet.')
    remain = m['without_professionals']
    if share['professional'] and remain['uncovered']:
        kinds = ' en '.join(KIND_LABEL[k] for k in remain['uncovered'])
        out.append(f"Als de professionals weggaan, is er voor {kinds} niemand meer uit jullie eigen netwerk.")
    return out
