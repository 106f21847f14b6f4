"""crisis-events: CrisisWatch prose in, a Parquet table of dated events out.

For notebooks: ``from pipeline import read_events, explode_places, country_month_panel``
(pipeline.io.frames, imported when first used, so the command line starts without pandas).
"""

from __future__ import annotations

__version__ = "0.1.0"

_FRAMES = ("read_events", "read_entries", "explode_places", "country_month_panel")
__all__ = [*_FRAMES, "__version__"]


def __getattr__(name: str):
    if name in _FRAMES:
        from .io import frames

        return getattr(frames, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
