"""Live analysis speed: what each utterance costs as a conversation grows, against analysing
the whole conversation once in the same run.

Run: `python bench/bench_live.py [--utterances N] [--data ANNOMI_FOLDER] [--repeat R]`. With
--data the conversation is AnnoMI's transcripts one after another (therapist and client),
cut at N utterances; without it, the project's synthetic corpus lines
(`rapportlens.batch.synthetic`). Reports, in one run:
  1. the baseline: `analyze` of the whole conversation (models loaded beforehand),
  2. the live session: the time to add every utterance one by one, and the time of one
     update at 25 %, 50 % and 100 % of the conversation, each as a ratio to the baseline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from timing import best_and_median

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.live import LiveSession


def annomi_pairs(folder: Path, n: int) -> list[tuple[str, str]]:
    pairs = []
    for conv in rapportlens.iter_read(folder / "AnnoMI-simple.csv"):
        pairs += [("Therapist" if conv.speaker(u.speaker).role == Role.PRACTITIONER else "Client", u.text)
                  for u in conv.utterances]
        if len(pairs) >= n:
            break
    return pairs[:n]


def synthetic_pairs(n: int) -> list[tuple[str, str]]:
    from rapportlens.batch.synthetic import _pairs

    return [("Therapist" if s == "Counsellor" else "Client", t) for s, t in _pairs(random.Random(0), n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--utterances", type=int, default=200)
    ap.add_argument("--data", type=Path, help="the AnnoMI folder")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pairs = annomi_pairs(args.data, args.utterances) if args.data else synthetic_pairs(args.utterances)
    roles = {"Therapist": Role.PRACTITIONER, "Client": Role.CLIENT}
    pipeline = rapportlens.default_pipeline()
    pipeline(Conversation.from_pairs(pairs[:4], roles=roles))  # load the models before timing
    best, median = best_and_median(lambda: pipeline(Conversation.from_pairs(pairs, roles=roles)), args.repeat)
    print(f"{len(pairs)} utterances ({'AnnoMI' if args.data else 'synthetic'})")
    print(f"baseline, analyze the whole conversation: {median:.2f} s (best {best:.2f})")
    totals, at = [], {}
    marks = {max(1, len(pairs) // 4), max(1, len(pairs) // 2), len(pairs)}
    for _ in range(args.repeat):
        live = LiveSession("Therapist")
        start = time.perf_counter()
        for k, (s, t) in enumerate(pairs, 1):
            t0 = time.perf_counter()
            live.add(s, t)
            if k in marks:
                at.setdefault(k, []).append(time.perf_counter() - t0)
        totals.append(time.perf_counter() - start)
    total = statistics.median(totals)
    print(f"live, every utterance added one by one: {total:.2f} s in all ({total / median:.1f}x the baseline), "
          f"{total / len(pairs) * 1000:.0f} ms an utterance on average")
    for k in sorted(at):
        one = statistics.median(at[k])
        print(f"  one update at utterance {k}: {one * 1000:.0f} ms ({one / median:.2f}x the baseline)")


if __name__ == "__main__":
    main()
