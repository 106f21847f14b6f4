"""The tables a notebook sees: one pyarrow schema each, every column documented once.

The writer (pipeline.store), the README's column table (`crisis-events
columns`) and the tests all read these schemas; nothing else defines a column.
"""

from __future__ import annotations

import pyarrow as pa


def _field(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


PLACE = pa.struct(
    [
        pa.field("name", pa.string()),
        pa.field("matched", pa.string()),
        pa.field("geonameid", pa.int64()),
        pa.field("iso3", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin1_code", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int8()),
    ]
)

EVENTS = pa.schema(
    [
        _field(
            "event_id",
            pa.string(),
            "Stable id: hash of entry_id, type, dates and evidence offsets; the same on every re-run.",
            False,
        ),
        _field("entry_id", pa.string(), "The entry the event comes from (joins processed/entries).", False),
        _field("country", pa.string(), "The entry's country heading as CrisisWatch writes it."),
        _field(
            "iso3",
            pa.string(),
            "ISO 3166-1 alpha-3 code of the entry's country (composite headings: see README).",
        ),
        _field(
            "event_iso3",
            pa.string(),
            (
                "ISO 3166-1 alpha-3 code of the country where the event happened: its most precise "
                "place's, else the entry's (for a heading that is no country, the country its sentence "
                "or the entry names)."
            ),
        ),
        _field("entry_month", pa.date32(), "First day of the entry's month."),
        _field(
            "event_type",
            pa.string(),
            "One of the 15 types of docs/CODEBOOK.md section 2 (protest, attack, detention, ...).",
            False,
        ),
        _field(
            "disorder_type",
            pa.string(),
            (
                "ACLED's disorder type, coded from the event: Political violence, Demonstrations, "
                "'Political violence; Demonstrations', Strategic developments; null where ACLED codes "
                "no such event (elections, statements, summits, trials, appointments, legislation, "
                "sanctions, displacement)."
            ),
        ),
        _field(
            "acled_event_type",
            pa.string(),
            (
                "ACLED event type, coded from the event (an air strike is Explosions/Remote violence, "
                "an attack on soldiers Battles); null where ACLED has no counterpart."
            ),
        ),
        _field(
            "acled_sub_event_type",
            pa.string(),
            (
                "One of ACLED's 25 sub-event types (Armed clash, Air/drone strike, Arrests, Peaceful "
                "protest ...), from the event's trigger, evidence words and actor types "
                "(models/coding.json); null where acled_event_type is."
            ),
        ),
        _field(
            "civilian_targeting",
            pa.bool_(),
            (
                "ACLED's civilian targeting: true when civilians are the primary target of political "
                "violence; null for events that are not political violence."
            ),
        ),
        _field(
            "plover",
            pa.string(),
            (
                "PLOVER category, coded from what happened (a release CONCEDE, a threat THREATEN, a "
                "demand DEMAND, criticism DISAPPROVE, praise SUPPORT); null for events PLOVER does not "
                "code (elections, appointments, plain comments)."
            ),
        ),
        _field(
            "plover_mode",
            pa.string(),
            (
                "PLOVER mode where its codebook defines one for the category (PROTEST: demo, riot, "
                "boycott, hunger, obstruct; ASSAULT: firearms, explosives, heavy-weapons ...; COERCE: "
                "arrest, deport, ban ...)."
            ),
        ),
        _field("event_date", pa.date32(), "First day of the event (null when the text gives no date)."),
        _field("event_date_end", pa.date32(), "Last day of the event; equals event_date for a single day."),
        _field(
            "date_precision",
            pa.string(),
            "day, range, part_of_month, month, year or none; only the first three are gold-comparable.",
        ),
        _field(
            "event_status",
            pa.string(),
            (
                "occurred (in the entry's month), scheduled (a later day, or set for a day: 'elections "
                "set for 7 Oct'), ongoing (began before the month and runs into it: 'detained since "
                "Sept'), earlier (a named day before the month, told again: 'suspects in 26 July "
                "bombing'). Keep 'occurred' for what happened in the month."
            ),
            False,
        ),
        _field("date_text", pa.string(), 'The date expression as written ("20 Nov", "same day").'),
        _field(
            "trigger",
            pa.string(),
            'The word or phrase that signals the event ("detained", "headed to polls").',
        ),
        _field(
            "actors",
            pa.list_(pa.string()),
            "Who did it and to whom, as written, titles removed: actor1 and actor2 together.",
        ),
        _field(
            "actor1",
            pa.list_(pa.string()),
            (
                "The side that acts (ACLED actor1, PLOVER source): attacker, arresting authority, "
                "speaker, court, protesters, the side named first in a clash, talks or agreement."
            ),
        ),
        _field(
            "actor2",
            pa.list_(pa.string()),
            (
                "The side acted on or the counterpart (ACLED actor2, PLOVER target): victims, "
                "detainees, the one criticised or appointed, the other side."
            ),
        ),
        _field(
            "actor1_type",
            pa.int8(),
            (
                "ACLED's inter code of actor1's first name (of the first name after it that has one, "
                "when its own words give none): 1 state forces, 2 rebel groups, "
                "3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, "
                "8 external/other forces; null when actor1 is empty or its kind is unknown."
            ),
        ),
        _field("actor2_type", pa.int8(), "ACLED's inter code of actor2's first name (as actor1_type)."),
        _field(
            "interaction",
            pa.int8(),
            (
                "ACLED's interaction code: the two inter codes, lower first (17: state forces and "
                "civilians); a side's code times ten when only one side is typed (60: protesters "
                "alone); null when neither is."
            ),
        ),
        _field(
            "actor1_name",
            pa.string(),
            (
                "One name for actor1's first name, the same wherever the entry names it: abbreviations "
                "spelled out ('BH' -> 'Boko Haram'), known aliases to one name; group by this."
            ),
        ),
        _field("actor2_name", pa.string(), "One name for actor2's first name (as actor1_name)."),
        _field("locations", pa.list_(pa.string()), "Named places where it happened, as written."),
        _field("latitude", pa.float64(), "Latitude of the most precise resolved location (WGS84)."),
        _field("longitude", pa.float64(), "Longitude of the most precise resolved location (WGS84)."),
        _field(
            "admin1",
            pa.string(),
            (
                "First-level region of the most precise resolved location, in one style: its ISO "
                "3166-2 name without the generic word ('Plateau', 'Aqtöbe'), else GeoNames' name likewise."
            ),
        ),
        _field("admin1_code", pa.string(), "ISO 3166-2 code of admin1 (NG-PL, KZ-15), where it has one."),
        _field(
            "geo_precision",
            pa.int8(),
            (
                "1 town or city, 2 region, 3 country (as ACLED's geo_precision); the "
                "entry's country when no place resolved."
            ),
        ),
        _field(
            "places",
            pa.list_(PLACE),
            (
                "Every resolved location: name as written, matched gazetteer name, geonameid, iso3, "
                "admin1, admin1_code, latitude, longitude, geo_precision."
            ),
        ),
        _field(
            "fatalities",
            pa.int32(),
            'Deaths the text states for this event; null when none is stated or it is vague ("dozens").',
        ),
        _field(
            "fatalities_cumulative",
            pa.bool_(),
            (
                "True when the clause gives a running total ('over 300 killed since Oct', 'so far "
                "this year'): the total is left out of fatalities (read it in the evidence); "
                "fatalities holds only the event's own deaths, or null."
            ),
            False,
        ),
        _field(
            "incident_id",
            pa.string(),
            (
                "Shared by the events that tell one incident (a clash and the killings in it, a riot "
                "and the shooting of rioters); a death toll is on one event of it only, so "
                "sum(fatalities) counts each toll once."
            ),
            False,
        ),
        _field(
            "fatalities_qualifier",
            pa.string(),
            "How the count was qualified: exact, at_least, over, up_to, around.",
        ),
        _field("evidence", pa.string(), "The clause or sentence that states the event.", False),
        _field("char_start", pa.int32(), "Offset of the evidence's first character in the entry text."),
        _field("char_end", pa.int32(), "Offset just past the evidence's last character in the entry text."),
        _field("confidence", pa.float32(), "0-1: how sure the extractor is of type and date together."),
        _field("pipeline_version", pa.string(), "Version of crisis-events that produced the row."),
    ]
)

ENTRIES = pa.schema(
    [
        _field(
            "entry_id",
            pa.string(),
            "Given id, else <country-slug>-<YYYY-MM> with -2, -3 ... for repeats.",
            False,
        ),
        _field("country", pa.string(), "Country heading as written."),
        _field(
            "iso3", pa.string(), "ISO 3166-1 alpha-3 code of the country (composite headings: see README)."
        ),
        _field("month", pa.date32(), "First day of the entry's month."),
        _field("title", pa.string(), "The entry's summary line, where the input has one."),
        _field(
            "trend",
            pa.string(),
            (
                "CrisisWatch's trend arrow: deteriorated, improved, unchanged, "
                "conflict-risk-alert, resolution-opportunity."
            ),
        ),
        _field("url", pa.string(), "Where the entry was published, if given."),
        _field("text", pa.string(), "The entry's text as read."),
        _field(
            "content_hash", pa.string(), "Hash of country, month and text: what the incremental run compares."
        ),
        _field("n_events", pa.int32(), "Events extracted from this entry."),
        _field("source", pa.string(), "File (and line) the entry was read from when it was last extracted."),
        _field("processed_at", pa.timestamp("us", tz="UTC"), "When this entry was extracted."),
    ]
)

REJECTS = pa.schema(
    [
        _field("source", pa.string(), "File the record came from."),
        _field("line", pa.int32(), "Line (1-based) of the record in that file, where it has one."),
        _field("reason", pa.string(), "Why it was rejected."),
        _field("raw", pa.string(), "The record's content as read (invalid bytes escaped)."),
    ]
)


def as_table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table of ``schema``, built column by column; a key a row lacks is null.

    ``pa.Table.from_pylist`` reads the rows one by one and took four times as long (0.21 s against
    0.05 s for the 4,509 events of 100,000 words).
    """
    return pa.Table.from_pydict({f.name: [row.get(f.name) for row in rows] for f in schema}, schema=schema)


def describe(schema: pa.Schema) -> list[tuple[str, str, str]]:
    """(name, type, description) rows, for the README and `crisis-events columns`."""
    return [(f.name, str(f.type), f.metadata[b"description"].decode()) for f in schema]
