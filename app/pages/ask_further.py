"""The "Vraag door!" card: the gentle questions of `network_graph.ask_further`, each with a picture and its sector.

Shown beside a netwerkschema (the schema page, the plan view's Netwerk tab, the VIP-lijst); on a member's own
schema the questions speak to that member ("je") instead of the family ("jullie").
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from nicegui import ui

from board.elements import Element
from network_graph.ask_further import ask_further

ICONS = {
    'empty_informal': 'diversity_3',
    'thin_informal': 'group_add',
    'more_professionals': 'handshake',
    'empty.familie': 'family_restroom',
    'empty.vrienden': 'group',
    'empty.buren': 'house',
    'empty.kennissen': 'waving_hand',
    'ouders_vriendjes': 'escalator_warning',
    'empty.verenigingen': 'sports_soccer',
    'empty.werk_school': 'work',
    'empty.religie': 'volunteer_activism',
    'lifelong.huisarts': 'medical_services',
    'lifelong.school': 'school',
    'lifelong.jgz': 'child_care',
}
"""A picture per question, so the card can be read without reading much."""


def show_ask_further(elements: Iterable[Element], t: Callable[..., str], centre: str | None = None) -> None:
    """Draw the "Vraag door!" card for one schema; nothing when there is nothing to ask.

    :param elements: what the viewer may see
    :param t: the page's translate function
    :param centre: ``None`` for the whole family; a family member's id for their own schema
    """
    prompts = ask_further(elements, centre)
    if not prompts:
        return
    voice = 'family' if centre is None else 'own'
    with ui.card().classes('pb-item pb-ask-further w-full').mark('ask-further'):
        with ui.row().classes('items-center gap-2 no-wrap'):
            ui.icon('contact_support', size='md').classes('text-primary')
            ui.label(t('ask.title')).classes('pb-card-title')
        ui.label(t('ask.intro')).classes('text-grey-8')
        for prompt in prompts:
            with ui.row().classes('pb-ask-question no-wrap items-start gap-3 w-full').mark(f"ask-{prompt['key']}"):
                ui.icon(ICONS.get(prompt['key'], 'help_outline'), size='md').classes('pb-ask-icon')
                with ui.column().classes('gap-0 min-w-0'):
                    if prompt['sector']:
                        ui.label(t(f"plan.sector.{prompt['sector']}")).classes('pb-ask-sector')
                    ui.label(t(f"ask.{voice}.{prompt['key']}", **prompt['values'])).classes('pb-sentence')
