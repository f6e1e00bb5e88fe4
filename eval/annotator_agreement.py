"""How well AnnoMI's own annotators agree: a ceiling to read the model's macro-F1 against.

A few AnnoMI transcripts were coded by ten annotators each. For every annotator this
scores their labels against the majority label of the other nine (utterances where the
other nine tie are left out), with the macro-F1 the model is scored with, and prints the
mean, the range and the pooled figure per task.

Run: `python eval/annotator_agreement.py --data ../shared/data/annomi`
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from sklearn.metrics import f1_score

TASKS = {"therapist_behaviour": ("therapist", "main_therapist_behaviour"),
         "client_talk_type": ("client", "client_talk_type")}


def agreement(rows: list[dict], role: str, column: str) -> dict:
    coded = defaultdict(list)
    for r in rows:
        if r["interlocutor"] == role and r[column]:
            coded[(r["transcript_id"], r["utterance_id"])].append(r)
    repeated = [v for v in coded.values() if len({r["annotator_id"] for r in v}) > 1]
    per_annotator, gold_all, pred_all = {}, [], []
    for annotator in sorted({r["annotator_id"] for v in repeated for r in v}):
        gold, pred = [], []
        for v in repeated:
            mine = [r[column] for r in v if r["annotator_id"] == annotator]
            top = Counter(r[column] for r in v if r["annotator_id"] != annotator).most_common(2)
            if mine and top and not (len(top) > 1 and top[0][1] == top[1][1]):
                gold.append(top[0][0])
                pred.append(mine[0])
        if gold:
            per_annotator[annotator] = round(f1_score(gold, pred, average="macro"), 3)
            gold_all += gold
            pred_all += pred
    scores = list(per_annotator.values())
    return {"utterances": len(repeated), "transcripts": len({v[0]["transcript_id"] for v in repeated}),
            "annotators": len(scores), "mean_macro_f1": round(statistics.mean(scores), 3),
            "min": min(scores), "max": max(scores),
            "pooled_macro_f1": round(f1_score(gold_all, pred_all, average="macro"), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="AnnoMI folder (with AnnoMI-full.csv) or the file itself")
    args = ap.parse_args()
    path = Path(args.data)
    path = path / "AnnoMI-full.csv" if path.is_dir() else path
    if not path.is_file():
        ap.error(f"{path} not found: pass the AnnoMI folder that holds AnnoMI-full.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    missing = {"annotator_id", "interlocutor", "transcript_id", "utterance_id"} - set(rows[0] if rows else ())
    if missing:
        ap.error(f"{path} lacks the column(s) {', '.join(sorted(missing))}: this needs AnnoMI-full.csv")
    for task, (role, column) in TASKS.items():
        print(json.dumps({"task": task, **agreement(rows, role, column)}))


if __name__ == "__main__":
    main()
