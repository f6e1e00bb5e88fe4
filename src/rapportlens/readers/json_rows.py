"""JSON with one utterance per object: a .jsonl file with one message per line, or a .json
array of flat objects (what chat exports and ``DataFrame.to_json(orient="records")`` write).
Keys are recognised by the same names as CSV columns (speaker, text, role, start, ...)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation
from .base import Reader
from .chat_messages import message_text
from .delimited import COLUMN_NAMES, DelimitedReader, conversations_from_rows, normalised_name
from .native_json import is_jsonl, parse_documents

# Keys that make an object a whole conversation (our schema, chat "messages"), not one row.
CONVERSATION_KEYS = {"utterances", "messages", "schema_version", "dialog", "dialogue"}


def _cell(value: Any) -> str:
    """A JSON value as a row cell: numbers and booleans as written, a list of message parts
    as the text of its parts ([{"type": "text", "text": ...}], as chat APIs write content),
    other nested values as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(p, dict) and "type" in p for p in value):
        return message_text(value) or ""
    return json.dumps(value, ensure_ascii=False)


def _first_object(head: str) -> dict[str, Any] | None:
    """The first JSON object of a file's head: its first line (JSONL) or an array's first item,
    nested values and all."""
    first = head.lstrip()
    try:
        if first.startswith("{"):
            doc = json.loads(first.split("\n", 1)[0])
        elif first.startswith("["):
            doc, _ = json.JSONDecoder().raw_decode(first[1:].lstrip())
        else:
            return None
    except json.JSONDecodeError:
        return None
    return doc if isinstance(doc, dict) else None


def looks_like_row(doc: dict[str, Any]) -> bool:
    keys = {normalised_name(k) for k in doc}
    return (not keys & CONVERSATION_KEYS and bool(keys & set(COLUMN_NAMES["text"]))
            and bool(keys & (set(COLUMN_NAMES["speaker"]) | set(COLUMN_NAMES["role"]))))


class JsonRowsReader(Reader):
    name = "jsonrows"
    description = (
        "JSON with one utterance per object: .jsonl with one message per line, or a .json array "
        "of flat objects. Keys are recognised like CSV columns (speaker/name/author, text/message/"
        "content, role, start/end, conversation_id) or set with options; other keys go to meta."
    )
    extensions = ()
    options = DelimitedReader.options[1:]  # every CSV option but the delimiter

    def sniff(self, path: Path, head: str) -> float:
        doc = _first_object(head)
        # Above the native reader's 0.3 for any .json/.jsonl, below its 0.8 for our schema.
        return 0.7 if doc is not None and looks_like_row(doc) else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        rows: list[tuple[int | None, str, dict[str, str]]] = []
        fields: dict[str, None] = {}
        for line, label, doc in parse_documents(text, path, jsonl=is_jsonl(Path(path), text)):
            if label == "":  # a single object, not an array or lines
                raise InputError(
                    "the file holds one JSON object, not one object per utterance", path=path,
                    fix="write one object per line (.jsonl) or an array of objects, or use --format json",
                )
            if not isinstance(doc, dict):
                raise InputError(f"{label}: an utterance must be a JSON object, not {type(doc).__name__}",
                                 path=path, line=line, fix='write each utterance as {"speaker": ..., "text": ...}')
            fields.update(dict.fromkeys(doc))
            rows.append((line, label, {k: _cell(v) for k, v in doc.items()}))
        yield from conversations_from_rows(rows, list(fields), options, path, self.name, item="key")
