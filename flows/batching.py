"""How a run's entries are cut into extraction tasks.

A task is the unit the flow hands to its task runner. Every task costs a round of Prefect's API
calls, the pickling of its entries to a worker process and, on a Dask worker, about 0.2 s of
Prefect's set-up before any text is read, so tasks should be few; but the run ends only when the
last worker does, so with N workers the tasks should be a multiple of N and of equal work. Work
grows with words, not entries (CrisisWatch entries run from ten words to over a thousand), so tasks
are cut by words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pipeline.records import Entry

#: words per task at most, in the run's own process: there a task costs little beyond its parse
#: (0.07 s), while its rows wait in memory until it ends (at 500,000 words the peak was 848 MB with
#: tasks of 40,000 words, 802 to 815 MB with 20,000)
TASK_WORDS = 20_000
#: words per task at most, on worker processes or a cluster: at 500,000 words two Prefect worker
#: processes took 67.8-68.5 s with 128-entry tasks (about 19,000 words, 27 tasks) and 66.8-67.2 s
#: with 256-entry tasks (14 tasks), though one of the two then sat idle for the last 6.5 s; the
#: `WorkerPool`'s workers (2f154cc) end their seven tasks of 35,700 words 0.7 s apart
WORKER_TASK_WORDS = 40_000


def plan_batches(
    entries: Sequence[Entry],
    *,
    workers: int = 1,
    entries_per_task: int | None = None,
    task_words: int = TASK_WORDS,
) -> list[list[Entry]]:
    """Consecutive batches of ``entries``, in input order.

    With ``entries_per_task`` (the user's ``--batch-size``) every batch has that many entries.
    Otherwise the batches are the fewest multiple of ``workers`` that keeps each at or under
    ``task_words`` words, cut where the running word count passes each equal share of the total.
    """
    if entries_per_task:
        return [list(entries[i : i + entries_per_task]) for i in range(0, len(entries), entries_per_task)]
    sizes = [entry.words for entry in entries]
    total = sum(sizes)
    tasks = max(1, math.ceil(total / task_words))
    count = min(len(entries), math.ceil(tasks / workers) * workers)
    cut: list[list[Entry]] = []
    current: list[Entry] = []
    done = 0
    for entry, size in zip(entries, sizes):
        current.append(entry)
        done += size
        if done * count >= total * (len(cut) + 1) and len(cut) < count - 1:
            cut.append(current)
            current = []
    if current:
        cut.append(current)
    return cut
