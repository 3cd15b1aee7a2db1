"""Refusals in whole sentences that name a field in the person's words."""
from __future__ import annotations

import re
import typing

import pytest
from pydantic import BaseModel

from app.i18n import error_message, field_label
from board.elements import PROPS_MODELS, ElementType, PropsError, validate_props

SMALLEST = {
    ElementType.FAMILY_MEMBER: {'name': 'Noor'}, ElementType.NETWORK_PERSON: {'name': 'Ilse'},
    ElementType.TIE: {'a': 'fm-noor', 'b': 'np-ilse'}, ElementType.GOAL: {'text': 'Noor slaapt goed.'},
    ElementType.AGREEMENT: {'text': 'Oma brengt Noor naar bed.'}, ElementType.NOTE: {'text': 'Mees is vrolijk.'},
    ElementType.ZONE: {}, ElementType.PICTOGRAM: {}, ElementType.FAMILY_INFO: {},
    ElementType.EVALUATION: {'date': '2026-11-01'}, ElementType.MOMENT: {'name': 'Start'},
}
"""The least each type needs to be valid."""
SMALLEST_PART = {'vip': {'member': 'fm-elif'}, 'goals': {'goal_id': 'goal-1'}, 'scores': {'domain': 'wonen'},
                 'concept_by': {'id': 'np-jolien'}, 'approved_by': {'id': 'fm-derya'},
                 'extra_roles': {'role': 'oppas'}}
"""The same for the records inside a record."""


def record(annotation: typing.Any) -> type[BaseModel] | None:
    """The record type a prop holds (itself, in a list, or optional), if any."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        if (inner := typing.get_args(candidate)) and (found := record(inner[0])):
            return found
    return None


def every_field() -> list[tuple[ElementType, str, dict]]:
    """Each prop of each element type (and of the records inside), with props that are wrong in just that prop."""
    cases = []
    for type_, model in PROPS_MODELS.items():
        for name, field in model.model_fields.items():
            cases.append((type_, name, SMALLEST[type_] | {name: '?' if record(field.annotation) else {'?': 1}}))
            if part := record(field.annotation):
                listed = typing.get_origin(field.annotation) is list
                for inner in part.model_fields:
                    wrong = SMALLEST_PART[name] | {inner: {'?': 1}}
                    cases.append((type_, f'{name}.{inner}', SMALLEST[type_] | {name: [wrong] if listed else wrong}))
    return cases


@pytest.mark.parametrize(('type_', 'path', 'props'), every_field(), ids=lambda v: str(v) if isinstance(v, str) else '')
def test_a_refusal_names_every_field_in_dutch_not_by_its_code_name(type_: ElementType, path: str, props: dict) -> None:
    with pytest.raises(PropsError) as refused:
        validate_props(type_, props)
    error = {'code': 'invalid_props', 'fields': refused.value.fields}
    said = error_message(error, 'nl', type_)
    label = field_label(path, type_, 'nl')
    assert label in said and label != field_label('?', type_, 'nl')  # its own words, not "deze kaart"
    assert field_label(path, type_, 'en') not in ('', label)
    for code in {path, *path.split('.')}:  # a code word may only show where it is the Dutch word itself ('ring')
        if not re.search(rf'\b{re.escape(code)}\b', label):
            assert not re.search(rf'\b{re.escape(code)}\b', said), said
    assert re.fullmatch(r'[A-Z].*\.', said), said  # whole sentences


@pytest.mark.parametrize(('type_', 'props', 'said'), [
    (ElementType.EVALUATION, {'date': '2026-11-01', 'kind': None}, 'Kies wat voor evaluatie dit is.'),
    (ElementType.FAMILY_MEMBER, {'name': 'Noor', 'role': None}, 'Kies de rol in het gezin.'),
    (ElementType.FAMILY_MEMBER, {'name': ''}, 'Vul de naam in.'),
    (ElementType.GOAL, {'text': 'x', 'start': '2026-12-10', 'planned_end': '2026-12-01'},
     'Kies voor de geplande einddatum een dag op of na de startdatum.'),
    (ElementType.GOAL, {'text': 'x' * 2001}, 'Maak het doel in jullie eigen woorden korter: hoogstens 2000 tekens.'),
    (ElementType.GOAL, {'text': 'x', 'owners': ['fm-noor'] * 21},
     'Kies hoogstens 20 bij de gezinsleden van wie het doel is.'),
    (ElementType.EVALUATION, {'date': '2026-11-01', 'scores': [{'domain': 'wonen', 'family': 6}]},
     'Kies voor hoe het gezin het ziet een waarde binnen de schaal.'),
    (ElementType.NETWORK_PERSON, {'name': 'Ilse', 'colour': 'red'},
     'Er stond iets bij dat niet bij deze kaart hoort; er is niets veranderd.'),
])
def test_refusals_read_as_dutch_sentences(type_: ElementType, props: dict, said: str) -> None:
    with pytest.raises(PropsError) as refused:
        validate_props(type_, props)
    assert error_message({'code': 'invalid_props', 'fields': refused.value.fields}, 'nl', type_) == said


def test_without_the_type_a_field_gets_its_common_words() -> None:
    error = {'code': 'invalid_props', 'fields': [{'field': 'name', 'problem': 'empty'}]}
    assert error_message(error, 'nl') == 'Vul de naam in.'
    assert error_message(error, 'en') == 'Fill in the name.'
