"""AnnoMI: therapist behaviour (4 classes) and client talk type (3 classes) per utterance.

Reads AnnoMI-full.csv when present (it adds question, reflection and therapist-input
subtypes), otherwise AnnoMI-simple.csv. An utterance coded by several annotators counts
once, with the label most of them chose (the first annotator's on a tie).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..coding.inputs import conversation_items
from ..reading import read
from .base import Dataset, Example, Task, best, check_label, find_files

BEHAVIOUR = {
    "question": ("question.open", "question.closed"),
    "reflection": ("reflection.simple", "reflection.complex"),
    "therapist_input": ("information", "advice", "collaboration", "orientation"),
}
TALK = {"change": ("change_talk",), "sustain": ("sustain_talk",), "neutral": ("neutral",)}

TASKS = (
    Task("therapist_behaviour", ("question", "reflection", "therapist_input", "other"),
         "AnnoMI main therapist behaviour, therapist utterances",
         lambda codes: best(codes, BEHAVIOUR, "other"), published=0.72),
    Task("client_talk_type", ("change", "neutral", "sustain"),
         "AnnoMI client talk type, client utterances", lambda codes: best(codes, TALK, "neutral"), published=0.58),
    Task("question_subtype", ("open", "closed"), "open or closed, where a question was coded",
         lambda codes: best(codes, {"open": ("question.open",), "closed": ("question.closed",)}, "closed")),
    Task("reflection_subtype", ("simple", "complex"), "simple or complex, where a reflection was coded",
         lambda codes: best(codes, {"simple": ("reflection.simple",), "complex": ("reflection.complex",)}, "simple")),
    Task("input_subtype", ("information", "advice", "negotiation", "options"),
         "kind of therapist input, where input was coded",
         lambda codes: best(codes, {"information": ("information", "orientation"), "advice": ("advice",),
                                    "negotiation": ("collaboration",)}, "information")),
)
FILES = ("AnnoMI-full.csv", "AnnoMI-simple.csv")


def _vote(values: Sequence[str]) -> str | None:
    values = [v for v in values if v and v != "n/a"]
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _labels(annotations: Sequence[Mapping[str, str]]) -> dict[str, str]:
    out = {}
    for task, column in (("therapist_behaviour", "main_therapist_behaviour"),
                         ("client_talk_type", "client_talk_type")):
        if (v := _vote([a.get(column, "") for a in annotations])) is not None:
            out[task] = v
    for task, kind in (("question_subtype", "question"), ("reflection_subtype", "reflection"),
                       ("input_subtype", "therapist_input")):
        present = [a.get(f"{kind}_subtype", "") for a in annotations if a.get(f"{kind}_exists") == "True"]
        if (v := _vote(present)) is not None:
            out[task] = v
    return out


def load(path: Path) -> Dataset:
    file = find_files(path, FILES, "AnnoMI")[0]
    tasks = {t.name: t for t in TASKS}
    examples = []
    for conv in read(file, format="annomi"):
        for u, item in zip(conv.utterances, conversation_items(conv)):
            labels = {k: check_label(v, tasks[k], str(file), u.line)
                      for k, v in _labels(u.meta["annotations"]).items()}
            examples.append(Example(item, labels, conv.id, f"{file}:{u.line}"))
    return Dataset("annomi", TASKS, examples, [str(file)])
