"""ACLED's two sides of an event from its actors' roles: actor1 acts, actor2 is acted on.

The parse gives most roles (pipeline.events.actors); what it leaves open is
settled here, by the event's type and the order of the words:

* a name the parse did not tie to the trigger is on the agent's side when it
  comes before the trigger ('Chad govt ... denied') and on the target's side
  after it (what a statement is about, whom an attack hit);
* 'between X and Y' puts X in actor1 and Y in actor2 (docs/CODEBOOK.md 3: the side
  named first in a clash, talks or agreement);
* in a clash, talks or agreement whose counterpart is not named apart
  ('Erdoğan and Putin announced agreement'), the first of the joint subjects is
  actor1 and the others actor2; one whose only side is a counterpart ('clashes
  with peacekeepers') has it as actor1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .actor_types import CIVILIANS, IDENTITY_MILITIA, ActorTypes
from .actors import AGENT, PAIR, TARGET, Mention
from .aliases import abbreviations, definitions

PROTESTERS, RIOTERS = 6, 5
#: political violence: ACLED's civilians are its victims only, never the side that acts
_VIOLENCE = frozenset({"attack", "armed_clash"})
_CROWD_CODES = {"protest": PROTESTERS, "riot": RIOTERS}
#: events with two sides of the same standing: the first named is actor1 (docs/CODEBOOK.md 3)
SYMMETRIC = frozenset({"armed_clash", "summit", "agreement"})


def split_sides(
    mentions: list[Mention], event_type: str, trigger_at: int
) -> tuple[list[Mention], list[Mention]]:
    """(actor1, actor2), each in the order of the text."""
    agents: list[Mention] = []
    targets: list[Mention] = []
    pair = sorted((m for m in mentions if m.role == PAIR), key=lambda m: m.at)
    for mention in mentions:
        if mention.role == AGENT:
            agents.append(mention)
        elif mention.role == TARGET:
            targets.append(mention)
        elif mention.role is None:
            (agents if mention.at < trigger_at else targets).append(mention)
    if pair:
        agents.append(pair[0])
        targets.extend(pair[1:])
    agents.sort(key=lambda m: m.at)
    targets.sort(key=lambda m: m.at)
    if event_type in SYMMETRIC:
        if not targets and len(agents) > 1:
            agents, targets = agents[:1], agents[1:]
        elif not agents and targets:  # 'clashes with peacekeepers': the one side named is named first
            agents, targets = targets[:1], targets[1:]
    return agents, targets


def interaction(type1: int | None, type2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first; one code alone is 'sole' action (x0)."""
    codes = sorted(code for code in (type1, type2) if code is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


class Discourse:
    """The agents of the latest event that named some, for the next clause that leaves its subject out
    ('Separatists 5 Jan attacked X; 14 Jan abducted eight workers'). One per entry, in text order;
    a subject is carried within its sentence and into the next one, no further."""

    def __init__(self) -> None:
        self.agents: list[Mention] = []
        self.sentence = 0  # the sentence being read
        self.named_in = -2  # the sentence the agents were named in

    def next_sentence(self) -> None:
        self.sentence += 1

    def agents_for(self, agents: list[Mention], elided: bool) -> list[Mention]:
        """``agents`` when the clause names some (and remember them); when its subject is elided,
        the latest named in this sentence or the one before."""
        if agents:
            self.agents, self.named_in = agents, self.sentence
            return agents
        return list(self.agents) if elided and self.sentence - self.named_in <= 1 else []


@dataclass
class Sides:
    """An event's two sides as the events table holds them."""

    actor1: list[str]
    actor2: list[str]
    actor1_type: int | None
    actor2_type: int | None
    actor1_name: str | None
    actor2_name: str | None


class EntryActors:
    """What an entry's events share about their actors: the states the entry is about (for 1 or 8),
    its abbreviations (one name per actor), and the subject an elided clause carries on."""

    def __init__(self, types: ActorTypes, home: tuple[str, ...], text: str) -> None:
        self.types, self.home, self.text = types, home, text
        self.definitions = definitions(text)
        self.aliases = abbreviations(self.definitions)
        self.discourse = Discourse()
        self._titled: dict[str, int | None] = {}  # surname -> the code of the title the entry gives it
        self._members: dict[str, int | None] = {}  # name -> the code of the members named after it
        self._states: dict[str, str | None] = {}  # ISO3 -> the state's name as the entry writes it
        self._persons: dict[str, str | None] = {}  # a title -> the one person the entry gives it to

    def spelled_out(self, named: list[Mention], offset_of: Callable[[int], int]) -> list[Mention]:
        """A name cut short inside the full name an abbreviation defines ('Islamic State' in 'Islamic
        State in the Greater Sahara (ISGS)') is that full name; ``offset_of`` maps a token to its
        offset in the entry's text."""
        spelled: dict[str, Mention] = {}
        for mention in named:
            at = offset_of(mention.at)
            full = next((d.name for d in self.definitions if d.start <= at < d.end), None)
            if full is None and mention.by_adjective:
                full = self._state_named(mention.name)
            if full is None and not mention.label:
                full = self._person_titled(mention.name)
            if full is not None and full != mention.name:
                mention = replace(mention, name=full, written=full)
            spelled.setdefault(mention.name.lower(), mention)
        return list(spelled.values())

    def _person_titled(self, title: str) -> str | None:
        """'Election Commission ruled former PM was guilty', where the entry writes 'former PM Imran
        Khan': a title alone is the person the entry gives that title to, when it names one only."""
        words = title.split()
        if not words or words[-1].lower() not in self.types.titles or not any(w[:1].isupper() for w in words):
            return None
        if title not in self._persons:
            names = {
                m.group(1)
                for m in re.finditer(rf"\b(?i:{re.escape(title)}),? ((?:[A-Z][\w’'-]+ ?){{1,3}})", self.text)
                if not self._deputy(m.start())  # 'deputy FM X' is no FM
            }
            names = {n.strip() for n in names if not self.types.country(n.strip())}
            self._persons[title] = names.pop() if len(names) == 1 else None
        return self._persons[title]

    def _deputy(self, at: int) -> bool:
        """Does a deputy word ('deputy', 'Vice-') stand right before offset ``at``?"""
        before = re.search(r"(\w+)[ -]$", self.text[max(0, at - 20) : at])
        return before is not None and before.group(1).lower() in self.types.deputy_words

    def _state_named(self, name: str) -> str | None:
        """'Israeli' of 'Israeli raid' is the state the entry names ('Israel'), when it names it."""
        iso3 = self.types.demonyms.get(name)
        if iso3 is None:
            return None
        if iso3 not in self._states:
            words = re.findall(r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)?", self.text)
            self._states[iso3] = next((w for w in words if self.types.country(w) == iso3), None)
        return self._states[iso3]

    def sides(self, named: list[Mention], event_type: str, trigger_at: int, elided: bool) -> Sides:
        side1, side2 = split_sides(named, event_type, trigger_at)
        acting = {self.canonical(m.name) for m in side1}  # one actor is on one side: 'Islamic State (IS)'
        side1 = side1 + [m for m in side2 if self.canonical(m.name) in acting]
        side2 = [m for m in side2 if self.canonical(m.name) not in acting]
        side1 = self.discourse.agents_for(side1, elided)
        first1, first2 = (side1[0] if side1 else None), (side2[0] if side2 else None)
        return Sides(
            actor1=[m.name for m in side1],
            actor2=[m.name for m in side2],
            actor1_type=self._acting_civilians(
                side1, self._side_code(side1, event_type, acting=True), event_type
            ),
            actor2_type=self._side_code(side2, event_type, acting=event_type in SYMMETRIC),
            actor1_name=self.canonical(first1.name) if first1 else None,
            actor2_name=self.canonical(first2.name) if first2 else None,
        )

    def _acting_civilians(self, side: list[Mention], code: int | None, event_type: str) -> int | None:
        """ACLED's civilians are victims only: civilians who attack or start a fight are a communal
        militia ('Fulani herdsmen killed farmer'), who demonstrate are protesters or rioters
        ('villagers protested'), and professionals who act in a political event are civil society
        ('law professors penned open letter to court')."""
        if code != CIVILIANS:
            return code
        if event_type in _VIOLENCE:
            return IDENTITY_MILITIA
        if event_type in _CROWD_CODES:
            return _CROWD_CODES[event_type]  # 'villagers protested': protesters (ACLED)
        return PROTESTERS if side and self.types.profession(side[0].name) else code

    def _side_code(self, side: list[Mention], event_type: str, acting: bool) -> int | None:
        """The code of the side's first name; when no word of it has one ('Troika (U.S., UK and
        Norway)'), that of the first name beside it that has one: names listed together on one side
        are of one kind. A crowd's event's acting side no name codes is the crowd: protesters in a
        protest, rioters in a riot (ACLED: every demonstration event has them as actor1)."""
        code = next((code for m in side if (code := self._code(m, event_type, acting)) is not None), None)
        if code is None and side and acting:
            return _CROWD_CODES.get(event_type)
        return code

    def _code(self, mention: Mention, event_type: str, acting: bool) -> int | None:
        """The mention's ACLED code; protesters in a riot are rioters (ACLED: a violent demonstration)."""
        if mention.name in self.aliases:  # 'ISGS' is typed as 'Islamic State in the Greater Sahara'
            full = self.aliases[mention.name]  # whatever label the NER gave the capitals ('TCG' a place)
            mention = replace(mention, name=full, written=full, label="")
        code = self.types.code(mention, self.home, acting)
        if code is None and mention.label != "NORP" and mention.name[:1].isupper():
            surname = mention.name.split()[-1]
            if surname not in self._titled:
                self._titled[surname] = self.types.person_title(surname, self.text, self.home)
            code = self._titled[surname]
        if code is None and mention.label != "NORP" and mention.name[:1].isupper():
            if mention.name not in self._members:
                self._members[mention.name] = self.types.member_noun(mention.name, self.text)
            code = self._members[mention.name]
        return RIOTERS if code == PROTESTERS and event_type == "riot" else code

    def canonical(self, name: str) -> str:
        """The one name of an actor: an abbreviation spelled out as the entry defines it, an alias of a
        known body or armed group of the entry's states as its name ('ISIS' -> 'Islamic State'), a
        possessive dropped."""
        name = name.removesuffix("’s").removesuffix("'s")
        name = self.aliases.get(name, name)
        known = self.types.known_as(name)
        if known is not None:
            return known.name
        group = self.types.group(name, self.home)
        return group.name if group is not None else name
