"""Benchmark pipeline.dates against dateparser's search_dates (a benchmark, not a test).

Prints, over a corpus made by repeating the input entries to --words words:
dates/second of this module and of `dateparser.search.search_dates` over the
same sentences; how many gold day/range/part-of-month dates each gets right
on the development gold; and the share of a full extraction that date
resolution costs.

    python scripts/bench_dates.py [--words 200000] [--gold ../shared/gold/dev.jsonl] [INPUT ...]
"""

from __future__ import annotations

import argparse
import json
import re
import time
import warnings
from datetime import date, datetime
from pathlib import Path

from pipeline.dates import DateResolver
from pipeline.extractor import Extractor
from pipeline.io.ingest import read_inputs
from pipeline.records import Entry

RESOLVER = DateResolver()
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z“\"])|\n")


def corpus(entries: list[Entry], words: int) -> list[Entry]:
    """Repeat the entries with fresh ids until the corpus holds ``words`` words."""
    out, total, n = [], 0, 0
    while total < words:
        for e in entries:
            n += 1
            out.append(Entry(**{**e.__dict__, "entry_id": f"{e.entry_id}-r{n}"}))
            total += e.words
            if total >= words:
                break
    return out


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def bench_module(entries: list[Entry]) -> tuple[int, float]:
    started = time.perf_counter()
    found = sum(len(RESOLVER.find(e.text, e.month)) for e in entries)
    return found, time.perf_counter() - started


def bench_dateparser(entries: list[Entry]) -> tuple[int, float]:
    from dateparser.search import search_dates

    started, found = time.perf_counter(), 0
    for e in entries:
        settings = {
            "RELATIVE_BASE": datetime(e.month.year, e.month.month, 15),
            "PREFER_DATES_FROM": "current_period",
        }
        for s in sentences(e.text):
            found += len(search_dates(s, languages=["en"], settings=settings) or [])
    return found, time.perf_counter() - started


def gold_accuracy(gold_path: Path, texts: dict[str, Entry]) -> tuple[int, int, int]:
    """(gold dates, right by this module, right by search_dates) over gold events with scored dates."""
    from dateparser.search import search_dates

    total = ours = theirs = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        entry = texts.get(row["entry_id"])
        if entry is None:
            continue
        mentions = RESOLVER.find(entry.text, entry.month)
        for ev in row["events"]:
            want = (
                date.fromisoformat(ev["date"]),
                date.fromisoformat(ev["date_end"]) if ev["date_end"] else date.fromisoformat(ev["date"]),
            )
            start = entry.text.find(ev["evidence"])
            if start < 0:
                continue
            # the evidence's whole sentence: an undated clause takes its sentence's date
            sentence_start = max(entry.text.rfind(". ", 0, start), entry.text.rfind("\n", 0, start)) + 1
            span = (sentence_start, start + len(ev["evidence"]))
            total += 1
            ours += any(span[0] <= m.start < span[1] and (m.date, m.date_end) == want for m in mentions)
            settings = {"RELATIVE_BASE": datetime(entry.month.year, entry.month.month, 15)}
            hits = search_dates(entry.text[span[0] : span[1]], languages=["en"], settings=settings) or []
            theirs += any(d.date() == want[0] for _, d in hits)
    return total, ours, theirs


def share_of_full_run(entries: list[Entry]) -> tuple[float, float]:
    """Seconds of date resolution and of the whole extraction over the same entries."""
    _, dates_seconds = bench_module(entries)
    extractor = Extractor.load()
    started = time.perf_counter()
    for _ in extractor.extract(entries):
        pass
    return dates_seconds, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", default=["raw"])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument(
        "--gold", default=str(Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl")
    )
    parser.add_argument(
        "--full-run-words", type=int, default=50_000, help="corpus size for the share-of-run measure"
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore")

    base = read_inputs(args.inputs).entries
    big = corpus(base, args.words)
    words = sum(e.words for e in big)
    n_ours, t_ours = bench_module(big)
    n_dp, t_dp = bench_dateparser(big)
    print(f"corpus: {len(big)} entries, {words} words, {sum(len(sentences(e.text)) for e in big)} sentences")
    print(f"pipeline.dates : {n_ours:7d} dates in {t_ours:6.2f}s = {n_ours / t_ours:9.0f} dates/s")
    print(f"search_dates   : {n_dp:7d} dates in {t_dp:6.2f}s = {n_dp / t_dp:9.0f} dates/s")
    gold = Path(args.gold)
    if gold.exists():
        total, ours, theirs = gold_accuracy(gold, {e.entry_id: e for e in base})
        print(f"gold dates right ({gold.name}): pipeline.dates {ours}/{total}, search_dates {theirs}/{total}")
    dates_s, full_s = share_of_full_run(corpus(base, args.full_run_words))
    print(
        f"share of a full extraction ({args.full_run_words} words): dates {dates_s:.2f}s of "
        f"{full_s:.2f}s = {100 * dates_s / full_s:.1f}%"
    )


if __name__ == "__main__":
    main()
