"""The pages about clients and sessions: the list, uploads, a session, a client's history,
supervision. Each is a thin layer over the store, the analysis and the reports."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

from starlette.background import BackgroundTask, BackgroundTasks
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..coding.accuracy import headline_accuracy
from ..coding.mi import THRESHOLDS, pooled
from ..errors import RapportLensError
from ..report.series import render_series
from ..series import analyzer_settings, series_of, session_point
from ..series_summary import summarize_series
from .analysis import safe_filename
from .rendering import FormError, page, see
from .security import checked_form, current_user
from .store import Store
from .tables import ANALYSING, DONE, StoredSession, User

# A transcript is text; a Word file with pictures can be a few MB. Anything larger is a mistake.
MAX_UPLOAD = 20 * 1024 * 1024
# Files one upload may hold: a client's past sessions at once.
MAX_FILES = 20
DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)")
SERIES_ORDER = "by the date each session was held (the upload date where none was given)"


async def home(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    clients = store.clients(user)
    return page(request, "home.html.j2", user=user, clients=clients, review=store.to_review(user))


async def upload(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    own = [v.client.label for v in store.clients(user) if v.practitioner == user.name]
    error = None
    if request.method == "POST":
        form = await checked_form(request, max_files=MAX_FILES)
        try:
            files = [f for f in form.getlist("file") if not isinstance(f, str) and f.filename]
            if not files:
                raise FormError("choose the transcript's file")
            held_on = _date(form.get("held_on"))
            if held_on and len(files) > 1:
                raise FormError("the date held is for one file: with several, leave it empty, and each file's date "
                                "comes from its name (2026-11-30 or 20261130 in it) or from the transcript")
            # Every file is checked before any is stored: a batch is added whole or not at all.
            uploads = [(f.filename, await _read(f)) for f in files]
            client = store.client_by_label(user, str(form.get("client", "")))
            speakers = [s.strip() for s in str(form.get("practitioner", "")).split(",") if s.strip()]
            peers = form.get("peers") == "on"
            if peers and speakers:
                raise FormError("a peer group has no practitioner: leave the practitioner's name empty, or untick "
                                "'nobody runs it'")
            rows = [store.add_session(user, client, name, data, held_on or date_in_name(name), speakers, peers)
                    for name, data in uploads]
        except RapportLensError as e:
            error = str(e)
        else:
            tasks = BackgroundTasks()
            for row in rows:
                tasks.add_task(request.app.state.analyst.run, row.id)
            return see(f"/sessions/{rows[0].id}" if len(rows) == 1 else f"/clients/{client.id}", tasks)
    return page(request, "upload.html.j2", 400 if error else 200, user=user, own=own, error=error,
                chosen=request.query_params.get("client", ""))


async def _read(file) -> bytes:
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise FormError(f"{file.filename} is over {MAX_UPLOAD // 2**20} MB: a transcript is far smaller; "
                        "check that this is the transcript, not the recording")
    if not data.strip():
        raise FormError(f"{file.filename} is empty: choose the transcript's file")
    return data


def date_in_name(name: str) -> date | None:
    """The date in a file's name (``2026-11-30``, ``2026_11_30``, ``20261130``), if it has one."""
    for m in DATE_IN_NAME.finditer(name):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FormError(f"the date {value!r} is not a date like 2026-12-07") from None


async def client_page(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    client = store.client(user, request.path_params["client_id"])
    sessions = store.sessions(user, client.id)
    store.record(user, "client", client.id)
    done = [s for s in sessions if s.status == DONE]
    entries = [s.series_entry() for s in done]
    series = series_of(entries, SERIES_ORDER) if done else None
    points = {s.id: p for s, p in zip(done, series.sessions)} if series else {}
    summary = summarize_series(series) if series else None
    # Scores from different models do not make a trend: say so, and offer to redo them all.
    versions = list(dict.fromkeys(e.models for e in entries))
    return page(request, "client.html.j2", user=user, client=client, sessions=sessions, points=points,
                versions=versions if len(versions) > 1 else [],
                events=store.events(user, client.id, limit=30),
                summary=summary, practitioner=store.practitioner_of(client),
                own=client.practitioner_id == user.id)


async def history(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    client_id = request.path_params["client_id"]
    done = [s for s in store.sessions(user, client_id) if s.status == DONE]
    if not done:
        return see(f"/clients/{client_id}")
    store.record(user, "history", client_id)
    return _series_page(done)


def _series_page(done: list[StoredSession]) -> HTMLResponse:
    """The series page of analysed sessions, each linked to its report."""
    series = series_of([s.series_entry() for s in done], SERIES_ORDER)
    return HTMLResponse(render_series(series, {n: f"/sessions/{s.id}/report" for n, s in enumerate(done, 1)}))


async def practice_history(request: Request) -> Response:
    """One practitioner's sessions with every client, in the order held: their own progress."""
    user, store = current_user(request), request.app.state.store
    done = store.practice(user, request.path_params["name"])
    if not done:
        raise HTTPException(404, "no analysed sessions yet")
    return _series_page(done)


def _session(request: Request) -> tuple[User, Store, StoredSession]:
    """The logged-in user, the store and the session the path names (if the user may see it)."""
    user, store = current_user(request), request.app.state.store
    return user, store, store.session(user, request.path_params["session_id"])


async def session_page(request: Request) -> Response:
    user, store, row = _session(request)
    client = store.client(user, row.client_id)
    store.record(user, "open", client.id, row.id, row.filename)
    result = row.result_dict()
    point = session_point(result, 1) if row.status == DONE else None
    return page(request, "session.html.j2", user=user, row=row, client=client, point=point,
                notes=store.notes(user, row.id), result=result, own=client.practitioner_id == user.id,
                models=_models(result))


def _models(result: dict) -> dict:
    """The coding and score models behind a result's numbers, with their measured accuracy."""
    steps = analyzer_settings(result)
    codes, rapport = steps.get("codes", {}), steps.get("rapport", {})
    return {"codes": codes.get("model"), "accuracy": headline_accuracy(codes.get("model_accuracy")),
            "score": rapport.get("score_model"),
            "score_auc": (rapport.get("score_validation") or {}).get("annomi_roc_auc_out_of_fold_codes")}


async def report(request: Request) -> Response:
    user, store, row = _session(request)
    if row.status != DONE:
        return see(f"/sessions/{row.id}")
    store.record(user, "report", row.client_id, row.id, row.filename)
    return HTMLResponse(row.report())


async def result_json(request: Request) -> Response:
    user, store, row = _session(request)
    if row.status != DONE:
        return see(f"/sessions/{row.id}")
    store.record(user, "result", row.client_id, row.id, row.filename)
    stem = _ascii(Path(row.filename).stem)
    return JSONResponse(row.result_dict(), headers={"content-disposition": f'attachment; filename="{stem}.json"'})


async def again(request: Request) -> Response:
    """Analyse a stored session again with the server's current model."""
    user, store, row = _session(request)
    await checked_form(request)
    store.restart(user, row.id)
    return see(f"/sessions/{row.id}", BackgroundTask(request.app.state.analyst.run, row.id))


async def reviewed(request: Request) -> Response:
    user, store, row = _session(request)
    await checked_form(request)
    store.mark_reviewed(user, row.id)
    return see(f"/sessions/{row.id}")


async def note(request: Request) -> Response:
    user, store, row = _session(request)
    form = await checked_form(request)
    store.add_note(user, row.id, str(form.get("text", "")))
    return see(f"/sessions/{row.id}#notes")


async def client_again(request: Request) -> Response:
    """Analyse every session of a client again with the server's current models."""
    user, store = current_user(request), request.app.state.store
    await checked_form(request)
    client = store.client(user, request.path_params["client_id"])
    tasks = BackgroundTasks()
    for row in store.sessions(user, client.id):
        if row.status != ANALYSING:
            store.restart(user, row.id)
            tasks.add_task(request.app.state.analyst.run, row.id)
    return see(f"/clients/{client.id}", tasks)


async def delete_session(request: Request) -> Response:
    user, store, row = _session(request)
    await checked_form(request)
    store.delete_session(user, row.id)
    return see(f"/clients/{row.client_id}")


async def rename_client(request: Request) -> Response:
    user = current_user(request)
    form = await checked_form(request)
    client_id = request.path_params["client_id"]
    request.app.state.store.rename_client(user, client_id, str(form.get("label", "")))
    return see(f"/clients/{client_id}")


async def export_client(request: Request) -> Response:
    """Everything stored for a client, as a zip: each session's upload, result and report."""
    user = current_user(request)
    store: Store = request.app.state.store
    client = store.client(user, request.path_params["client_id"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, row in enumerate(store.sessions(user, client.id), 1):
            held = (row.held_on or row.uploaded.date()).isoformat()
            # The name as uploaded is the browser's word: reduced, so no entry reaches outside its folder.
            name = safe_filename(row.filename)
            stem = f"{n:02d}_{held}_{Path(name).stem}"
            zf.writestr(f"{stem}/{name}", row.original)
            if row.status == DONE:
                zf.writestr(f"{stem}/result.json", json.dumps(row.result_dict(), indent=2, ensure_ascii=False))
                zf.writestr(f"{stem}/report.html", row.report())
            elif row.error:
                zf.writestr(f"{stem}/error.txt", row.error)
    store.record(user, "export", client.id)
    name = _ascii(client.label)
    return Response(buffer.getvalue(), media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{name}.zip"'})


def _ascii(name: str) -> str:
    """A name for a download's header, which carries only plain ASCII safely."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "rapportlens"


async def delete_client(request: Request) -> Response:
    user = current_user(request)
    await checked_form(request)
    request.app.state.store.delete_client(user, request.path_params["client_id"])
    return see("/")


async def supervision(request: Request) -> Response:
    user = current_user(request)
    store: Store = request.app.state.store
    if user.role != "supervisor":
        raise HTTPException(403, "only supervisors have this page")
    people, review, visible = [], store.to_review(user), store.clients(user)
    for person in store.supervisees(user):
        clients = [v for v in visible if v.practitioner == person.name]
        results = [s.headline_dict() for v in clients for s in store.sessions(user, v.client.id) if s.status == DONE]
        pitfalls = Counter(p for r in results for p in r["pitfalls"])
        strengths = Counter(s for r in results for s in r["strengths"])
        mi = pooled(r["mi_counts"] for r in results)
        people.append({"user": person, "clients": clients, "sessions": len(results), "mi": mi,
                       "pitfalls": pitfalls.most_common(), "strengths": strengths.most_common(3),
                       "review": sum(1 for _, v in review if v.practitioner == person.name)})
    return page(request, "supervision.html.j2", user=user, people=people, thresholds=THRESHOLDS)
