"""The named-group dictionary built from the UCDP Actor Dataset (scripts/build_armed_groups.py) and
how actor typing uses it."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from pipeline.events.actors import AGENT, TARGET, Mention
from pipeline.events.sides import EntryActors

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_armed_groups import SOURCE, build, clean, group_of  # noqa: E402

NO_COMMON_WORDS = frozenset()


def row(actor_id: int, short: str, english: str, org: str, location: str, **names: str) -> dict:
    """A UCDP actor row with the columns the build reads."""
    base = {
        "ActorId": str(actor_id),
        "NameData": short,
        "NameOrig": short,
        "NameOrigFull": "n/a",
        "NameOrigFullEng": english,
        "NewName": "",
        "NewNameFullMotherTongue": "",
        "NewNameFullEng": "",
        "Org": org,
        "Location": location,
    }
    return base | names


def never_common(word: str) -> bool:
    return False


# ------------------------------------------------------------------ the build
def test_ucdp_organisation_types_become_acled_inter_codes():
    rebels = group_of(row(9001, "XLF", "Xland Liberation Front", "1", "Mali"), never_common, NO_COMMON_WORDS)
    supporters = group_of(
        row(9002, "Supporters of XP", "Supporters of X Party", "2", "Kenya"), never_common, NO_COMMON_WORDS
    )
    identity = group_of(row(9003, "Xoro", "Xoro", "3", "Nigeria"), never_common, NO_COMMON_WORDS)
    cartel = group_of(row(9004, "Xland Cartel", "Xland Cartel", "1", "Mexico"), never_common, NO_COMMON_WORDS)
    assert (rebels["type"], supporters["type"], identity["type"], cartel["type"]) == (2, 3, 4, 3)
    assert identity["whole_name_only"] and not rebels["whole_name_only"]
    assert rebels["countries"] == ["MLI"]


def test_rows_that_are_no_group_are_left_out():
    peoples = frozenset({"Senegalese"})
    assert (
        group_of(row(9010, "Government of Mali", "Government of Mali", "4", "Mali"), never_common, peoples)
        is None
    )
    coup = row(9011, "Military faction (forces of X)", "Military faction (forces of X)", "1", "Mali")
    assert group_of(coup, never_common, peoples) is None
    assert (
        group_of(row(9012, "Muslims (India)", "Muslims (India)", "3", "India"), never_common, peoples) is None
    )
    assert group_of(row(9013, "Senegalese", "n/a", "3", "Senegal"), never_common, peoples) is None
    assert group_of(row(9014, "XLF", "n/a", "1", "Atlantis"), never_common, peoples) is None  # no country


def test_names_are_latin_script_qualifiers_removed_and_no_common_word_or_two_letters():
    later = row(
        9020,
        "Xara",
        "The Union",
        "1",
        "DR Congo (Zaire), Ivory Coast",
        NewName="XU, Xara",
        NewNameFullMotherTongue="Ыара",
        NewNameFullEng="Union, Xara Union",
    )
    group = group_of(later, lambda word: word == "union", NO_COMMON_WORDS)
    assert group["aliases"] == ["Xara", "The Union", "Xara Union"]  # not 'Union', 'XU' nor Cyrillic
    assert group["countries"] == ["CIV", "COD"]
    assert clean("Mara 18 (Guatemala)") == "Mara 18"
    two = group_of(row(9021, "PF", "Patriotic Xland Front", "1", "Mali"), never_common, NO_COMMON_WORDS)
    assert "PF" not in two["aliases"]


def test_a_name_ending_in_its_country_is_also_said_without_it():
    local = group_of(row(9040, "XSL", "Ansar al-Xaria in Libya", "1", "Libya"), never_common, NO_COMMON_WORDS)
    assert "Ansar al-Xaria" in local["aliases"]
    abroad = group_of(row(9041, "XSM", "Ansar al-Xaria in Libya", "1", "Mali"), never_common, NO_COMMON_WORDS)
    assert "Ansar al-Xaria" not in abroad["aliases"]  # Libya is not where this one is recorded


def test_one_name_is_the_short_name_unless_it_is_an_abbreviation():
    named = group_of(row(9030, "Xeleka", "Union of Xland", "1", "Chad"), never_common, NO_COMMON_WORDS)
    abbreviated = group_of(
        row(9031, "XDF", "Xland Defence Forces", "1", "Chad"), never_common, NO_COMMON_WORDS
    )
    assert (named["name"], abbreviated["name"]) == ("Xeleka", "Xland Defence Forces")


def test_a_former_rebel_group_that_governs_is_coded_by_that_role():
    anc = group_of(
        row(513, "ANC", "African National Congress", "1", "South Africa"), never_common, NO_COMMON_WORDS
    )
    assert anc["type"] == 6


def test_the_committed_dictionary_is_what_the_source_builds():
    """Rebuilt from data/sources with the committed file's own common-word decisions (wordfreq is a
    build extra), the dictionary comes out the same, group for group: it is not stale."""
    committed = [json.loads(line) for line in (ROOT / "models/armed_groups.jsonl").read_text().splitlines()]
    kept = {alias.lower() for group in committed for alias in group["aliases"]}
    demonyms = json.loads((ROOT / "models/demonyms.json").read_text(encoding="utf-8"))
    with open(SOURCE, encoding="utf-8", newline="") as handle:
        rebuilt = list(
            build(
                csv.DictReader(handle),
                common=lambda word: word not in kept,
                peoples=frozenset(k for k in demonyms if not k.startswith("_")),
            )
        )
    assert rebuilt == committed
    assert len(committed) > 1000


# ------------------------------------------------------------------ typing with it
def test_a_group_is_recognised_only_in_the_states_ucdp_records_it_in(types):
    ulfa = Mention("ULFA", "ULFA", AGENT, 0, "ORG")
    assert types.code(ulfa, ("IND",)) == 2
    assert types.code(ulfa, ("KAZ",)) is None
    assert types.code(Mention("suspected ULFA cadres", "suspected ULFA cadres", AGENT, 0), ("IND",)) == 2


def test_an_identity_group_is_a_militia_when_it_acts_and_civilians_when_acted_on(types):
    murle = Mention("Murle", "Murle", AGENT, 0, "NORP")
    assert types.code(murle, ("SSD",)) == 4
    assert types.code(murle, ("SSD",), acting=False) == 7
    herders = Mention("Murle herders", "Murle herders", AGENT, 0)  # the whole name only
    assert types.code(herders, ("SSD",)) != 4
    entry = EntryActors(types, ("SSD",), "Murle youths attacked. Army killed Murle.")
    sides = entry.sides(
        [Mention("army", "army", AGENT, 0), Mention("Murle", "Murle", TARGET, 2, "NORP")],
        "attack",
        1,
        elided=False,
    )
    assert (sides.actor1_type, sides.actor2_type) == (1, 7)


def test_an_abbreviation_of_a_group_has_the_groups_one_name(types):
    entry = EntryActors(types, ("COD",), "M23 3 May attacked Rutshuru.")
    assert entry.canonical("M23") == "March 23 Movement"
    assert EntryActors(types, ("KAZ",), "").canonical("M23") == "M23"  # not a group recorded there
