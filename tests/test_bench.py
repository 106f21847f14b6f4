"""The benchmark's corpus builder (the benchmark itself prints figures; it is not a test)."""

from __future__ import annotations

import json
import re
import statistics

from pipeline.tools.bench import build_corpus, run_bench


def test_corpus_repeats_entries_with_fresh_ids_up_to_the_word_count(tmp_path, sample_path):
    path = tmp_path / "corpus.jsonl"
    entries, words = build_corpus([str(sample_path)], 5_000, path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == entries > 10
    assert words >= 5_000 and sum(len(r["text"].split()) for r in rows) == words
    assert len({r["entry_id"] for r in rows}) == len(rows)
    assert {r["country"] for r in rows} == {"Kazakhstan"} and all(len(r["month"]) == 7 for r in rows)


def test_rounds_measure_afresh_and_give_the_median_of_ratios_taken_within_a_round(sample_path, capsys):
    """A second round runs the full extraction again (not an incremental run with nothing to do)."""
    run_bench([str(sample_path)], [150], [1], bare=True, rounds=2)
    out = capsys.readouterr().out
    assert "round 2 of 2" in out
    events = [int(n) for n in re.findall(r"full run, 1 worker .*?, (\d+) events", out)]
    assert len(events) == 2 and events[0] == events[1] > 0
    ratios = [float(r) for r in re.findall(r"against bare spaCy +: ([\d.]+)", out)]
    median = re.search(
        r"full run, 1 worker against bare spaCy: median ([\d.]+) \(from ([\d.]+) to ([\d.]+)", out
    )
    assert median is not None and abs(float(median[1]) - statistics.median(ratios)) <= 0.01
    assert (float(median[2]), float(median[3])) == (min(ratios), max(ratios))
    # the model alone also with the full run's BLAS, so the pipeline's gain is told from the BLAS's
    assert len(re.findall(r"bare spaCy with numpy's BLAS nlp.pipe *: +\d+ words/s", out)) == 2
    assert len(re.findall(r"against bare spaCy with numpy's BLAS *: [\d.]+", out)) == 2
