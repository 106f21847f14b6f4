"""The command line end to end, through the Prefect flow (no Prefect server configured)."""

from __future__ import annotations

import json
import shutil

import pandas as pd

from pipeline.cli import main


def test_run_processes_good_records_and_rejects_bad_ones(tmp_path, sample_path, fixtures, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(sample_path, raw / "kazakhstan.jsonl")
    (raw / "broken.jsonl").write_text(
        '{"country": "Mali", "month": "2022-13", "text": "x 2 Aug"}\nnot json\n', encoding="utf-8"
    )
    shutil.copy(fixtures / "crisiswatch_page.html", raw / "page.html")
    out = tmp_path / "processed"

    assert main(["run", str(raw), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "entries read: 12  extracted: 12  rejected: 3" in printed.out
    assert f"{raw / 'broken.jsonl'}:1: month '2022-13' is not YYYY-MM" in printed.err
    assert f"{raw / 'broken.jsonl'}:2: malformed JSON" in printed.err

    events = pd.read_parquet(out / "events")
    assert events.entry_id.nunique() == 12
    rejects = [json.loads(line) for line in (out / "rejects" / "rejects.jsonl").read_text().splitlines()]
    assert {r["line"] for r in rejects if r["source"].endswith("broken.jsonl")} == {1, 2}
    assert {"source", "line", "reason", "raw"} <= set(rejects[0])

    # nothing usable: exit status 2, and the rejects are still written
    assert main(["run", str(raw / "broken.jsonl"), "--out", str(tmp_path / "none")]) == 2
    assert len((tmp_path / "none" / "rejects" / "rejects.jsonl").read_text().splitlines()) == 2
    assert main(["run", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "none")]) == 2
    assert "missing.jsonl: no such file or directory" in capsys.readouterr().err


def test_eval_prints_scores(tmp_path, sample_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "entry_id": "kazakhstan-2022-11",
                "events": [
                    {
                        "type": "election",
                        "alt_types": [],
                        "date": "2022-11-20",
                        "date_end": None,
                        "precision": "day",
                        "actors": ["Kazakhs"],
                        "locations": [],
                        "fatalities": None,
                        "evidence": "Kazakhs 20 Nov headed to polls",
                    }
                ],
            }
        )
        + "\n"
    )
    out = tmp_path / "processed"
    assert main(["run", str(sample_path), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["eval", "--gold", str(gold), "--events", str(out / "events"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["events"]["gold"] == 1 and figures["events"]["tp"] == 1
    assert figures["actors"]["tp"] == 1
