"""The `planbord` command: run the server and work with boards from a terminal (docs/cli.md)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from app import settings as app_settings
from board import accounts, boardfile, revoked, tokens
from board.demo import create_demo_board
from board.fanout import announce_cut
from board.identity import Actor, Role
from board.store import BoardExists, BoardNotFound, Store

cli = typer.Typer(help='Planbord: één gezin, één plan — een live bord voor het gezinsplan.',
                  no_args_is_help=True, add_completion=False)


def setting(name: str) -> Any:
    """A command-line option for a setting (docs/settings.md): the setting's own help, and only when given does it
    win over the environment."""
    return typer.Option(None, '--' + name.replace('_', '-'), show_default=False,
                        help=f'{app_settings.Settings.model_fields[name].description} '
                             f'({app_settings.env_name(name)}; default: {app_settings.shown_default(name)})')


DatabaseUrl = setting('database_url')
RedisUrl = setting('redis_url')


def _fail(message: str) -> None:
    typer.echo(f'planbord: {message}', err=True)
    raise typer.Exit(1)


def _settings(**given: Any) -> app_settings.Settings:
    """The settings with this command's options on top; a wrong value ends it, naming the environment variable."""
    try:
        return app_settings.load(**given)
    except app_settings.SettingsError as error:
        _fail(str(error))
    raise AssertionError('unreachable')


@cli.callback()
def _every_command() -> None:
    """Logging and the font folder, from the settings, for whichever command runs."""
    try:
        app_settings.configure()
    except app_settings.SettingsError as error:
        _fail(str(error))


def _store(database_url: str | None) -> Store:
    return Store(_settings(database_url=database_url).database_url)


@cli.command()
def serve(host: str = setting('host'), port: int = setting('port'), database_url: str = DatabaseUrl,
          redis_url: str = RedisUrl, https: bool = setting('https')) -> None:
    """Start Planbord (a demo family and its coach's account are made on the first start)."""
    from app.main import start
    start(_settings(host=host, port=port, database_url=database_url, redis_url=redis_url, https=https))


@cli.command()
def demo(database_url: str = DatabaseUrl) -> None:
    """Create a board for the demo family Yılmaz-de Vries and print its id."""
    typer.echo(create_demo_board(_store(database_url)).id)


@cli.command('boards')
def list_boards(database_url: str = DatabaseUrl) -> None:
    """List the boards: id, last sequence number and name."""
    for board in _store(database_url).list_boards():
        typer.echo(f'{board.id}\t{board.seq}\t{board.name}')


@cli.command('export')
def export(board_id: str, database_url: str = DatabaseUrl) -> None:
    """Print a board as JSON (docs/board-format.md)."""
    try:
        sys.stdout.write(boardfile.dumps(boardfile.export_board(_store(database_url), board_id)))
    except BoardNotFound:
        _fail(f'no board with id {board_id}')


@cli.command('import')
def import_(file: Path = typer.Argument(..., help='A board JSON file made by `planbord export`.'),
            new_id: str = typer.Option(None, help='Store it under this id instead of the one in the file.'),
            database_url: str = DatabaseUrl) -> None:
    """Store a board JSON file as a new board and print its id."""
    try:
        board = boardfile.loads(file.read_text(encoding='utf-8'))
        typer.echo(boardfile.import_board(_store(database_url), board, new_id=new_id).id)
    except OSError as error:
        _fail(f'cannot read {file}: {error.strerror}')
    except boardfile.BoardFileError as error:
        _fail(str(error))
    except BoardExists as error:
        _fail(f'a board with id {error} exists already; use --new-id')


def _board(source: str, database_url: str) -> boardfile.BoardFile:
    """A board from an exported JSON file or, when `source` does not look like a file, from the database by id."""
    path = Path(source)
    try:
        if path.exists() or source.endswith('.json') or '/' in source or '\\' in source:
            return boardfile.loads(path.read_text(encoding='utf-8'))  # board ids never hold '.' or '/'
        return boardfile.export_board(_store(database_url), source)
    except OSError as error:
        _fail(f'cannot read {source}: {error.strerror}')
    except UnicodeDecodeError:
        _fail(f'cannot read {source}: not a text file')
    except boardfile.BoardFileError as error:
        _fail(str(error))
    except BoardNotFound:
        _fail(f'no board with id {source}')
    raise AssertionError('unreachable')


Source = typer.Argument(..., help='A board id, or a board JSON file made by `planbord export`.')


@cli.command('pdf')
def pdf(source: str = Source,
        output: Path = typer.Option(None, '--output', '-o',
                                    help='The PDF file to write (default: gezinsplan-<gezin>-<datum>.pdf, '
                                         'with --call-list bellijst-<gezin>-<datum>.pdf).'),
        call_list: bool = typer.Option(False, '--call-list',
                                       help="Only 'Bij wie kunnen wij terecht?': one A4 page for the fridge."),
        database_url: str = DatabaseUrl) -> None:
    """Write the gezinsplan of a board (or only its call list) as a PDF (A4, Dutch) and print the file name."""
    from app.printing.call_list_pdf import call_list_pdf
    from app.printing.fonts import FontMissing
    from app.printing.paper import pdf_filename
    from app.printing.plan_pdf import plan_pdf
    board = _board(source, database_url)
    try:
        data = (call_list_pdf if call_list else plan_pdf)(board)
    except FontMissing as error:
        _fail(str(error))
    output = output or Path(pdf_filename(board, kind='bellijst' if call_list else 'gezinsplan'))
    try:
        output.write_bytes(data)
    except OSError as error:
        _fail(f'cannot write {output}: {error.strerror}')
    typer.echo(str(output))


@cli.command('metrics')
def metrics(source: str = Source,
            text: bool = typer.Option(False, '--text', help='Dutch sentences and lists for the coach instead of JSON: '
                                                            'the network in figures, goals per family member, '
                                                            'who does what.'),
            database_url: str = DatabaseUrl) -> None:
    """Print what the netwerkschema tells about the network, as JSON (docs/metrics.md) or in Dutch (--text)."""
    import json

    from app.i18n import say
    from network_graph.figures_nl import as_text
    from network_graph.summary import all_metrics
    found = all_metrics(_board(source, database_url).elements)
    said = [say(sentence) for sentence in found['sentences']]
    sys.stdout.write(as_text(found, said) if text else json.dumps(found, ensure_ascii=False, indent=2) + '\n')


@cli.command('network')
def network(source: str = Source,
            graphml: Path = typer.Option(None, '--graphml', help='Write the network as GraphML (Gephi, networkx).'),
            csv: Path = typer.Option(None, '--csv', help='Write the netwerklijst as CSV (Dutch headers).'),
            png: Path = typer.Option(None, '--png', help='Draw the netwerkschema as a PNG picture.'),
            width: int = typer.Option(1200, '--width', min=300, max=6000, help='Width of the PNG in pixels.'),
            pseudonyms: bool = typer.Option(False, '--pseudonyms',
                                            help='In the PNG, show relations or roles instead of names.'),
            database_url: str = DatabaseUrl) -> None:
    """Export the netwerkschema as GraphML or PNG and/or the netwerklijst as CSV; prints the files written."""
    from app.printing.fonts import FontMissing
    from app.printing.schema_picture import render_schema_png
    from network_graph.export import netwerklijst_csv, write_graphml
    if not graphml and not csv and not png:
        _fail('say what to write: --graphml FILE, --csv FILE and/or --png FILE')
    board = _board(source, database_url)
    for target, write in ((graphml, lambda t: write_graphml(board.elements, str(t))),
                          (csv, lambda t: t.write_text(netwerklijst_csv(board.elements), encoding='utf-8')),
                          (png, lambda t: t.write_bytes(render_schema_png(board.elements, width, pseudonyms)))):
        if target:
            try:
                write(target)
            except OSError as error:
                _fail(f'cannot write {target}: {error.strerror}')
            except FontMissing as error:
                _fail(str(error))
            typer.echo(str(target))


@cli.command()
def token(board_id: str,
          name: str = typer.Option(..., help='The name others see, e.g. "Meester Karim".'),
          role: Role = typer.Option(Role.PROFESSIONAL, help='The role on this board.'),
          actor_id: str = typer.Option(None, '--id', help='A stable id for this person (default: from the name).'),
          organisation: str = typer.Option('', help='An organisation key, e.g. school.'),
          days: int = typer.Option(30, help='Days the token stays valid.'),
          database_url: str = DatabaseUrl) -> None:
    """Print a signed token for the live API and the board page (?token=…)."""
    store = _store(database_url)
    try:
        store.get_board(board_id)
    except BoardNotFound:
        _fail(f'no board with id {board_id}')
    actor = Actor(id=actor_id or name.lower().replace(' ', '-')[:64], name=name, role=role,
                  organisation=organisation)
    typer.echo(tokens.issue(store, board_id, actor, ttl_seconds=days * 24 * 3600))


@cli.command()
def revoke(board_id: str, token: str = typer.Argument(..., help='The token printed by `planbord token`.'),
           database_url: str = DatabaseUrl, redis_url: str = RedisUrl) -> None:
    """Refuse a token from now on, before it expires.

    Its open pages and live connections are cut off: at once on every instance through Redis, else within seconds
    (each server checks the open ones).
    """
    settings = _settings(database_url=database_url, redis_url=redis_url)
    store = Store(settings.database_url)
    try:
        store.get_board(board_id)
        jti = tokens.token_id(store, token)
        revoked.revoke(store, board_id, jti)
    except BoardNotFound:
        _fail(f'no board with id {board_id}')
    except tokens.TokenError as error:
        _fail(f'not a token of this server ({error})')
    if settings.redis_url:
        announce_cut(settings.redis_url, board_id, revoked.credential(jti))
    typer.echo('revoked')


account_cli = typer.Typer(help="Professionals' accounts (families never need one).", no_args_is_help=True)
cli.add_typer(account_cli, name='account')

ACCOUNT_ERRORS = {'mail_invalid': 'that is not a mail address', 'name_required': 'give a name (at most 120 characters)',
                  'role_invalid': 'the role must be coordinator or professional',
                  'person_not_found': 'no network person with that id on this board',
                  'not_found': 'no account with that mail address'}


@account_cli.command('create')
def account_create(mail: str = typer.Option(..., help='The mail address to log in with.'),
                   name: str = typer.Option(..., help='The name others see, e.g. "Meester Karim".'),
                   board: str = typer.Option(None, '--board', help='Give the account a place on this board.'),
                   role: str = typer.Option('professional', help='On that board: coordinator or professional.'),
                   organisation: str = typer.Option('', help='An organisation key, e.g. school.'),
                   person: str = typer.Option(None, '--person', help='The network person on the board who is this '
                                                                      'professional, e.g. np-karim.'),
                   database_url: str = DatabaseUrl) -> None:
    """Create an account with a random password, shown once; with --board, give it a place on that board.

    An existing account (same mail) only gets the place on the board; its password stays as it is.
    """
    store = _store(database_url)
    try:
        if board:
            accounts.check_membership(store, board, role, person)
        account, password = accounts.find_account(store, mail), None
        if account is None:
            password = accounts.new_password()
            account = accounts.create_account(store, mail, name, password)
        if board:
            accounts.add_membership(store, account.id, board, role, organisation, person)
    except BoardNotFound:
        _fail(f'no board with id {board}')
    except accounts.AccountError as error:
        _fail(ACCOUNT_ERRORS.get(str(error), str(error)))
    if password:
        typer.echo(f'{account.mail}: password {password} (shown once)')
    if board:
        typer.echo(f'{account.mail}: {role} on board {board}')


@account_cli.command('reset-password')
def account_reset_password(mail: str = typer.Argument(..., help='The account\'s mail address.'),
                           database_url: str = DatabaseUrl) -> None:
    """Give an account a new random password, shown once; this also lifts a lockout."""
    store = _store(database_url)
    account = accounts.find_account(store, mail)
    if account is None:
        _fail(ACCOUNT_ERRORS['not_found'])
    password = accounts.new_password()
    accounts.set_password(store, account.id, password)
    typer.echo(f'{account.mail}: password {password} (shown once)')


def main() -> None:
    cli()
