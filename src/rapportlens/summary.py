"""The readable summary of one analysed conversation, for a terminal of 80 columns.

Built with rich: styled with colour and Unicode bars on a terminal, plain ASCII text when
the output is a file or a pipe. Meaning never rests on colour alone: every level is also
written as a word or a number.
"""

from __future__ import annotations

import io
import math
import shutil
from collections.abc import Iterator
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .analyzers.disclosure import worth_showing
from .audio.describe import NOT_IN_SCORE, voice_lines
from .coding.accuracy import headline_accuracy
from .coding.rules import question_form
from .language import looks_english, not_english_note
from .model import Conversation, Role, clip, counted, fmt_seconds, started_at, times
from .rapport.feedback import STATE_WORDS
from .rapport.group_view import group_tables
from .rapport.risk import UNSURE_BELOW, how_found, is_unsure, merged_flags, unsure_note
from .rapport.risk_follow_up import described
from .rapport.ruptures import signal_words
from .video.describe import NOT_IN_SCORE as MOVEMENT_NOT_IN_SCORE
from .video.describe import movement_lines

WIDTH = 80
OVER_TIME_SPREAD = 15  # points between the best and worst window worth pointing at
MI_ROWS = (
    ("reflection_to_question", "reflections per question", "{:.2f}", "1.0 fair, 2.0 good"),
    ("percent_complex_reflections", "complex reflections", "{:.0f}%", "40% fair, 50% good"),
    ("percent_open_questions", "open questions", "{:.0f}%", "50% fair, 70% good"),
)
LEVEL_STYLE = {"good": "green", "fair": "yellow", "below fair": "magenta"}
# Characters of an utterance quoted under a rupture: enough to recognise it, within 80 columns.
QUOTE_CHARS = 70


def points_from(scores: dict, name: str) -> float:
    """How many points of the overall score one input's contribution took away (negative:
    added), from the score's log-odds with and without it."""
    p = min(max(scores["overall"] / 100, 1e-9), 1 - 1e-9)
    z = math.log(p / (1 - p))
    return 100 / (1 + math.exp(-(z - scores["contributions"].get(name, 0.0)))) - scores["overall"]


def console(file: Any = None, *, plain: bool | None = None) -> Console:
    """A console no wider than 80 columns; ``plain`` forces ASCII without styles."""
    width = min(WIDTH, shutil.get_terminal_size((WIDTH, 24)).columns)
    if plain:
        return Console(file=file, width=WIDTH, color_system=None, force_terminal=False,
                       highlight=False, emoji=False, legacy_windows=False)
    return Console(file=file, width=width, highlight=False, emoji=False)


def summarize(conv: Conversation) -> str:
    """The summary as plain text (what a pipe or a file receives)."""
    out = io.StringIO()
    console(out, plain=True).print(Summary(conv, fancy=False).render())
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").splitlines())


def print_summary(conv: Conversation, con: Console) -> None:
    fancy = con.is_terminal and con.color_system is not None
    if fancy:
        con.print(Summary(conv, fancy=True).render())
    else:
        con.file.write(summarize(conv) + "\n")


class Summary:
    def __init__(self, conv: Conversation, fancy: bool) -> None:
        self.conv = conv
        self.f = conv.features
        self.fancy = fancy

    def render(self) -> RenderableType:
        where = ", ".join(x for x in (self.conv.format, self.conv.source) if x)
        parts: list[RenderableType] = [Text.assemble((self.conv.id, "bold"), f"  ({where})" if where else "")]
        for section in (self.risk, self.session, self.scores, self.group, self.mi, self.strengths, self.ruptures,
                        self.feedback):
            parts.extend(section())
        return Group(*parts)

    # -- helpers -------------------------------------------------------------------------
    def heading(self, text: str) -> Text:
        return Text("\n" + text, style="bold underline" if self.fancy else "")

    def bar(self, value: float | None, width: int = 20) -> Text:
        full, empty = ("█", "░") if self.fancy else ("#", ".")
        if value is None:
            return Text("-" * width, style="dim")
        filled = round(value / 100 * width)
        return Text.assemble((full * filled, "cyan"), (empty * (width - filled), "dim"))

    def table(self, *columns: tuple[str, str]) -> Table:
        t = Table(box=box.SIMPLE_HEAD if self.fancy else None, show_edge=False, pad_edge=False,
                  padding=(0, 1), show_header=any(h for h, _ in columns))
        for header, justify in columns:
            t.add_column(header, justify=justify, no_wrap=False)
        return t

    def wrap(self, content: RenderableType, indent: int = 2) -> Padding:
        return Padding(content, (0, 0, 0, indent), expand=False)

    def item(self, bullet: str, text: Text) -> Padding:
        """A list item whose wrapped lines hang under its text, not its bullet."""
        t = Table.grid()
        t.add_column(no_wrap=True)
        t.add_column()
        t.add_row(bullet + " ", text)
        return self.wrap(t)

    # -- sections ------------------------------------------------------------------------
    def risk(self) -> Iterator[RenderableType]:
        if "risk" not in self.f:
            return
        flags = self.f["risk"]
        if not flags:
            share = self.f.get("text.english_share")
            if not looks_english(share):
                yield self.wrap(Text(f"risk: not assessed: {not_english_note(share)}, and the risk phrases and model "
                                     "read English only", style="bold yellow"))
                return
            yield self.wrap(Text("risk: no risk language found (this is not a risk assessment)", style="dim"))
            return
        unsure = [r for r in flags if is_unsure(r)]
        sure = [r for r in flags if not is_unsure(r)]
        body = Text()
        told: set[int] = set()  # utterances already given what the practitioner did next
        for r, labels in merged_flags(sure, how_found):
            body.append(f"utterance {r['utterance']} ({r['speaker']}): {labels}\n", style="bold")
            body.append(f"  \"{r['evidence']}\" ({how_found(r)})\n")
            # The model reads the sentence alone; the question it answers often settles it
            # ("Yes, I want him here." after "Is it alright if your son stays?").
            if r.get("source") == "model" and (asked := self._question_before(r["utterance"])):
                body.append(f"  answering: \"{asked}\"\n", style="dim")
            if r["utterance"] not in told and (item := self._follow_up(r["utterance"])):
                told.add(r["utterance"])
                said = described(item, self.conv, QUOTE_CHARS)
                body.append(f"  then: {said}\n", style="bold red" if item["follow_up"] == "not_followed_up" else "dim")
        if unsure:
            # Still flags, listed after the sure ones: most of them are ordinary distress.
            body.append(f"{'Also, the' if sure else 'The'} model is unsure about these (confidence under "
                        f"{UNSURE_BELOW:.1f}, or not flagged when read after the sentence before); read them "
                        "in context:\n", style="bold")
            for r, labels in merged_flags(unsure, unsure_note):
                body.append(f"  utterance {r['utterance']} ({r['speaker']}, {labels}): \"{r['evidence']}\" "
                            f"({unsure_note(r)})\n")
        body.rstrip()
        n_sure = len({r["utterance"] for r in sure})
        n_unsure = len({r["utterance"] for r in unsure} - {r["utterance"] for r in sure})
        if n_sure:
            title = f"!! RISK: {n_sure} utterance(s) need human review" + (f", {n_unsure} unsure" if n_unsure else "")
        else:
            title = f"RISK, model unsure: {n_unsure} utterance(s) worth a look"
        yield Panel(body, title=title, title_align="left", border_style="bold red" if n_sure else "yellow",
                    box=box.HEAVY if self.fancy else box.ASCII)

    def _follow_up(self, utterance: int) -> dict | None:
        """How the practitioner answered a flagged utterance (``risk.follow_up``)."""
        return next((f for f in self.f.get("risk.follow_up") or [] if f["utterance"] == utterance), None)

    def session(self) -> Iterator[RenderableType]:
        f = self.f
        timed = f.get("timing.duration")
        length = f"{f['talk.utterance_count']} utterances, {f['talk.turn_count']} turns"
        if timed is not None:
            length += f", {fmt_seconds(timed)[:8]} long"
        if started := started_at(self.conv):
            length += f", started {started}"
        yield self.wrap(length)
        has_latency = any(v is not None for v in f["timing.mean_latency"].values())
        cols = [("speaker", "left"), ("role", "left"), ("share", "right"), ("utts", "right"),
                ("turns", "right"), ("w/turn", "right"), ("?", "right")]
        t = self.table(*cols, *([("latency", "right")] if has_latency else []))
        for s in self.conv.speakers:
            n = s.name
            role = (s.role.value if s.role else "?") + ("*" if s.role_inferred else "")
            row = [n[:20], role, f"{f['talk.share'][n]:.0%}", str(f["talk.utterances"][n]), str(f["talk.turns"][n]),
                   f"{f['talk.mean_turn_words'][n]:.1f}", str(f["questions.utterances"][n])]
            if has_latency:
                lat = f["timing.mean_latency"][n]
                row.append("-" if lat is None else f"{lat:.2f}s")
            t.add_row(*row)
        yield self.wrap(t)
        if any(s.role_inferred for s in self.conv.speakers):
            yield self.wrap(Text("* role inferred; set it with --practitioner NAME", style="dim"))
        words = f["monologue.longest_words"]
        if words:
            idx = f["monologue.longest_utterances"]
            span = f"utterance {idx[0]}" if len(idx) == 1 else f"utterances {idx[0]}-{idx[-1]}"
            yield self.wrap(f"longest monologue: {f['monologue.longest_speaker']}, {words} words ({span})")
        yield from self.noted()
        yield from self.voice()
        yield from self.movement()
        cuts: dict[tuple[str, str], list[int]] = {}
        for x in f.get("interruptions") or []:
            cuts.setdefault((x["speaker"], x["interrupted_speaker"]), []).append(x["utterance"])
        for (who, whom), at in cuts.items():
            yield self.wrap(f"cut off: {who} took the floor from {whom} mid-sentence {times(len(at))}"
                            f"{self._at(at)}")
        if timed is not None and f["timing.timed_share"] > 0:
            lat = f["timing.mean_latency_all"]
            yield self.wrap(f"overlaps: {f['timing.overlap_count']}; mean response latency: "
                            + ("-" if lat is None else f"{lat:.2f} s"))

    def noted(self) -> Iterator[RenderableType]:
        """What the transcriber noted besides the words (``nonverbal``): laughter, crying, and
        words nobody could make out, which the codes cannot read."""
        f = self.f
        if "nonverbal.laughter" not in f:
            return
        laughed = {n: at for n, at in f["nonverbal.laughter"].items() if at}
        parts = []
        if laughed:
            parts += [f"{n} laughed {times(len(at))}{self._at(at)}" for n, at in laughed.items()]
            if shared := f["nonverbal.shared_laughter"]:
                parts.append(f"laughed together {times(len(shared))}"
                             f"{self._at(sorted({i for m in shared for i in m}))}")
        if crying := f["nonverbal.crying"]:
            parts.append(f"crying{self._at(crying)}")
        if unheard := f["nonverbal.unheard"]:
            parts.append(f"words not made out in {counted(len(unheard), 'utterance')}{self._at(unheard)}")
        if parts:
            yield self.item("noted:", Text("; ".join(parts)))

    def voice(self) -> Iterator[RenderableType]:
        """The recording's voices (``prosody``), when one was attached."""
        lines = voice_lines(self.f, len(self.conv.utterances))
        if lines:
            yield self.item("voice:", Text("; ".join(lines) + "."))
            yield self.wrap(Text(f"({NOT_IN_SCORE})", style="dim"))

    def movement(self) -> Iterator[RenderableType]:
        """Movement in the video (``movement``), when one was attached."""
        lines = movement_lines(self.f)
        if lines:
            yield self.item("movement:", Text("; ".join(lines) + "."))
            yield self.wrap(Text(f"({MOVEMENT_NOT_IN_SCORE})", style="dim"))

    def scores(self) -> Iterator[RenderableType]:
        if "scores" not in self.f:
            return
        s = self.f["scores"]
        yield self.heading(f"Rapport {s['overall']:.0f}/100")
        if not looks_english(share := self.f.get("text.english_share")):
            yield self.wrap(Text(f"not meaningful here: {not_english_note(share)}, and the codes and the score "
                                 "model read English only", style="bold yellow"))
        t = self.table(("", "left"), ("", "right"), ("", "left"))
        t.add_row(Text("overall", style="bold"), f"{s['overall']:.0f}", self.bar(s["overall"]))
        for name, value in s["dimensions"].items():
            t.add_row(name.replace("_", " "), "-" if value is None else f"{value:.0f}", self.bar(value))
        yield self.wrap(t)
        # The overall is a probability, not a mean of the bars above it: say so, or a 98
        # over dimensions near 50 reads as a bug.
        yield self.wrap(Text(f"overall = how much the session resembles the high-quality sessions the score "
                             f"model {s['model']} was fitted on, not a mean of the dimensions "
                             "(validation: docs/scoring.md)", style="dim"))
        open_ruptures = s.get("unrepaired_ruptures", {}).get("utterances")
        if open_ruptures and (cost := points_from(s, "unrepaired_ruptures")) >= 0.5:
            yield self.wrap(Text(f"{counted(len(open_ruptures), 'rupture')} not repaired took {cost:.0f} points "
                                 "off the overall" + self._at(open_ruptures), style="dim"))
        yield from self.over_time()
        if worth_showing(self.f):
            others = [sp for sp in self.conv.speakers if sp.role != Role.PRACTITIONER]
            who = "client" if len(others) == 1 else "members'"
            depths = " -> ".join(f"{d:.1f}" for d in self.f["disclosure.depth_by_third"])
            yield self.wrap(Text.assemble(f"{who} disclosure {self.f['disclosure.trend']}: depth {depths} "
                                          "(0-3) by third of the session", self._at(self.f["disclosure.deepest"])))

    def over_time(self) -> Iterator[RenderableType]:
        """Where the overall score was lowest and highest across the session's windows: where to
        look first in a long session (the HTML report charts every window)."""
        windows = [w for w in self.f.get("timeline") or [] if w.get("overall") is not None]
        if len(windows) < 3:
            return
        low = min(windows, key=lambda w: w["overall"])
        high = max(windows, key=lambda w: w["overall"])
        if high["overall"] - low["overall"] < OVER_TIME_SPREAD:
            return
        yield self.wrap(Text(f"over time: lowest {low['overall']:.0f} at utterances {low['start']}-{low['end']}, "
                             f"highest {high['overall']:.0f} at {high['start']}-{high['end']} "
                             f"({len(windows)} overlapping windows; the HTML report charts them)", style="dim"))

    def group(self) -> Iterator[RenderableType]:
        g = group_tables(self.conv)
        if g is None:
            return
        balance = "-" if g.balance is None else f"{g.balance:.2f}"
        yield self.heading(f"Group ({len(g.names)} speakers; participation balance {balance} of 1)")
        short = [n[:12] for n in g.names]
        t = self.table(("rapport 0-100", "left"), *((n, "right") for n in short))
        for i, (name, row) in enumerate(zip(short, g.rapport)):
            t.add_row(name, *("-" if j == i else "." if v is None else f"{v:.0f}" for j, v in enumerate(row)))
        yield self.wrap(t)
        t = self.table(("answered (row after column)", "left"), *((n, "right") for n in short))
        for i, (name, row) in enumerate(zip(short, g.answers)):
            t.add_row(name, *("-" if j == i else str(v) if v else "." for j, v in enumerate(row)))
        yield self.wrap(t)
        notes = []
        if (best := g.strongest()) is not None:
            notes.append(f"closest: {best[0]} and {best[1]} ({best[2]:.0f})")
        if (worst := g.weakest()) is not None:
            notes.append(f"furthest apart: {worst[0]} and {worst[1]} ({worst[2]:.0f})")
        yield self.wrap(Text("; ".join(notes + ["'.' = never answered each other (docs/analyzers/groups.md)"]),
                             style="dim"))

    def mi(self) -> Iterator[RenderableType]:
        f = self.f
        if "codes" not in f:
            return
        mi = f["mi.counts"]
        yield self.heading(f"Motivational interviewing ({counted(mi['reflections'], 'reflection')}, "
                           f"{counted(mi['questions'], 'question')})")
        levels = f["mi.levels"]
        t = self.table(("", "left"), ("", "right"), ("", "left"), ("MITI reference", "left"))
        for key, label, fmt, ref in MI_ROWS:
            value = f[f"mi.{key}"]
            level = levels.get(key, "")
            t.add_row(label, "-" if value is None else fmt.format(value), Text(level, style=LEVEL_STYLE.get(level, "")), ref)
        yield self.wrap(t)
        talk = f.get("mi.client_talk")
        if talk and talk["percent_change"] is not None:
            line = (f"client change talk {talk['percent_change']:.0f}% of change and sustain talk "
                    f"({talk['change']} change, {talk['sustain']} sustain)")
            if talk["first_half"] is not None and talk["second_half"] is not None:
                line += f"; first half {talk['first_half']:.0f}%, second half {talk['second_half']:.0f}%"
            yield self.wrap(line)
        counts = ", ".join(f"{code} {n}" for code, n in f["codes.counts"].items())
        yield self.item("codes:", Text(counts))
        model = next((p["settings"] for p in self.conv.provenance if p["name"] == "codes"), {})
        if model:
            # The measured agreement goes with the codes it qualifies: client talk type's is modest.
            measured = headline_accuracy(model.get("model_accuracy"))
            yield self.wrap(Text(f"coding model {model['model']} + rules (" + (
                f"macro-F1 against expert coders on unseen transcripts: {measured}; " if measured
                else "its accuracy was not measured: train it with --cv; ") + "docs/accuracy.md)", style="dim"))

    def strengths(self) -> Iterator[RenderableType]:
        items = self.f.get("strengths")
        if not items:
            return
        yield self.heading("Strengths")
        for s in items:
            yield self.item("+", Text.assemble((s["title"], "bold green"), f": {s['reason']}", self._at(s["evidence"])))

    def ruptures(self) -> Iterator[RenderableType]:
        if "ruptures" not in self.f:
            return
        ruptures = self.f["ruptures"]
        if not any(s.role == Role.PRACTITIONER for s in self.conv.speakers):
            # A rupture is read against a practitioner's turns: "none found" would claim a search.
            yield self.heading("Ruptures: not looked for (no practitioner)")
            return
        yield self.heading(f"Ruptures: {len(ruptures) or 'none found'}")
        for r in ruptures:
            span = r["utterances"]
            where = f"utterance {span[0]}" if len(span) == 1 else f"utterances {span[0]}-{span[-1]}"
            after = (f"repair at {r['repair']['utterance']} ({', '.join(c.replace('_', ' ') for c in r['repair']['codes'])})"
                     if r["repair"] else "no repair")
            back = f"engagement back at {r['recovery']}" if r["recovered"] else "engagement not back"
            who = f" by {r['speaker']}" if r.get("speaker") else ""
            # The engagement models alone are often wrong on typed chats: say so, so it is checked first.
            models_only = " [engagement models only]" if r.get("found_by") == ["model"] else ""
            yield self.item("-", Text.assemble((r["kind"], "bold"), f"{who} at {where} ({signal_words(r['signals'])})"
                                               f"{models_only}; {after}; {back}"))
            # The words themselves, so a supervisor can judge the call without the transcript.
            said = Text(f"{span[0]}: \"{self._quote(span[0])}\"", style="dim")
            if "standoff" in r["signals"] and len(span) > 1:
                # A standoff starts with the answer the practitioner held against; the objection ends it.
                said.append(f"\n{span[-1]}: \"{self._quote(span[-1])}\"")
            if r["repair"]:
                said.append(f"\n{r['repair']['utterance']}: \"{self._quote(r['repair']['utterance'])}\"")
            yield self.wrap(said, indent=4)
        version = next((p["version"] for p in self.conv.provenance if p["name"] == "ruptures"), "")
        # Found from wordings and the shape of the turns, which miss new wordings: say so, and
        # where it says how often it is right, so a reader checks each against the transcript.
        yield self.wrap(Text(f"rupture finder ruptures.{version}: an aid to review, not a verdict "
                             "(how often it is right: docs/analyzers/ruptures.md)", style="dim"))

    def feedback(self) -> Iterator[RenderableType]:
        f = self.f
        if "recommendations" not in f:
            return
        pitfalls = f["pitfalls"]
        if pitfalls:
            yield self.heading("Pitfalls")
            for p in pitfalls:
                yield self.item("-", Text.assemble((p["pitfall"].replace("_", " "), "bold yellow"),
                                                   f": {p['reason']}", self._at(p["evidence"])))
        cs = f["client_state"]
        if cs["state"] != "none":
            yield self.wrap(Text.assemble(f"client state: {STATE_WORDS.get(cs['state'], cs['state'])} "
                                          f"({cs['basis']}; an estimate from words)", self._at(cs["evidence"])))
        recs = f["recommendations"][:3]
        if recs:
            yield self.heading("Try next")
            for r in recs:
                done = r.get("already_done")
                # SPEC section 6: each recommendation says why, from this session's evidence.
                yield self.item(">", Text.assemble((r["title"], "bold"),
                                                   (f" (already done at {self._at(done)[2:-1]}; keep it up)" if done else "", "dim"),
                                                   f": \"{r['example']}\""))
                yield self.wrap(Text(f"why: {r['why']}{self._at(r['evidence'])}", style="dim"), indent=4)

    def _question_before(self, index: int) -> str | None:
        """The practitioner's question that utterance ``index`` answers, quoted; None if it answers none."""
        if index == 0:
            return None
        before = self.conv.utterances[index - 1]
        role = self.conv.speaker(before.speaker).role
        return self._quote(index - 1) if role == Role.PRACTITIONER and question_form(before.text) else None

    def _quote(self, index: int, width: int = QUOTE_CHARS) -> str:
        return clip(self.conv.utterances[index].text, width)

    @staticmethod
    def _at(evidence: list[int]) -> str:
        if not evidence:
            return ""
        shown = ", ".join(map(str, evidence[:6])) + (", ..." if len(evidence) > 6 else "")
        return f" ({'utterance' if len(evidence) == 1 else 'utterances'} {shown})"
