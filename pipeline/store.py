"""Write and read the Parquet tables of processed/.

Layout: ``events/events.parquet``, ``entries/entries.parquet`` and
``rejects/rejects.jsonl`` under the output folder. Every file is written
beside its final name (a dot-file, which Parquet readers skip) and swapped in
with ``os.replace``, so a reader never sees half a table.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .events import event_id
from .records import Entry, Event, Reject
from .schema import ENTRIES, EVENTS, REJECTS
from .taxonomy import acled_of, plover_of

EVENTS_FILE = Path("events") / "events.parquet"
ENTRIES_FILE = Path("entries") / "entries.parquet"
REJECTS_FILE = Path("rejects") / "rejects.jsonl"


def event_rows(entry: Entry, events: Iterable[Event], iso3: str | None) -> list[dict]:
    """The events of one entry as rows of the events table."""
    rows = []
    for ev in events:
        rows.append(
            {
                "event_id": event_id(entry.entry_id, ev),
                "entry_id": entry.entry_id,
                "country": entry.country,
                "iso3": iso3,
                "entry_month": entry.month,
                "event_type": ev.event_type,
                "plover": plover_of(ev.event_type),
                "acled_event_type": acled_of(ev.event_type),
                "event_date": ev.event_date,
                "event_date_end": ev.event_date_end,
                "date_precision": ev.date_precision,
                "date_text": ev.date_text,
                "trigger": ev.trigger,
                "actors": ev.actors,
                "locations": ev.locations,
                "latitude": ev.latitude,
                "longitude": ev.longitude,
                "admin1": ev.admin1,
                "geo_precision": ev.geo_precision,
                "places": ev.places,
                "fatalities": ev.fatalities,
                "fatalities_qualifier": ev.fatalities_qualifier,
                "evidence": ev.evidence,
                "char_start": ev.char_start,
                "char_end": ev.char_end,
                "confidence": ev.confidence,
                "pipeline_version": __version__,
            }
        )
    return rows


def entry_row(entry: Entry, n_events: int, iso3: str | None, processed_at: datetime | None = None) -> dict:
    """One row of the entries table."""
    where = entry.source if entry.line is None else f"{entry.source}:{entry.line}"
    return {
        "entry_id": entry.entry_id,
        "country": entry.country,
        "iso3": iso3,
        "month": entry.month,
        "title": entry.title,
        "trend": entry.trend,
        "url": entry.url,
        "text": entry.text,
        "content_hash": entry.content_hash,
        "n_events": n_events,
        "source": where,
        "processed_at": processed_at or datetime.now(timezone.utc),
    }


def write_table(rows: list[dict], schema: pa.Schema, path: Path) -> None:
    """Write rows as one Parquet file, atomically."""
    table = pa.Table.from_pylist(rows, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(table, tmp, compression="zstd")
    _fsync(tmp)
    os.replace(tmp, path)


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


def read_table(path: Path) -> pa.Table:
    """Read a table written here (a file or the folder holding it)."""
    return pq.read_table(path)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
