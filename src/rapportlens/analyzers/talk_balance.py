"""Who holds the floor: talk share, turns, turn length and the longest monologue."""

from __future__ import annotations

from collections import Counter

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer
from .text_stats import WORDS

SPEAKER_UTTERANCES = declare("talk.utterances", Level.SPEAKER, "int", "Utterances by this speaker.")
SPEAKER_TURNS = declare(
    "talk.turns", Level.SPEAKER, "int",
    "Turns taken by this speaker (a turn is a run of consecutive utterances by one speaker).",
)
SPEAKER_WORDS = declare("talk.words", Level.SPEAKER, "int", "Words spoken by this speaker.", unit="words")
SHARE = declare(
    "talk.share", Level.SPEAKER, "float",
    "Share of all words in the conversation spoken by this speaker (0-1); 0 when nobody said a word.",
)
SPEAKER_MEAN_TURN = declare(
    "talk.mean_turn_words", Level.SPEAKER, "float",
    "Mean words per turn of this speaker; 0 for a speaker with no turns.", unit="words",
)
TURN_WORDS = declare("turn.words", Level.TURN, "int", "Words in the turn.", unit="words")
N_UTTERANCES = declare("talk.utterance_count", Level.CONVERSATION, "int", "Utterances in the conversation.")
N_TURNS = declare("talk.turn_count", Level.CONVERSATION, "int", "Turns in the conversation.")
MEAN_TURN = declare(
    "talk.mean_turn_length", Level.CONVERSATION, "float",
    "Mean words per turn over all speakers; 0 for an empty conversation.", unit="words",
)
LONGEST_WORDS = declare(
    "monologue.longest_words", Level.CONVERSATION, "int",
    "Words in the longest turn of the conversation (0 if empty).", unit="words",
)
LONGEST_SPEAKER = declare(
    "monologue.longest_speaker", Level.CONVERSATION, "str",
    "Speaker of the longest turn (the earliest one on a tie); null if empty.", nullable=True,
)
LONGEST_UTTERANCES = declare(
    "monologue.longest_utterances", Level.CONVERSATION, "list",
    "Indices of the utterances that make up the longest turn: the evidence for the two above.",
)


class TalkBalance(Analyzer):
    name = "talk_balance"
    description = "Talk share, turn counts, mean turn length and the longest monologue."
    requires = (WORDS.key,)
    assigns = (
        SPEAKER_UTTERANCES.key, SPEAKER_TURNS.key, SPEAKER_WORDS.key, SHARE.key,
        SPEAKER_MEAN_TURN.key, TURN_WORDS.key, N_UTTERANCES.key, N_TURNS.key, MEAN_TURN.key,
        LONGEST_WORDS.key, LONGEST_SPEAKER.key, LONGEST_UTTERANCES.key,
    )

    def apply(self, conversation: Conversation) -> None:
        f = conversation.features
        words = f[WORDS.key]
        names = conversation.speaker_names
        turns = conversation.turns
        turn_words = [sum(words[i] for i in t.utterances) for t in turns]
        utt_count = Counter(u.speaker for u in conversation.utterances)
        turn_count = Counter(t.speaker for t in turns)
        word_count = Counter()
        for t, w in zip(turns, turn_words):
            word_count[t.speaker] += w
        total = sum(word_count.values())

        f.assign(SPEAKER_UTTERANCES.key, {n: utt_count[n] for n in names})
        f.assign(SPEAKER_TURNS.key, {n: turn_count[n] for n in names})
        f.assign(SPEAKER_WORDS.key, {n: word_count[n] for n in names})
        f.assign(SHARE.key, {n: word_count[n] / total if total else 0.0 for n in names})
        f.assign(
            SPEAKER_MEAN_TURN.key,
            {n: word_count[n] / turn_count[n] if turn_count[n] else 0.0 for n in names},
        )
        f.assign(TURN_WORDS.key, turn_words)
        f.assign(N_UTTERANCES.key, len(conversation.utterances))
        f.assign(N_TURNS.key, len(turns))
        f.assign(MEAN_TURN.key, total / len(turns) if turns else 0.0)

        if turns:
            longest = max(range(len(turns)), key=lambda i: (turn_words[i], -i))
            f.assign(LONGEST_WORDS.key, turn_words[longest])
            f.assign(LONGEST_SPEAKER.key, turns[longest].speaker)
            f.assign(LONGEST_UTTERANCES.key, list(turns[longest].utterances))
        else:
            f.assign(LONGEST_WORDS.key, 0)
            f.assign(LONGEST_SPEAKER.key, None)
            f.assign(LONGEST_UTTERANCES.key, [])
