"""Damaged output folders heal; output problems and bad flags are one line and an exit code.

A damaged manifest or table is set aside (kept for inspection), a warning says so, and the run
rebuilds tables equal to a clean run's. A folder that cannot be written keeps its previous tables.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.io import store
from pipeline.io.manifest import MANIFEST, Manifest


@pytest.fixture(scope="module")
def clean(tmp_path_factory, sample_path) -> Path:
    """The sample's tables from one undamaged run."""
    out = tmp_path_factory.mktemp("clean") / "out"
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    return out


def tables(out: Path) -> tuple[list, list]:
    events = pd.read_parquet(out / "events").drop(columns=["pipeline_version"])
    entries = pd.read_parquet(out / "entries")
    return sorted(events.event_id), sorted(entries.entry_id)


def damaged(clean: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(clean, out)
    return out


@pytest.mark.parametrize(
    "content", ['{"entries": {"a": {"hash": "x"', "not json", "[1, 2]", "{}", "", '{"entries": [1]}']
)
def test_a_manifest_that_cannot_be_read_is_set_aside(tmp_path, content):
    (tmp_path / MANIFEST).write_text(content, encoding="utf-8")
    manifest = Manifest.load(tmp_path)
    assert manifest.entries == {} and "set aside as manifest.json.corrupt-" in manifest.warning
    assert not (tmp_path / MANIFEST).exists()
    assert [p.read_text() for p in tmp_path.glob("manifest.json.corrupt-*")] == [content]


def test_a_damaged_manifest_means_extracting_everything_again(clean, tmp_path, sample_path, capsys):
    out = damaged(clean, tmp_path)
    (out / MANIFEST).write_text("{truncated", encoding="utf-8")
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "warning: " in printed.err and "every entry is extracted again" in printed.err
    assert "extracted: 10" in printed.out
    assert tables(out) == tables(clean)


def test_a_truncated_table_is_set_aside_and_rebuilt(clean, tmp_path, sample_path, capsys):
    out = damaged(clean, tmp_path)
    table = out / store.EVENTS_FILE
    table.write_bytes(table.read_bytes()[:200])
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "could not be read" in err and "extracting every entry again" in err
    assert tables(out) == tables(clean)
    assert list((out / "events").glob(".events.parquet.corrupt-*"))  # kept, hidden from readers


def test_a_deleted_table_is_noticed_and_its_rows_rebuilt(clean, tmp_path, sample_path, capsys):
    out = damaged(clean, tmp_path)
    shutil.rmtree(out / "events")
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    assert "10 entries of the manifest have no rows" in capsys.readouterr().err
    assert tables(out) == tables(clean)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda out: out.write_text("a file"), "is a file, not a folder"),
        (lambda out: (out / ".lock").mkdir(parents=True), "is a folder, not a lock file"),
    ],
)
def test_an_unusable_output_folder_is_one_line_and_exit_2(tmp_path, sample_path, capsys, make, message):
    out = tmp_path / "out"
    make(out)
    assert main(["run", str(sample_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]


def test_a_read_only_output_folder_is_one_line_and_exit_2(tmp_path, sample_path, capsys, monkeypatch):
    def refused(path, *args, **kwargs):  # as root, chmod cannot make a folder read-only: refuse here
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store, "open", refused, raising=False)
    assert main(["run", str(sample_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: cannot write to {tmp_path / 'out'}: Permission denied"]


def test_a_full_disk_keeps_the_previous_tables(clean, tmp_path, sample_path, capsys, monkeypatch):
    out = damaged(clean, tmp_path)
    before = tables(out)

    def no_space(self, table):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.TableWriter, "write_table", no_space)
    assert main(["run", str(sample_path), "--out", str(out), "--full"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"error: cannot write to {out}: No space left on device; the previous tables are unchanged"
    ]
    monkeypatch.undo()
    assert tables(out) == before
    assert not list(out.glob("**/.*.tmp-*"))
    assert json.loads((out / MANIFEST).read_text())["entries"]  # the manifest still matches the tables


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--batch-size", "-1"],
        ["run", "--batch-size", "many"],
        ["run", "--workers", "0"],
        ["run", "--wait", "-3"],
        ["serve", "--every", "0"],
        ["frobnicate"],
    ],
)
def test_a_bad_flag_is_one_line_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: crisis-events")


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=st.floats(min_value=2.0, max_value=14.0), sig=st.sampled_from([signal.SIGKILL, signal.SIGTERM]))
def test_a_run_killed_at_any_moment_is_finished_by_the_next(
    clean, tmp_path_factory, sample_path, moment, sig
):
    out = tmp_path_factory.mktemp("killed") / "out"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "run",
            str(sample_path),
            "--out",
            str(out),
            "--batch-size",
            "2",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(moment)
    os.killpg(run.pid, sig)  # the run and what it started (its Prefect server)
    run.wait()
    assert main(["run", str(sample_path), "--out", str(out), "--wait", "10"]) == 0
    assert tables(out) == tables(clean)
    assert not list(out.glob("**/.*.tmp-*"))


def test_a_run_stopped_between_the_two_swaps_is_told_and_repaired(clean, tmp_path, sample_path, capsys):
    out = damaged(clean, tmp_path)
    assert len(set(store.table_runs(out).values())) == 1  # one run wrote both
    real_replace = os.replace

    def stop_before_events(src, dst):  # entries is swapped in first; stop before events is
        if Path(dst).name == "events.parquet":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store.os, "replace", stop_before_events)
        assert main(["run", str(sample_path), "--out", str(out), "--full"]) == 2
    runs = store.table_runs(out)
    assert runs["events"] != runs["entries"]  # a reader can tell the two tables apart
    capsys.readouterr()
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    assert "come from different runs" in capsys.readouterr().err
    assert len(set(store.table_runs(out).values())) == 1 and tables(out) == tables(clean)


def test_a_run_where_every_entry_fails_exits_2(tmp_path, sample_path, capsys, monkeypatch):
    from pipeline.extractor import Extractor

    def broken(self, entries, batch_size=32, trace=None):
        raise RuntimeError("bad parse")
        yield  # a generator, as extract is

    monkeypatch.setattr(Extractor, "extract", broken)
    assert main(["run", str(sample_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        "every one of the 10 entries to extract failed" in err
        and "extraction failed: RuntimeError: bad parse" in err
    )
