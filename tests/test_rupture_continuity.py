"""Where a rupture starts, how long it goes on, and what its kind is: weak signs while it
goes unaddressed, a weak sign just before it, a practitioner owning a misstep after a turn
taken for coming back, disbelief echoed back, deference, and owned rejections
(docs/analyzers/ruptures.md)."""

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coding.minimal import minimal_answer
from rapportlens.coding.rules import apply_rules
from rapportlens.rapport.rupture_cues import DIRECTIVE_CUES, GOING_ALONG, MISSTEP

C, P = Role.CLIENT, Role.PRACTITIONER


def ruptures(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": P, "C": C}))
    return conv.features["ruptures"]


def test_a_weak_sign_goes_on_with_a_rupture_the_practitioner_did_not_address():
    [r] = ruptures([
        ("T", "Last week we talked about your thought records. How did they go?"),
        ("C", "I didn't do them. Honestly I don't see the point any more."),
        ("T", "What makes you say that?"),
        ("C", "We've been at this for eight weeks and I'm no better. If anything I'm worse."),
        ("T", "Change often takes longer than people expect. The research on this approach is very strong."),
        ("C", "That's what you said a month ago."),
        ("T", "You're right, I did, and it doesn't answer what you're telling me. Can we look together at what's helped?"),
        ("C", "Okay. The talking helps, I think. It's the homework that feels pointless."),
    ])
    # (Since session 45 the engagement models code "That's what you said a month ago." outright.)
    assert r["utterances"] == [3, 5] and set(r["signals"]) & {"suspected_unaddressed", "confrontation"} and r["kind"] == "confrontation"
    assert r["repair"]["utterance"] == 6 and r["repair"]["kind"] == "explicit" and r["recovery"] == 7 and r["repaired"]


def test_a_weak_sign_just_before_a_rupture_is_where_it_starts():
    [r] = ruptures([
        ("T", "You mentioned the argument with your partner. What happened?"),
        ("C", "He said I always shut down when things get hard, and I suppose I do."),
        ("T", "I wonder whether that's something you learned growing up. You've said your mum was very critical."),
        ("C", "Maybe."),
        ("T", "It's common for children of critical parents to learn that it's safer not to show feelings."),
        ("C", "I guess. Anyway, work's been busy this week."),
        ("T", "Can I check something? When I brought up your mum you changed the subject. Did that land badly?"),
        ("C", "A bit. I came to talk about him, not her. It feels like everything gets traced back to my childhood."),
    ])
    assert r["utterances"] == [3, 5] and r["kind"] == "withdrawal" and r["trigger"] == 2
    assert r["repair"]["utterance"] == 6 and r["recovery"] == 7 and r["repaired"]


def test_a_rupture_that_goes_on_takes_in_the_turn_between():
    [r] = ruptures([
        ("T", "Last time you said you'd like to work on your confidence at work."),
        ("C", "Yes. I freeze up in meetings."),
        ("T", "Have you tried preparing a few points beforehand?"),
        ("C", "Every single time. It doesn't matter, my mind still goes blank."),
        ("T", "Okay. Let's move on to your sleep diary."),
        ("C", "Sure."),
        ("T", "How many hours did you get on average?"),
        ("C", "I don't know. Five?"),
    ])
    assert r["utterances"] == [3, 5, 7] and not r["recovered"]


def test_owning_a_misstep_after_the_turn_taken_for_coming_back_extends_the_rupture():
    [r] = ruptures([
        ("T", "Good to see you. How have you been since we last met?"),
        ("C", "Well, it's been two weeks, since you cancelled on me."),
        ("T", "Yes, we had to reschedule. So, where would you like to start?"),
        ("C", "With two hours' notice. I'd taken the afternoon off work."),
        ("T", "You're right to be annoyed. I let you down, and you'd made real arrangements to be here. I'm sorry."),
        ("C", "Thanks. I'd psyched myself up to talk about the accident, and then it just didn't happen."),
    ])
    assert r["utterances"] == [1, 3] and "acknowledged" in r["signals"]
    assert r["repair"]["utterance"] == 4 and r["recovery"] == 5 and r["repaired"]


@pytest.mark.parametrize("reply", ["Two? I only just managed one.", "Every night? I work shifts."])
def test_echoing_the_advice_back_as_a_question_is_disbelief(reply):
    [r] = ruptures([
        ("T", "How was the week?"),
        ("C", "Better. I went to the book club I told you about, and everyone was friendly to me."),
        ("T", "That's great. I think you should aim to go to two groups every night next week."),
        ("C", reply),
    ])
    assert "discounting" in r["signals"] and r["kind"] == "confrontation"


def test_an_echo_after_a_question_is_no_rupture():
    assert ruptures([
        ("T", "How was the week?"),
        ("C", "Better. I went to the book club I told you about, and everyone was friendly to me."),
        ("T", "How many groups did you go to?"),
        ("C", "Two? Maybe three, I lose count."),
    ]) == []


def test_deferring_is_a_retreat_whatever_the_model_hears():
    [r] = ruptures([
        ("T", "We need to decide about respite care for your mum."),
        ("C", "Whatever you think is best."),
        ("T", "I'd suggest two weekends a month at Oakfield to start with."),
        ("C", "That's fine."),
        ("T", "And we'd look at a day centre on Wednesdays."),
        ("C", "You're the expert."),
    ])
    assert r["kind"] == "withdrawal" and r["utterances"][0] == 1 and 5 in r["utterances"]


def test_a_rejection_is_a_rupture_when_the_practitioner_owns_getting_it_wrong():
    [r] = ruptures([
        ("T", "Last session you said you were thinking about leaving your job. Where are you with that?"),
        ("C", "Still thinking. I've been really unhappy there for a while."),
        ("T", "It sounds like the workload has become too much for you."),
        ("C", "No, that's not it at all. I can handle the work."),
        ("T", "Ah, I got that wrong. So it's something other than the work itself. What is it?"),
        ("C", "It's that nobody notices. I've brought in three of our biggest clients and nobody has said a word."),
    ])
    assert r["utterances"] == [3] and r["kind"] == "confrontation" and r["repair"]["utterance"] == 4 and r["repaired"]


def test_a_correction_the_practitioner_takes_up_is_ordinary_talk():
    assert ruptures([
        ("T", "You look like today's been hard. Take your time."),
        ("C", "It's my mum. The care home rang last night, she's got worse. The driving up and down, the guilt."),
        ("T", "You're carrying so much, and the guilt is on top of all of it."),
        ("C", "No, it's not guilt exactly. It's more that I feel like I've already lost her."),
        ("T", "Ah, so it's grief, for someone who's still here."),
        ("C", "Yes. That's it. Nobody gets that."),
    ]) == []


def test_an_apology_for_pain_points_to_no_rupture():
    assert ruptures([
        ("T", "I'm going to bend your knee a bit further now."),
        ("C", "Ow! That's really sore."),
        ("T", "Sorry, I'll ease off. Is that better?"),
        ("C", "Yes, that's fine."),
        ("T", "Good. You've got about ten more degrees than last week."),
        ("C", "Really? That's brilliant. I've been doing the exercises every night."),
    ]) == []


def test_a_reproach_put_as_a_question_can_be_the_rupture_a_repair_points_to():
    [r] = ruptures([
        ("T", "Welcome back. How was your week?"),
        ("C", "Mixed. The weekend was hard."),
        ("T", "What happened at the weekend?"),
        ("C", "The wedding. My sister's wedding. I told you about it last week, don't you remember?"),
        ("T", "You did, and it slipped my mind. That's not okay when it mattered so much to you."),
        ("C", "It did matter. I was dreading seeing my dad there after everything."),
    ])
    assert r["utterances"] == [3] and r["kind"] == "confrontation" and r["repair"]["utterance"] == 4 and r["repaired"]


def test_a_closing_question_after_a_complaint_is_no_repair():
    [r] = ruptures([
        ("T", "So from what you've described, this sounds like a viral infection."),
        ("C", "I've had it for a week. I need antibiotics, I've got a big presentation on Friday."),
        ("T", "Antibiotics won't help with a virus, I'm afraid. Rest, fluids and paracetamol are the best things."),
        ("C", "I know my own body. Last time this happened I needed antibiotics to shift it."),
        ("T", "Every infection is different. Prescribing them when they're not needed adds to resistance."),
        ("C", "So you're refusing to give me anything."),
        ("T", "I'm recommending the right treatment. If it's not better in another week, come back."),
        ("C", "Unbelievable. I'll go somewhere else then."),
        ("T", "That's your choice. Is there anything else today?"),
        ("C", "No."),
    ])
    assert r["utterances"][:3] == [3, 5, 7] and r["repair"] is None and not r["recovered"]


@pytest.mark.parametrize("text, strong", [("(silence)", True), ("...", True), ("[shrugs]", True),
                                          ("(long pause) I suppose.", False)])
def test_a_transcribers_note_of_silence_is_a_bare_answer(text, strong):
    confidence, _ = minimal_answer(text)
    assert (confidence >= 0.8) == strong


def test_a_note_beside_real_words_is_not_a_bare_answer():
    assert minimal_answer("(laughs) Yeah, it was great fun actually.") is None


@pytest.mark.parametrize("text, code", [
    ("See, that's exactly what I mean. Whatever.", "withdrawal"),
    ("I guess. Anyway, work's been busy this week.", "withdrawal"),
    ("Yeah. Anyway, I've been meaning to tell you, I got the promotion.", "withdrawal"),
    ("Can I go now?", "withdrawal"),
    ("Don't bother. I'll be ringing my councillor.", "confrontation"),
    ("I said no. I'm not a child.", "confrontation"),
    ("Right. Well, thanks for nothing.", "confrontation"),
    ("I'm not depressed. Don't put labels on me.", "confrontation"),
    ("Why? So you can write it all down and pass it on?", "confrontation"),
])
def test_new_client_wordings(text, code):
    assert code in {h.code for h in apply_rules(text, C)}


@pytest.mark.parametrize("text", [
    "That sounded a bit like a telling-off, and I didn't mean it as one.",
    "Can I check something? When I brought up your mum you changed the subject. Did that land badly?",
    "You're right, I did, and it doesn't answer what you're telling me.",
    "That's a lot of changes in one go, and I've hardly asked you anything.",
    "I let you down, and I'm sorry.",
    "I hear a clear no, and I pushed past it the first time.",
    "You laughed just then, but what you told me sounded really painful.",
    "I ask because two of your medicines can react with each other.",
    "That's a really important thing to ask, and I should have explained at the start.",
])
def test_new_repair_wordings(text):
    assert "repair" in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text", ["Does that sound like a goal you want to work on now?",
                                  "Or does it feel like I want to hang out with my friends?"])
def test_asking_about_a_plan_is_not_asking_how_it_landed(text):
    assert "repair" not in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text", [
    "So I'll need you to commit to both sessions daily from now on.",
    "Honestly, if you're not doing them it's going to stay stiff.",
    "There's only so much I can do in here once a week.",
    "You know if you keep missing days they'll involve your mum again.",
    "And try to drink more water. Swap the fizzy drinks for water too.",
    "A food diary would help, so we can see what's happening.",
    "It might help to remember that everything happens for a reason.",
    "You have to be proactive.",
])
def test_new_directive_wordings(text):
    assert DIRECTIVE_CUES.search(text)


def test_trying_is_going_along_and_forgetting_is_owned():
    assert GOING_ALONG.match("Yeah, I'll try.")
    assert MISSTEP.search("Sorry, you did tell me that, and I forgot.")


def test_words_nobody_could_make_out_may_have_been_an_answer():
    assert minimal_answer("I don't really know [unintelligible 00:01:04]") is None


def test_a_warning_and_curt_replies_are_a_rupture_nothing_repairs():
    [r] = ruptures([
        ("T", "You missed your appointment on Tuesday."),
        ("C", "I had to work. I sent a text."),
        ("T", "A text isn't enough. That's a warning on your file."),
        ("C", "Right."),
        ("T", "Next time it's a breach. Do you understand?"),
        ("C", "Yep."),
        ("T", "Any changes to your address or work that I need to know about?"),
        ("C", "No."),
        ("T", "Okay, see you in two weeks."),
    ])
    # "Any changes...?" is still taken for an attempt (an open question); it is not a repair,
    # as nothing came back.
    assert r["utterances"][:2] == [3, 5] and not r["recovered"] and not r["repaired"]


def test_trailing_off_before_a_non_answer_is_a_non_answer():
    confidence, _ = minimal_answer("It felt... I don't know. Fine, I suppose.")
    assert confidence >= 0.8 and minimal_answer("I went to the... the shop and bought bread.") is None


@pytest.mark.parametrize("text, repair", [
    ("I think I've overwhelmed you with all that.", True),
    ("I jumped in before you were ready.", True),
    ("I think I tried to cheer you up when what you needed was for me to listen.", True),
    ("I'm aware I keep coming back to your drinking.", True),
    ("I was there when you needed me.", False),
    ("I've pushed you hard this week and you did brilliantly.", False),
])
def test_what_the_practitioner_did_to_the_client_in_the_talk_is_owned(text, repair):
    assert ("repair" in {h.code for h in apply_rules(text, P)}) == repair


def test_turning_aside_goes_on_with_a_rupture_left_unaddressed():
    [r] = ruptures([
        ("T", "Your essay was two days late, so I've capped the mark at forty."),
        ("C", "I emailed you about my grandad's funeral. Did you even read it?"),
        ("T", "I get a lot of emails. You should have applied for an extension through the system."),
        ("C", "Nobody told me there was a system."),
        ("T", "It's in the handbook."),
        ("C", "Right. Brilliant. So my grade's ruined because of a form."),
        ("T", "Those are the rules, I'm afraid."),
        ("C", "I'll take it to the head of department."),
    ])
    assert r["utterances"] == [1, 3, 5, 7] and r["kind"] == "confrontation" and not r["recovered"]


def test_asking_the_practitioner_about_their_weekend_deflects():
    [r] = ruptures([
        ("T", "You said your partner has been drinking more. How has that been for you?"),
        ("C", "It's fine, he's just stressed. How was your weekend?"),
        ("T", "It was good, thanks. I notice you turned the question round just now. It might be hard to talk about him."),
        ("C", "Yeah. I feel disloyal talking about him behind his back. But it's getting worse, he was sick in the car."),
    ])
    assert r["utterances"] == [1] and r["kind"] == "withdrawal" and r["repair"]["utterance"] == 2 and r["repaired"]


def test_returning_a_greeting_is_no_deflection():
    assert "withdrawal" not in {h.code for h in apply_rules("I'm doing all right. How are you?", C)}


def test_a_correction_of_what_the_client_said_is_a_rupture_the_practitioner_owns():
    [r] = ruptures([
        ("T", "So last time you said you wanted to go back to college full-time."),
        ("C", "I never said full-time. I said part-time, because of my kids."),
        ("T", "Thank you for correcting me, I had that wrong in my notes. Part-time around the kids, then. What hours would work?"),
        ("C", "School hours, really. Nine till three, Monday to Thursday."),
    ])
    assert r["utterances"] == [1] and r["repair"]["utterance"] == 2 and r["recovery"] == 3


def test_curt_replies_to_a_diagnosis_and_a_plan_the_practitioner_takes_up():
    [r] = ruptures([
        ("T", "The blood tests show that you have type 2 diabetes."),
        ("C", "Right."),
        ("T", "It's very manageable. We'll start you on metformin and refer you to a dietitian."),
        ("C", "Okay."),
        ("T", "That's a lot of news at once. How are you feeling about it?"),
        ("C", "Scared, honestly. My dad lost his foot to diabetes."),
    ])
    # Since session 40 the owned misstep takes in the whole run of curt replies ("Right." / "Okay.").
    assert r["utterances"] == [1, 3] and r["kind"] == "withdrawal" and r["repair"]["utterance"] == 4 and r["repaired"]
