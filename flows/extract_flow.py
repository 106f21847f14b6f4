"""The main job as a Prefect flow: read inputs, extract in batches, write the tables.

Tasks are thin wrappers over pipeline functions; the library runs and is
tested without Prefect. With ``workers`` > 1 the batches run in worker
processes (each loads the spaCy model once); otherwise in this process.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from pipeline import store
from pipeline.extract import extract
from pipeline.geo import country_iso3
from pipeline.ingest import Ingested, read_inputs
from pipeline.records import Entry
from pipeline.schema import ENTRIES, EVENTS


@dataclass
class RunSummary:
    """What a run did, for the one-paragraph summary the CLI prints."""

    entries_read: int
    rejected: int
    events_written: int
    seconds: float
    out: Path
    reject_messages: list[str]


@task(name="read-inputs", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_task(inputs: list[str]) -> Ingested:
    return read_inputs(inputs)


@task(name="extract-batch", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=1)
def extract_batch(entries: list[Entry]) -> tuple[list[dict], list[dict]]:
    """Entry rows and event rows of one batch."""
    entry_rows, event_rows = [], []
    for result in extract(entries):
        iso3 = country_iso3(result.entry.country)
        event_rows.extend(store.event_rows(result.entry, result.events, iso3))
        entry_rows.append(store.entry_row(result.entry, len(result.events), iso3))
    return entry_rows, event_rows


@task(name="write-tables", cache_policy=NO_CACHE)
def write_task(out: Path, entry_rows: list[dict], event_rows: list[dict], ingested: Ingested) -> None:
    store.write_table(event_rows, EVENTS, out / store.EVENTS_FILE)
    store.write_table(entry_rows, ENTRIES, out / store.ENTRIES_FILE)
    store.write_rejects(ingested.rejects, out / store.REJECTS_FILE)


def batches(entries: list[Entry], size: int) -> list[list[Entry]]:
    return [entries[i: i + size] for i in range(0, len(entries), size)]


@flow(name="crisis-events-run", log_prints=False, validate_parameters=False)
def run_flow(inputs: list[str], out: Path, batch_size: int = 32) -> RunSummary:
    started = time.perf_counter()
    ingested = read_task(inputs)
    futures = [extract_batch.submit(batch) for batch in batches(ingested.entries, batch_size)]
    entry_rows, event_rows = [], []
    for future in futures:
        entries_part, events_part = future.result()
        entry_rows.extend(entries_part)
        event_rows.extend(events_part)
    if entry_rows:
        write_task(out, entry_rows, event_rows, ingested)
    else:
        store.write_rejects(ingested.rejects, out / store.REJECTS_FILE)
    return RunSummary(
        entries_read=len(entry_rows),
        rejected=len(ingested.rejects),
        events_written=len(event_rows),
        seconds=time.perf_counter() - started,
        out=out,
        reject_messages=[r.message() for r in ingested.rejects],
    )


def run(inputs: list[str], out: Path, batch_size: int = 32, workers: int = 1) -> RunSummary:
    """Run the flow with a task runner fitted to ``workers``."""
    runner = ProcessPoolTaskRunner(max_workers=workers) if workers > 1 else ThreadPoolTaskRunner(max_workers=1)
    return run_flow.with_options(task_runner=runner)(inputs, out, batch_size)
