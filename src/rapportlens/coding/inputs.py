"""What the model sees for one utterance: who speaks, what they said, and what came just before.

Training (``rapportlens.training``) and analysis (``rapportlens.coding.coder``) both build
their inputs here, so a model is always run on text shaped the way it was trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Conversation, Role

# Plain words, not special tokens: the pretrained encoder already knows them.
ROLE_WORDS = {Role.PRACTITIONER: "counsellor", Role.CLIENT: "client", Role.MEMBER: "member"}
CONTEXT_TURNS = 2
CONTEXT_CHARS = 160  # about 40 tokens: the last thing said, and a little before it


@dataclass(frozen=True, slots=True)
class Item:
    """One utterance to code: its speaker's role, its text and the text before it."""

    role: Role | None
    text: str
    context: str = ""


def speaks_as(side: str | None, role: Role | str | None) -> bool:
    """Whether a speaker with ``role`` is coded by something meant for ``side``
    ("practitioner", "client" or "any"/None). Group members are coded as clients."""
    if side in (None, "any") or role is None:
        return True
    return side == ("practitioner" if Role(role) == Role.PRACTITIONER else "client")


def role_word(role: Role | str | None) -> str:
    return ROLE_WORDS.get(Role(role), "speaker") if role else "speaker"


def target_text(item: Item) -> str:
    return f"{role_word(item.role)}: {item.text.strip()}"


def context_text(item: Item, limit: int = CONTEXT_CHARS) -> str:
    # The most recent words matter most, so an over-long context loses its beginning.
    ctx = item.context.strip()
    if limit <= 0:  # ctx[-0:] would be all of it
        return ""
    return ctx if len(ctx) <= limit else "..." + ctx[-limit:]


def encoder_context(item: Item, context_chars: int, practitioner_context_chars: int | None = None) -> str:
    """The earlier talk the encoder reads before ``item``: ``practitioner_context_chars``, when
    set, is the limit for a practitioner's utterances, ``context_chars`` for everyone else's.
    A practitioner's behaviour shows mostly in their own words, while a client's talk type
    depends on what they answer; reading less before practitioners' utterances saves tokens."""
    if practitioner_context_chars is not None and item.role == Role.PRACTITIONER:
        return context_text(item, practitioner_context_chars)
    return context_text(item, context_chars)


def format_context(previous: Sequence[tuple[Role | None, str]]) -> str:
    return "\n".join(f"{role_word(r)}: {t.strip()}" for r, t in previous)


def conversation_items(conversation: Conversation, turns: int = CONTEXT_TURNS) -> list[Item]:
    """One Item per utterance; the context is the previous ``turns`` utterances."""
    roles = {s.name: s.role for s in conversation.speakers}
    items = []
    utts = conversation.utterances
    for u in utts:
        previous = [(roles[p.speaker], p.text) for p in utts[max(0, u.index - turns):u.index]]
        items.append(Item(roles[u.speaker], u.text, format_context(previous)))
    return items
