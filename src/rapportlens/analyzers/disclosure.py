"""Whether the client opens up as the session goes on: disclosure depth over time (SPEC
section 4, "client response: disclosure depth trajectory")."""

from __future__ import annotations

from statistics import mean

from ..features import Level, declare
from ..model import Conversation, Role
from ..pipeline import Analyzer
from ..rapport.view import View
from .coding import CODES

BY_THIRD = declare(
    "disclosure.depth_by_third", Level.CONVERSATION, "list",
    "Mean disclosure depth (0 facts or none, 1 opinions, 2 feelings, 3 vulnerable or private) of the "
    "client's utterances in the first, middle and last third of them; null with fewer than three.",
    nullable=True,
)
CHANGE = declare(
    "disclosure.depth_change", Level.CONVERSATION, "float",
    "The last third's mean disclosure depth minus the first third's (-3..3): above 0 the client "
    "opened up as the session went on; null with fewer than three client utterances.",
    nullable=True,
)
TREND = declare(
    "disclosure.trend", Level.CONVERSATION, "str",
    "'deepened' (depth change of 0.3 or more), 'shallower' (-0.3 or less), 'steady', or null with "
    "fewer than three client utterances.",
    nullable=True,
)
DEEPEST = declare(
    "disclosure.deepest", Level.CONVERSATION, "list",
    "The client's utterances of depth 2 or more (feelings, vulnerable or private), in order: the "
    "evidence for the depth figures.",
)

TREND_STEP = 0.3  # a third of the way from facts to opinions: a change a reader would notice


def worth_showing(features) -> bool:
    """A trend to show a reader: measured, and something was disclosed at all."""
    by_third = features.get(BY_THIRD.key)
    return bool(by_third) and any(by_third)


def thirds(idx: list[int]) -> list[list[int]]:
    """``idx`` cut into three parts in order; the middle one takes what does not divide evenly."""
    k = len(idx) // 3
    return [idx[:k], idx[k:len(idx) - k], idx[len(idx) - k:]]


class Disclosure(Analyzer):
    name = "disclosure"
    description = "Disclosure depth of the client's utterances by third of the session, and its change."
    requires = (CODES.key,)
    assigns = (BY_THIRD.key, CHANGE.key, TREND.key, DEEPEST.key)

    def apply(self, conversation: Conversation) -> None:
        v = View.whole(conversation)
        # In a peer group (no practitioner) everyone is followed; a practitioner alone has no client.
        theirs = [i for i, u in enumerate(conversation.utterances) if v.roles[u.speaker] != Role.PRACTITIONER]
        depth = {i: v.codes(i).get("disclosure", {}).get("depth", 0) for i in theirs}
        f = conversation.features
        f.assign(DEEPEST.key, [i for i, d in depth.items() if d >= 2])
        if len(depth) < 3:
            f.assign(BY_THIRD.key, None)
            f.assign(CHANGE.key, None)
            f.assign(TREND.key, None)
            return
        by_third = [float(mean(depth[i] for i in part)) for part in thirds(theirs)]
        change = by_third[2] - by_third[0]
        f.assign(BY_THIRD.key, by_third)
        f.assign(CHANGE.key, change)
        f.assign(TREND.key, "deepened" if change >= TREND_STEP else "shallower" if change <= -TREND_STEP
                 else "steady")
