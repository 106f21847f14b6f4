"""What produced a row: the package version, the code that decides the rows and the language resources.

A change to any file in models/ (a trigger added) or to the code that builds
rows (dates, nlp, events, geo, the extractor, records, row building and
schemas) changes the pipeline version, so the next incremental run extracts
everything again. The CLI, the flows, ingest, storage and the tools do not
decide what a row holds, and are not hashed: editing them re-extracts nothing.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files
from importlib.resources.abc import Traversable

from . import __version__

#: the parts of the package whose content decides the rows (folders are taken whole)
ROW_CODE = (
    "dates",
    "nlp",
    "events",
    "geo",
    "extractor.py",
    "records.py",
    "io/rows.py",
    "io/schema.py",
    "models",
)


def _walk(item: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    if item.is_file():
        return [(prefix, item)]
    found = []
    for child in item.iterdir():
        if child.name != "__pycache__":
            found.extend(_walk(child, f"{prefix}/{child.name}"))
    return found


def hashed_files() -> list[str]:
    """The package paths the pipeline version covers, sorted."""
    return sorted(name for name, _ in _rows_code())


def _rows_code() -> list[tuple[str, Traversable]]:
    root = files("pipeline")
    found = []
    for part in ROW_CODE:
        found.extend(_walk(root.joinpath(*part.split("/")), part))
    return [(name, item) for name, item in found if name.endswith((".py", ".json", ".jsonl"))]


def code_digest() -> str:
    """Hash of the row-deciding code and data, names and contents."""
    digest = hashlib.sha256()
    for name, item in sorted(_rows_code(), key=lambda pair: pair[0]):
        digest.update(name.encode())
        digest.update(item.read_bytes())
    return digest.hexdigest()[:8]


def pipeline_version() -> str:
    """'0.1.0+1a2b3c4d': package version + digest of the row-deciding code and models/."""
    return f"{__version__}+{code_digest()}"
