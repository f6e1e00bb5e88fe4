"""Advice the client asked for or agreed to hear (MITI: persuasion with permission) is flagged
and does not count against collaboration or as rushing."""

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coding.invitation import invited

P, C = Role.PRACTITIONER, Role.CLIENT
ADVICE = "You should try keeping two nights a week alcohol-free."


@pytest.mark.parametrize(("turns", "why"), [
    ([(C, "I keep drinking every night. What should I do?")], "the client asked for it at 0"),
    ([(C, "Do you have any tips for cutting down?")], "the client asked for it at 0"),
    ([(C, "How can I stop reaching for a drink after work?")], "the client asked for it at 0"),
    ([(P, "Would it be okay if I shared a couple of ideas?"), (C, "Sure.")], "asked leave at 0, not declined at 1"),
    ([(P, "Would you like some ideas that have helped other people?"), (C, "Yeah, go on."), (C, "Please.")],
     "asked leave at 0, not declined at 1"),
])
def test_requested_or_permitted_advice_is_invited(turns, why):
    roles, texts = [r for r, _ in turns] + [P], [t for _, t in turns] + [ADVICE]
    assert invited(roles, texts, len(turns)) == why


@pytest.mark.parametrize("turns", [
    [(C, "I keep drinking every night.")],  # no request
    [(P, "Would it be okay if I shared a couple of ideas?"), (C, "No, not today.")],  # declined
    [(P, "Would it be okay if I shared a couple of ideas?")],  # asked and told in one breath
    [(C, "What should I do?"), (P, "Tell me more."), (C, "Work."), (P, "Hm."), (C, "Yes.")],  # too far back
    [(C, "I don't have any ideas left.")],  # not a question
])
def test_unasked_advice_is_not_invited(turns):
    roles, texts = [r for r, _ in turns] + [P], [t for _, t in turns] + [ADVICE]
    assert invited(roles, texts, len(turns)) is None


def analysed(pairs):
    return rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": P, "C": C}))


def test_invited_advice_is_flagged_and_spared_by_collaboration_and_rushing():
    asked = analysed([("C", "I keep drinking every night. What should I do?"), ("T", ADVICE)] + [
        ("C", "Okay, I can try that."), ("T", "You'd like to give it a go.")] * 3)
    told = analysed([("C", "I keep drinking every night."), ("T", ADVICE)] + [
        ("C", "Okay, I can try that."), ("T", "You'd like to give it a go.")] * 3)
    advice = next(c for c in asked.features["codes"][1] if c["code"] == "advice")
    assert advice["invited"] is True and "invited: the client asked for it at 0" in advice["reason"]
    assert "invited" not in next(c for c in told.features["codes"][1] if c["code"] == "advice")
    component = lambda conv: conv.features["dimensions"]["collaboration"]["components"]["advice"]
    assert component(asked)["value"] == 0 and component(told)["value"] > 0
    reasons = lambda conv: " ".join(p["reason"] for p in conv.features["pitfalls"])
    assert "advice unasked" in reasons(told) and "advice unasked" not in reasons(asked)
