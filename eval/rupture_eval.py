"""How well the rules layer finds the client codes that mark a rupture (``confrontation``,
``withdrawal``): recall and precision on a CSV of written client turns (columns: code,
text; code "none" for turns that must get neither), and, with ``--corpus``, how often the
two codes fire on real conversations nobody labelled for ruptures.

    python eval/rupture_eval.py eval/data/rupture_phrases.csv [--quiet]
    python eval/rupture_eval.py --corpus ../shared/data/annomi/AnnoMI-simple.csv [--sample 20]
    python eval/rupture_eval.py --annomi ../shared/data/annomi

``--annomi`` runs the whole pipeline on AnnoMI and compares the ruptures found in its high-
and low-quality MI sessions: nobody marked ruptures there either, but low-quality sessions
(lecturing, arguing) should hold more of them.

Both codes come from the rules layer and the engagement model (docs/analyzers/ruptures.md),
so the turns are coded with those two directly, as ``analyze`` codes a client's turn. On a corpus the rate is an alarm rate, not precision: some turns are real
ruptures.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from functools import cache
from pathlib import Path

from rapportlens import Role, read
from rapportlens.coding.engagement import (
    SUSPECT_CONFIDENCE,
    EngagementModel,
    default_dir,
    load_engagement,
)
from rapportlens.coding.rules import apply_rules

CODES = ("confrontation", "withdrawal")


USE_MODEL = True
WITH_CHECK = True  # the n-gram model's second opinion (engagement-minilm); --without-check leaves it out


def rupture_codes(text: str) -> dict[str, str]:
    """The rupture codes ``analyze`` gives this client turn: the rules', then the engagement
    model's (unless --rules-only)."""
    found = {h.code: h.reason for h in apply_rules(text, Role.CLIENT) if h.code in CODES}
    if USE_MODEL:
        model = load_engagement() if WITH_CHECK else _ngrams_alone()
        for code, finding in model.codes([text])[0].items():
            if finding.confidence > SUSPECT_CONFIDENCE:  # a suspicion counts only in context (--in-session)
                found.setdefault(code, finding.reason)
    return found


@cache
def _ngrams_alone() -> EngagementModel:
    return EngagementModel.load(default_dir(), None)


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


# Each written turn is put into a short session as the client's reply, once after an open
# question and once after advice, and the whole pipeline runs on it (as `analyze` would).
OPENING = [("T", "What would you like to talk about today?"),
           ("C", "Work, mostly. It has been really stressful since the restructure and I am not sleeping well.")]
CONTEXTS = {"after an open question": ("T", "What has that been like for you?"),
            "after advice": ("T", "You should cut back your hours and you really need to start going to bed earlier.")}


def score_in_session(path: str, quiet: bool) -> None:
    import rapportlens
    from rapportlens import Conversation

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    print(f"{path}: {len(rows)} turns in a session, a rupture reported at the turn")
    for name, before in CONTEXTS.items():
        found = []
        for row in rows:
            conv = rapportlens.analyze(Conversation.from_pairs(
                [*OPENING, before, ("C", row["text"])], roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
            hit = [r for r in conv.features["ruptures"] if 3 in r["utterances"]]
            found.append((row, hit[0]["kind"] if hit else None))
            if not quiet and (hit == []) == (row["code"] != "none"):
                print(f"  {name}: {row['code']:>13} -> {hit[0]['kind'] if hit else '-'}: {row['text']}")
        pos = [k for r, k in found if r["code"] != "none"]
        neg = [k for r, k in found if r["code"] == "none"]
        print(f"  {name}: ruptures found {sum(k is not None for k in pos)}/{len(pos)}, "
              f"false ruptures {sum(k is not None for k in neg)}/{len(neg)}")


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


def annomi_sessions(path: str) -> None:
    from rapportlens import default_pipeline
    from rapportlens.rapport.fit import annomi_outcome

    folder = Path(path)
    file = next((p for p in (folder / "AnnoMI-full.csv", folder / "AnnoMI-simple.csv") if p.is_file()), folder)
    pipeline = default_pipeline()
    rows = []
    for conv in read(file, "annomi"):
        found = pipeline(conv).features["ruptures"]
        rows.append((annomi_outcome(conv), len(found), sum(r["repaired"] for r in found), len(conv.utterances)))
    for quality, name in ((1, "high"), (0, "low")):
        group = [r for r in rows if r[0] == quality]
        n, ruptures, repaired = len(group), sum(r[1] for r in group), sum(r[2] for r in group)
        utterances = sum(r[3] for r in group)
        print(f"AnnoMI {name}-quality sessions: {n}; with a rupture {sum(r[1] > 0 for r in group) / max(1, n):.0%}; "
              f"ruptures {ruptures} ({1000 * ruptures / max(1, utterances):.1f} per 1,000 utterances), repaired {repaired}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", help="written client turns: columns code, text")
    ap.add_argument("--corpus", help="a transcript file or folder rapportlens can read")
    ap.add_argument("--annomi", help="AnnoMI folder: ruptures in its high- and low-quality sessions")
    ap.add_argument("--format", default=None, help="reader name when the extension does not say")
    ap.add_argument("--sample", type=int, default=20, help="flagged corpus turns to print")
    ap.add_argument("--quiet", action="store_true", help="only the totals")
    ap.add_argument("--rules-only", action="store_true", help="without the engagement model")
    ap.add_argument("--in-session", action="store_true",
                    help="also put each CSV turn into a short session (after an open question, after advice) "
                         "and report the ruptures the whole pipeline finds there")
    ap.add_argument("--without-check", action="store_true",
                    help="the engagement model's n-grams without their second opinion (not for --annomi, "
                         "which runs the shipped pipeline)")
    args = ap.parse_args()
    global USE_MODEL, WITH_CHECK
    USE_MODEL, WITH_CHECK = not args.rules_only, not args.without_check
    if not (args.csv or args.corpus or args.annomi):
        ap.error("give a CSV of written turns, --corpus or --annomi")
    if args.csv:
        score_phrases(args.csv, args.quiet)
        if args.in_session:
            score_in_session(args.csv, args.quiet)
    if args.corpus:
        scan_corpus(args.corpus, args.format, args.sample)
    if args.annomi:
        annomi_sessions(args.annomi)


if __name__ == "__main__":
    main()
