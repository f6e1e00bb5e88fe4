"""The self-contained HTML report of one analysed conversation.

One file, no scripts, no outside resources: CSS and SVG charts are inline and a
Content-Security-Policy forbids every fetch, so the page works offline and nothing
leaves it. It is rendered from the same data as ``analyze --json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..analyzers.disclosure import worth_showing
from ..audio.describe import NOT_IN_SCORE, voice_lines
from ..coding.codebook import codebook
from ..features import declared
from ..language import looks_english, not_english_note
from ..model import Conversation, fmt_seconds, started_at
from ..output import to_dict
from ..rapport.feedback import STATE_WORDS
from ..rapport.group_view import group_tables
from ..rapport.risk import UNSURE_BELOW, how_found, is_unsure, merged_flags
from ..rapport.risk_follow_up import described
from ..rapport.ruptures import signal_words
from ..summary import MI_ROWS
from ..video.describe import NOT_IN_SCORE as MOVEMENT_NOT_IN_SCORE
from ..video.describe import movement_lines
from .charts import dimensions_chart, movement_chart, timeline_chart

SCALAR_TYPES = (int, float)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(files("rapportlens.report").joinpath("templates"))),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["words"] = lambda s: str(s).replace("_", " ")
    env.filters["signal_words"] = signal_words
    env.filters["clock"] = lambda s: "" if s is None else fmt_seconds(s)[:8]
    return env


def render_html(conv: Conversation) -> str:
    """The report as one HTML string."""
    return _environment().get_template("report.html.j2").render(**context(conv))


def write_html(conv: Conversation, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(render_html(conv), encoding="utf-8")
    return path


def report_filename(conv: Conversation) -> str:
    """A safe file name for one conversation's report in a folder of reports."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", conv.id).strip("._") or "conversation"


def context(conv: Conversation) -> dict[str, Any]:
    data = to_dict(conv)
    feats = data["features"]
    provenance = {p["name"]: p for p in data["provenance"]["analyzers"]}
    n = len(data["utterances"])
    ruptures = data.get("ruptures", [])
    timeline = data.get("timeline", [])
    scores = data.get("scores")
    # How the practitioner answered each flagged utterance, said once per utterance.
    follow = {f["utterance"]: described(f, conv) for f in feats.get("risk.follow_up") or []}
    return {
        "version": __version__,
        "conv": data,
        "title": data["id"],
        "n": n,
        "duration": feats.get("timing.duration"),
        "started": started_at(conv),
        "risk": _risk(data["risk"], follow) if data.get("risk") is not None else None,
        "unsure_below": UNSURE_BELOW,
        "not_english": (None if looks_english(feats.get("text.english_share"))
                        else not_english_note(feats["text.english_share"])),
        "scores": scores,
        "dimensions": feats.get("dimensions", {}),
        "dimension_chart": dimensions_chart(scores["dimensions"]) if scores else None,
        "timeline": timeline,
        "timeline_chart": timeline_chart(timeline, ruptures) if timeline else None,
        "ruptures": ruptures,
        "ruptures_version": provenance.get("ruptures", {}).get("version"),
        "mi": _mi(feats) if "mi.counts" in feats else None,
        "strengths": data.get("strengths", []),
        "pitfalls": data.get("pitfalls", []),
        "client_state": data.get("client_state"),
        "state_words": STATE_WORDS,
        "disclosure": ({"trend": feats["disclosure.trend"], "by_third": feats["disclosure.depth_by_third"],
                        "evidence": feats.get("disclosure.deepest", [])}
                       if worth_showing(feats) else None),
        "recommendations": data.get("recommendations", []),
        "utterances": _utterances(data),
        "speakers": data["speakers"],
        "group": group_tables(conv),
        "practitioner": any(s["role"] == "practitioner" for s in data["speakers"]),
        "stats": _stats(feats),
        "voice": voice_lines(feats, n),
        "voice_caveat": NOT_IN_SCORE,
        "movement": movement_lines(conv.features),
        "movement_chart": movement_chart(feats["movement.windows"]) if feats.get("movement.windows") else None,
        "movement_caveat": MOVEMENT_NOT_IN_SCORE,
        "models": _models(provenance),
        "analyzers": data["provenance"]["analyzers"],
        "warnings": data["warnings"],
    }


def _risk(flags: list[dict[str, Any]], follow: dict[int, str]) -> list[dict[str, Any]]:
    """The risk flags for the template, one entry per sentence and way of finding it; what the
    practitioner did next goes with the first sure flag of each utterance."""
    told: set[int] = set()
    out = []
    for r, labels in merged_flags(flags, how_found):
        unsure = is_unsure(r)
        then = None if unsure or r["utterance"] in told else follow.get(r["utterance"])
        if not unsure:
            told.add(r["utterance"])
        out.append({**r, "label": labels, "found": how_found(r), "unsure": unsure, "then": then})
    return out


def _mi(feats: dict[str, Any]) -> dict[str, Any]:
    rows = [{"label": label, "value": None if feats[f"mi.{key}"] is None else fmt.format(feats[f"mi.{key}"]),
             "level": feats["mi.levels"].get(key), "reference": ref} for key, label, fmt, ref in MI_ROWS]
    return {"counts": feats["mi.counts"], "rows": rows, "codes": feats.get("codes.counts", {}),
            "client_talk": feats.get("mi.client_talk")}


def _utterances(data: dict[str, Any]) -> list[dict[str, Any]]:
    roles = {s["name"]: s["role"] for s in data["speakers"]}
    book = codebook()
    marks: dict[int, list[str]] = {}
    risky = {r["utterance"] for r in data.get("risk", [])}
    for r in data.get("risk", []):
        marks.setdefault(r["utterance"], []).append(f"risk: {r['label']}")
    for r in data.get("ruptures", []):
        marks.setdefault(r["start"], []).append(f"rupture ({r['kind']})")
        if r["repair"]:
            marks.setdefault(r["repair"]["utterance"], []).append("repair")
        if r["trigger"] is not None:
            marks.setdefault(r["trigger"], []).append(f"possible trigger of rupture at {r['start']}")
    feats = data["features"]
    for a, b in feats.get("nonverbal.shared_laughter") or []:
        marks.setdefault(b, []).append("laughed together" if a == b else f"laughed together with {a}")
    for u in data["utterances"]:
        if (by := (u.get("meta") or {}).get("relayed_by")):
            marks.setdefault(u["index"], []).append(f"as relayed by {by}")
    out = []
    for u in data["utterances"]:
        codes = []
        for c in u.get("codes", []):
            span = c.get("evidence")
            quote = u["text"][span[0]:span[1]] if span and span[1] - span[0] < len(u["text"]) else ""
            label = book[c["code"]].label if c["code"] in book else c["code"]
            codes.append({"code": c["code"], "label": label, "confidence": c["confidence"],
                          "source": c["source"], "reason": c["reason"], "quote": quote})
        out.append({"index": u["index"], "speaker": u["speaker"], "role": roles.get(u["speaker"]) or "other",
                    "start": u["start"], "text": u["text"], "codes": codes,
                    "marks": marks.get(u["index"], []), "risk": u["index"] in risky})
    return out


def _stats(feats: dict[str, Any]) -> list[dict[str, Any]]:
    """Every numeric conversation-level feature with its documented meaning."""
    described = {f.key: f.description for f in declared()}
    rows = []
    for key, value in feats.items():
        if isinstance(value, SCALAR_TYPES) and not isinstance(value, bool) and key in described:
            rows.append({"key": key, "value": value, "description": described[key]})
    return rows


def _models(provenance: dict[str, dict[str, Any]]) -> dict[str, Any]:
    codes = provenance.get("codes", {}).get("settings", {})
    rapport = provenance.get("rapport", {}).get("settings", {})
    return {
        "coding": codes.get("model"),
        "coding_accuracy": codes.get("model_accuracy", {}),
        "score": rapport.get("score_model"),
        "score_validation": rapport.get("score_validation", {}),
        "risk": provenance.get("risk", {}).get("settings", {}).get("model"),
    }
