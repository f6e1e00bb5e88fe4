import json

import rapportlens


def test_analyze_json_has_the_documented_keys(run, data):
    result = run("analyze", "--json", data / "group_session.vtt")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert {"id", "speakers", "utterances", "features", "provenance", "warnings", "turns"} <= set(out)
    assert [s["name"] for s in out["speakers"]] == ["Facilitator", "Priya", "Tom", "Mei"]
    assert all({"name", "role", "role_inferred"} <= set(s) for s in out["speakers"])
    first = out["utterances"][0]
    assert {"index", "speaker", "text", "start", "end", "text.words", "timing.latency"} <= set(first)
    assert first["start"] == 1.0 and first["end"] == 4.5
    assert out["features"]["talk.utterance_count"] == 7
    assert out["features"]["timing.overlap_count"] == 1
    assert out["provenance"]["analyzers"][0]["analyzer"] == "text_stats.v3"


def test_several_conversations_are_one_json_object_per_line(run, data):
    result = run("analyze", "--json", data / "two_calls.tsv", data / "session.srt")
    lines = result.stdout.strip().split("\n")
    assert [json.loads(line)["id"] for line in lines] == ["c1", "c2", "session"]


def test_summary_names_speakers_roles_and_inferred_mark(run, data):
    result = run("analyze", data / "session.srt")
    assert result.exit_code == 0
    assert "Teacher" in result.stdout and "practitioner*" in result.stdout
    assert "roles were inferred" in result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_quiet_hides_warnings(run, data):
    assert run("analyze", "-q", data / "session.srt").stderr == ""


def test_stdin_with_a_format(run, data):
    result = run("analyze", "--json", "-", "--format", "srt", input=(data / "session.srt").read_bytes())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["path"] == "<stdin>"


def test_practitioner_flag(run, data):
    out = json.loads(run("analyze", "--json", "-p", "Dana", data / "session.csv").stdout)
    assert {s["name"]: s["role"] for s in out["speakers"]} == {"Coach": "client", "Dana": "practitioner"}


def test_formats_lists_every_reader_and_its_options(run):
    result = run("formats")
    for name in rapportlens.reading.readers():
        assert f"{name}  [" in result.stdout
    assert "-o text_column=" in result.stdout
    listed = json.loads(run("formats", "--json").stdout)
    assert listed["csv"]["options"]["speaker_column"]


def test_python_dash_m_and_version(run):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "rapportlens", "--version"], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and rapportlens.__version__ in out.stdout


def test_a_folder_of_transcripts_is_each_of_them(run, data, tmp_path):
    import shutil

    (tmp_path / "sub").mkdir()
    shutil.copy(data / "session.srt", tmp_path / "b.srt")
    shutil.copy(data / "two_calls.tsv", tmp_path / "sub" / "a.tsv")
    (tmp_path / ".hidden.txt").write_text("A: hi\nB: hello\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    shutil.copytree(data / "convokit_corpus", tmp_path / "corpus")
    result = run("analyze", "--json", tmp_path)
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.strip().split("\n")]
    # In path order; the ConvoKit folder is read whole, hidden and unknown files are left out.
    corpus = [c.id for c in rapportlens.read(data / "convokit_corpus")]
    assert ids == ["b", *corpus, "c1", "c2"]  # b.srt, corpus/, sub/a.tsv


def test_an_empty_folder_is_an_error_that_says_what_counts(run, tmp_path):
    result = run("analyze", tmp_path)
    assert result.exit_code == 2
    assert "the folder holds no transcripts" in result.stderr and ".vtt" in result.stderr


def test_reports_for_a_folder_get_an_index_and_never_share_a_file(run, data, tmp_path):
    import shutil

    corpus = tmp_path / "in"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    for sub in ("a", "b"):
        shutil.copy(data / "session.srt", corpus / sub / "session.srt")
    (corpus / "risky.txt").write_text("Therapist: How have you been?\nClient: Honestly I think everyone would be "
                                      "better off without me.\nTherapist: Let's look at your sleep diary.\n"
                                      "Client: Okay.\n")
    out = tmp_path / "reports"
    result = run("analyze", corpus, "--html", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "risky.html", "session-2.html", "session.html"]
    index = (out / "index.html").read_text()
    assert index.count('href="session.html"') == 1 and index.count('href="session-2.html"') == 1
    # Risk comes first, with the conversation whose risk was not taken up.
    assert index.index("Needs human review") < index.index("Conversations")
    assert '<a href="risky.html#risk">risky</a>' in index and "1 not taken up" in index
    assert "<script" not in index and "http" not in index.split("</head>")[1]
