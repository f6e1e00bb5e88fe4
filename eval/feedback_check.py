"""How the feedback's pitfalls, the client-state estimate and the client's disclosure trend line
up with what the datasets know about a session (docs/analyzers/feedback.md and
docs/analyzers/disclosure.md, "Accuracy").

    python eval/feedback_check.py --annomi ../shared/data/annomi [--fold-models DIR]
    python eval/feedback_check.py --esconv ../shared/data/esconv

AnnoMI: how often each pitfall is found in the high- and in the low-quality MI sessions. A
pitfall worth its name should be found more often in the low-quality ones. With
``--fold-models`` (kept by ``rapportlens train --cv 5 --keep-folds DIR``) each transcript is
coded by the fold model that never saw it; without, the shipped model's codes are
in-sample and optimistic.
ESConv: the seekers' mean empathy rating with and without each pitfall, and the
client-state estimate against the emotion the seeker named before the chat (anxiety, fear
or nervousness for ``anxious_avoidant``): precision and recall. Both: the disclosure trend
(deepened, steady, shallower) by outcome, and the depth change's rank correlation with it.

No label was used to set the feedback's thresholds; this script only reports.
Needs scipy (the ``train`` extra).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
from scipy.stats import mannwhitneyu, spearmanr

from rapportlens import default_pipeline, read
from rapportlens.rapport.fit import annomi_analysed, outcome_checks

ANXIOUS_EMOTIONS = {"anxiety", "fear", "nervousness"}
def kinds(conv) -> set[str]:
    """The pitfalls found, and each part of one that has parts (rushing.question_bursts...)."""
    out = set()
    for p in conv.features["pitfalls"]:
        out.add(p["pitfall"])
        out |= {f"{p['pitfall']}.{q['part']}" for q in p.get("parts", ())}
    return out


def annomi(path: Path, fold_models: Path | None) -> dict:
    pipeline = lambda model: default_pipeline({"codes": {"model": str(model)}} if model else None)
    convs = annomi_analysed(path, fold_models, pipeline)
    groups = {"high": [c for c in convs if c.meta["mi_quality"] == "high"],
              "low": [c for c in convs if c.meta["mi_quality"] != "high"]}
    found = {g: Counter(k for c in cs for k in kinds(c)) for g, cs in groups.items()}
    states = {g: Counter(c.features["client_state"]["state"] for c in cs) for g, cs in groups.items()}
    trends = {g: dict(Counter(c.features["disclosure.trend"] for c in cs)) for g, cs in groups.items()}
    change = [(c.features["disclosure.depth_change"], c.meta["mi_quality"] == "high") for c in convs
              if c.features["disclosure.depth_change"] is not None]
    names = sorted(set(found["high"]) | set(found["low"]))
    share = {k: {g: round(found[g][k] / len(groups[g]), 3) for g in groups} for k in names}
    return {"sessions": {g: len(cs) for g, cs in groups.items()},
            "codes": "out-of-fold models" if fold_models else "shipped model (in-sample codes: optimistic)",
            "share_of_sessions_with_pitfall": share,
            "client_state": {g: dict(s) for g, s in states.items()},
            "disclosure_trend": trends,
            "disclosure_change_mean": {g: round(float(np.mean([d for d, hi in change if hi == (g == "high")])), 3)
                                       for g in groups}}


def esconv(path: Path) -> dict:
    pipe = default_pipeline()
    rows = []
    for name in ("esconv_hf.jsonl", "FailedESConv.json"):
        if (path / name).is_file():
            for conv in read(path / name, format="esconv"):
                pipe(conv)
                rating = conv.meta.get("survey_score", {}).get("seeker", {}).get("empathy")
                seeker = conv.meta.get("survey_score", {}).get("seeker", {})
                drop = (float(seeker["initial_emotion_intensity"]) - float(seeker["final_emotion_intensity"])
                        if seeker.get("final_emotion_intensity") not in (None, "") else None)
                rows.append({"pitfalls": kinds(conv), "state": conv.features["client_state"]["state"],
                             "trend": conv.features["disclosure.trend"], "drop": drop,
                             "change": conv.features["disclosure.depth_change"],
                             "emotion": conv.meta.get("emotion_type"),
                             "empathy": float(rating) if rating not in (None, "") else None})
    rated = [r for r in rows if r["empathy"] is not None]
    names = sorted({k for r in rows for k in r["pitfalls"]})
    pitfalls = {}
    for k in names:
        yes = [r["empathy"] for r in rated if k in r["pitfalls"]]
        no = [r["empathy"] for r in rated if k not in r["pitfalls"]]
        entry = {"conversations": len(yes), "mean_empathy_with": round(float(np.mean(yes)), 3) if yes else None,
                 "mean_empathy_without": round(float(np.mean(no)), 3) if no else None}
        if yes and no:
            entry["mann_whitney_p"] = float(mannwhitneyu(yes, no).pvalue)
        pitfalls[k] = entry
    with_change = [r for r in rated if r["change"] is not None]
    with_drop = [r for r in rows if r["change"] is not None and r["drop"] is not None]
    disclosure = {
        "mean_empathy_by_trend": {t: round(float(np.mean([r["empathy"] for r in rated if r["trend"] == t])), 3)
                                  for t in ("deepened", "steady", "shallower")
                                  if any(r["trend"] == t for r in rated)},
        "conversations_by_trend": dict(Counter(r["trend"] for r in rows)),
        "spearman_change_empathy": float(spearmanr([r["change"] for r in with_change],
                                                   [r["empathy"] for r in with_change]).statistic),
        "spearman_change_intensity_drop": float(spearmanr([r["change"] for r in with_drop],
                                                          [r["drop"] for r in with_drop]).statistic)}
    truth = np.array([r["emotion"] in ANXIOUS_EMOTIONS for r in rows])
    said = np.array([r["state"] == "anxious_avoidant" for r in rows])
    tp = int((truth & said).sum())
    return {"conversations": len(rows), "rated": len(rated), "pitfalls": pitfalls, "disclosure": disclosure,
            "client_state": dict(Counter(r["state"] for r in rows)),
            "anxious_avoidant_vs_emotion": {
                "seekers_anxious_fearful_or_nervous": int(truth.sum()), "estimated_anxious_avoidant": int(said.sum()),
                "precision": round(tp / max(1, said.sum()), 3), "recall": round(tp / max(1, truth.sum()), 3),
                "base_rate": round(float(truth.mean()), 3)}}


def main() -> None:
    outcome_checks(__doc__.split("\n\n")[0], annomi, esconv)


if __name__ == "__main__":
    main()
