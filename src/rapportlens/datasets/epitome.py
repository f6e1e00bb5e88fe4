"""EPITOME: empathy communication levels (0 none, 1 weak, 2 strong) of Reddit responses.

Three files share the same (seeker post, response) rows, one per mechanism: emotional
reactions, interpretations, explorations. A response is coded as the counsellor's reply to
the seeker's post. A pair annotated more than once counts once, with its most common level.
The posts keep Reddit's HTML escapes (``&amp;``, ``&lt;``, ``&gt;``); they are decoded, so a
model learns from the text as its writer typed it, which is what it reads in a transcript.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

from ..coding.inputs import Item, format_context
from ..errors import InputError
from ..model import Role
from ..readers.delimited import iter_rows, read_header
from ..textio import decode
from .base import Dataset, Example, Task, best, find_files

LEVELS = ("0", "1", "2")
FILES = {
    "emotional_reactions": "emotional-reactions-reddit.csv",
    "interpretations": "interpretations-reddit.csv",
    "explorations": "explorations-reddit.csv",
}
COLUMNS = ("sp_id", "rp_id", "seeker_post", "response_post", "level")
TASKS = (
    Task("emotional_reactions", LEVELS, "warmth or compassion expressed (0/1/2)",
         lambda c: best(c, {"2": ("validation",), "1": ("sympathy", "affirmation")}, "0"), published=0.77),
    Task("interpretations", LEVELS, "understanding of the seeker's feelings or experience (0/1/2)",
         lambda c: best(c, {"2": ("reflection.complex", "reflection.feeling", "self_disclosure",
                                  "common_ground"), "1": ("reflection.simple",)}, "0"), published=0.7),
    Task("explorations", LEVELS, "exploring the seeker's feelings or experience (0/1/2)",
         lambda c: best(c, {"2": ("question.open",), "1": ("question.closed",)}, "0"), published=0.64),
)


def _read(file: Path) -> dict[tuple[str, str], tuple[int, str, str, list[str]]]:
    text, _ = decode(file.read_bytes(), file)
    rows = iter_rows(text, str(file), ",")
    header = read_header(rows, str(file))
    if missing := [c for c in COLUMNS if c not in header]:
        raise InputError(f"not an EPITOME file: no column {', '.join(missing)}", path=str(file), line=1,
                         fix="pass the unmodified EPITOME *-reddit.csv files")
    pairs: dict[tuple[str, str], tuple[int, str, str, list[str]]] = {}
    for line, row in rows:
        if row["level"].strip() not in LEVELS:
            raise InputError(f"level {row['level']!r} is not 0, 1 or 2", path=str(file), line=line,
                             fix="check the file is the unmodified EPITOME release")
        key = (row["sp_id"], row["rp_id"])
        pairs.setdefault(key, (line, row["seeker_post"], row["response_post"], []))[3].append(row["level"].strip())
    return pairs


def load(path: Path) -> Dataset:
    if path.is_file():
        raise InputError("EPITOME is three files; pass the folder that holds them", path=str(path),
                         fix=f"--data FOLDER with {', '.join(FILES.values())}")
    files = find_files(path, list(FILES.values()), "EPITOME")
    by_task = {task: _read(path / name) for task, name in FILES.items() if path / name in files}
    examples: dict[tuple[str, str], Example] = {}
    for task, pairs in by_task.items():
        for key, (line, seeker, response, levels) in pairs.items():
            counts = Counter(levels)
            level = next(v for v in levels if counts[v] == max(counts.values()))
            if key not in examples:
                item = Item(Role.PRACTITIONER, html.unescape(response),
                            format_context([(Role.CLIENT, html.unescape(seeker))]))
                examples[key] = Example(item, {}, key[0], f"{path / FILES[task]}:{line}")
            examples[key].labels[task] = level  # type: ignore[index]
    tasks = tuple(t for t in TASKS if t.name in by_task)
    return Dataset("epitome", tasks, list(examples.values()), [str(f) for f in files])
