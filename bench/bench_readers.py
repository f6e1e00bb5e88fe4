"""Reader speed on synthetic 10,000-utterance transcripts, in every main format.

Each reader is timed against a same-run baseline that only splits the same text with the
standard library (lines / csv.reader / json.loads), so the ratio shows what the project's
parsing, validation and role inference cost on top of bare tokenising, whatever the
machine's speed. Run: `python bench/bench_readers.py [--utterances N] [--repeat R]`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timing import best_and_median

import rapportlens
from rapportlens.pipeline import DEFAULT_ANALYZERS, Pipeline
from rapportlens.plugins import ANALYZERS, get


def _measures() -> Pipeline:
    """The default analyzers that need neither the coding model nor what is built on its
    codes; risk by its phrases alone (its model is a model too)."""
    kept, have = [], set()
    for name in DEFAULT_ANALYZERS:
        analyzer = get(ANALYZERS, name)(use_model=False) if name == "risk" else get(ANALYZERS, name)()
        if name != "codes" and set(analyzer.requires) <= have:
            kept.append(analyzer)
            have |= set(analyzer.assigns)
    return Pipeline(kept)


# The coding model is benchmarked on its own (bench_coding.py); here "analyze" means the
# model-free measures (talk, timing, coordination, risk phrases...), so the reader figures
# stay comparable across releases.
MEASURES = _measures()

SENTENCES = [
    "How have things been since we last met?",
    "Honestly, it has been a hard week, with work and not much sleep.",
    "It sounds like the week took a lot out of you.",
    "Yes. I keep thinking I should be coping better.",
    "What would coping better look like, for you?",
]


def stamp(seconds: float, sep: str = ".") -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def make(n: int) -> dict[str, str]:
    rows = [("Therapist" if i % 2 == 0 else "Client", SENTENCES[i % len(SENTENCES)], i * 3.0, i * 3.0 + 2.5)
            for i in range(n)]
    text = "\n".join(f"[{stamp(s)[:8]}] {who}: {said}" for who, said, s, _ in rows)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["speaker", "text", "start", "end"])
    w.writerows(rows)
    vtt = "WEBVTT\n\n" + "\n\n".join(
        f"{i + 1}\n{stamp(s)} --> {stamp(e)}\n<v {who}>{said}" for i, (who, said, s, e) in enumerate(rows)
    )
    srt = "\n\n".join(
        f"{i + 1}\n{stamp(s, ',')} --> {stamp(e, ',')}\n{who}: {said}" for i, (who, said, s, e) in enumerate(rows)
    )
    doc = {"schema_version": "1", "utterances": [
        {"speaker": who, "text": said, "start": s, "end": e} for who, said, s, e in rows]}
    # A chat export: one message per line, with a date and time on each (the jsonrows reader).
    start = datetime(2026, 11, 30, 9, tzinfo=UTC)
    rows_jsonl = "\n".join(json.dumps({"author": who, "message": said,
                                        "timestamp": (start + timedelta(seconds=s)).isoformat().replace("+00:00", "Z")})
                           for who, said, s, _ in rows)
    return {"txt": text, "csv": buf.getvalue(), "vtt": vtt, "srt": srt, "json": json.dumps(doc), "jsonl": rows_jsonl}


def baseline(ext: str, text: str) -> int:
    if ext == "csv":
        return sum(1 for _ in csv.reader(io.StringIO(text)))
    if ext == "json":
        return len(json.loads(text)["utterances"])
    if ext == "jsonl":
        return sum(1 for line in text.split("\n") if json.loads(line))
    return sum(1 for line in text.split("\n") if ":" in line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--utterances", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = make(args.utterances)
    print(f"{args.utterances} utterances per file; best and median of {args.repeat} runs\n")
    print("| format | size | read (best) | read (median) | stdlib baseline | ratio | read + analyze |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for ext, text in files.items():
            path = Path(tmp) / f"session.{ext}"
            path.write_text(text)
            (conv,) = rapportlens.read(path)
            assert len(conv) == args.utterances, (ext, len(conv))
            read_best, read_med = best_and_median(lambda p=path: rapportlens.read(p), args.repeat)
            base_best, _ = best_and_median(lambda p=path, e=ext: baseline(e, p.read_text()), args.repeat)
            full_best, _ = best_and_median(lambda p=path: MEASURES(rapportlens.read(p)[0]), args.repeat)
            print(f"| {ext} | {len(text) / 1e6:.1f} MB | {read_best:.3f} s | {read_med:.3f} s | "
                  f"{base_best:.3f} s | {read_best / base_best:.1f}x | {full_best:.3f} s |")


if __name__ == "__main__":
    main()
