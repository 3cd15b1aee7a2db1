"""The catalogs (app/locale/<lang>/LC_MESSAGES/messages.po): every key once, none missing, none unused, all said in
every shipped language with the same blanks filled in, and counts, dates said by each language's own rules."""
from __future__ import annotations

import ast
import re
import string
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from app.i18n import (
    DYNAMIC_FAMILIES,
    KEY_FUNCTIONS,
    LANGUAGES,
    LOCALE_DIR,
    messages,
    say_date,
    translate,
)

ROOT = Path(__file__).resolve().parents[2]
CODE = ('app', 'board', 'network_graph')


def catalog_keys(language: str) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in messages(language) if m.id}


def extracted() -> dict[str, list[str]]:
    """What `pybabel extract -F babel.cfg` finds: each key with where it is used."""
    with (ROOT / 'babel.cfg').open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[str, list[str]] = {}
    for filename, line, key, _comments, _context in extract_from_dir(ROOT, method_map, options_map):
        found.setdefault(key, []).append(f'{filename}:{line}')
    return found


def literals() -> set[str]:
    """Every string written in the code (a key can be handed around before it is said) and the keys in the JS."""
    found: set[str] = set()
    for top in CODE:
        for path in (ROOT / top).rglob('*.py'):
            found |= {node.value for node in ast.walk(ast.parse(path.read_text(encoding='utf-8')))
                      if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    for path in (ROOT / 'assets').glob('*.js'):
        found |= set(re.findall(r"'([a-z_]+(?:\.[a-z_0-9]+)+)'", path.read_text(encoding='utf-8')))
    return found


@pytest.mark.parametrize('language', LANGUAGES)
def test_a_catalog_holds_each_key_once(language: str) -> None:
    text = (LOCALE_DIR / language / 'LC_MESSAGES' / 'messages.po').read_text(encoding='utf-8')
    ids = re.findall(r'^msgid "(.+)"$', text, flags=re.MULTILINE)
    assert [key for key, count in Counter(ids).items() if count > 1] == []


def test_every_key_the_code_says_is_in_the_catalogs() -> None:
    known = catalog_keys('nl')
    assert {key: where for key, where in extracted().items() if key not in known} == {}


def test_every_key_built_from_a_value_belongs_to_a_named_family() -> None:
    """A key made with an f-string is only found through `DYNAMIC_FAMILIES`, so each such family must be named."""
    unnamed = []
    for top in CODE:
        for path in (ROOT / top).rglob('*.py'):
            for call in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
                if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.JoinedStr) \
                        and getattr(call.func, 'id', getattr(call.func, 'attr', None)) in KEY_FUNCTIONS:
                    head = call.args[0].values[0]
                    prefix = head.value if isinstance(head, ast.Constant) else ''
                    if prefix and not prefix.startswith(DYNAMIC_FAMILIES) \
                            and not any(family.startswith(prefix) for family in DYNAMIC_FAMILIES):
                        unnamed.append(f'{path.relative_to(ROOT)}:{call.lineno} {prefix}')
    assert unnamed == []


def test_every_key_in_the_catalogs_is_used() -> None:
    used = literals()
    assert sorted(key for key in catalog_keys('nl') if key not in used and not key.startswith(DYNAMIC_FAMILIES)) == []


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize('language', LANGUAGES)
def test_every_shipped_language_says_every_key_with_the_same_blanks(language: str) -> None:
    dutch = {m.id if isinstance(m.id, str) else m.id[0]: m for m in messages('nl') if m.id}
    assert catalog_keys(language) == set(dutch)
    untranslated, fuzzy, other_blanks = [], [], []
    for message in messages(language):
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(forms):
            untranslated.append(key)
        if message.fuzzy:
            fuzzy.append(key)
        wanted = blanks(dutch[key].string[-1] if isinstance(dutch[key].string, tuple) else dutch[key].string)
        if any(blanks(form) - wanted or (len(forms) == 1 and blanks(form) != wanted) for form in forms if form):
            other_blanks.append(key)
    assert (untranslated, fuzzy, other_blanks) == ([], [], [])


@pytest.mark.parametrize(('language', 'count', 'said'), [
    ('nl', 1, 'Derya heeft een kaart veranderd.'), ('nl', 3, 'Derya heeft 3 kaarten veranderd.'),
    ('en', 1, 'Derya changed a card.'), ('en', 3, 'Derya changed 3 cards.'),
])
def test_a_count_picks_the_plural_form_of_the_language(language: str, count: int, said: str) -> None:
    assert translate('board.news', language, name='Derya', count=count) == said


def test_polish_and_arabic_have_more_than_two_forms() -> None:
    said = {count: translate('plan.goal.count', 'pl', count=count) for count in (1, 2, 5)}
    assert len(set(said.values())) == 3
    said = {count: translate('plan.goal.count', 'ar', count=count) for count in (1, 2, 3, 11)}
    assert len(set(said.values())) == 4


@pytest.mark.parametrize(('language', 'said'), [
    ('nl', '26-11-2026'), ('en', 'Nov 26, 2026'), ('tr', '26.11.2026'), ('pl', '26.11.2026')])
def test_a_date_is_said_the_way_the_language_writes_it(language: str, said: str) -> None:
    assert say_date('2026-11-26', language) == said
    assert say_date('', language) == ''
    assert say_date('later', language) == 'later'
