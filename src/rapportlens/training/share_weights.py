"""Make shipped model folders share one word-embedding table and tokenizer (``coding.shared_weights``).

    python -m rapportlens.training.share_weights src/rapportlens/models/annomi-minilm ...

For each folder, the int8 word-embedding table is taken out of ``model.onnx`` and the graph
is left naming it as external data, stored gzipped as ``model.onnx.gz``; the card records
the table's digest. The first folder's
table is written to ``models/shared/word_embeddings.npz`` when none is there; every other
folder's table must equal it byte for byte (they do when the models were fine-tuned from
the same base with frozen embeddings, as ``training/trainer.py`` does). The folder's
``tokenizer.json`` moves to ``models/shared`` the same way (it is the base model's, so the
same in each). A folder already shared is left as it is. Needs the ``train`` extra (``onnx``).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy as np

from ..coding.onnx_model import CARD_FILE, MODEL_FILE, PACKED_MODEL_FILE, CodingModel
from ..coding.shared_weights import (
    ARRAY,
    CARD_KEY,
    FILE,
    LOCATION,
    NAME,
    TOKENIZER,
    TOKENIZER_KEY,
    digest,
    load_table,
    shared_dir,
)
from ..errors import OptionError


def share(directory: Path, store: Path | None = None) -> str:
    """Take the table and tokenizer out of ``directory`` and gzip its graph; returns the
    table's digest."""
    import onnx
    from onnx import numpy_helper
    from onnx.external_data_helper import set_external_data

    store = store or shared_dir()
    card_path = directory / CARD_FILE
    card = json.loads(card_path.read_text("utf-8"))
    source = directory / MODEL_FILE
    if source.is_file():
        model = onnx.load(str(source), load_external_data=False)
        tensor = next((t for t in model.graph.initializer if t.name == NAME), None)
        if tensor is None:
            raise OptionError(f"{source} has no initializer {NAME}: not a MiniLM model exported by rapportlens")
        if tensor.data_location != onnx.TensorProto.EXTERNAL:
            table = numpy_helper.to_array(tensor)
            _store_table(table, directory, store)
            set_external_data(tensor, location=LOCATION, offset=0, length=table.nbytes)
            tensor.ClearField("raw_data")
            tensor.data_location = onnx.TensorProto.EXTERNAL
            card[CARD_KEY] = digest(table)
        # mtime 0: the same graph gives the same file.
        (directory / PACKED_MODEL_FILE).write_bytes(gzip.compress(model.SerializeToString(), mtime=0))
        source.unlink()
    shared_tokenizer = _share_tokenizer(directory, store)
    if shared_tokenizer is not None:
        card[TOKENIZER_KEY] = shared_tokenizer
    card_path.write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    return card[CARD_KEY]


def _store_table(table: np.ndarray, directory: Path, store: Path) -> None:
    path = store / FILE
    if path.is_file():
        if not np.array_equal(load_table(path), table):
            raise OptionError(f"{directory}'s word embeddings differ from {path}; it cannot share them")
        return
    store.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **{ARRAY: table})


def _share_tokenizer(directory: Path, store: Path) -> str | None:
    """Move the folder's tokenizer to ``store``; its digest, or None when it has none left."""
    own = directory / TOKENIZER
    if not own.is_file():
        return None
    data = own.read_bytes()
    path = store / TOKENIZER
    if path.is_file() and path.read_bytes() != data:
        raise OptionError(f"{own} differs from {path}; it cannot share it")
    store.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    own.unlink()
    return digest(data)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="model folders (model.onnx, tokenizer.json, card.json)")
    args = ap.parse_args(argv)
    for folder in args.folders:
        before = sum(f.stat().st_size for f in folder.iterdir())
        table = share(folder)
        after = sum(f.stat().st_size for f in folder.iterdir())
        print(f"{folder}: table {table}, folder {before / 1e6:.1f} -> {after / 1e6:.1f} MB")
        CodingModel(folder)  # fails here, not in analyze, if the folder no longer loads


if __name__ == "__main__":
    main()
