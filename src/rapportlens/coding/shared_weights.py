"""The word-embedding table and tokenizer that the shipped MiniLM models share.

Every RapportLens model is fine-tuned from all-MiniLM-L6-v2 with its word embeddings frozen
(``training/trainer.py``), so the int8 table (30,522 x 384, 11.7 MB) is the same byte for
byte in each, and each uses that model's tokenizer unchanged. The shipped models (coding,
risk, the engagement model's second opinion) keep one copy of both, in ``models/shared``,
instead of one each, which keeps the default install under 400 MB: their graphs declare
the table as external data that is never on disk beside them, and ``add_shared_weights``
hands onnxruntime this copy instead. The table is stored compressed (``.npz``, 8.0 MB on
disk), since int8 weights of a vocabulary that is mostly rare words compress by a third.
The card says which table and tokenizer a model expects (``shared_word_embeddings``,
``shared_tokenizer``: their digests). A folder written by `rapportlens train` carries its
own table and tokenizer and needs none of this.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import OptionError

NAME = "encoder.embeddings.word_embeddings.weight_quantized"
LOCATION = "shared-word-embeddings.bin"  # what the graph names; the table comes from FILE
FILE = "word_embeddings.npz"
ARRAY = "table"
CARD_KEY = "shared_word_embeddings"
TOKENIZER = "tokenizer.json"
TOKENIZER_KEY = "shared_tokenizer"


def shared_dir() -> Path:
    return Path(str(resources.files("rapportlens").joinpath("models", "shared")))


def digest(data: np.ndarray | bytes) -> str:
    return hashlib.sha256(data if isinstance(data, bytes) else data.tobytes()).hexdigest()[:16]


def load_table(path: Path) -> np.ndarray:
    with np.load(path, allow_pickle=False) as stored:
        return stored[ARRAY]


@cache
def _table() -> tuple[np.ndarray, str]:
    path = shared_dir() / FILE
    if not path.is_file():
        raise OptionError(f"{path} is missing: the shipped models read their word embeddings from it. "
                          "Reinstall rapportlens.")
    table = load_table(path)
    return table, digest(table)


def add_shared_weights(options: Any, card: dict[str, Any], directory: Path) -> list[Any]:
    """Give ``options`` (onnxruntime ``SessionOptions``) the shared table when the model's
    card asks for it. Returns what the session needs kept alive (onnxruntime does not copy
    it); an empty list for a model that carries its own table."""
    want = card.get(CARD_KEY)
    if not want:
        return []
    import onnxruntime as ort

    table, have = _table()
    if have != want:
        raise OptionError(f"{directory} expects the shared word embeddings {want}, but "
                          f"{shared_dir() / FILE} holds {have}. Reinstall rapportlens, or re-export the model.")
    value = ort.OrtValue.ortvalue_from_numpy(table)
    options.add_external_initializers([NAME], [value])
    return [table, value]


def tokenizer_path(card: dict[str, Any], directory: Path) -> Path | None:
    """The model's own ``tokenizer.json`` when it has one, else the shared one its card
    names (checked against the digest); None when it has neither."""
    own = directory / TOKENIZER
    want = card.get(TOKENIZER_KEY)
    if own.is_file() or not want:
        return own if own.is_file() else None
    path = shared_dir() / TOKENIZER
    have = digest(path.read_bytes()) if path.is_file() else "nothing"
    if have != want:
        raise OptionError(f"{directory} expects the shared tokenizer {want}, but {path} holds {have}. "
                          "Reinstall rapportlens, or copy the model's tokenizer.json into its folder.")
    return path
