"""A folder of reports' front page: one row per conversation, risk first (SPEC section 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import __version__
from ..model import Conversation
from ..rapport.risk import is_unsure
from .html import _environment


def _row(conv: Conversation, href: str) -> dict[str, Any]:
    f = conv.features
    flags = f.get("risk") or []
    sure = {r["utterance"] for r in flags if not is_unsure(r)}
    unsure = {r["utterance"] for r in flags if is_unsure(r)} - sure
    follow = f.get("risk.follow_up") or []
    ruptures = f.get("ruptures") or []
    scores = f.get("scores") or {}
    return {
        "id": conv.id, "href": href, "source": conv.source or "", "utterances": len(conv.utterances),
        "overall": None if scores.get("overall") is None else round(scores["overall"]),
        "risk": len(sure), "unsure": len(unsure),
        "not_followed": sum(1 for x in follow if x["sure"] and x["follow_up"] == "not_followed_up"),
        "ruptures": len(ruptures), "repaired": sum(1 for r in ruptures if r.get("repaired")),
        "pitfalls": [p["pitfall"].replace("_", " ") for p in f.get("pitfalls") or []],
    }


def render_index(reports: list[tuple[Conversation, Path]], folder: Path) -> str:
    """The index page for ``reports`` (each conversation and its report's path) in ``folder``."""
    rows = [_row(conv, path.relative_to(folder).as_posix()) for conv, path in reports]
    return _environment().get_template("index.html.j2").render(rows=rows, version=__version__)
