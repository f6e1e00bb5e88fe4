"""Who cut whom off (analyzers/interruptions.py)."""

import pytest

from rapportlens import Conversation, Role, analyze
from rapportlens.analyzers.interruptions import Interruptions, cut_cue
from rapportlens.summary import summarize

ROLES = {"D": Role.PRACTITIONER, "P": Role.CLIENT}


def found(pairs):
    conv = Conversation.from_pairs(pairs, roles=ROLES)
    Interruptions()(conv)
    return [(x["utterance"], x["interrupted"]) for x in conv.features["interruptions"]], conv


@pytest.mark.parametrize("text,cue", [
    ("And sometimes--", "ends with '--'"),
    ("I was going to-", "ends with '-'"),
    ("It started when\u2014", "ends with '\u2014'"),
    ("My mum had a tumour [interrupted]", "marked [interrupted]"),
    ("We were at the (crosstalk)", "marked (crosstalk)"),
])
def test_a_cut_is_read_from_the_transcripts_marks(text, cue):
    assert cut_cue(text, punctuated=False) == cue


@pytest.mark.parametrize("text", ["That's it.", "Well-being matters.", "I don't know...", "So I", "Mm-hmm"])
def test_finished_turns_trailing_off_and_bare_endings_in_an_unpunctuated_transcript_are_not_cuts(text):
    assert cut_cue(text, punctuated=False) is None


def test_a_bare_ending_on_a_dangling_word_counts_where_the_transcript_punctuates():
    assert cut_cue("My mum had a brain tumour, so I", punctuated=True) == "stops on 'I'"
    assert cut_cue("I went with my sister", punctuated=True) is None  # a sentence can end on a noun


def test_taking_the_floor_counts_but_a_backchannel_or_the_speakers_own_continuation_does_not():
    pairs, conv = found([
        ("D", "Where's the pain?"),
        ("P", "Mostly at the front. And sometimes--"),
        ("D", "Any nausea?"),                      # took the floor: 2 after 1
        ("P", "Some. My mum had a tumour, so-"),
        ("D", "Mm-hmm."),                          # a backchannel: not counted
        ("P", "-so I worry about it."),
        ("D", "That worry makes sense."),
    ])
    assert pairs == [(2, 1)]
    assert conv.features["interruptions.by_speaker"] == {"D": 1, "P": 0}
    assert conv.features["interruptions.count"] == 1
    [x] = conv.features["interruptions"]
    assert x["speaker"] == "D" and x["interrupted_speaker"] == "P" and x["cue"] == "ends with '--'"


def test_a_word_put_in_while_the_cut_off_speaker_carries_on_is_not_taking_the_floor():
    pairs, _ = found([
        ("P", "I'll be talking to Bill, uh-"),
        ("D", "The gym."),
        ("P", "-about the gym, but I haven't yet."),
        ("D", "What's stopping you?"),
    ])
    assert pairs == []


def test_a_marker_opening_the_next_turn_counts_it():
    pairs, _ = found([("P", "I was telling you about my week and"), ("D", "[interrupting] Sorry, we're out of time.")])
    assert pairs == [(1, 0)]


def test_the_summary_and_the_feedback_name_a_practitioner_who_keeps_cutting_in():
    conv = analyze(Conversation.from_pairs([
        ("D", "What brings you in today?"),
        ("P", "I've had headaches for weeks and I'm worried it's something serious."),
        ("D", "Where's the pain?"),
        ("P", "Mostly at the front, behind my eyes. And sometimes--"),
        ("D", "Any nausea or vomiting?"),
        ("P", "Some nausea. My mum had a brain tumour, so--"),
        ("D", "Are you sleeping okay?"),
        ("P", "Not really, no."),
    ], roles=ROLES))
    text = summarize(conv)
    assert "cut off: D took the floor from P mid-sentence twice (utterances 4, 6)" in text
    [rushing] = [p for p in conv.features["pitfalls"] if p["pitfall"] == "rushing"]
    [part] = [p for p in rushing["parts"] if p["part"] == "interrupting"]
    assert part["evidence"] == [4, 6]
    assert any(r["technique"] == "let_finish" for r in conv.features["recommendations"])


def test_a_cut_in_that_reflects_is_not_rushing():
    conv = analyze(Conversation.from_pairs([
        ("D", "What brings you in today?"),
        ("P", "My wife thinks I drink too much, and honestly I'm starting to-"),
        ("D", "You're starting to wonder if she has a point."),
        ("P", "Yeah. And then last week I-"),
        ("D", "It sounds like last week shook you."),
        ("P", "It did."),
    ], roles=ROLES))
    assert len(conv.features["interruptions"]) == 2
    rushing = [p for p in conv.features["pitfalls"] if p["pitfall"] == "rushing"]
    assert not any(q["part"] == "interrupting" for p in rushing for q in p["parts"])
