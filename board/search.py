"""Finding a card or a person by a word, in what the viewer may see (callers pass the viewer's elements)."""
from __future__ import annotations

from collections.abc import Iterable

from .elements import Element

SEARCHED = ('text', 'name', 'title', 'label', 'who', 'relation', 'organisation', 'summary', 'next_steps',
            'important', 'hours', 'roles')
"""The props that hold words a person would search for."""


def search(elements: Iterable[Element], query: str, limit: int = 50) -> list[Element]:
    """Live elements with every word of `query` in their words (case-insensitive), in a stable order."""
    words = query.casefold().split()
    if not words:
        return []
    found = []
    for element in elements:
        if element.deleted:
            continue
        text = ' '.join(str(element.props.get(key) or '') for key in SEARCHED).casefold()
        if all(word in text for word in words):
            found.append(element)
    return sorted(found, key=lambda e: (str(e.type), e.props.get('number') or 0, e.id))[:limit]
