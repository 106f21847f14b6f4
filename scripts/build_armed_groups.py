"""Build models/armed_groups.jsonl: the named armed groups, militias and identity groups of the
UCDP Actor Dataset, each with its names, the countries it is recorded in and its ACLED inter code.

Source: Uppsala Conflict Data Program (UCDP), Actor Dataset version 22.1 (ucdp-actor-221.csv,
https://ucdp.uu.se/downloads/). data/sources/ucdp-actor-221.csv holds its non-state actors with
the columns read here (data/sources/README.md says what was left out); the full download is read
the same way: ``python scripts/build_armed_groups.py path/to/ucdp-actor-221.csv``.

ACLED inter code, from UCDP's organisation type (``Org``) and the ACLED codebook's actor types:

* Org 1, a formally organised group: a rebel group (2), unless its name calls it a cartel, gang,
  militia, vigilance or self-defence group, which ACLED counts among political militias (3);
* Org 2, the supporters of a party or leader: a political militia (3);
* Org 3, a group that shares an identity (ethnic group, clan, community): an identity militia
  (4), recognised only as the whole name ("Fulani", not the "Fulani" of "Fulani herders");
* a group that has since governed or sat in parliament (SINCE_2003: the ANC, Fatah, the KDP...)
  is a party (6) or a state authority (1), as ACLED codes it in the years CrisisWatch covers;
* Org 4, governments, and "Military faction (...)" rows (a coup named by its leader) are left out,
  as are identity groups that are a country's people ("Senegalese") or a religion qualified by a
  country ("Muslims (India)"): those are populations, not groups.

Names: every Latin-script name of the row (its short, original, English and later names),
parenthesised qualifiers removed ("Mara 18 (Guatemala)" -> "Mara 18"), a name ending in one of
the group's countries also without it ("Ansar al-Sharia in Libya" -> "Ansar al-Sharia"); a
one-word name that is a common English word (wordfreq Zipf frequency 3.0 or more, as in
scripts/build_gazetteer.py) or has fewer than three letters or digits is left out, so "Union"
or "PF" never names a group.
One name per group: its short name unless that is an abbreviation, else its English name.
Countries: the row's locations as ISO 3166 alpha-3 codes; a group is recognised only in entries
about one of them, so "ELN" is Colombia's group in Colombia and Bolivia's in Bolivia.

Run: python scripts/build_armed_groups.py  (rewrites models/armed_groups.jsonl; needs the build
extra, pip install -e '.[build]', for wordfreq)
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "sources" / "ucdp-actor-221.csv"
OUT = ROOT / "models" / "armed_groups.jsonl"
COMMON_WORD_ZIPF = 3.0
REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA = 2, 3, 4
CODE_OF_ORG = {"1": REBELS, "2": POLITICAL_MILITIA, "3": IDENTITY_MILITIA}
#: words of a formally organised group's name that make it a militia rather than a rebel group
MILITIA_WORDS = re.compile(
    r"\b(cartel|cartels|cártel|gang|boys|militia|vigilance|vigilante|self-defen[cs]e|autodefensas)\b", re.I
)
NAME_COLUMNS = (
    "NameData",
    "NameOrig",
    "NameOrigFull",
    "NameOrigFullEng",
    "NewName",
    "NewNameFullMotherTongue",
    "NewNameFullEng",
)
#: UCDP's spellings of countries that ISO 3166 (pycountry) does not know by that name
UCDP_COUNTRIES = {
    "Ivory Coast": "CIV",
    "DR Congo": "COD",
    "Bosnia-Herzegovina": "BIH",
    "South Vietnam": "VNM",
    "Turkey": "TUR",
    "Russia": "RUS",
    "Hyderabad": "IND",
    "South Yemen": "YEM",
    "Macedonia, FYR": "MKD",
    "CAR": "CAF",
}
#: groups UCDP records as rebels that have since governed or sat in parliament in the years
#: CrisisWatch covers (2003-), coded by the role they play then (general knowledge of each
#: country's politics): a party (6), or a state's authority (1)
PARTY, STATE = 6, 1
SINCE_2003 = {
    178: PARTY,  # CPI, Communist Party of India
    204: PARTY,  # PLO
    210: STATE,  # Palestinian National Authority
    231: PARTY,  # SCIRI, Iraq
    239: PARTY,  # Amal, Lebanon
    257: PARTY,  # Nepali Congress
    258: PARTY,  # CPN-M, Nepal's Maoists, in government from 2008
    260: PARTY,  # KDP, Iraqi Kurdistan
    261: PARTY,  # PUK, Iraqi Kurdistan
    269: PARTY,  # Muslim Brotherhood
    273: PARTY,  # FUNCINPEC, Cambodia
    354: PARTY,  # MQM, Pakistan
    401: PARTY,  # Istiqlal, Morocco
    405: PARTY,  # MPLA, Angola
    414: PARTY,  # EPRDF, Ethiopia
    417: PARTY,  # PAIGC, Guinea-Bissau
    428: PARTY,  # Frelimo, Mozambique
    434: PARTY,  # CNDD-FDD, Burundi
    445: PARTY,  # MPS, Chad
    461: PARTY,  # SWAPO, Namibia
    481: STATE,  # NRA, Uganda's army since 1986
    493: PARTY,  # ZANU, Zimbabwe
    513: PARTY,  # ANC, South Africa
    527: PARTY,  # FPR (RPF), Rwanda
    732: PARTY,  # URNG, Guatemala
    755: PARTY,  # FMLN, El Salvador
    758: PARTY,  # FSLN, Nicaragua
    879: PARTY,  # PSP, Lebanon
    1117: PARTY,  # IFP, South Africa
    1126: STATE,  # NTC, Libya's transitional authority of 2011
    6254: STATE,  # Forces of the Presidential Leadership Council, Yemen's recognised government
    6868: PARTY,  # GPC, Yemen
    8175: PARTY,  # FRODEBU, Burundi
}
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    from wordfreq import zipf_frequency  # the build extra: not needed to run the pipeline

    demonyms = json.loads((ROOT / "models" / "demonyms.json").read_text(encoding="utf-8"))
    with open(source, encoding="utf-8", newline="") as handle:
        groups = list(
            build(
                csv.DictReader(handle),
                common=lambda word: zipf_frequency(word, "en") >= COMMON_WORD_ZIPF,
                peoples=frozenset(k for k in demonyms if not k.startswith("_")),
            )
        )
    OUT.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in groups), encoding="utf-8")
    print(f"{len(groups)} groups, {sum(len(g['aliases']) for g in groups)} names -> {OUT}")
    return 0


def build(rows: Iterable[dict], common: Callable[[str], bool], peoples: frozenset[str]) -> Iterator[dict]:
    """One group a usable row, sorted by UCDP's ActorId (see the module's docstring)."""
    for row in sorted(rows, key=lambda r: int(r["ActorId"])):
        group = group_of(row, common, peoples)
        if group is not None:
            yield group


def group_of(row: dict, common: Callable[[str], bool], peoples: frozenset[str]) -> dict | None:
    """The group a UCDP row describes, or None for a row left out."""
    org = row["Org"].strip()
    short = clean(row["NameData"])
    if org not in CODE_OF_ORG or short.lower().startswith("military faction"):
        return None
    if org == "3" and (short in peoples or _qualified_by_country(row["NameData"])):
        return None
    countries = sorted({c for place in row["Location"].split(",") if (c := iso3(place))})
    names = [n for n in _with_local_names(_names(row), countries) if usable(n, common)]
    if not names or not countries:
        return None
    code = CODE_OF_ORG[org]
    if code == REBELS and any(MILITIA_WORDS.search(n) for n in names):
        code = POLITICAL_MILITIA
    code = SINCE_2003.get(int(row["ActorId"]), code)
    return {
        "name": canonical(row, names),
        "aliases": names,
        "type": code,
        "countries": countries,
        "whole_name_only": org == "3",
        "ucdp_actor_id": int(row["ActorId"]),
    }


def _names(row: dict) -> list[str]:
    """Every name of the row, once, in column order; the later names are comma-separated lists."""
    names: list[str] = []
    for column in NAME_COLUMNS:
        value = row.get(column) or ""
        parts = value.split(",") if column.startswith("New") else [value]
        for part in parts:
            name = clean(part)
            if name and name.lower() != "n/a" and name not in names:
                names.append(name)
    return names


def _with_local_names(names: list[str], countries: list[str]) -> list[str]:
    """'Ansar al-Sharia in Libya' is 'Ansar al-Sharia' in Libya: a name ending in 'in' and one of
    the group's countries is also said without it (the group is recognised only there)."""
    local = []
    for name in names:
        match = re.fullmatch(r"(.+?) in (?:the )?(.+)", name)
        if match and iso3(match.group(2)) in countries and match.group(1) not in names + local:
            local.append(match.group(1))
    return names + local


def clean(name: str) -> str:
    """A name without parenthesised qualifiers, line breaks or extra spaces."""
    return " ".join(_PARENTHESES.sub("", name).split())


def usable(name: str, common: Callable[[str], bool]) -> bool:
    """A Latin-script name that cannot be mistaken for an ordinary word."""
    if not _LATIN.search(name) or not name[:1].isalnum() or not any(ch.isupper() for ch in name):
        return False
    words = name.split()
    if len(words) == 1:
        return sum(ch.isalnum() for ch in name) >= 3 and not common(name.lower())
    return True


def canonical(row: dict, names: list[str]) -> str:
    """The short name UCDP uses now, unless it is an abbreviation; then the English name."""
    latest = [clean(n) for n in (row.get("NewName") or "").split(",") if clean(n)]
    short = latest[-1] if latest else clean(row["NameData"])
    english = [clean(n) for n in (row.get("NewNameFullEng") or "").split(",") if clean(n)]
    full = english[-1] if english else clean(row.get("NameOrigFullEng") or "")
    if short in names and not _abbreviation(short):
        return short
    if full and full.lower() != "n/a" and full in names:
        return full
    return names[0]


def _abbreviation(name: str) -> bool:
    """'ADF', 'M23', 'SPLM/A - IO': capitals (and digits or signs), no lower-case word."""
    return not any(ch.islower() for ch in name)


def _qualified_by_country(name: str) -> bool:
    """'Muslims (India)', 'Christians (CAR)': a population named with its country."""
    return any(iso3(part) for part in re.findall(r"\(([^)]*)\)", name))


def iso3(place: str) -> str | None:
    """ISO 3166 alpha-3 of a UCDP location ('DR Congo (Zaire)' -> COD), or None."""
    bare = clean(place)
    if not bare:
        return None
    if bare in UCDP_COUNTRIES:
        return UCDP_COUNTRIES[bare]
    try:
        return pycountry.countries.lookup(bare).alpha_3
    except LookupError:
        return None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
