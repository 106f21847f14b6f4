"""ACLED's inter code of an actor (1 state forces ... 8 external forces), read from its words.

The vocabulary is data in models/: generic_actors.json gives the code a head
noun has by itself ('police' 1, 'protesters' 6, 'civilians' 7),
actor_types.json the modifiers, organisation-name words and titles that
change or give it, organisations.jsonl the code and one name of known bodies
and armed groups, armed_groups.jsonl those of the UCDP Actor Dataset (built by
scripts/build_armed_groups.py), demonyms.json whose a demonym is. A state's forces, officials
or name are state forces (1) in an entry about that state and external forces
(8) in another's, as ACLED codes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

import pycountry

from ..resources import read_json, read_jsonl
from .actors import Mention

IDENTITY_MILITIA, CIVILIANS = 4, 7


@dataclass(frozen=True)
class KnownActor:
    """A body or armed group of models/organisations.jsonl."""

    name: str  # its one name ('Islamic State' for ISIS, ISIL, IS and Daesh)
    code: int | None
    country: str | None = None  # ISO3 of the state it belongs to ('Kremlin': RUS)


@dataclass(frozen=True)
class NamedGroup:
    """An armed group, militia or identity group of models/armed_groups.jsonl (UCDP Actor Dataset)."""

    name: str  # its one name
    code: int
    countries: frozenset[str]  # ISO3 of the states it is recorded in: it is recognised only there
    whole_name_only: bool  # an identity group: 'Fulani', never the 'Fulani' of 'Fulani herders'


@dataclass(frozen=True)
class ActorTypes:
    """The words that give an actor its ACLED code (see the module's docstring)."""

    nouns: dict[str, int | None]
    modifiers: dict[str, int]
    name_words: dict[str, int]
    titles: dict[str, int]
    title_tails: frozenset[str]  # 'leader' in 'opposition leader X': between a title and the name
    deputy_words: frozenset[str]  # 'deputy' FM X: another office than the title's
    supranational_words: frozenset[str]  # 'Inter-American Commission ...': a body of many states
    led_words: frozenset[str]  # 'Saudi-led coalition': who leads a force, external when foreign
    backed_words: frozenset[str]  # 'Emirati-backed forces': who stands behind a force not its own
    professions: frozenset[str]  # 'journalists', 'lawyers': civilians, civil society when they act
    known: dict[str, KnownActor]  # folded name or alias -> the body
    groups: dict[str, tuple[NamedGroup, ...]]  # folded name or alias -> the groups of that name
    demonyms: dict[str, str]  # 'Russian' -> 'RUS'
    country_names: dict[str, str]  # short forms pycountry does not know: 'UK' -> 'GBR'

    @classmethod
    def from_models(cls) -> ActorTypes:
        types = read_json("actor_types.json")
        known = {
            folded(row["pattern"]): KnownActor(row["id"], row.get("type"), row.get("country"))
            for row in read_jsonl("organisations.jsonl")
            if "id" in row
        }
        demonyms = {k: v for k, v in read_json("demonyms.json").items() if not k.startswith("_")}
        groups: dict[str, list[NamedGroup]] = {}
        for row in read_jsonl("armed_groups.jsonl"):
            group = NamedGroup(row["name"], row["type"], frozenset(row["countries"]), row["whole_name_only"])
            for alias in row["aliases"]:
                groups.setdefault(folded(alias), []).append(group)
        return cls(
            nouns={k.lower(): v for k, v in read_json("generic_actors.json")["actors"].items()},
            modifiers={k.lower(): v for k, v in types["modifiers"].items()},
            name_words=types["name_words"],
            titles=types["titles"],
            title_tails=frozenset(types["title_tails"]),
            deputy_words=frozenset(types["deputy_words"]),
            supranational_words=frozenset(types["supranational_words"]),
            led_words=frozenset(types["led_words"]),
            backed_words=frozenset(types["backed_words"]),
            professions=frozenset(types["professions"]),
            known=known,
            groups={alias: tuple(found) for alias, found in groups.items()},
            demonyms=demonyms,
            country_names=types["country_names"],
        )

    def code(self, mention: Mention, home: tuple[str, ...], acting: bool = True) -> int | None:
        """The ACLED inter code of ``mention`` in an entry about the states ``home`` (ISO3), or None.

        ``acting`` is False for the side acted on in one-sided events: an identity group there is
        its people, civilians ('massacre of 600 Hausa'), as ACLED codes victims."""
        known = self.known_as(mention.name)
        if known is not None:
            return _at_home(known.code, known.country, home)
        country = self.country(mention.name)
        if country:
            return 1 if country in home else 8  # a state acting as such
        if mention.name in self.demonyms:  # 'Israeli' of 'Israeli raid': the state's forces
            return _at_home(1, self.demonyms[mention.name], home)
        people = self.demonyms.get(mention.name.removesuffix("s"))
        if people and mention.name.endswith("s"):  # 'Kazakhs' went to the polls: a people, not a state
            if self._ethnic(mention):
                return IDENTITY_MILITIA  # 'ethnic Somalis' raided: an ethnic group, not a state's people
            return 7 if people in home else 8
        group = self.group(mention.name, home)
        if group is not None:
            return CIVILIANS if group.whole_name_only and not acting else group.code
        inside = self._known_inside(mention.name)  # 'Unidentified Boko Haram faction', 'ISGS militants'
        if inside is not None:
            return _at_home(inside.code, inside.country, home)
        inside_group = self._group_inside(mention.name, home)  # 'suspected ASG militants'
        if inside_group is not None:
            return inside_group.code
        if _proper(mention.name) and mention.name.split()[0].lower() in self.supranational_words:
            return 8  # 'Inter-American Court on Human Rights': a body of many states, not the home court
        words = mention.written.split()
        named = len(mention.name.split())
        prefix = [w.lower() for w in words[: len(words) - named]] if len(words) > named else []
        lowered = [w.lower().removesuffix("’s").removesuffix("'s") for w in _rejoined(mention.name.split())]
        state = next((self.demonyms.get(w) or self.country(w) for w in words if w[:1].isupper()), None)
        code = self._title(prefix)
        if code is None and mention.label == "PERSON":
            code = self._organisation_before(words[: len(words) - named], home)
        if code is None and _proper(mention.name) and any(self.name_words.get(w) == 2 for w in lowered):
            code = 2  # 'Ta'ang National Liberation Army': a liberation army is a rebel group, not the army
        if code is None:
            code = self._by_head(lowered)
        if code is None and prefix:  # 'Islamist party Islah', 'militia X': the kind the text gives it
            code = self.nouns.get(prefix[-1])
        # a name ending in a plural name word is a group whatever the NER said ('Tarok Christians', PERSON)
        plural = lowered[-1] in self.name_words and lowered[-1].endswith("s")
        if code is None and (mention.label in ("ORG", "NORP", "") or plural):
            code = self._name_word_code(lowered)
        if code is None and self._ethnic(mention):
            code = IDENTITY_MILITIA  # 'ethnic Misqan': a people named with 'ethnic' or 'tribal' in front
        if self._from_abroad(words, home, self.led_words):
            return 8  # 'Saudi-led coalition' in Yemen: external forces; 'Iran-backed' groups stay local
        if code == 1 and self._from_abroad(words, home, self.backed_words):
            return 3  # 'Emirati-backed security forces': a foreign state's militia, not the home state's
        return _at_home(code, state, home)

    def profession(self, name: str) -> bool:
        """'law professors', 'Reuters journalists': a group named by its profession."""
        words = name.lower().split()
        return bool(words) and (words[-1] in self.professions or " ".join(words[-2:]) in self.professions)

    def _from_abroad(self, words: list[str], home: tuple[str, ...], ways: frozenset[str]) -> bool:
        """'Saudi-led coalition', 'AU-led force', 'Emirati-backed forces': led or backed (as ``ways``
        says) by a foreign state or body."""
        for word in words:
            leader, _, led = word.rpartition("-")
            if led.lower() not in ways or not leader:
                continue
            known = self.known_as(leader)
            country = self.demonyms.get(leader) or self.country(leader)
            if (known is not None and known.code == 8) or (country and home and country not in home):
                return True
        return False

    def _ethnic(self, mention: Mention) -> bool:
        """'ethnic Somalis', 'tribal Afar': a modifier in front of the name makes it an identity group."""
        words = mention.written.split()
        return any(
            self.modifiers.get(w.lower()) == IDENTITY_MILITIA for w in words[: -len(mention.name.split())]
        )

    def person_title(self, surname: str, text: str, home: tuple[str, ...]) -> int | None:
        """The code of the title the entry gives a person anywhere ('former PM Imran Khan ... Khan 9 May
        said'): the first title word in front of the name, up to two role nouns after it (title_tails:
        'opposition leader X', 'opposition heavyweight X') and three names between; a state's official
        is 8 outside it ('Russian President Putin' in an entry on Kazakhstan)."""
        if not surname[:1].isupper():
            return None
        for at in _word_at(text, surname):
            match = self._title_before.search(text, _last_words(text, at, self._title_words), at)
            if match is None:
                continue
            before = (match.group(1) or "").strip()
            code = self._title([w.lower().rstrip(",") for w in match.group(0).split()])  # 'Former PM X': 6
            if code is not None:
                return _at_home(code, self.demonyms.get(before) or self.country(before), home)
        return None

    @cached_property
    def _title_before(self) -> re.Pattern[str]:
        """A title with its role nouns and names, ending where a name starts ('military general,
        Vladimir Padrino López': a comma may set the name apart): compiled once, as it is asked for
        every untyped person of every entry."""
        return re.compile(
            rf"(\S+\s+)?(?i:\b(?:{self._titles_alternation})\b(?:-elect)?)(?:\s+(?:{self._tails_alternation})){{0,2}},?"
            rf"(?:\s+[A-Z][\w’'.-]*){{0,3}}\s+$"
        )

    def member_noun(self, name: str, text: str) -> int | None:
        """The code of a group the entry names with its members after it ('SSLA rebels', 'ASG
        militants', 'PTI supporters'): a non-state noun (2 to 6) of models/generic_actors.json right
        after the name. State, civilian and external nouns are left out: after a name they say whose
        forces or victims they are ('Hadi forces', 'Hamas prisoners'), not what the group is."""
        if not name[:1].isupper():
            return None
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?:’s|'s)?\s+([A-Za-z-]+)", text):
            code = self.nouns.get(match.group(1).lower())
            if code is not None and 2 <= code <= 6:
                return code
        return None

    @cached_property
    def _tails_alternation(self) -> str:
        return "|".join(re.escape(t) for t in sorted(self.title_tails, key=len, reverse=True))

    @cached_property
    def _title_words(self) -> int:
        """The most words a match of ``_title_before`` spans: a word, the longest title, two of the
        longest role nouns and three names. The search starts that many words before the name, not
        at every character of a long stretch before it (4% of the rules' time, 0.2 s in 100,000 words)."""

        def longest(phrases: Iterable[str]) -> int:
            return max((len(p.split()) for p in phrases), default=1)

        return 1 + longest(self.titles) + 2 * longest(self.title_tails) + 3

    @cached_property
    def _titles_alternation(self) -> str:
        return "|".join(re.escape(t) for t in sorted(self.titles, key=len, reverse=True))

    def _known_inside(self, name: str) -> KnownActor | None:
        """The longest known body named within a longer name."""
        return next((k for part in _parts(name) if (k := self.known_as(part)) is not None), None)

    def known_as(self, name: str) -> KnownActor | None:
        """The known body of that name, whatever its case and accents ('Médècins Sans Frontières')."""
        return self.known.get(folded(name))

    def group(self, name: str, home: tuple[str, ...], whole: bool = True) -> NamedGroup | None:
        """The group of that name recorded in one of the entry's states ('ELN' in Colombia is
        Colombia's ELN), or None; ``whole=False`` asks for a name inside a longer one, which an
        identity group never is."""
        for group in self.groups.get(folded(name), ()):
            if group.countries.intersection(home) and (whole or not group.whole_name_only):
                return group
        return None

    def _group_inside(self, name: str, home: tuple[str, ...]) -> NamedGroup | None:
        """The longest group named within a longer name."""
        return next(
            (g for part in _parts(name) if (g := self.group(part, home, whole=False)) is not None), None
        )

    def country(self, name: str) -> str | None:
        """ISO3 of a country named by ``name`` ('Russia', 'U.S.', 'UK'), or None (answers kept: it is
        asked for every place and every capitalised word of an actor)."""
        if name not in self._countries:
            self._countries[name] = self._lookup_country(name)
        return self._countries[name]

    @cached_property
    def _countries(self) -> dict[str, str | None]:
        return {}

    def _lookup_country(self, name: str) -> str | None:
        bare = name.replace(".", "").strip()
        if bare in self.country_names:
            return self.country_names[bare]
        if len(bare) < 4:
            return None  # a code ('BH', 'AA') is an abbreviation of a group here, not a country
        try:
            return pycountry.countries.lookup(bare).alpha_3
        except LookupError:
            return None

    def _title(self, prefix: list[str]) -> int | None:
        """'President' in 'President Samba Panza'; 'opposition' in 'opposition leader X' (the first word
        of the title that has a code: 'Deputy FM' is 1); a known body in the title is whose official
        the person is ('AQAP deputy leader X' is 2, 'Hamas leader X' 2)."""
        for word in prefix:
            known = self.known_as(word.strip(",").removesuffix("’s").removesuffix("'s"))
            if known is not None and known.code is not None:
                return known.code
        for word in prefix:
            title = word.removesuffix("-elect")  # 'President-elect X' holds the title's side already
            if title in self.titles:
                return self.titles[title]
        return None

    def _organisation_before(self, prefix: list[str], home: tuple[str, ...]) -> int | None:
        """A person is of the organisation named in front of their role ('Moro National Liberation
        Front founder X', 'MNLF founder X'): the capitalised words before the role nouns, as a known
        body, an armed group of the entry's states or an organisation's name words."""
        while prefix and not prefix[-1][:1].isupper():
            prefix = prefix[:-1]  # 'founder', 'deputy leader'
        if len(prefix) < 1 or not all(w[:1].isupper() or w in ("of", "for", "and") for w in prefix):
            return None
        name = " ".join(prefix)
        known = self.known_as(name)
        if known is not None:
            return _at_home(known.code, known.country, home)
        group = self.group(name, home)
        if group is not None:
            return group.code
        if len(prefix) < 2:
            return None  # one capitalised word alone names no organisation by its words
        return self._name_word_code([w.lower() for w in prefix])

    def _name_word_code(self, lowered: list[str]) -> int | None:
        """The code of the last organisation-name word of a name ('X Liberation Front' -> 2)."""
        return next((self.name_words[w] for w in reversed(lowered) if w in self.name_words), None)

    def _by_head(self, lowered: list[str]) -> int | None:
        """The head noun's code, unless a modifier in front changes it ('unidentified gunmen' 3)."""
        if not lowered:
            return None
        size = next(  # 'state media', 'security forces': the phrase first
            (n for n in range(len(lowered), 1, -1) if self.nouns.get(" ".join(lowered[-n:])) is not None), 1
        )
        head = " ".join(lowered[-size:])
        code = self.nouns.get(head)
        if code is None:
            code = self.nouns.get(head.removesuffix("s"), self.titles.get(head))
        if code is None and head not in self.nouns and head not in self.titles:
            return None
        modifier = next((self.modifiers[w] for w in lowered[:-size] if w in self.modifiers), None)
        if modifier is None or (code == 1 and modifier not in (2, 8)):  # 'pro-govt forces' stay 1
            return code
        return modifier


def folded(name: str) -> str:
    """A name for look-up: lower case, accents dropped ('Médècins' and 'Médecins' are one)."""
    if name.isascii():  # most names: no accent to drop
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _parts(name: str) -> Iterator[str]:
    """The runs of words inside a name, longest first, then left to right ('Unidentified Boko
    Haram faction' -> 'Unidentified Boko Haram', 'Boko Haram faction', ..., 'Boko Haram', ...)."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            yield " ".join(words[start : start + size])


def _proper(name: str) -> bool:
    """A proper name of several words: 'National Liberation Army', not 'liberation army'."""
    words = name.split()
    return len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper()


#: how far before a name its title may begin: a word, the title, two role nouns and three names
_TITLE_REACH = 300


def _last_words(text: str, end: int, count: int) -> int:
    """Where the last ``count`` words before ``end`` begin (within _TITLE_REACH characters)."""
    start = max(0, end - _TITLE_REACH)
    words = text[start:end].rsplit(None, count)
    return start + len(words[0]) if len(words) > count else start


def _word_at(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole word after a space."""
    found, at = [], text.find(word)
    while at != -1:
        end = at + len(word)
        if (
            at > 0
            and text[at - 1].isspace()
            and not (end < len(text) and (text[end].isalnum() or text[end] == "_"))
        ):
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _rejoined(words: list[str]) -> list[str]:
    """Words split by a line-break hyphen joined again: 'peace- keeping' -> 'peacekeeping'."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1].endswith("-") and len(joined[-1]) > 1:
            joined[-1] = joined[-1][:-1] + word
        else:
            joined.append(word)
    return joined


def _at_home(code: int | None, country: str | None, home: tuple[str, ...]) -> int | None:
    """A state's own forces are 1 at home and 8 abroad ('Russian forces' in an entry on Ukraine)."""
    if code == 1 and country and home and country not in home:
        return 8
    return code
