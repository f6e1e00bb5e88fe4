"""Session 45's rupture and repair readings (docs/history/ruptures.md, "Session 45"): each
with a short session written here and, where the rule could overreach, a look-alike it must
leave alone."""

import pytest
from tests.rupture_helpers import C, P, analyzed, coded, found

from rapportlens.rapport.rupture_cues import (
    DISCOUNTING,
    GOING_ALONG,
    MANNER_OWNED,
    VALIDATED_REACTION,
)


def test_a_concession_opened_with_no_marks_the_pushback():
    conv = analyzed([
        ("W", "Your shoulder's no better because you've been lifting too much at the gym."),
        ("C", "I did what the leaflet said. Nobody said how much."),
        ("W", "You went straight back to full weights. That was always going to hurt."),
        ("C", "Well how was I supposed to know that? I'm not a physio."),
        ("W", "No, you're right, nobody gave you any weights to start from. That's on me. Let's set them now."),
        ("C", "Okay. Something written down would help."),
    ])
    assert found(conv) == [([3], 4)] or found(conv) == [([1, 3], 4)]


def test_owning_the_manner_of_ones_talk_marks_the_pushback_before_it():
    conv = analyzed([
        ("W", "Your weight's gone up again this month."),
        ("C", "Yeah."),
        ("W", "Are you still doing the walks?"),
        ("C", "Look, I'm trying, okay? You try doing this with three kids under five."),
        ("W", ("Three kids under five is a lot, and I've been reading figures at you like a school report. Sorry. "
              "What does a normal day look like?")),
        ("C", "Chaos from six in the morning, mostly. I eat what they leave."),
    ])
    assert [r for _, r in found(conv)] == [4]
    assert MANNER_OWNED.search("I've been firing questions at you")
    assert not MANNER_OWNED.search("I'd like to ask you about your week")


def test_criticism_of_a_piece_of_work_and_bare_answers_are_a_retreat():
    conv = analyzed([
        ("W", "I want to go over your report. I thought the summary was rushed."),
        ("C", "Okay."),
        ("W", "You left out the costs and the charts felt disorganised."),
        ("C", "Right."),
        ("W", "So next time I'd like a draft two days before."),
        ("C", "Sure."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][0][0] in (1, 3)


@pytest.mark.parametrize("text", [
    "So I just have to sit here and wait another month. Brilliant.",
    "Nobody told me the clinic had moved. Lovely.",
    "That's what they said about the last inhaler.",
    "Nobody ever is responsible, are they.",
    "That's not my problem, is it.",
    "Okay, so I'm useless at this. Good to know.",
    "So I do everything they ask and still get turned down. Makes sense.",
    "I said no.",
])
def test_sarcasm_mistrust_and_refusals_are_complaints(text):
    assert coded(text, "confrontation", C)


@pytest.mark.parametrize("text", [
    "I got the job. Brilliant!",
    "We went to the coast at the weekend. Lovely.",
    "Yeah. I said no to my boss about the extra shift.",
    "Oh I see. Makes sense.",
    "So I live with my mum and my sister.",
    "I asked and that's what he told me.",
])
def test_their_look_alikes_are_not(text):
    assert not coded(text, "confrontation", C)


@pytest.mark.parametrize("said", [
    "Sorry, I'm not having a go at you.",
    "I might be reading too much into it.",
    "I came in talking about the forms before asking how you are.",
])
def test_clarifying_intent_and_owning_a_reading_or_an_order_are_repairs(said):
    assert coded(said, "repair", P)


def test_an_order_of_business_is_no_repair():
    assert not coded("I want to check your blood pressure before asking about your sleep.", "repair", P)


def test_naming_the_reaction_as_understandable_repairs_the_encoders_complaint():
    conv = analyzed([
        ("W", "I need to ask about the marks on Jack's legs."),
        ("C", "He fell off his bike. I already told the nursery."),
        ("W", "I ask every family these questions. It's routine."),
        ("C", "Doesn't feel routine. You've got me down as some kind of monster."),
        ("W", ("I can see why it feels like that, with me turning up at your door. I don't think you're a monster. "
              "I'd like to hear how things are at home.")),
        ("C", "It's been hard since his dad went. But I'd never hurt him."),
    ])
    assert found(conv) == [([3], 4)]
    assert VALIDATED_REACTION.search("I hear how exhausting it is to keep chasing them.")
    assert not VALIDATED_REACTION.search("I can see how the plan would work.")


def test_naming_the_reaction_after_ordinary_talk_marks_nothing():
    conv = analyzed([
        ("W", "How was the move?"),
        ("C", "Tiring. We carried boxes up four flights of stairs all day."),
        ("W", "I can see why you'd be worn out after that. How are you settling in?"),
        ("C", "Slowly. The kids love their new rooms though."),
    ])
    assert found(conv) == []


def test_a_flat_echo_and_curt_words_after_bad_news_are_a_retreat():
    assert DISCOUNTING.search("Is it.") and not DISCOUNTING.search("Is it?")
    assert GOING_ALONG.match("Cool.") and GOING_ALONG.match("What.") and not GOING_ALONG.match("What?")
    conv = analyzed([
        ("W", "The board has decided you can't move to the day unit yet."),
        ("C", "What."),
        ("W", "They want another month on the ward first."),
        ("C", "Cool."),
        ("W", "I know you were counting on this. It must feel like they keep moving the line."),
        ("C", "They do. Every time I get close."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][0][:2] == [1, 3]


@pytest.mark.parametrize("said", ["I won't keep pushing.", "Sorry, I assumed you'd had the letter."])
def test_backing_off_and_a_bare_sorry_for_an_assumption_are_repairs(said):
    assert coded(said, "repair", P)


def test_a_rhetorical_challenge_conceded_as_a_good_point_is_pushback():
    conv = analyzed([
        ("W", "You need to check your feet every day with a mirror."),
        ("C", "My eyes aren't good. I can't see my own soles."),
        ("W", "The mirror really helps with that."),
        ("C", "I live alone. Who's going to hold it?"),
        ("W", "That's a good point, and I should have asked. Could the nurse check them on her visits?"),
        ("C", "Maybe. I'll ask her on Tuesday."),
    ])
    assert found(conv) in ([([3], 4)], [([1, 3], 4)])


def test_a_flat_echo_of_the_bright_side_turns_it_aside():
    conv = analyzed([
        ("W", "How is he sleeping?"),
        ("C", "Up every hour, most nights."),
        ("W", "That's normal at this age."),
        ("C", "Normal. Great. I'm running on nothing."),
    ])
    assert [u for u, _ in found(conv)] == [[3]]
