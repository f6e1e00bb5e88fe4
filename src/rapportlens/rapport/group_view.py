"""The group tables a facilitator reads (SPEC section 9, groups): member-to-member rapport
and who answered whom, laid out as matrices over the speakers, for the summary and the
HTML report alike. Dyads have one pair, which the rapport scores already describe."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Conversation

GROUP_MIN = 3  # speakers


@dataclass(frozen=True)
class GroupTables:
    names: list[str]
    balance: float | None  # participation balance, 0-1
    rapport: list[list[float | None]]  # [row][col]: rapport between the two (0-100), symmetric; None if they never answered each other
    answers: list[list[int]]  # [row][col]: turns by the row's speaker that directly follow the column's

    def _pairs(self) -> list[tuple[str, str, float]]:
        """(a, b, rapport) for each two speakers who answered each other."""
        n = len(self.names)
        return [(self.names[i], self.names[j], self.rapport[i][j]) for i in range(n) for j in range(i + 1, n)
                if self.rapport[i][j] is not None]

    def strongest(self) -> tuple[str, str, float] | None:
        """The pair with the highest rapport."""
        pairs = self._pairs()
        return max(pairs, key=lambda p: p[2]) if pairs else None

    def weakest(self) -> tuple[str, str, float] | None:
        """The pair with the lowest rapport, when there are two pairs or more to compare."""
        pairs = self._pairs()
        return min(pairs, key=lambda p: p[2]) if len(pairs) >= 2 else None

def group_tables(conv: Conversation) -> GroupTables | None:
    """The tables for a conversation of three or more speakers; None for a dyad or before the
    ``groups`` and ``coordination`` analyzers ran."""
    f = conv.features
    names = conv.speaker_names
    if len(names) < GROUP_MIN or "rapport.pairs" not in f or "responses.pairs" not in f:
        return None
    pairs, responses = f["rapport.pairs"], f["responses.pairs"]

    def rapport(a: str, b: str) -> float | None:
        return None if a == b else pairs.get((a, b), pairs.get((b, a)))

    return GroupTables(
        names, f.get("talk.balance"),
        [[rapport(a, b) for b in names] for a in names],
        [[0 if a == b else int(responses.get((a, b), 0)) for b in names] for a in names],
    )
