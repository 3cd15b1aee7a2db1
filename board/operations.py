"""The operation vocabulary (create, update-as-patch, delete-as-tombstone) and its pure application.

`apply_batch` is the only function that produces new element versions. It never mutates the
document it is given: it returns the changed elements, so the hub can commit them to the log first
and only then make them current. A batch is all or nothing.
"""
from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, MutableMapping
from typing import Annotated, Any, Literal, Protocol, cast

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from . import layout
from .elements import (
    NUMBERED,
    PROPS_MODELS,
    REFERENCES,
    SEQUENCED,
    SERVER_PROPS,
    SINGLETON_IDS,
    Element,
    ElementId,
    ElementType,
    PropsError,
    Visibility,
    validate_props,
)
from .photos import with_clean_photo

MAX_BATCH = 200
"""Operations per batch; a drag sends one, a pasted group a few dozen."""


class _Op(BaseModel):
    model_config = ConfigDict(extra='forbid')


class CreateOp(_Op):
    op: Literal['create']
    id: ElementId
    type: ElementType
    props: dict[str, Any] = Field(default_factory=dict)
    visibility: Visibility | None = None


class UpdateOp(_Op):
    """A patch: only the props named change, so concurrent edits of different props both survive."""
    op: Literal['update']
    id: ElementId
    props: dict[str, Any] = Field(default_factory=dict)
    visibility: Visibility | None = None


class DeleteOp(_Op):
    """A tombstone: the element stays in history, but is gone from the board."""
    op: Literal['delete']
    id: ElementId


Operation = Annotated[CreateOp | UpdateOp | DeleteOp, Field(discriminator='op')]
_BATCH = TypeAdapter(list[Operation])


class OperationError(Exception):
    """An operation the board cannot accept. `code` is stable and translated by the app.

    :param code: e.g. ``invalid_props``, ``not_found``, ``exists``, ``bad_reference``
    :param index: position of the failing operation in its batch
    :param fields: per-field problems for ``invalid_props``
    """

    def __init__(self, code: str, *, index: int | None = None, element_id: str | None = None,
                 fields: list[dict[str, Any]] | None = None) -> None:
        super().__init__(code if not fields else f'{code}: {fields}')
        self.code = code
        self.index = index
        self.element_id = element_id
        self.fields = fields or []

    def as_dict(self) -> dict[str, Any]:
        return {'code': self.code, 'index': self.index, 'id': self.element_id, 'fields': self.fields}


class Guard(Protocol):
    """What `apply_batch` asks about the acting person (see `board.access.ActorGuard`)."""

    def check(self, current: Element | None, visibility: Visibility | None, type_: ElementType | None) -> None: ...

    def default_visibility(self, type_: ElementType) -> Visibility: ...

    def check_change(self, before: Element | None, after: Element) -> None: ...

    def stamp(self, type_: ElementType, props: dict[str, Any], before: dict[str, Any] | None,
              now: str) -> dict[str, Any]: ...

    def can_see(self, element: Element) -> bool: ...


def parse_batch(raw: Any) -> list[CreateOp | UpdateOp | DeleteOp]:
    """Turn untrusted JSON into operations, or raise `OperationError('invalid_operation')`."""
    if not isinstance(raw, list) or not raw:
        raise OperationError('invalid_operation')
    if len(raw) > MAX_BATCH:
        raise OperationError('batch_too_large')
    try:
        return _BATCH.validate_python(raw)
    except ValidationError as error:
        first = error.errors()[0]
        index = first['loc'][0] if first['loc'] and isinstance(first['loc'][0], int) else None
        unknown_type = any(e['loc'][-1:] == ('type',) and e['type'] == 'enum' for e in error.errors())
        raise OperationError('unknown_type' if unknown_type else 'invalid_operation', index=index) from None


def apply_batch(doc: Mapping[str, Element], ops: list[CreateOp | UpdateOp | DeleteOp], *, actor_id: str,
                seq: int, now: str, guard: Guard | None = None,
                effective: list[dict[str, Any]] | None = None) -> dict[str, Element]:
    """Apply `ops` in order on top of `doc` and return the new versions of every changed element; an update that
    changes nothing is left out, so it gets no version and no sequence number.

    :param guard: checks the actor's rights and stamps what the server decides (who wrote a goal, its
        number); ``None`` when replaying the log, which already holds those stamps
    :param effective: if given, receives the operations as applied (creates with their stamped props):
        what the log must hold so a replay without a guard ends in the same place
    """
    staged: dict[str, Element] = {}
    last_index: dict[str, int] = {}
    view = ChainMap(staged, cast(MutableMapping[str, Element], doc))  # a ChainMap writes only to its first map
    for index, op in enumerate(ops):
        last_index[op.id] = index
        current = view.get(op.id)
        try:
            if guard is not None:  # a replay holds photos checked when they came in
                op = _with_clean_photo(op, current)  # noqa: PLW2901 — the log below keeps the cleaned operation
            after = _apply_one(current, op, view, actor_id=actor_id, seq=seq, now=now, guard=guard)
        except OperationError as error:
            error.index, error.element_id = index, op.id
            raise
        except PropsError as error:
            raise OperationError('invalid_props', index=index, element_id=op.id, fields=error.fields) from None
        except PermissionError as error:
            raise OperationError(str(error), index=index, element_id=op.id) from None
        if guard is not None and _changes_nothing(current, after):
            continue  # no version and nothing to log (a replay takes the log as it is, older no-ops too)
        staged[op.id] = after
        if effective is not None:
            effective.append(_as_applied(op, current, after))
    for element in staged.values():
        try:
            check_references(element, view, before=doc.get(element.id), guard=guard)
        except OperationError as error:
            error.index = last_index[element.id]
            raise
    return staged


def _changes_nothing(before: Element | None, after: Element) -> bool:
    """An update that leaves the element as it was: a drop where the card already lay, a word typed again."""
    return before is not None and (after.props, after.visibility, after.deleted) == \
        (before.props, before.visibility, before.deleted)


def _with_clean_photo(op: CreateOp | UpdateOp | DeleteOp, current: Element | None) -> CreateOp | UpdateOp | DeleteOp:
    """The operation with the photo it sets checked and made one of ours, like an upload (`board.photos`), so the
    board, and the log a replay reads, only ever hold a real, small JPEG without metadata, whatever the channel."""
    kind = op.type if isinstance(op, CreateOp) else current.type if current is not None else None
    if isinstance(op, DeleteOp) or kind is None or 'photo' not in PROPS_MODELS[kind].model_fields:
        return op
    return op.model_copy(update={'props': with_clean_photo(op.props)})


def _apply_one(current: Element | None, op: CreateOp | UpdateOp | DeleteOp, view: Mapping[str, Element], *,
               actor_id: str, seq: int, now: str, guard: Guard | None) -> Element:
    if guard is not None:
        kind = op.type if isinstance(op, CreateOp) else current.type if current is not None else None
        # a create is checked as the new element it would be, so its answer never tells what its id already holds:
        # a hidden element's id is `exists`, like a visible or deleted one's
        guard.check(None if isinstance(op, CreateOp) else current,
                    op.visibility if not isinstance(op, DeleteOp) else None, kind)
    stamp: dict[str, Any] = {'seq': seq, 'updated_by': actor_id, 'updated_at': now}
    match op:
        case CreateOp():
            if current is not None:
                raise OperationError('exists')
            if op.type in SINGLETON_IDS and op.id != SINGLETON_IDS[op.type]:
                raise OperationError('singleton')
            props = validate_props(op.type, _created_props(op, view, guard, seq, now))
            if guard is not None and op.type in layout.SIZES:  # a replay holds the place it got
                props = _placed(op, props, view)
            default = guard.default_visibility(op.type) if guard is not None else Visibility()
            after = Element(id=op.id, type=op.type, props=props,
                            visibility=op.visibility or default, created_by=actor_id, created_at=now, **stamp)
        case UpdateOp():
            if current is None or current.deleted:
                raise OperationError('not_found')
            problems = [{'field': key, 'problem': 'unknown_field'}
                        for key in op.props if key not in PROPS_MODELS[current.type].model_fields]
            if guard is not None:  # a replay holds the stamps the server wrote
                problems += [{'field': key, 'problem': 'read_only'}
                             for key in op.props if key in SERVER_PROPS.get(current.type, ())]
            if problems:
                raise PropsError(problems)
            props = current.props | op.props
            if guard is not None:
                props |= guard.stamp(current.type, props, current.props, now)
            props = validate_props(current.type, props)
            after = current.model_copy(update={'props': props, 'visibility': op.visibility or current.visibility,
                                               'version': current.version + 1, **stamp})
        case DeleteOp():
            if current is None or current.deleted:
                raise OperationError('not_found')
            after = current.model_copy(update={'deleted': True, 'version': current.version + 1, **stamp})
    if guard is not None:
        guard.check_change(current, after)
    return after


def _as_applied(op: CreateOp | UpdateOp | DeleteOp, before: Element | None, after: Element) -> dict[str, Any]:
    """An operation as the log must hold it: a create with its stamped props and the visibility it got, an
    update with the props the server stamped besides those sent."""
    dumped = op.model_dump(mode='json', exclude_unset=True)
    if isinstance(op, CreateOp):
        dumped['props'] = after.props
        dumped['visibility'] = after.visibility.model_dump(mode='json')
    elif isinstance(op, UpdateOp) and before is not None:
        dumped['props'] = dumped.get('props', {}) | {key: value for key, value in after.props.items()
                                      if key in SERVER_PROPS.get(after.type, ()) and value != before.props.get(key)}
    return dumped


def _created_props(op: CreateOp, view: Mapping[str, Element], guard: Guard | None, seq: int,
                   now: str) -> dict[str, Any]:
    """A new element's props: what the client sent, with what only the server decides put in.

    With a guard (a live edit) client values for server props are ignored and stamped afresh; without
    one (a replay) the logged stamps are kept. A numbered type gets the next free number, a sequenced
    type (a saved moment) the sequence number of this batch.
    """
    props = dict(op.props)
    if guard is not None:
        for key in SERVER_PROPS.get(op.type, ()):
            props.pop(key, None)
        props |= guard.stamp(op.type, props, None, now)
    if op.type in NUMBERED and props.get('number') is None:
        props['number'] = 1 + max((e.props.get('number') or 0 for e in view.values() if e.type == op.type),
                                  default=0)
    if op.type in SEQUENCED and props.get('seq') is None:
        props['seq'] = seq
    return props


def _placed(op: CreateOp, props: dict[str, Any], view: Mapping[str, Element]) -> dict[str, Any]:
    """A new card's place, decided by the server for every channel alike (`board.layout.place`): where it was asked
    for if that is free, else the nearest free spot; without a position, a free spot in the board's order."""
    asked = (props['x'], props['y']) if op.props.keys() & {'x', 'y'} else None
    x, y = layout.place(view, Element.model_construct(id=op.id, type=op.type, props=props, deleted=False), near=asked)
    return props | {'x': float(x), 'y': float(y)}


def check_references(element: Element, view: Mapping[str, Element], *, before: Element | None = None,
                     guard: Guard | None = None) -> None:
    """Raise `OperationError('bad_reference')` if `element` points at something missing, deleted, of the
    wrong type or hidden from the actor. Only references that changed since `before` are checked: an old
    reference to a since-removed goal may stay."""
    if element.deleted:
        return
    for field, allowed in REFERENCES.get(element.type, {}).items():
        targets = _values_at(element.props, field)
        if before is not None and _values_at(before.props, field) == targets:
            continue
        for target_id in targets:
            target = view.get(target_id)
            if (target is None or target.deleted or target.type not in allowed
                    or (guard is not None and not guard.can_see(target))):
                raise OperationError('bad_reference', element_id=element.id,
                                     fields=[{'field': field, 'problem': 'bad_reference'}])


def _values_at(props: dict[str, Any], path: str) -> list[Any]:
    """The ids at a reference path: ``goal_id``, a list like ``owners``, or ``goals.goal_id`` inside a list."""
    head, _, rest = path.partition('.')
    value = props.get(head)
    items = value if isinstance(value, list) else [value] if value else []
    if rest:
        return [v for item in items if isinstance(item, dict) for v in _values_at(item, rest)]
    return items


def changed_props(before: Element | None, after: Element) -> dict[str, Any]:
    """The props that differ between two versions of an element: what a patch to a client carries."""
    if before is None:
        return dict(after.props)
    return {key: value for key, value in after.props.items() if before.props.get(key) != value}
