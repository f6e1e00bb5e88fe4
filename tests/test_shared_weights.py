"""The shipped models share one word-embedding table (coding/shared_weights.py)."""

import json
import shutil

import numpy as np
import pytest

from rapportlens.coding.inputs import Item
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.coding.shared_weights import CARD_KEY, FILE, digest, shared_dir
from rapportlens.errors import OptionError
from rapportlens.model import Role

SHIPPED = ("annomi-minilm", "risk-minilm", "engagement-minilm")


def models_dir():
    return shared_dir().parent


def test_the_shipped_models_share_one_table_and_carry_none_of_their_own():
    table = np.load(shared_dir() / FILE)
    assert table.shape == (30522, 384) and table.dtype == np.uint8
    for name in SHIPPED:
        card = json.loads((models_dir() / name / "card.json").read_text("utf-8"))
        assert card[CARD_KEY] == digest(table), name
        # The graph holds everything but the table: about half of the 23 MB int8 model.
        assert (models_dir() / name / "model.onnx").stat().st_size < 12e6, name


def test_a_model_expecting_another_table_says_so(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(models_dir() / "engagement-minilm", folder)
    card = json.loads((folder / "card.json").read_text("utf-8"))
    card[CARD_KEY] = "0" * 16
    (folder / "card.json").write_text(json.dumps(card), "utf-8")
    with pytest.raises(OptionError, match="expects the shared word embeddings 0000000000000000"):
        CodingModel(folder)


def test_models_sharing_the_table_still_code():
    # The table is what turns words into vectors: without it these would be all alike.
    model = CodingModel(models_dir() / "engagement-minilm")
    p = model.predict([Item(Role.CLIENT, "You never listen to a word I say."),
                       Item(Role.CLIENT, "I went to the shop on Monday and it was fine.")], with_lexical=False)
    [head] = p.values()
    assert head[0].argmax() != head[1].argmax()
