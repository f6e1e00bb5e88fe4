"""The web app's store: accounts, and who sees which clients and sessions."""

import os
import stat

import pytest

from rapportlens.errors import RapportLensError
from rapportlens.web.passwords import hash_password, verify_password
from rapportlens.web.store import AccessError, AccountError, NotOwner, Store, database_url

PASSWORD = "correct horse battery"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "app.db")
    s.add_user("ada", PASSWORD, "admin")
    s.add_user("sam", PASSWORD, "supervisor")
    s.add_user("pat", PASSWORD, supervisor="sam")
    s.add_user("lee", PASSWORD)
    return s


def user(store, name):
    return store.login(name, PASSWORD)


def test_password_hashes_are_salted_and_verify():
    a, b = hash_password(PASSWORD), hash_password(PASSWORD)
    assert a != b and PASSWORD not in a
    assert verify_password(PASSWORD, a) and not verify_password(PASSWORD + "!", a)
    assert not verify_password(PASSWORD, None)


def test_login_needs_the_right_password_and_an_open_account(store):
    assert user(store, "pat").name == "pat"
    assert store.login("pat", "wrong password here") is None
    assert store.login("nobody", PASSWORD) is None
    store.set_active("pat", False)
    assert store.login("pat", PASSWORD) is None
    pat_id = next(u.id for u in store.users() if u.name == "pat")
    assert store.user(pat_id) is None  # a login already made ends at its next request


@pytest.mark.parametrize(("args", "message"), [
    (("pat", PASSWORD), "already an account named 'pat'"),
    (("kim", "short"), "at least 10 characters"),
    (("kim", PASSWORD, "boss"), "unknown role 'boss'"),
    (("kim", PASSWORD, "practitioner", "lee"), "'lee' is not a supervisor"),
    (("kim", PASSWORD, "practitioner", "nobody"), "no account named 'nobody'"),
    (("  ", PASSWORD), "needs a name"),
])
def test_bad_accounts_are_refused_with_the_fix(store, args, message):
    with pytest.raises(AccountError, match=message):
        store.add_user(*args)


def test_practitioners_see_their_own_clients_only(store):
    pat, lee = user(store, "pat"), user(store, "lee")
    mine = store.client_by_label(pat, "C-1")
    store.client_by_label(lee, "L-1")
    assert [v.client.label for v in store.clients(pat)] == ["C-1"]
    with pytest.raises(AccessError):
        store.client(lee, mine.id)
    row = store.add_session(pat, mine, "s.txt", b"A: hi")
    with pytest.raises(AccessError):
        store.session(lee, row.id)
    with pytest.raises(AccessError):
        store.add_session(lee, mine, "s.txt", b"A: hi")


def test_supervisors_read_their_supervisees_clients_but_do_not_change_them(store):
    pat, sam, ada = user(store, "pat"), user(store, "sam"), user(store, "ada")
    client = store.client_by_label(pat, "C-1")
    store.client_by_label(user(store, "lee"), "L-1")
    row = store.add_session(pat, client, "s.txt", b"A: hi")
    assert [(v.client.label, v.practitioner) for v in store.clients(sam)] == [("C-1", "pat")]
    assert store.session(sam, row.id).filename == "s.txt"
    with pytest.raises(NotOwner):
        store.delete_session(sam, row.id)
    with pytest.raises(NotOwner):
        store.delete_client(sam, client.id)
    with pytest.raises(NotOwner):
        store.restart(sam, row.id)
    # An administrator manages accounts, not other people's clients.
    assert store.clients(ada) == []
    with pytest.raises(AccessError):
        store.session(ada, row.id)
    store.set_supervisor("pat", None)
    assert store.clients(sam) == []


def test_deleting_a_client_deletes_their_sessions(store):
    pat = user(store, "pat")
    client = store.client_by_label(pat, "C-1")
    row = store.add_session(pat, client, "s.txt", b"A: hi")
    store.delete_client(pat, client.id)
    with pytest.raises(AccessError):
        store.session(pat, row.id)
    assert store.clients(pat) == []


def test_risk_flags_wait_for_review_until_someone_marks_them_read(store):
    pat, sam = user(store, "pat"), user(store, "sam")
    row = store.add_session(pat, store.client_by_label(pat, "C-1"), "s.txt", b"A: hi")
    store.finish(row.id, {"risk": [{"utterance": 3, "category": "suicide"}, {"utterance": 3, "category": "self_harm"}],
                          "scores": {"overall": 61.5}}, "<html></html>")
    assert [(s.id, s.risk, s.overall) for s, _ in store.to_review(sam)] == [(row.id, 1, 61.5)]
    store.mark_reviewed(sam, row.id)
    assert store.to_review(pat) == []
    assert store.session(pat, row.id).reviewed_by == "sam"
    store.restart(pat, row.id)  # new flags may differ: read them again
    assert store.session(pat, row.id).reviewed_at is None


def test_the_sqlite_file_is_private_and_paths_become_urls(tmp_path):
    Store(tmp_path / "new.db")
    assert stat.S_IMODE(os.stat(tmp_path / "new.db").st_mode) == 0o600
    assert database_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert database_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    with pytest.raises(RapportLensError, match="no folder"):
        Store(tmp_path / "missing" / "x.db")


def test_a_database_of_another_layout_is_refused(tmp_path, monkeypatch):
    Store(tmp_path / "app.db")
    monkeypatch.setattr("rapportlens.web.store.SCHEMA", "2")
    with pytest.raises(RapportLensError, match="has layout 1, and this RapportLens reads layout 2"):
        Store(tmp_path / "app.db")


def test_the_login_key_is_made_once_and_kept(tmp_path):
    assert Store(tmp_path / "app.db").secret() == Store(tmp_path / "app.db").secret()


def test_database_errors_hide_the_password_and_name_the_fix(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_psycopg(name, *args, **kw):
        if name.startswith("psycopg"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(RapportLensError) as e:
        Store("postgresql+psycopg://team:secret@db.example/rapportlens")
    assert "secret" not in str(e.value) and "team:***@db.example" in str(e.value)
    assert "pip install 'rapportlens[postgres]'" in str(e.value)
    with pytest.raises(RapportLensError, match="give a SQLite file's path, or a URL"):
        Store("nonsense://x")


def test_only_administrators_read_the_whole_audit_log(store):
    pat = user(store, "pat")
    client = store.client_by_label(pat, "C-1")
    store.add_session(pat, client, "s.txt", b"A: hi")
    assert [(e.user, e.action, e.detail) for e in store.events(pat, client.id)] == [("pat", "upload", "s.txt")]
    with pytest.raises(AccessError):
        store.events(pat)
    with pytest.raises(AccessError):
        store.events(user(store, "lee"), client.id)
    assert len(store.events(user(store, "ada"))) == 1


def test_a_database_whose_tables_lack_columns_is_refused(tmp_path):
    import sqlite3

    Store(tmp_path / "app.db")
    with sqlite3.connect(tmp_path / "app.db") as db:
        db.execute("ALTER TABLE sessions DROP COLUMN practitioners")
    with pytest.raises(RapportLensError, match="its table sessions lacks practitioners"):
        Store(tmp_path / "app.db")
