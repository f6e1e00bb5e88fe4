"""Motivational-interviewing summary scores from the codes, with MITI reference thresholds.

MITI 4 (Moyers et al., 2016): reflection-to-question ratio 1:1 fair, 2:1 good; complex
reflections 40 % of reflections fair, 50 % good. MITI 4 sets no threshold for open
questions; MITI 3.1 did (50 % fair, 70 % good), and those are shown as a reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

THRESHOLDS = {
    "reflection_to_question": {"fair": 1.0, "good": 2.0, "source": "MITI 4.2.1"},
    "percent_complex_reflections": {"fair": 40.0, "good": 50.0, "source": "MITI 4.2.1"},
    "percent_open_questions": {"fair": 50.0, "good": 70.0, "source": "MITI 3.1.1 (MITI 4 sets none)"},
}


@dataclass(frozen=True, slots=True)
class MISummary:
    reflections: int
    complex_reflections: int
    questions: int
    open_questions: int
    reflection_to_question: float | None
    percent_complex_reflections: float | None
    percent_open_questions: float | None

    def levels(self) -> dict[str, str]:
        """'good', 'fair' or 'below fair' against the reference thresholds; absent when undefined."""
        out = {}
        for key, t in THRESHOLDS.items():
            value = getattr(self, key)
            if value is not None:
                out[key] = "good" if value >= t["good"] else "fair" if value >= t["fair"] else "below fair"
        return out


def summarise(practitioner_codes: Iterable[Iterable[str]]) -> MISummary:
    """From the code names of each practitioner utterance (one count per utterance and code)."""
    r = cr = q = oq = 0
    for codes in practitioner_codes:
        codes = set(codes)
        r += bool(codes & {"reflection.simple", "reflection.complex"})
        cr += "reflection.complex" in codes
        q += bool(codes & {"question.open", "question.closed"})
        oq += "question.open" in codes
    return MISummary(
        r, cr, q, oq,
        round(r / q, 2) if q else None,
        round(100 * cr / r, 1) if r else None,
        round(100 * oq / q, 1) if q else None,
    )


def pooled(counts: Iterable[dict[str, int]]) -> MISummary:
    """Several sessions' ``mi.counts`` as one: ratios of the summed counts, so a session with
    two questions weighs no more than its two questions."""
    total = {"reflections": 0, "complex_reflections": 0, "questions": 0, "open_questions": 0}
    for c in counts:
        for key in total:
            total[key] += c.get(key, 0)
    r, cr, q, oq = total["reflections"], total["complex_reflections"], total["questions"], total["open_questions"]
    return MISummary(r, cr, q, oq, round(r / q, 2) if q else None, round(100 * cr / r, 1) if r else None,
                     round(100 * oq / q, 1) if q else None)


@dataclass(frozen=True, slots=True)
class ClientTalk:
    """The client's change and sustain talk (MI's client language): how many utterances of
    each, and change talk's share of the two, over the session and in each half."""
    change: int
    sustain: int
    percent_change: float | None
    halves: tuple[float | None, float | None]  # percent change talk in the first and second half

    def to_dict(self) -> dict:
        return {"change": self.change, "sustain": self.sustain, "percent_change": self.percent_change,
                "first_half": self.halves[0], "second_half": self.halves[1]}


# A half needs this many change or sustain utterances for its share to be shown.
HALF_MIN = 3


def client_talk(client_codes: Iterable[tuple[int, Iterable[str]]], n_utterances: int) -> ClientTalk:
    """From (utterance index, code names) of each client utterance."""
    counts = {"change": [0, 0], "sustain": [0, 0]}
    for index, codes in client_codes:
        codes = set(codes)
        half = int(index >= n_utterances / 2)
        for kind, by_half in counts.items():
            by_half[half] += f"{kind}_talk" in codes

    def share(ct: int, st: int, least: int = 1) -> float | None:
        return round(100 * ct / (ct + st), 1) if ct + st >= least else None

    ct, st = sum(counts["change"]), sum(counts["sustain"])
    halves = tuple(share(counts["change"][h], counts["sustain"][h], HALF_MIN) for h in (0, 1))
    return ClientTalk(ct, st, share(ct, st), halves)
