"""``crisis_lemma_repair`` (after the lemmatizer): inflections of lexicon words get the lexicon's lemma.

The small model's lemmatizer slips on this prose ("fined" -> "fin",
"Meeting" kept capitalised, "retook" kept), and the trigger ruler matches on
lemmas. Each word of the trigger lexicon is inflected by regular English rules
and by the irregular past forms of models/irregular_verbs.json, and a
token whose lower-case form is one of those inflections gets that word as
its lemma, unless the model's own lemma is a lexicon word already
("displaced" -> "displace" stays, though "internally displaced" is a phrase
of the lexicon: a lemma the lexicon knows needs no repair).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import read_json, read_jsonl
from .serialise import read_rows, write_rows


class LemmaRepair:
    """Sets the lemma of inflected lexicon words (``inflections``: form -> lemma)."""

    def __init__(self, inflections: dict[str, str]) -> None:
        self.inflections = inflections
        self.known = frozenset(inflections.values())

    @classmethod
    def for_words(cls, words: Iterable[str], irregular: dict[str, list[str]] | None = None) -> LemmaRepair:
        """Inflections of ``words``; a form that is itself a lexicon word keeps itself as lemma.

        ``irregular`` maps verbs to their irregular past forms ('take': ['took', 'taken']);
        a word ending in such a verb gets them with its own prefix ('retake': 'retook').
        """
        lexicon = set(words)
        irregular = irregular or {}
        inflections: dict[str, str] = {}
        for word in sorted(lexicon, key=lambda w: (-len(w), w)):  # 'refugees' is refugee+s before refuge+es
            for form in inflect(word) | _irregular_forms(word, irregular):
                inflections.setdefault(form, form if form in lexicon else word)
        return cls(inflections)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            base = self.inflections.get(token.lower_)
            if base is not None and token.lemma_ != base and token.lemma_ not in self.known:
                token.lemma_ = base
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        write_rows(path, "inflections.jsonl", ({"form": f, "lemma": w} for f, w in self.inflections.items()))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LemmaRepair:
        self.__init__({row["form"]: row["lemma"] for row in read_rows(path, "inflections.jsonl")})
        return self


def _irregular_forms(word: str, irregular: dict[str, list[str]]) -> set[str]:
    """Irregular past forms of ``word`` or of the verb it ends in ('withdraw' -> 'withdrew', 'withdrawn')."""
    for verb, forms in irregular.items():
        if word.endswith(verb) and (word == verb or len(word) - len(verb) >= 2):
            prefix = word[: len(word) - len(verb)]
            return {prefix + form for form in forms}
    return set()


def inflect(word: str) -> set[str]:
    """Regular English inflections of a lexicon word (verb and noun forms)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


@Language.factory(
    "crisis_lemma_repair", default_config={"file": "triggers.jsonl", "irregular": "irregular_verbs.json"}
)
def make_lemma_repair(nlp: Language, name: str, file: str, irregular: str) -> LemmaRepair:
    words = (w for row in read_jsonl(file) for w in row["pattern"].lower().split())
    return LemmaRepair.for_words(words, read_json(irregular)["verbs"])
