"""Build the engagement model's second opinion (``models/engagement-minilm``): all-MiniLM-L6-v2
fine-tuned on the same turns as the n-gram model (``training.engagement``), exported to
int8 ONNX. Needs the ``train`` extra; about 6 minutes on 2 cores.

    python -m rapportlens.training.engagement_check --out src/rapportlens/models/engagement-minilm \
        --annomi ../shared/data/annomi data/ruptures/*.csv

It is asked only about turns the n-gram model suspects (P >= ``PREFILTER``) but does not
code (P < its own threshold), and codes them when it is sure (P >= ``THRESHOLD``). Alone it
codes about 1.2 % of ordinary client turns even at P >= 0.99; behind the n-gram model's
filter the two together code 0.6-1.0 % (docs/analyzers/ruptures.md). The two thresholds
were chosen on the written holdouts 1-5 and the alarm rates on client turns neither model
saw (AnnoMI turns left out of training, ESConv); `eval/data/rupture_holdout6.csv` and
`rupture_holdout7.csv`, written afterwards, are their fair tests.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..coding.engagement import CARD_FILE, CHECK_MODEL, HEAD, LABELS
from ..datasets import Dataset, Task
from .engagement import ANNOMI_TURNS, annomi_ordinary, annomi_pool, read_turns

SETTINGS = {"epochs": 4, "lr": 1e-4, "batch_size": 16, "max_length": 64, "seed": 0, "freeze": 0}
PREFILTER = 0.7
THRESHOLD = 0.99


def unseen_annomi(folder: Path) -> list[str]:
    """AnnoMI client turns that ``annomi_ordinary`` leaves out of training: ordinary talk
    neither model saw, to measure how often they code it."""
    return [t for t, _ in annomi_pool(folder)[ANNOMI_TURNS:]]


def build(paths: list[Path], out: Path, annomi: Path | None = None, progress: bool = True) -> dict[str, Any]:
    from .trainer import export, fit

    examples = read_turns(paths)
    sources = [str(p) for p in paths]
    if annomi:
        examples += annomi_ordinary(annomi)
        sources.append(f"{annomi} (client turns as ordinary talk)")
    task = Task(HEAD, LABELS, "none, confrontation or withdrawal, one client turn")
    dataset = Dataset("engagement-turns", (task,), examples, sources)
    info: dict[str, Any] = {"trained_on": sources, "turns": len(examples), "settings": SETTINGS,
                            "prefilter": PREFILTER, "threshold": THRESHOLD}
    model, heads = fit(dataset, examples, progress=progress, description="engagement turns", **SETTINGS)
    export(model, heads, out, name=CHECK_MODEL, dataset=dataset, max_length=SETTINGS["max_length"], info=info)
    if annomi:
        from ..coding.engagement import EngagementModel, default_dir

        lexical = EngagementModel.load(default_dir(), None)
        both = EngagementModel.load(default_dir(), out)
        turns = unseen_annomi(annomi)
        info["unseen_annomi_turns"] = len(turns)
        info["unseen_annomi_coded"] = {
            "n_grams_alone": round(sum(bool(c) for c in lexical.codes(turns)) / max(1, len(turns)), 4),
            "with_this_check": round(sum(bool(c) for c in both.codes(turns)) / max(1, len(turns)), 4)}
        # Measured with the exported model, so added to the card export just wrote.
        card = json.loads((out / CARD_FILE).read_text("utf-8"))
        card.update({k: info[k] for k in ("unseen_annomi_turns", "unseen_annomi_coded")})
        (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    return info


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help="CSV files with columns code, text")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--annomi", type=Path, help="the AnnoMI folder: its client talk teaches ordinary talk")
    args = ap.parse_args(argv)
    info = build(args.files, args.out, annomi=args.annomi)
    print(json.dumps({k: v for k, v in info.items() if k != "trained_on"}, indent=2))


if __name__ == "__main__":
    main()
