"""Codes for every utterance: the model's heads and the rules layer, combined.

The model decides what kind of act an utterance is (question, reflection, input, change
talk...); the rules add the codes whose wording is reliable and refine the question form.
Every code keeps its evidence span and the reason it was given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Role
from .engagement import EngagementModel, Finding
from .inputs import Item, speaks_as
from .onnx_model import CodingModel
from .repair_model import RepairModel
from .rules import Hit, apply_rules, question_form

DEFAULT_MODEL = "annomi-minilm"
SECONDARY = 0.35  # a second act from the same head is coded when this likely

# head -> label -> code; for a hierarchical label, the head that picks its subtype.
HEAD_CODES: dict[str, dict[str, str]] = {
    "therapist_behaviour": {"question": "@question_subtype", "reflection": "@reflection_subtype",
                            "therapist_input": "@input_subtype", "other": "other"},
    "question_subtype": {"open": "question.open", "closed": "question.closed"},
    "reflection_subtype": {"simple": "reflection.simple", "complex": "reflection.complex"},
    "input_subtype": {"information": "information", "advice": "advice", "negotiation": "collaboration",
                      "options": "collaboration"},
    "client_talk_type": {"change": "change_talk", "neutral": "neutral", "sustain": "sustain_talk"},
    "strategy": {"Question": "@question", "Restatement or Paraphrasing": "reflection.simple",
                 "Reflection of feelings": "reflection.complex", "Self-disclosure": "self_disclosure",
                 "Affirmation and Reassurance": "affirmation", "Providing Suggestions": "advice",
                 "Information": "information", "Others": "other"},
    # EPITOME levels: weak (1) and strong (2) both mean the mechanism is present.
    "emotional_reactions": {"1": "validation", "2": "validation"},
    "interpretations": {"1": "reflection.complex", "2": "reflection.complex"},
    "explorations": {"1": "@question", "2": "@question"},
}
TOP_HEADS = ("therapist_behaviour", "client_talk_type", "strategy", "emotional_reactions",
             "interpretations", "explorations", "code")


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    confidence: float
    source: str  # "model", "rules" or "model+rules"
    span: tuple[int, int]  # evidence: character offsets in the utterance text
    reason: str
    depth: int | None = None  # disclosure depth 0-3

    def to_dict(self) -> dict[str, Any]:
        d = {"code": self.code, "confidence": round(self.confidence, 3), "source": self.source,
             "evidence": list(self.span), "reason": self.reason}
        if self.depth is not None:
            d["depth"] = self.depth
        return d


def default_model_dir() -> Path:
    return Path(str(resources.files("rapportlens").joinpath("models", DEFAULT_MODEL)))


@cache
def _shared_model(directory: str) -> CodingModel:
    return CodingModel(directory)


def load_model(directory: str | Path | None = None) -> CodingModel:
    """The model in ``directory`` (default: the shipped one), loaded once per process."""
    return _shared_model(str(Path(directory or default_model_dir()).resolve()))


class Coder:
    def __init__(self, model: CodingModel | None = None, engagement: EngagementModel | None = None,
                 repair: RepairModel | None = None) -> None:
        self.model = model
        self.heads = {h.name: h for h in model.card.heads} if model else {}
        self.engagement = engagement
        self.repair = repair

    def code(
        self, items: Sequence[Item], progress: Callable[[int], None] | None = None,
        probs: dict[str, np.ndarray] | None = None,
    ) -> list[list[Code]]:
        """Codes per item; pass ``probs`` when the model's predictions are already at hand."""
        if probs is None:
            probs = self.model.predict(items, progress=progress) if self.model and items else {}
        # The sentence models' findings per item: rupture codes for clients, repair for practitioners.
        by_model: dict[int, dict[str, Finding]] = {}
        if self.engagement is not None:
            clients = [i for i, item in enumerate(items) if speaks_as("client", item.role)]
            by_model = dict(zip(clients, self.engagement.codes([items[i].text for i in clients])))
        if self.repair is not None:
            ours = [i for i, item in enumerate(items) if speaks_as("practitioner", item.role)]
            for i, found in zip(ours, self.repair.codes([items[i].text for i in ours])):
                if found is not None:
                    by_model.setdefault(i, {})["repair"] = found
        return [self._one(item, {k: v[i] for k, v in probs.items()}, by_model.get(i, {}))
                for i, item in enumerate(items)]

    def _one(self, item: Item, probs: dict[str, np.ndarray], by_model: dict[str, Finding] | None = None) -> list[Code]:
        text = item.text
        whole = (0, len(text))
        form = question_form(text) if item.role != Role.CLIENT else None
        codes: dict[str, Code] = {}

        def add(code: Code) -> None:
            if code.code not in codes or codes[code.code].confidence < code.confidence:
                codes[code.code] = code

        def resolve(target: str, p: float, reason: str) -> None:
            if target == "@question":
                sub = form.code if form else "question.open"
                add(Code(sub, p, "model+rules" if form else "model", form.span if form else whole,
                         f"{reason}; {form.reason if form else 'no question form'}"))
            elif target.startswith("@"):
                head = self.heads.get(target[1:])
                if head is None or target[1:] not in probs:
                    return
                q = probs[target[1:]].astype(float)
                if head.name == "question_subtype" and form is not None:
                    # The question's wording and the model vote together on open vs closed.
                    rule_open = form.confidence if form.code == "question.open" else 1 - form.confidence
                    q = np.array([(q[0] + rule_open) / 2, (q[1] + 1 - rule_open) / 2])
                j = int(np.argmax(q))
                sub = HEAD_CODES[head.name][head.labels[j]]
                source = "model+rules" if head.name == "question_subtype" and form else "model"
                add(Code(sub, p * float(q[j]), source, whole, f"{reason}; {head.name}={head.labels[j]} ({q[j]:.2f})"))
            else:
                add(Code(target, p, "model", whole, reason))

        for name in TOP_HEADS:
            head = self.heads.get(name)
            if head is None or name not in probs or not speaks_as(head.role, item.role):
                continue
            p = probs[name]
            mapping = HEAD_CODES.get(name, {label: label for label in head.labels})
            order = np.argsort(-p)
            for rank, j in enumerate(order):
                label = head.labels[j]
                if label not in mapping or (rank > 0 and p[j] < SECONDARY):
                    continue
                resolve(mapping[label], float(p[j]), f"model: {name}={label} ({p[j]:.2f})")
        has_question_head = any(h in self.heads for h in ("therapist_behaviour", "strategy", "explorations"))
        if form and not has_question_head:
            add(Code(form.code, form.confidence, "rules", form.span, form.reason))
        for hit in apply_rules(text, item.role):
            add(_from_hit(hit))
        for code, found in (by_model or {}).items():
            if code == "repair" and code in codes:
                continue  # the rules' repair keeps its wording as evidence
            add(Code(code, found.confidence, "model", whole, found.reason))
        if len(codes) > 1:
            codes.pop("other", None)  # "other" means none of the above
        return sorted(codes.values(), key=lambda c: -c.confidence)


def _from_hit(hit: Hit) -> Code:
    return Code(hit.code, hit.confidence, "rules", hit.span, f"rule: {hit.reason}", hit.depth)
