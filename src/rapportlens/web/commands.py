"""`rapportlens serve` and `rapportlens users`: the web app's server and its accounts."""

from __future__ import annotations

import sys

import click

from ..cli_options import model_options, model_settings
from ..errors import RapportLensError

DATABASE = click.option(
    "--database", "-d", envvar="RAPPORTLENS_DATABASE", default="rapportlens.db", show_default=True,
    metavar="PATH|URL",
    help="The app's database: a SQLite file (made when new, readable by you only), or an SQLAlchemy URL such as "
         "postgresql+psycopg://user:password@host/rapportlens for a team (needs pip install 'rapportlens[postgres]'). "
         "Also read from RAPPORTLENS_DATABASE.")
LOCAL = ("127.0.0.1", "localhost", "::1")


def _store(database: str):
    from . import need_web

    need_web()
    from .store import Store

    return Store(database)


def _shown(database: str) -> str:
    from .store import shown

    return shown(database)


def _run(action) -> None:
    try:
        action()
    except RapportLensError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)


@click.command()
@DATABASE
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is this machine only; another address lets other machines "
                   "in, so put it behind an HTTPS proxy (the app itself speaks plain HTTP).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--secure-cookies", is_flag=True,
              help="Send the login cookie over HTTPS only: set it when the app is behind an HTTPS proxy.")
@model_options
def serve(database, host, port, secure_cookies, model, score_model) -> None:
    """Run the web app: upload sessions, follow each client over time, supervise (needs
    `pip install 'rapportlens[web]'`). Make the first account with `rapportlens users add`."""
    def start() -> None:
        store = _store(database)
        if not store.users():
            raise RapportLensError(f"the database {_shown(database)} has no accounts yet: make the first with "
                                   "rapportlens users add NAME --role admin, with the same --database")
        import uvicorn

        from . import create_app

        app = create_app(database, model_settings(model, score_model), secure_cookies=secure_cookies)
        if host not in LOCAL:
            click.echo(f"warning: listening on {host}, reachable from other machines; the app speaks plain HTTP, "
                       "so serve it through an HTTPS proxy and add --secure-cookies", err=True)
        click.echo(f"RapportLens at http://{'[' + host + ']' if ':' in host else host}:{port} "
                   "(stop with Ctrl+C)", err=True)
        # No access log: its lines would name every client's pages.
        uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")

    _run(start)


@click.group()
def users() -> None:
    """Manage the web app's accounts (needs `pip install 'rapportlens[web]'`)."""


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("Password (10 characters or more)", hide_input=True, confirmation_prompt=True)


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["practitioner", "supervisor", "admin"]), default="practitioner",
              show_default=True, help="What the account may do (docs/web.md).")
@click.option("--supervisor", metavar="NAME", help="The supervisor who may read this practitioner's sessions.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input "
                                                     "instead of asking for it.")
@DATABASE
def add_user(name, role, supervisor, password_stdin, database) -> None:
    """Make an account."""
    _run(lambda: _store(database).add_user(name, _password(password_stdin), role, supervisor))
    click.echo(f"account {name} ({role}) added to {_shown(database)}")


@users.command("list")
@DATABASE
def list_users(database) -> None:
    """List the accounts: name, role, supervisor, whether active."""
    def show() -> None:
        people = _store(database).users()
        names = {u.id: u.name for u in people}
        for u in people:
            click.echo(f"{u.name:<24} {u.role:<13} {names.get(u.supervisor_id, '-'):<24} "
                       f"{'active' if u.active else 'closed'}")
        if not people:
            click.echo("no accounts yet: rapportlens users add NAME --role admin")

    _run(show)


@users.command("password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input.")
@DATABASE
def set_password(name, password_stdin, database) -> None:
    """Set an account's password (a forgotten one, say)."""
    _run(lambda: _store(database).set_password(name, _password(password_stdin)))
    click.echo(f"password of {name} changed")


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(["practitioner", "supervisor", "admin"]))
@DATABASE
def set_role(name, role, database) -> None:
    """Change what an account may do."""
    _run(lambda: _store(database).set_role(name, role))
    click.echo(f"{name} is now {role}")


@users.command("supervisor")
@click.argument("name")
@click.argument("supervisor", required=False)
@DATABASE
def set_supervisor(name, supervisor, database) -> None:
    """Give practitioner NAME a SUPERVISOR, who may then read their sessions (none without one)."""
    _run(lambda: _store(database).set_supervisor(name, supervisor))
    click.echo(f"{name} is supervised by {supervisor}" if supervisor else f"{name} has no supervisor")


@users.command("transfer")
@click.argument("from_name", metavar="FROM")
@click.argument("to_name", metavar="TO")
@DATABASE
def transfer(from_name, to_name, database) -> None:
    """Give every client of practitioner FROM, with their sessions, to TO (someone leaving)."""
    moved = []
    _run(lambda: moved.append(_store(database).transfer(from_name, to_name)))
    click.echo(f"{moved[0]} client(s) of {from_name} now with {to_name}")


@users.command("close")
@click.argument("name")
@DATABASE
def close(name, database) -> None:
    """Close an account: it can no longer log in (its clients and sessions are kept)."""
    _run(lambda: _store(database).set_active(name, False))
    click.echo(f"account {name} closed")


@users.command("open")
@click.argument("name")
@DATABASE
def reopen(name, database) -> None:
    """Open a closed account again."""
    _run(lambda: _store(database).set_active(name, True))
    click.echo(f"account {name} open")
