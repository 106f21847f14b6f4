"""Incremental, idempotent, crash-safe runs on one output folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.io.store import FolderBusy, OutputLock

ROOT = Path(__file__).resolve().parent.parent


def write_entries(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def sample_rows(sample_path: Path) -> list[dict]:
    return [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines()]


def content(out: Path) -> tuple[list[dict], list[dict]]:
    """Both tables' rows in a canonical order, without the run's time stamp and the file an entry was first
    read from.
    """
    events = pd.read_parquet(out / "events").sort_values("event_id")
    entries = (
        pd.read_parquet(out / "entries").drop(columns=["processed_at", "source"]).sort_values("entry_id")
    )

    def as_rows(df):
        return json.loads(df.to_json(orient="records", date_format="iso", default_handler=str))

    return as_rows(events), as_rows(entries)


def test_second_run_does_nothing_and_changes_nothing(tmp_path, sample_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    first = {
        p: p.read_bytes() for p in (out / "events" / "events.parquet", out / "entries" / "entries.parquet")
    }
    capsys.readouterr()
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    assert "extracted: 0" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in first} == first


def test_changed_entry_is_replaced_and_prune_drops_the_missing(tmp_path, sample_path):
    rows = sample_rows(sample_path)
    out = tmp_path / "out"
    assert main(["run", str(write_entries(tmp_path / "a.jsonl", rows)), "--out", str(out)]) == 0
    before = pd.read_parquet(out / "events")
    rows[0]["text"] = rows[0]["text"].replace("Putin 9 Nov met", "Putin 10 Nov met")
    assert main(["run", str(write_entries(tmp_path / "b.jsonl", rows[:9])), "--out", str(out)]) == 0
    after = pd.read_parquet(out / "events")
    assert after.event_id.is_unique and len(after) == len(before)
    changed = after[after.entry_id == rows[0]["entry_id"]]
    assert "2023-11-10" in set(changed.event_date.astype(str)) and "2023-11-09" not in set(
        changed.event_date.astype(str)
    )
    untouched = rows[1]["entry_id"]
    assert set(after[after.entry_id == untouched].event_id) == set(
        before[before.entry_id == untouched].event_id
    )
    assert after.entry_id.nunique() == 10  # the missing entry is kept without --prune
    assert main(["run", str(tmp_path / "b.jsonl"), "--out", str(out), "--prune"]) == 0
    assert pd.read_parquet(out / "events").entry_id.nunique() == 9
    assert len(json.loads((out / "manifest.json").read_text())["entries"]) == 9


def test_full_rebuilds_to_the_same_content(tmp_path, sample_path):
    out = tmp_path / "out"
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    first = content(out)
    assert main(["run", str(sample_path), "--out", str(out), "--full"]) == 0
    assert content(out) == first


def test_a_second_run_on_a_busy_folder_stops_with_a_message(tmp_path, sample_path, capsys):
    out = tmp_path / "out"
    with OutputLock(out):
        with pytest.raises(FolderBusy, match="being written by pid"):
            with OutputLock(out, wait_seconds=0.3):
                pass
        assert main(["run", str(sample_path), "--out", str(out)]) == 3
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "is being written by pid" in err[0]  # no flow, no traceback
    with OutputLock(out):  # released: free again
        pass


def test_a_run_killed_mid_write_leaves_the_old_table_and_the_next_run_completes(tmp_path, sample_path):
    rows = sample_rows(sample_path)
    out = tmp_path / "out"
    small = write_entries(tmp_path / "small.jsonl", rows)
    assert main(["run", str(small), "--out", str(out)]) == 0
    old = content(out)
    more = rows + [{**r, "entry_id": f"{r['entry_id']}-copy{i}"} for i in range(6) for r in rows]
    big = write_entries(tmp_path / "big.jsonl", more)

    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "run", str(big), "--out", str(out), "--batch-size", "4"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / "events").glob(".events.parquet.tmp-*")):
        time.sleep(0.05)
    assert list((out / "events").glob(".events.parquet.tmp-*")), "the run never started writing"
    time.sleep(0.5)  # well inside the streamed write
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert content(out) == old, "a reader still sees the complete previous tables"
    # the killed command's run ends its own group within half a second (flows/supervisor.py)
    assert main(["run", str(big), "--out", str(out), "--wait", "10"]) == 0
    assert not list(out.glob("**/.*.tmp-*"))
    clean = tmp_path / "clean"
    assert main(["run", str(big), "--out", str(clean)]) == 0
    assert content(out) == content(clean)
