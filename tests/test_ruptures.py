"""Rupture markers (rules, minimal answers, the engagement model) and ruptures in groups."""

import csv

import numpy as np
import pytest
from tests.rupture_helpers import C, P, analyzed

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coding.coder import Coder
from rapportlens.coding.engagement import LABELS, load_engagement
from rapportlens.coding.inputs import Item
from rapportlens.coding.minimal import STRONG, WEAK, minimal_answer
from rapportlens.coding.rules import apply_rules
from rapportlens.errors import InputError
from rapportlens.summary import summarize


def rupture_rules(text):
    return {h.code for h in apply_rules(text, C)} & {"confrontation", "withdrawal"}


@pytest.mark.parametrize("text,code", [
    ("You're not even listening to me.", "confrontation"),
    ("Why do you keep asking me that?", "confrontation"),
    ("We're going round in circles here.", "confrontation"),
    ("I'm thinking of stopping the sessions.", "confrontation"),
    ("Can we talk about something else?", "withdrawal"),
    ("Whatever you think.", "withdrawal"),
    ("I'd rather keep that to myself.", "withdrawal"),
    ("Every time I come in here I get the same speech.", "confrontation"),
    ("Not another lecture, please.", "confrontation"),
    ("If that's what you think, sure.", "withdrawal"),
    ("It's not something I'm comfortable discussing.", "withdrawal"),
    ("It's like talking to a brick wall in here.", "confrontation"),
    ("I always walk out of here feeling judged.", "confrontation"),
    ("You're making a lot of assumptions about my family.", "confrontation"),
    ("That felt pretty dismissive, to be honest.", "confrontation"),
    ("Oh great, more breathing exercises. Because the last ones worked so well.", "confrontation"),
    ("It feels like I'm being tested in here.", "confrontation"),
    ("None of that applies to my situation.", "confrontation"),
    ("Why do you always side with my mother?", "confrontation"),
    ("I didn't ask for a diagnosis.", "confrontation"),
    ("This is a waste of both our time.", "confrontation"),
    ("Can we just talk about something lighter?", "withdrawal"),
    ("Can we finish early today?", "withdrawal"),
    ("Not sure. Does it matter?", "withdrawal"),
    ("Wow. Okay. You don't know what my week was like.", "confrontation"),
    ("I feel like you're not really hearing the part about the others.", "confrontation"),
    ("Mm. Maybe. I don't really want to get into my sister right now.", "withdrawal"),
])
def test_rules_find_complaints_and_retreats(text, code):
    assert code in rupture_rules(text)


@pytest.mark.parametrize("text", [
    "I don't know what to do.",  # distress, not avoidance
    "I don't want to talk to him.",  # about someone else
    "My boss never listens.",
    "It's pointless, but it's fun.",
    "Therapy is helping a lot actually.",
    "I want to stop drinking.",
    "I like that you don't judge me.",
    "I get the same speech from my mum every Sunday.",  # lectured by someone else
    "Every time I come here I feel a bit lighter.",
    "If that's what you think would help, I'll try it.",
    "It's like talking to a brick wall at home.",  # about someone else
    "I always leave work feeling useless.",
    "I'm not comfortable in crowds.",
    "My family makes a lot of assumptions about me.",
    "My manager was so dismissive in the meeting.",
    "I felt like I was being tested at work all week.",
    "It doesn't matter to me where we meet.",
    "The worksheet actually helped, it worked so well for me.",
    "I do just snort it but you don't know what it's cut with.",
    "You wouldn't believe what my week was like.",
    "I don't want to get into debt again.",
])
def test_rules_leave_look_alikes_alone(text):
    assert not rupture_rules(text)


@pytest.mark.parametrize("text,confidence", [
    ("Um, not sure, I don't know.", STRONG),
    ("Eh, it's whatever.", STRONG),
    ("No comment.", STRONG),
    ("Fine.", WEAK),
    ("I'm okay, honestly.", WEAK),
    ("Doesn't matter anyway.", STRONG),
    ("Not really, no.", WEAK),
])
def test_minimal_answers_in_any_order(text, confidence):
    assert minimal_answer(text)[0] == confidence


@pytest.mark.parametrize("text", [
    "Yeah.",  # agreement, not a non-answer
    "I don't know, maybe because I was tired after the night shift.",
    "Fine, thanks. I managed to go out twice this week.",
])
def test_answers_with_content_are_not_minimal(text):
    assert minimal_answer(text) is None


def test_the_shipped_engagement_model_is_documented_and_calibrated():
    model = load_engagement()
    assert model.id.startswith("engagement-lexical@")
    assert 0.5 <= model.threshold < 1
    cv = model.card["cross_validation"]
    assert {"confrontation", "withdrawal"} <= set(cv)
    p = model.probabilities(["This whole thing feels fake.", "Do you have any suggestions?"])
    assert p.shape == (2, len(LABELS)) and np.allclose(p.sum(axis=1), 1)
    coded = model.codes(["This whole thing feels fake.", "Do you have any suggestions?", "Thank you for listening."])
    assert set(coded[0]) == {"confrontation"} and coded[1] == {} and coded[2] == {}


def test_the_coder_asks_the_engagement_model_about_clients_only():
    coder = Coder(None, load_engagement())
    text = "This whole thing feels fake."
    client, practitioner = coder.code([Item(C, text), Item(P, text)])
    [code] = [c for c in client if c.code == "confrontation"]
    assert code.source == "model" and "engagement model" in code.reason
    assert not any(c.code == "confrontation" for c in practitioner)


def test_a_group_members_rupture_is_theirs():
    conv = analyzed([
        ("Lead", "Welcome back, everyone. How has the week been?"),
        ("Ana", "Hard. I argued with my brother about our mum's care again on Sunday."),
        ("Ben", "Honestly this group is pointless. We're going round in circles."),
        ("Cat", "I had a good week actually, I went back to the choir and it was lovely."),
        ("Lead", "Ben, it sounds like the group hasn't felt useful to you lately."),
        ("Ben", "Yeah. I want something practical, like what to say when my dad gets angry at night."),
    ], {"Lead": P, "Ana": Role.MEMBER, "Ben": Role.MEMBER, "Cat": Role.MEMBER})
    [r] = conv.features["ruptures"]
    assert r["speaker"] == "Ben" and r["kind"] == "confrontation" and r["utterances"] == [2]
    # Cat's engaged turn is not Ben's recovery; the reflection is the repair.
    assert r["recovery"] == 5 and r["repair"]["utterance"] == 4 and r["repaired"]


def test_a_sudden_non_answer_is_a_withdrawal():
    conv = analyzed([
        ("T", "What has the drinking been like since we last met?"),
        ("C", "Pretty much every night, four or five cans, sometimes more when work has been stressful."),
        ("T", "And how do you feel about that?"),
        ("C", "Not great, I know it's too much and my partner has started to say something about it too."),
        ("T", "What would your partner say if they were here?"),
        ("C", "Fine."),
    ], {"T": P, "C": C})
    [r] = conv.features["ruptures"]
    assert r["kind"] == "withdrawal" and r["utterances"] == [5] and "minimal_answer" in r["signals"]


def test_a_non_answer_at_the_start_is_not_a_rupture():
    conv = analyzed([("T", "How are you?"), ("C", "Fine.")], {"T": P, "C": C})
    assert conv.features["ruptures"] == []


def test_engagement_training_writes_a_model_that_loads(tmp_path):
    from rapportlens.training.engagement import build

    rows = ([("confrontation", f"You never listen to me about {w}.") for w in ("work", "money", "school", "him")]
            + [("withdrawal", f"I'd rather not talk about {w}.") for w in ("work", "money", "school", "him")]
            + [("none", f"I went to {w} on Monday and it was fine.") for w in ("work", "the shop", "school", "town")])
    path = tmp_path / "turns.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([("code", "text"), *rows])
    info = build([path], tmp_path / "model", cv=2)
    model = load_engagement.__wrapped__(str(tmp_path / "model"))
    assert model.threshold == info["threshold"] and info["turns"] == 3 * len(rows)
    assert set(info["cross_validation"]) >= {"confrontation", "withdrawal", "folds"}


def test_a_bad_training_row_names_the_file_and_line(tmp_path):
    from rapportlens.training.engagement import read_turns

    path = tmp_path / "turns.csv"
    path.write_text("code,text\nconfrontation,You never listen.\nanger,Go away.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_turns([path])
    assert str(path) in str(err.value) and "3" in str(err.value)


@pytest.mark.parametrize("repair", [
    "That's fair, I moved away from what you brought. Let's stay with the arguments at home.",
    "I'm sorry, that came out as a criticism, and that's not what I meant.",
    "You're right, I jumped ahead there. What would you like to look at?",
    "I'm sorry, that's not how I want you to feel. I haven't asked what the arguments are like for you.",
])
def test_owning_a_misstep_is_an_explicit_repair(repair):
    conv = analyzed([
        ("T", "What would you like to focus on today?"),
        ("C", "The arguments at home. They have been getting worse since my husband lost his job in March."),
        ("T", "Tell me about your childhood. What was your relationship with your father like?"),
        ("C", "I don't see what my father has to do with any of this."),
        ("T", repair),
        ("C", "On Sunday he shouted at me because dinner was late, and our daughter heard all of it."),
    ], {"T": P, "C": C})
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["trigger"] == 2
    assert r["repair"]["utterance"] == 4 and r["repair"]["kind"] == "explicit"
    assert r["recovery"] == 5 and r["repaired"]


def test_going_along_after_a_lecture_is_a_withdrawal_but_agreement_is_not():
    def session(reply):
        return analyzed([
            ("N", "Have you been using the inhaler since the last appointment?"),
            ("P", "Only when it gets really bad, because it makes my heart race and I hate that feeling at work."),
            ("N", "You really have to use it twice a day, every day. That's not up for discussion."),
            ("P", reply),
        ], {"N": P, "P": C}).features["ruptures"]
    [r] = session("Right. Okay.")
    assert r["utterances"] == [3] and r["signals"] == ["minimal_answer"] and r["trigger"] == 2
    assert session("Yes.") == []  # agreeing is not withdrawing


@pytest.mark.parametrize("text,code", [
    ("I'm sorry if that came across as pushy.", "repair"),
    ("I don't want you to feel lectured.", "repair"),
    ("I'm sorry that happened to you.", "sympathy"),  # sorry for, not sorry about what I did
])
def test_regret_for_how_it_landed_is_a_repair_and_sorry_for_is_sympathy(text, code):
    codes = {h.code for h in apply_rules(text, P)}
    assert code in codes and ({"repair", "sympathy"} - {code}).isdisjoint(codes)


def test_a_lecture_complaint_repaired_by_turning_to_the_clients_agenda():
    conv = analyzed([
        ("D", "Your results are still high. Have you been taking the tablets every day?"),
        ("P", "Most days, but I forget when I'm on night shifts because my whole routine goes out of the window."),
        ("D", "You need to take them every single day, and frankly I've told you this before."),
        ("P", "Every time I come in here I get the same speech and I leave feeling like a naughty kid."),
        ("D", "I can hear that. What would be most useful to talk about today?"),
        ("P", "How to remember them on nights. Maybe I could keep a strip in my work bag, which I always have with me."),
    ], {"D": P, "P": C})
    [r] = conv.features["ruptures"]
    assert r["kind"] == "confrontation" and r["utterances"] == [3] and r["trigger"] == 2
    assert r["repair"]["utterance"] == 4 and "collaboration" in r["repair"]["codes"]
    assert r["recovery"] == 5 and r["repaired"]


@pytest.mark.parametrize("codes,expected", [
    ({"reflection.simple": 0.31}, ["reflection.simple"]),
    ({"information": 0.36, "reflection.complex": 0.26}, []),  # informs, with a reflective opening
    ({"advice": 0.7, "reflection.complex": 0.46}, []),  # goes on advising
    ({"advice": 0.7, "repair": 0.75}, ["repair"]),  # an explicit repair still counts
    ({"question.open": 0.4, "validation": 0.75}, ["validation"]),
    ({"question.open": 0.7}, ["question.open"]),  # asking for the client's view
    ({"advice": 0.7, "question.open": 0.7}, []),  # "You should... When could you call?"
])
def test_which_practitioner_codes_acknowledge_a_rupture(codes, expected):
    from rapportlens.rapport.ruptures import _repair_codes

    assert _repair_codes(codes) == expected


@pytest.mark.parametrize("text,acknowledges", [
    ("Right. Moving on, how is your drinking?", False),
    ("Anyway, let's talk about your diet.", False),
    ("We'll come back to your feelings later. What time do you get up?", False),
    ("What would you like me to understand about it?", True),
])
def test_turning_to_another_topic_is_no_repair(text, acknowledges):
    from rapportlens.rapport.ruptures import _repair_codes

    assert bool(_repair_codes({"question.open": 0.8}, text)) == acknowledges


@pytest.mark.parametrize("text", [
    "My apologies, I didn't mean to lecture.",
    "Let me try that again, because I don't think I said it well.",
    "I can see I've upset you, and I'm sorry.",
    "Point taken. Tell me what it's been like from your side.",
    "I think I made an assumption there.",
    "I can tell that landed badly.",
    "That's fair criticism. I'll take it on board.",
    "I brushed past something that matters a lot to you.",
    "I've been talking at you, haven't I?",
])
def test_more_ways_of_owning_a_misstep(text):
    assert "repair" in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text", [
    "Thanks for coming in today.",
    "I'm sorry to hear about your mum.",
    "Let me try to explain how the medication works.",
    "It's helpful to know that things are better at home.",
])
def test_ordinary_practitioner_talk_is_not_a_repair(text):
    assert "repair" not in {h.code for h in apply_rules(text, P)}


def test_pushing_on_after_a_complaint_is_not_a_repair():
    conv = analyzed([
        ("T", "What would you like to focus on today?"),
        ("C", "The arguments at home. They have been getting worse since my husband lost his job in March."),
        ("T", "You should try couples counselling, and you really need to stop rising to it when he shouts."),
        ("C", "I didn't come here to be told what to do. You're not listening to me."),
        ("T", "You should also think about your daughter in all this."),
        ("C", "On Sunday he shouted at me because dinner was late, and our daughter heard all of it."),
    ], {"T": P, "C": C})
    [r] = conv.features["ruptures"]
    assert r["repair"] is None and not r["repaired"]


class _SureCheck:
    """A stand-in second opinion: records what it is asked and answers with fixed probabilities."""

    def __init__(self, answer):
        from types import SimpleNamespace

        self.answer, self.asked = answer, []
        self.card = SimpleNamespace(id="stub@1", info={"prefilter": 0.3, "threshold": 0.9})

    def predict(self, items, with_lexical=True):
        self.asked += [i.text for i in items]
        return {"engagement": np.array([self.answer] * len(items))}


def test_the_second_opinion_is_asked_only_about_suspect_turns():
    from rapportlens.coding.engagement import EngagementModel

    shipped = load_engagement()
    texts = ["This whole thing feels fake.", "I went to the shop on Monday and it was fine.",
             "I suppose, we could do the worksheet thing again."]
    p = shipped.probabilities(texts)
    suspect = [t for t, row in zip(texts, p) if 0.3 <= row[1:].max() < shipped.threshold]
    sure = _SureCheck([0.02, 0.97, 0.01])
    both = EngagementModel(shipped.lexical, shipped.card, sure)
    coded = both.codes(texts)
    assert sure.asked == suspect  # neither the coded turn nor the plain one is asked about
    assert "confrontation" in coded[0] and "engagement-minilm" not in coded[0]["confrontation"].reason
    for t, c in zip(texts, coded):
        if t in suspect and p[texts.index(t), 1] >= 0.3:
            assert c["confrontation"].reason.endswith("confirmed by engagement-minilm: 0.970")
            assert c["confrontation"].confidence == pytest.approx(np.sqrt(p[texts.index(t), 1] * 0.97))
    unsure = EngagementModel(shipped.lexical, shipped.card, _SureCheck([0.5, 0.4, 0.1]))
    assert [set(c) for c in unsure.codes(texts)] == [set(c) for c in shipped.__class__(
        shipped.lexical, shipped.card).codes(texts)]  # an unsure check adds nothing
    assert both.id.endswith(" + stub@1")


def test_the_shipped_engagement_model_has_its_second_opinion():
    model = load_engagement()
    assert model.check is not None and model.id.startswith("engagement-lexical@")
    assert "engagement-minilm@" in model.id
    assert 0 < model.prefilter < model.threshold <= model.check_threshold < 1


@pytest.mark.parametrize("text,code", [
    ("Of course, that's completely okay.", "validation"),
    ("You can join in whenever you feel ready.", "collaboration"),
    ("You can't just skip them when you feel like it.", "advice"),
])
def test_accepting_a_retreat_and_forbidding_are_coded(text, code):
    assert code in {h.code for h in apply_rules(text, P)}


def test_a_group_member_who_holds_back_is_given_room_and_comes_back():
    conv = analyzed([
        ("F", "Let's go round and check in. Sam, how has your week been?"),
        ("S", "Not bad. I managed to go to the gym twice, which is more than last month."),
        ("F", "That's great progress. Alex, what about you?"),
        ("A", "I'd rather not say much today, if that's okay."),
        ("F", "Of course, that's completely okay. You can join in whenever you feel ready, or just listen today."),
        ("P", "I had a rough week. My mum was in hospital and I didn't sleep much."),
        ("F", "That sounds really hard, Priya. How is she now?"),
        ("P", "Better, she came home on Friday, thank goodness."),
        ("A", "Actually, I do want to say something. My dad had a fall and I've been looking after him all week."),
    ], {"F": P, "S": C, "A": C, "P": C})
    [r] = conv.features["ruptures"]
    assert r["speaker"] == "A" and r["kind"] == "withdrawal" and r["utterances"] == [3]
    assert r["repair"]["utterance"] == 4 and r["recovery"] == 8 and r["repaired"]
    assert conv.features["talk.balance"] is not None  # four people, no errors


def test_a_curt_fine_after_being_told_off_is_repaired_by_an_apology():
    conv = analyzed([
        ("N", "Your blood pressure is still up. Are you taking the tablets every morning?"),
        ("P", "Most mornings. I get headaches with them sometimes, so I skip them on busy days."),
        ("N", "You can't just skip them when you feel like it. It's dangerous."),
        ("P", "Fine."),
        ("N", "I'm sorry, that came out harsher than I meant. The headaches sound really unpleasant, tell me more."),
        ("P", "They start about an hour after the tablet and last most of the morning, which is hard when I'm driving."),
    ], {"N": P, "P": C})
    [r] = conv.features["ruptures"]
    # One earlier turn of 14 words stands for the usual length of a bare non-answer's speaker.
    assert r["utterances"] == [3] and r["signals"] == ["shortening", "minimal_answer"] and r["trigger"] == 2
    assert r["repair"]["kind"] == "explicit" and r["recovery"] == 5 and r["repaired"]


@pytest.mark.parametrize("text,advice", [
    ("Why don't you just tell him how you feel?", True),
    ("What's stopping you from calling them?", True),
    ("Wouldn't it be easier to move back home?", True),
    ("And cut down on the rice.", True),  # a bare instruction about the client's own behaviour
    ("And try to lose a bit of weight, that will take pressure off.", True),  # an instruction after "and"
    ("Also, make sure you drink enough water.", True),
    ("That's promising. Just make sure you rest too.", True),  # the instruction starts the second sentence
    ("Why don't you tell me what happened since last time?", False),  # an invitation to talk
    ("What would it take to move from a four to a six?", False),  # MI's evoking question
])
def test_persuading_by_question_is_advice(text, advice):
    assert ("advice" in {h.code for h in apply_rules(text, P)}) == advice


@pytest.mark.parametrize("turn,repaired", [
    ("What would it take for you to book the counselling this week?", False),  # back to the rejected idea
    ("What has been happening at home since March?", True),  # the client's own topic
    ("Counselling feels like one more thing being pushed at you.", True),  # reflects the reaction to it
    ("Let's forget the counselling idea. Tell me about the arguments.", True),
])
def test_an_open_question_back_to_the_rejected_suggestion_is_no_repair(turn, repaired):
    conv = analyzed([
        ("T", "What would you like to focus on today?"),
        ("C", "The arguments at home. They have been getting worse since my husband lost his job in March."),
        ("T", "You should try couples counselling, and you really need to stop rising to it when he shouts."),
        ("C", "I didn't come here to be told what to do. You're not listening to me."),
        ("T", turn),
        ("C", "On Sunday he shouted at me because dinner was late, and our daughter heard all of it."),
    ], {"T": P, "C": C})
    [r] = conv.features["ruptures"]
    assert r["repaired"] == repaired


def test_a_tutors_unfair_remark_owned_and_followed_by_a_question():
    conv = analyzed([
        ("T", "So, how did the essay plan go this week?"),
        ("S", "I started it but got stuck on the second section, the causes of the war, because I couldn't find sources."),
        ("T", "Honestly, you should have started earlier. You always leave things to the last minute."),
        ("S", "Wow. Okay. You don't know what my week was like."),
        ("T", "You're right, I don't, and that was unfair of me. What was your week like?"),
        ("S", "My grandad was in hospital and I was helping my mum look after my little brothers every evening."),
    ], {"T": P, "S": C})
    [r] = conv.features["ruptures"]
    assert r["kind"] == "confrontation" and r["utterances"] == [3]
    assert r["repair"]["utterance"] == 4 and r["repair"]["kind"] == "explicit" and r["recovery"] == 5


def test_a_suspected_turn_gets_a_weak_code_only_when_the_second_opinion_leans_the_same_way():
    from rapportlens.coding.engagement import SUSPECT, SUSPECT_CONFIDENCE, EngagementModel

    shipped = load_engagement()
    text = "Feels like groundhog day in this room."
    p = shipped.probabilities([text])[0]
    assert SUSPECT <= p[1:].max() < shipped.threshold  # the n-grams suspect it, no more
    leaning = EngagementModel(shipped.lexical, shipped.card, _SureCheck([0.3, 0.6, 0.1])).codes([text])[0]
    [(code, finding)] = leaning.items()
    assert code == "confrontation"
    assert finding.confidence == SUSPECT_CONFIDENCE and "suspects" in finding.reason
    assert EngagementModel(shipped.lexical, shipped.card, _SureCheck([0.9, 0.05, 0.05])).codes([text]) == [{}]
    assert EngagementModel(shipped.lexical, shipped.card).codes([text]) == [{}]  # no second opinion, no suspicion


@pytest.mark.parametrize("before,rupture", [
    ("You should cut back your hours and you really need to start going to bed earlier.", True),
    ("What has that been like for you?", False),
])
def test_a_suspected_complaint_is_a_rupture_only_right_after_advice(before, rupture):
    conv = analyzed([
        ("T", "What would you like to talk about today?"),
        ("C", "Work, mostly. It has been really stressful since the restructure and I am not sleeping well."),
        ("T", before),
        ("C", "Honestly, these chats all blur into one."),
    ], {"T": P, "C": C})
    found = conv.features["ruptures"]
    assert bool(found) == rupture
    if rupture:
        assert found[0]["utterances"] == [3] and "suspected_after_directive" in found[0]["signals"]


def test_a_rupture_later_in_a_session_joins_its_apology_and_is_repaired_two_turns_on():
    conv = analyzed([
        ("Co", "Welcome back, Tom. What would you like to focus on today?"),
        ("Tom", "I want to talk about my job. I've been offered a transfer to the Leeds office and I can't decide."),
        ("Co", "What's pulling you towards Leeds?"),
        ("Tom", "The money is better, and my manager there seems decent. I've been feeling stuck here for two years."),
        ("Co", "And what's holding you back?"),
        ("Tom", "My daughter. She's nine and she lives with her mum here. I have her every other weekend."),
        ("Co", "Right. Lots of parents manage long-distance arrangements. It's two hours on the train; you'd adapt."),
        ("Tom", "You're not the one who'd be missing her school plays."),
        ("Co", "Mm."),
        ("Tom", "Sorry. It's just a sore point."),
        ("Co", "No, you don't need to apologise. I brushed past something that matters a lot to you."),
        ("Tom", "It's the best part of my week, honestly. Wednesdays we cook together and she tells me about school."),
    ], {"Co": P, "Tom": C})
    [r] = conv.features["ruptures"]
    assert r["kind"] == "confrontation" and r["utterances"] == [7, 9] and r["trigger"] == 6
    assert r["repair"]["utterance"] == 10 and r["repair"]["kind"] == "explicit" and r["recovery"] == 11


def test_a_retreat_into_bare_answers_goes_on_until_the_practitioner_owns_the_lecture():
    conv = analyzed([
        ("D", "Your sugar levels are higher than last time. How have things been with the diet?"),
        ("P", ("It's been difficult. My son got married in October and there were so many family meals, "
               "and I didn't want to refuse the food my sisters cooked for everyone.")),
        ("D", "I understand, but you have to be stricter. These numbers mean you're heading for complications."),
        ("P", "Okay."),
        ("D", "You also need to walk every day, at least thirty minutes."),
        ("P", "Yes, I suppose."),
        ("D", "And cut down on the rice."),
        ("P", "Fine."),
        ("D", "I've been talking at you, haven't I? How did it feel, managing your diabetes through the wedding?"),
        ("P", "Honestly, stressful. Everyone kept putting food on my plate and I felt rude saying no."),
    ], {"D": P, "P": C})
    [r] = conv.features["ruptures"]
    assert r["kind"] == "withdrawal" and r["utterances"] == [3, 5, 7]
    assert r["repair"]["utterance"] == 8 and r["repair"]["kind"] == "explicit" and r["recovery"] == 9


def test_a_bare_answer_after_a_repair_attempt_does_not_prolong_the_rupture():
    conv = analyzed([
        ("T", "What brings you in today?"),
        ("C", "My doctor said I should come because my drinking has been getting worse since the winter."),
        ("T", "You should cut down to two drinks a night and join a support group this week."),
        ("C", "You're not listening to me. This isn't helping."),
        ("T", "It sounds like I jumped in with advice before hearing you out."),
        ("C", "Sure."),
        ("T", "What would you like me to understand first?"),
        ("C", "That I drink because I can't sleep since my wife died, and nobody has asked me about that."),
    ], {"T": P, "C": C})
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3] and r["repair"]["utterance"] == 4


def test_an_unrepaired_rupture_in_a_budget_review_goes_on_and_is_not_repaired():
    conv = analyzed([
        ("A", "Right, let's look at your budget. You're spending far too much on takeaways."),
        ("C", "I work two jobs. I don't have time to cook most days."),
        ("A", "Everyone says that. You need to meal prep on Sundays like everyone else."),
        ("C", "Whatever. You're not listening."),
        ("A", "The numbers don't lie. Takeaways are costing you three hundred a month."),
        ("C", "Fine."),
        ("A", "Next, let's look at your phone contract."),
        ("C", "Okay."),
    ], {"A": P, "C": C})
    [r] = conv.features["ruptures"]
    # Since session 40 the curt "Okay." after the change of topic, with the complaint still
    # unaddressed, goes on with the rupture.
    assert r["kind"] == "confrontation" and r["utterances"] == [3, 5, 7]
    assert r["repair"] is None and not r["repaired"]


def test_a_hard_session_without_a_rupture_shows_none():
    conv = analyzed([
        ("T", "How has the week been since we last met?"),
        ("C", "Hard. My dad's dementia is getting worse and he didn't recognise me on Sunday, which shook me."),
        ("T", "That must have been painful, seeing him not know you."),
        ("C", "It was. I sat in the car afterwards and cried for about twenty minutes before I could drive home."),
        ("T", "Part of you wants to be there more, and part of you needs protecting from how much it hurts."),
        ("C", "Yes, exactly. I feel guilty even saying that."),
    ], {"T": P, "C": C})
    assert conv.features["ruptures"] == []


def test_defending_ones_commitment_after_being_told_off_is_a_rupture_and_owning_it_repairs():
    conv = analyzed([
        ("T", "Last time we talked about your panic attacks on the train. How has the commute been?"),
        ("C", "Worse. I had one on Tuesday between stations and had to get off and walk the rest of the way."),
        ("T", "Have you been doing the breathing exercises I gave you?"),
        ("C", "Not really. They feel a bit silly, to be honest."),
        ("T", "They only work if you practise them. You have to commit to this if you want to get better."),
        ("C", "I am committed. I'm here every week, aren't I?"),
        ("T", "You are, and I'm sorry, that came across as if you weren't trying. What makes them feel silly?"),
        ("C", "I do them at home when I'm calm, and on the train my head goes completely blank."),
    ], {"T": P, "C": C})
    [r] = conv.features["ruptures"]
    assert r["kind"] == "confrontation" and r["utterances"] == [5]
    assert r["repair"]["utterance"] == 6 and r["recovery"] == 7


def test_a_complaint_that_nobody_explained_is_repaired_by_owning_the_gap():
    conv = analyzed([
        ("N", "Morning, Mr Briggs. I need to check your blood sugar before breakfast."),
        ("P", "Again? You lot have been poking me every four hours. My fingers are black and blue."),
        ("N", "I know, it's a lot. The doctors want to keep a close eye on it after the change in your insulin."),
        ("P", "Well, nobody explained that to me. I thought you were just doing it for the sake of it."),
        ("N", "That's fair, you should have been told. Shall I ask the doctor to talk you through the plan?"),
        ("P", "Yes, it would help. And can you use a different finger this time, my left hand's really sore."),
    ], {"N": P, "P": C})
    [r] = conv.features["ruptures"]
    # (The engagement models read "Again? You lot have been poking me..." as the complaint's start
    # since session 45.)
    assert r["utterances"][-1] == 3 and r["repair"]["utterance"] == 4 and r["repair"]["kind"] == "explicit"
    assert r["recovery"] == 5


@pytest.mark.parametrize("text", [
    "You should have been told about the change.",
    "I am committed.",
])
def test_looking_back_is_not_advice_and_defending_is_a_complaint(text):
    codes = {h.code for h in apply_rules(text, P if text.startswith("You") else C)}
    assert ("advice" not in codes) if text.startswith("You") else ("confrontation" in codes)


def test_each_rupture_says_what_marked_it_and_the_summary_flags_the_models_alone():
    roles = {"T": Role.PRACTITIONER, "C": Role.CLIENT}
    by_rules = rapportlens.analyze(Conversation.from_pairs([
        ("T", "You should stop drinking now."), ("C", "You're not listening to me. This isn't helping."),
        ("T", "Okay."), ("C", "Whatever.")], roles=roles))
    assert "rules" in by_rules.features["ruptures"][0]["found_by"]
    by_model = rapportlens.analyze(Conversation.from_pairs([
        ("T", "What brings you in?"), ("C", "My drinking has got out of hand since the winter."),
        ("T", "You need to cut down to two drinks a night, starting today."), ("C", "I feel like I'm being told off."),
        ("T", "Tell me more."), ("C", "It just feels like a lecture.")], roles=roles))
    [r] = by_model.features["ruptures"]
    assert r["found_by"] == ["model"] and r["utterances"] == [3]
    assert "[engagement models only]" in " ".join(summarize(by_model).split())


def test_risk_said_in_passing_is_not_a_complaint():
    # "Whatever." before a wish not to be here: the engagement model hears a complaint, but the
    # client is opening up; the risk flag takes it up, and the worker's direct question is right.
    conv = analyzed([
        ("W", "You've been working hard to stay out of trouble."),
        ("C", "Yeah. It's easier at school than at home anyway."),
        ("W", "I'm not going to go behind your back. I'll tell you what I need to do before I do it."),
        ("C", "Whatever. Sometimes I think everyone would be better off if I just wasn't here."),
        ("W", "When you say everyone would be better off, are you having thoughts of ending your life?"),
        ("C", "Not like, a plan. Just sometimes at night."),
    ])
    assert conv.features["ruptures"] == []
    assert conv.features["client_state"]["state"] != "mistrustful"
    assert any(r["utterance"] == 3 for r in conv.features["risk"])
