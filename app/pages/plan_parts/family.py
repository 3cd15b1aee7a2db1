"""Gezin: the algemene informatie (one record per board), the family members, and what was chosen with the family
for this board: who manages it, who is "ons gezin", what a new card shows and whether a professional's writing
starts as a concept. Who may change each of these is `board.access`'s to say; this tab only asks it."""
from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from nicegui import events, ui

from board.access import may_change
from board.elements import SINGLETON_IDS, Element, ElementType
from board.photos import MAX_BYTES, PhotoError, thumbnail_data_url

from ..access import pin_dialog
from ..chips import chip_choice
from .base import Part, face
from .form import ElementDialog

if TYPE_CHECKING:
    from ..hub_page import HubPage

FAMILY_INFO_ID = SINGLETON_IDS[ElementType.FAMILY_INFO]
MEMBER_ROLES = ('parent', 'child', 'youth', 'other')
DEFAULT_SCOPES = ('everyone', 'family_coordinator', 'family')
PER_TYPE = 'per_type'
"""The choice "Verschilt per soort kaart": the board keeps each type's own default (`default_scope` ``None``)."""
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


def photo_choice(page: HubPage, member_id: str | None, photo: str | None) -> Any:
    """'Foto kiezen' and 'Foto weghalen', with a round preview; returns a getter for a new member's photo.

    The upload is checked again here (the browser's size check is only a courtesy) and made into a small
    JPEG by `board.photos` in a thread, so the page stays responsive. An existing member gets the photo at
    once, as one update through the hub; a new one gets it with 'Opslaan'. A refusal stores nothing.
    """
    t = page.t
    chosen = {'photo': photo}

    def show() -> None:
        preview.set_source(chosen['photo'] or '')
        preview.set_visibility(bool(chosen['photo']))
        remove.set_visibility(bool(chosen['photo']))

    async def keep(new: str | None) -> bool:
        if member_id is not None and not await page.push([{'op': 'update', 'id': member_id,
                                                           'props': {'photo': new}}]):
            return False
        chosen['photo'] = new
        show()
        return True

    async def uploaded(event: events.UploadEventArguments) -> None:
        upload.reset()
        try:
            if event.file.size() > MAX_BYTES:
                raise PhotoError('too_large')
            url = await asyncio.to_thread(thumbnail_data_url, await event.file.read())
        except PhotoError as problem:
            ui.notify(t(f'photo.{problem.code}'), type='warning', multi_line=True)
            return
        if await keep(url) and member_id is not None:
            ui.notify(t('photo.saved'), type='positive')

    async def removed() -> None:
        if await keep(None) and member_id is not None:
            ui.notify(t('photo.removed'), type='positive')

    def rejected(event: events.GenericEventArguments) -> None:
        """The browser's own check (size, or not an image at all); the server checks again on upload."""
        too_large = 'max-file-size' in (event.args or [])
        ui.notify(t('photo.too_large' if too_large else 'photo.not_an_image'), type='warning', multi_line=True)

    ui.label(t('photo.title')).classes('text-subtitle1 text-grey-9')
    ui.label(t('photo.hint')).classes('text-grey-7')
    with ui.row().classes('items-center gap-3'):
        preview = ui.image().props('fit=cover no-spinner no-transition ratio=1').classes('pb-photo-preview') \
            .mark('photo-preview')
        upload = ui.upload(auto_upload=True, max_file_size=MAX_BYTES, on_upload=uploaded) \
            .props('accept="image/*"').classes('hidden').mark('photo-upload')
        upload.on('rejected', rejected, js_handler='(entries) => emit(entries.map((e) => e.failedPropValidation))')
        ui.button(t('photo.choose'), icon='photo_camera').props('unelevated no-caps size=lg') \
            .on('click', js_handler=f'() => getElement({upload.id}).$refs.qRef.pickFiles()').mark('photo-choose')
        remove = ui.button(t('photo.remove'), icon='hide_image', on_click=removed, color='grey-8') \
            .props('flat no-caps size=lg').mark('photo-remove')
    show()
    return lambda: chosen['photo']


class FamilyPart(Part):
    key = 'family'
    icon = 'diversity_3'
    types = frozenset({'family_info', 'family_member'})

    def draw(self) -> None:
        info = self.page.element(FAMILY_INFO_ID)
        p = info.props if info else {}
        members = self.page.elements('family_member')
        rights = self.page.hub.rights
        if not rights.managers and rights.manages(self.page.actor) and not self.page.readonly:
            self.start_card(info, members)
        with ui.card().classes('pb-item w-full').mark('family-info'):
            ui.label(self.t('plan.family.info')).classes('pb-card-title')
            self.line('plan.family.start_date', self.day(p.get('start_date')))
            self.line('plan.family.address', p.get('address', ''))
            self.line('plan.family.phone', p.get('phone', ''))
            self.line('plan.family.mail', p.get('mail', ''))
            if p.get('important'):
                ui.label(self.t('plan.family.important')).classes('text-grey-7 q-mt-sm')
                ui.label(p['important']).classes('pb-important')
            if not any(p.get(k) for k in ('address', 'phone', 'mail', 'important')):
                self.empty('plan.family.info_empty')
            if self.may_edit(info):
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('plan.edit', 'edit', lambda: self.edit_info(dict(p)), 'edit-family-info')
        self.board_card(info)
        self.section('plan.family.members')
        self.add_button('plan.family.add_member', lambda: self.edit_member(None, {}), 'add-member')
        if not members:
            self.empty('plan.family.members_empty')
        for member in members:
            self.member_card(member)

    def start_card(self, info: Element | None, members: list[Element]) -> None:
        """While nobody of the family manages the board yet (a new board): what to choose with the family first."""
        with ui.card().classes('pb-item pb-start w-full').mark('rights-start'):
            ui.label(self.t('rights.start')).classes('pb-card-title')
            steps = (('rights.start_members', bool(members)), ('rights.start_managers', False),
                     ('rights.start_household', False), ('rights.start_default', False))
            for key, done in steps:
                with ui.row().classes('items-start no-wrap gap-2'):
                    ui.icon('check_circle' if done else 'radio_button_unchecked', size='sm') \
                        .classes('text-positive' if done else 'text-grey-8')
                    ui.label(self.t(key))
            with ui.row().classes('w-full justify-end pb-actions'):
                self.action('rights.choose', 'tune', lambda: self.edit_board(info), 'start-choose-default',
                            flat=False)

    def board_card(self, info: Element | None) -> None:
        """'Afspraken over dit bord': read by everyone, changed by those who may."""
        p = info.props if info else {}
        scope = p.get('default_scope') or PER_TYPE
        with ui.card().classes('pb-item w-full').mark('board-choices'):
            ui.label(self.t('rights.board')).classes('pb-card-title')
            self.line('rights.default_scope', self.scope_words(scope))
            self.line('rights.concepts_first_q',
                      self.t('rights.concepts_on' if p.get('concepts_first', True) else 'rights.concepts_off'))
            if info is None or self.may_edit(info, 'default_scope') or self.concepts_switchable(info):
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('plan.edit', 'edit', lambda: self.edit_board(info), 'edit-board-choices')

    def scope_words(self, scope: str) -> str:
        return self.t('rights.default.per_type' if scope == PER_TYPE else f'sharing.scope.{scope}')

    def concepts_switchable(self, info: Element | None) -> bool:
        on = info is None or info.props.get('concepts_first', True)
        return info is None or self.may(info, concepts_first=not on)

    def member_card(self, member: Element) -> None:
        p = member.props
        with ui.card().classes('pb-item w-full').mark(f'member-{member.id}'):
            with ui.row().classes('w-full items-center no-wrap gap-3'):
                face(p.get('name', ''), p.get('color'), p.get('photo'), f'member-photo-{member.id}')
                with ui.column().classes('gap-0 grow'):
                    with ui.row().classes('items-center gap-2'):
                        ui.label(p.get('name', '')).classes('pb-item-text')
                        self.seen_by(member)
                        if p.get('manages'):
                            ui.badge(self.t('rights.badge_manages'), color='primary').classes('pb-badge') \
                                .mark(f'badge-manages-{member.id}')
                        if not p.get('household', True):
                            ui.badge(self.t('rights.badge_elsewhere'), color='grey-7').classes('pb-badge') \
                                .mark(f'badge-elsewhere-{member.id}')
                    with ui.row().classes('gap-x-2 gap-y-0 text-grey-8'):
                        ui.label(self.t(f"plan.member_role.{p.get('role', 'other')}"))
                        if p.get('birth_date'):
                            ui.label(self.t('plan.family.born', date=self.day(p['birth_date']))).classes('pb-nowrap')
                if self.may_edit(member) or self.may_edit(member, 'household'):
                    self.action('plan.edit', 'edit', lambda: self.edit_member(member.id, dict(p)),
                                f'edit-member-{member.id}')
            if member.id == self.page.actor.id and not self.page.readonly:  # one guards oneself on the gezinstablet
                with ui.row().classes('w-full justify-end pb-actions'):
                    self.action('who.my_pin', 'pin', lambda: self.my_pin(member), 'my-pin')

    def my_pin(self, member: Element) -> None:
        with self.page.dialog_host:
            pin_dialog(self.page.hub.board_id, self.page.actor, member.id, member.props.get('name', ''),
                       self.page.hub.rights)

    def edit_info(self, props: dict[str, Any]) -> None:
        with ElementDialog(self.page, 'family_info', FAMILY_INFO_ID, props, self.t('plan.family.info'),
                           create_id=FAMILY_INFO_ID) as form:
            form.date('start_date', self.t('plan.family.start_date'))
            form.text('address', self.t('plan.family.address'))
            form.text('phone', self.t('plan.family.phone')).props('type=tel')
            form.text('mail', self.t('plan.family.mail')).props('type=email')
            form.text('important', self.t('plan.family.important'), area=True)

    def edit_board(self, info: Element | None) -> None:
        """'Wat zien anderen standaard?' and concepts first: chosen with the family; a switch someone may not move
        says who may."""
        props = dict(info.props) if info else {}
        with ElementDialog(self.page, 'family_info', FAMILY_INFO_ID, props, self.t('rights.board'),
                           create_id=FAMILY_INFO_ID) as form:
            if info is None or self.may_edit(info, 'default_scope'):
                ui.label(self.t('rights.default_scope')).classes('text-subtitle1 text-grey-9')
                ui.label(self.t('rights.default_scope_hint')).classes('text-grey-7')
                options = {scope: self.scope_words(scope) for scope in (*DEFAULT_SCOPES, PER_TYPE)}
                chosen = chip_choice(options, props.get('default_scope') or PER_TYPE, multiple=False, required=True,
                                     marker='field-default_scope')
                ui.label(self.t('rights.default.per_type_hint')).classes('pb-small')
                form.custom('default_scope', lambda: None if chosen() in (None, PER_TYPE) else chosen())
            else:
                self.line('rights.default_scope', self.scope_words(props.get('default_scope') or PER_TYPE))
            with ui.column().classes('w-full gap-0 pb-rights-box'):
                switch = ui.switch(self.t('rights.concepts_first'), value=props.get('concepts_first', True)) \
                    .props('size=lg').mark('field-concepts_first')
                ui.label(self.t('rights.concepts_first_hint')).classes('pb-rights-hint')
                if not self.concepts_switchable(info):
                    switch.disable()
                    ui.label(self.t('rights.concepts_family_only')).classes('pb-rights-hint font-medium') \
                        .mark('concepts-family-only')
            if self.concepts_switchable(info):
                form.custom('concepts_first', lambda: bool(switch.value))

    def member_rights(self, form: ElementDialog, member_id: str | None, props: dict[str, Any]) -> None:
        """'Beheert het bord mee' and 'Hoort bij ons gezin', each only for whoever may switch it."""
        member = self.page.element(member_id) if member_id else None
        for key, default in (('manages', False), ('household', True)):
            value = bool(props.get(key, default))
            allowed = may_change(self.page.actor, member, self.page.hub.rights, type_='family_member',
                                 **{key: not value})
            if self.page.readonly or not allowed:
                continue
            with ui.column().classes('w-full gap-0 pb-rights-box'):
                switch = ui.switch(self.t(f'rights.{key}'), value=value).props('size=lg').mark(f'field-{key}')
                ui.label(self.t(f'rights.{key}_hint')).classes('pb-rights-hint')
                if key == 'manages' and member_id == self.page.actor.id and value:
                    ui.label(self.t('rights.hand_over')).classes('pb-rights-hint font-medium').mark('hand-over')
            form.custom(key, lambda s=switch: bool(s.value))

    def edit_member(self, member_id: str | None, props: dict[str, Any]) -> None:
        title = 'plan.family.edit_member' if member_id else 'plan.family.new_member'
        with ElementDialog(self.page, 'family_member', member_id, props | {'role': props.get('role', 'parent')},
                           self.t(title), removal=self.page.person_removal(member_id)) as form:
            form.text('name', self.t('editor.name'))
            form.chips('role', self.t('plan.family.role'),
                       {r: self.t(f'plan.member_role.{r}') for r in MEMBER_ROLES}, multiple=False)
            form.date('birth_date', self.t('plan.family.birth_date'))
            ui.label(self.t('plan.family.color')).classes('text-subtitle1 text-grey-9')
            form.custom('color', swatch_choice(props.get('color')))
            self.member_rights(form, member_id, props)
            if not self.page.readonly:
                photo = photo_choice(self.page, member_id, props.get('photo'))
                if member_id is None:  # an existing member's photo is saved at once, not with the form
                    form.custom('photo', photo)
