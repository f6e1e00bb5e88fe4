"""The web app (SPEC section 10): upload sessions, follow each client over time, supervise
others' work, with accounts and access control. Needs ``pip install 'rapportlens[web]'``.

>>> from rapportlens.web import create_app                  # doctest: +SKIP
>>> app = create_app("rapportlens.db")                       # an ASGI app, for uvicorn

Everything is kept in one database (a SQLite file by default, PostgreSQL for a team); the
analysis runs on the server, like ``rapportlens analyze``.
"""

from __future__ import annotations

from ..errors import RapportLensError


class WebUnavailable(RapportLensError):
    """The web extra is not installed."""


def need_web() -> None:
    """Stop before any work, with the install command, when the web extra is missing."""
    import importlib.util

    missing = [m for m in ("starlette", "sqlalchemy", "uvicorn", "multipart", "itsdangerous")
               if importlib.util.find_spec(m) is None]
    if missing:
        raise WebUnavailable(f"the web app needs the web extra ({', '.join(missing)} not installed); install it "
                             "with: pip install 'rapportlens[web]'")


def create_app(database, settings=None, **options):
    """The ASGI app over ``database``: see :func:`rapportlens.web.app.create_app`."""
    need_web()
    from .app import create_app as make

    return make(database, settings, **options)


__all__ = ["WebUnavailable", "create_app", "need_web"]
