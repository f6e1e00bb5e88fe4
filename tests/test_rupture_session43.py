"""Ruptures and repairs from session 43's written sets (eval/sessions/set55-58): relayed
criticism is no repair, exasperation closing a turn, rhetorical questions, faults found in
work, giving up resigned, feeling outnumbered, talk about the exchange, and a group member's
bare non-answer after one long turn (docs/analyzers/ruptures.md)."""

import pytest
from tests.rupture_helpers import C, P, analyzed, coded, found

from rapportlens.rapport.rupture_cues import DIRECTIVE_CUES


def test_relayed_criticism_owns_nothing():
    relayed = ("They did, but they also said you interrupted their finance lead several times, "
               "and that came across as dismissive.")
    assert not coded(relayed, "repair", P)
    assert coded("Sorry, that came across as dismissive of what you said.", "repair", P)
    assert coded("I think that came across as judging you, and I didn't mean it to.", "repair", P)


@pytest.mark.parametrize("text", [
    "I was in hospital on the fourth. I rang and told them. This is ridiculous.",
    "Six weeks and still nothing. It's a joke.",
    "Three? I've never had a job. Of course. Two against one, as usual.",
    "I suppose I'll just stay where I am, then.",
])
def test_exasperation_outnumbered_and_giving_up_are_coded(text):
    assert coded(text, "confrontation", C) or coded(text, "withdrawal", C)


@pytest.mark.parametrize("text", [
    "It was ridiculous fun, honestly, we laughed all night.",
    "I'll just stay in tonight and rest.",
    "We played two against one in the park and I still won.",
])
def test_ordinary_talk_is_not(text):
    assert not coded(text, "confrontation", C) and not coded(text, "withdrawal", C)


def test_talk_about_the_exchange_is_a_repair():
    assert coded("I notice I've spent the last few minutes telling you what to do, and you've gone quiet. "
                 "What got in the way?", "repair", P)
    assert not coded("Your husband has gone quiet lately, you said. What do you make of that?", "repair", P)


@pytest.mark.parametrize("text", [
    "The argument was unclear and the referencing was all over the place.",
    "Your coursework was rushed.",
    "We have a zero tolerance policy on that.",
    "The records matter, so it's important to fill them in every day.",
    "Maybe try setting a reminder on your phone for the evenings.",
])
def test_criticism_and_suggestions_are_directive_cues(text):
    assert DIRECTIVE_CUES.search(text)


def test_a_rhetorical_question_is_the_pushback_a_concession_points_to():
    conv = analyzed([
        ("W", "How have the last few weeks been with the new eating plan?"),
        ("C", "Up and down. I managed the breakfasts but the evenings are hard because I work late."),
        ("W", "The sheet was quite clear that dinner should be before seven. Eating late is why your sugars are high."),
        ("C", "I finish at eight. What am I supposed to do, eat at my desk in front of customers?"),
        ("W", "That's a fair point, and I skipped right past what your shifts actually look like. Can you walk me through a late day?"),
        ("C", "Sure. I have a sandwich at one, nothing till I get home around half eight, and then I eat whatever's quick."),
    ])
    assert found(conv) == [([3], 4)]


def test_a_sincere_question_is_no_pushback():
    conv = analyzed([
        ("W", "How have the last few weeks been?"),
        ("C", "Hard. My mum moved in with us after her fall, and I'm looking after her on top of work."),
        ("W", "That's a lot to carry. You've had to change how your whole week works."),
        ("C", "I have. What am I supposed to do when she won't let the carers in?"),
        ("W", "That's a fair question, and a hard one. What happens when they come to the door?"),
        ("C", "She tells them she's fine and shuts the door. Then she rings me at work in tears."),
    ])
    assert found(conv) == []


def test_curt_replies_to_faults_in_work_are_a_retreat():
    conv = analyzed([
        ("W", "So, your essay. I've marked it and I'm afraid it's a 42, which is a bare pass."),
        ("C", "Oh."),
        ("W", "The argument was unclear and the referencing was all over the place. You used three different styles."),
        ("C", "Okay."),
        ("W", "You'll need to book a session with the writing centre before the next deadline."),
        ("C", "Sure."),
    ])
    # "I'm afraid it's a 42" is bad news too, so the retreat starts at "Oh." (session 44).
    assert [r for r, _ in found(conv)] == [[1, 3, 5]]


def test_a_group_member_cut_short_goes_quiet():
    conv = analyzed([
        ("F", "Welcome back, everyone. Let's go round and say how the week has been. Pat, would you start?"),
        ("Pat", "It's been hard. It was Mike's birthday on Thursday, the first one since he died, and I spent most of the day at the cemetery."),
        ("F", "Thank you, Pat. We've got a lot to get through, so let's keep it brief. Joan, how about you?"),
        ("Joan", "Better than last week. I went to my daughter's for Sunday lunch and actually enjoyed it."),
        ("F", "That's lovely. And Pat, anything else to add?"),
        ("Pat", "No. I'm fine."),
        ("F", "Okay. Raj?"),
        ("Raj", "Quiet week. I've started walking in the mornings, which helps me sleep."),
    ], roles={"F": P, "Pat": C, "Joan": C, "Raj": C})
    assert found(conv) == [([5], None)]


@pytest.mark.parametrize("text", [
    "You should have it already. I've called four times.",
    "I'm not an alcoholic, if that's what you're getting at.",
])
def test_chasing_and_a_label_heard_are_complaints(text):
    assert coded(text, "confrontation", C)


@pytest.mark.parametrize("text", [
    "I've called my sister four times this week, she's not well.",
    "You should have seen the size of it.",
    "If that's what you think helps, I'll try it.",
])
def test_ordinary_mentions_are_not(text):
    assert not coded(text, "confrontation", C)


def test_owning_what_the_client_was_put_through_is_a_repair():
    assert coded("You're right, you shouldn't have to keep repeating yourself. I can see the calls now.", "repair", P)
    assert not coded("You shouldn't drink on an empty stomach.", "repair", P)


@pytest.mark.parametrize("text", [
    "Your homework hasn't been handed in for two weeks.",
    "Well, if it's not in by Friday I'll have to ring your parents.",
    "If it's not in by Friday, you'll get a zero.",
])
def test_lapses_and_threats_are_directive_cues(text):
    assert DIRECTIVE_CUES.search(text)


def test_talking_down_owned_points_to_the_pushback():
    conv = analyzed([
        ("W", "I'm going to explain how the hearing aids work. Now, this is the little button, and you press it gently, like this."),
        ("C", "I was an engineer for forty years. I think I can manage a button."),
        ("W", "Of course, I'm sorry, I was talking to you as if you'd never seen one. Would you rather have the technical sheet?"),
        ("C", "Yes, that would suit me better. What's the battery life on these?"),
    ])
    assert found(conv) == [([1], 2)]


def test_advice_refused_and_mocked_is_one_rupture():
    conv = analyzed([
        ("W", "Looking at your figures, the first thing I'd recommend is cancelling the gym membership."),
        ("C", "The gym is the only thing keeping me sane right now."),
        ("W", "I understand, but when money's this tight, everything non-essential has to go."),
        ("C", "So I give up the one thing that helps. Brilliant plan."),
        ("W", "It's just about getting the numbers to balance. We can look at the phone contract next."),
        ("C", "Fine. Whatever you say."),
    ])
    assert found(conv) == [([1, 3, 5], None)]


def test_doing_what_the_client_complained_of_owned_after_an_apology():
    conv = analyzed([
        ("W", "You mentioned things with your dad had got tense. What does that sound like at home?"),
        ("C", "Every meal. Have you done your personal statement, have you looked at the open days. It's constant."),
        ("W", "It sounds exhausting to have it come up at every meal."),
        ("C", "It is. I just want to eat my dinner in peace for once."),
        ("W", "Have you done your personal statement?"),
        ("C", "Seriously? Now you sound like him."),
        ("W", "You're right, I just did exactly what he does. I'm sorry. What's it like for you when he brings it up?"),
        ("C", "It makes me feel like I'm letting him down before I've even started."),
    ])
    assert found(conv) == [([5], 6)]
    assert not coded("You sound like you've had a busy week.", "confrontation", C)
    assert coded("Sorry, I just did exactly what he does.", "repair", P)
    assert not coded("I did what I felt was right for my family.", "repair", P)


def test_a_denial_after_a_warning_starts_the_rupture():
    conv = analyzed([
        ("W", "How are you getting on with the neighbours at the flat these days?"),
        ("C", "Mostly alright. The woman next door helped me carry my shopping up on Tuesday."),
        ("W", "We've had another complaint about noise late at night. If it carries on, you could lose the tenancy."),
        ("C", "That's not even me. It's the people upstairs. Nobody ever believes me."),
        ("W", "The complaints name your flat specifically, so I have to take them seriously."),
        ("C", "Whatever. Write what you want."),
    ])
    assert [r for r, _ in found(conv)] == [[3, 5]]


def test_a_decision_made_without_the_parent_owned():
    conv = analyzed([
        ("W", "Thanks for coming in, Mrs Lewis. We've decided to move Tyler into the small nurture group for maths."),
        ("C", "Decided? Nobody asked me. He's going to feel like he's in the thick group."),
        ("W", "You should have been asked before anything was decided, and I'm sorry you weren't. Can I explain why, and then hear what you think?"),
        ("C", "Go on then."),
        ("W", "It's six children with a teaching assistant, to build his confidence. If you think it would knock him, we can look at other options."),
        ("C", "He does struggle with the noise in the big class. Could we try it for half a term and see?"),
    ])
    assert found(conv) == [([1], 2)]


def test_answering_for_the_client_is_no_repair():
    conv = analyzed([
        ("W", "Over the last two weeks, have you felt down or hopeless?"),
        ("C", "Yeah. Most days, I suppose."),
        ("W", "And have you had little interest or pleasure in doing things?"),
        ("C", "I guess."),
        ("W", "Nearly every day, or more than half the days?"),
        ("C", "I don't know. Whatever you think."),
        ("W", "I'll put more than half the days. And trouble sleeping?"),
        ("C", "Yes."),
    ])
    assert [repair for _, repair in found(conv)] == [None]


def test_an_exasperated_opener_is_a_complaint():
    assert coded("Finally. I've been sat here for an hour and a half.", "confrontation", C)
    assert not coded("Finally! We got the keys to the new flat on Friday.", "confrontation", C)


def test_a_pupil_sanctioned_shuts_down():
    conv = analyzed([
        ("W", "Leo, I've asked you to stay behind because of what happened in chemistry today."),
        ("C", "I didn't do anything."),
        ("W", "You threw a beaker, Leo. Mr Hart saw it. That's dangerous and it's completely unacceptable."),
        ("C", "It wasn't a beaker, it was a rubber."),
        ("W", "It doesn't matter what it was. You'll be in detention on Thursday and I'm calling home."),
        ("C", "Whatever."),
        ("W", "And you'll write an apology to Mr Hart."),
        ("C", "Fine."),
    ])
    [(utterances, repair)] = found(conv)
    assert 3 in utterances and 5 in utterances and repair is None


def test_motives_doubted_and_a_wasted_visit_are_complaints():
    assert coded("Are you on commission from them or something?", "confrontation", C)
    assert coded("So I've come all this way for nothing.", "confrontation", C)
    assert not coded("Are you on holiday next week?", "confrontation", C)
    conv = analyzed([
        ("W", "Based on your spending, I'd suggest consolidating the two cards into one loan with this lender."),
        ("C", "Are you on commission from them or something?"),
        ("W", ("That's a fair question. No, I'm not paid by any lender, and I should have shown you more than one option. "
               "Let me put three side by side.")),
        ("C", "Okay, that would make me feel better about it. Which one has the lowest monthly payment?"),
    ])
    assert found(conv) == [([1], 2)]


def test_a_complaint_about_last_week_conceded_in_a_group():
    conv = analyzed([
        ("F", "Okay, let's move on to the homework from last week."),
        ("Ruth", "Can I just say something first? Last week I was in the middle of talking about my husband and you moved us on."),
        ("F", "You're right, I did, and I'm sorry. That wasn't fair when you were sharing something hard. Would you like to pick it up now?"),
        ("Ruth", "Thank you. Yes. He's been worse since, and I've been sleeping in the spare room."),
        ("Karen", "That sounds so hard, Ruth."),
    ], roles={"F": P, "Ruth": C, "Karen": C})
    assert found(conv) == [([1], 2)]


def test_complaints_relayed_from_others_are_criticism():
    assert DIRECTIVE_CUES.search("Your carers have said there have been some issues with curfew.")
    assert DIRECTIVE_CUES.search("If it continues, the placement might not be able to keep going.")
    assert not DIRECTIVE_CUES.search("You said you've been feeling low since the move.")


def test_sarcasm_at_the_scales_owned_as_going_straight_to_the_numbers():
    conv = analyzed([
        ("W", "Let's pop you on the scales. Okay, that's up two kilos since last time."),
        ("C", "Great."),
        ("W", "Have you been sticking to the meal plan?"),
        ("C", "Mostly."),
        ("W", "I'm sorry, I've gone straight to the numbers. How have the last few weeks actually been for you?"),
        ("C", "Really stressful. My dad's been in hospital and I've been living on sandwiches from the hospital cafe."),
    ])
    [(utterances, repair)] = found(conv)
    assert 3 in utterances and repair == 4


def test_a_concession_with_an_adverb_still_concedes():
    conv = analyzed([
        ("W", "I've brought the grab rails catalogue. We'll need to fit one by the bath and one by the toilet."),
        ("C", "I don't want my house looking like a hospital."),
        ("W", ("That's completely fair, it's your home, and I came in with the catalogue before asking what matters to you. "
               "What would make a rail acceptable to you?")),
        ("C", "If it didn't look clinical. My wife chose those tiles, and I'd like them to stay on show."),
    ])
    assert found(conv) == [([1], 2)]


def test_a_poor_rating_disputed_is_one_rupture():
    conv = analyzed([
        ("W", "I've rated you as 'needs improvement' this year, mainly because of the missed deadlines."),
        ("C", "That's not fair. Two of those deadlines moved because the client changed the brief."),
        ("W", "The rating reflects outcomes, not reasons."),
        ("C", "So nothing I did counts."),
        ("W", "I'll send you the written review by Friday."),
        ("C", "Fine."),
    ])
    assert [r for r, _ in found(conv)] == [[1, 3, 5]]
