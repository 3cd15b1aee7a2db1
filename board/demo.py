"""The demo family Yılmaz-de Vries (shared/demo-family.md): a realistic board for first start and tests.

Built from ordinary operations, so the demo goes through the same validation as any user's edit
and starts the board's history at sequence number 1. All names and details are invented.
"""
from __future__ import annotations

from typing import Any

from .plan import create_board_with
from .store import BoardInfo, Store

FAMILY = [
    ('fm-derya', 'Derya Yılmaz', 'parent', '1988-03-14', '#e4572e'),
    ('fm-bas', 'Bas de Vries', 'parent', '1985-09-02', '#2e86ab'),
    ('fm-elif', 'Elif', 'youth', '2012-06-21', '#8d6cab'),
    ('fm-mees', 'Mees', 'child', '2017-01-30', '#76b041'),
    ('fm-noor', 'Noor', 'child', '2020-11-11', '#f18f01'),
]
NETWORK = [
    ('np-ayse', 'Anneanne Ayşe', 'moeder van Derya', '', 'familie', 2),
    ('np-femke', 'Tante Femke', 'zus van Bas', '', 'familie', 2),
    ('np-ilse', 'Ilse', 'buurvrouw', '', 'buren', 2),
    ('np-samira', 'Samira', 'vriendin van de bakkerij', '', 'vrienden', 2),
    ('np-ruud', 'Trainer Ruud', 'oud-voetbaltrainer van Mees', '', 'verenigingen', 2),
    ('np-jolien', 'Jolien Bakker', 'zorgcoördinator / gezinscoach', 'Wijkteam Amersfoort', 'instanties', 3),
    ('np-karim', 'Meester Karim', 'leerkracht van Mees', 'Basisschool De Regenboog', 'werk_school', 3),
    ('np-visser', 'Mevrouw Visser', 'mentor van Elif', 'Het Nieuwe Lyceum', 'werk_school', 3),
    ('np-tom', 'Tom Hendriks', 'schuldhulpverlener van Derya', 'Schuldhulpverlening Eemland', 'instanties', 3),
    ('np-peeters', 'Dr. Peeters', 'huisarts', 'Huisartsenpraktijk Lindelaan', 'instanties', 3),
    ('np-sanne', 'Sanne Mulder', 'therapeut van Elif', 'GGZ', 'instanties', 3),
]
TIES = [('np-ayse', 'np-samira', 'normal'), ('np-femke', 'fm-bas', 'normal'), ('np-ilse', 'np-ayse', 'normal'),
        ('np-ayse', 'fm-bas', 'tense')]
GOALS = [
    ('goal-1', 'Elif gaat weer elke dag naar school.', ['fm-elif', 'fm-derya'], 'onderwijs',
     '2026-09-01', '2027-01-31', None),
    ('goal-2', 'We hebben overzicht over ons geld.', ['fm-derya'], 'inkomen_schulden',
     '2026-09-01', '2027-06-30', None),
    ('goal-3', 'Noor slaapt elke nacht in haar eigen bed.', ['fm-noor', 'fm-derya'], 'opvoeding',
     '2026-09-15', '2026-12-15', None),
    ('goal-4', 'Mees speelt weer voetbal.', ['fm-mees'], 'vrije_tijd', '2026-10-01', None, '2026-11-12'),
]
AGREEMENTS = [
    ('agr-1', 'Tom Hendriks', 'Samen de post sorteren, elke woensdag.', 'goal-2', '2026-09-02', None),
    ('agr-2', 'Anneanne Ayşe', 'Noor naar bed brengen op dinsdag en donderdag.', 'goal-3', '2026-09-15', None),
    ('agr-3', 'Mevrouw Visser', 'Derya bellen op de eerste dag dat Elif afwezig is.', 'goal-1', '2026-09-01', None),
    ('agr-4', 'Ilse', 'Mees op zaterdag naar de training brengen.', 'goal-4', '2026-10-01', None),
    ('agr-eind', 'Jolien Bakker en het gezin',
     'Eindevaluatie: hoe ging onze samenwerking en wat heeft het het gezin gebracht?', None, '2026-09-01',
     '2027-06-30'),
    ('agr-info', 'Jolien Bakker en Derya',
     'Afspreken wie er verder geïnformeerd moet worden (huisarts, school, jeugdgezondheidszorg).', None,
     '2026-09-01', '2026-10-01'),
]
NOTES = [
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
ZONES = [
    ('zone-hulpvraag', 'Hulpvraag', 'hulpvraag', 0, 0, 560, 230),
    ('zone-toekomst', 'Toekomst', 'toekomst', 600, 0, 1080, 230),
    ('zone-krachten', 'Krachten', 'krachten', 0, 620, 560, 360),
    ('zone-zorgen', 'Zorgen', 'zorgen', 600, 620, 560, 360),
]


def demo_operations() -> list[dict[str, Any]]:
    """The demo board as one batch of create operations."""
    ops: list[dict[str, Any]] = []

    def create(id_: str, type_: str, visibility: dict | None = None, **props: Any) -> None:
        ops.append({'op': 'create', 'id': id_, 'type': type_, 'props': props}
                   | ({'visibility': visibility} if visibility else {}))

    for id_, title, kind, x, y, w, h in ZONES:
        create(id_, 'zone', title=title, kind=kind, x=x, y=y, w=w, h=h)
    for i, (id_, name, role, born, color) in enumerate(FAMILY):
        create(id_, 'family_member', name=name, role=role, birth_date=born, color=color, x=1740, y=40 + 90 * i)
    for i, (id_, name, relation, organisation, sector, ring) in enumerate(NETWORK):
        column, row = divmod(i, 6)
        create(id_, 'network_person', name=name, relation=relation, organisation=organisation, sector=sector,
               ring=ring, x=1940 + 200 * column, y=40 + 90 * row)
    for i, (a, b, kind) in enumerate(TIES):
        create(f'tie-{i + 1}', 'tie', a=a, b=b, kind=kind)
    goal_x = {}
    for i, (id_, text, owners, domain, start, planned_end, reached) in enumerate(GOALS):
        goal_x[id_] = 40 + 280 * i
        create(id_, 'goal', text=text, owners=owners, domain=domain, start=start, planned_end=planned_end,
               reached=reached, x=goal_x[id_], y=270)
    standard = 0
    for id_, who, text, goal_id, start, planned_end in AGREEMENTS:
        if goal_id:  # under its goal
            x, y = goal_x[goal_id], 420
        else:  # the two standard agreements, side by side
            x, y, standard = 1200 + 260 * standard, 270, standard + 1
        create(id_, 'agreement', who=who, text=text, goal_id=goal_id, start=start, planned_end=planned_end, x=x, y=y)
    for id_, kind, text, x, y in NOTES:
        create(id_, 'note', kind=kind, text=text, x=x, y=y)
    create('note-bas-schulden', 'note', visibility={'scope': 'named', 'names': ['fm-bas', 'np-jolien']},
           kind='note', text='Bas heeft een eigen schuldhulpverlener; alleen Bas en Jolien zien dit.', x=1200, y=440)
    create('picto-huis', 'pictogram', icon='home', label='Lindelaan 12', x=1420, y=80)
    return ops


def create_demo_board(store: Store, board_id: str | None = None) -> BoardInfo:
    return create_board_with(store, 'Familie Yılmaz-de Vries', 'Yılmaz-de Vries', demo_operations(), board_id)
