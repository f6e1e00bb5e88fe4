"""Analyse a corpus: read every input, analyse each conversation once, stream the results.

The main process reads the transcripts (fast) and hands conversations to workers, which
load the models once each and return the JSON result. results.jsonl is appended as
results arrive, so a stopped run resumes where it was: a conversation already in it is
not analysed again. A file that cannot be read is logged in errors.jsonl and the run goes
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

from ..errors import RapportLensError
from ..model import Conversation
from ..output import to_dict
from ..pipeline import default_pipeline
from ..reading import iter_read
from .engines import Engine, cores
from .tables import index_results, write_tables

IN_FLIGHT_PER_WORKER = 4  # conversations queued per worker: keeps workers busy and memory flat


@dataclass
class ReadOptions:
    format: str | None = None
    encoding: str | None = None
    practitioners: tuple[str, ...] = ()
    clients: tuple[str, ...] = ()
    options: dict[str, str] = field(default_factory=dict)


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
    threads: int | None = None  # model threads in the worker; None lets onnxruntime decide


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
    return iter_read(path, opts.format, encoding=opts.encoding, practitioners=opts.practitioners,
                     clients=opts.clients, options=opts.options)


def survey(paths: list[Path], opts: ReadOptions) -> tuple[dict[Path, list[int]], list[Failure]]:
    """Read every input once: utterance counts per conversation (for progress), or the error."""
    sizes: dict[Path, list[int]] = {}
    failures = []
    for path in paths:
        try:
            sizes[path] = [len(c.utterances) for c in _read(path, opts)]
        except RapportLensError as e:
            failures.append(Failure(str(path), None, str(e)))
    return sizes, failures


def run_batch(
    paths: list[Path],
    out: Path,
    engine: Engine,
    *,
    read_options: ReadOptions | None = None,
    settings: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_start: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Analyse every conversation in ``paths`` into ``out``; see the module docstring.

    ``on_start(conversations, utterances)`` is called with what is left to do, and
    ``progress(conversations, utterances)`` after each conversation finishes."""
    opts = read_options or ReadOptions()
    out.mkdir(parents=True, exist_ok=True)
    results_path = out / "results.jsonl"
    done = _done_keys(results_path)
    sizes, failures = survey(paths, opts)
    todo = {(str(p), i): n for p, counts in sizes.items() for i, n in enumerate(counts) if (str(p), i) not in done}
    result = BatchResult(out=out, skipped=sum(len(c) for c in sizes.values()) - len(todo), failures=failures)
    if on_start:
        on_start(len(todo), sum(todo.values()))
    settings_json = json.dumps(settings or {}, sort_keys=True)

    def tasks() -> Iterator[Task]:
        for path in sizes:
            if not any((str(path), i) in todo for i in range(len(sizes[path]))):
                continue  # nothing left in this file: do not read it again
            try:
                for i, conv in enumerate(_read(path, opts)):
                    if (str(path), i) in todo:
                        yield Task(str(path), i, conv, settings_json, engine.threads_per_worker)
            except RapportLensError as e:  # changed since the survey
                result.failures.append(Failure(str(path), None, str(e)))

    start = time.perf_counter()
    with results_path.open("a", encoding="utf-8") as fh:
        for outcome in engine.map(analyse_task, tasks(), IN_FLIGHT_PER_WORKER):
            if isinstance(outcome, BaseException):
                task, error = outcome.args
                result.failures.append(Failure(task.source, task.conversation.id, f"{type(error).__name__}: {error}"))
                continue
            _, _, line, n = outcome
            fh.write(line + "\n")
            fh.flush()
            result.analysed += 1
            result.utterances += n
            if progress:
                progress(1, n)
    result.seconds = time.perf_counter() - start
    with (out / "errors.jsonl").open("w", encoding="utf-8") as fh:
        for f in result.failures:
            fh.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    result.tables = write_tables(out)
    return result


def default_jobs() -> int:
    return cores()
