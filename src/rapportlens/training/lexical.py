"""Fit the lexical companion model (``rapportlens.coding.lexical``): one vocabulary over the
training examples, one logistic regression per head. Takes seconds, beside minutes for the
encoder."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..coding.lexical import BLOCKS, LexicalModel, Vocabulary, grams
from ..datasets import Example

MIN_DF = {"w": 2, "c": 3, "x": 2}
MAX_CHAR_GRAMS = 50_000  # the most frequent; more only adds rare fragments
C = 2.0  # inverse regularisation strength, scikit-learn's default range; not tuned per dataset


def vocabulary(examples: Sequence[Example], context_chars: int) -> Vocabulary:
    df = {b: Counter() for b in BLOCKS}
    for e in examples:
        for block, counts in grams(e.item, context_chars).items():
            df[block].update(counts.keys())
    names, freq = [], []
    for block in BLOCKS:
        kept = sorted((g for g, n in df[block].items() if n >= MIN_DF[block]), key=lambda g: (-df[block][g], g))
        if block == "c":
            kept = kept[:MAX_CHAR_GRAMS]
        names += [f"{block}|{g}" for g in kept]
        freq += [df[block][g] for g in kept]
    n = len(examples)
    idf = np.log((1 + n) / (1 + np.array(freq, dtype=np.float64))) + 1.0  # smoothed, as scikit-learn
    return Vocabulary({name: i for i, name in enumerate(names)}, idf)


def fit_lexical(examples: Sequence[Example], heads: list[dict[str, Any]], context_chars: int) -> LexicalModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    examples = [e for e in examples if e.labels]
    vocab = vocabulary(examples, context_chars)
    rows = list(vocab.rows([e.item for e in examples], context_chars))
    indptr = np.cumsum([0] + [len(c) for c, _ in rows])
    x = csr_matrix((np.concatenate([v for _, v in rows]), np.concatenate([c for c, _ in rows]), indptr),
                   shape=(len(examples), len(vocab.index)))
    fitted = {}
    for h in heads:
        keep = [i for i, e in enumerate(examples) if h["name"] in e.labels]
        y = np.array([h["labels"].index(examples[i].labels[h["name"]]) for i in keep])
        if len(set(y)) < 2:
            continue  # nothing to learn; the encoder alone codes this head
        lr = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(x[keep], y)
        w = np.zeros((x.shape[1], 1 if len(h["labels"]) == 2 else len(h["labels"])))
        b = np.zeros(w.shape[1])
        # A class absent from the training labels gets no column from scikit-learn; it keeps
        # weight 0 and a very low bias, so it is never predicted from words alone.
        if w.shape[1] == 1:
            w[:, 0], b[0] = lr.coef_[0], lr.intercept_[0]
        else:
            b[:] = -30.0
            if lr.coef_.shape[0] == 1:  # only two of the classes were seen: a binary fit
                low, high = lr.classes_
                b[low], w[:, high], b[high] = 0.0, lr.coef_[0], lr.intercept_[0]
            else:
                w[:, lr.classes_] = lr.coef_.T
                b[lr.classes_] = lr.intercept_
        fitted[h["name"]] = (w, b)
    return LexicalModel(vocab, fitted, context_chars)
