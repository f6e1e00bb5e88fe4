"""A stretch of a conversation (all of it, or one timeline window) and the code rates in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..model import Conversation, Role


@dataclass(frozen=True)
class View:
    conversation: Conversation
    start: int  # first utterance index
    stop: int  # one past the last

    @classmethod
    def whole(cls, conversation: Conversation) -> View:
        return cls(conversation, 0, len(conversation.utterances))

    @cached_property
    def roles(self) -> dict[str, Role | None]:
        return {s.name: s.role for s in self.conversation.speakers}

    @cached_property
    def givers(self) -> list[int]:
        """Utterances of the practitioner(s); of everyone when no practitioner is known (peer groups)."""
        has = any(r == Role.PRACTITIONER for r in self.roles.values())
        return [i for i in range(self.start, self.stop)
                if not has or self.roles[self.conversation.utterances[i].speaker] == Role.PRACTITIONER]

    @cached_property
    def receivers(self) -> list[int]:
        """Utterances of everyone but the practitioner(s)."""
        others = [i for i in range(self.start, self.stop)
                  if self.roles[self.conversation.utterances[i].speaker] != Role.PRACTITIONER]
        return others if others or not self.givers else list(range(self.start, self.stop))

    @cached_property
    def turns(self) -> list[int]:
        return [t.index for t in self.conversation.turns if self.start <= t.utterances[0] < self.stop]

    @cached_property
    def _codes(self) -> dict[int, dict[str, dict]]:
        coded = self.conversation.features["codes"]
        return {i: {c["code"]: c for c in coded[i]} for i in range(self.start, self.stop)}

    def codes(self, i: int) -> dict[str, dict]:
        """The codes of utterance ``i`` (in this view) by name."""
        return self._codes[i]

    def with_code(self, utterances: Iterable[int], *codes: str) -> list[int]:
        return [i for i in utterances if any(c in self.codes(i) for c in codes)]

    def rate(self, utterances: list[int], *codes: str) -> float | None:
        """Confidence-weighted share of ``utterances`` carrying any of ``codes``; None if there are none."""
        if not utterances:
            return None
        total = 0.0
        for i in utterances:
            mine = self.codes(i)
            total += max((mine[c]["confidence"] for c in codes if c in mine), default=0.0)
        return total / len(utterances)
