"""The plan view: every part of the gezinsplan as forms and lists, live, at ``/board/{id}/plan``.

Like every board page, this page is a client of the board hub (`HubPage`). When a commit arrives, only
the tabs showing the changed element types are redrawn; editors live in dialogs outside the lists, so a
redraw never takes away what someone is typing.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi.responses import RedirectResponse
from nicegui import Client, ui

from board import audit

from .. import family_data
from .hub_page import PEOPLE, HubPage, changed_types
from .layout import header
from .lookup import OpenBoard, open_board
from .navigation import board_navigation
from .plan_parts.agreements import AgreementsPart
from .plan_parts.base import Part
from .plan_parts.evaluation import EvaluationPart
from .plan_parts.family import FamilyPart
from .plan_parts.goals import GoalsPart
from .plan_parts.network import NetworkPart
from .plan_parts.people import PeoplePart
from .plan_parts.who import WhoDoesWhatPart

log = logging.getLogger(__name__)
PARTS: tuple[type[Part], ...] = (FamilyPart, PeoplePart, NetworkPart, GoalsPart, AgreementsPart, WhoDoesWhatPart,
                                 EvaluationPart)


class PlanPage(HubPage):
    """One browser tab on one board's plan."""

    def __init__(self, opened: OpenBoard, client: Client) -> None:
        super().__init__(opened, client)
        with header(self.hub.info.name):
            board_navigation(opened, '/plan')
        self.parts = [part(self) for part in PARTS]
        with ui.column().classes('pb-plan w-full max-w-4xl mx-auto gap-0') as self.root:
            with ui.tabs().props('mobile-arrows outside-arrows active-color=primary indicator-color=primary') \
                    .classes('pb-tabs w-full text-grey-8') as tabs:
                for part in self.parts:
                    ui.tab(part.key, label=self.t(f'plan.tab.{part.key}'), icon=part.icon).mark(f'tab-{part.key}')
            with ui.tab_panels(tabs, value=self.parts[0].key).props('animated=false').classes('w-full pb-panels'):
                for part in self.parts:
                    with ui.tab_panel(part.key).classes('px-2 py-3'):
                        part.render()

    def deliver(self, message: dict[str, Any]) -> None:
        """A hub message: redraw the tabs whose element types changed (never blocks, never raises)."""
        if message.get('type') not in ('commit', 'catchup') or not message.get('changes'):
            return
        self.seq = max(self.seq, message['seq'])
        types = changed_types(self.hub, message)
        everything = message['type'] == 'catchup' or bool(types & PEOPLE)  # every item's sharing words name people
        try:
            with self.root:
                for part in self.parts:
                    if everything or types & part.types:
                        part.render.refresh()
        except Exception:  # a page that is going away must not disturb the hub
            log.exception('plan view could not redraw after a %s message', message.get('type'))


def register() -> None:
    @ui.page('/board/{board_id}/plan')
    async def plan_page(board_id: str, client: Client, token: str | None = None) -> RedirectResponse | None:
        opened = await open_board(board_id, token)
        if not isinstance(opened, OpenBoard):
            return opened
        await family_data.note(board_id, opened.actor, audit.VIEWED, 'plan')
        PlanPage(opened, client)
