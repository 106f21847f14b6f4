"""An event in ACLED's and PLOVER's terms, coded from the event itself, not looked up by its type.

ACLED's sub-event type depends on how the violence was done and to whom: an
attack by air strike is "Explosions/Remote violence - Air/drone strike", an
attack on soldiers is a battle, a detention by a rebel group an abduction.
PLOVER's category depends on what was done: a release is CONCEDE, a threat
THREATEN, a demand DEMAND. The rules are data (models/coding.json): for each
event type, an ordered list of codes with the cue words and actor kinds that
call for them; the first that fits wins, the last is the default. The cue is
looked for in the trigger first, then in the evidence, so the event's own
predicate decides before its neighbours do.

Event types ACLED does not code (elections, statements, summits ...) get null
ACLED fields; a statement that is only a comment gets no PLOVER category
(PLOVER dropped CAMEO's comment categories).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..records import Event
from ..resources import read_json


@dataclass(frozen=True)
class Rule:
    """One code and when it applies."""

    code: dict  # the fields the rule sets ("sub"/"event" for ACLED, "category"/"mode" for PLOVER)
    words: Cue | None  # cue words; None: no cue needed
    victims: re.Pattern | None = (
        None  # cue: these suffer the violence ('killing 42 soldiers', 'police attacked')
    )
    agents: frozenset[int] | None = None  # actor1 must have one of these inter codes
    targets: frozenset[int] | None = None  # actor2 must have one of these inter codes
    deaths: bool = False  # the event states deaths
    no_deaths: bool = False  # the event states none
    in_evidence: bool = False  # the cue is looked for in the evidence even before other rules' trigger cues

    @property
    def default(self) -> bool:
        """A rule with no cue and no condition: what the type is coded as when nothing else fits."""
        return (
            self.words is None
            and self.victims is None
            and self.agents is None
            and self.targets is None
            and not self.deaths
        )

    def fits(self, ev: Event, text: Text) -> bool:
        if self.agents is not None and ev.actor1_type not in self.agents:
            return False
        if self.targets is not None and ev.actor2_type not in self.targets:
            return False
        if self.deaths and not ev.fatalities:
            return False
        if self.no_deaths and ev.fatalities:
            return False
        if self.victims is not None:
            return bool(self.victims.search(text.text))
        return self.words is None or self.words.in_text(text)


@cache
def _forms(word: str) -> tuple[str, ...]:
    """A cue word and its regular inflections ('seize' -> seized, seizing; 'kidnap' -> kidnapped)."""
    first, _, rest = word.partition(" ")
    forms = {first, first + "s", first + "es", first + "d", first + "ed", first + "ing"}
    if first.endswith("e"):
        forms.add(first[:-1] + "ing")
    if first.endswith("y"):
        forms |= {first[:-1] + "ies", first[:-1] + "ied"}
    forms |= {first + first[-1] + "ed", first + first[-1] + "ing"}
    return tuple(sorted(f"{f} {rest}".strip() for f in forms))


class Text:
    """A text the cues are looked for in, with its words (lower case) read once for all rules."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(_WORD.findall(self.text.lower()))


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Cue:
    """Cue words in their inflections, found as whole words ('seized', not 'seizes' in 'seizure').

    A form of one word is looked up among the text's words, which is what ``\\bform\\b`` finds;
    forms of several words, or with a hyphen or an apostrophe, go through one regex. One regex of
    all the forms, tried at every position, was a tenth of the rules' time.
    """

    words: frozenset[str]
    phrases: re.Pattern | None

    @classmethod
    def of(cls, words: list[str]) -> Cue:
        forms = {form for word in words for form in _forms(word.lower())}
        single = frozenset(f for f in forms if _WORD.fullmatch(f))
        rest = sorted(forms - single)
        alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in rest)
        return cls(single, re.compile(rf"\b(?:{alternation})\b", re.I) if rest else None)

    def in_text(self, text: Text) -> bool:
        return not self.words.isdisjoint(text.words) or bool(self.phrases and self.phrases.search(text.text))


_HARM = (
    r"(?:(?:kill|attack|ambush|target|wound|shoot|shot|behead|massacre|execute)\w*"
    r"|(?:opened|open|fired)\s+fire\s+on|fired\s+on)"
)
_VAGUE_COUNTS = ("at least", "several", "dozens")


@dataclass(frozen=True)
class Counting:
    """The number words and month names a victim pattern needs (models/numbers.json, the date
    resolver's months): a count after 'killed' makes the nouns the killers ('two soldiers killed
    three civilians'), a date does not ('2 U.S. soldiers killed 18 March')."""

    numbers: dict[str, int]
    months: tuple[str, ...]

    @classmethod
    def from_models(cls) -> Counting:
        months = read_json("dates.json")["months"].values()
        return cls(read_json("numbers.json")["number_words"], tuple(m for names in months for m in names))

    def alternation(self) -> str:
        """A few victims counted in words ('two' to 'ten'): 'one soldier killed' names no group."""
        small = (w for w, n in self.numbers.items() if 2 <= n <= 10)
        words = sorted((*small, *_VAGUE_COUNTS), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def victim_pattern(nouns: list[str], counting: Counting) -> re.Pattern:
    """The nouns as victims: 'killing 42 soldiers', 'ambushed army patrol', 'policemen were killed',
    '2 U.S. soldiers killed' (a count before them), never 'soldiers killed civilians'."""
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    counts = counting.alternation()
    months = "|".join(re.escape(m) for m in sorted(counting.months, key=len, reverse=True))
    return re.compile(
        rf"\b{_HARM}\s+(?:[\w,.’'-]+\s+){{0,4}}?(?:{alternation})\b"
        rf"|\b(?:{alternation})\s+(?:\w+\s+)?(?:were|was|been|also)\s+{_HARM}"
        rf"|\b(?:\d+|{counts})\s+(?:[\w.]+\s+){{0,2}}?"
        rf"(?:{alternation})\s+(?:\w+\s+)?(?:killed|wounded|injured)\b"
        rf"(?!\s+(?:{counts}|\d+\s+(?!{months})[a-z]))",
        re.I,
    )


def _rules(rows: list[dict], fields: tuple[str, ...], counting: Counting) -> list[Rule]:
    return [
        Rule(
            code={f: row.get(f) for f in fields},
            words=Cue.of(row["words"]) if row.get("words") else None,
            victims=victim_pattern(row["victims"], counting) if row.get("victims") else None,
            agents=frozenset(row["agents"]) if "agents" in row else None,
            targets=frozenset(row["targets"]) if "targets" in row else None,
            deaths=row.get("deaths", False),
            no_deaths=row.get("no_deaths", False),
            in_evidence=row.get("in_evidence", False),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Coder:
    """ACLED and PLOVER coding rules per event type (models/coding.json), built once per process."""

    acled: dict[str, list[Rule]]
    plover: dict[str, list[Rule]]
    disorder: dict[str, str]  # ACLED event type -> disorder type
    disorder_of_sub: dict[str, str]  # sub-event types whose disorder type differs from their event type's
    civilian_subs: frozenset[str]  # sub-event types that target civilians by definition
    explosive_targets: frozenset[int]  # actor2 codes that make an explosion civilian targeting
    civilian_words: Cue

    @classmethod
    def from_models(cls, counting: Counting | None = None) -> Coder:
        """The rules of models/coding.json; ``counting`` is passed by an Extractor that holds the
        number words and months already, and read from models/ otherwise."""
        counting = counting or Counting.from_models()
        data = read_json("coding.json")
        civ = data["civilian_targeting"]
        return cls(
            acled={t: _rules(rows, ("sub", "event"), counting) for t, rows in data["acled"].items()},
            plover={t: _rules(rows, ("category", "mode"), counting) for t, rows in data["plover"].items()},
            disorder=data["disorder_type"],
            disorder_of_sub=data["disorder_of_sub_event"],
            civilian_subs=frozenset(civ["sub_events"]),
            explosive_targets=frozenset(civ["explosive_targets"]),
            civilian_words=Cue.of(civ["words"]),
        )

    def code(self, ev: Event) -> None:
        """Fill the event's ACLED and PLOVER fields."""
        trigger, evidence = Text(ev.trigger), Text(ev.evidence)  # their words read once for both codebooks
        acled = _first(self.acled.get(ev.event_type, []), ev, trigger, evidence)
        if acled is not None:
            ev.acled_event_type, ev.acled_sub_event_type = acled["event"], acled["sub"]
            ev.disorder_type = self.disorder_of_sub.get(acled["sub"], self.disorder[acled["event"]])
            ev.civilian_targeting = self._targets_civilians(ev, evidence)
        plover = _first(self.plover.get(ev.event_type, []), ev, trigger, evidence)
        if plover is not None:
            ev.plover, ev.plover_mode = plover["category"], plover["mode"]

    def _targets_civilians(self, ev: Event, evidence: Text) -> bool | None:
        """ACLED's civilian_targeting: civilians the primary target of political violence; null for
        events that are not political violence."""
        if ev.disorder_type is None or "Political violence" not in ev.disorder_type:
            return None
        if ev.acled_sub_event_type in self.civilian_subs:
            return True
        if ev.acled_event_type == "Explosions/Remote violence":
            if ev.actor2_type is not None:
                return ev.actor2_type in self.explosive_targets
            return self.civilian_words.in_text(evidence)
        return False


def _first(rules: list[Rule], ev: Event, trigger: Text, evidence: Text) -> dict | None:
    """The first rule whose cue is in the trigger; else the first whose cue is in the evidence; else
    the first that needs no cue but whose condition (actor kinds, deaths) holds; else the default."""
    cued = [rule for rule in rules if rule.words is not None or rule.victims is not None]
    for text in (trigger, evidence):
        for rule in cued:
            if rule.fits(ev, evidence if rule.in_evidence else text):
                return rule.code
    for rule in rules:
        if rule.words is None and rule.victims is None and not rule.default and rule.fits(ev, evidence):
            return rule.code
    return next((rule.code for rule in rules if rule.default), None)
