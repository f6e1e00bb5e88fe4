"""Does the client's share of change talk (``mi.client_talk``) tell AnnoMI's high-quality MI
sessions from the low-quality ones? ROC AUC of ``percent_change``, from the coder's client
talk codes and, for comparison, from the dataset's own labels.

    python eval/client_talk_check.py --data ../shared/data/annomi [--fold-models DIR]

Without ``--fold-models`` (kept by ``rapportlens train --cv 5 --keep-folds DIR``) the shipped
model codes transcripts it was trained on, so its figure is optimistic. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sklearn.metrics import roc_auc_score

from rapportlens.analyzers.coding import BehaviourCodes
from rapportlens.coding.mi import client_talk
from rapportlens.model import Role
from rapportlens.pipeline import Pipeline
from rapportlens.rapport.fit import annomi_analysed


def labelled(conv) -> float | None:
    codes = ((u.index, [f"{u.meta.get('client_talk_type')}_talk"]) for u in conv.utterances
             if conv.speaker(u.speaker).role == Role.CLIENT)
    return client_talk(codes, len(conv.utterances)).percent_change


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the AnnoMI folder")
    ap.add_argument("--fold-models", type=Path, help="fold models: each transcript coded by the one that never saw it")
    args = ap.parse_args()
    convs = annomi_analysed(args.data, args.fold_models, lambda model: Pipeline([BehaviourCodes(model)]))
    rows = [(c.meta["mi_quality"] == "high", c.features["mi.client_talk"]["percent_change"], labelled(c)) for c in convs]
    for name, k in (("coded", 1), ("labels", 2)):
        kept = [(r[0], r[k]) for r in rows if r[k] is not None]
        high = [v for h, v in kept if h]
        low = [v for h, v in kept if not h]
        auc = roc_auc_score([h for h, _ in kept], [v for _, v in kept])
        print(f"{name}: {len(kept)} sessions with change or sustain talk; mean percent change talk "
              f"high {sum(high) / len(high):.0f}, low {sum(low) / len(low):.0f}; ROC AUC {auc:.3f}")


if __name__ == "__main__":
    main()
