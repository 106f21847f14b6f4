"""Fuzzing: no input makes a reader or the date grammar raise; bad input only ever becomes a reject.

Each property runs a bounded number of generated examples (hypothesis), so the whole file takes
well under a minute in `make test`.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dates import DateResolver
from pipeline.io.ingest import read_inputs
from pipeline.records import Entry, Reject

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RESOLVER = DateResolver()


def _read(name: str, data: bytes) -> list[Entry | Reject]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        got = read_inputs([folder])
    for entry in got.entries:  # whatever was kept can be written: valid UTF-8 all through
        for value in (entry.country, entry.text, entry.source, entry.title or ""):
            value.encode("utf-8")
    return [*got.entries, *got.rejects]


@FUZZ
@given(data=st.binary(max_size=2_000), name=st.sampled_from(["a.jsonl", "a.json", "a.csv", "a.html"]))
def test_random_bytes_never_break_a_reader(data, name):
    _read(name, data)


@FUZZ
@given(data=st.binary(max_size=500))
def test_random_bytes_in_a_text_folder_never_break_it(data):
    _read("Mali/2022-08.txt", data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "country": JSON_VALUES,
        "month": JSON_VALUES | st.sampled_from(["2022-08", "0000-01", "9999-12", "2022-13"]),
        "text": JSON_VALUES,
        "entry_id": JSON_VALUES,
        "trend": JSON_VALUES,
    },
)


@FUZZ
@given(records=st.lists(FIELDS | JSON_VALUES, min_size=1, max_size=5))
def test_random_json_records_are_entries_or_rejects(records):
    lines = "\n".join(json.dumps(r) for r in records).encode("utf-8", "surrogatepass")
    items = _read("a.jsonl", lines)
    assert len(items) >= 1


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=5), max_size=5))
def test_random_csv_rows_are_entries_or_rejects(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["country", "month", "text"])
    writer.writerows(rows)
    _read("a.csv", buffer.getvalue().encode("utf-8", "surrogatepass"))


DATE_TOKENS = st.sampled_from(
    [
        "1",
        "3",
        "14",
        "31",
        "32",
        "0",
        "2022",
        "Jan",
        "January",
        "Sept",
        "mid-",
        "mid-month",
        "late",
        "early",
        "end",
        "-",
        "–",
        "/",
        ",",
        "and",
        "to",
        "between",
        "same day",
        "next day",
        "night of",
        "Ju-",
        "ly",
        "killed",
        "in",
        "(",
        ")",
        "month",
        "week",
        "since",
        "until",
        "2 Oct-",
        "1/2",
    ]
)


@FUZZ
@given(words=st.lists(DATE_TOKENS | st.text(max_size=6), max_size=25), month=st.integers(1, 12))
def test_the_date_grammar_never_raises(words, month):
    text = " ".join(words)
    for mention in RESOLVER.find(text, date(2022, month, 1)):
        assert 0 <= mention.start <= mention.end <= len(text)
