"""Sentences written for the sentence models (risk, engagement), read from CSV with copies
as people say or type them: the written sentences are tidier than real turns."""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Sequence
from pathlib import Path

from ..coding.inputs import Item
from ..datasets import Example
from ..errors import InputError
from ..model import Role

# Real turns start with fillers; the written sentences do not. Without copies that start
# with one, the model learns "starts with 'But honestly' = ordinary talk" from AnnoMI.
FILLERS = ("But honestly, ", "Um, ", "Yeah. ", "I mean, ", "And ", "Well, ", "To be honest, ",
           "So, ", "I don't know, ", "Like, ", "Okay. ", "Yeah, so ")


def with_filler(text: str, rng: random.Random) -> str:
    filler = rng.choice(FILLERS)
    return filler + (text[0].lower() + text[1:] if text[:2] not in ("I ", "I'") else text)


def chat_style(text: str) -> str:
    """The sentence as people type it in a chat: lower case, no apostrophes, no full stop.
    Typed turns in text-based support look like neither the written sentences nor AnnoMI's
    transcribed speech; these copies teach a model that style says nothing about meaning."""
    return text.lower().replace("'", "").replace("\u2019", "").rstrip(".!")


def written_examples(paths: Sequence[Path], column: str, labels: Sequence[str], head: str) -> list[Example]:
    """One client Example per row of each CSV (``column`` holds the label, ``text`` the
    sentence), plus its copies with a spoken opening and as typed in a chat. The copies share
    the row's group, so cross-validation never splits them."""
    examples = []
    rng = random.Random(0)
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                if row.get(column) not in labels or not (row.get("text") or "").strip():
                    raise InputError(f"{column} must be one of {', '.join(labels)} and text must not be empty",
                                     path=str(path), line=line, fix="fix the row or remove it")
                text, where = row["text"].strip(), f"{path}:{line}"
                for t in dict.fromkeys((text, with_filler(text, rng), chat_style(text))):
                    examples.append(Example(Item(Role.CLIENT, t), {head: row[column]}, where, where))
    return examples


def sentence_model_args(doc: str, column: str, argv: list[str] | None) -> argparse.Namespace:
    """The command line of a model trained on written sentences: the CSV files, where to
    write the model, the folds of cross-validation and the AnnoMI folder for ordinary talk."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help=f"CSV files with columns {column}, text")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cv", type=int, default=5, help="folds of cross-validation before the final fit (0: none)")
    ap.add_argument("--annomi", type=Path, help="the AnnoMI folder: its client talk teaches ordinary talk")
    return ap.parse_args(argv)
