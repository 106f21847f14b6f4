"""One name per actor within an entry: 'Boko Haram (BH)' makes 'BH' and 'Boko Haram' one actor.

CrisisWatch defines an abbreviation once, in brackets after the full name,
and uses it for the rest of the entry (and in later months). Reading those
definitions lets `actor1_name` / `actor2_name` hold the full name wherever the
text uses either form, so grouping by actor works across entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: 'Islamic State in the Greater Sahara (ISGS)': capitalised words (with small joining words
#: inside) right before a bracketed abbreviation of capitals, digits and hyphens
_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'.-]*)(?:\s+(?:(?:of|for|the|and|in|de|du|des|la|le|pour|al|el|wa)\s+)*[A-Z][\w’'.-]*){0,9})"
    r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)"
)


_HYPHENED_MODIFIER = re.compile(r".+-[a-z]+$")

#: a word with a full stop that is no abbreviation's ('January.', not 'U.S.', 'St.', 'Dr.')
_ENDS_SENTENCE = re.compile(r"^[A-Z][a-z]{3,}\.$")


@dataclass(frozen=True)
class Definition:
    """'Islamic State in the Greater Sahara (ISGS)': the full name, where it is written, its abbreviation."""

    name: str
    abbreviation: str
    start: int  # offsets of the full name in the text
    end: int


def definitions(text: str) -> list[Definition]:
    """Every 'Full Name (ABBR)' in ``text``, in text order.

    The full name is cut to start at the first word from which the capitalised words' initials are
    the abbreviation's letters ('Eighteen-month Revolutionary Armed Forces of Colombia (FARC)' ->
    from 'Revolutionary': the letters need not be in order); failing that (an abbreviation of a
    name in another language: 'Group for the Support of Islam and Muslims (JNIM)'), at the word
    whose initial is the abbreviation's first ('New armed group Union des forces ... (UFA-CAR)' ->
    from 'Union'), when one is.
    """
    found = []
    for match in _DEFINITION.finditer(text):
        spans = [(w.start() + match.start(1), w.group()) for w in re.finditer(r"\S+", match.group(1))]
        # '... in January. Central Election Commission (OSK)': a name begins after a sentence's end
        spans = spans[1 + max((i for i, (_, w) in enumerate(spans) if _ENDS_SENTENCE.match(w)), default=-1) :]
        abbreviation = match.group(2)
        letters = {ch for ch in abbreviation.upper() if ch.isalpha()}
        first = next((i for i in range(len(spans)) if _initials(spans[i:]) == letters), None)
        if first is None:
            first = next((i for i, (_, w) in enumerate(spans) if w[:1].upper() == abbreviation[:1]), None)
        if first is None:  # 'al-Qaeda-affiliated Group for ...': a hyphened modifier is no part of the name
            first = next((i for i, (_, w) in enumerate(spans) if not _HYPHENED_MODIFIER.match(w)), 0)
        spans = spans[first:]
        name = " ".join(w for _, w in spans)
        if len(spans) > 1 or len(name) > len(abbreviation):
            found.append(Definition(name, abbreviation, spans[0][0], match.end(1)))
    return found


def _initials(spans: list[tuple[int, str]]) -> set[str]:
    return {w[0] for _, w in spans if w[:1].isupper()}


def abbreviations(defined: Iterable[Definition]) -> dict[str, str]:
    """Abbreviation -> full name, from a text's `definitions`; the first definition of an abbreviation
    wins."""
    found: dict[str, str] = {}
    for definition in defined:
        found.setdefault(definition.abbreviation, definition.name)
    return found
