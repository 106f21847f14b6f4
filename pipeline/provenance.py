"""What produced a row: the package version and the language resources it read.

A change to any file in models/ (a trigger added, a gazetteer rebuilt) changes
the pipeline version, so the next incremental run extracts everything again.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from . import __version__

from .resources import MODELS_DIR


@lru_cache(maxsize=1)
def models_digest() -> str:
    """Hash of every file under models/, names and contents."""
    digest = hashlib.sha256()
    for path in sorted(p for p in MODELS_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(MODELS_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def pipeline_version() -> str:
    """'0.1.0+1a2b3c4d': package version + models digest."""
    return f"{__version__}+{models_digest()}"
