"""AnnoMI (motivational-interviewing demonstration transcripts), simple and full CSV files.

One conversation per ``transcript_id``. The full file repeats an utterance once per
annotator: it is read once, and every annotator's labels are kept in its ``meta``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation, Role
from ..timecodes import TimecodeError, parse_timecode
from .base import Reader, Record, assemble
from .delimited import iter_rows, read_header

REQUIRED = ("transcript_id", "utterance_id", "interlocutor", "utterance_text")
CONVERSATION_FIELDS = ("mi_quality", "topic", "video_title", "video_url")
LABEL_FIELDS = (
    "main_therapist_behaviour", "client_talk_type", "therapist_input_exists",
    "therapist_input_subtype", "reflection_exists", "reflection_subtype", "question_exists",
    "question_subtype",
)
ROLES = {"therapist": ("Therapist", Role.PRACTITIONER), "client": ("Client", Role.CLIENT)}


def _int(value: str, column: str, path: str, line: int) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(
            f"{column} {value!r} is not a whole number", path=path, line=line,
            fix="this does not look like an unmodified AnnoMI file; check the column",
        ) from None


class AnnoMIReader(Reader):
    name = "annomi"
    description = (
        "AnnoMI CSV (AnnoMI-simple.csv or AnnoMI-full.csv): one conversation per transcript_id; "
        "therapist -> practitioner, client -> client; annotator repeats read once."
    )
    extensions = ()

    def sniff(self, path: Path, head: str) -> float:
        first = head.split("\n", 1)[0]
        return 0.9 if all(c in first for c in REQUIRED) else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        rows = iter_rows(text, path, ",")
        header = read_header(rows, path)
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(
                f"not an AnnoMI file: no column {', '.join(missing)}", path=path, line=1,
                fix="pass --format csv for other CSV files",
            )
        transcripts: dict[str, dict[int, Record]] = {}
        bad_times: dict[str, list[str]] = {}
        info: dict[str, dict[str, str]] = {}
        for line, row in rows:
            tid = row["transcript_id"].strip()
            uid = _int(row["utterance_id"], "utterance_id", path, line)
            who = row["interlocutor"].strip().lower()
            if who not in ROLES:
                raise InputError(
                    f"interlocutor {row['interlocutor']!r} is neither 'therapist' nor 'client'",
                    path=path, line=line, fix="correct the interlocutor column",
                )
            labels = {k: row[k] for k in LABEL_FIELDS if k in row}
            if "annotator_id" in row:
                labels["annotator_id"] = row["annotator_id"]
            seen = transcripts.setdefault(tid, {})
            if uid in seen:
                if seen[uid].text != row["utterance_text"]:
                    raise InputError(
                        f"utterance {uid} of transcript {tid} appears twice with different text",
                        path=path, line=line, fix="check the file for a bad merge",
                    )
                seen[uid].meta["annotations"].append(labels)
                continue
            info.setdefault(tid, {k: row[k] for k in CONVERSATION_FIELDS if k in row})
            name, role = ROLES[who]
            start = None
            if row.get("timestamp", "").strip():
                try:
                    start = parse_timecode(row["timestamp"])
                except TimecodeError:
                    # The published files hold a few of these; refusing the corpus would help nobody.
                    bad_times.setdefault(tid, []).append(f"line {line}: {row['timestamp']!r}")
            meta = {"utterance_id": uid, "annotations": [labels]}
            meta.update({k: labels[k] for k in ("main_therapist_behaviour", "client_talk_type") if k in labels})
            seen[uid] = Record(name, row["utterance_text"], start, None, line, f"utterance_id {uid}", role, meta)
        for tid, by_id in transcripts.items():
            records = [by_id[k] for k in sorted(by_id)]
            # AnnoMI's own timestamps go backwards in a few places: warn, keep them as published.
            conv = assemble(
                records, id=f"annomi-{tid}", path=path, format=self.name,
                role_basis="AnnoMI interlocutor column", strict_timing=False,
                meta={"transcript_id": tid, **info[tid]},
            )
            if tid in bad_times:
                conv.warn(f"malformed timestamps read as missing: {'; '.join(bad_times[tid])}")
            yield conv
