"""Coordination measures, checked against hand-computed values."""

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coordination.measures import lsm, pearson, similarity
from rapportlens.coordination.words import category_counts, content_stems, words

ROLES = {"T": Role.PRACTITIONER, "C": Role.CLIENT}


def analysed(pairs, roles=ROLES):
    return rapportlens.analyze(Conversation.from_pairs(pairs, roles=roles))


def test_lsm_formula_matches_ireland_and_pennebaker():
    # 10 words each: A has 2 articles (20 %), B has 1 (10 %): 1 - 10 / 30.0001
    a = {"articles": 2, "negations": 0}
    b = {"articles": 1, "negations": 0}
    out = lsm(a, 10, b, 10)
    assert out["articles"] == pytest.approx(1 - 10 / (30 + 0.0001))
    assert out["negations"] == pytest.approx(1.0)  # both 0: the guard makes it 1


def test_categories_and_content_words():
    tokens = words("I don't think the drinking helps, and I drink alone.")
    counts = category_counts(tokens)
    assert counts["personal_pronouns"] == 2 and counts["articles"] == 1 and counts["negations"] == 1
    stems = content_stems(tokens)
    assert "drink" in stems and stems["drink"] == "drinking"  # one stem for drinking and drink
    assert "the" not in stems.values() and "think" not in stems.values()


def test_similarity_and_pearson():
    assert similarity(10, 10) == 1.0 and similarity(0, 0) == 1.0
    assert similarity(10, 30) == pytest.approx(0.5)
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2], [1, 2]) is None and pearson([1, 1, 1], [1, 2, 3]) is None


def test_entrainment_tempo_and_mirroring_turn_by_turn():
    conv = analysed([
        ("C", "My drinking has got worse since the divorce, honestly."),
        ("T", "Since the divorce the drinking has grown."),
        ("C", "Yes."),
    ])
    f = conv.features
    assert sorted(f["entrainment.reused"][1]) == ["divorce", "drinking"]
    assert f["entrainment.turn"][0] is None and f["entrainment.turn"][1] > 0.5
    assert f["entrainment.score"] == pytest.approx(f["entrainment.turn"][1])  # the practitioner's turns
    assert f["tempo.turn"][1] == pytest.approx(similarity(7, 9))
    assert f["tempo.basis"] == "turn length"
    v = f["affect.valence"]
    assert f["mirroring.turn"][2] == pytest.approx(1 - abs(v[2] - v[1]) / 2)
    assert f["lsm.turn"][2] is None  # "Yes." is under 5 words
    assert f["responses.pairs"] == {("T", "C"): 1, ("C", "T"): 1}


TOUR = [
    ("Guide", "Welcome everyone, what would you like to see first today?"),
    ("Ana", "I would love to see the old harbour and the fish market."),
    ("Ben", "The harbour sounds great, and I like old markets too."),
    ("Chloe", "Could we also stop somewhere for coffee near the harbour?"),
    ("Guide", "Yes, there is a lovely cafe by the harbour market."),
    ("Ben", "Perfect, coffee and the market it is."),
    ("Ana", "I agree with Ben, that sounds like a plan."),
    ("Chloe", "Great, I'm so glad we agree."),
]
TOUR_ROLES = {"Guide": Role.PRACTITIONER, "Ana": Role.MEMBER, "Ben": Role.MEMBER, "Chloe": Role.MEMBER}


def test_four_person_group_gives_a_pairwise_matrix():
    conv = analysed(TOUR, roles=TOUR_ROLES)
    f = conv.features
    assert len(f["lsm.pairs"]) == 6  # every pair of the four speakers
    assert ("Ben", "Ana") in f["responses.pairs"] and f["responses.pairs"][("Ben", "Ana")] == 1
    assert 0 < f["talk.balance"] <= 1
    assert all(0 <= v <= 100 for v in f["rapport.pairs"].values()) and len(f["rapport.pairs"]) >= 4
    from rapportlens.output import to_dict

    out = to_dict(conv)
    assert {p["from"] for p in out["pairs"]["lsm.pairs"]} <= {"Guide", "Ana", "Ben", "Chloe"}
    assert 0 <= out["scores"]["overall"] <= 100


def test_the_group_tables_are_symmetric_matrices_and_the_summary_shows_them():
    from rapportlens.rapport.group_view import group_tables
    from rapportlens.summary import summarize

    conv = analysed(TOUR[:6], roles=TOUR_ROLES)
    g = group_tables(conv)
    assert g.names == ["Guide", "Ana", "Ben", "Chloe"]
    n = len(g.names)
    assert all(g.rapport[i][j] == g.rapport[j][i] for i in range(n) for j in range(n))
    assert all(g.rapport[i][i] is None and g.answers[i][i] == 0 for i in range(n))
    # Ben answered Ana once and Guide once; Ana and Chloe never answered each other.
    assert g.answers[2][1] == 1 and g.answers[2][0] == 1
    assert g.rapport[1][3] is None
    text = summarize(conv)
    assert "Group (4 speakers; participation balance" in text and "answered (row after column)" in text
    # A dyad's one pair is already the rapport score: no group section.
    dyad = analysed(TOUR[:2], roles={"Guide": Role.PRACTITIONER, "Ana": Role.CLIENT})
    assert group_tables(dyad) is None and "Group (" not in summarize(dyad)
