"""The readable summary of a series of sessions (``rapportlens trend``), for 80 columns."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.text import Text

from .series import DIGITS, MIN_SESSIONS, MOVEMENT, STEPS, Recurring, Series, step_kind
from .summary import Summary, console

SHOWN = 10  # sessions side by side in 80 columns
KIND_WORDS = {"pitfall": "pitfall", "rupture": "rupture", "risk": "risk language", "strength": "strength"}


def _num(value: float | None, fmt: str = "{:.0f}") -> str:
    return "-" if value is None else fmt.format(value)


def measure_name(measure: str) -> str:
    name = measure.split(".", 1)[-1]
    return {"overall": "overall", "reflection_to_question": "reflections per question", "percent_complex_reflections":
            "complex reflections (%)", "percent_open_questions": "open questions (%)",
            "percent_change_talk": "client change talk (%)", "pitch_synchrony": "voice: pitch synchrony (r)",
            "loudness_synchrony": "voice: loudness synchrony (r)",
            "synchrony": "movement: synchrony (z beyond chance)"}.get(name, name.replace("_", " "))


def _recurring_line(r: Recurring) -> str:
    shown = r.pattern.startswith("session") or r.pattern == "every session"
    return f"{KIND_WORDS[r.kind]} {r.title}: {r.pattern}" + (
        "" if shown else f" ({', '.join(map(str, r.sessions))})")


class SeriesSummary(Summary):
    def __init__(self, series: Series, fancy: bool) -> None:
        self.series = series
        self.fancy = fancy

    def render(self) -> RenderableType:
        s = self.series
        title = f"Series of {len(s.sessions)} sessions" + (f" of {s.follows}" if s.follows else "") + f", {s.order}"
        parts: list[RenderableType] = [Text(title, style="bold")]
        for section in (self.risk, self.notes, self.sessions, self.recurring):
            parts.extend(section())
        return Group(*parts)

    def risk(self) -> Iterator[RenderableType]:
        """Risk first, as in a session's summary: where there is language a person must read."""
        risky = [p.number for p in self.series.sessions if p.risk_sure]
        if risky:
            where = ", ".join(map(str, risky))
            yield self.item("!!", Text(f"RISK: language that needs human review in session{'s' if len(risky) > 1 else ''} "
                                       f"{where}; each session's own summary or report lists the utterances and what "
                                       "was done next", style="bold red"))

    def notes(self) -> Iterator[RenderableType]:
        for note in self.series.notes:
            yield self.item("!", Text(note, style="yellow"))

    def sessions(self) -> Iterator[RenderableType]:
        """One row per measure, one column per session (the last ``SHOWN`` when there are more),
        and the measure's trend over all of them."""
        s = self.series
        points = s.sessions[-SHOWN:]
        t = self.table(("", "left"), *((str(p.number), "right") for p in points), ("trend", "left"))
        for trend in s.trends:
            fmt = f"{{:.{DIGITS[step_kind(trend.measure)]}f}}"
            values = trend.values[-SHOWN:]
            t.add_row(measure_name(trend.measure), *(_num(v, fmt) for v in values), trend.direction or "-")
        t.add_row("ruptures", *(str(p.ruptures) for p in points), "")
        t.add_row("  repaired", *(str(p.repaired) if p.ruptures else "-" for p in points), "")
        t.add_row("risk (sure)", *(str(p.risk_sure) for p in points), "")
        t.add_row("risk (unsure only)", *(str(p.risk_unsure) for p in points), "")
        yield self.wrap(t)
        if len(s.sessions) > SHOWN:
            yield self.wrap(Text(f"the last {SHOWN} of {len(s.sessions)} sessions are shown; trends use them all "
                                 "(--json has every session)", style="dim"))
        if len(s.sessions) >= MIN_SESSIONS:
            (per, total), (rq_per, rq_total) = STEPS["scale"], STEPS["ratio"]
            voice = any(t.measure.startswith("voice.") for t in s.trends)
            r_per, r_total = STEPS["correlation"]
            m_per, m_total = STEPS["movement"]
            moved = s.trend(MOVEMENT) is not None
            yield self.wrap(Text(f"trend: rising or falling by {per:g} points per session (least-squares slope) and "
                                 f"{total:g} from the first session to the last (reflections per question: {rq_per:g} "
                                 f"and {rq_total:g}" + (f"; voice synchrony: {r_per:g} and {r_total:g}" if voice else "")
                                 + (f"; movement synchrony: {m_per:g} and {m_total:g}" if moved else "")
                                 + "); a description of these sessions, not a statistical test", style="dim"))
        for p in points:
            where = p.source or ""
            yield self.wrap(Text(f"{p.number}: {p.id}" + (f" ({where})" if where and where != p.id else "")
                                 + (f", {p.started}" if p.started else ""), style="dim"))

    def recurring(self) -> Iterator[RenderableType]:
        items = self.series.recurring
        if not items:
            return
        yield self.heading("Across the sessions")
        for kind in ("risk", "rupture", "pitfall", "strength"):
            for r in (r for r in items if r.kind == kind):
                yield self.item("+" if kind == "strength" else "!", Text(_recurring_line(r)))


def summarize_series(series: Series) -> str:
    """The series summary as plain text."""
    out = io.StringIO()
    console(out, plain=True).print(SeriesSummary(series, fancy=False).render())
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").splitlines())
