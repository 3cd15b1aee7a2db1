"""Initials on a person's colour stay readable, whichever colour the family picks (WCAG 1.4.3)."""
from __future__ import annotations

import pytest

from app.contrast import BLACK, WHITE, contrast, ink_on
from app.pages.plan_parts.family import SWATCHES
from board.identity import PRESENCE_COLORS


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast('#FFFFFF', '#000000') == pytest.approx(21)
    assert contrast('#777777', '#FFFFFF') == pytest.approx(4.48, abs=0.01)
    assert contrast('#2e86ab', '#2e86ab') == 1


@pytest.mark.parametrize('color', sorted({*SWATCHES, *PRESENCE_COLORS, '#9e9e9e'}))
def test_every_colour_a_person_can_have_gets_ink_with_at_least_4_5_to_1(color: str) -> None:
    assert contrast(ink_on(color), color) >= 4.5


def test_white_stays_where_it_is_readable_and_pale_colours_get_black() -> None:
    assert ink_on('#2f6f5e') == WHITE
    assert ink_on('#c2185b') == WHITE
    assert ink_on('#ffc914') == BLACK
    assert ink_on('#f18f01') == BLACK
