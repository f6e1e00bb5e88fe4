"""The repair model: the ``repair`` code for practitioner turns the rules have no wording for
(coding/repair_model.py, training/repair.py)."""

import csv

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coding.repair_model import load_repair
from rapportlens.errors import InputError

C, P = Role.CLIENT, Role.PRACTITIONER
UNSEEN_REPAIR = "No, I wasn't, and that was a pretty unhelpful thing for me to say."


def codes_of(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": P, "C": C}))
    return conv.features["codes"]


def test_the_shipped_model_tells_a_repair_from_ordinary_talk():
    model = load_repair()
    assert 0.3 <= model.threshold <= 0.95 and model.id.startswith("repair-lexical@")
    repair, *ordinary = model.codes([UNSEEN_REPAIR, "It sounds like a hard week at work.",
                                     "You should try going to bed earlier.", "I'm so sorry your cat died.", "Go on."])
    assert repair is not None and repair.confidence >= model.threshold and "P(repair)" in repair.reason
    assert ordinary == [None, None, None, None]


def test_the_model_codes_practitioners_only_and_says_so():
    codes = codes_of([("T", "Were you shouting at him?"), ("C", "No, I was not shouting. I was upset."),
                      ("T", UNSEEN_REPAIR), ("C", UNSEEN_REPAIR)])
    [found] = [c for c in codes[2] if c["code"] == "repair"]
    assert found["source"] == "model" and found["reason"].startswith("repair model")
    assert not any(c["code"] == "repair" for c in codes[3])


def test_a_rule_repair_keeps_its_wording_as_evidence():
    codes = codes_of([("C", "You're not listening."), ("T", "I'm sorry, I got that wrong. Tell me again.")])
    [found] = [c for c in codes[1] if c["code"] == "repair"]
    assert found["source"] == "rules" and found["evidence"] != [0, len("I'm sorry, I got that wrong. Tell me again.")]


def test_the_analyzer_reports_which_repair_model_it_used():
    conv = rapportlens.analyze(Conversation.from_pairs([("T", "Hello."), ("C", "Hi.")], roles={"T": P, "C": C}))
    assert any("repair-lexical@" in str(step) for step in conv.provenance)


def test_repair_training_writes_a_model_that_loads(tmp_path):
    from rapportlens.training.repair import build

    rows = ([("repair", f"I got that wrong about your {w}, I'm sorry.") for w in ("work", "mum", "money", "flat")]
            + [("repair", f"I pushed too hard about the {w}.") for w in ("job", "diet", "course", "drinking")]
            + [("none", f"How was the {w} this week?") for w in ("job", "diet", "course", "drinking")]
            + [("none", f"You should go to the {w} more often.") for w in ("gym", "doctor", "group", "park")])
    path = tmp_path / "repairs.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([("code", "text"), *rows])
    info = build([path], tmp_path / "model", cv=2)
    model = load_repair.__wrapped__(str(tmp_path / "model"))
    assert model.threshold == info["threshold"] and info["labels_count"]["repair"] > 0
    assert "by_threshold" in info["cross_validation"] and model.codes(["I got that wrong about your diet, I'm sorry."])[0]


def test_a_bad_training_row_names_the_file_and_line(tmp_path):
    from rapportlens.training.repair import build

    path = tmp_path / "repairs.csv"
    path.write_text("code,text\nrepair,Sorry, I got that wrong.\napology,My mistake.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        build([path], tmp_path / "model", cv=0)
    assert str(path) in str(err.value) and "3" in str(err.value)


def test_sympathy_and_the_practitioners_own_story_stay_ordinary_talk():
    # The written sessions' repairs often open with "I'm sorry" and end with a question, and
    # own something the practitioner did ("I jumped in"); a supporter's story and sympathy
    # before a question share those words without owning anything.
    model = load_repair()
    story, sympathy, repair = model.probabilities([
        "I had a similar experience myself. My partner was stressed and I was busy at work too.",
        "I am so sorry to hear that, can you tell me a bit about what is wrong?",
        "I've been lecturing you instead of listening, and that isn't fair. What matters most to you about this?",
    ])
    assert story < 0.3 and sympathy < 0.3 and repair >= model.threshold


def test_the_card_names_the_written_sessions_it_learned_from():
    trained_on = load_repair().card["trained_on"]
    assert any(path.endswith("train_sessions.csv") for path in trained_on)


def test_a_sure_model_repair_owns_a_misstep_and_marks_the_turn_before(monkeypatch):
    from rapportlens.rapport import rupture_pushback as ruptures

    pairs = [("T", "We need to get your benefit review form done today."),
             ("C", "Okay. I've had a rough few weeks, to be honest."),
             ("T", "Right. Question seven: have your savings changed since last year?"),
             ("C", "No."),
             ("T", "I've been so busy with the form that I haven't really heard you. What's going on for you?"),
             ("C", "My mum went into a home last month and I've been trying to sort everything on my own.")]
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": P, "C": C}))
    [found] = [c for c in conv.features["codes"][4] if c["code"] == "repair"]
    assert found["source"] == "model" and found["confidence"] >= ruptures.OWNING
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and "acknowledged" in r["signals"] and r["repair"]["utterance"] == 4 and r["repaired"]
    # Below OWNING the same code is only a repair attempt: nothing marks "No." as a rupture.
    monkeypatch.setattr(ruptures, "OWNING", 1.01)
    assert rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": P, "C": C})).features["ruptures"] == []
