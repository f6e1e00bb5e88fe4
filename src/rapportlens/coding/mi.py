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
