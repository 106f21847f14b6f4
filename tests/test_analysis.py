"""From a table to an analysis: the notebook API, exports, the report, eval on the shipped gold, the map."""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.cli import build_parser, main
from pipeline.io.ingest import read_inputs
from pipeline.tools.evaluate import gold_sets, score_set
from pipeline.tools.export import ACLED_COLUMNS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def processed(extractor, tmp_path_factory) -> Path:
    """processed/ with the events and entries of the shipped sample and of dev-world (abroad, deaths)."""
    out = tmp_path_factory.mktemp("clone") / "processed"
    entries = read_inputs([str(ROOT / "raw"), str(ROOT / "data/gold/dev-world/entries.jsonl")]).entries
    rows = extractor.rows(entries)
    for name, table in (("events", rows.events), ("entries", rows.entries)):
        (out / name).mkdir(parents=True)
        pq.write_table(table, out / name / "part-0.parquet")
    return out


def test_the_readme_notebook_snippet_runs(processed, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "country_month_panel" in b)
    monkeypatch.chdir(processed.parent)
    scope: dict = {}
    exec(snippet, scope)
    events, panel = scope["events"], scope["panel"]
    assert str(events.event_date.dtype).startswith("datetime64")
    assert str(events.fatalities.dtype) == "Int32" and isinstance(
        events.event_type.dtype, pd.CategoricalDtype
    )
    assert len(scope["by_type"]) == 15  # every type of the codebook, zeros included
    assert len(scope["almaty"]) > 0 and (scope["almaty"].place_iso3 == "KAZ").all()
    assert panel.loc[("KAZ", pd.Period("2022-01", "M")), "events"] > 0
    assert panel["covered"].any() and set(panel.index.names) == {"iso3", "month"}


def test_the_panel_counts_each_toll_once_and_keeps_covered_quiet_months(processed):
    from pipeline import country_month_panel, read_entries, read_events

    events = read_events(processed)
    panel = country_month_panel(events, read_entries(processed))
    occurred = events[events.event_status == "occurred"]
    assert panel["fatalities"].sum() == occurred["fatalities"].sum()
    assert panel["events"].sum() == len(occurred[occurred.event_date.notna()])
    quiet = panel[panel["covered"] & (panel["events"] == 0)]
    assert quiet.empty or (quiet["fatalities"] == 0).all()


def test_export_acled_has_acleds_columns_and_conventions(processed, tmp_path, capsys):
    out = tmp_path / "acled.csv"
    assert (
        main(["export", "--format", "acled", "--events", str(processed / "events"), "--out", str(out)]) == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert {r["event_type"] for r in rows} <= {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }  # fmt: skip
    assert all(r["time_precision"] in ("1", "2", "3") and r["fatalities"].isdigit() for r in rows)
    assert all(r["region"] and r["iso"].isdigit() and r["latitude"] for r in rows)
    assert "exported" in capsys.readouterr().err


def test_export_plover_is_json_lines_with_plovers_fields(processed, capsys):
    assert main(["export", "--format", "plover", "--events", str(processed / "events")]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all({"id", "date", "source", "event", "event_loc"} <= set(r) for r in records)
    releases = [r for r in records if r["event"] == ["CONCEDE"]]
    assert all(r["quad_code"] == 1 for r in releases)


def test_export_csv_is_the_whole_table_flat(processed, capsys):
    assert main(["export", "--events", str(processed / "events")]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(table) == pq.read_metadata(next((processed / "events").glob("*.parquet"))).num_rows
    assert table["places"].map(lambda text: isinstance(json.loads(text), list)).all()


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs, self.ids, self.srcs = [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])


def test_report_is_self_contained_and_every_event_links_to_its_evidence(processed, tmp_path):
    assert main(["report", "--events", str(processed / "events"), "--out", str(tmp_path)]) == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(page)
    assert links.srcs and all(src.startswith("data:image/png;base64,") for src in links.srcs)
    assert not re.search(r"""(src|href)=["']https?:""", page)  # nothing fetched from the network
    events = pq.read_table(processed / "events", columns=["event_id"]).column("event_id").to_pylist()
    assert {f"#e-{e}" for e in events} <= set(links.hrefs)
    assert all(h[1:] in links.ids for h in links.hrefs if h.startswith("#"))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no headless Chromium on this machine")
def test_report_renders_in_a_headless_browser(processed, tmp_path):
    main(["report", "--events", str(processed / "events"), "--out", str(tmp_path)])
    shot = tmp_path / "report.png"
    subprocess.run(
        [ROOT / ".venv/bin/python" if (ROOT / ".venv/bin/python").exists() else "python",
         ROOT / "scripts/check_report.py", tmp_path / "report.html", shot],
        check=True, timeout=120,
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_eval_on_the_shipped_gold_runs_from_a_clone(capsys):
    assert set(gold_sets()) == {"dev", "dev-world", "dev-world2"}
    assert main(["eval", "--set", "dev"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"^events\s+0\.\d+\s+0\.\d+\s+0\.\d+\s+\d+/\d+/73$", printed, re.M)
    assert "reliability of confidence" in printed


@pytest.mark.parametrize("name", ["dev", "dev-world"])
def test_confidence_separates_right_rows_from_wrong(extractor, name):
    report = score_set(gold_sets()[name], extractor)
    high = [right for p, right in report.outcomes if p["confidence"] >= 0.8]
    low = [right for p, right in report.outcomes if p["confidence"] < 0.8]
    assert len(high) >= 20 and sum(high) / len(high) >= 0.8
    assert not low or sum(low) / len(low) < sum(high) / len(high)


def test_eval_against_gold_that_matches_no_entry_is_an_error(processed, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"entry_id": "nowhere-2020-01", "events": []}) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--events", str(processed / "events")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none of the 1 entries" in err


def test_malformed_gold_is_one_line_naming_file_and_line(processed, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"entry_id": "kazakhstan-2022-01", "events": []}\n{not json\n', encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--events", str(processed / "events")]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"error: {gold}:2: malformed JSON: Expecting property name enclosed in double quotes"
    )


def test_every_option_of_every_command_has_help_text():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, command in commands.items():
        for action in command._actions:
            if action.dest != "help":
                assert action.help, f"crisis-events {name} {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("command", [["map"], ["report"]])
def test_a_missing_optional_dependency_is_one_line(processed, monkeypatch, capsys, command):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    for name in ("pipeline.tools.mapping", "pipeline.tools.report"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert main([*command, "--events", str(processed / "events")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "crisis-events[map]" in err


def test_the_map_filters_marks_precision_and_reports_what_it_left_out(processed, tmp_path, capsys):
    out = tmp_path / "map.png"
    args = [
        "map",
        "--events",
        str(processed / "events"),
        "--out",
        str(out),
        "--country",
        "KAZ",
        "--type",
        "protest",
    ]
    assert main(args) == 0
    printed = capsys.readouterr().out
    drawn, missing, outside = map(int, re.findall(r"(\d+) (?:events drawn|without|outside)", printed))
    total = pq.read_metadata(next((processed / "events").glob("*.parquet"))).num_rows
    assert drawn > 0 and drawn + missing + outside == total
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_exports_of_an_empty_table_keep_their_header(extractor, tmp_path, capsys):
    from datetime import date

    from pipeline.records import Entry

    rows = extractor.rows([Entry("x-2020-01", "Chad", date(2020, 1, 1), "Nothing dated happened here.")])
    (tmp_path / "events").mkdir()
    pq.write_table(rows.events, tmp_path / "events" / "part-0.parquet")
    for fmt, first in (("acled", "event_id_cnty,"), ("csv", "event_id,")):
        assert main(["export", "--format", fmt, "--events", str(tmp_path / "events")]) == 0
        assert capsys.readouterr().out.startswith(first)
