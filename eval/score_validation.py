"""Check the overall rapport score against session outcomes it was not fitted on.

    python eval/score_validation.py --esconv ../shared/data/esconv
    python eval/score_validation.py --annomi ../shared/data/annomi --fold-models DIR

ESConv: Spearman correlation between the overall score and the seeker's post-chat empathy
rating (and the drop in emotion intensity), over esconv_hf.jsonl and FailedESConv.json.
AnnoMI: ROC AUC of high vs low MI quality with 5-fold CV over sessions; with
``--fold-models`` (the fold models kept by ``rapportlens train --cv 5 --keep-folds DIR``)
each session is coded by the model that did not see it, so no code is in-sample.
Needs scikit-learn and scipy (the ``train`` extra).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

from rapportlens import default_pipeline, read
from rapportlens.rapport.fit import (
    annomi_analysed,
    annomi_outcome,
    cross_validated,
    matrix,
    outcome_checks,
)


def esconv(path: Path) -> dict:
    pipeline = default_pipeline()
    rows = []
    for name in ("esconv_hf.jsonl", "FailedESConv.json"):
        if not (path / name).is_file():
            continue
        for conv in read(path / name, format="esconv"):
            seeker = conv.meta.get("survey_score", {}).get("seeker", {})
            if "empathy" not in seeker:
                continue
            pipeline(conv)
            drop = (float(seeker["initial_emotion_intensity"]) - float(seeker["final_emotion_intensity"])
                    if "final_emotion_intensity" in seeker else np.nan)
            rows.append((conv.features["scores"]["overall"], float(seeker["empathy"]), drop, name))
    score, empathy, drop = (np.array([r[i] for r in rows], dtype=float) for i in range(3))
    ok = ~np.isnan(drop)
    out = {"conversations": len(rows),
           "spearman_empathy": float(spearmanr(score, empathy).statistic),
           "spearman_intensity_drop": float(spearmanr(score[ok], drop[ok]).statistic)}
    # Every second conversation in file order: two halves for a change that was chosen on one
    # of them (docs/scoring.md, "Two valence components").
    even = np.arange(len(rows)) % 2 == 0
    out["spearman_empathy_even_half"] = float(spearmanr(score[even], empathy[even]).statistic)
    out["spearman_empathy_odd_half"] = float(spearmanr(score[~even], empathy[~even]).statistic)
    hf = np.array([r[3] == "esconv_hf.jsonl" for r in rows])
    if hf.any() and (~hf).any():
        out["spearman_empathy_hf_only"] = float(spearmanr(score[hf], empathy[hf]).statistic)
    return out


def annomi(path: Path, fold_models: Path | None) -> dict:
    convs = annomi_analysed(path, fold_models)
    x, _ = matrix(convs)
    y = [annomi_outcome(c) for c in convs]
    aucs = [cross_validated(x, y, seed=s)["roc_auc"] for s in range(10)]
    return {"sessions": len(y), "low_quality": len(y) - sum(y), "roc_auc_mean_10_seeds": float(np.mean(aucs)),
            "roc_auc_min": float(min(aucs)), "roc_auc_max": float(max(aucs)),
            "codes": "out-of-fold models" if fold_models else "shipped model (in-sample codes: optimistic)"}


def main() -> None:
    outcome_checks(__doc__.split("\n\n")[0], annomi, esconv)


if __name__ == "__main__":
    main()
