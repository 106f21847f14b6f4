"""The role vocabulary of models/roles.json and models/generic_actors.json, loaded once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .resources import read_json


@dataclass(frozen=True)
class Roles:
    """The role vocabulary of models/roles.json."""

    titles: tuple[str, ...]
    crowd: frozenset[str]
    court: frozenset[str]
    forces: frozenset[str]
    people: frozenset[str]
    reporting: frozenset[str]
    location_preps: frozenset[str]
    background_preps: frozenset[str]
    reason_preps: frozenset[str]
    accusing: frozenset[str]
    light_verbs: frozenset[str]
    content_preps: frozenset[str]
    non_person_release: dict[str, frozenset[str]]
    place_nouns: frozenset[str]
    directions: frozenset[str]
    generic_actors: frozenset[str]
    phrase_skip: frozenset[str]
    individuals: frozenset[str]


@lru_cache(maxsize=1)
def roles() -> Roles:
    raw = read_json("roles.json")
    generic = read_json("generic_actors.json")["actors"]
    return Roles(
        titles=tuple(sorted(raw["titles"], key=len, reverse=True)),
        crowd=frozenset(raw["crowd_subjects"]),
        court=frozenset(raw["court_subjects"]),
        forces=frozenset(raw["force_words"]),
        people=frozenset(raw["people_words"]),
        reporting=frozenset(raw["reporting_verbs"]),
        location_preps=frozenset(raw["location_preps"]),
        background_preps=frozenset(raw["background_preps"]),
        reason_preps=frozenset(raw["reason_preps"]),
        accusing=frozenset(raw["accusing_words"]),
        light_verbs=frozenset(raw["light_verbs"]),
        content_preps=frozenset(raw["content_preps"]),
        non_person_release={k: frozenset(v) for k, v in raw["non_person_release"].items()},
        place_nouns=frozenset(raw["place_nouns"]),
        directions=frozenset(raw["directions"]),
        generic_actors=frozenset(a.lower() for a in generic),
        phrase_skip=frozenset(raw["phrase_skip"]),
        individuals=frozenset(raw["unnamed_individuals"]),
    )
