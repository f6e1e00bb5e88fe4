"""Ruptures and repairs from session 44's written sets (eval/sessions/set69-82): bad news
answered in single words, two bare non-answers after advice, dares after a warning,
repeating oneself unheard, a profession blamed, goals for a family that are no complaint,
and repairs that normalise a reaction, stop to let news sink in or follow the client's
lead (docs/analyzers/ruptures.md)."""

import pytest
from tests.rupture_helpers import C, P, analyzed, coded, found

from rapportlens.coding.engagement import ADDRESSED, SHARED_WISH
from rapportlens.rapport.rupture_cues import (
    ACKNOWLEDGING_CUES,
    BAD_NEWS,
    CONCEDING_POINT,
    DIRECTIVE_CUES,
    DISCOUNTING,
)


def test_bad_news_answered_in_single_words_is_a_retreat_and_stopping_repairs_it():
    conv = analyzed([
        ("W", "The scan showed the lump is cancer. I'm so sorry."),
        ("C", "Okay."),
        ("W", "It's small, and surgery is usually the first step, then we talk about treatment after that."),
        ("C", "Mm."),
        ("W", "Let me stop there. That's a lot to take in. What's going through your mind?"),
        ("C", "Mostly my children, and who will tell them."),
    ])
    assert found(conv) == [([1, 3], 4)]
    assert "stunned" in conv.features["ruptures"][0]["signals"]


def test_good_news_answered_in_single_words_is_not():
    conv = analyzed([
        ("W", "The scan was clear, so nothing more to do there."),
        ("C", "Okay."),
        ("W", "We'll see you again in a year for the routine check."),
        ("C", "Great."),
    ])
    assert found(conv) == []


def test_one_word_after_bad_news_then_a_question_answered_is_not():
    conv = analyzed([
        ("W", "I'm afraid the results weren't what we hoped for."),
        ("C", "Right."),
        ("W", "Would you like me to go through them now?"),
        ("C", "Yes."),
    ])
    assert found(conv) == []


@pytest.mark.parametrize("text", [
    "I'm afraid your post is one of those affected by the restructure.",
    "Unfortunately the biopsy confirmed it's malignant.",
    "The scan showed a tumour on the left side.",
])
def test_bad_news_is_read(text):
    assert BAD_NEWS.search(text)


@pytest.mark.parametrize("text", ["I'm afraid of heights too, to be honest.", "The scan showed nothing worrying."])
def test_other_news_is_not(text):
    assert not BAD_NEWS.search(text)


def test_two_bare_answers_after_advice_are_a_retreat():
    conv = analyzed([
        ("W", "So, the promotion. I think you should go for it."),
        ("C", "I suppose."),
        ("W", "You've got the experience. What's stopping you?"),
        ("C", "Nothing really."),
    ])
    assert found(conv) == [([1, 3], None)]


def test_two_bare_answers_to_questions_are_not():
    conv = analyzed([
        ("W", "Did anything happen at the weekend?"),
        ("C", "Not really."),
        ("W", "Anything on your mind today?"),
        ("C", "Nothing really."),
    ])
    assert found(conv) == []


def test_a_dare_after_a_warning_goes_on_with_the_rupture():
    conv = analyzed([
        ("W", "You've not handed in the last three homeworks, Callum."),
        ("C", "And?"),
        ("W", "And if it carries on I'll be calling home."),
        ("C", "Go on then."),
        ("W", "Right, I will."),
    ])
    assert found(conv) == [([1, 3], None)]
    assert DIRECTIVE_CUES.search("You haven't turned in your coursework since March.")
    assert not DIRECTIVE_CUES.search("You haven't done anything wrong.")
    assert not DISCOUNTING.search("And then what happened?")


@pytest.mark.parametrize("text", [
    "It's my sister. I told you last week.",
    "You doctors never believe anyone. I can barely sit at my desk.",
    "I've stopped them. They make it worse, so what's the point?",
])
def test_unheard_blamed_and_pointless_are_pushback(text):
    assert coded(text, "confrontation", C)


@pytest.mark.parametrize("text", [
    "My dad told me last week that he's selling the house.",
    "You people at the front desk were lovely, by the way.",
    "I failed the test again, so what's the point of worrying now?",
])
def test_look_alikes_are_not(text):
    assert not coded(text, "confrontation", C)


def test_a_wish_for_the_family_is_not_addressed_to_the_practitioner():
    assert not ADDRESSED.search(SHARED_WISH.sub(" ", "I'd like us to stop shouting at each other every morning."))
    assert ADDRESSED.search(SHARED_WISH.sub(" ", "I'd like you to stop interrupting me."))


@pytest.mark.parametrize("text", [
    "You've put in six weeks and seen nothing for it. That would wear anyone down.",
    "That's a lot to take in.",
])
def test_normalising_a_reaction_is_validation(text):
    assert coded(text, "validation", P)


def test_following_the_clients_lead_repairs():
    assert ACKNOWLEDGING_CUES.search("Sure, we can. We don't have to start there. What's been the best bit of your week?")
    conv = analyzed([
        ("W", "Your head of year says you've been getting into fights. What's going on?"),
        ("C", "Can we talk about something else?"),
        ("W", "Sure. We don't have to start there. What's been the best bit of your week?"),
        ("C", "Football on Wednesday. I scored twice and the coach noticed."),
    ])
    assert found(conv) == [([1], 2)]


def test_left_out_in_a_group_is_pushback_and_conceding_it_repairs():
    assert coded("We always start with Anna. Some of us never get a proper turn.", "confrontation", C)
    assert not coded("We never get a proper summer here, it just rains.", "confrontation", C)
    conv = analyzed([
        ("F", "Let's go round and share one thing from this week. Anna, do you want to start?"),
        ("A", "Sure. I went to the supermarket on my own for the first time in months."),
        ("F", "That's a big step, Anna. Well done."),
        ("B", "We always start with Anna. Some of us never get a proper turn."),
        ("F", ("You're right, Ben, I do tend to start in the same place, and that's not fair on everyone. "
               "Would you like to go next?")),
        ("B", "Yeah, thanks. I've had a rough week, actually. My landlord's selling up."),
    ], roles={"F": P, "A": C, "B": C})
    assert found(conv) == [([3], 4)]


def test_a_hedge_after_the_bright_side_is_a_retreat_that_more_blessings_do_not_repair():
    conv = analyzed([
        ("W", "How have things been since the funeral?"),
        ("C", "Quiet. I keep setting two places at the table without thinking."),
        ("W", "Well, at least you had forty wonderful years together. A lot of people never get that."),
        ("C", "I suppose."),
        ("W", "And you've got your daughter nearby, which is lovely."),
        ("C", "Yes."),
    ])
    (utterances, repair), = found(conv)
    assert utterances[0] == 3 and repair is None


def test_a_hedge_after_a_plain_question_is_not():
    conv = analyzed([
        ("W", "How have things been since the funeral?"),
        ("C", "Quiet. I keep setting two places at the table without thinking."),
        ("W", "Would it help to talk about the table?"),
        ("C", "I suppose."),
        ("W", "What happens when you notice the second place?"),
        ("C", "I sit there and look at it for a while, and then I put it back in the cupboard."),
    ])
    assert found(conv) == []


@pytest.mark.parametrize("text", [
    "Finally. You lot have ignored my emails for three months.",
    "I've been waiting fifty minutes past my appointment time.",
])
def test_ignored_or_kept_waiting_is_pushback(text):
    assert coded(text, "confrontation", C)


@pytest.mark.parametrize("text", [
    "I've been waiting for this weekend for ages, we're going camping.",
    "My sister ignored my emails for three months.",
])
def test_waiting_and_ignoring_elsewhere_are_not(text):
    assert not coded(text, "confrontation", C)


def test_owning_an_unanswered_complaint_repairs_a_courtesy_does_not():
    assert coded("Three months is far too long, and I'm sorry nobody got back to you.", "repair", P)
    assert not coded("I'm sorry about the wait. Can I take your address first?", "repair", P)
    assert ACKNOWLEDGING_CUES.search("We've had an emergency this morning, but that's no comfort when you've been sat there.")


def test_a_brush_off_after_a_dodged_task_is_a_retreat():
    conv = analyzed([
        ("W", "Last week you said you'd think about calling your brother. Did you?"),
        ("C", "Ha, did you see the match on Saturday? Unbelievable."),
        ("W", "I didn't, no. So, your brother. Did you call him?"),
        ("C", "Not yet."),
        ("W", "What's stopping you?"),
        ("C", "Dunno. Busy."),
    ])
    # Since session 45 the engagement models also read the dodge itself as the retreat's start.
    assert [u for u, _ in found(conv)] in ([[5]], [[1, 3, 5]])


def test_told_again_and_left_to_find_the_time_is_pushback():
    assert coded("You keep telling me to practise with him, but when am I supposed to fit it in? I work till six.",
                 "confrontation", C)
    assert coded("How am I supposed to afford that on what I earn?", "confrontation", C)
    assert not coded("When am I supposed to take the second tablet?", "confrontation", C)


def test_giving_in_after_fear_is_brushed_off_is_a_retreat():
    conv = analyzed([
        ("W", "Right, we're going to do the filling today. It won't take long."),
        ("C", "I'm really nervous about needles. Last time it hurt a lot."),
        ("W", "Oh, you'll be fine. It won't take a minute."),
        ("C", "Fine. Just get it over with."),
        ("W", "Open wide for me."),
    ])
    assert found(conv) == [([3], None)]


def test_an_eye_on_the_clock_is_pushback_and_sorry_you_are_right_concedes():
    assert coded("I did have a few, but you've looked at the clock three times since I sat down.", "confrontation", C)
    assert not coded("I looked at the clock and it was already three.", "confrontation", C)
    conv = analyzed([
        ("W", "Blood pressure's fine. Any questions before you go?"),
        ("C", "I did have a few, but you keep checking your watch."),
        ("W", "I'm sorry, you're right, I have been, and that's not fair on you. What did you want to ask?"),
        ("C", "Mainly about the birth plan. I'd like to try the pool if it's free."),
    ])
    assert found(conv) == [([1], 2)]


def test_a_conceded_point_marks_pushback_the_rules_do_not_know():
    complaint = "Every time I bring up my mum, we end up on my diet instead."
    assert not coded(complaint, "confrontation", C)
    conv = analyzed([
        ("W", "Let's look at your food diary from this week."),
        ("C", complaint),
        ("W", "That's a fair point. Let's leave the diary. What did you want to say about your mum?"),
        ("C", "She's moving into a home next month and I feel awful about it."),
    ])
    assert found(conv) == [([1], 2)]
    assert conv.features["ruptures"][0]["signals"] == ["acknowledged"]


def test_conceding_a_preference_or_rebutting_marks_nothing():
    conv = analyzed([
        ("W", "Have you thought about veterinary nursing?"),
        ("C", "I have, but I'm not sure about the science side. I'd rather something hands-on."),
        ("W", "Fair enough. Animal care apprenticeships are very hands-on. Shall we look at a few?"),
        ("C", "Yes please."),
    ])
    assert found(conv) == []
    assert not CONCEDING_POINT.match("That's true. However, research shows any habit can be broken.")
    assert not CONCEDING_POINT.match("Of course you can talk to me.")
    assert CONCEDING_POINT.match("I'm sorry, you're right, I have been.")


def test_an_account_called_a_lie_and_rebutted_for_the_record_is_unrepaired():
    assert coded("That's a lie. I was in by ten both nights.", "confrontation", C)
    assert coded("So my word counts for nothing.", "confrontation", C)
    assert not coded("That's a lovely idea, I was in by ten anyway.", "confrontation", C)
    conv = analyzed([
        ("W", "I've had a report from your hostel that you came in after curfew twice."),
        ("C", "That's a lie. I was in by ten both nights."),
        ("W", "The staff logged it, so I have to go with what they've recorded."),
        ("C", "So my word counts for nothing."),
        ("W", "It's not about your word. It's about the record."),
        ("C", "Right."),
    ])
    assert [rep for _, rep in found(conv)] == [None]


def test_contradicting_criticism_is_pushback_and_show_me_checks_not_repairs():
    assert DISCOUNTING.search("I did them every day.")
    assert not DISCOUNTING.search("I did it because I wanted to improve myself.")
    assert DIRECTIVE_CUES.search("Show me how you've been doing the first one.")
    conv = analyzed([
        ("W", "Your shoulder hasn't improved much. You must not have been doing the exercises properly."),
        ("C", "I did them every day."),
        ("W", "Show me how you've been doing the first one."),
        ("C", "Like this."),
    ])
    assert found(conv) == [([1], None)] or found(conv) == [([1, 3], None)]


@pytest.mark.parametrize("text", [
    "It feels like you just don't like me.",
    "What? Speak up, I can't hear you when you mumble like that.",
])
def test_disliked_or_mumbled_at_is_pushback(text):
    assert coded(text, "confrontation", C)


def test_leaving_curtly_when_put_off_is_a_retreat():
    assert coded("Fine. See you next week then.", "withdrawal", C)
    assert not coded("Okay. See you next week then.", "withdrawal", C)
    conv = analyzed([
        ("W", "We're nearly out of time. Anything else before we finish?"),
        ("C", "Actually, yes. Something happened with my brother at the weekend that I wanted to talk about."),
        ("W", "Let's make that the first thing next week. We really do need to stop there."),
        ("C", "Fine. See you next week then."),
    ])
    assert found(conv) == [([3], None)]


def test_my_fault_owns_a_misstep():
    assert coded("Sorry, Mr Evans, that's my fault. I'll face you and speak up.", "repair", P)


def test_arrears_and_a_warning_answered_curtly_then_acknowledged():
    assert DIRECTIVE_CUES.search("You're now eight weeks behind.")
    conv = analyzed([
        ("W", "I need to talk to you about the rent. You're now eight weeks behind."),
        ("C", "I know."),
        ("W", "If we can't agree a plan, the next step would be a notice seeking possession."),
        ("C", "Right."),
        ("W", "I can see this is a lot to hear, and I'm not here to catch you out. What's been happening with money?"),
        ("C", "I lost my hours at the shop in March. I've been trying to catch up but there's nothing left."),
    ])
    assert found(conv) == [([1, 3], 4)]


def test_naming_a_laugh_marks_the_joke_before_it_as_a_retreat():
    conv = analyzed([
        ("W", "How did the conversation with your manager go?"),
        ("C", "Oh, you know, I'm still employed, so that's something. [laughs]"),
        ("W", "You laughed just then. I'm wondering how it really went."),
        ("C", "Badly, to be honest. He said my work's been sloppy and he's putting me on a plan."),
    ])
    assert found(conv) == [([1], 2)]
    assert conv.features["ruptures"][0]["kind"] == "withdrawal"


def test_told_just_now_and_left_without_means_are_pushback():
    assert coded("It's Jay now. I told you at the start of the session.", "confrontation", C)
    assert coded("So what am I meant to do tonight if I can't breathe?", "confrontation", C)
    assert not coded("What am I meant to do with the old tablets?", "confrontation", C)


def test_futility_of_reporting_is_pushback_and_frustration_making_sense_validates():
    assert coded("It's been six weeks. What's the point of reporting anything if nothing happens?", "confrontation", C)
    assert coded("That's a long time, and your frustration makes complete sense.", "validation", P)


def test_setting_a_topic_aside_follows_the_clients_lead():
    conv = analyzed([
        ("W", "Your PE teacher mentioned you've been skipping lunch. How's eating been?"),
        ("C", "Can we not."),
        ("W", "Of course. We don't need to talk about food today. Is there anything you'd like to ask me?"),
        ("C", "Actually, yeah. My periods have been really irregular and I didn't know who to ask."),
    ])
    assert found(conv) == [([1], 2)]


def test_a_referral_heard_as_being_called_mad_and_answered_with_validation():
    assert coded("So you think I'm mad now.", "confrontation", C)
    assert not coded("You think I'm ready for the next step? That's great.", "confrontation", C)
    conv = analyzed([
        ("W", "I'd like to refer you to the mental health team."),
        ("C", "So you think I'm mad now."),
        ("W", "Not at all. I think you've been carrying a lot, and they have more time for this than I do."),
        ("C", "Right. Okay. That makes more sense, I suppose, if they've got more time."),
    ])
    assert found(conv) == [([1], 2)]


def test_a_flat_refusal_left_to_the_client_is_unrepaired():
    conv = analyzed([
        ("W", "You really must keep it raised, or it won't heal. No more babysitting for a few weeks."),
        ("C", "That's not going to happen. My daughter can't afford childcare."),
        ("W", "Well, it's your leg."),
        ("C", "Yes. It is."),
    ])
    assert [rep for _, rep in found(conv)] == [None]


def test_have_i_is_no_taking_part_when_the_practitioner_then_owns_raising_it():
    conv = analyzed([
        ("W", "You've gone very quiet since I mentioned your dad."),
        ("C", "Have I?"),
        ("W", "I think so. I might have brought him up too suddenly. We can come back to him another time."),
        ("C", "No, it's okay. It's just that nobody's asked about him in a long time."),
    ])
    assert found(conv) == [([1], 2)]


def test_hurt_at_criticised_work_and_a_sarcastic_echo_turn_it_aside():
    assert DIRECTIVE_CUES.search("I've looked at your CV. It's far too long and the layout is messy.")
    assert not DIRECTIVE_CUES.search("It's a mess out there with covid, and understandable that we're stressed.")
    conv = analyzed([
        ("W", "I've looked at your CV. It's far too long and the layout is messy."),
        ("C", "I spent ages on that."),
        ("W", "I can tell, but employers spend about six seconds on a CV."),
        ("C", "Six seconds. Great."),
    ])
    assert found(conv) == [([1, 3], None)]


@pytest.mark.parametrize("text", [
    "Can we stop for today? I don't think I can do this right now.",
])
def test_asking_to_stop_is_a_retreat(text):
    assert coded(text, "withdrawal", C)


def test_cut_off_and_owning_the_interruption():
    assert coded("Can I finish? I was getting to that.", "confrontation", C)
    assert not coded("can i finish the conversation now, thanks for your help", "confrontation", C)
    conv = analyzed([
        ("W", "What happened after the argument?"),
        ("C", "Well, I went to my mum's, and she said"),
        ("W", "Was that helpful, going to your mum's?"),
        ("C", "Can I finish? I was getting to that."),
        ("W", "Sorry, yes. I cut in. Go on."),
        ("C", "She said I could stay as long as I needed, which I didn't expect at all."),
    ])
    assert found(conv) == [([3], 4)]


def test_it_can_feel_like_that_validates_unless_it_goes_on_but():
    assert coded("It can feel like that, and some of it is boxes, I won't pretend otherwise.", "validation", P)
    assert not coded("It can feel like that now, but in time it will change.", "validation", P)


def test_a_task_set_as_a_wish_is_directive_and_its_echo_pushes_back():
    assert DIRECTIVE_CUES.search("This week I'd like you to fill in the mood diary every evening.")
    assert not DIRECTIVE_CUES.search("I'd like you to tell me more about that.")
    conv = analyzed([
        ("W", "This week I'd like you to fill in the mood diary every evening."),
        ("C", "Every evening? I'm on nights this week."),
        ("W", "It only takes five minutes."),
        ("C", "I suppose."),
    ])
    assert found(conv)[0][0][0] == 1


def test_news_refused_answered_oh_then_a_flat_echo_is_stunned():
    conv = analyzed([
        ("W", "I've read the specialist's letter. They don't think surgery is the right option for you."),
        ("C", "Oh."),
        ("W", "They'd like to try physiotherapy for another six months first."),
        ("C", "Six more months."),
        ("W", "I know you were hoping for the operation. That's a real disappointment after waiting so long."),
        ("C", "It is. I've been counting down the days, honestly."),
    ])
    assert found(conv) == [([1, 3], 4)]


def test_lateness_a_flat_could_i_and_noted_are_one_rupture():
    conv = analyzed([
        ("W", "You were late again today. Third time this week."),
        ("C", "Buses."),
        ("W", "You could get the earlier one."),
        ("C", "Could I."),
        ("W", "It's your choice, but if you're late again you'll lose your place on the course."),
        ("C", "Noted."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] is None


def test_told_late_and_a_flat_day_named():
    assert coded("Right. When were you going to tell me?", "confrontation", C)
    assert ACKNOWLEDGING_CUES.search("You sound a bit flat today. Is something else going on?")
    conv = analyzed([
        ("W", "Last session you said you'd update your profile. How did that go?"),
        ("C", "I didn't do it."),
        ("W", "What got in the way?"),
        ("C", "I don't know. I just didn't."),
        ("W", "You sound a bit flat today. Is something else going on?"),
        ("C", "My mum's not well. I haven't had the head space for anything."),
    ])
    assert found(conv) in ([([3], 4)], [([1, 3], 4)])  # "I didn't do it." may start it


def test_asking_for_information_is_not_read_as_a_retreat():
    from rapportlens.coding.engagement import reads

    assert not reads("And if it doesn't pass?")
    assert not reads("How long will it take to heal?")
    assert reads("Can we talk about something else?")
    assert reads("Is it even worth it?")
    conv = analyzed([
        ("W", "Your scan shows a small stone in your kidney."),
        ("C", "Is that serious?"),
        ("W", "Usually not. Most small stones pass on their own with plenty of water."),
        ("C", "And if it doesn't pass?"),
        ("W", "Then we'd look at a simple procedure to break it up."),
        ("C", "Okay, that's less scary than I thought."),
    ])
    assert found(conv) == []


def test_a_payment_refused_answered_right_then_great_is_stunned():
    assert BAD_NEWS.search("I've checked, and you're not entitled to the disability payment.")
    conv = analyzed([
        ("W", "I've checked, and you're not entitled to the disability payment."),
        ("C", "Right."),
        ("W", "You could appeal, but most appeals aren't successful."),
        ("C", "Great."),
    ])
    assert found(conv) == [([1, 3], None)]


def test_a_grade_challenged_and_owning_how_it_was_opened():
    assert coded("I shouldn't have opened with the grade like that.", "repair", P)
    conv = analyzed([
        ("W", "Your mock results came back. You got a D in maths."),
        ("C", "So?"),
        ("W", "So you need at least a C to get onto the course you want."),
        ("C", "I'm not even sure I want that course anymore."),
        ("W", "I shouldn't have opened with the grade like that. What's changed about the course?"),
        ("C", "My brother did it and hated it. I only picked it because of him."),
    ])
    assert found(conv) == [([1, 3], 4)]


def test_curt_replies_while_a_course_is_talked_up():
    assert DIRECTIVE_CUES.search("It's only two mornings.")
    assert DIRECTIVE_CUES.search("And it would really help your housing application.")
    conv = analyzed([
        ("W", "Have you thought any more about the tenancy course?"),
        ("C", "Not really."),
        ("W", "It's only two mornings."),
        ("C", "Mm."),
        ("W", "And it would really help your housing application."),
        ("C", "Yeah."),
    ])
    assert len(found(conv)) == 1 and found(conv)[0][1] is None
