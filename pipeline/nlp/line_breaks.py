"""``crisis_line_breaks`` (before the parser): where CrisisWatch's layout ends a sentence.

A line break ends a sentence (the headline and sub-headings are lines of
their own), and so does a month abbreviation with a full stop before a
capital ("since Sept. NGO ..."); the parser keeps preset sentence starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

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
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        write_rows(path, "months.jsonl", ({"month": m} for m in sorted(self.months)))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LineBreaks:
        self.months = frozenset(row["month"] for row in read_rows(path, "months.jsonl"))
        return self


@Language.factory("crisis_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(load_vocab().month_of)
