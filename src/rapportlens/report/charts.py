"""Charts for the HTML report, drawn by matplotlib as inline SVG.

SVG keeps the report one offline file that prints sharply; text stays text
(``svg.fonttype: none``) so the page's own font renders it and the file stays small.
Every series is told apart by shape and label as well as colour (Okabe-Ito palette).
"""

from __future__ import annotations

import io
import re
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede any pyplot import elsewhere
from matplotlib.figure import Figure

# Okabe & Ito (2008): distinguishable under the common colour-vision deficiencies.
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, GREY = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#595959")
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "rapportlens", "font.family": "sans-serif",
         "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}


def _svg(fig: Figure, prefix: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = buf.getvalue()
    text = text[text.index("<svg"):]  # drop the XML prolog and DOCTYPE: the SVG goes inline
    # Ids must stay unique once several charts share one page.
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', text)
    text = re.sub(r'(xlink:href="|url\()#', rf'\1#{prefix}-', text)
    # Let the figure scale to its container, keeping the drawn aspect ratio.
    return re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 aria-hidden="true" focusable="false"',
                  text, count=1)


def dimensions_chart(dimensions: dict[str, float | None]) -> str:
    names = list(dimensions)
    values = [dimensions[n] for n in names]
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(4.4, 0.3 * len(names) + 0.8))
        ax = fig.add_subplot()
        y = range(len(names))[::-1]
        ax.barh(list(y), [v or 0 for v in values], color=BLUE, height=0.6)
        for yi, v in zip(y, values):
            label = "not measured" if v is None else f"{v:.0f}"
            ax.text((v or 0) + 1.5, yi, label, va="center", fontsize=9)
        ax.set_yticks(list(y), [n.replace("_", " ") for n in names])
        ax.set_xlim(0, 108)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.axvline(50, color=GREY, linewidth=0.8, linestyle=":")
        ax.set_xlabel("score (0-100; dotted line: 50)")
        return _svg(fig, "dimchart")


def timeline_chart(timeline: list[dict[str, Any]], ruptures: list[dict[str, Any]]) -> str:
    """Overall score per window against utterance index, with ruptures (down-triangles,
    dashed) and repairs (circles, dotted) marked and labelled."""
    x = [(w["start"] + w["end"]) / 2 for w in timeline]  # "end" is the window's last utterance
    overall = [w["overall"] for w in timeline]
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7.2, 2.6))
        ax = fig.add_subplot()
        ax.plot(x, overall, color=BLUE, marker="s", markersize=4, linewidth=2, label="overall rapport (window)")
        for name, colour, style, marker in (("empathy", GREEN, "--", "^"), ("attentiveness", ORANGE, "-.", "D")):
            ys = [w["dimensions"].get(name) for w in timeline]
            if any(v is not None for v in ys):
                ax.plot(x, [float("nan") if v is None else v for v in ys], color=colour, linestyle=style,
                        marker=marker, markersize=4, linewidth=1.2, label=name)
        ax.set_ylim(0, 105)
        ax.set_xlim(-0.5, max([w["end"] for w in timeline] + [1]) + 0.5)
        ax.set_xlabel("utterance")
        ax.set_ylabel("score (0-100)")
        marked = set()
        for r in ruptures:
            ax.axvline(r["start"], color=VERMILLION, linestyle="--", linewidth=1)
            ax.plot([r["start"]], [101], marker="v", color=VERMILLION, markersize=7,
                    label=None if "r" in marked else "rupture", linestyle="none")
            ax.annotate(f"R{r['start']}", (r["start"], 101), xytext=(3, -10), textcoords="offset points",
                        fontsize=8, color=VERMILLION)
            marked.add("r")
            if r["repair"]:
                at = r["repair"]["utterance"]
                ax.axvline(at, color=GREEN, linestyle=":", linewidth=1.2)
                ax.plot([at], [101], marker="o", color=GREEN, markersize=6, linestyle="none",
                        label=None if "p" in marked else "repair")
                marked.add("p")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize=8, frameon=False, ncols=5)
        return _svg(fig, "timechart")


def series_chart(sessions: list[int], lines: dict[str, list[float | None]]) -> str:
    """Scores per session: the overall score bold, the dimensions thin, each with its own
    marker and line style, labelled at its last session as well as in the legend."""
    styles = [(BLUE, "-", "s", 2.2)] + [(c, ls, m, 1.1) for c, ls, m in (
        (ORANGE, "--", "D"), (GREEN, "-.", "^"), (VERMILLION, ":", "v"), (PURPLE, "--", "o"),
        (SKY, "-.", "P"), (GREY, ":", "X"), (ORANGE, "-", "*"))]
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7.2, 3.0))
        ax = fig.add_subplot()
        for (name, ys), (colour, style, marker, width) in zip(lines.items(), styles):
            values = [float("nan") if v is None else v for v in ys]
            ax.plot(sessions, values, color=colour, linestyle=style, marker=marker, markersize=5,
                    linewidth=width, label=name.replace("_", " "))
        ax.set_ylim(0, 105)
        ax.set_xticks(sessions)
        ax.set_xlim(sessions[0] - 0.3, sessions[-1] + 0.3)
        ax.set_xlabel("session")
        ax.set_ylabel("score (0-100)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize=8, frameon=False, ncols=4)
        return _svg(fig, "serieschart")


def movement_chart(windows: list[dict[str, Any]]) -> str:
    """Each minute's movement synchrony beyond chance (bars above or below 0); under each bar
    the minute and the utterances in it. Minutes when someone did not move have no bar."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7.2, 2.4))
        ax = fig.add_subplot()
        centres = [w["start"] / 60 + 0.5 for w in windows]
        values = [w["synchrony"] for w in windows]
        ax.bar(centres, [v or 0 for v in values], width=0.8,
               color=[BLUE if (v or 0) >= 0 else ORANGE for v in values])
        labels = []
        for w, v in zip(windows, values):
            first_last = w.get("utterances") or []
            minute = f"{w['start'] / 60:.0f}"
            below = "not measured" if v is None else (f"{first_last[0]}-{first_last[1]}" if first_last else "")
            labels.append(f"{minute}\n{below}" if below else minute)
        ax.set_xticks(centres, labels, fontsize=7, rotation=90 if len(windows) > 12 else 0)
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.set_xlabel("minute of the video, and the utterances in it")
        ax.set_ylabel("synchrony beyond chance (z)")
        return _svg(fig, "movechart")
