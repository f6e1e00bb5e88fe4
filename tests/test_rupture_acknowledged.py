"""Ruptures the practitioner's own repair points to, talking a rupture through, and talk
about the exchange itself as a repair (docs/analyzers/ruptures.md)."""

import pytest
from tests.rupture_helpers import C, P, analyzed

from rapportlens import Conversation
from rapportlens.coding.rules import apply_rules
from rapportlens.rapport.rupture_cues import DIRECTIVE_CUES


def test_an_owned_misstep_marks_the_turns_it_answers_as_a_rupture():
    conv = analyzed([
        ("T", "Let's look at your presentation slides. There's some good material in here."),
        ("C", "Thanks. I was worried about the charts."),
        ("T", "The charts are fine, but your slides are too wordy and the audience will get lost."),
        ("C", "I was up until two finishing those."),
        ("T", "It shows. They just need trimming."),
        ("C", "I thought they were finished."),
        ("T", "They nearly are, and I can see I've made it sound worse than it is. What part are you happiest with?"),
        ("C", "The customer survey. I ran it myself and nobody else had those numbers."),
    ])
    [r] = conv.features["ruptures"]
    # (Since session 45 the engagement models also code one of the turns; the repair marks both.)
    assert r["utterances"] == [3, 5] and "acknowledged" in r["signals"] and r["trigger"] == 2
    assert r["kind"] == "confrontation"  # more than a few words
    assert r["repair"]["utterance"] == 6 and r["repair"]["kind"] == "explicit" and r["recovery"] == 7 and r["repaired"]


def test_an_owned_misstep_after_pressure_marks_a_rupture_the_words_hide():
    conv = analyzed([
        ("T", "What happened at the weekend?"),
        ("C", "The usual. Went to my brother's for the football, said I'd have two beers and had eight. Missed the gym on Sunday."),
        ("T", "If you're serious about the marathon, the beer has to go."),
        ("C", "I'm not some drunk, if that's what you're saying."),
        ("T", "I'm sorry, that came across as a judgement on you. What was Sunday morning like?"),
        ("C", "Awful, mostly because I'd promised my running club I'd be there."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["repair"]["utterance"] == 4 and r["recovery"] == 5


def test_sympathy_for_bad_news_points_to_no_rupture():
    conv = analyzed([
        ("T", "Hello, you're through to the helpline. What's brought you to call tonight?"),
        ("C", "My nan passed away on Sunday and I can't stop thinking about her."),
        ("T", "I'm so sorry. Were you close?"),
        ("C", "Really close. She more or less brought me up."),
    ])
    assert conv.features["ruptures"] == []


@pytest.mark.parametrize("reply", [
    "I'm so sorry. It sounds like it's been a really rough year.",
    "I am very sorry. Have you looked at any food banks nearby?",
    "It's good to hear that the tablets helped at first.",
    "I am really sorry. Could your partner pick up more hours, even if it's only for a while?",
])
def test_sympathy_after_advice_points_to_no_rupture(reply):
    conv = analyzed([
        ("T", "What's been happening since we last spoke?"),
        ("C", "I lost my job in March and money has been really tight."),
        ("T", "You should apply for the hardship grant."),
        ("C", "I did, they turned me down because my partner works."),
        ("T", reply),
        ("C", "Yeah. I'm just trying to keep the kids from noticing how bad it is."),
    ])
    assert conv.features["ruptures"] == []


def test_talking_about_the_exchange_repairs_a_run_of_curt_replies():
    conv = analyzed([
        ("T", "How has the last fortnight been?"),
        ("C", "Stressful. My landlord is selling and I have to be out by March."),
        ("T", "Have you thought about registering with the council's housing list?"),
        ("C", "I suppose."),
        ("T", "And you could also try the letting agents on the high street."),
        ("C", "Yeah."),
        ("T", "Setting up alerts on the property sites makes a big difference too."),
        ("C", "Sure."),
        ("T", "I notice your answers have got shorter, and I wonder if I've rushed into solutions."),
        ("C", "Kind of. I know how to look for a flat. I wanted to talk about how scared I am of ending up with nowhere."),
        ("T", "That fear of having nowhere sounds like the heart of it."),
        ("C", "It is. I was homeless for a while at nineteen and I can't go back to that."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5, 7] and r["kind"] == "withdrawal"
    # The complaint that answers the practitioner's invitation is the rupture talked through.
    assert r["repair"]["utterance"] == 8 and r["recovery"] == 9 and r["repaired"]


def test_a_second_repair_after_the_client_answered_the_first_is_no_new_rupture():
    conv = analyzed([
        ("T", "You missed the last two sessions without calling. That's not acceptable."),
        ("C", "Right."),
        ("T", "Sorry, that came out harsher than I meant. What's been going on?"),
        ("C", "My son was in hospital and I wasn't thinking about anything else."),
        ("T", "I'm sorry, I had no idea, and I jumped to conclusions. How is he doing now?"),
        ("C", "Better, thanks. He came home on Friday."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [1] and r["repair"]["utterance"] == 2 and r["recovery"] == 3


@pytest.mark.parametrize("text", [
    "I notice you've gone quiet since I mentioned your sister.",
    "I'm wondering if I've jumped ahead of you.",
    "I've been firing questions at you for ten minutes.",
    "Has something I said upset you?",
    "Have I got this wrong?",
    "Sorry, I'm lecturing you.",
    "It sounds like my suggestion missed the mark.",
    "Sorry, you did tell me that, and I forgot. That's on me.",
])
def test_talk_about_the_exchange_is_a_repair(text):
    assert "repair" in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text", [
    "I notice you've started walking to work.",
    "I wonder if the medication has helped.",
    "Have I got your address right?",
])
def test_noticing_other_things_is_no_repair(text):
    assert "repair" not in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text, cue", [
    ("You could also try the letting agents.", True),
    ("You could swap them for a piece of fruit or some nuts.", True),
    ("You could cut down to two coffees a day.", True),
    ("You could call the helpline tonight.", True),
    ("You could call me any time.", False),
    ("You could see it that way.", False),
    ("Your squat depth was poor.", True),
    ("That's how people get injured.", True),
    ("Your sleep was poor, you said.", False),
    ("Whatever she was doing, we expect staff to stay professional.", True),
    ("I'm going to put a note on your file.", True),
    ("We expect to hear from the council next week.", False),
    ("Okay. It's really important to eat, you know.", True),
    ("It was important to me that you came.", False),
    ("Cutting out caffeine after lunch makes a big difference.", True),
    ("We'll get to those. First, the forms.", True),
    ("And get off your phone in the evenings.", True),
    ("You need a proper routine.", True),
    ("If it happens again I'll have to report it.", True),
    ("You need a moment? Take your time.", False),
    ("Start wherever feels right.", False),
    ("You could say that, yes.", False),
    ("Making that call must have taken courage.", False),
])
def test_more_suggestions_read_as_directives(text, cue):
    assert (DIRECTIVE_CUES.search(text) is not None) == cue


def _with_codes(practitioner_codes):
    from rapportlens.analyzers.coding import CODES
    conv = Conversation.from_pairs([("T", "Something the practitioner said."), ("C", "Okay.")], roles={"T": P, "C": C})
    conv.features.assign(CODES.key, [[{"code": c, "confidence": p, "source": "model"} for c, p in practitioner_codes], []])
    return conv


@pytest.mark.parametrize("practitioner_codes, directive", [
    ([("advice", 0.3), ("reflection.simple", 0.2)], True),  # unsure advice, nothing likelier
    ([("reflection.simple", 0.4), ("advice", 0.3)], False),  # a likelier reflection
    ([("advice", 0.2)], False),  # too unsure
    ([("face_threat", 0.6)], True),
])
def test_advice_the_model_is_unsure_of_is_a_directive_when_nothing_is_likelier(practitioner_codes, directive):
    from rapportlens.rapport.ruptures import _directive
    conv = _with_codes(practitioner_codes)
    assert _directive(conv, conv.turns[0]) == directive


def test_a_rebuttal_is_no_repair_and_a_sarcastic_reply_no_recovery():
    conv = analyzed([
        ("T", "What did you want to talk about today?"),
        ("C", "My brother. He borrowed money again and hasn't paid any of it back."),
        ("T", "Have you tried just saying no to him? You could tell him the bank is closed."),
        ("C", "You make it sound so easy."),
        ("T", "It is easy, it's just uncomfortable."),
        ("C", "Right. Well. I'll just tell him that then."),
        ("T", "I think I've brushed past how hard saying no to him is. What happens when you try?"),
        ("C", "He cries, and then my mum rings me and says I've abandoned him. Every time."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5] and r["kind"] == "confrontation"
    assert r["repair"]["utterance"] == 6 and r["recovery"] == 7


@pytest.mark.parametrize("text", [
    "Right. Well. I'll just tell him that then.",
    "Brilliant. So I'm just supposed to find the money.",
    "So lock me up then. That's what you want.",
    "Fine, sack me then.",
])
def test_sarcastic_going_along_is_a_complaint(text):
    assert "confrontation" in {h.code for h in apply_rules(text, C)}


def test_four_words_are_no_coming_back():
    conv = analyzed([
        ("T", "How was the week at the placement?"),
        ("C", "It was fine."),
        ("T", "Just fine? Your supervisor says you were late twice."),
        ("C", "The trains were cancelled."),
        ("T", "Let's talk about your assignment deadline."),
        ("C", "Okay."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"][0] == 1 and not r["recovered"] and r["repair"] is None


@pytest.mark.parametrize("text, aside", [
    ("I'm sixty. I'm not going to start running marathons.", True),
    ("Yeah, yeah. The rules.", True),
    ("I'm not going to lie, it was hard.", False),
    ("Yeah, yeah. I think so, because when the urge comes I could wait.", False),
])
def test_refusing_or_brushing_off_advice_turns_it_aside(text, aside):
    from rapportlens.rapport.rupture_cues import DISCOUNTING
    assert (DISCOUNTING.search(text) is not None) == aside
