"""How well a practitioner's repair after a rupture is recognised: each written practitioner
turn is put into the same short session, right after a client's complaint, and the whole
pipeline runs on it, as `analyze` would. A CSV row has ``kind`` ("repair": the turn should
be found as the rupture's repair; "pushing": it carries on advising or informing and should
not) and ``text``.

    python eval/repair_eval.py eval/data/repair_holdout3.csv [--quiet]

A repair counts as found when the rupture is reported as repaired (a repair and the
client's recovery after it); a pushing turn is a false repair when any repair is reported.
"""

from __future__ import annotations

import argparse
import csv

import rapportlens
from rapportlens import Conversation, Role

# A client who wanted to talk, got advice and said so; then the turn under test; then the
# client talking at length again (the recovery, so a found repair makes the rupture repaired).
BEFORE = [
    ("T", "What would you like to focus on today?"),
    ("C", "The arguments at home. They have been getting worse since my husband lost his job in March."),
    ("T", "You should try couples counselling, and you really need to stop rising to it when he shouts."),
    ("C", "I didn't come here to be told what to do. You're not listening to me."),
]
AFTER = ("C", ("On Sunday he shouted at me because dinner was late, and our daughter heard all of it, "
               "which is what upset me most."))
KINDS = ("repair", "pushing")


def repair_of(turn: str) -> tuple[bool, list[str] | None]:
    """Whether the rupture is repaired with ``turn`` as the practitioner's reply, and the
    codes that made it a repair (None: no repair found)."""
    conv = rapportlens.analyze(Conversation.from_pairs(
        [*BEFORE, ("T", turn), AFTER], roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    ruptures = conv.features["ruptures"]
    if not ruptures:
        raise SystemExit("the complaint in the fixed session was not found as a rupture; fix the session first")
    r = ruptures[0]
    return bool(r["repaired"]), (r["repair"]["codes"] if r["repair"] else None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", help="CSV with columns kind (repair or pushing), text")
    ap.add_argument("--quiet", action="store_true", help="print only the totals")
    args = ap.parse_args()
    with open(args.csv, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for line, row in enumerate(rows, start=2):
        if row.get("kind") not in KINDS or not (row.get("text") or "").strip():
            raise SystemExit(f"{args.csv}:{line}: kind must be repair or pushing and text must not be empty")
    found = {k: 0 for k in KINDS}
    for row in rows:
        repaired, codes = repair_of(row["text"])
        hit = repaired if row["kind"] == "repair" else codes is not None
        found[row["kind"]] += hit
        if not args.quiet and hit != (row["kind"] == "repair"):
            print(f"{row['kind']:>8} -> {'repair ' + str(codes) if codes else 'no repair'}: {row['text']}")
    n = {k: sum(r["kind"] == k for r in rows) for k in KINDS}
    print(f"{args.csv}: repairs found {found['repair']}/{n['repair']}"
          + (f"; pushing turns taken for a repair {found['pushing']}/{n['pushing']}" if n["pushing"] else ""))


if __name__ == "__main__":
    main()
