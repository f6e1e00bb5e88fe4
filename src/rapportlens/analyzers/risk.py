"""Risk language that needs human review (SPEC section 7)."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation, Role
from ..pipeline import Analyzer
from ..rapport.risk import (
    REVIEW,
    RiskFlag,
    assess_many,
    category_label,
    is_unsure,
    model_card,
    pattern_flags,
)
from ..rapport.risk_answers import risk_answers

RISK = declare(
    "risk", Level.CONVERSATION, "list",
    f"Utterances with risk language ({REVIEW}): utterance index, speaker, category (suicide, self_harm, "
    "harm_to_others, abuse, psychosis), label, evidence (the words that matched, or the sentence the risk "
    "model flagged, or the whole answer), span, source (patterns, model, or answer: the reply to a practitioner's "
    "direct question about that risk, or to a question probing a flagged disclosure (plan, method, means, "
    "timing, past attempts), with question: its utterance and asked: its words) and, for the model, its "
    "confidence; for a sentence after the first in its turn, in_context: its confidence when read after the "
    "sentence before; unsure: true under 0.3 confidence or when that pair is not flagged (still a flag; shown "
    "after the sure ones).",
)


class Risk(Analyzer):
    name = "risk"
    description = "Flags suicidal, self-harm, harm-to-others, abuse and psychosis language for human review."
    # The practitioner's own words ("have you thought about suicide?") are questions, not disclosures.
    assigns = (RISK.key,)

    version = "v13"

    def __init__(self, use_model: bool = True) -> None:
        self.use_model = use_model
        # Provenance: which risk model, and how well it did (docs/analyzers/risk.md).
        self.model = model_card() if use_model else None
        self._assess = assess_many  # a live session swaps in one that remembers what it has read

    def apply(self, conversation: Conversation) -> None:
        roles = {s.name: s.role for s in conversation.speakers}
        scanned = [u for u in conversation.utterances if roles[u.speaker] != Role.PRACTITIONER]
        flags = []
        for u, found in zip(scanned, self._assess([u.text for u in scanned], self.use_model)):
            flags += [{"utterance": u.index, "speaker": u.speaker, **f.to_dict()} for f in found]
        flags = _across_messages(conversation, roles, flags)
        # An answer to a direct question about risk ("Just sometimes at night.") confirms what
        # was asked, in words no detector reads as risk on their own; an answer to a probing
        # question ("How would you do it?") confirms the disclosure it follows up. It is sure
        # where the model was unsure of the same words.
        have = {(f["utterance"], f["category"]) for f in flags if not is_unsure(f)}
        for a in risk_answers(conversation, have):
            if (a.utterance, a.category) not in have:
                have.add((a.utterance, a.category))
                flags = [f for f in flags if (f["utterance"], f["category"]) != (a.utterance, a.category)]
                u = conversation.utterances[a.utterance]
                flag = RiskFlag(a.category, category_label(a.category), u.text, (0, len(u.text)), "answer")
                flags.append({"utterance": a.utterance, "speaker": u.speaker, **flag.to_dict(),
                              "question": a.question, "asked": a.asked})
        flags.sort(key=lambda f: f["utterance"])
        conversation.features.assign(RISK.key, flags)


def _across_messages(conversation: Conversation, roles, flags: list[dict]) -> list[dict]:
    """``flags`` with the risk phrases that run across the messages of one turn ("sometimes i
    think" / "everyone would be better off" / "without me", as people type in chats), each on
    the message where it ends; a phrase's flag replaces the model's unsure one there."""
    sure = {(f["utterance"], f["category"]) for f in flags if not is_unsure(f)}
    for turn in conversation.turns:
        if roles[turn.speaker] == Role.PRACTITIONER or len(turn.utterances) < 2:
            continue
        texts = [conversation.utterances[i].text for i in turn.utterances]
        starts = [sum(len(t) + 1 for t in texts[:k]) for k in range(len(texts))]
        for found in pattern_flags(" ".join(texts)):
            a, b = found.span
            first = max(k for k, start in enumerate(starts) if start <= a)
            last = max(k for k, start in enumerate(starts) if start < b)
            i = turn.utterances[last]
            if first == last or (i, found.category) in sure:
                continue  # inside one message, found there already
            sure.add((i, found.category))
            flags = [f for f in flags if (f["utterance"], f["category"]) != (i, found.category)]
            flag = RiskFlag(found.category, found.label, found.evidence, (0, b - starts[last]))
            flags.append({"utterance": i, "speaker": turn.speaker, **flag.to_dict()})
    return flags
