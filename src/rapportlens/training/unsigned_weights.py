"""Store an int8 model's multiplied weights as unsigned bytes, so every x86 processor
computes the same integers (docs/history/accuracy.md, "The processor changed int8 results").

    python -m rapportlens.training.unsigned_weights src/rapportlens/models/annomi-minilm ...

onnxruntime multiplies 8-bit activations by *signed* 8-bit weights, on processors without
VNNI (AVX2 only), with an instruction whose 16-bit pair sums saturate; with VNNI nothing
saturates. So one model gave different probabilities on the two kinds of processor (a
repair found on one and missed on the other; 154 ESConv ruptures against 177). Unsigned
weights are multiplied through 16-bit products on every processor, which cannot
saturate. Each ``MatMulInteger`` weight ``w`` (int8, zero point 0) is stored as ``w + 128``
(uint8, zero point 128): the same values on the same grid, so the model's outputs equal
those a VNNI processor computed from the signed weights, and every figure measured there
holds everywhere. 7-bit signed weights would also avoid the saturation, but they are a
coarser grid and moved the risk model's probabilities (a flag on the bundled example).

The word-embedding tables are looked up, not multiplied, and stay as they are. The card
records ``weights`` = ``WEIGHTS``; the version stays, since the model computes the same
numbers. A folder already converted is left as it is. Needs the ``train`` extra (``onnx``).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy as np

from ..coding.onnx_model import CARD_FILE, MODEL_FILE, PACKED_MODEL_FILE, CodingModel
from ..errors import OptionError

OFFSET = 128
WEIGHTS = "uint8 with zero point 128 (exact on every x86 processor)"


def unsigned(weights: np.ndarray, zero_point: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(uint8 weights, their zero points) for int8 ``weights`` with ``zero_point``: the
    same differences w - zero point, each shifted by ``OFFSET``."""
    return ((weights.astype(np.int16) + OFFSET).astype(np.uint8),
            (zero_point.astype(np.int16) + OFFSET).astype(np.uint8))


def convert_graph(model) -> int:
    """Convert every signed ``MatMulInteger`` weight of ``model`` (an ``onnx.ModelProto``) in
    place; how many were converted."""
    from onnx import numpy_helper

    inits = {i.name: i for i in model.graph.initializer}
    changed = 0
    for node in model.graph.node:
        if node.op_type != "MatMulInteger" or node.input[1] not in inits:
            continue
        tensor = inits[node.input[1]]
        zp = inits.get(node.input[3]) if len(node.input) > 3 else None
        weights = numpy_helper.to_array(tensor)
        if weights.dtype == np.uint8:
            continue
        if weights.dtype != np.int8 or zp is None:
            raise OptionError(f"{node.name}: not an int8 weight with a zero point as `rapportlens train` writes it")
        if int(weights.min()) < -OFFSET:
            raise OptionError(f"{node.name}: weight {weights.min()} is outside int8")
        new, new_zp = unsigned(weights, numpy_helper.to_array(zp))
        tensor.CopyFrom(numpy_helper.from_array(new, tensor.name))
        zp.CopyFrom(numpy_helper.from_array(new_zp, zp.name))
        changed += 1
    return changed


def convert_file(path: Path) -> int:
    """Convert the graph in ``path`` (``model.onnx``, or the gzipped ``model.onnx.gz`` of a
    shared folder) in place; how many weights were converted."""
    import onnx

    if path.name == PACKED_MODEL_FILE:
        model = onnx.ModelProto()
        model.ParseFromString(gzip.decompress(path.read_bytes()))
    else:
        model = onnx.load(str(path), load_external_data=False)
    changed = convert_graph(model)
    if changed:
        if path.name == PACKED_MODEL_FILE:
            # mtime 0: the same graph gives the same file (as share_weights writes it).
            path.write_bytes(gzip.compress(model.SerializeToString(), mtime=0))
        else:
            onnx.save(model, str(path))
    return changed


def convert_folder(directory: Path) -> int:
    """Convert a model folder's graph (and a second view's) and record it on its card."""
    graphs = [p for d in (directory, directory / "second-view")
              for p in (d / PACKED_MODEL_FILE, d / MODEL_FILE) if p.is_file()]
    if not graphs:
        raise OptionError(f"{directory} has neither {PACKED_MODEL_FILE} nor {MODEL_FILE}: not a model folder")
    changed = sum(convert_file(p) for p in graphs)
    card_path = directory / CARD_FILE
    card = json.loads(card_path.read_text("utf-8"))
    if card.get("weights") != WEIGHTS:
        card["weights"] = WEIGHTS
        card_path.write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    return changed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="model folders written by `rapportlens train`")
    args = ap.parse_args(argv)
    for folder in args.folders:
        changed = convert_folder(folder)
        print(f"{folder}: {changed} weight tensors stored unsigned" if changed else f"{folder}: already unsigned")
        CodingModel(folder)  # fails here, not in analyze, if the folder no longer loads


if __name__ == "__main__":
    main()
