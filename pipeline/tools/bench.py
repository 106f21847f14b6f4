"""`crisis-events bench`: the full run's speed against bare spaCy's, and peak memory.

For each corpus size it builds a corpus by repeating the input entries with
fresh ids (written as JSON Lines, so the full run reads it like any input),
then measures, each in a fresh child process so that its peak memory is its
own:

* bare spaCy: `nlp.pipe` over the corpus texts with the pretrained model
  alone (none of the project's components);
* the full run: the Prefect flow from the JSON Lines file to the Parquet
  tables (after one warm-up run, so Prefect's one-time start-up of its
  temporary server is reported apart).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import resource
import shutil
import tempfile
import time
from pathlib import Path

from ..io.ingest import read_inputs


def build_corpus(inputs: list[str], words: int, path: Path) -> tuple[int, int]:
    """Write entries repeated with fresh ids until ``words`` words; returns (entries, words)."""
    base = read_inputs(inputs).entries
    if not base:
        raise SystemExit("bench: no entries in the inputs")
    total = count = 0
    with open(path, "w", encoding="utf-8") as out:
        while total < words:
            for entry in base:
                count += 1
                row = {
                    "entry_id": f"{entry.entry_id}-b{count}",
                    "country": entry.country,
                    "month": f"{entry.month:%Y-%m}",
                    "text": entry.text,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                total += len(entry.text.split())
                if total >= words:
                    break
    return count, total


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare(corpus: str, queue) -> None:
    """The pretrained model alone, no project component: what a user would run without this project."""
    import spacy

    from ..nlp import MODEL_NAME

    model = spacy.load(MODEL_NAME)
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    started = time.perf_counter()
    for _ in model.pipe(texts, batch_size=32):
        pass
    queue.put({"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()})


def _full(corpus: str, scratch: str, workers: int, queue) -> None:
    from flows.extract_flow import run

    warm = Path(scratch) / "warm.jsonl"
    with open(corpus, encoding="utf-8") as src:
        warm.write_text(src.readline(), encoding="utf-8")
    started = time.perf_counter()
    run([str(warm)], Path(scratch) / "warm-out")
    warm_up = time.perf_counter() - started
    started = time.perf_counter()
    summary = run([corpus], Path(scratch) / "out", workers=workers)
    queue.put(
        {
            "seconds": time.perf_counter() - started,
            "peak_mb": _peak_mb(),
            "warm_up": warm_up,
            "events": summary.events_written,
        }
    )


def _in_child(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def run_bench(inputs: list[str], sizes: list[int], workers: int = 1) -> int:
    """Print the figures for each corpus size; returns an exit status."""
    peaks = {}
    for words in sizes:
        scratch = Path(tempfile.mkdtemp(prefix="crisis-bench-"))
        try:
            corpus = scratch / "corpus.jsonl"
            n_entries, n_words = build_corpus(inputs, words, corpus)
            bare = _in_child(_bare, str(corpus))
            full = _in_child(_full, str(corpus), str(scratch), workers)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        bare_wps, full_wps = n_words / bare["seconds"], n_words / full["seconds"]
        peaks[words] = full["peak_mb"]
        print(f"corpus: {n_entries} entries, {n_words} words")
        print(
            f"  bare spaCy nlp.pipe : {bare_wps:8.0f} words/s  "
            f"({bare['seconds']:.1f}s, peak {bare['peak_mb']:.0f} MB)"
        )
        print(
            f"  full run (workers={workers}): {full_wps:8.0f} words/s  ({full['seconds']:.1f}s, peak "
            f"{full['peak_mb']:.0f} MB, {full['events']} events)"
        )
        print(f"  ratio full/bare     : {full_wps / bare_wps:.2f}")
        print(f"  Prefect warm-up run (not counted): {full['warm_up']:.1f}s")
    if len(peaks) > 1:
        small, large = min(peaks), max(peaks)
        print(
            f"peak memory of the full run at {large} words / at {small} words: "
            f"{peaks[large] / peaks[small]:.2f}"
        )
    return 0
