"""Datasets, metrics, `rapportlens eval` and `rapportlens train` (the parts that run without torch)."""

import json
import sys

import pytest

from rapportlens import datasets
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.errors import OptionError, RapportLensError
from rapportlens.metrics import score


def test_scores_match_a_hand_worked_example():
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = ["a", "a", "b", "b", "c", "c"]
    s = score("d", "t", ["a", "b", "c"], gold, pred)
    assert s.accuracy == round(4 / 6, 4)
    assert s.per_class["a"].precision == 1.0 and s.per_class["a"].recall == round(2 / 3, 4)
    assert s.per_class["b"].f1 == 0.5 and s.per_class["c"].f1 == round(2 / 3, 4)
    assert s.macro_f1 == round((0.8 + 0.5 + 2 / 3) / 3, 4)
    assert s.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]


def test_a_class_never_seen_still_counts_in_macro_f1():
    s = score("d", "t", ["a", "b"], ["a", "a"], ["a", "a"])
    assert s.per_class["b"].support == 0 and s.macro_f1 == 0.5


def test_unknown_labels_are_refused():
    with pytest.raises(ValueError, match="outside"):
        score("d", "t", ["a"], ["a"], ["z"])


def test_annomi_counts_each_utterance_once_with_its_labels(data):
    ds = datasets.load("annomi", data / "annomi_sample.csv")
    assert len(ds.examples) == len({(e.group, e.where) for e in ds.examples})
    first = ds.examples[0]
    assert first.labels["therapist_behaviour"] == "question"
    assert first.labels["question_subtype"] == "open"
    assert ds.examples[1].labels == {"client_talk_type": "change"}
    assert ds.examples[1].item.context.startswith("counsellor: What would you like")


def test_esconv_and_epitome_adapters(data):
    es = datasets.load("esconv", data / "esconv_sample.jsonl")
    labelled = [e for e in es.examples if e.labels]
    assert labelled and all(e.item.role == "practitioner" for e in labelled)
    assert {e.labels["strategy"] for e in labelled} <= set(es.task("strategy").labels)
    ep = datasets.load("epitome", data / "epitome")
    assert [t.name for t in ep.tasks] == ["emotional_reactions", "interpretations", "explorations"]
    assert len(ep.examples) == 4 and ep.examples[0].labels == {
        "emotional_reactions": "1", "interpretations": "0", "explorations": "2"}
    assert ep.examples[0].item.context.startswith("client: I failed my driving test")
    assert len({e.group for e in ep.examples}) == 3  # split unit: the seeker post


def test_epitome_posts_are_read_as_typed_not_html_escaped(tmp_path):
    # Reddit's export escapes &, < and >; a transcript never does.
    header = "sp_id,rp_id,seeker_post,response_post,level,rationales\r\n"
    row = 's1,r1,"Exams &amp; rent, I can\'t",Hang in there &lt;3 you &amp; me both,1,\r\n'
    for name in ("emotional-reactions-reddit.csv", "interpretations-reddit.csv", "explorations-reddit.csv"):
        (tmp_path / name).write_text(header + row, "utf-8")
    [example] = datasets.load("epitome", tmp_path).examples
    assert example.item.text == "Hang in there <3 you & me both"
    assert example.item.context == "client: Exams & rent, I can't"


def test_missing_dataset_files_name_the_folder(tmp_path):
    with pytest.raises(RapportLensError, match="none of the EPITOME files"):
        datasets.load("epitome", tmp_path)
    with pytest.raises(OptionError, match="unknown dataset"):
        datasets.load("nope", tmp_path)


def test_eval_json_has_one_object_per_task(run, data):
    result = run("eval", "--dataset", "epitome", "--data", str(data / "epitome"), "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["task"] for r in rows] == ["emotional_reactions", "interpretations", "explorations"]
    for r in rows:
        assert {"dataset", "task", "n", "accuracy", "macro_f1", "per_class"} <= set(r)
        assert r["n"] == 4 and set(r["per_class"]) == {"0", "1", "2"}
        assert set(r["per_class"]["0"]) == {"precision", "recall", "f1", "support"}
        assert r["via"] == "codes"  # the shipped model has no EPITOME heads


def test_eval_text_output_scores_annomi_with_the_models_own_heads(run, data):
    result = run("eval", "-d", "annomi", "--data", str(data / "annomi_sample.csv"))
    assert result.exit_code == 0, result.output
    assert "annomi / therapist_behaviour" in result.stdout and "via its own head" in result.stdout
    assert "best published text-only macro-F1 for this task: 0.72" in result.stdout
    assert "confusion" in result.stdout


def test_a_folder_that_is_not_a_model_is_refused(run, tmp_path, data):
    with pytest.raises(OptionError, match="lacks model.onnx"):
        CodingModel(tmp_path)
    result = run("analyze", str(data / "session.csv"), "--model", str(tmp_path))
    assert result.exit_code == 2 and "is not a RapportLens model" in result.stderr


def test_train_without_the_training_extra_says_how_to_install_it(run, data, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # as if torch were not installed
    result = run("train", "-d", "epitome", "--data", str(data / "epitome"), "--out", "x")
    assert result.exit_code == 2
    assert "pip install 'rapportlens[train]'" in result.stderr


def test_train_passes_only_the_settings_the_user_chose(run, data, fake_training):
    seen = fake_training
    result = run("train", "-d", "epitome", "--data", str(data / "epitome"), "--out", "x", "--freeze", "0",
                 "--pooling", "target", "--practitioner-context-chars", "0")
    assert result.exit_code == 0, result.stderr
    assert "its accuracy is not measured yet" in result.stdout and "--dataset epitome --data OTHER" in result.stdout
    # Unset options are left out, so the dataset's own defaults apply (settings_for).
    assert seen["freeze"] == 0 and seen["pooling"] == "target" and seen["practitioner_context_chars"] == 0
    assert "max_length" not in seen and "context_chars" not in seen and "epochs" not in seen
    assert run("train", "-d", "epitome", "--data", str(data / "epitome"), "--out", "x", "--epochs", "4").exit_code == 0
    assert seen["epochs"] == 4
    for bad in (("--freeze", "7"), ("--pooling", "max")):
        assert run("train", "-d", "epitome", "--data", str(data / "epitome"), "--out", "x", *bad).exit_code == 2


def test_training_settings_come_from_the_dataset_then_the_user():
    from rapportlens.training.settings import DEFAULTS, settings_for

    assert settings_for("annomi", {}) == {**DEFAULTS, "second_view": None, "lexical_weight": None}
    # EPITOME's replies are long and its labels describe them: more of the reply, none of the post.
    assert settings_for("epitome", {})["max_length"] > DEFAULTS["max_length"]
    assert settings_for("epitome", {})["context_chars"] == 0
    assert settings_for("epitome", {"max_length": 64})["max_length"] == 64
    # Without --cv an EPITOME model's lexical companion weighs 0.25 (chosen on five folds).
    assert settings_for("epitome", {})["lexical_weight"] == 0.25
    assert settings_for("epitome", {"lexical_weight": 0.5})["lexical_weight"] == 0.5
    # ...and trains twice as many passes over its small training set, unless told otherwise.
    assert settings_for("epitome", {})["epochs"] == 6 and settings_for("annomi", {})["epochs"] == 3
    assert settings_for("epitome", {"epochs": 2})["epochs"] == 2


def test_train_takes_a_lexical_weight_only_where_no_cross_validation_chooses_one(run, data, fake_training):
    seen = fake_training
    args = ("train", "-d", "epitome", "--data", str(data / "epitome"), "--out", "x")
    assert run(*args).exit_code == 0 and "lexical_weight" not in seen  # the dataset's default applies
    assert run(*args, "--lexical-weight", "0.75").exit_code == 0 and seen["lexical_weight"] == 0.75
    for clash in (("--cv", "5"), ("--no-lexical",)):
        result = run(*args, "--lexical-weight", "0.75", *clash)
        assert result.exit_code == 2 and "--lexical-weight is for a model trained without --cv" in result.stderr
    assert run(*args, "--lexical-weight", "1.5").exit_code == 2

def test_coded_transcripts_give_a_task_over_their_own_codes(tmp_path):
    f = tmp_path / "coded.csv"
    f.write_text("speaker,text,code\nT,How are you?,question.open\nC,Fine.,\nT,Well done for coming.,affirmation\n")
    ds = datasets.load("coded", f)
    assert ds.tasks[0].labels == ("affirmation", "question.open")
    assert [dict(e.labels) for e in ds.examples] == [{"code": "question.open"}, {}, {"code": "affirmation"}]
    f.write_text("speaker,text\nT,How are you?\nC,Fine.\n")
    with pytest.raises(RapportLensError, match="training needs at least two"):
        datasets.load("coded", f)


def test_eval_says_when_the_model_learned_from_the_conversations_it_scores(run, data, tmp_path, model_with_card):
    sample = datasets.load("annomi", data / "annomi_sample.csv")
    fingerprints = sample.fingerprints()
    assert len(set(fingerprints.values())) == len(sample.groups())
    one = sorted(fingerprints.values())[:1]
    card = model_with_card.card
    model = model_with_card(tmp_path / "model", {**card, "trained_on": {
        "dataset": "annomi", "conversation_fingerprints": one + ["0" * 16]}})
    result = run("eval", "-d", "annomi", "--data", str(data / "annomi_sample.csv"), "--model", str(model))
    assert result.exit_code == 0, result.output
    assert f"IN-SAMPLE: the model was trained on 1 of these {len(fingerprints)} conversations" in result.stdout
    assert "its cross-validated macro-F1 on conversations it did not see is 0.7" in result.stdout
    result = run("eval", "-d", "annomi", "--data", str(data / "annomi_sample.csv"), "--model", str(model), "--json")
    assert all(json.loads(line)["conversations_trained_on"] == 1 for line in result.stdout.splitlines())
    assert "warning:" in result.stderr and "overstates" in result.stderr
    # Trained on other conversations: nothing to say.
    other = model_with_card(tmp_path / "other", {**card, "trained_on": {
        "dataset": "annomi", "conversation_fingerprints": ["0" * 16]}})
    result = run("eval", "-d", "annomi", "--data", str(data / "annomi_sample.csv"), "--model", str(other), "--json")
    assert all(json.loads(line)["conversations_trained_on"] == 0 for line in result.stdout.splitlines())
    assert "warning" not in result.stderr


def test_a_card_without_fingerprints_is_matched_by_its_training_files(data, tmp_path):
    import hashlib

    from rapportlens.coding.onnx_model import ModelCard
    from rapportlens.evaluation import overlap

    sample = datasets.load("annomi", data / "annomi_sample.csv")
    digest = hashlib.sha256((data / "annomi_sample.csv").read_bytes()).hexdigest()
    card = ModelCard.from_dict({"name": "m", "version": "1", "heads": [], "max_length": 128, "dataset": "annomi",
                                "trained_on": {"files": [{"name": "x.csv", "sha256": digest}]}})
    assert overlap(sample, card).trained_on == len(sample.groups())
    card.info["trained_on"]["files"][0]["sha256"] = "0" * 64
    assert overlap(sample, card).trained_on == 0


def test_the_shipped_card_lists_its_training_conversations():
    from rapportlens.coding.coder import load_model

    trained = load_model().card.info["trained_on"]
    assert len(trained["conversation_fingerprints"]) == trained["conversations"] == 93
