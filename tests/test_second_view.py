"""A model with a second encoder ("two views"): how it is loaded and combined, and how
`rapportlens train` is told to build one (the training itself needs torch: bench/ and
docs/accuracy.md, "Two views")."""

import json
import shutil

import numpy as np
import pytest

from rapportlens.coding.coder import default_model_dir
from rapportlens.coding.inputs import Item
from rapportlens.coding.lexical import log_softmax
from rapportlens.coding.onnx_model import CARD_FILE, SECOND_VIEW_DIR, CodingModel, softmax
from rapportlens.errors import OptionError
from rapportlens.model import Role
from rapportlens.training.settings import settings_for

ITEMS = [Item(Role.CLIENT, "I guess I could cut down a bit.", "counsellor: What would you like to change?"),
         Item(Role.PRACTITIONER, "It sounds like the mornings are hardest.", "client: Mornings are awful.")]


def edit_card(folder, **changes):
    card = json.loads((folder / CARD_FILE).read_text("utf-8"))
    card.update(changes)
    (folder / CARD_FILE).write_text(json.dumps(card), "utf-8")


@pytest.fixture
def two_views(tmp_path):
    """The shipped model with a copy of itself, told to read no earlier talk, as second view."""
    folder = tmp_path / "m"
    shutil.copytree(default_model_dir(), folder)
    shutil.copytree(default_model_dir(), folder / SECOND_VIEW_DIR)
    edit_card(folder / SECOND_VIEW_DIR, context_chars=0, practitioner_context_chars=0)
    edit_card(folder, second_view={"folder": SECOND_VIEW_DIR, "context_chars": 0})
    return folder


def test_the_two_encoders_log_probabilities_are_averaged_before_the_lexical_model(two_views, tmp_path):
    model = CodingModel(two_views)
    assert model.second_view is not None and model.second_view.card.context_chars == 0
    got = model.predict(ITEMS)
    first = model.encoder_logits(ITEMS)
    second = model.second_view.encoder_logits(ITEMS)
    lexical = model.lexical.predict_log(ITEMS)
    for head in model.card.heads:
        mean = (log_softmax(first[head.name]) + log_softmax(second[head.name])) / 2
        value = log_softmax(mean)
        if head.name in lexical and head.lexical_weight > 0:
            value = (1 - head.lexical_weight) * value + head.lexical_weight * lexical[head.name]
        if head.offsets:
            value = value + np.asarray(head.offsets, dtype=np.float32)
        assert np.allclose(got[head.name], softmax(value), atol=1e-5), head.name
    # The second view reads less, so it changes the result.
    single = CodingModel(default_model_dir()).predict(ITEMS)
    assert not np.allclose(got["therapist_behaviour"], single["therapist_behaviour"], atol=1e-4)


def test_a_card_naming_a_missing_second_view_is_refused(two_views):
    shutil.rmtree(two_views / SECOND_VIEW_DIR)
    with pytest.raises(OptionError, match="second view .* missing"):
        CodingModel(two_views)


def test_a_second_view_with_other_heads_is_refused(two_views):
    card = json.loads((two_views / SECOND_VIEW_DIR / CARD_FILE).read_text("utf-8"))
    edit_card(two_views / SECOND_VIEW_DIR, heads=card["heads"][:2])
    with pytest.raises(OptionError, match="heads differ"):
        CodingModel(two_views)


def test_esconv_trains_two_views_by_default_and_the_others_one():
    assert settings_for("esconv", {})["second_view"] == 0
    assert settings_for("annomi", {})["second_view"] is None
    assert settings_for("epitome", {})["second_view"] is None
    assert settings_for("esconv", {"second_view": None})["second_view"] is None


def test_train_takes_the_views_from_the_command_line(run, data, fake_training):
    seen = fake_training
    args = ("train", "-d", "epitome", "--data", str(data / "epitome"), "--out", "x")
    assert run(*args).exit_code == 0 and "second_view" not in seen  # the dataset's default applies
    assert run(*args, "--second-view", "80").exit_code == 0 and seen["second_view"] == 80
    seen.clear()
    assert run(*args, "--one-view").exit_code == 0 and seen["second_view"] is None
    both = run(*args, "--one-view", "--second-view", "0")
    assert both.exit_code == 2 and "contradict" in both.stderr
