"""CSV and TSV transcripts: one utterance per row, columns found by name or given as options."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation
from ..roles import role_from_value
from ..timecodes import EPOCH, TimecodeError, parse_datetime, parse_timecode
from .base import Option, Reader, Record, assemble

# Header names recognised without options, most specific first (compared after normalising).
COLUMN_NAMES = {
    "speaker": ("speaker", "speaker_name", "who", "name", "interlocutor", "participant", "author", "person",
                "sender", "user", "username", "user_name", "author_name"),
    "text": ("text", "utterance", "utterance_text", "said", "content", "transcript", "message",
             "dialogue", "dialog", "sentence", "body", "line"),
    "role": ("role", "speaker_role", "speaker_type", "interlocutor_role"),
    "start": ("start", "start_time", "start_seconds", "begin", "begin_time", "timestamp", "time", "ts"),
    "end": ("end", "end_time", "end_seconds", "stop", "stop_time"),
    "conversation": ("conversation_id", "conversation", "transcript_id", "session_id", "session",
                     "dialog_id", "dialogue_id", "conv_id", "call_id"),
}


def normalised_name(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


def _header(item: str) -> dict[str, Any]:
    """Where a missing field is reported: a CSV's header; a JSON file's keys have no one place."""
    return {"line": 1, "where": "header"} if item == "column" else {}


def find_column(fields: list[str], kind: str, given: str | None, path: str, item: str = "column") -> str | None:
    """The header for `kind`: the one named by the user, else the first recognised name."""
    if given:
        if given in fields:
            return given
        by_norm = {normalised_name(f): f for f in fields}
        if normalised_name(given) in by_norm:
            return by_norm[normalised_name(given)]
        raise InputError(
            f"there is no {item} {given!r} (the {kind} {item} you asked for)", path=path, **_header(item),
            fix=f"use one of the {item}s: {', '.join(fields)}",
        )
    by_norm = {normalised_name(f): f for f in fields}
    return next((by_norm[n] for n in COLUMN_NAMES[kind] if n in by_norm), None)


def _time(value: str | None, here: dict[str, Any], field: str) -> float | None:
    """Seconds into the recording, or for a date and time (or a Unix time) its Unix seconds,
    which ``dated_from_first`` makes relative to the conversation's first."""
    if value is None or not value.strip():
        return None
    try:
        when = parse_datetime(value)
        return when if when is not None else parse_timecode(value, allow_seconds=True)
    except TimecodeError as e:
        raise InputError(
            f"{e} in {field}", **here,
            fix="write times as seconds (12.5), HH:MM:SS(.mmm) or a date and time (2026-11-30T09:00:05Z)",
        ) from None


def dated_from_first(records: list[Record], path: str) -> tuple[list[Record], dict[str, Any]]:
    """Records whose times are dates (chat exports: 2026-11-30T09:00:05Z, or Unix seconds)
    counted in seconds from the first of them, and meta saying when that was; other records
    as they are. Dates and offsets mixed in one conversation are an error."""
    times = [t for r in records for t in (r.start, r.end) if t is not None]
    if not times or max(times) < EPOCH:
        return records, {}
    if min(times) < EPOCH:
        r = next(r for r in records if any(t is not None and t < EPOCH for t in (r.start, r.end)))
        raise InputError("this row's time is an offset but other rows have dates and times", path=path,
                         line=r.line, where=None if r.line else r.where,
                         fix="write every time in the conversation the same way")
    origin = min(times)

    def moved(t: float | None) -> float | None:
        return None if t is None else round(t - origin, 3)

    started = datetime.fromtimestamp(origin, UTC).isoformat().replace("+00:00", "Z")
    return [replace(r, start=moved(r.start), end=moved(r.end)) for r in records], {"started_at": started}


def read_header(rows: Iterator[tuple[int, dict[str, Any]]], path: str) -> list[str]:
    first = next(rows, None)
    if first is None:
        raise InputError(
            "no header row: every line is empty or only separators", path=path, line=1,
            fix="add a header row naming the columns, e.g. speaker,text",
        )
    return first[1]["__header__"]


def iter_rows(text: str, path: str, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as dicts with the line each starts on; malformed quoting is an error, not a guess."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    line = 1
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            problem = (
                "a quoted field opened here never closes (unterminated quote)"
                if "end of data" in str(e) or "EOF" in str(e) else f"malformed CSV: {e}"
            )
            raise InputError(
                problem, path=path, line=start,
                fix='close the quote, or double any " that is part of the text ("")',
            ) from None
        line = reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue
        if header is None:
            header = [h.strip() for h in row]
            if header and header[0].startswith("\ufeff"):
                header[0] = header[0][1:]
            yield start, {"__header__": header}  # type: ignore[dict-item]
            continue
        if len(row) != len(header):
            raise InputError(
                f"this row has {len(row)} fields but the header has {len(header)}", path=path,
                line=start, fix="quote fields that contain the delimiter or line breaks",
            )
        yield start, dict(zip(header, row))


def sniff_delimiter(path: Path, text: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


class DelimitedReader(Reader):
    name = "csv"
    description = (
        "CSV or TSV with a header row, one utterance per row. Columns are recognised by name "
        "(speaker/who/name, text/utterance/said, role, start/end, conversation_id) or set with "
        "options. Several conversations in one file are split by the conversation column. "
        "Other columns (e.g. code) are kept in each utterance's meta."
    )
    extensions = (".csv", ".tsv")
    options = (
        Option("delimiter", "field separator; default: tab for .tsv, else guessed from the header"),
        Option("speaker_column", "column with the speaker's name"),
        Option("text_column", "column with what was said"),
        Option("role_column", "column with the role (practitioner/client/member or therapist, patient...)"),
        Option("start_column", "column with the start time (seconds or HH:MM:SS)"),
        Option("end_column", "column with the end time"),
        Option("conversation_column", "column that tells conversations apart in one file"),
    )

    def sniff(self, path: Path, head: str) -> float:
        if path.suffix.lower() in self.extensions:
            return 0.6
        # Without a .csv/.tsv name, only a header that names a text column makes this CSV:
        # "Therapist: Hi, how are you?" has a comma too.
        first = head.split("\n", 1)[0]
        fields = [normalised_name(f) for f in first.split(sniff_delimiter(path, first))]
        return 0.6 if len(fields) > 1 and set(fields) & set(COLUMN_NAMES["text"]) else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        delimiter = options.get("delimiter") or sniff_delimiter(Path(path), text)
        if delimiter in ("\\t", "tab"):
            delimiter = "\t"
        rows = iter_rows(text, path, delimiter)
        fields = read_header(rows, path)
        yield from conversations_from_rows(((line, f"row at line {line}", row) for line, row in rows),
                                           fields, options, path, self.name)


def conversations_from_rows(rows: Iterable[tuple[int | None, str, dict[str, str]]], fields: list[str], options: dict[str, Any],
                            path: str, format: str, item: str = "column") -> Iterator[Conversation]:
    """Utterance rows (line, place, {field: text}) as conversations, fields found by name or option;
    ``item`` is what a field is called in messages ("column", or "key" for JSON rows)."""
    cols = {k: find_column(fields, k, options.get(f"{k}_column"), path, item) for k in COLUMN_NAMES}
    if cols["speaker"] is None and cols["role"] is not None:
        cols["speaker"] = cols["role"]  # a file that only says "therapist"/"client" per row
    for kind in ("text", "speaker"):
        if cols[kind] is None:
            raise InputError(
                f"no {kind} {item} among: {', '.join(fields)}", path=path, **_header(item),
                fix=f"rename the {item} to '{COLUMN_NAMES[kind][0]}', or pass "
                f"--option {kind}_column=NAME",
            )
    groups: dict[str, list[Record]] = {}
    stem = Path(path).stem or "stdin"
    # Fields RapportLens does not interpret (codes, notes, ids) travel along in meta.
    extra = [f for f in fields if f not in cols.values()]
    for line, place, row in rows:
        here = {"path": path, "line": line, "where": None if line else place}
        speaker = row.get(cols["speaker"], "").strip()
        if not speaker:
            raise InputError(
                f"the speaker ({item} {cols['speaker']!r}) is empty", **here,
                fix="fill in who said this row",
            )
        role = None
        if cols["role"] and row.get(cols["role"], "").strip():
            role = role_from_value(row[cols["role"]])
            if role is None:
                raise InputError(
                    f"unknown role {row[cols['role']]!r} in {item} {cols['role']!r}", **here,
                    fix="use practitioner, client or member (or therapist, patient, ...)",
                )
        record = Record(
            speaker,
            row.get(cols["text"], ""),
            _time(row.get(cols["start"] or ""), here, f"{item} {cols['start']!r}"),
            _time(row.get(cols["end"] or ""), here, f"{item} {cols['end']!r}"),
            line,
            place,
            role,
            {k: row[k] for k in extra if row.get(k, "").strip()},
        )
        key = row.get(cols["conversation"], "").strip() if cols["conversation"] else stem
        groups.setdefault(key, []).append(record)
    if not groups:
        raise InputError("the file has a header but no rows" if item == "column" else "the file has no rows",
                         path=path, fix="add the utterances")
    for key, records in groups.items():
        records, meta = dated_from_first(records, path)
        yield assemble(records, id=key, path=path, format=format, role_basis=f"role {item}", meta=meta or None)
