"""A browser tab as a client of one board's hub: what the board, the plan view and the netwerkschema page share.

The page reads what this person may see from the hub and sends every edit as operations; it decides nothing
about visibility itself. It joins the hub once the browser is connected (so only connected people count as
present), catches up once after each reconnect, and leaves when the browser goes away. The plan's editors
(`plan_parts`) work on any `HubPage`.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from nicegui import Client, ui

from board.elements import Element
from board.hub import BoardHub, Session
from board.identity import Role
from board.plan import remove_person_operations

from ..i18n import error_message, translate
from ..live_element import LiveElement
from ..people import language
from .closed import show_closed
from .lookup import OpenBoard
from .sharing import SeenBy

PLACEMENT = frozenset({'x', 'y', 'w', 'h'})
"""Props only the canvas shows; the board canvas sends them 20–30 times a second while dragging."""
PEOPLE = frozenset({'family_member', 'network_person', 'family_info'})
"""Who is on the board, who is the household and who coordinates: the names every list item's sharing words use."""


class HubPage:
    """Subclasses say what to do with each hub message (`deliver`) and may hold more than a sequence number
    (`holding`)."""

    def __init__(self, opened: OpenBoard, client: Client) -> None:
        self.opened = opened
        self.hub, self.actor = opened.hub, opened.actor
        self.language = language()  # fixed per page: redraws run in the hub's task, outside this request
        self.readonly = self.actor.role == Role.SCREEN
        self.session: Session | None = None
        self.seq = self.hub.seq
        self._seen_by: SeenBy | None = None
        self.view: LiveElement | None = None
        """The live view in the browser (the canvas, the schema), if the page has one: it says what it holds."""
        self.dialog_host = ui.element('div')
        """Dialogs live here, outside anything that is redrawn."""
        client.on_connect(self.connected)
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

    def seen_by(self) -> SeenBy:
        """Who sees what, in words, for this person on the board as it is now (made once per version)."""
        self._seen_by = SeenBy.kept(self._seen_by, self.t, self.actor, self.hub.rights)
        return self._seen_by

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

    def holding(self) -> tuple[int, list[str]]:
        """The last sequence number this page has seen, and the element ids its browser holds."""
        if self.view is not None:
            return self.view.seq, list(self.view.elements)
        return self.seq, []

    def connected(self) -> None:
        """The browser (re)connected. A mounted live view asks for its catch-up itself, with what it holds
        (`browser_ready`): answering here too would send every reconnect two. Before it is mounted (a first load,
        or no browser at all) the page joins here, and what comes is kept for the view's first render."""
        if self.view is None or not self.view.mounted:
            self.connect()

    def browser_ready(self, since: int, known: list[str]) -> None:
        """The live view is mounted, or back after a reconnect, holding the board up to `since` (its `on_ready` and
        `on_resync`)."""
        self.connect(since, known)

    def connect(self, since: int | None = None, known: list[str] | None = None) -> None:
        """Join, or catch up after a reconnect, from what the browser holds (by default: what this page sent it)."""
        since, known = self.holding() if since is None else (since, known or [])
        if self.joined:
            self.hub.resync(self.session, since, known)
        else:
            self.session = self.hub.join(self.actor, self.receive, since=since, known=known)

    def leave(self) -> None:
        """Gone from the hub (and from the avatars) while the browser is away; a reconnect joins again."""
        if self.session is not None:
            self.hub.leave(self.session)

    def receive(self, message: dict[str, Any]) -> None:
        """A hub message: the board going away is the same for every page, the rest is the page's (`deliver`)."""
        if message.get('type') == 'closed':
            show_closed(self.dialog_host.client, self.language)
        else:
            self.deliver(message)

    def deliver(self, message: dict[str, Any]) -> None:
        """One hub message for this page; must never block or raise."""
        raise NotImplementedError

    async def push(self, ops: list[dict[str, Any]], cid: str | None = None) -> bool:
        """Send one batch; on a refusal say why in the person's language and return ``False``."""
        if not self.joined:
            self.connect()
        result = await self.hub.push(self.session, cid or uuid.uuid4().hex, ops)
        if result['type'] == 'reject':
            self.show_reject(result['error'], ops)
            return False
        return True

    def show_reject(self, error: dict[str, Any], ops: list[dict[str, Any]]) -> None:
        """Say why, naming a field in the words of the refused element's type ('wat voor evaluatie dit is')."""
        index = error.get('index')
        op = ops[index] if isinstance(index, int) and 0 <= index < len(ops) else {}
        element = self.element(op.get('id', ''))
        type_ = op.get('type') or (element.type if element is not None else None)
        self.notify(error_message(error, self.language, type_), type='negative', multi_line=True,
                    attrs={'role': 'status'})  # said politely (Quasar's own is an alert)

    def notify(self, message: str, **options: Any) -> None:
        """Say something on this page, also from a button that is gone by now (a closed dialog, a redrawn list):
        `ui.notify` alone looks for the page through the tapped element and fails once that was deleted."""
        with self.dialog_host.client:
            ui.notify(message, **options)


def changed_types(hub: BoardHub, message: dict[str, Any]) -> set[str]:
    """The element types a commit or catch-up changed, leaving out cards only dragged on the canvas."""
    types = set()
    for change in message['changes']:
        if change['kind'] == 'patch' and set(change['props']) <= PLACEMENT and 'visibility' not in change:
            continue  # a card dragged on the canvas: nothing in the lists changes
        element_id = change['element']['id'] if change['kind'] == 'put' else change['id']
        if (element := hub.elements.get(element_id)) is not None:
            types.add(str(element.type))
    return types
