"""Where the project's language resources live, and how they are read.

models/ holds data, not code: JSON files (keys starting with "_" are notes for
people) and JSON Lines pattern files in spaCy's pattern-file style.
"""
from __future__ import annotations

import json
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def model_path(name: str) -> Path:
    return MODELS_DIR / name


def read_json(name: str) -> dict:
    """A JSON resource without its '_' notes."""
    raw = json.loads(model_path(name).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def read_jsonl(name: str) -> list[dict]:
    """A JSON Lines resource, one object a line."""
    with open(model_path(name), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
