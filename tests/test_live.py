"""Live analysis, utterance by utterance (``rapportlens.live``, ``rapportlens live``)."""

import json

import pytest

import rapportlens
from rapportlens import Conversation, InputError, Role
from rapportlens.live import LiveSession

TALK = [
    ("Agent", "Hi, I'm here to listen. What's on your mind today?"),
    ("User", "Work has been awful. My manager criticises everything I do."),
    ("Agent", "That sounds exhausting. What happened most recently?"),
    ("User", "He shouted at me in a meeting. I just froze."),
    ("Agent", "You should stand up for yourself next time."),
    ("User", "Whatever. Not like it matters."),
    ("Agent", "Sorry, I jumped to advice there. It sounds like that meeting really hurt."),
    ("User", "Yeah. Some nights I just want to go to sleep and not wake up."),
]


@pytest.fixture(scope="module")
def updates():
    live = LiveSession("Agent")
    return live, [live.add(s, t) for s, t in TALK]


def test_live_gives_what_analyze_gives_for_the_conversation_so_far(updates):
    _, ups = updates
    whole = rapportlens.analyze(Conversation.from_pairs(TALK, roles={"Agent": Role.PRACTITIONER, "User": Role.CLIENT}))
    assert [u.codes for u in ups] == whole.features["codes"]
    assert ups[-1].overall == pytest.approx(whole.features["scores"]["overall"])
    assert ups[-1].conversation.features["ruptures"] == whole.features["ruptures"]


def test_each_utterance_is_coded_once(updates):
    live, _ = updates
    coder = next(a._coder for a in live.pipeline.analyzers if a.name == "codes")
    assert len(coder.done) == len(TALK)


def test_risk_and_ruptures_come_with_the_utterance_that_brings_them(updates):
    _, ups = updates
    assert [r["kind"] for r in ups[5].ruptures] == ["withdrawal"] and not ups[5].ruptures[0]["repair"]
    assert ups[6].ruptures[0]["repair"]["utterance"] == 6  # the same rupture, now repaired
    assert not ups[7].ruptures
    assert ups[7].needs_review and ups[7].risk[0]["category"] == "suicide"
    assert not any(u.risk for u in ups[:7])


def test_recent_scores_read_the_last_utterances():
    live = LiveSession("Agent", recent=4)
    for s, t in TALK:
        up = live.add(s, t)
    assert (up.recent["start"], up.recent["end"]) == (4, 7)
    assert set(up.recent["dimensions"]) >= {"empathy", "attentiveness"}
    assert json.loads(json.dumps(up.to_dict()))["recent"]["end"] == 7


@pytest.mark.parametrize("call,message", [
    (lambda live: live.add("", "hello"), "the speaker is empty"),
    (lambda live: live.add("User", "   "), "the text is empty"),
])
def test_bad_utterances_are_refused_with_the_fix(call, message):
    with pytest.raises(InputError, match=message):
        call(LiveSession("Agent"))


def test_times_must_go_forwards_and_the_practitioner_be_named():
    live = LiveSession("Agent")
    live.add("Agent", "Hello.", start=10.0)
    with pytest.raises(InputError, match="before the previous utterance"):
        live.add("User", "Hi.", start=5.0)
    with pytest.raises(InputError, match="needs the practitioner's name"):
        LiveSession("")


def test_the_live_command_reads_lines_and_prints_updates(run):
    text = "\n".join(f"{s}: {t}" for s, t in TALK[4:]) + "\nnot a line of talk\n"
    r = run("live", "-p", "Agent", input=text)
    assert r.exit_code == 0
    assert "[1] User: " in r.stdout and "rupture (withdrawal) begins" in r.stdout
    assert "rupture (withdrawal) repaired here" in r.stdout
    assert "!! RISK, needs human review: suicidal ideation or intent" in r.stdout
    assert "line 5: not 'Name: text' nor a JSON object with speaker and text, left out" in r.stderr
    lines = [json.loads(x) for x in run("live", "-p", "Agent", "--json", input=text).stdout.splitlines()]
    assert [x["utterance"] for x in lines] == [0, 1, 2, 3] and lines[3]["needs_review"] is True


def test_the_live_command_reads_json_objects_with_times(run):
    lines = [json.dumps({"speaker": "Agent", "text": "How are you today?", "start": 0.0, "end": 1.5}),
             json.dumps({"speaker": "User", "text": "Not bad thanks.", "start": 2.0}),
             json.dumps({"speaker": "User", "text": "Earlier, sorry.", "start": 1.0}),
             json.dumps({"text": "no speaker"})]
    r = run("live", "-p", "Agent", "--json", input="\n".join(lines) + "\n")
    assert [json.loads(x)["utterance"] for x in r.stdout.splitlines()] == [0, 1]
    assert "line 3: " in r.stderr and "before the previous utterance" in r.stderr
    assert "line 4: not 'Name: text' nor a JSON object" in r.stderr


PUSHY = [
    ("Agent", "Hi, what is on your mind today?"),
    ("User", "Work has been awful."),
    ("Agent", "What happened? Was it your manager? Did he say something?"),
    ("User", "He shouted at me."),
    ("Agent", "Why did he shout? What did you do? Have you reported him?"),
    ("User", "Nothing. I did nothing."),
    ("Agent", "You should report him to HR, and you need to look for another job."),
    ("User", "Whatever."),
    ("Agent", "How long have you worked there? Do you like the job?"),
    ("User", "Two years."),
]


def test_pitfalls_are_nudged_once_with_what_to_try_and_not_too_early():
    live = LiveSession("Agent")
    ups = [live.add(s, t) for s, t in PUSHY]
    assert not any(u.nudges for u in ups[:7])  # a few utterances are not a session yet
    first = {n["pitfall"]: n for n in ups[7].nudges}
    assert "rushing.question_bursts" in first and first["rushing.question_bursts"]["try"] == "Reflect more than you ask"
    assert "unrepaired_rupture" not in first  # the rupture began at this very utterance
    assert [n["pitfall"] for n in ups[9].nudges] == ["unrepaired_rupture"]
    seen = [n["pitfall"] for u in ups for n in u.nudges]
    assert len(seen) == len(set(seen))
