"""What a rule is and what it finds: shared by the rules layer and its rupture and repair phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass

P, C = "practitioner", "client"


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    confidence: float
    span: tuple[int, int]
    reason: str
    depth: int | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    speaker: str
    pattern: re.Pattern[str]
    confidence: float
    name: str


def phrase_rules(code: str, speaker: str, confidence: float, *patterns: str) -> list[Rule]:
    return [Rule(code, speaker, re.compile(p, re.IGNORECASE), confidence, f"{code} phrase") for p in patterns]
