"""WhatsApp chat exports: Android and iPhone layouts, continuation lines, the export's own
notices, media placeholders, and day-first or month-first dates."""

import pytest

import rapportlens
from rapportlens.errors import InputError

ANDROID = """12/03/2024, 14:05 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.
12/03/2024, 14:05 - Sam: hey, you around?
12/03/2024, 14:06 - Jo (Support): Hi Sam, yes I am. How are you doing today?
12/03/2024, 14:08 - Sam: not great tbh
had another row with my dad <This message was edited>
12/03/2024, 14:09 - Sam: <Media omitted>
13/03/2024, 09:10 - Jo (Support): That sounds hard. What happened?
"""
IPHONE = ("\u200e[3/12/24, 2:05:12\u202fPM] Sam: hey, you around?\n"
          "[3/12/24, 2:06:40\u202fPM] Jo: Hi Sam, yes. How are you doing?\n"
          "[3/13/24, 9:00:02\u202fAM] Sam: \u200eimage omitted\n"
          "[3/13/24, 9:01:00\u202fAM] Sam: better today\n")


def read(tmp_path, text, name="WhatsApp Chat with Sam.txt", **kw):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return rapportlens.read(path, **kw)


def test_android_export_with_continuations_notices_and_media(tmp_path):
    (conv,) = read(tmp_path, ANDROID)
    assert conv.format == "whatsapp"
    assert [(u.speaker, u.text, u.start) for u in conv.utterances] == [
        ("Sam", "hey, you around?", 0.0),
        ("Jo (Support)", "Hi Sam, yes I am. How are you doing today?", 60.0),
        ("Sam", "not great tbh had another row with my dad", 180.0),
        ("Jo (Support)", "That sounds hard. What happened?", 68700.0),
    ]
    assert conv.meta["started_at"] == "2024-03-12T14:05:00"
    notes = " ".join(n.message for n in conv.notices)
    assert "1 line(s) of the export's own notices" in notes and "1 message(s) that were media or deleted" in notes
    assert "day or month first" not in notes  # 13/03 tells


def test_iphone_export_with_am_pm_marks_and_month_first_dates(tmp_path):
    (conv,) = read(tmp_path, IPHONE)
    assert [(u.speaker, u.start) for u in conv.utterances] == [("Sam", 0.0), ("Jo", 88.0), ("Sam", 68148.0)]
    assert conv.meta["started_at"] == "2024-03-12T14:05:12"


def test_dates_that_could_be_either_way_are_read_day_first_with_a_warning(tmp_path):
    text = "01/02/2024, 10:00 - A: Hello there?\n02/02/2024, 10:00 - B: Hi.\n"
    (conv,) = read(tmp_path, text)
    assert conv.utterances[1].start == 86400.0
    assert any("day or month first" in n.message for n in conv.notices)
    (conv,) = read(tmp_path, text, options={"dayfirst": "false"})
    assert conv.utterances[1].start == 31 * 86400.0


def test_an_impossible_date_names_the_line_and_the_option(tmp_path):
    with pytest.raises(InputError) as e:
        read(tmp_path, "12/03/2024, 14:05 - A: hi\n12/31/2024, 14:06 - B: hello\n", options={"dayfirst": "true"})
    assert "line 2" in str(e.value) and "dayfirst=false" in str(e.value)


def test_a_chat_of_media_only_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no typed messages"):
        read(tmp_path, "12/03/2024, 14:05 - A: <Media omitted>\n12/03/2024, 14:06 - B: <Media omitted>\n")


def test_plain_text_transcripts_are_not_taken_for_whatsapp(tmp_path):
    (conv,) = read(tmp_path, "[00:00:01] Therapist: Hello.\n[00:00:04] Client: Hi.\n", name="s.txt")
    assert conv.format == "text"


def test_a_whatsapp_export_piped_in_is_recognised(run):
    result = run("analyze", "--json", "-", input=ANDROID.encode())
    assert result.exit_code == 0, result.output
    assert '"format": "whatsapp"' in result.stdout
