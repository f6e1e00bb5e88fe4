"""Repairs the wording alone leaves unsure, ruptures only a concession shows, and compliance
that goes on: a repair the model suspects in the practitioner's first turn after a rupture,
pushback at length that the practitioner answers by conceding and owning a misstep, a run of
curt replies, and the wordings of session 40's sets (docs/analyzers/ruptures.md)."""

import pytest
from tests.rupture_helpers import C, P, analyzed

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coding.engagement import SUSPECT_CONFIDENCE
from rapportlens.coding.repair_model import SUSPECT, load_repair
from rapportlens.coding.rules import apply_rules
from rapportlens.rapport.rupture_cues import (
    CONCEDING,
    DEFENDING,
    DIRECTIVE_CUES,
    DISCOUNTING,
    MINIMISING,
    REPROACH,
)

WALKING = [
    ("T", "How has the walking been going since we last met?"),
    ("C", "I managed a couple of short walks at the start of the week, then it rained."),
    ("T", "A couple isn't going to shift your blood pressure. You need to be out every day, rain or not."),
    ("C", "Fine."),
]
# No rule knows this wording, and the model is unsure of it (P between SUSPECT and its threshold).
UNSURE = "That sounded like nagging, didn't it. Is it the cold?"
ANSWER = ("C", "A bit. My hip hurts when it's cold and nobody's asked me about that.")


def test_the_repair_model_marks_a_turn_it_is_unsure_of_as_suspected():
    model = load_repair()
    p = float(model.probabilities([UNSURE])[0])
    assert SUSPECT <= p < model.threshold
    [found] = model.codes([UNSURE])
    assert found.confidence == SUSPECT_CONFIDENCE and "suspects" in found.reason
    assert model.codes(["How many units did you drink on Saturday?"]) == [None]


def test_a_suspected_repair_right_after_a_rupture_is_its_repair_attempt():
    conv = analyzed([*WALKING, ("T", UNSURE), ANSWER])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["kind"] == "withdrawal"
    assert r["repair"] == {"utterance": 4, "utterances": [4], "codes": ["suspected_repair"], "kind": "acknowledging"}
    # The complaint in the answer ("nobody's asked me") takes the attempt up; it does not go on with the rupture.
    assert r["recovery"] == 5 and r["repaired"]


def test_a_suspected_repair_later_on_is_not_one():
    conv = analyzed([*WALKING, ("T", "Let's look at your readings."), ("C", "They're on the sheet."), ("T", UNSURE),
                     ("C", "No.")])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["repair"] is None and not r["repaired"]


def test_a_suspected_repair_outside_a_rupture_changes_nothing():
    conv = analyzed([
        ("T", "How has the walking been going since we last met?"),
        ("C", "Really well, actually. I've been out most mornings with my neighbour and her dog."),
        ("T", UNSURE),
        ("C", "Not really, I wrap up warm. The mornings are the best part of my day now."),
    ])
    assert conv.features["ruptures"] == []
    assert any(c["code"] == "repair" and c["confidence"] < 0.5 for c in conv.features["codes"][2])


DEBT = [
    ("T", "So, looking at your statements, you're spending about three hundred a month on eating out."),
    ("C", "Are you seriously going to go through my receipts? I came here because of the court letter."),
]


def test_conceding_and_owning_a_misstep_marks_the_pushback_before_it():
    conv = analyzed([
        *DEBT,
        ("T", "You're right, the court letter comes first. I jumped straight to the spending when you're worried about that."),
        ("C", "It says the hearing is on the twelfth, and I don't even know what I'm meant to bring."),
    ])
    [r] = conv.features["ruptures"]
    # (Since session 45 the engagement models code the pushback themselves as well.)
    assert r["utterances"] == [1] and r["kind"] == "confrontation" and set(r["signals"]) & {"acknowledged", "confrontation"}
    assert r["repair"]["utterance"] == 2 and r["repair"]["kind"] == "explicit" and r["repaired"]


def test_conceding_without_owning_anything_marks_no_rupture():
    conv = analyzed([
        ("T", "It sounds like the evenings are when the spending happens."),
        ("C", "Yes, when I'm tired after work I just order food, I can't face cooking for one."),
        ("T", "You're right, cooking for one is hard work. What would make it easier?"),
        ("C", "Maybe batch cooking on a Sunday, my sister does that."),
    ])
    assert conv.features["ruptures"] == []


@pytest.mark.parametrize(("text", "conceding"), [
    ("You're right, I should have asked first.", True),
    ("Fair point. I skipped over that.", True),
    ("Of course you know, you're his mum.", True),
    ("Okay, that's fair.", True),
    ("That's a fair question.", True),
    ("Right, let's look at the forms.", False),
    ("I think you're right about the bus.", False),
])
def test_conceding_is_read_at_the_start_of_the_turn(text, conceding):
    assert (CONCEDING.match(text) is not None) == conceding


@pytest.mark.parametrize(("text", "code"), [
    ("That was a daft thing to suggest, I wasn't thinking about your stairs.", "repair"),
    ("That was a dumb question.", "repair"),
    ("Sorry, I wasn't thinking.", "repair"),
    ("I've just given you a telling-off, haven't I.", "repair"),
    ("I'm making this sound like a warning, and it isn't meant to be one.", "repair"),
    ("I've been coming at you like an inspector.", "repair"),
    ("Can we start again?", "repair"),
    ("That came across as if your wishes don't count, and they do.", "repair"),
    ("I sound like a broken record, I know.", "repair"),
    ("That's a fair question, and I didn't explain why I asked.", "repair"),
    ("You're right, I'm using their jargon.", "repair"),
    ("That's fair, it's your home and I've barged in talking about your bathroom.", "repair"),
    ("Oh no, I'm so sorry, I assumed he was old.", "repair"),
    ("You're right to push on that, I've been hiding behind the system.", "repair"),
    ("I didn't mean that, and I can hear it landed as blame.", "repair"),
    ("I've just been tearing your CV apart without asking what kind of job you're after.", "repair"),
    ("I've been chasing my own theory rather than following you.", "repair"),
    ("You're right to be upset. I should have read my notes before you came in.", "repair"),
    ("I keep jumping to fixes, don't I.", "repair"),
    ("Sorry, you did. Tell me about the stables.", "repair"),
    ("I think I got carried away celebrating and skipped past how hard Wednesday was.", "repair"),
    ("That was discouraging of me, and these photos are actually strong.", "repair"),
    ("I've been selling you the treatment instead of asking what worries you about it.", "repair"),
])
def test_new_repair_wordings(text, code):
    assert code in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text", [
    "I wasn't thinking of referring you just yet.",
    "We can start the new dose again on Monday.",
    "Your brother gave you a hard time about it.",
    "It sounds like that came as a shock.",
    "Your dad sounds like a broken record.",
    "The form doesn't explain why they need it.",
    "I'm so sorry, I know how much she meant to you.",
])
def test_near_misses_are_not_repairs(text):
    assert "repair" not in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize(("text", "withdrawn"), [
    ("Do what you need to do.", True),
    ("Fine. Do whatever you want.", True),
    ("Just do what you have to.", True),
    ("I'll do what I need to do.", False),
    ("Do what you need to do to get well, my mum always says.", False),
])
def test_giving_up_on_being_heard_is_a_retreat(text, withdrawn):
    assert ("withdrawal" in {h.code for h in apply_rules(text, C)}) == withdrawn


@pytest.mark.parametrize(("text", "code"), [
    ("I'll be in bed for two days after it. Did you not read my form?", "confrontation"),
    ("Did you even listen to what I said?", "confrontation"),
    ("Everyone keeps telling us that. It's been four days.", "confrontation"),
    ("Why does everyone always ask about food?", "confrontation"),
    ("I don't know what that means. Nobody explains anything in plain English.", "confrontation"),
    ("Can you just give me a minute?", "withdrawal"),
    ("Unbelievable. This is the third time I've brought the same papers.", "confrontation"),
    ("Of course you take his side.", "confrontation"),
    ("Why does everything have to come back to my father?", "confrontation"),
    ("My sister's letter. I can't believe you don't remember.", "confrontation"),
    ("I just said animals.", "confrontation"),
    ("So why am I even bothering?", "confrontation"),
    ("I just said goodbye to my dad at the station.", None),
    ("This is the third time I've relapsed this year.", None),
    ("Why does my chest hurt when I run?", None),
    ("Have you read the leaflet they gave you?", None),
    ("My sister keeps telling me to leave him.", None),
])
def test_client_complaints_of_session_40(text, code):
    found = {h.code for h in apply_rules(text, C)} & {"confrontation", "withdrawal"}
    assert found == ({code} if code else set())


@pytest.mark.parametrize(("pattern", "text", "found"), [
    (REPROACH, "Did you not read my form?", True),
    (REPROACH, "Did you not get my message about Tuesday?", False),
    (DIRECTIVE_CUES, "Lots of first-time mums change their minds, so don't set your heart on it.", True),
    (DIRECTIVE_CUES, "Honestly, it needs a lot of work.", True),
    (DIRECTIVE_CUES, "Your references are a mess.", True),
    (DIRECTIVE_CUES, "It sounds like everything at home is a mess right now.", False),
    (DIRECTIVE_CUES, "Don't beat yourself up about it.", False),
    (DIRECTIVE_CUES, "Don't worry, we'll sort it out.", False),
    (DIRECTIVE_CUES, "Don't get me wrong, it's a good start.", False),
    (DISCOUNTING, "Right. So there's no point planning anything then.", True),
    (DISCOUNTING, "I've been doing the physio for six months. It's not working.", True),
    (DIRECTIVE_CUES, "I think an assessment would be worth doing.", True),
    (DIRECTIVE_CUES, "Walking out probably didn't help your case, to be fair.", True),
    (DIRECTIVE_CUES, "First thing, this photo needs to go.", True),
    (MINIMISING, "Aw, at least he had a good life with you.", True),
    (MINIMISING, "Look on the bright side, you found out before the wedding.", True),
    (MINIMISING, "Did you get at least some sleep?", False),
    (DEFENDING, "I am, yes. I've been practising for six years.", True),
    (DEFENDING, "I'm only trying to help.", True),
    (DEFENDING, "I've been thinking about what you said last week.", False),
])
def test_cues_read_in_context(pattern, text, found):
    assert (pattern.search(text) is not None) == found


def test_a_run_of_curt_replies_goes_along_whatever_comes_between():
    conv = analyzed([
        ("T", "I've read your essay plan. Honestly, it needs a lot of work."),
        ("C", "Okay."),
        ("T", "And the reading list is far too short for a final-year project."),
        ("C", "Right."),
        ("T", "Let's go through the structure first."),
        ("C", "Sure."),
        ("T", "So this section repeats the introduction, and this one has no sources."),
        ("C", "Okay."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [1, 3, 5, 7] and r["kind"] == "withdrawal" and "going_along" in r["signals"]
    assert r["repair"] is None and not r["repaired"]


def test_curt_replies_to_questions_alone_are_no_run():
    conv = analyzed([
        ("T", "Shall we start with your sleep diary?"),
        ("C", "Okay."),
        ("T", "Did you fill it in every night?"),
        ("C", "Yes."),
        ("T", "And did you keep to the same bedtime?"),
        ("C", "Mostly."),
        ("T", "That's great. What helped you keep to it?"),
        ("C", "Putting my phone in the kitchen at ten made a big difference, I think."),
    ])
    assert conv.features["ruptures"] == []


def test_a_correction_after_looking_on_the_bright_side_is_the_rupture_an_owned_assumption_repairs():
    conv = analyzed([
        ("T", "How are you doing today?"),
        ("C", "Not great, honestly. My cat died on Tuesday."),
        ("T", "Aw, at least she had a long happy life with you."),
        ("C", "She was two. A van hit her outside the house."),
        ("T", "Oh no, I'm so sorry, I assumed she was old. That's an awful shock. Do you want to tell me about her?"),
        ("C", "Her name was Pickle. She used to wait on the windowsill for me every evening."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["kind"] == "confrontation" and r["signals"] == ["acknowledged"]
    assert r["repair"]["utterance"] == 4 and r["repair"]["kind"] == "explicit" and r["recovery"] == 5


def test_curt_replies_go_on_with_a_rupture_nobody_addresses():
    conv = analyzed([
        ("T", "Thanks for coming in. I wanted to talk about Noah's spelling."),
        ("C", "Okay."),
        ("T", "He's behind for his age, and I think a dyslexia assessment would be worth doing."),
        ("C", "Dyslexia? He's only five."),
        ("T", "It's never too early. Early support makes a huge difference."),
        ("C", "Right."),
        ("T", "I'll put the referral form in his book bag tonight."),
        ("C", "Fine."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5, 7] and "discounting" in r["signals"] and "going_along" in r["signals"]
    assert r["repair"] is None and not r["repaired"]


def test_a_quarrel_between_group_members_is_not_a_rupture_with_the_facilitator():
    conv = rapportlens.analyze(Conversation.from_pairs([
        ("M", "Thank you both for coming. Sam, would you like to start?"),
        ("S", "She never does anything around the house. I'm sick of it."),
        ("J", "That's not true and you know it."),
        ("M", "Sam, it sounds like you've been feeling the load falls on you."),
        ("J", "Of course you take his side."),
        ("M", "I can see why it looked like that, Jo, and I'm sorry. I want to hear you both. What's your side of it?"),
        ("J", "I work nights. I do the washing and the shopping, he just doesn't see it."),
    ], roles={"M": P, "S": Role.MEMBER, "J": Role.MEMBER}))
    [r] = conv.features["ruptures"]
    assert r["speaker"] == "J" and r["utterances"] == [4] and r["kind"] == "confrontation"
    assert r["repair"]["utterance"] == 5 and r["recovery"] == 6 and r["repaired"]


def test_an_owned_misstep_takes_in_the_whole_run_of_curt_replies():
    conv = analyzed([
        ("T", "Let's sort your covering letter. First thing, this opening paragraph needs to go."),
        ("C", "Okay."),
        ("T", "And nobody writes 'to whom it may concern' anymore."),
        ("C", "Right."),
        ("T", "We'll cut the bit about your hobbies as well."),
        ("C", "Mm."),
        ("T", "Hang on, I've been pulling your letter apart without asking what job it's for. What are you applying for?"),
        ("C", "A teaching assistant post at my son's school. I've been volunteering there for a year."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [1, 3, 5] and r["kind"] == "withdrawal" and r["signals"] == ["acknowledged"]
    assert r["repair"]["utterance"] == 6 and r["recovery"] == 7 and r["repaired"]


def test_defending_oneself_is_no_repair_attempt():
    conv = analyzed([
        ("C", "Are you even qualified to do this? You look about twelve."),
        ("T", "I am, yes. I've been practising for six years."),
        ("C", "Right."),
        ("T", "Let's get started. What brings you here?"),
        ("C", "My GP sent me."),
    ])
    [r] = conv.features["ruptures"]
    # Being sent by someone else ("My GP sent me.") goes on withdrawing (since session 41).
    assert r["utterances"] == [0, 2, 4] and r["kind"] == "confrontation"
    assert r["repair"] is None and not r["repaired"]
