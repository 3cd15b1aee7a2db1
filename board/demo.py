"""The demo family Yılmaz-de Vries (shared/demo-family.md): a realistic board for first start and tests.

Built from ordinary operations on top of `board.plan.new_plan_operations` (the family info, the four
zones and the two standard agreements every plan has), so the demo goes through the same validation as
any user's edit. Its history has two batches: the plan as made at the start, with the moment "Start"
saved, and what changed by the tussentijdse evaluatie (the neighbour and a friend joined, the football
trainer came to count as their own network), so the "then and now" view has something to show.
The batches are stored as they are and replayed without a guard, so what only the server sets for a live
edit (who wrote a goal, a proposal's status) is written here explicitly. Numbers are left to the board:
goals 1–5 in the order below, the standard agreements 1 and 2 (made first, as on every new plan), then the
demo's agreements 3–6. All names and details are invented.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from . import accounts
from .elements import Ring
from .identity import SYSTEM, Role
from .plan import create_board_with, new_plan_operations
from .store import BoardInfo, Store

START = dt.date(2026, 9, 1)
COACH_MAIL = 'jolien@wijkteam-amersfoort.example.nl'

FAMILY_INFO = {
    'address': 'Lindelaan 12, 3811 AB Amersfoort',
    'phone': '06-12345678',
    'mail': 'derya.yilmaz@example.nl',
    'important': "Bel Derya liever na 15:00; 's ochtends werkt ze.",
    'coordinator_id': 'np-jolien',
    'afstemming': ['overleg', 'mail'],
    'afstemming_text': 'Elke zes weken een rondetafelgesprek; tussendoor mailt Jolien iedereen een korte stand '
                       'van zaken.',
}
FAMILY = [
    ('fm-derya', 'Derya Yılmaz', 'parent', '1988-03-14', '#e4572e'),
    ('fm-bas', 'Bas de Vries', 'parent', '1985-09-02', '#2e86ab'),
    ('fm-elif', 'Elif', 'youth', '2012-06-21', '#8d6cab'),
    ('fm-mees', 'Mees', 'child', '2017-01-30', '#76b041'),
    ('fm-noor', 'Noor', 'child', '2020-11-11', '#f18f01'),
]
WRITTEN_BY_BAS = frozenset({'note-bas-schulden'})
RIGHTS: dict[str, dict[str, Any]] = {'fm-derya': {'manages': True}, 'fm-bas': {'household': False}}
"""Derya manages the board with Jolien; Bas lives apart, so "ons gezin" is Derya and the children."""
WORKDAYS = ['ma', 'di', 'wo', 'do', 'vr']
NETWORK = [  # id, name, relation, organisation, sector, ring, days reachable, hours, mail
    ('np-ayse', 'Anneanne Ayşe', 'moeder van Derya', '', 'familie', 2, [], '', ''),
    ('np-femke', 'Tante Femke', 'zus van Bas', '', 'familie', 2, [], '', ''),
    ('np-ilse', 'Ilse', 'buurvrouw', '', 'buren', 2, [], '', ''),
    ('np-samira', 'Samira', 'vriendin van de bakkerij', '', 'vrienden', 2, [], '', ''),
    ('np-ruud', 'Trainer Ruud', 'oud-voetbaltrainer van Mees', '', 'verenigingen', 2, [], '', ''),
    ('np-jolien', 'Jolien Bakker', 'zorgcoördinator / gezinscoach', 'Wijkteam Amersfoort', 'instanties', 3,
     ['ma', 'di', 'do'], '8:30–17:00', 'j.bakker@wijkteam-amersfoort.example.nl'),
    ('np-karim', 'Meester Karim', 'leerkracht van Mees', 'Basisschool De Regenboog', 'werk_school', 3,
     WORKDAYS, 'na 14:30', 'karim@deregenboog.example.nl'),
    ('np-visser', 'Mevrouw Visser', 'mentor van Elif', 'Het Nieuwe Lyceum', 'werk_school', 3,
     ['di', 'wo'], '', 'a.visser@hetnieuwelyceum.example.nl'),
    ('np-tom', 'Tom Hendriks', 'schuldhulpverlener van Derya', 'Schuldhulpverlening Eemland', 'instanties', 3,
     ['wo'], '9:00–16:00', 't.hendriks@schuldhulp-eemland.example.nl'),
    ('np-peeters', 'Dr. Peeters', 'huisarts', 'Huisartsenpraktijk Lindelaan', 'instanties', 3,
     WORKDAYS, '8:00–17:00', ''),
    ('np-sanne', 'Sanne Mulder', 'therapeut van Elif', 'GGZ', 'instanties', 3, ['do'], '', ''),
]
_SCALES = ('practical', 'emotional', 'information', 'critical', 'direction', 'closeness', 'contact', 'known')
NETWORK_LIST: dict[str, dict[str, Any]] = {id_: dict(zip(_SCALES, row, strict=True)) for id_, row in {
    # the netwerklijst of shared/demo-family.md (Social Network Map scales)
    'np-ayse': ('almost_always', 'sometimes', 'hardly_ever', 'sometimes', 'they_help', 'very', 'weekly', 'gt_5'),
    'np-femke': ('sometimes', 'almost_always', 'sometimes', 'hardly_ever', 'both', 'fairly', 'monthly', 'gt_5'),
    'np-ilse': ('sometimes', 'hardly_ever', 'hardly_ever', 'hardly_ever', 'both', 'fairly', 'weekly', '1_5'),
    'np-samira': ('hardly_ever', 'almost_always', 'sometimes', 'hardly_ever', 'both', 'very', 'weekly', '1_5'),
    'np-ruud': ('sometimes', 'hardly_ever', 'sometimes', 'hardly_ever', 'they_help', 'not_very', 'hardly_ever',
                '1_5'),
}.items()}

ELIF_SCHEMA = {  # Elif's own schema (her VIP view): id → (ring, sector, distance) there
    'np-ayse': (2, 'familie', 0.1),
    'np-femke': (2, 'familie', 0.5),
    'np-visser': (3, 'werk_school', 0.2),
    'np-sanne': (3, 'instanties', 0.4),
}
VIP = {id_: [{'member': 'fm-elif', 'ring': ring, 'sector': sector, 'distance': distance}]
       for id_, (ring, sector, distance) in ELIF_SCHEMA.items()}

TIES = [('np-ayse', 'np-samira', 'normal'), ('np-femke', 'fm-bas', 'normal'), ('np-ilse', 'np-ayse', 'normal'),
        ('np-ayse', 'fm-bas', 'tense')]

ELIF = ('fm-elif', 'Elif', 'youth')
DERYA = ('fm-derya', 'Derya Yılmaz', 'parent')
MEES = ('fm-mees', 'Mees', 'child')
VISSER = ('np-visser', 'Mevrouw Visser', 'professional')
GOALS = [  # id, text, owners, supporters, domain, start, planned end, reached, progress, written by, status
    ('goal-1', 'Elif gaat weer elke dag naar school.', ['fm-elif', 'fm-derya'],
     ['np-visser', 'np-sanne', 'np-femke'], 'onderwijs', '2026-09-01', '2027-01-31', None, 4, ELIF, 'active'),
    ('goal-2', 'We hebben overzicht over ons geld.', ['fm-derya'], ['np-tom', 'np-samira'], 'inkomen_schulden',
     '2026-09-01', '2027-06-30', None, 3, DERYA, 'active'),
    ('goal-3', 'Noor slaapt elke nacht in haar eigen bed.', ['fm-noor', 'fm-derya'], ['np-ayse', 'np-peeters'],
     'opvoeding', '2026-09-15', '2026-12-15', None, 6, DERYA, 'active'),
    ('goal-4', 'Mees speelt weer voetbal.', ['fm-mees'], ['np-ruud', 'np-ilse'], 'vrije_tijd', '2026-10-01', None,
     '2026-11-12', 10, MEES, 'active'),
    ('goal-5', 'Elif maakt een rooster voor huiswerk.', ['fm-elif'], ['np-visser'], 'onderwijs', None, None, None,
     None, VISSER, 'proposal'),
]
GOAL_X = {id_: 40 + 280 * i for i, (id_, *_) in enumerate(GOALS)}
"""The goals side by side at y=270, each goal's agreements under it."""

AGREEMENTS = [  # id, who, who_ids, text, goal, start, planned end
    ('agr-1', 'Tom Hendriks', ['np-tom', 'fm-derya'], 'Samen de post sorteren, elke woensdag.', 'goal-2',
     '2026-09-02', None),
    ('agr-2', 'Anneanne Ayşe', ['np-ayse'], 'Noor naar bed brengen op dinsdag en donderdag.', 'goal-3',
     '2026-09-15', '2026-12-15'),
    ('agr-3', 'Mevrouw Visser', ['np-visser'], 'Derya bellen op de eerste dag dat Elif afwezig is.', 'goal-1',
     '2026-09-01', None),
    ('agr-4', 'Ilse', ['np-ilse'], 'Mees op zaterdag naar de training brengen.', 'goal-4', '2026-10-01', None),
]
STANDARD = {  # the two agreements of every plan (made by new_plan_operations), filled in for this family
    'eindevaluatie': {'who': 'Jolien Bakker en het gezin', 'who_ids': ['np-jolien', 'fm-derya'],
                      'planned_end': '2027-06-30', 'x': 1440, 'y': 270},
    'informeren': {'who': 'Jolien Bakker en Derya', 'who_ids': ['np-jolien', 'fm-derya'],
                   'planned_end': '2026-10-01', 'x': 1440, 'y': 420},
}
NOTES = [  # in the zones new_plan_operations makes
    ('note-hulpvraag', 'question', 'Ik wil weer overzicht en rust, en dat Elif weer naar school gaat.', 40, 80),
    ('note-toekomst', 'idea', 'Een gewone week: iedereen naar school en werk, en zondag samen eten.', 640, 80),
    ('note-k1', 'strength', 'Derya is warm en houdt vol.', 40, 700),
    ('note-k2', 'strength', 'Anneanne is er altijd.', 260, 700),
    ('note-k3', 'strength', 'Mees is vrolijk; Elif tekent prachtig.', 40, 840),
    ('note-z1', 'worry', 'Geld.', 640, 700),
    ('note-z2', 'worry', 'Elif verzuimt vaak van school.', 860, 700),
    ('note-z3', 'worry', 'Noor slaapt slecht.', 640, 840),
    ('note-z4', 'worry', 'Spanning tussen Bas en Anneanne.', 860, 840),
]
DOMAINS = ['onderwijs', 'inkomen_schulden', 'opvoeding', 'vrije_tijd', 'sociaal_netwerk']
EVALUATIONS = [  # id, kind, date, summary, next steps, {goal: (points, next steps)}, {domain: (family, coach)}
    ('eval-start', 'start', '2026-09-01',
     'Eerste rondetafelgesprek, bij Derya thuis. Samen de hulpvraag, krachten en zorgen op een rij gezet en de '
     'doelen gekozen.',
     'Over zes weken tussentijds evalueren. Jolien mailt iedereen het plan, eerst naar Derya.',
     {'goal-1': ('Elif was in augustus acht dagen afwezig. Ze ziet erg op tegen de ochtend.',
                 'Mevrouw Visser belt Derya op de eerste dag dat Elif afwezig is; Elif start bij Sanne.'),
      'goal-2': ('De post ligt ongeopend in een la; er zijn achterstanden bij de huur en de zorgverzekering.',
                 'Elke woensdag samen met Tom de post sorteren.'),
      'goal-3': ('Noor slaapt bijna elke nacht bij Derya in bed.',
                 'Anneanne brengt Noor op dinsdag en donderdag naar bed; Derya vraagt Dr. Peeters om advies.')},
     {'onderwijs': (2, 1), 'inkomen_schulden': (2, 1), 'opvoeding': (3, 2), 'vrije_tijd': (2, 2),
      'sociaal_netwerk': (4, 3)}),
    ('eval-tussen', 'tussentijds', '2026-11-15',
     'Tweede rondetafelgesprek. Op alle doelen gaat het beter; Mees voetbalt weer.',
     'Volgende evaluatie eind januari 2027, als doel 1 afloopt.',
     {'goal-1': ('In oktober was Elif nog drie dagen afwezig. De gesprekken met Sanne helpen.',
                 'Elif en Mevrouw Visser bespreken elke vrijdag kort hoe de week ging.'),
      'goal-2': ('Alle post is gesorteerd en er is een overzicht van de schulden. Tom heeft een '
                 'betalingsregeling aangevraagd.', 'Derya betaalt de vaste lasten zelf, met Tom als achtervang.'),
      'goal-3': ('Noor slaapt vier nachten per week in haar eigen bed. Een vast avondritueel helpt.',
                 'Het avondritueel ook op de andere avonden volhouden.'),
      'goal-4': ('Bereikt op 12 november: Mees traint weer elke zaterdag. Ilse rijdt hem.',
                 'Doel afgerond; Mees vertelt bij het volgende gesprek hoe het gaat.'),
      'goal-5': ('Voorstel van Mevrouw Visser. Elif wil er eerst zelf over nadenken.',
                 'Elif zegt bij het volgende gesprek of ze dit als doel wil.')},
     {'onderwijs': (3, 3), 'inkomen_schulden': (3, 2), 'opvoeding': (4, 3), 'vrije_tijd': (5, 4),
      'sociaal_netwerk': (4, 4)}),
]


JOINED_LATER = frozenset({'np-ilse', 'np-samira'})
"""Found by the family after the start; they come in the second batch with the ties and agreement naming them."""
AT_START: dict[str, dict[str, Any]] = {'np-ruud': {'ring': Ring.PROFESSIONAL}}
"""Where someone stood at the start: the football club first counted as an organisation, now Ruud is theirs."""
LATER = frozenset({'eval-tussen'})
"""What was written after the start besides the newcomers."""
MOMENT_START = {'op': 'create', 'id': 'moment-start', 'type': 'moment', 'props': {'name': 'Start',
                                                                                   'date': START.isoformat()}}


def demo_batches() -> list[list[dict[str, Any]]]:
    """The demo board's history: the start (with the moment "Start"), then the changes since, and Bas's own note,
    written by him (`AUTHORS`: so it is his to change)."""
    start: list[dict[str, Any]] = []
    later: list[dict[str, Any]] = []
    own: list[dict[str, Any]] = []
    for op in demo_operations():
        props = op['props']
        if op['id'] in WRITTEN_BY_BAS:
            own.append(op)
            continue
        named = {props.get('a'), props.get('b'), *props.get('who_ids', [])}
        if op['id'] in JOINED_LATER | LATER or named & JOINED_LATER:
            later.append(op)
            continue
        then = AT_START.get(op['id'], {})
        supporters = [i for i in props.get('supporters', []) if i not in JOINED_LATER]
        if supporters != props.get('supporters', []):
            then = then | {'supporters': supporters}
        start.append(op | {'props': props | then})
        if then:
            later.append({'op': 'update', 'id': op['id'], 'props': {key: props[key] for key in then}})
    return [start + [MOMENT_START], later, own]


AUTHORS = (SYSTEM.id, SYSTEM.id, 'fm-bas')
"""Who made each of `demo_batches`."""


def demo_operations() -> list[dict[str, Any]]:
    """The demo board as it is now, as one batch of create operations (its history is `demo_batches`)."""
    ops = new_plan_operations(START)
    for op in ops:
        op['props'] |= FAMILY_INFO if op['type'] == 'family_info' else STANDARD.get(op['props'].get('standard'), {})

    def create(id_: str, type_: str, visibility: dict | None = None, **props: Any) -> None:
        ops.append({'op': 'create', 'id': id_, 'type': type_, 'props': props}
                   | ({'visibility': visibility} if visibility else {}))

    for i, (id_, name, role, born, color) in enumerate(FAMILY):
        create(id_, 'family_member', name=name, role=role, birth_date=born, color=color, x=1740, y=40 + 90 * i,
               **RIGHTS.get(id_, {}))
    for i, (id_, name, relation, organisation, sector, ring, days, hours, mail) in enumerate(NETWORK):
        column, row = divmod(i, 6)
        create(id_, 'network_person', name=name, relation=relation, organisation=organisation, sector=sector,
               ring=ring, days=days, hours=hours, mail=mail, x=1940 + 200 * column, y=40 + 90 * row,
               vip=VIP.get(id_, []), **NETWORK_LIST.get(id_, {}))
    for i, (a, b, kind) in enumerate(TIES):
        create(f'tie-{i + 1}', 'tie', a=a, b=b, kind=kind)
    for id_, text, owners, supporters, domain, start, planned_end, reached, progress, author, status in GOALS:
        by, name, role = author
        create(id_, 'goal', text=text, owners=owners, supporters=supporters, domain=domain, start=start,
               planned_end=planned_end, reached=reached, progress=progress, status=status, written_by=by,
               written_by_name=name, written_by_role=role, x=GOAL_X[id_], y=270)
    for id_, who, who_ids, text, goal_id, start, planned_end in AGREEMENTS:
        create(id_, 'agreement', who=who, who_ids=who_ids, text=text, goal_id=goal_id, start=start,
               planned_end=planned_end, x=GOAL_X[goal_id], y=420)
    for id_, kind, text, x, y in NOTES:
        create(id_, 'note', kind=kind, text=text, x=x, y=y)
    create('note-bas-schulden', 'note', visibility={'scope': 'named', 'names': ['fm-bas', 'np-jolien']},
           kind='note', text='Bas heeft een eigen schuldhulpverlener; alleen Bas en Jolien zien dit.', x=1200, y=660)
    create('picto-huis', 'pictogram', icon='home', label='Lindelaan 12', x=1420, y=80)
    for id_, kind, date, summary, next_steps, goals, scores in EVALUATIONS:
        create(id_, 'evaluation', kind=kind, date=date, summary=summary, next_steps=next_steps,
               goals=[{'goal_id': goal_id, 'points': points, 'next_steps': then}
                      for goal_id, (points, then) in goals.items()],
               scores=[{'domain': domain, 'family': scores[domain][0], 'coach': scores[domain][1]}
                       for domain in DOMAINS])
    return ops


def create_demo_board(store: Store, board_id: str | None = None) -> BoardInfo:
    return create_board_with(store, 'Familie Yılmaz-de Vries', 'Yılmaz-de Vries', demo_batches(), board_id,
                             authors=AUTHORS)


def create_demo_coach(store: Store, board_id: str) -> tuple[str, str]:
    """Jolien Bakker, the demo's gezinscoach, as the demo board's coordinator account with a new random password.

    Returns (mail, password) to show once: the password is stored only as a hash.
    """
    password = accounts.new_password()
    account = accounts.find_account(store, COACH_MAIL)
    if account is None:
        account = accounts.create_account(store, COACH_MAIL, 'Jolien Bakker', password)
    else:
        accounts.set_password(store, account.id, password)
    accounts.add_membership(store, account.id, board_id, Role.COORDINATOR, organisation='wijkteam',
                            person_id='np-jolien')
    return COACH_MAIL, password
