"""ESConv emotional-support chats: the Hugging Face JSONL and the original JSON layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation, Role
from .base import Reader, Record, assemble
from .native_json import is_jsonl, parse_documents

# speaker value -> (name, role), for both layouts
SPEAKERS = {
    "sys": ("Supporter", Role.PRACTITIONER),
    "listener": ("Supporter", Role.PRACTITIONER),
    "supporter": ("Supporter", Role.PRACTITIONER),
    "usr": ("Seeker", Role.CLIENT),
    "speaker": ("Seeker", Role.CLIENT),
    "seeker": ("Seeker", Role.CLIENT),
}


class ESConvReader(Reader):
    name = "esconv"
    description = (
        "ESConv conversations: esconv_hf.jsonl (text/speaker usr|sys/strategy) or the original "
        "ESConv.json / FailedESConv.json (content/speaker|listener/annotation). Supporter -> "
        "practitioner, seeker -> client; strategies and ratings kept in meta."
    )

    def sniff(self, path: Path, head: str) -> float:
        return 0.9 if '"dialog"' in head else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        stem = Path(path).stem or "stdin"
        for n, (line, label, doc) in enumerate(parse_documents(text, path, jsonl=is_jsonl(Path(path), text))):
            where = label or f"conversation {n + 1}"
            if not isinstance(doc, dict) or not isinstance(doc.get("dialog"), list):
                raise InputError(
                    f"{where}: an ESConv conversation is an object with a 'dialog' list", path=path,
                    line=line, fix="pass --format json for RapportLens JSON files",
                )
            records = []
            for i, turn in enumerate(doc["dialog"]):
                text_value = turn.get("text", turn.get("content")) if isinstance(turn, dict) else None
                who = SPEAKERS.get(str(turn.get("speaker", "")).lower()) if isinstance(turn, dict) else None
                if who is None or not isinstance(text_value, str):
                    raise InputError(
                        f"{where}, dialog[{i}]: needs 'speaker' (usr/sys or speaker/listener) and "
                        "'text' or 'content'", path=path, line=line,
                        fix="this item does not follow the ESConv layout; correct or remove it",
                    )
                annotation = turn.get("annotation") or {}
                meta = {k: v for k, v in {**annotation, "strategy": turn.get("strategy", annotation.get("strategy"))}.items() if v is not None}
                records.append(Record(who[0], text_value, None, None, line, f"{where}, dialog[{i}]", who[1], meta))
            meta = {k: v for k, v in doc.items() if k != "dialog"}
            yield assemble(
                records, id=f"{stem}-{n + 1:04d}", path=path, format=self.name,
                role_basis="ESConv speaker field", meta=meta,
            )
