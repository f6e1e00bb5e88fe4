"""Rupture cases from session 53's conversations (a support group, a consultation breaking
bad news, all written for the project)."""

from tests.rupture_helpers import C, analyzed, coded, found

from rapportlens import Role
from rapportlens.coding.engagement import reads
from rapportlens.rapport.rupture_cues import DIRECTIVE_CUES

M = Role.MEMBER
GROUP = {"Facilitator": Role.PRACTITIONER, "Tom": M, "Maria": M, "Grace": M}


def test_pushback_on_where_a_group_keeps_going_is_a_confrontation():
    assert coded("Can we not make this another hospital story? I've got actual problems.", "confrontation", C)
    assert coded("Nobody in here ever talks about money.", "confrontation", C)
    assert coded("Can we not do the breathing thing again?", "confrontation", C)
    assert not coded("Can we not talk about my mum today?", "confrontation", C)


def test_asking_the_group_for_information_is_taking_part():
    assert not reads("So does anyone know what you do about rent when you've been sacked? Is there help for that?")
    assert reads("How long will it take? Is it even worth it?")  # the sceptical second question is read


def test_a_turn_meant_for_another_member_does_not_repair():
    conv = analyzed([
        ("Facilitator", "Tom, would it help if we spent some time on the money side today?"),
        ("Tom", "Maybe. I don't know."),
        ("Maria", "I didn't mean to take up all the time."),
        ("Facilitator", "You didn't, Maria. There's room for both. Grace, how has your week been?"),
        ("Grace", "Fine."),
        ("Facilitator", "That's okay. You're welcome to jump in whenever you're ready."),
        ("Tom", "So does anyone know what you do about rent when you've been sacked? Is there help for that?"),
    ], roles=GROUP)
    assert found(conv) == [([1], None)]
    [r] = conv.features["ruptures"]
    assert r["recovery"] == 6


def test_a_turn_that_calls_on_the_member_mid_sentence_repairs():
    conv = analyzed([
        ("Facilitator", "Maria, let Grace finish, please."),
        ("Maria", "Typical. She gets to talk and I get told off."),
        ("Facilitator", "You're right, Maria, that came out as a telling-off, and I'm sorry. Grace, finish your point."),
        ("Grace", "I just want the rota to be fair."),
        ("Maria", "Fair enough. I'd like that too, honestly."),
    ], roles=GROUP)
    assert found(conv) == [([1], 2)]


def test_giving_room_after_news_that_silences_is_a_repair():
    conv = analyzed([
        ("W", "I'm afraid the biopsy confirmed that it is cancer."),
        ("C", "I don't know what to say."),
        ("W", "There's no need to say anything right now. Take your time."),
        ("C", "Is it going to spread? What happens next with the treatment?"),
    ])
    assert found(conv) == [([1], 2)]
    assert not DIRECTIVE_CUES.search("Take your time.") and DIRECTIVE_CUES.search("Take your tablets with food.")


def test_a_standoff_quotes_the_objection_as_well_as_the_answer_it_started_from():
    from rapportlens.summary import summarize

    conv = analyzed([
        ("W", "Your liver tests came back higher than last time. How much are you drinking these days?"),
        ("C", "Four, maybe five. Six on Fridays."),
        ("W", "That's well over the recommended limit. You really need to cut down on the beer."),
        ("C", "Everyone at work drinks more than me. I'm not an alcoholic."),
        ("W", "I'm not saying you are. But the tests don't lie. You need to stop drinking on weeknights."),
        ("C", "It's the only way I can switch off. The job's brutal."),
    ])
    [r] = conv.features["ruptures"]
    assert r["signals"] == ["standoff"] and r["utterances"] == [1, 3] and r["repair"] is None
    text = summarize(conv)
    assert '1: "Four, maybe five. Six on Fridays."' in text
    assert "3: \"Everyone at work drinks more than me. I'm not an alcoholic.\"" in text
