"""Codes for every utterance: the model's heads and the rules layer, combined.

The model decides what kind of act an utterance is (question, reflection, input, change
talk...); the rules add the codes whose wording is reliable and refine the question form.
Every code keeps its evidence span and the reason it was given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
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
from .sentences import codable_sentences, needed, sentence_act

DEFAULT_MODEL = "annomi-minilm"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")  # words of a rule's match, to find them said just before
SELF = {"i", "i'm", "i'd", "i'll", "i've"}
SECONDARY = 0.35  # a second act from the same head is coded when this likely
SENTENCE_MIN = 0.6  # a sentence read alone adds its act when the model is this sure of it
SENTENCE_ACTS = {"reflection": "@reflection_subtype", "question": "@question_subtype"}

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
    invited: bool | None = None  # advice the client asked for or agreed to hear (coding/invitation.py)

    def to_dict(self) -> dict[str, Any]:
        d = {"code": self.code, "confidence": round(self.confidence, 3), "source": self.source,
             "evidence": list(self.span), "reason": self.reason}
        if self.depth is not None:
            d["depth"] = self.depth
        if self.invited:
            d["invited"] = True
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
                 repair: RepairModel | None = None, sentence_min: float | None = SENTENCE_MIN) -> None:
        """``sentence_min``: how sure the model must be of a sentence read alone for it to add
        its act (None: sentences are not read alone, as before ``codes.v14``)."""
        self.model = model
        self.heads = {h.name: h for h in model.card.heads} if model else {}
        self.engagement = engagement
        self.repair = repair
        self.sentence_min = sentence_min

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
        by_sentence = self._sentence_codes(items, probs) if probs and self.sentence_min is not None else {}
        return [self._one(item, {k: v[i] for k, v in probs.items()}, by_model.get(i, {}), by_sentence.get(i, ()))
                for i, item in enumerate(items)]

    def _head_code(self, target: str, p: float, reason: str, probs: dict[str, np.ndarray],
                   form: Hit | None, span: tuple[int, int]) -> Code | None:
        """The code a head's label stands for (``target`` from HEAD_CODES), with ``p`` the
        label's probability; ``span`` is the evidence, ``form`` the question's wording there."""
        if target == "@question":
            sub = form.code if form else "question.open"
            return Code(sub, p, "model+rules" if form else "model", form.span if form else span,
                        f"{reason}; {form.reason if form else 'no question form'}")
        if not target.startswith("@"):
            return Code(target, p, "model", span, reason)
        head = self.heads.get(target[1:])
        if head is None or target[1:] not in probs:
            return None
        q = probs[target[1:]].astype(float)
        if head.name == "question_subtype" and form is not None:
            # The question's wording and the model vote together on open vs closed.
            rule_open = form.confidence if form.code == "question.open" else 1 - form.confidence
            q = np.array([(q[0] + rule_open) / 2, (q[1] + 1 - rule_open) / 2])
        j = int(np.argmax(q))
        sub = HEAD_CODES[head.name][head.labels[j]]
        source = "model+rules" if head.name == "question_subtype" and form else "model"
        return Code(sub, p * float(q[j]), source, span, f"{reason}; {head.name}={head.labels[j]} ({q[j]:.2f})")

    def _sentence_codes(self, items: Sequence[Item], probs: dict[str, np.ndarray]) -> dict[int, list[Code]]:
        """Reflections and questions that one sentence of a practitioner's utterance shows
        clearly while the utterance as a whole was read as another act: the model also
        reads such sentences on their own (docs/analyzers/codes.md, "Sentences")."""
        head = self.heads.get("therapist_behaviour")
        if head is None or head.name not in probs:
            return {}
        wanted: list[tuple[int, tuple[int, int], str]] = []
        for i, item in enumerate(items):
            if not speaks_as(head.role, item.role):
                continue
            p = probs[head.name][i]
            present = {head.labels[j] for j in range(len(p)) if p[j] >= SECONDARY or j == int(np.argmax(p))}
            # A reflection only inside a turn read as a question: in a turn of advice or
            # information, sentences read alone ("Both for your health and for Aiden.") looked
            # like reflections that were not, and made lecturing sessions look attentive
            # (the AnnoMI quality AUC fell from 0.89 to 0.83; docs/analyzers/codes.md).
            allowed = {"question"} | ({"reflection"} if head.labels[int(np.argmax(p))] == "question" else set())
            for a, b in codable_sentences(item.text):
                act = sentence_act(item.text[a:b])
                if act in allowed and act not in present:
                    wanted.append((i, (a, b), act))
        if not wanted:
            return {}
        seen = self.model.predict([Item(items[i].role, items[i].text[a:b], items[i].context) for i, (a, b), _ in wanted])
        out: dict[int, list[Code]] = {}
        for k, (i, (a, b), act) in enumerate(wanted):
            p = seen[head.name][k]
            j = head.labels.index(act)
            if int(np.argmax(p)) != j or p[j] < needed(items[i].text[a:b], act, self.sentence_min):
                continue
            form = question_form(items[i].text[a:b]) if act == "question" else None
            if form is not None:  # its span, from the sentence's start to the utterance's
                form = replace(form, span=(a + form.span[0], a + form.span[1]))
            code = self._head_code(SENTENCE_ACTS[act], float(p[j]),
                                   f"model on the sentence alone: {head.name}={act} ({p[j]:.2f})",
                                   {name: v[k] for name, v in seen.items()}, form, (a, b))
            if code is not None:
                out.setdefault(i, []).append(code)
        return out

    def _one(self, item: Item, probs: dict[str, np.ndarray], by_model: dict[str, Finding] | None = None,
             by_sentence: Sequence[Code] = ()) -> list[Code]:
        text = item.text
        whole = (0, len(text))
        form = question_form(text) if item.role != Role.CLIENT else None
        codes: dict[str, Code] = {}

        def add(code: Code) -> None:
            if code.code not in codes or codes[code.code].confidence < code.confidence:
                codes[code.code] = code

        def resolve(target: str, p: float, reason: str) -> None:
            code = self._head_code(target, p, reason, probs, form, whole)
            if code is not None:
                add(code)

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
        for code in by_sentence:
            add(code)
        has_question_head = any(h in self.heads for h in ("therapist_behaviour", "strategy", "explorations"))
        if form and not has_question_head:
            add(Code(form.code, form.confidence, "rules", form.span, form.reason))
        for hit in apply_rules(text, item.role):
            if hit.code == "face_threat" and _echoed(text[hit.span[0]:hit.span[1]], item.context):
                continue
            add(_from_hit(hit))
        for code, found in (by_model or {}).items():
            if code == "repair" and code in codes:
                continue  # the rules' repair keeps its wording as evidence
            add(Code(code, found.confidence, "model", whole, found.reason))
        if len(codes) > 1:
            codes.pop("other", None)  # "other" means none of the above
        return sorted(codes.values(), key=lambda c: -c.confidence)


def _echoed(words: str, context: str) -> bool:
    """Whether every word of a rule's match was said just before: "So there's a fear of
    looking stupid" after "I worry I'll look stupid" gives the client's own word back, which
    judges nobody. A match that speaks of the practitioner ("I understand, but") is their own
    stance, whatever words came before."""
    said = set(WORD.findall(context.lower()))
    own = WORD.findall(words.lower())
    return bool(own) and own[0] not in SELF and all(w in said for w in own)


def _from_hit(hit: Hit) -> Code:
    return Code(hit.code, hit.confidence, "rules", hit.span, f"rule: {hit.reason}", hit.depth)
