"""The self-contained schedule of `crisis-events serve`: ticks, skips, a real run, a clean stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from flows.schedule import ScheduleError, Scheduler, Ticks

REPO = Path(__file__).resolve().parents[1]


def test_cron_ticks_are_read_in_local_time_and_listed_in_order():
    ticks = Ticks(cron="30 2 * * *")
    start = datetime(2026, 11, 30, 9, 15)
    assert ticks.after(start) == datetime(2026, 12, 1, 2, 30)
    assert ticks.upcoming(start, 3) == [datetime(2026, 12, d, 2, 30) for d in (1, 2, 3)]
    minutes = Ticks(cron="* * * * *")
    covered = minutes.between(datetime(2026, 1, 1, 0, 0, 30), datetime(2026, 1, 1, 0, 3, 0))
    assert covered == [datetime(2026, 1, 1, 0, m) for m in (1, 2, 3)]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"cron": "61 * * * *"}, r"cron expression '61 \* \* \* \*': Bad minute"),
        ({"cron": "every night"}, "cron expression 'every night'"),
        ({"every": -1.0}, "interval must be positive"),
        ({}, "either a cron expression or an interval"),
    ],
)
def test_a_schedule_that_cannot_fire_is_refused(kwargs, message):
    with pytest.raises(ScheduleError, match=message):
        Ticks(**kwargs)


def test_a_tick_that_falls_while_a_run_is_going_is_skipped_and_said():
    lines: list[str] = []
    slow_run = [sys.executable, "-c", "import time; time.sleep(1.3)"]
    scheduler = Scheduler(Ticks(every=0.5), slow_run, runs=2, say=lines.append)
    assert scheduler.serve() == 0
    assert lines[0].startswith("next runs: ") and lines[0].count(",") == 2
    ended = [line for line in lines if "ended with exit code 0" in line]
    assert len(ended) == 2
    skips = [line for line in lines if line.startswith("skipped")]
    assert skips and all("was still going" in line for line in skips)
    # the second run starts only after the first has ended: runs never overlap
    assert lines.index(ended[0]) < lines.index(skips[0]) < lines.index(ended[1])


def _processes() -> list[tuple[int, int, int]]:
    """(pid, parent pid, session) of every live process, from /proc/PID/stat."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent, _group, session = stat[stat.rindex(")") + 2 :].split()[:4]
        if state != "Z":
            found.append((int(entry.name), int(parent), int(session)))
    return found


def _session_members(session: int) -> list[int]:
    return [pid for pid, _parent, sid in _processes() if sid == session]


def _gone(session: int, within: float = 2.0) -> bool:
    """No live process of ``session`` left (a SIGKILL takes a moment to land)."""
    deadline = time.monotonic() + within
    while _session_members(session) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _session_members(session)


def _run_session(serve_pid: int) -> int | None:
    """The session of the run that `serve` started: a child of serve that leads its own session."""
    return next((pid for pid, parent, sid in _processes() if parent == serve_pid and sid == pid), None)


def test_stopping_the_scheduler_ends_the_run_and_every_process_it_started():
    # the run starts a grandchild that ignores SIGTERM, as a stuck server would
    stubborn = (
        "import signal, subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', "
        "'import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)'])\n"
        "time.sleep(120)\n"
    )
    lines: list[str] = []
    scheduler = Scheduler(Ticks(every=0.1), [sys.executable, "-c", stubborn], say=lines.append)
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(scheduler.serve()))
    thread.start()
    deadline = time.monotonic() + 10
    session = None
    while time.monotonic() < deadline and (session is None or len(_session_members(session)) < 2):
        session = scheduler.running_pid
        time.sleep(0.1)
    assert session is not None and len(_session_members(session)) == 2
    stopped = time.monotonic()
    scheduler.stop(signal.SIGTERM)
    thread.join(timeout=15)
    assert not thread.is_alive() and result == [143]
    assert time.monotonic() - stopped < 10
    assert _gone(session)
    assert lines[-1] == "stopped by SIGTERM"


def _serve(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "serve", str(REPO / "raw"), "--out", str(tmp_path / "out")]
        + list(args),
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_serve_without_a_prefect_server_fires_and_writes_the_tables(tmp_path):
    served = _serve(tmp_path, "--every", "1", "--runs", "1")
    output, _ = served.communicate(timeout=240)
    assert served.returncode == 0, output
    assert "from this process (no PREFECT_API_URL set)" in output
    assert "next runs: " in output
    assert "run 1 (due " in output and "ended with exit code 0" in output
    assert "events written: " in output  # the run's own summary line
    events = pd.read_parquet(tmp_path / "out" / "events")
    assert len(events) > 0 and events.entry_id.str.startswith("kazakhstan").all()


def test_ctrl_c_stops_serve_within_seconds_with_no_process_left(tmp_path):
    served = _serve(tmp_path, "--every", "0.5")
    deadline = time.monotonic() + 60
    session = None
    while session is None and time.monotonic() < deadline:
        session = _run_session(served.pid)
        time.sleep(0.2)
    assert session is not None, "serve started no run within 60 s"
    time.sleep(3)  # let the run start its Prefect server
    served.send_signal(signal.SIGINT)
    output, _ = served.communicate(timeout=10)
    assert served.returncode == 130, output
    assert "stopped by SIGINT" in output
    assert _gone(session)
