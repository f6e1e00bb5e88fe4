"""Recall and precision of the risk flags on a CSV of sentences (columns: category, text;
category "none" for sentences that must not be flagged).

    python eval/risk_eval.py tests/data/risk/sentences.csv

Each sentence is analysed as the client's turn after a practitioner's question, the way
`analyze` meets it. Misses and false alarms are listed.
"""

from __future__ import annotations

import csv
import sys

from rapportlens import Conversation, Role
from rapportlens.analyzers.risk import Risk


def main(path: str) -> None:
    risk = Risk()
    tp = fp = fn = tn = wrong = 0
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        conv = Conversation.from_pairs([("P", "How have things been since we last met?"), ("C", row["text"])],
                                       roles={"P": Role.PRACTITIONER, "C": Role.CLIENT})
        risk(conv)
        found = {f["category"] for f in conv.features["risk"]}
        if row["category"] == "none":
            fp += bool(found)
            tn += not found
            if found:
                print(f"false alarm {sorted(found)}: {row['text']}")
        elif found:
            tp += 1
            if row["category"] not in found:
                wrong += 1
                print(f"other category {sorted(found)} for {row['category']}: {row['text']}")
        else:
            fn += 1
            print(f"missed {row['category']}: {row['text']}")
    print(f"{len(rows)} sentences: recall {tp / max(1, tp + fn):.3f}, precision {tp / max(1, tp + fp):.3f} "
          f"(tp {tp}, fn {fn}, fp {fp}, tn {tn}; flagged under another category {wrong})")


if __name__ == "__main__":
    main(sys.argv[1])
