"""Scheduling, and the same output on worker processes and a Dask cluster as in one process."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
import yaml
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.settings import get_current_settings

from flows.batching import WORKER_TASK_WORDS
from flows.extract_flow import is_local_cluster, nightly_deployment, run, shared_api
from flows.extraction import WorkerPool, process_extractor, stage_batch
from pipeline.io.ingest import read_inputs
from pipeline.resources import collection_paused

ROOT = Path(__file__).resolve().parent.parent


def table(out: Path) -> list[dict]:
    events = pd.read_parquet(out / "events").sort_values("event_id").reset_index(drop=True)
    return json.loads(events.to_json(orient="records", date_format="iso", default_handler=str))


@contextmanager
def collections_started() -> Iterator[list[int]]:
    """The generation of every garbage collection that starts inside the block."""
    import gc

    started: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(count)
    try:
        yield started
    finally:
        gc.callbacks.remove(count)


def test_the_runs_resources_are_frozen_out_of_the_garbage_collector():
    import gc

    gc.unfreeze()
    process_extractor.cache_clear()
    with collections_started() as collections:
        extractor = process_extractor()
    frozen = gc.get_freeze_count()
    gc.unfreeze()  # the rest of the test session collects as before
    assert frozen > 500_000  # the gazetteer's objects among them
    assert collections == []  # none walked the objects while they were made (spaCy's load turns gc on)
    assert gc.get_threshold()[0] > 0  # and collection goes on afterwards
    assert process_extractor() is extractor  # built once per process


def test_collection_stays_paused_when_a_library_turns_the_collector_on():
    import gc

    before = gc.get_threshold()
    with collection_paused(), collections_started() as collections:
        gc.enable()  # as srsly does after reading a model's msgpack files
        cycles = []
        for _ in range(20_000):
            node: list = []
            node.append(node)
            cycles.append(node)
    assert collections == []
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_nightly_deployment_has_the_schedule_and_parameters(tmp_path):
    deployment = nightly_deployment(["raw"], tmp_path / "out", "30 3 * * *", workers=2)
    (schedule,) = deployment.schedules
    assert schedule.schedule.cron == "30 3 * * *"
    assert deployment.parameters["inputs"] == ["raw"] and deployment.parameters["in_flight"] == 4
    assert deployment.parameters["workers"] == 2 and deployment.parameters["task_words"] == WORKER_TASK_WORDS
    assert deployment.parameters["pool"]  # the flow starts the workers on the machine it runs on
    assert deployment.concurrency_limit == 1


def test_prefect_yaml_deploys_the_flow():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    (nightly,) = spec["deployments"]
    module, name = nightly["entrypoint"].split(":")
    assert (ROOT / module).exists() and name == "run_flow"
    assert nightly["schedules"][0]["cron"] == "0 2 * * *"


def test_a_failing_entry_becomes_a_reject_not_a_failed_batch(sample_path, monkeypatch, extractor):
    entries = read_inputs([sample_path]).entries[:3]
    real = extractor.extract

    def flaky(batch):
        if any(e.entry_id == entries[1].entry_id for e in batch):
            raise RuntimeError("model crashed")
        return real(batch)

    monkeypatch.setattr(extractor, "extract", flaky)
    result = extractor.rows(entries)
    assert [entry_id for entry_id, _ in result.done] == [entries[0].entry_id, entries[2].entry_id]
    assert set(result.events.column("entry_id").to_pylist()) == {entries[0].entry_id, entries[2].entry_id}
    (reject,) = result.rejects
    assert "extraction failed: RuntimeError: model crashed" in reject.reason and reject.line == 2


def test_entries_done_before_a_failure_are_not_extracted_again(sample_path, monkeypatch, extractor):
    entries = read_inputs([sample_path]).entries[:4]
    real, seen = extractor.extract, []

    def failing_at_third(batch):
        for item in real(batch):
            if item.entry.entry_id == entries[2].entry_id:
                raise RuntimeError("bad parse")
            seen.append(item.entry.entry_id)
            yield item

    monkeypatch.setattr(extractor, "extract", failing_at_third)
    result = extractor.rows(entries)
    assert [entry_id for entry_id, _ in result.done] == [
        entries[0].entry_id,
        entries[1].entry_id,
        entries[3].entry_id,
    ]
    assert seen == [entries[0].entry_id, entries[1].entry_id, entries[3].entry_id]
    assert "RuntimeError: bad parse" in result.rejects[0].reason


def test_worker_processes_and_dask_give_the_single_process_output(tmp_path, sample_path):
    from dask.distributed import LocalCluster
    from prefect.server.api.server import SubprocessASGIServer
    from prefect_dask import DaskTaskRunner

    single = run([str(sample_path)], tmp_path / "single")
    assert single.events_written > 50
    run([str(sample_path)], tmp_path / "procs", workers=2)  # the sample's words cut in two, one per worker
    assert table(tmp_path / "procs") == table(tmp_path / "single")
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        run([str(sample_path)], tmp_path / "dask", dask_address=cluster.scheduler_address, batch_size=3)
        assert is_local_cluster(cluster.scheduler_address)  # so `run` lets its workers report here:
        with shared_api(True):
            seen = ask_workers.with_options(task_runner=DaskTaskRunner(address=cluster.scheduler_address))()
        assert seen == [SubprocessASGIServer().api_url] * 2
    assert table(tmp_path / "dask") == table(tmp_path / "single")


@task(cache_policy=NO_CACHE)
def api_seen_by_worker() -> str | None:
    return get_current_settings().api.url


@flow
def ask_workers() -> list[str | None]:
    return [f.result() for f in [api_seen_by_worker.submit() for _ in range(2)]]


def test_worker_processes_import_the_pipeline_and_no_prefect():
    """What a worker imports is the module its work is sent as (spawned workers start from nothing)."""
    code = (
        "import sys, flows.extraction; print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert found.stdout.strip() == "[]"


def kill_the_new_worker(before: set) -> None:
    """SIGKILL the one worker process started since ``before``, as the out-of-memory killer would."""
    (worker,) = set(multiprocessing.active_children()) - before
    os.kill(worker.pid, signal.SIGKILL)
    worker.join()


def test_a_worker_pool_replaces_a_worker_that_died(tmp_path, sample_path):
    entries = read_inputs([sample_path]).entries[:4]
    here = stage_batch(entries, str(tmp_path), 0)
    before = set(multiprocessing.active_children())
    with WorkerPool(1) as pool:
        first = pool.stage(entries, str(tmp_path), 1)
        kill_the_new_worker(before)
        with pytest.raises(BrokenProcessPool):  # the batch that saw it fails (Prefect retries it) ...
            pool.stage(entries, str(tmp_path), 2)
        again = pool.stage(entries, str(tmp_path), 3)  # ... on new workers
    assert first.done == again.done == here.done and len(here.done) == 4
    assert set(multiprocessing.active_children()) == before  # the new workers stopped with the pool
    rows = [pd.read_parquet(batch.events) for batch in (here, first, again)]
    assert len(rows[0]) > 0 and rows[0].equals(rows[1]) and rows[0].equals(rows[2])


def test_a_closed_worker_pool_starts_no_workers_for_a_batch_that_finds_it_broken(tmp_path, sample_path):
    entries = read_inputs([sample_path]).entries[:1]
    before = set(multiprocessing.active_children())
    pool = WorkerPool(1)
    pool.stage(entries, str(tmp_path), 0)
    kill_the_new_worker(before)
    pool.close()  # the run ends (an error elsewhere, say) while a batch is still waiting on the worker
    with pytest.raises(BrokenProcessPool):
        pool.stage(entries, str(tmp_path), 1)
    assert set(multiprocessing.active_children()) == before  # no workers outlive the run
