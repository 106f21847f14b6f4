"""Date expressions masked before parsing.

The model's own date entities are of little use on this prose (FACTS.md):
"20 Nov" mostly comes out as CARDINAL "20" and the splitter cuts dates in
two. Each day-level date that pipeline.dates found is replaced by a temporal
word of the same length ("Tokayev 17 Sept signed" is parsed as "Tokayev
earlier signed"), so offsets stay those of the entry text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..dates import DateMention
from ..resources import read_json


class DateMasker:
    """Fillers by length (models/date_masks.json): nouns after a preposition, adverbs elsewhere."""

    def __init__(self, nouns: dict[int, str], adverbs: dict[int, str], prepositions: frozenset[str]) -> None:
        self.nouns, self.adverbs, self.prepositions = nouns, adverbs, prepositions

    @classmethod
    def from_models(cls) -> DateMasker:
        raw = read_json("date_masks.json")
        return cls(
            {int(n): w for n, w in raw["noun_fillers"].items()},
            {int(n): w for n, w in raw["adverb_fillers"].items()},
            frozenset(raw["prepositions"]),
        )

    def mask(self, text: str, mentions: Iterable[DateMention]) -> str:
        """Replace each day-level date expression with a temporal word of the same length."""
        chars = list(text)
        for mention in mentions:
            if not mention.scored:
                continue
            length = mention.end - mention.start
            before = text[: mention.start].split()
            after_preposition = bool(before) and before[-1].lower() in self.prepositions
            table = self.nouns if after_preposition else self.adverbs
            size = max((n for n in table if n <= length), default=None)
            if size is None:
                continue
            chars[mention.start : mention.end] = table[size] + " " * (length - size)
        return "".join(chars)
