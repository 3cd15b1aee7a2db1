"""Docs that cannot go stale: the README's command table and docs/cli.md against the CLI's own help, and
docs/live-api.md's close and error codes against the code that sends them."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.cli_help import commands, is_group, live_help, options

ROOT = Path(__file__).resolve().parents[2]


def documented_help() -> dict[str, str]:
    """docs/cli.md's blocks: a heading ``## `planbord WORDS` `` and the ```text block under it."""
    text = (ROOT / 'docs' / 'cli.md').read_text()
    return {words.strip(): block.rstrip('\n') for words, block in
            re.findall(r'^## `planbord ?([a-z -]*)`\n\n```text\n(.*?)^```', text, flags=re.MULTILINE | re.DOTALL)}


def test_docs_cli_md_shows_every_commands_own_help_as_it_is() -> None:
    fresh, written = live_help(), documented_help()
    assert sorted(written) == sorted(fresh), 'one section per command, named as in docs/cli.md'
    for words, text in fresh.items():
        assert written[words] == text, f'docs/cli.md: paste what `planbord {words} --help` says now:\n{text}'


def test_the_readmes_command_table_names_each_command_once_with_options_it_has() -> None:
    rows = re.findall(r'^\| `planbord ([^`]*)` \|(.*)\|$', (ROOT / 'README.md').read_text(), flags=re.MULTILINE)
    every = commands()
    named = []
    for usage, what in rows:
        words: tuple[str, ...] = ()
        for word in usage.split():
            if not is_group(every[words]) or (*words, word) not in every:
                break
            words = (*words, word)
        command = every[words]
        assert not is_group(command), usage
        shown = set(re.findall(r'(?<![\w`-])(--?[a-z][a-z-]*)', usage + ' ' + ' '.join(re.findall(r'`([^`]*)`', what))))
        assert shown <= options(command), usage
        named.append(words)
    leaves = {words for words, command in every.items() if not is_group(command)}
    assert sorted(named) == sorted(leaves - {('serve',)})  # `planbord serve` has its own section above the table


def sources(*folders: str) -> list[ast.Module]:
    return [ast.parse(path.read_text()) for folder in folders for path in sorted((ROOT / folder).glob('*.py'))]


def called(trees: list[ast.Module], *names: str) -> set[str]:
    """The literal first arguments of calls to these names (``OperationError('exists')``, ``protocol.error(…)``)."""
    return {call.args[0].value for tree in trees for call in ast.walk(tree) if isinstance(call, ast.Call)
            and ast.unparse(call.func) in names
            and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)}


def keyed(trees: list[ast.Module], key: str) -> set[str]:
    """The literal values under `key` in dict displays (``{'code': 'too_fast'}``, ``{'problem': 'read_only'}``)."""
    return {value.value for tree in trees for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k, value in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant) and k.value == key and isinstance(value, ast.Constant)
            and isinstance(value.value, str)}


def keywords(trees: list[ast.Module], name: str) -> set[str]:
    """The literal values of a keyword argument (``HTTPException(…, detail='not_allowed')``)."""
    return {node.value.value for tree in trees for node in ast.walk(tree) if isinstance(node, ast.keyword)
            and node.arg == name and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def close_codes(trees: list[ast.Module]) -> set[int]:
    """WebSocket close codes of our own: the integer literals from 4000 to 4999."""
    return {node.value for tree in trees for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and type(node.value) is int and 4000 <= node.value <= 4999}


def pydantic_problems(tree: ast.Module) -> set[str]:
    """What board.elements._describe turns pydantic's complaints into: its table's values and its default."""
    describe = next(node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == '_describe')
    lookup = next(node for node in ast.walk(describe) if isinstance(node, ast.Call)
                  and getattr(node.func, 'attr', None) == 'get' and isinstance(node.func.value, ast.Dict))
    return {value.value for value in lookup.func.value.values} | {lookup.args[1].value}


def section(title: str) -> str:
    """One `## ` section of docs/live-api.md."""
    return re.search(rf'^## {title}\n(.*?)(?=^## |\Z)', (ROOT / 'docs' / 'live-api.md').read_text(),
                     flags=re.MULTILINE | re.DOTALL).group(1)


def quoted(text: str) -> set[str]:
    """The words inside `code spans` (``{"detail": "not_allowed"}`` names not_allowed)."""
    return {word for span in re.findall(r'`([^`]+)`', text) for word in re.findall(r'[a-z_0-9]+', span)}


def test_docs_live_api_md_names_every_close_code_the_server_uses_and_no_other() -> None:
    line = re.search(r'^Close codes: (.*?)\n\n', section('Connecting'), flags=re.MULTILINE | re.DOTALL).group(1)
    assert {int(code) for code in re.findall(r'\b(4\d{3})\b', line)} == close_codes(sources('app', 'board'))


def test_docs_live_api_md_names_every_code_a_live_client_can_be_sent() -> None:
    board, app = sources('board'), sources('app')
    tokens = {f'token_{reason}' for reason in called(board, 'TokenError')}
    errors = called(board, 'ProtocolError') | called(app, 'protocol.error', '_refuse') | tokens
    rejects = called(board, 'OperationError', 'AccessDenied') | keyed(board, 'code')
    problems = keyed(board, 'problem') | called(board, 'PhotoError') | pydantic_problems(
        ast.parse((ROOT / 'board' / 'elements.py').read_text()))
    assert errors - quoted(section('Connecting') + section('Messages from the server')) == set()
    assert rejects - quoted(section('Messages to the server')) == set()
    assert problems - quoted(section('Messages to the server')) == set()


def test_docs_live_api_md_names_every_code_an_http_route_answers() -> None:
    app, tokens = sources('app'), {f'token_{reason}' for reason in called(sources('board'), 'TokenError')}
    details = keywords(app, 'detail') | keyed(app, 'detail') | tokens
    assert details - quoted(section('Other routes') + section('Cross-site requests')) == set()
