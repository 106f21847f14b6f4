"""``crisis_lemmatizer``: the model's English rule lemmatizer, with every answer cached.

spaCy's rule lemmatizer caches its answer for a word, POS and morphology, but
returns early, before the cache, for words already in their base form (a
singular noun, an infinitive): most of the words of a text, each time
re-read from the token's morphology in Python. The lemma is a function of
the same three values in every case, so this subclass caches all answers
under spaCy's own key; the lemmas are those of the model's lemmatizer
(tests/test_nlp.py compares them on real entries), at a fraction of the cost.
"""

from __future__ import annotations

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Token


class CachedLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer whose rule answers are all cached by (word, POS, morphology)."""

    def rule_lemmatize(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = self.cache.get(key)
        if forms is None:
            forms = super().rule_lemmatize(token)
            self.cache[key] = forms
        return forms


@Language.factory("crisis_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)
