"""The main job as a Prefect flow: lock, read, plan, extract in batches, write, record.

Tasks are thin wrappers over pipeline functions; the library runs and is
tested without Prefect. Batches are extracted in this process by default, on
``workers`` processes of this machine (a `WorkerPool`, which the flow's task
threads wait on), or on an existing Dask cluster (``dask_address``). Each
process loads its Extractor once. Results are written as they arrive, in
input order, so the run holds a few batches in memory, never the corpus.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow.parquet as pq
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ThreadPoolTaskRunner

from flows.batching import TASK_WORDS, WORKER_TASK_WORDS, plan_batches
from flows.extraction import StagedBatch, WorkerPool, stage_batch
from pipeline.io import store
from pipeline.io.ingest import Ingested, Limits, read_inputs
from pipeline.io.manifest import Manifest, Plan, plan, updated
from pipeline.io.schema import ENTRIES, EVENTS
from pipeline.provenance import pipeline_version
from pipeline.records import Entry, Reject


@dataclass
class RunSummary:
    """What a run did, for the one-line summary the CLI prints."""

    entries_read: int
    extracted: int
    rejected: int
    events_written: int
    seconds: float
    out: Path
    reject_messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # damaged state found and set aside
    to_extract: int = 0  # entries the run set out to extract (new, changed, or all after damage)
    error: str | None = None  # why the tables could not be written (they stay as they were)

    @property
    def processed(self) -> bool:
        return self.entries_read > 0


class Progress:
    """A line on stderr at every tenth of a long run: entries done, rate, time left."""

    def __init__(self, total: int, every: float = 0.1, minimum: int = 200) -> None:
        self.total, self.done, self.started = total, 0, time.perf_counter()
        self.step = max(1, int(total * every)) if total >= minimum else 0
        self.next = self.step

    def advance(self, count: int) -> None:
        self.done += count
        if not self.step or self.done < self.next:
            return
        self.next += self.step
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        print(
            (
                f"progress: {self.done}/{self.total} entries ({self.done / self.total:.0%}), "
                f"{rate:.1f} entries/s, about {left:.0f}s left"
            ),
            file=sys.stderr,
        )


@task(name="read-inputs", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_task(inputs: list[str], limits: Limits) -> Ingested:
    return read_inputs(inputs, limits)


@task(name="extract-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def extract_batch(
    entries: list[Entry], staging: str, index: int, pool: WorkerPool | None = None
) -> StagedBatch:
    """One batch, extracted where this task runs (this process, or a Dask worker) or on ``pool``."""
    if pool is None:
        return stage_batch(entries, staging, index)
    return pool.stage(entries, staging, index)


@flow(name="crisis-events-run", log_prints=False, validate_parameters=False)
def run_flow(
    inputs: list[str],
    out: str,
    full: bool = False,
    prune: bool = False,
    batch_size: int | None = None,
    task_words: int = TASK_WORDS,
    workers: int = 1,
    pool: bool = False,
    in_flight: int = 1,
    wait_seconds: float = 0.0,
    max_file_bytes: int | None = None,
    max_entry_chars: int | None = None,
    locked: bool = False,
) -> RunSummary:
    started = time.perf_counter()
    out_dir = Path(out)
    limits = Limits(
        **{k: v for k, v in (("max_file_bytes", max_file_bytes), ("max_entry_chars", max_entry_chars)) if v}
    )
    with (
        nullcontext() if locked else store.OutputLock(out_dir, wait_seconds),  # `run` locked it
        WorkerPool(workers) if pool else nullcontext() as worker_pool,  # its workers load while we plan
    ):
        store.remove_stale_temporaries(out_dir)
        ingested = read_task(inputs, limits)
        version = pipeline_version()
        manifest, warnings = _healed_manifest(out_dir)
        todo = plan(ingested.entries, manifest, version, full=full, prune=prune)
        rejects = list(ingested.rejects)
        extracted, events_written, error = [], 0, None
        try:
            if not todo.nothing_to_do:
                work = plan_batches(
                    todo.todo, workers=workers, entries_per_task=batch_size, task_words=task_words
                )
                events_written = _write_tables(
                    out_dir, todo, work, in_flight, worker_pool, rejects, extracted
                )
                updated(manifest, todo, extracted, version).save(out_dir)
            store.write_rejects(rejects, out_dir / store.REJECTS_FILE)
        except OSError as err:  # a full disk or a folder made read-only mid-run: the old tables stay
            error = f"cannot write to {out_dir}: {err.strerror or err}; the previous tables are unchanged"
    return RunSummary(
        entries_read=len(ingested.entries),
        extracted=len(extracted),
        rejected=len(rejects),
        events_written=events_written,
        seconds=time.perf_counter() - started,
        out=out_dir,
        reject_messages=[r.message() for r in rejects],
        warnings=warnings,
        to_extract=len(todo.todo),
        error=error,
    )


def _healed_manifest(out_dir: Path) -> tuple[Manifest, list[str]]:
    """The folder's manifest, checked against its tables. A manifest or table that cannot be read is
    set aside; when rows the manifest counts on are gone, the run starts from an empty manifest and
    re-extracts every entry, so that no kept entry is left without its rows."""
    warnings = store.unreadable_tables(out_dir)
    manifest = Manifest.load(out_dir)
    if manifest.warning:
        warnings.append(manifest.warning)
    missing = store.missing_tables(out_dir) if manifest.entries else []
    if missing:
        names = ", ".join(str(p) for p in missing)
        warnings.append(
            f"{len(manifest.entries)} entries of the manifest have no rows ({names} missing): "
            f"extracting every entry again"
        )
        return Manifest(), warnings
    if len(set(store.table_runs(out_dir).values())) > 1:
        warnings.append(
            "the events and entries tables come from different runs (one was stopped between "
            "swapping them in): extracting every entry again"
        )
        return Manifest(), warnings
    if manifest.entries:
        lost = store.entries_without_rows(out_dir, manifest.entries)
        if lost:
            warnings.append(
                f"{len(lost)} entries of the manifest lack rows in the tables: extracting them again"
            )
            manifest = Manifest({k: v for k, v in manifest.entries.items() if k not in lost})
    return manifest, warnings


def _write_tables(
    out_dir: Path,
    todo: Plan,
    work: list[list[Entry]],
    in_flight: int,
    pool: WorkerPool | None,
    rejects: list[Reject],
    extracted: list[tuple[str, str]],
) -> int:
    """Kept rows and the new batches' rows into both tables, swapped in together at the end."""
    run_id = store.new_run_id()  # in both tables: a reader can tell a run stopped between the swaps
    with (
        store.TableWriter(out_dir / store.EVENTS_FILE, EVENTS, run_id) as events,
        store.TableWriter(out_dir / store.ENTRIES_FILE, ENTRIES, run_id) as entries,
    ):
        store.copy_kept(out_dir / store.EVENTS_FILE, events, todo.keep)
        store.copy_kept(out_dir / store.ENTRIES_FILE, entries, todo.keep)
        progress = Progress(len(todo.todo))
        staging = store.staging_folder(out_dir)
        try:
            for staged in _run_batches(work, in_flight, staging, pool):
                for part, writer in ((staged.events, events), (staged.entries, entries)):
                    writer.write_table(pq.read_table(part))
                    Path(part).unlink()
                rejects.extend(staged.rejects)
                extracted.extend(staged.done)
                progress.advance(len(staged.done) + len(staged.rejects))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return events.rows


def _run_batches(work: list[list[Entry]], in_flight: int, staging: Path, pool: WorkerPool | None):
    """Submit batches with at most ``in_flight`` running, yield results in input order."""
    queue = deque()
    for index, batch in enumerate(work):
        queue.append(extract_batch.submit(batch, str(staging), index, pool))
        if len(queue) >= in_flight:
            yield queue.popleft().result()
    while queue:
        yield queue.popleft().result()


def task_runner(workers: int = 1, dask_address: str | None = None):
    """An existing Dask cluster, or threads here: one, or with worker processes one for each batch in
    flight (such a thread only waits for the `WorkerPool`)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    return ThreadPoolTaskRunner(max_workers=scheduling(workers, None)["in_flight"])


@contextmanager
def shared_api(share: bool):
    """Let the workers of a Dask cluster on this machine report to this process's Prefect API.

    With no PREFECT_API_URL set, Prefect starts a temporary server for the
    flow, but processes that run its tasks do not learn its address: each
    started a server of its own (about 7 s and a busy process apiece).
    Starting that server here, under settings that name it, lets Prefect
    send the address with each task. A cluster on other machines cannot
    reach it: set PREFECT_API_URL to a server the cluster can reach.
    (The `WorkerPool`'s processes run no Prefect task and need no API.)
    """
    if not share or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer  # the server get_client() would start

    server = SubprocessASGIServer()
    server.start()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def scheduling(workers: int, dask_address: str | None) -> dict[str, int | bool]:
    """The flow's task parameters: here, one task of up to TASK_WORDS at a time; on worker processes
    or a cluster, tasks of up to WORKER_TASK_WORDS, two per worker in flight so that none waits for
    its next, and a task count that is a multiple of the workers; ``pool``: the workers are this
    machine's processes, started by the flow."""
    if workers > 1 or dask_address:
        return {
            "task_words": WORKER_TASK_WORDS,
            "workers": workers,
            "pool": not dask_address,
            "in_flight": max(2, 2 * workers),
        }
    return {"task_words": TASK_WORDS, "workers": 1, "pool": False, "in_flight": 1}


def is_local_cluster(dask_address: str | None) -> bool:
    """A scheduler on the loopback interface has its workers here: they can reach this process's server."""
    if not dask_address:
        return False
    host = urlsplit(dask_address if "://" in dask_address else f"tcp://{dask_address}").hostname or ""
    return host == "localhost" or host.startswith("127.")


def run(
    inputs: list[str],
    out: Path,
    *,
    full: bool = False,
    prune: bool = False,
    batch_size: int | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    wait_seconds: float = 0.0,
    limits: Limits | None = None,
) -> RunSummary:
    """Run the flow with a task runner fitted to ``workers`` / ``dask_address``.

    The output folder is locked here, before the flow starts, so that a busy or unusable folder is
    one clear error (`store.FolderBusy`, `store.OutputError`) and no flow run at all.
    """
    limits = limits or Limits()
    configured = run_flow.with_options(task_runner=task_runner(workers, dask_address))
    with store.OutputLock(Path(out), wait_seconds), shared_api(is_local_cluster(dask_address)):
        return configured(
            inputs,
            str(out),
            full=full,
            prune=prune,
            batch_size=batch_size,
            locked=True,
            **scheduling(workers, dask_address),
            max_file_bytes=limits.max_file_bytes,
            max_entry_chars=limits.max_entry_chars,
        )


def nightly_deployment(
    inputs: list[str],
    out: Path,
    cron: str,
    *,
    workers: int = 1,
    dask_address: str | None = None,
    full: bool = False,
    prune: bool = False,
    name: str = "nightly",
):
    """A scheduled deployment of the run (one run at a time).

    For `crisis-events serve` or a Prefect server.
    """
    configured = run_flow.with_options(task_runner=task_runner(workers, dask_address))
    return configured.to_deployment(
        name=name,
        cron=cron,
        concurrency_limit=1,
        parameters={
            "inputs": [str(i) for i in inputs],
            "out": str(out),
            "full": full,
            "prune": prune,
            **scheduling(workers, dask_address),
        },
        description="Extract events from new or changed CrisisWatch entries into Parquet tables.",
        tags=["crisis-events"],
    )
