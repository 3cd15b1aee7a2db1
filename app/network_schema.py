"""The netwerkschema in the browser: one custom element (`assets/network_schema.js`) kept live by the hub.

The geometry (sectors, ring edges, the centre) goes down once from `network_graph.schema_layout`, so the
browser places people by the same numbers as the PNG and turns a drop back into the same ring, sector and
distance. Taps, double taps and refused lines come up as events; drags and new lines go up as pushes.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from network_graph import schema_layout

from . import assets
from .live_element import PEOPLE_LOOK, LiveElement

COMPONENT = assets.DIR / 'network_schema.js'
SCHEMA_KEYS = assets.DIR / 'schema_keys.js'
"""The schema by keyboard and screen reader, and pinch-zoomed."""
GEOMETRY = {
    'sectors': list(schema_layout.SECTORS), 'wedge': schema_layout.WEDGE, 'centre': schema_layout.CENTRE,
    'rings': {str(ring): list(edges) for ring, edges in schema_layout.RINGS.items()},
    'family_distance': schema_layout.FAMILY_DISTANCE,
}


class NetworkSchema(LiveElement, component=COMPONENT, dependencies=[PEOPLE_LOOK, SCHEMA_KEYS]):

    def __init__(self, *, labels: dict[str, str], family_name: str, readonly: bool = False,
                 on_push: Callable[[str, list[Any]], Any] | None = None,
                 on_ready: Callable[[int, list[str]], Any] | None = None,
                 on_resync: Callable[[int, list[str]], Any] | None = None,
                 on_open: Callable[[str], Any] | None = None,
                 on_add: Callable[[dict[str, Any]], Any] | None = None,
                 on_tie_exists: Callable[[], Any] | None = None, fixed: list[str] | None = None,
                 on_not_movable: Callable[[str], Any] | None = None) -> None:
        """Netwerkschema

        `on_push`, `on_ready` and `on_resync` are those of `LiveElement`.

        :param labels: the words it shows: ``sector.<key>``, ``ring.<n>``, ``family``, hints
        :param family_name: shown in the centre of the whole-family schema
        :param readonly: look only (a shared screen)
        :param on_open: ``(element_id)`` — a person or a line was tapped
        :param on_add: ``({ring, sector, distance, centre})`` — a double tap on an empty spot
        :param on_tie_exists: two people were joined who already have a line
        :param fixed: the people this person may not move (someone else's, for a child); see `set_fixed`
        :param on_not_movable: ``(element_id)`` — an arrow key asked to move someone this person may not move
        """
        super().__init__(on_push=on_push, on_ready=on_ready, on_resync=on_resync)
        with self._props.suspend_updates():
            self._props['labels'] = labels
            self._props['geometry'] = GEOMETRY
            self._props['family-name'] = family_name
            self._props['readonly'] = readonly
            self._props['fixed'] = fixed or []
        self.on('open', lambda e: on_open and on_open(str(e.args['id'])))
        self.on('add', lambda e: on_add and on_add(dict(e.args)))
        self.on('tie_exists', lambda e: on_tie_exists and on_tie_exists())
        self.on('not_movable', lambda e: on_not_movable and on_not_movable(str(e.args['id'])))

    def set_centre(self, member_id: str | None) -> None:
        """The whole family (``None``) or one member's own schema (the VIP view)."""
        self.run_method('setCentre', member_id or '')

    def set_fixed(self, ids: list[str]) -> None:
        """Who may not be dragged now (after a commit: new people, or who manages the board changed)."""
        self._props['fixed'] = ids
        self.run_method('setFixed', ids)

    def set_tie_mode(self, on: bool) -> None:
        self.run_method('setTieMode', on)
