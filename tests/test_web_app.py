"""The web app's pages, through Starlette's test client: logins, uploads, reports, who
sees what, and the protections every page has."""

import html
import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from rapportlens.web import create_app
from rapportlens.web.store import Store, headline
from rapportlens.web.tables import StoredSession

PASSWORD = "correct horse battery"
EXAMPLE = Path(__file__).parent.parent / "examples" / "first_session.txt"
RISKY = b"""Counsellor: What brings you here today?
Client: Things have been bad. Honestly, I have been thinking about killing myself.
Counsellor: Thank you for telling me. How long have you had these thoughts?
Client: A few weeks now, mostly at night.
"""


@pytest.fixture
def app(tmp_path):
    store = Store(tmp_path / "app.db")
    store.add_user("ada", PASSWORD, "admin")
    store.add_user("sam", PASSWORD, "supervisor")
    store.add_user("pat", PASSWORD, supervisor="sam")
    store.add_user("lee", PASSWORD)
    return create_app(tmp_path / "app.db")


def token(client, path="/"):
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def logged_in(app, name):
    client = TestClient(app)
    r = client.post("/login", data={"name": name, "password": PASSWORD, "csrf": token(client, "/login")})
    assert r.status_code == 200 and f">{name}</a>" in r.text
    return client


def upload(client, name, data, label="C-17", **fields):
    return client.post("/upload", data={"client": label, "csrf": token(client), **fields},
                       files={"file": (name, data, "text/plain")})


def text(page):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_pages_need_a_login_and_return_to_the_page_asked_for(app):
    client = TestClient(app)
    r = client.get("/clients/1", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/clients/1"
    r = client.post("/login?next=/upload", data={"name": "pat", "password": PASSWORD, "csrf": token(client, "/login")})
    assert r.url.path == "/upload"


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(app):
    client = TestClient(app)
    r = client.post("/login", data={"name": "pat", "password": "not the password", "csrf": token(client, "/login")})
    assert r.status_code == 401 and "do not match an active account" in r.text


def test_after_login_only_paths_on_this_server_are_followed(app):
    client = TestClient(app)
    r = client.post("/login?next=//elsewhere.example/x", data={"name": "pat", "password": PASSWORD,
                                                                "csrf": token(client, "/login")},
                    follow_redirects=False)
    assert r.headers["location"] == "/"


def test_forms_without_the_login_token_are_refused(app):
    client = logged_in(app, "pat")
    r = client.post("/upload", data={"client": "C-1", "csrf": "forged"}, files={"file": ("s.txt", b"A: hi")})
    assert r.status_code == 403 and "reload the page" in r.text


def test_every_page_is_uncached_scriptless_and_unframed(app):
    r = TestClient(app).get("/login")
    assert r.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in r.headers["content-security-policy"] and "script-src" not in r.headers[
        "content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    cookie = TestClient(app).post("/login", data={"name": "pat", "password": PASSWORD}).headers.get("set-cookie", "")
    assert "samesite=strict" in cookie.lower() and "httponly" in cookie.lower()


def test_an_uploaded_session_is_analysed_and_reported(app):
    pat = logged_in(app, "pat")
    r = upload(pat, "first_session.txt", EXAMPLE.read_bytes(), held_on="2026-11-30", practitioner="Counsellor")
    page = text(r.text)
    assert r.url.path == "/sessions/1"
    assert "Rapport 98 of 100" in page and "1 rupture, 1 repaired" in page and "Held 2026-11-30" in page
    assert "What to try next Slow the pace" in page and 'href="/sessions/1/report#u-13"' in r.text
    assert "never saw, macro-F1: therapist behaviour 0.77; client talk type 0.55" in page and "ROC AUC 0.92" in page
    report = pat.get("/sessions/1/report")
    assert report.status_code == 200 and "<svg" in report.text and "rapportlens-" not in report.text
    result = pat.get("/sessions/1/result.json")
    assert result.json()["scores"]["overall"] == pytest.approx(98, abs=1)
    assert "first_session.json" in result.headers["content-disposition"]
    assert "C-17" in text(pat.get("/").text)


def test_a_bad_file_fails_with_the_readers_message_naming_the_upload(app):
    pat = logged_in(app, "pat")
    page = text(upload(pat, "notes.txt", b"hello there\nno speakers here").text)
    assert "notes.txt: no speaker labels found fix: start each utterance with the speaker's name" in page
    assert "rapportlens-" not in page and "/tmp" not in page
    assert "failed" in text(pat.get("/clients/1").text)


def test_upload_form_errors_keep_the_user_on_the_form(app):
    pat = logged_in(app, "pat")
    r = upload(pat, "s.txt", b"A: hi\nB: hello", label="")
    assert r.status_code == 400 and "give the client a label" in r.text
    r = upload(pat, "s.txt", b"A: hi\nB: hello", held_on="30/11/2026")
    assert r.status_code == 400 and "is not a date like 2026-12-07" in r.text
    r = upload(pat, "s.txt", b"   ")
    assert r.status_code == 400 and "s.txt is empty" in r.text


def test_a_file_with_several_conversations_is_refused(app):
    pat = logged_in(app, "pat")
    two = (b'{"schema_version": "1", "id": "a", "utterances": [{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "hello"}]}\n'
           b'{"schema_version": "1", "id": "b", "utterances": [{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "hello"}]}\n')
    page = text(upload(pat, "two.jsonl", two).text)
    assert "two.jsonl: the file holds 2 conversations; a session is one" in page


def test_risk_flags_are_listed_for_review_until_marked_read(app):
    pat, sam = logged_in(app, "pat"), logged_in(app, "sam")
    page = text(upload(pat, "risky.txt", RISKY, practitioner="Counsellor").text)
    assert "Needs human review" in page and "not a diagnosis" in page
    assert "Needs human review" in text(pat.get("/").text)
    assert "1 session with risk flags not yet marked as read" in text(sam.get("/supervision").text)
    r = sam.post("/sessions/1/reviewed", data={"csrf": token(sam)})
    assert "Marked as read by sam" in text(r.text)
    assert "Needs human review" not in text(pat.get("/").text)


def test_other_practitioners_get_not_found_and_supervisors_read_only(app):
    pat, lee, sam = logged_in(app, "pat"), logged_in(app, "lee"), logged_in(app, "sam")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes())
    for path in ("/clients/1", "/clients/1/history", "/sessions/1", "/sessions/1/report", "/sessions/1/result.json"):
        assert lee.get(path).status_code == 404, path
        assert sam.get(path).status_code == 200, path
    assert lee.post("/sessions/1/delete", data={"csrf": token(lee)}).status_code == 404
    assert sam.post("/sessions/1/delete", data={"csrf": token(sam)}).status_code == 403
    assert "Delete this session" not in sam.get("/sessions/1").text
    assert lee.get("/supervision").status_code == 403 and pat.get("/accounts").status_code == 403


def test_the_history_page_follows_the_client_in_date_order_with_links(app):
    pat = logged_in(app, "pat")
    upload(pat, "later.txt", EXAMPLE.read_bytes(), held_on="2026-12-01")
    upload(pat, "earlier.txt", RISKY, held_on="2026-11-01")
    page = pat.get("/clients/1/history").text
    assert page.index("earlier") < page.index("later")
    assert 'href="/sessions/2/report"' in page and 'href="/sessions/1/report"' in page
    assert "Series of 2 sessions" in text(pat.get("/clients/1").text)


def test_a_session_can_be_analysed_again_and_deleted(app):
    pat = logged_in(app, "pat")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes())
    assert "Rapport 98" in text(pat.post("/sessions/1/again", data={"csrf": token(pat)}).text)
    r = pat.post("/sessions/1/delete", data={"csrf": token(pat)})
    assert r.url.path == "/clients/1" and 'href="/sessions/1"' not in r.text
    assert "pat deleted a session first_session.txt" in text(r.text)
    r = pat.post("/clients/1/delete", data={"csrf": token(pat)})
    assert "No clients yet" in r.text and pat.get("/clients/1").status_code == 404


def test_administrators_manage_accounts_and_closed_accounts_are_logged_out(app):
    ada, pat = logged_in(app, "ada"), logged_in(app, "pat")
    r = ada.post("/accounts", data={"action": "add", "name": "kim", "password": PASSWORD, "role": "practitioner",
                                    "supervisor": "sam", "csrf": token(ada)})
    assert "Account kim made." in r.text
    logged_in(app, "kim")
    r = ada.post("/accounts", data={"action": "change", "name": "pat", "role": "practitioner", "supervisor": "",
                                    "csrf": token(ada)})
    assert "Account pat changed." in r.text
    assert pat.get("/", follow_redirects=False).headers["location"] == "/login"
    r = ada.post("/accounts", data={"action": "change", "name": "ada", "role": "admin", "csrf": token(ada)})
    assert "cannot close your own account" in r.text
    r = ada.post("/accounts", data={"action": "password", "name": "kim", "password": "a fresh password",
                                    "csrf": token(ada)})
    assert "Password of kim set" in r.text
    assert app.state.store.login("kim", "a fresh password").name == "kim"


def test_users_change_their_own_password(app):
    pat = logged_in(app, "pat")
    r = pat.post("/account", data={"current": "wrong one entirely", "new": "a new password", "again": "a new password",
                                   "csrf": token(pat)})
    assert "current password is not right" in r.text
    r = pat.post("/account", data={"current": PASSWORD, "new": "a new password", "again": "a new password",
                                   "csrf": token(pat)})
    assert "Password changed." in r.text
    client = TestClient(app)
    r = client.post("/login", data={"name": "pat", "password": "a new password", "csrf": token(client, "/login")})
    assert r.url.path == "/"


def test_many_wrong_passwords_lock_the_name_for_a_while(app):
    client = TestClient(app)
    for _ in range(5):
        r = client.post("/login", data={"name": "pat", "password": "guess guess guess", "csrf": token(client, "/login")})
        assert r.status_code == 401
    r = client.post("/login", data={"name": "pat", "password": PASSWORD, "csrf": token(client, "/login")})
    assert r.status_code == 429 and "wait 15 minutes" in r.text
    logged_in(app, "sam")  # other names are not affected


def test_the_throttle_forgets_failures_after_its_time_and_a_success():
    from rapportlens.web.security import Throttle

    now = [0.0]
    throttle = Throttle(limit=2, seconds=60, clock=lambda: now[0])
    throttle.failed("Pat")
    throttle.failed("pat ")
    assert not throttle.allowed("pat")
    now[0] = 61
    assert throttle.allowed("pat")
    throttle.failed("pat")
    throttle.succeeded("PAT")
    throttle.failed("pat")
    assert throttle.allowed("pat")


def test_the_audit_log_records_who_opened_and_changed_a_clients_records(app):
    pat, sam, ada = logged_in(app, "pat"), logged_in(app, "sam"), logged_in(app, "ada")
    upload(pat, "risky.txt", RISKY)
    sam.get("/sessions/1/report")
    sam.post("/sessions/1/reviewed", data={"csrf": token(sam)})
    log = text(pat.get("/clients/1").text)
    assert "sam marked risk flags read risky.txt" in log and "sam opened a report risky.txt" in log
    assert "pat added a session risky.txt" in log
    pat.post("/clients/1/delete", data={"csrf": token(pat)})
    audit = text(ada.get("/audit").text)
    assert "pat deleted the client and their sessions C-17 1 session" in audit
    assert pat.get("/audit").status_code == 403


def test_analysing_again_keeps_the_practitioner_named_at_upload(app):
    pat = logged_in(app, "pat")
    upload(pat, "risky.txt", RISKY.replace(b"Counsellor", b"Robin"), practitioner="Robin")
    page = text(pat.post("/sessions/1/again", data={"csrf": token(pat)}).text)
    assert "Practitioner as named at upload: Robin" in page
    assert "roles were inferred" not in page
    first = pat.get("/sessions/1/result.json").json()["speakers"][0]
    assert (first["name"], first["role"], first["role_inferred"]) == ("Robin", "practitioner", False)


def test_sessions_a_stopped_server_left_unfinished_are_analysed_at_the_next_start(tmp_path):
    store = Store(tmp_path / "app.db")
    store.add_user("pat", PASSWORD)
    pat = store.login("pat", PASSWORD)
    row = store.add_session(pat, store.client_by_label(pat, "C-1"), "risky.txt", RISKY, practitioners=["Counsellor"])
    assert create_app(tmp_path / "app.db", resume=False).state.resumed is None
    create_app(tmp_path / "app.db").state.resumed.join(120)
    done = store.session(pat, row.id)
    assert done.status == "done" and done.risk == 1
    assert create_app(tmp_path / "app.db").state.resumed is None  # nothing left


def test_supervisors_see_each_supervisees_mi_figures_pooled_over_sessions(app):
    pat, sam = logged_in(app, "pat"), logged_in(app, "sam")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes())
    upload(pat, "risky.txt", RISKY)
    page = text(sam.get("/supervision").text)
    # The example has 5 reflections and 6 questions; the risky session 2 questions, no reflection.
    assert "(5 reflections, 8 questions): reflections per question 0.62 (below fair)" in page
    assert "complex reflections 60% (good), open questions 62% (fair)" in page


def test_several_files_become_sessions_dated_by_their_names(app):
    pat = logged_in(app, "pat")
    r = pat.post("/upload", data={"client": "C-9", "csrf": token(pat)},
                 files=[("file", ("jo_20261130.txt", EXAMPLE.read_bytes(), "text/plain")),
                        ("file", ("jo 2026-11-02.txt", RISKY, "text/plain"))])
    assert r.url.path == "/clients/1"
    page = text(r.text)
    assert page.index("2026-11-02 jo 2026-11-02.txt") < page.index("2026-11-30 jo_20261130.txt")
    r = pat.post("/upload", data={"client": "C-9", "held_on": "2026-12-01", "csrf": token(pat)},
                 files=[("file", ("a.txt", RISKY, "text/plain")), ("file", ("b.txt", RISKY, "text/plain"))])
    assert r.status_code == 400 and "the date held is for one file" in r.text
    r = pat.post("/upload", data={"client": "C-9", "csrf": token(pat)},
                 files=[("file", ("a.txt", RISKY, "text/plain")), ("file", ("b.txt", b"  ", "text/plain"))])
    assert r.status_code == 400 and "b.txt is empty" in r.text
    assert len(re.findall(r'href="/sessions/\d+"', pat.get("/clients/1").text)) == 2  # nothing of the refused batch


@pytest.mark.parametrize(("name", "held"), [
    ("jo_2026-11-30.txt", "2026-11-30"), ("20261130 session.vtt", "2026-11-30"), ("s_2026.11.03.docx", "2026-11-03"),
    ("session3.txt", None), ("2026-13-45.txt", None), ("id_120261130.txt", None),
])
def test_dates_are_read_from_file_names_only_when_they_are_dates(name, held):
    from rapportlens.web.pages import date_in_name

    got = date_in_name(name)
    assert (got.isoformat() if got else None) == held


def test_a_client_is_renamed_and_exported_whole(app):
    import io
    import json
    import zipfile

    pat, lee = logged_in(app, "pat"), logged_in(app, "lee")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes(), held_on="2026-11-30")
    upload(pat, "notes.txt", b"no speakers here", label="C-2")
    r = pat.post("/clients/1/rename", data={"label": "C-2", "csrf": token(pat)})
    assert r.status_code == 400 and "already have a client labelled 'C-2'" in text(r.text)
    r = pat.post("/clients/1/rename", data={"label": "Jo-1", "csrf": token(pat)})
    assert "<h1>Jo-1</h1>" in r.text and "renamed the client from C-17" in text(r.text)
    r = pat.get("/clients/1/export.zip")
    assert 'filename="Jo-1.zip"' in r.headers["content-disposition"]
    names = sorted(zipfile.ZipFile(io.BytesIO(r.content)).namelist())
    assert names == ["01_2026-11-30_first_session/first_session.txt", "01_2026-11-30_first_session/report.html",
                     "01_2026-11-30_first_session/result.json"]
    result = json.loads(zipfile.ZipFile(io.BytesIO(r.content)).read(names[2]))
    assert result["scores"]["overall"] == pytest.approx(98, abs=1)
    failed = zipfile.ZipFile(io.BytesIO(pat.get("/clients/2/export.zip").content))
    assert "no speaker labels found" in failed.read(next(n for n in failed.namelist() if n.endswith("error.txt"))).decode()
    upload(pat, "../../evil.txt", RISKY, label="C-3")
    assert all(".." not in n for n in zipfile.ZipFile(io.BytesIO(pat.get("/clients/3/export.zip").content)).namelist())
    assert lee.get("/clients/1/export.zip").status_code == 404
    assert lee.post("/clients/1/rename", data={"label": "X", "csrf": token(lee)}).status_code == 404


def test_supervisors_and_practitioners_exchange_notes_on_a_session(app):
    pat, sam, lee = logged_in(app, "pat"), logged_in(app, "sam"), logged_in(app, "lee")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes())
    r = sam.post("/sessions/1/notes", data={"text": "Good repair at 14.\nTry a reflection before the next question.",
                                            "csrf": token(sam)})
    assert r.url.path == "/sessions/1"
    pat.post("/sessions/1/notes", data={"text": "Thanks, will do.", "csrf": token(pat)})
    page = text(pat.get("/sessions/1").text)
    assert page.index("sam, ") < page.index("Good repair at 14. Try a reflection") < page.index("Thanks, will do.")
    assert "&lt;b&gt;" in sam.post("/sessions/1/notes", data={"text": "<b>x</b>", "csrf": token(sam)}).text
    r = sam.post("/sessions/1/notes", data={"text": "   ", "csrf": token(sam)})
    assert r.status_code == 400 and "the note is empty" in r.text
    assert lee.post("/sessions/1/notes", data={"text": "hi", "csrf": token(lee)}).status_code == 404
    assert "sam wrote a note on a session" in text(pat.get("/clients/1").text)
    pat.post("/sessions/1/delete", data={"csrf": token(pat)})
    assert sam.get("/sessions/1").status_code == 404


def test_the_users_own_text_is_escaped_everywhere(app):
    pat = logged_in(app, "pat")
    upload(pat, "<i>notes</i>.txt", b"no speakers <script>", label="<b>C</b>")
    for path in ("/", "/clients/1", "/sessions/1"):
        page = pat.get(path).text
        assert "<b>C</b>" not in page and "&lt;b&gt;C&lt;/b&gt;" in page, path
    assert "<i>notes</i>" not in pat.get("/sessions/1").text


def test_word_and_caption_files_are_read_by_their_extension(app, tmp_path, data):
    import docx

    doc = docx.Document()
    for line in RISKY.decode().splitlines():
        doc.add_paragraph(line)
    doc.save(tmp_path / "s.docx")
    pat = logged_in(app, "pat")
    assert "Needs human review" in text(upload(pat, "s.docx", (tmp_path / "s.docx").read_bytes()).text)
    page = text(upload(pat, "group.vtt", (data / "group_session.vtt").read_bytes(), label="G-1").text)
    assert "Rapport" in page and "failed" not in page


def test_a_practitioners_sessions_with_every_client_make_their_own_history(app):
    pat, sam, lee = logged_in(app, "pat"), logged_in(app, "sam"), logged_in(app, "lee")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes(), held_on="2026-11-02", label="A")
    upload(pat, "risky.txt", RISKY, held_on="2026-11-09", label="B")
    assert "Your sessions over time" in pat.get("/").text
    page = pat.get("/practitioners/pat/history").text
    assert "2 sessions over time" in text(page) and page.index("first_session") < page.index("risky")
    assert sam.get("/practitioners/pat/history").status_code == 200
    assert "pat's sessions over time" in text(sam.get("/supervision").text)
    assert lee.get("/practitioners/pat/history").status_code == 404
    assert "sam opened the practitioner's history" in text(pat.get("/clients/1").text)
    assert lee.get("/practitioners/lee/history").status_code == 404  # nothing analysed yet


def test_a_peer_group_is_analysed_with_every_speaker_a_member(app, data):
    pat = logged_in(app, "pat")
    r = upload(pat, "group.vtt", (data / "group_session.vtt").read_bytes(), label="G-1", peers="on")
    assert "A peer group: nobody runs it." in text(r.text)
    roles = {s["role"] for s in pat.get("/sessions/1/result.json").json()["speakers"]}
    assert roles == {"member"}
    r = upload(pat, "group.vtt", (data / "group_session.vtt").read_bytes(), peers="on", practitioner="Dana")
    assert r.status_code == 400 and "a peer group has no practitioner" in r.text


def test_roles_given_by_the_transcript_are_not_called_inferred(app, data):
    pat = logged_in(app, "pat")
    page = text(upload(pat, "s.csv", (data / "session.csv").read_bytes()).text)
    assert "Roles as the transcript gives them." in page and "inferred" not in page


def test_downloads_get_plain_names_whatever_the_label_and_file(app):
    pat = logged_in(app, "pat")
    upload(pat, "séance 客户.txt", RISKY, label="Zoë 客户")
    assert 'filename="Zo.zip"' in pat.get("/clients/1/export.zip").headers["content-disposition"]
    assert 'filename="s_ance.json"' in pat.get("/sessions/1/result.json").headers["content-disposition"]


def test_sessions_analysed_by_different_models_are_flagged_and_redone_together(app):
    pat, sam = logged_in(app, "pat"), logged_in(app, "sam")
    upload(pat, "first_session.txt", EXAMPLE.read_bytes(), held_on="2026-11-01")
    upload(pat, "risky.txt", RISKY, held_on="2026-11-08")
    assert "analysed by different models" not in text(pat.get("/clients/1").text)
    store = app.state.store
    row = store.stored(1)
    result = row.result_dict()
    for step in result["provenance"]["analyzers"]:
        if step["name"] == "codes":
            step["settings"]["model"] = "annomi-minilm@2026-01-01.old"
    store.finish(1, result, row.report())
    page = text(pat.get("/clients/1").text)
    assert "analysed by different models (coding annomi-minilm@2026-01-01.old" in page
    assert "session 1: coding annomi-minilm@2026-01-01.old" in text(pat.get("/clients/1/history").text)
    assert "Analyse all 2 sessions again" not in text(sam.get("/clients/1").text)
    r = pat.post("/clients/1/again", data={"csrf": token(pat)})
    assert "analysed by different models" not in text(r.text)
    assert [s.status for s in store.sessions(store.login("pat", PASSWORD), 1)] == ["done", "done"]
    assert sam.post("/clients/1/again", data={"csrf": token(sam)}).status_code == 403


def test_histories_read_the_kept_series_entries_and_older_sessions_still_show(app, monkeypatch):
    pat = logged_in(app, "pat")
    upload(pat, "later.txt", EXAMPLE.read_bytes(), held_on="2026-12-01")
    upload(pat, "earlier.txt", RISKY, held_on="2026-11-01")
    def pages():  # the client page up to its audit log (which grows with every visit), and the history
        return text(pat.get("/clients/1").text).split("Who opened or changed")[0], pat.get("/clients/1/history").text

    before = pages()
    assert "Series of 2 sessions" in before[0]
    # A session stored before the series entry was kept: its result is unpacked instead.
    store = app.state.store
    with store._db.begin() as db:
        row = db.get(StoredSession, 1)
        kept = json.loads(row.headline)
        del kept["series"]
        row.headline = json.dumps(kept)
    assert pages() == before
    # An entry kept by a version with other fields: the result is unpacked instead.
    with store._db.begin() as db:
        row = db.get(StoredSession, 1)
        kept = headline(row.result_dict())
        del kept["series"]["point"]["overall"]
        row.headline = json.dumps(kept)
    assert pages() == before
    # With the entries kept, the pages never unpack a result.
    with store._db.begin() as db:
        db.get(StoredSession, 1).headline = json.dumps(headline(db.get(StoredSession, 1).result_dict()))
    monkeypatch.setattr(StoredSession, "result_dict", lambda self: pytest.fail("a history unpacked a result"))
    assert pages() == before
    assert "2 sessions over time" in text(pat.get("/practitioners/pat/history").text)
