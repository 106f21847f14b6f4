"""A map of an events table, drawn offline with matplotlib.

No basemap can be downloaded here, so the land is drawn from the gazetteer
itself: every place of 15,000 people or more as a faint dot, which outlines
where people live. Events are coloured by type, sized by precision (a town
is a large dot, a country centroid a small cross).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import pyarrow.parquet as pq  # noqa: E402

from ..events import Taxonomy  # noqa: E402
from ..geo import gazetteer  # noqa: E402

#: width / height of the map window, close to the figure's
_ASPECT = 1.45


def _window(lons: list[float], lats: list[float]) -> tuple[tuple[float, float], tuple[float, float]]:
    """A window around the points with a margin, widened or heightened to a map-like shape."""
    x0, x1, y0, y1 = min(lons) - 3, max(lons) + 3, min(lats) - 3, max(lats) + 3
    width, height = x1 - x0, y1 - y0
    if width / height > _ASPECT:
        grow = (width / _ASPECT - height) / 2
        y0, y1 = y0 - grow, y1 + grow
    else:
        grow = (height * _ASPECT - width) / 2
        x0, x1 = x0 - grow, x1 + grow
    return (x0, x1), (max(-90.0, y0), min(90.0, y1))


def draw_map(events_dir: Path, out: Path, title: str | None = None) -> int:
    """Draw the events with coordinates to ``out`` (PNG); returns how many were drawn."""
    rows = [
        r
        for r in pq.read_table(
            events_dir, columns=["event_type", "latitude", "longitude", "geo_precision"]
        ).to_pylist()
        if r["latitude"] is not None
    ]
    fig, ax = plt.subplots(figsize=(11, 7), dpi=110)
    background = gazetteer.load().background
    ax.scatter(
        [lon for _, lon in background],
        [lat for lat, _ in background],
        s=1.2,
        c="#c4c4c4",
        linewidths=0,
        zorder=1,
    )
    colours = plt.get_cmap("tab20")
    for i, kind in enumerate(Taxonomy.from_models().types):
        points = [r for r in rows if r["event_type"] == kind]
        if not points:
            continue
        for precision, marker, size in ((1, "o", 60), (2, "s", 40), (3, "x", 30)):
            chosen = [r for r in points if r["geo_precision"] == precision]
            if chosen:
                ax.scatter(
                    [r["longitude"] for r in chosen],
                    [r["latitude"] for r in chosen],
                    s=size,
                    marker=marker,
                    color=colours(i),
                    alpha=0.8,
                    zorder=3,
                    label=kind if precision == min(r["geo_precision"] for r in points) else None,
                )
    if rows:
        ax.set_xlim(*_window([r["longitude"] for r in rows], [r["latitude"] for r in rows])[0])
        ax.set_ylim(*_window([r["longitude"] for r in rows], [r["latitude"] for r in rows])[1])
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_title(title or f"{len(rows)} events (o town/city, ■ region, × country)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, framealpha=0.9)
    ax.set_aspect("equal", adjustable="box")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return len(rows)
