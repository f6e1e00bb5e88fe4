"""Pitfalls that the SPEC names (section 6): deep probing early, sympathy instead of empathy."""

import rapportlens
from rapportlens import Conversation, Role

ROLES = {"T": Role.PRACTITIONER, "C": Role.CLIENT}

# Ordinary talk that pads a session so that its first fifth is the opening exchange.
LATER = [
    ("T", "What would you like to get out of today?"),
    ("C", "Some ideas for how to sleep better, I think."),
    ("T", "You'd like to find a way to rest again."),
    ("C", "Yes, I'm tired all the time at work."),
    ("T", "Being this tired makes every day harder."),
    ("C", "It really does, I can't concentrate."),
    ("T", "What have you tried so far?"),
    ("C", "Cutting out coffee after lunch, which helped a little."),
]


def pitfalls(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    return {p["pitfall"]: p for p in conv.features["pitfalls"]}


def test_probing_a_sensitive_subject_early_is_rushing():
    found = pitfalls([("T", "Hi. What was your childhood like?"), ("C", "Fine, I suppose.")] + LATER)
    assert "probing early into childhood" in found["rushing"]["reason"]
    assert 0 in found["rushing"]["evidence"]


def test_in_a_short_session_the_first_ten_utterances_are_early():
    found = pitfalls([("T", "Hi, how are you?"), ("C", "Okay."), ("T", "Were you ever abused?"),
                      ("C", "I came about my sleep.")] + LATER[:4])
    assert "probing early into abuse or trauma" in found["rushing"]["reason"]
    assert 2 in found["rushing"]["evidence"]


def test_a_subject_the_client_raised_can_be_asked_about():
    found = pitfalls([("C", "My dad died last month and I haven't slept since."),
                      ("T", "How has his death been for you?")] + LATER)
    assert "probing" not in found.get("rushing", {}).get("reason", "")


def test_a_reflection_put_as_a_question_follows_the_client():
    found = pitfalls([("C", "I'm so embarrassed that I need the food bank now."),
                      ("T", "So you feel that needing help makes you ashamed?")] + LATER)
    assert "probing" not in found.get("rushing", {}).get("reason", "")


def test_the_same_question_later_in_the_session_is_not_flagged():
    found = pitfalls(LATER + LATER + [("T", "What was your childhood like?"), ("C", "Quiet, mostly.")])
    assert "probing" not in found.get("rushing", {}).get("reason", "")


def test_a_statement_about_a_sensitive_subject_is_not_a_probe():
    found = pitfalls([("T", "Whatever you tell me about your childhood stays between us."),
                      ("C", "Okay, good to know.")] + LATER)
    assert "probing" not in found.get("rushing", {}).get("reason", "")


SISTER = [("C", "My sister stopped speaking to me after the wedding.")]
GOING_OVER = [("C", "I keep going over what I said.")]
SORRY = [("T", "I'm so sorry to hear that.")]
MAKES_SENSE = [("T", "It makes sense that you'd feel guilty when someone you love goes quiet.")]


def test_sympathy_among_empathic_responses_is_not_a_pitfall():
    found = pitfalls(SISTER + SORRY + GOING_OVER + [
        ("T", "You feel hurt and confused about why she pulled away."), ("C", "Yes, and guilty.")] + MAKES_SENSE)
    assert "sympathy_instead_of_empathy" not in found


def test_one_condolence_beside_one_empathic_response_is_not_a_pitfall():
    found = pitfalls(SISTER + SORRY + GOING_OVER + MAKES_SENSE)
    assert "sympathy_instead_of_empathy" not in found


def test_sympathy_without_empathy_is_a_pitfall():
    found = pitfalls(SISTER + [("T", "Oh, you poor thing.")] + GOING_OVER + SORRY)
    assert found["sympathy_instead_of_empathy"]["evidence"] == [1, 3]
    assert "empathic responses" in found["sympathy_instead_of_empathy"]["reason"]


def sympathy_component(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    return conv.features["dimensions"]["empathy"]["components"]["sympathy"]


def test_the_empathy_dimension_counts_only_sympathy_beyond_empathy():
    beside = sympathy_component(SISTER + SORRY + GOING_OVER + [("T", "You feel hurt and confused about why she pulled away.")])
    instead = sympathy_component(SISTER + SORRY + GOING_OVER + [("T", "Oh, you poor thing.")])
    assert beside["value"] == 0 and beside["scaled"] == 1
    assert instead["value"] > 0.5 and instead["scaled"] == 0  # against: the more, the lower


def recommended(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    return conv, [r["technique"] for r in conv.features["recommendations"]]


def test_rushing_lists_its_parts_each_with_evidence():
    conv, _ = recommended([("T", "Hi. What was your childhood like?"), ("C", "Fine, I suppose.")] + LATER)
    rushing = next(p for p in conv.features["pitfalls"] if p["pitfall"] == "rushing")
    probing = next(q for q in rushing["parts"] if q["part"] == "early_probing")
    assert probing["evidence"] == [0] and "childhood" in probing["reason"]
    assert set(rushing["evidence"]) == {i for q in rushing["parts"] for i in q["evidence"]}


def test_each_way_of_rushing_gets_its_own_technique():
    questions = [("T", "How old are you?"), ("C", "Forty."), ("T", "Do you work?"), ("C", "Yes."),
                 ("T", "Where?"), ("C", "A bank."), ("T", "Do you drink?"), ("C", "Sometimes.")]
    conv, techniques = recommended(questions)
    assert conv.features["pitfalls"][0]["parts"][0]["part"] == "question_bursts"
    assert "reflective_listening" in techniques and "ask_permission" not in techniques
    advice = [("C", "I drink most nights."), ("T", "You should stop drinking on weeknights."),
              ("C", "Maybe."), ("T", "You'd like to cut down.")] + LATER
    conv, techniques = recommended(advice)
    assert "early_advice" in [q["part"] for p in conv.features["pitfalls"] for q in p.get("parts", ())]
    assert "ask_permission" in techniques


def test_dominant_talk_calls_for_sharing_the_floor_not_for_less_self_disclosure():
    explaining = [("T", "What brings you in?"), ("C", "My back."),
                  ("T", ("Back pain like yours usually comes from the muscles around the spine, and it tends to "
                        "settle with gentle movement over a few weeks rather than with rest in bed.")),
                  ("C", "Okay."),
                  ("T", ("The scan showed nothing worrying, no nerve trouble and no sign of a slipped disc, so "
                        "we can focus on getting you moving again without fear of doing damage.")),
                  ("C", "Right, good.")]
    conv, techniques = recommended(explaining)
    assert "dominant_talk" in [q["part"] for p in conv.features["pitfalls"] for q in p.get("parts", ())]
    assert "share_the_floor" in techniques and "keep_focus_on_client" not in techniques


def test_dominant_talk_is_not_faulted_in_a_chat_export():
    explaining = [("T", "Hi, thanks for messaging. What's on your mind tonight?"), ("C", "idk. stuff at home"),
                  ("T", ("That sounds hard. Take your time, there's no rush at all, and you can tell me as much "
                         "or as little as you like about what's going on at home.")), ("C", "ok"),
                  ("T", ("Thanks for telling me. A lot of people who message us feel like that, and it makes "
                         "sense. Would it help to talk about what happened most recently?")), ("C", "maybe")]
    spoken = Conversation.from_pairs(explaining, roles=ROLES)
    typed = Conversation.from_pairs(explaining, roles=ROLES)
    typed.format = "whatsapp"

    def parts(conv):
        return [q["part"] for p in rapportlens.analyze(conv).features["pitfalls"] for q in p.get("parts", ())]
    assert "dominant_talk" in parts(spoken) and "dominant_talk" not in parts(typed)


def test_few_reflections_points_to_the_painful_moment_a_question_passed_over():
    session = [("T", "How have meals been this week?"), ("C", "Fine. I'm eating."),
               ("T", "What does a normal day look like?"), ("C", "An apple at lunch."),
               ("T", "How does it feel when you eat more than that?"),
               ("C", "Awful. I feel disgusting and ashamed after."),
               ("T", "What time do you usually have lunch?"), ("C", "About one."),
               ("T", "Do you eat with anyone?"), ("C", "Sometimes my friend.")]
    conv, _ = recommended(session)
    [item] = [r for r in conv.features["recommendations"] if r["technique"] == "reflective_listening"]
    assert {5, 6} <= set(item["evidence"])
    assert 'for instance "Awful. I feel disgusting and ashamed after." (utterance 5)' in item["why"]
    assert item["moment"] == {"utterance": 5, "answered_by": 6, "reflection": "So you feel disgusting and ashamed after."}
    assert item["why"].endswith('a simple reflection there: "So you feel disgusting and ashamed after."')
    # A moment answered with a reflection is no example.
    reflected = [*session[:6], ("T", "So eating more leaves you feeling ashamed. What time is lunch?"), *session[7:]]
    conv, _ = recommended(reflected)
    assert all("for instance" not in r["why"] for r in conv.features["recommendations"])


def state(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    return conv.features["client_state"]


def test_mistrust_of_the_practitioner_is_mistrustful():
    found = state([("T", "What brings you in?"), ("C", "My doctor sent me. Why should I trust you?"),
                   ("T", "That's a fair question."), ("C", "Is this confidential? Are you going to report me?"),
                   ("T", "It stays between us unless someone is in danger."), ("C", "Okay.")])
    assert found["state"] == "mistrustful" and found["evidence"] == [1, 3]


def test_trouble_trusting_someone_else_is_not_mistrust_of_the_practitioner():
    found = state([("T", "What brings you in?"), ("C", "I can't trust my sister with my son any more."),
                   ("T", "Tell me more."), ("C", "She let him walk home alone and I only heard later."),
                   ("T", "That shook your trust in her."), ("C", "Yes, I don't trust her now.")])
    assert found["scores"]["mistrustful"] == 0


def test_the_practitioners_own_pitfall_is_answered_before_the_state_fills_the_list():
    pairs = [("T", "How old are you?"), ("C", "Forty. I'm so anxious and worried all the time."),
             ("T", "Do you work?"), ("C", "Yes, and I'm scared I'll panic there."),
             ("T", "Where?"), ("C", "A bank. I avoid meetings because I'm nervous."),
             ("T", "Do you drink?"), ("C", "Sometimes, when I'm stressed.")]
    conv, techniques = recommended(pairs)
    assert conv.features["client_state"]["state"] == "anxious_avoidant"
    assert techniques[0] == "pacing" and "reflective_listening" in techniques[:3]


def analysed(pairs):
    return rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES)).features


# A home visit: the worker says what happens to what is said (transparency and boundaries)
# and the client still pushes back.
VISIT = [
    ("T", "Nothing you say goes anywhere without me telling you first, unless someone isn't safe. Is that okay?"),
    ("C", "Why should I trust you? You people always report everything."),
    ("T", "You've been let down before, so you're watching what I do with it."),
    ("C", "Yeah. The last social worker told on me."),
    ("T", "That would make anyone careful."),
    ("C", "Whatever. You're just going to report me anyway."),
]


def test_a_technique_already_used_is_listed_after_the_others_with_where():
    f = analysed(VISIT)
    assert f["client_state"]["state"] == "mistrustful"
    recs = [r["technique"] for r in f["recommendations"]]
    done = {r["technique"]: r["already_done"] for r in f["recommendations"]}
    # Being open about the process was done at utterance 0: it comes after what was not done.
    assert "transparency" in done and done["transparency"] == [0]
    assert all(not done[t] for t in recs[:recs.index("transparency")])
    assert recs.index("practical_help") < recs.index("transparency")


def test_a_pitfalls_answer_is_not_demoted_by_doing_it_once():
    # Two expressions of sympathy against one validation: "Validate the feeling" answers the
    # pitfall and stays where it is, though one validation was made.
    f = analysed([
        ("C", "My mum died in March and I can't stop crying."),
        ("T", "I'm so sorry to hear that."),
        ("C", "Everyone says it gets easier."),
        ("T", "Oh, you poor thing."),
        ("C", "I don't know."),
        ("T", "It makes sense that you feel lost."),
    ] + LATER)
    rec = next(r for r in f["recommendations"] if r["technique"] == "validation")
    assert rec["already_done"] == []
    assert "sympathy instead of empathy" in rec["why"]


def test_questions_whose_kind_is_unsure_still_make_a_burst():
    # "When's the deadline?" and "Is the salary better?" are questions whatever their subtype.
    f = analysed([
        ("T", "Where are you with the promotion?"),
        ("C", "Honestly, I don't know if I even want it. Everyone expects me to go for it."),
        ("T", "Have you applied yet?"), ("C", "No."),
        ("T", "When's the deadline?"), ("C", "Friday."),
        ("T", "Have you talked to your manager?"), ("C", "Not really."),
        ("T", "Is the salary better?"), ("C", "Yeah. I guess."),
    ])
    rushing = next(p for p in f["pitfalls"] if p["pitfall"] == "rushing")
    bursts = next(q for q in rushing["parts"] if q["part"] == "question_bursts")
    assert {2, 4, 6, 8} <= set(bursts["evidence"])


def test_counts_in_reasons_agree_in_number():
    f = analysed([("C", "I lost my job on Friday."), ("T", "I'm so sorry to hear that."),
                  ("C", "Thanks."), ("T", "Don't be so dramatic."), ("C", "Okay."), ("T", "Let's talk about your CV.")])
    reasons = {p["pitfall"]: p["reason"] for p in f["pitfalls"]}
    assert reasons["sympathy_instead_of_empathy"].startswith("1 expression of sympathy against 0 empathic responses")
    assert reasons["face_threats"] == "1 practitioner utterance that judges, blames or dismisses."


def test_slowing_down_in_so_many_words_counts_as_pacing():
    f = analysed([
        ("T", "I'm afraid the biopsy shows a cancer in the right lung."),
        ("C", "Oh."),
        ("T", "I'm going to pause for a moment. There's no rush."),
        ("C", "I'm scared. I'm so worried about what happens now and I can't face telling my daughter."),
        ("T", "Can I tell you what we know so far?"),
        ("C", "Yes. I'm terrified, honestly, I'm so anxious I can't think."),
    ])
    assert f["client_state"]["state"] == "anxious_avoidant"
    pacing = [r for r in f["recommendations"] if r["technique"] == "pacing"]
    assert not pacing or pacing[0]["already_done"] == [2]
    assert f["recommendations"][0]["technique"] != "pacing"


def test_assumed_shared_meaning_says_which_reflections_it_counted():
    # Eleven practitioner turns of telling with one weakly coded reflection: the pitfall
    # counts reflections at 0.5 and says how many were coded in all, as the MI summary does.
    pairs = []
    for k in range(11):
        pairs += [("T", f"You need to take tablet number {k} every morning with food."), ("C", "Okay.")]
    from rapportlens.rapport.feedback import pitfalls as find_pitfalls

    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    # One turn read as a reflection, but below 0.5: coded, yet not counted.
    conv.features["codes"][4].append({"code": "reflection.simple", "confidence": 0.4, "source": "model",
                                      "evidence": [0, 10], "reason": "test"})
    shared = next(p for p in find_pitfalls(conv, []) if p["pitfall"] == "assuming_shared_meaning")
    assert shared["reason"] == ("no checks of understanding and 0 reflections at confidence 0.5 or more "
                                "(1 coded in all) in 11 practitioner utterances.")


def _bursts(pairs):
    found = analysed(pairs)["pitfalls"]
    return [q for p in found if p["pitfall"] == "rushing" for q in p["parts"] if q["part"] == "question_bursts"]


def test_questions_asked_once_risk_is_on_the_table_are_not_a_burst():
    after = [
        ("T", "Have you made a plan?"),
        ("C", "I have pills saved up in the drawer."),
        ("T", "Is anyone with you tonight?"),
        ("C", "No, nobody."),
        ("T", "Would you be willing to move the pills outside while we talk?"),
        ("C", "Okay."),
        ("T", "Can you call your brother after this?"),
        ("C", "Maybe."),
    ]
    ordinary = [("T", "How was the week?"), ("C", "Busy at work, the usual.")]
    assert not _bursts(ordinary + [("T", "I'm sorry to hear that."), ("C", "I just want to die, honestly.")] + after)
    # The same questions about a holiday are a burst.
    assert _bursts(ordinary + [("T", "Have you booked the trip?"), ("C", "Yes, the flights are done."),
                               ("T", "Is anyone going with you?"), ("C", "No, just me."),
                               ("T", "Would you take the early train?"), ("C", "Probably."),
                               ("T", "Can you get the time off?"), ("C", "I think so.")])


def test_asking_the_clients_view_of_a_proposal_breaks_a_run_of_questions():
    run = [("T", "What would a good week look like?"), ("C", "Teaching at least one lesson."),
           ("T", "Have you asked your supervisor?"), ("C", "Not yet."),
           ("T", "Would you like me to raise it with her? I can put it as planning your goals. How does that sound?"),
           ("C", "Yeah, that works."),
           ("T", "Which day suits you?"), ("C", "Thursday.")]
    assert not _bursts(run)
    assert _bursts([*run[:4], ("T", "Is she there on Mondays?"), ("C", "Sometimes."), *run[6:]])


def test_affirming_the_answer_breaks_a_run_of_questions():
    scaling = [("T", "How confident are you, from one to ten?"), ("C", "Maybe a four."),
               ("T", "What makes it a four?"), ("C", "I know the numbers better than anyone."),
               ("T", "Those are real strengths. What would get it to a five?"), ("C", "Writing my point down first."),
               ("T", "Which meeting could you try it in?"), ("C", "Monday's.")]
    assert not _bursts(scaling)
    assert _bursts([*scaling[:4], ("T", "What would get it to a five?"), *scaling[5:]])


def test_a_reproach_is_answered_by_taking_the_view_seriously_and_advice_by_asking_first():
    reproach = [("T", "What's the common denominator of three and four?"), ("C", "Seven?"),
                ("T", "No, no, it's twelve. We went over this last week."), ("C", "Right.")] + LATER
    conv, techniques = recommended(reproach)
    assert [p["evidence"] for p in conv.features["pitfalls"] if p["pitfall"] == "face_threats"] == [[2]]
    assert "take_their_view_seriously" in techniques and "ask_permission" not in techniques
    scolding = [("C", "I drink most nights."), ("T", "Well, you need to stop drinking. It's your own fault."),
                ("C", "Whatever.")] + LATER
    conv, techniques = recommended(scolding)
    assert "ask_permission" in techniques and "take_their_view_seriously" not in techniques
    # A face threat goes with worse sessions, so its answer comes first, whatever its part.
    assert techniques[0] == "ask_permission"


def test_a_member_barely_heard_in_a_group_is_a_pitfall_with_its_own_technique():
    from rapportlens import Role

    said = "I had a hard week at work and my manager keeps changing the rota without telling anyone first."
    pairs = [("Facilitator", "How has everyone's week been?")]
    for _ in range(3):
        pairs += [("Ana", said), ("Ben", said), ("Cat", said), ("Dee", "Okay."), ("Facilitator", "Thank you all.")]
    roles = {"Facilitator": Role.PRACTITIONER, "Ana": Role.MEMBER, "Ben": Role.MEMBER, "Cat": Role.MEMBER,
             "Dee": Role.MEMBER}
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=roles))
    [quiet] = [p for p in conv.features["pitfalls"] if p["pitfall"] == "uneven_participation"]
    assert quiet["reason"].startswith("Dee spoke 2% of the members' words (an even share would be 25%)")
    assert all(conv.utterances[i].speaker == "Dee" for i in quiet["evidence"])
    assert "draw_in_quieter_members" in [r["technique"] for r in conv.features["recommendations"]]
    even = [(s, t if s != "Dee" else said) for s, t in pairs]
    conv = rapportlens.analyze(Conversation.from_pairs(even, roles=roles))
    assert "uneven_participation" not in [p["pitfall"] for p in conv.features["pitfalls"]]


def test_in_a_peer_group_the_pitfalls_speak_of_members_not_a_practitioner():
    from rapportlens import Role

    said = "I had a hard week at work and my manager keeps changing the rota without telling anyone first."
    pairs = [(name, said) for _ in range(4) for name in ("Ana", "Ben", "Cat")] + [("Dee", "Okay.")] * 3
    roles = {n: Role.MEMBER for n in ("Ana", "Ben", "Cat", "Dee")}
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=roles))
    reasons = " ".join(p["reason"] for p in conv.features["pitfalls"])
    assert "practitioner" not in reasons and "members' words" in reasons


def test_one_utterance_is_no_client_state():
    # "You always pick on me." once in a short talk scored mistrust 0.86 by itself.
    once = [("T", "Your essay wasn't great."), ("C", "Whatever. You always pick on me."),
            ("T", "Tell me how you wrote it."), ("C", "I read the chapter and then wrote it."),
            ("T", "What would help next time?"), ("C", "Maybe a plan first.")]
    state = analysed(once)["client_state"]
    assert state["state"] == "none" and state["scores"]["mistrustful"] >= 0.4
    twice = once[:4] + [("T", "Let's plan the next one."), ("C", "Why should I trust you? You always pick on me.")]
    assert analysed(twice)["client_state"]["state"] == "mistrustful"


def test_reflecting_and_a_small_experiment_already_done_go_last_with_where():
    pairs = [
        ("T", "Hi Jo, come in. There's no rush."), ("C", "Sorry, I'm shaky. I keep worrying I'll panic in here."),
        ("T", "You're worried about it happening here, in front of me."),
        ("C", "It happened on the bus. I avoid loads of things now. I'm scared all the time."),
        ("T", "The fear has been taking more and more of your life."), ("C", "Exactly. I'm terrified of the gym now."),
        ("T", "Would you be up for trying something small this week, just to see what happens?"),
        ("C", "Maybe. I'm scared it'll go wrong, but I could try."),
    ]
    recs = analysed(pairs)["recommendations"]
    done = {r["technique"]: r["already_done"] for r in recs}
    assert done.get("small_experiments") == [6]
    assert done.get("reflective_listening")
    assert all(r["already_done"] for r in recs[recs.index(next(r for r in recs if r["already_done"])):])


SEMINAR_ROLES = {"Dr Price": Role.PRACTITIONER, "Tom": Role.MEMBER, "Aisha": Role.MEMBER, "Ben": Role.MEMBER,
                 "Chloe": Role.MEMBER}
SEMINAR = [
    ("Dr Price", "What did everyone make of the reading on attachment theory?"),
    ("Tom", "I thought it was really convincing, especially the strange situation study and how clear it was."),
    ("Dr Price", "Thanks, Tom. Anyone else?"),
    ("Tom", "Also the bit about internal working models, that was the best part honestly."),
    ("Dr Price", "Let's hear from someone else. Aisha?"),
    ("Aisha", "I was less convinced. It's all from one culture, isn't it?"),
    ("Dr Price", "That's a really good point, Aisha. What do the rest of you think?"),
    ("Tom", "I still think the basic idea holds up."),
    ("Dr Price", "Ben, you've been quiet. What's your take?"),
    ("Ben", "I didn't really get the internal working models bit."),
    ("Dr Price", "Let Chloe have a go at explaining it, Tom."),
    ("Chloe", "Is it what you learn as a baby about whether people will be there for you?"),
    ("Dr Price", "Exactly that. Nicely put. Does that help, Ben?"),
    ("Ben", "Yeah, that makes more sense."),
]


def test_handing_the_floor_on_in_a_group_is_no_run_of_questions_and_drawing_in_is_a_strength():
    conv = rapportlens.analyze(Conversation.from_pairs(SEMINAR, roles=SEMINAR_ROLES))
    parts = [q["part"] for p in conv.features["pitfalls"] for q in p.get("parts", ())]
    assert "question_bursts" not in parts
    [drawn] = [s for s in conv.features["strengths"] if s["strength"] == "drew_in_quieter"]
    assert drawn["evidence"] == [4, 8, 10] and "Aisha, Ben and Chloe" in drawn["reason"]
    assert "affirmation" in {c["code"] for c in conv.features["codes"][6]}
    assert "affirmation" in {c["code"] for c in conv.features["codes"][12]}


def test_asking_directly_after_a_hint_the_model_is_unsure_of_is_taking_up_the_risk():
    call = [("T", "What's prompted you to call today?"),
            ("C", "I've got bailiffs coming on Friday and three credit cards maxed out."),
            ("T", "That sounds like a lot of pressure landing on you all at once."),
            ("C", "It is. I can't sleep. Honestly I can't see a way out of it."),
            ("T", "When you say you can't see a way out, have you had any thoughts of ending your life?"),
            ("C", "No, nothing like that. I just mean I can't see how I'll ever pay it off."),
            ("T", "Thank you for telling me. If that ever changes, you can call Samaritans any time. Have you got the letter?"),
            ("C", "Yeah. It says Friday the 12th."),
            ("T", "And what do you owe on the cards?"), ("C", "About six thousand.")]
    conv = rapportlens.analyze(Conversation.from_pairs(call, roles=ROLES))
    assert all(f.get("unsure") for f in conv.features["risk"])
    [taken] = [s for s in conv.features["strengths"] if s["strength"] == "risk_taken_up"]
    assert 4 in taken["evidence"]
    # Three questions in a row, the first of them the direct question about risk: no burst.
    assert "question_bursts" not in [q["part"] for p in conv.features["pitfalls"] for q in p.get("parts", ())]


def test_a_face_threat_owned_straight_away_has_naming_the_tension_already_done():
    interview = [("T", "You said one of them started shouting. What did he look like?"),
                 ("C", "Tall, shaved head, a grey hoodie."),
                 ("T", "Why didn't you call us straight away?"),
                 ("C", "I did! I called 999 while I was holding her head. Are you saying I didn't?"),
                 ("T", "No, I'm sorry, that came out wrong. I can see from the log you called at 11.07."),
                 ("C", "Oh. No, it all happened so fast.")]
    conv, _ = recommended(interview)
    assert "face_threats" in [p["pitfall"] for p in conv.features["pitfalls"]]
    [named] = [r for r in conv.features["recommendations"] if r["technique"] == "repair"]
    assert named["already_done"] == [4]
    unowned = [*interview[:4], ("T", "Well, it's in the log either way."), interview[5]]
    conv, _ = recommended(unowned)
    assert [r["already_done"] for r in conv.features["recommendations"] if r["technique"] == "repair"] == [[]]


def test_handing_the_floor_to_another_member_passes_no_moment_over():
    roles = {"Dr Shah": Role.PRACTITIONER, "Mum": Role.MEMBER, "Mia": Role.MEMBER}
    visit = [("Dr Shah", "What can I do for you today?"),
             ("Mum", "She's not eating properly and she's lost a lot of weight. I'm worried sick."),
             ("Dr Shah", "Thanks for bringing her in. Mia, how do you see it?"),
             ("Mia", "I'm fine. Mum's overreacting."),
             ("Dr Shah", "Have you lost weight?"), ("Mia", "A bit."),
             ("Dr Shah", "When did it start?"), ("Mia", "September.")]
    conv = rapportlens.analyze(Conversation.from_pairs(visit, roles=roles))
    assert all("for instance" not in r["why"] for r in conv.features["recommendations"])


def test_a_client_state_says_the_count_behind_it_not_a_score():
    pairs = [("T", "What brings you in?"), ("C", "I'm so anxious and worried all the time."),
             ("T", "Tell me about your week."), ("C", "Work was busy, and I saw my sister on Sunday."),
             ("T", "How was that?"), ("C", "I avoid going out now. I'm scared I'll panic."),
             ("T", "What do you hope for?"), ("C", "To sleep properly and get back to the gym.")]
    state = analysed(pairs)["client_state"]
    assert state["state"] == "anxious_avoidant" and state["scores"]["anxious_avoidant"] == 1.0
    assert state["basis"] == "worry, avoidance or withdrawal in 2 of 4 of the client's utterances"
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    why = next(r["why"] for r in conv.features["recommendations"] if "anxious" in r["why"])
    assert state["basis"] in why and "score" not in why
