"""Afspraken: wie doet wat en wanneer. Late ones first with a 'Te laat' badge; the two standard ones always there."""
from __future__ import annotations

import datetime as dt
from typing import Any

from nicegui import ui

from board.elements import Element

from .base import Part
from .form import ElementDialog


def is_overdue(agreement: Element, today: dt.date) -> bool:
    """Planned end before today and not done (as `board.elements.Agreement.overdue`, on stored ISO dates)."""
    p = agreement.props
    return not p.get('done') and bool(p.get('planned_end')) and p['planned_end'] < today.isoformat()


class AgreementsPart(Part):
    key = 'agreements'
    icon = 'handshake'
    types = frozenset({'agreement', 'goal', 'family_member', 'network_person'})

    def goal_label(self, goal: Element) -> str:
        return f"{goal.props.get('number') or ''}. {goal.props.get('text', '')}"

    def draw(self) -> None:
        today = dt.date.today()
        agreements = sorted(self.page.elements('agreement'),
                            key=lambda a: (not is_overdue(a, today), a.props.get('number') or 0))
        self.add_button('plan.agreement.add', lambda: self.edit(None, {}), 'add-agreement')
        if not agreements:
            self.empty('plan.agreement.empty')
        elif all(a.props.get('standard') for a in agreements):  # there are agreements: ask for the family's own
            self.empty('plan.agreement.only_standard')
        for agreement in agreements:
            self.card(agreement, today)

    def card(self, agreement: Element, today: dt.date) -> None:
        p = agreement.props
        people = self.page.names('family_member', 'network_person')
        late = is_overdue(agreement, today)
        state = (' pb-late' if late else '') + (' pb-done' if p.get('done') else '')
        with ui.card().classes('pb-item w-full' + state) \
                .mark(f'agreement-{agreement.id}'):
            with ui.row().classes('w-full items-start no-wrap gap-3'):
                ui.label(str(p.get('number') or '')).classes('pb-number')
                with ui.column().classes('gap-1 grow'):
                    with ui.row().classes('items-center gap-2'):
                        self.seen_by(agreement)
                        if late:
                            ui.badge(self.t('plan.agreement.late'), color='negative').classes('pb-badge') \
                                .mark(f'late-{agreement.id}')
                        if p.get('done'):
                            ui.badge(self.t('plan.agreement.done_badge'), color='positive').classes('pb-badge')
                        if p.get('standard'):
                            ui.badge(self.t('plan.agreement.standard'), color='grey-8').classes('pb-badge')
                    ui.label(p.get('text', '')).classes('pb-item-text')
                    self.concept(agreement)
                    named = [name for name in (people.get(i, '?') for i in p.get('who_ids', []))
                             if name not in p.get('who', '')]
                    who = ', '.join([p['who']] * bool(p.get('who')) + named)
                    self.line('plan.agreement.who', who)
                    goal = self.page.element(p['goal_id']) if p.get('goal_id') else None
                    if goal is not None:
                        self.line('plan.agreement.goal', self.goal_label(goal))
                    self.dates(p, ('start', 'plan.start'), ('planned_end', 'plan.planned_end'),
                               ('done', 'plan.agreement.done'))
            with ui.row().classes('w-full gap-1 justify-end pb-actions'):
                if self.may_edit(agreement):
                    self.action('plan.edit', 'edit', lambda: self.edit(agreement.id, dict(p)),
                                f'edit-agreement-{agreement.id}')
                if not p.get('done') and self.may(agreement, done=today.isoformat()):
                    self.action('plan.agreement.finish', 'task_alt', lambda: self.finish(agreement),
                                f'finish-{agreement.id}', color='positive')
                if not p.get('standard') and self.may(agreement, deleted=True):
                    self.action('editor.delete', 'delete_outline', lambda: self.remove(agreement),
                                f'delete-agreement-{agreement.id}', color='negative')

    async def finish(self, agreement: Element) -> None:
        await self.page.push([{'op': 'update', 'id': agreement.id, 'props': {'done': dt.date.today().isoformat()}}])

    async def remove(self, agreement: Element) -> None:
        await self.page.push([{'op': 'delete', 'id': agreement.id}])

    def edit(self, agreement_id: str | None, props: dict[str, Any]) -> None:
        goals = {g.id: self.goal_label(g) for g in self.page.elements('goal')
                 if g.props.get('status') != 'removed' or g.id == props.get('goal_id')}
        people = self.page.names('family_member', 'network_person')
        title = 'plan.agreement.edit' if agreement_id else 'plan.agreement.new'
        with ElementDialog(self.page, 'agreement', agreement_id, props, self.t(title)) as form:
            form.text('text', self.t('plan.agreement.what'), area=True)
            form.text('who', self.t('plan.agreement.who_q'))
            if people:
                form.chips('who_ids', self.t('plan.agreement.who_people'), people)
            form.select('goal_id', self.t('plan.agreement.goal'), goals)
            form.date('start', self.t('plan.start'))
            form.date('planned_end', self.t('plan.planned_end'))
            form.date('done', self.t('plan.agreement.done'))
