"""Session 46's rupture and repair readings (docs/history/ruptures.md, "Session 46"): each
with a short session written here and, where the reading could overreach, a look-alike it
must leave alone."""

import pytest
from tests.rupture_helpers import C, P, analyzed, coded, found

from rapportlens import Role
from rapportlens.rapport.rupture_cues import AGREEING_NO


def test_a_sarcastic_question_the_practitioner_owns_a_misstep_after_is_the_rupture():
    conv = analyzed([
        ("W", "Your manager has referred you because of your time off."),
        ("C", "I've been off with a broken ankle. It's in a boot."),
        ("W", "We look at every absence the same way."),
        ("C", "So breaking my ankle is a disciplinary matter now?"),
        ("W", "No, it isn't, and I put that badly. This is about what you need to come back. When does the boot come off?"),
        ("C", "Three weeks. I could work from home before then."),
    ])
    assert found(conv) == [([3], 4)]


def test_a_question_asking_for_more_before_an_owned_misstep_is_still_taking_part():
    conv = analyzed([
        ("W", "Try the breathing exercise twice a day."),
        ("C", "Okay. Is there an app for that, or a video I could follow?"),
        ("W", "Sorry, I should have said. There's one on the leaflet; I'll show you."),
        ("C", "Great, thanks."),
    ])
    assert found(conv) == []


@pytest.mark.parametrize("text", [
    "You do, and I shouldn't have brushed it off.",
    "I should've asked before giving you all that.",
    "I shouldn't have interrupted you there.",
])
def test_saying_one_should_not_have_done_it_is_a_repair(text):
    assert coded(text, "repair", P)


@pytest.mark.parametrize("text", [
    "You should have told me about the rash sooner.",
    "Maybe you shouldn't have stopped the tablets.",
])
def test_telling_the_client_what_they_should_have_done_is_not(text):
    assert not coded(text, "repair", P)


def test_a_brushed_off_complaint_owned_is_repaired():
    conv = analyzed([
        ("W", "I think the tiredness might just be stress."),
        ("C", "It's not stress. Something's wrong."),
        ("W", "Your scan was clear."),
        ("C", "Then do another scan. I know my own body."),
        ("W", "You do, and I shouldn't have brushed it off. Let's check your bloods and see you in a fortnight."),
        ("C", "Thank you. That's all I wanted."),
    ])
    assert [r for _, r in found(conv)] == [4]


def test_naming_that_the_topic_was_left_owns_the_retreat():
    conv = analyzed([
        ("W", "You said your sister hasn't called since the wedding."),
        ("C", "Yeah. Anyway, I've started swimming again. Forty lengths on Friday."),
        ("W", "That's great. Going back to your sister, what happened between you?"),
        ("C", "I'm thinking of trying the open water club in May."),
        ("W", "I notice we've moved off your sister twice now. Maybe I've pushed into that too soon. We can come back to it."),
        ("C", "Thanks. It's still raw. Maybe next week."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 4 and found(conv)[0][0][0] in (1, 3)


def test_no_to_a_negative_statement_agrees_and_starts_no_standoff():
    conv = analyzed([
        ("W", "How have the weeks been since the funeral?"),
        ("C", "Hard. The flat is so quiet without her."),
        ("W", "The quiet is often the hardest part."),
        ("C", "I keep laying two places at the table."),
        ("W", "A habit of fifty years doesn't stop overnight."),
        ("C", "No. My son says I should move in with him, but I'm not ready."),
        ("W", "What would being ready look like?"),
        ("C", "I don't know yet. When I can sit in her chair, maybe."),
    ])
    assert found(conv) == []
    assert AGREEING_NO.match("No. My son says...") and AGREEING_NO.match("No, it doesn't.")
    assert not AGREEING_NO.match("No, that's not it at all.") and not AGREEING_NO.match("Nobody listens.")


def test_asking_to_finish_early_after_a_lecture_is_a_retreat_the_repair_answers():
    conv = analyzed([
        ("T", "This week I'd like you to keep a sleep diary: bedtime, waking time, every time you wake in the night."),
        ("C", "Mm-hm."),
        ("T", "And rate how rested you feel each morning, from one to ten."),
        ("C", "Sure. Can we finish a bit early today?"),
        ("T", "Hang on. I think I've been talking at you for ten minutes. How is this landing for you?"),
        ("C", "Honestly, I've tried diaries. They make me feel like I'm failing at homework."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 4 and found(conv)[0][0][0] in (1, 3)


@pytest.mark.parametrize(("text", "code", "role"), [
    ("Can we wrap up early today?", "withdrawal", C),
    ("I'm wondering if something I said last week didn't sit right.", "repair", P),
    ("Did something I said upset you?", "repair", P),
])
def test_new_wordings_are_coded(text, code, role):
    assert coded(text, code, role)


@pytest.mark.parametrize(("text", "code", "role"), [
    ("We finish at five, so can we book the next one now?", "withdrawal", C),
    ("Something I said to my sister upset her.", "repair", P),
])
def test_look_alikes_are_not(text, code, role):
    assert not coded(text, code, role)


def test_short_answers_named_with_a_wondered_misstep_is_a_repaired_retreat():
    conv = analyzed([
        ("T", "Last week you mentioned the panic attacks at the supermarket."),
        ("C", "Yeah."),
        ("T", "Have there been any more?"),
        ("C", "Two."),
        ("T", "What happened?"),
        ("C", "Same as always."),
        ("T", "You're giving me short answers today, and I'm wondering if something I said last week didn't sit right."),
        ("C", "You said I was avoiding things. It felt like you thought I wasn't trying."),
        ("T", "I'm glad you told me. That's not what I meant, and I can see how it sounded."),
        ("C", "Okay. Thanks. The second one was on the way here, actually."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] in (6, 8) and found(conv)[0][0][0] in (1, 3, 5)


@pytest.mark.parametrize(("text", "code", "role"), [
    ("You're absolutely right, as always.", "confrontation", C),
    ("Unbelievable. So now I'm a bad mother.", "confrontation", C),
    ("I felt a bit judged last time, when you said I was overreacting.", "confrontation", C),
    ("It makes sense you'd be annoyed with me for that.", "repair", P),
])
def test_session_115_and_116_wordings_are_coded(text, code, role):
    assert coded(text, code, role)


@pytest.mark.parametrize(("text", "code", "role"), [
    ("You were right, as it turned out.", "confrontation", C),
    ("So now I'm a single mum, and it's hard.", "confrontation", C),
    ("I felt judged by my family for years.", "confrontation", C),
    ("My sister was annoyed with me for missing the party.", "repair", P),
])
def test_session_115_and_116_look_alikes_are_not(text, code, role):
    assert not coded(text, code, role)


def test_sarcastic_agreement_repaired_by_naming_the_irritation():
    conv = analyzed([
        ("T", "I wonder whether the extra shifts are partly a way of not being at home."),
        ("C", "You're absolutely right, as always."),
        ("T", "It makes sense you'd be irritated with me for that. It was a big leap. What was it like to hear?"),
        ("C", "Like you'd decided you know my life better than I do."),
        ("T", "That's fair. You know your life. What do the shifts give you?"),
        ("C", "Money, mostly. We're behind on the rent and I'm scared of losing the flat."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][0][0] == 1 and found(conv)[0][1] == 2


def test_curt_replies_to_a_spending_lecture_are_a_retreat():
    conv = analyzed([
        ("W", "Your spending on takeaways is over three hundred a month."),
        ("C", "I know."),
        ("W", "That has to stop if you want the plan to work."),
        ("C", "Fine."),
        ("W", "And the gym membership."),
        ("C", "Fine."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] is None


def test_in_a_group_a_member_answering_past_another_member_is_read_against_the_practitioner():
    conv = analyzed([
        ("Facilitator", "Let's start with a check-in. Joe, how was your week?"),
        ("Joe", "Good, actually. I went to the job fair."),
        ("Facilitator", "Great. Amy?"),
        ("Amy", "Not great. My benefits were cut again."),
        ("Facilitator", "I'm sorry to hear that. Let's come back to that later. Rob?"),
        ("Rob", "I've been okay."),
        ("Amy", "Later. Right. It's always later for me."),
        ("Facilitator", "You're right, Amy, that wasn't fair. It shouldn't wait. What happened with the benefits?"),
        ("Amy", "They say I missed an appointment I was never told about."),
    ], roles={"Facilitator": P, "Joe": Role.MEMBER, "Amy": Role.MEMBER, "Rob": Role.MEMBER})
    assert found(conv) == [([6], 7)]
    assert conv.features["ruptures"][0]["speaker"] == "Amy"


def test_two_members_joining_one_complaint_make_one_rupture_for_one_repair():
    conv = analyzed([
        ("Worker", "Any ideas where you'd like to go for the trip?"),
        ("Jade", "The beach! Somewhere with arcades."),
        ("Marcus", "Or the climbing centre in town."),
        ("Worker", "Both good. Although last year the beach got out of hand, so I think climbing is safer."),
        ("Jade", "Why even ask us then? You'd already decided."),
        ("Aisha", "Yeah, it's always like this."),
        ("Worker", "You're right, I asked for your ideas and then overruled them. That's not fair. Let's vote properly."),
        ("Jade", "Okay, that's better. I still vote beach, but I'd climb if it rains."),
    ], roles={"Worker": P, "Jade": Role.MEMBER, "Marcus": Role.MEMBER, "Aisha": Role.MEMBER})
    assert [r for _, r in found(conv)] == [6]


@pytest.mark.parametrize(("text", "code", "role"), [
    ("Course you will. You lot are all the same.", "confrontation", C),
    ("I'm not doing homework.", "confrontation", C),
    ("So I'm meant to do it at midnight, am I?", "confrontation", C),
    ("I think I kept steering us back to her when you wanted to talk about work.", "repair", P),
])
def test_set_117_and_118_wordings_are_coded(text, code, role):
    assert coded(text, code, role)


@pytest.mark.parametrize(("text", "code", "role"), [
    ("I'm not doing too badly, thanks.", "confrontation", C),
    ("So I'm meant to be there at ten, is that right?", "confrontation", C),
    ("My kids are all the same at bedtime.", "confrontation", C),
    ("I kept bringing my lunch back home uneaten.", "repair", P),
])
def test_set_117_and_118_look_alikes_are_not(text, code, role):
    assert not coded(text, code, role)


def test_a_warning_after_a_refusal_pushes_on_and_is_no_repair():
    conv = analyzed([
        ("W", "Okay, Stan, let's get you up and walking with the frame."),
        ("C", "I'm not ready."),
        ("W", "You've been in bed three days. The longer you stay there, the weaker you'll get."),
        ("C", "I said I'm not ready. I nearly fell yesterday."),
        ("W", "I didn't know you nearly fell. That changes things. What happened?"),
        ("C", "My leg just went. The nurse caught me, thank goodness."),
    ])
    assert [r for _, r in found(conv)] == [4]
    assert coded("I said I'm not ready.", "confrontation", C)
    assert not coded("I said I'd ring her back tonight.", "confrontation", C)


def test_a_question_justified_instead_of_heard_is_no_repair():
    conv = analyzed([
        ("T", "How much are you drinking at the moment, roughly?"),
        ("C", "Why does it matter?"),
        ("T", "It helps me understand the whole picture."),
        ("C", "I came about my sleep, not my drinking."),
        ("T", "Okay. Let's start with your sleep, then, since that's what you came for. What are your nights like?"),
        ("C", "I'm awake at three every morning, heart racing, and I can't get back off."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 4 and found(conv)[0][0][0] in (1, 3)
    assert not coded("I came here about my knee and the physio helped a lot.", "confrontation", C)


def test_in_a_group_coming_down_hard_owned_after_apologising_marks_the_members_retreat():
    conv = analyzed([
        ("Facilitator", "Who tried the breathing exercise this week?"),
        ("Liz", "I did, most nights. It helped me sleep."),
        ("Facilitator", "Brilliant. Tom?"),
        ("Tom", "Once."),
        ("Facilitator", "Only once? You really need to practise it daily for it to work."),
        ("Tom", "Right."),
        ("Nadia", "I forgot, to be honest. Work was mad."),
        ("Facilitator", "That's okay, Nadia. Tom, what got in the way?"),
        ("Tom", "Nothing. I just didn't."),
        ("Facilitator", "I think I came down on you a bit hard there, Tom, and I'm sorry. What was it like the one time you tried?"),
        ("Tom", "Weird. I felt stupid breathing on my own in the kitchen."),
    ], roles={"Facilitator": P, "Liz": Role.MEMBER, "Tom": Role.MEMBER, "Nadia": Role.MEMBER})
    [r] = conv.features["ruptures"]
    assert r["speaker"] == "Tom" and r["repair"]["utterance"] == 9 and set(r["utterances"]) & {3, 5, 8}
    assert coded("I was a bit sharp with you earlier, and I'm sorry.", "repair", P)
    assert not coded("My boss was a bit sharp with me earlier.", "repair", P)


def test_insisting_on_ones_own_say_and_owning_trying_to_talk_them_out_of_it():
    conv = analyzed([
        ("W", "Let's talk about your birth plan. Have you thought about pain relief?"),
        ("C", "I want an epidural."),
        ("W", "Lots of women find they don't need one once they're in labour. There's the pool, gas and air..."),
        ("C", "I know what I want."),
        ("W", "It's just good to keep an open mind."),
        ("C", "It's my body."),
        ("W", "It is, and it's your decision. I'm sorry, I was trying to talk you out of it. Let's write epidural first."),
        ("C", "My mum as my birth partner, then. And no students, please."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 6 and found(conv)[0][0][0] in (3, 5)
    assert not coded("I know what I want for my birthday: a quiet day.", "confrontation", C)
    assert not coded("It's my body that lets me down, not my mind.", "confrontation", C)


def test_questions_turned_on_the_practitioner_named_mark_the_deflection():
    conv = analyzed([
        ("T", "When you think about the fall, what feelings come up?"),
        ("C", "How long have you been doing this job, anyway?"),
        ("T", "About ten years. But I'm curious about the fall."),
        ("C", "Do you like it? Must be depressing, hearing people moan all day."),
        ("T", "I notice each time I ask about the fall, we end up talking about me. Maybe it's too soon, and that's okay."),
        ("C", "Maybe just how I'm sleeping, then. The fall stuff, I can't yet."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 4 and found(conv)[0][0][0] in (1, 3)


def test_the_same_answer_from_everyone_complains():
    assert coded("I've been to three doctors and they all say the same.", "confrontation", C)
    assert not coded("My sisters and I all wore the same dress.", "confrontation", C)


def test_with_two_practitioners_the_services_failure_owned_marks_the_complaint():
    conv = analyzed([
        ("Dr Shah", "Thanks for coming in. I'm Dr Shah, and this is Nurse Kemi."),
        ("Nurse Kemi", "We wanted to talk about your dad's care plan."),
        ("Daughter", "Finally. We've been asking for a meeting for weeks."),
        ("Dr Shah", "We've been very busy on the ward."),
        ("Daughter", "So has he. Lying in a wet bed for an hour on Sunday."),
        ("Nurse Kemi", "That should never have happened, and I'm sorry. I've looked into it and I'll tell you what went wrong."),
        ("Daughter", "Thank you. That's all we wanted, someone to be straight with us."),
    ], roles={"Dr Shah": P, "Nurse Kemi": P, "Daughter": C})
    assert len(found(conv)) == 1 and found(conv)[0][1] == 5 and found(conv)[0][0][0] in (2, 4)


def test_sympathy_for_what_others_did_owns_nothing():
    conv = analyzed([
        ("W", "How have things been since you left him?"),
        ("C", "Better. I still think about what he did to me, though. He locked me out in the snow."),
        ("W", "That should never have happened to you. How are you sleeping now?"),
        ("C", "Better than before. I've got my own place now and a lock on the door."),
    ])
    assert found(conv) == []


def test_a_warning_of_what_follows_makes_the_objection_after_it_pushback():
    conv = analyzed([
        ("W", "How are you getting on with the splint?"),
        ("C", "I've stopped wearing it. It digs in."),
        ("W", "You'll damage the tendon for good without it."),
        ("C", "Well, I can't work with it on."),
        ("W", "Okay, that's a real problem, and I should have asked how it fitted before telling you off. Let's look at a softer one."),
        ("C", "Is there such a thing?"),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 4


def test_moving_on_from_an_objection_is_no_repair():
    conv = analyzed([
        ("W", "I've had complaints that you've been short with customers."),
        ("C", "From who?"),
        ("W", "I can't say. But it needs to stop."),
        ("C", "So I don't even get to know what I supposedly did."),
        ("W", "It's confidential."),
        ("C", "Brilliant. Great system."),
        ("W", "Let's just focus on improving."),
        ("C", "Fine."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] is None


def test_owning_holding_on_to_a_topic_marks_the_denials_before_it():
    conv = analyzed([
        ("T", "Last week you said you wanted to talk about your sister."),
        ("C", "Did I? I don't remember that."),
        ("T", "You said she'd been in touch."),
        ("C", "Oh. Yeah. It's nothing."),
        ("T", "It seemed like a big deal last week."),
        ("C", "Well, it isn't."),
        ("T", "I might be holding on to it more than you want me to. We don't have to go there. What's on your mind today?"),
        ("C", "Honestly, I'm worried about my exams. I've got three next week and I haven't slept."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] == 6 and found(conv)[0][0][0] in (1, 3, 5)
