"""Run a RapportLens coding model: an ONNX encoder with one classification head per task.

Needs only ``onnxruntime``, ``tokenizers`` and ``numpy``; never torch.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import OptionError
from .inputs import CONTEXT_CHARS, Item, encoder_context, target_text
from .lexical import LEXICAL_FILE, LexicalModel, log_softmax
from .shared_weights import add_shared_weights, tokenizer_path

MODEL_FILE, TOKENIZER_FILE, CARD_FILE = "model.onnx", "tokenizer.json", "card.json"
# The shipped graphs are stored gzipped (training/share_weights.py): 12 % smaller on disk,
# a twentieth of a second to open.
PACKED_MODEL_FILE = MODEL_FILE + ".gz"


def graph_file(directory: Path) -> Path | None:
    """``model.onnx``, else ``model.onnx.gz``, in ``directory``; None when neither is there."""
    return next((p for p in (directory / MODEL_FILE, directory / PACKED_MODEL_FILE) if p.is_file()), None)


def graph(path: Path) -> str | bytes:
    """What ``onnxruntime.InferenceSession`` takes for the graph at ``path``."""
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else str(path)
# One utterance per encoder run. int8 activations are scaled over the whole batch, padding
# included, so in a batch an utterance's probabilities moved with its batch-mates; alone it
# always gets the same ones. With one run per core at once it is also the fastest (no
# padding): 1.15x batches of 8 on 2 cores (bench/README.md).
BATCH_SIZE = 1
# Items tokenised and scored by the lexical model together: both have a cost per call.
CHUNK = 64


def thread_count(threads: int | None = None) -> int:
    """How many encoder runs a model makes at once, one thread each: ``threads``, else
    ``RAPPORTLENS_THREADS`` (batch workers set it so they share the cores), else one per core."""
    return max(1, threads or int(os.environ.get("RAPPORTLENS_THREADS", "0") or 0) or cores())


def cores() -> int:
    """The cores this process may run on (taskset, container cpusets), not all the host's."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Head:
    name: str
    labels: tuple[str, ...]
    role: str | None  # the speaker role its training labels came from; None: any
    offsets: tuple[float, ...] | None = None  # added to the logits (see training/calibrate.py)
    # The lexical companion's share of the geometric mean, chosen in cross-validation
    # (training/cv_scores.py); models built before the choice existed used 0.5.
    lexical_weight: float = 0.5


@dataclass(frozen=True)
class ModelCard:
    """What a model is, what it was trained on, and how well it did (see docs/accuracy.md)."""

    name: str
    version: str
    heads: tuple[Head, ...]
    max_length: int
    dataset: str
    info: dict[str, Any]
    context_chars: int = CONTEXT_CHARS  # how much earlier talk the model was trained to read
    # The same before a practitioner's utterances, where it differs (None: context_chars).
    practitioner_context_chars: int | None = None

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ModelCard:
        heads = tuple(Head(h["name"], tuple(h["labels"]), h.get("role"),
                           tuple(h["offsets"]) if h.get("offsets") else None,
                           float(h["lexical_weight"]) if h.get("lexical_weight") is not None else 0.5)
                      for h in d["heads"])
        return cls(d["name"], d["version"], heads, int(d["max_length"]), d["dataset"], d,
                   int(d.get("context_chars", CONTEXT_CHARS)),
                   None if d.get("practitioner_context_chars") is None else int(d["practitioner_context_chars"]))

    def to_dict(self) -> dict[str, Any]:
        return {**self.info, "name": self.name, "version": self.version, "dataset": self.dataset,
                "max_length": self.max_length, "context_chars": self.context_chars,
                **({"practitioner_context_chars": self.practitioner_context_chars}
                   if self.practitioner_context_chars is not None else {}),
                "heads": [{"name": h.name, "labels": list(h.labels), "role": h.role,
                           **({"offsets": list(h.offsets)} if h.offsets else {}),
                           "lexical_weight": h.lexical_weight} for h in self.heads]}


def tokenizer_for(path: Path, max_length: int):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    # Too long a pair loses tokens from the longer side, from the left: the end of the
    # context is the most recent talk, and a long turn usually ends on its question or point.
    tok.enable_truncation(max_length=max_length, strategy="longest_first", direction="left")
    return tok


def encode(tokenizer, items: Sequence[Item], context_chars: int = CONTEXT_CHARS,
           practitioner_context_chars: int | None = None) -> dict[str, np.ndarray]:
    """Token ids for a batch of items, padded to the longest."""
    return padded(tokenize(tokenizer, items, context_chars, practitioner_context_chars))


def tokenize(tokenizer, items: Sequence[Item], context_chars: int = CONTEXT_CHARS,
             practitioner_context_chars: int | None = None) -> list:
    return tokenizer.encode_batch([(encoder_context(i, context_chars, practitioner_context_chars), target_text(i))
                                   for i in items])


def padded(encs: Sequence) -> dict[str, np.ndarray]:
    width = max(len(e.ids) for e in encs)
    out = {k: np.zeros((len(encs), width), dtype=np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
    for row, e in enumerate(encs):
        n = len(e.ids)
        out["input_ids"][row, :n] = e.ids
        out["attention_mask"][row, :n] = e.attention_mask
        out["token_type_ids"][row, :n] = e.type_ids
    return out


SECOND_VIEW_DIR = "second-view"  # a second encoder's folder inside a model folder (card: ``second_view``)


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class CodingModel:
    """A model directory: ``model.onnx``, ``tokenizer.json`` and ``card.json``, and where
    present ``lexical.npz`` (see ``rapportlens.coding.lexical``). A shipped model's tokenizer
    and word embeddings live in ``models/shared`` (``coding/shared_weights.py``)."""

    def __init__(self, directory: str | Path, threads: int | None = None) -> None:
        directory = Path(directory)
        card_file = directory / CARD_FILE
        info = json.loads(card_file.read_text("utf-8")) if card_file.is_file() else {}
        self.graph_file = graph_file(directory)
        self.tokenizer_path = tokenizer_path(info, directory)
        missing = [name for name, there in ((MODEL_FILE, self.graph_file), (TOKENIZER_FILE, self.tokenizer_path),
                                            (CARD_FILE, card_file.is_file())) if not there]
        if missing:
            raise OptionError(
                f"{directory} is not a RapportLens model: it lacks {', '.join(missing)}. "
                "Pass a folder written by `rapportlens train --out`."
            )
        import onnxruntime as ort

        self.directory = directory
        self.card = ModelCard.from_dict(info)
        self.heads = {h.name: h for h in self.card.heads}
        self.tokenizer = tokenizer_for(self.tokenizer_path, self.card.max_length)
        opts = ort.SessionOptions()
        # Each run gets one thread and ``workers`` runs go at once: a small run split over
        # cores inside onnxruntime spends much of its time waiting (2 cores: 1.28x the
        # utterances per second; bench/README.md). onnxruntime releases the GIL while it
        # runs, and one session may be run from several threads.
        self.workers = thread_count(threads)
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._shared = add_shared_weights(opts, self.card.info, directory)  # kept alive with the session
        self.session = ort.InferenceSession(graph(self.graph_file), opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._outputs = [o.name for o in self.session.get_outputs()]
        self.lexical = LexicalModel.load(directory) if (directory / LEXICAL_FILE).is_file() else None
        self.second_view = self._second_view(threads)

    def _second_view(self, threads: int | None) -> CodingModel | None:
        """The second encoder a card names (``second_view``), checked to have the same heads."""
        view = self.card.info.get("second_view")
        if not view:
            return None
        folder = self.directory / view["folder"]
        if not (folder / CARD_FILE).is_file():
            raise OptionError(f"{self.directory}: its card names a second view in {folder}, which is missing. "
                              "Copy the whole model folder, or retrain it with `rapportlens train`.")
        other = CodingModel(folder, threads)
        ours = [(h.name, tuple(h.labels)) for h in self.card.heads]
        if [(h.name, tuple(h.labels)) for h in other.card.heads] != ours:
            raise OptionError(f"{folder}: the second view's heads differ from {self.directory}'s; "
                              "retrain the model with `rapportlens train`.")
        return other

    def encoder_logits(self, chunk: Sequence[Item], batch_size: int = BATCH_SIZE) -> dict[str, np.ndarray]:
        """The encoder's raw scores per head for ``chunk``, run in this thread."""
        encs = tokenize(self.tokenizer, chunk, self.card.context_chars, self.card.practitioner_context_chars)
        logits = {name: np.empty((len(chunk), len(self.heads[name].labels)), dtype=np.float32)
                  for name in self._outputs}
        for start in range(0, len(encs), batch_size):
            feed = {k: v for k, v in padded(encs[start:start + batch_size]).items() if k in self._inputs}
            for name, value in zip(self._outputs, self.session.run(self._outputs, feed)):
                logits[name][start:start + batch_size] = value
        return logits

    def predict(
        self, items: Sequence[Item], batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None,
        with_lexical: bool = True,
    ) -> dict[str, np.ndarray]:
        """Class probabilities per head: ``{head: array (len(items), len(labels))}``.

        ``with_lexical=False`` leaves the lexical companion out (cross-validation compares
        the parts)."""
        heads = self.heads
        out = {h: np.zeros((len(items), len(heads[h].labels)), dtype=np.float32) for h in self._outputs}
        offsets = {h: np.asarray(heads[h].offsets, dtype=np.float32) for h in self._outputs if heads[h].offsets}
        weight = {h: heads[h].lexical_weight for h in self._outputs}
        # Similar lengths share a batch (when batches are asked for), so little time goes on padding.
        order = sorted(range(len(items)), key=lambda i: len(items[i].text) + len(items[i].context))
        # Chunks are prepared together and run batch by batch, one chunk per worker at a time;
        # a multiple of the workers' count in near-equal sizes, so no worker waits on a last small one.
        count = self.workers * -(-len(order) // (self.workers * CHUNK))
        size = max(batch_size, -(-len(order) // max(1, count)))
        chunks = [order[start:start + size] for start in range(0, len(order), size)]

        def run(idx: list[int]) -> dict[str, np.ndarray]:
            chunk = [items[i] for i in idx]
            logits = self.encoder_logits(chunk, batch_size)
            if self.second_view is not None:
                # Two encoders that read different amounts of earlier talk: the mean of
                # their log-probabilities (docs/accuracy.md, "Two views").
                other = self.second_view.encoder_logits(chunk, batch_size)
                logits = {name: (log_softmax(value) + log_softmax(other[name])) / 2 for name, value in logits.items()}
            lexical = self.lexical.predict_log(chunk) if self.lexical and with_lexical else {}
            probs = {}
            for name, value in logits.items():
                if name in lexical and weight[name] > 0:
                    # Weighted geometric mean of the two models' probabilities.
                    value = (1 - weight[name]) * log_softmax(value) + weight[name] * lexical[name]
                probs[name] = softmax(value + offsets[name] if name in offsets else value)
            return probs

        with ThreadPoolExecutor(max(1, min(self.workers, len(chunks)))) as pool:
            for idx, probs in zip(chunks, pool.map(run, chunks)):
                for name, p in probs.items():
                    out[name][idx] = p
                if progress:
                    progress(len(idx))
        return out

