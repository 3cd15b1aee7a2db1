"""Planbord's settings: one class, read from ``PLANBORD_*`` environment variables by the app and every command alike.

An option given on the command line wins over the environment for that run. docs/settings.md lists every setting
(tests/unit/test_settings.py holds it to this class); `configure` sets up what hangs on them process-wide.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app import logging_setup
from app.logging_setup import LogFormat
from app.printing import fonts

PREFIX = 'PLANBORD_'


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=PREFIX, env_ignore_empty=True, frozen=True)

    host: str = Field('0.0.0.0', description='Address to listen on.')
    port: int = Field(8080, ge=1, le=65535, description='Port to listen on.')
    database_url: str = Field('sqlite:///planbord.sqlite3',
                              description='SQLAlchemy URL: a SQLite file or postgresql://…')
    redis_url: str | None = Field(None, description='Redis URL, to share boards live with other instances.')
    https: bool = Field(False, description='Served over https (e.g. behind a proxy): cookies only over https.')
    font_dir: Path | None = Field(None, description='A folder searched first for the font of the PDFs and pictures.')
    log_format: LogFormat = Field(LogFormat.TEXT, description='text: one readable line per event; json: JSON lines.')
    log_level: Literal['debug', 'info', 'warning', 'error'] = Field('info', description='The least a line must be '
                                                                                       'to be written.')

    @field_validator('log_level', mode='before')
    @classmethod
    def _any_case(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value


class SettingsError(ValueError):
    """A setting with a wrong value; the message names its environment variable, one line per setting."""


def env_name(field: str) -> str:
    return PREFIX + field.upper()


def shown_default(field: str) -> str:
    """A setting's default as docs/settings.md and the CLI's help show it."""
    default = Settings.model_fields[field].default
    if default is None:
        return 'not set'
    return str(default).lower() if isinstance(default, bool) else str(default)


def load(**given: Any) -> Settings:
    """The settings from the environment, with the command-line options that were given (not None) on top."""
    try:
        return Settings(**{name: value for name, value in given.items() if value is not None})
    except ValidationError as error:
        raise SettingsError('\n'.join(f"{env_name(str(problem['loc'][0]))}: {problem['msg']}"
                                      for problem in error.errors())) from None


def configure(**given: Any) -> Settings:
    """`load` the settings and set up what hangs on them for the whole process: logging and the font folder."""
    settings = load(**given)
    logging_setup.configure(settings.log_format, settings.log_level)
    fonts.FIRST_DIR = settings.font_dir
    return settings
