"""Cross-validation folds by group (conversation, written sentence), without torch."""

from __future__ import annotations

import random
from collections.abc import Sequence


def folds(groups: Sequence[str], k: int, seed: int = 0) -> dict[str, int]:
    """Conversation -> fold, balanced and reproducible: never splits a conversation."""
    ordered = sorted(set(groups))
    random.Random(seed).shuffle(ordered)
    return {g: i % k for i, g in enumerate(ordered)}
