"""Write and read the Parquet tables of processed/.

Layout: ``events/events.parquet``, ``entries/entries.parquet``,
``rejects/rejects.jsonl`` and ``manifest.json`` under the output folder.
Every file is written beside its final name (a dot-file, which Parquet
readers skip) and swapped in with ``os.replace``, so a reader, or a run
killed at any moment, sees the complete old file or the complete new one.
Tables are streamed: rows go to the file in row groups as batches finish.
One run at a time holds ``.lock`` on the folder.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..records import Reject
from .schema import REJECTS, as_table

EVENTS_FILE = Path("events") / "events.parquet"
ENTRIES_FILE = Path("entries") / "entries.parquet"
REJECTS_FILE = Path("rejects") / "rejects.jsonl"


def write_table(rows: list[dict], schema: pa.Schema, path: Path) -> None:
    """Write rows as one Parquet file, atomically."""
    with TableWriter(path, schema) as writer:
        writer.write(rows)


#: Parquet key-value metadata naming the run that wrote a table: both tables of a finished run
#: carry the same value, so a reader can tell that a run was stopped between the two swaps
RUN_KEY = b"crisis_events_run"


def new_run_id() -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S.%fZ}-{os.getpid()}"


def table_runs(out: Path) -> dict[str, str | None]:
    """The run id each table of ``out`` was written by (None for a table written before run ids)."""
    runs = {}
    for relative in (EVENTS_FILE, ENTRIES_FILE):
        path = out / relative
        if path.exists():
            metadata = pq.read_schema(path).metadata or {}
            runs[str(relative.parent)] = metadata.get(RUN_KEY, b"").decode() or None
    return runs


class TableWriter:
    """Streams rows into a Parquet file beside ``path``; swaps it in on a clean exit,
    discards it otherwise. ``run_id`` is written into the file's metadata (`RUN_KEY`)."""

    def __init__(self, path: Path, schema: pa.Schema, run_id: str | None = None) -> None:
        self.path = path
        self.schema = schema.with_metadata({**(schema.metadata or {}), RUN_KEY: run_id}) if run_id else schema
        self.tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        self.rows = 0
        self._writer: pq.ParquetWriter | None = None

    def __enter__(self) -> TableWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        return self

    def write(self, rows: list[dict]) -> None:
        self.write_table(as_table(rows, self.schema))

    def write_table(self, table: pa.Table) -> None:
        if table.num_rows:
            self._writer.write_table(table.cast(self.schema))
            self.rows += table.num_rows

    def __exit__(self, kind, value, traceback) -> None:
        try:
            self._writer.close()
        except OSError:
            if kind is None:
                self.tmp.unlink(missing_ok=True)
                raise
        if kind is not None:
            self.tmp.unlink(missing_ok=True)
            return
        _fsync(self.tmp)
        os.replace(self.tmp, self.path)


def copy_kept(path: Path, writer: TableWriter, keep: set[str]) -> None:
    """Stream the rows of an existing table whose entry is in ``keep`` into ``writer``."""
    if not path.exists() or not keep:
        return
    wanted = pa.array(sorted(keep), pa.string())
    for batch in pq.ParquetFile(path).iter_batches(batch_size=8192):
        writer.write_table(
            pa.Table.from_batches([batch.filter(pc.is_in(batch.column("entry_id"), value_set=wanted))])
        )


def write_rejects(rejects: Iterable[Reject], path: Path) -> int:
    """Write rejects as JSON Lines (source, line, reason, raw), atomically; returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    count = 0
    with open(tmp, "w", encoding="utf-8") as out:
        for reject in rejects:
            row = {name: getattr(reject, name) for name in REJECTS.names}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    _fsync(tmp)
    os.replace(tmp, path)
    return count


def remove_stale_temporaries(out: Path) -> int:
    """Delete the half-written files and staged batches of a run that was killed (call while holding the
    lock).
    """
    removed = 0
    for tmp in out.glob("**/.*.tmp-*"):
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def staging_folder(out: Path) -> Path:
    """A fresh hidden folder where finished batches wait until the flow writes them to the tables."""
    folder = out / f".staging.tmp-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class FolderBusy(RuntimeError):
    """Another run holds the output folder."""


class OutputError(RuntimeError):
    """The output folder cannot be used: a file, not writable, or its lock is not a lock file."""


def unreadable_tables(out: Path) -> list[str]:
    """Set aside every table file of ``out`` that cannot be read (a truncated or foreign file), hidden
    from readers as ``.<name>.corrupt-<time>``; returns a warning for each."""
    warnings = []
    for relative in (EVENTS_FILE, ENTRIES_FILE):
        path = out / relative
        if not path.exists():
            continue
        try:
            pq.read_metadata(path)  # reads the footer: a truncated file fails here
        except (pa.ArrowException, OSError) as err:
            kept = set_aside(path, hidden=True)
            warnings.append(f"{path} could not be read ({err}); set aside as {kept.name}")
    return warnings


def set_aside(path: Path, hidden: bool = False) -> Path:
    """Rename a damaged file out of the way, kept for inspection as ``<name>.corrupt-<time>``
    (``hidden``: with a leading dot, so that Parquet readers of the folder skip it)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{'.' if hidden else ''}{path.name}.corrupt-{stamp}")
    os.replace(path, target)
    return target


def missing_tables(out: Path) -> list[Path]:
    """The tables a folder with a manifest should hold and does not."""
    return [out / relative for relative in (EVENTS_FILE, ENTRIES_FILE) if not (out / relative).exists()]


def entries_without_rows(out: Path, entry_ids: Iterable[str]) -> set[str]:
    """Of ``entry_ids``, those whose rows the tables do not hold in full: no row in the entries table,
    or fewer events than the entries table counts for them (a table replaced or edited by hand)."""
    entries = pq.read_table(out / ENTRIES_FILE, columns=["entry_id", "n_events"]).to_pydict()
    expected = dict(zip(entries["entry_id"], entries["n_events"]))
    found: dict[str, int] = {}
    for entry_id in pq.read_table(out / EVENTS_FILE, columns=["entry_id"]).column("entry_id").to_pylist():
        found[entry_id] = found.get(entry_id, 0) + 1
    return {e for e in entry_ids if e not in expected or found.get(e, 0) != expected[e]}


class OutputLock:
    """An exclusive lock on an output folder (``.lock``, flock): released by the OS even if the holder is
    killed.
    """

    def __init__(self, out: Path, wait_seconds: float = 0.0) -> None:
        self.path = out / ".lock"
        self.wait_seconds = wait_seconds
        self._handle = None

    def __enter__(self) -> OutputLock:
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder} is a file, not a folder: give --out a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and not self.path.is_file():
                raise OutputError(f"{self.path} is a folder, not a lock file: remove it")
            self._handle = open(self.path, "a+", encoding="utf-8")
        except PermissionError as err:
            raise OutputError(f"cannot write to {folder}: {err.strerror}") from None
        except IsADirectoryError:
            raise OutputError(f"{self.path} is a folder, not a lock file: remove it") from None
        except OSError as err:
            raise OutputError(f"cannot use {folder} as output folder: {err.strerror or err}") from None
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self._handle.seek(0)
                    holder = self._handle.read().strip() or "another process"
                    self._handle.close()
                    raise FolderBusy(
                        f"{self.path.parent} is being written by {holder}; wait for it to "
                        f"finish or pass --wait SECONDS"
                    ) from None
                time.sleep(0.2)
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(f"pid {os.getpid()} since {datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%SZ}\n")
        self._handle.flush()
        return self

    def __exit__(self, *exc) -> None:
        self._handle.seek(0)
        self._handle.truncate()
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
