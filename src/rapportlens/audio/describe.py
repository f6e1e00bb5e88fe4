"""The voice measures in words, for the summary and the report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import fmt_seconds

BEYOND_CHANCE = 0.05
CLOSER = {"pitch": (0.5, "semitone"), "loudness": (1.0, "dB")}  # smaller changes are read as no change


def _clock(seconds: float) -> str:
    return fmt_seconds(seconds)[:8].removeprefix("00:")


def synchrony_words(what: str, r: float | None, p: float | None, n: int | None = None) -> str:
    if r is None or p is None:
        return f"{what}: too few measured exchanges to judge synchrony"
    over = f"r {r:.2f}" + (f" over {n} exchanges" if n else "") + f", p {p:.3f}"
    if p >= BEYOND_CHANCE:
        return f"{what} did not move with the other speaker's from turn to turn beyond chance ({over})"
    if r > 0:
        return f"{what} moved with the other speaker's from turn to turn ({over})"
    return f"{what} moved against the other speaker's from turn to turn: a higher one answered lower ({over})"


def convergence_words(what: str, change: float | None) -> str | None:
    if change is None:
        return None
    least, unit = CLOSER[what]
    if abs(change) < least:
        return f"{what} levels about as far apart in the second half as in the first"
    unit = unit if unit == "dB" or f"{abs(change):.1f}" == "1.0" else unit + "s"
    return f"{what} levels {abs(change):.1f} {unit} {'closer' if change > 0 else 'further apart'} in the second half"


def voice_lines(features: Mapping[str, Any], utterances: int) -> list[str]:
    """Sentences on the recording's voices; empty when no recording was measured."""
    name = features.get("prosody.recording")
    if not name:
        return []
    measured = len(features.get("prosody.measured") or [])
    seconds = features.get("prosody.recording_seconds")
    head = f"{name}" + (f", {_clock(seconds)}" if seconds else "") + f"; {measured} of {utterances} utterances measured"
    lines = [head]
    lines.append(synchrony_words("pitch", features.get("prosody.pitch_synchrony"),
                                 features.get("prosody.pitch_synchrony_p"), len(features.get("prosody.exchanges") or [])))
    lines.append(synchrony_words("loudness", features.get("prosody.loudness_synchrony"),
                                 features.get("prosody.loudness_synchrony_p")))
    for what in ("pitch", "loudness"):
        if words := convergence_words(what, features.get(f"prosody.{what}_convergence")):
            lines.append(words)
    return lines


NOT_IN_SCORE = ("voice measures are not part of the rapport score, which was fitted on transcripts; "
                "no outcome data with recordings was available to validate them")
