"""How often the risk flags fire on real conversations: the share of client turns flagged,
by the patterns and by the patterns with the model, and a sample of the model's flags to
read by hand. Nobody labelled these turns for risk, so this measures the alarm rate, not
precision; some flags are real disclosures.

    python eval/risk_false_alarms.py ../shared/data/esconv/esconv_hf.jsonl [--format esconv] [--sample 30]
"""

from __future__ import annotations

import argparse
import random
import time

from rapportlens import Role, read
from rapportlens.rapport.risk import assess_many, is_unsure


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    ap.add_argument("--format", default=None, help="reader name when the extension does not say")
    ap.add_argument("--sample", type=int, default=30, help="model-only flags to print")
    args = ap.parse_args()
    convs = read(args.path, args.format)
    texts = []
    for conv in convs:
        roles = {s.name: s.role for s in conv.speakers}
        texts += [u.text for u in conv.utterances if roles[u.speaker] != Role.PRACTITIONER]
    start = time.perf_counter()
    both = assess_many(texts)
    seconds = time.perf_counter() - start
    patterns = assess_many(texts, use_model=False)
    n_both, n_pat = sum(map(bool, both)), sum(map(bool, patterns))
    n_sure = sum(any(not is_unsure(f.to_dict()) for f in found) for found in both)
    print(f"{len(convs)} conversations, {len(texts)} client turns: flagged by patterns {n_pat} "
          f"({n_pat / len(texts):.2%}), by patterns + model {n_both} ({n_both / len(texts):.2%}; "
          f"{n_sure}, {n_sure / len(texts):.2%}, with a flag that is not unsure); {len(texts) / seconds:.0f} turns/s")
    model_only = [(t, f) for t, f, p in zip(texts, both, patterns) if f and not p]
    for text, flags in random.Random(0).sample(model_only, min(args.sample, len(model_only))):
        print(f"- {', '.join(f.category for f in flags)}: {text[:160]}")


if __name__ == "__main__":
    main()
