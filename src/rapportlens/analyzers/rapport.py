"""Rapport dimensions, the overall score and the timeline (SPEC sections 4-5)."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import Any

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer
from ..rapport.dimensions import DIMENSIONS, dimensions
from ..rapport.score_inputs import UNREPAIRED, score_inputs, unrepaired
from ..rapport.scoring import load_score_model
from ..rapport.view import View
from .affect import VALENCE
from .coding import CODES
from .coordination import ENTRAIN_TURN, LSM_TURN, MIRROR_TURN, TEMPO_TURN
from .ruptures import RUPTURES
from .text_stats import WORDS

DIMS = declare(
    "dimensions", Level.CONVERSATION, "dict",
    "Each rapport dimension (docs/dimensions.md): score 0-100 (null when nothing could be measured), "
    "its components (raw value and 0-1 scaled) and the utterance indices that drive it.",
)
SCORES = declare(
    "scores", Level.CONVERSATION, "dict",
    "overall (0-100, the learned score of docs/scoring.md), dimensions (name -> 0-100), "
    "unrepaired_ruptures (per 100 utterances, with the utterances where they start), the score model's "
    "version and each input's contribution to the overall score's log-odds.",
)
TIMELINE = declare(
    "timeline", Level.CONVERSATION, "list",
    "Sliding windows: start and end utterance, start and end time when timed, the dimensions and "
    "the overall score within each window.",
)

NEEDS = (CODES.key, VALENCE.key, WORDS.key, LSM_TURN.key, ENTRAIN_TURN.key, TEMPO_TURN.key, MIRROR_TURN.key,
         RUPTURES.key)


def _scores(model, dims: dict[str, dict[str, Any]], conversation: Conversation) -> dict[str, Any]:
    ruptures = conversation.features["ruptures"]
    inputs = score_inputs(dims, ruptures, 0, len(conversation.utterances))
    return {"overall": model.overall(inputs), "dimensions": {n: inputs[n] for n in DIMENSIONS},
            "unrepaired_ruptures": {"per_100_utterances": inputs[UNREPAIRED],
                                    "utterances": unrepaired(ruptures)},
            "model": model.version, "contributions": model.contributions(inputs)}


class Rapport(Analyzer):
    name = "rapport"
    version = "v3"
    description = "The seven rapport dimensions and the learned overall score."
    requires = NEEDS
    assigns = (DIMS.key, SCORES.key)

    def __init__(self, score_model: str | Path | None = None) -> None:
        self._model = load_score_model(score_model)
        self.score_model = self._model.version
        self.score_validation = dict(self._model.info.get("validation", {}))

    def apply(self, conversation: Conversation) -> None:
        dims = dimensions(View.whole(conversation))
        conversation.features.assign(DIMS.key, dims)
        conversation.features.assign(SCORES.key, _scores(self._model, dims, conversation))


DENSE_GAP = 30.0  # seconds: the median gap between utterance starts of a recording, not a chat


def timed_densely(conversation: Conversation) -> bool:
    """Whether every utterance has a start time and the median gap between starts is at most
    ``DENSE_GAP``: a recording, whose windows are minutes of talk. A chat export's messages
    come minutes or hours apart, and two minutes of it hold one or two messages."""
    starts = [u.start for u in conversation.utterances]
    if not starts or any(t is None for t in starts):
        return False
    gaps = [b - a for a, b in pairwise(starts)]
    return not gaps or median(gaps) <= DENSE_GAP


class Timeline(Analyzer):
    name = "timeline"
    version = "v4"
    description = "Dimensions and the overall score per sliding window of utterances or seconds."
    requires = NEEDS
    assigns = (TIMELINE.key,)

    def __init__(self, window: int = 20, step: int = 10, seconds: float = 120.0,
                 step_seconds: float = 60.0, score_model: str | Path | None = None) -> None:
        if window < 2 or step < 1 or seconds <= 0 or step_seconds <= 0:
            raise ValueError("timeline: window >= 2 utterances, step >= 1, seconds and step_seconds > 0")
        self.window, self.step, self.seconds, self.step_seconds = window, step, seconds, step_seconds
        self._model = load_score_model(score_model)

    def spans(self, conversation: Conversation) -> list[tuple[int, int]]:
        """(start, stop) utterance ranges: by time when every utterance has a start time and the
        talk is dense, as in a recording (``timed_densely``); else by utterances."""
        utts = conversation.utterances
        n = len(utts)
        if n and timed_densely(conversation):
            # Only the windows that hold an utterance: a window of the grid starting at
            # t0 + k * step holds a start s when s - seconds < t0 + k * step <= s.
            # The last window is the first that reaches the end of the talk.
            t0 = utts[0].start
            t_end = max(u.end if u.end is not None else u.start for u in utts)
            last = max(0, math.ceil((t_end - self.seconds - t0) / self.step_seconds))
            grid = sorted({k for u in utts for k in range(math.floor((u.start - self.seconds - t0) / self.step_seconds) + 1,
                                                           math.floor((u.start - t0) / self.step_seconds) + 1) if 0 <= k <= last})
            spans = []
            for k in grid:
                t = t0 + k * self.step_seconds
                idx = [u.index for u in utts if t <= u.start < t + self.seconds]
                if idx:
                    spans.append((idx[0], idx[-1] + 1))
            return list(dict.fromkeys(spans))
        if n <= self.window:
            return [(0, n)] if n else []
        starts = list(range(0, n - self.window + 1, self.step))
        if starts[-1] + self.window < n:
            starts.append(n - self.window)
        return [(s, s + self.window) for s in starts]

    def scores_of(self, conversation: Conversation, start: int, stop: int) -> dict[str, Any]:
        """The dimensions and the overall score of utterances ``start``..``stop - 1`` (an analysed
        conversation's ruptures needed)."""
        dims = dimensions(View(conversation, start, stop))
        inputs = score_inputs(dims, conversation.features["ruptures"], start, stop)
        first, last = conversation.utterances[start], conversation.utterances[stop - 1]
        return {"start": start, "end": stop - 1, "start_time": first.start,
                "end_time": last.end if last.end is not None else last.start,
                "overall": self._model.overall(inputs),
                "dimensions": {n: dims[n]["score"] for n in DIMENSIONS}}

    def apply(self, conversation: Conversation) -> None:
        windows = [self.scores_of(conversation, start, stop) for start, stop in self.spans(conversation)]
        conversation.features.assign(TIMELINE.key, windows)
