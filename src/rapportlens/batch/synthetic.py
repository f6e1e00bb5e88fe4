"""A synthetic corpus in mixed formats, for tests and benchmarks of batch runs.

The lines are written for the project; a seeded generator picks and orders them, so the
same arguments always give the same files.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

PRACTITIONER = [
    "What brings you here today?",
    "How has the last week been for you?",
    "So the evenings are the hardest part.",
    "It sounds like you've been carrying this on your own for a while.",
    "What would you like to be different a month from now?",
    "You kept going even when it felt pointless, and that took effort.",
    "Would it be alright if I shared an idea that has helped other people?",
    "Let me check I've understood: work is manageable, but home feels heavy?",
    "On a scale from one to ten, how ready do you feel to try that?",
    "What has helped, even a little, in the past?",
]
CLIENT = [
    "I've not been sleeping, and it's starting to affect work.",
    "Honestly, pretty rough. I snapped at my partner twice.",
    "Yes, that's when everything catches up with me.",
    "I suppose so. I don't like asking for help.",
    "I'd like to feel less on edge, and to enjoy the weekends again.",
    "Thanks. I didn't see it that way.",
    "Sure, go ahead.",
    "Mostly, yes. Though some days work is hard too.",
    "Maybe a six. I want to, I'm just tired.",
    "Walking the dog helped, and calling my brother.",
]
FORMATS = ("txt", "srt", "vtt", "csv", "jsonl")


def _pairs(rng: random.Random, length: int) -> list[tuple[str, str]]:
    out = []
    for i in range(length):
        lines = PRACTITIONER if i % 2 == 0 else CLIENT
        out.append(("Counsellor" if i % 2 == 0 else "Client", rng.choice(lines)))
    return out


def _clock(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def write_conversation(path: Path, pairs: list[tuple[str, str]], fmt: str) -> None:
    if fmt == "txt":
        path.write_text("".join(f"{s}: {t}\n" for s, t in pairs), encoding="utf-8")
    elif fmt in ("srt", "vtt"):
        sep = "," if fmt == "srt" else "."
        blocks = [f"{i + 1}\n{_clock(i * 5, sep)} --> {_clock(i * 5 + 4, sep)}\n{s}: {t}\n"
                  for i, (s, t) in enumerate(pairs)]
        path.write_text(("WEBVTT\n\n" if fmt == "vtt" else "") + "\n".join(blocks), encoding="utf-8")
    elif fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["speaker", "text", "start"])
            w.writerows([s, t, i * 5.0] for i, (s, t) in enumerate(pairs))
    elif fmt == "jsonl":
        doc = {"schema_version": "1", "id": path.stem,
               "speakers": [{"name": "Counsellor", "role": "practitioner"}, {"name": "Client", "role": "client"}],
               "utterances": [{"speaker": s, "text": t} for s, t in pairs]}
        path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {FORMATS}")


def write_corpus(folder: Path, conversations: int, *, utterances: int = 8, seed: int = 0,
                 malformed: int = 0) -> list[Path]:
    """``conversations`` files cycling through FORMATS (conversation i is ``conv-i``), plus
    ``malformed`` files that no reader accepts. Returns the files written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(conversations):
        fmt = FORMATS[i % len(FORMATS)]
        sub = folder / fmt
        sub.mkdir(exist_ok=True)
        path = sub / f"conv-{i:05d}.{fmt}"
        write_conversation(path, _pairs(rng, utterances + rng.randint(-2, 2)), fmt)
        paths.append(path)
    for j in range(malformed):
        path = folder / f"broken-{j}.srt"
        path.write_text("1\nthis is not a timecode\nCounsellor: hello\n", encoding="utf-8")
        paths.append(path)
    return paths
