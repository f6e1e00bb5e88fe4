"""Rupture cases from session 55's conversations (a youth worker with a teenager, written for
the project)."""

from tests.rupture_helpers import analyzed

from rapportlens import Role

ROLES = {"Worker": Role.PRACTITIONER, "Kai": Role.CLIENT}
LECTURE = [
    ("Worker", "Your mum said there was a bit of trouble with a teacher on Tuesday."),
    ("Kai", "Whatever. She always says stuff."),
    ("Worker", "You should really try to keep out of trouble, you know. Another exclusion and you'll lose your place."),
    ("Kai", "Yeah."),
    ("Worker", "And you need to start handing your homework in."),
    ("Kai", "Can I go now?"),
    ("Worker", "Sorry, I've gone straight into lecturing you, haven't I. That's not what you came here for."),
    ("Kai", "Not really."),
    ("Worker", "What would make this hour worth your time?"),
    ("Kai", "I don't know. Just not being told off for once."),
    ("Worker", "Fair enough. No telling off. What happened on Tuesday, from your side?"),
    ("Kai", ("He grabbed my bag and chucked it on the floor in front of everyone, and I swore at him. "
             "So I'm the one who got sent out.")),
]


def test_a_repair_owning_the_misstep_counts_though_the_rupture_went_on_through_it():
    conv = analyzed(LECTURE, roles=ROLES)
    [r] = [r for r in conv.features["ruptures"] if 5 in r["utterances"]]
    assert r["repair"]["utterance"] == 6 and r["repair"]["kind"] == "explicit"
    assert r["repaired"] and r["recovery"] == 11


def test_a_lot_at_once_said_of_the_clients_troubles_is_validation_not_owning_a_misstep():
    conv = analyzed([("listener", "that sounds really heavy. what's been piling up?"),
                     ("user", "exams, my parents fighting constantly, and my gf dumped me last week lol"),
                     ("listener", "that's a lot all at once. how are you coping with it all?"),
                     ("user", "not great ngl. i just want to disappear sometimes")],
                    roles={"listener": Role.PRACTITIONER, "user": Role.CLIENT})
    assert conv.features["ruptures"] == []
    assert "validation" in {c["code"] for c in conv.features["codes"][2]}
    owned = analyzed([("T", "You could cut down, see a counsellor, and start the gym."), ("C", "Right."),
                      ("T", "That's a lot of suggestions in one go, and I've hardly asked you anything.")],
                     roles={"T": Role.PRACTITIONER, "C": Role.CLIENT})
    assert "repair" in {c["code"] for c in owned.features["codes"][2]}


def test_defending_ones_familys_word_is_pushback_and_doubting_it_a_face_threat():
    from tests.rupture_helpers import C, coded

    assert coded("Our daughter is not a liar.", "confrontation", C)
    assert coded("No. I'm not making it up.", "confrontation", C)
    assert coded("Can we talk about something that actually matters?", "confrontation", C)
    assert not coded("I'm not lying awake as much now.", "confrontation", C)
    conv = analyzed([
        ("Mrs Khan", "Thanks for seeing us. We wanted to talk about Zara's report."),
        ("Mr Doyle", "Her effort has dropped a lot this term. She's not handing in homework."),
        ("Mr Khan", "She's been doing homework every night at the kitchen table. We see her do it."),
        ("Mr Doyle", "I'm just telling you what I've got. Maybe she's not being honest with you."),
        ("Mr Khan", "Our daughter is not a liar."),
    ], roles={"Mr Doyle": Role.PRACTITIONER, "Mrs Khan": Role.MEMBER, "Mr Khan": Role.MEMBER})
    assert [r["start"] for r in conv.features["ruptures"]] == [4]
    assert "face_threat" in {c["code"] for c in conv.features["codes"][3]}
