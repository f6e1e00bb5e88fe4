"""Pushback the rupture finder (``rapport.ruptures``) reads from more than one turn: a
standoff (an answer, the position held against it, the objection), a point the
practitioner concedes, and a repair that owns a misstep, each pointing to the client turn
that was the rupture."""

from __future__ import annotations

from ..coding.engagement import HEAD, load_engagement, reads
from ..coding.inputs import Item
from ..coding.rules import TAG
from ..model import Conversation, Role
from .rupture_cues import (
    ACCEPTING,
    ACKNOWLEDGING_CUES,
    AGREEING_NO,
    APOLOGY,
    CONCEDED_LATE,
    CONCEDING_POINT,
    DISCOUNTING,
    GOOD_POINT,
    INSISTING,
    MISSTEP,
    NEGATIVE,
    NOT_OWNING,
    OBJECTING,
    SOFTENING,
    VALIDATED_REACTION,
    YES_BUT,
)
from .rupture_repair import _repair_codes
from .rupture_turns import CONFIDENCE, CONTINUES, CUT_OFF, _asks, _codes, _stems, _text

HOLDING = ("information", "advice", "face_threat")  # practitioner moves that can hold a position


HELD_WORDS = 5  # fewer words than this in a practitioner's turn states or holds no position


# From this P(repair) the repair model's code owns a misstep as the rules' does ("I've been so
# busy with the form that I haven't really heard you."), where the client's turn looks drawn
# back: on ESConv 2 supporter turns without a rule's repair reach it, on AnnoMI none.
OWNING = 0.7


# The engagement model's n-gram P(confrontation) from which a client turn the practitioner
# concedes is pushback (``_concedes_pushback``): the complaints of written sessions the rules
# missed reach 0.23-0.49; a suggestion declined for a preference ("I'm not sure about the
# science side. I'd rather something hands-on." / "Fair enough.") 0.01. On AnnoMI and ESConv
# 16 client turns are answered by a concession at all.
CONCEDED_WEIGHT = 0.2


# ... or the engagement model's second opinion (the encoder, which reads meaning) gives it this
# P(rupture): "You've got me down as some kind of monster." (0.999; n-grams 0.14) / "I can see
# why it feels like that". On AnnoMI and ESConv one client turn of 13,664 answered by a
# concession or by the practitioner naming their reaction as understandable reaches it.
CONCEDED_CHECK = 0.5


def _objects(text: str) -> bool:
    """Whether a client's turn objects in their own name or to the practitioner: words of
    objecting (``OBJECTING``, read without a question tag) in a turn that insists on the
    client's own account or addresses the practitioner (``INSISTING``). "The jobs are not
    there any more" objects to the world, not to the practitioner's position."""
    untagged = TAG.sub(".", text)
    return OBJECTING.search(untagged) is not None and INSISTING.search(untagged) is not None


def _standoff(conv: Conversation, turn, prev, roles):
    """The client's earlier answer that ``turn`` carries on objecting from, when the
    practitioner held to a position against it: the client's answer (``o1``) to the
    practitioner's turn before (``p0``) asks nothing and accepts nothing, the practitioner's
    next turn (``prev``) asks nothing, acknowledges nothing and takes up no content word of
    ``o1``, and ``turn`` accepts nothing and asks nothing; and the client objects (``OBJECTING``,
    read without a question tag, or ``DISCOUNTING``) in ``turn``, or already in ``o1`` when
    ``p0`` was a statement; else None."""
    k = prev.index
    if k < 2:
        return None
    o1, p0 = conv.turns[k - 1], conv.turns[k - 2]
    if o1.speaker != turn.speaker or p0.speaker != prev.speaker or roles[p0.speaker] != Role.PRACTITIONER:
        return None
    text, answer, said = _text(conv, turn), _text(conv, o1), _text(conv, prev)
    # Talk cut across ("Um, I read a bit-" / "Mm-hmm." / "- the old magazines") is one turn
    # broken up, and a few words between are listening, not a position held.
    if (len(said.split()) < HELD_WORDS or len(_text(conv, p0).split()) < HELD_WORDS
            or any(CUT_OFF.search(_text(conv, x)) or CONTINUES.match(_text(conv, x)) for x in (p0, o1, prev, turn))):
        return None
    # The client objects now, or objected already to a statement (a "No" to a question is an answer).
    objects = (_objects(text) or DISCOUNTING.search(text) or (not _asks(conv, p0) and _objects(answer)))
    if (not objects or _asks(conv, o1) or _asks(conv, prev) or (_asks(conv, turn) and not TAG.search(text))
            or any(ACCEPTING.search(conv.utterances[i].text) for i in (*o1.utterances, *turn.utterances))
            or (AGREEING_NO.match(text) and NEGATIVE.search(said))
            or _codes(conv, o1.utterances).get("agreement", 0.0) >= CONFIDENCE):
        return None
    # The held position: no reflection the model is sure of, nothing granted or acknowledged ("I
    # know, but..." grants nothing), and no word of the client's answer taken up.
    held = _codes(conv, prev.utterances)
    reflecting = max((p for c, p in held.items() if c.startswith("reflection.")), default=0.0)
    # After a question, the answer was invited: holding against it takes a turn that informs or
    # advises rather than one the model calls a reflection ("One real conversation instead of six
    # half ones.").
    if _asks(conv, p0) and reflecting >= max((p for c, p in held.items() if c in HOLDING), default=0.0):
        return None
    if (reflecting >= CONFIDENCE
            or _repair_codes(held, said, first=True) or ACKNOWLEDGING_CUES.search(said) or SOFTENING.search(said)
            or (ACCEPTING.match(said) and not YES_BUT.match(said)) or _stems(conv, prev.utterances) & _stems(conv, o1.utterances)):
        return None
    return o1


def _concedes_pushback(conv: Conversation, turn, prev) -> bool:
    """Whether practitioner ``turn`` concedes the point of client turn ``prev``
    (``CONCEDING_POINT``, or "I haven't asked, you're right.") when the engagement model's
    n-grams give ``prev`` some weight as a complaint (``CONCEDED_WEIGHT``), or concedes it or
    names the client's reaction as understandable (``VALIDATED_REACTION``) or calls it a good
    point (``GOOD_POINT``) when its second opinion does (``CONCEDED_CHECK``): "You keep telling me to..., but when am I supposed to fit
    it in?" / "That's a fair point." is pushback conceded, in words no rule may know, where
    "You're right" to a plain statement is agreement."""
    said, text = _text(conv, turn), _text(conv, prev)
    conceding = CONCEDING_POINT.match(said) is not None or CONCEDED_LATE.match(said) is not None
    if not conceding and VALIDATED_REACTION.search(said) is None and GOOD_POINT.match(said) is None:
        return False
    if conceding and float(load_engagement().probabilities([text])[0][1]) >= CONCEDED_WEIGHT:
        return True
    return _read_as_rupture(text)


def _read_as_rupture(text: str) -> bool:
    """Whether the engagement model's second opinion (the encoder) gives a client turn
    ``CONCEDED_CHECK`` or more for a rupture; asked only of turns a practitioner's answer
    already points to."""
    model = load_engagement()
    if model.check is None or not reads(text):
        return False
    return float(model.check.predict([Item(Role.CLIENT, text)], with_lexical=False)[HEAD][0][1:].max()) >= CONCEDED_CHECK


def _owns_misstep(conv: Conversation, turn) -> str | None:
    """The source ("rules" or "model") of a repair code of ``turn`` that owns a misstep, else
    None: a rules' code, or the repair model's from ``OWNING``; not one of ``NOT_OWNING`` read on
    to the next few words, and in a turn that apologises, only with what it is for (``MISSTEP``):
    "Sorry, I'll ease off." after "Ow!" is about the body, not the relationship."""
    for i in turn.utterances:
        text = conv.utterances[i].text
        for c in conv.features["codes"][i]:
            # The repair model's code is a repair attempt like any other, but below OWNING it is
            # too often a supporter's own story ("I felt the same way when...") to mark a rupture.
            if c["code"] == "repair" and c["confidence"] >= (CONFIDENCE if c["source"] == "rules" else OWNING):
                start, end = c.get("evidence") or (0, len(text))
                if NOT_OWNING.search(text[start:end + 20]):
                    continue
                if not APOLOGY.search(text) or MISSTEP.search(text):
                    return c["source"]  # the rules' repair stands alone, so never "model+rules"
    return None
