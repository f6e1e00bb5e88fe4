"""The batch run's tables, built by streaming through its results.jsonl.

One row per conversation (Parquet and CSV) and one per utterance with its codes (Parquet).
Rows are sorted by source file and position in the file, so any engine, any worker count
and any number of restarts give the same tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from ..rapport.dimensions import DIMENSIONS
from ..rapport.risk import is_unsure

BATCH_ROWS = 500  # rows per write: memory stays flat however large the corpus
VOICE_KEYS = ("prosody.pitch_synchrony", "prosody.pitch_synchrony_p", "prosody.loudness_synchrony",
              "prosody.loudness_synchrony_p", "prosody.pitch_convergence", "prosody.loudness_convergence")
MOVEMENT_KEYS = ("movement.synchrony", "movement.synchrony_p", "movement.synchrony_r", "movement.chance_r")
MI_KEYS = ("mi.reflection_to_question", "mi.percent_complex_reflections", "mi.percent_open_questions")

CONVERSATION_SCHEMA = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("position", pa.int32()), ("format", pa.string()),
    ("speakers", pa.string()), ("practitioners", pa.string()), ("utterances", pa.int32()),
    ("turns", pa.int32()), ("interruptions", pa.int32()), ("duration_s", pa.float64()), ("overall", pa.float64()),
    *[(d, pa.float64()) for d in DIMENSIONS],
    ("reflection_to_question", pa.float64()), ("percent_complex_reflections", pa.float64()),
    ("percent_open_questions", pa.float64()), ("percent_change_talk", pa.float64()),
    ("reflections", pa.int32()), ("questions", pa.int32()),
    ("ruptures", pa.int32()), ("ruptures_repaired", pa.int32()), ("pitfalls", pa.string()),
    ("client_state", pa.string()), ("disclosure_change", pa.float64()), ("disclosure_trend", pa.string()),
    ("laughter", pa.int32()), ("shared_laughter", pa.int32()), ("unheard", pa.int32()),
    ("recording", pa.string()), *[(k.split(".", 1)[1], pa.float64()) for k in VOICE_KEYS],
    ("video", pa.string()), *[("movement_" + k.split(".", 1)[1], pa.float64()) for k in MOVEMENT_KEYS],
    ("movement_leader", pa.string()),
    ("risk_flags", pa.int32()), ("risk_unsure", pa.int32()),
    ("risk_categories", pa.string()), ("english_share", pa.float64()), ("score_model", pa.string()),
    ("coding_model", pa.string()),
])
CODE = pa.struct([("code", pa.string()), ("confidence", pa.float64()), ("source", pa.string())])
UTTERANCE_SCHEMA = pa.schema([
    ("conversation", pa.string()), ("source", pa.string()), ("utterance", pa.int32()),
    ("speaker", pa.string()), ("role", pa.string()), ("start", pa.float64()), ("end", pa.float64()),
    ("text", pa.string()), ("words", pa.int32()), ("valence", pa.float64()),
    ("codes", pa.list_(CODE)), ("risk", pa.string()), ("notes", pa.string()),
    ("pitch", pa.float64()), ("loudness", pa.float64()), ("motion", pa.float64()),
])


def conversation_row(result: dict[str, Any]) -> dict[str, Any]:
    f = result["features"]
    scores = result.get("scores") or {}
    dims = scores.get("dimensions") or {}
    ruptures = result.get("ruptures") or []
    risk = result.get("risk") or []
    mi = f.get("mi.counts") or {}
    analyzers = {p["name"]: p.get("settings", {}) for p in result["provenance"]["analyzers"]}
    return {
        "id": result["id"], "source": result["batch"]["source"], "position": result["batch"]["position"],
        "format": result["source"]["format"],
        "speakers": "; ".join(s["name"] for s in result["speakers"]),
        "practitioners": "; ".join(s["name"] for s in result["speakers"] if s["role"] == "practitioner"),
        "utterances": f.get("talk.utterance_count"), "turns": f.get("talk.turn_count"),
        "interruptions": f.get("interruptions.count"),
        "duration_s": f.get("timing.duration"), "overall": scores.get("overall"),
        **{d: dims.get(d) for d in DIMENSIONS},
        **{k.split(".", 1)[1]: f.get(k) for k in MI_KEYS},
        "percent_change_talk": (f.get("mi.client_talk") or {}).get("percent_change"),
        "reflections": mi.get("reflections"), "questions": mi.get("questions"),
        "ruptures": len(ruptures), "ruptures_repaired": sum(bool(r.get("repaired")) for r in ruptures),
        "pitfalls": "; ".join(p["pitfall"] + (f" ({', '.join(q['part'] for q in p['parts'])})" if p.get("parts") else "")
                              for p in result.get("pitfalls") or []),
        "client_state": (result.get("client_state") or {}).get("state"),
        "disclosure_change": f.get("disclosure.depth_change"), "disclosure_trend": f.get("disclosure.trend"),
        "laughter": sum(len(s.get("nonverbal.laughter") or []) for s in result["speakers"]),
        "shared_laughter": len(f.get("nonverbal.shared_laughter") or []), "unheard": len(f.get("nonverbal.unheard") or []),
        "recording": f.get("prosody.recording"), **{k.split(".", 1)[1]: f.get(k) for k in VOICE_KEYS},
        "video": f.get("movement.video"), **{"movement_" + k.split(".", 1)[1]: f.get(k) for k in MOVEMENT_KEYS},
        "movement_leader": f.get("movement.leader"),
        "risk_flags": len(risk), "risk_unsure": sum(is_unsure(r) for r in risk),
        "risk_categories": "; ".join(sorted({r["category"] for r in risk})), "english_share": f.get("text.english_share"),
        "score_model": scores.get("model"), "coding_model": analyzers.get("codes", {}).get("model"),
    }


def utterance_rows(result: dict[str, Any]) -> Iterator[dict[str, Any]]:
    roles = {s["name"]: s["role"] for s in result["speakers"]}
    risk: dict[int, list[str]] = {}
    for r in result.get("risk") or []:
        risk.setdefault(r["utterance"], []).append(r["category"])
    for u in result["utterances"]:
        yield {
            "conversation": result["id"], "source": result["batch"]["source"], "utterance": u["index"],
            "speaker": u["speaker"], "role": roles.get(u["speaker"]), "start": u["start"], "end": u["end"],
            "text": u["text"], "words": u.get("text.words"), "valence": u.get("affect.valence"),
            "codes": [{"code": c["code"], "confidence": c["confidence"], "source": c["source"]}
                      for c in u.get("codes", [])],
            "risk": "; ".join(risk.get(u["index"], [])),
            "notes": "; ".join(u.get("nonverbal.notes") or []),
            "pitch": u.get("prosody.pitch"), "loudness": u.get("prosody.loudness"),
            "motion": u.get("movement.motion"),
        }


def index_results(path: Path) -> list[tuple[str, int, int]]:
    """(source, position, byte offset) of each complete line of results.jsonl."""
    out = []
    with path.open("rb") as fh:
        offset = 0
        for line in fh:
            if line.endswith(b"\n"):
                head = json.loads(line)["batch"]
                out.append((head["source"], head["position"], offset))
            offset += len(line)
    return out


def sorted_results(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as fh:
        for _, _, offset in sorted(index_results(path)):
            fh.seek(offset)
            yield json.loads(fh.readline())


def write_tables(out: Path) -> dict[str, int]:
    """conversations.parquet, conversations.csv and utterances.parquet from results.jsonl."""
    results = out / "results.jsonl"
    conv_writer = pq.ParquetWriter(out / "conversations.parquet.part", CONVERSATION_SCHEMA)
    utt_writer = pq.ParquetWriter(out / "utterances.parquet.part", UTTERANCE_SCHEMA)
    csv_writer = pa_csv.CSVWriter(out / "conversations.csv.part", CONVERSATION_SCHEMA)
    convs: list[dict[str, Any]] = []
    utts: list[dict[str, Any]] = []
    counts = {"conversations": 0, "utterances": 0}

    def flush_convs() -> None:
        if convs:
            batch = pa.RecordBatch.from_pylist(convs, schema=CONVERSATION_SCHEMA)
            conv_writer.write_batch(batch)
            csv_writer.write_batch(batch)
            convs.clear()

    def flush_utts() -> None:
        if utts:
            utt_writer.write_batch(pa.RecordBatch.from_pylist(utts, schema=UTTERANCE_SCHEMA))
            utts.clear()

    try:
        if results.exists():
            for result in sorted_results(results):
                convs.append(conversation_row(result))
                counts["conversations"] += 1
                for row in utterance_rows(result):
                    utts.append(row)
                    counts["utterances"] += 1
                    if len(utts) >= BATCH_ROWS * 10:
                        flush_utts()
                if len(convs) >= BATCH_ROWS:
                    flush_convs()
        flush_convs()
        flush_utts()
    finally:
        conv_writer.close()
        utt_writer.close()
        csv_writer.close()
    # Replace the tables only once they are complete.
    for name in ("conversations.parquet", "utterances.parquet", "conversations.csv"):
        (out / f"{name}.part").replace(out / name)
    return counts
