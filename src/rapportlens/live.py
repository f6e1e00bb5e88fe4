"""The same analysis, utterance by utterance (SPEC section 9, live): for a conversational agent
or a live coaching aid that needs a rapport signal, and risk at once, while the talk goes on.

>>> live = LiveSession(practitioner="Agent")                  # doctest: +SKIP
>>> update = live.add("User", "Honestly I can't see the point any more.")  # doctest: +SKIP
>>> update.risk, update.recent["overall"]                      # doctest: +SKIP

Each utterance is coded once: its codes depend only on it and the two utterances before it,
which do not change as the talk goes on, so the coding and risk models never read an
utterance twice. The measures over the whole conversation (dimensions, ruptures, feedback)
are computed again after each utterance from the codes; they are what ``analyze`` would give
for the conversation so far.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError
from .model import Conversation, Role, Speaker, Utterance
from .pipeline import Pipeline, default_pipeline
from .rapport.risk import is_unsure

RECENT = 20  # utterances the "recent" scores read: the timeline's window
# Pitfalls found in the first few utterances are mostly the arithmetic of a short talk (two
# utterances, one of them long, are "dominant talk"): nudges wait until there is a session.
NUDGE_FROM = 8


@dataclass
class Update:
    """What one new utterance changed."""

    utterance: int  # its index
    speaker: str
    codes: list[dict[str, Any]]  # its codes (``codes`` feature, this utterance)
    risk: list[dict[str, Any]]  # risk flags on it (``risk`` feature entries), sure ones first
    ruptures: list[dict[str, Any]]  # ruptures that begin, or are repaired, at this utterance
    nudges: list[dict[str, Any]]  # pitfalls found for the first time now, each with what to try
    overall: float | None  # the conversation so far
    recent: dict[str, Any]  # the last RECENT utterances, as a timeline window: start, end, overall, dimensions
    conversation: Conversation = field(repr=False)  # analysed so far: every feature, as ``analyze`` gives

    @property
    def needs_review(self) -> bool:
        """Risk language in this utterance that is not the model's unsure reading."""
        return any(not is_unsure(r) for r in self.risk)

    def to_dict(self) -> dict[str, Any]:
        return {"utterance": self.utterance, "speaker": self.speaker, "codes": self.codes, "risk": self.risk,
                "needs_review": self.needs_review, "ruptures": self.ruptures, "nudges": self.nudges,
                "overall": self.overall, "recent": self.recent}


class _Remembering:
    """A coder that codes each item once (an item is an utterance with its context)."""

    def __init__(self, coder) -> None:
        self.coder = coder
        self.done: dict = {}

    def code(self, items, progress=None, probs=None):
        new = [item for item in dict.fromkeys(items) if item not in self.done]
        if new:
            self.done.update(zip(new, self.coder.code(new)))
        return [self.done[item] for item in items]


def _remembering_assess(assess):
    done: dict[tuple[str, bool], list] = {}

    def run(texts: Sequence[str], use_model: bool = True) -> list:
        new = [t for t in dict.fromkeys(texts) if (t, use_model) not in done]
        if new:
            done.update(zip(((t, use_model) for t in new), assess(new, use_model)))
        return [done[(t, use_model)] for t in texts]

    return run


class LiveSession:
    """A conversation analysed as it happens. ``practitioner``: the speaker who runs it (an
    agent, a coach); everyone else is a client (or a member, with ``group=True``)."""

    def __init__(self, practitioner: str | Sequence[str], *, group: bool = False, id: str = "live",
                 pipeline: Pipeline | None = None, recent: int = RECENT) -> None:
        names = [practitioner] if isinstance(practitioner, str) else list(practitioner)
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise InputError("a live session needs the practitioner's name",
                             fix="pass practitioner='Agent' (the speaker who runs the conversation)")
        self.practitioners = [" ".join(n.split()) for n in names]
        self.others = Role.MEMBER if group else Role.CLIENT
        self.id = id
        self.recent_size = recent
        self.pipeline = pipeline or default_pipeline()
        for a in self.pipeline.analyzers:
            if a.name == "codes":
                a._coder = _Remembering(a._coder)
            elif a.name == "risk":
                a._assess = _remembering_assess(a._assess)
        self._timeline = next((a for a in self.pipeline.analyzers if a.name == "timeline"), None)
        self.utterances: list[Utterance] = []
        self.speakers: dict[str, Speaker] = {}
        self.seen_ruptures: set[tuple[int, int | None]] = set()
        self.seen_pitfalls: set[str] = set()
        self.conversation: Conversation | None = None

    def add(self, speaker: str, text: str, start: float | None = None, end: float | None = None,
            meta: Mapping[str, Any] | None = None) -> Update:
        """Add one utterance and analyse the conversation so far."""
        speaker = " ".join(str(speaker).split())
        text = " ".join(str(text).split())
        where = f"utterance {len(self.utterances)}"
        if not speaker:
            raise InputError("the speaker is empty", where=where, fix="pass who said it")
        if not text:
            raise InputError("the text is empty", where=where, fix="pass what was said (skip silent turns)")
        if start is not None and self.utterances and (last := self.utterances[-1].start) is not None and start < last:
            raise InputError(f"start time {start} is before the previous utterance's ({last})", where=where,
                             fix="add utterances in the order they were said")
        if speaker not in self.speakers:
            role = Role.PRACTITIONER if speaker in self.practitioners else self.others
            self.speakers[speaker] = Speaker(speaker, role, False, "given to the live session")
        self.utterances.append(Utterance(len(self.utterances), speaker, text, start, end, None, dict(meta or {})))
        conv = self.pipeline(Conversation(self.utterances, list(self.speakers.values()), id=self.id, format="live"))
        self.conversation = conv
        return self._update(conv)

    def _update(self, conv: Conversation) -> Update:
        f = conv.features
        i = len(conv.utterances) - 1
        risk = sorted((r for r in f.get("risk") or [] if r["utterance"] == i), key=is_unsure)
        changed = []
        for r in f.get("ruptures") or []:
            key = (r["start"], r["repair"]["utterance"] if r["repair"] else None)
            if key not in self.seen_ruptures and (r["start"] == i or (r["repair"] and r["repair"]["utterance"] == i)):
                changed.append(r)
            self.seen_ruptures.add(key)
        scores = f.get("scores") or {}
        return Update(i, conv.utterances[i].speaker, f["codes"][i], risk, changed, self._nudges(conv),
                      scores.get("overall"), self._recent(conv), conv)

    def _nudges(self, conv: Conversation) -> list[dict[str, Any]]:
        """Pitfalls (and parts of rushing) found for the first time, from ``NUDGE_FROM``
        utterances on, each with the recommendation that answers it: for live coaching."""
        if len(conv.utterances) < NUDGE_FROM:
            return []
        f = conv.features
        recs = f.get("recommendations") or []
        last = len(conv.utterances) - 1
        out = []
        for p in f.get("pitfalls") or []:
            # A rupture that began just now is not yet unrepaired: the practitioner has had no turn.
            if p["pitfall"] == "unrepaired_rupture" and max(p["evidence"] or [last]) >= last - 1:
                continue
            for key, reason in ([(f"{p['pitfall']}.{q['part']}", q["reason"]) for q in p["parts"]]
                                if p.get("parts") else [(p["pitfall"], p["reason"])]):
                reason = reason.rstrip(".")
                if key in self.seen_pitfalls:
                    continue
                self.seen_pitfalls.add(key)
                said = p["pitfall"].replace("_", " ")
                rec = next((r for r in recs if r["why"].startswith(said) and reason in r["why"]), None) or next(
                    (r for r in recs if r["why"].startswith(said)), None)
                out.append({"pitfall": key, "reason": reason, "try": rec["title"] if rec else None,
                            "example": rec["example"] if rec else None})
        return out

    def _recent(self, conv: Conversation) -> dict[str, Any]:
        """The timeline's reading of the last ``recent`` utterances (empty without a timeline)."""
        n = len(conv.utterances)
        return self._timeline.scores_of(conv, max(0, n - self.recent_size), n) if self._timeline else {}
