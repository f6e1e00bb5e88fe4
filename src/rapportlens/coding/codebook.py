"""The codebook: every behaviour code, its definition and examples, read from codebook.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

SPEAKERS = ("practitioner", "client", "any")
DETECTION = ("model", "rules", "model+rules")


@dataclass(frozen=True, slots=True)
class CodeDef:
    code: str
    label: str
    speaker: str
    family: str
    definition: str
    examples: tuple[str, ...]
    detection: str
    datasets: dict[str, str]


def _parse(raw: dict[str, Any]) -> dict[str, CodeDef]:
    out = {}
    for code, d in raw["codes"].items():
        c = CodeDef(code, d["label"], d["speaker"], d["family"], d["definition"], tuple(d["examples"]),
                    d["detection"], dict(d.get("datasets", {})))
        if c.speaker not in SPEAKERS or c.detection not in DETECTION or len(c.examples) < 3:
            raise ValueError(f"codebook entry {code!r} needs speaker in {SPEAKERS}, detection in "
                             f"{DETECTION} and at least three examples")
        out[code] = c
    return out


@cache
def codebook() -> dict[str, CodeDef]:
    text = resources.files(__package__).joinpath("codebook.toml").read_text("utf-8")
    return _parse(tomllib.loads(text))


def codebook_markdown() -> str:
    """docs/codebook.md, generated so that the page and the codes cannot drift apart."""
    lines = [
        "# Codebook",
        "",
        "<!-- generated from src/rapportlens/coding/codebook.toml by `make docs`; edit that file -->",
        "",
        "Every utterance gets zero or more of these codes, each with a confidence (0-1), the",
        "part of the utterance that is the evidence, and where the code came from (`model`,",
        "`rules`, or both). How well each is detected is in [accuracy.md](accuracy.md); the",
        "examples are written by the project.",
        "",
    ]
    for speaker in SPEAKERS:
        codes = [c for c in codebook().values() if c.speaker == speaker]
        title = {"practitioner": "Practitioner codes", "client": "Client codes", "any": "Any speaker"}[speaker]
        lines += [f"## {title}", "", "| code | family | detected by | meaning |", "|---|---|---|---|"]
        lines += [f"| [`{c.code}`](#{c.code.replace('.', '')}) | {c.family} | {c.detection} | {c.label} |" for c in codes]
        lines.append("")
        for c in codes:
            lines += [f"### `{c.code}`", "", f"**{c.label}.** {c.definition}", "", "Examples:", ""]
            lines += [f"- \"{e}\"" for e in c.examples]
            if c.datasets:
                lines += ["", "In the evaluation datasets: " + "; ".join(f"{k}: {v}" for k, v in c.datasets.items()) + "."]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
