"""The terminal summary: section order, 80 columns, plain text off a terminal, styles on one."""

from __future__ import annotations

import io
import re

from rich.console import Console

import rapportlens
from rapportlens.model import Conversation, Role
from rapportlens.report.html import render_html
from rapportlens.summary import print_summary, summarize

ROLES = {"T": Role.PRACTITIONER, "C": Role.CLIENT}
SESSION = [
    ("T", "What brings you here today?"),
    ("C", "I've been thinking about ending my life, to be honest."),
    ("T", "Thank you for telling me. It sounds like things have felt unbearable lately."),
    ("C", "Yes. Work, my family, everything at once."),
    ("T", "What would you like us to focus on together first?"),
    ("C", "Maybe the sleep. I lie awake every night going over it all."),
    ("T", "So the nights are where it all catches up with you."),
    ("C", "Exactly, that's when it's worst."),
]


def analysed() -> Conversation:
    return rapportlens.analyze(Conversation.from_pairs(SESSION, roles=ROLES))


def test_sections_come_in_the_order_a_reader_needs():
    text = summarize(analysed())
    order = ["RISK", "Rapport", "Motivational interviewing", "Ruptures", "Try next"]
    positions = [text.index(word) for word in order]
    assert positions == sorted(positions)
    assert "need human review" in text and "ending my life" in text


def test_plain_summary_is_ascii_art_free_and_fits_80_columns():
    text = summarize(analysed())
    assert "\x1b[" not in text and "█" not in text
    assert all(len(line) <= 80 and line == line.rstrip() for line in text.splitlines())
    assert re.search(r"overall +\d+ +#+\.*", text)


def test_terminal_summary_is_styled_and_fits_80_columns():
    out = io.StringIO()
    print_summary(analysed(), Console(file=out, width=80, force_terminal=True, color_system="standard"))
    styled = out.getvalue()
    assert "\x1b[" in styled and "█" in styled
    visible = re.sub(r"\x1b\[[0-9;]*m", "", styled)
    assert all(len(line) <= 80 for line in visible.splitlines())
    # Levels are written as words, so they survive without colour.
    assert re.search(r"(good|fair|below fair)", visible)


def test_strengths_are_listed_with_their_evidence():
    conv = analysed()
    strengths = conv.features["strengths"]
    assert strengths, "a session of reflections and a shared focus has something to praise"
    for s in strengths:
        assert s["evidence"] and all(0 <= i < len(conv.utterances) for i in s["evidence"])
    assert f"+ {strengths[0]['title']}" in summarize(conv)


def test_the_ruptures_section_names_the_finder_and_where_its_accuracy_is():
    text = summarize(analysed())
    section = text[text.index("Ruptures"):]
    assert "ruptures.v" in section and "docs/analyzers/ruptures.md" in section


def test_each_rupture_quotes_its_words_and_its_repair():
    conv = rapportlens.analyze(Conversation.from_pairs([
        ("T", "How have the last few weeks been with the new eating plan?"),
        ("C", "Up and down. I managed the breakfasts but the evenings are hard because I work late."),
        ("T", "The sheet was clear that dinner should be before seven. Eating late is why your sugars are high."),
        ("C", "I finish at eight. What am I supposed to do, eat at my desk in front of customers?"),
        ("T", ("That's a fair point, and I skipped right past what your shifts actually look like. "
               "Can you walk me through a late day?")),
        ("C", "Sure. I have a sandwich at one, nothing till I get home around half eight, then I eat whatever's quick."),
    ], roles=ROLES))
    section = summarize(conv)[summarize(conv).index("Ruptures"):]
    assert '3: "I finish at eight. What am I supposed to do, eat at my desk in..."' in section
    assert '4: "That\'s a fair point, and I skipped right past what your shifts..."' in section
    assert all(len(line) <= 80 for line in section.splitlines())


def test_mi_heading_counts_in_the_singular_when_there_is_one():
    from rapportlens.summary import counted

    assert counted(1, "reflection") == "1 reflection"
    assert counted(0, "question") == "0 questions"
    assert counted(4, "question") == "4 questions"


def test_each_recommendation_says_why_with_its_evidence():
    import rapportlens
    from rapportlens import Conversation, Role
    from rapportlens.summary import summarize

    conv = rapportlens.analyze(Conversation.from_pairs([
        ("T", "Your liver test is bad. You need to cut down on the drinking."),
        ("C", "I don't think my drinking is a problem."),
        ("T", "Well, the numbers don't lie. You should be drinking no more than fourteen units."),
        ("C", "Everyone I know has a few pints."),
        ("T", "Why don't you just stop going to the pub?"),
        ("C", "Fine."),
    ], roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    text = summarize(conv)
    tried = text.split("Try next", 1)[1]
    assert "why: face threats:" in tried and "(utterances 2" in tried


def test_a_model_risk_flag_shows_the_question_it_answers():
    from rapportlens import Conversation, Role
    from rapportlens.summary import Summary

    conv = Conversation.from_pairs([("Dr", "Is it alright if your son stays while we talk?"), ("Pat", "Yes, I want him here.")],
                                   roles={"Dr": Role.PRACTITIONER, "Pat": Role.CLIENT})
    summary = Summary(conv, fancy=False)
    assert summary._question_before(1) == "Is it alright if your son stays while we talk?"
    assert summary._question_before(0) is None


def test_a_long_session_says_where_rapport_was_lowest_and_highest():
    import rapportlens
    from rapportlens import Conversation, Role
    from rapportlens.summary import summarize

    pairs = [("T", "What brings you in today?"), ("C", "Work has been hard and I can't sleep.")] * 25
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    windows = conv.features["timeline"]
    assert len(windows) >= 3
    for w, value in zip(windows, [60, 20, 80] + [50] * len(windows)):
        w["overall"] = value  # the windows' scores, set so the line's wording can be checked
    low, high = windows[1], windows[2]
    assert (f"over time: lowest 20 at utterances {low['start']}-{low['end']}, highest 80 at "
            f"{high['start']}-{high['end']}") in " ".join(summarize(conv).split())


def test_a_dated_chat_says_when_it_started(tmp_path):
    import rapportlens
    from rapportlens.summary import summarize

    path = tmp_path / "chat.jsonl"
    path.write_text('{"author": "Coach", "message": "Morning! How was the week?", "ts": "2026-11-30T09:00:05Z"}\n'
                    '{"author": "Sam", "message": "Not bad, three runs.", "ts": "2026-11-30T09:01:10Z"}\n')
    (conv,) = rapportlens.read(path)
    assert "2 utterances, 2 turns, 00:01:05 long, started 2026-11-30 09:00:05 UTC" in summarize(rapportlens.analyze(conv))


def test_the_coding_model_line_gives_its_measured_agreement_with_experts():
    conv = analysed()
    accuracy = next(p["settings"] for p in conv.provenance if p["name"] == "codes")["model_accuracy"]
    text = " ".join(summarize(conv).split())
    assert (f"therapist behaviour {accuracy['therapist_behaviour']['macro_f1']:.2f}; client talk type "
            f"{accuracy['client_talk_type']['macro_f1']:.2f}") in text


def test_a_model_trained_without_cross_validation_says_its_accuracy_was_not_measured(tmp_path, model_with_card):
    card = {k: v for k, v in model_with_card.card.items() if k != "cross_validation"}
    folder = model_with_card(tmp_path / "model", card)
    pipeline = rapportlens.default_pipeline({"codes": {"model": str(folder)}})
    conv = pipeline(Conversation.from_pairs(SESSION, roles=ROLES))
    assert "its accuracy was not measured: train it with --cv" in " ".join(summarize(conv).split())
    assert "Its accuracy was not measured" in render_html(conv)  # the report's models section too
