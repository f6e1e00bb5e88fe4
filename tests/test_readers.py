"""Golden tests: each format gives the right speakers, roles, utterance counts and timings."""

import pytest

import rapportlens
from rapportlens import Role


def roles(conv):
    return {s.name: (s.role.value, s.role_inferred) for s in conv.speakers}


def test_plain_text_reads_times_continuations_and_preamble(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(
        "Session notes\n\n[00:00:01] Therapist: Hello, how are you?\n"
        "(00:05) Sam: Tired. Work has been\nreally hard.\n\n"
        "00:00:12 Therapist: It sounds hard. He said: fine.\n"
        "Sam [00:00:20]: Yes.\n"
    )
    (conv,) = rapportlens.read(path)
    assert [u.speaker for u in conv.utterances] == ["Therapist", "Sam", "Therapist", "Sam"]
    assert conv.utterances[1].text == "Tired. Work has been really hard."
    assert conv.utterances[2].text == "It sounds hard. He said: fine."
    assert [u.start for u in conv.utterances] == [1.0, 5.0, 12.0, 20.0]
    assert [u.line for u in conv.utterances] == [3, 4, 7, 8]
    assert roles(conv) == {"Therapist": ("practitioner", True), "Sam": ("client", True)}
    assert any("before the first speaker label" in n.message for n in conv.notices)


def test_plain_text_time_ranges_and_otter_layout(tmp_path):
    path = tmp_path / "otter.txt"
    path.write_text("Speaker 1  0:03\nHi there, what brings you?\n\nSpeaker 2  0:07\nMy sleep.\nIt is bad.\n")
    (conv,) = rapportlens.read(path)
    assert [(u.speaker, u.start) for u in conv.utterances] == [("Speaker 1", 3.0), ("Speaker 2", 7.0)]
    assert conv.utterances[1].text == "My sleep. It is bad."
    path.write_text("[00:00:01 - 00:00:03] A: Hi?\n[00:00:04 - 00:00:06.5] B: Hello.\n")
    (conv,) = rapportlens.read(path)
    assert [(u.start, u.end) for u in conv.utterances] == [(1.0, 3.0), (4.0, 6.5)]


def test_plain_text_merges_names_that_differ_in_case(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Client: hi\nTHERAPIST: hello?\nclient: ok\n")
    (conv,) = rapportlens.read(path)
    assert conv.speaker_names == ["Client", "THERAPIST"]


def test_example_transcript_reads(data):
    (conv,) = rapportlens.read(data.parent.parent / "examples" / "first_session.txt")
    assert len(conv) == 21
    assert roles(conv)["Counsellor"] == ("practitioner", True)
    assert conv.utterances[5].text.endswith("more to worry about the next night.")


def test_csv_auto_detects_columns_roles_times_and_quotes(data):
    (conv,) = rapportlens.read(data / "session.csv")
    assert conv.format == "csv"
    assert roles(conv) == {"Coach": ("practitioner", False), "Dana": ("client", False)}
    assert conv.utterances[3].text == 'Work, mostly. And I was tired, "really" tired.'
    assert [(u.start, u.end) for u in conv.utterances][:2] == [(0.0, 2.5), (3.1, 6.0)]


def test_tsv_splits_conversations_by_column(data):
    convs = rapportlens.read(data / "two_calls.tsv")
    assert [c.id for c in convs] == ["c1", "c2"]
    assert [len(c) for c in convs] == [2, 3]
    assert convs[1].speaker("Agent").role is Role.PRACTITIONER


def test_csv_column_options(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("person_a,words\nT,How are you?\nC,Fine.\n")
    (conv,) = rapportlens.read(path, options={"speaker_column": "person_a", "text_column": "words"})
    assert conv.speaker_names == ["T", "C"]
    assert conv.speaker("C").role is Role.CLIENT


def test_json_schema_with_roles_and_meta(data):
    (conv,) = rapportlens.read(data / "session.json")
    assert conv.id == "intake-7"
    assert roles(conv) == {"Nurse": ("practitioner", False), "Mr Reyes": ("client", False)}
    assert conv.meta["ward"] == "B"
    assert conv.utterances[1].start == 2.5 and conv.utterances[1].end == 5.0


def test_json_roles_given_on_each_utterance(tmp_path):
    # Chat logs carry the role on every message; a chatbot is the practitioner.
    path = tmp_path / "chat.json"
    path.write_text(
        '{"schema_version": "1", "utterances": ['
        '{"speaker": "Sam", "role": "user", "text": "hey. i cant sleep again"},'
        '{"speaker": "Wellbot", "role": "assistant", "text": "That sounds exhausting. What keeps you up?"},'
        '{"speaker": "Sam", "text": "my head just wont stop"}]}'
    )
    (conv,) = rapportlens.read(path)
    assert roles(conv) == {"Sam": ("client", False), "Wellbot": ("practitioner", False)}
    assert not any("inferred" in n.message for n in conv.notices)


def test_jsonl_holds_one_conversation_per_line(data):
    convs = rapportlens.read(data / "two_sessions.jsonl")
    assert [c.id for c in convs] == ["a", "b"]
    assert convs[1].utterances[0].line == 2


def test_analyze_json_output_reads_back(tmp_path, data, run):
    result = run("analyze", "--json", data / "session.json")
    out = tmp_path / "out.json"
    out.write_text(result.stdout)
    (again,) = rapportlens.read(out)
    (orig,) = rapportlens.read(data / "session.json")
    fields = lambda c: [(u.speaker, u.text, u.start, u.end) for u in c.utterances]
    assert fields(again) == fields(orig)
    assert again.id == orig.id and dict(again.meta) == dict(orig.meta)
    assert roles(again) == roles(orig)


def test_vtt_group_with_voice_tags_and_timings(data):
    (conv,) = rapportlens.read(data / "group_session.vtt")
    assert conv.speaker_names == ["Facilitator", "Priya", "Tom", "Mei"]
    assert len(conv) == 7
    assert roles(conv) == {
        "Facilitator": ("practitioner", True), "Priya": ("member", True),
        "Tom": ("member", True), "Mei": ("member", True),
    }
    assert [(u.start, u.end) for u in conv.utterances][1:3] == [(5.0, 9.25), (9.0, 11.0)]


def test_vtt_name_prefixes_and_unlabelled_cue(data):
    (conv,) = rapportlens.read(data / "zoom_style.vtt")
    assert [u.speaker for u in conv.utterances] == ["Dr. Okafor", "Alex", "Alex", "Dr. Okafor"]
    assert conv.utterances[2].text == "and it's worse on stairs."
    assert any("no speaker" in n.message for n in conv.notices)
    assert conv.speaker("Dr. Okafor").role is Role.PRACTITIONER


def test_vtt_several_voices_in_one_cue(tmp_path):
    path = tmp_path / "v.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:03.000\n<v A>Hi.</v>\n<v B>Hello &amp; welcome.</v>\n")
    (conv,) = rapportlens.read(path)
    assert [(u.speaker, u.text) for u in conv.utterances] == [("A", "Hi."), ("B", "Hello & welcome.")]


def test_srt(data):
    (conv,) = rapportlens.read(data / "session.srt")
    assert conv.format == "srt"
    assert [(u.speaker, u.start, u.end) for u in conv.utterances] == [
        ("Teacher", 1.0, 3.0), ("Student", 3.5, 6.2), ("Teacher", 6.5, 9.0)
    ]
    assert conv.speaker("Teacher").role is Role.PRACTITIONER


def test_annomi_reads_each_utterance_once_and_keeps_annotations(data):
    convs = rapportlens.read(data / "annomi_sample.csv")
    assert [c.id for c in convs] == ["annomi-5", "annomi-6"]
    first = convs[0]
    assert len(first) == 3 and first.format == "annomi"
    assert roles(first) == {"Therapist": ("practitioner", False), "Client": ("client", False)}
    assert first.meta["mi_quality"] == "high"
    assert first.utterances[2].meta["main_therapist_behaviour"] == "reflection"
    assert [a["reflection_subtype"] for a in first.utterances[2].meta["annotations"]] == ["complex", "simple"]
    assert first.utterances[1].start == 6.0


@pytest.mark.parametrize("name", ["esconv_sample.jsonl", "esconv_original.json"])
def test_esconv_layouts(data, name):
    convs = rapportlens.read(data / name)
    conv = convs[0]
    assert conv.format == "esconv"
    assert roles(conv) == {"Seeker": ("client", False), "Supporter": ("practitioner", False)}
    assert len(conv) == 3
    assert any("strategy" in u.meta for u in conv.utterances)


def test_convokit_folder(data):
    convs = rapportlens.read(data / "convokit_corpus")
    assert [c.id for c in convs] == ["u1", "u3"]
    assert roles(convs[0])["mod"] == ("practitioner", False)
    assert convs[0].meta["topic"] == "intro"
    assert convs[1].utterances[1].meta["reply_to"] == "u3"


def test_cp1252_is_read_with_a_warning(data):
    (conv,) = rapportlens.read(data / "cp1252.txt")
    assert "café" in conv.utterances[1].text and "Naïve" in conv.utterances[1].text
    assert "–" in conv.utterances[1].text
    assert any("Windows-1252" in n.message for n in conv.notices)


def test_explicit_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("A: señor?\nB: sí\n".encode("latin-1"))
    (conv,) = rapportlens.read(path, encoding="latin-1")
    assert conv.utterances[0].text == "señor?" and not conv.notices[:-1]


def test_one_speaker_is_analysed_with_a_warning(tmp_path):
    path = tmp_path / "mono.txt"
    path.write_text("Lecturer: Today we cover sleep.\nLecturer: First, why it matters.\n")
    (conv,) = rapportlens.read(path)
    assert any("only one speaker" in n.message for n in conv.notices)
    rapportlens.analyze(conv)
    assert conv.features["talk.share"] == {"Lecturer": 1.0}


def test_practitioner_option_sets_roles_in_a_group(data):
    (conv,) = rapportlens.read(data / "group_session.vtt", practitioners=["mei"])
    assert roles(conv)["Mei"] == ("practitioner", False)
    assert roles(conv)["Facilitator"] == ("member", False)


def test_peers_makes_everyone_a_member(data, run):
    # A name like "Facilitator" would otherwise make its speaker the practitioner.
    (conv,) = rapportlens.read(data / "group_session.vtt", peers=True)
    assert set(roles(conv).values()) == {("member", False)}
    assert any("peer conversation" in n.message for n in conv.notices)
    from rapportlens.report import render_html
    from rapportlens.summary import summarize

    analysed = rapportlens.analyze(conv)
    assert "Ruptures: not looked for (no practitioner)" in summarize(analysed)
    assert "Ruptures were not looked for" in render_html(analysed)
    result = run("analyze", "--peers", "--practitioner", "Mei", data / "group_session.vtt")
    assert result.exit_code == 2 and "--peers makes every speaker a member" in result.stderr


def test_format_is_chosen_by_content_without_an_extension(tmp_path):
    text = tmp_path / "session"
    text.write_text("Therapist: Hi, how are you?\nClient: Fine, thanks.\n")
    table = tmp_path / "export"
    table.write_text("speaker,text\nA,hello\nB,hi\n")
    assert rapportlens.read(text)[0].format == "text"
    assert rapportlens.read(table)[0].format == "csv"


def test_read_text_parses_a_string_without_a_file():
    (conv,) = rapportlens.read_text("Coach: Ready?\r\nAmy: Yes.\r\n", practitioners=["coach"])
    assert [(u.speaker, u.text) for u in conv.utterances] == [("Coach", "Ready?"), ("Amy", "Yes.")]
    assert roles(conv) == {"Coach": ("practitioner", False), "Amy": ("client", False)}
    with pytest.raises(rapportlens.InputError, match="empty"):
        rapportlens.read_text("  \n")


def test_chat_messages_logs_from_chatbot_apis(tmp_path):
    import json

    msgs = [{"role": "system", "content": "You are a sleep coach."},
            {"role": "user", "content": "hey. i cant sleep again"},
            {"role": "assistant", "content": "That sounds exhausting. What keeps you up?"},
            {"role": "user", "content": [{"type": "text", "text": "my head just wont stop"}, {"type": "image_url"}]}]
    path = tmp_path / "log.jsonl"
    path.write_text(json.dumps({"id": "s1", "messages": msgs}) + "\n" + json.dumps({"messages": msgs[:3]}) + "\n")
    first, second = rapportlens.read(path)
    assert first.format == "chat" and first.id == "s1"
    assert [(u.speaker, u.text) for u in first.utterances] == [
        ("User", "hey. i cant sleep again"), ("Assistant", "That sounds exhausting. What keeps you up?"),
        ("User", "my head just wont stop")]
    assert roles(first) == {"User": ("client", False), "Assistant": ("practitioner", False)}
    # The system prompt is not said by either person, and the reader says it skipped it.
    assert any("1 system, developer or tool message(s) were skipped" in n.message for n in first.notices)
    assert len(second.utterances) == 2


def test_a_chat_message_without_text_is_an_error_naming_it(tmp_path, run):
    path = tmp_path / "log.jsonl"
    path.write_text('{"messages": [{"role": "user", "content": "hi"}, {"role": "critic", "content": "x"}]}\n')
    result = run("analyze", path)
    assert result.exit_code == 2 and "messages[1]: needs 'role' (user or assistant)" in result.stderr
    assert "line 1" in result.stderr


def test_json_rows_one_message_per_line(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"author": "listener", "role": "listener", "message": "hey, whats on your mind?", "ts": 3}\n'
        '{"author": "sky", "role": "user", "message": "idk just low lately", "ts": 9, "mood": null}\n'
        '{"author": "listener", "message": "low how?", "ts": "00:00:12"}\n'
    )
    (conv,) = rapportlens.read(path)
    assert conv.format == "jsonrows" and conv.id == "export"
    assert [(u.speaker, u.text, u.start) for u in conv.utterances] == [
        ("listener", "hey, whats on your mind?", 3.0), ("sky", "idk just low lately", 9.0),
        ("listener", "low how?", 12.0)]
    assert roles(conv) == {"listener": ("practitioner", False), "sky": ("client", False)}
    assert conv.utterances[0].line == 1 and conv.utterances[2].line == 3


def test_json_rows_array_split_by_conversation_keeps_other_keys(tmp_path):
    import json

    rows = [{"session": "a", "speaker": "T", "text": "How are you?", "code": "question"},
            {"session": "a", "speaker": "C", "text": "Fine."},
            {"session": "b", "speaker": "T", "text": "Welcome back.", "tags": ["x"]},
            {"session": "b", "speaker": "C", "text": "Thanks."}]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(rows, indent=1))
    first, second = rapportlens.read(path)
    assert (first.id, second.id) == ("a", "b") and first.format == "jsonrows"
    assert first.utterances[0].meta == {"code": "question"} and second.utterances[0].meta == {"tags": '["x"]'}


def test_json_rows_errors_name_the_item_and_the_fix(tmp_path, run):
    path = tmp_path / "rows.json"
    path.write_text('[{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "yo", "role": "critic"}]')
    result = run("analyze", path)
    assert result.exit_code == 2 and "unknown role 'critic' in key 'role'" in result.stderr
    assert "item [1]" in result.stderr
    path.write_text('[{"speaker": "A", "text": "hi"}, 3]')
    result = run("analyze", path, "--format", "jsonrows")
    assert result.exit_code == 2 and "item [1]: an utterance must be a JSON object, not int" in result.stderr
    path.write_text('{"speaker": "A", "text": "hi"}')
    result = run("analyze", path, "--format", "jsonrows")
    assert result.exit_code == 2 and "one object per line (.jsonl) or an array" in result.stderr
    path.write_text('[{"who": "A", "said": "hi"}, {"who": "B", "said": "hello"}]')
    result = run("analyze", path, "--format", "jsonrows", "-o", "text_column=body")
    assert result.exit_code == 2 and "there is no key 'body' (the text key you asked for)" in result.stderr
    assert "use one of the keys: who, said" in result.stderr


def test_our_schema_and_chat_logs_are_not_read_as_rows(data, tmp_path):
    from rapportlens.reading import detect_format

    chat = '{"messages": [{"role": "user", "content": "hi"}]}'
    ours = '{"schema_version": "1", "utterances": [{"speaker": "A", "text": "hi"}]}'
    assert detect_format(tmp_path / "x.jsonl", chat) == "chat"
    assert detect_format(tmp_path / "x.jsonl", ours) == "json"
    assert detect_format(tmp_path / "x.jsonl", '{"role": "user", "content": "hi"}') == "jsonrows"


def test_dates_and_times_from_chat_exports_count_from_the_first(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text('{"author": "Coach", "message": "Morning! How was the week?", "timestamp": "2026-11-30T09:00:05Z"}\n'
                    '{"author": "Sam", "message": "Three runs.", "timestamp": "2026-11-30T10:01:10+01:00"}\n')
    (conv,) = rapportlens.read(path)
    assert [u.start for u in conv.utterances] == [0.0, 65.0]  # the second is 09:01:10 UTC
    assert conv.meta["started_at"] == "2026-11-30T09:00:05Z"
    csv = tmp_path / "slack.csv"
    csv.write_text("user,text,ts\nT,How are you?,1701334805.5\nC,Fine.,1701334810\n")
    (conv,) = rapportlens.read(csv)
    assert [u.start for u in conv.utterances] == [0.0, 4.5]
    assert conv.meta["started_at"].startswith("2023-11-30T09:00:05")


def test_dates_mixed_with_offsets_or_impossible_dates_are_errors(tmp_path, run):
    path = tmp_path / "calls.csv"
    path.write_text("speaker,text,start\nT,Hi there.,2026-11-30 09:00\nC,Hello.,00:00:12\n")
    result = run("analyze", path)
    assert result.exit_code == 2 and "line 3" in result.stderr and "offset but other rows have dates" in result.stderr
    path.write_text("speaker,text,start\nT,Hi there.,2026-02-30 09:00\nC,Hello.,2026-02-30 09:01\n")
    result = run("analyze", path)
    assert result.exit_code == 2 and "line 2" in result.stderr and "malformed date and time" in result.stderr


def test_json_rows_read_message_parts_as_their_text(tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_text('{"role": "assistant", "content": "Hi, what brings you here?"}\n'
                    '{"role": "user", "content": [{"type": "text", "text": "i cant sleep"}, {"type": "image_url"}]}\n')
    (conv,) = rapportlens.read(path)
    assert [(u.speaker, u.text) for u in conv.utterances] == [("assistant", "Hi, what brings you here?"),
                                                              ("user", "i cant sleep")]


def test_json_rows_are_recognised_when_the_first_item_has_nested_values(tmp_path):
    path = tmp_path / "rows.json"
    path.write_text('[{"speaker": "A", "text": "hi", "meta": {"x": 1}}, {"speaker": "B", "text": "hello"}]')
    (conv,) = rapportlens.read(path)
    assert conv.format == "jsonrows" and conv.utterances[0].meta == {"meta": '{"x": 1}'}
