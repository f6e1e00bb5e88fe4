import pytest

from rapportlens import Conversation, FeatureError, Level, declare
from rapportlens.features import get_feature

CONV = [("A", "hello there"), ("B", "hi?"), ("B", "yes")]


def test_undeclared_key_is_refused_with_how_to_declare():
    conv = Conversation.from_pairs(CONV)
    with pytest.raises(FeatureError, match=r"declare\('nope.x'"):
        conv.features.assign("nope.x", 1)


def test_utterance_feature_needs_one_value_per_utterance():
    declare("test.utt", Level.UTTERANCE, "int", "test feature")
    conv = Conversation.from_pairs(CONV)
    with pytest.raises(FeatureError, match="2 values for 3 utterances"):
        conv.features.assign("test.utt", [1, 2])
    conv.features.assign("test.utt", [1, 2, 3])
    assert conv.features["test.utt"] == [1, 2, 3]


def test_types_are_checked_and_nulls_only_when_nullable():
    declare("test.flt", Level.CONVERSATION, "float", "test feature")
    declare("test.opt", Level.CONVERSATION, "float", "test feature", nullable=True)
    conv = Conversation.from_pairs(CONV)
    with pytest.raises(FeatureError, match="declared float"):
        conv.features.assign("test.flt", "high")
    with pytest.raises(FeatureError, match="not nullable"):
        conv.features.assign("test.flt", None)
    conv.features.assign("test.opt", None)
    conv.features.assign("test.flt", 2)


def test_speaker_feature_needs_every_speaker():
    declare("test.spk", Level.SPEAKER, "int", "test feature")
    conv = Conversation.from_pairs(CONV)
    with pytest.raises(FeatureError, match="every speaker"):
        conv.features.assign("test.spk", {"A": 1})
    with pytest.raises(FeatureError, match="'C' is not a speaker"):
        conv.features.assign("test.spk", {"A": 1, "B": 2, "C": 3})


def test_pair_and_turn_levels():
    declare("test.pair", Level.PAIR, "float", "test feature")
    declare("test.turn", Level.TURN, "int", "test feature")
    conv = Conversation.from_pairs(CONV)
    conv.features.assign("test.pair", {("A", "B"): 0.5})
    with pytest.raises(FeatureError, match="2 values for 2 turns|values for 2 turns"):
        conv.features.assign("test.turn", [1, 2, 3])
    conv.features.assign("test.turn", [1, 2])


def test_redeclaring_differently_is_an_error():
    declare("test.same", Level.CONVERSATION, "int", "one")
    declare("test.same", Level.CONVERSATION, "int", "one")
    with pytest.raises(FeatureError, match="already declared"):
        declare("test.same", Level.CONVERSATION, "float", "one")


def test_reading_a_missing_feature_says_what_to_run():
    conv = Conversation.from_pairs(CONV)
    with pytest.raises(FeatureError, match="run an analyzer that assigns it"):
        conv.features["text.words"]


def test_inputs_are_frozen():
    conv = Conversation.from_pairs(CONV)
    with pytest.raises(AttributeError):
        conv.utterances[0].text = "changed"
    with pytest.raises(TypeError):
        conv.utterances[0].meta["x"] = 1
    assert get_feature("text.words").level is Level.UTTERANCE
