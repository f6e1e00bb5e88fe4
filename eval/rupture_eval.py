"""How well the rules layer finds the client codes that mark a rupture (``confrontation``,
``withdrawal``): recall and precision on a CSV of written client turns (columns: code,
text; code "none" for turns that must get neither), and, with ``--corpus``, how often the
two codes fire on real conversations nobody labelled for ruptures.

    python eval/rupture_eval.py eval/data/rupture_phrases.csv [--quiet]
    python eval/rupture_eval.py --corpus ../shared/data/annomi/AnnoMI-simple.csv [--sample 20]

Both codes come from the rules layer alone (docs/codebook.md), so the turns are coded with
it directly. On a corpus the rate is an alarm rate, not precision: some turns are real
ruptures.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter

from rapportlens import Role, read
from rapportlens.coding.rules import apply_rules

CODES = ("confrontation", "withdrawal")


def rupture_codes(text: str) -> dict[str, str]:
    return {h.code: h.reason for h in apply_rules(text, Role.CLIENT) if h.code in CODES}


def score_phrases(path: str, quiet: bool) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    counts = Counter()
    for row in rows:
        found = rupture_codes(row["text"])
        for code in CODES:
            counts[code, row["code"] == code, code in found] += 1
        if not quiet and (row["code"] not in found if row["code"] != "none" else found):
            print(f"{row['code']:>13} -> {', '.join(found) or '-'}: {row['text']}")
    print(f"{path}: {len(rows)} turns ({Counter(r['code'] for r in rows)})")
    for code in CODES:
        tp, fn, fp = counts[code, True, True], counts[code, True, False], counts[code, False, True]
        print(f"  {code}: recall {tp / max(1, tp + fn):.2f} ({tp}/{tp + fn}), "
              f"precision {tp / max(1, tp + fp):.2f} ({fp} false)")
    either = [bool(rupture_codes(r["text"])) for r in rows]
    pos = [r["code"] != "none" for r in rows]
    tp = sum(a and b for a, b in zip(either, pos))
    print(f"  either code: recall {tp / max(1, sum(pos)):.2f}, precision {tp / max(1, sum(either)):.2f}")


def scan_corpus(path: str, fmt: str | None, sample: int) -> None:
    turns = []
    for conv in read(path, fmt):
        roles = {s.name: s.role for s in conv.speakers}
        turns += [u.text for u in conv.utterances if roles[u.speaker] != Role.PRACTITIONER]
    hits = [(t, rupture_codes(t)) for t in turns]
    hits = [(t, f) for t, f in hits if f]
    by_code = Counter(c for _, f in hits for c in f)
    print(f"{path}: {len(turns)} client utterances; {len(hits)} ({len(hits) / max(1, len(turns)):.2%}) get a "
          f"rupture code ({', '.join(f'{c} {n}' for c, n in sorted(by_code.items()))})")
    for text, found in random.Random(0).sample(hits, min(sample, len(hits))):
        print(f"- {'; '.join(f'{c} ({r})' for c, r in found.items())}: {text[:140]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", help="written client turns: columns code, text")
    ap.add_argument("--corpus", help="a transcript file or folder rapportlens can read")
    ap.add_argument("--format", default=None, help="reader name when the extension does not say")
    ap.add_argument("--sample", type=int, default=20, help="flagged corpus turns to print")
    ap.add_argument("--quiet", action="store_true", help="only the totals")
    args = ap.parse_args()
    if not args.csv and not args.corpus:
        ap.error("give a CSV of written turns, --corpus, or both")
    if args.csv:
        score_phrases(args.csv, args.quiet)
    if args.corpus:
        scan_corpus(args.corpus, args.format, args.sample)


if __name__ == "__main__":
    main()
