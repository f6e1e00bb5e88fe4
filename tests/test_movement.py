"""Movement from a video: motion energy per person, movement synchrony and who leads.
Videos are textured blocks that sway, made in the test (rapportlens.video.synthetic)."""

import numpy as np
import pytest

import rapportlens
from rapportlens.errors import InputError, OptionError
from rapportlens.model import Conversation, Role, Speaker, Utterance
from rapportlens.video import attach, check_option, with_video
from rapportlens.video.motion import VideoUnavailable, measure
from rapportlens.video.regions import parse, parse_map
from rapportlens.video.synchrony import synchrony
from rapportlens.video.synthetic import Mover, filmed, write_video

TALK = {"Therapist": "What would you like to be different?", "Client": "I would like to feel less tired at work."}
REGIONS = {"Therapist": "left", "Client": "right"}


def conversation(film, source="session.vtt") -> Conversation:
    utts = [Utterance(i, who, TALK[who], start=round(a, 2), end=round(b, 2)) for i, (who, a, b) in enumerate(film.turns)]
    return Conversation(utts, [Speaker("Therapist", Role.PRACTITIONER), Speaker("Client", Role.CLIENT)], id="s",
                        source=source)


def vtt(conv) -> str:
    def clock(s):
        return f"00:{int(s // 60):02d}:{s % 60:06.3f}"
    return "WEBVTT\n\n" + "\n".join(f"{clock(u.start)} --> {clock(u.end)}\n<v {u.speaker}>{u.text}\n"
                                    for u in conv.utterances)


@pytest.fixture(scope="module")
def films(tmp_path_factory):
    """Six-minute sessions: the client's movements follow the therapist's (0.9) or not (0)."""
    folder = tmp_path_factory.mktemp("films")
    out = {}
    for name, follow in (("mirrored", 0.9), ("independent", 0.0)):
        film = filmed(6, follow, seed=3)
        out[name] = (film, write_video(folder / f"{name}.mp4", list(film.movers.values()), 6 * 60))
    return out


def coupled_series(follow: float, minutes: int = 10, seed: int = 0, lag: float = 1.0):
    rng = np.random.default_rng(seed)
    n = minutes * 600
    a, b = np.zeros(n), np.zeros(n)
    for t in rng.uniform(0, minutes * 60, minutes * 8):
        a[int(t * 10):int(t * 10) + 12] += rng.uniform(0.02, 0.1)
        if rng.random() < follow:
            s = int((t + lag) * 10)
            b[s:s + 12] += rng.uniform(0.02, 0.1)
    for t in rng.uniform(0, minutes * 60, minutes * 4):
        b[int(t * 10):int(t * 10) + 12] += rng.uniform(0.02, 0.1)
    return a + np.abs(rng.normal(0, 0.002, n)), b + np.abs(rng.normal(0, 0.002, n))


def test_regions_by_name_and_fraction():
    assert parse("left").right == 0.5 and parse("Bottom-Right").top == 0.5
    box = parse("0.1:0:0.45:1")
    assert (box.left, box.right) == (0.1, 0.45)
    rows, cols = box.pixels(200, 100)
    assert (cols.start, cols.stop, rows.start, rows.stop) == (20, 90, 0, 100)
    with pytest.raises(OptionError, match="not a region"):
        parse("middle")
    with pytest.raises(OptionError, match="inside the frame"):
        parse("0.6:0:0.4:1")
    assert set(parse_map("Therapist=left, Client=right")) == {"Therapist", "Client"}
    with pytest.raises(OptionError, match="NAME=REGION"):
        parse_map("Therapist")


def test_synchrony_tells_following_movements_from_independent_ones():
    found = synchrony(*coupled_series(0.8), rate=10)
    assert found.p < 0.01 and found.excess > 0 and found.true > found.chance
    assert found.lead > 0 and found.lead_p < 0.05  # the first series moves first
    later = synchrony(*reversed(coupled_series(0.8)), rate=10)
    assert later.lead < 0 and later.lead_p < 0.05
    chance = [synchrony(*coupled_series(0.0, seed=s), rate=10).p for s in range(10)]
    assert sum(p < 0.05 for p in chance) <= 2
    assert len(found.windows) == 10 and all(w[2] is not None for w in found.windows)


def test_synchrony_needs_five_minutes_of_both_moving():
    a, b = coupled_series(0.8, minutes=4)
    assert synchrony(a, b, rate=10) is None
    a, b = coupled_series(0.8, minutes=10)
    b[:6 * 600] = 0  # the second person sat still for six minutes
    assert synchrony(a, b, rate=10) is None


def test_motion_energy_follows_the_movements(tmp_path):
    still, moving = Mover(0.25, []), Mover(0.75, [(10.0, 12.0), (20.0, 21.0)])
    video = write_video(tmp_path / "v.mp4", [still, moving], 30)
    m = measure([(video, [("A", parse("left")), ("B", parse("right"))])])
    assert m.names == ("A", "B") and m.rate == 10 and abs(m.seconds - 30) < 0.2
    assert m.of("A").max() < 0.01  # sensor noise stays under the threshold
    b = m.of("B")
    inside = np.r_[101:119, 201:209]
    assert b[inside].mean() > 0.05 and np.delete(b, np.r_[99:122, 199:212]).max() < 0.01


def test_analyze_with_a_video(films):
    film, video = films["mirrored"]
    out = rapportlens.analyze(with_video(conversation(film), video, REGIONS))
    f = out.features
    assert f["movement.video"] == "mirrored.mp4" and f["movement.video_seconds"] == pytest.approx(360, abs=1)
    assert f["movement.synchrony"] > 0 and f["movement.synchrony_p"] < 0.05
    assert f["movement.synchrony_r"] > f["movement.chance_r"]
    assert f["movement.leader"] == "Therapist" and f["movement.lead_p"] < 0.05
    assert [p["a"] for p in f["movement.pairs"]] == ["Therapist"]
    windows = f["movement.windows"]
    assert len(windows) == 6 and windows[1]["start"] == 60 and windows[1]["utterances"]
    first, last = windows[1]["utterances"]
    assert 60 <= out.utterances[first].start < 120 and 60 <= out.utterances[last].start < 120
    # each person moves more while speaking, as the film was made
    speaking, listening = f["movement.speaking_motion"], f["movement.listening_motion"]
    assert speaking["Therapist"] > listening["Therapist"]
    motion = f["movement.motion"]
    assert all(m is not None for m in motion) and len(motion) == len(out.utterances)
    assert out.notices == [] or all("movement" not in n for n in map(str, out.notices))


def test_independent_movers_are_not_called_synchronous(films):
    film, video = films["independent"]
    f = rapportlens.analyze(with_video(conversation(film), video, REGIONS)).features
    assert f["movement.synchrony_p"] >= 0.05 and f["movement.leader"] is None


def test_a_video_per_person_gives_what_the_regions_give(tmp_path, films):
    film, video = films["mirrored"]
    files = {n: write_video(tmp_path / f"{n}.mp4", [Mover(0.5, mover.moves)], 6 * 60)
             for n, mover in film.movers.items()}
    apart = rapportlens.analyze(with_video(conversation(film), files)).features
    together = rapportlens.analyze(with_video(conversation(film), video, REGIONS)).features
    assert apart["movement.video"] == "Therapist.mp4 + Client.mp4"
    assert apart["movement.regions"] == {"Therapist": "full", "Client": "full"}
    assert apart["movement.synchrony_p"] < 0.05 and apart["movement.leader"] == "Therapist"
    assert apart["movement.synchrony_r"] == pytest.approx(together["movement.synchrony_r"], abs=0.03)


def test_offset_moves_the_windows_onto_the_transcript(films):
    film, video = films["mirrored"]
    f = rapportlens.analyze(with_video(conversation(film), video, REGIONS, offset=30)).features
    assert f["movement.windows"][0]["start"] == -30 and f["movement.windows"][1]["start"] == 30


def test_without_a_video_every_movement_measure_is_empty():
    f = rapportlens.analyze(Conversation.from_pairs([("A", "Hi there."), ("B", "Hello.")])).features
    assert f["movement.video"] is None and f["movement.synchrony"] is None and f["movement.windows"] == []
    assert f["movement.motion"] == [None, None] and f["movement.speaker_motion"] == {"A": None, "B": None}


def test_regions_must_name_speakers_and_not_overlap(films):
    film, video = films["mirrored"]
    conv = conversation(film)
    with pytest.raises(OptionError, match="speakers of 's' are Therapist, Client"):
        with_video(conv, video, {"Therapist": "left", "Jo": "right"})
    with pytest.raises(OptionError, match="overlap"):
        with_video(conv, video, {"Therapist": "left", "Client": "0.4:0:1:1"})
    with pytest.raises(OptionError, match="--video-regions"):
        with_video(conv, video)
    with pytest.raises(OptionError, match="at least two people"):
        with_video(conv, video, {"Therapist": "left"})
    with pytest.raises(OptionError, match="one video"):
        check_option(video, 2)


def test_files_that_are_not_videos(tmp_path, films):
    film, _ = films["mirrored"]
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    with pytest.raises(InputError, match="cannot open the video") as e:
        rapportlens.analyze(with_video(conversation(film), text, REGIONS))
    assert "notes.mp4" in str(e.value)
    from rapportlens.audio.synthetic import Tone, render, write_wav

    wav = write_wav(tmp_path / "sound.wav", render([Tone(0, 1, 150)]))
    with pytest.raises(InputError, match="no video stream"):
        rapportlens.analyze(with_video(conversation(film), wav, REGIONS))


def test_a_short_video_is_warned_and_not_measured(tmp_path):
    film = filmed(2, 0.9, seed=1)
    video = write_video(tmp_path / "short.mp4", list(film.movers.values()), 120)
    out = rapportlens.analyze(with_video(conversation(film), video, REGIONS))
    assert out.features["movement.synchrony"] is None and out.features["movement.speaker_motion"]["Client"] > 0
    assert any("5 whole minutes" in str(n) for n in out.notices)


def test_videos_are_matched_to_transcripts_by_name(tmp_path, films):
    film, video = films["mirrored"]
    (tmp_path / "week1.mp4").write_bytes(video.read_bytes())
    found = attach([conversation(film)], tmp_path / "week1.vtt", tmp_path, REGIONS)
    assert found[0].meta["video"][0]["file"].endswith("week1.mp4")
    missing = attach([conversation(film)], tmp_path / "week2.vtt", tmp_path, REGIONS)
    assert "video" not in missing[0].meta and "no video named week2" in str(missing[0].notices[0])


def test_cli_analyze_with_a_video(tmp_path, run, films):
    film, video = films["mirrored"]
    transcript = tmp_path / "session.vtt"
    transcript.write_text(vtt(conversation(film)))
    r = run("analyze", transcript, "--video", video, "--video-regions", "Therapist=left,Client=right",
            "--practitioner", "Therapist")
    assert r.exit_code == 0, r.output
    said = " ".join(r.stdout.split())
    assert "movement: mirrored.mp4" in said and "Therapist and Client moved together beyond chance" in said
    assert "Client's movements followed Therapist's" in said and "not part of the rapport score" in said
    r = run("analyze", transcript, "--html", tmp_path / "r.html", "--video", video, "--video-regions",
            "Therapist=left,Client=right", "--quiet")
    page = (tmp_path / "r.html").read_text()
    assert r.exit_code == 0 and "<h3>Movement</h3>" in page and 'aria-labelledby="movechart-cap"' in page


def test_cli_video_options_are_checked_first(tmp_path, run, films):
    film, video = films["mirrored"]
    transcript = tmp_path / "session.vtt"
    transcript.write_text(vtt(conversation(film)))
    r = run("analyze", transcript, "--video", video)
    assert r.exit_code == 2 and "--video-regions Therapist=left,Client=right" in r.output
    r = run("analyze", transcript, "--video-regions", "Therapist=left,Client=right")
    assert r.exit_code == 2 and "give --video too" in r.output
    r = run("analyze", transcript, "--video", video, "--video-regions", "Therapist=middle")
    assert r.exit_code == 2 and "not a region" in r.output
    r = run("analyze", transcript, "--video-track", f"Therapist={video}", "--video-track", f"Client={video}",
            "--video", video)
    assert r.exit_code == 2 and "not both" in r.output


def test_cli_without_the_video_extra_says_how_to_install(tmp_path, run, monkeypatch, films):
    import importlib

    real = importlib.import_module

    def without(name, *a, **kw):
        if name == "av":
            raise ImportError("No module named 'av'")
        return real(name, *a, **kw)

    monkeypatch.setattr(importlib, "import_module", without)
    film, video = films["mirrored"]
    transcript = tmp_path / "session.vtt"
    transcript.write_text(vtt(conversation(film)))
    r = run("analyze", transcript, "--video", video, "--video-regions", "Therapist=left,Client=right")
    assert r.exit_code == 2 and "pip install 'rapportlens[video]'" in r.output
    with pytest.raises(VideoUnavailable):
        measure([(video, [("A", parse("left"))])], threshold=13)


def test_batch_with_a_folder_of_videos(tmp_path, run, films):
    import pyarrow.parquet as pq

    film, video = films["mirrored"]
    videos = tmp_path / "videos"
    videos.mkdir()
    (videos / "week1.mp4").write_bytes(video.read_bytes())
    transcripts = tmp_path / "transcripts"
    transcripts.mkdir()
    for week in ("week1", "week2"):
        (transcripts / f"{week}.vtt").write_text(vtt(conversation(film)))
    r = run("batch", transcripts, "--out", tmp_path / "out", "--video", videos, "--video-regions",
            "Therapist=left,Client=right", "--practitioner", "Therapist", "--jobs", "1", "--quiet")
    assert r.exit_code == 0, r.output
    rows = {row["source"].rsplit("/", 1)[-1]: row
            for row in pq.read_table(tmp_path / "out" / "conversations.parquet").to_pylist()}
    assert rows["week1.vtt"]["video"] == "week1.mp4" and rows["week1.vtt"]["movement_synchrony_p"] < 0.05
    assert rows["week1.vtt"]["movement_leader"] == "Therapist"
    assert rows["week2.vtt"]["video"] is None and rows["week2.vtt"]["movement_synchrony"] is None
    utts = pq.read_table(tmp_path / "out" / "utterances.parquet").to_pylist()
    assert sum(u["motion"] is not None for u in utts) == len(film.turns)


def test_the_whole_picture_changing_is_not_synchrony(tmp_path):
    film = filmed(6, 0.0, seed=3)
    flashes = [float(t) for t in np.arange(7, 350, 11.3)]
    video = write_video(tmp_path / "flashes.mp4", list(film.movers.values()), 6 * 60, flashes=flashes)
    out = rapportlens.analyze(with_video(conversation(film), video, REGIONS))
    f = out.features
    assert len(f["movement.picture_changes"]) >= len(flashes)  # on and off
    assert f["movement.picture_changes"][0] == pytest.approx(7, abs=0.2)
    assert f["movement.synchrony_p"] >= 0.05
    assert any("whole picture changed at once" in str(n) for n in out.notices)


def test_regions_given_the_wrong_way_round_are_warned(films):
    film, video = films["independent"]
    out = rapportlens.analyze(with_video(conversation(film), video, {"Therapist": "right", "Client": "left"}))
    [notice] = [str(n) for n in out.notices if "wrong way round" in str(n)]
    assert "--video-regions Therapist=left,Client=right" in notice
    right = rapportlens.analyze(with_video(conversation(film), video, REGIONS))
    assert not any("wrong way round" in str(n) for n in right.notices)


def test_an_untimed_transcript_gets_synchrony_without_the_per_utterance_figures(films):
    film, video = films["mirrored"]
    conv = Conversation.from_pairs([(who, TALK[who]) for who, _, _ in film.turns],
                                   roles={"Therapist": Role.PRACTITIONER, "Client": Role.CLIENT})
    f = rapportlens.analyze(with_video(conv, video, REGIONS)).features
    assert f["movement.synchrony_p"] < 0.05 and f["movement.speaker_motion"]["Client"] > 0
    assert set(f["movement.motion"]) == {None} and f["movement.speaking_motion"] == {"Therapist": None, "Client": None}
    assert all(w["utterances"] == [] for w in f["movement.windows"])


def test_cli_frame_draws_the_regions(tmp_path, run, films):
    _, video = films["mirrored"]
    out = tmp_path / "check.png"
    r = run("frame", video, "--video-regions", "Therapist=left,Client=0.55:0.1:1:0.9", "--at", "30", "-o", out)
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = run("frame", video, "--video-regions", "Therapist=left,Client=right", "--at", "9999", "-o", out)
    assert r.exit_code == 2 and "ends before 9999 s" in r.output
    r = run("frame", video, "-o", out)
    assert r.exit_code == 2 and "give --video-regions" in r.output


def test_trend_follows_movement_synchrony_over_sessions(tmp_path, run):
    import json

    videos, transcripts = tmp_path / "videos", tmp_path / "jo"
    videos.mkdir()
    transcripts.mkdir()
    for week, follow in ((1, 0.0), (2, 0.5), (3, 0.95)):
        film = filmed(6, follow, seed=week)
        write_video(videos / f"week{week}.mp4", list(film.movers.values()), 6 * 60, seed=week)
        (transcripts / f"week{week}.vtt").write_text(vtt(conversation(film)))
    args = ("trend", transcripts, "--video", videos, "--video-regions", "Therapist=left,Client=right",
            "--practitioner", "Therapist", "--quiet")
    r = run(*args, "--json")
    assert r.exit_code == 0, r.output
    series = json.loads(r.stdout)
    moved = next(t for t in series["trends"] if t["measure"] == "movement.synchrony")
    assert moved["values"][2] > moved["values"][0] and moved["direction"] == "rising"
    assert [s["movement"] for s in series["sessions"]] == list(moved["values"])
    said = " ".join(run(*args).stdout.split())
    assert "movement: synchrony (z beyond chance)" in said and "movement synchrony: 0.005 and 0.015" in said
    r = run(*args, "--html", tmp_path / "series.html")
    assert "movement synchrony: 0.005 and 0.015" in (tmp_path / "series.html").read_text()


def test_a_group_gets_synchrony_for_every_two_people(tmp_path):
    film = filmed(6, 0.9, seed=5, names=("Lead", "Ana"))
    third = filmed(6, 0.0, seed=6, names=("Lead", "Ben")).movers["Ben"]
    movers = [Mover(1 / 6, film.movers["Lead"].moves), Mover(0.5, film.movers["Ana"].moves), Mover(5 / 6, third.moves)]
    video = write_video(tmp_path / "group.mp4", movers, 6 * 60, size=(144, 54))
    speakers = [Speaker("Lead", Role.PRACTITIONER), Speaker("Ana", Role.MEMBER), Speaker("Ben", Role.MEMBER)]
    utts = [Utterance(i, who, "We could try that next week.", start=a, end=b) for i, (who, a, b) in enumerate(film.turns)]
    conv = Conversation(utts + [Utterance(len(utts), "Ben", "Maybe.", start=359.0, end=359.5)], speakers, id="g")
    regions = {"Lead": "left-third", "Ana": "middle-third", "Ben": "right-third"}
    f = rapportlens.analyze(with_video(conv, video, regions)).features
    pairs = {(p["a"], p["b"]): p for p in f["movement.pairs"]}
    assert set(pairs) == {("Lead", "Ana"), ("Lead", "Ben"), ("Ana", "Ben")}
    assert pairs[("Lead", "Ana")]["p"] < 0.05 and pairs[("Lead", "Ben")]["p"] >= 0.05
    assert f["movement.synchrony"] is None and f["movement.windows"] == []  # no single pair to headline


def test_one_mp4_gives_both_the_voices_and_the_movement(tmp_path):
    from rapportlens.audio import with_audio
    from rapportlens.audio.synthetic import RATE, Tone, render

    film = filmed(6, 0.9, seed=3)
    pitch = {"Therapist": 120.0, "Client": 220.0}
    sound = render([Tone(a, b, pitch[who]) for who, a, b in film.turns], seconds=6 * 60)
    video = write_video(tmp_path / "meeting.mp4", list(film.movers.values()), 6 * 60, sound=sound, rate=RATE)
    conv = with_video(with_audio(conversation(film), video), video, REGIONS)
    f = rapportlens.analyze(conv).features
    assert f["prosody.recording"] == "meeting.mp4" and f["movement.video"] == "meeting.mp4"
    assert f["prosody.speaker_pitch"]["Therapist"] == pytest.approx(120, rel=0.05)
    assert f["prosody.speaker_pitch"]["Client"] == pytest.approx(220, rel=0.05)
    assert f["movement.synchrony_p"] < 0.05 and f["prosody.in_step"] > 0.9


def test_a_noisy_camera_is_not_synchrony(tmp_path):
    # The encoder renews the noise of a whole frame at once: counted at a fixed threshold,
    # both regions "moved" together at those steps (lag-0 r 0.61 between independent people).
    film = filmed(2, 0.0, seed=1)
    video = write_video(tmp_path / "noisy.mp4", list(film.movers.values()), 90, size=(320, 180),
                        sway_width=1 / 80, noise=6.0)
    m = measure([(video, [("Therapist", parse("left")), ("Client", parse("right"))])])
    assert abs(np.corrcoef(m.of("Therapist"), m.of("Client"))[0, 1]) < 0.1
    assert m.of("Client").max() > 0.02 and m.jumps == ()  # the movements still count; no whole-picture change
