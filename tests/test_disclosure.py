"""Disclosure depth over the session (SPEC section 4): does the client open up?"""

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.analyzers.disclosure import thirds
from rapportlens.summary import summarize

ROLES = {"T": Role.PRACTITIONER, "C": Role.CLIENT}

OPENING_UP = [
    ("T", "What brings you in today?"),
    ("C", "My sleep."),
    ("T", "Tell me a bit more."),
    ("C", "Work, mostly."),
    ("T", "What is work like at the moment?"),
    ("C", "I think the new manager is the problem."),
    ("T", "Go on."),
    ("C", "I feel ashamed and scared. I've never told anyone that I cry in the car every morning."),
]


def analysed(pairs, roles=ROLES):
    return rapportlens.analyze(Conversation.from_pairs(pairs, roles=roles))


def test_thirds_keep_order_and_give_the_middle_the_remainder():
    assert thirds(list(range(7))) == [[0, 1], [2, 3, 4], [5, 6]]
    assert thirds([1, 2]) == [[], [1, 2], []]


def test_a_client_who_opens_up_has_deepened():
    f = analysed(OPENING_UP).features
    first, _, last = f["disclosure.depth_by_third"]
    assert last > first and f["disclosure.depth_change"] == last - first
    assert f["disclosure.trend"] == "deepened"
    assert f["disclosure.deepest"] == [7]
    assert "client disclosure deepened" in summarize(analysed(OPENING_UP))


def test_a_client_who_closes_down_is_shallower():
    closing = [OPENING_UP[0], OPENING_UP[7], ("T", "That sounds hard."), ("C", "Work, mostly."),
               ("T", "How is work?"), ("C", "Fine."), ("T", "Anything else?"), ("C", "No.")]
    f = analysed(closing).features
    assert f["disclosure.trend"] == "shallower" and f["disclosure.depth_change"] < 0


def test_too_few_client_utterances_give_no_trend_but_keep_the_evidence():
    f = analysed(OPENING_UP[6:]).features
    assert f["disclosure.depth_by_third"] is None and f["disclosure.trend"] is None
    assert f["disclosure.deepest"] == [1]
    assert "client disclosure" not in summarize(analysed(OPENING_UP[6:]))


def test_a_practitioner_alone_has_no_client_to_follow():
    f = analysed([("T", "I feel so ashamed of how I handled it."), ("T", "Let's begin."),
                  ("T", "I'm scared it will happen again.")]).features
    assert f["disclosure.trend"] is None and f["disclosure.deepest"] == []


def test_a_session_with_nothing_disclosed_shows_no_disclosure_line():
    pairs = [("T", "Hi."), ("C", "Hi."), ("T", "Ready?"), ("C", "Yes."), ("T", "Good."), ("C", "Okay.")]
    conv = analysed(pairs)
    assert conv.features["disclosure.depth_by_third"] == [0.0, 0.0, 0.0]
    assert "disclosure" not in summarize(conv)


def test_in_a_group_the_members_disclosure_is_followed():
    roles = {"F": Role.PRACTITIONER, "A": Role.CLIENT, "B": Role.CLIENT}
    pairs = [("F", "Who wants to start?"), ("A", "Me, I guess."), ("B", "Work is fine."),
             ("F", "Anything else?"), ("A", "I feel lonely and scared most nights."), ("B", "I feel sad too.")]
    conv = analysed(pairs, roles)
    assert conv.features["disclosure.trend"] == "deepened"
    assert "members' disclosure deepened" in summarize(conv)
