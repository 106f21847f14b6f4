"""Every input format, and every kind of bad input named in the issue."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.io.ingest import read_inputs, slugify

TEXT = "Kazakhs 20 Nov headed to polls; police detained protesters in Almaty city."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_sample_reads_all_ten_entries(sample_path):
    got = read_inputs([sample_path])
    assert len(got.entries) == 10 and not got.rejects
    first = got.entries[0]
    assert first.entry_id == "kazakhstan-2023-11"
    assert first.month == date(2023, 11, 1)
    assert first.title.startswith("France’s president sought")


def test_jsonl_keeps_optional_fields_and_ignores_others(tmp_path):
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {
                "country": "Mali",
                "month": "2022-08",
                "text": TEXT,
                "trend": "Deteriorated",
                "url": "https://x",
                "extra": 1,
            }
        ),
    )
    (entry,) = read_inputs([path]).entries
    assert (entry.country, entry.month, entry.trend, entry.url) == (
        "Mali",
        date(2022, 8, 1),
        "deteriorated",
        "https://x",
    )
    assert entry.entry_id == "mali-2022-08"


def test_generated_ids_get_a_suffix_for_a_second_entry_of_the_same_month(tmp_path):
    rec = {"country": "Israel/Palestine", "month": "2004-02", "text": TEXT}
    path = write(tmp_path / "a.jsonl", jsonl(rec, rec, {**rec, "entry_id": "given-id"}))
    assert [e.entry_id for e in read_inputs([path]).entries] == [
        "israel-palestine-2004-02",
        "israel-palestine-2004-02-2",
        "given-id",
    ]


def test_csv_with_quoted_multiline_text(tmp_path):
    path = write(
        tmp_path / "a.csv",
        'country,month,text,title\nMali,2022-08,"Line one 7 Aug.\nLine two, with comma.",T\n'
        'Niger,2023-07,"Coup 26 July.",\n',
    )
    got = read_inputs([path])
    assert [e.country for e in got.entries] == ["Mali", "Niger"]
    assert got.entries[0].text == "Line one 7 Aug.\nLine two, with comma."
    assert got.entries[1].line == 4


def test_txt_folder_layout(tmp_path):
    write(tmp_path / "entries" / "burkina-faso" / "2017-10.txt", "Assailants attacked Djibo 2 Oct.")
    write(tmp_path / "entries" / "Kazakhstan" / "2022-11.txt", TEXT)
    got = read_inputs([tmp_path / "entries"])
    assert sorted((e.country, e.month.isoformat()) for e in got.entries) == [
        ("Burkina Faso", "2017-10-01"),
        ("Kazakhstan", "2022-11-01"),
    ]


def test_saved_crisiswatch_html_page(fixtures):
    got = read_inputs([fixtures / "crisiswatch_page.html"])
    burkina, kazakhstan = got.entries
    assert (burkina.country, burkina.month, burkina.trend) == (
        "Burkina Faso",
        date(2017, 10, 1),
        "deteriorated",
    )
    assert burkina.title == "Attacks continued in north against security forces and civilians."
    assert "Nassoumbou 2 Oct" in burkina.text and burkina.url.startswith("https://")
    assert (kazakhstan.trend, kazakhstan.month) == ("unchanged", date(2022, 11, 1))
    (reject,) = got.rejects
    assert "Smarch 2022" in reject.reason and reject.line is not None


def test_mixed_inputs_in_one_call(tmp_path, sample_path, fixtures):
    csv_path = write(tmp_path / "b.csv", "country,month,text\nMali,2022-08,Text 7 Aug.\n")
    got = read_inputs([sample_path, csv_path, fixtures / "crisiswatch_page.html"])
    assert len(got.entries) == 13


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.jsonl", "", "empty file"),
        ("bad.jsonl", '{"country": "Mali", "month": "2022-08", "text": "x"\n', "malformed JSON"),
        (
            "month13.jsonl",
            jsonl({"country": "Mali", "month": "2022-13", "text": TEXT}),
            "month '2022-13' is not YYYY-MM",
        ),
        (
            "words.jsonl",
            jsonl({"country": "Mali", "month": "Nov 2022", "text": TEXT}),
            "month 'Nov 2022' is not YYYY-MM",
        ),
        (
            "blank.jsonl",
            jsonl({"country": "Mali", "month": "2022-08", "text": "   "}),
            "missing or empty field(s): text",
        ),
        ("nocol.csv", "country,text\nMali,Some text\n", "CSV lacks required column(s): month"),
        ("array.jsonl", "[1, 2]\n", "expected an object"),
    ],
)
def test_bad_input_is_rejected_with_file_line_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    good = write(tmp_path / "good.jsonl", jsonl({"country": "Mali", "month": "2022-08", "text": TEXT}))
    got = read_inputs([path, good])
    assert len(got.entries) == 1, "the good file is still read"
    assert any(reason in r.reason for r in got.rejects), [r.reason for r in got.rejects]
    message = got.rejects[0].message()
    assert message.startswith(str(path))


def test_malformed_line_does_not_sink_its_neighbours(tmp_path):
    lines = (
        jsonl({"country": "Mali", "month": "2022-08", "text": TEXT})
        + "{oops\n"
        + jsonl({"country": "Chad", "month": "2022-08", "text": TEXT})
    )
    got = read_inputs([write(tmp_path / "a.jsonl", lines)])
    assert [e.country for e in got.entries] == ["Mali", "Chad"]
    (reject,) = got.rejects
    assert reject.line == 2 and reject.message().startswith(f"{tmp_path / 'a.jsonl'}:2: malformed JSON")
    assert reject.raw == "{oops"


def test_invalid_utf8_rejects_only_its_record(tmp_path):
    good = json.dumps({"country": "Mali", "month": "2022-08", "text": TEXT}).encode()
    bad = b'{"country": "Chad", "month": "2022-08", "text": "caf\xe9 \xff"}'
    got = read_inputs([write(tmp_path / "a.jsonl", good + b"\n" + bad + b"\n")])
    assert [e.country for e in got.entries] == ["Mali"]
    (reject,) = got.rejects
    assert reject.line == 2 and "invalid UTF-8" in reject.reason
    assert "\\udce9" in reject.raw or "\\xe9" in reject.raw


def test_missing_path(tmp_path):
    got = read_inputs([tmp_path / "nope.jsonl"])
    assert not got.entries and got.rejects[0].reason == "no such file or directory"


def test_duplicate_given_id_is_rejected_not_merged(tmp_path):
    rec = {"entry_id": "e1", "country": "Mali", "month": "2022-08", "text": TEXT}
    got = read_inputs([write(tmp_path / "a.jsonl", jsonl(rec, rec))])
    assert len(got.entries) == 1 and "duplicate entry_id 'e1'" in got.rejects[0].reason


def test_slugify_composite_headings():
    assert slugify("Russia (Internal)") == "russia-internal"
    assert slugify("Armenian-Azerbaijani Conflict") == "armenian-azerbaijani-conflict"
