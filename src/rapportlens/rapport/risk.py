"""Risk language that needs a person's attention rather than rapport-building (SPEC section 7).

Patterns live in ``risk_patterns.toml``. Recall is preferred over precision: the report
says "needs human review" and shows the words that triggered the flag, never a diagnosis.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

REVIEW = "needs human review"
# "not", "never", "no", "n't" up to two words before the match cancel a negatable
# pattern ("I would never hurt myself"); "can't stop ..." does not.
_NEGATION = re.compile(r"\b(not|never|no|nobody|n't|[a-z]+n't)\b(\s+[\w']+){0,2}\s*$")
_NOT_NEGATION = re.compile(r"\b(can't|cannot|couldn't|can\s+not)\s+stop\b|\bno\s+longer\b|\bnot\s+sure\b")


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

    def to_dict(self) -> dict:
        return {"category": self.category, "label": self.label, "evidence": self.evidence,
                "span": list(self.span), "action": REVIEW}


@lru_cache(maxsize=1)
def categories() -> tuple[Category, ...]:
    data = tomllib.loads(files("rapportlens.rapport").joinpath("risk_patterns.toml").read_text("utf-8"))
    out = []
    for name, c in data["categories"].items():
        pats = tuple(Pattern(re.compile(p["re"], re.IGNORECASE), bool(p.get("negatable"))) for p in c["patterns"])
        figs = tuple(re.compile(f, re.IGNORECASE) for f in c.get("figurative", []))
        out.append(Category(name, c["label"], pats, figs))
    return tuple(out)


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].lower()
    return bool(_NEGATION.search(before)) and not _NOT_NEGATION.search(before)


def assess(text: str) -> list[RiskFlag]:
    """Risk flags in one utterance: at most one per category, the first match that is
    neither figurative nor negated."""
    norm = text.replace("\u2019", "'").replace("\u2018", "'")
    flags = []
    for cat in categories():
        figurative = [m.span() for f in cat.figurative for m in f.finditer(norm)]
        for p in cat.patterns:
            hit = next((m for m in p.regex.finditer(norm)
                        if not any(a <= m.start() < b or a < m.end() <= b for a, b in figurative)
                        and not (p.negatable and _negated(norm, m.start()))), None)
            if hit:
                flags.append(RiskFlag(cat.name, cat.label, text[hit.start():hit.end()], hit.span()))
                break
    return flags
