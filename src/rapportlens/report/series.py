"""The HTML page of a series of sessions (``rapportlens trend --html``): one offline file."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..series import DIGITS, MIN_SESSIONS, MOVEMENT, STEPS, Series, step_kind
from ..series_summary import measure_name
from .charts import series_chart
from .html import _environment


def render_series(series: Series, links: dict[int, str] | None = None) -> str:
    """The page; ``links`` gives each session's report (by session number) to link to."""
    numbers = [p.number for p in series.sessions]
    lines = {"overall": [p.overall for p in series.sessions]}
    for t in series.trends:
        if t.measure.startswith("dimensions."):
            lines[t.measure.split(".", 1)[1]] = list(t.values)
    chart = series_chart(numbers, lines) if len(numbers) >= 2 else None
    rows = [{"name": measure_name(t.measure), "by_session": t.values, "direction": t.direction,
             "slope": t.slope, "digits": DIGITS[step_kind(t.measure)]}
            for t in series.trends]
    return _environment().get_template("series.html.j2").render(
        series=series, rows=rows, chart=chart, version=__version__, min_sessions=MIN_SESSIONS, steps=STEPS,
        links=links or {}, voice=any(t.measure.startswith("voice.") for t in series.trends),
        movement=series.trend(MOVEMENT) is not None)


def write_series_html(series: Series, path: str | Path, links: dict[int, str] | None = None) -> Path:
    path = Path(path)
    path.write_text(render_series(series, links), encoding="utf-8")
    return path
