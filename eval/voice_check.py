"""The voice measures on synthesized speech: does `prosody` recover each utterance's pitch and
loudness, and does it find synchrony where replies follow what they answer and not where they
do not?

Real recordings with human judgements of vocal matching were not available. This check
uses speech made by the espeak-ng synthesizer (`apt-get install espeak-ng`): consonants,
pauses and the pitch movement of sentences, unlike the pure tones of the tests. Each session
alternates a male and a female voice; every utterance gets a pitch and an amplitude setting
that follow the previous utterance's by K (0: independent). Reports, per K, over several
sessions: the within-speaker correlation of measured pitch with the pitch setting and of
measured loudness with the amplitude setting, and how often synchrony was found (p < 0.05).

Run: `python eval/voice_check.py [--sessions 6] [--utterances 40] [--k 0.8 0.5 0.0]`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

import rapportlens
from rapportlens import Conversation, Role, Speaker, Utterance
from rapportlens.audio import with_audio
from rapportlens.audio.decode import load
from rapportlens.audio.synthetic import write_wav

LINES = {
    "Therapist": ["What brings you here today?", "It sounds like the week has been heavy.",
                  "Tell me more about what happened on Monday.", "You kept going even when it was hard.",
                  "How did that feel at the time?", "So part of you wants to change, and part of you is tired."],
    "Client": ["I have not been sleeping well at all.", "Work has been really stressful lately.",
               "My sister called and we argued again.", "I suppose I just want things to be calmer.",
               "It felt like nobody was listening to me.", "I tried walking in the evenings, and it helped a bit."],
}
VOICES = {"Therapist": "en+m3", "Client": "en+f3"}


def say(text: str, voice: str, pitch: int, amplitude: int, out: Path) -> np.ndarray:
    subprocess.run(["espeak-ng", "-v", voice, "-p", str(pitch), "-a", str(amplitude), "-s", "165", "-w", str(out),
                    text], check=True, capture_output=True)
    return load(out).samples.astype(np.float64)


def session(n: int, k: float, seed: int, folder: Path) -> tuple[Conversation, Path, list[tuple[int, int]]]:
    rng = np.random.default_rng(seed)
    dev = [float(rng.normal())]
    for _ in range(n - 1):
        dev.append(float(k * dev[-1] + np.sqrt(1 - k * k) * rng.normal()))
    audio, utts, settings, t = [np.zeros(8000)], [], [], 0.5
    for i in range(n):
        who = "Therapist" if i % 2 == 0 else "Client"
        pitch = int(np.clip(50 + 15 * dev[i], 5, 95))
        amplitude = int(np.clip(100 * 2 ** (dev[i] / 2), 20, 200))
        text = LINES[who][int(rng.integers(len(LINES[who])))]
        speech = say(text, VOICES[who], pitch, amplitude, folder / "u.wav")
        utts.append(Utterance(i, who, text, start=round(t, 3), end=round(t + len(speech) / 16000, 3)))
        gap = np.zeros(int(rng.uniform(0.3, 0.8) * 16000))
        audio += [speech, gap]
        t += (len(speech) + len(gap)) / 16000
        settings.append((pitch, amplitude))
    wav = write_wav(folder / f"s{seed}.wav", np.concatenate(audio) * 0.8)
    speakers = [Speaker("Therapist", Role.PRACTITIONER), Speaker("Client", Role.CLIENT)]
    return Conversation(utts, speakers, id=f"s{seed}"), wav, settings


def within(xs: list[float], ys: list[float], who: list[str]) -> float:
    """Mean over speakers of the correlation between settings and measures."""
    rs = []
    for w in set(who):
        pairs = [(x, y) for x, y, s in zip(xs, ys, who) if s == w and y is not None]
        a, b = zip(*pairs)
        rs.append(float(np.corrcoef(a, b)[0, 1]))
    return float(np.mean(rs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=6)
    ap.add_argument("--utterances", type=int, default=40)
    ap.add_argument("--k", type=float, nargs="+", default=[0.8, 0.5, 0.0], help="the couplings to try")
    args = ap.parse_args()
    if not shutil.which("espeak-ng"):
        raise SystemExit("needs espeak-ng: apt-get install espeak-ng")
    pipeline = rapportlens.default_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        for k in args.k:
            found, pitch_r, loud_r, sync, measured = 0, [], [], [], []
            for seed in range(args.sessions):
                conv, wav, settings = session(args.utterances, k, seed, Path(tmp))
                f = pipeline(with_audio(conv, wav)).features
                who = [u.speaker for u in conv.utterances]
                pitch_r.append(within([s[0] for s in settings], f["prosody.pitch"], who))
                loud_r.append(within([float(np.log2(s[1])) for s in settings], f["prosody.loudness"], who))
                measured.append(len(f["prosody.measured"]) / len(conv.utterances))
                if f["prosody.pitch_synchrony"] is not None:
                    sync.append(f["prosody.pitch_synchrony"])
                    found += f["prosody.pitch_synchrony_p"] < 0.05 and f["prosody.pitch_synchrony"] > 0
            print(f"K {k}: {args.sessions} sessions of {args.utterances} utterances; measured "
                  f"{np.mean(measured):.0%}; pitch vs setting r {np.mean(pitch_r):.2f} "
                  f"(min {min(pitch_r):.2f}); loudness vs amplitude r {np.mean(loud_r):.2f} "
                  f"(min {min(loud_r):.2f}); pitch synchrony r mean {np.mean(sync):.2f}, "
                  f"found (p < 0.05, r > 0) in {found} of {args.sessions}")


if __name__ == "__main__":
    main()
