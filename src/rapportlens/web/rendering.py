"""What every page shares: the templates (escaping everything), and the page and redirect."""

from __future__ import annotations

from pathlib import Path

import jinja2
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.templating import Jinja2Templates

from .. import __version__
from ..errors import RapportLensError
from .security import csrf_token
from .tables import ACTIONS

# Every value is escaped: labels, file names, notes and messages are the users' own text.
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True))
templates.env.globals.update(version=__version__, actions=ACTIONS)


class FormError(RapportLensError):
    """A form's value cannot be used: the message says why and what to do."""


def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    user = context.pop("user", None)
    return templates.TemplateResponse(request, name, {"user": user, "csrf": csrf_token(request), **context},
                                      status_code=status)


def see(path: str, background: BackgroundTask | None = None) -> RedirectResponse:
    return RedirectResponse(path, status_code=303, background=background)
