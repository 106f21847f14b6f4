"""``crisis_line_breaks`` (before the parser): where CrisisWatch's layout ends a sentence.

A line break ends a sentence (the headline and sub-headings are lines of
their own), and so does a month abbreviation with a full stop before a
capital ("since Sept. NGO ..."); no sentence starts after a word that is no
full stop, '?' or '!'. The parser keeps preset sentence starts and non-starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..dates import load_vocab
from .serialise import read_rows, write_rows


class LineBreaks:
    """Presets sentence starts after line breaks and after abbreviated months ending a sentence."""

    def __init__(self, months: Iterable[str]) -> None:
        self.months = frozenset(months)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            following = doc[token.i + 1]
            if "\n" in token.text or "\n" in token.whitespace_:
                following.is_sent_start = True
            elif token.text.endswith(".") and token.text[:-1] in self.months and following.text[:1].isupper():
                following.is_sent_start = True
            elif not _may_end(token):
                following.is_sent_start = False
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        write_rows(path, "months.jsonl", ({"month": m} for m in sorted(self.months)))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LineBreaks:
        self.months = frozenset(row["month"] for row in read_rows(path, "months.jsonl"))
        return self


#: what may close a sentence after its full stop, question or exclamation mark
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]"})


def _may_end(token: Token) -> bool:
    """A full stop, '?' or '!' (or a quote or bracket right after one) may end a sentence; no other
    word does. The small parser otherwise starts sentences inside one ('asked Organization of American
    States (OAS) | Sec Gen Luis Almagro for assistance'), cutting an event from its actors."""
    return token.text[-1:] in ".!?" or (
        token.text in _CLOSERS and token.i > 0 and token.nbor(-1).text[-1:] in ".!?"
    )


@Language.factory("crisis_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(load_vocab().month_of)
