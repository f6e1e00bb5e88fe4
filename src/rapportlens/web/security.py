"""Logins, form tokens and the headers every page carries."""

from __future__ import annotations

import secrets
import time
from collections import defaultdict, deque
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .store import Store
from .tables import User

# Pages hold transcripts: never cached, never framed elsewhere, no scripts at all (the
# reports are inline SVG and CSS), forms only to this server, no referrer sent anywhere.
HEADERS = {
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
}


class Throttle:
    """Refuses logins to a name after ``limit`` wrong passwords within ``seconds``, for the rest
    of that time, so a password cannot be guessed by trying many. Kept in the server's memory:
    a restart forgets it, and servers sharing a database count apart."""

    def __init__(self, limit: int = 5, seconds: float = 15 * 60, clock=time.monotonic) -> None:
        self.limit, self.seconds, self.clock = limit, seconds, clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, name: str) -> deque[float]:
        times, now = self._failures[name.strip().lower()], self.clock()
        while times and now - times[0] > self.seconds:
            times.popleft()
        return times

    def allowed(self, name: str) -> bool:
        return len(self._recent(name)) < self.limit

    def failed(self, name: str) -> None:
        self._recent(name).append(self.clock())

    def succeeded(self, name: str) -> None:
        self._failures.pop(name.strip().lower(), None)


class LoginNeeded(Exception):
    """Raised by a page for a visitor who has not logged in; answered with the login page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class SecurityHeaders:
    """Adds :data:`HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                have = {k.lower() for k, _ in message["headers"]}
                message["headers"] += [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in have]
            await send(message)

        await self.app(scope, receive, with_headers)


def current_user(request: Request) -> User:
    """The logged-in user, or :class:`LoginNeeded`. An account made inactive is logged out
    at its next request."""
    store: Store = request.app.state.store
    user_id = request.session.get("user")
    user = store.user(user_id) if isinstance(user_id, int) else None
    if user is None:
        request.session.clear()
        raise LoginNeeded(request.url.path)
    return user


def log_in(request: Request, user: User) -> None:
    request.session.clear()  # a new session for a new login: no fixation
    request.session.update(user=user.id, csrf=secrets.token_urlsafe(32))


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


async def checked_form(request: Request, max_files: int = 1) -> FormData:
    """The posted form, refused unless it carries this login's form token (so another site
    cannot post forms on a user's behalf)."""
    form = await request.form(max_files=max_files, max_fields=20)
    sent = form.get("csrf")
    if not isinstance(sent, str) or not secrets.compare_digest(sent, request.session.get("csrf") or ""):
        raise HTTPException(403, "the form has expired or came from elsewhere: reload the page and send it again")
    return form


def login_path(next_path: str) -> str:
    return f"/login?next={quote(next_path)}" if next_path not in ("", "/") else "/login"


def safe_next(path: str | None) -> str:
    """Where to go after logging in: only a path on this server."""
    return path if path and path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"
