"""One class of settings, read the same way by `planbord serve`, the other commands and the app, and documented in
docs/settings.md exactly as the class has them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import settings as app_settings
from app.printing import fonts
from app.settings import Settings, SettingsError
from tests.cli_help import commands, options

ROOT = Path(__file__).resolve().parents[2]


def documented() -> dict[str, tuple[str, str]]:
    """docs/settings.md's table: environment variable → (CLI option, default), as written there."""
    rows = re.findall(r'^\| `(PLANBORD_\w+)` \| (.*?) \| (.*?) \|', (ROOT / 'docs' / 'settings.md').read_text(),
                      flags=re.MULTILINE)
    return {env: (option, default) for env, option, default in rows}


def test_docs_settings_md_names_every_setting_with_its_environment_variable_and_default_and_nothing_else() -> None:
    expected = {app_settings.env_name(name): app_settings.shown_default(name) for name in Settings.model_fields}
    assert {env: default.strip('`') for env, (_, default) in documented().items()} == expected


def commands_with(option: str) -> set[str]:
    """The `planbord` commands (``account create`` for a sub-command) that take `option`."""
    return {' '.join(words) for words, command in commands().items() if option in options(command)}


def test_docs_settings_md_names_the_command_line_option_of_each_setting_and_the_commands_taking_it() -> None:
    for name in Settings.model_fields:
        option, commands = f"--{name.replace('_', '-')}", commands_with(f"--{name.replace('_', '-')}")
        cell = documented()[app_settings.env_name(name)][0]
        if not commands:
            assert cell == '—', name
            continue
        assert cell.startswith(f'`{option}`'), name
        listed = re.fullmatch(r'`[-a-z]+`(?: \((.*)\))?', cell).group(1)
        assert listed is None or set(listed.split(', ')) == commands, name


def test_the_environment_is_read_the_same_way_everywhere(monkeypatch) -> None:
    monkeypatch.setenv('PLANBORD_HTTPS', 'on')
    monkeypatch.setenv('PLANBORD_PORT', '9000')
    monkeypatch.setenv('PLANBORD_REDIS_URL', '')  # an empty variable is no Redis, not the URL ''
    monkeypatch.setenv('PLANBORD_LOG_FORMAT', 'json')
    read = Settings()
    assert (read.https, read.port, read.redis_url, read.log_format) == (True, 9000, None, 'json')


def test_an_option_given_on_the_command_line_wins_over_the_environment(monkeypatch) -> None:
    monkeypatch.setenv('PLANBORD_DATABASE_URL', 'sqlite:////tmp/from-the-environment.sqlite3')
    monkeypatch.setenv('PLANBORD_PORT', '9000')
    read = app_settings.load(database_url='sqlite:////tmp/given.sqlite3', port=None)
    assert (read.database_url, read.port) == ('sqlite:////tmp/given.sqlite3', 9000)


@pytest.mark.parametrize(('name', 'value'), [('PLANBORD_PORT', 'acht'), ('PLANBORD_HTTPS', 'misschien'),
                                             ('PLANBORD_LOG_FORMAT', 'xml'), ('PLANBORD_PORT', '70000')])
def test_a_wrong_value_is_refused_naming_the_variable(monkeypatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        app_settings.load()
    assert str(error.value).startswith(f'{name}: ')


def test_the_font_folder_setting_is_searched_first(monkeypatch, tmp_path: Path, kept_logging) -> None:
    monkeypatch.setattr(fonts, 'FIRST_DIR', None)
    monkeypatch.setenv('PLANBORD_FONT_DIR', str(tmp_path))
    app_settings.configure()
    assert fonts.search_dirs()[0] == tmp_path
