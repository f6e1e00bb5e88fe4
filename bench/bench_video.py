"""Movement measurement speed: what attaching a video adds to an analysis, against the same
analysis without it and against FFmpeg's bare decoding of the same video, in one run.

Run: `python bench/bench_video.py [--minutes M] [--repeat R] [--size 640x360] [--fps 25]`.
The video is made here (`rapportlens.video.synthetic`: two textured blocks that sway, H.264)
with a transcript of the project's synthetic lines (`rapportlens.batch.synthetic`) timed to
it. Reports, in one run:
  1. the baseline: `analyze` of the timed transcript alone (models loaded beforehand),
  2. decoding every frame of the video (PyAV, no conversion): the floor for any reading of it,
  3. motion energy alone (`rapportlens.video.motion.measure`),
  4. the whole `analyze` with the video attached,
each as seconds, as a ratio to the baseline, and as a multiple of real time (minutes of video
handled per minute of computing).
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from timing import best_and_median, print_added

import rapportlens
from rapportlens import Conversation, Role, Speaker, Utterance
from rapportlens.batch.synthetic import _pairs
from rapportlens.video import motion as motion_module
from rapportlens.video import video_sources, with_video
from rapportlens.video.synthetic import filmed, write_video

REGIONS = {"Counsellor": "left", "Client": "right"}


def session(minutes: float, folder: Path, size: tuple[int, int], fps: float) -> tuple[Conversation, Path]:
    film = filmed(minutes, 0.5, seed=0, names=("Counsellor", "Client"))
    lines = _pairs(random.Random(0), len(film.turns))
    texts = {who: [t for w, t in lines if w == who] for who in ("Counsellor", "Client")}
    utts = [Utterance(i, who, texts[who][i // 2 % len(texts[who])], start=round(a, 2), end=round(b, 2))
            for i, (who, a, b) in enumerate(film.turns)]
    video = write_video(folder / "session.mp4", list(film.movers.values()), minutes * 60, fps=fps, size=size)
    return Conversation(utts, [Speaker("Counsellor", Role.PRACTITIONER), Speaker("Client", Role.CLIENT)],
                        id="bench"), video


def decode_only(path: Path) -> int:
    av = motion_module.need_av()
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        return sum(1 for _ in container.decode(stream))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--size", default="640x360")
    ap.add_argument("--fps", type=float, default=25.0)
    args = ap.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        conv, video = session(args.minutes, Path(tmp), size, args.fps)
        pipeline = rapportlens.default_pipeline()
        pipeline(Conversation(conv.utterances[:4], conv.speakers))  # load the models before timing
        attached = with_video(conv, video, REGIONS)

        def plain():
            return pipeline(Conversation(conv.utterances, conv.speakers))

        def energy():
            motion_module._last.clear()  # measure afresh each time, not from the last result
            return motion_module.measure(video_sources(attached.meta))

        def filmed_analysis():
            motion_module._last.clear()
            return pipeline(with_video(conv, video, REGIONS))

        base, base_med = best_and_median(plain, args.repeat)
        dec, dec_med = best_and_median(lambda: decode_only(video), args.repeat)
        mea, mea_med = best_and_median(energy, args.repeat)
        full, full_med = best_and_median(filmed_analysis, args.repeat)
        frames = decode_only(video)
        result = filmed_analysis().features
    seconds = args.minutes * 60
    print(f"{args.minutes:g} minutes of {size[0]}x{size[1]} H.264 video at {args.fps:g} fps ({frames} frames), "
          f"{len(conv.utterances)} utterances; synchrony p {result['movement.synchrony_p']}")
    print(f"baseline, analyze without the video: {base_med:.2f} s (best {base:.2f})")
    for label, med, best in (("decode every frame (PyAV)", dec_med, dec), ("motion energy", mea_med, mea),
                             ("analyze with the video", full_med, full)):
        print(f"{label}: {med:.2f} s (best {best:.2f}), {med / base_med:.2f}x the baseline, "
              f"{med / dec_med:.2f}x the decoding, {seconds / med:.0f}x real time")
    print_added("the video", full_med - base_med, seconds)


if __name__ == "__main__":
    main()
