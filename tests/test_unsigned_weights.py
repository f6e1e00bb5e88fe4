"""The shipped models' multiplied weights are unsigned, so every x86 processor computes the
same integers (training/unsigned_weights.py)."""

import gzip
import json
import shutil

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

from rapportlens.coding.inputs import Item
from rapportlens.coding.onnx_model import PACKED_MODEL_FILE, CodingModel
from rapportlens.coding.shared_weights import shared_dir
from rapportlens.model import Role
from rapportlens.training.unsigned_weights import (
    OFFSET,
    WEIGHTS,
    convert_folder,
    convert_graph,
    unsigned,
)

SHIPPED = ("annomi-minilm", "risk-minilm", "engagement-minilm")


def _graph(weights: np.ndarray, zero_point: np.ndarray) -> onnx.ModelProto:
    node = helper.make_node("MatMulInteger", ["a", "w", "az", "wz"], ["y"], name="mm")
    graph = helper.make_graph(
        [node], "g",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [None, weights.shape[0]])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [None, weights.shape[1]])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(zero_point, "wz"),
         numpy_helper.from_array(np.array(3, np.uint8), "az")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def _run(model: onnx.ModelProto, a: np.ndarray) -> np.ndarray:
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, {"a": a})[0]


def test_unsigned_keeps_every_difference_from_the_zero_point():
    rng = np.random.default_rng(0)
    w = rng.integers(-128, 128, size=(64, 16)).astype(np.int8)
    zp = rng.integers(-5, 6, size=16).astype(np.int8)
    new, new_zp = unsigned(w, zp)
    assert new.dtype == np.uint8 and new_zp.dtype == np.uint8
    np.testing.assert_array_equal(new.astype(int) - new_zp.astype(int), w.astype(int) - zp.astype(int))


def test_converted_products_are_exact_where_signed_ones_can_saturate():
    # Large weights against large activations: on processors without VNNI the signed
    # products' 16-bit pair sums saturate (2 x 255 x 127 > 32,767); unsigned ones do not.
    rng = np.random.default_rng(1)
    w = rng.choice(np.array([-127, -120, 120, 127], np.int8), size=(128, 32))
    a = rng.integers(200, 256, size=(8, 128)).astype(np.uint8)
    model = _graph(w, np.zeros(32, np.int8))
    assert convert_graph(model) == 1
    assert convert_graph(model) == 0  # already unsigned
    [weights] = [numpy_helper.to_array(i) for i in model.graph.initializer if i.name == "w"]
    assert weights.dtype == np.uint8
    exact = (a.astype(np.int64) - 3) @ w.astype(np.int64)
    np.testing.assert_array_equal(_run(model, a), exact)


def test_every_shipped_encoder_multiplies_unsigned_weights():
    for name in SHIPPED:
        folder = shared_dir().parent / name
        model = onnx.ModelProto()
        model.ParseFromString(gzip.decompress((folder / PACKED_MODEL_FILE).read_bytes()))
        inits = {i.name: i for i in model.graph.initializer}
        matmuls = [n for n in model.graph.node if n.op_type == "MatMulInteger" and n.input[1] in inits]
        assert len(matmuls) >= 37, name  # six layers of six products, and the heads
        for node in matmuls:
            assert inits[node.input[1]].data_type == TensorProto.UINT8, (name, node.name)
            assert set(numpy_helper.to_array(inits[node.input[3]]).ravel()) == {OFFSET}, (name, node.name)
        assert json.loads((folder / "card.json").read_text("utf-8"))["weights"] == WEIGHTS, name


def test_converting_a_shipped_folder_again_changes_nothing(tmp_path):
    folder = tmp_path / "risk"
    shutil.copytree(shared_dir().parent / "risk-minilm", folder)
    before = (folder / PACKED_MODEL_FILE).read_bytes()
    assert convert_folder(folder) == 0
    assert (folder / PACKED_MODEL_FILE).read_bytes() == before
    item = [Item(Role.CLIENT, "I keep telling myself it's temporary.")]
    np.testing.assert_array_equal(CodingModel(folder).predict(item)["risk"],
                                  CodingModel(shared_dir().parent / "risk-minilm").predict(item)["risk"])
