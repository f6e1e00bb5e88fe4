"""The model-free measures, checked on conversations small enough to count by hand."""

import pytest

import rapportlens
from rapportlens import Conversation, Utterance


def analysed(pairs):
    return rapportlens.analyze(Conversation.from_pairs(pairs))


def test_talk_share_turns_and_monologue():
    conv = analysed([
        ("T", "How are you?"), ("C", "Fine, thanks."), ("C", "Well, mostly fine, I suppose."),
        ("T", "Mostly?"),
    ])
    f = conv.features
    assert f["text.words"] == [3, 2, 5, 1]
    assert f["talk.words"] == {"T": 4, "C": 7}
    assert f["talk.share"]["C"] == pytest.approx(7 / 11)
    assert f["talk.turns"] == {"T": 2, "C": 1} and f["talk.turn_count"] == 3
    assert f["turn.words"] == [3, 7, 1]
    assert f["talk.mean_turn_words"] == {"T": 2.0, "C": 7.0}
    assert f["talk.mean_turn_length"] == pytest.approx(11 / 3)
    assert f["monologue.longest_speaker"] == "C" and f["monologue.longest_utterances"] == [1, 2]
    assert f["questions.marks"] == [1, 0, 0, 1] and f["questions.utterances"] == {"T": 2, "C": 0}
    assert f["questions.rate"]["T"] == 1.0


def test_words_count_contractions_and_ignore_punctuation():
    conv = analysed([("A", "I don't know — it's 3 o'clock..."), ("B", "...")])
    assert conv.features["text.words"] == [6, 0]


def test_latency_and_overlap_when_timed():
    utts = [
        Utterance(0, "A", "Hello?", 0.0, 2.0),
        Utterance(1, "B", "Hi.", 2.5, 3.0),
        Utterance(2, "A", "So...", 2.8, 4.0),
        Utterance(3, "A", "anyway", 4.5, 5.0),
        Utterance(4, "B", "Yes", 6.0, 6.5),
    ]
    conv = rapportlens.analyze(Conversation(utts))
    f = conv.features
    assert f["timing.latency"] == [None, 0.5, pytest.approx(-0.2), None, 1.0]
    assert f["timing.overlap"] == [None, 0.0, pytest.approx(0.2), None, 0.0]
    assert f["timing.overlaps"] == {"A": 1, "B": 0} and f["timing.overlap_count"] == 1
    assert f["timing.mean_latency"] == {"A": None, "B": 0.75}
    assert f["timing.talk_seconds"]["A"] == pytest.approx(3.7)
    assert f["timing.duration"] == 6.5 and f["timing.timed_share"] == 1.0


def test_untimed_conversation_has_null_timing():
    f = analysed([("A", "x"), ("B", "y")]).features
    assert f["timing.latency"] == [None, None] and f["timing.duration"] is None
    assert f["timing.mean_latency_all"] is None
