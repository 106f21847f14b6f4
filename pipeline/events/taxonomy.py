"""The 15 event types of docs/CODEBOOK.md, in its order, with the codebook families each belongs to
(models/event_types.json). The codes of one event come from pipeline.events.coding, not from here."""

from __future__ import annotations

from dataclasses import dataclass

from ..resources import read_json


@dataclass(frozen=True)
class Taxonomy:
    """Type name -> {"plover": ..., "acled": ...}: the families docs/CODEBOOK.md section 2 gives each type."""

    types: dict[str, dict[str, str | None]]

    @classmethod
    def from_models(cls) -> Taxonomy:
        return cls(read_json("event_types.json"))
