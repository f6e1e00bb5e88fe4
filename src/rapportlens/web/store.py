"""Where the web app keeps accounts, clients and analysed sessions: one SQL database (a
SQLite file by default, PostgreSQL for a team), reached only through :class:`Store`.

Who sees what is decided here, not in the pages: a practitioner sees their own clients; a
supervisor also sees those of the practitioners they supervise; an administrator manages
accounts and, like anyone, sees only their own clients. Anything else is "not found", so a
page never confirms that someone else's client exists.
"""

from __future__ import annotations

import gzip
import json
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker

from ..errors import RapportLensError
from ..series import SeriesEntry
from .passwords import hash_password, verify_password
from .tables import (
    ACTIONS,
    ANALYSING,
    DONE,
    FAILED,
    Base,
    Client,
    Event,
    Note,
    Setting,
    StoredSession,
    User,
    utc_now,
)

ROLES = ("practitioner", "supervisor", "admin")
MIN_PASSWORD = 10
MAX_NOTE = 10_000
# The tables' layout. A database made by another layout is refused rather than misread.
SCHEMA = "1"


class AccessError(RapportLensError):
    """Not found, or not visible to this user (the two are not told apart)."""


class NotOwner(AccessError):
    """Visible to this user (a supervisor), but only the client's own practitioner changes it."""


class AccountError(RapportLensError):
    """An account could not be made or changed: the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Visible:
    """A client as a user sees it: whose client, how many sessions, the latest analysed one,
    and how many are still being analysed or failed."""

    client: Client
    practitioner: str
    sessions: int
    last: StoredSession | None
    analysing: int
    failed: int


def database_url(database: str | Path) -> str:
    """A path is a SQLite file; anything with ``://`` is an SQLAlchemy URL."""
    text = str(database)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def shown(database: str | Path) -> str:
    """The database as it may be printed: a URL's password hidden."""
    return _hide_password(str(database)) if "://" in str(database) else str(database)


class Store:
    """The database, opened (and its tables made) once per app or command."""

    def __init__(self, database: str | Path) -> None:
        url = database_url(database)
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            _private_file(Path(url.removeprefix("sqlite:///")))
        try:
            self.engine = create_engine(url)
        except (ImportError, ArgumentError) as e:  # a missing driver (PostgreSQL without psycopg), a bad URL
            hint = ("for PostgreSQL install its driver: pip install 'rapportlens[postgres]'" if "postgres" in url else
                    "give a SQLite file's path, or a URL such as postgresql+psycopg://user:password@host/rapportlens")
            raise RapportLensError(f"cannot open the database {_hide_password(url)}: {e}; {hint}") from None
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_foreign_keys)
        try:
            Base.metadata.create_all(self.engine)
        except OperationalError as e:
            raise RapportLensError(f"cannot reach the database {_hide_password(url)}: {e.orig}. Check that the "
                                   "server is running and the URL's host, user, password and database name") from None
        self._db = sessionmaker(self.engine, expire_on_commit=False)
        self._check_schema(url)

    def _check_schema(self, url: str) -> None:
        have = inspect(self.engine)
        for table in Base.metadata.sorted_tables:
            missing = {c.name for c in table.columns} - {c["name"] for c in have.get_columns(table.name)}
            if missing:
                raise RapportLensError(f"the database {_hide_password(url)} was made by another version of "
                                       f"RapportLens: its table {table.name} lacks {', '.join(sorted(missing))}. "
                                       "Use the version that made it, or a new database")
        with self._db.begin() as db:
            row = db.get(Setting, "schema")
            if row is None:
                db.add(Setting(key="schema", value=SCHEMA))
            elif row.value != SCHEMA:
                raise RapportLensError(f"the database {_hide_password(url)} has layout {row.value}, and this "
                                       f"RapportLens reads layout {SCHEMA}: use the RapportLens version that made "
                                       "it, or a new database")

    # accounts

    def add_user(self, name: str, password: str, role: str = "practitioner", supervisor: str | None = None) -> User:
        name = name.strip()
        if not name:
            raise AccountError("an account needs a name")
        if role not in ROLES:
            raise AccountError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
        _check_password(password)
        with self._db.begin() as db:
            if db.scalar(select(User).where(User.name == name)):
                raise AccountError(f"there is already an account named {name!r}: choose another name")
            user = User(name=name, role=role, password_hash=hash_password(password), active=True)
            if supervisor:
                user.supervisor_id = self._supervisor(db, supervisor, name).id
            db.add(user)
        return user

    def login(self, name: str, password: str) -> User | None:
        """The active account with this name and password, else None (and the same work either
        way, so the time taken does not tell which names exist)."""
        with self._db() as db:
            user = db.scalar(select(User).where(User.name == name.strip()))
        ok = verify_password(password, user.password_hash if user else None)
        return user if ok and user and user.active else None

    def user(self, user_id: int) -> User | None:
        with self._db() as db:
            user = db.get(User, user_id)
        return user if user and user.active else None

    def users(self) -> list[User]:
        with self._db() as db:
            return list(db.scalars(select(User).order_by(User.name)))

    def set_password(self, name: str, password: str) -> None:
        _check_password(password)
        with self._db.begin() as db:
            self._named(db, name).password_hash = hash_password(password)

    def set_supervisor(self, name: str, supervisor: str | None) -> None:
        with self._db.begin() as db:
            user = self._named(db, name)
            user.supervisor_id = self._supervisor(db, supervisor, name).id if supervisor else None

    def set_active(self, name: str, active: bool) -> None:
        with self._db.begin() as db:
            self._named(db, name).active = active

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AccountError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
        with self._db.begin() as db:
            self._named(db, name).role = role

    def practice(self, user: User, name: str) -> list[StoredSession]:
        """Every analysed session of practitioner ``name``, whichever the client, in the order
        held: for the practitioner and their supervisor only."""
        with self._db() as db:
            person = db.scalar(select(User).where(User.name == name))
            if person is None or person.id not in self._practitioners(db, user):
                raise AccessError(f"no practitioner {name!r}")
            clients = list(db.scalars(select(Client.id).where(Client.practitioner_id == person.id)))
            rows = [s for c in clients for s in self._sessions(db, c) if s.status == DONE]
        for client_id in dict.fromkeys(s.client_id for s in rows):
            self.record(user, "practice", client_id)
        return sorted(rows, key=lambda s: (s.held_on or s.uploaded.date(), s.uploaded))

    def supervisees(self, user: User) -> list[User]:
        with self._db() as db:
            return list(db.scalars(select(User).where(User.supervisor_id == user.id).order_by(User.name)))

    @staticmethod
    def _named(db, name: str) -> User:
        user = db.scalar(select(User).where(User.name == name))
        if user is None:
            raise AccountError(f"no account named {name!r}: see them with rapportlens users list")
        return user

    def _supervisor(self, db, name: str, of: str) -> User:
        sup = self._named(db, name)
        if sup.role != "supervisor":
            raise AccountError(f"{name!r} is not a supervisor; make them one first (rapportlens users role "
                               f"{name} supervisor)")
        if sup.name == of:
            raise AccountError("nobody supervises themselves")
        return sup

    def secret(self) -> str:
        """The key that signs login cookies: made once, kept in the database, so logins survive
        a restart and every server sharing the database accepts them."""
        with self._db.begin() as db:
            row = db.get(Setting, "secret_key")
            if row is None:
                row = Setting(key="secret_key", value=secrets.token_urlsafe(48))
                db.add(row)
            return row.value

    # clients and sessions

    def _practitioners(self, db, user: User) -> list[int]:
        ids = [user.id]
        if user.role == "supervisor":
            ids += db.scalars(select(User.id).where(User.supervisor_id == user.id))
        return ids

    def clients(self, user: User) -> list[Visible]:
        """Every client the user may see, the most recently seen first."""
        with self._db() as db:
            names = dict(db.execute(select(User.id, User.name)).all())
            out = []
            for client in db.scalars(select(Client).where(Client.practitioner_id.in_(self._practitioners(db, user)))):
                sessions = self._sessions(db, client.id)
                done = [s for s in sessions if s.status == DONE]
                out.append(Visible(client, names[client.practitioner_id], len(sessions), done[-1] if done else None,
                                   sum(s.status == ANALYSING for s in sessions), sum(s.status == FAILED for s in sessions)))
        return sorted(out, key=lambda v: max([v.client.created] + [s.uploaded for s in [v.last] if s]), reverse=True)

    def client(self, user: User, client_id: int) -> Client:
        with self._db() as db:
            client = db.get(Client, client_id)
            if client is None or client.practitioner_id not in self._practitioners(db, user):
                raise AccessError(f"no client {client_id}")
            return client

    def client_by_label(self, user: User, label: str) -> Client:
        """The user's own client with this label, made when new."""
        label = label.strip()
        if not label:
            raise AccountError("give the client a label: a pseudonym or code, not their name")
        with self._db.begin() as db:
            client = db.scalar(select(Client).where(Client.practitioner_id == user.id, Client.label == label))
            if client is None:
                client = Client(practitioner_id=user.id, label=label)
                db.add(client)
        return client

    def rename_client(self, user: User, client_id: int, label: str) -> None:
        self._own(user, client_id)
        label = label.strip()
        if not label:
            raise AccountError("give the client a label: a pseudonym or code, not their name")
        with self._db.begin() as db:
            if db.scalar(select(Client).where(Client.practitioner_id == user.id, Client.label == label,
                                              Client.id != client_id)):
                raise AccountError(f"you already have a client labelled {label!r}: choose another label")
            old = db.get(Client, client_id)
            detail, old.label = f"from {old.label}", label
        self.record(user, "rename", client_id, detail=detail)

    def transfer(self, from_name: str, to_name: str) -> int:
        """Give every client of practitioner ``from_name`` (who is leaving, say) to ``to_name``,
        with their sessions; returns how many. Refused whole when a label would clash."""
        with self._db.begin() as db:
            old, new = self._named(db, from_name), self._named(db, to_name)
            if old.id == new.id:
                raise AccountError("the two names are the same account")
            if not new.active:
                raise AccountError(f"{to_name!r} is closed: open the account first (rapportlens users open {to_name})")
            moving = list(db.scalars(select(Client).where(Client.practitioner_id == old.id)))
            taken = set(db.scalars(select(Client.label).where(Client.practitioner_id == new.id)))
            clash = sorted(c.label for c in moving if c.label in taken)
            if clash:
                raise AccountError(f"{to_name} already has clients labelled {', '.join(clash)}: rename one of each "
                                   "pair first (on the client's page)")
            for c in moving:
                c.practitioner_id = new.id
        for c in moving:
            self.record("rapportlens users transfer", "transfer", c.id, detail=f"from {from_name} to {to_name}")
        return len(moving)

    def practitioner_of(self, client: Client) -> str:
        with self._db() as db:
            return db.get(User, client.practitioner_id).name

    @staticmethod
    def _sessions(db, client_id: int) -> list[StoredSession]:
        # Sessions are in the order they were held; undated ones in the order they came.
        rows = db.scalars(select(StoredSession).where(StoredSession.client_id == client_id))
        return sorted(rows, key=lambda s: (s.held_on or s.uploaded.date(), s.uploaded))

    def sessions(self, user: User, client_id: int) -> list[StoredSession]:
        self.client(user, client_id)
        with self._db() as db:
            return self._sessions(db, client_id)

    def add_session(self, user: User, client: Client, filename: str, original: bytes,
                    held_on: date | None = None, practitioners: Sequence[str] = (),
                    peers: bool = False) -> StoredSession:
        if client.practitioner_id != user.id:
            raise NotOwner("only the client's own practitioner adds sessions")
        with self._db.begin() as db:
            row = StoredSession(client_id=client.id, filename=filename, original=original, held_on=held_on,
                                status=ANALYSING, practitioners=",".join(practitioners), peers=peers)
            db.add(row)
        self.record(user, "upload", client.id, row.id, filename)
        return row

    def session(self, user: User, session_id: int) -> StoredSession:
        with self._db() as db:
            row = db.get(StoredSession, session_id)
        if row is None:
            raise AccessError(f"no session {session_id}")
        self.client(user, row.client_id)
        return row

    def finish(self, session_id: int, result: dict[str, Any], report: str) -> None:
        """Store an analysis; the headline figures are copied out for the lists."""
        with self._db.begin() as db:
            row = db.get(StoredSession, session_id)
            row.result_gz = gzip.compress(json.dumps(result, ensure_ascii=False).encode(), 6)
            row.headline = json.dumps(headline(result), ensure_ascii=False)
            row.report_gz = gzip.compress(report.encode(), 6)
            row.overall = (result.get("scores") or {}).get("overall")
            row.risk = len({r["utterance"] for r in result.get("risk") or []})
            row.status, row.error = DONE, None
            if row.held_on is None:  # a dated transcript (a chat export) says when it was held
                row.held_on = _iso_date((result.get("meta") or {}).get("started_at"))

    def record(self, user: User | str, action: str, client_id: int, session_id: int | None = None,
               detail: str | None = None) -> None:
        """Add a line to the audit log (``action``: a key of :data:`ACTIONS`; ``user`` an
        account, or a name for work done from the command line)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        with self._db.begin() as db:
            client = db.get(Client, client_id)
            db.add(Event(user=user if isinstance(user, str) else user.name, action=action, client_id=client_id, session_id=session_id,
                         client_label=client.label if client else None, detail=detail))

    def events(self, user: User, client_id: int | None = None, limit: int = 200) -> list[Event]:
        """The audit log, newest first: one client's (for whoever may see the client), or
        everyone's (administrators only)."""
        query = select(Event).order_by(Event.at.desc(), Event.id.desc()).limit(limit)
        if client_id is not None:
            self.client(user, client_id)
            query = query.where(Event.client_id == client_id)
        elif user.role != "admin":
            raise AccessError("only administrators read the whole audit log")
        with self._db() as db:
            return list(db.scalars(query))

    def add_note(self, user: User, session_id: int, text: str) -> Note:
        """A note on a session, by anyone who may see it (a supervisor's feedback, a reply)."""
        row = self.session(user, session_id)
        text = text.strip()
        if not text:
            raise AccountError("the note is empty: write something first")
        if len(text) > MAX_NOTE:
            raise AccountError(f"the note is {len(text):,} characters long; keep it under {MAX_NOTE:,}")
        with self._db.begin() as db:
            note = Note(session_id=session_id, author=user.name, text=text)
            db.add(note)
        self.record(user, "note", row.client_id, session_id, row.filename)
        return note

    def notes(self, user: User, session_id: int) -> list[Note]:
        self.session(user, session_id)
        with self._db() as db:
            return list(db.scalars(select(Note).where(Note.session_id == session_id).order_by(Note.at, Note.id)))

    def to_review(self, user: User) -> list[tuple[StoredSession, Visible]]:
        """Every visible session with risk flags nobody has marked as reviewed, newest first."""
        visible = {v.client.id: v for v in self.clients(user)}
        with self._db() as db:
            rows = db.scalars(select(StoredSession).where(
                StoredSession.client_id.in_(visible), StoredSession.status == DONE, StoredSession.risk > 0,
                StoredSession.reviewed_at.is_(None)).order_by(StoredSession.uploaded.desc()))
            return [(s, visible[s.client_id]) for s in rows]

    def mark_reviewed(self, user: User, session_id: int) -> None:
        """The risk flags were read by ``user`` (the practitioner or their supervisor)."""
        stored = self.session(user, session_id)
        with self._db.begin() as db:
            row = db.get(StoredSession, session_id)
            row.reviewed_by, row.reviewed_at = user.name, utc_now()
        self.record(user, "reviewed", stored.client_id, session_id, stored.filename)

    def stored(self, session_id: int) -> StoredSession:
        """A session by id, for the analysis (which runs for whoever uploaded it)."""
        with self._db() as db:
            row = db.get(StoredSession, session_id)
        if row is None:
            raise AccessError(f"no session {session_id}")
        return row

    def unfinished(self) -> list[StoredSession]:
        """Sessions left "analysing" (the server stopped before it finished them), oldest first."""
        with self._db() as db:
            return list(db.scalars(select(StoredSession).where(StoredSession.status == ANALYSING)
                                   .order_by(StoredSession.id)))

    def fail(self, session_id: int, message: str) -> None:
        with self._db.begin() as db:
            row = db.get(StoredSession, session_id)
            row.status, row.error = FAILED, message

    def restart(self, user: User, session_id: int) -> None:
        """Mark a stored session for analysis again (a newer model, or a failure fixed)."""
        row = self.session(user, session_id)
        self._own(user, row.client_id)
        with self._db.begin() as db:
            stored = db.get(StoredSession, session_id)
            stored.status, stored.error = ANALYSING, None
            stored.reviewed_by = stored.reviewed_at = None
        self.record(user, "again", row.client_id, session_id, row.filename)

    def delete_session(self, user: User, session_id: int) -> None:
        row = self.session(user, session_id)
        self._own(user, row.client_id)
        with self._db.begin() as db:
            db.execute(delete(Note).where(Note.session_id == row.id))
            db.execute(delete(StoredSession).where(StoredSession.id == row.id))
        self.record(user, "delete_session", row.client_id, row.id, row.filename)

    def delete_client(self, user: User, client_id: int) -> None:
        """The client and every session of theirs."""
        self._own(user, client_id)
        sessions = len(self.sessions(user, client_id))
        self.record(user, "delete_client", client_id, detail=f"{sessions} session{'s' if sessions != 1 else ''}")
        with self._db.begin() as db:
            ids = select(StoredSession.id).where(StoredSession.client_id == client_id).scalar_subquery()
            db.execute(delete(Note).where(Note.session_id.in_(ids)))
            db.execute(delete(StoredSession).where(StoredSession.client_id == client_id))
            db.execute(delete(Client).where(Client.id == client_id))

    def _own(self, user: User, client_id: int) -> None:
        # A supervisor reads a supervisee's sessions but does not change them.
        if self.client(user, client_id).practitioner_id != user.id:
            raise NotOwner("only the client's own practitioner changes or deletes their sessions")


def headline(result: dict[str, Any]) -> dict[str, Any]:
    """The parts of a result that pages list across many sessions."""
    return {
        "pitfalls": sorted({p["pitfall"] for p in result.get("pitfalls") or []}),
        "strengths": sorted({s.get("title") or s["strength"] for s in result.get("strengths") or []}),
        "mi_counts": (result.get("features") or {}).get("mi.counts") or {},
        "series": SeriesEntry.of(result).to_dict(),
    }


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters (a few words make a good one)")


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(a malformed URL)"


def _private_file(path: Path) -> None:
    """Make the SQLite file readable by its owner only before anything is written to it:
    it holds transcripts."""
    if not path.parent.exists():
        raise RapportLensError(f"no folder {path.parent} for the database: make it, or give --database another path")
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_foreign_keys(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
