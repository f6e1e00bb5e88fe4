"""Voice measurement speed: what attaching a recording adds to an analysis, against the
same analysis without it in the same run.

Run: `python bench/bench_audio.py [--minutes M] [--repeat R]`. The recording is made here
(`rapportlens.audio.synthetic`: harmonic tones at speech pitch, a voice every 1.5-4 s with
short gaps, over faint noise) with a transcript of the project's synthetic lines
(`rapportlens.batch.synthetic`) timed to it. Reports, in one run:
  1. the baseline: `analyze` of the timed transcript alone (models loaded beforehand),
  2. decoding the WAV file (PyAV),
  3. the whole `analyze` with the recording attached,
each as seconds, as a ratio to the baseline, and as a multiple of real time (minutes of
recording handled per minute of computing).
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

import numpy as np
from timing import best_and_median, print_added

import rapportlens
from rapportlens import Conversation, Role, Speaker, Utterance
from rapportlens.audio import with_audio
from rapportlens.audio.decode import load
from rapportlens.audio.synthetic import Tone, render, write_wav
from rapportlens.batch.synthetic import _pairs


def session(minutes: float, folder: Path) -> tuple[Conversation, Path]:
    rng = np.random.default_rng(0)
    lines = _pairs(random.Random(0), int(minutes * 60 / 2))
    tones, utts, t = [], [], 0.5
    for i, (who, text) in enumerate(lines):
        if t > minutes * 60 - 5:
            break
        dur = float(rng.uniform(1.5, 4.0))
        pitch = (110.0 if who == "Counsellor" else 210.0) * 2 ** (rng.normal(0, 1.5) / 12)
        tones.append(Tone(t, t + dur, pitch, float(-22 + rng.normal(0, 3))))
        utts.append(Utterance(i, who, text, start=round(t, 3), end=round(t + dur, 3)))
        t += dur + float(rng.uniform(0.2, 0.8))
    wav = write_wav(folder / "session.wav", render(tones, seconds=minutes * 60))
    speakers = [Speaker("Counsellor", Role.PRACTITIONER), Speaker("Client", Role.CLIENT)]
    return Conversation(utts, speakers, id="bench"), wav


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        conv, wav = session(args.minutes, Path(tmp))
        pipeline = rapportlens.default_pipeline()
        pipeline(Conversation(conv.utterances[:4], conv.speakers))  # load the models before timing

        def plain():
            return pipeline(Conversation(conv.utterances, conv.speakers))

        def voiced():
            return pipeline(with_audio(Conversation(conv.utterances, conv.speakers), wav))

        base, base_med = best_and_median(plain, args.repeat)
        dec, dec_med = best_and_median(lambda: load(wav), args.repeat)
        full, full_med = best_and_median(voiced, args.repeat)
        measured = len(voiced().features["prosody.measured"])
    seconds = args.minutes * 60
    print(f"{args.minutes:g} minutes of recording, {len(conv.utterances)} utterances ({measured} measured)")
    print(f"baseline, analyze without the recording: {base_med:.2f} s (best {base:.2f})")
    for label, med, best in (("decode the WAV (PyAV)", dec_med, dec), ("analyze with the recording", full_med, full)):
        print(f"{label}: {med:.2f} s (best {best:.2f}), {med / base_med:.2f}x the baseline, "
              f"{seconds / med:.0f}x real time")
    print_added("the recording", full_med - base_med, seconds)


if __name__ == "__main__":
    main()
