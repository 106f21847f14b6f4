"""`crisis-events serve` with no Prefect server: a schedule this process keeps.

Prefect fires a served deployment only through the scheduler service of a
real Prefect server; on the temporary server a plain run starts, a served
flow waits for ever (PrefectHQ/examples#18). So when no ``PREFECT_API_URL``
is set, `serve` keeps the schedule here:

* the ticks come from a cron expression (read with cronsim, the parser Prefect
  itself depends on) or, for tests and quick checks, a fixed interval;
* each tick starts `crisis-events run` as a child process, a normal flow run
  with its own temporary server, one at a time; ticks that fall while a run
  is going are skipped and reported;
* the child runs in a process group of its own, so stopping the group stops
  the run, its Prefect server and its workers together: Ctrl-C or SIGTERM
  leaves no process behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cronsim import CronSim, CronSimError

from .supervisor import SUPERVISED

#: Seconds a stopped run gets to end on SIGTERM before its group is killed.
STOP_GRACE = 5.0
#: Skipped ticks listed one by one; beyond this they are summed up in one line.
SKIPS_LISTED = 3


class ScheduleError(ValueError):
    """A cron expression or interval that cannot be scheduled."""


@dataclass(frozen=True)
class Ticks:
    """When runs are due: a cron expression in local time, or every ``every`` seconds."""

    cron: str | None = None
    every: float | None = None

    def __post_init__(self) -> None:
        if (self.cron is None) == (self.every is None):
            raise ScheduleError("give either a cron expression or an interval")
        if self.every is not None and self.every <= 0:
            raise ScheduleError(f"interval must be positive, not {self.every:g}")
        if self.cron is not None:
            try:
                CronSim(self.cron, datetime.now())
            except CronSimError as error:
                raise ScheduleError(f"cron expression {self.cron!r}: {error}") from None

    def after(self, moment: datetime) -> datetime:
        """The first tick strictly after ``moment``."""
        if self.every is not None:
            return moment + timedelta(seconds=self.every)
        return next(CronSim(self.cron, moment))

    def upcoming(self, moment: datetime, count: int) -> list[datetime]:
        ticks = [self.after(moment)]
        while len(ticks) < count:
            ticks.append(self.after(ticks[-1]))
        return ticks

    def between(self, start: datetime, end: datetime) -> list[datetime]:
        """Ticks after ``start`` and up to ``end``: the ones a run from start to end has covered."""
        found, tick = [], self.after(start)
        while tick <= end:
            found.append(tick)
            tick = self.after(tick)
        return found


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


class Scheduler:
    """Start ``command`` at every tick, one run at a time, until stopped or ``runs`` are done.

    ``say`` receives every line the scheduler reports (the CLI prints them).
    """

    def __init__(
        self,
        ticks: Ticks,
        command: Sequence[str],
        *,
        runs: int | None = None,
        say: Callable[[str], None] = print,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.ticks, self.command, self.runs = ticks, list(command), runs
        self.say, self.now = say, now
        self._stop = threading.Event()
        self.stopped_by: int | None = None
        self.running_pid: int | None = None  # the run going now, which leads its own session

    def stop(self, signum: int, _frame: object = None) -> None:
        """Signal handler: end the wait or the running child, then the loop."""
        self.stopped_by = signum
        self._stop.set()

    def serve(self) -> int:
        """Run the schedule; returns the exit status (130 or 143 when stopped by a signal)."""
        due = self.ticks.after(self.now())
        upcoming = ", ".join(_stamp(t) for t in [due, *self.ticks.upcoming(due, 2)])
        self.say(f"next runs: {upcoming}")
        done = 0
        while self.runs is None or done < self.runs:
            if self._stop.wait(max(0.0, (due - self.now()).total_seconds())):
                break
            started = self.now()
            code, seconds = self._run_once()
            if self._stop.is_set():
                break
            done += 1
            self.say(f"run {done} (due {_stamp(due)}) ended with exit code {code} after {seconds:.1f}s")
            finished = self.now()
            self._report_skipped(self.ticks.between(due, finished), started)
            due = self.ticks.after(finished)
            if self.runs is None or done < self.runs:
                self.say(f"next run: {_stamp(due)}")
        if self.stopped_by is not None:
            self.say(f"stopped by {signal.Signals(self.stopped_by).name}")
            return 128 + self.stopped_by
        return 0

    def _report_skipped(self, skipped: list[datetime], started: datetime) -> None:
        why = f"the run started at {_stamp(started)} was still going"
        if len(skipped) > SKIPS_LISTED:
            first, last = _stamp(skipped[0]), _stamp(skipped[-1])
            self.say(f"skipped {len(skipped)} ticks from {first} to {last}: {why}")
            return
        for tick in skipped:
            self.say(f"skipped the tick of {_stamp(tick)}: {why}")

    def _run_once(self) -> tuple[int, float]:
        """One run in its own process group; on stop, the whole group ends."""
        started = time.monotonic()
        # the run knows it is supervised: it will not supervise itself, and it ends when we are gone
        env = {**os.environ, SUPERVISED: str(os.getpid())}
        child = subprocess.Popen(self.command, start_new_session=True, env=env)
        self.running_pid = child.pid
        try:
            while True:
                try:
                    return child.wait(timeout=0.2), time.monotonic() - started
                except subprocess.TimeoutExpired:
                    if self._stop.is_set():
                        return self._end(child), time.monotonic() - started
        finally:
            self.running_pid = None

    @staticmethod
    def _end(child: subprocess.Popen) -> int:
        """SIGTERM to the run's group, SIGKILL after the grace period; no process of it stays."""
        for sig, grace in ((signal.SIGTERM, STOP_GRACE), (signal.SIGKILL, None)):
            try:
                os.killpg(child.pid, sig)
            except ProcessLookupError:
                break
            try:
                child.wait(timeout=grace)
                if sig == signal.SIGTERM:  # the leader ended; its group may not have
                    os.killpg(child.pid, signal.SIGKILL)
                break
            except subprocess.TimeoutExpired:
                continue
            except ProcessLookupError:
                break
        return child.wait()


def serve_here(ticks: Ticks, command: Sequence[str], *, runs: int | None = None) -> int:
    """Serve from this process, with SIGINT and SIGTERM stopping it cleanly."""
    scheduler = Scheduler(ticks, command, runs=runs, say=lambda line: print(line, flush=True))
    previous = {sig: signal.signal(sig, scheduler.stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return scheduler.serve()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
