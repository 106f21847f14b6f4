"""One name per actor within an entry: 'Boko Haram (BH)' makes 'BH' and 'Boko Haram' one actor.

CrisisWatch defines an abbreviation once, in brackets after the full name,
and uses it for the rest of the entry (and in later months). Reading those
definitions lets `actor1_name` / `actor2_name` hold the full name wherever the
text uses either form, so grouping by actor works across entries.
"""

from __future__ import annotations

import re

#: 'Islamic State in the Greater Sahara (ISGS)': capitalised words (with small joining words
#: inside) right before a bracketed abbreviation of capitals, digits and hyphens
_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'.-]*)(?:\s+(?:(?:of|for|the|and|in|de|du|des|la|le|pour|al|el|wa)\s+)*[A-Z][\w’'.-]*){0,9})"
    r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)"
)


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> full name, for every 'Full Name (ABBR)' in ``text``.

    The full name is cut to start at the word whose initial is the
    abbreviation's ('New armed group Union des forces ... (UFA-CAR)' -> from
    'Union'), when one is; the first definition of an abbreviation wins.
    """
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        words, abbreviation = match.group(1).split(), match.group(2)
        starts = [i for i, w in enumerate(words) if w[:1].upper() == abbreviation[:1]]
        if starts:
            words = words[starts[0] :]
        name = " ".join(words)
        if len(words) > 1 or len(name) > len(abbreviation):
            found.setdefault(abbreviation, name)
    return found
