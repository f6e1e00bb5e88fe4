"""Client turns of the written sessions (``eval/sessions``) as training rows for the engagement
models (``code,text``, as in ``data/ruptures/*.csv``): each turn the key marks as where a
rupture starts takes the kind of the rupture the finder found there, and every client turn in
no rupture is "none". Only sessions the finder
gets right (``eval/session_eval.py``) are used, so the labels are the key's; turns the
engagement model never reads (bare non-answers, fragments) are left out.

    python eval/session_turns.py eval/sessions --last 101 --out data/ruptures/train_sessions.csv

``--last`` is the last set taken, so later sets stay unseen by the models trained on the rows
(docs/history/ruptures.md, "Session 45"). The rows depend on the finder that judges the
sessions, so the committed file is the snapshot the shipped models were trained on (written
by the finder of session 45 before the retraining); run again with today's finder it differs
in a few rows (1,094 rather than 1,095).
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from session_eval import judge, matched, read_key

import rapportlens
from rapportlens import assign_roles
from rapportlens.coding.engagement import reads


def rows(root: Path, last: int) -> tuple[list[tuple[str, str]], int]:
    out: list[tuple[str, str]] = []
    skipped = 0
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "key.csv").exists()):
        if int(folder.name.removeprefix("set")) > last:
            continue
        expected, practitioners = read_key(folder / "key.csv")
        for name in sorted(expected):
            path = next(p for p in folder.glob(f"{name}.*") if p.suffix != ".csv")
            conv = rapportlens.analyze(assign_roles(rapportlens.read(path)[0], practitioners=practitioners[name]))
            found = conv.features["ruptures"]
            if not judge(found, expected[name]):
                skipped += 1
                continue
            # A turn the key marks takes the kind of the rupture found around it; a turn the finder
            # puts in a rupture that the key does not mark (an answer the objection grew from) is
            # left out, as neither label is sure.
            kind = {i: r["kind"] for r in found for i in r["utterances"]}
            for exp, r in matched(found, expected[name]):
                kind.update(dict.fromkeys(exp.starts, r["kind"]))
            marked = {i for exp in expected[name] for i in exp.starts}
            out += [(kind[u.index] if u.index in marked else "none", u.text) for u in conv.utterances
                    if u.speaker not in practitioners[name] and reads(u.text) and (u.index in marked or u.index not in kind)]
    return out, skipped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path, help="the folder of set folders (eval/sessions)")
    ap.add_argument("--last", type=int, required=True, help="the last set to take (setN)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    found, skipped = rows(args.root, args.last)
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "text"])
        writer.writerows(found)
    print(f"{len(found)} turns ({dict(Counter(c for c, _ in found))}) written to {args.out}; "
          f"{skipped} sessions the finder gets wrong left out")


if __name__ == "__main__":
    main()
