"""The plan view: every part of the gezinsplan as forms and lists, live, at ``/board/{id}/plan``.

Like the board page, this page is a client of the board hub: it joins when the browser connects, reads
what this person may see from the hub, and sends every edit as operations. When a commit arrives, only
the tabs showing the changed element types are redrawn; editors live in dialogs outside the lists, so a
redraw never takes away what someone is typing.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
import uuid
from typing import Any

from nicegui import Client, ui

from board.elements import Element
from board.plan import remove_person_operations
from board.hub import Session
from board.identity import Role

from ..i18n import error_message, translate
from ..people import language
from .download import download_plan
from .layout import header, header_button
from .lookup import OpenBoard, open_board
from .plan_parts.agreements import AgreementsPart
from .plan_parts.base import Part
from .plan_parts.evaluation import EvaluationPart
from .plan_parts.family import FamilyPart
from .plan_parts.goals import GoalsPart
from .plan_parts.network import NetworkPart
from .plan_parts.people import PeoplePart

log = logging.getLogger(__name__)
PLACEMENT = frozenset({'x', 'y', 'w', 'h'})
"""Props only the canvas shows; the board canvas sends them 20–30 times a second while dragging."""
PARTS: tuple[type[Part], ...] = (FamilyPart, PeoplePart, NetworkPart, GoalsPart, AgreementsPart, EvaluationPart)


class PlanPage:
    """One browser tab on one board's plan."""

    def __init__(self, opened: OpenBoard, client: Client) -> None:
        self.hub, self.actor = opened.hub, opened.actor
        self.language = language()  # fixed per page: redraws run in the hub's task, outside this request
        self.readonly = self.actor.role == Role.SCREEN
        self.session: Session | None = None
        self.seq = self.hub.seq
        with header(self.hub.info.name):
            header_button(self.t('plan.to_board'), 'dashboard', opened.url(), 'open-board')
            header_button(self.t('pdf.button'), 'picture_as_pdf', lambda: download_plan(self.hub, self.actor),
                          'download-pdf')
        self.dialog_host = ui.element('div')
        """Dialogs live here, outside the redrawn lists."""
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
        client.on_connect(self.connect)
        client.on_disconnect(self.leave)
        client.on_delete(self.leave)

    def t(self, key: str, **values: Any) -> str:
        return translate(key, self.language, **values)

    # the board, as this person may see it

    def element(self, element_id: str) -> Element | None:
        return self.hub.element_for(self.actor, element_id)

    def visible(self) -> list[Element]:
        """Everything on the board this person may see (what the metrics are computed over)."""
        return self.hub.visible_elements(self.actor)

    def person_removal(self, person_id: str | None) -> Callable[[], list[dict[str, Any]]]:
        """What removing this person means, worked out at the moment of removal over what this person may see."""
        return lambda: remove_person_operations({e.id: e for e in self.visible()}, person_id)

    def elements(self, type_: str) -> list[Element]:
        found = [e for e in self.visible() if e.type == type_]
        return sorted(found, key=lambda e: (e.props.get('number') or 0, e.props.get('name') or '', e.id))

    def names(self, *types: str) -> dict[str, str]:
        """Element id → name of the people of these types, for chips and lists."""
        return {e.id: e.props.get('name', '') for type_ in types for e in self.elements(type_)}

    # the hub

    @property
    def joined(self) -> bool:
        return self.session is not None and self.session.id in self.hub.sessions

    def connect(self) -> None:
        """Join once the browser is connected (so only connected people count as present), or catch up."""
        if self.joined:
            self.hub.resync(self.session, self.seq)
        else:
            self.session = self.hub.join(self.actor, self.deliver, since=self.seq)

    def leave(self) -> None:
        if self.session is not None:
            self.hub.leave(self.session)

    def deliver(self, message: dict[str, Any]) -> None:
        """A hub message: redraw the tabs whose element types changed (never blocks, never raises)."""
        if message.get('type') not in ('commit', 'catchup') or not message.get('changes'):
            return
        self.seq = max(self.seq, message['seq'])
        types = set()
        for change in message['changes']:
            if change['kind'] == 'patch' and set(change['props']) <= PLACEMENT:
                continue  # a card dragged on the canvas: nothing in the lists changes
            element_id = change['element']['id'] if change['kind'] == 'put' else change['id']
            if (element := self.hub.elements.get(element_id)) is not None:
                types.add(str(element.type))
        try:
            with self.root:
                for part in self.parts:
                    if message['type'] == 'catchup' or types & part.types:
                        part.render.refresh()
        except Exception:  # a page that is going away must not disturb the hub
            log.exception('plan view could not redraw after a %s message', message.get('type'))

    async def push(self, ops: list[dict[str, Any]]) -> bool:
        """Send one batch; on a refusal say why in the person's language and return ``False``."""
        if not self.joined:
            self.connect()
        result = await self.hub.push(self.session, uuid.uuid4().hex, ops)
        if result['type'] == 'reject':
            ui.notify(error_message(result['error'], self.language), type='negative', multi_line=True)
            return False
        return True


def register() -> None:
    @ui.page('/board/{board_id}/plan')
    async def plan_page(board_id: str, client: Client, token: str | None = None) -> None:
        opened = await open_board(board_id, token)
        if opened is not None:
            PlanPage(opened, client)
