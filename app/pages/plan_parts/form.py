"""The one editor every part of the plan view uses: a dialog that edits some props of one element.

`ElementDialog` collects a field per prop, and on 'Opslaan' sends only what changed as one operation
(a create, or an update patch) through the page's hub session. A refusal is shown in the person's
language and the dialog stays open with everything typed, so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nicegui import ui

from board.dutch import DATE_FORMAT, nl_date
from board.elements import PROPS_MODELS, SINGLETON_IDS, ElementType, new_id

from ..chips import Getter, chip_choice
from ..sharing import NoChoice, SharingChooser, concept_switch, sharing_part

if TYPE_CHECKING:
    from ..hub_page import HubPage

class BadInput(ValueError):
    """Something typed that cannot even be sent (a date that is not a date); the message is a TABLE key."""


def iso_date(text: str | None) -> str | None:
    """'26-11-2026' (or '2026-11-26') → '2026-11-26'; empty → ``None``; `BadInput` otherwise."""
    text = (text or '').strip()
    if not text:
        return None
    for form in (DATE_FORMAT, '%Y-%m-%d', '%d/%m/%Y'):
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise BadInput('plan.bad_date')


def date_input(label: str, iso: str | None, marker: str = '') -> Getter:
    """A Dutch date field (dd-mm-jjjj) with a calendar popup; the getter returns ISO or raises `BadInput`."""
    with ui.input(label, value=nl_date(iso), placeholder='dd-mm-jjjj') \
            .props('outlined clearable inputmode=numeric').classes('pb-date').mark(marker) as field:
        with ui.menu().props('no-parent-event') as menu:
            ui.date(mask='DD-MM-YYYY').bind_value(field).props('first-day-of-week=1 today-btn') \
                .on_value_change(menu.close)
        with field.add_slot('append'):
            ui.icon('event', size='md').on('click', menu.open).classes('cursor-pointer')
    return lambda: iso_date(field.value)


def accepts_none(type_: str, key: str) -> bool:
    """Whether `key` of this element type may be left without a value."""
    field = PROPS_MODELS[ElementType(type_)].model_fields[key]
    return type(None) in typing.get_args(field.annotation)


class ElementDialog:
    """A dialog editing some props of one element; use as a context manager and add fields inside.

        with ElementDialog(page, 'goal', goal.id, goal.props, page.t('plan.goal.edit')) as form:
            form.text('text', page.t('plan.goal.text'), area=True)
            form.date('start', page.t('plan.start'))

    :param element_id: the element to update; ``None`` (or a missing singleton) creates `create_id`
    :param create_id: the id of a new element (default: a fresh one)
    :param extra: props a new element starts with besides the fields (e.g. its position)
    :param prepare: given the values about to be saved, operations that must go first in the same batch (e.g. the
        betrokkene a new zorgcoördinator is)
    """

    def __init__(self, page: HubPage, type_: str, element_id: str | None, props: dict[str, Any], title: str,
                 *, create_id: str | None = None, extra: dict[str, Any] | None = None,
                 removal: Callable[[], list[dict[str, Any]]] | None = None,
                 prepare: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None) -> None:
        self.page, self.type, self.element_id, self.props = page, type_, element_id, props
        self.create_id = create_id or new_id(type_.split('_')[0])
        self.extra = extra or {}
        self.removal, self.prepare = removal, prepare
        self.getters: dict[str, Getter] = {}
        with page.dialog_host:
            self.dialog = ui.dialog().props('persistent')
        with self.dialog:
            self.card = ui.card().classes('pb-editor pb-plan-editor w-full')
        with self.card:
            ui.label(title).classes('text-h6')
            self.body = ui.column().classes('w-full gap-3')

    def __enter__(self) -> ElementDialog:
        self.body.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.body.__exit__(*exc)
        t = self.page.t
        self.sharing: SharingChooser | NoChoice = NoChoice()
        with self.card, ui.column().classes('w-full gap-2 q-mt-sm'):
            new = self.element_id is None
            if not self.page.readonly and (concept := concept_switch(t, self.page.actor, self.type, self.props,
                                                                     self.page.hub.rights, new)):
                self.getters['concept'] = concept
            if self.type not in SINGLETON_IDS:
                element = self.page.element(self.element_id) if self.element_id else None
                self.sharing = sharing_part(t, self.page.actor, element, self.type, self.page.push,
                                            self.page.hub.rights)
        with self.card, ui.row().classes('w-full justify-end gap-2 pb-dialog-actions'):
            if self.removal is not None and self.element_id is not None and not self.page.readonly:
                ui.button(t('editor.delete'), icon='delete', color='negative', on_click=self.remove) \
                    .props('flat no-caps size=lg').mark('dialog-delete')
                ui.space()
            ui.button(t('editor.cancel'), on_click=self.close).props('flat no-caps size=lg') \
                .mark('dialog-cancel')
            if not self.page.readonly:
                self.sharing.hold(ui.button(t('editor.save'), icon='check', on_click=self.save)
                                  .props('unelevated no-caps size=lg').mark('dialog-save'))
        self.dialog.open()

    # fields

    def text(self, key: str, label: str, *, area: bool = False, hint: str = '') -> ui.input:
        make = ui.textarea if area else ui.input
        field = make(label, value=self.props.get(key) or '').props('outlined' + (' autogrow' if area else '')) \
            .classes('w-full').mark(f'field-{key}')
        if hint:
            field.props(f'hint="{hint}"')
        self.getters[key] = lambda: field.value or ''
        return field

    def date(self, key: str, label: str) -> None:
        self.getters[key] = date_input(label, self.props.get(key), marker=f'field-{key}')

    def select(self, key: str, label: str, options: dict[str, str], *, clearable: bool = True) -> ui.select:
        value = self.props.get(key)
        field = ui.select(options, label=label, value=value if value in options else None, clearable=clearable) \
            .props('outlined').classes('w-full').mark(f'field-{key}')
        self.getters[key] = lambda: field.value
        return field

    def chips(self, key: str, label: str, options: dict[str, str], *, multiple: bool = True) -> None:
        """Tap chips; a single choice the element type cannot do without (no ``None``) cannot be tapped empty."""
        ui.label(label).classes('text-subtitle1 text-grey-9')
        self.getters[key] = chip_choice(options, self.props.get(key), multiple=multiple,
                                        required=not accepts_none(self.type, key), marker=f'field-{key}')

    def tags(self, key: str, label: str, hint: str = '') -> None:
        """A few short words, each typed and confirmed with Enter, shown as chips: e.g. the roles someone plays."""
        value = list(self.props.get(key) or [])
        field = ui.select(value, value=value, label=label, multiple=True, new_value_mode='add-unique') \
            .props('outlined use-chips use-input hide-dropdown-icon input-debounce=0').classes('w-full') \
            .mark(f'field-{key}')
        if hint:
            field.props(f'hint="{hint}"')
        self.getters[key] = lambda: list(field.value or [])

    def custom(self, key: str, getter: Getter) -> None:
        """A field drawn by the caller; `getter` returns its value (or raises `BadInput`)."""
        self.getters[key] = getter

    # saving

    def close(self) -> None:
        self.dialog.close()
        self.dialog.delete()

    def values(self) -> dict[str, Any]:
        return {key: getter() for key, getter in self.getters.items()}

    async def remove(self) -> None:
        """Remove the element with everything that hangs on it (`removal` says what), as one batch."""
        if await self.page.push(self.removal()):
            self.close()
            self.page.notify(self.page.t('editor.deleted'), type='positive')

    async def save(self) -> None:
        if not self.sharing.ready():
            return
        try:
            values = self.values()
        except BadInput as problem:
            self.page.notify(self.page.t(str(problem)), type='warning', multi_line=True)
            return
        creating = self.element_id is None or (
            self.element_id == self.create_id and self.page.element(self.element_id) is None)  # a singleton
        if not creating:  # an element deleted meanwhile stays an update: the hub says it is gone
            patch = {k: v for k, v in values.items() if v != self.props.get(k)}
            if not patch:  # nothing to send, and nothing lost: say so all the same
                self.close()
                self.page.notify(self.page.t('editor.saved'), type='positive')
                return
            op = {'op': 'update', 'id': self.element_id, 'props': patch}
        else:
            op = {'op': 'create', 'id': self.create_id, 'type': self.type, 'props': self.extra | values}
            if (visibility := self.sharing.visibility()) is not None:
                op['visibility'] = visibility.model_dump(mode='json')
        if await self.page.push((self.prepare(values) if self.prepare else []) + [op]):
            self.close()
            self.page.notify(self.page.t('editor.saved'), type='positive')
