"""How the practitioner answered utterances flagged for risk (``risk.follow_up``)."""

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.rapport.risk_follow_up import described
from rapportlens.summary import summarize

ROLES = {"T": Role.PRACTITIONER, "C": Role.CLIENT}
DISCLOSED = [("T", "How have you been since last week?"),
             ("C", "Honestly, some nights I think everyone would be better off without me.")]


def followed(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    return conv, conv.features["risk.follow_up"]


def test_a_direct_question_about_the_risk_is_asking():
    conv, [item, answer] = followed([*DISCLOSED, ("T", "Thank you for telling me. Are you having thoughts of suicide?"),
                                     ("C", "Sometimes, yes.")])
    assert (answer["utterance"], answer["follow_up"]) == (3, "session_ended")
    assert item["utterance"] == 1 and item["categories"] == ["suicide"] and item["sure"]
    assert (item["follow_up"], item["by"]) == ("asked", 2)
    assert "risk_not_followed_up" not in [p["pitfall"] for p in conv.features["pitfalls"]]


def test_a_step_towards_safety_counts_in_the_second_turn_too():
    _, [item] = followed([*DISCLOSED, ("T", "Mm."), ("C", "Yeah."),
                          ("T", "I'd like us to make a safety plan together before you leave today.")])
    assert (item["follow_up"], item["by"]) == ("safety_step", 4)


def test_moving_on_is_a_pitfall_answered_first_by_asking_directly():
    conv, [item] = followed([*DISCLOSED, ("T", "Okay. Try to keep a regular sleep schedule and cut down on caffeine."),
                             ("C", "Okay."), ("T", "Shall we book the next appointment for Tuesday?"), ("C", "Fine.")])
    assert (item["follow_up"], item["by"]) == ("not_followed_up", 2)
    [missed] = [p for p in conv.features["pitfalls"] if p["pitfall"] == "risk_not_followed_up"]
    assert missed["evidence"] == [1, 2] and "utterance 1 was not asked about" in missed["reason"]
    assert conv.features["recommendations"][0]["technique"] == "ask_directly"
    text = " ".join(summarize(conv).replace("|", " ").split())
    assert "then: T did not take it up in the next 2 turns (utterance 2: \"Okay. Try to keep" in text


def test_a_flag_at_the_end_has_no_follow_up_and_no_pitfall():
    conv, [item] = followed(DISCLOSED)
    assert (item["follow_up"], item["by"]) == ("session_ended", None)
    assert "risk_not_followed_up" not in [p["pitfall"] for p in conv.features["pitfalls"]]
    assert described(item) == "no practitioner turn after it"


def test_no_risk_no_follow_up():
    _, items = followed([("T", "How was the week?"), ("C", "Good, I went swimming twice.")])
    assert items == []


def test_a_model_flag_not_taken_up_is_shown_but_is_no_pitfall():
    # The model's flags on ordinary chats are mostly distress; only a risk phrase or an
    # answer to a direct question makes the pitfall.
    conv, [item] = followed([("T", "How was the drive in?"),
                             ("C", "Sometimes I think about driving into the barrier on the motorway."),
                             ("T", "The roadworks have been terrible this month."), ("C", "Yeah.")])
    assert not item["precise"] and item["sure"] and item["follow_up"] == "not_followed_up"
    assert "risk_not_followed_up" not in [p["pitfall"] for p in conv.features["pitfalls"]]
    assert "then: T did not take it up" in " ".join(summarize(conv).replace("|", " ").split())


def test_the_questions_of_a_risk_assessment_and_putting_the_means_away_count():
    _, items = followed([("T", "When you say you can't go on, are you thinking about killing yourself?"),
                         ("C", "Yeah. I've been thinking about it a lot."),
                         ("T", "Thank you for telling me that. Have you thought about how you would do it?"),
                         ("C", "I have pills saved up. I've been hoarding my tablets in the drawer."),
                         ("T", "Would you be willing to put the pills somewhere else while we talk?")])
    assert [(i["utterance"], i["follow_up"], i["by"]) for i in items] == [(1, "asked", 2), (3, "safety_step", 4)]


def test_naming_how_it_must_feel_acknowledges():
    _, [item] = followed([*DISCLOSED, ("T", "Wow. That does sound painful."), ("C", "It is.")])
    assert (item["follow_up"], item["by"]) == ("acknowledged", 2)


def test_a_backchannel_does_not_use_up_the_window():
    _, [item] = followed([*DISCLOSED, ("T", "Mm-hmm."), ("C", "And I haven't told anyone."), ("T", "Go on."),
                          ("C", "That's it really."),
                          ("T", "Thank you for telling me. Are you having thoughts of ending your life?")])
    assert (item["follow_up"], item["by"]) == ("asked", 6)


def test_asking_directly_and_steps_towards_safety_are_a_strength():
    conv, _ = followed([*DISCLOSED, ("T", "Thank you for telling me. Are you thinking about killing yourself?"),
                        ("C", "Sometimes, yes."),
                        ("T", "Could you put the pills somewhere else tonight, and call the crisis line if it gets worse?"),
                        ("C", "Okay.")])
    top = conv.features["strengths"][0]
    assert top["strength"] == "risk_taken_up" and top["evidence"] == [2, 4]
    assert top["reason"] == "asked about it directly and took 1 step towards safety"


def test_risk_left_without_a_response_is_no_strength():
    conv, _ = followed([*DISCLOSED, ("T", "Let's look at your sleep diary."), ("C", "Okay."),
                        ("T", "Try to keep a regular bedtime."), ("C", "Okay."),
                        ("T", "And if it gets worse, call the crisis line.")])
    assert "risk_taken_up" not in [s["strength"] for s in conv.features["strengths"]]


def test_asking_in_the_second_turn_outranks_acknowledging_in_the_first():
    _, [item, *_] = followed([("T", "How did you hurt your arm?"), ("C", "He grabs me sometimes. Pushes."),
                              ("T", "Thank you for telling me. That must have been frightening."), ("C", "Yeah."),
                              ("T", "Do you feel safe going home today?"), ("C", "I don't know.")])
    assert (item["follow_up"], item["by"]) == ("asked", 4)


def test_thanking_the_client_for_saying_it_acknowledges_it():
    _, [item] = followed([*DISCLOSED, ("T", "Thank you for telling me, I know that's not easy to say out loud."),
                          ("C", "Yeah."), ("T", "Shall we look at the week ahead?")])
    assert (item["follow_up"], item["by"]) == ("acknowledged", 2)


def test_asking_what_a_voice_says_assesses_signs_of_psychosis():
    _, [item, *_] = followed([("T", "How have you been sleeping?"),
                              ("C", "Badly. I hear voices at night telling me I'm worthless."),
                              ("T", "When you hear them, what do they say to you?"), ("C", "That I should go.")])
    assert item["categories"] == ["psychosis"] and (item["follow_up"], item["by"]) == ("asked", 2)


def test_asking_about_harm_to_the_body_assesses_self_harm():
    _, [item] = followed([("T", "What happens after you eat?"), ("C", "I make myself sick after I eat. Every day now."),
                          ("T", "Have you fainted or had any chest pains?"), ("C", "No.")])
    assert "self_harm" in item["categories"] and (item["follow_up"], item["by"]) == ("asked", 2)


def test_passing_a_disclosure_of_harm_to_the_safeguarding_lead_is_a_step_towards_safety():
    _, [item] = followed([("T", "Has he ever hurt you?"), ("C", "He grabbed my arm once. It left a mark."),
                          ("T", ("I want to be honest with you: because he's hurt you, I have to talk to our "
                                "safeguarding lead. I won't do anything without telling you first."))])
    assert (item["follow_up"], item["by"]) == ("safety_step", 2)
