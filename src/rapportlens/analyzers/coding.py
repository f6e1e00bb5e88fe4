"""Behaviour codes for every utterance (SPEC section 3) and the motivational-interviewing summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..coding.coder import Code, Coder, load_model
from ..coding.engagement import load_engagement
from ..coding.inputs import conversation_items
from ..coding.invitation import invited
from ..coding.mi import THRESHOLDS, client_talk, summarise
from ..coding.repair_model import load_repair
from ..coding.runtime import runtime_info
from ..features import Level, declare
from ..model import Conversation, Role
from ..pipeline import Analyzer

CODES = declare(
    "codes", Level.UTTERANCE, "list",
    "Behaviour codes of the utterance (docs/codebook.md): objects with code, confidence (0-1), "
    "source (model, rules or model+rules), evidence (character span), reason, depth for disclosure, and "
    "invited: true for advice the client asked for or agreed to hear.",
)
COUNTS = declare("codes.counts", Level.CONVERSATION, "dict", "Utterances carrying each code, over the whole conversation.")
BY_SPEAKER = declare("codes.by_speaker", Level.SPEAKER, "dict", "Utterances carrying each code, per speaker.")
MI_COUNTS = declare(
    "mi.counts", Level.CONVERSATION, "dict",
    "Practitioner utterances coded as reflections, complex reflections, questions and open questions.",
)
RQ = declare(
    "mi.reflection_to_question", Level.CONVERSATION, "float",
    "Practitioner reflections per question (MITI 4: 1.0 fair, 2.0 good); null without questions.",
    nullable=True,
)
PCR = declare(
    "mi.percent_complex_reflections", Level.CONVERSATION, "float",
    "Complex reflections as a percentage of reflections (MITI 4: 40 fair, 50 good); null without reflections.",
    unit="%", nullable=True,
)
POQ = declare(
    "mi.percent_open_questions", Level.CONVERSATION, "float",
    "Open questions as a percentage of questions (MITI 3.1 reference: 50 fair, 70 good); null without questions.",
    unit="%", nullable=True,
)
LEVELS = declare(
    "mi.levels", Level.CONVERSATION, "dict",
    "Each MI summary score rated 'good', 'fair' or 'below fair' against its reference threshold.",
)

CLIENT_TALK = declare(
    "mi.client_talk", Level.CONVERSATION, "dict",
    "The client's change and sustain talk: utterances of each (change, sustain), change talk as a "
    "percentage of the two (percent_change; a higher share goes with better outcomes in MI research), and "
    "the same in the first and second half of the session (first_half, second_half; null under 3 such "
    "utterances). From the client talk codes, whose accuracy is modest (docs/accuracy.md).",
)


def mark_invited(conversation: Conversation, coded: list[list[Code]]) -> list[list[Code]]:
    """Flag the practitioner's advice that the client asked for or agreed to hear."""
    if not any(c.code == "advice" for codes in coded for c in codes):
        return coded
    role = {s.name: s.role for s in conversation.speakers}
    roles = [role[u.speaker] for u in conversation.utterances]
    texts = [u.text for u in conversation.utterances]
    out = []
    for i, codes in enumerate(coded):
        why = (invited(roles, texts, i) if roles[i] == Role.PRACTITIONER and any(c.code == "advice" for c in codes)
               else None)
        out.append([replace(c, invited=True, reason=f"{c.reason}; invited: {why}") if why and c.code == "advice"
                    else c for c in codes])
    return out


class BehaviourCodes(Analyzer):
    name = "codes"
    version = "v23"
    description = "Codes each utterance with the codebook: the coding model plus the rules layer."
    assigns = (CODES.key, COUNTS.key, BY_SPEAKER.key, MI_COUNTS.key, RQ.key, PCR.key, POQ.key, LEVELS.key,
               CLIENT_TALK.key)

    def __init__(self, model: str | Path | None = None) -> None:
        self._model = load_model(model)
        card = self._model.card
        self.model = card.id
        self.model_path = str(self._model.directory)
        cv = card.info.get("cross_validation", {}).get("tasks", {})
        self.model_accuracy = {t: {"macro_f1": s["macro_f1"], "accuracy": s["accuracy"]} for t, s in cv.items()}
        self.thresholds = THRESHOLDS
        engagement, repair = load_engagement(), load_repair()
        self.engagement_model = engagement.id
        self.repair_model = repair.id
        self.runtime = runtime_info()  # int8 results differ slightly between processors
        self._coder = Coder(self._model, engagement, repair)

    def apply(self, conversation: Conversation) -> None:
        coded = mark_invited(conversation, self._coder.code(conversation_items(conversation)))
        names = [[c.code for c in codes] for codes in coded]
        f = conversation.features
        f.assign(CODES.key, [[c.to_dict() for c in codes] for codes in coded])
        f.assign(COUNTS.key, dict(Counter(n for ns in names for n in ns).most_common()))
        per: dict[str, Counter] = {s: Counter() for s in conversation.speaker_names}
        for u, ns in zip(conversation.utterances, names):
            per[u.speaker].update(ns)
        f.assign(BY_SPEAKER.key, {s: dict(c.most_common()) for s, c in per.items()})
        practitioners = {s.name for s in conversation.speakers if s.role == Role.PRACTITIONER}
        mi = summarise(ns for u, ns in zip(conversation.utterances, names) if u.speaker in practitioners)
        f.assign(MI_COUNTS.key, {"reflections": mi.reflections, "complex_reflections": mi.complex_reflections,
                                 "questions": mi.questions, "open_questions": mi.open_questions})
        f.assign(RQ.key, mi.reflection_to_question)
        f.assign(PCR.key, mi.percent_complex_reflections)
        f.assign(POQ.key, mi.percent_open_questions)
        f.assign(LEVELS.key, mi.levels())
        clients = {s.name for s in conversation.speakers if s.role == Role.CLIENT}
        talk = client_talk(((u.index, ns) for u, ns in zip(conversation.utterances, names) if u.speaker in clients),
                           len(conversation.utterances))
        f.assign(CLIENT_TALK.key, talk.to_dict())

    # Pickled as the model's folder only (worker processes load the model once each).
    def __getstate__(self) -> dict[str, Any]:
        return {"model_path": self.model_path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model_path"])

    def settings(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}
