"""Where the project's language resources live, and how they are read.

models/ holds data, not code: JSON files (keys starting with "_" are notes for
people) and JSON Lines pattern files in spaCy's pattern-file style. It ships
inside the package as ``pipeline/models`` (in a checkout, a link to the
repository's top-level ``models/``), so an installed wheel reads the same
files through :mod:`importlib.resources` as a checkout does.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from importlib.resources.abc import Traversable


def models_dir() -> Traversable:
    """The packaged models/ folder."""
    return files("pipeline") / "models"


def model_file(name: str) -> Traversable:
    return models_dir() / name


def read_json(name: str) -> dict:
    """A JSON resource without its '_' notes."""
    raw = json.loads(model_file(name).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def read_jsonl(name: str) -> list[dict]:
    """A JSON Lines resource, one object a line."""
    text = model_file(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@contextmanager
def collection_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while resources are built, and none walking them afterwards
    with ``freeze``.

    Loading makes a million objects (the gazetteer's half-million among them) and few garbage
    cycles (a collection after it finds about 4,000 objects). With the collector on, each
    collection on the way walks all the objects made so far, and the first ones after the load walk
    them all again, once per generation: 1.6 to 1.9 s of a 3.7 to 4.4 s load went to collections.
    The pause sets the collection threshold to zero rather than calling :func:`gc.disable`, because
    spaCy's model loading (srsly's msgpack) turns the collector back on when it has read its files.
    ``freeze`` moves everything made so far into the permanent generation (:func:`gc.freeze`),
    where no collection walks it again: for a process that exists to extract, whose resources live
    as long as it does. Their memory is still freed by reference counting.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        gc.set_threshold(*thresholds)
