"""Saving and loading a component's patterns, as spaCy's own rulers do (one JSON object a line)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.util import ensure_path


def write_rows(path: str | Path, name: str, rows: Iterable[dict]) -> None:
    folder = ensure_path(path)
    folder.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(folder / name, list(rows))


def read_rows(path: str | Path, name: str) -> list[dict]:
    return list(srsly.read_jsonl(ensure_path(path) / name))
