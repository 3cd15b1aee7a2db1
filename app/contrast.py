"""Readable ink on a person's own colour (WCAG 2.2 contrast, 1.4.3).

A family member picks any colour for their dot, from a pale yellow to a deep blue; the initials on it are white
where white is readable and black where it is not. Between the two one always reaches 4.5:1.
"""
from __future__ import annotations

WHITE, BLACK = '#FFFFFF', '#000000'
READABLE = 4.5
"""The contrast WCAG asks of normal text (level AA)."""


def luminance(color: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour, as WCAG defines it."""
    hex_ = color.lstrip('#')
    channels = [int(hex_[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(background: str) -> str:
    """White, or black where white would not be readable on `background`."""
    return WHITE if contrast(WHITE, background) >= READABLE else BLACK
