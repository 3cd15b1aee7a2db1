"""Toen en nu: the netwerkschema at a saved moment and now, one picture over the other with a slider between.

Families are proud to see how far they came. Both pictures and the words below are made over what this
person may see: now the page's visible elements, then `board.moments.seen_then` over the board as the op log
had it at the moment (`Store.elements_at`, replayed in a worker thread and kept per moment: the past does not
change). The slider wipes on the client, so dragging it costs no round trip; the server only remembers where
it was left for the next redraw.
"""
from __future__ import annotations

import asyncio
import base64
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from nicegui import background_tasks, ui

from board.elements import Element
from board.moments import seen_then
from board.store import HistoryMissing
from network_graph.compare import compare

from ...printing.schema_picture import render_schema_png
from .form import ElementDialog

if TYPE_CHECKING:
    from .network import NetworkPart

PICTURE_WIDTH = 900
"""Pixels: sharp on a tablet at the kitchen table, some 100 KB a picture."""
PICTURES_KEPT = 6
DRAWN = frozenset({'family_member', 'network_person', 'tie'})
"""What the schema picture draws; its fingerprint decides whether a picture can be reused."""
MISSING = None
"""A moment whose board is not in the log (the board was imported from a file after it)."""


class CompareView:
    """The 'Toen en nu' view of the Netwerk tab; remembers the chosen moment and the slider while the tab redraws."""

    def __init__(self, part: NetworkPart) -> None:
        self.part, self.page, self.t = part, part.page, part.t
        self.moment_id: str | None = None
        self.position = 50.0
        """How much of the picture shows 'then', from the left, in percent."""
        self.boards_then: dict[int, dict[str, Element] | None] = {}
        self.loading: set[int] = set()
        self.pictures: dict[tuple, str] = {}

    def moments(self) -> list[Element]:
        return sorted(self.page.elements('moment'), key=lambda m: (m.props.get('seq') or 0, m.id))

    def draw(self) -> None:
        moments = self.moments()
        ui.label(self.t('compare.intro')).classes('pb-intro')
        with ui.row().classes('w-full items-center gap-2 no-wrap pb-compare-bar'):
            if moments:
                if self.moment_id not in {m.id for m in moments}:
                    self.moment_id = moments[0].id  # the oldest, usually the start: the longest way come
                ui.select({m.id: self.moment_label(m) for m in moments}, value=self.moment_id,
                          label=self.t('compare.moment'), on_change=self.choose) \
                    .props('outlined').classes('grow pb-compare-select').mark('compare-moment')
            if not self.page.readonly:
                ui.button(self.t('compare.save'), icon='bookmark_add', on_click=self.save_moment) \
                    .props('unelevated no-caps').classes('pb-compare-save').mark('save-moment')
        if not moments:
            self.part.empty('compare.none')
            return
        moment = next(m for m in moments if m.id == self.moment_id)
        seq = moment.props.get('seq') or 0
        if seq not in self.boards_then:
            ui.spinner(size='lg').classes('q-ma-md')
            if seq not in self.loading:
                self.loading.add(seq)
                background_tasks.create(self.load(seq), name='moment-board')
        elif self.boards_then[seq] is MISSING:
            self.part.empty('compare.missing')
        else:
            then = seen_then(self.page.actor, self.boards_then[seq].values(), self.page.hub.elements)
            now = self.page.visible()
            self.pictures_then_and_now(moment, then, now)
            self.changes(compare(then, now))

    def moment_label(self, moment: Element) -> str:
        date = self.part.day(moment.props.get('date'))
        return f"{moment.props.get('name', '')} ({date})" if date else moment.props.get('name', '')

    def choose(self, event: Any) -> None:
        if event.value != self.moment_id:
            self.moment_id = event.value
            self.part.render.refresh()

    async def load(self, seq: int) -> None:
        """Bring the board back as it was at `seq`, then redraw."""
        hub = self.page.hub
        try:
            self.boards_then[seq] = await asyncio.to_thread(hub.store.elements_at, hub.board_id, seq)
        except HistoryMissing:
            self.boards_then[seq] = MISSING
        with self.page.root:
            self.part.render.refresh()

    # the two pictures with the slider

    def picture(self, elements: Iterable[Element]) -> str:
        """The schema picture as a data URL, reused while the people and ties it shows are the same versions."""
        drawn = [e for e in elements if e.type in DRAWN]
        key = tuple(sorted((e.id, e.version) for e in drawn))
        if key not in self.pictures:
            while len(self.pictures) >= PICTURES_KEPT:
                self.pictures.pop(next(iter(self.pictures)))
            png = render_schema_png(drawn, width=PICTURE_WIDTH)
            self.pictures[key] = 'data:image/png;base64,' + base64.b64encode(png).decode('ascii')
        return self.pictures[key]

    def pictures_then_and_now(self, moment: Element, then: list[Element], now: list[Element]) -> None:
        with ui.card().classes('pb-item w-full pb-compare-card'):
            with ui.row().classes('w-full justify-between no-wrap pb-compare-legend'):
                ui.label(self.t('compare.then', moment=self.moment_label(moment))).classes('pb-compare-then-label')
                ui.label(self.t('compare.now')).classes('pb-compare-now-label')
            with ui.element('div').classes('pb-compare-pictures'):
                ui.image(self.picture(now)).props('no-spinner no-transition').classes('pb-compare-now') \
                    .mark('picture-now')
                with ui.element('div').classes('pb-compare-then') \
                        .style(f'clip-path: inset(0 {100 - self.position:g}% 0 0)') as then_layer:
                    ui.image(self.picture(then)).props('no-spinner no-transition').mark('picture-then')
                divider = ui.element('div').classes('pb-compare-divider').style(f'left: {self.position:g}%')
            slider = ui.slider(min=0, max=100, step=1, value=self.position, on_change=self.slide) \
                .props(f'color=primary track-size=8px thumb-size=32px aria-label="{self.t("compare.slider")}"') \
                .classes('pb-compare-slider').mark('compare-slider')
            slider.on('update:model-value', js_handler=f'''(value) => {{
                const picture = getHtmlElement({then_layer.id}), divider = getHtmlElement({divider.id});
                if (picture) picture.style.clipPath = `inset(0 ${{100 - value}}% 0 0)`;
                if (divider) divider.style.left = `${{value}}%`;
            }}''')
            ui.label(self.t('compare.slider_hint')).classes('text-grey-7 pb-compare-hint')

    def slide(self, event: Any) -> None:
        self.position = float(event.value)

    # the change in words

    def changes(self, change: dict[str, Any]) -> None:
        pair = self.part.pair
        with ui.card().classes('pb-item w-full').mark('compare-changes'):
            ui.label(self.t('compare.what_changed')).classes('pb-card-title')
            ui.label(self.t('compare.people', before=change['people']['before'], after=change['people']['after'])) \
                .classes('pb-sentence q-mt-xs').mark('compare-people')
            pair(self.t('compare.added'), self.names(change['added']), marker='compare-added')
            pair(self.t('compare.gone'), self.names(change['gone']), marker='compare-gone')
            moved = ', '.join(self.t('compare.moved_one', name=p['name'], ring_from=self.ring(p['from_ring']),
                                     ring_to=self.ring(p['to_ring'])) for p in change['moved'])
            pair(self.t('compare.moved'), moved or self.t('network.nobody'), marker='compare-moved')
            pair(self.t('compare.informal'), self.t(
                'compare.informal_then_now', then=self.share(change, 'before'), now=self.share(change, 'after')),
                marker='compare-informal')
            before, after = change['share_informal']['before'], change['share_informal']['after']
            if before is not None and after is not None and after > before:
                ui.label(self.t('compare.informal_grew')).classes('pb-compare-proud q-mt-sm').mark('compare-grew')

    def ring(self, ring: int) -> str:
        return self.t(f'compare.ring.{ring}')

    def names(self, people: list[dict[str, Any]]) -> str:
        return ', '.join(p['name'] for p in people) or self.t('network.nobody')

    def share(self, change: dict[str, Any], when: str) -> str:
        informal, professional = change['informal'][when], change['professional'][when]
        if not informal + professional:
            return self.t('compare.share_none')
        return self.t('compare.share', informal=informal, total=informal + professional,
                      percent=round(100 * informal / (informal + professional)))

    # saving a moment

    def save_moment(self) -> None:
        """'Moment bewaren': a name (today's date unless they choose one) and the date; the server adds where it
        is in the log. A refusal (an empty or too long name) keeps the dialog open with what was typed."""
        today = dt.date.today()
        with ElementDialog(self.page, 'moment', None, {'name': self.part.day(today)}, self.t('compare.save_title'),
                           extra={'date': today.isoformat()}) as form:
            ui.label(self.t('compare.save_hint')).classes('text-grey-8')
            form.text('name', self.t('compare.name')).props('autofocus')
