"""A run stops when asked and leaves no process behind (the `crisis-events` command, supervised).

Processes are counted from /proc: every process whose parent chain reaches the run, and every
process of the run's child group, before and after the stop.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent, process group) of a live process, None when it is gone."""
    try:
        raw = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return None
    state, parent, group = raw[raw.rindex(")") + 2 :].split()[:3]
    return state, int(parent), int(group)


def _live(pids: set[int]) -> set[int]:
    return {p for p in pids if (s := _stat(p)) is not None and s[0] != "Z"}


def _left_of(family: set[int]) -> set[int]:
    """The live processes of ``family`` and of the process groups its members lead, those started
    after ``family`` was taken included (a dying run's late children still hold its files open)."""
    stats = {int(p.name): _stat(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()}
    return {
        pid for pid, s in stats.items() if s is not None and s[0] != "Z" and (pid in family or s[2] in family)
    }


def _family(root: int) -> set[int]:
    """The run, its descendants and every member of the groups they lead."""
    stats = {int(p.name): _stat(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()}
    stats = {pid: s for pid, s in stats.items() if s is not None and s[0] != "Z"}
    family, grew = {root}, True
    while grew:
        more = {pid for pid, (_, parent, group) in stats.items() if parent in family or group in family}
        grew = bool(more - family)
        family |= more
    return family


def _start(out: Path, inputs: Path) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("CRISIS_EVENTS_SUPERVISED", None)
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out), "--batch-size", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_server(run: subprocess.Popen, within: float = 60.0) -> set[int]:
    """The run's processes once its Prefect server is up (three at least: command, run, server)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        family = _family(run.pid)
        if len(family) >= 3:
            return family
        time.sleep(0.2)
    raise AssertionError("the run never started its server")


@pytest.fixture()
def corpus(tmp_path, sample_path) -> Path:
    rows = [json.loads(line) for line in sample_path.read_text().splitlines()]
    more = [{**r, "entry_id": f"{r['entry_id']}-{i}"} for i in range(4) for r in rows]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in more), encoding="utf-8")
    return path


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_and_sigterm_stop_a_run_at_once_with_nothing_left(tmp_path, corpus, sample_path, sig, status):
    out = tmp_path / "out"
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    before = pd.read_parquet(out / "events").event_id.tolist()
    run = _start(out, corpus)
    family = _wait_for_server(run)
    stopped = time.monotonic()
    run.send_signal(sig)
    _, err = run.communicate(timeout=10)
    assert run.returncode == status, err
    assert time.monotonic() - stopped < 5
    assert f"stopped by {signal.Signals(sig).name}" in err and "Traceback" not in err
    deadline = time.monotonic() + 3
    while _live(family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _live(family), "a process of the run outlived it"
    assert pd.read_parquet(out / "events").event_id.tolist() == before  # the previous tables, whole
    assert not list(out.glob("**/.*.tmp-*"))


def test_a_killed_command_takes_its_run_with_it(tmp_path, corpus):
    out = tmp_path / "out"
    run = _start(out, corpus)
    family = _wait_for_server(run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 5
    while _left_of(family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _left_of(family), "the server or a worker outlived a killed run"
    assert main(["run", str(corpus), "--out", str(out)]) == 0  # and the next run completes the work
    clean = tmp_path / "clean"
    assert main(["run", str(corpus), "--out", str(clean)]) == 0
    assert sorted(pd.read_parquet(out / "events").event_id) == sorted(
        pd.read_parquet(clean / "events").event_id
    )


def test_rows_missing_for_some_entries_are_noticed_and_rebuilt(tmp_path, sample_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    table = pq.read_table(out / "events" / "events.parquet")
    clean = sorted(table.column("event_id").to_pylist())
    gone = table.column("entry_id")[0]
    # the same run's table (its run id kept), minus one entry's rows: a table edited by hand
    pq.write_table(
        table.filter(pc.not_equal(table.column("entry_id"), gone)), out / "events" / "events.parquet"
    )
    capsys.readouterr()
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "1 entries of the manifest lack rows in the tables: extracting them again" in printed.err
    assert "extracted: 1 " in printed.out
    assert sorted(pd.read_parquet(out / "events").event_id) == clean
