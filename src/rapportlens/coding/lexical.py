"""A word and character n-gram model that a coding model carries beside its encoder.

Its probabilities are combined with the encoder's (an equal-weight geometric mean), which
on AnnoMI raised therapist behaviour macro-F1 in cross-validation (docs/accuracy.md,
"Lexical companion"): n-grams keep exact phrasings ("it sounds like", "what else") that a
small fine-tuned encoder blurs. Runs on numpy alone; ``rapportlens.training.lexical``
fits it.

Features, in three blocks each scaled to unit length: word 1-2-grams of the utterance,
character 2-5-grams within its words, and word 1-2-grams of the context before it (left
out for datasets whose labels describe the reply alone; ``training.settings``).
Values are (1 + log tf) * idf, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .inputs import Item, context_text, target_text

LEXICAL_FILE = "lexical.npz"
WORD = re.compile(r"(?u)\b\w\w+\b")
BLOCKS = ("w", "c", "x")  # utterance words, utterance characters, context words


def log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def word_grams(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def char_grams(text: str, low: int = 2, high: int = 5) -> list[str]:
    out = []
    for w in text.lower().split():
        w = f" {w} "
        for n in range(low, high + 1):
            if len(w) < n:
                break
            out.extend(w[i:i + n] for i in range(len(w) - n + 1))
    return out


def grams(item: Item, context_chars: int) -> dict[str, Counter]:
    """The n-gram counts of one item, per block; ``context_chars`` 0 leaves the context out."""
    target = target_text(item)
    context = context_text(item, context_chars)
    return {"w": Counter(word_grams(target)), "c": Counter(char_grams(target)), "x": Counter(word_grams(context))}


@dataclass
class Vocabulary:
    """Feature name ("block|gram") -> column, with each column's idf."""

    index: dict[str, int]
    idf: np.ndarray

    def rows(self, items: Sequence[Item], context_chars: int) -> Iterable[tuple[np.ndarray, np.ndarray]]:
        """Per item: the columns it has and their tf-idf values (each block of unit length)."""
        for item in items:
            cols, vals = [], []
            for block, counts in grams(item, context_chars).items():
                found = [(self.index[k], c) for g, c in counts.items() if (k := f"{block}|{g}") in self.index]
                if not found:
                    continue
                c = np.array([f[0] for f in found], dtype=np.int64)
                v = (1.0 + np.log(np.array([f[1] for f in found], dtype=np.float64))) * self.idf[c]
                cols.append(c)
                vals.append(v / np.linalg.norm(v))
            if cols:
                yield np.concatenate(cols), np.concatenate(vals)
            else:
                yield np.zeros(0, dtype=np.int64), np.zeros(0)


@dataclass
class LexicalModel:
    vocabulary: Vocabulary
    # head -> (weights (features, classes), bias (classes,)); a two-class head has one
    # column, the logit of its second class, as scikit-learn's binary logistic regression.
    heads: dict[str, tuple[np.ndarray, np.ndarray]]
    context_chars: int

    def predict_log(self, items: Sequence[Item]) -> dict[str, np.ndarray]:
        """Log-probabilities per head: ``{head: array (len(items), classes)}``."""
        out = {}
        rows = list(self.vocabulary.rows(items, self.context_chars))
        for name, (w, b) in self.heads.items():
            logits = np.stack([v @ w[c] for c, v in rows]) + b if rows else np.zeros((0, len(b)))
            if w.shape[1] == 1:
                logits = np.concatenate([np.zeros_like(logits), logits], axis=1)
            out[name] = log_softmax(logits)
        return out

    def save(self, directory: Path) -> None:
        names = sorted(self.vocabulary.index, key=self.vocabulary.index.__getitem__)
        arrays = {"vocabulary": np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
                  "idf": self.vocabulary.idf.astype(np.float32),
                  "context_chars": np.array(self.context_chars)}
        for name, (w, b) in self.heads.items():
            arrays[f"weights/{name}"] = w.astype(np.float16)
            arrays[f"bias/{name}"] = b.astype(np.float32)
        np.savez_compressed(directory / LEXICAL_FILE, **arrays)

    @classmethod
    def load(cls, directory: Path) -> LexicalModel:
        with np.load(directory / LEXICAL_FILE, allow_pickle=False) as z:
            names = z["vocabulary"].tobytes().decode("utf-8").split("\n")
            vocab = Vocabulary({n: i for i, n in enumerate(names)}, z["idf"].astype(np.float64))
            # Stored as float16 for size; widened once here, not per utterance.
            heads = {k.split("/", 1)[1]: (z[k].astype(np.float32), z["bias/" + k.split("/", 1)[1]].astype(np.float64))
                     for k in z.files if k.startswith("weights/")}
            return cls(vocab, heads, int(z["context_chars"]))
