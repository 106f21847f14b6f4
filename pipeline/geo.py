"""Place names to the map: country, first-level region and coordinates, offline.

`country_iso3` gives the ISO3 of a CrisisWatch heading (composite headings in
models/country_headings.json). `Geocoder.resolve` places one location name as
an event's text writes it ("Almaty city", "capital Nur-Sultan", "Soum
province", "northern Kokshetau city", "capital") using pipeline.gazetteer:

* a name is looked for first in the entry's countries, then in countries the
  sentence names;
* a name found only abroad is placed abroad only when it is a capital or a
  city of a million people or more; otherwise it stays unresolved below the
  country (a wrong point on the map is worse than a coarse one);
* "province", "region", "state" after a name ask for a region; "city",
  "town", "village" for a place.

Precision follows ACLED's geo_precision: 1 town or city, 2 region, 3 country.
`place_events` fills the geography of a list of events: the most precise
location is the event's point; events with no resolved place get their
entry's country at precision 3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import pycountry

from . import gazetteer
from .gazetteer import Entry, fold
from .records import Event
from .resources import read_json

LARGE_CITY = 1_000_000
_REGION_WORDS = {"province", "region", "state", "governorate", "department", "county", "district", "prefecture", "oblast", "circle", "territory", "division"}
_PLACE_WORDS = {"city", "town", "village", "commune", "locality", "township", "municipality", "area", "neighbourhood", "suburb", "outskirts", "camp"}
_DIRECTIONAL = re.compile(r"^(?:(?:north|south|east|west|central|north-?eastern|north-?western|south-?eastern|south-?western|northern|southern|eastern|western|upper|lower)\s+)+", re.I)


@dataclass(frozen=True)
class Place:
    """A location name resolved to the gazetteer."""

    name: str  # as the event's text writes it
    matched: str  # the gazetteer's name
    geonameid: int | None
    iso3: str | None
    admin1: str | None
    latitude: float
    longitude: float
    geo_precision: int

    def as_row(self) -> dict:
        return dict(self.__dict__)


@lru_cache(maxsize=1)
def _headings() -> dict[str, dict]:
    return read_json("country_headings.json")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return read_json("demonyms.json")


@lru_cache(maxsize=4096)
def country_iso3(heading: str) -> str | None:
    """ISO3 of a heading, or None when it names no single country."""
    heading = heading.strip()
    if heading in _headings():
        return _headings()[heading]["iso3"]
    try:
        return pycountry.countries.lookup(heading).alpha_3
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(heading)[0].alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=4096)
def heading_countries(heading: str) -> tuple[str, ...]:
    """All ISO3 codes a heading covers, the entry's own first."""
    if heading.strip() in _headings():
        return tuple(_headings()[heading.strip()]["countries"])
    code = country_iso3(heading)
    return (code,) if code else ()


class Geocoder:
    """Resolves location names against the offline gazetteer."""

    def __init__(self, gaz: gazetteer.Gazetteer | None = None) -> None:
        self.gaz = gaz or gazetteer.load()

    def resolve(self, name: str, home: Iterable[str] = (), named: Iterable[str] = ()) -> Place | None:
        """Place ``name`` (as written); ``home`` and ``named`` are ISO3 codes of the entry and of the sentence."""
        core, wants = self._normalise(name)
        home2 = [self.gaz.alpha2[c] for c in home if c in self.gaz.alpha2]
        named2 = [self.gaz.alpha2[c] for c in named if c in self.gaz.alpha2]
        if not core and wants == "capital":
            return self._capital(name, home2)
        # 'North Kivu' is a name; 'northern Kokshetau' is a direction and a name
        candidates = self.gaz.names.get(fold(core)) or self.gaz.names.get(fold(_DIRECTIONAL.sub("", core)), [])
        if not candidates:
            return None
        countries = [c for c in candidates if c.level == 3]
        if countries:
            return self._place(name, countries[0])
        for scope in (home2, named2):
            local = [c for c in candidates if c.cc in scope]
            if local:
                return self._place(name, self._best(local, wants))
        abroad = [c for c in candidates if self._prominent(c)]
        return self._place(name, self._best(abroad, wants)) if abroad else None

    def country(self, iso3: str) -> Place | None:
        """The country itself, at precision 3 (for events with no resolved place)."""
        cc = self.gaz.alpha2.get(iso3)
        entry = self.gaz.countries.get(cc) if cc else None
        return self._place(entry.name, entry) if entry else None

    def countries_named(self, text: str) -> list[str]:
        """ISO3 codes of the countries a text names or qualifies ('Paris, France', 'Russian city of Sochi')."""
        found = []
        words = re.findall(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*", text)
        for phrase in words:
            for entry in self.gaz.names.get(fold(phrase), []):
                if entry.level == 3:
                    found.append(self.gaz.iso3[entry.cc])
            for word in phrase.split():
                if word in _demonyms():
                    found.append(_demonyms()[word])
        return found

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _normalise(name: str) -> tuple[str, str | None]:
        """Strip place words; say whether a region, a place or the capital is asked for."""
        words = name.replace("’s", "").replace("'s", "").split()
        wants = None
        while words and words[0].lower() in _REGION_WORDS | _PLACE_WORDS | {"capital", "the"}:
            first = words.pop(0).lower()
            wants = "capital" if first == "capital" else wants
        while words and words[-1].lower() in _REGION_WORDS | _PLACE_WORDS | {"capital"}:
            last = words.pop().lower()
            wants = "region" if last in _REGION_WORDS else "place" if last in _PLACE_WORDS else "capital"
        return " ".join(words), wants

    def _capital(self, name: str, home2: list[str]) -> Place | None:
        for cc in home2:
            capital = self.gaz.capitals.get(cc)
            for entry in self.gaz.names.get(fold(capital or ""), []):
                if entry.cc == cc and entry.level == 0:
                    return self._place(name, entry)
        return None

    def _prominent(self, entry: Entry) -> bool:
        if entry.level != 0:
            return False
        return entry.population >= LARGE_CITY or fold(self.gaz.capitals.get(entry.cc, "")) == fold(entry.name)

    @staticmethod
    def _best(candidates: list[Entry], wants: str | None) -> Entry:
        def rank(e: Entry) -> tuple:
            level_fit = (e.level in (1, 2)) if wants == "region" else (e.level == 0)
            return (level_fit, e.level == 1 if wants == "region" else True, e.population)

        return max(candidates, key=rank)

    def _place(self, name: str, entry: Entry) -> Place:
        precision = {0: 1, 1: 2, 2: 2, 3: 3}[entry.level]
        return Place(
            name=name,
            matched=entry.name,
            geonameid=entry.geonameid,
            iso3=self.gaz.iso3.get(entry.cc),
            admin1=entry.admin1 or None,
            latitude=entry.latitude,
            longitude=entry.longitude,
            geo_precision=precision,
        )


@lru_cache(maxsize=1)
def shared_geocoder() -> Geocoder:
    """One geocoder per process (the gazetteer is large)."""
    return Geocoder()


def place_events(country: str, events: list[Event], geocoder: Geocoder | None = None) -> None:
    """Fill each event's resolved places and its primary point (most precise place, else the entry's country)."""
    geocoder = geocoder or shared_geocoder()
    home = heading_countries(country)
    for ev in events:
        named = geocoder.countries_named(ev.evidence)
        places = [p for p in (geocoder.resolve(name, home, named) for name in ev.locations) if p is not None]
        ev.places = [p.as_row() for p in places]
        best = min(places, key=lambda p: p.geo_precision, default=None)
        if best is None and home:
            best = geocoder.country(home[0])
        if best is not None:
            ev.latitude, ev.longitude, ev.geo_precision = best.latitude, best.longitude, best.geo_precision
            ev.admin1 = best.admin1
