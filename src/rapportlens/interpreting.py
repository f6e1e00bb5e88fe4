"""An interpreted conversation read as the conversation between the people interpreted.

An interpreter relays each side's words to the other. Kept as a speaker, they made a
consultation through an interpreter a "group" of three, with the interpreter holding half
the talk, and their relays of the practitioner's questions were read for the client's risk.
So an interpreter's turns are taken out, and the practitioner and the client are analysed
as talking to each other:

- a relay of words the transcript already has in the transcript's language (the doctor's
  question, or the client's answer written in translation) is left out: those words are
  analysed where they were said;
- a relay of words the transcript does not have in that language ("Mrs Haddad: [speaks
  Arabic]", or her words in Arabic) stands in for them: it becomes that speaker's
  utterance, with what was written kept in ``meta.original``;
- what the interpreter says for themselves (an introduction before anyone has spoken) is
  left out.

The counts go in a warning and in ``meta.interpreting``, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .language import turn_looks_english
from .model import Conversation, Utterance
from .notes import spoken

# A speaker label that names the role: "Interpreter", "Translator 2", "Interpreter (Arabic)".
NAMED = re.compile(r"^(?:the\s+)?(?:interpreter|translator|language\s+line|interpreting\s+service)"
                   r"(?:\s*\d+|\s*\([^)]*\)|\s*-\s*\w+)?$", re.IGNORECASE)
MIN_WORDS = 1  # fewer spoken words than this, and a turn has nothing in the transcript's language


def interpreters_in(conv: Conversation, given: Sequence[str] = ()) -> list[str]:
    """The speakers who interpret: named with ``--interpreter``, or whose label names the role.
    A conversation of two speakers has nobody to interpret between, so none there."""
    wanted = {" ".join(n.split()).lower() for n in given}
    found = [s.name for s in conv.speakers if s.name.lower() in wanted or NAMED.match(s.name)]
    return found if len(conv.speakers) - len(found) >= 2 else []


def _in_transcript_language(text: str) -> bool:
    words = spoken(text)
    return len(words.split()) >= MIN_WORDS and turn_looks_english(words)


def without_interpreters(conv: Conversation, interpreters: Sequence[str]) -> Conversation:
    """``conv`` with the interpreters' turns taken out or standing in for the words they relay."""
    if not interpreters:
        return conv
    names = set(interpreters)
    kept: list[Utterance] = []
    left_out = stood_in = own = 0
    relayed: str | None = None  # the last speaker who is not an interpreter
    for u in conv.utterances:
        if u.speaker not in names:
            relayed = u.speaker
            kept.append(u)
            continue
        if relayed is None:
            own += 1
            continue
        # What the relayed speaker said in their last turn, as kept so far; a relay already
        # standing in for some of it is not theirs to judge.
        start = len(kept)
        while start and kept[start - 1].speaker == relayed:
            start -= 1
        said = [v for v in kept[start:] if "relayed_by" not in v.meta]
        if any(_in_transcript_language(v.text) for v in said):
            left_out += 1
            continue
        stood_in += 1
        kept[start:] = [v for v in kept[start:] if "relayed_by" in v.meta]
        kept.append(Utterance(0, relayed, u.text, u.start, u.end, u.line,
                              {**u.meta, "relayed_by": u.speaker, "original": " ".join(v.text for v in said)}))
    utterances = [replace(u, index=i) for i, u in enumerate(kept)]
    speakers = [s for s in conv.speakers if s.name not in names]
    who = ", ".join(sorted(names))
    meta = {**conv.meta, "interpreting": {"interpreters": sorted(names), "relays_left_out": left_out,
                                          "relays_standing_in": stood_in, "own_words_left_out": own}}
    out = conv.replaced(utterances=utterances, speakers=speakers, meta=meta)
    parts = [f"{left_out} relay(s) of words the transcript already has were left out"]
    if stood_in:
        parts.append(f"{stood_in} stand in for words not in English (what was written is kept in meta.original)")
    if own:
        parts.append(f"{own} utterance(s) in the interpreter's own voice were left out")
    others = " and ".join(s.name for s in speakers)
    out.warn(f"{who} read as interpreting (given with --interpreter, or so labelled): {others} are analysed as "
             "talking to each other; " + "; ".join(parts) + f". To keep {who} as a speaker, rename them in the transcript")
    return out
