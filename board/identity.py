"""Who is acting: every connected client carries an `Actor` with a role on the board."""
from __future__ import annotations

import hashlib
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Role(StrEnum):
    PARENT = 'parent'
    YOUTH = 'youth'
    CHILD = 'child'
    COORDINATOR = 'coordinator'
    PROFESSIONAL = 'professional'
    NETWORK = 'network'
    SCREEN = 'screen'
    """The read-only shared screen at the round-table meeting."""


FAMILY_ROLES = frozenset({Role.PARENT, Role.YOUTH, Role.CHILD})

PRESENCE_COLORS = ('#e4572e', '#17bebb', '#ffc914', '#76b041', '#8d6cab', '#2e86ab', '#f18f01', '#c73e1d')


class Consent(BaseModel):
    """What a parent agreed an invitee may see, as choices rather than words: the cards of some zones (a topic such
    as "Omgangsregeling"), some goals with their agreements, and/or the cards shared with them by name; always with
    the people in them. `board.access` shows the invitee exactly that, within each card's own visibility."""
    model_config = ConfigDict(frozen=True)
    zones: tuple[str, ...] = Field(default=(), max_length=20)
    goals: tuple[str, ...] = Field(default=(), max_length=50)
    named: bool = False
    """Cards shared with them by name (or with their organisation)."""

    @property
    def empty(self) -> bool:
        return not (self.zones or self.goals or self.named)

    @staticmethod
    def dumps(consent: Consent | None) -> str | None:
        """As stored in a text column; ``None`` (no limit) stays ``None``."""
        return None if consent is None else consent.model_dump_json()

    @staticmethod
    def loads(text: str | None) -> Consent | None:
        return None if text is None else Consent.model_validate_json(text)


class Actor(BaseModel):
    model_config = ConfigDict(frozen=True, use_enum_values=True)
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=120)
    role: Role
    organisation: str = Field(default='', max_length=120)
    """An organisation such as ``school`` or the name it was invited with; lets the family share with a whole
    organisation (`board.sharing.organisation_key` finds its kind)."""
    consent: Consent | None = None
    """For an invitee: what they may see at most. ``None`` for the family, the coordinator and accounts of old."""

    @property
    def color(self) -> str:
        """A stable colour per person, so the same avatar looks the same on every device."""
        digest = hashlib.sha256(self.id.encode()).digest()
        return PRESENCE_COLORS[digest[0] % len(PRESENCE_COLORS)]

    @property
    def in_family(self) -> bool:
        return self.role in FAMILY_ROLES


SYSTEM = Actor(id='system', name='Planbord', role=Role.COORDINATOR)
"""The actor behind demo data, imports and migrations."""
