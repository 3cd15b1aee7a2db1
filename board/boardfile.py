"""The board as one JSON file: the format used by export, import, backups and tests.

Versioned (`format` + `version`), documented in docs/board-format.md with a JSON Schema beside it
(generated from these models; a test keeps the two equal). Export → import → export is identical:
an import writes the board row and one snapshot with the file's elements exactly as they are.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .access import BoardRights
from .elements import Element, PropsError, validate_props
from .identity import Actor
from .layout import spread
from .numbering import seen_by
from .operations import OperationError, check_references
from .photos import with_clean_photo
from .store import BoardInfo, Store

FORMAT: Final = 'planbord.board'
VERSION: Final = 1


class BoardMeta(BaseModel):
    model_config = ConfigDict(extra='forbid')
    id: str = Field(pattern=r'^[A-Za-z0-9_-]{1,64}$')
    name: str = Field(min_length=1, max_length=200)
    family_name: str = Field(default='', max_length=200)
    created_at: str


class BoardFile(BaseModel):
    """A whole board: its live elements (tombstones stay in the op log, not in the file)."""
    model_config = ConfigDict(extra='forbid', title='Planbord board file')
    format: Literal['planbord.board'] = FORMAT
    version: Literal[1] = VERSION
    board: BoardMeta
    seq: int = Field(ge=0, description='The sequence number of the last batch included.')
    elements: list[Element]


class BoardFileError(ValueError):
    """A file that is not a Planbord board we can read; the message says why."""


def board_file(info: BoardInfo, seq: int, elements: Iterable[Element]) -> BoardFile:
    """A board file from a board's elements (tombstones are left out), e.g. a live hub's."""
    live = sorted((e for e in elements if not e.deleted), key=lambda e: e.id)
    return BoardFile(board=BoardMeta(**info.as_dict()), seq=seq, elements=live)


def export_board(store: Store, board_id: str) -> BoardFile:
    loaded = store.load(board_id)
    return board_file(loaded.info, loaded.seq, loaded.elements.values())


def visible_board(board: BoardFile, actor: Actor) -> BoardFile:
    """The board as `actor` may see it: the same file with only the elements `access.can_see` allows, the goals and
    agreements numbered their way (`board.numbering`)."""
    return board.model_copy(update={'elements': seen_by(actor, board.elements, BoardRights.of(board.elements))})


def dumps(board: BoardFile) -> str:
    return json.dumps(board.model_dump(mode='json'), ensure_ascii=False, indent=2, sort_keys=True) + '\n'


def loads(text: str) -> BoardFile:
    try:
        board = BoardFile.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = '.'.join(str(p) for p in first['loc'])
        raise BoardFileError(f'not a Planbord board file ({where}: {first["msg"]})') from None
    elements = {e.id: e for e in board.elements}
    if len(elements) != len(board.elements):
        raise BoardFileError('an element id appears twice')
    checked = []
    for element in board.elements:
        if element.deleted:
            raise BoardFileError(f'element {element.id} is deleted')
        try:
            validate_props(element.type, element.props)
            check_references(element, elements)
            checked.append(element.model_copy(update={'props': with_clean_photo(element.props)}))
        except PropsError as error:
            raise BoardFileError(f'element {element.id}: {error}') from None
        except OperationError as error:
            raise BoardFileError(f'element {element.id}: {error.fields[0]["field"]} points at nothing') from None
    return board.model_copy(update={'elements': checked})


def import_board(store: Store, board: BoardFile, new_id: str | None = None) -> BoardInfo:
    """Store a board file as a new board; `board.store.BoardExists` if its id is taken. Cards without a place, or
    lying exactly on another card's spot, get a free one (`board.layout.spread`); the rest is stored as it is."""
    try:
        meta = BoardMeta.model_validate(board.board.model_dump() | {'id': new_id}) if new_id else board.board
    except ValidationError:
        raise BoardFileError(f'{new_id!r} is not a valid board id (letters, digits, - and _; at most 64)') from None
    info = BoardInfo(**meta.model_dump(), seq=board.seq)
    elements = {e.id: e for e in board.elements}
    for element_id, (x, y) in spread(elements).items():
        elements[element_id] = elements[element_id].model_copy(
            update={'props': elements[element_id].props | {'x': float(x), 'y': float(y)}})
    store.replace_board(info, board.seq, elements)
    return info


def json_schema() -> dict:
    return BoardFile.model_json_schema()
