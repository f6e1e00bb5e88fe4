"""The movement measures in words, for the summary and the report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..audio.describe import BEYOND_CHANCE, _clock

NOT_IN_SCORE = ("movement measures are not part of the rapport score, which was fitted on transcripts; "
                "no outcome data with video was available to validate them")


def synchrony_words(a: str, b: str, pair: Mapping[str, Any], minutes: int | None = None) -> str:
    who = f"{a} and {b}"
    if pair.get("synchrony") is None:
        return f"{who}: too few minutes in which both moved to judge movement synchrony"
    over = (f"mean |r| {pair['r']:.2f} in time against {pair['chance_r']:.2f} with the minutes paired out of time"
            + (f", over {minutes} minutes" if minutes else "") + f", p {pair['p']:.3f}")
    if pair["p"] >= BEYOND_CHANCE:
        return f"{who} did not move together beyond chance ({over})"
    return f"{who} moved together beyond chance ({over})"


def _span(window: Mapping[str, Any]) -> str:
    first_last = window.get("utterances") or []
    where = f"{_clock(max(window['start'], 0))}-{_clock(window['end'])}"
    if first_last:
        where += f", utterances {first_last[0]}-{first_last[1]}"
    return where


def motion_words(name: str, features: Mapping[str, Any]) -> str | None:
    total = (features.get("movement.speaker_motion") or {}).get(name)
    if total is None:
        return None
    speaking = (features.get("movement.speaking_motion") or {}).get(name)
    listening = (features.get("movement.listening_motion") or {}).get(name)
    words = f"{name} {total:.1f} %"
    if speaking is not None and listening is not None:
        words += f" ({speaking:.1f} % speaking, {listening:.1f} % listening)"
    return words


def movement_lines(features: Mapping[str, Any]) -> list[str]:
    """Sentences on the video's movement; empty when no video was measured."""
    name = features.get("movement.video")
    if not name:
        return []
    seconds = features.get("movement.video_seconds")
    regions = features.get("movement.regions") or {}
    head = name + (f", {_clock(seconds)}" if seconds else "") + "; " + ", ".join(f"{n} {r}" for n, r in regions.items())
    lines = [head]
    windows = features.get("movement.windows") or []
    minutes = sum(1 for w in windows if w.get("synchrony") is not None)
    for pair in features.get("movement.pairs") or []:
        lines.append(synchrony_words(pair["a"], pair["b"], pair, minutes if len(features["movement.pairs"]) == 1 else None))
    p = features.get("movement.synchrony_p")
    if features.get("movement.leader") and p is not None:
        leader = features["movement.leader"]
        other = next((n for n in regions if n != leader), "the other")
        lines.append(f"{other}'s movements followed {leader}'s within 5 s more than the reverse "
                     f"(p {features['movement.lead_p']:.3f})")
    if p is not None and p < BEYOND_CHANCE:
        scored = [w for w in windows if w.get("synchrony") is not None]
        if scored:
            best = max(scored, key=lambda w: w["synchrony"])
            lines.append(f"most in step {_span(best)}")
    moving = [w for n in regions if (w := motion_words(n, features))]
    if moving:
        lines.append("motion energy (share of the region changing per 0.1 s): " + "; ".join(moving))
    return lines
