"""The web app: upload sessions, see each client's history, supervise. The routes, the
answers to errors, and :func:`create_app`; the pages are in ``pages`` and ``account_pages``."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .account_pages import account, accounts, audit, login, logout
from .analysis import Analyst
from .pages import (
    again,
    client_again,
    client_page,
    delete_client,
    delete_session,
    export_client,
    history,
    home,
    note,
    practice_history,
    rename_client,
    report,
    result_json,
    reviewed,
    session_page,
    supervision,
    upload,
)
from .rendering import page, see
from .security import LoginNeeded, SecurityHeaders, Throttle, login_path
from .store import AccessError, AccountError, NotOwner, Store

# A login lasts a working day.
LOGIN_SECONDS = 8 * 3600


async def _login_needed(request: Request, exc: Exception) -> Response:
    return see(login_path(exc.next_path))


async def _not_found(request: Request, exc: Exception) -> Response:
    return page(request, "error.html.j2", 404, title="Not found",
                message="There is no such page, or it belongs to someone else's clients.")


async def _not_owner(request: Request, exc: Exception) -> Response:
    return page(request, "error.html.j2", 403, title="Not allowed",
                message="Only the client's own practitioner changes or deletes their sessions.")


async def _refused(request: Request, exc: Exception) -> Response:
    """A value a form sent cannot be used (an empty note, a label taken): why, and what to do."""
    return page(request, "error.html.j2", 400, title="Not done", message=str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    titles = {403: "Not allowed", 404: "Not found", 405: "Not allowed"}
    return page(request, "error.html.j2", exc.status_code, title=titles.get(exc.status_code, "Error"),
                message=exc.detail)


ROUTES = [
    Route("/", home),
    Route("/login", login, methods=["GET", "POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/upload", upload, methods=["GET", "POST"]),
    Route("/clients/{client_id:int}", client_page),
    Route("/clients/{client_id:int}/history", history),
    Route("/clients/{client_id:int}/delete", delete_client, methods=["POST"]),
    Route("/clients/{client_id:int}/rename", rename_client, methods=["POST"]),
    Route("/clients/{client_id:int}/again", client_again, methods=["POST"]),
    Route("/clients/{client_id:int}/export.zip", export_client),
    Route("/sessions/{session_id:int}", session_page),
    Route("/sessions/{session_id:int}/report", report),
    Route("/sessions/{session_id:int}/result.json", result_json),
    Route("/sessions/{session_id:int}/again", again, methods=["POST"]),
    Route("/sessions/{session_id:int}/reviewed", reviewed, methods=["POST"]),
    Route("/sessions/{session_id:int}/notes", note, methods=["POST"]),
    Route("/sessions/{session_id:int}/delete", delete_session, methods=["POST"]),
    Route("/supervision", supervision),
    Route("/practitioners/{name}/history", practice_history),
    Route("/account", account, methods=["GET", "POST"]),
    Route("/accounts", accounts, methods=["GET", "POST"]),
    Route("/audit", audit),
]


def create_app(database: str | Path, settings: dict | None = None, *, secure_cookies: bool = False,
               resume: bool = True) -> Starlette:
    """The app over the database at ``database`` (a SQLite path or an SQLAlchemy URL).
    ``settings``: the pipeline's (``--model``, ``--score-model``). ``secure_cookies``: send
    the login cookie over HTTPS only (behind a TLS proxy). ``resume``: analyse the sessions a
    stopped server left unfinished, in the background."""
    store = Store(database)
    app = Starlette(
        routes=ROUTES,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(SessionMiddleware, secret_key=store.secret(), session_cookie="rapportlens",
                       max_age=LOGIN_SECONDS, same_site="strict", https_only=secure_cookies),
        ],
        exception_handlers={LoginNeeded: _login_needed, AccessError: _not_found, NotOwner: _not_owner,
                            AccountError: _refused, HTTPException: _http_error},
    )
    app.state.store = store
    app.state.analyst = Analyst(store, settings)
    app.state.throttle = Throttle()
    app.state.resumed = app.state.analyst.resume() if resume else None
    return app
