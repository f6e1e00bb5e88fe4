"""Bad input: a short message naming the file, the place and the fix; exit status 2; no traceback."""

import pytest

CASES = {
    "empty.txt": (b"", "the file is empty", None),
    "blank.txt": (b"\n  \n", "only whitespace", None),
    "binary.txt": (b"A: hi\n\x00\x01\x02\xff\xfe\x00", "undecodable bytes", "line 2"),
    "noise.txt": (b"A: hi \xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\n", "undecodable bytes", "line 1"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "undecodable bytes", "line 1"),
    "c1.txt": (b"A: hello \x81 there\n", "undecodable bytes", "line 1"),
    "nolabels.txt": (b"just some words\nand more words\n", "no speaker labels found", None),
    "badtime.txt": (b"[00:75:02] A: hi\n[00:01:00] B: yo\n", "malformed timestamp", "line 1"),
    "backwards.txt": (b"[00:02:00] A: hi\n[00:01:00] B: yo\n", "goes backwards", "line 2"),
    "notext.csv": (b"speaker,words\nA,hi\n", "no text column", "line 1"),
    "nospeaker.csv": (b"text\nhello\n", "no speaker column", "line 1"),
    "unterminated.csv": (b'speaker,text\nA,"hello\nB,there\n', "unterminated quote", "line 2"),
    "fields.csv": (b"speaker,text\nA,hello,there\n", "3 fields but the header has 2", "line 2"),
    "badrole.csv": (b"speaker,text,role\nA,hi,wizard\n", "unknown role", "line 2"),
    "badtime.csv": (b"speaker,text,start\nA,hi,1:99\n", "malformed timestamp", "line 2"),
    "badtime.vtt": (b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\n<v A>hi\n", "malformed timestamp", "line 4"),
    "backwards.vtt": (b"WEBVTT\n\n00:00:05.000 --> 00:00:03.000\n<v A>hi\n", "before start", "line 3"),
    "noheader.vtt": (b"00:00:01.000 --> 00:00:02.000\nA: hi\n", "must start with the line 'WEBVTT'", "line 1"),
    "nospeakers.vtt": (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n", "no speaker labels", None),
    "notiming.srt": (b"1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\n2\nB: yo\n", "no timing line", "line 5"),
    "bad.json": (b'{"schema_version": "1", "utterances": [}', "invalid JSON", "line 1"),
    "schema.json": (b'{"schema_version": "1", "utterances": [{"speaker": "A"}]}', "'text' is a required property", None),
    "bad.jsonl": (b'{"schema_version": "1", "utterances": [{"speaker": "A", "text": "x"}]}\n{oops\n', "invalid JSON", "line 2"),
    "badrole.jsonl": (b'{"schema_version": "1", "utterances": [{"speaker": "A", "text": "x", "role": "boss"}]}\n',
                      "utterances[0].role: unknown role 'boss'", "line 1"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(tmp_path, run, name):
    content, problem, place = CASES[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = run("analyze", path)
    assert result.exit_code == 2, result.output
    err = result.stderr
    assert err.startswith(f"error: {path}")
    assert problem in err
    if place:
        assert place in err
    assert "fix:" in err
    assert "Traceback" not in err and result.stdout == ""


def test_missing_file(run, tmp_path):
    result = run("analyze", tmp_path / "nope.txt")
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_one_bad_file_does_not_hide_the_good_ones(run, data, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    result = run("analyze", "--json", bad, data / "session.srt")
    assert result.exit_code == 2
    assert '"id": "session"' in result.stdout and "empty" in result.stderr


def test_unknown_reader_option(run, data):
    result = run("analyze", data / "session.csv", "-o", "txt_column=x")
    assert result.exit_code == 2 and "no option 'txt_column'" in result.stderr


def test_unknown_practitioner_name(run, data):
    result = run("analyze", data / "session.csv", "-p", "Zed")
    assert result.exit_code == 2 and "use one of: Coach, Dana" in result.stderr


def test_unknown_format(run, data):
    result = run("analyze", data / "session.csv", "--format", "pdf")
    assert result.exit_code == 2 and "unknown reader 'pdf'" in result.stderr


def test_wrong_encoding_named(run, tmp_path):
    path = tmp_path / "u.txt"
    path.write_text("A: héllo\nB: ok\n", encoding="utf-16")
    result = run("analyze", path, "--encoding", "ascii")
    assert result.exit_code == 2 and "cannot be decoded as ascii" in result.stderr
