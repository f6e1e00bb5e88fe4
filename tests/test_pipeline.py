"""The contract every registered analyzer keeps, and the pipeline's up-front check."""

import pickle

import pytest

import rapportlens
from rapportlens import Analyzer, Conversation, FeatureError, Pipeline, PipelineError, plugins
from rapportlens.output import to_dict

ANALYZERS = plugins.load(plugins.ANALYZERS)
SMALL = [("Pat", "How have things been?"), ("Sam", "Hard. I don't know."), ("Pat", "Hard how?")]


def prerequisites(cls):
    """Analyzers that must run first for `cls` (in registry order)."""
    needed = []
    for key in cls.requires:
        provider = next(c for c in ANALYZERS.values() if key in c.assigns)
        needed += [*prerequisites(provider), provider]
    return list(dict.fromkeys(needed))


def run_alone(cls, conv):
    for pre in prerequisites(cls):
        pre()(conv)
    return cls()(conv)


@pytest.mark.parametrize("name", sorted(ANALYZERS))
@pytest.mark.parametrize(
    "pairs",
    [SMALL, [("Solo", "Just me talking."), ("Solo", "Still me?")], [("A", "x")]],
    ids=["dyad", "one-speaker", "one-utterance"],
)
def test_analyzer_contract(name, pairs):
    cls = ANALYZERS[name]
    conv = Conversation.from_pairs(pairs)
    before = (conv.utterances, conv.speakers)
    before_keys = set(conv.features.keys())
    out = run_alone(cls, conv)
    assert out is conv
    added = set(conv.features.keys()) - before_keys
    assert set(cls.assigns) <= added
    assert (conv.utterances, conv.speakers) == before
    again = run_alone(cls, Conversation.from_pairs(pairs))
    assert {k: again.features[k] for k in cls.assigns} == {k: conv.features[k] for k in cls.assigns}
    assert pickle.loads(pickle.dumps(cls())).id == cls().id
    assert cls.description


def test_empty_conversation_goes_through_the_default_pipeline():
    conv = rapportlens.analyze(Conversation([]))
    assert conv.features["talk.turn_count"] == 0 and conv.features["monologue.longest_speaker"] is None


def test_missing_prerequisite_is_a_table_before_any_data():
    with pytest.raises(PipelineError, match=r"talk_balance\.v1\s+text\.words\s+add text_stats before it"):
        Pipeline([ANALYZERS["talk_balance"]()])


def test_two_analyzers_assigning_one_key_is_refused():
    with pytest.raises(PipelineError, match="already assigned by text_stats.v3"):
        Pipeline([ANALYZERS["text_stats"](), ANALYZERS["text_stats"]()])


def test_writing_an_undeclared_assignment_fails():
    class Sneaky(Analyzer):
        name = "sneaky"
        description = "writes what it does not declare"
        assigns = ()

        def apply(self, conversation):
            conversation.features.assign("text.words", [0] * len(conversation))

    with pytest.raises(FeatureError, match="does not list it in `assigns`"):
        Sneaky()(Conversation.from_pairs(SMALL))


def test_provenance_records_analyzers_and_versions():
    conv = rapportlens.analyze(Conversation.from_pairs(SMALL))
    result = to_dict(conv)
    assert [a["analyzer"] for a in result["provenance"]["analyzers"]] == rapportlens.default_pipeline().ids
    assert result["provenance"]["rapportlens"] == rapportlens.__version__
