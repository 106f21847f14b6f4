"""``crisis_attribute_ruler``: the model's attribute ruler, with its one-token rules looked up, not matched.

en_core_web_sm's ``attribute_ruler`` maps each token's fine tag (and a few
words and dependencies) to its coarse POS, morphology and some lemmas with
179 Matcher patterns. Run over every token, the Matcher cost as much as the
parser (13% of the model's time on CrisisWatch text). Nearly all patterns are
one token long and read only a token's tag, lower-case form, dependency and
whether it is a space; so which of them match a token is decided by those
four values, and is worked out once per distinct combination (by spaCy's
own Matcher on that one token) and then looked up. Patterns of two or more
tokens still go through a Matcher. The matches are applied exactly as
spaCy's ``AttributeRuler`` applies them (it is this class's parent), so the
annotations are the same; tests/test_nlp.py checks that on real entries.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

# What a one-token pattern may read: the attributes Doc.to_array reads for all tokens at once.
_READS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "POS"})


class CachedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler whose one-token patterns are matched once per distinct token signature."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False) -> None:
        super().__init__(vocab, name, validate=validate)
        self._reset_lookup()

    def _reset_lookup(self) -> None:
        self._single = Matcher(self.vocab, validate=self.validate)
        self._multi = Matcher(self.vocab, validate=self.validate)
        self._reads: list[str] = []
        self._known: dict[tuple, list[int]] = {}

    def clear(self) -> None:
        super().clear()
        self._reset_lookup()

    def add(self, patterns: Iterable[list[dict]], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        super().add(patterns, attrs, index)
        key = self.vocab.strings.add(str(len(self.attrs) - 1))
        single = [p for p in patterns if len(p) == 1]
        multi = [p for p in patterns if len(p) != 1]
        for pattern in single:
            for attr in pattern[0]:
                name = str(attr).upper()
                if name not in _READS:
                    raise ValueError(f"crisis_attribute_ruler: one-token patterns cannot read {attr!r}")
                if name not in self._reads:
                    self._reads.append(name)
        if single:
            self._single.add(key, single)
        if multi:
            self._multi.add(key, multi)
        self._known.clear()

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches spaCy's AttributeRuler.match gives, in its order (later rules win)."""
        found = list(self._multi(doc, allow_missing=True, as_spans=False))
        # one array read for the whole Doc: a Token object per word cost more than the look-up itself
        # (one column of values comes back flat: reshaped, every row is a token's signature)
        signatures = (
            doc.to_array(self._reads).reshape(len(doc), -1).tolist() if self._reads else [[]] * len(doc)
        )
        for i, values in enumerate(signatures):
            signature = tuple(values)
            ids = self._known.get(signature)
            if ids is None:
                ids = [m for m, _, _ in self._single(doc[i : i + 1], allow_missing=True, as_spans=False)]
                self._known[signature] = ids
            found.extend((m, i, i + 1) for m in ids)
        matches = [(int(self.vocab.strings[m]), m, s, e) for m, s, e in found]
        matches.sort()
        return matches


@Language.factory("crisis_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab, name, validate=validate)
