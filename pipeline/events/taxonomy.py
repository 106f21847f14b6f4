"""The 15 event types and their PLOVER and ACLED counterparts (models/event_types.json)."""

from __future__ import annotations

from dataclasses import dataclass

from ..resources import read_json


@dataclass(frozen=True)
class Taxonomy:
    """Type name -> {"plover": ..., "acled": ...}, in the order of EVENTS.md."""

    types: dict[str, dict[str, str | None]]

    @classmethod
    def from_models(cls) -> Taxonomy:
        return cls(read_json("event_types.json"))

    def plover_of(self, event_type: str) -> str | None:
        return self.types[event_type]["plover"]

    def acled_of(self, event_type: str) -> str | None:
        return self.types[event_type]["acled"]
