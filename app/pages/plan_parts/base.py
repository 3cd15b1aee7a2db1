"""What every tab of the plan view shares: its redrawable list and a few calm building blocks."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nicegui import ui

from board.access import is_concept, may_change, may_edit
from board.elements import Element
from board.identity import Role
from network_graph.roles import side_name
from network_graph.schema_labels import first_name

from ...contrast import ink_on
from ...i18n import say_date
from ..chips import chip_choice
from ..sharing import concept_bar, seen_by_icon

if TYPE_CHECKING:
    from ..hub_page import HubPage
    from .form import ElementDialog

PROFESSIONALS = (Role.COORDINATOR, Role.PROFESSIONAL)


def face(name: str, color: str | None, photo: str | None = None, marker: str = '') -> None:
    """A photo, or the initials on a colour: how a person is recognised at a glance, even by a child."""
    if photo:
        ui.image(photo).props('fit=cover no-spinner no-transition ratio=1').classes('pb-member-photo').mark(marker)
    else:
        initials = ''.join(part[0] for part in (name or '?').split()[:2]).upper()
        background = color or '#9e9e9e'
        ui.label(initials).classes('pb-member-dot').style(f'background:{background};color:{ink_on(background)}')


def lead_in(label: str) -> str:
    """A label before its value: a question stands as it is (in Latin or Arabic script), anything else gets a colon."""
    return label if label.endswith(('?', '؟')) else label + ':'


class Part:
    """One tab: `types` says which element types it shows, so a commit redraws only the tabs it touches."""
    key = ''
    icon = ''
    types: frozenset[str] = frozenset()

    def __init__(self, page: HubPage) -> None:
        self.page = page
        self.t = page.t

    def day(self, value: Any) -> str:
        """A date (or ISO date text) the way the person's language writes it."""
        return say_date(value, self.page.language)

    @ui.refreshable_method
    def render(self) -> None:
        self.draw()

    def draw(self) -> None:
        raise NotImplementedError

    # building blocks

    def add_button(self, label_key: str, on_click: Callable[[], Any], marker: str, icon: str = 'add') -> None:
        if not self.page.readonly:
            ui.button(self.t(label_key), icon=icon, on_click=on_click) \
                .props('unelevated no-caps size=lg').classes('pb-big-button').mark(marker)

    def action(self, label_key: str, icon: str, on_click: Callable[[], Any], marker: str,
               color: str = 'primary', flat: bool = True) -> None:
        if not self.page.readonly:
            ui.button(self.t(label_key), icon=icon, on_click=on_click, color=color) \
                .props(('flat ' if flat else 'unelevated ') + 'no-caps').classes('pb-action').mark(marker)

    def may_edit(self, element: Element | None, prop: str | None = None) -> bool:
        """Whether this person may change the element's words (or `prop`): only then is 'Bewerken' offered."""
        if self.page.readonly:
            return False
        return element is None or may_edit(self.page.actor, element, self.page.hub.rights, prop)

    def may(self, element: Element, **change: Any) -> bool:
        """Whether a tap that makes this change would be taken (`board.access.may_change`), before it is offered."""
        return not self.page.readonly and may_change(self.page.actor, element, self.page.hub.rights, **change)

    def seen_by(self, element: Element) -> None:
        """Who can see this item, as an icon with the names in its tooltip."""
        seen_by_icon(element, self.page.seen_by())

    def concept(self, element: Element) -> None:
        """A concept says whose draft it is (with 'Goedkeuren' for a parent); an approved one who approved it."""
        if is_concept(element):
            concept_bar(self.t, self.page.actor, element, self.page.push, self.page.hub.rights)
        elif approved := element.props.get('approved_by'):
            when = self.day(approved.get('at', '')[:10])
            ui.label(self.t('concept.approved_by', name=approved.get('name', ''), date=when)).classes('pb-small')

    def empty(self, key: str) -> None:
        ui.label(self.t(key)).classes('pb-empty')

    def section(self, key: str) -> None:
        ui.label(self.t(key)).classes('pb-section')

    def line(self, label_key: str, value: str) -> None:
        """'Label: value' in one quiet line; nothing when the value is empty."""
        if value:
            with ui.row().classes('pb-line gap-1 no-wrap'):
                label = self.t(label_key)
                ui.label(lead_in(label)).classes('text-grey-7')
                ui.label(value)

    def side_choice(self, form: ElementDialog, props: dict[str, Any], label_key: str = 'plan.people.side') -> Any:
        """"Van wiens kant van de familie?": the coach names the parent ("van moederskant": the mother), as chips;
        a tap on the chosen one clears it. Returns the chooser (``None`` without parents), to show only for familie."""
        parents = {m.id: m.props.get('name', '') for m in self.page.elements('family_member')
                   if m.props.get('role') == 'parent' or m.id == props.get('side')}
        if not parents:
            return None
        with ui.column().classes('w-full gap-1') as chooser:
            ui.label(self.t(label_key)).classes('text-subtitle1 text-grey-9')
            options = {i: self.t('schema.side', name=first_name(name)) for i, name in parents.items()}
            form.custom('side', chip_choice(options, props.get('side'), multiple=False, marker='field-side'))
        return chooser

    def role_lines(self, person: Element) -> None:
        """Whose side of the family someone is on, and their other roles with where those put them."""
        p = person.props
        if side := side_name(p, self.page.names('family_member')):
            ui.label(self.t('plan.people.side_of', name=side)).classes('text-grey-8').mark(f'side-{person.id}')
        for role in p.get('extra_roles', []):
            sector = self.t(f"plan.sector.{role['sector']}").split(' (')[0]
            ui.label(self.t('plan.people.also', role=role['role'], ring=self.t(f"schema.ring.{role['ring']}"),
                            sector=sector)).classes('text-grey-8')

    def dates(self, props: dict[str, Any], *fields: tuple[str, str]) -> None:
        """Dates the Dutch way, side by side: ``(prop, label key)`` pairs, empty ones left out."""
        shown = [(self.t(label), self.day(props.get(key))) for key, label in fields if props.get(key)]
        if shown:
            with ui.row().classes('pb-dates gap-x-4 gap-y-0'):
                for label, value in shown:
                    ui.label(f'{label} {value}').classes('pb-nowrap')
