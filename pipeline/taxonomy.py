"""The 15 event types and their PLOVER and ACLED counterparts (models/event_types.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=1)
def event_types() -> dict[str, dict[str, str | None]]:
    """Type name -> {"plover": ..., "acled": ...}, in the order of EVENTS.md."""
    raw = json.loads((MODELS_DIR / "event_types.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def plover_of(event_type: str) -> str | None:
    return event_types()[event_type]["plover"]


def acled_of(event_type: str) -> str | None:
    return event_types()[event_type]["acled"]
