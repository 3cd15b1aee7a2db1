"""Every word a person reads, from one gettext catalog per language: app/locale/<lang>/LC_MESSAGES/messages.po.

`t('key')` looks the word up in the language of the current browser (stored per person or device, Dutch by
default). The msgids are keys ('board.tidy'), not Dutch sentences, so a Dutch wording can change without
touching every other language (docs/i18n.md). Error codes from `board/` are translated here too, so the core stays
language-free.
"""
from __future__ import annotations

import ast
import datetime as dt
import functools
import gettext
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ('nl', 'en', 'tr', 'pl', 'ar')
"""The languages a person can choose, in the order the choice shows them."""
LANGUAGE_NAMES = {'nl': 'Nederlands', 'en': 'English', 'tr': 'Türkçe', 'pl': 'Polski', 'ar': 'العربية'}
"""Each language in its own words, so someone finds theirs without reading the current one."""
RIGHT_TO_LEFT = frozenset({'ar'})
DEFAULT_LANGUAGE = 'nl'
LOCALE_DIR = Path(__file__).with_name('locale')

DYNAMIC_FAMILIES = (
    'account.error.', 'audit.', 'ask.family.', 'ask.own.', 'board.add_', 'canvas.', 'compare.ring.', 'editor.new_',
    'error.', 'field.', 'figures.', 'invite.error.', 'invite.role.', 'metrics.close_but_critical.',
    'metrics.number.', 'network.fill_title', 'network.kind.', 'network.kind_long.', 'network.ring.',
    'network.ring_short.', 'network.scale.', 'network.scale_short.', 'network.short.', 'network.value.',
    'network.view.', 'pair.error.', 'photo.', 'plan.afstemming.', 'plan.day.', 'plan.domain.', 'plan.eval.how_',
    'plan.eval.kind.', 'plan.member_role.', 'plan.sector.', 'plan.tab.', 'problem.', 'rights.', 'schema.names.',
    'schema.ring.', 'schema.tie.', 'schema.', 'sharing.kind.', 'sharing.scope.', 'type.', 'vip.fill_title',
    'vip.scale.', 'vip.value.',
)
"""Key families the code builds from a value (f'plan.domain.{d.value}'): a key in one counts as used even though
no literal names it (tests/unit/test_catalogs.py)."""
KEY_FUNCTIONS = ('t', 'translate', 'words', 'said')
"""The functions that take a key as their first argument: `translate`, its per-page and per-line forms, and
`network_graph.sentences.said`."""


@functools.cache
def messages(language: str) -> Catalog:
    """The language's catalog as written in its .po (read once per process)."""
    with (LOCALE_DIR / language / 'LC_MESSAGES' / 'messages.po').open('rb') as po:
        return read_po(po, locale=language)


@functools.cache
def catalog(language: str) -> gettext.GNUTranslations:
    """The language's .po compiled in memory: a plain `pip install .` ships only the .po and needs no build step.

    A word missing from a language falls back to Dutch, and a key missing from Dutch shows itself, so a gap is
    visible, not a crash.
    """
    compiled = io.BytesIO()
    write_mo(compiled, messages(language))
    compiled.seek(0)
    found = gettext.GNUTranslations(compiled)
    if language != DEFAULT_LANGUAGE:
        found.add_fallback(catalog(DEFAULT_LANGUAGE))
    return found


def known(key: str) -> bool:
    """Whether `key` has words (in Dutch, which every language falls back to)."""
    return key in messages(DEFAULT_LANGUAGE)


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The text for `key` in `language`, with `values` filled in.

    A message with plural forms picks its form by ``count`` through the language's own plural rule; a date among the
    values is said the way the language writes dates (`say_date`).
    """
    values = {name: say_date(value, language) if isinstance(value, dt.date) else value
              for name, value in values.items()}
    words = catalog(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    entry = messages(DEFAULT_LANGUAGE).get(key)
    text = words.ngettext(key, key, int(values['count'])) if entry is not None and entry.pluralizable \
        else words.gettext(key)
    return text.format(**values) if values else text


def say(sentence: dict[str, Any], language: str = DEFAULT_LANGUAGE) -> str:
    """A sentence network_graph/ made as a key with values (`network_graph.sentences`), in `language`: a value that is
    itself a sentence is said first, a list of them the way the language lists things ('a, b en c')."""
    return translate(sentence['key'], language,
                     **{name: _said(value, language) for name, value in sentence['values'].items()})


def _said(value: Any, language: str) -> Any:
    if isinstance(value, dict):
        return say(value, language)
    if isinstance(value, list):
        return format_list([_said(part, language) for part in value], locale=language)
    return value


DATE_STYLES = {'en': 'medium'}
"""Babel's date style per language: the short, numeric one (26-11-2026, 26.11.2026) unless it is ambiguous, as
English's 11/26/26 is beside the Dutch way."""


def say_date(value: dt.date | str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """A date the way the language writes it (26-11-2026, 26.11.2026, Nov 26, 2026); empty stays empty, text that is
    no date stays as it is."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return format_date(value, DATE_STYLES.get(language, 'short'), locale=language) if value else ''


def field_label(path: str, element_type: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """How a prop is named in a sentence ('de geplande einddatum'), never by its code name.

    :param path: as the hub names it: ``planned_end``, ``scores.0.family``; a part without words of its own is
        named as the whole it belongs to, and an unknown one as 'deze kaart'
    :param element_type: the element's type, for the words that differ per type ('wat voor evaluatie dit is')
    """
    steps = [step for step in path.split('.') if not step.isdigit()]
    for length in range(len(steps), 0, -1):
        name = '.'.join(steps[:length])
        for key in (f'field.{element_type}.{name}', f'field.{name}'):
            if known(key):
                return translate(key, language)
    return translate('field.?', language)


def error_message(error: dict[str, Any], language: str = DEFAULT_LANGUAGE, element_type: str | None = None) -> str:
    """Whole sentences for an error from the board hub (see `board.operations.OperationError.as_dict`).

    :param element_type: the type of the element the refused operation was about, when known
    """
    code = error.get('code', 'invalid_operation')
    fields = ' '.join(
        translate(key if known(key := f"problem.{f.get('problem')}") else 'problem.invalid', language,
                  field=field_label(str(f.get('field', '')), element_type, language), max=f.get('max', ''))
        for f in error.get('fields', []))
    return translate(f'error.{code}', language, fields=fields) if known(f'error.{code}') \
        else translate('error.invalid_operation', language)


def extract_keys(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple[int, str, str, list]]:
    """`pybabel extract`'s extractor for our keys (babel.cfg): each key written as a literal in a call of
    `KEY_FUNCTIONS`, both keys of ``t('a' if x else 'b')`` too (Babel's own Python extractor glues those into one).

    Keys built from a value (f-strings) are not extracted; their families are `DYNAMIC_FAMILIES`.
    """
    for call in ast.walk(ast.parse(fileobj.read())):
        if isinstance(call, ast.Call) and call.args and getattr(call.func, 'id', getattr(call.func, 'attr', None)) \
                in KEY_FUNCTIONS:
            for key in _written_keys(call.args[0]):
                yield key.lineno, 'gettext', key.value, []  # 'gettext': a keyword pybabel keeps


def _written_keys(node: ast.expr) -> list[ast.Constant]:
    """The literal keys an argument can be: itself, or each branch of a condition."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.IfExp):
        return _written_keys(node.body) + _written_keys(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [key for value in node.values for key in _written_keys(value)]
    return []
