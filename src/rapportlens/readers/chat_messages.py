"""Chat logs in the "messages" layout that chatbot APIs and fine-tuning sets use:
``{"messages": [{"role": "user", "content": "..."}, {"role": "assistant", ...}]}``, one
conversation per object (a .json array or one per .jsonl line)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation, Role
from .base import Option, Reader, Record, assemble
from .native_json import is_jsonl, parse_documents

# The message role -> (speaker name, RapportLens role). The agent answers, so it is the practitioner.
ROLES = {
    "user": ("User", Role.CLIENT),
    "human": ("User", Role.CLIENT),
    "assistant": ("Assistant", Role.PRACTITIONER),
    "ai": ("Assistant", Role.PRACTITIONER),
    "bot": ("Assistant", Role.PRACTITIONER),
    "model": ("Assistant", Role.PRACTITIONER),
}
# Instructions to the model and tool output are not said by either person.
NOT_SPOKEN = ("system", "developer", "tool", "function")


def message_text(content: Any) -> str | None:
    """A message's words: a string, or the text parts of a list of parts (images and the like
    are not words); None when it is neither."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") if isinstance(p, dict) else p if isinstance(p, str) else None for p in content]
        return " ".join(p for p in parts if isinstance(p, str))
    return None


class ChatMessagesReader(Reader):
    name = "chat"
    description = (
        "Chat logs in the messages layout of chatbot APIs: an object with a 'messages' list of "
        "{role, content}, one per conversation (.json array or .jsonl lines). user -> client, "
        "assistant -> practitioner; system, developer and tool messages are skipped and counted."
    )
    extensions = ()
    options = (
        Option("user_name", "speaker name for the user's messages", str, "User"),
        Option("assistant_name", "speaker name for the assistant's messages", str, "Assistant"),
    )

    def sniff(self, path: Path, head: str) -> float:
        return 0.95 if '"messages"' in head and '"role"' in head and '"content"' in head else 0.0

    def read_text(self, text: str, path: str, user_name: str = "User", assistant_name: str = "Assistant",
                  **options: Any) -> Iterator[Conversation]:
        names = {Role.CLIENT: user_name, Role.PRACTITIONER: assistant_name}
        stem = Path(path).stem or "stdin"
        for n, (line, label, doc) in enumerate(parse_documents(text, path, jsonl=is_jsonl(Path(path), text))):
            where = label or f"conversation {n + 1}"
            if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
                raise InputError(f"{where}: a chat log is an object with a 'messages' list", path=path, line=line,
                                 fix="each conversation must look like {\"messages\": [{\"role\": ..., \"content\": ...}]}")
            records, skipped = [], 0
            for i, m in enumerate(doc["messages"]):
                role = str(m.get("role", "")).lower() if isinstance(m, dict) else ""
                if role in NOT_SPOKEN:
                    skipped += 1
                    continue
                said = message_text(m.get("content")) if isinstance(m, dict) else None
                if role not in ROLES or said is None:
                    raise InputError(
                        f"{where}, messages[{i}]: needs 'role' (user or assistant) and text 'content'", path=path,
                        line=line, fix=f"roles read: {', '.join(ROLES)}; skipped: {', '.join(NOT_SPOKEN)}",
                    )
                who = ROLES[role][1]
                records.append(Record(m.get("name") or names[who], said, None, None, line, f"{where}, messages[{i}]",
                                      who, {}))
            conv = assemble(records, id=str(doc.get("id", f"{stem}-{n + 1}" if n or label else stem)), path=path,
                            format=self.name, meta={k: v for k, v in doc.items() if k not in ("messages", "id")})
            if skipped:
                conv.warn(f"{skipped} system, developer or tool message(s) were skipped: they are not said by either person")
            yield conv
