"""Complaints that turn the practitioner's words back on them: mock agreement to an
impossible plan, mock thanks, consolation refused, blame passed back (session 42's sets 46
and 47; docs/analyzers/ruptures.md)."""

import pytest
from tests.rupture_helpers import C, P, analyzed, coded

from rapportlens.coding.rules import apply_rules


def confronts(text):
    return coded(text, "confrontation", C)


@pytest.mark.parametrize("text", [
    "Sure, I'll just magic up an extra hour between shifts.",
    "Oh yeah, I'll just ask my boss for Fridays off, shall I.",
    "People keep saying that. It doesn't bring him back, does it.",
    "Everyone keeps saying that to me.",
    "That won't bring my brother back.",
    "Brilliant, thanks for that cheery thought.",
    "Oh, so now I'm the villain. Great.",
    "Well, nobody told me that when I got her.",
    "Right. Well. Can we just get her sorted.",
    "I've heard it all before, to be honest.",
    "Then your colleague didn't write it down. Not my problem.",
    "Unreal.",
    "Right. Thanks for the vote of confidence.",
    "So I'm being punished for looking after my mum.",
    "Nobody ever tells me what these tests are for.",
    "How dare you. I love my kids.",
    "Yeah, I can count, thanks.",
    "So now I'm being watched.",
])
def test_turning_the_words_back_is_a_complaint(text):
    assert confronts(text)


@pytest.mark.parametrize("text", [
    "Sure, I'll ring them tomorrow.",
    "Okay, I'll just try it and see how it goes.",
    "People keep saying I should get a dog.",
    "Nothing will bring him back, but I'm trying to remember the good years.",
    "Thanks for that, it really helps to have it written down.",
    "Nobody told me about the bus strike, so I walked.",
    "Can we get the forms sorted before I go?",
    "Not my problem is what he always says, and I believed him.",
    "Thanks for voting for me at the residents' meeting.",
    "I was punished a lot as a kid.",
    "I can always count on my sister, thanks to her I got through it.",
])
def test_agreeing_or_grieving_is_not(text):
    assert not confronts(text)


@pytest.mark.parametrize(("text", "deferring"), [
    ("Do what you want.", True),
    ("Fine, do whatever you like.", True),
    ("Do what you want with the leaflets, I've read them.", False),
    ("I can do what I want at weekends.", False),
    ("If I have to.", True),
    ("If I have to go into hospital, who feeds the cat?", False),
])
def test_handing_the_decision_back_whole_is_a_retreat(text, deferring):
    assert any(h.code == "withdrawal" and h.confidence >= 0.5 for h in apply_rules(text, C)) == deferring


def test_mock_agreement_after_advice_is_repaired_by_owning_the_plan():
    conv = analyzed([
        ("W", "How have the stretches gone this week?"),
        ("C", "I did them twice. I've been on nights all week."),
        ("W", "Twice isn't enough. You need to do the full set morning and evening."),
        ("C", "Sure, I'll just magic up an extra hour between shifts."),
        ("W", "I've handed you a plan made for someone with time to spare. Let's fit it around your shifts."),
        ("C", "That would help. I've got ten minutes on my break and a bit of time before bed."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["kind"] == "confrontation"
    assert r["repair"]["utterance"] == 4 and r["repaired"]


def test_a_refused_consolation_is_a_rupture_the_next_turn_can_repair():
    conv = analyzed([
        ("W", "It's been six weeks since Tom died. How are the days?"),
        ("C", "Slow. The evenings are the worst. That's when we'd sit and talk."),
        ("W", "At least he's not suffering any more."),
        ("C", "People keep saying that. It doesn't bring him back, does it."),
        ("W", "No, it doesn't, and I reached for a comfort that's no comfort to you. What were the evenings like?"),
        ("C", "We'd do the crossword. He was hopeless at it but he argued every answer. I still buy the paper."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["repair"]["utterance"] == 4 and r["repaired"]


def test_a_bare_fair_concedes_and_an_assumption_on_my_part_is_owned():
    conv = analyzed([
        ("W", "What can I do for you today?"),
        ("C", "My knee's been swelling up after I run."),
        ("W", "How far are you running?"),
        ("C", "About ten kilometres, four times a week."),
        ("W", "That's a lot on a knee. At your age, maybe swimming would be kinder."),
        ("C", "At my age? I'm forty-two, not ninety."),
        ("W", "Fair. That was a lazy assumption on my part. Tell me about the swelling, when does it start?"),
        ("C", "Usually an hour after, and it's worse on the outside of the knee. It goes down by the next morning."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [5] and r["repair"]["utterance"] == 6 and r["repair"]["kind"] == "explicit" and r["repaired"]


def test_curt_replies_to_a_marked_down_performance_are_a_retreat():
    conv = analyzed([
        ("W", "Let's look at your form from the last session. Your squat depth was poor."),
        ("C", "Okay."),
        ("W", "And your knees were caving in. That's how people get injured."),
        ("C", "Right."),
        ("W", "You need to fix that before we add any weight."),
        ("C", "Sure."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"][-2:] == [3, 5] and r["kind"] == "withdrawal" and r["repair"] is None


@pytest.mark.parametrize("complaint", [
    "Oh, so it's me who ruins Christmas for everyone.",
    "Right. Good to know what you think of me.",
])
def test_owning_how_ones_words_landed_marks_the_short_reaction_before_it(complaint):
    # No rule knows these complaints, and after a reflection an engaged turn is no rupture by
    # itself; the practitioner owning how their words came across says it was the reaction.
    conv = analyzed([
        ("W", "So the two of you have been arguing about the holidays."),
        ("C", "She wants to go to her parents again. We've done that three years in a row."),
        ("W", "It sounds like you feel your family always comes second."),
        ("C", complaint),
        ("W", "I made it sound like a verdict on you, and that's not what I meant. I'd like to hear your side."),
        ("C", "My dad's not well. I don't know how many more Christmases he has, and I can't say it without crying."),
    ])
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["signals"] == ["acknowledged"] and r["repair"]["utterance"] == 4 and r["repaired"]


def test_owning_how_ones_words_landed_does_not_mark_an_answer_at_length():
    conv = analyzed([
        ("W", "It sounds like you feel your family always comes second."),
        ("C", ("Yes, that's it exactly. Every year we go to hers, and my mum spends Christmas on her own, "
               "and I feel guilty the whole time we're there.")),
        ("W", "That came out as if I was taking a side. What would a fair Christmas look like?"),
        ("C", "Alternating years, I think. One at hers, one at my mum's."),
    ])
    assert conv.features["ruptures"] == []


@pytest.mark.parametrize(("text", "repair"), [
    ("That sounded like I was telling you to give up the one thing you have. I'm sorry.", True),
    ("You know your own pace, and I pushed for that group more than you did.", True),
    ("It sounded like I was going to be late, so I rang ahead.", False),
    ("I pushed for a refund more than once.", False),
])
def test_owning_the_push_and_how_it_sounded_is_a_repair(text, repair):
    assert any(h.code == "repair" and h.confidence >= 0.5 for h in apply_rules(text, P)) == repair


def test_asking_to_drop_it_is_a_retreat_not_taking_part():
    assert any(h.code == "withdrawal" and h.confidence >= 0.5
               for h in apply_rules("I just didn't. Can we not make a big thing of it?", C))
