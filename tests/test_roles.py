from rapportlens import Conversation, Role, assign_roles


def inferred(pairs, **kw):
    conv = assign_roles(Conversation.from_pairs(pairs), **kw)
    return {s.name: s.role for s in conv.speakers}, conv


def test_question_asker_is_the_practitioner_in_a_dyad():
    roles, conv = inferred([("Ann", "I slept badly."), ("Bo", "What kept you up?"), ("Ann", "Work."),
                            ("Bo", "How long has that gone on?")])
    assert roles == {"Ann": Role.CLIENT, "Bo": Role.PRACTITIONER}
    assert conv.speaker("Bo").role_inferred and "questions" in conv.speaker("Bo").role_basis


def test_role_names_win_over_questions():
    roles, _ = inferred([("Patient", "Why am I here?"), ("Dr. Lee", "Your GP sent you.")])
    assert roles == {"Patient": Role.CLIENT, "Dr. Lee": Role.PRACTITIONER}


def test_an_officer_who_is_asked_the_questions_is_still_the_practitioner():
    # The client asks most of the questions when a decision goes against them.
    roles, _ = inferred([("Officer", "Unfortunately you don't qualify for the grant."), ("Lisa", "What? Why not?"),
                         ("Officer", "Your income is over the threshold."), ("Lisa", "By how much?")])
    assert roles == {"Officer": Role.PRACTITIONER, "Lisa": Role.CLIENT}
    roles, _ = inferred([("Social worker", "I need to ask about the bruises."), ("Dad", "Why are you asking me?")])
    assert roles == {"Social worker": Role.PRACTITIONER, "Dad": Role.CLIENT}


def test_initials_are_not_role_words():
    roles, _ = inferred([("T Smith", "ok."), ("Ann", "Why?")])
    assert roles["Ann"] is Role.PRACTITIONER


def test_group_others_are_members():
    roles, _ = inferred([("Guide", "Ready?"), ("Ana", "Yes"), ("Ben", "Yes"), ("Cy", "No")])
    assert roles == {"Guide": Role.PRACTITIONER, "Ana": Role.MEMBER, "Ben": Role.MEMBER, "Cy": Role.MEMBER}


def test_given_practitioners_and_clients_are_not_inferred():
    roles, conv = inferred([("A", "hi?"), ("B", "hello?"), ("C", "hey")], practitioners=["c"], clients=["A"])
    assert roles == {"A": Role.CLIENT, "B": Role.MEMBER, "C": Role.PRACTITIONER}
    assert not conv.speaker("C").role_inferred


def test_tie_goes_to_the_first_speaker():
    roles, _ = inferred([("X", "hi"), ("Y", "hello")])
    assert roles == {"X": Role.PRACTITIONER, "Y": Role.CLIENT}


def test_transcript_shorthand_t_and_c():
    roles, _ = inferred([("C", "I'm not sure why I'm here?"), ("T", "Tell me more.")])
    assert roles == {"C": Role.CLIENT, "T": Role.PRACTITIONER}


def test_client_or_member_depends_on_group_size_not_the_label():
    roles, _ = inferred([("Interviewer", "Could you describe a day?"), ("Participant", "Sure.")])
    assert roles == {"Interviewer": Role.PRACTITIONER, "Participant": Role.CLIENT}
    roles, _ = inferred([("TEACHER", "What did you find?"), ("STUDENT 1", "It grew."),
                         ("STUDENT 2", "It was yellow!"), ("LEO", "Light?")])
    assert roles == {"TEACHER": Role.PRACTITIONER, "STUDENT 1": Role.MEMBER,
                     "STUDENT 2": Role.MEMBER, "LEO": Role.MEMBER}


def test_client_named_speaker_is_never_picked_as_practitioner_by_questions():
    roles, _ = inferred([("Patient", "Why? How? When?"), ("Ann", "Because.")])
    assert roles == {"Patient": Role.CLIENT, "Ann": Role.PRACTITIONER}


def test_when_every_name_names_a_practitioner_the_one_who_asks_leads():
    conv = Conversation.from_pairs([
        ("Coach", "How did the meeting go?"),
        ("Manager", "Badly. Nobody spoke up and I talked for forty minutes."),
        ("Coach", "What happened when you asked for ideas?"),
        ("Manager", "There was silence and I filled it."),
    ])
    roles = {s.name: (s.role, s.role_basis) for s in assign_roles(conv).speakers}
    assert roles["Coach"][0] == Role.PRACTITIONER and "every name names a practitioner" in roles["Coach"][1]
    assert roles["Manager"][0] == Role.CLIENT


def test_a_practitioner_name_beside_a_client_name_keeps_both():
    conv = Conversation.from_pairs([("Manager", "Thanks for coming in."), ("Employee", "Sure.")])
    roles = {s.name: s.role for s in assign_roles(conv).speakers}
    assert roles == {"Manager": Role.PRACTITIONER, "Employee": Role.CLIENT}


def test_the_host_who_opens_the_session_is_the_practitioner():
    # A parent asks the only early question; the teacher opened the meeting.
    conv = assign_roles(Conversation.from_pairs([
        ("Ms Reid", "Thank you both for coming in. I wanted to talk about how Leo's been getting on."),
        ("Mr Patel", "Is this about the fight?"),
        ("Ms Reid", "Partly. He's been in two scuffles at lunchtime."),
        ("Mrs Patel", "So you're saying it's our fault."),
        ("Ms Reid", "No. I'd like us to work out together what's going on."),
    ]))
    assert conv.speaker("Ms Reid").role is Role.PRACTITIONER
    assert "opens the session as host" in conv.speaker("Ms Reid").role_basis


def test_opening_as_a_visitor_marks_a_client_though_they_ask_more():
    # The parent thanks the teacher for seeing them and asks the most; the teacher asks once.
    conv = assign_roles(Conversation.from_pairs([
        ("Mrs Khan", "Thanks for seeing us. We wanted to talk about Zara's report."),
        ("Mr Doyle", "Yes. Her effort has dropped a lot this term."),
        ("Mr Khan", "She's been doing homework every night at the kitchen table."),
        ("Mr Doyle", "Well, it's not reaching me. I've got nothing in my book since October."),
        ("Mrs Khan", "So what happens to it? Where does it go?"),
        ("Mr Doyle", "What are you noticing with Zara at home?"),
    ]))
    assert conv.speaker("Mr Doyle").role is Role.PRACTITIONER
    assert conv.speaker("Mrs Khan").role is Role.MEMBER


def test_talking_about_the_other_person_marks_the_practitioner():
    # Both ask once; the counsellor talks about "you", the client about "I".
    conv = assign_roles(Conversation.from_pairs([
        ("Ana", "I don't know where to start. I feel like I've let everyone down, my kids most of all."),
        ("Ben", "You've been carrying a lot. What would you like to start with?"),
        ("Ana", "Can I talk about my son? I worry about him all the time."),
        ("Ben", "Your son is on your mind most."),
    ]))
    assert conv.speaker("Ben").role is Role.PRACTITIONER
    assert "'you'" in conv.speaker("Ben").role_basis
