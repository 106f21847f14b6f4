"""The two tables: every documented column present, proper dtypes in pandas."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.io import schema, store
from pipeline.io.ingest import read_inputs


@pytest.fixture(scope="module")
def written(tmp_path_factory, sample_path, extractor):
    out = tmp_path_factory.mktemp("processed")
    rows = extractor.rows(read_inputs([sample_path]).entries)
    store.write_table(rows.events.to_pylist(), schema.EVENTS, out / store.EVENTS_FILE)
    store.write_table(rows.entries.to_pylist(), schema.ENTRIES, out / store.ENTRIES_FILE)
    return out


def test_rows_become_the_table_pyarrow_builds_row_by_row(sample_path, extractor):
    import pyarrow as pa

    from pipeline.io.rows import event_rows

    entries = read_inputs([sample_path]).entries[:5]
    rows = [
        row for item in extractor.extract(entries) for row in event_rows(item.entry, item.events, "KAZ", "v")
    ]
    rows[0].pop("fatalities")  # a key a row lacks is null
    assert len(rows) > 10
    built = schema.as_table(rows, schema.EVENTS)
    assert built.equals(pa.Table.from_pylist(rows, schema=schema.EVENTS))
    assert built.column("fatalities")[0].as_py() is None


def test_every_column_is_documented():
    for table in (schema.EVENTS, schema.ENTRIES, schema.REJECTS):
        for name, _, doc in schema.describe(table):
            assert len(doc) > 15, name


def test_events_table_has_the_schema_and_pandas_dtypes(written):
    assert pq.read_schema(written / "events" / "events.parquet").names == schema.EVENTS.names
    events = pd.read_parquet(written / "events")
    assert len(events) > 40 and set(events.entry_id) == {
        f"kazakhstan-{m}"
        for m in (
            "2023-11",
            "2022-11",
            "2022-09",
            "2022-06",
            "2022-01",
            "2021-02",
            "2021-01",
            "2020-12",
            "2020-11",
            "2020-09",
        )
    }
    assert isinstance(events.event_date.dropna().iloc[0], dt.date)
    assert list(events.actors.iloc[0]) == list(events.actors.iloc[0])  # list-like cells
    assert events.fatalities.dtype.name in ("Int32", "float64", "int32", "object")
    assert events.event_id.is_unique
    assert events.event_type.isin(
        [
            "protest",
            "riot",
            "armed_clash",
            "attack",
            "detention",
            "trial",
            "election",
            "summit",
            "agreement",
            "legislation",
            "appointment",
            "statement",
            "sanction",
            "military",
            "displacement",
        ]
    ).all()


def test_evidence_offsets_point_into_the_entry_text(written):
    events = pd.read_parquet(written / "events")
    entries = pd.read_parquet(written / "entries").set_index("entry_id")
    for row in events.itertuples():
        assert entries.loc[row.entry_id, "text"][row.char_start : row.char_end] == row.evidence


def test_entries_table(written):
    entries = pd.read_parquet(written / "entries")
    assert pq.read_schema(written / "entries" / "entries.parquet").names == schema.ENTRIES.names
    assert len(entries) == 10 and (entries.n_events > 0).all()
    assert entries.content_hash.str.len().eq(16).all()
    assert str(entries.processed_at.dtype).startswith("datetime64")


def test_arrow_backend_gives_python_lists_and_date32(written):
    events = pd.read_parquet(written / "events", dtype_backend="pyarrow")
    assert str(events.event_date.dtype) == "date32[day][pyarrow]"
    assert events.actors.dtype.pyarrow_dtype.value_type == "string"
