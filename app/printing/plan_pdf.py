"""The gezinsplan on paper: an A4 PDF in Dutch, made from a `BoardFile` only.

It follows the Dutch 1Gezin1Plan format (shared/domain.md): algemene informatie, betrokkenen, doelen,
afspraken, evaluatie en vervolgafspraken, plus the hulpvraag, krachten and zorgen of Flemish practice,
the netwerkschema, the call list ("Bij wie kunnen wij terecht?") and a picture of the board. Because it reads
nothing but the file, it works from the app (for exactly what the reader may see: filter with
`boardfile.visible_board` first) and from an exported JSON file. The paper itself is `paper.Paper`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from fpdf.fonts import FontFace
from PIL import Image
from pydantic import BaseModel, ValidationError

from board.boardfile import BoardFile, visible_board
from board.dutch import MEMBER_ROLES, nl_date, nl_days
from board.elements import Agreement, Evaluation, FamilyInfo, FamilyMember, Goal, LifeDomain, NetworkPerson, Note, Zone
from board.identity import Actor
from network_graph.roles import on_paper

from .board_picture import board_image
from .call_list_pdf import call_list_section
from .paper import BODY, GREY, INK, LATE, LEAD, SMALL, SOFT, Paper, pdf_filename
from .plan_figures import goals_per_member_section, network_figures_section, who_does_what_section
from .schema_picture import schema_image

NL: dict[str, dict[str, str]] = {
    'role': MEMBER_ROLES,
    'domain': {'wonen': 'Wonen', 'werk_dagbesteding': 'Werk en dagbesteding', 'inkomen_schulden': 'Inkomen en schulden',
               'opvoeding': 'Opvoeding', 'onderwijs': 'Onderwijs en school',
               'lichamelijke_gezondheid': 'Lichamelijke gezondheid', 'psychische_gezondheid': 'Psychische gezondheid',
               'verslaving': 'Verslaving', 'huiselijk_geweld_veiligheid': 'Huiselijk geweld en veiligheid',
               'justitie': 'Justitie', 'sociaal_netwerk': 'Sociaal netwerk', 'vrije_tijd': 'Vrije tijd'},
    'evaluation': {'start': 'Startevaluatie', 'tussentijds': 'Tussentijdse evaluatie', 'eind': 'Eindevaluatie'},
    'afstemming': {'mail': 'per mail', 'telefoon': 'per telefoon', 'overleg': 'in een overleg',
                   'anders': 'op een andere manier'},
    'notes': {'hulpvraag': 'Hulpvraag', 'krachten': 'Krachten', 'zorgen': 'Zorgen', 'toekomst': 'Toekomst',
              'note': 'Andere notities'},
}
"""Every Dutch word the plan shows for a stored value (the PDF is Dutch only for now)."""

NOTE_ZONES = {'question': 'hulpvraag', 'strength': 'krachten', 'worry': 'zorgen', 'idea': 'toekomst'}


def plan_pdf(board: BoardFile, today: dt.date | None = None) -> bytes:
    """The gezinsplan as PDF bytes; raises `fonts.FontMissing` when no usable font is installed."""
    return _Plan(board, today or dt.date.today()).build()


def plan_for(board: BoardFile, actor: Actor, today: dt.date | None = None) -> tuple[bytes, str]:
    """The plan as `actor` may see it (a school's PDF holds only what the school may see), and its file name."""
    theirs = visible_board(board, actor)
    return plan_pdf(theirs, today), pdf_filename(theirs, today)


class _Plan(Paper):
    def __init__(self, board: BoardFile, today: dt.date) -> None:
        super().__init__(board, today, 'Gezinsplan')
        self.items = _Items(board)

    # -- the plan ---------------------------------------------------------------------------------------------
    def build(self) -> bytes:
        self.add_page()
        self.title_block()
        self.general()
        self.notes()
        self.people()
        self.goals()
        goals_per_member_section(self)
        self.agreements()
        who_does_what_section(self)
        self.evaluations()
        network_figures_section(self)
        self.schema()
        call_list_section(self)
        self.picture()
        return bytes(self.output())

    def title_block(self) -> None:
        start = self.items.info.start_date if self.items.info else None
        super().title_block('Gezinsplan', f'Gemaakt op {nl_date(self.today)}'
                            + (f'   ·   Startdatum {nl_date(start)}' if start else ''),
                            'Dit is het plan van het gezin: wat we willen bereiken, wie er helpt en wat we hebben '
                            'afgesproken.')

    def general(self) -> None:
        self.heading('Algemene informatie')
        info = self.items.info or FamilyInfo()
        self.field('Startdatum', nl_date(info.start_date))
        self.subheading('Het gezin')
        if self.items.members:
            self.table(['naam', 'rol', 'geboortedatum'], [80, 40, 62],
                       [[m.name, NL['role'][m.role], nl_date(m.birth_date)] for m in self.items.members])
        else:
            self.empty('Nog geen gezinsleden op het bord.')
        for label, value in (('Adres', info.address), ('Telefoon', info.phone), ('Mail', info.mail)):
            if value:
                self.field(label, value)
        if info.important:
            self.ln(2)
            self.set_fill_color(255, 246, 214)
            self.set_font('plan', 'B', BODY)
            self.set_text_color(*INK)
            self.multi_cell(0, LEAD + 1, 'Belangrijk voor iedereen', fill=True, padding=(2, 3, 0, 3),
                            new_x='LMARGIN', new_y='NEXT')
            self.set_font('plan', '', BODY)
            self.multi_cell(0, LEAD + 1, self.clean(info.important), fill=True, align='L', padding=(0, 3, 2.5, 3),
                            new_x='LMARGIN', new_y='NEXT')
            self.set_fill_color(255, 255, 255)

    def notes(self) -> None:
        self.heading('Hulpvraag, krachten en zorgen')
        groups = self.items.note_groups()
        if not any(groups.values()):
            self.empty('Nog geen hulpvraag, krachten of zorgen opgeschreven.')
        for key, texts in groups.items():
            if texts:
                self.subheading(NL['notes'][key])
                self.bullets(texts)

    def people(self) -> None:
        self.heading('Betrokkenen')
        coordinator = self.items.person(self.items.info.coordinator_id if self.items.info else None)
        if coordinator:
            where = coordinator.organisation or coordinator.relation
            self.field('Zorgcoördinator', coordinator.name + (f' ({where})' if where else ''))
        else:
            self.empty('Er is nog geen zorgcoördinator gekozen.')
        network = [p for p in self.items.network if p.ring != 3]
        professionals = [p for p in self.items.network if p.ring == 3]
        if not network and not professionals:
            self.empty('Nog geen betrokkenen.')
        for title, people in (('Netwerk: familie, vrienden en buren', network),
                              ('Professionals en instanties', professionals)):
            if people:
                self.subheading(title)
                self.table(['naam', 'relatie of instantie', 'telefoon', 'mail', 'bereikbaar'],
                           [36, 44, 26, 46, 30], [self.person_row(p, coordinator) for p in people])
        self.subheading('Afspraken over afstemming')
        info = self.items.info or FamilyInfo()
        ways = [NL['afstemming'][w] for w in info.afstemming]
        if ways:
            self.para('We houden elkaar op de hoogte ' + ', '.join(ways[:-1]) + (' en ' if len(ways) > 1 else '')
                      + ways[-1] + '.')
        if info.afstemming_text:
            self.para(info.afstemming_text)
        if not ways and not info.afstemming_text:
            self.empty('Nog geen afspraken over hoe we elkaar op de hoogte houden.')

    def person_row(self, person: NetworkPerson, coordinator: NetworkPerson | None) -> list[Any]:
        is_coordinator = coordinator is not None and person is coordinator
        name = (person.name + '\nzorgcoördinator', FontFace(emphasis='BOLD')) if is_coordinator else person.name
        lines = (person.relation, person.organisation, *on_paper(person.model_dump(), self.items.member_names))
        relation = '\n'.join(t for t in lines if t)
        return [name, relation, person.phone, person.mail, ' '.join(filter(None, (nl_days(person.days), person.hours)))]

    def goals(self) -> None:
        self.heading('Doelen')
        own = [g for g in self.items.goals if g.kind != 'kader']
        kaders = [g for g in self.items.goals if g.kind == 'kader']
        if own:
            self.goal_table(own, 'doel')
        else:
            self.empty('Nog geen doelen.')
        if kaders:
            self.subheading('Kader (veiligheid)')
            self.para('Een kader is een grens die voor de veiligheid is afgesproken. Het is geen doel van het '
                      'gezin zelf, maar het hoort wel bij dit plan.', color=SOFT, size=SMALL)
            self.goal_table(kaders, 'kader')

    def goal_table(self, goals: list[Goal], word: str) -> None:
        rows = []
        for goal in sorted(goals, key=lambda g: (g.status == 'removed', g.number or 0)):
            text = goal.text
            if goal.kind == 'kader':
                text += '\nKader (veiligheid)'
            if goal.status == 'proposal':
                text += f'\nvoorstel van {goal.written_by_name or "een betrokkene"}'
            if goal.status == 'removed':
                text += '\nverwijderd'
            style = FontFace(color=GREY) if goal.status == 'removed' else None
            values = [goal.number or '', text, ', '.join(self.items.names(goal.owners)),
                      NL['domain'].get(goal.domain or '', ''), nl_date(goal.start), nl_date(goal.planned_end),
                      nl_date(goal.reached), f'{goal.progress}/10' if goal.progress is not None else '']
            rows.append([(str(v), style) for v in values])
        self.table(['nr', word, 'van wie', 'levens-\ndomein', 'start', 'gepland\neind', 'bereikt', 'voort-\ngang'],
                   [8, 42, 24, 24, 23, 23, 23, 15], rows)

    def agreements(self) -> None:
        self.heading('Afspraken')
        if not self.items.agreements:
            self.empty('Nog geen afspraken.')
            return
        self.para('Wie doet wat, en wanneer.', color=SOFT)
        rows = []
        for agreement in self.items.agreements:
            goal = self.items.goal(agreement.goal_id)
            who = agreement.who or ', '.join(self.items.names(agreement.who_ids))
            late = agreement.overdue(self.today)
            done = ('te laat', FontFace(emphasis='BOLD', color=LATE)) if late else nl_date(agreement.done)
            rows.append([str(agreement.number or ''), str(goal.number or '') if goal and goal.number else '–', who,
                         agreement.text, nl_date(agreement.start), nl_date(agreement.planned_end), done])
        self.table(['nr', 'doel', 'wie', 'wat', 'start', 'gepland\neind', 'klaar'], [8, 13, 32, 60, 23, 23, 23], rows)

    def evaluations(self) -> None:
        self.heading('Evaluatie en vervolgafspraken')
        evaluations = self.items.evaluations
        if not evaluations:
            self.empty('Nog geen evaluaties. Na het eerste gesprek over hoe het gaat, staat het hier.')
            return
        start = next((e for e in evaluations if e.kind == 'start'), None)
        for evaluation in evaluations:
            self.subheading(f"{NL['evaluation'][evaluation.kind]} — {nl_date(evaluation.date)}")
            if evaluation.summary:
                self.para(evaluation.summary)
            for points in evaluation.goals:
                goal = self.items.goal(points.goal_id)
                if goal is None:
                    continue
                self.para(f'Doel {goal.number or ""}: {goal.text}'.replace('Doel :', 'Doel:'), bold=True)
                if points.points:
                    self.field('Belangrijkste punten', points.points)
                if points.next_steps:
                    self.field('Volgende stappen', points.next_steps)
                self.ln(1)
            if evaluation.next_steps:
                self.field('Vervolgafspraken', evaluation.next_steps)
            if evaluation.scores:
                if self.will_page_break(22 + 7 * len(evaluation.scores)):
                    self.add_page()
                self.ln(1)
                self.para('Zelfredzaamheid (1 = grote zorgen, 5 = gaat helemaal zelf)', bold=True, size=SMALL)
                self.table(['levensdomein', 'gezin', 'coach', 'verandering sinds de start'], [66, 24, 24, 68],
                           self.score_rows(evaluation, start))

    def score_rows(self, evaluation: Evaluation, start: Evaluation | None) -> list[list[str]]:
        order = list(LifeDomain)
        before = {s.domain: s for s in start.scores} if start else {}
        rows = []
        for score in sorted(evaluation.scores, key=lambda s: order.index(LifeDomain(s.domain))):
            if evaluation is start:
                change = 'startpunt'
            elif score.domain in before:
                was = before[score.domain]
                change = '   '.join(f'{who} {_delta(getattr(was, key), getattr(score, key))}'
                                   for who, key in (('gezin', 'family'), ('coach', 'coach'))) or '–'
            else:
                change = '–'
            rows.append([NL['domain'][score.domain], _score(score.family), _score(score.coach), change])
        return rows

    def schema(self) -> None:
        """The netwerkschema: the family in the centre, everyone the reader may see around it (1500 px wide:
        about 210 dpi on its page, as sharp as the board; more pixels would only cost time)."""
        people = [e for e in self.board.elements if e.type in ('family_member', 'network_person')]
        self.picture_page('Het netwerkschema', schema_image(self.board.elements, width=1500) if people else None,
                          'Wie is belangrijk voor ons? Het gezin staat in het midden; hoe dichter bij het midden, '
                          'hoe dichter bij het gezin.', 'Er staat nog niemand in het netwerkschema.')

    def picture(self) -> None:
        placed = [e for e in self.board.elements if e.type not in ('tie', 'family_info', 'evaluation')]
        self.picture_page('Het bord', board_image(self.board, width=2200) if placed else None,
                          f'Zo zag het bord eruit op {nl_date(self.today)}.', 'Het bord is nog leeg.')

    def picture_page(self, title: str, picture: Image.Image | None, caption: str, empty: str) -> None:
        """A page with a heading, a caption and the picture as large as fits (landscape for a wide picture)."""
        ratio = picture.width / max(picture.height, 1) if picture else 1.0
        self.add_page(orientation='L' if ratio > 1.15 else 'P')
        self.heading(title)
        if not picture:
            self.empty(empty)
            return
        self.para(caption, color=SOFT)
        top = self.get_y() + 1
        room_w, room_h = self.w - self.l_margin - self.r_margin, self.h - top - self.b_margin - 2
        w = min(room_w, room_h * ratio)
        self.image(picture, x=self.l_margin + (room_w - w) / 2, y=top, w=w, h=w / ratio)


def _delta(was: int | None, now: int | None) -> str:
    if was is None or now is None:
        return '–'
    return 'gelijk' if now == was else f'{now - was:+d}'


def _score(value: int | None) -> str:
    return str(value) if value is not None else '–'


class _Items:
    """The board's elements as typed records; an element that does not parse is left out, not fatal."""

    MODELS: ClassVar[dict[str, type[BaseModel]]] = {
        'family_info': FamilyInfo, 'family_member': FamilyMember, 'network_person': NetworkPerson, 'goal': Goal,
        'agreement': Agreement, 'note': Note, 'zone': Zone, 'evaluation': Evaluation}

    def __init__(self, board: BoardFile) -> None:
        self.by_id: dict[str, Any] = {}
        for element in board.elements:
            if element.type in self.MODELS:
                try:
                    self.by_id[element.id] = self.MODELS[element.type].model_validate(element.props)
                except ValidationError:
                    continue
        last = 10 ** 6
        self.info: FamilyInfo | None = next(iter(self.of(FamilyInfo)), None)
        self.members = sorted(self.of(FamilyMember), key=lambda m: (m.role != 'parent', m.birth_date or dt.date.max))
        self.member_names = {i: m.name for i, m in self.by_id.items() if isinstance(m, FamilyMember)}
        self.network = sorted(self.of(NetworkPerson), key=lambda p: p.name.lower())
        self.goals = sorted(self.of(Goal), key=lambda g: (g.number or last, g.text))
        self.agreements = sorted(self.of(Agreement), key=lambda a: (a.number or last, a.text))
        self.evaluations = sorted(self.of(Evaluation), key=lambda e: e.date)
        self.notes = self.of(Note)
        self.zones = self.of(Zone)

    def of(self, model: type[Any]) -> list[Any]:
        return [m for m in self.by_id.values() if isinstance(m, model)]

    def person(self, id_: str | None) -> NetworkPerson | None:
        found = self.by_id.get(id_ or '')
        return found if isinstance(found, NetworkPerson) else None

    def goal(self, id_: str | None) -> Goal | None:
        found = self.by_id.get(id_ or '')
        return found if isinstance(found, Goal) else None

    def names(self, ids: list[str]) -> list[str]:
        return [self.by_id[i].name for i in ids if isinstance(self.by_id.get(i), (FamilyMember, NetworkPerson))]

    def note_groups(self) -> dict[str, list[str]]:
        """Notes by part of the plan: by their kind, or else by the zone they lie in."""
        groups: dict[str, list[str]] = {key: [] for key in NL['notes']}
        for note in sorted(self.notes, key=lambda n: (n.y, n.x)):
            key = NOTE_ZONES.get(note.kind) if note.kind != 'idea' else None
            if key is None:
                zone = next((z for z in self.zones if z.kind != 'free' and z.x <= note.x + 100 <= z.x + z.w
                             and z.y <= note.y + 60 <= z.y + z.h), None)
                key = zone.kind if zone else NOTE_ZONES.get(note.kind, 'note')
            groups[key].append(note.text)
        return groups
