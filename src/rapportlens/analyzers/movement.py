"""Movement in the video, when one is attached (``rapportlens.video``): how much each person
moves, while speaking and while listening, and nonverbal synchrony (SPEC section 4,
coordination): whether their movements go together beyond chance, minute by minute, and
whose movements the other follows. Not part of the rapport score, which was fitted on
transcripts alone."""

from __future__ import annotations

from itertools import combinations

import numpy as np

from ..features import Level, declare
from ..model import Conversation, Role
from ..pipeline import Analyzer
from ..video import OFFSET_KEY, video_sources
from ..video.motion import Motion, measure
from ..video.synchrony import MIN_SEGMENTS, SEGMENT, Synchrony, synchrony
from .prosody import spans

SWAPPED = 1.25  # how much more a region must move while the other person speaks to suggest a swap
LEAD_P = 0.05  # a leader is named only when the lead is this unlikely between movements paired out of time

VIDEO = declare("movement.video", Level.CONVERSATION, "str",
                "File name of the video measured (the files joined by ' + ' when each person has one); null when "
                "none was given.", nullable=True)
SECONDS = declare("movement.video_seconds", Level.CONVERSATION, "float", "Length of the video.", unit="seconds",
                  nullable=True)
REGIONS = declare("movement.regions", Level.CONVERSATION, "dict",
                  "Where each person was measured: their region of the picture (left, right, a fraction box, or full "
                  "for a video of their own).")
MOTION = declare(
    "movement.speaker_motion", Level.SPEAKER, "float",
    "Motion energy: the mean share of the person's region whose pixels changed from one tenth of a second to "
    "the next, in percent. Compare people filmed alike: a closer camera or a smaller region gives more.",
    unit="%", nullable=True)
SPEAKING = declare("movement.speaking_motion", Level.SPEAKER, "float",
                   "The person's motion energy while their own utterances are timed (gestures while talking); null "
                   "without times.", unit="%", nullable=True)
LISTENING = declare("movement.listening_motion", Level.SPEAKER, "float",
                    "The person's motion energy while another speaker's utterances are timed (nods, shifts while "
                    "listening); null without times.", unit="%", nullable=True)
UTT_MOTION = declare("movement.motion", Level.UTTERANCE, "float",
                     "The speaker's motion energy during the utterance; null without a video, times or a region "
                     "for the speaker.", unit="%", nullable=True)
SYNC = declare(
    "movement.synchrony", Level.CONVERSATION, "float",
    "Nonverbal synchrony of a two-person session: the mean Fisher z of the absolute correlation between the "
    "two people's motion energy (lags up to 5 s either way, one-minute windows) minus the same for the "
    "minutes paired out of time. Above 0: they moved together more than two people moving as much would by "
    "chance. Null with under 5 minutes in which both moved.", nullable=True)
SYNC_P = declare("movement.synchrony_p", Level.CONVERSATION, "float",
                 "Share of 2,000 out-of-time pairings of the minutes with at least the session's synchrony "
                 "(one-sided).", nullable=True)
SYNC_R = declare("movement.synchrony_r", Level.CONVERSATION, "float",
                 "Mean absolute correlation of the two people's motion over lags and minutes, in time.",
                 nullable=True)
CHANCE_R = declare("movement.chance_r", Level.CONVERSATION, "float",
                   "The same for the minutes paired out of time: what moving this much gives by chance.",
                   nullable=True)
LEADER = declare(
    "movement.leader", Level.CONVERSATION, "str",
    "The person whose movements the other's followed within 5 s more than the reverse, beyond the minutes "
    "paired out of time (p < 0.05); null when neither clearly led.", nullable=True)
LEAD_P_KEY = declare("movement.lead_p", Level.CONVERSATION, "float",
                     "Two-sided chance of a lead this strong either way among the out-of-time pairings.",
                     nullable=True)
WINDOWS = declare(
    "movement.windows", Level.CONVERSATION, "list",
    "Each minute of the video, in the transcript's time: {start, end, synchrony (the minute's Fisher z beyond "
    "its pairings with other minutes; null when someone did not move), utterances [first, last] timed inside "
    "it}. The evidence behind movement.synchrony.")
JUMPS = declare(
    "movement.picture_changes", Level.CONVERSATION, "list",
    "Times (seconds, in the transcript's time) when a camera's whole picture changed at once: every person's "
    "region of it over 40 % changed in a tenth of a second (exposure jumping, a light switched, the camera "
    "knocked). Those steps are set to each person's typical motion, not counted as both moving at once.")
PAIRS = declare(
    "movement.pairs", Level.CONVERSATION, "list",
    "Every two people with a region: {a, b, synchrony, p, r, chance_r}, as movement.synchrony; for groups.")


class Movement(Analyzer):
    name = "movement"
    description = "Motion energy per person from the video, when one is attached; nonverbal synchrony."
    assigns = (VIDEO.key, SECONDS.key, REGIONS.key, MOTION.key, SPEAKING.key, LISTENING.key, UTT_MOTION.key,
               SYNC.key, SYNC_P.key, SYNC_R.key, CHANCE_R.key, LEADER.key, LEAD_P_KEY.key, WINDOWS.key, JUMPS.key, PAIRS.key)

    def apply(self, conversation: Conversation) -> None:
        sources = video_sources(conversation.meta)
        motion = measure(sources) if sources else None
        f = conversation.features
        f.assign(VIDEO.key, " + ".join(p.replace("\\", "/").rsplit("/", 1)[-1] for p, _ in sources) or None)
        f.assign(SECONDS.key, None if motion is None else round(motion.seconds, 1))
        f.assign(REGIONS.key, {n: r.label for _, named in sources for n, r in named})
        offset = float(conversation.meta.get(OFFSET_KEY) or 0.0)
        times = spans(conversation.utterances)
        jumps = [round(t - offset, 1) for t in motion.jumps] if motion else []
        f.assign(JUMPS.key, jumps)
        if jumps:
            conversation.warn(f"the whole picture changed at once at {len(jumps)} moment(s) of the video (the first at "
                              f"{jumps[0]:.0f} s): a camera's exposure or the lighting, not the people; those moments "
                              "were left out of the movement measures")
        self._motion(conversation, motion, times, offset)
        self._synchrony(conversation, motion, times, offset)

    def _motion(self, conv: Conversation, motion: Motion | None, times: list[tuple[float, float] | None],
                offset: float) -> None:
        f = conv.features
        names = [s.name for s in conv.speakers]
        people = set(motion.names) if motion else set()
        per_utt: list[float | None] = []
        for u, s in zip(conv.utterances, times):
            per_utt.append(_during(motion, u.speaker, [s], offset) if motion and u.speaker in people and s else None)
        f.assign(UTT_MOTION.key, per_utt)
        f.assign(MOTION.key, {n: _pct(float(motion.of(n).mean())) if n in people else None for n in names})
        speaking: dict[str, float | None] = {}
        listening: dict[str, float | None] = {}
        for n in names:
            own = [s for u, s in zip(conv.utterances, times) if s and u.speaker == n]
            other = [s for u, s in zip(conv.utterances, times) if s and u.speaker != n]
            speaking[n] = _during(motion, n, own, offset) if n in people else None
            listening[n] = _during(motion, n, other, offset) if n in people else None
        f.assign(SPEAKING.key, speaking)
        f.assign(LISTENING.key, listening)
        _warn_if_swapped(conv, speaking, listening)

    def _synchrony(self, conv: Conversation, motion: Motion | None, times: list[tuple[float, float] | None],
                   offset: float) -> None:
        f = conv.features
        pairs, headline = [], None
        if motion:
            order = _order(conv, motion.names)
            for a, b in combinations(order, 2):
                s = synchrony(motion.of(a), motion.of(b), motion.rate)
                pairs.append((a, b, s))
            if len(pairs) == 1:
                headline = pairs[0]
            if motion.seconds < MIN_SEGMENTS * SEGMENT:
                conv.warn(f"the video is {motion.seconds / 60:.1f} minutes long; movement synchrony needs "
                          f"{MIN_SEGMENTS} whole minutes, so it was not measured")
            elif pairs and all(s is None for *_, s in pairs):
                conv.warn(f"in under {MIN_SEGMENTS} minutes of the video did both people move (check the regions: "
                          f"{', '.join(f'{n}={r}' for n, r in f[REGIONS.key].items())}); "
                          "movement synchrony was not measured")
        f.assign(PAIRS.key, [{"a": a, "b": b, **_numbers(s)} for a, b, s in pairs])
        s = headline[2] if headline else None
        numbers = _numbers(s)
        f.assign(SYNC.key, numbers["synchrony"])
        f.assign(SYNC_P.key, numbers["p"])
        f.assign(SYNC_R.key, numbers["r"])
        f.assign(CHANCE_R.key, numbers["chance_r"])
        leader = None
        if s is not None and s.lead_p < LEAD_P:
            leader = headline[0] if s.lead > 0 else headline[1]
        f.assign(LEADER.key, leader)
        f.assign(LEAD_P_KEY.key, None if s is None else round(s.lead_p, 4))
        f.assign(WINDOWS.key, _windows(conv, s, times, offset) if s else [])


def _warn_if_swapped(conv: Conversation, speaking: dict[str, float | None], listening: dict[str, float | None]) -> None:
    """People gesture while they talk, so each region moves more while its person speaks. When
    both of two people's regions moved clearly more while the *other* spoke, the regions were
    most likely given the wrong way round."""
    known = [n for n in speaking if speaking[n] is not None and listening[n] is not None]
    if len(known) != 2:
        return
    if all(listening[n] > SWAPPED * speaking[n] for n in known):
        a, b = known
        regions = conv.features[REGIONS.key]
        said = "; ".join(f"{n}'s region ({regions.get(n)}) moved {listening[n]:.1f} % while the other spoke and "
                         f"{speaking[n]:.1f} % while {n} spoke" for n in known)
        conv.warn(f"the video regions may be the wrong way round: {said}. People usually move more while they talk; "
                  f"if so, give --video-regions {a}={regions.get(b)},{b}={regions.get(a)}")


def _order(conv: Conversation, names: tuple[str, ...]) -> list[str]:
    """Practitioners first, then the others in the transcript's order."""
    rank = {s.name: (s.role != Role.PRACTITIONER, i) for i, s in enumerate(conv.speakers)}
    return sorted(names, key=lambda n: rank.get(n, (True, len(rank))))


def _numbers(s: Synchrony | None) -> dict[str, float | None]:
    if s is None:
        return {"synchrony": None, "p": None, "r": None, "chance_r": None}
    return {"synchrony": round(s.excess, 4), "p": round(s.p, 4), "r": round(s.true, 3), "chance_r": round(s.chance, 3)}


def _windows(conv: Conversation, s: Synchrony, times: list[tuple[float, float] | None], offset: float) -> list[dict]:
    out = []
    for start, end, z in s.windows:
        a, b = start - offset, end - offset
        inside = [u.index for u, t in zip(conv.utterances, times) if t and a <= t[0] < b]
        out.append({"start": round(a, 1), "end": round(b, 1), "synchrony": z,
                    "utterances": [inside[0], inside[-1]] if inside else []})
    return out


def _steps(motion: Motion, span: tuple[float, float], offset: float) -> slice:
    return slice(max(0, int((span[0] + offset) * motion.rate)), max(0, int((span[1] + offset) * motion.rate)))


def _during(motion: Motion, name: str, spans_: list[tuple[float, float]], offset: float) -> float | None:
    series = motion.of(name)
    parts = [series[_steps(motion, s, offset)] for s in spans_]
    joined = np.concatenate(parts) if parts else np.zeros(0)
    return _pct(float(joined.mean())) if len(joined) else None


def _pct(share: float) -> float:
    return round(100 * share, 3)
