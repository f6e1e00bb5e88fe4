"""Ruptures read in context: advice turned aside, going along in few words with repeated
advice, and a practitioner who moves on to their own agenda (docs/analyzers/ruptures.md)."""

import pytest
from tests.rupture_helpers import C, P, analyzed

from rapportlens.coding.engagement import load_engagement
from rapportlens.coding.rules import apply_rules
from rapportlens.rapport.rupture_cues import DIRECTIVE_CUES, DISCOUNTING


def codes(text, role):
    return {h.code for h in apply_rules(text, role)}


@pytest.mark.parametrize("text", [
    "So now it's my fault? I came here for some support, not to be told I'm the problem.",
    "So you think I'm a bad mother. Just say it.",
    "So you think it's all in my head.",
    "Fine. I'll just rewrite the whole thing then.",
    "Yeah, you've said.",
    "It's my fault then, is it?",
])
def test_hearing_blame_and_resentful_compliance_are_complaints(text):
    assert "confrontation" in codes(text, C)


@pytest.mark.parametrize("text", [
    "It's my fault.",
    "I keep thinking it's my fault he left.",
    "Fine, the new job is going well.",
    "My mum thinks it's all in my head.",
    "As you've said before, the mornings are the hardest.",
])
def test_self_blame_and_other_people_are_not_complaints(text):
    assert "confrontation" not in codes(text, C)


@pytest.mark.parametrize("text", [
    "Have you tried joining some clubs or meetup groups?",
    "And keep icing it after.",
    "And losing some weight would help too.",
    "You'll need to check your sugar four times a day.",
    "I need you to double-check everything before it goes out.",
    "Your conclusion introduces a new idea, which you shouldn't do.",
    "So let's set a new target. How about twice a week to start?",
])
def test_suggestions_in_other_forms_read_as_advice_in_a_rupture(text):
    # Cues for the rupture finder, not codes: the score reads the codes it was validated with.
    assert DIRECTIVE_CUES.search(text) and "advice" not in codes(text, P)


@pytest.mark.parametrize("text", [
    "You feel that talking to your sister would help.",
    "You shouldn't have to deal with that on your own.",
    "Keep going, I'm listening.",
    "What would help most right now?",
    "Have you thought about what you want from today?",
])
def test_reflections_and_invitations_are_not_advice(text):
    assert not DIRECTIVE_CUES.search(text) and "advice" not in codes(text, P)


@pytest.mark.parametrize("text", [
    "No, I don't think that at all, and I'm sorry it came across that way.",
    "Hang on, I've just piled a lot of criticism on you at once.",
    "You've probably heard that advice a hundred times, and it skips over the hard part.",
    "I'm not saying that. What I mean is the scan hasn't shown us the cause.",
    "Sorry, that was a careless thing to say.",
    "You're right, I haven't. Talk me through a normal working day.",
    "I'm wondering if I've been pushing too hard.",
])
def test_owning_a_misstep_in_other_words_is_a_repair(text):
    assert "repair" in codes(text, P)


@pytest.mark.parametrize("text,turns_aside", [
    ("yeah i know all that already. doesn't really help when you're anxious", True),
    ("I've tried that, and it made things worse.", True),
    ("Yeah, but when am I supposed to do that?", True),
    ("I know what the interest is.", True),
    ("I tried the breathing and it helped me fall asleep.", False),
    ("I know that she loves me.", False),
])
def test_turning_advice_aside(text, turns_aside):
    assert bool(DISCOUNTING.search(text)) is turns_aside


def test_turning_advice_aside_is_a_rupture_only_after_advice():
    reply = "yeah i know all that already. doesn't really help when you're too anxious to walk in the door"
    after_advice = analyzed([
        ("T", "What's on your mind tonight?"),
        ("C", "I just feel really lonely since moving to this city. I don't know anyone."),
        ("T", "Have you tried joining some clubs or meetup groups? That's a great way to meet people."),
        ("C", reply),
        ("T", "You're right, you've probably heard that advice a hundred times. What's it like when you think about walking in?"),
        ("C", "My heart races and I imagine everyone staring at me, so I end up staying home."),
    ])
    [r] = after_advice.features["ruptures"]
    assert r["utterances"] == [3] and "discounting" in r["signals"] and r["kind"] == "confrontation"
    assert r["repair"]["utterance"] == 4 and r["repaired"]
    after_question = analyzed([
        ("T", "What's on your mind tonight?"),
        ("C", "I just feel really lonely since moving to this city. I don't know anyone."),
        ("T", "What do you already know about what helps?"),
        ("C", reply),
    ])
    assert after_question.features["ruptures"] == []


def test_two_curt_replies_to_repeated_advice_are_one_rupture_from_the_first():
    conv = analyzed([
        ("T", "Morning, Dave. How's the knee been since last week?"),
        ("C", "About the same, honestly. Still stiff first thing."),
        ("T", "You really need to do the exercises every day, even when it's sore."),
        ("C", "Right."),
        ("T", "And keep icing it after."),
        ("C", "Yep."),
        ("T", "I've just given you a to-do list when you came in telling me how hard this has been. What's it been like?"),
        ("C", "Honestly, miserable. I can't play with my grandkids and I wonder if it'll ever get better."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5] and r["signals"] == ["going_along"] and r["trigger"] == 2
    assert r["repair"]["utterance"] == 6 and r["repair"]["kind"] == "explicit" and r["recovery"] == 7


def test_one_curt_reply_to_advice_from_a_quiet_client_is_no_rupture():
    conv = analyzed([
        ("T", "How's the knee?"),
        ("C", "Stiff."),
        ("T", "You really need to do the exercises every day."),
        ("C", "Right."),
        ("T", "What gets in the way on the bad days?"),
        ("C", "Mostly the pain first thing, and I'm not sure it's doing any good."),
    ])
    assert conv.features["ruptures"] == []


def test_a_question_on_the_practitioners_new_topic_is_no_repair():
    conv = analyzed([
        ("T", "How did it feel when she didn't invite you?"),
        ("C", "Like a slap in the face. We used to be so close."),
        ("T", "Have you considered that maybe she needed some space after the argument?"),
        ("C", "So now it's my fault? I came here for some support, not to be told I'm the problem."),
        ("T", "Let's look at your thought record from this week."),
        ("C", "Whatever."),
        ("T", "What did you write down for Tuesday?"),
        ("C", "I didn't do it."),
    ])
    [r] = conv.features["ruptures"]
    # ("I didn't do it." to the next question on the new topic goes on with it since session 45.)
    assert r["utterances"][:2] == [3, 5] and r["repair"] is None and not r["repaired"]


def test_closing_the_session_is_no_repair():
    conv = analyzed([
        ("T", "Last time you wanted to look at college courses. Did you get a chance?"),
        ("C", "No."),
        ("T", "The deadline's in two weeks, so you need to get that application in soon."),
        ("C", "Yeah, yeah."),
        ("T", "And you need to sign on by Friday or your money will stop."),
        ("C", "I know."),
        ("T", "Good. So that's college, the bank and signing on. See you next week."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5] and r["repair"] is None


def test_a_complaint_only_the_second_opinion_is_sure_of_is_coded():
    # The n-grams are unsure of it (below 0.7); the encoder reads the meaning and is sure.
    model = load_engagement()
    texts = ["You've never met my husband.", "My brother doesn't live my life either.",
             "I regret not booking the trip sooner.", "I can't focus on anything."]
    found = model.codes(texts)
    code = found[0]["confrontation"]
    assert code.confidence >= 0.7 and "is sure" in code.reason
    # About someone else, about oneself, and distress: the last the encoder alone is sure of,
    # but it is not addressed to the practitioner, so it is at most a suspicion (a rupture
    # only right after advice or criticism).
    assert found[1] == {} and found[2] == {}
    assert all(f.confidence < 0.5 for f in found[3].values())
    conv = analyzed([
        ("T", "How has the week been?"),
        ("C", "Rough, to be honest. I have barely slept and work has been a lot."),
        ("T", "What would you like to talk about today?"),
        ("C", texts[0]),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["kind"] == "confrontation"


def test_curt_replies_with_a_bare_no_between_them_are_one_rupture():
    conv = analyzed([
        ("T", "So you're thinking of dropping out of the course."),
        ("C", "Yeah."),
        ("T", "You're in your final year. It'd be a huge waste to quit now."),
        ("C", "Mm."),
        ("T", "Have you talked to student finance about it?"),
        ("C", "No."),
        ("T", "You'll need to do that before anything else."),
        ("C", "Okay."),
        ("T", "I've done all the talking here. What's actually making you want to leave?"),
        ("C", "My mum's ill and I need to be at home. I can't concentrate on anything."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5, 7] and r["kind"] == "withdrawal" and r["trigger"] == 2
    assert r["repair"]["utterance"] == 8 and r["repair"]["kind"] == "explicit" and r["recovery"] == 9


def test_an_acknowledgement_the_codes_miss_is_a_repair_attempt():
    conv = analyzed([
        ("T", "So how did the conversation with your boss go?"),
        ("C", "I didn't have it. I chickened out."),
        ("T", "Again? We practised it twice last week. You need to just do it."),
        ("C", "Easy for you, you don't have to face him."),
        ("T", "That's true, I don't. What happens for you when you picture walking into his office?"),
        ("C", "My mind goes blank. I start thinking he'll laugh at me in front of everyone."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["repair"]["utterance"] == 4 and r["repaired"]
    pushing = analyzed([
        ("T", "So how did the conversation with your boss go?"),
        ("C", "I didn't have it. I chickened out."),
        ("T", "Again? We practised it twice last week. You need to just do it."),
        ("C", "Easy for you, you don't have to face him."),
        ("T", "I hear you, but you'll need to talk to him this week."),
        ("C", "My mind goes blank. I start thinking he'll laugh at me in front of everyone."),
    ])
    assert pushing.features["ruptures"][0]["repair"] is None


@pytest.mark.parametrize("text,cue", [
    ("You should have used the script we wrote.", True),
    ("I'm going to start you on a statin.", True),
    ("It'd be a huge waste to quit now.", True),
    ("Pick up the prescription at the front desk.", True),
    ("They're too long and a bit disorganised.", True),
    ("You should have been told about the side effects.", False),
    ("It would be a shame if you felt you had to hide that.", False),
    ("That sounds like a huge loss.", False),
])
def test_criticism_and_decisions_made_for_the_client_read_as_directives(text, cue):
    assert bool(DIRECTIVE_CUES.search(text)) is cue


def test_a_retreat_after_the_client_came_back_is_a_new_rupture():
    conv = analyzed([
        ("T", "You've handed in nothing for three weeks."),
        ("C", "Don't care."),
        ("T", "I'm not here to tell you off. I'm worried about you. Has something changed lately?"),
        ("C", "My parents are splitting up and it's total chaos at home."),
        ("T", "That sounds really hard."),
        ("C", "Can we talk about something else?"),
    ])
    first, second = conv.features["ruptures"]
    assert first["utterances"] == [1] and first["repair"]["utterance"] == 2 and first["recovery"] == 3
    assert second["utterances"] == [5] and second["kind"] == "withdrawal"
