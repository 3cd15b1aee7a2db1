"""De VIP-lijst: the netwerklijst of one youth or child, in plain words and pictures.

The people on the list are those on the member's own schema (a `vip` placement for them). Each is a big card
a 12-year-old can read: a picture per question ("helpt me met dingen", "ik kan mijn gevoel vertellen", …) and
the answer as filled pictures (1 of 3 hearts … 3 of 3). A tap on a card fills in the row with taps, through
the same dialog as the family's netwerklijst in plain words. The scales belong to the person, so the family's
list and the VIP-lijst share them (a known simplification). Someone from the family's network joins the list
with one tap: a placement for the member where the family's schema has them, to be moved on the schema page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nicegui import ui

from board.access import may_place
from board.elements import Element, Ring
from network_graph.roles import side_name

from ..ask_further import show_ask_further
from .base import face

if TYPE_CHECKING:
    from .network import NetworkPart

YOUNG = ('youth', 'child')
"""Whose list shows first: the first youth, else the first child, else the first member."""
PICTURES = {
    'practical': 'handyman',
    'emotional': 'favorite',
    'information': 'lightbulb',
    'critical': 'thumb_down',
    'closeness': 'handshake',
    'contact': 'event',
    'known': 'hourglass_bottom',
}
"""The VIP-lijst's questions, in the order shown, each with its picture."""


def placement(person: Element, member_id: str) -> dict[str, Any] | None:
    return next((p for p in person.props.get('vip', []) if p.get('member') == member_id), None)


class VipList:
    """The VIP-lijst view of the Netwerk tab; remembers whose list is open while the tab redraws."""

    def __init__(self, part: NetworkPart, scales: dict[str, tuple[str, ...]]) -> None:
        """:param scales: each netwerklijst scale and its values, lowest first (the Netwerk tab's `SCALES`)"""
        self.part, self.page, self.t, self.scales = part, part.page, part.t, scales
        self.member_id: str | None = None

    def chosen(self, members: list[Element]) -> Element:
        by_id = {m.id: m for m in members}
        if self.member_id not in by_id:
            self.member_id = next((m.id for role in YOUNG for m in members if m.props.get('role') == role),
                                  members[0].id)
        return by_id[self.member_id]

    def choose(self, member_id: str) -> None:
        self.member_id = member_id
        self.part.render.refresh()

    def draw(self) -> None:
        members = self.page.elements('family_member')
        if not members:
            self.part.empty('vip.no_members')
            return
        member = self.chosen(members)
        name = member.props.get('name', '')
        ui.label(self.t('vip.choose')).classes('pb-intro')
        with ui.row().classes('gap-2 q-mb-sm'):
            for other in members:
                self.member_button(other, chosen=other.id == member.id)
        people = self.page.elements('network_person')
        on_list = sorted((p for p in people if placement(p, member.id)),
                         key=lambda p: (placement(p, member.id)['ring'], placement(p, member.id)['distance']))
        addable = [p for p in people if not placement(p, member.id)
                   and may_place(self.page.actor, p, member.id, self.page.hub.rights)]
        if on_list:
            ui.label(self.t('vip.intro', name=name)).classes('pb-intro')
            for person in on_list:
                self.card(person)
        else:
            how = self.t('vip.empty', name=name) + (' ' + self.t('vip.empty_tap') if addable else '')
            ui.label(how).classes('pb-empty').mark('vip-empty')
        self.add_from_family(member, addable)
        show_ask_further(self.page.visible(), self.t, centre=member.id)

    def member_button(self, member: Element, *, chosen: bool) -> None:
        p = member.props
        with ui.button(on_click=lambda: self.choose(member.id)) \
                .props('no-caps rounded ' + ('unelevated' if chosen else 'outline color=grey-8')) \
                .classes('pb-vip-member' + (' pb-vip-member-on' if chosen else '')).mark(f'vip-member-{member.id}'):
            with ui.row().classes('items-center no-wrap gap-2'):
                face(p.get('name', ''), p.get('color'), p.get('photo'))
                ui.label(p.get('name', ''))

    def card(self, person: Element) -> None:
        p = person.props
        with ui.card().classes('pb-item pb-vip-card w-full').mark(f'vip-card-{person.id}') as card:
            if self.part.may_edit(person, 'practical'):
                card.classes('cursor-pointer').on('click', lambda: self.part.fill(person, 'vip', tuple(PICTURES)))
            with ui.row().classes('items-center no-wrap gap-3'):
                face(p.get('name', ''), '#2f6f5e' if p.get('ring') != Ring.PROFESSIONAL else '#7d8a85')
                with ui.column().classes('gap-0 min-w-0'):
                    ui.label(p.get('name', '')).classes('pb-item-text')
                    if p.get('relation'):
                        ui.label(p['relation']).classes('text-grey-8')
                    if side := side_name(p, self.page.names('family_member')):
                        ui.label(self.t('vip.side', name=side)).classes('text-grey-8')
            with ui.element('div').classes('pb-vip-scales w-full'):
                for scale in PICTURES:
                    self.answer(scale, p.get(scale))
            if not any(p.get(scale) for scale in PICTURES):
                ui.label(self.t('vip.tap_to_fill')).classes('pb-ask q-mt-sm')

    def answer(self, scale: str, value: str | None) -> None:
        """One question: its picture, the plain words, and the answer as so many filled pictures out of all."""
        values = self.scales[scale]
        level = values.index(value) + 1 if value in values else 0
        with ui.row().classes('pb-vip-scale no-wrap items-center gap-3').mark(f'vip-{scale}-{level}'):
            ui.icon(PICTURES[scale], size='40px').classes('pb-vip-picture')
            with ui.column().classes('gap-0 min-w-0'):
                ui.label(self.t(f'vip.scale.{scale}')).classes('pb-vip-words')
                with ui.row().classes('items-center no-wrap gap-1'):
                    for step in range(len(values)):
                        ui.icon(PICTURES[scale], size='22px').classes('pb-pip-on' if step < level else 'pb-pip-off')
                    ui.label(self.t(f'vip.value.{scale}.{value}') if level else self.t('vip.unknown')) \
                        .classes('pb-vip-value')

    def add_from_family(self, member: Element, others: list[Element]) -> None:
        """A chip per person from the family's network this person may put on the member's own schema."""
        if not others:
            return
        ui.label(self.t('vip.add_title', name=member.props.get('name', ''))).classes('pb-section')
        with ui.row().classes('gap-1 pb-chips q-mb-md'):
            for person in others:
                ui.chip(person.props.get('name', ''), icon='person_add', color='grey-3', text_color='grey-10',
                        on_click=lambda p=person: self.add(member.id, p.id)).mark(f'vip-add-{person.id}')

    async def add(self, member_id: str, person_id: str) -> None:
        """Put someone on the member's own schema where the family's schema has them; one tap, one update."""
        person, member = self.page.element(person_id), self.page.element(member_id)
        if person is None or member is None:
            ui.notify(self.t('editor.gone'), type='warning', multi_line=True)
            return
        names = {'person': person.props.get('name', ''), 'name': member.props.get('name', '')}
        if placement(person, member_id):
            ui.notify(self.t('vip.already', **names), type='info')
            return
        p = person.props
        vip = [*p.get('vip', []), {'member': member_id, 'ring': p.get('ring', Ring.INFORMAL),
                                   'sector': p.get('sector', 'overig'),
                                   'distance': p.get('distance', 0.5)}]
        if await self.page.push([{'op': 'update', 'id': person_id, 'props': {'vip': vip}}]):
            self.page.notify(self.t('vip.added', **names), type='positive')
