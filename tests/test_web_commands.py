"""`rapportlens users` and `rapportlens serve`: accounts from the command line."""

import pytest

from rapportlens.web import WebUnavailable, need_web
from rapportlens.web.store import Store

PASSWORD = "correct horse battery"


def test_users_are_added_listed_and_closed(run, tmp_path):
    db = str(tmp_path / "app.db")
    r = run("users", "add", "ada", "--role", "admin", "--password-stdin", "--database", db, input=PASSWORD + "\n")
    assert r.exit_code == 0 and "account ada (admin) added" in r.output
    run("users", "add", "sam", "--role", "supervisor", "--password-stdin", "-d", db, input=PASSWORD + "\n")
    r = run("users", "add", "pat", "--supervisor", "sam", "-d", db, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert r.exit_code == 0, r.output
    listing = run("users", "list", "-d", db).output.splitlines()
    assert listing[1].split() == ["pat", "practitioner", "sam", "active"]
    assert run("users", "close", "pat", "-d", db).exit_code == 0
    assert Store(db).login("pat", PASSWORD) is None
    run("users", "open", "pat", "-d", db)
    run("users", "password", "pat", "--password-stdin", "-d", db, input="another good password\n")
    assert Store(db).login("pat", "another good password").name == "pat"
    run("users", "role", "pat", "supervisor", "-d", db)
    run("users", "supervisor", "pat", "-d", db)
    assert run("users", "list", "-d", db).output.splitlines()[1].split() == ["pat", "supervisor", "-", "active"]


def test_account_errors_say_what_to_do(run, tmp_path):
    db = str(tmp_path / "app.db")
    r = run("users", "add", "pat", "--password-stdin", "-d", db, input="short\n")
    assert r.exit_code == 2 and "at least 10 characters" in r.output
    r = run("users", "supervisor", "nobody", "sam", "-d", db)
    assert r.exit_code == 2 and "no account named 'nobody': see them with rapportlens users list" in r.output


def test_the_database_comes_from_the_environment_too(run, tmp_path, monkeypatch):
    monkeypatch.setenv("RAPPORTLENS_DATABASE", str(tmp_path / "env.db"))
    run("users", "add", "ada", "--password-stdin", input=PASSWORD + "\n")
    assert (tmp_path / "env.db").exists()


def test_serve_without_accounts_says_how_to_make_the_first(run, tmp_path):
    r = run("serve", "-d", str(tmp_path / "app.db"))
    assert r.exit_code == 2 and "make the first with rapportlens users add NAME --role admin" in r.output


def test_serve_hands_the_app_to_uvicorn_on_this_machine_by_default(run, tmp_path, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    db = str(tmp_path / "app.db")
    Store(db).add_user("ada", PASSWORD, "admin")
    r = run("serve", "-d", db)
    assert r.exit_code == 0 and "RapportLens at http://127.0.0.1:8000" in r.output
    assert seen["host"] == "127.0.0.1" and seen["access_log"] is False
    r = run("serve", "-d", db, "--host", "0.0.0.0", "--port", "8080")
    assert "reachable from other machines" in r.output and seen["port"] == 8080


def test_without_the_web_extra_the_install_command_is_given(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "starlette" else real(name, *a))
    with pytest.raises(WebUnavailable, match=r"pip install 'rapportlens\[web\]'"):
        need_web()


def test_the_command_line_loads_the_web_stack_only_when_a_web_command_runs():
    import subprocess
    import sys

    code = "import rapportlens.cli, sys; print(sorted({'starlette', 'sqlalchemy', 'uvicorn'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_leaving_practitioners_clients_are_transferred_whole_or_not_at_all(run, tmp_path):
    db = str(tmp_path / "app.db")
    store = Store(db)
    for name in ("pat", "kim"):
        store.add_user(name, PASSWORD)
    pat, kim = store.login("pat", PASSWORD), store.login("kim", PASSWORD)
    store.add_session(pat, store.client_by_label(pat, "C-1"), "a.txt", b"A: hi")
    store.client_by_label(pat, "C-2")
    store.client_by_label(kim, "C-2")
    r = run("users", "transfer", "pat", "kim", "-d", db)
    assert r.exit_code == 2 and "kim already has clients labelled C-2" in r.output
    assert [v.client.label for v in store.clients(kim)] == ["C-2"]
    store.rename_client(kim, store.clients(kim)[0].client.id, "K-2")
    r = run("users", "transfer", "pat", "kim", "-d", db)
    assert r.exit_code == 0 and "2 client(s) of pat now with kim" in r.output
    assert sorted(v.client.label for v in store.clients(kim)) == ["C-1", "C-2", "K-2"] and store.clients(pat) == []
    moved = next(v for v in store.clients(kim) if v.client.label == "C-1")
    assert store.sessions(kim, moved.client.id)[0].filename == "a.txt"
    assert store.events(kim, moved.client.id)[0].user == "rapportlens users transfer"
