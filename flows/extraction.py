"""Where a batch is extracted: in this process, or in worker processes that do nothing else.

The flow's tasks hand batches to `stage_batch`, here or through a `WorkerPool`. Its workers are
plain `concurrent.futures` processes, not Prefect's ProcessPoolTaskRunner, and this module imports
no Prefect, so that a worker imports the pipeline alone. Measured at 500,000 words on two cores
(829d32a), a Prefect worker process spent 5 to 9 s before its first batch: 3.8 s of imports (Prefect
2.1 s of them), 0.4 s loading Prefect's integrations, then the Extractor's load, and 0.3 s of
Prefect's set-up on every task; and the run had to start an API server for its workers to report to.
Here a worker starts loading its Extractor as soon as the flow starts, while the flow reads and
plans (at 2f154cc both workers had imported the pipeline 1.5 s after the flow's start and were
ready at 3.0 s); the tasks that wait for them stay in the flow's process, where Prefect records and
retries them as before.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.extractor import Extractor
from pipeline.records import Entry, Reject


@lru_cache(maxsize=1)
def process_extractor() -> Extractor:
    """This process's Extractor, built on its first batch: each worker process loads the resources once.

    Its objects (the gazetteer's half-million among them) live as long as the process: frozen out
    of the cyclic garbage collector, they are not walked again by every full collection.
    """
    return Extractor.load(freeze=True)


@dataclass
class StagedBatch:
    """A finished batch: its rows wait in two Parquet parts under the staging folder."""

    events: str
    entries: str
    rejects: list[Reject]
    done: list[tuple[str, str]]


def stage_batch(entries: list[Entry], staging: str, index: int) -> StagedBatch:
    """Extract one batch with this process's Extractor and stage its rows on disk.

    Rows go through files, not results: Prefect keeps every task result of a flow run in memory
    until the run ends, which would hold the corpus. (With a Dask cluster, the output folder must be
    on storage its workers share.)
    """
    result = process_extractor().rows(entries)
    folder = Path(staging)
    paths = folder / f"{index:06d}.events.parquet", folder / f"{index:06d}.entries.parquet"
    pq.write_table(result.events, paths[0])
    pq.write_table(result.entries, paths[1])
    return StagedBatch(str(paths[0]), str(paths[1]), result.rejects, result.done)


def _load_extractor() -> None:
    """Build this worker's Extractor; returns nothing, so that the Extractor is not sent back."""
    process_extractor()


class WorkerPool:
    """``size`` worker processes on this machine, each with its own Extractor, for the flow's tasks.

    Every worker is started, and starts loading, when the pool is made. A worker that dies (killed
    for memory, say) breaks a `ProcessPoolExecutor` for good; here the batch that saw it fails, so
    Prefect retries it, and the pool starts fresh workers for that retry and the batches after it.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._closed = False
        self._executor = self._started()

    def _started(self) -> ProcessPoolExecutor:
        # spawn, not fork: the flow's process runs Prefect's threads and event loops
        executor = ProcessPoolExecutor(self.size, mp_context=multiprocessing.get_context("spawn"))
        for _ in range(self.size):  # one call each starts the workers now (they start on demand)
            executor.submit(_load_extractor)
        return executor

    def stage(self, entries: list[Entry], staging: str, index: int) -> StagedBatch:
        """`stage_batch` on a worker; waits for it (the flow's task threads wait here)."""
        executor = self._executor  # the lock guards its replacement; reading it is atomic
        try:
            return executor.submit(stage_batch, entries, staging, index).result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is executor and not self._closed:  # the first task to see it replaces it
                    executor.shutdown(wait=False, cancel_futures=True)
                    self._executor = self._started()
            raise

    def close(self) -> None:
        """Stop the workers; batches not yet started are cancelled."""
        with self._lock:
            self._closed = True  # a batch that sees a broken pool now starts no new one
            self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
