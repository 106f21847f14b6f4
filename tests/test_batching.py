"""Cutting a run's entries into extraction tasks, on the real unlabeled entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.batching import plan_batches
from pipeline.io.ingest import read_inputs


@pytest.fixture(scope="module")
def entries():
    return read_inputs([str(Path(__file__).resolve().parent.parent / "data" / "unlabeled.jsonl")]).entries


def words(batch) -> int:
    return sum(entry.words for entry in batch)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_batches_keep_every_entry_in_order_in_a_multiple_of_the_workers(entries, workers):
    total = words(entries)
    batches = plan_batches(entries, workers=workers, task_words=total // 5)
    assert [e.entry_id for batch in batches for e in batch] == [e.entry_id for e in entries]
    assert len(batches) % workers == 0
    assert len(batches) >= 6  # five shares' worth of words do not fit in five tasks of a fifth
    assert all(words(batch) <= total // 5 + 2 * max(e.words for e in batch) for batch in batches)


def test_batches_share_the_words_evenly_not_the_entries(entries):
    batches = plan_batches(entries, workers=2, task_words=words(entries) // 3)
    share = words(entries) / len(batches)
    longest = max(e.words for e in entries)
    assert len(batches) == 4
    assert all(abs(words(batch) - share) <= longest for batch in batches)
    assert len({len(batch) for batch in batches}) > 1  # the entries' lengths differ, so their counts do


def test_a_small_run_is_one_task_per_worker_at_most(entries):
    assert len(plan_batches(entries[:3], workers=1)) == 1
    assert 1 < len(plan_batches(entries[:3], workers=4)) <= 3
    assert plan_batches([], workers=2) == []


def test_entries_per_task_overrides_the_word_plan(entries):
    batches = plan_batches(entries, workers=2, entries_per_task=10)
    assert [len(b) for b in batches] == [10, 10, 10, 10, len(entries) - 40]
