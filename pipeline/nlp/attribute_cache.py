"""``crisis_attribute_ruler``: the model's attribute ruler, with its one-token rules looked up, not matched.

en_core_web_sm's ``attribute_ruler`` maps each token's fine tag (and a few
words and dependencies) to its coarse POS, morphology and some lemmas with
179 Matcher patterns. Run over every token, the Matcher cost as much as the
parser (13% of the model's time on CrisisWatch text). Nearly all patterns are
one token long and read only a token's tag, lower-case form, dependency and
whether it is a space; so which of them match a token is decided by those
four values, and is worked out once per distinct combination (by spaCy's
own Matcher on that one token) and then looked up. Patterns of two or more
tokens (eight, such as 'gon na' and 'there are') go through a Matcher, but only
at the words that can start one, which the same look-up tells: run over the
whole Doc, their Matcher took 0.18 s on 100,000 words of entries. The matches are applied exactly as
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
        self._openers = Matcher(self.vocab, validate=self.validate)  # first tokens of the multi patterns
        self._longest = 0  # tokens of the longest multi pattern (-1: match them over the whole Doc)
        self._reads: list[str] = []
        self._known: dict[tuple, tuple[list[int], bool]] = {}  # signature -> (one-token matches, opens)

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
            openers = [p[:1] for p in multi]
            reads = {str(attr).upper() for p in openers for attr in p[0]}
            if reads <= _READS and not any("OP" in token for p in multi for token in p):
                self._openers.add(key, openers)
                self._reads.extend(sorted(reads - set(self._reads)))
                self._longest = max(self._longest, *map(len, multi)) if self._longest >= 0 else -1
            else:  # a first word the look-up cannot tell, or a pattern of varying length
                self._longest = -1
        self._known.clear()

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches spaCy's AttributeRuler.match gives, in its order (later rules win)."""
        found: list[tuple[int, int, int]] = []
        # one array read for the whole Doc: a Token object per word cost more than the look-up itself
        # (one column of values comes back flat: reshaped, every row is a token's signature)
        signatures = (
            doc.to_array(self._reads).reshape(len(doc), -1).tolist() if self._reads else [[]] * len(doc)
        )
        openings = []
        for i, values in enumerate(signatures):
            signature = tuple(values)
            known = self._known.get(signature)
            if known is None:
                word = doc[i : i + 1]
                ids = [m for m, _, _ in self._single(word, allow_missing=True, as_spans=False)]
                known = self._known[signature] = (ids, bool(self._openers(word, allow_missing=True)))
            found.extend((m, i, i + 1) for m in known[0])
            if known[1]:
                openings.append(i)
        if self._longest > 0:  # each match once, found in the window its first word opens
            for i in openings:
                window = doc[i : i + self._longest]
                found.extend(
                    (m, i + s, i + e)
                    for m, s, e in self._multi(window, allow_missing=True, as_spans=False)
                    if s == 0
                )
        elif self._longest < 0:  # a pattern of varying length ('OP'): the whole Doc
            found.extend(self._multi(doc, allow_missing=True, as_spans=False))
        matches = [(int(self.vocab.strings[m]), m, s, e) for m, s, e in found]
        matches.sort()
        return matches


@Language.factory("crisis_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab, name, validate=validate)
