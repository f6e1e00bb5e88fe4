"""Word transcripts (.docx): paragraphs, Teams and Otter layouts, tables, and clear errors."""

import zipfile

import docx
import pytest

import rapportlens
from rapportlens.errors import InputError


def word_file(path, paragraphs=(), table=None):
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        grid = doc.add_table(rows=0, cols=len(table[0]))
        for row in table:
            for cell, text in zip(grid.add_row().cells, row):
                cell.text = text
    doc.save(path)
    return path


def spoken(conv):
    return [(u.speaker, u.text, u.start) for u in conv.utterances]


def test_paragraphs_are_read_as_name_text_lines_after_a_title_and_header_fields(tmp_path):
    path = word_file(tmp_path / "p07.docx", ["Interview transcript P07", "Date: 3 March",
                                             "Interviewer: How was your first year?", "P07: Hard.",
                                             "Some of it was good, though.", "Interviewer: Good how?"])
    (conv,) = rapportlens.read(path)
    assert conv.format == "docx" and conv.id == "p07"
    assert spoken(conv) == [("Interviewer", "How was your first year?", None),
                            ("P07", "Hard. Some of it was good, though.", None),
                            ("Interviewer", "Good how?", None)]


def test_teams_and_otter_headers_with_a_tab_and_a_surname_first(tmp_path):
    path = word_file(tmp_path / "teams.docx", ["Smith, Jane\t0:03", "Hello, thanks for joining.",
                                               "Okafor, Ben\t0:07", "Hi, no problem.", "Smith, Jane\t1:12", "How are you?"])
    (conv,) = rapportlens.read(path)
    assert spoken(conv) == [("Smith, Jane", "Hello, thanks for joining.", 3.0), ("Okafor, Ben", "Hi, no problem.", 7.0),
                            ("Smith, Jane", "How are you?", 72.0)]


def test_teams_cue_layout_keeps_the_times(tmp_path):
    path = word_file(tmp_path / "old.docx", ["0:0:0.0 --> 0:0:3.520", "Jane Smith", "Hello everyone.",
                                             "0:0:4.0 --> 0:0:6.1", "Ben Okafor", "Hi Jane."])
    (conv,) = rapportlens.read(path)
    assert spoken(conv) == [("Jane Smith", "Hello everyone.", 0.0), ("Ben Okafor", "Hi Jane.", 4.0)]
    assert conv.utterances[0].end == pytest.approx(3.52)


def test_table_rows_with_a_header_and_a_time_column(tmp_path):
    path = word_file(tmp_path / "table.docx", table=[("Time", "Speaker", "Text"),
                                                     ("00:00:01", "Therapist", "How has the week been?"),
                                                     ("00:00:05", "Client", "Up and down.")])
    (conv,) = rapportlens.read(path)
    assert spoken(conv) == [("Therapist", "How has the week been?", 1.0), ("Client", "Up and down.", 5.0)]
    path = word_file(tmp_path / "two.docx", table=[("Nurse", "Any pain today?"), ("Patient", "A little.")])
    assert spoken(rapportlens.read(path)[0]) == [("Nurse", "Any pain today?", None), ("Patient", "A little.", None)]


def test_an_error_quotes_the_paragraph_rather_than_a_line_number(tmp_path):
    path = word_file(tmp_path / "bad.docx", ["Nurse: Hello.", "[00:00:05] We started late.", "Patient: Hi."])
    with pytest.raises(InputError) as e:
        rapportlens.read(path)
    assert 'paragraph "[00:00:05] We started late."' in str(e.value) and "line 2" not in str(e.value)


def test_files_that_are_not_word_documents_say_what_to_do(tmp_path):
    fake = tmp_path / "old.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0 a Word 97 file")
    with pytest.raises(InputError, match="not a Word document") as e:
        rapportlens.read(fake)
    assert ".doc file, save it as .docx" in str(e.value)
    other = tmp_path / "photos.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("a.txt", "hello")
    with pytest.raises(InputError, match="not a Word document"):
        rapportlens.read(other)
    good = word_file(tmp_path / "good.docx", ["T: Hello.", "C: Hi."])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(InputError, match="save it again as .docx"):
        rapportlens.read(broken)
    empty = word_file(tmp_path / "empty.docx", [""])
    with pytest.raises(InputError, match="no text"):
        rapportlens.read(empty)


@pytest.mark.parametrize("suffix,kind", [(".doc", "Word 97-2003"), (".pdf", "PDF"), (".rtf", "rich text")])
def test_documents_no_reader_reads_are_named_with_the_fix(tmp_path, suffix, kind):
    path = tmp_path / f"session{suffix}"
    path.write_bytes(b"{\\rtf1 Therapist: Hello.}" if suffix == ".rtf" else b"%PDF-1.4 \x00\x01")
    with pytest.raises(InputError, match=kind) as e:
        rapportlens.read(path)
    assert "save or export the transcript as .docx or plain text" in str(e.value)


def test_a_folder_of_word_transcripts_is_analysed(tmp_path, run):
    word_file(tmp_path / "a.docx", ["T: How are you?", "C: Fine, thanks.", "T: Good to hear."])
    (tmp_path / "b.txt").write_text("T: How are you?\nC: Tired.\nT: Tell me more.\n")
    result = run("analyze", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    assert "a.docx" in result.output and "b.txt" in result.output
