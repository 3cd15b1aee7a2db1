"""The network in figures (easyNWK's per-sector figures) and doelen per gezinslid on screen.

The Netwerk tab shows every column; beside the netwerkschema a short table fits the panel. Both read the metrics of
what the viewer may see (`network_graph.summary.all_metrics` over the page's visible elements), so a hidden person,
goal or agreement is not counted. Definitions: docs/metrics.md.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel.numbers import format_decimal, format_percent
from nicegui import ui

FULL = ('sector', 'people', 'ties', 'density', 'degree', 'stars', 'isolated')
SHORT = ('sector', 'people', 'density', 'degree')
"""Columns of the table beside the schema: the names are listed below it, for the whole network."""


def sector_label(t: Callable[..., str], sector: str) -> str:
    return t(f'plan.sector.{sector}').split(' (')[0]  # 'Buren (ook oude buren)' is 'Buren' in a table


def decimal(value: float | None, language: str) -> str:
    """One decimal, written the way the language writes numbers (1,5 or 1.5 or ١٫٥)."""
    return '–' if value is None else format_decimal(value, format='0.0', locale=language)


def names(people: list[dict[str, Any]]) -> str:
    return ', '.join(p['name'] for p in people)


def _numbers(numbers: list[int | None]) -> str:
    return ', '.join(str(n) for n in numbers if n) or '–'


def _row(label: str, found: dict[str, Any], language: str) -> dict[str, Any]:
    density = '–' if found['density'] is None else format_percent(found['density'], locale=language)
    degree = f"{decimal(found['degree_mean'], language)} ± {decimal(found['degree_sd'], language)}" \
        if found['people'] else '–'
    return {'sector': label, 'people': found['people'], 'ties': found['ties'], 'density': density, 'degree': degree,
            'stars': names(found['stars']), 'isolated': names(found['isolated'])}


def sector_table(t: Callable[..., str], sectors: dict[str, Any], columns: tuple[str, ...], marker: str,
                 language: str) -> None:
    """One row per sector with people, then the whole network."""
    rows = [_row(sector_label(t, key), found, language) for key, found in sectors['per_sector'].items()
            if found['people']]
    rows.append(_row(t('figures.whole'), sectors['whole'], language))
    sticky = {'classes': 'pb-table-name', 'headerClasses': 'pb-table-name'}  # the sector stays in view on a phone
    ui.table(columns=[{'name': key, 'label': t(f'figures.{key}'), 'field': key, 'align': 'left'}
                      | (sticky if key == 'sector' else {}) for key in columns],
             rows=rows, row_key='sector', pagination=0) \
        .props('flat bordered dense separator=cell hide-bottom wrap-cells') \
        .classes('pb-coach-table pb-figures w-full' + (' pb-figures-short' if columns == SHORT else '')).mark(marker)


def network_figures(t: Callable[..., str], metrics: dict[str, Any], language: str, *, short: bool = False) -> None:
    """A card with the figures; the short one names the whole network's stars and those on their own below it."""
    marker = 'schema-figures' if short else 'network-figures'
    with ui.card().classes('pb-item w-full').mark(marker):
        ui.label(t('figures.title')).classes('pb-card-title')
        sector_table(t, metrics['sectors'], SHORT if short else FULL, 'schema-sectors' if short else 'sector-figures',
                     language)
        whole = metrics['sectors']['whole']
        if short:
            for key in ('stars', 'isolated'):
                if whole[key]:
                    with ui.row().classes('pb-pair gap-1 no-wrap items-baseline'):
                        ui.label(t(f'figures.{key}') + ':').classes('text-grey-7 pb-nowrap')
                        ui.label(names(whole[key])).classes('min-w-0')
        ui.label(t('figures.hint')).classes('pb-small q-mt-xs')


def goals_per_member(t: Callable[..., str], goals: dict[str, Any]) -> None:
    """Doelen per gezinslid, the youngest first, and the whole family's goals when there are any."""
    rows = [{'id': m['id'], 'name': m['name'], 'age': '' if m['age'] is None else m['age'], 'goals': m['goals'],
             'numbers': _numbers(m['goal_numbers'])} for m in goals['per_family_member']]
    whole = goals['whole_family']
    if whole['goals']:
        rows.append({'id': 'family', 'name': t('plan.goal.whole_family'), 'age': '', 'goals': whole['goals'],
                     'numbers': _numbers(whole['goal_numbers'])})
    columns = [('name', 'figures.member'), ('age', 'figures.age'), ('goals', 'figures.goals'),
               ('numbers', 'figures.numbers')]
    with ui.card().classes('pb-item w-full'):
        ui.label(t('plan.goal.per_member')).classes('pb-card-title')
        ui.table(columns=[{'name': key, 'label': t(label), 'field': key, 'align': 'left'} for key, label in columns],
                 rows=rows, row_key='id', pagination=0) \
            .props('flat bordered dense separator=cell hide-bottom').classes('pb-coach-table w-full') \
            .mark('network-goals-per-member')
