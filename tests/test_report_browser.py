"""The HTML report in a real browser: headless Debian Chromium with the network blocked.

Chromium and ChromeDriver come from Debian (`tests/install-browser.sh`, run by the README's
test command). Without them these tests are skipped with the reason, unless
RAPPORTLENS_REQUIRE_BROWSER=1 (set by CI), which turns the skip into a failure.
Screenshots and an A4 PDF of each report are saved under ``test-artifacts/`` (or
$RAPPORTLENS_TEST_ARTIFACTS) for a person to look at.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from pathlib import Path

import pytest
from tests import report_sessions as sessions

from rapportlens.report import write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(os.environ.get("RAPPORTLENS_TEST_ARTIFACTS", Path(__file__).parent.parent / "test-artifacts"))
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         # Any name lookup fails and any proxied request goes nowhere: the page has no way out.
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
         "--window-size=1280,900")
SECTIONS = ("risk", "overview", "timeline", "behaviour", "feedback", "transcript", "statistics", "about")

if not (CHROMIUM and CHROMEDRIVER):
    reason = "needs Debian chromium and chromium-driver: run `sh tests/install-browser.sh`"
    if os.environ.get("RAPPORTLENS_REQUIRE_BROWSER") == "1":
        raise RuntimeError(reason)
    pytest.skip(reason, allow_module_level=True)

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def start_browser(profile: Path):
    """Headless Chromium with every way out of the page blocked, logging console and network."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    return driver


def open_report(driver, path: Path) -> dict:
    """Load a report; what the console said, every URL requested and the sections shown."""
    driver.get_log("browser"), driver.get_log("performance")  # start from empty logs
    driver.get(path.as_uri())
    console = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    requests = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    urls = [m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"]
    # chrome: URLs are the browser's own pages (new tab), never the report's.
    outside = [u for u in urls if not u.startswith(("file:", "data:", "about:", "chrome:"))]
    shown = [s for s in SECTIONS if driver.find_elements(By.ID, s) and driver.find_element(By.ID, s).is_displayed()]
    return {"console": console, "urls": urls, "outside": outside, "sections": shown}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_browser(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


REPORTS = {
    "rupture_and_risk": sessions.rupture_and_risk,
    "group": sessions.group,
    "long_600": sessions.long_session,
}


@pytest.fixture(scope="module", params=sorted(REPORTS))
def loaded(request, browser, tmp_path_factory):
    """One report opened in the browser, with what it logged and requested while loading."""
    name = request.param
    conv = REPORTS[name]()
    path = write_html(conv, tmp_path_factory.mktemp("reports") / f"{name}.html")
    return {"name": name, "conv": conv, "path": path, "driver": browser, **open_report(browser, path)}


def test_no_console_errors(loaded):
    assert loaded["console"] == []


def test_no_request_leaves_the_page(loaded):
    assert loaded["urls"], "the browser log should show the report itself being loaded"
    assert loaded["outside"] == []


def test_every_section_is_shown(loaded):
    d = loaded["driver"]
    for section in SECTIONS:
        element = d.find_element(By.ID, section)
        assert element.is_displayed()
        assert element.find_element(By.CSS_SELECTOR, "h2").text.strip()
    assert len(d.find_elements(By.CSS_SELECTOR, "li.utt")) == len(loaded["conv"].utterances)
    svgs = d.find_elements(By.CSS_SELECTOR, "figure svg")
    assert len(svgs) == 2 and all(s.size["width"] > 200 and s.size["height"] > 100 for s in svgs)


def test_keyboard_reaches_the_skip_link_and_the_code_tooltips(loaded):
    d = loaded["driver"]
    d.get(loaded["path"].as_uri())
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert d.switch_to.active_element.text == "Skip to the transcript"
    tag = d.find_element(By.CSS_SELECTOR, ".tag")
    tip = d.find_element(By.ID, tag.get_attribute("aria-describedby"))
    assert not tip.is_displayed()
    d.execute_script("arguments[0].focus()", tag)
    assert tip.is_displayed() and "confidence" in tip.text and "Why:" in tip.text


def test_evidence_links_scroll_to_the_utterance(loaded):
    d = loaded["driver"]
    d.get(loaded["path"].as_uri())
    link = d.find_element(By.CSS_SELECTOR, "#feedback a[href^='#u-'], #risk a[href^='#u-'], #overview a[href^='#u-']")
    target = link.get_attribute("href").split("#")[1]
    d.execute_script("arguments[0].click()", link)
    top = d.execute_script(f"return document.getElementById('{target}').getBoundingClientRect().top")
    height = d.execute_script("return window.innerHeight")
    assert 0 <= top < height
    assert d.execute_script("return location.hash") == f"#{target}"


def test_screenshots_and_a4_pdf_are_saved(loaded):
    d = loaded["driver"]
    d.get(loaded["path"].as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = loaded["name"]
    top = ARTIFACTS / f"report-{name}-top.png"
    d.save_screenshot(str(top))
    metrics = d.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    height = min(int(metrics["height"]), 16000)
    shot = d.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
    full = ARTIFACTS / f"report-{name}-full.png"
    full.write_bytes(base64.b64decode(shot["data"]))
    pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": True})["data"])
    (ARTIFACTS / f"report-{name}-a4.pdf").write_bytes(pdf)
    assert top.stat().st_size > 20_000 and full.stat().st_size > top.stat().st_size
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
