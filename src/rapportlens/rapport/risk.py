"""Risk language that needs a person's attention rather than rapport-building (SPEC section 7).

Two detectors vote, and either one flags:

* patterns (``risk_patterns.toml``): precise, and they show the exact words, but they miss
  phrasing nobody wrote a pattern for;
* the risk model (``models/risk-minilm``, MiniLM fine-tuned on sentences written for
  RapportLens): reads each sentence for its meaning, so it catches indirect phrasing
  ("I've started giving my things away"), but also flags some harmless sentences on the
  same topic.

A model flag is dropped when the sentence holds a figurative or negated use of a risk
pattern ("this deadline is killing me", "I would never hurt myself"): that is where the
model is weakest and the patterns are sure. Recall comes before precision: the report
says "needs human review" and shows the sentence, never a diagnosis.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

REVIEW = "needs human review"
NONE = "none"
MODEL_NAME = "risk-minilm"
# The model flags a sentence when "none" is less likely than the card's threshold, chosen
# by cross-validation on the training sentences (docs/analyzers/risk.md); this when absent.
THRESHOLD = 0.5
MIN_WORDS = 3  # "no", "yeah right" carry no risk on their own
# A model flag under this confidence is still a flag, but shown apart as one the model is
# unsure about: on the holdouts 7 of 299 risk sentences the model found scored under it,
# while 30 % of its flags on ESConv's ordinary support chats did ("he rang me at like
# eleven"). Listing them after the sure ones keeps the recall and spares the alarm.
UNSURE_BELOW = 0.3
# A sentence after the first in a turn is also read after the sentence before it. When the
# pair is not flagged, the flag is kept but shown as unsure: read alone, a fragment such as
# "Like I'm carrying all of it." (after "I feel alone.") scored 0.997 for suicide, the pair
# 0.003. On ESConv's 13,913 seeker turns the turns with a sure flag fell from 479 to 348
# (mostly breakups, work and money moved to unsure), and no holdout sentence's result
# changed (docs/analyzers/risk.md).
# A flagged sentence also gets the next category when the model finds it at least half as
# likely as the first: a gun held to one's own head read as self-harm rather than suicide,
# and a reviewer is better served by both than by the wrong one alone.
SECOND_CATEGORY_RATIO = 0.5
# "not", "never", "no", "n't" up to two words before the match cancel a negatable
# pattern ("I would never hurt myself"); "can't stop ..." does not.
_NEGATION = re.compile(r"\b(not|never|no|nobody|n't|[a-z]+n't)\b(\s+[\w']+){0,2}\s*$")
_NOT_NEGATION = re.compile(r"\b(can't|cannot|couldn't|can\s+not)\s+stop\b|\bno\s+longer\b|\bnot\s+sure\b")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)")


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    negatable: bool


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    patterns: tuple[Pattern, ...]
    figurative: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class RiskFlag:
    category: str
    label: str
    evidence: str
    span: tuple[int, int]
    source: str = "patterns"  # or "model"
    confidence: float | None = None  # the model's probability of the category's risk; None for patterns
    # For a sentence after the first in its turn: the model's probability of any risk when it
    # reads the sentence after the one before, and whether that pair is flagged too.
    in_context: float | None = None
    context_agrees: bool | None = None

    def to_dict(self) -> dict:
        d = {"category": self.category, "label": self.label, "evidence": self.evidence,
             "span": list(self.span), "source": self.source, "action": REVIEW}
        if self.confidence is not None:
            d["confidence"] = round(self.confidence, 3)
            if self.in_context is not None:
                d["in_context"] = round(self.in_context, 3)
            if self.confidence < UNSURE_BELOW or self.context_agrees is False:
                d["unsure"] = True
        return d


def is_unsure(flag: dict) -> bool:
    """A model flag of confidence under ``UNSURE_BELOW``, or one the sentence before does not
    support (``RiskFlag.to_dict()`` form)."""
    return flag.get("source") == "model" and bool(flag.get("unsure"))


def unsure_note(flag: dict) -> str:
    """An unsure model flag's confidence, and why it is unsure when not for being low
    ("1.00 alone, 0.00 after the sentence before")."""
    said = f"{flag.get('confidence', 0):.2f}"
    if flag.get("in_context") is not None and flag.get("confidence", 0) >= UNSURE_BELOW:
        said += f" alone, {flag['in_context']:.2f} after the sentence before"
    return said


def merged_flags(flags: list[dict], how: Callable[[dict], str]) -> list[tuple[dict, str]]:
    """Flags of one utterance with the same evidence found the same way (``how``; the model
    naming two categories for one sentence) as one entry: the first flag and the labels
    joined ("harm to others; abuse or safeguarding concern")."""
    seen: dict[tuple, tuple[dict, list[str]]] = {}
    for r in flags:
        entry = seen.setdefault((r["utterance"], r["evidence"], how(r)), (r, []))
        entry[1].append(r["label"])
    return [(r, "; ".join(labels)) for r, labels in seen.values()]


def how_found(flag: dict) -> str:
    """How a flag (``RiskFlag.to_dict()``, or an answer flag) was found, in words for reports."""
    if flag.get("source") == "model":
        if is_unsure(flag):
            return f"risk model unsure, confidence {unsure_note(flag)}"
        return f"risk model, confidence {flag.get('confidence', 0):.2f}"
    if flag.get("source") == "answer":
        return f"answer to the question at utterance {flag['question']} about '{flag['asked']}'"
    return "phrase pattern"


@lru_cache(maxsize=1)
def _patterns_file() -> dict:
    return tomllib.loads(files("rapportlens.rapport").joinpath("risk_patterns.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def everyday() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(f, re.IGNORECASE) for f in _patterns_file()["everyday"]["figurative"])


@lru_cache(maxsize=1)
def categories() -> tuple[Category, ...]:
    out = []
    for name, c in _patterns_file()["categories"].items():
        pats = tuple(Pattern(re.compile(p["re"], re.IGNORECASE), bool(p.get("negatable"))) for p in c["patterns"])
        figs = tuple(re.compile(f, re.IGNORECASE) for f in c.get("figurative", []))
        out.append(Category(name, c["label"], pats, figs + everyday()))
    return tuple(out)


CATEGORY_NAMES = tuple(c.name for c in categories())


def category_label(category: str) -> str:
    """The words for a risk category ("suicidal ideation or intent")."""
    return next(c.label for c in categories() if c.name == category)


def _normal(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].lower()
    return bool(_NEGATION.search(before)) and not _NOT_NEGATION.search(before)


def _figurative_spans(cat: Category, norm: str) -> list[tuple[int, int]]:
    return [m.span() for f in cat.figurative for m in f.finditer(norm)]


def pattern_flags(text: str) -> list[RiskFlag]:
    """Pattern flags in one utterance: at most one per category, the first match that is
    neither figurative nor negated."""
    return list(_pattern_flags(text))


@lru_cache(maxsize=8192)
def _pattern_flags(text: str) -> tuple[RiskFlag, ...]:
    # Cached: the coder's disclosure depth, the rupture finder, the client state and the risk
    # analyzer all ask about the same client turns.
    norm = _normal(text)
    flags = []
    for cat in categories():
        figurative = _figurative_spans(cat, norm)
        for p in cat.patterns:
            hit = next((m for m in p.regex.finditer(norm)
                        if not any(a <= m.start() < b or a < m.end() <= b for a, b in figurative)
                        and not (p.negatable and _negated(norm, m.start()))), None)
            if hit:
                flags.append(RiskFlag(cat.name, cat.label, text[hit.start():hit.end()], hit.span()))
                break
    return tuple(flags)


def discounted(text: str) -> bool:
    """True when the text uses risk words figuratively or negates them, which the
    patterns recognise and the model does not."""
    norm = _normal(text)
    for cat in categories():
        if _figurative_spans(cat, norm):
            return True
        if any(p.negatable and _negated(norm, m.start()) for p in cat.patterns for m in p.regex.finditer(norm)):
            return True
    return False


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    piece = text[a:b]
    return a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())


def units(text: str) -> list[tuple[int, int]]:
    """Spans the model reads: the whole turn, and each of its sentences when it has
    several. A long turn can hide one risky sentence among ordinary ones, while some
    risk is only clear across two sentences ("Nothing's left for me. I've decided.")."""
    return [u for u, _ in units_in_context(text)]


def units_in_context(text: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Each unit of ``units`` with the span that reads it after the sentence before it (for
    a sentence after the first; None for the whole turn and the first sentence)."""
    if len(text.split()) < MIN_WORDS:
        return []
    whole = _trimmed(text, 0, len(text))
    spans = [_trimmed(text, m.start(), m.end()) for m in _SENTENCE.finditer(text)
             if len(m.group().split()) >= MIN_WORDS]
    if len(spans) < 2:
        return [(whole, None)]
    out = [(whole, None)]
    for k, span in enumerate(spans):
        pair = (spans[k - 1][0], span[1]) if k else None
        if span != whole:
            out.append((span, pair))
    return out


CORROBORATED = 0.9  # a sentence's confidence read after the one before that outweighs an unsure whole turn


def combine(text: str, patterns: Sequence[RiskFlag], categories: Sequence[str], p_none: float,
            span: tuple[int, int] | None = None, threshold: float = THRESHOLD,
            context_p_none: float | None = None) -> list[RiskFlag]:
    """The pattern flags, plus the model's flags for one sentence (one per category the
    model names) when it is confident, the sentence is not discounted, and the patterns did
    not already flag that category. ``context_p_none``: the model's P(none) for the sentence
    read after the one before; a flag the pair does not support is marked unsure."""
    span = span or (0, len(text))
    sentence = text[span[0]:span[1]]
    flags = list(patterns)
    if p_none < threshold and not discounted(sentence):
        context = None if context_p_none is None else 1.0 - float(context_p_none)
        agrees = None if context_p_none is None else context_p_none < threshold
        for category in categories:
            if category == NONE:
                continue
            new = RiskFlag(category, category_label(category), sentence, span, "model",
                           1.0 - float(p_none), context, agrees)
            held = next((f for f in flags if f.category == category), None)
            if held is None or _displaces(new, held):
                flags = [f for f in flags if f is not held] + [new]
    return flags


def _sure(flag: RiskFlag) -> bool:
    return flag.source != "model" or (flag.confidence is not None and flag.confidence >= UNSURE_BELOW
                                      and flag.context_agrees is not False)


def _displaces(new: RiskFlag, held: RiskFlag) -> bool:
    """Whether the model's ``new`` flag replaces the one ``held`` for its category (a phrase's
    flag stays): a surer sentence among sure ones, for the better evidence; and over an
    unsure one, a later sentence the model flags alone and after the sentence before, at
    ``CORROBORATED`` or more ("...easier not to wake up.": 1.00 and 1.00, where the whole turn
    read 0.30). On ESConv's seekers, sentences flagged alone but not after the one before
    were mostly ordinary ("She hates my boyfriend", 0.99), so one reading is not enough."""
    if held.source != "model" or not _sure(new):
        return False
    if _sure(held):
        return (new.confidence or 0) > (held.confidence or 0)
    return new.in_context is not None and new.in_context >= CORROBORATED


def default_model_dir() -> Path:
    return Path(str(files("rapportlens").joinpath("models", MODEL_NAME)))


@cache
def model_card() -> dict:
    """The shipped risk model's id and cross-validated accuracy, for provenance."""
    import json

    card = json.loads((default_model_dir() / "card.json").read_text("utf-8"))
    cv = card.get("cross_validation", {})
    return {"id": f"{card['name']}@{card['version']}", "threshold": card.get("threshold", THRESHOLD),
            "cross_validation": cv.get("combined") and {**cv["combined"], "folds": cv.get("folds")}}


@cache
def risk_model(directory: str | None = None):
    """The risk model (loaded once per process); it runs with onnxruntime only."""
    from ..coding.onnx_model import CodingModel

    return CodingModel(directory or default_model_dir())


def model_scores(texts: Sequence[str], model=None) -> list[tuple[float, tuple[str, ...]]]:
    """(probability of "none", the risk categories it points to) for each sentence: the
    most likely one, and the next when it is at least ``SECOND_CATEGORY_RATIO`` as likely."""
    from ..coding.inputs import Item
    from ..model import Role

    if not texts:
        return []
    model = model or risk_model()
    [head] = model.card.heads
    # One sentence per run: int8 activations are scaled over the whole batch, so in a batch
    # a sentence's score moved with its batch-mates (0.92 or 0.97 for the same words) and a
    # flag could come and go with the rest of the file (the coding model now runs the same way).
    # Scored one at a time, a sentence always gets the same score, so each distinct one is
    # scored once ("Yeah.", "Okay." recur throughout a session).
    distinct = list(dict.fromkeys(texts))
    probs = model.predict([Item(Role.CLIENT, t) for t in distinct], batch_size=1)[head.name]
    none = head.labels.index(NONE)
    risky = [i for i in range(len(head.labels)) if i != none]
    labels = [head.labels[i] for i in risky]
    scored = {t: (float(p[none]), likely_categories(labels, p[risky])) for t, p in zip(distinct, probs)}
    return [scored[t] for t in texts]


def likely_categories(labels: Sequence[str], probs) -> tuple[str, ...]:
    """The most likely label, and the next when it is at least ``SECOND_CATEGORY_RATIO`` as likely."""
    first, second = sorted(range(len(labels)), key=lambda i: -probs[i])[:2]
    if probs[second] >= SECOND_CATEGORY_RATIO * probs[first]:
        return labels[first], labels[second]
    return (labels[first],)


def assess_many(texts: Sequence[str], use_model: bool = True, model=None) -> list[list[RiskFlag]]:
    """Risk flags for each utterance: the patterns' and, unless ``use_model`` is false, the model's."""
    flags = [pattern_flags(t) for t in texts]
    if not use_model:
        return flags
    model = model or risk_model()
    threshold = float(model.card.info.get("threshold", THRESHOLD))
    where = [(i, span, pair) for i, t in enumerate(texts) for span, pair in units_in_context(t)]
    scores = model_scores([texts[i][a:b] for i, (a, b), _ in where], model)
    flagged = [k for k, (p_none, _) in enumerate(scores) if p_none < threshold and where[k][2] is not None]
    pairs = dict(zip(flagged, model_scores([texts[where[k][0]][slice(*where[k][2])] for k in flagged], model)))
    for k, ((i, span, _), (p_none, categories)) in enumerate(zip(where, scores)):
        context = pairs[k][0] if k in pairs else None
        flags[i] = combine(texts[i], flags[i], categories, p_none, span, threshold, context)
    return flags


def assess(text: str, use_model: bool = True) -> list[RiskFlag]:
    """Risk flags in one utterance (see ``assess_many``)."""
    return assess_many([text], use_model)[0]
