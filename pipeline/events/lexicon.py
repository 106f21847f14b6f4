"""The extraction rules' vocabulary, loaded once from models/ into one object.

`Lexicon.from_models()` reads models/roles.json, models/generic_actors.json,
models/place_words.json, models/demonyms.json, models/numbers.json, models/organisations.jsonl, the
identity modifiers of models/actor_types.json, the month names of models/dates.json and the one-word
triggers of
models/triggers.jsonl (an actor is never a month or an event); the rules of
pipeline.events receive the object as an argument instead of reaching for a
module-level cache, so a test or a notebook can build one with other words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import DateResolver
from ..resources import read_json, read_jsonl

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class PlaceWords:
    """models/place_words.json: the one list of each kind of place word."""

    region: frozenset[str]
    settlement: frozenset[str]
    site: frozenset[str]
    directions: tuple[str, ...]
    compass_points: frozenset[str]  # 'NW of Ramadi': directions as CrisisWatch abbreviates them
    place_titles: frozenset[str]  # 'capital Xalapa': nouns written in front of the place they name
    local_officials: frozenset[str]  # 'Kabul governor': an official named after the place governed
    territory_nouns: frozenset[str]  # 'control of Sinjar', 'independence of Palawan': territory
    trip_verbs: frozenset[str]  # 'visited Bamako': the place of a trip
    territory_verbs: frozenset[str]  # 'retaking al-Qaim': territory, whatever the NER tagged
    taking_verbs: frozenset[str]  # 'seized Ramadi', 'captured five': territory when tagged a place
    faiths: frozenset[str]  # 'Sunni mosque': whose, never where
    location_preps: frozenset[str]
    at_place_preps: frozenset[str]
    admin_suffixes: tuple[str, ...] = ()  # generic words of region names ('Oblast', 'State', 'oblysy')
    demonyms: frozenset[str] = frozenset()  # 'Angolan', 'Iraqi' (models/demonyms.json): whose, never where
    #: every noun that marks a name as a place ('Tessit town', 'capital Astana', 'Almaty airport'),
    #: built once: the rules ask for it at every token
    nouns: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "nouns", self.region | self.settlement | self.site)

    @classmethod
    def from_models(cls) -> PlaceWords:
        raw = read_json("place_words.json")
        return cls(
            region=frozenset(raw["region"]),
            settlement=frozenset(raw["settlement"]),
            site=frozenset(raw["site"]),
            directions=tuple(raw["directions"]),
            compass_points=frozenset(raw["compass_points"]),
            place_titles=frozenset(raw["place_titles"]),
            local_officials=frozenset(raw["local_officials"]),
            territory_nouns=frozenset(raw["territory_nouns"]),
            trip_verbs=frozenset(raw["trip_verbs"]),
            territory_verbs=frozenset(raw["territory_verbs"]),
            taking_verbs=frozenset(raw["taking_verbs"]),
            faiths=frozenset(raw["faiths"]),
            location_preps=frozenset(raw["location_preps"]),
            at_place_preps=frozenset(raw["at_place_preps"]),
            admin_suffixes=tuple(raw["admin_suffixes"]),
            demonyms=frozenset(k for k in read_json("demonyms.json") if not k.startswith("_")),
        )


@dataclass(frozen=True)
class Lexicon:
    """The role vocabulary (see models/roles.json's note for what each list decides)."""

    titles: tuple[str, ...]
    titles_lower: frozenset[str]  # the titles in lower case, to test a single word
    title_openers: frozenset[str]  # the first words of the titles: a name opening with none has no title
    crowd: frozenset[str]
    court: frozenset[str]
    legislature: frozenset[str]
    medical: frozenset[str]  # 'cardiac arrest', 'heart attack': no event
    bases: frozenset[str]  # 'established base': military
    alliances: frozenset[str]  # 'formed caucus', 'created joint platform': an agreement
    founding: frozenset[str]  # 'form', 'create': an event only when told as done
    verdicts: frozenset[str]
    forces: frozenset[str]
    people: frozenset[str]
    reporting: frozenset[str]
    background_preps: frozenset[str]
    other_incident_words: frozenset[str]  # 'second attack': another incident, not the one told before
    conditional_marks: frozenset[str]  # 'if attacked': what only may happen
    preventing: frozenset[str]  # 'prevents X from being elected': what is kept from happening
    winning: frozenset[str]  # 'won 2 seats': an election when what is won is a vote
    attempting: frozenset[str]  # 'tried to restart talks': an attempt, no trial
    vote_words: frozenset[str]  # 'seat', 'landslide', 'vote': what an election win wins
    conditional_nouns: frozenset[str]  # 'in case of attack', 'in the event of'
    conditional_adjectives: frozenset[str]  # 'possible strike': what only may happen
    reason_preps: frozenset[str]
    accusing: frozenset[str]
    perpetrator_cues: dict[str, str]  # 'bombing claimed by X': participle -> the perpetrator's preposition
    intervention_verbs: frozenset[str]  # 'rally broken up by police': the crowd's other side
    light_verbs: frozenset[str]
    content_preps: frozenset[str]
    addressee_preps: frozenset[str]  # 'called on X', 'appealed to X': whom a statement is made to
    occasion_preps: frozenset[str]  # 'said at rally': the event a statement is made at, not its content
    non_person_release: dict[str, frozenset[str]]
    generic_actors: frozenset[str]
    phrase_skip: frozenset[str]
    abbreviated_things: frozenset[str]  # 'IED', 'HQ': an abbreviation that names no actor
    offices: frozenset[str]  # 'governor', 'chief': a title that names its holder when it says whose
    partitives: frozenset[str]  # 'barrage' of rockets, 'wave' of arrests
    aspectual: frozenset[str]  # 'protests to begin 25 March': the date is the event's
    announcing: frozenset[str]  # 'announced plans to evacuate': what is announced is done
    plans: frozenset[str]  # 'plans', 'decision' to do something
    passages: frozenset[str]  # 'blocked roads': ways whose blocking is a protest
    labour_strike: frozenset[str]  # 'general strike', 'teachers’ strike': a stoppage of work
    individuals: frozenset[str]
    identity_modifiers: frozenset[str]  # 'ethnic', 'tribal' (actor_types.json): a people, not a place
    killing: frozenset[str]
    death_nouns: frozenset[str]
    organisations: frozenset[str]
    numbers: dict[str, int]
    places: PlaceWords
    months: frozenset[str]  # lower case; without those that are also words ('May', 'March')
    event_words: dict[str, str]  # one-word triggers and their types: 'summit', 'bombing', 'vote'
    statement_phrases: dict[str, str]  # statement triggers of a verb and its preposition: 'call' -> 'on'

    @property
    def place_nouns(self) -> frozenset[str]:
        return self.places.nouns

    def addressed(self, pobj: Token) -> bool:
        """'called on Armenia', 'appealed to ECOWAS': the object of a preposition that names whom the
        statement of the verb it hangs on is made to."""
        prep, verb = pobj.head, pobj.head.head
        return prep.lower_ in self.addressee_preps and (
            self.event_words.get(verb.lemma_.lower()) == "statement"
            or self.statement_phrases.get(verb.lemma_.lower()) == prep.lower_
        )

    def collective(self, word: Token) -> bool:
        """A collective actor noun of generic_actors.json, by its lemma or as written ('govt',
        'forces', 'police')."""
        return word.lemma_.lower() in self.generic_actors or word.lower_ in self.generic_actors

    @property
    def location_preps(self) -> frozenset[str]:
        return self.places.location_preps

    @classmethod
    def from_models(
        cls, triggers: Iterable[dict] | None = None, months: Iterable[str] | None = None
    ) -> Lexicon:
        """The vocabulary of models/; ``triggers`` (the trigger ruler's rows) and ``months`` (the
        date resolver's unambiguous month names) are passed by an Extractor that holds them
        already, and read from models/ otherwise."""
        raw = read_json("roles.json")
        generic = read_json("generic_actors.json")["actors"]
        triggers = list(read_jsonl("triggers.jsonl") if triggers is None else triggers)
        if months is None:
            months = DateResolver().unambiguous_month_names
        return cls(
            titles=tuple(sorted(raw["titles"], key=len, reverse=True)),
            titles_lower=frozenset(t.lower() for t in raw["titles"]),
            title_openers=frozenset(t.split(" ")[0] for t in raw["titles"]),
            crowd=frozenset(raw["crowd_subjects"]),
            court=frozenset(raw["court_subjects"]),
            legislature=frozenset(raw["legislature_words"]),
            medical=frozenset(raw["medical_words"]),
            bases=frozenset(raw["base_words"]),
            alliances=frozenset(raw["alliance_words"]),
            founding=frozenset(raw["founding_verbs"]),
            verdicts=frozenset(raw["verdict_words"]),
            forces=frozenset(raw["force_words"]),
            people=frozenset(raw["people_words"]),
            reporting=frozenset(raw["reporting_verbs"]),
            background_preps=frozenset(raw["background_preps"]),
            other_incident_words=frozenset(raw["other_incident_words"]),
            conditional_marks=frozenset(raw["conditional_marks"]),
            preventing=frozenset(raw["preventing_verbs"]),
            winning=frozenset(raw["winning"]),
            attempting=frozenset(raw["attempting"]),
            vote_words=frozenset(raw["vote_words"]),
            conditional_nouns=frozenset(raw["conditional_nouns"]),
            conditional_adjectives=frozenset(raw["conditional_adjectives"]),
            reason_preps=frozenset(raw["reason_preps"]),
            accusing=frozenset(raw["accusing_words"]),
            perpetrator_cues=raw["perpetrator_cues"],
            intervention_verbs=frozenset(raw["intervention_verbs"]),
            light_verbs=frozenset(raw["light_verbs"]),
            content_preps=frozenset(raw["content_preps"]),
            addressee_preps=frozenset(raw["addressee_preps"]),
            occasion_preps=frozenset(raw["occasion_preps"]),
            non_person_release={k: frozenset(v) for k, v in raw["non_person_release"].items()},
            generic_actors=frozenset(a.lower() for a in generic),
            phrase_skip=frozenset(raw["phrase_skip"]),
            abbreviated_things=frozenset(raw["abbreviated_things"]),
            offices=frozenset(raw["office_titles"]),
            partitives=frozenset(raw["partitive_nouns"]),
            aspectual=frozenset(raw["aspectual_verbs"]),
            announcing=frozenset(raw["announcing_verbs"]),
            plans=frozenset(raw["plan_nouns"]),
            passages=frozenset(raw["passage_nouns"]),
            labour_strike=frozenset(raw["labour_strike_words"]),
            individuals=frozenset(raw["unnamed_individuals"]),
            identity_modifiers=frozenset(
                word for word, code in read_json("actor_types.json")["modifiers"].items() if code == 4
            ),
            killing=frozenset(raw["killing"]),
            death_nouns=frozenset(raw["death_nouns"]),
            organisations=frozenset(row["pattern"] for row in read_jsonl("organisations.jsonl")),
            numbers=read_json("numbers.json")["number_words"],
            places=PlaceWords.from_models(),
            months=frozenset(m.lower() for m in months),
            event_words={row["pattern"]: row["label"] for row in triggers if " " not in row["pattern"]},
            statement_phrases={
                words[0]: words[1]
                for words in (r["pattern"].lower().split() for r in triggers if r["label"] == "statement")
                if len(words) == 2 and words[1] in raw["addressee_preps"]
            },
        )
