"""Names hidden on a shared screen: each person shown by initials or by what they are to the family.

At a round-table meeting the schema may be on a big screen while someone walks in, or a family may not want
every name in sight. This is a display choice, not access control (that is `board.access`): but the page that
shows it sends the browser the pseudonymised records only, so the names are not in the screen's page either.
Contact details and photos go too: a face or a phone number names someone as well as a name does.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from board.dutch import MEMBER_ROLES
from board.elements import Element, ElementType

from .schema_layout import SECTOR_LABELS

Mode = Literal['names', 'initials', 'roles']
MODES: tuple[Mode, ...] = ('names', 'initials', 'roles')
PEOPLE = (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)
IDENTIFYING = frozenset({'name', 'photo', 'phone', 'mail', 'relation', 'roles', 'hours', 'role', 'sector',
                         'extra_roles'})
"""The props that change when names are hidden; a patch touching any of them changes the alias."""


ROLE_ENDS = re.compile(r'\([^)]*\)?|[,;:/]| (?:van|voor|bij|op|uit|met|en|of|-) ', re.IGNORECASE)
"""Where a typed relation stops being the role: 'mentor van Elif' would name Elif, '(betaald)' is a remark."""


def short_role(text: str) -> str:
    """The role word in what a coach typed: 'Oppas' for 'oppas (betaald) voor de kinderen', '' if none."""
    words = ROLE_ENDS.split(text, maxsplit=1)[0].split()[:2]
    role = ' '.join(words)
    return role[:1].upper() + role[1:]


def role_of(type_: str, props: dict[str, Any]) -> str:
    """What a person is to the family, in a short word and without their name: 'Buurvrouw', 'Mentor', 'Ouder'."""
    if type_ == ElementType.FAMILY_MEMBER:
        return MEMBER_ROLES.get(props.get('role', 'other'), 'gezinslid').capitalize()
    for text in (props.get('relation', ''), *props.get('roles', [])):
        if role := short_role(text):
            return role
    return SECTOR_LABELS.get(props.get('sector', ''), 'Overig')


def hidden_props(type_: str, props: dict[str, Any], mode: Mode) -> dict[str, Any]:
    """A person's props with the name replaced by initials or a role, and contact details and photo left out."""
    if mode == 'names' or type_ not in PEOPLE:
        return props
    role = role_of(type_, props)
    replaced = {'name': initials(props.get('name', '')) if mode == 'initials' else role, 'photo': None,
                'phone': '', 'mail': '', 'hours': '', 'roles': [], 'relation': role if mode == 'roles' else '',
                'extra_roles': [{**r, 'role': short_role(r.get('role', '')) or '?'}
                                for r in props.get('extra_roles', [])]}
    return {**props, **{key: value for key, value in replaced.items() if key in props}}


def pseudonymise(elements: Iterable[Element], mode: Mode) -> list[Element]:
    """The elements with every person's name hidden (for metrics and pictures on a shared screen)."""
    return [e.model_copy(update={'props': hidden_props(e.type, e.props, mode)}) if e.type in PEOPLE else e
            for e in elements]


def initials(name: str) -> str:
    """Two letters for a dot: first and last initial, or the first two letters of a single name; letters and digits
    only, so 'Oppas (betaald)' is 'OB', never 'O('."""
    words = [w for w in (''.join(c for c in word if c.isalnum()) for word in name.split()) if w]
    if not words:
        return '?'
    return (words[0][:2] if len(words) == 1 else words[0][0] + words[-1][0]).upper()
