"""Make shipped model folders share one word-embedding table (``coding.shared_weights``).

    python -m rapportlens.training.share_weights src/rapportlens/models/annomi-minilm ...

For each folder, the int8 word-embedding table is taken out of ``model.onnx`` and the graph
is left naming it as external data; the card records the table's digest. The first folder's
table is written to ``models/shared/word_embeddings.npy`` when none is there; every other
folder's table must equal it byte for byte (they do when the models were fine-tuned from
the same base with frozen embeddings, as ``training/trainer.py`` does). A folder already
shared is left as it is. Needs the ``train`` extra (``onnx``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..coding.onnx_model import CARD_FILE, MODEL_FILE, CodingModel
from ..coding.shared_weights import CARD_KEY, FILE, LOCATION, NAME, digest, shared_dir
from ..errors import OptionError


def share(directory: Path, store: Path | None = None) -> str:
    """Take the table out of ``directory``'s graph; returns its digest."""
    import onnx
    from onnx import numpy_helper
    from onnx.external_data_helper import set_external_data

    store = store or shared_dir()
    card_path = directory / CARD_FILE
    card = json.loads(card_path.read_text("utf-8"))
    model = onnx.load(str(directory / MODEL_FILE), load_external_data=False)
    tensor = next((t for t in model.graph.initializer if t.name == NAME), None)
    if tensor is None:
        raise OptionError(f"{directory / MODEL_FILE} has no initializer {NAME}: not a MiniLM model exported by rapportlens")
    if tensor.data_location == onnx.TensorProto.EXTERNAL:
        return card[CARD_KEY]  # shared already
    table = numpy_helper.to_array(tensor)
    path = store / FILE
    if path.is_file():
        if not np.array_equal(np.load(path, allow_pickle=False), table):
            raise OptionError(f"{directory}'s word embeddings differ from {path}; it cannot share them")
    else:
        store.mkdir(parents=True, exist_ok=True)
        np.save(path, table, allow_pickle=False)
    set_external_data(tensor, location=LOCATION, offset=0, length=table.nbytes)
    tensor.ClearField("raw_data")
    tensor.data_location = onnx.TensorProto.EXTERNAL
    onnx.save(model, str(directory / MODEL_FILE))
    card[CARD_KEY] = digest(table)
    card_path.write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    return card[CARD_KEY]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="model folders (model.onnx, card.json)")
    args = ap.parse_args(argv)
    for folder in args.folders:
        before = (folder / MODEL_FILE).stat().st_size
        print(f"{folder}: table {share(folder)}, {before / 1e6:.1f} -> {(folder / MODEL_FILE).stat().st_size / 1e6:.1f} MB")
        CodingModel(folder)  # fails here, not in analyze, if the folder no longer loads


if __name__ == "__main__":
    main()
