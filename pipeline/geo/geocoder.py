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
entry's country at precision 3. `below_country` tells pipeline.events which
names found as actors are towns and regions (a country can act; a town named
as an actor is a misread place).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pycountry

from ..events.lexicon import PlaceWords
from ..records import Event
from ..resources import read_json
from . import gazetteer
from .gazetteer import GazetteerRow, fold

LARGE_CITY = 1_000_000
NAMED_TOWN = 50_000  # the smallest city models/places.jsonl names for the NER


@dataclass(frozen=True)
class Place:
    """A location name resolved to the gazetteer."""

    name: str  # as the event's text writes it
    matched: str  # the gazetteer's name
    geonameid: int | None
    iso3: str | None
    admin1: str | None
    admin1_code: str | None  # ISO 3166-2, where the region has one
    latitude: float
    longitude: float
    geo_precision: int

    def as_row(self) -> dict:
        return dict(self.__dict__)


class Geocoder:
    """Resolves location names against the offline gazetteer (built once per process: it is large)."""

    def __init__(
        self,
        gaz: gazetteer.Gazetteer,
        places: PlaceWords,
        headings: dict[str, dict],
        demonyms: dict[str, str],
    ) -> None:
        self.gaz = gaz
        self.headings = headings
        self.demonyms = demonyms
        self.region_words = places.region
        self.settlement_words = places.settlement
        self.place_words = places.region | places.settlement
        alternation = "|".join(
            sorted((re.escape(d).replace("\\-", "-?") for d in places.directions), key=len, reverse=True)
        )
        self.directional = re.compile(rf"^(?:(?:{alternation})\s+)+", re.I)
        self._iso3: dict[str, str | None] = {}
        self.bare = gazetteer.bare_of(list(places.admin_suffixes))
        self.iso_regions = gaz.iso_regions

    @classmethod
    def from_models(cls, places: PlaceWords) -> Geocoder:
        """The cached gazetteer and the heading and demonym tables of models/."""
        return cls(gazetteer.load(), places, read_json("country_headings.json"), read_json("demonyms.json"))

    def country_iso3(self, heading: str) -> str | None:
        """ISO3 of a heading, or None when it names no single country."""
        heading = heading.strip()
        if heading not in self._iso3:
            self._iso3[heading] = self._lookup_iso3(heading)
        return self._iso3[heading]

    def _lookup_iso3(self, heading: str) -> str | None:
        if heading in self.headings:
            return self.headings[heading]["iso3"]
        try:
            return pycountry.countries.lookup(heading).alpha_3
        except LookupError:
            pass
        try:
            return pycountry.countries.search_fuzzy(heading)[0].alpha_3
        except LookupError:
            return None

    def heading_countries(self, heading: str) -> tuple[str, ...]:
        """All ISO3 codes a heading covers, the entry's own first."""
        if heading.strip() in self.headings:
            return tuple(self.headings[heading.strip()]["countries"])
        code = self.country_iso3(heading)
        return (code,) if code else ()

    def place_events(self, country: str, events: list[Event], text: str = "") -> None:
        """Fill each event's resolved places, its primary point and the country it happened in.

        The point is the most precise place's, else the entry's country's; for a heading that is no
        country ('Nagorno-Karabakh conflict'), the country the event's sentence names, else the one
        the entry's ``text`` names most. An event is placed unless none of these is known.
        """
        home = self.heading_countries(country)
        fallback = home[0] if home else self._most_named(text)
        for ev in events:
            named = self.countries_named(ev.evidence)
            places = [p for p in (self.resolve(name, home, named) for name in ev.locations) if p is not None]
            ev.places = [p.as_row() for p in places]
            best = min(places, key=lambda p: p.geo_precision, default=None)
            if best is None:
                where = fallback or (named[0] if named else None)
                best = self.country(where) if where else None
            if best is not None:
                ev.latitude, ev.longitude, ev.geo_precision = (
                    best.latitude,
                    best.longitude,
                    best.geo_precision,
                )
                ev.admin1, ev.admin1_code, ev.event_iso3 = best.admin1, best.admin1_code, best.iso3

    def _most_named(self, text: str) -> str | None:
        named = self.countries_named(text)
        return max(set(named), key=named.count) if named else None

    def below_country(self, name: str, home: Iterable[str], text: str) -> bool:
        """A town or region found as an actor ('Bamenda', 'Kirkuk'): where, not who. Countries act.
        ``home`` are the ISO3 codes of the entry's states, ``text`` the event's words (the countries
        it names widen the search).

        Only regions and towns of the size the NER's place patterns name (models/places.jsonl) in
        the entry's or the sentence's countries, or prominent cities anywhere: a village that
        shares its name with a person ('Aquino') is no reason to drop an actor.
        """
        core, _ = self._normalise(name)
        rows = self.gaz.names.get(fold(core), [])
        if not rows or any(r.level == 3 for r in rows):
            return False
        scope = {self.gaz.alpha2[c] for c in (*home, *self.countries_named(text)) if c in self.gaz.alpha2}
        return any(
            (r.cc in scope and (r.level in (1, 2) or r.population >= NAMED_TOWN)) or self._prominent(r)
            for r in rows
        )

    def resolve(self, name: str, home: Iterable[str] = (), named: Iterable[str] = ()) -> Place | None:
        """Place ``name`` (as written); ``home`` and ``named`` are ISO3 codes of the entry and of the
        sentence.
        """
        core, wants = self._normalise(name)
        home2 = [self.gaz.alpha2[c] for c in home if c in self.gaz.alpha2]
        named2 = [self.gaz.alpha2[c] for c in named if c in self.gaz.alpha2]
        if not core and wants == "capital":
            return self._capital(name, home2)
        # 'North Kivu' is a name; 'northern Kokshetau' is a direction and a name
        candidates = self.gaz.names.get(fold(core)) or self.gaz.names.get(
            fold(self.directional.sub("", core)), []
        )
        if not candidates:
            return None
        if wants == "region":  # 'Niger state' in Nigeria's entry is its region, not the neighbour
            regions = [c for c in candidates if c.level in (1, 2) and c.cc in home2]
            if regions:
                return self._place(name, self._best(regions, wants))
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
        """ISO3 codes of the countries a text names or qualifies
        ('Paris, France', 'Russian city of Sochi')."""
        found = []
        words = re.findall(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*", text)
        for phrase in words:
            for entry in self.gaz.names.get(fold(phrase), []):
                if entry.level == 3:
                    found.append(self.gaz.iso3[entry.cc])
            for word in phrase.split():
                if word in self.demonyms:
                    found.append(self.demonyms[word])
        return found

    # ----------------------------------------------------------------- helpers
    def _normalise(self, name: str) -> tuple[str, str | None]:
        """Strip place words; say whether a region, a place or the capital is asked for."""
        words = name.replace("’s", "").replace("'s", "").split()
        wants = None
        place_words = self.place_words
        while words and words[0].lower() in place_words | {"capital", "the"}:
            first = words.pop(0).lower()
            wants = "capital" if first == "capital" else wants
        while words and words[-1].lower() in place_words | {"capital"}:
            last = words.pop().lower()
            wants = (
                "region"
                if last in self.region_words
                else "place"
                if last in self.settlement_words
                else "capital"
            )
        return " ".join(words), wants

    def _capital(self, name: str, home2: list[str]) -> Place | None:
        for cc in home2:
            capital = self.gaz.capitals.get(cc)
            for entry in self.gaz.names.get(fold(capital or ""), []):
                if entry.cc == cc and entry.level == 0:
                    return self._place(name, entry)
        return None

    def _prominent(self, entry: GazetteerRow) -> bool:
        if entry.level != 0:
            return False
        return entry.population >= LARGE_CITY or fold(self.gaz.capitals.get(entry.cc, "")) == fold(entry.name)

    @staticmethod
    def _best(candidates: list[GazetteerRow], wants: str | None) -> GazetteerRow:
        def rank(e: GazetteerRow) -> tuple:
            level_fit = (e.level in (1, 2)) if wants == "region" else (e.level == 0)
            return (level_fit, e.level == 1 if wants == "region" else True, e.population)

        return max(candidates, key=rank)

    def _place(self, name: str, entry: GazetteerRow) -> Place:
        precision = {0: 1, 1: 2, 2: 2, 3: 3}[entry.level]
        admin1, code = self._admin1(entry)
        return Place(
            name=name,
            matched=entry.name,
            geonameid=entry.geonameid,
            iso3=self.gaz.iso3.get(entry.cc),
            admin1=admin1,
            admin1_code=code,
            latitude=entry.latitude,
            longitude=entry.longitude,
            geo_precision=precision,
        )

    def _admin1(self, entry: GazetteerRow) -> tuple[str | None, str | None]:
        """The first-level region in one style: its ISO 3166-2 name without the generic word
        ('Plateau', 'Aqtöbe'), with its code; else GeoNames' name likewise bare, with no code."""
        if not entry.admin1:
            return None, None
        # the exact name first: GeoNames' 'Almaty' is the city (KZ-75), 'Almaty Oblysy' the region (KZ-19)
        found = self.iso_regions.get((entry.cc, fold(entry.admin1))) or self.iso_regions.get(
            (entry.cc, fold(self.bare(entry.admin1)))
        )
        if found is not None:
            return found
        return self.bare(entry.admin1), None
