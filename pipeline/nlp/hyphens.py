"""Words that old entries cut at a line's end ('peace- keeping forces', 'pub- lished report'), joined again
before parsing.

Cut so, a word is two tokens to the model: 'pub-' is no verb, and 'peace- keeping forces' becomes an actor
no gazetteer or gold knows. The cut is a hyphen followed by a space and a lower-case word; a hyphen before
'and', 'to' and the like is a suspended one ('mid- to late July') and stays. Each joined word is padded with
the spaces it lost, so every other character keeps its offset in the entry text.
"""

from __future__ import annotations

import re

from ..resources import read_json

_CUT = re.compile(r"\b([A-Za-z]+)- ([a-z][a-z]*)(-?)")


class LineBreakHyphens:
    """Joins line-break cuts (models/hyphens.json): with the hyphen after an English prefix or inside a
    hyphened name ('Majlis- i-Amal'), else without."""

    def __init__(self, keep_hyphen: frozenset[str], suspended: frozenset[str]) -> None:
        self.keep_hyphen, self.suspended = keep_hyphen, suspended

    @classmethod
    def from_models(cls) -> LineBreakHyphens:
        raw = read_json("hyphens.json")
        return cls(frozenset(raw["keep_hyphen"]), frozenset(raw["suspended"]))

    def rejoin(self, text: str) -> str:
        """The text with each cut word whole, of the same length ('anti- balaka' -> 'anti-balaka ')."""
        return _CUT.sub(self._joined, text)

    def _joined(self, match: re.Match[str]) -> str:
        head, tail, more = match.group(1), match.group(2), match.group(3)
        if tail in self.suspended:
            return match.group(0)
        if more:  # 'Majlis- i-Amal': a hyphened name goes on, so the lost space goes in front
            return f" {head}-{tail}{more}"
        if head.lower() in self.keep_hyphen:
            return f"{head}-{tail} "
        return f"{head}{tail}  "
