"""The pages about people: logging in and out, one's own account, the administrators'
accounts page and audit log."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..errors import RapportLensError
from .rendering import page, see
from .security import checked_form, current_user, log_in, safe_next
from .store import AccountError, Store


async def login(request: Request) -> Response:
    error, status = None, 200
    if request.method == "POST":
        form = await checked_form(request)
        name, throttle = str(form.get("name", "")), request.app.state.throttle
        if not throttle.allowed(name):
            error, status = (f"Too many wrong passwords for this name: wait {throttle.seconds // 60:.0f} minutes "
                             "and try again."), 429
        else:
            user = request.app.state.store.login(name, str(form.get("password", "")))
            if user:
                throttle.succeeded(name)
                log_in(request, user)
                return see(safe_next(request.query_params.get("next")))
            throttle.failed(name)
            error, status = "That name and password do not match an active account.", 401
    return page(request, "login.html.j2", status, error=error)


async def logout(request: Request) -> Response:
    await checked_form(request)
    request.session.clear()
    return see("/login")


async def account(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    message = error = None
    if request.method == "POST":
        form = await checked_form(request)
        if not store.login(user.name, str(form.get("current", ""))):
            error = "The current password is not right."
        elif form.get("new") != form.get("again"):
            error = "The two new passwords differ."
        else:
            try:
                store.set_password(user.name, str(form.get("new", "")))
                message = "Password changed."
            except RapportLensError as e:
                error = str(e)
    return page(request, "account.html.j2", 400 if error else 200, user=user, message=message, error=error)


async def accounts(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    if user.role != "admin":
        raise HTTPException(403, "only administrators manage accounts")
    message = error = None
    if request.method == "POST":
        form = await checked_form(request)
        name = str(form.get("name", "")).strip()
        try:
            if form.get("action") == "add":
                store.add_user(name, str(form.get("password", "")), str(form.get("role", "practitioner")),
                               str(form.get("supervisor") or "") or None)
                message = f"Account {name} made."
            elif form.get("action") == "change":
                store.set_role(name, str(form.get("role")))
                store.set_supervisor(name, str(form.get("supervisor") or "") or None)
                if name == user.name and form.get("active") != "on":
                    raise AccountError("you cannot close your own account; another administrator can")
                store.set_active(name, form.get("active") == "on")
                message = f"Account {name} changed."
            elif form.get("action") == "password":
                store.set_password(name, str(form.get("password", "")))
                message = f"Password of {name} set: tell them, and ask them to change it under their name."
        except RapportLensError as e:
            error = str(e)
    users = store.users()
    names = {u.id: u.name for u in users}
    return page(request, "accounts.html.j2", 400 if error else 200, user=user, users=users, names=names,
                supervisors=[u.name for u in users if u.role == "supervisor" and u.active],
                message=message, error=error)


async def audit(request: Request) -> Response:
    user = current_user(request)
    if user.role != "admin":
        raise HTTPException(403, "only administrators read the whole audit log")
    return page(request, "audit.html.j2", user=user, events=request.app.state.store.events(user, limit=500))
