"""Participation balance and rapport between every pair of speakers (SPEC section 9: groups).

Works for any number of speakers; in a dyad it gives the single pair.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

from ..coordination.measures import mean
from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer
from ..rapport.dimensions import COMPONENTS
from .coordination import ENTRAIN_PAIRS, LSM_PAIRS, MIRROR_TURN
from .talk_balance import SHARE

BALANCE = declare(
    "talk.balance", Level.CONVERSATION, "float",
    "Participation balance (0-1): entropy of the speakers' talk shares divided by its maximum; "
    "1 when everyone speaks equally; null with fewer than two speakers.",
    nullable=True,
)
PAIR_RAPPORT = declare(
    "rapport.pairs", Level.PAIR, "float",
    "Rapport between two speakers (0-100): the mean of their style matching, lexical entrainment in "
    "both directions and emotional mirroring when one answers the other, each scaled to 0-1 with the "
    "coordination dimension's reference points; only pairs who answered each other at least once.",
)


# The same reference points as the coordination dimension's components.
_REFERENCE = {c.name: c for c in COMPONENTS if c.dimension == "coordination"}


class Groups(Analyzer):
    name = "groups"
    description = "Participation balance and pairwise rapport, for dyads and groups alike."
    requires = (SHARE.key, LSM_PAIRS.key, ENTRAIN_PAIRS.key, MIRROR_TURN.key)
    assigns = (BALANCE.key, PAIR_RAPPORT.key)

    def apply(self, conversation: Conversation) -> None:
        f = conversation.features
        shares = [s for s in f[SHARE.key].values() if s > 0]
        k = len(f[SHARE.key])
        balance = None if k < 2 else -sum(s * math.log(s) for s in shares) / math.log(k)
        f.assign(BALANCE.key, balance)
        mirror: dict[frozenset, list[float]] = defaultdict(list)
        turns = conversation.turns
        for t in range(1, len(turns)):
            value = f[MIRROR_TURN.key][t]
            if value is not None:
                mirror[frozenset((turns[t].speaker, turns[t - 1].speaker))].append(value)
        lsm, entrain = f[LSM_PAIRS.key], f[ENTRAIN_PAIRS.key]
        pairs = {}
        for a, b in combinations(conversation.speaker_names, 2):
            key = frozenset((a, b))
            if key not in mirror:
                continue
            parts = [_REFERENCE["style_matching"].scaled(lsm.get((a, b), lsm.get((b, a)))),
                     _REFERENCE["lexical_entrainment"].scaled(mean([entrain.get((a, b)), entrain.get((b, a))])),
                     _REFERENCE["emotional_mirroring"].scaled(mean(mirror[key]))]
            value = mean(parts)
            if value is not None:
                pairs[(a, b)] = 100 * value
        f.assign(PAIR_RAPPORT.key, pairs)
