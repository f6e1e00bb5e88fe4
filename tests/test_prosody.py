"""Voices from a recording: pitch and loudness per utterance, synchrony and convergence.
Recordings are harmonic tones made in the test (rapportlens.audio.synthetic), not voices."""

import numpy as np
import pytest

import rapportlens
from rapportlens.audio import attach, check_option, recording_beside, with_audio
from rapportlens.audio.decode import AudioUnavailable, Recording, load
from rapportlens.audio.describe import convergence_words, synchrony_words, voice_lines
from rapportlens.audio.entrainment import convergence, synchrony
from rapportlens.audio.prosody import background, measure
from rapportlens.audio.synthetic import RATE, Tone, render, write_wav
from rapportlens.errors import InputError, OptionError
from rapportlens.model import Conversation, Role, Speaker, Utterance

TALK = {"Therapist": "It sounds like this week asked a lot of you.", "Client": "It did, more than I expected."}


def coupled(n: int, k: float, seed: int = 1) -> list[float]:
    """Each value follows the one before by ``k`` (0: independent), unit variance."""
    rng = np.random.default_rng(seed)
    out = [float(rng.normal())]
    for _ in range(n - 1):
        out.append(float(k * out[-1] + np.sqrt(1 - k * k) * rng.normal()))
    return out


def session(tmp_path, n=30, k=0.8, seed=1, base=None, name="session.wav"):
    """A two-person timed conversation and its recording; each utterance's pitch and level
    follow the previous one's by ``k``."""
    rng = np.random.default_rng(seed)
    base = base or {"Therapist": 110.0, "Client": 210.0}
    dev = coupled(n, k, seed)
    tones, utts, t = [], [], 0.5
    for i in range(n):
        who = "Therapist" if i % 2 == 0 else "Client"
        dur = float(rng.uniform(1.5, 3.0))
        tones.append(Tone(t, t + dur, base[who] * 2 ** (dev[i] * 1.5 / 12), -22 + 3 * dev[i]))
        utts.append(Utterance(i, who, TALK[who], start=round(t, 3), end=round(t + dur, 3)))
        t += dur + float(rng.uniform(0.2, 0.6))
    wav = write_wav(tmp_path / name, render(tones, seed=seed))
    conv = Conversation(utts, [Speaker("Therapist", Role.PRACTITIONER), Speaker("Client", Role.CLIENT)],
                        id="s", source=str(tmp_path / "session.vtt"))
    return conv, wav, tones


def test_pitch_and_loudness_of_one_tone(tmp_path):
    tones = [Tone(1.0, 3.0, 150.0, -20.0), Tone(4.0, 6.0, 150.0, -32.0)]
    rec = load(write_wav(tmp_path / "t.wav", render(tones)))
    loud, quiet = (measure(rec, t.start, t.end) for t in tones)
    # the tone falls 1.5 semitones over its length, so its median is 0.75 below the start
    assert loud.pitch == pytest.approx(150 * 2 ** (-0.75 / 12), rel=0.03)
    assert 1.0 < loud.pitch_range < 2.0
    assert loud.loudness - quiet.loudness == pytest.approx(12, abs=1.0)
    assert loud.voiced_seconds > 1.5


def test_silence_and_overlap_are_not_measured(tmp_path):
    rec = load(write_wav(tmp_path / "t.wav", render([Tone(1.0, 3.0, 150.0)], seconds=8.0)))
    silent = measure(rec, 4.0, 7.0)
    assert silent.pitch is None and silent.voiced_seconds < 0.1
    alone = measure(rec, 1.0, 3.0)
    shared = measure(rec, 1.0, 3.0, others=[(2.0, 3.5)])
    assert shared.voiced_seconds == pytest.approx(alone.voiced_seconds / 2, abs=0.15)
    assert background(rec) < -55


def test_synchrony_tells_coupled_from_independent_turns():
    speakers = ["A", "B"] * 30
    times = [float(i) for i in range(60)]
    linked = synchrony(coupled(60, 0.8), speakers, times)
    assert linked.r > 0.4 and linked.p < 0.01
    assert len(linked.exchanges) == 59 and linked.exchanges[0] == [0, 1]
    apart = synchrony(coupled(60, 0.0), speakers, times)
    assert apart.p > 0.05
    assert synchrony(coupled(8, 0.8), ["A", "B"] * 4, times[:8]) is None


def test_shared_drift_is_not_synchrony():
    """Both voices rising over the session (a gain change, a warming up) correlate turn by
    turn without either answering the other; each speaker's trend is taken out first."""
    rng = np.random.default_rng(3)
    values = [i * 0.5 + float(rng.normal()) for i in range(60)]
    raw = np.corrcoef(values[:-1], values[1:])[0, 1]
    assert raw > 0.9
    assert synchrony(values, ["A", "B"] * 30, [float(i) for i in range(60)]).p > 0.05


def test_convergence_is_the_gap_closing():
    speakers = ["A", "B"] * 10
    times = [float(i) for i in range(20)]
    values = [10.0 if s == "A" else (0.0 if t < 10 else 6.0) for s, t in zip(speakers, times)]
    assert convergence(values, speakers, times, "A", "B") == pytest.approx(6.0)
    assert convergence(values[:4] + [None] * 16, speakers, times, "A", "B") is None


def test_analyze_with_a_recording(tmp_path):
    conv, wav, tones = session(tmp_path)
    out = rapportlens.analyze(with_audio(conv, wav))
    f = out.features
    assert f["prosody.recording"] == "session.wav"
    assert len(f["prosody.measured"]) == 30
    assert f["prosody.pitch"][0] == pytest.approx(tones[0].pitch * 2 ** (-0.75 / 12), rel=0.03)
    assert f["prosody.speaker_pitch"]["Client"] > 1.7 * f["prosody.speaker_pitch"]["Therapist"]
    assert f["prosody.pitch_synchrony"] > 0.4 and f["prosody.pitch_synchrony_p"] < 0.05
    assert f["prosody.loudness_synchrony"] > 0.4 and f["prosody.loudness_synchrony_p"] < 0.05
    assert f["prosody.pitch_convergence"] is not None
    assert not out.notices
    lines = voice_lines(f, 30)
    assert lines[0].startswith("session.wav") and "30 of 30 utterances measured" in lines[0]
    assert lines[1].startswith("pitch moved with the other speaker's from turn to turn (r 0.")


def test_independent_voices_are_not_called_synchronous(tmp_path):
    conv, wav, _ = session(tmp_path, k=0.0, seed=4)
    f = rapportlens.analyze(with_audio(conv, wav)).features
    assert f["prosody.pitch_synchrony_p"] > 0.05
    assert "did not move with" in voice_lines(f, 30)[1]


def test_without_a_recording_every_voice_measure_is_empty():
    conv = Conversation.from_pairs([("Therapist", "How was the week?"), ("Client", "Long.")])
    f = rapportlens.analyze(conv).features
    assert f["prosody.recording"] is None and f["prosody.measured"] == []
    assert f["prosody.pitch"] == [None, None] and f["prosody.pitch_synchrony"] is None
    assert voice_lines(f, 2) == []


def test_untimed_transcript_with_a_recording_is_an_error(tmp_path):
    wav = write_wav(tmp_path / "r.wav", render([Tone(0.5, 2.0, 150.0)]))
    conv = Conversation.from_pairs([("Therapist", "How was the week?"), ("Client", "Long.")], source="s.txt")
    with pytest.raises(InputError, match="s.txt: the transcript has no times") as e:
        rapportlens.analyze(with_audio(conv, wav))
    assert "WebVTT or SRT" in e.value.fix


def test_transcript_running_past_the_recording_is_warned(tmp_path):
    conv, wav, _ = session(tmp_path, n=12)
    short = write_wav(tmp_path / "short.wav", load(wav).samples[: 10 * RATE].astype(np.float64))
    out = rapportlens.analyze(with_audio(conv, short))
    said = " ".join(str(n) for n in out.notices)
    assert "start after the recording ends (10 s" in said and "short.wav" in said
    assert "timed utterances had enough voiced speech" in said


def test_only_start_times_run_to_the_next_start(tmp_path):
    conv, wav, _ = session(tmp_path, n=12)
    starts = [Utterance(u.index, u.speaker, u.text, start=u.start) for u in conv.utterances]
    open_ended = Conversation(starts, conv.speakers, id="s")
    f = rapportlens.analyze(with_audio(open_ended, wav)).features
    assert len(f["prosody.measured"]) >= 11


def test_recordings_in_other_formats_and_bad_files(tmp_path):
    import av
    path = tmp_path / "call.m4a"
    tone = render([Tone(0.2, 1.8, 180.0)], seconds=2.0).astype(np.float32)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=RATE)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    rec = load(path)
    assert isinstance(rec, Recording) and rec.seconds == pytest.approx(2.0, abs=0.15)  # AAC pads a frame or two
    assert measure(rec, 0.2, 1.8).pitch == pytest.approx(180 * 2 ** (-0.75 / 12), rel=0.03)
    bad = tmp_path / "notes.wav"
    bad.write_text("not a recording\n" * 50)
    with pytest.raises(InputError, match="notes.wav: cannot decode the recording"):
        load(bad)
    with pytest.raises(InputError, match="no such recording"):
        load(tmp_path / "missing.wav")


def hide(monkeypatch, module: str) -> None:
    """Make ``module`` look uninstalled to the audio extra's imports."""
    import importlib

    real = importlib.import_module

    def without(name, *a, **kw):
        if name == module:
            raise ImportError(f"No module named {module!r}")
        return real(name, *a, **kw)

    monkeypatch.setattr(importlib, "import_module", without)


def test_missing_audio_extra_says_how_to_install(monkeypatch, tmp_path):
    hide(monkeypatch, "av")
    with pytest.raises(AudioUnavailable, match=r"pip install 'rapportlens\[audio\]'"):
        load(tmp_path / "x.wav")


def test_words_for_the_measures():
    assert synchrony_words("pitch", None, None).endswith("too few measured exchanges to judge synchrony")
    assert "moved against" in synchrony_words("pitch", -0.4, 0.01)
    assert convergence_words("pitch", 1.2) == "pitch levels 1.2 semitones closer in the second half"
    assert convergence_words("loudness", -2.0) == "loudness levels 2.0 dB further apart in the second half"
    assert convergence_words("pitch", 0.2).startswith("pitch levels about as far apart")
    assert convergence_words("pitch", None) is None


def test_recordings_are_matched_to_transcripts_by_name(tmp_path):
    conv, wav, _ = session(tmp_path, n=4, name="session.m4a")
    assert recording_beside(tmp_path / "session.vtt", tmp_path) == wav
    assert attach([conv], tmp_path / "session.vtt", tmp_path)[0].meta["audio"] == str(wav)
    other = attach([conv], tmp_path / "week2.vtt", tmp_path)
    assert "audio" not in other[0].meta and "no recording named week2.*" in str(other[0].notices[-1])
    with pytest.raises(OptionError, match="one recording cannot belong to all"):
        attach([conv, conv], tmp_path / "session.vtt", wav)
    with pytest.raises(OptionError, match="2 transcripts were given"):
        check_option(wav, 2)
    check_option(tmp_path, 2)


VTT = """WEBVTT

{cues}
"""


def _vtt(conv) -> str:
    def clock(s):
        return f"00:{int(s // 60):02d}:{s % 60:06.3f}"
    cues = "\n".join(f"{clock(u.start)} --> {clock(u.end)}\n<v {u.speaker}>{u.text}\n" for u in conv.utterances)
    return VTT.format(cues=cues)


def test_cli_analyze_with_audio(tmp_path, run):
    conv, wav, _ = session(tmp_path)
    vtt = tmp_path / "session.vtt"
    vtt.write_text(_vtt(conv))
    r = run("analyze", vtt, "--audio", wav, "--practitioner", "Therapist")
    assert r.exit_code == 0, r.output
    assert "voice: session.wav" in r.stdout and "pitch moved with the other" in " ".join(r.stdout.split())
    r = run("analyze", vtt, "--audio", tmp_path, "--practitioner", "Therapist", "--json")
    assert r.exit_code == 0
    assert '"prosody.recording": "session.wav"' in r.stdout
    twice = tmp_path / "again.vtt"
    twice.write_text(_vtt(conv))
    r = run("analyze", vtt, twice, "--audio", wav)
    assert r.exit_code == 2 and "2 transcripts were given" in r.stderr


def test_report_has_the_voice_section(tmp_path):
    from rapportlens.report.html import render_html

    conv, wav, _ = session(tmp_path)
    html = render_html(rapportlens.analyze(with_audio(conv, wav)))
    assert "<h3>Voice</h3>" in html and "From session.wav, 01:" in html
    assert "Typical pitch and loudness by speaker: Therapist 1" in html
    plain = render_html(rapportlens.analyze(Conversation.from_pairs([("A", "Hi there."), ("B", "Hello.")])))
    assert "<h3>Voice</h3>" not in plain


def test_batch_with_a_folder_of_recordings(tmp_path, run):
    import pyarrow.parquet as pq

    recordings = tmp_path / "recordings"
    recordings.mkdir()
    conv, _, _ = session(recordings, name="week1.wav")
    transcripts = tmp_path / "transcripts"
    transcripts.mkdir()
    for week in ("week1", "week2"):
        (transcripts / f"{week}.vtt").write_text(_vtt(conv))
    r = run("batch", transcripts, "--out", tmp_path / "out", "--audio", recordings, "--practitioner", "Therapist",
            "--jobs", "1", "--quiet")
    assert r.exit_code == 0, r.output
    rows = {row["source"].rsplit("/", 1)[-1]: row for row in pq.read_table(tmp_path / "out" / "conversations.parquet").to_pylist()}
    assert rows["week1.vtt"]["recording"] == "week1.wav" and rows["week1.vtt"]["pitch_synchrony"] > 0.4
    assert rows["week2.vtt"]["recording"] is None and rows["week2.vtt"]["pitch_synchrony"] is None
    utts = pq.read_table(tmp_path / "out" / "utterances.parquet").to_pylist()
    assert sum(u["pitch"] is not None for u in utts) == 30


def test_trend_follows_voice_synchrony_over_sessions(tmp_path, run):
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    transcripts = tmp_path / "jo"
    transcripts.mkdir()
    for week, k in ((1, 0.0), (2, 0.5), (3, 0.9)):
        conv, _, _ = session(recordings, n=30, k=k, seed=week, name=f"week{week}.wav")
        (transcripts / f"week{week}.vtt").write_text(_vtt(conv))
    r = run("trend", transcripts, "--audio", recordings, "--practitioner", "Therapist", "--json", "--quiet")
    assert r.exit_code == 0, r.output
    import json

    series = json.loads(r.stdout)
    pitch = next(t for t in series["trends"] if t["measure"] == "voice.pitch_synchrony")
    assert pitch["values"][2] > pitch["values"][0] and pitch["direction"] == "rising"
    r = run("trend", transcripts, "--audio", recordings, "--practitioner", "Therapist", "--quiet")
    assert "voice: pitch synchrony (r)" in r.stdout and "voice synchrony: 0.05 and 0.2" in " ".join(r.stdout.split())
    plain = run("trend", transcripts, "--practitioner", "Therapist", "--json", "--quiet")
    assert "voice.pitch_synchrony" not in plain.stdout


def test_times_off_the_recording_are_found_and_an_offset_puts_them_back(tmp_path):
    conv, wav, _ = session(tmp_path, n=30)
    late = Conversation([Utterance(u.index, u.speaker, u.text, start=u.start + 8.0, end=u.end + 8.0)
                         for u in conv.utterances], conv.speakers, id="late")
    out = rapportlens.analyze(with_audio(late, wav))
    said = " ".join(str(n) for n in out.notices)
    assert "times look 8.0 s off the recording session.wav" in said and "--audio-offset -8.0" in said
    assert out.features["prosody.in_step"] < 0.95
    fixed = rapportlens.analyze(with_audio(late, wav, offset=-8.0))
    assert not fixed.notices and fixed.features["prosody.in_step"] > 0.97
    assert fixed.features["prosody.pitch_synchrony"] == rapportlens.analyze(with_audio(conv, wav)).features[
        "prosody.pitch_synchrony"]


def test_cues_a_little_long_are_not_called_off(tmp_path):
    conv, wav, _ = session(tmp_path, n=30)
    loose = Conversation([Utterance(u.index, u.speaker, u.text, start=max(0.0, u.start - 0.3), end=u.end + 0.4)
                          for u in conv.utterances], conv.speakers, id="loose")
    out = rapportlens.analyze(with_audio(loose, wav))
    assert not out.notices and out.features["prosody.in_step"] > 0.97


def test_cli_audio_offset(tmp_path, run):
    conv, wav, _ = session(tmp_path)
    late = Conversation([Utterance(u.index, u.speaker, u.text, start=u.start + 5.0, end=u.end + 5.0)
                         for u in conv.utterances], conv.speakers)
    vtt = tmp_path / "session.vtt"
    vtt.write_text(_vtt(late))
    r = run("analyze", vtt, "--audio", wav, "--practitioner", "Therapist")
    assert r.exit_code == 0 and "give --audio-offset -5.0" in " ".join(r.stderr.split())
    r = run("analyze", vtt, "--audio", wav, "--audio-offset", "-5", "--practitioner", "Therapist")
    assert r.exit_code == 0 and "off the recording" not in r.stderr and "pitch moved with" in " ".join(r.stdout.split())


def test_units_read_as_english():
    assert convergence_words("pitch", 0.5) == "pitch levels 0.5 semitones closer in the second half"
    assert convergence_words("pitch", -1.0) == "pitch levels 1.0 semitone further apart in the second half"


def stereo_call(tmp_path):
    """An agent on the left channel and a customer on the right, talking over each other
    half the time: on the mix their overlaps cannot be measured; on their channels they can."""
    rng = np.random.default_rng(5)
    dev = coupled(30, 0.8, 5)
    left, right, utts, t = [], [], [], 0.5
    for i in range(30):
        who = "Agent" if i % 2 == 0 else "Customer"
        dur = float(rng.uniform(2.0, 3.0))
        tone = Tone(t, t + dur, (120.0 if who == "Agent" else 220.0) * 2 ** (dev[i] * 1.5 / 12), -22 + 3 * dev[i])
        (left if who == "Agent" else right).append(tone)
        utts.append(Utterance(i, who, TALK["Therapist" if who == "Agent" else "Client"], start=round(t, 3),
                              end=round(t + dur, 3)))
        t += dur - (1.0 if i % 2 else -0.3)  # every other reply starts a second before the end
    seconds = t + 2
    wav = write_wav(tmp_path / "call.wav", np.stack([render(left, seconds, seed=1), render(right, seconds, seed=2)]))
    conv = Conversation(utts, [Speaker("Agent", Role.PRACTITIONER), Speaker("Customer", Role.CLIENT)], id="call")
    return conv, wav


def test_each_speaker_on_their_own_channel(tmp_path):
    conv, wav = stereo_call(tmp_path)
    mixed = rapportlens.analyze(with_audio(conv, wav)).features
    apart = rapportlens.analyze(with_audio(conv, wav, channels=["Agent", "Customer"])).features
    assert sum(mixed["prosody.voiced_seconds"]) < 0.8 * sum(apart["prosody.voiced_seconds"])
    assert len(apart["prosody.measured"]) == 30
    assert apart["prosody.speaker_pitch"]["Customer"] > 1.6 * apart["prosody.speaker_pitch"]["Agent"]
    assert apart["prosody.pitch_synchrony"] > 0.4 and apart["prosody.pitch_synchrony_p"] < 0.05
    with pytest.raises(OptionError, match="the audio channels name Caller, but the speakers of 'call' are Agent"):
        with_audio(conv, wav, channels=["Agent", "Caller"])
    three = Conversation(conv.utterances, [*conv.speakers, Speaker("Supervisor", Role.PRACTITIONER)], id="call")
    with pytest.raises(InputError, match="the recording has 2 channel"):
        rapportlens.analyze(with_audio(three, wav, channels=["Agent", "Customer", "Supervisor"]))


def test_cli_audio_channels(tmp_path, run):
    conv, wav = stereo_call(tmp_path)
    vtt = tmp_path / "call.vtt"
    vtt.write_text(_vtt(conv))
    r = run("analyze", vtt, "--audio", wav, "--audio-channels", "Agent, Customer", "-p", "Agent", "--json")
    assert r.exit_code == 0, r.output
    import json

    result = json.loads(r.stdout)
    assert result["meta"]["audio_channels"] == ["Agent", "Customer"]
    assert len(result["features"]["prosody.measured"]) == 30
    r = run("analyze", vtt, "--audio-channels", "Agent,Customer")
    assert r.exit_code == 2 and "give --audio too" in r.output


def test_a_file_per_speaker(tmp_path, run):
    """Zoom's separate audio file per participant: each file is that speaker's channel."""
    conv, wav = stereo_call(tmp_path)
    both = load(wav, keep_channels=True).channels.astype(np.float64)
    agent = write_wav(tmp_path / "audioAgent123.wav", both[0])
    customer = write_wav(tmp_path / "audioCustomer456.wav", both[1][: -RATE])  # ends a second sooner
    f = rapportlens.analyze(with_audio(conv, {"Agent": agent, "Customer": customer})).features
    apart = rapportlens.analyze(with_audio(conv, wav, channels=["Agent", "Customer"])).features
    assert f["prosody.recording"] == "audioAgent123.wav + audioCustomer456.wav"
    assert f["prosody.pitch"] == apart["prosody.pitch"]
    vtt = tmp_path / "call.vtt"
    vtt.write_text(_vtt(conv))
    r = run("analyze", vtt, "--audio-track", f"Agent={agent}", "--audio-track", f"Customer={customer}", "-p", "Agent")
    assert r.exit_code == 0, r.output
    assert "measuring the voices in audioAgent123.wav + audioCustomer456.wav" in r.stderr
    assert "voice: audioAgent123.wav + audioCustomer456.wav" in r.stdout
    r = run("analyze", vtt, "--audio-track", f"Caller={agent}")
    assert r.exit_code == 2 and "the audio channels name Caller" in r.stderr
    r = run("analyze", vtt, "--audio-track", "Agent")
    assert r.exit_code == 2 and "write it as NAME=FILE" in r.output
    r = run("analyze", vtt, "--audio", wav, "--audio-track", f"Agent={agent}")
    assert r.exit_code == 2 and "not both" in r.output


def test_channels_named_in_the_wrong_order_are_an_error(tmp_path, run):
    conv, wav = stereo_call(tmp_path)
    with pytest.raises(InputError, match="Agent is loudest on channel 1, not 2") as e:
        rapportlens.analyze(with_audio(conv, wav, channels=["Customer", "Agent"]))
    assert "--audio-channels Agent,Customer" in e.value.fix
    vtt = tmp_path / "call.vtt"
    vtt.write_text(_vtt(conv))
    r = run("analyze", vtt, "--audio", wav, "--audio-channels", "Customer,Agent")
    assert r.exit_code == 2 and "--audio-channels Agent,Customer" in r.stderr


@pytest.mark.parametrize("command", ["analyze", "trend", "batch"])
def test_cli_without_the_audio_extra_stops_before_any_work(tmp_path, run, monkeypatch, command):
    hide(monkeypatch, "pyworld")
    conv, _, _ = session(tmp_path, n=4)
    vtt = tmp_path / "session.vtt"
    vtt.write_text(_vtt(conv))
    extra = ["--out", tmp_path / "out"] if command == "batch" else []
    r = run(command, vtt, "--audio", tmp_path, *extra)
    assert r.exit_code == 2
    assert "pip install 'rapportlens[audio]'" in r.output and "measuring the voices" not in r.output
    assert not (tmp_path / "out").exists()
