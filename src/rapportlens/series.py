"""Sessions over time (SPEC section 9, longitudinal): the same client or practitioner across
several analysed sessions. Per session the headline figures; across them, which measures rose
or fell, and which pitfalls, ruptures, strengths and risk came back.

Built from analysis results in their JSON form (``rapportlens.output.to_dict``), so a series
can come from transcripts analysed now or from a batch run's ``results.jsonl``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from . import __version__

MIN_SESSIONS = 3  # a trend needs three points; two are a difference
MI_MEASURES = ("reflection_to_question", "percent_complex_reflections", "percent_open_questions")
# How much a measure must move to be called rising or falling: per session (least-squares
# slope) and from the first session to the last, both. For 0-100 scores, a tenth of the scale
# overall; for reflections per question, half of the MITI step from fair (1.0) to good (2.0).
# For voice synchrony (a correlation), a fifth of the way from none to complete.
# For movement synchrony (Fisher z beyond the minutes paired out of time), made videos went
# from 0 with independent movers to 0.026 where most movements were answered
# (docs/analyzers/movement.md): a fifth and three fifths of that.
STEPS = {"scale": (3.0, 10.0), "ratio": (0.15, 0.5), "correlation": (0.05, 0.2), "movement": (0.005, 0.015)}
DIGITS = {"scale": 0, "ratio": 2, "correlation": 2, "movement": 3}  # decimals shown
VOICE_MEASURES = ("pitch_synchrony", "loudness_synchrony")  # from a recording (prosody)
MOVEMENT = "movement.synchrony"  # from a video (movement)


def step_kind(measure: str) -> str:
    """Which STEPS a measure moves by, and how it is shown: 0-100 points, or two decimals."""
    if measure == "mi.reflection_to_question":
        return "ratio"
    if measure == MOVEMENT:
        return "movement"
    return "correlation" if measure.startswith("voice.") else "scale"


@dataclass(frozen=True, slots=True)
class SessionPoint:
    """One session's headline figures."""

    number: int  # 1-based position in the series
    id: str
    source: str | None
    started: str | None  # meta.started_at, when the transcript is dated
    utterances: int
    practitioners: tuple[str, ...]
    clients: tuple[str, ...]
    overall: float | None
    dimensions: dict[str, float | None]
    mi: dict[str, float | None]  # MI_MEASURES and percent_change_talk
    voice: dict[str, float | None]  # VOICE_MEASURES; None without a recording
    movement: float | None  # movement.synchrony; None without a video
    ruptures: int
    repaired: int
    rupture_kinds: tuple[str, ...]
    pitfalls: tuple[str, ...]
    strengths: tuple[str, ...]
    risk_sure: int  # utterances with a sure risk flag
    risk_unsure: int  # utterances with only the model's unsure flags
    risk_categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Trend:
    """How one measure moved over the sessions that have it."""

    measure: str  # "overall", "dimensions.empathy", "mi.reflection_to_question"
    values: tuple[float | None, ...]  # one per session, None where not measured
    first: float | None
    last: float | None
    slope: float | None  # least-squares change per session
    direction: str | None  # rising, falling, steady; None with fewer than MIN_SESSIONS values


@dataclass(frozen=True, slots=True)
class Recurring:
    """Where in the series a pitfall, rupture kind or risk category was found (in any
    session), or a strength (in two or more)."""

    kind: str  # pitfall, rupture, strength, risk
    name: str
    sessions: tuple[int, ...]  # session numbers
    pattern: str  # "every session", "since session 3", "until session 2", "sessions 1, 3", "session 2 only"
    title: str  # as the sessions' own outputs name it ("Laughed together"); the name in words otherwise


@dataclass
class Series:
    sessions: list[SessionPoint]
    trends: list[Trend] = field(default_factory=list)
    recurring: list[Recurring] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader should know (who changed...)
    order: str = "in the order given"
    follows: str = ""  # who is in every session, in words; empty when no one is


    def to_dict(self) -> dict[str, Any]:
        return {"version": __version__, "order": self.order, "follows": self.follows, "sessions": [asdict(s) for s in self.sessions], "trends": [asdict(t) for t in self.trends],
                "recurring": [asdict(r) for r in self.recurring], "notes": list(self.notes)}

    def trend(self, measure: str) -> Trend | None:
        return next((t for t in self.trends if t.measure == measure), None)


def session_point(result: dict[str, Any], number: int) -> SessionPoint:
    """The headline figures of one result (``to_dict`` form)."""
    from .rapport.risk import (
        is_unsure,  # its phrase tables load slowly; `import rapportlens` need not wait
    )

    feats = result.get("features", {})
    scores = result.get("scores") or {}
    roles: dict[str, list[str]] = {}
    for s in result.get("speakers", []):
        roles.setdefault(s.get("role") or "", []).append(s["name"])
    ruptures = result.get("ruptures") or []
    risk = result.get("risk") or []
    sure = {r["utterance"] for r in risk if not is_unsure(r)}
    talk = feats.get("mi.client_talk") or {}
    return SessionPoint(
        number=number, id=result.get("id", f"session {number}"), source=(result.get("source") or {}).get("path"),
        started=(result.get("meta") or {}).get("started_at"), utterances=len(result.get("utterances", [])),
        practitioners=tuple(roles.get("practitioner", [])), clients=tuple(roles.get("client", [])),
        overall=scores.get("overall"), dimensions=dict(scores.get("dimensions") or {}),
        mi={**{m: feats.get(f"mi.{m}") for m in MI_MEASURES}, "percent_change_talk": talk.get("percent_change")},
        voice={m: feats.get(f"prosody.{m}") for m in VOICE_MEASURES},
        movement=feats.get(MOVEMENT),
        ruptures=len(ruptures), repaired=sum(1 for r in ruptures if r.get("repair")),
        rupture_kinds=tuple(dict.fromkeys(r["kind"] for r in ruptures)),
        pitfalls=tuple(dict.fromkeys(p["pitfall"] for p in result.get("pitfalls") or [])),
        strengths=tuple(dict.fromkeys(s["strength"] for s in result.get("strengths") or [])),
        risk_sure=len(sure), risk_unsure=len({r["utterance"] for r in risk} - sure),
        risk_categories=tuple(dict.fromkeys(r["category"] for r in risk if not is_unsure(r))),
    )


@dataclass(frozen=True, slots=True)
class SeriesEntry:
    """What a series needs from one result: its headline figures, the titles of its strengths
    and the models that made it. Small enough to store beside a result (the web app keeps one
    per session, so a history of many sessions need not unpack every result)."""

    point: SessionPoint  # numbered 1; the series renumbers it
    titles: dict[str, str]  # strength name -> title, as the session's output names it
    models: tuple[str | None, str | None]  # coding model, score model (see models_of)

    @classmethod
    def of(cls, result: dict[str, Any]) -> SeriesEntry:
        return cls(session_point(result, 1),
                   {x["strength"]: x["title"] for x in result.get("strengths") or [] if x.get("title")},
                   models_of(result))

    def to_dict(self) -> dict[str, Any]:
        return {"point": asdict(self.point), "titles": dict(self.titles), "models": list(self.models)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SeriesEntry:
        """The inverse of :meth:`to_dict` (JSON turns tuples into lists)."""
        point = {k: tuple(v) if isinstance(v, list) else v for k, v in data["point"].items()}
        return cls(SessionPoint(**point), dict(data.get("titles") or {}), tuple(data["models"]))


def slope(values: Sequence[float | None]) -> float | None:
    """Least-squares change per session over the sessions that have a value."""
    pts = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(pts) < 2:
        return None
    mx = sum(i for i, _ in pts) / len(pts)
    my = sum(v for _, v in pts) / len(pts)
    den = sum((i - mx) ** 2 for i, _ in pts)
    return sum((i - mx) * (v - my) for i, v in pts) / den


def trend(measure: str, values: Sequence[float | None]) -> Trend:
    present = [v for v in values if v is not None]
    s = slope(values)
    direction = None
    if len(present) >= MIN_SESSIONS and s is not None:
        per_session, overall = STEPS[step_kind(measure)]
        change = present[-1] - present[0]
        if s >= per_session and change >= overall:
            direction = "rising"
        elif s <= -per_session and change <= -overall:
            direction = "falling"
        else:
            direction = "steady"
    return Trend(measure, tuple(values), present[0] if present else None, present[-1] if present else None,
                 s, direction)


def pattern(sessions: Sequence[int], total: int) -> str:
    """How the sessions an item was found in lie in the series, in words."""
    run = list(range(sessions[0], sessions[-1] + 1)) == list(sessions)
    if len(sessions) == total:
        return "every session"
    if len(sessions) == 1:
        return f"session {sessions[0]} only" + (" (the last)" if sessions[0] == total else "")
    if run and sessions[-1] == total:
        return f"since session {sessions[0]}"
    if run and sessions[0] == 1:
        return f"until session {sessions[-1]}"
    return "sessions " + ", ".join(map(str, sessions))


def _recurring(kind: str, found: Iterable[tuple[int, Sequence[str]]], total: int, least: int = 1,
               titles: dict[str, str] | None = None) -> list[Recurring]:
    where: dict[str, list[int]] = {}
    for number, names in found:
        for name in names:
            where.setdefault(name, []).append(number)
    titles = titles or {}
    return [Recurring(kind, name, tuple(ns), pattern(ns, total), titles.get(name) or name.replace("_", " "))
            for name, ns in where.items() if len(ns) >= least]


def _followed(points: Sequence[SessionPoint]) -> tuple[str, list[str]]:
    """Who the series follows, in words ("the client Jo", "the practitioner Sam, with 3
    clients"), and a warning when no one is in every session: a series is meant to follow
    one client or one practitioner, and names written differently split it."""
    names = {"practitioner": [p.practitioners for p in points], "client": [p.clients for p in points]}
    same = {role: len(set(ns)) == 1 and bool(ns[0]) for role, ns in names.items()}
    if same["client"] and same["practitioner"]:
        return f"the client {', '.join(names['client'][0])} with {', '.join(names['practitioner'][0])}", []
    for role, other in (("client", "practitioner"), ("practitioner", "client")):
        if same[role]:
            others = list(dict.fromkeys(n for ns in names[other] for n in ns))
            return f"the {role} {', '.join(names[role][0])}, with {len(others)} {other}s", []
    warnings = []
    for role, ns in names.items():
        shown = "; ".join(f"{', '.join(n) or 'none'} in session {i}" for i, n in enumerate(ns, 1))
        warnings.append(f"the {role} is not named the same in every session ({shown})")
    return "", [" and ".join(warnings) + ": check that these sessions belong together, or that names are spelled "
                "the same (--practitioner, --client)"]


def analyzer_settings(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each analyzer's settings in a result's provenance, by analyzer name."""
    return {a.get("name"): a.get("settings") or {} for a in (result.get("provenance") or {}).get("analyzers") or []}


def models_of(result: dict[str, Any]) -> tuple[str | None, str | None]:
    """The coding model and the overall-score model that made a result (its provenance)."""
    steps = analyzer_settings(result)
    return steps.get("codes", {}).get("model"), steps.get("rapport", {}).get("score_model")


def _models_differ(models: Sequence[tuple[str | None, str | None]]) -> list[str]:
    """A note when the sessions were analysed by different models: part of any change is then
    the models', not the sessions'."""
    made_by: dict[tuple, list[int]] = {}
    for n, m in enumerate(models, 1):
        made_by.setdefault(tuple(m), []).append(n)
    if len(made_by) < 2:
        return []
    return ["these sessions were analysed by different models (" + "; ".join(
        f"session{'s' if len(ns) > 1 else ''} {', '.join(map(str, ns))}: coding {codes or 'unknown'}, "
        f"score {score or 'unknown'}" for (codes, score), ns in made_by.items())
        + "), so part of any change is the models': analyse them again with one model to compare"]


def build_series(results: Sequence[dict[str, Any]], order: str = "in the order given") -> Series:
    """The series of ``results`` (``to_dict`` form), in the order given; ``order`` says in
    words how they were ordered."""
    return series_of([SeriesEntry.of(r) for r in results], order)


def series_of(entries: Sequence[SeriesEntry], order: str = "in the order given") -> Series:
    """The series of sessions given by their :class:`SeriesEntry`, in the order given."""
    if not entries:
        raise ValueError("a series needs at least one session")
    points = [replace(e.point, number=i) for i, e in enumerate(entries, 1)]
    n = len(points)
    trends = [trend("overall", [p.overall for p in points])]
    dims = list(dict.fromkeys(d for p in points for d in p.dimensions))
    trends += [trend(f"dimensions.{d}", [p.dimensions.get(d) for p in points]) for d in dims]
    trends += [trend(f"mi.{m}", [p.mi.get(m) for p in points]) for m in (*MI_MEASURES, "percent_change_talk")]
    trends += [trend(f"voice.{m}", [p.voice.get(m) for p in points]) for m in VOICE_MEASURES
               if any(p.voice.get(m) is not None for p in points)]
    if any(p.movement is not None for p in points):
        trends.append(trend(MOVEMENT, [p.movement for p in points]))
    titles = {name: title for e in entries for name, title in e.titles.items()}
    recurring = (_recurring("pitfall", ((p.number, p.pitfalls) for p in points), n)
                 + _recurring("rupture", ((p.number, p.rupture_kinds) for p in points), n)
                 + _recurring("risk", ((p.number, p.risk_categories) for p in points), n)
                 + _recurring("strength", ((p.number, p.strengths) for p in points), n, least=2, titles=titles))
    follows, notes = _followed(points)
    notes += _models_differ([e.models for e in entries])
    if n < MIN_SESSIONS:
        notes.append(f"{n} session(s): trends need {MIN_SESSIONS} or more, so only the sessions are listed")
    return Series(points, trends, recurring, notes, order, follows)
