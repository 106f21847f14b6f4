"""Place names to countries: ISO3 codes of CrisisWatch's country headings.

pycountry's ISO 3166 names and fuzzy search cover ordinary headings;
CrisisWatch's composite headings ("Israel/Palestine", "Russia (Internal)",
"Armenian-Azerbaijani Conflict") are mapped in models/country_headings.json.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycountry

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=1)
def _headings() -> dict[str, str | None]:
    raw = json.loads((MODELS_DIR / "country_headings.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=4096)
def country_iso3(heading: str) -> str | None:
    """ISO3 of a heading, or None when it names no single country."""
    heading = heading.strip()
    mapped = _headings()
    if heading in mapped:
        return mapped[heading]
    try:
        return pycountry.countries.lookup(heading).alpha_3
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(heading)[0].alpha_3
    except LookupError:
        return None
