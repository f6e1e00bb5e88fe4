"""Session 48's readings (docs/history/codes.md, `codes.v15`): a question heard as an
accusation and said back, and a question turned back on the asker, are pushback; each with a
short session written here and look-alikes they must leave alone."""

import pytest
from tests.rupture_helpers import C, analyzed, coded, found


@pytest.mark.parametrize("text", [
    "So you think I hit my daughter.",
    "So you're saying I'm a bad father?",
    "You're accusing me of lying.",
    "Why would you ask that?",
    "Why would you want to know about my dad?",
])
def test_an_accusation_said_back_or_a_question_turned_back_is_confrontation(text):
    assert coded(text, "confrontation", C)


@pytest.mark.parametrize("text", [
    "So you think I should talk it over with my friend?",
    "So you think I'd be better off walking to work?",
    "I wonder why you would ask that, but it's fine, my mum is ill.",
    "Why would anyone want to know about my dad? He left when I was two.",
])
def test_asking_for_advice_or_wondering_aloud_is_not(text):
    assert not coded(text, "confrontation", C)


def test_an_accusation_said_back_and_then_answered_is_a_repaired_rupture():
    conv = analyzed([
        ("W", "The school mentioned some bruises on Amy's arm."),
        ("C", "Kids bruise. She plays football."),
        ("W", "They were worried about the marks."),
        ("C", "So you think I hit my daughter."),
        ("W", "I'm not here to decide that before I've heard you. I can see this feels like an accusation. How did she get the marks?"),
        ("C", "She fell off the climbing frame at her mum's. Her mum will tell you."),
    ])
    assert found(conv) == [([3], 4)]
