"""The 15 event types and their PLOVER and ACLED counterparts (models/event_types.json)."""
from __future__ import annotations

from functools import lru_cache

from .resources import read_json


@lru_cache(maxsize=1)
def event_types() -> dict[str, dict[str, str | None]]:
    """Type name -> {"plover": ..., "acled": ...}, in the order of EVENTS.md."""
    return read_json("event_types.json")


def plover_of(event_type: str) -> str | None:
    return event_types()[event_type]["plover"]


def acled_of(event_type: str) -> str | None:
    return event_types()[event_type]["acled"]
