"""Shared fixtures: the repo's sample and fixture paths, the parsed pipeline."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "kazakhstan_entries.jsonl"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault(
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"
)  # first start on a new machine


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def lex():
    """The rules' vocabulary of models/, for rule tests on hand-built Docs."""
    from pipeline.events.lexicon import Lexicon

    return Lexicon.from_models()


@pytest.fixture(scope="session")
def types():
    """The ACLED actor-type vocabulary of models/."""
    from pipeline.events.actor_types import ActorTypes

    return ActorTypes.from_models()


@pytest.fixture(scope="session")
def extractor():
    """The loaded resources of extraction, built once for the whole session."""
    from pipeline.extractor import Extractor

    return Extractor.load()


class Sentences:
    """Runs the whole extraction on one text as an entry of ``month``."""

    def __init__(self, extractor) -> None:
        self.extractor = extractor

    def events_of(self, text: str, month: str = "2023-05", country: str = "Testland"):
        from pipeline.records import Entry

        y, m = map(int, month.split("-"))
        (result,) = self.extractor.extract([Entry("t-1", country, date(y, m, 1), text)])
        return result.events

    def one(self, text: str, month: str = "2023-05", **match):
        found = [e for e in self.events_of(text, month) if all(getattr(e, k) == v for k, v in match.items())]
        assert len(found) == 1, [(e.event_type, e.event_date, e.trigger) for e in self.events_of(text, month)]
        return found[0]


@pytest.fixture(scope="session")
def x(extractor) -> Sentences:
    """Whole extraction on sentences of the tests' own."""
    return Sentences(extractor)
