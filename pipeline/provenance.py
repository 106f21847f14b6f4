"""What produced a row: the package version, its code and the language resources it read.

A change to any file in models/ (a trigger added) or to the extraction code
changes the pipeline version, so the next incremental run extracts
everything again (an editable install changes its code without a new version).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__
from .resources import MODELS_DIR

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def models_digest() -> str:
    """Hash of every file under models/ and of the pipeline's source, names and contents."""
    digest = hashlib.sha256()
    files = [p for p in MODELS_DIR.rglob("*") if p.is_file()] + list(PACKAGE_DIR.glob("*.py"))
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def pipeline_version() -> str:
    """'0.1.0+1a2b3c4d': package version + digest of models/ and the code."""
    return f"{__version__}+{models_digest()}"
