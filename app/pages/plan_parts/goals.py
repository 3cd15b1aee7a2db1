"""Doelen: the family's goals in their own words, per family member, proposals to accept, kaders apart, removed kept.

The goals are grouped per family member, the youngest first (`network_graph.plan_load.goals`, the same figures as the
metrics and the PDF), so the youngest child's goals cannot vanish among the oldest's. A goal of two members is shown
once, with the first of them; the other sees a short line pointing to it. Goals without an owner are the whole
family's.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from nicegui import ui

from board.elements import Element, LifeDomain, progress_face
from network_graph.graph import network
from network_graph.plan_load import goals as goals_per_member

from .base import PROFESSIONALS, Part
from .base import face as person_face
from .form import ElementDialog

FACE_EMOJI = {'worried': '😟', 'content': '🙂', 'glad': '😀'}
"""How the plan shows each of `board.elements.PROGRESS_FACES`; the canvas draws its own."""


def face(progress: int) -> str:
    """A face a child understands: worried, okay, happy."""
    return FACE_EMOJI[progress_face(progress)]


def progress_slider(t: Any, value: int | None) -> Any:
    """0–10 with a face and the number; untouched stays 'not scored' (``None``)."""
    touched = {'yes': value is not None}
    ui.label(t('plan.goal.progress')).classes('text-subtitle1 text-grey-9')
    with ui.row().classes('w-full items-center no-wrap gap-3'):
        shown = ui.label(f'{face(value)} {value}' if value is not None else '–').classes('pb-face')
        slider = ui.slider(min=0, max=10, step=1, value=value or 0).props('markers snap label color=primary') \
            .classes('grow').mark('field-progress')

    def moved(e: Any) -> None:
        touched['yes'] = True
        shown.text = f'{face(int(e.value))} {int(e.value)}'
    slider.on_value_change(moved)
    return lambda: int(slider.value) if touched['yes'] else None


class GoalsPart(Part):
    key = 'goals'
    icon = 'flag'
    types = frozenset({'goal', 'family_member', 'network_person'})

    def domains(self) -> dict[str, str]:
        return {d.value: self.t(f'plan.domain.{d.value}') for d in LifeDomain}

    def draw(self) -> None:
        goals = self.page.elements('goal')
        own = [g for g in goals if g.props.get('kind') != 'kader' and g.props.get('status') != 'removed']
        kaders = [g for g in goals if g.props.get('kind') == 'kader' and g.props.get('status') != 'removed']
        removed = [g for g in goals if g.props.get('status') == 'removed']
        with ui.row().classes('gap-2'):
            self.add_button('plan.goal.add', lambda: self.edit(None, {}), 'add-goal')
            if self.page.actor.role in PROFESSIONALS:
                self.add_button('plan.goal.add_kader', lambda: self.edit(None, {'kind': 'kader'}), 'add-kader',
                                icon='shield')
        if not own:  # kaders and removed goals below are not the family's own goals of now
            self.empty('plan.goal.none_current' if kaders or removed else 'plan.goal.empty')
        else:
            self.per_member({g.id: g for g in own})
        if kaders:
            self.section('plan.goal.kaders')
            for goal in kaders:
                self.card(goal)
        if removed:
            self.section('plan.goal.removed')
            for goal in removed:
                self.card(goal)

    def per_member(self, own: dict[str, Element]) -> None:
        """A count per family member at the top, then each member's goals under their name."""
        found = goals_per_member(network(self.page.visible()), dt.date.today())
        members = found['per_family_member']
        with ui.row().classes('gap-1 items-center q-mt-sm').mark('goals-per-member'):
            ui.label(self.t('plan.goal.per_member') + ':').classes('text-grey-8 q-mr-xs')
            for member in members:
                ui.chip(f"{member['name']} {member['goals']}") \
                    .props('dense ' + ('color=green-1' if member['goals'] else 'color=orange-2')) \
                    .classes('pb-goal-count')
        shown: dict[str, str] = {}  # goal id → the name it is shown with
        with ui.column().classes('w-full gap-0').mark('goal-groups'):
            if found['whole_family']['goals']:
                self.group('family', self.t('plan.goal.whole_family'), found['whole_family'], own, shown)
            for member in members:
                age = '' if member['age'] is None else f" · {self.t('plan.goal.age', age=member['age'])}"
                self.group(member['id'], member['name'], member, own, shown, age)

    def group(self, key: str, name: str, counted: dict[str, Any], own: dict[str, Element], shown: dict[str, str],
              age: str = '') -> None:
        """One member's goals (or the whole family's): the cards of the goals not shown yet, then a short line for
        each goal already shown above."""
        count = counted['goals']
        words = self.t('plan.goal.count', count=count) if count else self.t('plan.goal.none_yet')
        member = self.page.element(key)
        with ui.column().classes('w-full gap-0 pb-goal-group').mark(f'goals-of-{key}'):
            with ui.row().classes('items-center no-wrap gap-3 pb-group-head'):
                person_face(name, member.props.get('color') if member else '#2f6f5e',
                            member.props.get('photo') if member else None)
                with ui.column().classes('gap-0'):
                    ui.label(name + age).classes('pb-group-name')
                    ui.label(words).classes('pb-group-count' + ('' if count else ' pb-group-none'))
            earlier = {goal_id: shown[goal_id] for goal_id in counted['goal_ids'] if goal_id in shown}
            for goal_id in counted['goal_ids']:
                if goal_id not in earlier:
                    shown[goal_id] = name
                    self.card(own[goal_id])
            for goal_id, first in earlier.items():
                self.reference(key, own[goal_id], first)

    def reference(self, key: str, goal: Element, name: str) -> None:
        """A goal shown with another member: its number and words, and with whom its card is."""
        with ui.row().classes('w-full items-center no-wrap gap-3 pb-goal-ref').mark(f'goal-ref-{key}-{goal.id}'):
            ui.label(str(goal.props.get('number') or '')).classes('pb-number pb-number-small')
            ui.label(goal.props.get('text', '')).classes('grow')
            ui.label(self.t('plan.goal.with', name=name)).classes('pb-small pb-nowrap')

    def card(self, goal: Element) -> None:
        p = goal.props
        kader, removed = p.get('kind') == 'kader', p.get('status') == 'removed'
        people = self.page.names('family_member', 'network_person')
        classes = 'pb-item w-full' + (' pb-kader' if kader else '') + (' pb-removed' if removed else '') + \
            (' pb-proposal' if p.get('status') == 'proposal' else '')
        with ui.card().classes(classes).mark(f'goal-{goal.id}'):
            with ui.row().classes('w-full items-start no-wrap gap-3'):
                ui.label(str(p.get('number') or '')).classes('pb-number')
                with ui.column().classes('gap-1 grow'):
                    with ui.row().classes('items-center gap-2'):
                        self.seen_by(goal)
                        if kader:
                            ui.badge(self.t('plan.goal.kader'), color='red-8').classes('pb-badge')
                        if p.get('reached'):
                            ui.badge(self.t('plan.goal.reached_badge'), color='positive').classes('pb-badge')
                    ui.label(p.get('text', '')).classes('pb-item-text')
                    self.concept(goal)
                    if p.get('status') == 'proposal':
                        with ui.row().classes('pb-proposal-bar items-center gap-2 w-full'):
                            ui.icon('lightbulb', size='sm').classes('text-secondary')
                            ui.label(self.t('plan.goal.proposal_by', name=p.get('written_by_name') or '?')) \
                                .classes('grow font-medium')
                            if self.may(goal, status='active'):
                                self.action('plan.goal.accept', 'thumb_up', lambda: self.set(goal, status='active'),
                                            f'accept-{goal.id}', flat=False)
                    self.line('plan.goal.owners', ', '.join(people.get(i, '?') for i in p.get('owners', [])))
                    if p.get('domain'):
                        self.line('plan.goal.domain', self.t(f"plan.domain.{p['domain']}"))
                    self.dates(p, ('start', 'plan.start'), ('planned_end', 'plan.planned_end'),
                               ('reached', 'plan.goal.reached'))
                    if p.get('progress') is not None:
                        with ui.label(f"{face(p['progress'])} {p['progress']}/10").classes('pb-face-small'):
                            ui.tooltip(self.t('plan.goal.progress'))  # inside: `.tooltip()` anchors by id (issue 10)
                    self.line('plan.goal.supporters', ', '.join(people.get(i, '?') for i in p.get('supporters', [])))
                    if p.get('written_by_name'):
                        ui.label(self.t('plan.goal.written_by', name=p['written_by_name'])).classes('pb-small')
            if not removed:
                today = dt.date.today().isoformat()
                with ui.row().classes('w-full gap-1 justify-end pb-actions'):
                    if self.may_edit(goal) or self.may_edit(goal, 'planned_end'):
                        self.action('plan.edit', 'edit', lambda: self.edit(goal.id, dict(p)), f'edit-goal-{goal.id}')
                    if not p.get('reached') and self.may(goal, reached=today):
                        self.action('plan.goal.reach', 'celebration',
                                    lambda: self.set(goal, reached=dt.date.today().isoformat()),
                                    f'reach-{goal.id}', color='positive')
                    if self.may(goal, status='removed'):
                        self.action('plan.remove', 'delete_outline', lambda: self.set(goal, status='removed'),
                                    f'remove-goal-{goal.id}', color='negative')

    async def set(self, goal: Element, **props: Any) -> None:
        await self.page.push([{'op': 'update', 'id': goal.id, 'props': props}])

    def edit(self, goal_id: str | None, props: dict[str, Any]) -> None:
        kader = props.get('kind') == 'kader'
        title = 'plan.goal.edit' if goal_id else 'plan.goal.new_kader' if kader else 'plan.goal.new'
        family = self.page.names('family_member')
        everyone = family | self.page.names('network_person')
        goal = self.page.element(goal_id) if goal_id else None
        with ElementDialog(self.page, 'goal', goal_id, props, self.t(title),
                           extra={'kind': 'kader'} if kader and not goal_id else None) as form:
            words = form.text('text', self.t('plan.goal.text'), area=True)
            if not self.may_edit(goal):  # the family's own words: a professional reads them and proposes
                words.props['readonly'] = True
                words.props['hint'] = self.t('plan.goal.family_words')
            if family:
                form.chips('owners', self.t('plan.goal.owners_q'), family)
            form.select('domain', self.t('plan.goal.domain'), self.domains())
            form.date('start', self.t('plan.start'))
            form.date('planned_end', self.t('plan.planned_end'))
            if self.may_edit(goal, 'reached'):
                form.date('reached', self.t('plan.goal.reached'))
            form.custom('progress', progress_slider(self.t, props.get('progress')))
            if everyone:
                form.chips('supporters', self.t('plan.goal.supporters_q'), everyone)
