"""Coordination (SPEC section 4): style matching, lexical entrainment, tempo and emotional
mirroring, turn by turn, per pair of speakers and for the conversation.

Consecutive turns always have different speakers, so every turn after the first is read
as a response to the turn before it. Groups need no special case: pairs are formed from
whoever actually answered whom.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from ..coordination.measures import lsm, mean, pearson, similarity
from ..coordination.words import category_counts, content_stems, words
from ..features import Level, declare
from ..model import Conversation, Role
from ..pipeline import Analyzer
from .affect import VALENCE

MIN_WORDS = 5  # turn-by-turn LSM of shorter turns is mostly the 0.0001 guard talking
LOOKBACK = 3  # turns in which an echoed word counts as picked up from the other

LSM_TURN = declare(
    "lsm.turn", Level.TURN, "float",
    "Language style matching of this turn with the turn it answers (0-1; Ireland & Pennebaker "
    f"over nine function-word categories); null for the first turn or either turn under {MIN_WORDS} words.",
    nullable=True,
)
LSM_PAIRS = declare(
    "lsm.pairs", Level.PAIR, "float",
    "Language style matching of two speakers over the whole conversation (0-1).",
)
LSM_SCORE = declare(
    "lsm.score", Level.CONVERSATION, "float",
    "Conversation-level language style matching (0-1): the mean over speaker pairs; null with one speaker.",
    nullable=True,
)
LSM_CATEGORIES = declare(
    "lsm.categories", Level.CONVERSATION, "dict",
    "Style matching per function-word category (0-1), averaged over speaker pairs.",
)
REUSED = declare(
    "entrainment.reused", Level.TURN, "list",
    f"Content words of this turn that another speaker used in the previous {LOOKBACK} turns "
    "(matched by stem): the evidence for lexical entrainment.",
)
ENTRAIN_TURN = declare(
    "entrainment.turn", Level.TURN, "float",
    f"Share of this turn's distinct content words picked up from other speakers' previous {LOOKBACK} "
    "turns (0-1); null for a turn without content words.",
    nullable=True,
)
ENTRAIN_PAIRS = declare(
    "entrainment.pairs", Level.PAIR, "float",
    "For (a, b): share of a's content words, in turns answering b, that re-use b's recent words (0-1).",
)
ENTRAIN_SCORE = declare(
    "entrainment.score", Level.CONVERSATION, "float",
    "Lexical entrainment: mean share of re-used content words over the practitioner's turns "
    "(every speaker's when no practitioner is known); null when no such turn has content words.",
    nullable=True,
)
TEMPO_TURN = declare(
    "tempo.turn", Level.TURN, "float",
    "Tempo matching of this turn with the turn it answers (0-1): 1 - |a-b|/(a+b) over words, "
    "or over speech rate (words per second) when both turns are timed; null for the first turn.",
    nullable=True,
)
TEMPO_SCORE = declare(
    "tempo.score", Level.CONVERSATION, "float", "Mean tempo matching over turns (0-1).", nullable=True,
)
TEMPO_BASIS = declare(
    "tempo.basis", Level.CONVERSATION, "str",
    "What tempo matching compared: 'speech rate' when most turn pairs are timed, else 'turn length'.",
)
MIRROR_TURN = declare(
    "mirroring.turn", Level.TURN, "float",
    "Emotional mirroring of this turn with the turn it answers (0-1): 1 - |valence difference| / 2; "
    "null for the first turn.",
    nullable=True,
)
MIRROR_SCORE = declare(
    "mirroring.score", Level.CONVERSATION, "float", "Mean emotional mirroring over turns (0-1).", nullable=True,
)
MIRROR_R = declare(
    "mirroring.correlation", Level.CONVERSATION, "float",
    "Pearson correlation between the valence of a turn and of the turn that answers it; "
    "null for fewer than 3 turn pairs or constant valence.",
    nullable=True,
)
RESPONSES = declare(
    "responses.pairs", Level.PAIR, "int", "For (a, b): turns by a that directly follow a turn by b.",
)


def _duration(conv: Conversation, idx: tuple[int, ...]) -> float | None:
    first, last = conv.utterances[idx[0]], conv.utterances[idx[-1]]
    if first.start is None or last.end is None or last.end <= first.start:
        return None
    return last.end - first.start


class Coordination(Analyzer):
    name = "coordination"
    description = "Style matching, lexical entrainment, tempo matching and emotional mirroring."
    requires = (VALENCE.key,)
    assigns = (LSM_TURN.key, LSM_PAIRS.key, LSM_SCORE.key, LSM_CATEGORIES.key, REUSED.key, ENTRAIN_TURN.key,
               ENTRAIN_PAIRS.key, ENTRAIN_SCORE.key, TEMPO_TURN.key, TEMPO_SCORE.key, TEMPO_BASIS.key,
               MIRROR_TURN.key, MIRROR_SCORE.key, MIRROR_R.key, RESPONSES.key)

    def apply(self, conversation: Conversation) -> None:
        conv, f = conversation, conversation.features
        turns = conv.turns
        valence = f[VALENCE.key]
        tokens = [[w for i in t.utterances for w in words(conv.utterances[i].text)] for t in turns]
        stems = [content_stems(ts) for ts in tokens]
        cats = [category_counts(ts) for ts in tokens]
        tval = [sum(valence[i] for i in t.utterances) / len(t.utterances) for t in turns]

        lsm_turn, reused, entrain, tempo, mirror = [None], [[]], [None], [None], [None]
        timed_pairs = 0
        for t in range(1, len(turns)):
            a, b = t, t - 1
            if len(tokens[a]) >= MIN_WORDS and len(tokens[b]) >= MIN_WORDS:
                lsm_turn.append(mean(list(lsm(cats[a], len(tokens[a]), cats[b], len(tokens[b])).values())))
            else:
                lsm_turn.append(None)
            heard = {s for p in range(max(0, t - LOOKBACK), t) if turns[p].speaker != turns[t].speaker
                     for s in stems[p]}
            echoed = [stems[t][s] for s in stems[t] if s in heard]
            reused.append(echoed)
            entrain.append(len(echoed) / len(stems[t]) if stems[t] else None)
            da, db = _duration(conv, turns[a].utterances), _duration(conv, turns[b].utterances)
            if da and db:
                timed_pairs += 1
                tempo.append(similarity(len(tokens[a]) / da, len(tokens[b]) / db))
            else:
                tempo.append(similarity(len(tokens[a]), len(tokens[b])))
            mirror.append(1 - abs(tval[a] - tval[b]) / 2)
        if not turns:
            lsm_turn, reused, entrain, tempo, mirror = [], [], [], [], []

        f.assign(LSM_TURN.key, lsm_turn)
        f.assign(REUSED.key, reused)
        f.assign(ENTRAIN_TURN.key, entrain)
        f.assign(TEMPO_TURN.key, tempo)
        f.assign(MIRROR_TURN.key, mirror)
        self._pairs(conv, tokens, cats, stems)
        practitioners = {s.name for s in conv.speakers if s.role == Role.PRACTITIONER}
        mine = [e for t, e in zip(turns, entrain) if t.speaker in practitioners] if practitioners else entrain
        f.assign(ENTRAIN_SCORE.key, mean(mine))
        f.assign(TEMPO_SCORE.key, mean(tempo))
        f.assign(TEMPO_BASIS.key, "speech rate" if timed_pairs * 2 > max(1, len(turns) - 1) else "turn length")
        f.assign(MIRROR_SCORE.key, mean(mirror))
        f.assign(MIRROR_R.key, pearson(tval[:-1], tval[1:]))

    def _pairs(self, conv: Conversation, tokens, cats, stems) -> None:
        f, turns = conv.features, conv.turns
        names = conv.speaker_names
        n_words: Counter = Counter()
        n_cats: dict[str, Counter] = defaultdict(Counter)
        for t, ts, cs in zip(turns, tokens, cats):
            n_words[t.speaker] += len(ts)
            n_cats[t.speaker].update(cs)
        spoke = [n for n in names if n_words[n]]
        per_pair = {(a, b): lsm(n_cats[a], n_words[a], n_cats[b], n_words[b]) for a, b in combinations(spoke, 2)}
        f.assign(LSM_PAIRS.key, {p: mean(list(v.values())) for p, v in per_pair.items()})
        f.assign(LSM_SCORE.key, mean([mean(list(v.values())) for v in per_pair.values()]))
        f.assign(LSM_CATEGORIES.key, {c: mean([v[c] for v in per_pair.values()]) for c in cats[0]} if per_pair else {})

        responses: Counter = Counter()
        reused: Counter = Counter()
        said: Counter = Counter()
        for t in range(1, len(turns)):
            a = turns[t].speaker
            responses[(a, turns[t - 1].speaker)] += 1
            for b in {turns[p].speaker for p in range(max(0, t - LOOKBACK), t)} - {a}:
                heard = {s for p in range(max(0, t - LOOKBACK), t) if turns[p].speaker == b for s in stems[p]}
                said[(a, b)] += len(stems[t])
                reused[(a, b)] += sum(1 for s in stems[t] if s in heard)
        f.assign(RESPONSES.key, dict(responses))
        f.assign(ENTRAIN_PAIRS.key, {p: reused[p] / said[p] for p in said if said[p]})
