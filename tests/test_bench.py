"""The benchmark's corpus builder (the benchmark itself prints figures; it is not a test)."""

from __future__ import annotations

import json

from pipeline.tools.bench import build_corpus


def test_corpus_repeats_entries_with_fresh_ids_up_to_the_word_count(tmp_path, sample_path):
    path = tmp_path / "corpus.jsonl"
    entries, words = build_corpus([str(sample_path)], 5_000, path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == entries > 10
    assert words >= 5_000 and sum(len(r["text"].split()) for r in rows) == words
    assert len({r["entry_id"] for r in rows}) == len(rows)
    assert {r["country"] for r in rows} == {"Kazakhstan"} and all(len(r["month"]) == 7 for r in rows)
