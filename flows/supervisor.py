"""A run that stops when asked and leaves no process behind.

`crisis-events run` does its work in a child process that leads a process group of its own; the
flow's temporary Prefect server, its worker processes and multiprocessing's resource tracker are
all started by that child and stay in its group. The command the user started only supervises:

* Ctrl-C (SIGINT) or SIGTERM: the whole group is killed at once (the tables are written beside
  their final names and swapped in, so a kill at any moment leaves the previous tables whole),
  the run's half-written files are removed, and the command exits 130 or 143 within a second;
* the supervisor itself killed (SIGKILL, which it cannot catch): the child notices that its
  parent is gone and kills its own group, so no server or worker outlives the run.

The serve schedule starts runs that way too, so nested runs are not supervised twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

#: set in a supervised run's environment to the supervisor's pid
SUPERVISED = "CRISIS_EVENTS_SUPERVISED"
#: how often a supervised run checks that its supervisor is alive
WATCH_SECONDS = 0.5


def is_supervised() -> bool:
    return bool(os.environ.get(SUPERVISED))


def supervise(argv: Sequence[str]) -> tuple[int, int | None]:
    """Run ``crisis-events ARGV`` as a supervised child; returns (exit status, stopping signal or None)."""
    env = {**os.environ, SUPERVISED: str(os.getpid())}
    child = subprocess.Popen([sys.executable, "-m", "pipeline.cli", *argv], env=env, start_new_session=True)
    stopped: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        stopped.append(signum)
        _kill_group(child.pid)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            try:
                code = child.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                continue
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stopped:
        _kill_group(child.pid)  # anything the child started that is still there
        return 128 + stopped[0], stopped[0]
    return code, None


def watch_supervisor() -> None:
    """In a supervised run: when the supervisor is gone, kill this run's whole group (a daemon thread)."""
    supervisor = int(os.environ[SUPERVISED])

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != supervisor:
                os.killpg(os.getpgid(0), signal.SIGKILL)

    threading.Thread(target=watch, name="crisis-events-supervisor-watch", daemon=True).start()


def _kill_group(leader: int) -> None:
    try:
        os.killpg(leader, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
