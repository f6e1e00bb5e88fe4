"""The context layer: features from neighbours, fitted out of fold, stored in the card."""

import json
import shutil

import numpy as np
import pytest

from rapportlens.coding.coder import Coder, default_model_dir
from rapportlens.coding.context import WINDOW, ContextLayer, TaskLayer, features, utterance_vectors
from rapportlens.coding.inputs import Item
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.errors import OptionError
from rapportlens.model import Role

P, C = Role.PRACTITIONER, Role.CLIENT
HEAD_ROLES = {"therapist": "practitioner", "client": "client"}


def probs_for(n, seed=0):
    rng = np.random.default_rng(seed)
    return {"therapist": rng.dirichlet([1, 1], n), "client": rng.dirichlet([1, 1, 1], n)}


def test_a_heads_probabilities_appear_only_for_the_role_it_codes():
    roles = [P, C, P]
    v = utterance_vectors(probs_for(3), HEAD_ROLES, roles)
    # columns: practitioner, client, then heads in name order (client 3, therapist 2)
    assert v[:, :2].tolist() == [[1, 0], [0, 1], [1, 0]]
    assert np.all(v[0, 2:5] == 0) and np.all(v[1, 5:7] == 0)
    assert np.all(v[1, 2:5] > 0) and np.all(v[0, 5:7] > 0)


def test_neighbours_never_cross_into_another_conversation():
    roles = [P, C, P, C, P, C]
    probs = probs_for(6)
    v = utterance_vectors(probs, HEAD_ROLES, roles)
    d = v.shape[1]
    x = features(probs, HEAD_ROLES, roles, ["a", "a", "a", "b", "b", "b"])
    after = WINDOW.index(1) + 1  # block of the next utterance
    before = WINDOW.index(-1) + 1
    assert np.allclose(x[0, after * d:(after + 1) * d], v[1])
    assert np.all(x[2, after * d:(after + 1) * d] == 0)  # last of "a": no next utterance
    assert np.all(x[3, before * d:(before + 1) * d] == 0)  # first of "b": nothing before
    alone = features({k: p[3:] for k, p in probs.items()}, HEAD_ROLES, roles[3:])
    assert np.allclose(x[3:], alone)


def test_the_rest_of_the_conversation_leaves_the_utterance_out():
    roles = [C, C, C]
    probs = {"client": np.array([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]])}
    x = features(probs, {"client": "client"}, roles)
    d = 2 + 3
    rest = x[0, d * (len(WINDOW) + 1):d * (len(WINDOW) + 2)]
    assert np.allclose(rest[2:], [0, 0.5, 0.5])


def test_fitting_out_of_fold_learns_what_the_neighbours_say():
    from rapportlens.training.context_fit import fit_task

    # A client's label is decided by the counsellor's next turn, which the encoder's
    # own guess for the client utterance barely shows.
    rng = np.random.default_rng(1)
    n = 1200
    roles = [P if i % 2 else C for i in range(n)]
    gold = rng.integers(0, 3, n)
    client = rng.dirichlet([1, 1, 1], n)
    therapist = np.full((n, 2), 0.5)
    for i in range(0, n - 1, 2):
        therapist[i + 1] = [0.9, 0.1] if gold[i] == 0 else [0.1, 0.9] if gold[i] == 1 else [0.5, 0.5]
    probs = {"client": client, "therapist": therapist}
    groups = [f"c{i // 40}" for i in range(n)]
    x = features(probs, HEAD_ROLES, roles, groups)
    rows = np.arange(0, n, 2)
    fold = np.array([int(g[1:]) % 5 for g in groups])[rows]
    layer, pred = fit_task(x[rows], gold[rows], fold, 3)
    assert np.mean(pred == gold[rows]) > 0.9
    assert np.mean(client[rows].argmax(1) == gold[rows]) < 0.5
    again = TaskLayer.from_dict(json.loads(json.dumps(layer.to_dict())))
    assert np.allclose(again.logits(x[rows]), layer.logits(x[rows]), atol=1e-3)


def fake_layer(k_features, favour):
    coef = np.zeros((3, k_features))
    return TaskLayer(np.zeros(k_features), np.ones(k_features), coef, np.array([0.0, 0.0, 0.0]),
                     np.array([0.0, 0.0, 0.0]) + 40 * np.eye(3)[favour])


def test_a_context_layer_in_the_card_is_applied_and_a_broken_one_is_refused(tmp_path):
    shutil.copytree(default_model_dir(), tmp_path / "m")
    card_path = tmp_path / "m" / "card.json"
    card = json.loads(card_path.read_text())
    heads = {h["name"]: h.get("role") for h in card["heads"]}
    items = [Item(P, "What brings you here?"), Item(C, "I want to stop drinking.", "counsellor: What brings you here?")]
    base = CodingModel(tmp_path / "m").predict(items)
    n_features = features(CodingModel(tmp_path / "m").predict(items, raw=True), heads, [P, C]).shape[1]
    layer = ContextLayer({"client_talk_type": fake_layer(n_features, 2)}, heads, {})
    card_path.write_text(json.dumps({**card, "context": layer.to_dict()}))
    layered = CodingModel(tmp_path / "m").predict(items)
    assert layered["client_talk_type"][1].argmax() == 2  # forced to sustain by the layer
    assert np.allclose(layered["therapist_behaviour"], base["therapist_behaviour"])
    coded = Coder(CodingModel(tmp_path / "m")).code(items)
    assert any(c.code == "sustain_talk" and "read in context" in c.reason for c in coded[1])
    assert not any("read in context" in c.reason for c in coded[0])
    card_path.write_text(json.dumps({**card, "context": {**layer.to_dict(), "features_version": 99}}))
    with pytest.raises(OptionError, match="context layer"):
        CodingModel(tmp_path / "m")
