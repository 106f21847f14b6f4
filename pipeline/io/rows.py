"""Records to table rows: an entry's events and the entry itself, as the schemas of pipeline.io.schema define
them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from ..events import event_id
from ..events.sides import interaction
from ..records import Entry, Event


def event_rows(entry: Entry, events: Iterable[Event], iso3: str | None, version: str) -> list[dict]:
    """The events of one entry as rows of the events table."""
    rows = []
    for ev in events:
        rows.append(
            {
                "event_id": event_id(entry.entry_id, ev),
                "entry_id": entry.entry_id,
                "country": entry.country,
                "iso3": iso3,
                "event_iso3": ev.event_iso3,
                "entry_month": entry.month,
                "event_type": ev.event_type,
                "disorder_type": ev.disorder_type,
                "acled_event_type": ev.acled_event_type,
                "acled_sub_event_type": ev.acled_sub_event_type,
                "civilian_targeting": ev.civilian_targeting,
                "plover": ev.plover,
                "plover_mode": ev.plover_mode,
                "event_date": ev.event_date,
                "event_date_end": ev.event_date_end,
                "date_precision": ev.date_precision,
                "event_status": ev.event_status,
                "date_text": ev.date_text,
                "trigger": ev.trigger,
                "actors": ev.actors,
                "actor1": ev.actor1,
                "actor2": ev.actor2,
                "actor1_type": ev.actor1_type,
                "actor2_type": ev.actor2_type,
                "interaction": interaction(ev.actor1_type, ev.actor2_type),
                "actor1_name": ev.actor1_name,
                "actor2_name": ev.actor2_name,
                "locations": ev.locations,
                "latitude": ev.latitude,
                "longitude": ev.longitude,
                "admin1": ev.admin1,
                "admin1_code": ev.admin1_code,
                "geo_precision": ev.geo_precision,
                "places": ev.places,
                "fatalities": ev.fatalities,
                "fatalities_qualifier": ev.fatalities_qualifier,
                "fatalities_cumulative": ev.fatalities_cumulative,
                "incident_id": ev.incident_id,
                "evidence": ev.evidence,
                "char_start": ev.char_start,
                "char_end": ev.char_end,
                "confidence": ev.confidence,
                "pipeline_version": version,
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
