"""Open HTML reports of transcripts that are not in the repository in headless Chromium.

    python eval/report_check.py PATH... [--limit 20] [--out DIR]

PATH is anything `rapportlens analyze` reads (an AnnoMI CSV, an ESConv JSONL, a folder).
Each conversation's report is written to DIR, opened with the network blocked, and checked
for console errors, requests leaving the page and the eight sections. A screenshot of
each is saved next to it. Prints one line per report and a summary; exits 1 if any failed.
Needs the test extra and Debian's Chromium (tests/install-browser.sh).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_report_browser import SECTIONS, open_report, start_browser

import rapportlens
from rapportlens.report import report_filename, write_html


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=20, help="conversations per path")
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="rl-reports-")))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    driver = start_browser(Path(tempfile.mkdtemp(prefix="rl-chromium-")))
    failed, sizes, total = 0, [], 0
    try:
        for path in args.paths:
            for conv in islice(rapportlens.iter_read(path), args.limit):
                conv = rapportlens.analyze(conv)
                html = write_html(conv, args.out / f"{report_filename(conv)}.html")
                seen = open_report(driver, html)
                driver.save_screenshot(str(html.with_suffix(".png")))
                missing = [s for s in SECTIONS if s not in seen["sections"]]
                ok = not (seen["console"] or seen["outside"] or missing)
                failed += not ok
                total += 1
                sizes.append(html.stat().st_size)
                print(f"{'ok  ' if ok else 'FAIL'} {conv.id}: {len(conv.utterances)} utterances, "
                      f"{html.stat().st_size / 1024:.0f} KB, console {len(seen['console'])}, "
                      f"outside requests {len(seen['outside'])}, missing sections {missing or 'none'}")
    finally:
        driver.quit()
    print(f"{total - failed}/{total} reports passed; largest {max(sizes, default=0) / 1024:.0f} KB; in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
