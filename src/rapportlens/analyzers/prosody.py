"""The voices in the recording, when one is attached (``rapportlens.audio``): pitch and
loudness of each utterance, each speaker's typical levels, and acoustic-prosodic
entrainment (SPEC section 4, coordination): synchrony from turn to turn and convergence
over the session. Not part of the rapport score, which was fitted on transcripts alone."""

from __future__ import annotations

from statistics import median

from ..audio import CHANNELS_KEY, OFFSET_KEY, recording_files
from ..audio.alignment import Alignment, channel_mixups, check, loudest_channels, worth_warning
from ..audio.decode import Recording, load, load_tracks
from ..audio.entrainment import convergence, synchrony
from ..audio.prosody import Voice, background, measure, quiet_level, semitones, track_levels
from ..errors import InputError
from ..features import Level, declare
from ..model import Conversation, Role, Utterance
from ..pipeline import Analyzer

MAX_OPEN_END = 30.0  # seconds an utterance with only a start time is taken to run, at most

PITCH = declare("prosody.pitch", Level.UTTERANCE, "float",
                "Median pitch (fundamental frequency) over the utterance's voiced instants; null without a "
                "recording, times, or 0.1 s of voiced speech heard alone.", unit="Hz", nullable=True)
PITCH_RANGE = declare("prosody.pitch_range", Level.UTTERANCE, "float",
                      "Spread of the utterance's pitch: semitones between its 10th and 90th percentile "
                      "(flat speech is under 2, lively speech over 6).", unit="semitones", nullable=True)
LOUDNESS = declare("prosody.loudness", Level.UTTERANCE, "float",
                   "Mean level of the utterance's voiced instants, in dB below the recording's full scale "
                   "(compare within a recording: microphone distance changes it).", unit="dBFS", nullable=True)
VOICED = declare("prosody.voiced_seconds", Level.UTTERANCE, "float",
                 "Seconds of voiced speech measured in the utterance, leaving out instants when another "
                 "speaker's utterance overlaps it; null without a recording.", unit="seconds", nullable=True)
SPEAKER_PITCH = declare("prosody.speaker_pitch", Level.SPEAKER, "float",
                        "Median of the speaker's utterance pitches.", unit="Hz", nullable=True)
SPEAKER_LOUDNESS = declare("prosody.speaker_loudness", Level.SPEAKER, "float",
                           "Median of the speaker's utterance loudness.", unit="dBFS", nullable=True)
RECORDING = declare("prosody.recording", Level.CONVERSATION, "str",
                    "File name of the recording measured (the files joined by ' + ' when each speaker has one); null "
                    "when none was given.", nullable=True)
SECONDS = declare("prosody.recording_seconds", Level.CONVERSATION, "float", "Length of the recording.",
                  unit="seconds", nullable=True)
IN_STEP = declare(
    "prosody.in_step", Level.CONVERSATION, "float",
    "Share of the recording's sound (0.1 s steps above the background) that falls inside the transcript's "
    "utterances as timed: near 1 when the times match the recording. Null without a recording.", nullable=True)
MEASURED = declare("prosody.measured", Level.CONVERSATION, "list",
                   "The utterances whose pitch and loudness were measured (empty without a recording).")
PITCH_SYNC = declare(
    "prosody.pitch_synchrony", Level.CONVERSATION, "float",
    "Correlation (Pearson r, -1..1) between the pitch of each utterance and of the reply to it by another "
    "speaker, each speaker's pitch taken around their own median and trend over the session: positive when "
    "a higher utterance is answered higher and a lower one lower. Null with fewer than 10 measured "
    "exchanges.", nullable=True)
PITCH_SYNC_P = declare(
    "prosody.pitch_synchrony_p", Level.CONVERSATION, "float",
    "Chance of a synchrony this far from 0 if replies were unrelated to what they answer: the share of "
    "2,000 shufflings of the replies that correlate as strongly (two-sided).", nullable=True)
LOUD_SYNC = declare("prosody.loudness_synchrony", Level.CONVERSATION, "float",
                    "As prosody.pitch_synchrony, for loudness.", nullable=True)
LOUD_SYNC_P = declare("prosody.loudness_synchrony_p", Level.CONVERSATION, "float",
                      "As prosody.pitch_synchrony_p, for loudness.", nullable=True)
EXCHANGES = declare(
    "prosody.exchanges", Level.CONVERSATION, "list",
    "The [utterance, reply] pairs the pitch synchrony was computed over: the evidence behind it.")
PITCH_CONV = declare(
    "prosody.pitch_convergence", Level.CONVERSATION, "float",
    "How many semitones closer the practitioner's and the client's typical pitch are in the second half "
    "of the session than in the first (negative: further apart). Two-person sessions with 3 measured "
    "utterances by each in each half; null otherwise.", unit="semitones", nullable=True)
LOUD_CONV = declare("prosody.loudness_convergence", Level.CONVERSATION, "float",
                    "As prosody.pitch_convergence, for loudness.", unit="dB", nullable=True)


def spans(utts: tuple[Utterance, ...]) -> list[tuple[float, float] | None]:
    """Each utterance's time in the recording. A missing end is the next utterance's start
    (at most MAX_OPEN_END later), as transcripts with one time per line give."""
    out: list[tuple[float, float] | None] = []
    for i, u in enumerate(utts):
        if u.start is None:
            out.append(None)
            continue
        end = u.end
        if end is None:
            later = next((v.start for v in utts[i + 1:] if v.start is not None and v.start > u.start), None)
            end = min(later, u.start + MAX_OPEN_END) if later is not None else None
        out.append((u.start, end) if end is not None and end > u.start else None)
    return out


class Prosody(Analyzer):
    name = "prosody"
    description = "Pitch and loudness from the recording, when one is attached; synchrony and convergence."
    assigns = (PITCH.key, PITCH_RANGE.key, LOUDNESS.key, VOICED.key, SPEAKER_PITCH.key, SPEAKER_LOUDNESS.key,
               RECORDING.key, SECONDS.key, IN_STEP.key, MEASURED.key, PITCH_SYNC.key, PITCH_SYNC_P.key, LOUD_SYNC.key,
               LOUD_SYNC_P.key, EXCHANGES.key, PITCH_CONV.key, LOUD_CONV.key)

    def apply(self, conversation: Conversation) -> None:
        attached = bool(recording_files(conversation.meta))
        self.assign(conversation, *(self.measure(conversation) if attached else (None, None, None)))

    def measure(self, conv: Conversation) -> tuple[list[Voice | None], float, float | None]:
        offset = float(conv.meta.get(OFFSET_KEY) or 0.0)
        times = [None if s is None else (s[0] + offset, s[1] + offset) for s in spans(conv.utterances)]
        if not any(times):
            raise InputError(
                "the transcript has no times, so its utterances cannot be found in the recording",
                path=conv.source, fix="give a transcript with times: WebVTT or SRT exported with the "
                "recording, or lines such as '[00:01:02] Name: text'")
        names = list(conv.meta.get(CHANNELS_KEY) or [])
        files = recording_files(conv.meta)
        recording = load_tracks(files) if len(files) > 1 else load(files[0], keep_channels=bool(names))
        if names and recording.channels is not None and len(recording.channels) < len(names):
            raise InputError(f"the recording has {len(recording.channels)} channel(s), but {len(names)} speakers were "
                             "given one each", path=recording.path,
                             fix="name one speaker per channel, or leave the channels out to measure the mix")
        channel = {n: i for i, n in enumerate(names)}
        _check_channels(conv, recording, times, channel)
        mix = track_levels(recording)
        floors = {None: quiet_level(mix), **{c: background(recording, c) for c in channel.values()}}
        fit = check(mix, [s for s in times if s], floors[None])
        _warn_if_off(conv, recording, times, fit, offset)
        voices: list[Voice | None] = []
        for u, s in zip(conv.utterances, times):
            if s is None:
                voices.append(None)
                continue
            mine = channel.get(u.speaker)
            others = [t for v, t in zip(conv.utterances, times)
                      if t and v.speaker != u.speaker and channel.get(v.speaker) == mine and t[0] < s[1] and t[1] > s[0]]
            voices.append(measure(recording, s[0], s[1], others, floors[mine], mine))
        timed = sum(1 for s in times if s)
        heard = sum(1 for v in voices if v and v.pitch is not None)
        if heard < timed / 2:
            conv.warn(f"only {heard} of {timed} timed utterances had enough voiced speech in "
                      f"{recording.name} to measure; check that the recording matches the transcript")
        return voices, recording.seconds, fit.in_step if fit else None

    def assign(self, conv: Conversation, voices: list[Voice | None] | None, seconds: float | None,
               in_step: float | None) -> None:
        f = conv.features
        us = conv.utterances
        voices = voices or [None] * len(us)
        pitch = [v.pitch if v else None for v in voices]
        loud = [v.loudness if v else None for v in voices]
        f.assign(PITCH.key, [None if p is None else round(p, 1) for p in pitch])
        f.assign(PITCH_RANGE.key, [v.pitch_range if v else None for v in voices])
        f.assign(LOUDNESS.key, [None if x is None else round(x, 1) for x in loud])
        f.assign(VOICED.key, [v.voiced_seconds if v else None for v in voices])
        by = {s.name: [i for i, u in enumerate(us) if u.speaker == s.name] for s in conv.speakers}
        f.assign(SPEAKER_PITCH.key, {n: _median([pitch[i] for i in idx]) for n, idx in by.items()})
        f.assign(SPEAKER_LOUDNESS.key, {n: _median([loud[i] for i in idx]) for n, idx in by.items()})
        files = recording_files(conv.meta)
        f.assign(RECORDING.key, " + ".join(str(p).replace("\\", "/").rsplit("/", 1)[-1] for p in files) or None)
        f.assign(SECONDS.key, None if seconds is None else round(seconds, 2))
        f.assign(IN_STEP.key, in_step)
        f.assign(MEASURED.key, [i for i, p in enumerate(pitch) if p is not None])
        speakers = [u.speaker for u in us]
        # Each speaker's trend is over time when every utterance has it, else over order.
        timed = all(u.start is not None for u in us)
        at = [u.start if timed else float(u.index) for u in us]
        tones = [None if p is None else semitones(p, 100.0) for p in pitch]
        ps, ls = synchrony(tones, speakers, at), synchrony(loud, speakers, at)
        f.assign(PITCH_SYNC.key, None if ps is None else round(ps.r, 3))
        f.assign(PITCH_SYNC_P.key, None if ps is None else round(ps.p, 4))
        f.assign(LOUD_SYNC.key, None if ls is None else round(ls.r, 3))
        f.assign(LOUD_SYNC_P.key, None if ls is None else round(ls.p, 4))
        f.assign(EXCHANGES.key, [] if ps is None else ps.exchanges)
        pair = _pair(conv)
        pc = lc = None
        if pair:
            pc, lc = convergence(tones, speakers, at, *pair), convergence(loud, speakers, at, *pair)
        f.assign(PITCH_CONV.key, None if pc is None else round(pc, 2))
        f.assign(LOUD_CONV.key, None if lc is None else round(lc, 2))


def _warn_if_off(conv: Conversation, recording: Recording, times: list[tuple[float, float] | None],
                 fit: Alignment | None, offset: float) -> None:
    """Say when the transcript's times do not seem to be the recording's."""
    if fit and worth_warning(fit):
        conv.warn(f"the transcript's times look {abs(fit.best_shift):.1f} s off the recording "
                  f"{recording.name}: {fit.in_step:.0%} of its sound falls inside the utterances as timed, "
                  f"{fit.best_in_step:.0%} with the times moved by {fit.best_shift:+.1f} s. If the recording starts "
                  f"{'later' if fit.best_shift < 0 else 'earlier'} than the transcript's times count from, give "
                  f"--audio-offset {offset + fit.best_shift:.1f}")
    after = [u.index for u, s in zip(conv.utterances, times) if s and s[0] >= recording.seconds]
    if after:
        conv.warn(f"{len(after)} utterance(s) start after the recording ends ({recording.seconds:.0f} s; "
                  f"the first is utterance {after[0]}): is {recording.name} the recording of this "
                  "transcript, and do its times count from the recording's start?")


def _check_channels(conv: Conversation, recording: Recording, times: list[tuple[float, float] | None],
                    channel: dict[str, int]) -> None:
    """A speaker whose voice is loudest on another channel than the one named for them: the
    names are most likely in the wrong order, and every measure would be of the other voice."""
    wrong = channel_mixups(loudest_channels(recording, times, [u.speaker for u in conv.utterances]), channel)
    if wrong:
        order = sorted(channel, key=lambda n: wrong.get(n, channel[n]))
        said = "; ".join(f"{n} is loudest on channel {c + 1}, not {channel[n] + 1}" for n, c in wrong.items())
        raise InputError(f"the channels do not seem to be whose they were named: {said}", path=recording.name,
                         fix="name the speakers in channel order"
                             + (f": --audio-channels {','.join(order)}" if len(set(order)) == len(order) else ""))


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(median(known), 2) if known else None


def _pair(conv: Conversation) -> tuple[str, str] | None:
    """The practitioner and the client of a two-person session."""
    if len(conv.speakers) != 2:
        return None
    roles = {s.role: s.name for s in conv.speakers}
    if Role.PRACTITIONER in roles and Role.CLIENT in roles:
        return roles[Role.PRACTITIONER], roles[Role.CLIENT]
    return None
