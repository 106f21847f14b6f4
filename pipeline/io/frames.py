"""The tables as typed pandas frames, for notebooks: no glue code between the Parquet and an analysis.

``pd.read_parquet`` gives dates as objects, fatalities as floats and types as
strings; `read_events` gives dates as ``datetime64``, counts as nullable
integers (``Int32``, ``Int8``) and the coded columns as categoricals with every
category of the codebook, so a count by type shows the types that did not occur.
`explode_places` flattens the ``places`` list (one row per resolved place) to find
events in a city or region; `country_month_panel` is the country-month table a
conflict model starts from, with the months that have an entry as coverage (a
month without an entry is unknown, not zero).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..events.status import STATUSES
from ..resources import read_json

_DATES = ("event_date", "event_date_end", "entry_month")
_COUNTS = {
    "fatalities": "Int32",
    "actor1_type": "Int8",
    "actor2_type": "Int8",
    "interaction": "Int8",
    "geo_precision": "Int8",
}
_CODED = ("disorder_type", "acled_event_type", "acled_sub_event_type", "plover", "plover_mode")


def _table(path: str | Path, name: str) -> Path:
    """``processed/`` (the folder holding ``<name>/``) or the table's own folder or file."""
    path = Path(path)
    folder = path / name if (path / name).is_dir() else path
    if not folder.exists():
        raise FileNotFoundError(f"{folder}: no {name} table here (run `crisis-events run` first)")
    return folder


def read_events(path: str | Path = "processed", occurred_only: bool = False) -> pd.DataFrame:
    """The events table, typed; ``occurred_only`` keeps what happened in the entry's month."""
    events = pd.read_parquet(_table(path, "events"))
    for column in _DATES:
        events[column] = pd.to_datetime(events[column])
    for column, dtype in _COUNTS.items():
        events[column] = events[column].astype(dtype)
    events["event_type"] = pd.Categorical(
        events["event_type"], categories=list(read_json("event_types.json"))
    )
    events["event_status"] = pd.Categorical(events["event_status"], categories=list(STATUSES))
    for column in _CODED:
        events[column] = events[column].astype("category")
    if occurred_only:
        events = events[events["event_status"] == "occurred"]
    return events.reset_index(drop=True)


def read_entries(path: str | Path = "processed") -> pd.DataFrame:
    """The entries table, with the month as ``datetime64``."""
    entries = pd.read_parquet(_table(path, "entries"))
    entries["month"] = pd.to_datetime(entries["month"])
    return entries


def explode_places(events: pd.DataFrame) -> pd.DataFrame:
    """One row per resolved place of each event, its fields as ``place_*`` columns; events with no
    resolved place keep one row with empty place columns (nothing is dropped)."""
    rows = events.explode("places", ignore_index=True)
    fields = pd.json_normalize([p if isinstance(p, dict) else {} for p in rows["places"]]).add_prefix(
        "place_"
    )
    return pd.concat([rows.drop(columns="places"), fields], axis=1)


def country_month_panel(events: pd.DataFrame, entries: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events and deaths per country and month, with a column per event type.

    Counted by the country where each event happened (``event_iso3``) and the month of its
    date, events that occurred only. With ``entries``, every country-month an entry covers is a
    row (zeros where nothing happened) and ``covered`` says which months had an entry.
    """
    done = events[(events["event_status"] == "occurred") & events["event_date"].notna()]
    keys = [done["event_iso3"].rename("iso3"), done["event_date"].dt.to_period("M").rename("month")]
    panel = done.groupby(keys, observed=True).agg(
        events=("event_id", "size"), fatalities=("fatalities", lambda s: s.sum(min_count=0))
    )
    by_type = done.groupby([*keys, done["event_type"]], observed=False).size().unstack(fill_value=0)
    panel = panel.join(by_type, how="left")
    if entries is not None:
        covered = pd.MultiIndex.from_arrays(
            [entries["iso3"], pd.to_datetime(entries["month"]).dt.to_period("M")], names=["iso3", "month"]
        ).unique()
        panel = panel.reindex(panel.index.union(covered))
        panel["covered"] = panel.index.isin(covered)
    counts = [c for c in panel.columns if c != "covered"]
    panel[counts] = panel[counts].fillna(0).astype("Int64")
    return panel.sort_index()
