"""Where the project's language resources live, and how they are read.

models/ holds data, not code: JSON files (keys starting with "_" are notes for
people) and JSON Lines pattern files in spaCy's pattern-file style. It ships
inside the package as ``pipeline/models`` (in a checkout, a link to the
repository's top-level ``models/``), so an installed wheel reads the same
files through :mod:`importlib.resources` as a checkout does.
"""

from __future__ import annotations

import json
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
