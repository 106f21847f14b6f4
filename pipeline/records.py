"""The records that travel between the pipeline's stages.

Plain dataclasses, so each stage can be tested and pickled (to worker
processes) without spaCy, Prefect or pyarrow in the way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Entry:
    """One CrisisWatch entry: a country's text for one month."""

    entry_id: str
    country: str
    month: date  # first day of the entry's month
    text: str
    title: str | None = None
    trend: str | None = None
    url: str | None = None
    source: str = ""
    line: int | None = None

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes extraction: country, month, text."""
        payload = "\x1f".join((self.country, self.month.isoformat(), self.text))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    @property
    def words(self) -> int:
        """Whitespace-separated words of the text: what a run's tasks are cut by and speed is counted in."""
        return len(self.text.split())


@dataclass(frozen=True)
class Reject:
    """An input record that could not be read, with where and why."""

    source: str
    line: int | None
    reason: str
    raw: str

    def message(self) -> str:
        """The one-line error a user sees: ``file:line: reason``."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass
class Event:
    """One dated happening extracted from an entry (docs/CODEBOOK.md section 3)."""

    entry_id: str
    event_type: str
    event_date: date | None
    event_date_end: date | None
    date_precision: str
    date_text: str | None
    evidence: str
    char_start: int
    char_end: int
    trigger: str
    actors: list[str] = field(default_factory=list)
    actor1: list[str] = field(default_factory=list)  # the side that acts (docs/CODEBOOK.md 3)
    actor2: list[str] = field(default_factory=list)  # the side acted on, or the counterpart
    actor1_type: int | None = None  # ACLED's interaction code of actor1's first name
    actor2_type: int | None = None
    actor1_name: str | None = None  # one canonical name for actor1's first name, the same all entry long
    actor2_name: str | None = None
    locations: list[str] = field(default_factory=list)
    fatalities: int | None = None
    fatalities_qualifier: str | None = None
    fatalities_cumulative: bool = False  # the clause gives a running total, left out of ``fatalities``
    toll_at: tuple[int, ...] = ()  # where the counts behind ``fatalities`` are written (one toll, one place)
    incident_id: str | None = None  # shared by the events of one incident (pipeline.events.incidents)
    event_status: str = "occurred"  # occurred, scheduled, ongoing, earlier (pipeline.events.status)
    disorder_type: str | None = None  # ACLED coding (pipeline.events.coding)
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    civilian_targeting: bool | None = None
    plover: str | None = None  # PLOVER coding (pipeline.events.coding)
    plover_mode: str | None = None
    confidence: float = 0.5
    features: dict[str, float] = field(default_factory=dict)  # what `confidence` weighs (not a column)
    named_by_date: bool = False  # an event noun with its date in front ('after 21 Aug attack'; not a column)
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin1_code: str | None = None  # ISO 3166-2, where the region has one
    event_iso3: str | None = None  # the country where it happened (pipeline.geo)
    geo_precision: int | None = None
    places: list[dict] = field(default_factory=list)


def unique(items: list[str]) -> list[str]:
    """Names once each, first spelling kept: actors and locations compare case-insensitively."""
    seen: dict[str, str] = {}
    for item in items:
        key = item.lower().strip()
        if key and key not in seen:
            seen[key] = item.strip()
    return list(seen.values())
