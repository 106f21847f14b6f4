"""Only sentences with a date expression are parsed: events come from nowhere else (docs/CODEBOOK.md).

About a fifth of an entry's words stand in sentences with no date expression
(headline, background, context). No event can come from them, yet the
tagger, parser and NER cost the same per word there. Before parsing, each
such sentence is overwritten with one line break and spaces, which spaCy's
tokenizer turns into a single whitespace token: character offsets stay those
of the entry text, the line break makes crisis_line_breaks start a sentence
after it, and the model's work drops with the words.

Sentences are found by rule before any model runs: a full stop, ``!`` or
``?`` followed by space and a capital, digit or opening quote ends one, unless
the word before it is an abbreviation (spaCy's English tokenizer exceptions,
the titles of models/roles.json, single letters) other than a month's ("9 Nov.
In Bamenda", as crisis_line_breaks reads it); a line break always ends one.
A missed boundary only keeps more text for the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import DateMention

_LONGEST_WORD = 40  # how far back the word before a full stop is looked for
_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


class DatedOnly:
    """Blanks the sentences of a text that hold no date expression."""

    def __init__(self, abbreviations: Iterable[str], months: Iterable[str]) -> None:
        self.months = frozenset(m.lower() for m in months)
        self.abbreviations = frozenset(a.rstrip(".").lower() for a in abbreviations if a.endswith("."))

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence, without the space between sentences."""
        bounds, start = [], 0
        for end in _END.finditer(text):
            if end.group().startswith(".") and self._abbreviation(text, end.start()):
                continue
            cut = end.start() + len(end.group().rstrip())
            if text[start:cut].strip():
                bounds.append((start, cut))
            start = end.end()
        if text[start:].strip():
            bounds.append((start, len(text.rstrip())))
        return bounds

    def _abbreviation(self, text: str, stop: int) -> bool:
        before = text[max(0, stop - _LONGEST_WORD) : stop].split()
        word = before[-1].lower() if before else ""
        return word not in self.months and (len(word) == 1 or word in self.abbreviations)

    def blank_undated(self, text: str, mentions: Iterable[DateMention]) -> str:
        """``text`` with every sentence that holds no date expression overwritten (same length)."""
        starts = sorted(m.start for m in mentions)
        pieces, done = [], 0
        for start, end in self.sentences(text):
            if any(start <= s < end for s in starts):
                continue
            pieces += [text[done:start], "\n", " " * (end - start - 1)]
            done = end
        pieces.append(text[done:])
        return "".join(pieces)
