"""Big tap chips: the way to choose among a few options with a finger, in every editor."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

Getter = Callable[[], Any]


def chip_choice(options: dict[str, str], selected: list[str] | str | None, *, multiple: bool,
                required: bool = False, marker: str = '', fixed: str | None = None,
                on_fixed: Callable[[], Any] | None = None, on_change: Callable[[Any], Any] | None = None) -> Getter:
    """A wrap of big tap chips; returns a getter for the chosen key(s) in the options' order, or as they were
    when the same ones are chosen again (so saving an untouched form changes nothing).

    A tap toggles a chip (with one choice, it also clears the others); chosen chips are filled with a check.
    :param required: with one choice, tapping the chosen chip keeps it: a hurried second tap never leaves empty
        what must be chosen
    :param fixed: a key that stays chosen (e.g. the person choosing); tapping it calls `on_fixed` instead
    :param on_change: called with the new value after every tap that changed it
    """
    before = selected if isinstance(selected, list) else [selected] if selected else []
    chosen: set[str] = set(before)
    if fixed is not None:
        chosen.add(fixed)
    chips: dict[str, ui.chip] = {}

    def show(key: str) -> None:
        if key in chosen:
            chips[key].props('color=primary text-color=white icon=check')
        else:
            chips[key].props(remove='icon').props('color=grey-3 text-color=grey-10')

    def tap(key: str) -> None:
        if key == fixed:
            if on_fixed is not None:
                on_fixed()
            return
        if key in chosen:
            if required and not multiple:
                return
            chosen.discard(key)
        else:
            if not multiple:
                chosen.clear()
            chosen.add(key)
        for other in chips:
            show(other)
        if on_change is not None:
            on_change(value())

    with ui.row().classes('gap-1 pb-chips'):
        for key, label in options.items():
            chips[key] = ui.chip(label, on_click=lambda k=key: tap(k)).classes('pb-chip') \
                .mark(f'{marker}-{key}' if marker else '')
            show(key)

    def value() -> Any:
        if multiple and chosen == set(before):
            return list(before)
        ordered = [key for key in options if key in chosen]
        return ordered if multiple else (ordered[0] if ordered else None)
    return value
