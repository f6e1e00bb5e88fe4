"""`rapportlens batch`: mixed formats, a malformed file, resume, tables, and Dask against local."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from rapportlens.batch import ReadOptions, SerialEngine, discover, run_batch
from rapportlens.batch.engines import ProcessEngine
from rapportlens.batch.synthetic import FORMATS, write_corpus
from rapportlens.errors import InputError


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 200, utterances=4, malformed=1)
    return folder


@pytest.fixture(scope="module")
def first_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    with ProcessEngine(2) as engine:
        result = run_batch(discover([str(corpus)]), out, engine)
    return out, result


def table(path):
    return pq.read_table(path).to_pylist()


def test_discover_walks_folders_and_globs(corpus):
    paths = discover([str(corpus)])
    assert len(paths) == 201
    assert {p.suffix for p in paths} == {f".{f}" for f in FORMATS} | {".srt"}
    assert discover([str(corpus / "csv" / "*.csv")]) == [p for p in paths if p.suffix == ".csv"]
    with pytest.raises(InputError, match="matches nothing"):
        discover([str(corpus / "*.docx")])


def test_every_conversation_but_the_malformed_one_is_analysed(first_run):
    out, result = first_run
    assert result.analysed == 200 and result.skipped == 0
    [failure] = result.failures
    assert failure.source.endswith("broken-0.srt") and "line" in failure.error and "fix:" in failure.error
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert errors == [failure.to_dict()]
    rows = table(out / "conversations.parquet")
    assert len(rows) == 200 and {r["format"] for r in rows} == {"text", "srt", "vtt", "csv", "json"}
    assert all(r["overall"] is not None and r["utterances"] >= 2 for r in rows)
    assert sum(r["utterances"] for r in rows) == len(table(out / "utterances.parquet")) == result.utterances


def test_tables_hold_scores_codes_and_counts(first_run):
    out, _ = first_run
    rows = table(out / "conversations.parquet")
    r = rows[0]
    assert set(r) >= {"id", "source", "speakers", "overall", "empathy", "reflection_to_question",
                      "ruptures", "risk_flags"}
    assert r["speakers"] == "Counsellor; Client" and r["practitioners"] == "Counsellor"
    csv_lines = (out / "conversations.csv").read_text().splitlines()
    assert len(csv_lines) == 201 and csv_lines[0].startswith('"id","source"')
    utts = table(out / "utterances.parquet")
    assert all(u["codes"] for u in utts if u["role"] == "practitioner")
    assert all(0 <= c["confidence"] <= 1 for u in utts for c in u["codes"])
    full = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(full) == 200 and all("scores" in f and "batch" in f for f in full)
    # The session-level feedback travels into the table, as in each result.
    by_id = {f["id"]: f for f in full}
    for row in rows:
        f = by_id[row["id"]]
        assert row["pitfalls"].split("; ")[0].split(" (")[0] == (f["pitfalls"][0]["pitfall"] if f["pitfalls"] else "")
        assert row["client_state"] == f["client_state"]["state"]
        assert row["disclosure_trend"] == f["features"]["disclosure.trend"]
        assert row["interruptions"] == f["features"]["interruptions.count"]
        assert row["percent_change_talk"] == f["features"]["mi.client_talk"]["percent_change"]
        assert row["english_share"] == f["features"]["text.english_share"]
        assert row["risk_unsure"] == sum(bool(r.get("unsure")) for r in f["risk"]) <= row["risk_flags"]
        assert row["shared_laughter"] == len(f["features"]["nonverbal.shared_laughter"])
        assert row["unheard"] == len(f["features"]["nonverbal.unheard"])
    assert all(u["notes"] == "" or set(u["notes"].split("; ")) <= {
        "laughter", "crying", "sigh", "silence", "unheard", "overlap", "gesture", "sound"} for u in utts)


def test_rerun_skips_what_is_done_and_picks_up_what_is_new(first_run, corpus, tmp_path):
    out, _ = first_run
    before = pq.read_table(out / "conversations.parquet")
    result = run_batch(discover([str(corpus)]), out, SerialEngine())
    assert result.analysed == 0 and result.skipped == 200 and len(result.failures) == 1
    assert pq.read_table(out / "conversations.parquet").equals(before)
    finished = {json.loads(line)["source"] for line in (out / "files.jsonl").read_text().splitlines()}
    assert len(finished) == 200 and not any(s.endswith("broken-0.srt") for s in finished)
    # A crash mid-line leaves a cut line; it is dropped and that conversation done again.
    results = out / "results.jsonl"
    lines = results.read_bytes().splitlines(keepends=True)
    results.write_bytes(b"".join(lines[:-1]) + lines[-1][:40])
    again = run_batch(discover([str(corpus)]), out, SerialEngine())
    assert again.analysed == 1 and again.skipped == 199
    assert pq.read_table(out / "conversations.parquet").equals(before)


def test_dask_cluster_gives_the_same_tables_as_local(corpus, tmp_path):
    from dask import distributed

    from rapportlens.batch import DaskEngine

    subset = discover([str(corpus / "txt"), str(corpus / "vtt")])
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    run_batch(subset, local_out, SerialEngine())
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, DaskEngine(cluster.scheduler_address, 2) as engine:
        result = run_batch(subset, dask_out, engine)
    assert result.analysed == 80 and not result.failures
    for name in ("conversations.parquet", "utterances.parquet"):
        assert pq.read_table(dask_out / name).equals(pq.read_table(local_out / name)), name
    assert (dask_out / "conversations.csv").read_text() == (local_out / "conversations.csv").read_text()


def test_reading_options_reach_the_readers(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Ann: How are you?\nBo: Fine, thanks.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([src / "a.txt"], out, SerialEngine(), read_options=ReadOptions(practitioners=("Bo",)))
    [row] = table(out / "conversations.parquet")
    assert row["practitioners"] == "Bo"


def test_cli_batch_reports_the_bad_file_and_exits_2(run, corpus, tmp_path):
    out = tmp_path / "out"
    result = run("batch", str(corpus / "csv"), str(corpus / "broken-0.srt"), "--out", out, "-j", "1", "-q")
    assert result.exit_code == 2
    assert "analysed 40 conversations" in result.stdout
    assert "broken-0.srt" in result.stdout and "1 failed" in result.stdout
    assert run("batch", str(corpus / "csv"), "--out", out, "--scheduler", "tcp://x:1").exit_code == 2
