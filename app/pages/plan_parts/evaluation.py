"""Evaluatie: key points and next steps per goal, and zelfredzaamheid per levensdomein seen twice.

Each evaluation shows, per domain, how the score moved since the start evaluation ('2 → 4 (+2)'), so
the family sees how far they came. The family scores how they see it, the coach how the coach sees it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from nicegui import ui

from board.elements import Element, LifeDomain

from .base import PROFESSIONALS, Part
from .form import BadInput, ElementDialog

KINDS = ('start', 'tussentijds', 'eind')
SCORES = {n: str(n) for n in range(1, 6)}


def change_text(start: int | None, now: int | None) -> tuple[str, str]:
    """'2 → 4 (+2)' and a colour class; just the score when there is nothing to compare with."""
    if now is None:
        return '–', 'text-grey-8'
    if start is None:
        return str(now), 'text-grey-9'
    diff = now - start
    colour = 'pb-up' if diff > 0 else 'pb-down' if diff < 0 else 'text-grey-8'
    return f'{start} → {now} ({diff:+d})', colour


class EvaluationPart(Part):
    key = 'evaluation'
    icon = 'insights'
    types = frozenset({'evaluation', 'goal'})

    def draw(self) -> None:
        evaluations = sorted(self.page.elements('evaluation'), key=lambda e: (e.props.get('date', ''), e.id))
        start = next((e for e in evaluations if e.props.get('kind') == 'start'), None)
        self.add_button('plan.eval.add', lambda: self.edit(None, {}), 'add-evaluation')
        if not evaluations:
            self.empty('plan.eval.empty')
        for evaluation in reversed(evaluations):
            self.card(evaluation, start if start is not None and start.id != evaluation.id else None)

    def card(self, evaluation: Element, start: Element | None) -> None:
        p = evaluation.props
        goals = {g.id: g for g in self.page.elements('goal')}
        with ui.card().classes('pb-item w-full').mark(f'evaluation-{evaluation.id}'):
            with ui.row().classes('items-center gap-2'):
                ui.label(self.day(p.get('date'))).classes('pb-item-text')
                ui.badge(self.t(f"plan.eval.kind.{p.get('kind', 'tussentijds')}"), color='accent').classes('pb-badge')
                self.seen_by(evaluation)
            self.concept(evaluation)
            if p.get('summary'):
                ui.label(p['summary'])
            self.line('plan.eval.next_steps', p.get('next_steps', ''))
            for points in p.get('goals', []):
                goal = goals.get(points['goal_id'])
                ui.label(f"{goal.props.get('number')}. {goal.props.get('text')}" if goal else '?') \
                    .classes('font-medium q-mt-sm')
                self.line('plan.eval.points', points.get('points', ''))
                self.line('plan.eval.goal_next', points.get('next_steps', ''))
            self.score_table(p.get('scores', []), start.props.get('scores', []) if start else [])
            if self.may_edit(evaluation):
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('plan.edit', 'edit', lambda: self.edit(evaluation.id, dict(p)),
                                f'edit-evaluation-{evaluation.id}')

    def score_table(self, scores: list[dict[str, Any]], start_scores: list[dict[str, Any]]) -> None:
        if not scores:
            return
        before = {s['domain']: s for s in start_scores}
        ui.label(self.t('plan.eval.scores') + (' ' + self.t('plan.eval.since_start') if start_scores else '')) \
            .classes('pb-card-title q-mt-sm')
        with ui.grid(columns='minmax(0,2fr) minmax(0,1fr) minmax(0,1fr)').classes('w-full gap-x-3 gap-y-1 pb-scores'):
            for head in ('plan.eval.domain', 'plan.eval.family', 'plan.eval.coach'):
                ui.label(self.t(head)).classes('text-grey-7')
            for score in scores:
                was = before.get(score['domain'], {})
                ui.label(self.t(f"plan.domain.{score['domain']}"))
                for who in ('family', 'coach'):
                    text, colour = change_text(was.get(who), score.get(who))
                    ui.label(text).classes(f'font-medium {colour}').mark(f"score-{score['domain']}-{who}")

    def edit(self, evaluation_id: str | None, props: dict[str, Any]) -> None:
        props = props or {'date': dt.date.today().isoformat(), 'kind': 'tussentijds' if self.page.elements(
            'evaluation') else 'start'}
        title = 'plan.eval.edit' if evaluation_id else 'plan.eval.new'
        with ElementDialog(self.page, 'evaluation', evaluation_id, props, self.t(title)) as form:
            form.date('date', self.t('plan.eval.date'))
            get_date = form.getters['date']

            def date() -> str:
                if (value := get_date()) is None:
                    raise BadInput('plan.eval.date_needed')
                return value
            form.custom('date', date)
            form.chips('kind', self.t('plan.eval.kind_q'), {k: self.t(f'plan.eval.kind.{k}') for k in KINDS},
                       multiple=False)
            form.text('summary', self.t('plan.eval.summary'), area=True)
            form.text('next_steps', self.t('plan.eval.next_steps'), area=True)
            form.custom('goals', self.goal_fields(props.get('goals', [])))
            form.custom('scores', self.score_fields(props.get('scores', [])))

    def goal_fields(self, existing: list[dict[str, Any]]) -> Any:
        """Key points and next steps for every goal still in the plan (and any already written about)."""
        old = {g['goal_id']: g for g in existing}
        goals = [g for g in self.page.elements('goal') if g.props.get('status') != 'removed' or g.id in old]
        fields: dict[str, tuple[ui.textarea, ui.textarea]] = {}
        if goals:
            ui.label(self.t('plan.eval.per_goal')).classes('text-subtitle1 text-grey-9')
        for goal in goals:
            ui.label(f"{goal.props.get('number')}. {goal.props.get('text')}").classes('font-medium')
            was = old.get(goal.id, {})
            fields[goal.id] = (
                ui.textarea(self.t('plan.eval.points'), value=was.get('points', '')).props('outlined autogrow')
                .classes('w-full').mark(f'points-{goal.id}'),
                ui.textarea(self.t('plan.eval.goal_next'), value=was.get('next_steps', '')).props('outlined autogrow')
                .classes('w-full'))

        def value() -> list[dict[str, Any]]:
            kept = [g for g in existing if g['goal_id'] not in fields]
            return kept + [{'goal_id': goal_id, 'points': points.value or '', 'next_steps': steps.value or ''}
                           for goal_id, (points, steps) in fields.items()
                           if points.value or steps.value or goal_id in old]
        return value

    def score_fields(self, existing: list[dict[str, Any]]) -> Any:
        """Per levensdomein two rows of five tap buttons; each person may fill in only their own row."""
        old = {s['domain']: s for s in existing}
        actor = self.page.actor
        may = {'family': actor.in_family, 'coach': actor.role in PROFESSIONALS}
        rows: dict[str, dict[str, ui.toggle]] = {}
        ui.label(self.t('plan.eval.scores')).classes('text-subtitle1 text-grey-9 q-mt-md')
        ui.label(self.t('plan.eval.scale')).classes('pb-small')
        for domain in LifeDomain:
            rows[domain.value] = {}
            with ui.column().classes('pb-score-domain w-full gap-1'):
                ui.label(self.t(f'plan.domain.{domain.value}')).classes('font-medium')
                for who in ('family', 'coach'):
                    with ui.row().classes('items-center gap-2 no-wrap'):
                        ui.label(self.t(f'plan.eval.how_{who}')).classes('pb-score-question')
                        toggle = ui.toggle(SCORES, value=old.get(domain.value, {}).get(who), clearable=True) \
                            .props('unelevated toggle-color=primary padding="8px 14px"').classes('pb-score-toggle') \
                            .mark(f'set-score-{domain.value}-{who}')
                        if not may[who]:
                            toggle.disable()
                        rows[domain.value][who] = toggle

        def value() -> list[dict[str, Any]]:
            result = []
            for domain, toggles in rows.items():
                family, coach = toggles['family'].value, toggles['coach'].value
                if family is not None or coach is not None:
                    result.append({'domain': domain, 'family': family, 'coach': coach})
            return result
        return value
