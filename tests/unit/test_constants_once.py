"""Each constant in one table: the netwerkschema in the browser knows the rings only from what the server sends, and
the kinds of support are the netwerklijst's own."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.network_schema import GEOMETRY
from board.dutch import SUPPORT_KINDS as SUPPORT_WORDS
from board.elements import SUPPORT_KINDS, NetworkPerson, Ring
from tests.js import NODE, run_module

pytestmark = pytest.mark.skipif(NODE is None, reason='needs Node to run the schema code')


def test_the_schema_in_the_browser_places_a_drop_in_the_ring_the_server_counts(tmp_path: Path) -> None:
    geometry = json.loads(json.dumps(GEOMETRY))  # as the browser receives it
    middles = {ring.value: sum(geometry['rings'][str(ring.value)]) / 2 for ring in Ring}
    found = run_module(f"""
        import schema from "./network_schema.mjs";
        const self = {{ geometry: {json.dumps(geometry)} }};
        for (const [name, get] of Object.entries(schema.computed)) {{
          Object.defineProperty(self, name, {{ get: () => get.call(self) }});
        }}
        const middles = {json.dumps(middles)}, ringOf = schema.methods.ringOf;
        console.log(JSON.stringify({{
          rings: self.rings, outsideIn: self.ringsOutsideIn,
          at: Object.fromEntries(Object.entries(middles).map(([ring, r]) => [ring, ringOf.call(self, r)])),
          beyond: ringOf.call(self, 1.5),
        }}));
    """, tmp_path)
    assert found['rings'] == [ring.value for ring in Ring]
    assert found['outsideIn'] == [ring.value for ring in reversed(Ring)]
    assert found['at'] == {str(ring.value): ring.value for ring in Ring}
    assert found['beyond'] == Ring.PROFESSIONAL


def test_the_kinds_of_support_are_the_netwerklijst_scales_and_each_has_its_dutch_words() -> None:
    assert set(SUPPORT_KINDS) <= set(NetworkPerson.model_fields)
    assert list(SUPPORT_WORDS) == list(SUPPORT_KINDS)
