"""Analyse a corpus: read every input, analyse each conversation once, stream the results.

The main process reads the transcripts (fast) and hands conversations to workers, which
load the models once each and return the JSON result. results.jsonl is appended as
results arrive, so a stopped run resumes where it was: a conversation already in it is
not analysed again, and a file whose conversations are all done (files.jsonl) and that has
not changed since is not even read. A file that cannot be read is logged in errors.jsonl and the run goes
on.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..audio import attach
from ..errors import RapportLensError
from ..model import Conversation
from ..output import to_dict
from ..pipeline import default_pipeline
from ..reading import iter_read
from ..video import attach as attach_video
from .engines import Engine
from .tables import index_results, write_tables

IN_FLIGHT_PER_WORKER = 4  # conversations queued per worker: keeps workers busy and memory flat


@dataclass
class ReadOptions:
    format: str | None = None
    encoding: str | None = None
    practitioners: tuple[str, ...] = ()
    clients: tuple[str, ...] = ()
    options: dict[str, str] = field(default_factory=dict)
    peers: bool = False
    interpreters: tuple[str, ...] = ()
    audio: str | None = None  # a folder of recordings named like the transcripts
    audio_channels: tuple[str, ...] = ()  # the speakers on each channel, when each has one
    video: str | None = None  # a folder of videos named like the transcripts
    video_regions: dict[str, str] = field(default_factory=dict)  # where each person is in the picture


@dataclass
class Failure:
    source: str
    conversation: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "conversation": self.conversation, "error": self.error}


@dataclass
class BatchResult:
    out: Path
    analysed: int = 0
    skipped: int = 0
    utterances: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return self.utterances / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Task:
    source: str
    position: int
    conversation: Conversation
    settings: str  # JSON of the pipeline settings: hashable, so each worker caches one pipeline
    threads: int | None = None  # model runs at once in the worker (one thread each); None: one per core


@lru_cache(maxsize=4)
def _pipeline(settings: str, threads: int | None):
    if threads:
        os.environ["RAPPORTLENS_THREADS"] = str(threads)
    return default_pipeline(json.loads(settings))


def analyse_task(task: Task) -> tuple[str, int, str, int]:
    """Runs in a worker: (source, position, JSON line, utterances)."""
    conv = _pipeline(task.settings, task.threads)(task.conversation)
    result = to_dict(conv)
    result["batch"] = {"source": task.source, "position": task.position}
    return task.source, task.position, json.dumps(result, ensure_ascii=False), len(conv.utterances)


def _done_keys(results: Path) -> set[tuple[str, int]]:
    """Conversations already in results.jsonl; a line cut short by a crash is removed."""
    if not results.exists():
        return set()
    with results.open("rb+") as fh:
        data = fh.read()
        if data and not data.endswith(b"\n"):
            fh.truncate(data.rfind(b"\n") + 1)
    return {(source, position) for source, position, _ in index_results(results)}


def _read(path: Path, opts: ReadOptions) -> Iterator[Conversation]:
    convs = iter_read(path, opts.format, encoding=opts.encoding, practitioners=opts.practitioners,
                      clients=opts.clients, options=opts.options, peers=opts.peers, interpreters=opts.interpreters)
    if opts.audio:
        convs = attach(list(convs), path, opts.audio, channels=opts.audio_channels)
    if opts.video:
        convs = attach_video(list(convs), path, opts.video, opts.video_regions)
    return iter(convs)


def _fingerprint(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _finished_files(path: Path) -> dict[str, dict[str, int]]:
    """Files whose every conversation is in results.jsonl, as they were when finished."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out[item["source"]] = item
    return out


@dataclass
class _FileState:
    fingerprint: dict[str, int]
    conversations: int
    left: int
    weight: float  # bytes of progress per conversation
    failed: bool = False


def run_batch(
    paths: list[Path],
    out: Path,
    engine: Engine,
    *,
    read_options: ReadOptions | None = None,
    settings: dict[str, Any] | None = None,
    progress: Callable[[int, float], None] | None = None,
    on_start: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Analyse every conversation in ``paths`` into ``out``; see the module docstring.

    ``on_start(files, bytes)`` is called with what is left to do, and
    ``progress(conversations, bytes)`` as work finishes. Progress is counted in bytes of
    transcript so that it needs no extra pass over the corpus."""
    opts = read_options or ReadOptions()
    out.mkdir(parents=True, exist_ok=True)
    results_path, files_path = out / "results.jsonl", out / "files.jsonl"
    done = _done_keys(results_path)
    finished = _finished_files(files_path)
    result = BatchResult(out=out)
    todo: list[tuple[Path, dict[str, int]]] = []
    for path in paths:
        mark = finished.get(str(path))
        fp = _fingerprint(path) if path.is_file() else {"size": 0, "mtime_ns": 0}
        if (mark and mark["size"] == fp["size"] and mark["mtime_ns"] == fp["mtime_ns"]
                and all((str(path), i) in done for i in range(mark["conversations"]))):
            result.skipped += mark["conversations"]  # finished and unchanged: not even read
        else:
            todo.append((path, fp))
    if on_start:
        on_start(len(todo), sum(fp["size"] for _, fp in todo))
    settings_json = json.dumps(settings or {}, sort_keys=True)
    state: dict[str, _FileState] = {}
    marks = files_path.open("a", encoding="utf-8")

    def finish(source: str, fp: dict[str, int], conversations: int) -> None:
        marks.write(json.dumps({"source": source, **fp, "conversations": conversations}) + "\n")
        marks.flush()

    def tasks() -> Iterator[Task]:
        for path, fp in todo:
            source = str(path)
            try:
                convs = list(_read(path, opts))
            except RapportLensError as e:
                result.failures.append(Failure(source, None, str(e)))
                if progress:
                    progress(0, fp["size"])
                continue
            pending = [(i, c) for i, c in enumerate(convs) if (source, i) not in done]
            result.skipped += len(convs) - len(pending)
            weight = fp["size"] / max(len(convs), 1)
            if progress and len(convs) > len(pending):
                progress(0, weight * (len(convs) - len(pending)))
            state[source] = _FileState(fp, len(convs), len(pending), weight)
            if not pending:
                finish(source, fp, len(convs))
            for i, conv in pending:
                yield Task(source, i, conv, settings_json, engine.threads_per_worker)

    start = time.perf_counter()
    with results_path.open("a", encoding="utf-8") as fh, marks:
        for outcome in engine.map(analyse_task, tasks(), IN_FLIGHT_PER_WORKER):
            if isinstance(outcome, BaseException):
                task, error = outcome.args
                result.failures.append(Failure(task.source, task.conversation.id, f"{type(error).__name__}: {error}"))
                source, n, analysed = task.source, 0, 0
                state[source].failed = True
            else:
                source, _, line, n = outcome
                fh.write(line + "\n")
                fh.flush()
                analysed = 1
                result.analysed += 1
                result.utterances += n
            file = state[source]
            file.left -= 1
            if file.left == 0 and not file.failed:
                finish(source, file.fingerprint, file.conversations)
            if progress:
                progress(analysed, file.weight)
    result.seconds = time.perf_counter() - start
    with (out / "errors.jsonl").open("w", encoding="utf-8") as fh:
        for f in result.failures:
            fh.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    result.tables = write_tables(out)
    return result
