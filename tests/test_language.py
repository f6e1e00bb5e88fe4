"""A transcript that is not in English is said to be so (language.py)."""

from rapportlens import Conversation, Role, analyze, read
from rapportlens.language import ENGLISH_SHARE, english_share, looks_english
from rapportlens.report.html import render_html
from rapportlens.summary import summarize

SPANISH = [
    ("Terapeuta", "Hola, gracias por venir. ¿Qué te trae por aquí hoy?"),
    ("Cliente", "No sé, mi esposa dice que bebo demasiado los fines de semana."),
    ("Terapeuta", "Tu esposa está preocupada por cómo bebes."),
    ("Cliente", "Sí, pero yo no creo que sea para tanto, la verdad."),
    ("Terapeuta", "¿Qué piensas tú de tu forma de beber?"),
    ("Cliente", "A veces me paso, pero nada más. A veces no me acuerdo de lo que pasó."),
]
ROLES = {"Terapeuta": Role.PRACTITIONER, "Cliente": Role.CLIENT}


def test_english_talk_is_mostly_common_words_and_spanish_is_not():
    english = ["I don't know, my wife says I drink too much at the weekends.",
               "You're here because she's worried about how you drink, and you're not so sure.",
               "Yeah, I mean, it's not that bad. Sometimes I can't remember what happened, that's all."]
    assert english_share(english) > 0.44
    assert english_share(t for _, t in SPANISH) < ENGLISH_SHARE
    assert english_share(["Hola."]) is None and looks_english(None)  # too few words to tell


def test_a_spanish_transcript_is_warned_about_and_its_risk_not_called_clear(tmp_path):
    path = tmp_path / "sesion.txt"
    path.write_text("\n".join(f"{s}: {t}" for s, t in SPANISH), "utf-8")
    [conv] = read(path, practitioners=["Terapeuta"])
    assert any("does not look like English" in str(n) for n in conv.notices)
    conv = analyze(conv)
    assert conv.features["text.english_share"] < ENGLISH_SHARE
    text = summarize(conv)
    assert "risk: not assessed: the transcript does not look like English" in text
    assert "no risk language found" not in text
    assert "not meaningful here: the transcript does not look like English" in text
    html = render_html(conv)
    assert "Risk: not assessed" in html and "does not look like English" in html and "Not meaningful here" in html


def test_an_english_transcript_gets_no_such_warning():
    conv = analyze(Conversation.from_pairs(
        [("T", "What brings you here today? Tell me a little about what has been going on for you."),
         ("C", "My wife thinks I drink too much, and to be honest I am not sure that she is wrong about it."),
         ("T", "So part of you wonders if she has a point, and part of you is not so sure.")],
        roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    assert looks_english(conv.features["text.english_share"])
    assert "risk: no risk language found" in summarize(conv)
