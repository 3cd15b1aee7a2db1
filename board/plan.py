"""A new gezinsplan: what every family board starts with.

Every plan has the algemene informatie, the four zones of Flemish practice (hulpvraag, krachten,
zorgen, toekomst) and the two standard agreements: the eindevaluatie, and agreeing who else must be
informed. They are made with ordinary operations, so they are validated and logged like any edit.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from .elements import Element, ElementType, new_id
from .identity import SYSTEM
from .store import BoardInfo, CommitRecord, Store, now_iso, replay

ZONES = [
    ('Hulpvraag', 'hulpvraag', 0, 0, 560, 230),
    ('Toekomst', 'toekomst', 600, 0, 1080, 230),
    ('Krachten', 'krachten', 0, 620, 560, 360),
    ('Zorgen', 'zorgen', 600, 620, 560, 360),
]
STANDARD_AGREEMENTS = [
    ('eindevaluatie', 'De zorgcoördinator en het gezin',
     'Eindevaluatie: hoe ging onze samenwerking en wat heeft het het gezin gebracht?'),
    ('informeren', 'De zorgcoördinator en het gezin',
     'Afspreken wie er verder geïnformeerd moet worden (bijvoorbeeld huisarts, school, jeugdgezondheidszorg).'),
]


def new_plan_operations(start: dt.date) -> list[dict[str, Any]]:
    """The operations that make an empty board a gezinsplan; each part gets a fresh id nobody can guess."""
    ops: list[dict[str, Any]] = [
        {'op': 'create', 'id': 'family-info', 'type': 'family_info', 'props': {'start_date': start.isoformat()}}]
    for title, kind, x, y, w, h in ZONES:
        ops.append({'op': 'create', 'id': new_id('zone'), 'type': 'zone',
                    'props': {'title': title, 'kind': kind, 'x': x, 'y': y, 'w': w, 'h': h}})
    for i, (standard, who, text) in enumerate(STANDARD_AGREEMENTS):
        ops.append({'op': 'create', 'id': new_id('agr'), 'type': 'agreement',
                    'props': {'standard': standard, 'who': who, 'text': text, 'start': start.isoformat(),
                              'x': 1200 + 260 * i, 'y': 270}})
    return ops


def create_board_with(store: Store, name: str, family_name: str, batches: list[list[dict[str, Any]]],
                      board_id: str | None = None, authors: Sequence[str] = ()) -> BoardInfo:
    """Create a board whose history starts with `batches` as batches 1, 2, …, all checked before anything is stored.

    :param authors: who made each batch (and so each element it creates); `SYSTEM` where none is given
    """
    at = now_iso()
    records = [CommitRecord(seq=seq, actor_id=authors[seq - 1] if seq <= len(authors) else SYSTEM.id, at=at, ops=ops)
               for seq, ops in enumerate(batches, 1)]
    elements: dict[str, Element] = {}
    for record in records:
        elements |= replay(elements, record)
    info = store.create_board(name, family_name, board_id=board_id)
    store.append(info.id, records)
    return store.get_board(info.id)


def create_family_board(store: Store, family_name: str, start: dt.date | None = None) -> BoardInfo:
    """A new board for a family, with the parts every gezinsplan has."""
    return create_board_with(store, family_name, family_name, [new_plan_operations(start or dt.date.today())])


PERSON_LISTS = {'goal': ('owners', 'supporters'), 'agreement': ('who_ids',)}
"""Where a person is named by id in the plan, besides ties and the zorgcoördinator."""


def remove_person_operations(elements: Mapping[str, Element], person_id: str) -> list[dict[str, Any]]:
    """Removing someone from the plan, as one batch: their ties go, they leave every goal and agreement
    they were named in, their own schema (VIP view) goes, relatives on their side are on nobody's side, and if they
    were the zorgcoördinator the plan has none until a new one is chosen."""
    ops: list[dict[str, Any]] = [{'op': 'delete', 'id': person_id}]
    for element in elements.values():
        if element.deleted:
            continue
        props = element.props
        if element.type == ElementType.TIE and person_id in (props['a'], props['b']):
            ops.append({'op': 'delete', 'id': element.id})
        elif element.type == ElementType.FAMILY_INFO and props.get('coordinator_id') == person_id:
            ops.append({'op': 'update', 'id': element.id, 'props': {'coordinator_id': None}})
        elif element.type == ElementType.NETWORK_PERSON and (props.get('side') == person_id or any(
                p['member'] == person_id for p in props.get('vip', []))):
            vip = [p for p in props.get('vip', []) if p['member'] != person_id]
            side = None if props.get('side') == person_id else props.get('side')
            ops.append({'op': 'update', 'id': element.id, 'props': {'vip': vip, 'side': side}})
        else:
            patch = {field: [i for i in props[field] if i != person_id]
                     for field in PERSON_LISTS.get(element.type, ()) if person_id in props.get(field, [])}
            if patch:
                ops.append({'op': 'update', 'id': element.id, 'props': patch})
    return ops
