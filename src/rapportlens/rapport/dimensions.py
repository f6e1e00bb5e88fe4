"""The seven rapport dimensions (SPEC sections 3-4), each 0-100 from named components.

A component is a measured value (a code rate, a coordination mean, an MI ratio) put on a
0-1 scale between two reference points: ``low`` (no sign of the behaviour) and ``high``
(plenty of it; rates at or beyond it count fully). Components that work against a
dimension (face threats, sympathy, withdrawal) count as 1 minus that. A dimension is the
mean of the components that could be measured in the stretch of talk, times 100; with
none it is null. The reference points are documented in docs/dimensions.md; how the
dimensions combine into the overall score is learned (``rapportlens.rapport.scoring``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..coordination.measures import mean
from ..coordination.words import words
from .view import View

Measure = Callable[[View], tuple[float | None, list[int]]]


@dataclass(frozen=True)
class Component:
    dimension: str
    name: str
    description: str
    measure: Measure
    low: float
    high: float
    against: bool = False  # the behaviour works against the dimension

    def scaled(self, value: float | None) -> float | None:
        if value is None:
            return None
        x = min(1.0, max(0.0, (value - self.low) / (self.high - self.low)))
        return 1.0 - x if self.against else x


def _rate(side: str, *codes: str) -> Measure:
    def measure(v: View) -> tuple[float | None, list[int]]:
        utts = v.givers if side == "givers" else v.receivers
        return v.rate(utts, *codes), v.with_code(utts, *codes)
    return measure


def _turn_mean(key: str, givers_only: bool = False) -> Measure:
    def measure(v: View) -> tuple[float | None, list[int]]:
        values = v.conversation.features[key]
        turns = v.conversation.turns
        giving = set(v.givers)
        chosen = [t for t in v.turns if values[t] is not None
                  and (not givers_only or turns[t].utterances[0] in giving)]
        best = sorted(chosen, key=lambda t: -values[t])[:5]
        return mean([values[t] for t in chosen]), sorted(i for t in best for i in turns[t].utterances)
    return measure


def _ratio(numerator: tuple[str, ...], denominator: tuple[str, ...], percent: bool = False) -> Measure:
    def measure(v: View) -> tuple[float | None, list[int]]:
        num = v.with_code(v.givers, *numerator)
        den = v.with_code(v.givers, *denominator)
        if not den:
            return None, []
        return (100 if percent else 1) * len(num) / len(den), sorted(set(num) | set(den))
    return measure


def _mean_valence(v: View) -> tuple[float | None, list[int]]:
    values = v.conversation.features["affect.valence"]
    idx = list(range(v.start, v.stop))
    top = sorted(idx, key=lambda i: -values[i])[:5]
    return mean([values[i] for i in idx]), sorted(top)


def _thirds(idx: list[int]) -> tuple[list[int], list[int]]:
    """The first and last thirds of ``idx`` (empty when there are fewer than three)."""
    k = len(idx) // 3
    return (idx[:k], idx[-k:]) if k else ([], [])


def _closing_valence(v: View) -> tuple[float | None, list[int]]:
    # Where the talk ends up weighs more than where it passed: on AnnoMI and ESConv alike the last
    # third's valence tracks the outcome better than the session's mean (docs/scoring.md).
    values = v.conversation.features["affect.valence"]
    idx = list(range(v.start, v.stop))
    last = idx[-max(1, len(idx) // 3):]
    top = sorted(last, key=lambda i: -values[i])[:5]
    return mean([values[i] for i in last]), sorted(top)


def _valence_change(v: View) -> tuple[float | None, list[int]]:
    """Mean valence of the client's last third of utterances minus their first third (SPEC 5: falling
    valence marks a drop in engagement)."""
    values = v.conversation.features["affect.valence"]
    first, last = _thirds(v.receivers)
    if not first:
        return None, []
    moved = sorted(first + last, key=lambda i: -abs(values[i]))[:5]
    return mean([values[i] for i in last]) - mean([values[i] for i in first]), sorted(moved)


def _we_language(v: View) -> tuple[float | None, list[int]]:
    we = {"we", "us", "our", "ours", "ourselves", "let's", "we're", "we've", "we'll", "we'd", "together"}
    counts = {i: sum(1 for w in words(v.conversation.utterances[i].text) if w in we) for i in v.givers}
    total = sum(len(words(v.conversation.utterances[i].text)) for i in v.givers)
    return (sum(counts.values()) / total if total else None), [i for i, n in counts.items() if n]


def _depth(v: View) -> tuple[float | None, list[int]]:
    depths = {i: v.codes(i).get("disclosure", {}).get("depth", 0) for i in v.receivers}
    deep = [i for i, d in depths.items() if d >= 2]
    return (mean(list(depths.values())) if depths else None), deep


def _change_share(v: View) -> tuple[float | None, list[int]]:
    change = v.with_code(v.receivers, "change_talk")
    sustain = v.with_code(v.receivers, "sustain_talk")
    if not change and not sustain:
        return None, []
    return len(change) / (len(change) + len(sustain)), change


def _unasked_advice(v: View) -> tuple[float | None, list[int]]:
    """Confidence-weighted share of practitioner utterances giving advice the client neither
    asked for nor agreed to hear (MITI 4.2.1: persuasion with permission is MI-consistent)."""
    if not v.givers:
        return None, []
    unasked = {i: c["confidence"] for i in v.givers if (c := v.codes(i).get("advice")) and not c.get("invited")}
    return sum(unasked.values()) / len(v.givers), list(unasked)


EMPATHIC = ("validation", "reflection.feeling", "reflection.complex")  # what the empathy dimension counts for


def _sympathy_beyond_empathy(v: View) -> tuple[float | None, list[int]]:
    """Sympathy *instead of* empathy: the practitioner's sympathy rate less their rate of
    empathic responses, floored at 0, so "I'm sorry to hear that" beside reflections of
    feeling costs nothing."""
    sympathy = v.rate(v.givers, "sympathy")
    if sympathy is None:
        return None, []
    excess = max(0.0, sympathy - (v.rate(v.givers, *EMPATHIC) or 0.0))
    return excess, v.with_code(v.givers, "sympathy") if excess else []


def _client_share(v: View) -> tuple[float | None, list[int]]:
    n = v.conversation.features["text.words"]
    theirs = sum(n[i] for i in v.receivers)
    total = sum(n[i] for i in range(v.start, v.stop))
    if not total or set(v.receivers) == set(range(v.start, v.stop)):
        return None, []
    return theirs / total, []


COMPONENTS: tuple[Component, ...] = (
    Component("coordination", "style_matching", "mean turn-by-turn language style matching",
              _turn_mean("lsm.turn"), 0.5, 0.9),
    Component("coordination", "lexical_entrainment", "share of the practitioner's content words picked up "
              "from the other", _turn_mean("entrainment.turn", givers_only=True), 0.0, 0.35),
    Component("coordination", "tempo_matching", "mean turn-by-turn tempo matching",
              _turn_mean("tempo.turn"), 0.2, 0.7),
    Component("coordination", "emotional_mirroring", "mean turn-by-turn emotional mirroring",
              _turn_mean("mirroring.turn"), 0.6, 0.95),
    Component("attentiveness", "reflections", "practitioner utterances that reflect",
              _rate("givers", "reflection.simple", "reflection.complex"), 0.0, 0.35),
    Component("attentiveness", "listening_signals", "backchannels and checks of understanding",
              _rate("givers", "backchannel", "check_understanding"), 0.0, 0.15),
    Component("attentiveness", "reflection_to_question", "reflections per question (MITI 4: 1 fair, 2 good)",
              _ratio(("reflection.simple", "reflection.complex"), ("question.open", "question.closed")), 0.0, 2.0),
    Component("attentiveness", "complex_reflections", "% complex reflections (MITI 4: 40 fair, 50 good)",
              _ratio(("reflection.complex",), ("reflection.simple", "reflection.complex"), True), 0.0, 50.0),
    Component("attentiveness", "open_questions", "% open questions (MITI 3.1: 50 fair, 70 good)",
              _ratio(("question.open",), ("question.open", "question.closed"), True), 0.0, 70.0),
    Component("commonality", "common_ground", "practitioner utterances naming something shared",
              _rate("givers", "common_ground", "self_disclosure"), 0.0, 0.08),
    Component("commonality", "we_language", "share of the practitioner's words that are we/us/our",
              _we_language, 0.0, 0.02),
    Component("commonality", "client_agreement", "client utterances that agree",
              _rate("receivers", "agreement"), 0.0, 0.15),
    Component("positivity", "valence", "mean valence of all utterances", _mean_valence, -0.3, 0.5),
    Component("positivity", "closing_valence", "mean valence of the last third of the utterances",
              _closing_valence, -0.3, 0.5),
    Component("positivity", "affirmation", "practitioner affirmations",
              _rate("givers", "affirmation"), 0.0, 0.1),
    Component("positivity", "face_threats", "practitioner face threats (counts against)",
              _rate("givers", "face_threat"), 0.0, 0.1, against=True),
    Component("empathy", "validation", "practitioner validation", _rate("givers", "validation"), 0.0, 0.1),
    Component("empathy", "feeling_and_complex_reflections", "reflections of feeling or beyond the words",
              _rate("givers", "reflection.complex", "reflection.feeling"), 0.0, 0.2),
    Component("empathy", "sympathy", "sympathy instead of empathy: sympathy's rate less that of validation "
              "and reflections of feeling or beyond the words (counts against)",
              _sympathy_beyond_empathy, 0.0, 0.1, against=True),
    Component("collaboration", "collaboration", "shared decisions, permission, autonomy",
              _rate("givers", "collaboration"), 0.0, 0.1),
    Component("collaboration", "transparency", "orientation about role and process",
              _rate("givers", "orientation"), 0.0, 0.05),
    Component("collaboration", "advice", "advice given unasked (counts against; not advice the client asked "
              "for or agreed to hear)", _unasked_advice, 0.0, 0.3, against=True),
    Component("client_engagement", "elaboration", "client utterances that elaborate",
              _rate("receivers", "elaboration"), 0.0, 0.3),
    Component("client_engagement", "disclosure_depth", "mean disclosure depth (0-3)", _depth, 0.0, 1.5),
    Component("client_engagement", "change_talk", "change talk among change and sustain talk",
              _change_share, 0.0, 1.0),
    Component("client_engagement", "withdrawal", "withdrawal and confrontation (counts against)",
              _rate("receivers", "withdrawal", "confrontation"), 0.0, 0.2, against=True),
    Component("client_engagement", "valence_change", "client's valence in their last third of utterances "
              "minus their first third (0.5 on the scale: no change)", _valence_change, -0.5, 0.5),
    Component("client_engagement", "client_share", "client share of the words", _client_share, 0.1, 0.6),
)

DIMENSIONS: tuple[str, ...] = tuple(dict.fromkeys(c.dimension for c in COMPONENTS))


def dimensions(view: View) -> dict[str, dict[str, Any]]:
    """name -> {"score": 0-100 or None, "components": {name: {"value", "scaled"}}, "evidence": [...]}"""
    out: dict[str, dict[str, Any]] = {}
    for name in DIMENSIONS:
        comps, evidence, scaled = {}, set(), []
        for c in COMPONENTS:
            if c.dimension != name:
                continue
            value, idx = c.measure(view)
            s = c.scaled(value)
            comps[c.name] = {"value": value, "scaled": s}
            if s is not None:
                scaled.append(s)
                evidence.update(idx)
        score = 100 * sum(scaled) / len(scaled) if scaled else None
        out[name] = {"score": score, "components": comps, "evidence": sorted(evidence)}
    return out


def markdown_table() -> str:
    """The components table of docs/dimensions.md (a test keeps the page in step)."""
    rows = ["| dimension | component | what it measures | low | high | direction |", "|---|---|---|---|---|---|"]
    rows += [f"| {c.dimension} | `{c.name}` | {c.description} | {c.low:g} | {c.high:g} | "
             f"{'against' if c.against else 'for'} |" for c in COMPONENTS]
    return "\n".join(rows)
