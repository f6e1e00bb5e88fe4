"""Response latency, overlaps and talk time, for transcripts that carry start and end times."""

from __future__ import annotations

from itertools import pairwise
from statistics import fmean

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer

LATENCY = declare(
    "timing.latency", Level.UTTERANCE, "float",
    "For an utterance that changes speaker: its start minus the end of the previous utterance. "
    "Negative when it starts before the other has finished (an overlap). Null when either time "
    "is missing or the speaker did not change.",
    unit="seconds", nullable=True,
)
OVERLAP = declare(
    "timing.overlap", Level.UTTERANCE, "float",
    "Seconds this utterance overlaps the previous utterance by another speaker (0 if none); "
    "null when either time is missing or the speaker did not change.",
    unit="seconds", nullable=True,
)
SPEAKER_LATENCY = declare(
    "timing.mean_latency", Level.SPEAKER, "float",
    "Mean response latency of this speaker over turns that start after the other finished "
    "(overlaps are counted separately); null when none is known.",
    unit="seconds", nullable=True,
)
SPEAKER_SECONDS = declare(
    "timing.talk_seconds", Level.SPEAKER, "float",
    "Sum of end minus start over this speaker's timed utterances; null when none has both times.",
    unit="seconds", nullable=True,
)
SPEAKER_OVERLAPS = declare(
    "timing.overlaps", Level.SPEAKER, "int",
    "Turns by this speaker that start before the previous speaker has finished.",
)
TIMED = declare(
    "timing.timed_share", Level.CONVERSATION, "float",
    "Share of utterances that have both a start and an end time (0-1).",
)
DURATION = declare(
    "timing.duration", Level.CONVERSATION, "float",
    "Seconds from the first start to the last end (or last start); null when untimed.",
    unit="seconds", nullable=True,
)
OVERLAPS = declare("timing.overlap_count", Level.CONVERSATION, "int", "Turns that start in overlap.")
MEAN_LATENCY = declare(
    "timing.mean_latency_all", Level.CONVERSATION, "float",
    "Mean non-negative response latency over all speaker changes; null when none is known.",
    unit="seconds", nullable=True,
)


class Timing(Analyzer):
    name = "timing"
    description = "Response latency, overlaps, talk time and duration when times are known."
    assigns = (
        LATENCY.key, OVERLAP.key, SPEAKER_LATENCY.key, SPEAKER_SECONDS.key, SPEAKER_OVERLAPS.key,
        TIMED.key, DURATION.key, OVERLAPS.key, MEAN_LATENCY.key,
    )

    def apply(self, conversation: Conversation) -> None:
        utts = conversation.utterances
        names = conversation.speaker_names
        latency: list[float | None] = [None] * len(utts)
        overlap: list[float | None] = [None] * len(utts)
        gaps: dict[str, list[float]] = {n: [] for n in names}
        overlaps = {n: 0 for n in names}
        seconds: dict[str, float | None] = {n: None for n in names}

        for prev, u in pairwise(utts):
            if u.speaker == prev.speaker or u.start is None or prev.end is None:
                continue
            lat = u.start - prev.end
            latency[u.index] = lat
            overlap[u.index] = max(0.0, -lat)
            if lat < 0:
                overlaps[u.speaker] += 1
            else:
                gaps[u.speaker].append(lat)
        for u in utts:
            if u.start is not None and u.end is not None:
                seconds[u.speaker] = (seconds[u.speaker] or 0.0) + (u.end - u.start)

        starts = [u.start for u in utts if u.start is not None]
        stops = [u.end if u.end is not None else u.start for u in utts if u.start is not None]
        all_gaps = [g for v in gaps.values() for g in v]
        f = conversation.features
        f.assign(LATENCY.key, latency)
        f.assign(OVERLAP.key, overlap)
        f.assign(SPEAKER_LATENCY.key, {n: fmean(g) if g else None for n, g in gaps.items()})
        f.assign(SPEAKER_SECONDS.key, seconds)
        f.assign(SPEAKER_OVERLAPS.key, overlaps)
        both = sum(u.start is not None and u.end is not None for u in utts)
        f.assign(TIMED.key, both / len(utts) if utts else 0.0)
        f.assign(DURATION.key, max(stops) - min(starts) if starts else None)
        f.assign(OVERLAPS.key, sum(overlaps.values()))
        f.assign(MEAN_LATENCY.key, fmean(all_gaps) if all_gaps else None)
