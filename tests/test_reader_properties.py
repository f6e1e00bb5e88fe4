"""Property tests: whatever bytes a reader is given, it returns Conversations or raises the
project's own error type, never any other exception."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rapportlens
from rapportlens import Conversation, RapportLensError
from rapportlens.reading import readers

# Pieces of each format, so generated inputs get past the first check and into the parser.
FRAGMENTS = {
    "text": ["Therapist: ", "Client:", "[00:01:02] ", "(12:03) ", "00:01:02 A: ", "Speaker 1  0:03",
             "?", "\n", "\n\n", "[99:99] B: ", "he said: ", "Name [00:00:01]: "],
    "csv": ["speaker,text,start,end,role\n", "who\tsaid\n", ",", '"', '""', "\n", "A", "client",
            "1.5", "00:00:01", "practitioner", ";", "conversation_id,"],
    "json": ['{"schema_version": "1", "utterances": [', '{"speaker": "A", "text": "hi"}', "]}",
             ",", '"start": 1', "\n", '{"speakers": [{"name": "A", "role": "client"}]}', "null", "[", "}"],
    "vtt": ["WEBVTT\n\n", "00:00:01.000 --> 00:00:02.000\n", "<v A>", "</v>", "B: ", "\n\n",
            "NOTE x\n\n", "00:00:0x.000 --> 00:00:01.000\n", "1\n", "&amp;"],
    "srt": ["1\n", "00:00:01,000 --> 00:00:02,000\n", "A: hello", "\n\n", "2\n", "99:99:99,999 --> 0\n"],
    "annomi": ["transcript_id,utterance_id,interlocutor,utterance_text,timestamp\n", "0,", "1,",
               "therapist,", "client,", '"hi"', "00:00:01", "\n", "x,", "00:09:025"],
    "esconv": ['{"dialog": [', '{"text": "hi", "speaker": "usr"}', '{"content": "x", "speaker": "listener"}',
               "]}", ",", "\n", '"strategy": "Question"', "[", "{}"],
    "chat": ['{"messages": [', '{"role": "user", "content": "hi"}', '{"role": "assistant", "content": "hello"}',
             '{"role": "system", "content": "x"}', '{"role": "user", "content": [{"type": "text", "text": "a"}]}',
             "]}", ",", "\n", '"name": "Sam"', "[", "{}", "null", '"content": 3'],
    "jsonrows": ['{"speaker": "A", "text": "hi"}', '{"author": "B", "message": "hello", "role": "client"}',
                 '{"role": "user", "content": "x"}', '"start": "00:00:0x"', '"conversation_id": 2', "\n", ",",
                 "[", "]", "{}", "null", '"text": [1]', '"speaker": ""', '"role": "critic"'],
    "whatsapp": ["12/03/2024, 14:05 - ", "[3/12/24, 2:05:12\u202fPM] ", "Sam: ", "<Media omitted>", "\n",
                 "31/02/2024, 10:00 - A: x", "13/13/13, 99:99 - B: ", "\u200e", "image omitted", ": "],
    # Paragraphs of a Word document (``_word`` builds the file).
    "docx": ["Therapist: hi", "Client: fine", "Smith, Jane\t0:03", "0:0:0.0 --> 0:0:3.5", "Jane", "[00:01] x",
             "Date: today", "", "B:", "\n"],
}

def _word(paragraphs: list[str], cut: int) -> bytes:
    """A .docx holding ``paragraphs`` (characters XML cannot hold left out), cut short by ``cut``
    bytes when ``cut`` is positive: a broken archive."""
    import io

    import docx

    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph("".join(c for c in text if c in "\t\n" or (" " <= c and c not in "\ufffe\uffff"
                                                                      and not "\ud800" <= c <= "\udfff")))
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    return data[:-cut] if cut > 0 else data


inputs = {
    name: st.one_of(
        st.binary(max_size=200),
        st.lists(st.one_of(st.sampled_from(frags), st.text(max_size=12)), max_size=25).map(
            lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
        ),
    )
    for name, frags in FRAGMENTS.items() if name != "docx"
}
inputs["docx"] = st.one_of(
    st.binary(max_size=200),
    st.builds(_word, st.lists(st.one_of(st.sampled_from(FRAGMENTS["docx"]), st.text(max_size=12)), max_size=12),
              st.sampled_from([0, 0, 0, 1, 100, 2000])),
)
SUFFIX = {"text": ".txt", "csv": ".csv", "json": ".json", "vtt": ".vtt", "srt": ".srt",
          "annomi": ".csv", "esconv": ".jsonl", "chat": ".jsonl",
          "jsonrows": ".jsonl", "docx": ".docx", "whatsapp": ".txt"}


def check(path: Path, fmt: str | None) -> None:
    try:
        convs = rapportlens.read(path, fmt)
    except RapportLensError:
        return
    for conv in convs:
        assert isinstance(conv, Conversation) and len(conv) > 0
        rapportlens.analyze(conv)


def test_every_file_reader_has_a_property_test():
    file_readers = {n for n, cls in readers().items() if not cls.reads_directories}
    assert file_readers == set(FRAGMENTS)


@pytest.mark.parametrize("fmt", sorted(FRAGMENTS))
def test_reader_never_raises_anything_else(fmt):
    @settings(deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=inputs[fmt], forced=st.booleans())
    def prop(data, forced):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"input{SUFFIX[fmt]}"
            try:
                path.write_bytes(data)
            except ValueError:
                return
            check(path, fmt if forced else None)

    prop()


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=st.lists(st.one_of(
    st.text(max_size=30),
    st.sampled_from(['{"speaker": "a", "text": "hi", "conversation_id": "c"}', '{"text": 1}',
                     '{"speaker": "b", "text": "yo", "conversation_id": "c"}', "{", "[]"]),
), max_size=8), speakers=st.sampled_from(["", "{}", '{"a": {"meta": {"role": "host"}}}', "[", "3"]))
def test_convokit_reader_never_raises_anything_else(lines, speakers):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "utterances.jsonl").write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        if speakers:
            (folder / "speakers.json").write_text(speakers)
        check(folder, None)
