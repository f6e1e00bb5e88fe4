"""The shipped models share one word-embedding table and tokenizer (coding/shared_weights.py)."""

import json
import shutil

import numpy as np
import pytest

from rapportlens.coding.inputs import Item
from rapportlens.coding.onnx_model import MODEL_FILE, PACKED_MODEL_FILE, CodingModel
from rapportlens.coding.shared_weights import (
    CARD_KEY,
    FILE,
    TOKENIZER,
    TOKENIZER_KEY,
    digest,
    load_table,
    shared_dir,
)
from rapportlens.errors import OptionError
from rapportlens.model import Role

SHIPPED = ("annomi-minilm", "risk-minilm", "engagement-minilm")


def models_dir():
    return shared_dir().parent


def test_the_shipped_models_share_one_table_and_carry_none_of_their_own():
    table = load_table(shared_dir() / FILE)
    assert table.shape == (30522, 384) and table.dtype == np.uint8
    # Stored compressed: the int8 table is 11.7 MB in memory.
    assert (shared_dir() / FILE).stat().st_size < 9e6
    tokenizer = digest((shared_dir() / TOKENIZER).read_bytes())
    for name in SHIPPED:
        card = json.loads((models_dir() / name / "card.json").read_text("utf-8"))
        assert card[CARD_KEY] == digest(table), name
        assert card[TOKENIZER_KEY] == tokenizer and not (models_dir() / name / TOKENIZER).exists(), name
        # The graph holds everything but the table: about half of the 23 MB int8 model,
        # and it is stored gzipped.
        assert not (models_dir() / name / MODEL_FILE).exists(), name
        assert (models_dir() / name / PACKED_MODEL_FILE).stat().st_size < 10.5e6, name
        assert CodingModel(models_dir() / name).tokenizer_path == shared_dir() / TOKENIZER


def shipped_copy(tmp_path, **card_changes):
    """A copy of the shipped engagement encoder's folder with its card changed (None deletes a key)."""
    folder = tmp_path / "model"
    shutil.copytree(models_dir() / "engagement-minilm", folder)
    card = json.loads((folder / "card.json").read_text("utf-8"))
    for key, value in card_changes.items():
        if value is None:
            del card[key]
        else:
            card[key] = value
    (folder / "card.json").write_text(json.dumps(card), "utf-8")
    return folder


def test_a_model_expecting_another_table_says_so(tmp_path):
    folder = shipped_copy(tmp_path, **{CARD_KEY: "0" * 16})
    with pytest.raises(OptionError, match="expects the shared word embeddings 0000000000000000"):
        CodingModel(folder)


def test_a_model_expecting_another_tokenizer_says_so(tmp_path):
    folder = shipped_copy(tmp_path, **{TOKENIZER_KEY: "0" * 16})
    with pytest.raises(OptionError, match="expects the shared tokenizer 0000000000000000"):
        CodingModel(folder)
    # Its own tokenizer, as a trained folder has, is used before any shared one.
    shutil.copy(shared_dir() / TOKENIZER, folder / TOKENIZER)
    assert CodingModel(folder).tokenizer_path == folder / TOKENIZER


def test_a_folder_without_a_tokenizer_is_named(tmp_path):
    folder = shipped_copy(tmp_path, **{TOKENIZER_KEY: None})
    with pytest.raises(OptionError, match="lacks tokenizer.json"):
        CodingModel(folder)


def test_models_sharing_the_table_still_code():
    # The table is what turns words into vectors: without it these would be all alike.
    model = CodingModel(models_dir() / "engagement-minilm")
    p = model.predict([Item(Role.CLIENT, "You never listen to a word I say."),
                       Item(Role.CLIENT, "I went to the shop on Monday and it was fine.")], with_lexical=False)
    [head] = p.values()
    assert head[0].argmax() != head[1].argmax()
