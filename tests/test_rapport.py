"""Dimensions, the overall score, timeline, ruptures and repair, feedback and risk."""

import csv
import json

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.analyzers.rapport import Timeline
from rapportlens.output import to_dict
from rapportlens.rapport.dimensions import DIMENSIONS
from rapportlens.rapport.risk import pattern_flags
from rapportlens.rapport.scoring import load_score_model
from rapportlens.summary import summarize

ROLES = {"T": Role.PRACTITIONER, "C": Role.CLIENT}

REPAIRED = [
    ("T", "What brings you in today?"),
    ("C", "My doctor said I should come because my drinking has been getting worse since the winter."),
    ("T", "You should cut down to two drinks a night and join a support group this week."),
    ("C", "You're not listening to me. This isn't helping."),
    ("T", "I'm sorry if I pushed too hard just then. I think I went a bit too fast. What felt off for you?"),
    ("C", ("It's just that everyone tells me what to do, and I end up feeling like a failure every time "
          "I try something and it doesn't work out the way they said it would.")),
    ("T", "Being told what to do has left you feeling like you failed."),
    ("C", "Yes, exactly. I want to find my own way this time, at my own pace."),
]


def analysed(pairs, roles=ROLES):
    return rapportlens.analyze(Conversation.from_pairs(pairs, roles=roles))


def test_a_repaired_rupture_is_a_rupture_followed_by_a_repair():
    conv = analysed(REPAIRED)
    [r] = conv.features["ruptures"]
    assert r["kind"] == "confrontation" and r["utterances"] == [3]
    assert r["trigger"] == 2  # the advice just before
    assert r["repair"]["utterance"] == 4 and r["repair"]["kind"] == "explicit"
    assert r["recovered"] and r["recovery"] == 5 and r["repaired"]
    assert not any(p["pitfall"] == "unrepaired_rupture" for p in conv.features["pitfalls"])


def test_an_unrepaired_rupture_is_reported_as_such():
    pairs = REPAIRED[:4] + [
        ("T", "Well, you need to stop drinking. It's your own fault it got this bad."),
        ("C", "Whatever."),
        ("T", "So will you join the group?"),
        ("C", "I don't know."),
    ]
    conv = analysed(pairs)
    [r] = conv.features["ruptures"]
    assert r["utterances"] == [3, 5, 7] and r["repair"] is None and not r["recovered"]
    kinds = {p["pitfall"]: p for p in conv.features["pitfalls"]}
    assert kinds["face_threats"]["evidence"] == [4]
    assert "unrepaired_rupture" in kinds
    techniques = [rec["technique"] for rec in conv.features["recommendations"]]
    assert "repair" in techniques or "ask_permission" in techniques
    for rec in conv.features["recommendations"]:
        assert rec["why"] and rec["example"]


def test_no_rupture_in_a_steady_session():
    conv = analysed([
        ("T", "How has the week been?"),
        ("C", "Better than last week, I managed to walk every morning before work."),
        ("T", "You kept to the walks even on busy days."),
        ("C", "Yes, and I think it helped me sleep a little better too."),
    ])
    assert conv.features["ruptures"] == []


def read_sentences():
    with open("tests/data/risk/sentences.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("row", read_sentences(), ids=lambda r: r["text"][:40])
def test_risk_sentences(row):
    found = {f.category for f in pattern_flags(row["text"])}
    if row["category"] == "none":
        assert not found, f"figurative or negated, flagged as {found}"
    else:
        assert row["category"] in found


def test_risk_is_reported_first_and_worded_for_review():
    conv = analysed([("T", "How have things been?"), ("C", "Honestly, I've been thinking about ending my life.")])
    [flag] = conv.features["risk"]
    assert flag["utterance"] == 1 and flag["category"] == "suicide" and flag["action"] == "needs human review"
    assert flag["evidence"] in conv.utterances[1].text
    text = summarize(conv)
    assert text.index("RISK") < text.index("Rapport")
    out = to_dict(conv)
    assert out["risk"][0]["utterance"] == 1 and set(out["risk"][0]) >= {"utterance", "category", "evidence"}


def test_practitioner_questions_about_risk_are_not_flagged():
    conv = analysed([("T", "Have you had thoughts of killing yourself or of suicide?"), ("C", "No, never.")])
    assert conv.features["risk"] == []


def test_json_report_keys_and_dimension_evidence():
    conv = analysed(REPAIRED)
    out = json.loads(json.dumps(to_dict(conv)))
    for key in ("scores", "timeline", "ruptures", "pitfalls", "recommendations", "risk"):
        assert key in out and key not in out["features"]
    assert set(out["scores"]["dimensions"]) == set(DIMENSIONS)
    assert 0 <= out["scores"]["overall"] <= 100
    dims = conv.features["dimensions"]
    assert 4 in dims["collaboration"]["evidence"] or 2 in dims["collaboration"]["evidence"]
    assert dims["collaboration"]["components"]["advice"]["value"] > 0


def test_score_rewards_what_good_practice_looks_like():
    model = load_score_model()
    mid = dict(zip(model.features, model.means))
    better = {**mid, "collaboration": mid["collaboration"] + 20, "empathy": mid["empathy"] + 20}
    assert model.overall(better) > model.overall(mid)
    unmeasured = {**mid, "empathy": None}
    assert model.overall(unmeasured) == pytest.approx(model.overall(mid))  # unmeasured = training mean
    extreme = {**mid, "collaboration": 10_000}
    assert model.overall(extreme) < 100  # clipped, not extrapolated


def test_a_rupture_left_unrepaired_lowers_the_score():
    model = load_score_model()
    mid = dict(zip(model.features, model.means))
    assert model.overall({**mid, "unrepaired_ruptures": 10.0}) < model.overall({**mid, "unrepaired_ruptures": 0.0})
    unrepaired = REPAIRED[:4] + [("T", "Anyway, the support group meets on Tuesdays."), ("C", "Fine."),
                                 ("T", "And keep a drinks diary."), ("C", "Okay.")]
    conv = analysed(unrepaired)
    scores = conv.features["scores"]
    open_ruptures = [r["start"] for r in conv.features["ruptures"] if not r["repaired"]]
    assert open_ruptures and scores["unrepaired_ruptures"]["utterances"] == open_ruptures
    assert scores["unrepaired_ruptures"]["per_100_utterances"] == pytest.approx(100 * len(open_ruptures) / 8)
    assert scores["contributions"]["unrepaired_ruptures"] < 0
    assert "not repaired took" in summarize(conv)
    repaired = analysed(REPAIRED).features["scores"]
    assert repaired["unrepaired_ruptures"] == {"per_100_utterances": 0.0, "utterances": []}
    assert repaired["contributions"]["unrepaired_ruptures"] >= 0  # none left open never costs points


def test_timeline_windows_cover_every_utterance():
    conv = Conversation.from_pairs([("T" if i % 2 else "C", f"sentence number {i} here") for i in range(45)],
                                   roles=ROLES)
    assert Timeline().spans(conv) == [(0, 20), (10, 30), (20, 40), (25, 45)]
    assert Timeline().spans(Conversation.from_pairs([("T", "hi"), ("C", "hello")], roles=ROLES)) == [(0, 2)]
    analysed_conv = rapportlens.analyze(conv)
    assert [w["start"] for w in analysed_conv.features["timeline"]] == [0, 10, 20, 25]


def _timed(gaps):
    from rapportlens.model import Utterance

    starts = [sum(gaps[:i]) for i in range(len(gaps) + 1)]
    utts = [Utterance(i, "T" if i % 2 else "C", f"sentence number {i} here", t, t + 2.0) for i, t in enumerate(starts)]
    return Conversation(utts, Conversation.from_pairs([("C", "a"), ("T", "b")], roles=ROLES).speakers, id="timed")


def test_a_recording_gets_windows_of_minutes_and_a_chat_windows_of_utterances():
    recording = _timed([6.0] * 44)  # 45 utterances over four and a half minutes
    assert Timeline().spans(recording) == [(0, 20), (10, 30), (20, 40), (30, 45)]
    chat = _timed([600.0] * 44)  # a message every ten minutes
    assert Timeline().spans(chat) == [(0, 20), (10, 30), (20, 40), (25, 45)]
    # A quick exchange, then nothing for two days, then another: only the windows with talk.
    resumed = _timed([5.0] * 20 + [2 * 86400.0] + [5.0] * 20)
    spans = Timeline().spans(resumed)
    assert spans[0][0] == 0 and spans[-1][1] == 42 and all(b > a for a, b in spans) and len(spans) <= 8


def test_summary_fits_80_columns():
    conv = analysed(REPAIRED)
    assert all(len(line) <= 80 for line in summarize(conv).splitlines())


LIFTING = [
    ("T", "How have things been this week?"),
    ("C", "Awful. I feel hopeless and miserable, and I hate how stuck I am."),
    ("T", "It has been a really heavy week."),
    ("C", "Terrible, honestly. Everything went wrong and I was so angry."),
    ("T", "What has helped, even a little?"),
    ("C", "Walking the dog, I suppose. That was okay."),
    ("T", "The walks gave you some room."),
    ("C", "Yes, they did. I felt calmer after."),
    ("T", "What would you like to keep doing?"),
    ("C", "I'm glad we talked. I feel much better and hopeful about trying again, thank you."),
    ("T", "I'm glad too. Let's pick this up next week."),
    ("C", "Great, thanks so much, I really appreciate it."),
]


def test_client_valence_change_and_closing_valence_follow_the_session():
    comps = analysed(LIFTING).features["dimensions"]
    change = comps["client_engagement"]["components"]["valence_change"]
    assert change["value"] > 0.3 and change["scaled"] > 0.5
    # the same turns told backwards: each speaker keeps their place, the mood sinks
    sinking = LIFTING[:1] + [(s, t) for (s, _), (_, t) in zip(LIFTING[1:], reversed(LIFTING[1:]))]
    falling = analysed(sinking).features["dimensions"]
    assert falling["client_engagement"]["components"]["valence_change"]["value"] < -0.3
    closing = comps["positivity"]["components"]["closing_valence"]
    assert closing["value"] > comps["positivity"]["components"]["valence"]["value"]
    assert falling["positivity"]["components"]["closing_valence"]["value"] < 0


def test_valence_change_needs_three_client_utterances():
    comps = analysed(LIFTING[:4]).features["dimensions"]
    assert comps["client_engagement"]["components"]["valence_change"] == {"value": None, "scaled": None}
    assert comps["client_engagement"]["score"] is not None


def test_rupture_signals_are_told_in_words_in_the_summary_and_the_report():
    from rapportlens.report import render_html

    conv = analysed(REPAIRED)
    [r] = conv.features["ruptures"]
    assert "confrontation" in r["signals"]  # the JSON keeps the names
    assert "(complaint or pushback" in summarize(conv)
    assert "complaint or pushback" in render_html(conv)
