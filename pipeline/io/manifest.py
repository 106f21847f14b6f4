"""The manifest of an output folder: which entry was extracted from which content, by which pipeline.

It is what makes runs incremental: an entry is extracted again only when its
content hash or the pipeline version changed. It is written last, after the
tables, so a run killed at any moment leaves a manifest that is never ahead
of the tables: the next run redoes what was not finished.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Entry
from .store import set_aside

MANIFEST = "manifest.json"


@dataclass
class Manifest:
    """entry_id -> {"hash": content hash, "version": pipeline version}."""

    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    #: what was wrong with the manifest on disk, when it could not be read and was set aside
    warning: str | None = None

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """The folder's manifest; one that cannot be read is set aside (``manifest.json.corrupt-<time>``)
        and an empty one returned with a warning, so that the run re-extracts everything."""
        path = out / MANIFEST
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            entries = raw["entries"]
            if not all(
                isinstance(v, dict) and isinstance(v.get("hash"), str) and isinstance(v.get("version"), str)
                for v in entries.values()
            ):
                raise ValueError("an entry without hash and version")
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
            kept = set_aside(path)
            return cls(
                warning=(
                    f"{path} could not be read ({type(err).__name__}: {err}); set aside as {kept.name}, "
                    f"every entry is extracted again"
                )
            )
        return cls(entries)

    def save(self, out: Path) -> None:
        """Write atomically (beside, then rename)."""
        path = out / MANIFEST
        tmp = path.with_name(f".{MANIFEST}.tmp-{os.getpid()}")
        tmp.write_text(
            json.dumps({"entries": dict(sorted(self.entries.items()))}, indent=0), encoding="utf-8"
        )
        os.replace(tmp, path)


@dataclass
class Plan:
    """What a run must do."""

    todo: list[Entry]  # new or changed: extract
    keep: set[str]  # entry ids whose rows stay as they are
    drop: set[str]  # entry ids whose rows go (changed or pruned)

    @property
    def nothing_to_do(self) -> bool:
        return not self.todo and not self.drop


def plan(
    entries: list[Entry], manifest: Manifest, version: str, full: bool = False, prune: bool = False
) -> Plan:
    """Decide which entries to extract, keep and drop."""
    seen = {e.entry_id for e in entries}
    todo = [
        e
        for e in entries
        if full or manifest.entries.get(e.entry_id) != {"hash": e.content_hash, "version": version}
    ]
    redo = {e.entry_id for e in todo}
    known = set(manifest.entries)
    gone = (known - seen) if prune else set()
    return Plan(todo=todo, keep=known - redo - gone, drop=(known & redo) | gone)


def updated(manifest: Manifest, plan_: Plan, done: list[tuple[str, str]], version: str) -> Manifest:
    """The manifest after a run that extracted ``done`` ((entry_id, content_hash) pairs)."""
    entries = {k: v for k, v in manifest.entries.items() if k in plan_.keep}
    for entry_id, content_hash in done:
        entries[entry_id] = {"hash": content_hash, "version": version}
    return Manifest(entries)
