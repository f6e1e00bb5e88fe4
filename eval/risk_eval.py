"""Recall and precision of the risk flags on a CSV of sentences (columns: category, text;
category "none" for sentences that must not be flagged).

    python eval/risk_eval.py eval/data/risk_holdout.csv [--patterns-only] [--quiet]

Each sentence is analysed as the client's turn after a practitioner's question, the way
`analyze` meets it. Misses and false alarms are listed. `eval/data/risk_holdout.csv` was
written before the risk model was trained and is never trained on.
"""

from __future__ import annotations

import argparse
import csv

from rapportlens import Conversation, Role
from rapportlens.analyzers.risk import Risk


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv")
    ap.add_argument("--patterns-only", action="store_true", help="without the risk model")
    ap.add_argument("--quiet", action="store_true", help="only the totals")
    args = ap.parse_args()
    risk = Risk(use_model=not args.patterns_only)
    tp = fp = fn = tn = wrong = extra = unsure_only = unsure_tp = 0
    with open(args.csv, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        conv = Conversation.from_pairs([("P", "How have things been since we last met?"), ("C", row["text"])],
                                       roles={"P": Role.PRACTITIONER, "C": Role.CLIENT})
        risk(conv)
        found = {f["category"]: f["source"] for f in conv.features["risk"]}
        only_unsure = bool(found) and all(f.get("unsure") for f in conv.features["risk"])
        unsure_only += only_unsure
        unsure_tp += only_unsure and row["category"] != "none"
        say = (lambda *a: None) if args.quiet else print
        if row["category"] == "none":
            fp += bool(found)
            tn += not found
            if found:
                say(f"false alarm {found}: {row['text']}")
        elif found:
            tp += 1
            extra += len(set(found) - {row["category"]})
            if row["category"] not in found:
                wrong += 1
                say(f"other category {found} for {row['category']}: {row['text']}")
        else:
            fn += 1
            say(f"missed {row['category']}: {row['text']}")
    if tp + fn == 0:  # ordinary sentences only: what is measured is the alarm rate
        print(f"{len(rows)} ordinary sentences ({'patterns only' if args.patterns_only else 'patterns + model'}): "
              f"{fp} flagged ({fp / max(1, len(rows)):.1%}), {unsure_only} of them only as the model's unsure flags")
        return
    print(f"{len(rows)} sentences ({'patterns only' if args.patterns_only else 'patterns + model'}): "
          f"recall {tp / max(1, tp + fn):.3f}, precision {tp / max(1, tp + fp):.3f} "
          f"(tp {tp}, fn {fn}, fp {fp}, tn {tn}; flagged under another category {wrong}); "
          f"recall with the written category required {(tp - wrong) / max(1, tp + fn):.3f}; "
          f"flags in other categories on risk sentences {extra}; found only as the model's unsure flags: "
          f"{unsure_tp} risk sentences, {unsure_only - unsure_tp} false alarms")


if __name__ == "__main__":
    main()
