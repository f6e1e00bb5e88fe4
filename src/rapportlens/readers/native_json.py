"""The project's own JSON/JSONL schema (``schema/conversation.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from ..errors import InputError
from ..model import Conversation, Role
from ..roles import role_from_value
from .base import Reader, Record, assemble

SCHEMA_VERSION = "1"


@cache
def schema() -> dict[str, Any]:
    return json.loads(files("rapportlens").joinpath("schema/conversation.schema.json").read_text())


def _pointer(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def parse_documents(text: str, path: str, *, jsonl: bool) -> Iterator[tuple[int | None, str, Any]]:
    """(line, label, object) for each JSON document: per line for JSONL, else the whole file."""
    if jsonl:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield number, f"line {number}", json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(
                    f"invalid JSON: {e.msg} (column {e.colno})", path=path, line=number,
                    fix="each line of a .jsonl file must be one complete JSON object",
                ) from None
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            f"invalid JSON: {e.msg} (column {e.colno})", path=path, line=e.lineno,
            fix="correct the JSON syntax at that place",
        ) from None
    if isinstance(doc, list):
        for i, obj in enumerate(doc):
            yield None, f"item [{i}]", obj
    else:
        yield None, "", doc


def is_jsonl(path: Path, text: str) -> bool:
    if path.suffix.lower() == ".jsonl":
        return True
    if path.suffix.lower() == ".json":
        return False
    first = text.lstrip().split("\n", 1)
    try:
        json.loads(first[0])
        return len(first) > 1 and bool(first[1].strip())
    except json.JSONDecodeError:
        return False


class NativeJsonReader(Reader):
    name = "json"
    description = (
        "RapportLens JSON (.json: one object or an array) or JSON Lines (.jsonl: one object per "
        "line) following schema/conversation.schema.json, schema_version \"1\"."
    )
    extensions = (".json", ".jsonl")

    def sniff(self, path: Path, head: str) -> float:
        if '"schema_version"' in head or '"utterances"' in head:
            return 0.8
        return 0.3 if path.suffix.lower() in self.extensions else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        validator = Draft202012Validator(schema())
        stem = Path(path).stem or "stdin"
        for n, (line, label, doc) in enumerate(parse_documents(text, path, jsonl=is_jsonl(Path(path), text))):
            error = next(iter(sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))), None)
            if error is not None:
                where = " ".join(p for p in (label, _pointer(error.absolute_path)) if p)
                raise InputError(
                    f"{where}: {error.message}", path=path, line=line,
                    fix="see docs/formats.md for the schema (schema_version \"1\"); for one object per utterance (a chat export) use --format jsonrows",
                )
            yield self._conversation(doc, path, line, label, f"{stem}-{n + 1}" if n or label else stem)

    def _conversation(self, doc: dict, path: str, line: int | None, label: str, default_id: str) -> Conversation:
        listed = {s["name"]: s for s in doc.get("speakers", [])}
        records = []
        for i, u in enumerate(doc["utterances"]):
            spec = listed.get(u["speaker"])
            if listed and spec is None:
                raise InputError(
                    f"{label} utterances[{i}].speaker {u['speaker']!r} is not in speakers".strip(),
                    path=path, line=line, fix=f"add it to speakers or use one of: {', '.join(listed)}",
                )
            role = Role(spec["role"]) if spec and spec.get("role") and not spec.get("role_inferred") else None
            if u.get("role"):
                # Chat logs often carry the role on every message rather than in a speaker list.
                role = role_from_value(u["role"])
                if role is None:
                    raise InputError(
                        f"{label} utterances[{i}].role: unknown role {u['role']!r}".strip(), path=path, line=line,
                        fix="use practitioner, client or member (or therapist, patient, agent, customer, ...)",
                    )
            records.append(
                Record(
                    u["speaker"], u["text"], u.get("start"), u.get("end"), line,
                    f"{label} utterances[{i}]".strip(), role, dict(u.get("meta", {})),
                )
            )
        return assemble(
            records, id=str(doc.get("id", default_id)), path=path, format=self.name,
            role_basis="given in the file", meta=doc.get("meta"),
        )
