"""Offline geocoding of event locations, on places of several continents."""

from __future__ import annotations

import pytest

from pipeline.geo import Geocoder
from pipeline.records import Event


@pytest.fixture(scope="module")
def geo(extractor) -> Geocoder:
    return extractor.geocoder


@pytest.mark.parametrize(
    "name, home, iso3, precision",
    [
        ("Tripoli", "Libya", "LBY", 1),  # also in Lebanon and Greece
        ("Tripoli", "Lebanon", "LBN", 1),
        ("Valencia", "Venezuela", "VEN", 1),  # also in Spain
        ("Valencia", "Spain", "ESP", 1),
        ("Almaty city", "Kazakhstan", "KAZ", 1),
        ("Aqtobe", "Kazakhstan", "KAZ", 1),  # alternate spelling of Aktobe
        ("Nur-Sultan", "Kazakhstan", "KAZ", 1),  # former name of Astana
        ("Kiev", "Ukraine", "UKR", 1),
        ("northern Kokshetau city", "Kazakhstan", "KAZ", 1),
        ("North Kivu", "Democratic Republic of Congo", "COD", 2),
        ("Soum province", "Burkina Faso", "BFA", 2),
        ("Gao region", "Mali", "MLI", 2),
        ("Mindanao", "Philippines", None, None),  # an island, not in the gazetteer: unresolved
        ("Gaza", "Israel/Palestine", "PSE", 1),
        ("Paris", "Burkina Faso", "FRA", 1),  # a capital abroad is placed abroad
        ("Japan", "Kazakhstan", "JPN", 3),
        ("Rakhine State", "Myanmar", "MMR", 2),
        ("Cauca department", "Colombia", "COL", 2),
    ],
)
def test_resolves_in_the_entry_country_first(geo, name, home, iso3, precision):
    place = geo.resolve(name, geo.heading_countries(home))
    if iso3 is None:
        assert place is None
    else:
        assert (place.iso3, place.geo_precision) == (iso3, precision)
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180


def test_capital_alone_is_the_entry_countrys_capital(geo):
    place = geo.resolve("capital", ["KAZ"])
    assert (place.matched, place.iso3) == ("Astana", "KAZ")


def test_small_town_found_only_abroad_stays_unresolved(geo):
    # 'Soum' is a Senegalese village and a Burkinabe province; in a Kazakh entry neither fits
    assert geo.resolve("Soum", ["KAZ"]) is None


def test_a_country_the_sentence_names_is_searched_next(geo):
    assert geo.resolve("Kasserine", ["DZA"]) is None
    named = geo.countries_named("Militants crossed border and attacked army post in Kasserine, Tunisia")
    assert "TUN" in named
    assert geo.resolve("Kasserine", ["DZA"], named).iso3 == "TUN"
    assert "RUS" in geo.countries_named("After bilateral summit in Russian city of Sochi 17 Sept")


def test_composite_headings(geo):
    assert geo.country_iso3("Israel/Palestine") == "ISR"
    assert geo.heading_countries("Israel/Palestine") == ("ISR", "PSE")
    assert geo.country_iso3("Russia (Internal)") == "RUS"
    assert geo.country_iso3("Armenian-Azerbaijani Conflict") == "AZE"
    assert geo.country_iso3("Sahel") is None
    assert geo.country_iso3("Kazakhstan") == "KAZ"


def test_event_point_is_its_most_precise_place(geo):
    ev = Event(
        "e",
        "attack",
        None,
        None,
        "day",
        "2 Oct",
        "Militants attacked Djibo, Soum province",
        0,
        10,
        "attacked",
        locations=["Soum province", "Djibo"],
    )
    undated = Event("e", "statement", None, None, "day", "3 Oct", "Govt said", 0, 5, "said")
    geo.place_events("Burkina Faso", [ev, undated])
    assert ev.geo_precision == 1 and ev.admin1 == "Sahel"
    assert {p["matched"] for p in ev.places} == {"Djibo", "Soum"}
    assert undated.geo_precision == 3 and undated.places == [] and undated.latitude is not None


def test_map_draws_the_events_with_coordinates_and_counts_the_rest(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.tools.mapping import draw_map

    table = pa.table(
        {
            "event_type": ["attack", "summit", "protest", "attack"],
            "latitude": [12.37, 51.17, None, 12.2],
            "longitude": [-1.53, 71.45, None, -1.6],
            "geo_precision": pa.array([1, 1, None, 3], pa.int8()),
            "event_iso3": ["BFA", "KAZ", None, "BFA"],
            "iso3": ["BFA", "KAZ", "BFA", "BFA"],
            "country": ["Burkina Faso", "Kazakhstan", "Burkina Faso", "Burkina Faso"],
        }
    )
    (tmp_path / "events").mkdir()
    pq.write_table(table, tmp_path / "events" / "events.parquet")
    out = tmp_path / "map.png"
    shown = draw_map(tmp_path / "events", out, countries=("BFA",))
    assert (shown.drawn, shown.without_coordinates, shown.filtered_out) == (2, 1, 1)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    assert draw_map(tmp_path / "events", out, types=("summit",)).drawn == 1


def test_towns_and_regions_found_as_actors_are_places_countries_and_people_are_not(geo):
    cameroon, philippines = geo.heading_countries("Cameroon"), geo.heading_countries("Philippines")
    assert geo.below_country("Bamenda", cameroon, "separatists attacked Bamenda")
    assert not geo.below_country("Nigeria", cameroon, "troops from Nigeria")  # a country can act
    assert not geo.below_country("Ambazonia Defence Force", cameroon, "")
    assert geo.below_country("Davao", philippines, "")
    assert not geo.below_country("Aquino", philippines, "")  # a person named like a village stays
    # a town abroad is one only in a country the words name ('Russian city of Sochi')
    assert geo.below_country("Sochi", cameroon, "talks in Russian city of Sochi")


def test_region_suffixes_come_from_models_and_key_the_gazetteer_cache():
    from pipeline.geo import gazetteer

    suffixes = gazetteer._admin_suffixes()
    bare = gazetteer.bare_of(suffixes)
    assert bare("Atyrau Oblysy") == "Atyrau" and bare("Tbilisi") == "Tbilisi"
    assert bare("Kidal Region") == "Kidal" and bare("Oromia-region") == "Oromia"
    assert gazetteer._cache_path(suffixes) != gazetteer._cache_path([*suffixes, "emirate"])


@pytest.mark.parametrize(
    "name, home, iso3, admin1, code",
    [
        ("Niger state", "Nigeria", "NGA", "Niger", "NG-NI"),  # a region of the entry's country, not Niger
        ("Plateau State", "Nigeria", "NGA", "Plateau", "NG-PL"),
        ("Almaty city", "Kazakhstan", "KAZ", "Almaty", "KZ-75"),  # the city, not Almaty region
        ("Aqtobe", "Kazakhstan", "KAZ", "Aqtöbe", "KZ-15"),
    ],
)
def test_regions_of_the_entry_country_come_first_with_iso_3166_2_codes(geo, name, home, iso3, admin1, code):
    place = geo.resolve(name, geo.heading_countries(home))
    assert (place.iso3, place.admin1, place.admin1_code) == (iso3, admin1, code)


def test_a_process_start_reads_iso_regions_from_the_cached_gazetteer_not_pycountry(monkeypatch, lex):
    """Reading ISO 3166-2 from pycountry and deriving the table cost every start 0.35 s; now cached."""
    import pycountry

    from pipeline.geo import gazetteer

    gazetteer.load()  # builds the cache if this machine has none

    class Unread:
        def __getattr__(self, name):
            raise AssertionError("pycountry.subdivisions read at start")

        def __iter__(self):
            raise AssertionError("pycountry.subdivisions read at start")

    monkeypatch.setattr(pycountry, "subdivisions", Unread())
    geo = Geocoder.from_models(lex.places)
    place = geo.resolve("Aqtobe", geo.heading_countries("Kazakhstan"))
    assert (place.admin1, place.admin1_code) == ("Aqtöbe", "KZ-15")


def test_event_country_is_where_it_happened(geo):
    abroad = Event("e", "summit", None, None, "day", "2 Oct", "Tokayev visited Moscow", 0, 20, "visited")
    abroad.locations = ["Moscow"]
    at_home = Event("e", "protest", None, None, "day", "3 Oct", "Protesters rallied", 0, 18, "rallied")
    geo.place_events("Kazakhstan", [abroad, at_home])
    assert (abroad.event_iso3, abroad.geo_precision) == ("RUS", 1)
    assert (at_home.event_iso3, at_home.geo_precision) == ("KAZ", 3)


def test_a_heading_that_is_no_country_still_places_its_events(geo):
    ev = Event("e", "attack", None, None, "day", "2 Oct", "forces shelled positions", 0, 24, "shelled")
    geo.place_events(
        "Frontlines of the Caucasus", [ev], "Azerbaijan and Armenia traded fire. Azerbaijan said ..."
    )
    assert ev.event_iso3 == "AZE" and ev.latitude is not None and ev.geo_precision == 3


def test_the_cached_gazetteer_loads_with_the_collector_paused_and_leaves_it_running(monkeypatch):
    import gc
    import pickle

    from pipeline.geo import gazetteer

    built = gazetteer.load()  # from the cache, or built and cached
    before = gc.get_threshold()
    thresholds: list[int] = []
    unpickle = pickle.load

    def load(handle):
        thresholds.append(gc.get_threshold()[0])
        return unpickle(handle)

    monkeypatch.setattr(gazetteer.pickle, "load", load)
    cached = gazetteer.load()
    assert thresholds == [0]  # no collection can start while the objects are made
    assert gc.get_threshold() == before and gc.get_threshold()[0] > 0 and gc.isenabled()
    assert cached.names.keys() == built.names.keys()
