"""A map of an events table, drawn offline: country borders and coasts from basemap's bundled data.

Nothing is downloaded: basemap (the `map` extra) ships Natural Earth-derived
coastlines and borders at several resolutions. Events are coloured by type and
marked by precision (a town or city a dot, a region a square, a country a
cross). Events placed only at a country's point would pile up in one spot, so
they are drawn as one cross per country and type, sized by how many, with the
count written beside it. `--country` and `--type` filter; events without
coordinates are counted and reported, never silently dropped.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import pyarrow.parquet as pq  # noqa: E402
from mpl_toolkits.basemap import Basemap  # noqa: E402

from ..events import Taxonomy  # noqa: E402

#: width / height of the map window, close to the figure's
_ASPECT = 1.45
_MARKERS = {1: ("o", 60), 2: ("s", 45)}
_COLUMNS = ["event_type", "latitude", "longitude", "geo_precision", "event_iso3", "iso3", "country"]


@dataclass(frozen=True)
class Drawn:
    """What a map shows: events drawn, events of the filter without coordinates, events filtered out."""

    drawn: int
    without_coordinates: int
    filtered_out: int


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
    return (max(-180.0, x0), min(180.0, x1)), (max(-90.0, y0), min(90.0, y1))


def _wanted(row: dict, countries: set[str], types: set[str]) -> bool:
    if types and row["event_type"] not in types:
        return False
    if not countries:
        return True
    names = {row["event_iso3"], row["iso3"], (row["country"] or "").lower()}
    return bool(names & countries)


def draw(rows: list[dict], title: str | None = None) -> bytes:
    """The PNG of events with coordinates."""
    fig, ax = plt.subplots(figsize=(11, 7), dpi=110)
    if rows:
        (x0, x1), (y0, y1) = _window([r["longitude"] for r in rows], [r["latitude"] for r in rows])
    else:
        (x0, x1), (y0, y1) = (-180.0, 180.0), (-60.0, 85.0)
    span = max(x1 - x0, y1 - y0)
    resolution = "i" if span < 25 else "l" if span < 90 else "c"
    world = Basemap(
        projection="cyl", llcrnrlon=x0, llcrnrlat=y0, urcrnrlon=x1, urcrnrlat=y1, resolution=resolution, ax=ax
    )
    world.fillcontinents(color="#f1efe9", lake_color="#dbe7f0", zorder=0)
    world.drawmapboundary(fill_color="#dbe7f0", zorder=-1)
    world.drawcoastlines(linewidth=0.4, color="#777777", zorder=1)
    world.drawcountries(linewidth=0.6, color="#555555", zorder=1)
    colours = plt.get_cmap("tab20")
    for i, kind in enumerate(Taxonomy.from_models().types):
        points = [r for r in rows if r["event_type"] == kind]
        groups = [
            ([r for r in points if r["geo_precision"] == precision], marker, size, {})
            for precision, (marker, size) in _MARKERS.items()
        ]
        piles = Counter((r["longitude"], r["latitude"]) for r in points if r["geo_precision"] not in _MARKERS)
        groups += [
            ([{"longitude": x, "latitude": y}], "X", 40 + 25 * n, {"alpha": 0.6})
            for (x, y), n in piles.items()
        ]
        label = kind
        for chosen, marker, size, style in groups:
            if chosen:
                ax.scatter(
                    [r["longitude"] for r in chosen],
                    [r["latitude"] for r in chosen],
                    s=size,
                    marker=marker,
                    color=colours(i),
                    edgecolors="black" if marker != "X" else "none",
                    linewidths=0.3,
                    zorder=3,
                    label=label,
                    **{"alpha": 0.85, **style},
                )
                label = None  # one legend entry per type
    # one count per country point, all types together: the crosses of one point overlap
    totals = Counter((r["longitude"], r["latitude"]) for r in rows if r["geo_precision"] not in _MARKERS)
    for (lon, lat), count in totals.items():
        ax.annotate(
            str(count), (lon, lat), xytext=(7, 7), textcoords="offset points", fontsize=8, weight="bold"
        )
    ax.set_title(title or f"{len(rows)} events (● town/city, ■ region, ✖ country: count beside)")
    if rows:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, framealpha=0.9)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def draw_map(
    events_dir: Path,
    out: Path,
    title: str | None = None,
    countries: tuple[str, ...] = (),
    types: tuple[str, ...] = (),
) -> Drawn:
    """Draw the events of ``events_dir`` (filtered by country ISO3 or name, and by type) to ``out``."""
    table = pq.read_table(events_dir, columns=_COLUMNS).to_pylist()
    wanted_countries = {c.upper() if len(c) == 3 else c.lower() for c in countries}
    chosen = [r for r in table if _wanted(r, wanted_countries, set(types))]
    placed = [r for r in chosen if r["latitude"] is not None and r["longitude"] is not None]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(draw(placed, title))
    return Drawn(len(placed), len(chosen) - len(placed), len(table) - len(chosen))
