"""`crisis-events audit`: the gaps it ranks are the ones in the text."""

from __future__ import annotations

import json

from pipeline.tools.audit import run_audit


def test_audit_ranks_silent_clauses_dropped_triggers_and_unknown_heads(extractor, tmp_path, capsys):
    entries = tmp_path / "entries.jsonl"
    text = (
        "Govt 4 May extended curfew hours in capital for two months. "
        "Police 6 May detained ten activists who had protested in March. "
        "UNSC 9 May renewed mandate of peacekeeping mission."
    )
    entries.write_text(json.dumps({"country": "Chad", "month": "2021-05", "text": text}) + "\n")
    trace = run_audit([str(entries)], top=10, extractor=extractor)
    out = capsys.readouterr().out
    assert trace.dated_clauses == 3
    assert ("modifier of a noun", "curfew", "legislation") in trace.dropped  # 'curfew hours'
    assert ("inside a name", "march", "protest") in trace.dropped  # the month, not a march
    assert "renew" in trace.unknown and "extend" in trace.unknown
    assert "detain" not in trace.unknown  # a trigger of models/triggers.jsonl
    assert "renew" in out and "UNSC 9 May renewed mandate" in out  # examples quote the entry, dates unmasked


def test_audit_of_nothing_says_so(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert run_audit([str(empty)]).dated_clauses == 0
    assert "no entries" in capsys.readouterr().err


def test_audit_lists_a_trigger_of_a_dated_sentence_that_no_date_reaches(extractor, tmp_path):
    entries = tmp_path / "entries.jsonl"
    text = "Leader led thousands in ongoing weekly protests in Baghdad; police 3 May arrested ten."
    entries.write_text(json.dumps({"country": "Iraq", "month": "2023-05", "text": text}) + "\n")
    trace = run_audit([str(entries)], top=10, extractor=extractor)
    assert ("no date of its own or of its clause", "protest", "protest") in trace.dropped
