"""ConvoKit corpus folders: ``utterances.jsonl`` plus optional ``speakers.json`` and
``conversations.json``; one conversation per ``conversation_id``, in file order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation
from ..roles import role_from_value
from ..textio import decode
from .base import Reader, Record, assemble
from .native_json import parse_documents


def _load_json(path: Path, encoding: str | None) -> dict[str, Any]:
    if not path.exists():
        return {}
    text, _ = decode(path.read_bytes(), path, encoding)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", path=path, line=e.lineno, fix="correct the JSON") from None
    return doc if isinstance(doc, dict) else {}


class ConvoKitReader(Reader):
    name = "convokit"
    description = (
        "A ConvoKit corpus folder (utterances.jsonl, speakers.json, conversations.json). "
        "A speaker's meta 'role' is used when it names a role; otherwise roles are inferred."
    )
    reads_directories = True

    def sniff(self, path: Path, head: str) -> float:
        return 0.95 if (path / "utterances.jsonl").is_file() else 0.0

    def read_dir(self, path: Path, encoding: str | None, **options: Any) -> Iterator[Conversation]:
        upath = path / "utterances.jsonl"
        if not upath.is_file():
            raise InputError(
                "a ConvoKit corpus folder needs utterances.jsonl", path=path,
                fix="point at the corpus folder that holds utterances.jsonl",
            )
        text, notices = decode(upath.read_bytes(), upath, encoding)
        speakers = _load_json(path / "speakers.json", encoding)
        conv_meta = _load_json(path / "conversations.json", encoding)
        groups: dict[str, list[Record]] = {}
        for line, _, obj in parse_documents(text, str(upath), jsonl=True):
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj.get("speaker"):
                raise InputError(
                    "a ConvoKit utterance needs 'speaker' and 'text'", path=upath, line=line,
                    fix="correct or remove this line",
                )
            speaker = str(obj["speaker"])
            smeta = (speakers.get(speaker) or {}).get("meta") or {}
            role = role_from_value(str(smeta["role"])) if isinstance(smeta.get("role"), str) else None
            meta = {
                k: obj[k] for k in ("id", "reply_to", "reply-to", "timestamp") if obj.get(k) is not None
            }
            if obj.get("meta"):
                meta["meta"] = obj["meta"]
            cid = str(obj.get("conversation_id") or obj.get("root") or "conversation")
            groups.setdefault(cid, []).append(Record(speaker, obj["text"], None, None, line, f"line {line}", role, meta))
        for cid, records in groups.items():
            conv = assemble(
                records, id=cid, path=str(upath), format=self.name, role_basis="speaker meta 'role'",
                meta=(conv_meta.get(cid) or {}).get("meta"),
            )
            conv.notices[:0] = notices
            yield conv
