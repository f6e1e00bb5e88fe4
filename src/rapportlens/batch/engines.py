"""Where batch work runs: in this process, in local worker processes, or on a Dask cluster.

Each engine maps a function over a stream of tasks with a bounded number in flight, and
yields each outcome as it finishes (a task that raised comes back as ``TaskFailed``), so
one bad conversation never stops a run and memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import Any, Self

from ..coding.onnx_model import cores
from ..errors import OptionError


class TaskFailed(Exception):
    """args: (task, the exception it raised)."""


class Engine(ABC):
    workers = 1
    threads_per_worker: int | None = None  # model threads per worker when the engine knows the cores
    description = ""

    @abstractmethod
    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any], per_worker: int) -> Iterator[Any]:
        """Yield fn(task), or TaskFailed, for each task as it finishes."""

    def close(self) -> None:
        """Release workers and connections."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialEngine(Engine):
    description = "this process"

    def map(self, fn, tasks, per_worker):
        for task in tasks:
            try:
                yield fn(task)
            except Exception as e:  # noqa: BLE001  one conversation's failure is reported, not fatal
                yield TaskFailed(task, e)


class ProcessEngine(Engine):
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.threads_per_worker = max(1, cores() // workers)
        self.description = f"{workers} local worker processes"
        # spawn: workers start clean, without this process's threads (progress display) or state.
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def map(self, fn, tasks, per_worker):
        tasks = iter(tasks)
        pending: dict[Future, Any] = {}

        def top_up() -> None:
            for task in islice(tasks, self.workers * per_worker - len(pending)):
                pending[self.pool.submit(fn, task)] = task

        top_up()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                task = pending.pop(future)
                error = future.exception()
                yield TaskFailed(task, error) if error else future.result()
            top_up()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskEngine(Engine):
    def __init__(self, scheduler: str | None, workers: int) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise OptionError("--engine dask needs Dask: pip install 'rapportlens[corpus]'") from None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as e:
                raise OptionError(f"cannot reach the Dask scheduler at {scheduler}: {e}; check the address "
                                  "(tcp://HOST:8786) and that the scheduler is running") from None
            self.cluster = None
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
            self.threads_per_worker = max(1, cores() // workers)
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))
        where = scheduler or "a local Dask cluster"
        self.description = f"{self.workers} Dask workers on {where}"

    def map(self, fn, tasks, per_worker):
        from dask.distributed import as_completed

        tasks = iter(tasks)
        pending: dict[Any, Any] = {}

        def submit(task: Any) -> Any:
            future = self.client.submit(fn, task, pure=False)
            pending[future.key] = task
            return future

        running = as_completed([submit(t) for t in islice(tasks, self.workers * per_worker)])
        for future in running:
            task = pending.pop(future.key)
            error = future.exception()
            yield TaskFailed(task, error) if error else future.result()
            future.release()
            for nxt in islice(tasks, 1):
                running.add(submit(nxt))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, workers: int, scheduler: str | None = None) -> Engine:
    if engine == "dask":
        return DaskEngine(scheduler, workers)
    if scheduler:
        raise OptionError("--scheduler needs --engine dask")
    return SerialEngine() if workers <= 1 else ProcessEngine(workers)
