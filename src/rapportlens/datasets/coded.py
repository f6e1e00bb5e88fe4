"""Your own coded sessions: any transcript RapportLens reads, with a code per utterance.

The code sits in a column (CSV/TSV: ``code``) or an utterance's ``meta.code`` (JSON).
Utterances without a code are context only. The labels are whatever codes the file uses,
so a clinic can train a model on its own coding scheme; labels that are RapportLens codes
also appear as codes in ``analyze``.
"""

from __future__ import annotations

from pathlib import Path

from ..coding.inputs import conversation_items
from ..errors import InputError
from ..reading import read
from .base import Dataset, Example, Task

SUFFIXES = (".csv", ".tsv", ".json", ".jsonl")


def load(path: Path) -> Dataset:
    files = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES) if path.is_dir() else [path]
    if not files:
        raise InputError("no .csv, .tsv, .json or .jsonl files here", path=str(path),
                         fix="pass a coded transcript, or a folder of them")
    examples = []
    for file in files:
        for conv in read(file):
            for u, item in zip(conv.utterances, conversation_items(conv)):
                code = str(u.meta.get("code", "")).strip()
                examples.append(Example(item, {"code": code} if code else {},
                                        f"{file}:{conv.id}", f"{file}:{u.line}"))
    labels = tuple(sorted({e.labels["code"] for e in examples if e.labels}))
    if len(labels) < 2:
        raise InputError(
            f"found {len(labels)} distinct code(s); training needs at least two", path=str(path),
            fix="add a 'code' column (CSV) or meta.code (JSON) holding each utterance's code",
        )
    return Dataset("coded", (Task("code", labels, "the codes in your files"),), examples, [str(f) for f in files])
