"""`crisis-events bench`: the full run's speed against bare spaCy's, with workers, and peak memory.

For each corpus size it builds a corpus by repeating the input entries with
fresh ids (written as JSON Lines, so the full run reads it like any input),
then measures, each in a fresh child process so that its peak memory is its
own:

* bare spaCy: `nlp.pipe` over the corpus texts with the pretrained model
  alone (none of the project's components), unless ``--no-bare``; once as
  installed, and once with the full run's BLAS (pipeline.nlp.blas), so that
  the gain of the project's pipeline is told apart from the gain of the BLAS;
* the full run for each ``--workers`` count: the Prefect flow from the JSON
  Lines file to the Parquet tables (after one warm-up run, so Prefect's
  one-time start-up of its temporary server is reported apart). Every timed
  run loads its Extractor (one process, or each worker process), so one and
  two workers pay for the same resources.

It prints words/s, the full run against bare spaCy, N workers against one,
wall time, and the peak memory of the run's process (and of its largest
worker process) with its growth from the smallest size to the largest.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from queue import Empty

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
                total += entry.words
                if total >= words:
                    break
    return count, total


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _bare(corpus: str, numpy_blas: bool, queue) -> None:
    """The pretrained model alone, no project component: what a user would run without this project
    (as installed, thinc multiplies with its BLIS); with ``numpy_blas``, the same model with the full
    run's BLAS on one thread, to tell what the project's pipeline gains from what the BLAS gains."""
    import spacy
    from threadpoolctl import ThreadpoolController

    from ..nlp import MODEL_NAME, one_thread, use_numpy_blas

    model = spacy.load(MODEL_NAME)
    if numpy_blas:
        use_numpy_blas(model)
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    with one_thread(ThreadpoolController()):
        started = time.perf_counter()
        for _ in model.pipe(texts, batch_size=32):
            pass
        seconds = time.perf_counter() - started
    queue.put({"seconds": seconds, "peak_mb": _peak_mb()})


def _full(corpus: str, scratch: str, workers: int, queue) -> None:
    from flows.extract_flow import run
    from flows.extraction import process_extractor

    Path(scratch).mkdir(parents=True, exist_ok=True)
    warm = Path(scratch) / "warm.jsonl"
    with open(corpus, encoding="utf-8") as src:
        warm.write_text(src.readline(), encoding="utf-8")
    started = time.perf_counter()
    run([str(warm)], Path(scratch) / "warm-out")
    warm_up = time.perf_counter() - started
    process_extractor.cache_clear()  # the timed run loads its resources, as worker processes must
    started = time.perf_counter()
    summary = run([corpus], Path(scratch) / "out", workers=workers)
    queue.put(
        {
            "seconds": time.perf_counter() - started,
            "peak_mb": _peak_mb(),
            "worker_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
            "warm_up": warm_up,
            "events": summary.events_written,
        }
    )


def _in_child(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    while True:  # a child that dies never answers: say so instead of waiting for ever
        try:
            result = queue.get(timeout=5)
        except Empty:
            if not child.is_alive():
                raise SystemExit(f"bench: the measured process died (exit code {child.exitcode})") from None
            continue
        child.join()
        return result


def run_bench(
    inputs: list[str], sizes: list[int], workers: list[int], bare: bool = True, rounds: int = 1
) -> int:
    """Print the figures for each corpus size and worker count; returns an exit status.

    With ``rounds`` > 1 every measurement is repeated, one round after the other, and each ratio is
    taken within a round (between runs minutes apart, not across the drift of this machine's speed),
    then given as its median and range over the rounds.
    """
    peaks: dict[int, float] = {}
    for words in sizes:
        scratch = Path(tempfile.mkdtemp(prefix="crisis-bench-"))
        try:
            corpus = scratch / "corpus.jsonl"
            n_entries, n_words = build_corpus(inputs, words, corpus)
            print(f"corpus: {n_entries} entries, {n_words} words", flush=True)
            ratios: dict[str, list[float]] = {}
            for number in range(1, rounds + 1):
                if rounds > 1:
                    print(f" round {number} of {rounds}", flush=True)
                found, peak = _round(corpus, n_words, scratch, workers, bare)
                peaks.setdefault(words, peak)
                for name, ratio in found.items():
                    ratios.setdefault(name, []).append(ratio)
            if rounds > 1:
                for name, values in ratios.items():
                    print(
                        f"  {name}: median {statistics.median(values):.2f} "
                        f"(from {min(values):.2f} to {max(values):.2f} over {rounds} rounds)"
                    )
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    if len(peaks) > 1:
        small, large = min(peaks), max(peaks)
        print(
            f"peak memory at {large} words / at {small} words ({workers[0]} worker(s)): "
            f"{peaks[large]:.0f} / {peaks[small]:.0f} MB = {peaks[large] / peaks[small]:.2f}"
        )
    return 0


def _round(
    corpus: Path, n_words: int, scratch: Path, workers: list[int], bare: bool
) -> tuple[dict[str, float], float]:
    """Bare spaCy, then the full run with each worker count, printed as they finish; returns the
    round's ratios by name and the peak memory of its first full run (the caller keeps the first
    round's for the comparison across sizes)."""
    ratios: dict[str, float] = {}
    peak = 0.0
    bare_wps: dict[str, float] = {}  # against what -> its words/s
    for numpy_blas in (False, True) if bare else ():
        result = _in_child(_bare, str(corpus), numpy_blas)
        name = "bare spaCy with numpy's BLAS" if numpy_blas else "bare spaCy"
        bare_wps[name] = n_words / result["seconds"]
        print(
            f"  {name + ' nlp.pipe':38}: {bare_wps[name]:8.0f} words/s  "
            f"({result['seconds']:.1f}s, peak {result['peak_mb']:.0f} MB)",
            flush=True,
        )
    one_worker = None
    for count in workers:
        full = _in_child(_full, str(corpus), str(scratch / f"w{count}"), count)
        shutil.rmtree(scratch / f"w{count}", ignore_errors=True)
        wps = n_words / full["seconds"]
        one_worker = wps if count == 1 else one_worker
        peak = peak or max(full["peak_mb"], full["worker_peak_mb"])
        label = f"{count} worker{'s' if count > 1 else ''}"
        print(
            f"  full run, {count} worker{'s' if count > 1 else ' '}: {wps:8.0f} words/s  "
            f"({full['seconds']:.1f}s = {full['seconds'] / 60:.1f} min, {full['events']} events, "
            f"peak {full['peak_mb']:.0f} MB, largest worker {full['worker_peak_mb']:.0f} MB)"
        )
        for name, against in bare_wps.items():
            ratios[f"full run, {label} against {name}"] = wps / against
            print(f"    against {name:29}: {wps / against:.2f}")
        if one_worker and count > 1:
            ratios[f"{label} against 1 worker"] = wps / one_worker
            print(f"    against 1 worker   : {wps / one_worker:.2f}")
        print(f"    Prefect warm-up run (not counted): {full['warm_up']:.1f}s", flush=True)
    return ratios, peak
