"""``crisis_lemmatizer``: the model's English rule lemmatizer, with every answer cached.

spaCy's rule lemmatizer caches its answer for a word, POS and morphology, but
returns early, before the cache, for words already in their base form (a
singular noun, an infinitive): most of the words of a text, each time
re-read from the token's morphology in Python. The lemma is a function of
the same three values in every case, so this subclass keeps every answer
under those three values, asks spaCy's lemmatizer only for a combination it
has not seen, and reads and writes a whole Doc's values as arrays instead
of a Token object per word; the lemmas are those of the model's lemmatizer
(tests/test_nlp.py compares them on real entries), at a fraction of the cost.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc


class CachedLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer whose answers are all kept by (word, POS, morphology)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}  # (word, POS, morphology) -> lemma id

    def __call__(self, doc: Doc) -> Doc:
        """Spacy's Lemmatizer.__call__ (a token keeps a lemma set before unless ``overwrite``), over
        the Doc's arrays."""
        if not self._validated:
            self._validate_tables(Errors.E1004)
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3:4].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemma_ids.get(key)
            if found is None:
                found = self._lemma_ids[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i, 0] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("crisis_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)
