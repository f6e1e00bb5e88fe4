"""A practitioner's utterance coded sentence by sentence: a reflection that shares an
utterance with a question (or a question inside advice) gets its own code and evidence."""

import pytest

from rapportlens.coding.coder import Coder, load_model
from rapportlens.coding.inputs import Item
from rapportlens.coding.sentences import codable_sentences, needed, sentence_act, sentence_spans
from rapportlens.model import Role

P, C = Role.PRACTITIONER, Role.CLIENT
CONTEXT = "client: I nearly fell getting out of bed. My wife was frightened."


def pieces(text):
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ("It sounds hard. What happened next?", ["It sounds hard.", "What happened next?"]),
    ("Dr. Smith said you'd come at 3. How was the drive?", ["Dr. Smith said you'd come at 3.", "How was the drive?"]),
    ("So... what happened then?", ["So... what happened then?"]),
    ("You said \"never again.\" Is that still true?", ["You said \"never again.\"", "Is that still true?"]),
    ("  One thing.   Another thing!  ", ["One thing.", "Another thing!"]),
    ("no punctuation at all", ["no punctuation at all"]),
])
def test_sentence_spans(text, expected):
    assert pieces(text) == expected


def test_only_utterances_of_several_sentences_are_split_and_short_pieces_are_left_out():
    assert codable_sentences("It sounds like you've been let down by everyone.") == []
    text = "Okay. It sounds like you've been let down. What would help?"
    assert [text[a:b] for a, b in codable_sentences(text)] == ["It sounds like you've been let down.", "What would help?"]


@pytest.mark.parametrize("sentence,act", [
    ("What would help right now?", "question"),
    ("You know what?", None),
    ("Is that right?", None),
    ("You've been carrying this on your own for months.", "reflection"),
    ("Being dizzy without warning sounds really unsettling.", "reflection"),
    ("This is really important.", None),  # a statement about the topic, not about the person
    ("So the evidence leaned the other way.", "reflection"),  # a summary, naming nobody
    ("So, the drinking started after the divorce.", "reflection"),
    ("So I want to ask a bit about your sleep.", "reflection"),  # about "you", as before
    ("So let's look at the week ahead.", None),  # the practitioner's own plan
    ("So first, a bit about how this works.", None),
])
def test_which_act_a_sentence_may_add(sentence, act):
    assert sentence_act(sentence) == act


@pytest.mark.parametrize("sentence,needs", [
    ("So the evidence leaned the other way.", 0.8),  # names nobody: the model must be surer
    ("So you've been carrying this alone.", 0.6),
    ("What would help right now?", 0.6),
])
def test_a_summary_that_names_nobody_needs_a_surer_model(sentence, needs):
    assert needed(sentence, sentence_act(sentence), 0.6) == needs


@pytest.fixture(scope="module")
def coder():
    return Coder(load_model())


def coded(coder, text, role=P):
    return coder.code([Item(role, text, CONTEXT)])[0]


def test_a_reflection_before_a_question_is_coded_with_that_sentence_as_evidence(coder):
    text = "It sounds like you've been let down by everyone around you. What would help right now?"
    codes = {c.code: c for c in coded(coder, text)}
    assert "question.open" in codes
    reflection = codes.get("reflection.complex") or codes.get("reflection.simple")
    assert reflection is not None
    assert text[slice(*reflection.span)] == "It sounds like you've been let down by everyone around you."
    assert reflection.reason.startswith("model on the sentence alone: therapist_behaviour=reflection")
    # Read as a whole, the utterance is only a question to the model.
    whole = coder.code([Item(P, "What would help right now?", CONTEXT)])[0]
    assert not {c.code for c in whole} & {"reflection.simple", "reflection.complex"}


def test_a_summary_opening_a_socratic_question_is_a_reflection_but_a_statement_of_importance_is_not(coder):
    context = "client: I was sure they'd all laugh at me, but two of them said it was good."
    text = "So the evidence leaned the other way. What did the anxiety come down to?"
    codes = {c.code: c for c in coder.code([Item(P, text, context)])[0]}
    reflection = codes.get("reflection.simple") or codes.get("reflection.complex")
    assert "question.open" in codes and reflection is not None
    assert text[slice(*reflection.span)] == "So the evidence leaned the other way."
    lecture = "So this is really important. Can you take them every morning?"
    assert not {c.code for c in coder.code([Item(P, lecture, context)])[0]} & {"reflection.simple", "reflection.complex"}


def test_a_question_after_advice_is_coded_with_its_form(coder):
    text = "I'd recommend cutting down to two drinks a day. Would you be willing to try that?"
    codes = {c.code: c for c in coded(coder, text)}
    assert "advice" in codes
    assert text[slice(*codes["question.closed"].span)] == "Would you be willing to try that?"


@pytest.mark.parametrize("text", [
    "Okay. So what brings you in today?",
    "Thanks for coming in. Dr. Smith said you'd be here at three. How was the drive?",
])
def test_no_reflection_is_made_up(coder, text):
    assert not {c.code for c in coded(coder, text)} & {"reflection.simple", "reflection.complex"}


def test_clients_are_not_split(coder):
    text = "I stopped them. They made me dizzy and nobody told me. Why would I keep going?"
    codes = coded(coder, text, C)
    assert all(not c.reason.startswith("model on the sentence") for c in codes)


def test_without_a_sentence_threshold_sentences_are_not_read_alone(coder, monkeypatch):
    whole_only = Coder(coder.model, sentence_min=None)
    reads = []
    predict = coder.model.predict
    monkeypatch.setattr(coder.model, "predict", lambda items, **kw: reads.append(len(items)) or predict(items, **kw))
    text = "It sounds like you've been let down by everyone around you. What would help right now?"
    codes = whole_only.code([Item(P, text, CONTEXT)])[0]
    assert reads == [1]  # the utterance once, no sentence run
    assert not any(c.reason.startswith("model on the sentence") for c in codes)
