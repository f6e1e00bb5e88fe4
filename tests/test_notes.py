"""Transcriber's notes (``rapportlens.notes``) and what the ``nonverbal`` analyzer makes of them."""

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.notes import find_notes, kinds, laughs, spoken

P, C = Role.PRACTITIONER, Role.CLIENT


@pytest.mark.parametrize("text,expected", [
    ("[laughs] Where do I start.", [("laughter",)]),
    ("(Laughter)", [("laughter",)]),
    ("[chuckles] yes", [("laughter",)]),
    ("(laughs nervously) I guess", [("laughter",)]),
    ("*sighs* fine", [("sigh",)]),
    ("(sighs and laughs) okay", [("sigh", "laughter")]),
    ("[voice breaking] I miss her", [("crying",)]),
    ("[client starts to cry]", [("crying",)]),
    ("(long pause)", [("silence",)]),
    ("Well (2.0) I think (.) so", [("silence",), ("silence",)]),
    ("[inaudible 00:01:23] again", [("unheard",)]),
    ("[unintelligible 00:02:30]", [("unheard",)]),
    ("[foreign language]", [("unheard",)]),
    ("[speaks Arabic]", [("unheard",)]),
    ("(answers in her own language)", [("unheard",)]),
    ("[speaks softly] yes", []),
    ("(?) maybe", [("unheard",)]),
    ("The kids. [crosstalk] Sorry.", [("overlap",)]),
    ("[shakes head]", [("gesture",)]),
    ("[clears throat] So.", [("sound",)]),
    # Brackets around words are words: a parenthetical, a word the transcriber supplied, a list item.
    ("(which I never do) and [my husband] said", []),
    ("Well (2) I think", []),
    ("[NAME] told me", []),
])
def test_notes_are_known_by_their_words_not_their_brackets(text, expected):
    assert [n.kinds for n in find_notes(text)] == expected


@pytest.mark.parametrize("text,words", [
    ("Yeah. Yeah it was. [pause] I cried in the car park.", "Yeah. Yeah it was. I cried in the car park."),
    ("Yes [laughs].", "Yes."),
    ("[inaudible]", ""),
    ("(which I never do)", "(which I never do)"),
])
def test_spoken_is_the_words_without_the_notes(text, words):
    assert spoken(text) == words


@pytest.mark.parametrize("text,laughing", [
    ("hahaha that's so true", True), ("lol same", True), ("I love it 😂", True), ("LMAO no way", True),
    ("ha", False), ("lollipop", False), ("Haha.", True), ("the hall", False),
])
def test_laughter_typed_in_a_chat_counts(text, laughing):
    assert laughs(text) is laughing
    assert ("laughter" in kinds(text)) is laughing
    assert spoken(text) == text  # typed laughter is the writer's own words


SESSION = [
    ("T", "Hi Sam, how has the week been?"),
    ("C", "Honestly? Chaotic. [laughs] The dog ate my homework sheet."),
    ("T", "[laughs] That's a new one. So the week got away from you."),
    ("C", "Yeah. [sighs] And then my mum rang and I just... [crying] sorry."),
    ("T", "Take your time. That call really shook you."),
    ("C", "She said I'd let everyone down again. (inaudible) I don't know."),
    ("T", "You've been carrying her words all week."),
    ("C", "Yeah. [both laugh] Sorry, I don't know why I'm laughing."),
    ("T", "Sometimes laughing is how we get through it."),
]


@pytest.fixture(scope="module")
def session():
    return rapportlens.analyze(Conversation.from_pairs(SESSION, roles={"T": P, "C": C}))


def test_the_analyzer_finds_laughter_crying_and_unheard_words(session):
    f = session.features
    assert f["nonverbal.notes"][1] == ["laughter"]
    assert f["nonverbal.notes"][3] == ["sigh", "crying"]
    assert f["nonverbal.laughter"] == {"T": [2], "C": [1, 7]}
    assert f["nonverbal.shared_laughter"] == [[1, 2], [7, 7]]
    assert f["nonverbal.crying"] == [3]
    assert f["nonverbal.unheard"] == [5]


def test_notes_are_not_counted_as_words(session):
    assert session.features["text.words"][1] == 8  # Honestly Chaotic The dog ate my homework sheet
    assert session.features["text.words"][5] == 10


def test_shared_laughter_is_a_strength_with_its_utterances(session):
    strength = next(s for s in session.features["strengths"] if s["strength"] == "laughed_together")
    assert strength["evidence"] == [1, 2, 7]
    assert strength["reason"] == "shared laughter twice"


def test_the_summary_says_what_was_noted(session):
    from rapportlens.summary import summarize

    text = " ".join(summarize(session).split())
    assert "T laughed once (utterance 2)" in text and "C laughed twice (utterances 1, 7)" in text
    assert "laughed together twice (utterances 1, 2, 7)" in text
    assert "crying (utterance 3)" in text
    assert "words not made out in 1 utterance (utterance 5)" in text


def test_laughter_alone_in_one_turn_or_nervous_is_not_shared():
    conv = rapportlens.analyze(Conversation.from_pairs([
        ("T", "How did the meeting go?"),
        ("C", "[laughs nervously] Not well."),
        ("T", "[laughs] Tell me more."),
        ("C", "They cut my hours."),
        ("T", "What happened after that?"),
        ("C", "[laughs] I went home."),
        ("C", "[laughs] And slept."),
    ], roles={"T": P, "C": C}))
    assert conv.features["nonverbal.shared_laughter"] == [[1, 2]]
    assert not any(s["strength"] == "laughed_together" for s in conv.features["strengths"])


@pytest.mark.parametrize("text", ["[laughs awkwardly] Yeah.", "(awkward laugh) Sure.", "[forced laugh] Fine."])
def test_uneasy_laughter_is_laughter_but_not_warm(text):
    from rapportlens.notes import laughs_uneasily

    assert laughs(text) and laughs_uneasily(text)
    assert not laughs_uneasily("[laughs] Yeah.")


def test_tears_are_a_moment_a_question_passes_over():
    conv = rapportlens.analyze(Conversation.from_pairs([
        ("T", "What brings you in today?"),
        ("C", "My dad moved into a care home last month."),
        ("T", "How often do you visit him?"),
        ("C", "Every Sunday. [crying] Sorry."),
        ("T", "What do you do when you visit?"),
        ("C", "We watch the football."),
        ("T", "And how long does the drive take?"),
        ("C", "About an hour."),
    ], roles={"T": P, "C": C}))
    rec = next(r for r in conv.features["recommendations"] if r.get("moment"))
    assert rec["moment"]["utterance"] == 3


def test_many_unheard_utterances_are_warned_about(tmp_path):
    path = tmp_path / "gaps.txt"
    path.write_text("A: How was your week?\nB: [inaudible] mostly fine.\nA: And work?\n"
                    "B: (unintelligible) the boss [crosstalk]\nA: Sorry, go on.\nB: [inaudible 00:01:23] again.\n"
                    "A: That sounds hard.\nB: It was.\n", encoding="utf-8")
    conv = rapportlens.read(path)[0]
    note = next(n for n in conv.notices if "could not make out" in n.message)
    assert "3 of 8 utterances (38%)" in note.message and "first at utterance 1" in note.message
    clean = tmp_path / "clean.txt"
    clean.write_text("A: How was your week?\nB: [inaudible] mostly fine.\nA: And work?\nB: Busy.\n", encoding="utf-8")
    assert not any("could not make out" in n.message for n in rapportlens.read(clean)[0].notices)


def test_the_report_marks_shared_laughter(session):
    from rapportlens.report.html import render_html

    html = render_html(session)
    assert "laughed together with 1" in html and "laughed together</span>" in html
