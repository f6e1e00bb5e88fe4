"""How well movement synchrony is found in made videos (rapportlens.video.synthetic), where
how much one person's movements follow the other's is known. No real people are filmed.

    python eval/movement_check.py [--sessions 10] [--minutes 15]

For each strength of following (the chance that each of the first person's movements is
answered by the second's about a second later) it makes sessions, analyses them through the
movement analyzer as `rapportlens analyze --video` does, and reports how often synchrony was
found (p < 0.05), its size, and how often the leader was named and named rightly. Two rows
add sudden brightness changes of the whole picture (a camera's exposure jumping), which
change both people's regions at once; two more film small movements (a nod's size: 1/80 of
the frame's width, 4 pixels at 320) at 320x180 through a noisy camera."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from statistics import mean

import numpy as np

import rapportlens
from rapportlens.model import Conversation, Role, Speaker, Utterance
from rapportlens.video import with_video
from rapportlens.video.synthetic import filmed, write_video


def one(folder: Path, minutes: float, follow: float, seed: int, flashes: int, small: bool = False) -> dict:
    film = filmed(minutes, follow, seed=seed)
    rng = np.random.default_rng(seed + 1000)
    at = sorted(rng.uniform(0, minutes * 60, flashes).tolist())
    look = {"size": (320, 180), "sway_width": 1 / 80, "noise": 6.0} if small else {}
    video = write_video(folder / f"s{seed}.mp4", list(film.movers.values()), minutes * 60, seed=seed, flashes=at,
                        **look)
    utts = [Utterance(i, w, "Tell me more." if w == "Therapist" else "It was a long week.", start=a, end=b)
            for i, (w, a, b) in enumerate(film.turns)]
    conv = Conversation(utts, [Speaker("Therapist", Role.PRACTITIONER), Speaker("Client", Role.CLIENT)], id=str(seed))
    f = rapportlens.analyze(with_video(conv, video, {"Therapist": "left", "Client": "right"})).features
    video.unlink()
    return {"p": f["movement.synchrony_p"], "z": f["movement.synchrony"], "r": f["movement.synchrony_r"],
            "chance": f["movement.chance_r"], "leader": f["movement.leader"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--only-small", action="store_true", help="only the rows of small movements through a noisy camera")
    args = ap.parse_args()
    print("| following | flashes | small, noisy | sessions | found (p < 0.05) | mean excess z "
          "| mean r in time / out of time | leader named | rightly |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for follow, flashes, small in ((0.8, 0, False), (0.5, 0, False), (0.3, 0, False), (0.0, 0, False),
                                       (0.0, 30, False), (0.5, 30, False), (0.5, 0, True), (0.0, 0, True)):
            if args.only_small and not small:
                continue
            rows = [one(Path(tmp), args.minutes, follow, s, flashes, small) for s in range(args.sessions)]
            named = [r for r in rows if r["leader"]]
            print(f"| {follow} | {flashes} | {'yes' if small else 'no'} | {len(rows)} | {sum(r['p'] < 0.05 for r in rows)} | "
                  f"{mean(r['z'] for r in rows):.3f} | {mean(r['r'] for r in rows):.3f} / "
                  f"{mean(r['chance'] for r in rows):.3f} | {len(named)} | "
                  f"{sum(r['leader'] == 'Therapist' for r in named)} |", flush=True)


if __name__ == "__main__":
    main()
