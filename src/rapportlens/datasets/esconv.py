"""ESConv: the supporter's support strategy (8 classes) per supporter utterance.

Reads esconv_hf.jsonl and FailedESConv.json when present. The original layout's label
variants are folded into the eight published names.
"""

from __future__ import annotations

from pathlib import Path

from ..coding.inputs import conversation_items
from ..model import Role
from ..reading import read
from .base import Dataset, Example, Task, best, check_label, find_files

STRATEGIES = (
    "Question", "Restatement or Paraphrasing", "Reflection of feelings", "Self-disclosure",
    "Affirmation and Reassurance", "Providing Suggestions", "Information", "Others",
)
# FailedESConv.json spells some strategies differently, and keeps a few retired labels.
VARIANTS = {
    "Questions": "Question", "Other": "Others", "Restatement": "Restatement or Paraphrasing",
    "Approval and Reassurance": "Affirmation and Reassurance", "Direct Guidance": "Providing Suggestions",
}
FROM_CODES = {
    "Question": ("question.open", "question.closed"),
    "Restatement or Paraphrasing": ("reflection.simple",),
    "Reflection of feelings": ("reflection.complex", "reflection.feeling", "validation"),
    "Self-disclosure": ("self_disclosure", "common_ground"),
    "Affirmation and Reassurance": ("affirmation",),
    "Providing Suggestions": ("advice", "collaboration"),
    "Information": ("information", "orientation"),
}
TASKS = (
    Task("strategy", STRATEGIES, "ESConv support strategy, supporter utterances",
         lambda codes: best(codes, FROM_CODES, "Others"), published=0.5),
)
FILES = ("esconv_hf.jsonl", "ESConv.json", "FailedESConv.json")


def load(path: Path) -> Dataset:
    files = find_files(path, FILES, "ESConv")
    examples = []
    for file in files:
        for conv in read(file, format="esconv"):
            for u, item in zip(conv.utterances, conversation_items(conv)):
                labels = {}
                if item.role == Role.PRACTITIONER and (s := u.meta.get("strategy")):
                    labels["strategy"] = check_label(VARIANTS.get(s, s), TASKS[0], str(file), u.line)
                examples.append(Example(item, labels, f"{file.name}:{conv.id}", f"{file}:{u.line}"))
    return Dataset("esconv", TASKS, examples, [str(f) for f in files])
