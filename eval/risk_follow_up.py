"""How practitioners answered the utterances flagged for risk in a corpus: asked directly,
took a step towards safety, acknowledged it, did not take it up, or the session ended
(`risk.follow_up`, docs/analyzers/feedback.md). Nobody labelled these answers, so this
measures how often each kind is found, with a sample of each to read by hand.

    python eval/risk_follow_up.py ../shared/data/esconv/esconv_hf.jsonl [--format esconv] [--sample 5] [--sure-only] [--precise-only]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

import rapportlens
from rapportlens import read
from rapportlens.rapport.risk_follow_up import KINDS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    ap.add_argument("--format", default=None, help="reader name when the extension does not say")
    ap.add_argument("--sample", type=int, default=5, help="examples of each kind to print")
    ap.add_argument("--sure-only", action="store_true", help="only utterances with a flag that is not unsure")
    ap.add_argument("--precise-only", action="store_true",
                    help="only utterances flagged by the risk phrases or as an answer to a direct question")
    args = ap.parse_args()
    convs = read(args.path, args.format)
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = {k: [] for k in KINDS}
    for conv in convs:
        conv = rapportlens.analyze(conv)
        for item in conv.features["risk.follow_up"]:
            if (args.sure_only and not item["sure"]) or (args.precise_only and not item["precise"]):
                continue
            kinds[item["follow_up"]] += 1
            said = conv.utterances[item["utterance"]].text
            answer = conv.utterances[item["by"]].text if item["by"] is not None else "-"
            examples[item["follow_up"]].append(f"{said[:100]!r} -> {answer[:120]!r}")
    total = sum(kinds.values())
    print(f"{len(convs)} conversations, {total} flagged utterances{' (sure flags only)' if args.sure_only else ''}{' (precise flags only)' if args.precise_only else ''}")
    for kind, label in KINDS.items():
        print(f"  {kind}: {kinds[kind]} ({kinds[kind] / max(1, total):.0%}) {label}")
    rng = random.Random(0)
    for kind in KINDS:
        for line in rng.sample(examples[kind], min(args.sample, len(examples[kind]))):
            print(f"[{kind}] {line}")


if __name__ == "__main__":
    main()
