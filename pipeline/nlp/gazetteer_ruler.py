"""``crisis_gazetteer``: known place and organisation names overrule the small model's NER.

It tags Almaty as ORG, Nur-Sultan as PERSON and misses CSTO (FACTS.md). The
patterns are spaCy's EntityRuler phrase format, looked up by exact string,
so 40,000 names load in well under a second instead of the EntityRuler's ~45 s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import read_jsonl
from .serialise import read_rows, write_rows


class GazetteerRuler:
    """Tags known place and organisation names, overruling the statistical NER.

    Patterns are ``{"label": ..., "pattern": "Nur-Sultan"}`` rows. A span
    matches when its exact text is a pattern; the longest match from the
    leftmost token wins.
    """

    def __init__(self, rows: Iterable[dict], max_tokens: int = 12) -> None:
        self.max_tokens = max_tokens
        self._set_patterns(rows)

    def _set_patterns(self, rows: Iterable[dict]) -> None:
        self.labels: dict[str, str] = {row["pattern"]: row["label"] for row in rows}
        self.longest: dict[str, int] = {}  # first word -> the most tokens a name starting with it may have
        for pattern in self.labels:
            first = re.split(r"[\s-]", pattern, maxsplit=1)[0]
            self.longest[first] = max(self.longest.get(first, 0), len(re.findall(r"\w+|[^\w\s]", pattern)))
        self.lower_starts = {p.split()[0].split("-")[0] for p in self.labels if p[:1].islower()}
        # the same by the hash of the word, which Doc.to_array gives for every token without a Token object
        self._reach_by_orth = {get_string_id(word): reach for word, reach in self.longest.items()}

    def __call__(self, doc: Doc) -> Doc:
        # a place name inside a longer person name the model found is part of that name ('Samba Panza')
        # and an organisation inside a longer one is part of its name ('Afghan Red Crescent Society')
        ents = doc.ents  # built anew at each access: read once
        matches = [m for m in self.match(doc) if not any(_inside_longer(m, e) for e in ents)]
        if matches:
            keep = [e for e in ents if not any(e.start < m.end and m.start < e.end for m in matches)]
            doc.ents = filter_spans(matches + keep)
        return doc

    def match(self, doc: Doc) -> Iterator[Span]:
        """Yield the longest gazetteer span starting at each capitalised token (or lower-case name start:
        'anti-balaka').
        """
        text = doc.text
        # one array read: a Token object per word cost more than the look-ups themselves
        tokens = doc.to_array([ORTH, IDX, LENGTH]).tolist()  # [hash, offset, length] of each token
        i = 0
        while i < len(doc):
            orth, start, length = tokens[i]
            reach = self._reach_by_orth.get(orth, 0)
            word = text[start : start + length] if reach else ""
            if not reach or (not word[:1].isupper() and word not in self.lower_starts):
                i += 1
                continue
            found = None
            for j in range(min(len(doc), i + min(reach, self.max_tokens)), i, -1):
                _, last, last_length = tokens[j - 1]
                label = self.labels.get(text[start : last + last_length])
                if label:
                    found = Span(doc, i, j, label=label)
                    break
            if found is not None:
                yield found
                i = found.end
            else:
                i += 1

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        write_rows(
            path, "patterns.jsonl", ({"label": lab, "pattern": pat} for pat, lab in self.labels.items())
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GazetteerRuler:
        self._set_patterns(read_rows(path, "patterns.jsonl"))
        return self


def _inside_longer(match: Span, ent: Span) -> bool:
    """A gazetteer name strictly inside a longer person name, or an organisation inside a longer
    organisation.
    """
    if not (ent.start <= match.start and match.end <= ent.end and len(ent) > len(match)):
        return False
    return ent.label_ == "PERSON" or (ent.label_ == "ORG" and match.label_ == "ORG")


@Language.factory("crisis_gazetteer", default_config={"files": ["places.jsonl", "organisations.jsonl"]})
def make_gazetteer(nlp: Language, name: str, files: list[str]) -> GazetteerRuler:
    return GazetteerRuler(row for f in files for row in read_jsonl(f))
