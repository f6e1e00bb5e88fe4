"""Sessions over time (``rapportlens.series``) and ``rapportlens trend``."""

import json
import re

import pytest

from rapportlens.series import SeriesEntry, build_series, pattern, series_of, slope, trend


def result(n, overall, empathy, rq, pitfalls=(), ruptures=(), risk=(), strengths=(), therapist="T", client="Jo"):
    """A session's result in ``to_dict`` form with only what a series reads."""
    return {
        "id": f"s{n}", "source": {"path": f"s{n}.txt"}, "meta": {},
        "speakers": [{"name": therapist, "role": "practitioner"}, {"name": client, "role": "client"}],
        "utterances": [{}] * 10,
        "scores": {"overall": overall, "dimensions": {"empathy": empathy}},
        "features": {"mi.reflection_to_question": rq, "mi.percent_complex_reflections": None,
                     "mi.percent_open_questions": 50.0, "mi.client_talk": {"percent_change": 60.0}},
        "pitfalls": [{"pitfall": p} for p in pitfalls],
        "ruptures": [{"kind": k, "repair": {"utterance": 3} if repaired else None} for k, repaired in ruptures],
        "risk": [{"utterance": u, "category": c, "source": "phrase"} for u, c in risk],
        "strengths": [{"strength": s, "title": s.title()} for s in strengths],
    }


@pytest.mark.parametrize("values,expected", [
    ([40, 50, 60], 10.0), ([60, 50, 40], -10.0), ([40, None, 60], 10.0), ([40], None), ([None, None], None),
])
def test_slope_is_least_squares_change_per_session(values, expected):
    assert slope(values) == expected


@pytest.mark.parametrize("measure,values,direction", [
    ("overall", [40, 52, 61], "rising"),
    ("overall", [61, 52, 40], "falling"),
    ("overall", [50, 70, 52], "steady"),  # up and down again: no trend
    ("overall", [50, 53, 56], "steady"),  # slope 3 but only 6 points in all
    ("overall", [50, 60], None),  # two sessions are a difference, not a trend
    ("mi.reflection_to_question", [0.5, 0.8, 1.2], "rising"),
    ("mi.reflection_to_question", [0.5, 0.6, 0.7], "steady"),
])
def test_a_trend_needs_three_sessions_and_a_real_move(measure, values, direction):
    assert trend(measure, values).direction == direction


@pytest.mark.parametrize("sessions,total,words", [
    ([1, 2, 3], 3, "every session"), ([2, 3], 3, "since session 2"), ([1, 2], 4, "until session 2"),
    ([1, 3], 4, "sessions 1, 3"), ([2], 4, "session 2 only"), ([4], 4, "session 4 only (the last)"),
])
def test_where_an_item_was_found_is_said_in_words(sessions, total, words):
    assert pattern(sessions, total) == words


def test_a_series_follows_figures_and_what_came_back():
    s = build_series([
        result(1, 35, 30, 0.4, pitfalls=["rushing"], ruptures=[("withdrawal", False)]),
        result(2, 55, 45, 0.9, pitfalls=["rushing"], strengths=["repair"], risk=[(4, "self_harm")]),
        result(3, 80, 60, 1.5, strengths=["repair"], ruptures=[("withdrawal", True)], risk=[(2, "self_harm")]),
    ])
    assert s.trend("overall").direction == "rising" and s.trend("overall").slope == 22.5
    assert s.trend("dimensions.empathy").direction == "rising"
    assert s.trend("mi.reflection_to_question").direction == "rising"
    assert s.trend("mi.percent_open_questions").direction == "steady"
    found = {(r.kind, r.name): r for r in s.recurring}
    assert found["pitfall", "rushing"].pattern == "until session 2"
    assert found["rupture", "withdrawal"].sessions == (1, 3)
    assert found["risk", "self_harm"].pattern == "since session 2"
    assert found["strength", "repair"].title == "Repair"
    assert [p.repaired for p in s.sessions] == [0, 0, 1]
    assert not s.notes and s.follows == "the client Jo with T"


def test_a_strength_in_one_session_is_not_listed_but_a_pitfall_is():
    s = build_series([result(1, 50, 50, 1.0, strengths=["laughed_together"]),
                      result(2, 50, 50, 1.0, pitfalls=["face_threats"]), result(3, 50, 50, 1.0)])
    assert [(r.kind, r.name, r.pattern) for r in s.recurring] == [("pitfall", "face_threats", "session 2 only")]


def test_risk_comes_first_in_the_summary():
    from rapportlens.series_summary import summarize_series

    text = " ".join(summarize_series(build_series([result(1, 50, 50, 1.0), result(2, 50, 50, 1.0, risk=[(4, "suicide")]),
                                                   result(3, 50, 50, 1.0)])).split())
    assert text.index("RISK: language that needs human review in session 2;") < text.index("overall")


def test_unsure_risk_flags_are_counted_apart():
    r = result(1, 50, 50, 1.0)
    r["risk"] = [{"utterance": 3, "category": "suicide", "source": "model", "unsure": True},
                 {"utterance": 5, "category": "self_harm", "source": "phrase"}]
    point = build_series([r]).sessions[0]
    assert (point.risk_sure, point.risk_unsure, point.risk_categories) == (1, 1, ("self_harm",))


def test_who_is_followed_is_said_and_a_series_of_strangers_is_warned_about():
    same = build_series([result(1, 50, 50, 1.0), result(2, 60, 50, 1.0), result(3, 60, 50, 1.0)])
    assert same.follows == "the client Jo with T" and not same.notes
    practitioner = build_series([result(1, 50, 50, 1.0), result(2, 60, 50, 1.0, client="Sam")])
    assert practitioner.follows == "the practitioner T, with 2 clients"
    assert [n for n in practitioner.notes if "named the same" in n] == []
    strangers = build_series([result(1, 50, 50, 1.0), result(2, 60, 50, 1.0, client="Sam", therapist="Lee")])
    assert strangers.follows == ""
    assert any("client is not named the same" in n and "Sam in session 2" in n and "Lee in session 2" in n
               for n in strangers.notes)
    assert any("trends need 3 or more" in n for n in strangers.notes)
    assert strangers.trend("overall").direction is None


SESSIONS = [
    ("Therapist: What brings you in today?\nJo: My GP sent me. I don't know why I'm here.\n"
     "Therapist: You need to cut down, it's obviously a problem.\nJo: Right. Fine.\n"
     "Therapist: How many drinks a day? Do you drink in the mornings?\nJo: Sometimes. Whatever.\n"),
    ("Therapist: How has the week been?\nJo: Better. I only drank on three nights.\n"
     "Therapist: Three nights instead of every night. That took effort.\nJo: It did. I was proud of it.\n"
     "Therapist: You were proud of yourself.\nJo: Yeah. I want to keep going.\n"),
    ("Therapist: How did the gym go?\nJo: Really well. I've not had a drink since Sunday.\n"
     "Therapist: Since Sunday. You sound pleased.\nJo: I am. I want to be there for my sister's kids.\n"
     "Therapist: Being there for them matters to you.\nJo: It does. I'm going to stick with it.\n"),
]


def test_sessions_analysed_by_different_models_are_noted():
    def made_by(r, codes, score):
        r["provenance"] = {"analyzers": [{"name": "codes", "settings": {"model": codes}},
                                         {"name": "rapport", "settings": {"score_model": score}}]}
        return r

    same = [made_by(result(n, 50, 50, 1.0), "c1", "s1") for n in (1, 2, 3)]
    assert not any("different models" in n for n in build_series(same).notes)
    mixed = same[:2] + [made_by(result(3, 50, 50, 1.0), "c2", "s1")]
    [note] = [n for n in build_series(mixed).notes if "different models" in n]
    assert "sessions 1, 2: coding c1, score s1; session 3: coding c2, score s1" in note


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("jo")
    # Named so that a plain sort would put session10 first.
    for name, text in zip(("session2.txt", "session10.txt", "session1.txt"), (SESSIONS[1], SESSIONS[2], SESSIONS[0])):
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_trend_reads_a_folder_in_natural_order(run, folder):
    r = run("trend", "-q", folder)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert " ".join(out.split()).startswith(
        "Series of 3 sessions of the client Jo with Therapist, in the order given, a folder's files by name")
    assert "1: session1" in out and "2: session2" in out and "3: session10" in out
    assert "reflections per question" in out and "trend" in out


def test_trend_json_has_sessions_trends_and_recurring(run, folder):
    r = run("trend", "-q", "--json", folder)
    data = json.loads(r.stdout)
    assert [s["id"] for s in data["sessions"]] == ["session1", "session2", "session10"]
    assert {t["measure"] for t in data["trends"]} >= {"overall", "dimensions.empathy", "mi.reflection_to_question"}
    assert all(set(x) == {"kind", "name", "sessions", "pattern", "title"} for x in data["recurring"])


def test_trend_reads_analysed_results_in_file_order(run, folder, tmp_path):
    lines = []
    for name in ("session10.txt", "session1.txt", "session2.txt"):  # finished out of order
        out = json.loads(run("analyze", "-q", "--json", folder / name).stdout)
        out["batch"] = {"source": str(folder / name), "position": 0}
        lines.append(json.dumps(out))
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = json.loads(run("trend", "--json", "--results", path).stdout)
    assert [s["id"] for s in data["sessions"]] == ["session1", "session2", "session10"]
    assert data["order"] == "ordered by file name, then position in the file"


def test_trend_refuses_what_it_cannot_read(run, folder, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    r = run("trend", "--results", bad)
    assert r.exit_code == 2 and "line 1: not an analysis result" in r.stderr
    r = run("trend")
    assert r.exit_code == 2 and "give the sessions' transcripts, or --results FILE" in r.stderr
    r = run("trend", folder, "--results", bad)
    assert r.exit_code == 2


def test_the_html_page_has_the_chart_table_and_risk_first():
    from rapportlens.report.series import render_series

    s = build_series([result(1, 35, 30, 0.4), result(2, 55, 45, 0.9, risk=[(4, "self_harm")]),
                      result(3, 80, 60, 1.5, pitfalls=["rushing"])])
    html = render_series(s)
    assert "<svg" in html and "Scores by session" in html
    assert "Needs human review: risk language in session 2" in html
    assert "rising <span class=\"note\">(+22.5 per session)</span>" in html
    assert "Risk language: self harm</strong>: session 2 only" in html
    assert "Pitfall: rushing</strong>: session 3 only (the last)" in html
    assert html.index("Risk language: self harm") < html.index("Pitfall: rushing")
    assert not re.search(r"(?:src|href)=\"https?:", html)  # nothing fetched


def test_trend_writes_the_html_page(run, folder, tmp_path):
    out = tmp_path / "jo.html"
    r = run("trend", "-q", folder, "--html", out)
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_trend_writes_a_folder_of_reports_linked_from_the_series_page(run, folder, tmp_path):
    out = tmp_path / "jo"
    r = run("trend", folder, "--html", f"{out}/")
    assert r.exit_code == 0 and "with 3 session reports beside it" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["01-session1.html", "02-session2.html", "03-session10.html",
                                                     "series.html"]
    page = (out / "series.html").read_text(encoding="utf-8")
    assert '<a href="03-session10.html">session10</a>' in page
    assert (out / "01-session1.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_results_have_no_reports_to_link(run, folder, tmp_path):
    line = json.loads(run("analyze", "-q", "--json", folder / "session1.txt").stdout)
    line["batch"] = {"source": "session1.txt", "position": 0}
    path = tmp_path / "results.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = tmp_path / "pages"
    out.mkdir()
    r = run("trend", "--results", path, "--html", out)
    assert r.exit_code == 0 and "have no reports to link" in r.stderr
    assert [p.name for p in out.iterdir()] == ["series.html"]


def test_a_series_entry_survives_json_and_gives_the_same_series():
    results = [result(1, 50, 50, 1.0, strengths=["laughed_together"]), result(2, 60, 55, 1.5, risk=[(4, "suicide")]),
               result(3, 70, 60, 2.0, strengths=["laughed_together"])]
    entries = [SeriesEntry.from_dict(json.loads(json.dumps(SeriesEntry.of(r).to_dict()))) for r in results]
    assert entries == [SeriesEntry.of(r) for r in results]
    assert series_of(entries).to_dict() == build_series(results).to_dict()
