"""An interpreted conversation read as the conversation between the people interpreted
(``rapportlens.interpreting``)."""

import pytest

import rapportlens
from rapportlens.language import turn_looks_english

ENGLISH_BOTH = """Doctor: Good morning. Can you ask Mrs Haddad what brings her in today?
Interpreter: The doctor says good morning and asks what brings you in today.
Mrs Haddad: My stomach hurts after I eat, for three weeks now.
Interpreter: She says her stomach hurts after eating, for three weeks.
Doctor: Does it get worse with any particular food?
Interpreter: He asks if any food makes it worse.
Mrs Haddad: Spicy food, coffee. I stopped the coffee already.
Interpreter: Spicy food and coffee. She has already stopped coffee.
"""

UNTRANSLATED = """Nurse: Hello, can you ask him how he's been feeling?
Ahmed: Hello, I will interpret today.
Ahmed: ممرضة تسأل كيف تشعر
Mr Saleh: أشعر بالتعب طوال الوقت ولا أستطيع النوم
Ahmed: He says he feels tired all the time and can't sleep.
Nurse: That sounds exhausting. How long has this been going on?
Ahmed: منذ متى وأنت تشعر بهذا؟
Mr Saleh: [speaks Arabic]
Ahmed: He says since his wife died in the spring.
"""


def test_relays_of_words_the_transcript_has_are_left_out():
    [conv] = rapportlens.read_text(ENGLISH_BOTH)
    assert [s.name for s in conv.speakers] == ["Doctor", "Mrs Haddad"]
    assert [u.speaker for u in conv.utterances] == ["Doctor", "Mrs Haddad", "Doctor", "Mrs Haddad"]
    assert conv.meta["interpreting"] == {"interpreters": ["Interpreter"], "relays_left_out": 4,
                                         "relays_standing_in": 0, "own_words_left_out": 0}
    assert conv.speaker("Mrs Haddad").role.value == "client"
    note = next(n.message for n in conv.notices if "interpreting" in n.message)
    assert "Doctor and Mrs Haddad are analysed as talking to each other" in note and "4 relay(s)" in note


def test_relays_stand_in_for_words_not_in_english():
    [conv] = rapportlens.read_text(UNTRANSLATED, interpreters=["Ahmed"])
    saleh = [u for u in conv.utterances if u.speaker == "Mr Saleh"]
    assert [u.text for u in saleh] == ["He says he feels tired all the time and can't sleep.",
                                       "He says since his wife died in the spring."]
    assert saleh[0].meta["original"].startswith("أشعر") and saleh[0].meta["relayed_by"] == "Ahmed"
    assert saleh[1].meta["original"] == "[speaks Arabic]"
    assert conv.meta["interpreting"]["relays_standing_in"] == 2
    assert conv.meta["interpreting"]["relays_left_out"] == 3  # the greeting came after the nurse spoke
    assert [u.index for u in conv.utterances] == list(range(len(conv.utterances)))


def test_without_the_option_a_speaker_with_a_name_stays():
    [conv] = rapportlens.read_text(UNTRANSLATED)
    assert "Ahmed" in [s.name for s in conv.speakers] and "interpreting" not in conv.meta


def test_two_speakers_have_nobody_to_interpret_between():
    [conv] = rapportlens.read_text("Translator: Hello, how can I help?\nClient: I need a form translated.\n")
    assert [s.name for s in conv.speakers] == ["Translator", "Client"]


def test_the_interpreters_own_words_before_anyone_speaks_are_counted():
    [conv] = rapportlens.read_text("Interpreter: Hello everyone, I'm Sara, your interpreter.\n" + ENGLISH_BOTH)
    assert conv.meta["interpreting"]["own_words_left_out"] == 1


@pytest.mark.parametrize("text,english", [
    ("Spicy food, coffee. I stopped the coffee already.", True),
    ("Sí.", True),  # too short to tell
    ("أشعر بالتعب طوال الوقت", False),
    ("Me duele el estómago desde hace tres semanas", False),
    ("Boli mnie brzuch od trzech tygodni i nie mogę spać", False),
])
def test_a_turn_reads_as_english_or_not(text, english):
    assert turn_looks_english(text) is english


def test_the_command_takes_interpreter_names(run, tmp_path):
    path = tmp_path / "nurse.txt"
    path.write_text(UNTRANSLATED, encoding="utf-8")
    r = run("analyze", path, "--interpreter", "Ahmed", "--json")
    assert r.exit_code == 0 and '"relays_standing_in": 2' in r.stdout
    assert "Ahmed read as interpreting" in r.stderr


def test_the_report_says_whose_relay_it_shows():
    from rapportlens.report.html import render_html

    [conv] = rapportlens.read_text(UNTRANSLATED, interpreters=["Ahmed"])
    assert "as relayed by Ahmed" in render_html(rapportlens.analyze(conv))
