"""The web app's tables (SQLAlchemy ORM): accounts, clients, sessions, notes, the audit log
and settings. Only :mod:`rapportlens.web.store` reads and writes them."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..series import SeriesEntry

# Status of a stored session while and after it is analysed.
ANALYSING, DONE, FAILED = "analysing", "done", "failed"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (UniqueConstraint("practitioner_id", "label"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # A pseudonym or code chosen by the practitioner: the app never asks for a real name.
    label: Mapped[str] = mapped_column(String(80))
    created: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class StoredSession(Base):
    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    held_on: Mapped[date | None] = mapped_column(Date)
    uploaded: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    filename: Mapped[str] = mapped_column(String(255))
    # The file as uploaded, so a session can be analysed again by a newer model.
    original: Mapped[bytes] = mapped_column(LargeBinary)
    # Who runs the session, as the transcript names them (comma-separated; empty: inferred).
    practitioners: Mapped[str] = mapped_column(String(255), default="")
    # Nobody runs the conversation (a peer group): every speaker is a member (``--peers``).
    peers: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default=ANALYSING)
    error: Mapped[str | None] = mapped_column(Text)
    # ``output.to_dict`` as JSON, and the self-contained HTML report, both gzipped: they are
    # about half a megabyte each for a 50-minute session, and a tenth of that compressed.
    result_gz: Mapped[bytes | None] = mapped_column(LargeBinary)
    # What the lists, the histories and the supervision page read (pitfalls, strengths, MI
    # counts, the series entry), kept apart so that they need not unpack every session's
    # result (about 8 ms each).
    headline: Mapped[str | None] = mapped_column(Text)
    report_gz: Mapped[bytes | None] = mapped_column(LargeBinary)
    overall: Mapped[float | None] = mapped_column(Float)
    risk: Mapped[int] = mapped_column(Integer, default=0)  # utterances flagged for review
    # Who read the risk flags, and when: until then the session is listed as needing review.
    reviewed_by: Mapped[str | None] = mapped_column(String(80))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)

    def practitioner_names(self) -> list[str]:
        return [n for n in self.practitioners.split(",") if n]

    def headline_dict(self) -> dict[str, Any]:
        return json.loads(self.headline) if self.headline else {}

    def result_dict(self) -> dict[str, Any]:
        return json.loads(gzip.decompress(self.result_gz)) if self.result_gz else {}

    def report(self) -> str:
        return gzip.decompress(self.report_gz).decode() if self.report_gz else ""

    def series_entry(self) -> SeriesEntry:
        """What a history page needs of this session: kept in the headline since session 60;
        sessions stored before then unpack their result."""
        kept = self.headline_dict().get("series")
        if kept:
            try:
                return SeriesEntry.from_dict(kept)
            except (TypeError, KeyError):  # kept by a version whose entries had other fields
                pass
        return SeriesEntry.of(self.result_dict())


class Note(Base):
    """A written comment on a session: a supervisor's feedback, the practitioner's reply."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    text: Mapped[str] = mapped_column(Text)


class Event(Base):
    """One line of the audit log: who opened or changed which client's records, and when.
    Kept when the client is deleted (with the label, a pseudonym), so deletions are on record."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, index=True)
    user: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    client_id: Mapped[int | None] = mapped_column(Integer, index=True)
    client_label: Mapped[str | None] = mapped_column(String(80))
    session_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(String(255))


# What the audit log says for each action.
ACTIONS = {
    "client": "opened the client", "history": "opened the history",
    "practice": "opened the practitioner's history", "open": "opened a session", "report": "opened a report",
    "result": "downloaded a result", "export": "exported the client's records", "upload": "added a session",
    "again": "analysed a session again", "reviewed": "marked risk flags read", "note": "wrote a note on a session",
    "rename": "renamed the client", "transfer": "gave the client to another practitioner",
    "delete_session": "deleted a session", "delete_client": "deleted the client and their sessions",
}


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
