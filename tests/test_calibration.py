"""Per-class offsets for macro-F1: fitted out of fold, stored with the head, applied at run time."""

import json
import shutil

import numpy as np

from rapportlens.coding.coder import default_model_dir
from rapportlens.coding.inputs import Item
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.model import Role
from rapportlens.training.calibrate import fit_offsets, macro_f1, nested_predictions


def skewed(n=600, seed=0):
    rng = np.random.default_rng(seed)
    gold = rng.choice(3, size=n, p=[0.7, 0.2, 0.1])
    logp = rng.normal(0, 1, (n, 3))
    logp[np.arange(n), gold] += 1.0
    logp[:, 0] += 1.2  # a model that leans towards the common class
    return logp, gold


def test_offsets_raise_macro_f1_on_a_model_biased_to_the_common_class():
    logp, gold = skewed()
    before = macro_f1(gold, logp.argmax(1), 3)
    bias = fit_offsets(logp, gold)
    assert bias[0] == 0 and bias[1] > 0 and bias[2] > 0
    assert macro_f1(gold, (logp + bias).argmax(1), 3) > before + 0.05


def test_nested_predictions_use_offsets_from_the_other_folds_only():
    logp, gold = skewed()
    fold = np.arange(len(gold)) % 5
    pred = nested_predictions(logp, gold, fold)
    assert pred.shape == gold.shape
    assert macro_f1(gold, pred, 3) > macro_f1(gold, logp.argmax(1), 3)


def test_offsets_in_the_card_shift_the_models_probabilities(tmp_path):
    shutil.copytree(default_model_dir(), tmp_path / "m")
    card_path = tmp_path / "m" / "card.json"
    card = json.loads(card_path.read_text())
    head = next(h for h in card["heads"] if h["name"] == "client_talk_type")
    head["offsets"] = [0.0, 0.0, 50.0]  # force "sustain"
    card_path.write_text(json.dumps(card))
    items = [Item(Role.CLIENT, "I really want to stop drinking.", "counsellor: What would you like?")]
    shifted = CodingModel(tmp_path / "m").predict(items)["client_talk_type"][0]
    assert shifted.argmax() == 2 and abs(shifted.sum() - 1) < 1e-4


def test_offsets_are_kept_only_when_they_help_out_of_fold():
    from rapportlens.training.cv_scores import task_result

    labels = ["change", "neutral", "sustain"]
    logp, gold = skewed()
    fold = np.arange(len(gold)) % 5
    result, head = task_result("annomi", "client_talk_type", labels, gold, logp, fold, 5)
    assert head["offsets"] is not None and head["lexical_weight"] is None
    assert result["macro_f1"] > result["uncalibrated"]["macro_f1"]
    assert all(c["offsets"] for c in result["choices_by_fold"])
    # Each fold leans to a different class: offsets fitted on the other folds only hurt.
    rng = np.random.default_rng(0)
    gold = rng.choice(3, size=300)
    logp = rng.normal(0, 1, (300, 3))
    logp[np.arange(300), gold] += 1.5
    fold = np.arange(300) % 5
    for f in range(5):
        logp[fold == f, f % 3] += 1.5
    result, head = task_result("annomi", "client_talk_type", labels, gold, logp, fold, 5)
    assert head["offsets"] is None
    assert result["macro_f1"] == result["uncalibrated"]["macro_f1"]


def _log_probs(gold, signal, rng):
    logits = rng.normal(0, 1, (len(gold), 3))
    logits[np.arange(len(gold)), gold] += signal
    return logits - np.log(np.exp(logits).sum(1, keepdims=True))


def test_the_lexical_weight_follows_the_better_model_out_of_fold():
    from rapportlens.training.cv_scores import task_result

    labels = ["change", "neutral", "sustain"]
    rng = np.random.default_rng(1)
    gold = rng.choice(3, size=900)
    fold = np.arange(900) % 5
    good, noise = _log_probs(gold, 2.5, rng), _log_probs(gold, 0.0, rng)
    _, head = task_result("annomi", "client_talk_type", labels, gold, good, fold, 5, lexical=noise)
    assert head["lexical_weight"] == 0.0  # words that say nothing get no say
    result, head = task_result("annomi", "client_talk_type", labels, gold, noise, fold, 5, lexical=good)
    assert head["lexical_weight"] == 0.75
    assert result["macro_f1"] > result["encoder_alone"]["macro_f1"] + 0.3
    # Two equally good models that err independently: the even mix wins.
    other = _log_probs(gold, 2.5, rng)
    _, head = task_result("annomi", "client_talk_type", labels, gold, good, fold, 5, lexical=other)
    assert head["lexical_weight"] in (0.25, 0.5, 0.75)


def test_the_cross_validation_summary_says_what_the_final_model_chose():
    from rapportlens.report_eval import format_cv
    from rapportlens.training.cv_scores import task_result

    labels = ["change", "neutral", "sustain"]
    rng = np.random.default_rng(2)
    gold = rng.choice(3, size=500)
    fold = np.arange(500) % 5
    result, _ = task_result("annomi", "client_talk_type", labels, gold, _log_probs(gold, 2.0, rng), fold, 5,
                            lexical=_log_probs(gold, 0.0, rng))
    text = format_cv({"folds": 5, "split": "by conversation", "tasks": {"client_talk_type": result}})
    assert "final model: lexical weight 0.0" in text and "encoder alone" in text
    assert f"macro-F1={result['macro_f1']:.3f}" in text and "best published" not in text
    anchored = format_cv({"folds": 5, "split": "by conversation", "tasks": {"client_talk_type": result}},
                         {"client_talk_type": 0.58})
    assert "; best published text-only: 0.58" in anchored
