"""Gezin: the algemene informatie (one record per board) and the family members."""
from __future__ import annotations

from typing import Any

from nicegui import ui

from board.elements import SINGLETON_IDS, Element, ElementType

from .base import Part
from .form import ElementDialog, nl_date

FAMILY_INFO_ID = SINGLETON_IDS[ElementType.FAMILY_INFO]
MEMBER_ROLES = ('parent', 'child', 'youth', 'other')
SWATCHES = ('#e4572e', '#f18f01', '#ffc914', '#76b041', '#17bebb', '#2e86ab', '#8d6cab', '#c2185b')


def swatch_choice(value: str | None) -> Any:
    """A few big colour circles; tap one to choose it, tap it again to choose none."""
    chosen = {'color': value}
    buttons: dict[str, ui.button] = {}

    def pick(color: str) -> None:
        chosen['color'] = None if chosen['color'] == color else color
        for key, button in buttons.items():
            button.classes(add='pb-swatch-on' if key == chosen['color'] else '',
                           remove='' if key == chosen['color'] else 'pb-swatch-on')

    with ui.row().classes('gap-2'):
        for color in SWATCHES:
            buttons[color] = ui.button(on_click=lambda c=color: pick(c)) \
                .props(f'round unelevated aria-label="{color}"').style(f'background:{color} !important') \
                .classes('pb-swatch' + (' pb-swatch-on' if color == value else '')) \
                .mark(f'swatch-{color[1:]}')
    return lambda: chosen['color']


class FamilyPart(Part):
    key = 'family'
    icon = 'diversity_3'
    types = frozenset({'family_info', 'family_member'})

    def draw(self) -> None:
        info = self.page.element(FAMILY_INFO_ID)
        p = info.props if info else {}
        with ui.card().classes('pb-item w-full').mark('family-info'):
            ui.label(self.t('plan.family.info')).classes('pb-card-title')
            self.line('plan.family.start_date', nl_date(p.get('start_date')))
            self.line('plan.family.address', p.get('address', ''))
            self.line('plan.family.phone', p.get('phone', ''))
            self.line('plan.family.mail', p.get('mail', ''))
            if p.get('important'):
                ui.label(self.t('plan.family.important')).classes('text-grey-7 q-mt-sm')
                ui.label(p['important']).classes('pb-important')
            if not any(p.get(k) for k in ('address', 'phone', 'mail', 'important')):
                self.empty('plan.family.info_empty')
            with ui.row().classes('w-full justify-end pb-actions'):
                self.action('plan.edit', 'edit', lambda: self.edit_info(dict(p)), 'edit-family-info')
        self.section('plan.family.members')
        self.add_button('plan.family.add_member', lambda: self.edit_member(None, {}), 'add-member')
        members = self.page.elements('family_member')
        if not members:
            self.empty('plan.family.members_empty')
        for member in members:
            self.member_card(member)

    def member_card(self, member: Element) -> None:
        p = member.props
        with ui.card().classes('pb-item w-full').mark(f'member-{member.id}'):
            with ui.row().classes('w-full items-center no-wrap gap-3'):
                initials = ''.join(part[0] for part in p.get('name', '?').split()[:2]).upper()
                ui.label(initials).classes('pb-member-dot').style(f"background:{p.get('color') or '#9e9e9e'}")
                with ui.column().classes('gap-0 grow'):
                    ui.label(p.get('name', '')).classes('pb-item-text')
                    with ui.row().classes('gap-x-2 gap-y-0 text-grey-8'):
                        ui.label(self.t(f"plan.member_role.{p.get('role', 'other')}"))
                        if p.get('birth_date'):
                            ui.label(self.t('plan.family.born', date=nl_date(p['birth_date']))).classes('pb-nowrap')
                self.action('plan.edit', 'edit', lambda: self.edit_member(member.id, dict(p)),
                            f'edit-member-{member.id}')

    def edit_info(self, props: dict[str, Any]) -> None:
        with ElementDialog(self.page, 'family_info', FAMILY_INFO_ID, props, self.t('plan.family.info'),
                           create_id=FAMILY_INFO_ID) as form:
            form.date('start_date', self.t('plan.family.start_date'))
            form.text('address', self.t('plan.family.address'))
            form.text('phone', self.t('plan.family.phone')).props('type=tel')
            form.text('mail', self.t('plan.family.mail')).props('type=email')
            form.text('important', self.t('plan.family.important'), area=True)

    def edit_member(self, member_id: str | None, props: dict[str, Any]) -> None:
        title = 'plan.family.edit_member' if member_id else 'plan.family.new_member'
        with ElementDialog(self.page, 'family_member', member_id, props | {'role': props.get('role', 'parent')},
                           self.t(title), extra={'x': 1740, 'y': 40 + 90 * len(self.page.elements('family_member'))}) \
                as form:
            form.text('name', self.t('editor.name'))
            form.chips('role', self.t('plan.family.role'),
                       {r: self.t(f'plan.member_role.{r}') for r in MEMBER_ROLES}, multiple=False)
            form.date('birth_date', self.t('plan.family.birth_date'))
            ui.label(self.t('plan.family.color')).classes('text-subtitle1 text-grey-9')
            form.custom('color', swatch_choice(props.get('color')))
