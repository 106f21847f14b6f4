"""``crisis_triggers`` (last): event triggers from models/triggers.jsonl, labelled with their event type.

Matched with spaCy's PhraseMatcher on lemmas (hash look-ups; the token
Matcher was a third of the parse's time here), after ``crisis_lemma_repair``
has set the lemmas of the lexicon's inflections. Matches go to
``doc.spans["triggers"]``, longest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..resources import read_jsonl
from .serialise import read_rows, write_rows

SPANS_KEY = "triggers"


class TriggerRuler:
    """Finds event triggers: ``{"label": <event type>, "pattern": "head to poll", "pos": [...]}`` rows.

    ``pos`` optionally restricts the first word's part of speech; other keys
    (where the trigger comes from) are kept for people and ignored here.
    """

    def __init__(self, vocab: Vocab, rows: Iterable[dict]) -> None:
        self.vocab = vocab
        self._set_patterns(list(rows))

    def _set_patterns(self, rows: list[dict]) -> None:
        self.rows = rows
        self.matcher = PhraseMatcher(self.vocab, attr="LEMMA")
        self.rules: dict[
            int, tuple[str, frozenset[str] | None]
        ] = {}  # match id -> (label, allowed POS of the first word)
        for row in rows:
            words = row["pattern"].lower().split()
            pos = frozenset(row["pos"]) if row.get("pos") else None
            key = f"{row['label']}|{'/'.join(sorted(pos)) if pos else ''}"
            self.rules[self.vocab.strings.add(key)] = (row["label"], pos)
            self.matcher.add(key, [Doc(self.vocab, words=words, lemmas=words)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, pos = self.rules[match_id]
            if pos is None or doc[start].pos_ in pos:
                spans.append(Span(doc, start, end, label=label))
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        write_rows(path, "patterns.jsonl", self.rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TriggerRuler:
        self._set_patterns(read_rows(path, "patterns.jsonl"))
        return self


@Language.factory("crisis_triggers", default_config={"file": "triggers.jsonl"})
def make_triggers(nlp: Language, name: str, file: str) -> TriggerRuler:
    return TriggerRuler(nlp.vocab, read_jsonl(file))
