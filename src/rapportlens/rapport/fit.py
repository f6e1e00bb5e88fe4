"""Fit and validate the overall score's model on sessions with a known outcome.

    python -m rapportlens.rapport.fit --dataset annomi --data ../shared/data/annomi --out score_model.json
    python -m rapportlens.rapport.fit --dataset esconv --data ../shared/data/esconv --out my_score.json

Needs scikit-learn (the ``train`` extra). The shipped model is fitted on AnnoMI's session
quality (high vs low MI). ESConv (outcome: the seeker's empathy rating of 4 or 5) can be
fitted by users for their own use; its licence forbids shipping what is learned from it.
Use a fitted file with ``rapportlens analyze --score-model FILE``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import RapportLensError
from ..model import Conversation
from ..pipeline import Pipeline
from .dimensions import dimensions
from .score_inputs import SCORE_INPUTS, score_inputs
from .scoring import MODEL_FILE, ScoreModel
from .view import View

C = 0.1  # L2 strength: few sessions (16 low-quality) call for a firm prior, and it keeps scores off 0 and 100


def annomi_outcome(conv: Conversation) -> int:
    return int(conv.meta["mi_quality"] == "high")


def esconv_outcome(conv: Conversation) -> int | None:
    """1 when the seeker rated the supporter's empathy 4 or 5; None without a rating."""
    rating = conv.meta.get("survey_score", {}).get("seeker", {}).get("empathy")
    return None if rating in (None, "") else int(float(rating) >= 4)


OUTCOMES = {
    "annomi": (("AnnoMI-full.csv", "AnnoMI-simple.csv"), annomi_outcome, "mi_quality high (1) vs low (0)"),
    "esconv": (("esconv_hf.jsonl", "FailedESConv.json"), esconv_outcome, "seeker empathy rating >= 4 (1) vs <= 3 (0)"),
}


def matrix(conversations: Iterable[Conversation]) -> tuple[np.ndarray, list[str]]:
    """Rows of the score's inputs (``SCORE_INPUTS``: the dimensions, NaN where unmeasured, and
    the unrepaired-rupture rate) from conversations analysed up to ruptures (``measures_pipeline``)."""
    rows, ids = [], []
    for conv in conversations:
        inputs = score_inputs(dimensions(View.whole(conv)), conv.features["ruptures"], 0, len(conv.utterances))
        rows.append([np.nan if inputs[n] is None else inputs[n] for n in SCORE_INPUTS])
        ids.append(conv.id)
    return np.array(rows, dtype=float), ids


def fit(x: np.ndarray, y: Sequence[int], *, version: str, info: dict[str, Any] | None = None) -> ScoreModel:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise RapportLensError("fitting the score needs scikit-learn: pip install 'rapportlens[train]'") from None
    means = np.nanmean(x, axis=0)
    means = np.where(np.isnan(means), 50.0, means)
    filled = np.where(np.isnan(x), means, x)
    scales = filled.std(axis=0)
    scales = np.where(scales > 1e-9, scales, 1.0)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=1000)
    model.fit((filled - means) / scales, np.asarray(y))
    return ScoreModel(version, SCORE_INPUTS, tuple(float(m) for m in means), tuple(float(s) for s in scales),
                      tuple(float(c) for c in model.coef_[0]), float(model.intercept_[0]), info or {})


def cross_validated(x: np.ndarray, y: Sequence[int], k: int = 5, seed: int = 0) -> dict[str, Any]:
    """Out-of-fold overall scores and ROC AUC, folds stratified by outcome (one row = one session)."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    oof = np.zeros(len(y))
    for train, test in StratifiedKFold(k, shuffle=True, random_state=seed).split(x, y):
        model = fit(x[train], y[train], version="cv")
        for i in test:
            oof[i] = model.overall(dict(zip(SCORE_INPUTS, [None if np.isnan(v) else v for v in x[i]])))
    return {"folds": k, "roc_auc": float(roc_auc_score(y, oof)), "scores": oof.tolist()}


def measures_pipeline(codes_model: str | Path | None = None) -> Pipeline:
    """The analyzers the score's inputs are computed from: everything before ``rapport``,
    ruptures included."""
    from .. import plugins
    from ..pipeline import DEFAULT_ANALYZERS

    names = DEFAULT_ANALYZERS[:DEFAULT_ANALYZERS.index("rapport")]
    return Pipeline([plugins.get(plugins.ANALYZERS, n)(**({"model": codes_model} if n == "codes" else {}))
                     for n in names])


def annomi_analysed(folder: Path, fold_models: Path | None = None,
                    pipeline: Callable[[Path | None], Pipeline] = measures_pipeline) -> list[Conversation]:
    """AnnoMI's transcripts in ``folder``, each analysed by ``pipeline(codes model)``. With
    ``fold_models`` (kept by ``rapportlens train --cv 5 --keep-folds``) each transcript is coded
    by the fold model that did not see it, so no code is in-sample; without, by the shipped model."""
    from .. import read
    from ..training.splits import folds

    file = next(p for p in (folder / "AnnoMI-full.csv", folder / "AnnoMI-simple.csv") if p.is_file())
    convs = list(read(file, format="annomi"))
    if not fold_models:
        pipe = pipeline(None)
        return [pipe(c) for c in convs]
    fold_of = folds([c.id for c in convs], 5, 0)  # as `rapportlens train --cv 5` split them
    pipes = {k: pipeline(fold_models / f"fold-{k + 1}") for k in range(5)}
    return [pipes[fold_of[c.id]](c) for c in convs]


def outcome_checks(description: str, annomi: Callable[[Path, Path | None], dict],
                   esconv: Callable[[Path], dict], argv: Sequence[str] | None = None) -> None:
    """The command line the outcome checks in ``eval/`` share (``score_validation.py``,
    ``feedback_check.py``): ``--annomi DIR [--fold-models DIR]`` and/or ``--esconv DIR``;
    prints one JSON object with a key per dataset checked."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--annomi", type=Path)
    ap.add_argument("--esconv", type=Path)
    ap.add_argument("--fold-models", type=Path, help="fold models kept by `rapportlens train --cv 5 --keep-folds`")
    args = ap.parse_args(argv)
    if not (args.annomi or args.esconv):
        ap.error("give --annomi and/or --esconv")
    result = {}
    if args.annomi:
        result["annomi"] = annomi(args.annomi, args.fold_models)
    if args.esconv:
        result["esconv"] = esconv(args.esconv)
    print(json.dumps(result, indent=2))


def main(argv: Sequence[str] | None = None) -> None:
    from .. import read

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", choices=sorted(OUTCOMES), default="annomi")
    ap.add_argument("--data", required=True, help="the dataset's folder (or one of its files)")
    ap.add_argument("--out", default=str(Path(__file__).with_name(MODEL_FILE)))
    ap.add_argument("--codes-model", help="coding model folder (default: the shipped one)")
    args = ap.parse_args(argv)
    names, outcome, described = OUTCOMES[args.dataset]
    data = Path(args.data)
    files = [data] if data.is_file() else [data / n for n in names if (data / n).is_file()]
    if args.dataset == "annomi":
        files = files[:1]  # full and simple hold the same sessions
    if not files:
        raise SystemExit(f"{data}: none of {', '.join(names)} there")
    pipeline = measures_pipeline(args.codes_model)
    convs, y = [], []
    for path in files:
        for conv in read(path, format=args.dataset):
            label = outcome(conv)
            if label is not None:
                convs.append(pipeline(conv))
                y.append(label)
    x, _ = matrix(convs)
    cv = cross_validated(x, y)
    info = {"fitted_on": {"dataset": args.dataset, "files": [p.name for p in files], "sessions": len(y),
                          "positive": int(sum(y)), "negative": len(y) - int(sum(y)), "outcome": described},
            "validation": {f"{args.dataset}_cv_roc_auc": round(cv["roc_auc"], 3), "folds": cv["folds"],
                           "note": "5-fold CV over sessions, codes from the "
                                   + ("given" if args.codes_model else "shipped") + " coding model"}}
    model = fit(x, y, version=f"{args.dataset}-{date.today().isoformat()}", info=info)
    Path(args.out).write_text(json.dumps(model.to_dict(), indent=2) + "\n", "utf-8")
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
