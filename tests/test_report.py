"""The HTML report's content, self-containment and size (the browser checks are in test_report_browser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from tests import report_sessions as sessions

import rapportlens
from rapportlens.model import Conversation, Role
from rapportlens.report import render_html

SECTIONS = ("risk", "overview", "timeline", "behaviour", "feedback", "transcript", "statistics", "about")


class Collect(HTMLParser):
    """Ids, link targets and every attribute that could make the browser fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.fetching: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id":
                self.ids.append(value)
            if name == "href" and tag == "a":
                self.hrefs.append(value)
            elif name in ("src", "href", "srcset", "xlink:href", "action", "data", "poster"):
                self.fetching.append((tag, name, value))


def parsed(html: str) -> Collect:
    c = Collect()
    c.feed(html)
    return c


@pytest.fixture(scope="module")
def risky() -> tuple[Conversation, str]:
    conv = sessions.rupture_and_risk()
    return conv, render_html(conv)


def test_every_section_is_there_with_risk_first(risky):
    _, html = risky
    ids = parsed(html).ids
    assert all(s in ids for s in SECTIONS)
    assert [s for s in ids if s in SECTIONS] == list(SECTIONS)
    assert "Needs human review" in html and "better off without me" in html


def test_evidence_links_point_at_utterances_that_exist(risky):
    conv, html = risky
    p = parsed(html)
    utterance_ids = {f"u-{i}" for i in range(len(conv.utterances))}
    assert utterance_ids <= set(p.ids)
    targets = [h[1:] for h in p.hrefs]
    assert all(h.startswith("#") for h in p.hrefs), "no link may leave the page"
    assert all(t in p.ids for t in targets)
    # the rupture, its repair and the risk are all linked from the report's top sections
    assert {"u-3", "u-4", "u-7"} <= set(targets)


def test_nothing_is_fetched_and_no_script_runs(risky):
    _, html = risky
    p = parsed(html)
    assert [f for f in p.fetching if not f[2].startswith("#")] == []
    assert len(p.ids) == len(set(p.ids)), "ids are unique, the charts' included"
    assert "script" not in p.tags
    assert "default-src 'none'" in html
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", html), "CSS must not load anything"


def test_codes_show_confidence_and_why(risky):
    conv, html = risky
    first = conv.features["codes"][0][0]
    assert f'{first["code"]} {first["confidence"] * 100:.0f}%' in html
    assert "Why: " in html and 'role="tooltip"' in html


def test_transcript_text_is_escaped():
    conv = rapportlens.analyze(Conversation.from_pairs(
        [("T", "What happened <b>then</b>?"), ("C", "I typed <script>alert(1)</script> into the form.")],
        roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    html = render_html(conv)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_models_and_their_accuracy_are_named(risky):
    conv, html = risky
    codes = next(p for p in conv.provenance if p["name"] == "codes")["settings"]
    assert codes["model"] in html
    assert f'{codes["model_accuracy"]["therapist_behaviour"]["macro_f1"]:.2f}' in html
    assert conv.features["scores"]["model"] in html


def test_a_group_gets_a_report():
    conv = sessions.group()
    html = render_html(conv)
    assert len(conv.speakers) >= 3
    for s in conv.speakers:
        assert s.name in html
    # The group section: rapport between each two speakers and who answered whom.
    assert "group" in parsed(html).ids and 'href="#group"' in html
    assert "Rapport between each two speakers" in html and "Who answered whom" in html


def test_a_dyad_has_no_group_section(risky):
    _, html = risky
    assert "group" not in parsed(html).ids


def test_a_600_utterance_report_is_under_2_mb():
    conv = sessions.long_session(600)
    html = render_html(conv)
    assert len(conv.utterances) == 600
    assert len(html.encode("utf-8")) < 2_000_000
    assert html.count('class="utt ') == 600


def test_cli_writes_one_report_or_a_folder(run, data, tmp_path):
    out = tmp_path / "one.html"
    result = run("analyze", "-q", data / "report" / "rupture_and_risk.txt", "--html", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    folder = tmp_path / "reports"
    result = run("analyze", data / "two_calls.tsv", "--html", folder)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["c1.html", "c2.html", "index.html"]
    assert f"report: {folder / 'c1.html'}" in result.stderr


def test_cli_names_a_report_it_cannot_write(run, data, tmp_path):
    result = run("analyze", "-q", data / "session.srt", "--html", tmp_path / "missing" / "r.html")
    assert result.exit_code != 0
    assert "cannot write the report" in result.output and "--html" in result.output


def test_the_ruptures_section_names_the_finder_and_where_its_accuracy_is(risky):
    _, html = risky
    assert re.search(r"rupture finder \(ruptures\.v\d+\)[^<]*docs/analyzers/ruptures\.md", html)


def test_the_clients_disclosure_trend_is_shown_with_its_evidence():
    pairs = [("T", "What brings you in today?"), ("C", "My sleep."), ("T", "Tell me a bit more."),
             ("C", "Work, mostly."), ("T", "Go on."),
             ("C", "I feel ashamed and scared. I've never told anyone that I cry in the car every morning.")]
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    html = render_html(conv)
    assert re.search(r"<strong>Disclosure:</strong> deepened, depth [^<]*\(0-3\)", html)
    assert 'href="#u-5"' in html.split("<strong>Disclosure:</strong>")[1].split("</p>")[0]


def test_the_window_table_names_each_windows_first_and_last_utterance():
    conv = rapportlens.analyze(Conversation.from_pairs(
        [("T" if i % 2 else "C", f"this is sentence number {i}") for i in range(25)],
        roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    assert [(w["start"], w["end"]) for w in conv.features["timeline"]] == [(0, 19), (5, 24)]
    html = render_html(conv)
    assert '#u-0">0</a>–19</td>' in html and '#u-5">5</a>–24</td>' in html
