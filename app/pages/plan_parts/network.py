"""Netwerk: the netwerklijst filled in with taps, the same list as a table for the coach, and what the network carries.

The netwerklijst follows the Social Network Map scales of `board.elements.NetworkPerson`. The metrics panel
reads `network_graph.summary.all_metrics` over exactly what this person may see (the page's visible elements,
never the hub's whole board), so a person hidden from them never shows up, not even as a count. The metrics
take a few milliseconds for a family, so they are computed in place on every redraw.
"""
from __future__ import annotations

from typing import Any

from nicegui import ui

from board.elements import SUPPORT_KINDS, Element, Ring
from network_graph.roles import role_words, side_name
from network_graph.summary import all_metrics

from ...i18n import say
from ..ask_further import show_ask_further
from ..download import download_call_list
from .base import Part, lead_in
from .figures import goals_per_member, network_figures
from .form import ElementDialog
from .network_compare import CompareView
from .people import RINGS, listed_in
from .vip_list import VipList

HOW_OFTEN = ('hardly_ever', 'sometimes', 'almost_always')
SCALES: dict[str, tuple[str, ...]] = {
    'practical': HOW_OFTEN,
    'emotional': HOW_OFTEN,
    'information': HOW_OFTEN,
    'critical': HOW_OFTEN,
    'direction': ('both', 'they_help', 'we_help'),
    'closeness': ('not_very', 'fairly', 'very'),
    'contact': ('hardly_ever', 'few_times_a_year', 'monthly', 'weekly', 'daily'),
    'known': ('lt_1', '1_5', 'gt_5'),
}
"""Each netwerklijst scale and its values, in the order they are shown."""
VIEWS = ('list', 'table', 'metrics', 'vip', 'compare')
RING_COLORS = {Ring.FAMILY: '#8d6cab', Ring.INFORMAL: '#2f6f5e', Ring.PROFESSIONAL: '#9aa5a0'}


class NetworkPart(Part):
    key = 'network'
    icon = 'hub'
    types = frozenset({'network_person', 'family_member', 'tie', 'goal', 'agreement', 'moment'})

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.view = 'list'
        self.vip = VipList(self, SCALES)
        self.compare = CompareView(self)

    def value(self, scale: str, value: str | None, *, short: bool = False) -> str:
        if not value:
            return ''
        return self.t(f"network.{'short' if short else 'value'}.{scale}.{value}")

    def draw(self) -> None:
        ui.toggle({v: self.t(f'network.view.{v}') for v in VIEWS}, value=self.view, on_change=self.switch) \
            .props('no-caps unelevated spread toggle-color=primary color=white text-color=grey-9') \
            .classes('pb-subnav w-full').mark('network-view')
        {'list': self.draw_list, 'table': self.draw_table, 'metrics': self.draw_metrics,
         'vip': self.vip.draw, 'compare': self.compare.draw}[self.view]()

    def switch(self, event: Any) -> None:
        if event.value in VIEWS and event.value != self.view:
            self.view = event.value
            self.render.refresh()

    def people(self) -> list[Element]:
        return self.page.elements('network_person')

    # 1. de netwerklijst, one card per person

    def draw_list(self) -> None:
        people = self.people()
        ui.label(self.t('network.list.intro')).classes('pb-intro')
        if not people:
            self.empty('network.empty')
        for ring, label in RINGS.items():
            in_ring = [p for p in people if listed_in(p) == ring]
            if in_ring:
                self.section(label)
                for person in in_ring:
                    self.card(person)

    def card(self, person: Element) -> None:
        p = person.props
        filled = [(scale, p.get(scale)) for scale in SCALES if p.get(scale)]
        with ui.card().classes('pb-item w-full').mark(f'netlist-{person.id}'):
            with ui.row().classes('w-full items-start no-wrap gap-3'):
                ui.icon('work' if p.get('ring') == Ring.PROFESSIONAL else 'favorite', size='md') \
                    .classes('text-primary q-mt-xs')
                with ui.column().classes('gap-1 grow'):
                    ui.label(p.get('name', '')).classes('pb-item-text')
                    relation = ' · '.join(x for x in (p.get('relation'), p.get('organisation')) if x)
                    if relation:
                        ui.label(relation).classes('text-grey-8')
                    self.role_lines(person)
                    if filled:
                        with ui.row().classes('gap-1 pb-scale-summary'):
                            for scale, value in filled:
                                ui.label(f"{self.t(f'network.scale_short.{scale}')}: {self.value(scale, value)}") \
                                    .classes('pb-scale-pill')
                    else:
                        ui.label(self.t('network.not_filled')).classes('text-grey-7')
            if self.may_edit(person, 'practical'):  # the scales are the family's: not a child's to change alone
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('network.fill', 'touch_app', lambda: self.fill(person), f'fill-{person.id}')

    def fill(self, person: Element, words: str = 'network', scales: tuple[str, ...] = tuple(SCALES)) -> ElementDialog:
        """The netwerklijst row of one person, filled in with taps; a tap on the chosen value clears it.

        :param words: whose words: ``network`` for the family, ``vip`` for the plain words of the VIP-lijst
        :param scales: which scales to ask, in this order
        """
        current = self.page.element(person.id) or person  # the newest version this person may see
        title = self.t(f'{words}.fill_title', name=current.props.get('name', ''))
        with ElementDialog(self.page, 'network_person', person.id, dict(current.props), title) as form:
            ui.label(self.t('network.fill_hint')).classes('text-grey-8')
            with ui.column().classes('w-full gap-2 pb-scales'):
                for scale in scales:
                    form.chips(scale, self.t(f'{words}.scale.{scale}'),
                               {v: self.t(f'{words}.value.{scale}.{v}') for v in SCALES[scale]}, multiple=False)
                if current.props.get('sector') == 'familie':
                    self.side_choice(form, current.props, 'vip.side_question' if words == 'vip' else 'plan.people.side')
        return form

    # 2. the table for the coach

    def draw_table(self) -> None:
        columns = [
            {'name': 'name', 'label': self.t('network.col.name'), 'field': 'name', 'sortable': True,
             'align': 'left', 'classes': 'pb-table-name', 'headerClasses': 'pb-table-name'},
            {'name': 'ring', 'label': self.t('network.col.ring'), 'field': 'ring_label', 'sortable': True,
             'align': 'left', ':sort': '(a, b, rowA, rowB) => rowA.ring - rowB.ring'},
            {'name': 'roles', 'label': self.t('network.col.roles'), 'field': 'roles', 'align': 'left'},
        ] + [{'name': scale, 'label': self.t(f'network.scale_short.{scale}'), 'field': scale, 'align': 'left'}
             for scale in SCALES]
        members = self.page.names('family_member')
        rows = [{'id': person.id, 'name': person.props.get('name', ''),
                 'ring': person.props.get('ring') or Ring.INFORMAL,
                 'ring_label': self.t(f'network.ring_short.{listed_in(person)}'),
                 'roles': self.roles_text(person.props, members)}
                | {scale: self.value(scale, person.props.get(scale), short=True) or '–' for scale in SCALES}
                for person in self.people()]
        if not rows:
            self.empty('network.empty')
            return
        ui.label(self.t('network.table.intro')).classes('pb-intro')
        ui.table(columns=columns, rows=rows, row_key='id', pagination=0) \
            .props('flat bordered dense separator=cell hide-bottom').classes('pb-coach-table w-full') \
            .mark('coach-table')

    def roles_text(self, props: dict[str, Any], members: dict[str, str]) -> str:
        """'buurvrouw, oppas', and whose side of the family: 'zus · kant Bas de Vries'."""
        side = side_name(props, members)
        return ' · '.join(x for x in (', '.join(role_words(props)), side and self.t('schema.side', name=side)) if x)

    # 3. what the network carries

    def draw_metrics(self) -> None:
        metrics = all_metrics(self.page.visible())
        with ui.card().classes('pb-item w-full').mark('metrics-sentences'):
            ui.label(self.t('network.metrics.title')).classes('pb-card-title')
            with ui.column().classes('gap-2 q-mt-sm'):
                for sentence in metrics['sentences']:
                    with ui.row().classes('no-wrap items-start gap-2'):
                        ui.icon('chevron_right', size='sm').classes('text-primary q-mt-xs')
                        ui.label(say(sentence, self.page.language)).classes('pb-sentence')
        show_ask_further(self.page.visible(), self.t)
        with ui.element('div').classes('pb-charts w-full'):
            with ui.card().classes('pb-item pb-chart-card'):
                ui.label(self.t('network.chart.rings')).classes('pb-card-title')
                self.ring_chart(metrics)
            with ui.card().classes('pb-item pb-chart-card'):
                ui.label(self.t('network.chart.kinds')).classes('pb-card-title')
                self.kinds_chart(metrics)
        network_figures(self.t, metrics, self.page.language)
        goals_per_member(self.t, metrics['goals'])
        self.call_list(metrics['call_list'])
        self.without_professionals(metrics)

    def ring_chart(self, metrics: dict[str, Any]) -> None:
        per_ring = metrics['size']['per_ring']
        ui.echart({
            'animation': False,
            'grid': {'left': 8, 'right': 16, 'top': 16, 'bottom': 8, 'containLabel': True},
            'xAxis': {'type': 'category', 'data': [self.t(f'network.ring.{r}') for r in Ring],
                      'axisLabel': {'fontSize': 14, 'interval': 0}},
            'yAxis': {'type': 'value', 'minInterval': 1, 'axisLabel': {'fontSize': 13}},
            'series': [{'type': 'bar', 'barMaxWidth': 56, 'label': {'show': True, 'position': 'top', 'fontSize': 15},
                        'data': [{'value': per_ring.get(str(r), 0), 'itemStyle': {'color': RING_COLORS[r]}}
                                 for r in Ring]}],
        }).classes('pb-chart w-full').mark('chart-rings')

    def kinds_chart(self, metrics: dict[str, Any]) -> None:
        support = metrics['support']
        label = {'show': True, 'fontSize': 14, 'color': '#fff', 'formatter': '{c}'}
        ui.echart({
            'animation': False,
            'legend': {'bottom': 0, 'textStyle': {'fontSize': 14}},
            'grid': {'left': 8, 'right': 16, 'top': 16, 'bottom': 40, 'containLabel': True},
            'xAxis': {'type': 'category', 'data': [self.t(f'network.kind.{k}') for k in SUPPORT_KINDS],
                      'axisLabel': {'fontSize': 14, 'interval': 0}},
            'yAxis': {'type': 'value', 'minInterval': 1, 'axisLabel': {'fontSize': 13}},
            'series': [
                {'name': self.t(f'network.ring.{Ring.INFORMAL}'), 'type': 'bar', 'stack': 'givers', 'barMaxWidth': 56,
                 'itemStyle': {'color': RING_COLORS[Ring.INFORMAL]}, 'label': label,
                 'data': [support[k]['informal'] or None for k in SUPPORT_KINDS]},
                {'name': self.t(f'network.ring.{Ring.PROFESSIONAL}'), 'type': 'bar', 'stack': 'givers',
                 'barMaxWidth': 56,
                 'itemStyle': {'color': RING_COLORS[Ring.PROFESSIONAL]}, 'label': label,
                 'data': [support[k]['professional'] or None for k in SUPPORT_KINDS]},
            ],
        }).classes('pb-chart w-full').mark('chart-kinds')

    @staticmethod
    def pair(label: str, value: str, *, marker: str = '', classes: str = '') -> None:
        """'Label: value' where a long value wraps beside its label, not below it."""
        with ui.row().classes('pb-pair gap-1 no-wrap items-baseline').mark(marker):
            ui.label(lead_in(label)).classes('text-grey-7 pb-nowrap')
            ui.label(value).classes(f'min-w-0 {classes}')

    def kinds(self, kinds: list[str]) -> str:
        return ', '.join(self.t(f'network.kind_long.{k}') for k in kinds)

    def call_list(self, entries: list[dict[str, Any]]) -> None:
        with ui.card().classes('pb-item w-full').mark('call-list'):
            with ui.row().classes('w-full items-center justify-between no-wrap gap-2'):
                ui.label(self.t('network.call_list')).classes('pb-card-title')
                if entries:  # one A4 page for the fridge, with only what this person may see
                    ui.button(self.t('network.print'), icon='print',
                              on_click=lambda: download_call_list(self.page.hub, self.page.actor)) \
                        .props('flat no-caps').classes('pb-action').mark('call-list-print')
            if not entries:
                ui.label(self.t('network.call_list_empty')).classes('text-grey-8')
            for entry in entries:
                with ui.column().classes('gap-0 pb-call w-full').mark(f"call-{entry['id']}"):
                    ui.label(entry['name']).classes('pb-call-name')
                    relation = ' · '.join(x for x in (entry.get('relation'), entry.get('organisation')) if x)
                    if relation:
                        ui.label(relation).classes('text-grey-8')
                    self.pair(self.t('network.for'), self.kinds(entry['kinds']))
                    reach = ' '.join(self.t(f'plan.day.{d}') for d in entry.get('days', []))
                    reach = ' · '.join(x for x in (reach, entry.get('hours')) if x)
                    if reach:
                        self.pair(self.t('plan.people.reachable'), reach)
                    if entry.get('phone'):
                        ui.link(entry['phone'], f"tel:{entry['phone']}").classes('pb-contact')

    def without_professionals(self, metrics: dict[str, Any]) -> None:
        remain = metrics['without_professionals']
        with ui.card().classes('pb-item w-full').mark('without-professionals'):
            ui.label(self.t('network.remains')).classes('pb-card-title')
            ui.label(self.t('network.remains_people', count=remain['people'])).classes('q-mt-xs')
            for kind in SUPPORT_KINDS:
                givers = [g['name'] for g in remain['kinds'][kind]['givers']]
                text = ', '.join(givers) if givers else self.t('network.nobody')
                self.pair(self.t(f'network.scale.{kind}'), text, marker=f'remains-{kind}',
                          classes='' if givers else 'pb-uncovered')
            if remain['uncovered'] and metrics['informal_share']['professional']:
                ui.label(self.t('network.remains_ask')).classes('pb-ask q-mt-sm')
