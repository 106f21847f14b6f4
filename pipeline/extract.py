"""One batch of entries through the library: dates, parse, events, places.

The only place the stages meet: pipeline.dates on the raw text, pipeline.nlp
on the date-masked text (one `nlp.pipe` pass for the batch), pipeline.events
on the result, pipeline.geo on the events. Flows call this per batch; tests and notebooks can too.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from . import nlp
from .dates import DateMention, resolve_all
from .events import extract_events
from .geo import place_events
from .records import Entry, Event


@dataclass
class Extracted:
    """An entry with the events found in it."""

    entry: Entry
    events: list[Event]


def extract(entries: Iterable[Entry], batch_size: int = 32) -> Iterator[Extracted]:
    """Extract events entry by entry, parsing the texts in batches (streams: holds one batch)."""
    pending: list[tuple[Entry, list[DateMention]]] = []

    def masked() -> Iterator[str]:
        for entry in entries:
            mentions = resolve_all(entry.text, entry.month)
            pending.append((entry, mentions))
            yield nlp.mask_dates(entry.text, mentions)

    for doc in nlp.parse(masked(), batch_size=batch_size):
        entry, mentions = pending.pop(0)
        events = extract_events(entry, doc, mentions)
        place_events(entry.country, events)
        yield Extracted(entry, events)
