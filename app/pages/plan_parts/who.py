"""Wie doet wat: per person their own goals, the goals they help with, what kind of help they give, and their
agreements.

The round-table question "wie doet wat?" answered per person, beside the Afspraken tab that answers it per agreement.
Made by `network_graph.plan_load.who_does_what` over what this person may see, so a goal or agreement hidden from
them is not on it. The family first (the youngest first), then the own network, then the professionals.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from nicegui import ui

from board.elements import Ring
from network_graph.graph import network
from network_graph.plan_load import who_does_what

from .base import Part, face

GROUPS = (('family', 'plan.who.family'), ('network', 'plan.people.ring_network'),
          ('professional', 'plan.people.ring_professional'))


class WhoDoesWhatPart(Part):
    key = 'who'
    icon = 'diversity_3'
    types = frozenset({'agreement', 'goal', 'family_member', 'network_person'})

    def draw(self) -> None:
        found = who_does_what(network(self.page.visible()), dt.date.today())
        ui.label(self.t('plan.who.intro')).classes('pb-intro')
        if not found['people'] and not found['without_person']:
            self.empty('plan.who.empty')
        family = {e.id for e in self.page.elements('family_member')}
        with ui.column().classes('w-full gap-0').mark('who-list'):
            for group, title in GROUPS:
                people = [p for p in found['people'] if _group(p, family) == group]
                if people:
                    self.section(title)
                    for person in people:
                        self.card(person)
            if found['without_person']:
                self.section('plan.who.without_person')
                for agreement in found['without_person']:
                    with ui.card().classes('pb-item w-full').mark(f"who-none-{agreement['id']}"):
                        if agreement['who']:
                            ui.label(agreement['who']).classes('pb-call-name')
                        self.agreement(agreement, 'none')
        if found['nothing_yet']:
            ui.label(self.t('plan.who.nothing_yet', names=', '.join(p['name'] for p in found['nothing_yet']))) \
                .classes('pb-intro q-mt-md').mark('who-nothing-yet')

    def card(self, person: dict[str, Any]) -> None:
        element = self.page.element(person['id'])
        props = element.props if element else {}
        with ui.card().classes('pb-item w-full').mark(f"who-{person['id']}"), \
                ui.row().classes('w-full items-start no-wrap gap-3'):
            ring_color = '#2f6f5e' if person['ring'] != Ring.PROFESSIONAL else '#3F7CC0'
            face(person['name'], props.get('color') or ring_color, props.get('photo'))
            with ui.column().classes('gap-1 grow min-w-0'):
                ui.label(person['name']).classes('pb-call-name')
                where = ' · '.join(x for x in (person['relation'], person['organisation']) if x)
                if where:
                    ui.label(where).classes('text-grey-8')
                self.line('plan.people.roles', ', '.join(person['roles']))
                self.line('plan.who.kinds', ', '.join(self.t(f'network.kind_long.{k}') for k in person['kinds']))
                self.goals('plan.who.own_goals', person['own_goals'])
                self.goals('plan.who.supports', person['supports'])
                if person['agreements']:
                    ui.label(self.t('plan.who.agreements') + ':').classes('text-grey-7 pb-line')
                    for agreement in person['agreements']:
                        self.agreement(agreement, person['id'])

    def goals(self, label_key: str, goals: list[dict[str, Any]]) -> None:
        if goals:
            ui.label(self.t(label_key) + ':').classes('text-grey-7 pb-line')
            for goal in goals:
                ui.label(f"{goal['number'] or ''}. {goal['text']}".lstrip('. ')).classes('pb-who-item')

    def agreement(self, agreement: dict[str, Any], owner: str) -> None:
        """One agreement in a line: its number and words, the goal it serves, until when, and whether it is late."""
        with ui.row().classes('items-center gap-2 pb-who-item w-full'):
            ui.label(f"{agreement['number'] or ''}. {agreement['text']}".lstrip('. ')).classes('min-w-0')
            notes = [self.t('plan.who.goal', number=agreement['goal_number'])] if agreement['goal_number'] else []
            if agreement['planned_end'] and not agreement['done']:
                notes.append(self.t('plan.who.until', date=self.day(agreement['planned_end'])))
            if notes:
                ui.label(' · '.join(notes)).classes('pb-small')
            if agreement['late']:
                ui.badge(self.t('plan.agreement.late'), color='negative').classes('pb-badge') \
                    .mark(f"late-{owner}-{agreement['id']}")
            elif agreement['done']:
                ui.badge(self.t('plan.agreement.done_badge'), color='positive').classes('pb-badge')


def _group(person: dict[str, Any], family: set[str]) -> str:
    if person['id'] in family:
        return 'family'
    return 'professional' if person['ring'] == Ring.PROFESSIONAL else 'network'
