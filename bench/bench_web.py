"""The web app's cost: a session uploaded, analysed and stored through the app, against
`analyze` of the same transcript in the same run, and the size of what is stored.

Run: `python bench/bench_web.py [--utterances N] [--repeat R]` (needs `.[web]`). The
transcript is the project's synthetic corpus lines (`rapportlens.batch.synthetic`) as
`Name: text` lines; the database a SQLite file in a temporary folder. Reports, in one run:
  1. the baseline: reading and analysing the file with the pipeline (models loaded beforehand),
  2. the upload: the POST through Starlette's test client until the session is stored (the
     analysis runs before the test client returns), as a ratio to the baseline,
  3. opening the stored session's page, its report and its client's history page,
  4. the database's size per session and what a session holds (upload, result, report),
  5. a client with many sessions (``--history N``, copies of the stored one): the client and
     history pages as they are, against the same pages when every session must unpack its
     result (sessions stored before the series entry was kept in the headline).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from starlette.testclient import TestClient
from timing import best_and_median

import rapportlens
from rapportlens.batch.synthetic import _pairs
from rapportlens.web import create_app
from rapportlens.web.store import Store
from rapportlens.web.tables import StoredSession

PASSWORD = "correct horse battery"


def transcript(n: int) -> bytes:
    return "".join(f"{s}: {t}\n" for s, t in _pairs(random.Random(0), n)).encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--utterances", type=int, default=600, help="about a 50-minute session (default)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--history", type=int, default=50, help="sessions of the client for the history pages (default 50)")
    args = ap.parse_args()
    data = transcript(args.utterances)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.txt"
        path.write_bytes(data)
        pipeline = rapportlens.default_pipeline()
        pipeline(rapportlens.read(path)[0])  # load the models before timing
        best, base = best_and_median(lambda: pipeline(rapportlens.read(path, practitioners=["Counsellor"])[0]),
                                     args.repeat)
        print(f"{args.utterances} utterances, {len(data) / 1024:.0f} KB of text")
        print(f"baseline, read and analyze the file: {base:.2f} s (best {best:.2f})")

        db = Path(folder) / "app.db"
        Store(db).add_user("sam", PASSWORD, "supervisor")
        Store(db).add_user("pat", PASSWORD, supervisor="sam")
        app = create_app(db)
        client = TestClient(app)
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
        client.post("/login", data={"name": "pat", "password": PASSWORD, "csrf": token})
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/upload").text).group(1)

        def upload() -> None:
            r = client.post("/upload", data={"client": "C-1", "practitioner": "Counsellor", "csrf": token},
                            files={"file": ("session.txt", data, "text/plain")})
            assert "Rapport" in r.text, r.text[-500:]

        start = time.perf_counter()
        upload()  # the first loads the server's models
        first = time.perf_counter() - start
        best, median = best_and_median(upload, args.repeat)
        print(f"upload, first (loads the models): {first:.2f} s")
        print(f"upload, analyse and store: {median:.2f} s (best {best:.2f}; {median / base:.2f}x the baseline)")
        supervisor = TestClient(app)
        token = re.search(r'name="csrf" value="([^"]+)"', supervisor.get("/login").text).group(1)
        supervisor.post("/login", data={"name": "sam", "password": PASSWORD, "csrf": token})
        for who, what, url in ((client, "session page", "/sessions/1"), (client, "report", "/sessions/1/report"),
                               (client, "client page", "/clients/1"), (client, "client history page", "/clients/1/history"),
                               (supervisor, "supervision page", "/supervision")):
            best, median = best_and_median(lambda who=who, url=url: who.get(url), args.repeat)
            print(f"open the {what}: {median * 1000:.0f} ms ({median / base:.3f}x the baseline)")
        sessions = args.repeat + 1
        row = app.state.store.session(app.state.store.login("pat", PASSWORD), 1)
        print(f"database: {db.stat().st_size / 1024 / sessions:.0f} KB per session "
              f"(upload {len(row.original) / 1024:.0f} KB, result {len(row.result_gz) / 1024:.0f} KB, "
              f"report {len(row.report_gz) / 1024:.0f} KB, both gzipped)")
        many_sessions(app, client, row, args.history, args.repeat)


def many_sessions(app, client: TestClient, row: StoredSession, n: int, repeat: int) -> None:
    """The client and history pages of a client with ``n`` sessions, with and without the
    series entries kept in the headline."""
    with app.state.store._db.begin() as db:
        for _ in range(n - len(db.scalars(select(StoredSession)).all())):
            db.add(StoredSession(client_id=row.client_id, filename=row.filename, original=row.original,
                                 status=row.status, result_gz=row.result_gz, headline=row.headline,
                                 report_gz=row.report_gz, overall=row.overall, risk=row.risk))
    pages = (("client page", "/clients/1"), ("client history page", "/clients/1/history"))

    def timed() -> list[float]:
        return [best_and_median(lambda url=url: client.get(url), repeat)[1] for _, url in pages]

    kept = timed()
    with app.state.store._db.begin() as db:
        for stored in db.scalars(select(StoredSession)):
            stored.headline = json.dumps({k: v for k, v in stored.headline_dict().items() if k != "series"})
    unpacked = timed()
    for (what, _), k, u in zip(pages, kept, unpacked):
        print(f"{n} sessions, open the {what}: {k * 1000:.0f} ms with the series entries kept, "
              f"{u * 1000:.0f} ms unpacking every result ({k / u:.2f}x)")


if __name__ == "__main__":
    main()
