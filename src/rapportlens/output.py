"""The result of an analysis as plain JSON-ready data (the `analyze --json` surface)."""

from __future__ import annotations

import math
from typing import Any

from . import __version__
from .features import Level
from .model import Conversation

SCHEMA_VERSION = "1"
# Conversation features that are the report itself: shown at the top level, not under "features".
REPORT_KEYS = ("risk", "scores", "timeline", "ruptures", "pitfalls", "strengths", "client_state",
               "recommendations")


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def to_dict(conv: Conversation) -> dict[str, Any]:
    """Everything known about one conversation: inputs, features, warnings and provenance."""
    f = conv.features
    utt_feats = f.at_level(Level.UTTERANCE)
    spk_feats = f.at_level(Level.SPEAKER)
    turn_feats = f.at_level(Level.TURN)
    speakers = []
    for s in conv.speakers:
        item = {"name": s.name, "role": s.role.value if s.role else None,
                "role_inferred": s.role_inferred, "role_basis": s.role_basis}
        item.update({k: v[s.name] for k, v in spk_feats.items()})
        speakers.append(item)
    utterances = []
    for u in conv.utterances:
        item = {"index": u.index, "speaker": u.speaker, "text": u.text, "start": u.start, "end": u.end,
                "line": u.line}
        if u.meta:
            item["meta"] = dict(u.meta)
        item.update({k: v[u.index] for k, v in utt_feats.items()})
        utterances.append(item)
    result: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": conv.id,
        "source": {"path": conv.source, "format": conv.format},
        "speakers": speakers,
        "utterances": utterances,
        "turns": [
            {"index": t.index, "speaker": t.speaker, "utterances": list(t.utterances),
             **{k: v[t.index] for k, v in turn_feats.items()}}
            for t in conv.turns
        ],
        **{k: f[k] for k in REPORT_KEYS if k in f},
        "features": {k: v for k, v in f.at_level(Level.CONVERSATION).items() if k not in REPORT_KEYS},
        "warnings": [str(n) for n in conv.notices],
        "meta": dict(conv.meta),
        "provenance": {"rapportlens": __version__, "analyzers": conv.provenance},
    }
    pairs = f.at_level(Level.PAIR)
    if pairs:
        result["pairs"] = {k: [{"from": a, "to": b, "value": v} for (a, b), v in val.items()]
                           for k, val in pairs.items()}
    return _clean(result)
