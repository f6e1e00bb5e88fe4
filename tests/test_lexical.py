"""The lexical companion model: n-gram features, fitting, saving, and how a coding model
combines it with the encoder."""

import json
import shutil

import numpy as np

from rapportlens.coding.coder import default_model_dir
from rapportlens.coding.inputs import Item
from rapportlens.coding.lexical import (
    LEXICAL_FILE,
    LexicalModel,
    Vocabulary,
    char_grams,
    word_grams,
)
from rapportlens.coding.onnx_model import CodingModel, log_softmax, softmax
from rapportlens.datasets import Example
from rapportlens.model import Role
from rapportlens.training.lexical import fit_lexical

P, C = Role.PRACTITIONER, Role.CLIENT
HEADS = [{"name": "kind", "labels": ["question", "reflection", "other"], "role": None},
         {"name": "open", "labels": ["closed", "open"], "role": None}]
PHRASES = {
    "question": ["what brings you here today?", "how did that go for you?", "what would you like to change?"],
    "reflection": ["it sounds like you feel stuck.", "it sounds like work is heavy.", "so you feel torn about it."],
    "other": ["hello and welcome.", "okay, thank you.", "let us stop there for today."],
}


def examples(repeat: int = 4) -> list[Example]:
    out = []
    for r in range(repeat):
        for label, texts in PHRASES.items():
            for t in texts:
                labels = {"kind": label}
                if label == "question":
                    labels["open"] = "open" if t.startswith(("what", "how")) and r % 2 == 0 else "closed"
                out.append(Example(Item(P, t, "client: I am not sleeping."), labels, f"g{r}", "test"))
    return out


def test_word_and_character_grams():
    assert word_grams("It sounds like you") == ["it", "sounds", "like", "you", "it sounds", "sounds like",
                                                "like you"]
    assert char_grams("Hi") == [" h", "hi", "i ", " hi", "hi ", " hi "]
    assert char_grams("") == []


def test_fitted_model_codes_what_it_was_shown():
    model = fit_lexical(examples(), HEADS, context_chars=160)
    logp = model.predict_log([Item(P, "It sounds like you are stuck."), Item(P, "What brings you in?")])
    kind = HEADS[0]["labels"]
    assert [kind[i] for i in logp["kind"].argmax(1)] == ["reflection", "question"]
    assert np.allclose(np.exp(logp["kind"]).sum(1), 1) and np.allclose(np.exp(logp["open"]).sum(1), 1)
    assert logp["open"].shape == (2, 2)


def test_saved_model_gives_the_same_probabilities(tmp_path):
    model = fit_lexical(examples(), HEADS, context_chars=160)
    model.save(tmp_path)
    again = LexicalModel.load(tmp_path)
    items = [Item(P, "so you feel torn", "client: I don't know"), Item(C, "zzz unseen words only")]
    a, b = model.predict_log(items), again.predict_log(items)
    for head in a:
        assert np.abs(a[head] - b[head]).max() < 1e-2  # weights are stored as float16
    assert again.context_chars == 160 and set(again.heads) == {"kind", "open"}


def test_a_class_never_seen_in_training_is_never_predicted_from_words():
    data = [e for e in examples() if e.labels["kind"] != "other"]
    model = fit_lexical(data, HEADS[:1], context_chars=160)
    logp = model.predict_log([Item(P, "hello and welcome.")])["kind"][0]
    assert logp[2] < -20 and np.isclose(np.exp(logp).sum(), 1)


def test_text_with_no_known_feature_gets_the_priors():
    model = fit_lexical(examples(), HEADS, context_chars=160)
    [row] = model.predict_log([Item(None, "", "")])["kind"]
    assert np.isfinite(row).all()


def test_coding_model_combines_encoder_and_lexical_model(tmp_path):
    shutil.copytree(default_model_dir(), tmp_path / "m")
    (tmp_path / "m" / LEXICAL_FILE).unlink(missing_ok=True)
    card = json.loads((tmp_path / "m" / "card.json").read_text())
    for h in card["heads"]:
        h.pop("offsets", None)
        h["lexical_weight"] = 0.5
    (tmp_path / "m" / "card.json").write_text(json.dumps(card))
    items = [Item(C, "I really want to stop drinking.", "counsellor: What would you like?")]
    encoder_only = CodingModel(tmp_path / "m").predict(items)["client_talk_type"][0]
    # One feature that the words of the item carry, pushing hard towards "sustain".
    vocab = Vocabulary({"w|drinking": 0}, np.ones(1))
    lex = LexicalModel(vocab, {"client_talk_type": (np.array([[0.0, 0.0, 40.0]]), np.zeros(3))}, 160)
    lex.save(tmp_path / "m")
    both = CodingModel(tmp_path / "m").predict(items)["client_talk_type"][0]
    expected = softmax(0.5 * np.log(encoder_only) + 0.5 * log_softmax(np.array([0.0, 0.0, 40.0])))
    assert both.argmax() == 2
    assert np.abs(both - expected).max() < 1e-4
    assert np.abs(CodingModel(tmp_path / "m").predict(items, with_lexical=False)["client_talk_type"][0]
                  - encoder_only).max() < 1e-6
    # The weight chosen in cross-validation is read from the card.
    for h in card["heads"]:
        h["lexical_weight"] = 0.25 if h["name"] == "client_talk_type" else 0.0
    (tmp_path / "m" / "card.json").write_text(json.dumps(card))
    quarter = CodingModel(tmp_path / "m").predict(items)["client_talk_type"][0]
    expected = softmax(0.75 * np.log(encoder_only) + 0.25 * log_softmax(np.array([0.0, 0.0, 40.0])))
    assert np.abs(quarter - expected).max() < 1e-4


def test_an_empty_vocabulary_still_predicts_the_bias():
    lex = LexicalModel(Vocabulary({}, np.zeros(0)), {"kind": (np.zeros((0, 3)), np.array([0.0, 1.0, 0.0]))}, 160)
    [row] = lex.predict_log([Item(P, "anything")])["kind"]
    assert row.argmax() == 1


def test_a_lexical_model_without_context_ignores_what_came_before():
    model = fit_lexical(examples(), HEADS, context_chars=0)
    assert not any(name.startswith("x|") for name in model.vocabulary.index)
    a = model.predict_log([Item(P, "it sounds like you feel stuck.", "client: I am not sleeping.")])["kind"]
    b = model.predict_log([Item(P, "it sounds like you feel stuck.", "client: something else entirely")])["kind"]
    assert np.allclose(a, b)


def test_epitome_lexical_models_leave_the_seekers_post_out():
    from rapportlens.training.settings import lexical_context_chars, settings_for

    assert lexical_context_chars("epitome", settings_for("epitome", {})) == 0
    assert lexical_context_chars("annomi", settings_for("annomi", {})) == 160
