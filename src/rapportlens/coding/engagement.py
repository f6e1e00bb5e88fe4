"""The engagement model: sorts one client turn into "none", "confrontation" or "withdrawal",
the two codes that mark a rupture (docs/analyzers/ruptures.md).

The rules layer knows a few hundred wordings of a complaint or a retreat; people find many
more ("every week it's the same script from you"). This model is a logistic regression
over the turn's words and character n-grams (the same kind as the coding model's lexical
companion, ``coding.lexical``), trained on turns written for RapportLens, on the client turns
of the project's written sessions (``data/ruptures/train_sessions.csv``, from
``eval/session_turns.py``) and on AnnoMI client talk as ordinary talk (``training.engagement``). It adds a code when its
probability reaches the card's threshold; the rules' own codes stand beside it.

A turn the n-grams only suspect (P between the check's ``prefilter`` and the threshold) is
read again by a second opinion, ``engagement-minilm``: a small fine-tuned encoder, trained
on the same turns (``training.engagement_check``), that reads meaning rather than word
overlap. The code is given when the encoder is sure (P >= its ``threshold``). Alone the
encoder codes too much ordinary talk; asked only about suspect turns, it finds more
ruptures for few more alarms, and runs on a few percent of client turns
(docs/analyzers/ruptures.md). Where both lean towards a code without either being sure, the
turn gets it at confidence 0.45 (``SUSPECT_CONFIDENCE``), which the rupture finder counts
only right after the practitioner's advice or criticism.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..model import Role
from .inputs import Item
from .lexical import LexicalModel
from .minimal import minimal_answer

MODEL = "engagement-lexical"
CHECK_MODEL = "engagement-minilm"
HEAD = "engagement"
LABELS = ("none", "confrontation", "withdrawal")
CARD_FILE = "card.json"
MIN_WORDS = 3  # fragments ("to", "if") have too few n-grams for the model to judge
# A turn the n-grams lean towards coding (P >= SUSPECT) but not enough to code alone, and the
# second opinion leans towards a rupture (P >= SUSPECT_CHECK), gets the code at a confidence below
# the rupture finder's 0.5: it marks a rupture only in context (right after the
# practitioner's advice or criticism), as a bare "Fine." does with sudden shortening.
SUSPECT = 0.5
SUSPECT_CONFIDENCE = 0.45
SUSPECT_CHECK = 0.5
SUSPECT_MIN_WORDS = 5
# A turn the n-grams give some weight (P(confrontation) + P(withdrawal) >= SURE_FROM) is coded
# when the second opinion is sure of it (its own threshold): it reads meaning the n-grams have
# no words for ("I don't appreciate being spoken to like that", "That's a bit rich. You've
# only seen me in two meetings"). On written sessions and AnnoMI's discord it was right; on
# ESConv's chat-platform talk ("closing this chat") it errs (docs/analyzers/ruptures.md).
SURE_FROM = 0.5
# ... when the turn is addressed to the practitioner or the work together: what the second
# opinion alone takes for a rupture is otherwise mostly distress ("I can't focus on anything")
# or a complaint about someone else ("I'm sick of being the only one who says anything").
ADDRESSED = re.compile(r"\b(?:you|your|yours|we|us|our|here|like that|this session|these sessions)\b", re.IGNORECASE)
# A wish for the client and someone else ("I'd like us to stop shouting at each other every
# morning.", asked what they want from a family session) names a goal, not the practitioner.
SHARED_WISH = re.compile(r"\bi(?:'d| would) (?:like|love) (?:for )?(?:us|we)\b|\bi (?:want|wish|hope) (?:for )?(?:us|we)\b|\beach other\b",
                         re.IGNORECASE)
# The client's own question, by its first word. Not the rules' CLOSED_START: that also takes
# "Don't...", which in a client's turn is more often a complaint ("Don't put it like that").
QUESTION_START = re.compile(r"^\W*(?:how|what|when|where|which|who|why|do|does|did|is|are|can|could|should|would|will)\b", re.IGNORECASE)


# The client asking for information ("And if it doesn't pass?", "How long will it take?"), in
# one question or two ("So does anyone know what you do about rent when you've been sacked?
# Is there help for that?", a group member asking the others): taking part, whatever words
# it shares with retreats ("if it doesn't...") or complaints ("sacked"); a sceptical one
# ("Is it even worth it?") is still read.
INFO_QUESTION = re.compile(
    r"^\W*(?:(?:and|but|so|okay|ok|right)[,]?\s+)?(?:what if|if|what happens (?:if|when|after)|"
    r"how (?:long|often|much|many|soon|do|does|will|would|can|should)|is (?:it|that|this|there)|are there|"
    r"will (?:it|i|that|there)|would (?:it|i|that)|should i|do i|does (?:it|that)|when (?:will|do|does|should|can|would)|"
    r"where (?:do|can|will|should)|which|(?:does|do) (?:anyone|anybody|any of you) know)\b"
    r"(?![^?]*\?[^?]*\b(?:really|even|actually|seriously|honestly|supposed|point|worth)\b)"
    r"(?![^?]*\b(?:really|even|actually|seriously|honestly|supposed|point|worth)\b)[^?]*\?"
    r"(?:\s*(?:is (?:it|that|this|there)|are there|will (?:it|that|there)|does (?:it|that)|how (?:long|much|many|do|does))\b[^?]*\?)?\s*$",
    re.IGNORECASE)


CALL_TROUBLE = re.compile(r"\b(?:you'?re|you are|it'?s|you keep) (?:\w+ )?(?:breaking up|cutting out|freezing|frozen|lagging|on mute|muted)\b"
                          r"|\b(?:video|screen|picture|sound|audio|connection|signal|wifi|wi-fi|internet)(?:'s| is| has| keeps)? "
                          r"(?:frozen|froze|freezing|dropped|dropping|gone|terrible|awful|bad|poor|breaking up|cutting out|stuck)\b"
                          r"|\bi (?:lost|can'?t hear|can'?t see) you\b|\bcan you (?:hear|see) me (?:now|okay|ok|alright|all right)?\W*$",
                          re.IGNORECASE)


def default_dir(model: str = MODEL) -> Path:
    return Path(str(resources.files("rapportlens").joinpath("models", model)))


class Finding(NamedTuple):
    """One rupture code the model gives a turn: its confidence and why."""

    confidence: float
    reason: str


@dataclass(frozen=True)
class EngagementModel:
    lexical: LexicalModel
    card: dict[str, Any]
    check: Any = None  # the second opinion (a ``CodingModel``), or None: the n-grams alone

    @property
    def id(self) -> str:
        own = f"{self.card['name']}@{self.card['version']}"
        return f"{own} + {self.check.card.id}" if self.check is not None else own

    @property
    def threshold(self) -> float:
        return float(self.card["threshold"])

    @property
    def prefilter(self) -> float:
        """The n-gram probability from which a turn is asked about again."""
        return float(self.check.card.info["prefilter"]) if self.check is not None else self.threshold

    @property
    def check_threshold(self) -> float:
        return float(self.check.card.info["threshold"]) if self.check is not None else 1.0

    @classmethod
    def load(cls, directory: Path, check: Path | None = None) -> EngagementModel:
        card = json.loads((directory / CARD_FILE).read_text("utf-8"))
        second = None
        if check is not None and (check / CARD_FILE).is_file():
            from .onnx_model import CodingModel

            second = CodingModel(check)
        return cls(LexicalModel.load(directory), card, second)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), 3)``: P(none), P(confrontation), P(withdrawal) per turn."""
        if not texts:
            return np.zeros((0, len(LABELS)))
        items = [Item(Role.CLIENT, t) for t in texts]
        return np.exp(self.lexical.predict_log(items)[HEAD])

    def codes(self, texts: Sequence[str]) -> list[dict[str, Finding]]:
        """Per turn, the rupture codes whose probability reaches the threshold, or reaches the
        prefilter and the second opinion's threshold, or that the second opinion is sure of in a
        turn the n-grams give ``SURE_FROM`` or more; else, where both models lean towards a
        rupture (``SUSPECT``, ``SUSPECT_CHECK``), the n-grams' likelier code at
        ``SUSPECT_CONFIDENCE``; nothing for a turn the model does not read (``reads``)."""
        read = [i for i, t in enumerate(texts) if reads(t)]
        probs = dict(zip(read, self.probabilities([texts[i] for i in read])))
        suspect = [i for i, row in probs.items() if row[1:].max() < self.threshold
                   and (row[1:].max() >= min(self.prefilter, SUSPECT) or row[1:].sum() >= SURE_FROM)] \
            if self.check is not None else []
        second = {}
        if suspect:
            second = dict(zip(suspect, self.check.predict([Item(Role.CLIENT, texts[i]) for i in suspect],
                                                          with_lexical=False)[HEAD]))
        out: list[dict[str, Finding]] = [{} for _ in texts]
        for i, row in probs.items():
            for j, label in enumerate(LABELS[1:], start=1):
                if row[j] >= self.threshold:
                    out[i][label] = Finding(float(row[j]), f"engagement model: P({label}) = {row[j]:.2f}")
                elif i in second and row[j] >= self.prefilter and second[i][j] >= self.check_threshold:
                    # Confidence: the geometric mean of the two models' probabilities.
                    p = float(np.sqrt(row[j] * second[i][j]))
                    out[i][label] = Finding(p, f"engagement model: P({label}) = {row[j]:.2f}, "
                                               f"confirmed by {CHECK_MODEL}: {second[i][j]:.3f}")
            if out[i] or i not in second:
                continue
            j = int(np.argmax(row[1:])) + 1
            k = int(np.argmax(second[i][1:])) + 1
            weight = float(row[1:].sum())
            if weight >= SURE_FROM and second[i][k] >= self.check_threshold and ADDRESSED.search(SHARED_WISH.sub(" ", texts[i])):
                out[i][LABELS[k]] = Finding(float(np.sqrt(weight * second[i][k])),
                                            f"{CHECK_MODEL} is sure: P({LABELS[k]}) = {second[i][k]:.3f}, "
                                            f"engagement model P(rupture) = {weight:.2f}")
                continue
            if not _suspectable(texts[i]):
                continue
            # The second opinion must lean towards a rupture too: the n-grams alone are too noisy here.
            if row[j] >= SUSPECT and second[i][k] >= SUSPECT_CHECK:
                out[i][LABELS[j]] = Finding(SUSPECT_CONFIDENCE, f"engagement model suspects: P({LABELS[j]}) = "
                                            f"{row[j]:.2f}, {CHECK_MODEL} leans towards a rupture: "
                                            f"{second[i][k]:.2f} (a rupture only right after advice or criticism)")
        return out


def _suspectable(text: str) -> bool:
    """Whether a suspicion may stand for this turn: on ESConv the suspected turns of under
    five words ("It is long.") and the client's own questions ("how many times should I do
    this") were ordinary replies."""
    return len(text.split()) >= SUSPECT_MIN_WORDS and not text.rstrip().endswith("?") \
        and not QUESTION_START.match(text)


def reads(text: str) -> bool:
    """Whether the model judges this turn. A bare non-answer ("Fine.", "Not really.") is left
    to the rules (``coding.minimal``), which count it only when the client's answers suddenly
    shorten, and so is a turn of fewer than ``MIN_WORDS`` words. Talk about the call itself
    ("You're breaking up a bit. Can you hear me?") is not about the relationship, though its
    words are those of not being heard, and a question asking for information
    (``INFO_QUESTION``) is taking part."""
    return (len(text.split()) >= MIN_WORDS and minimal_answer(text) is None and not CALL_TROUBLE.search(text)
            and not INFO_QUESTION.match(text))


@cache
def load_engagement(directory: str | None = None) -> EngagementModel:
    """The shipped engagement model with its second opinion (or the n-gram model in
    ``directory``, with ``directory/check`` as its second opinion when that exists), loaded
    once per process."""
    if directory:
        return EngagementModel.load(Path(directory), Path(directory) / "check")
    return EngagementModel.load(default_dir(), default_dir(CHECK_MODEL))
