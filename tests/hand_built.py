"""Hand-built spaCy Docs for testing one rule apart from the statistical parse, as spaCy's own tests
build them: words, heads, dependencies, POS, tags, lemmas and entities are given, not predicted."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct) without a model


def parsed(rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, head index, dep, POS, lemma) rows; the text is the words joined by spaces."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


def tagged(
    rows: list[tuple[str, int, str, str, str, str]],
    ents: list[str] | None = None,
    glued: tuple[int, ...] = (),
) -> Doc:
    """Like `parsed`, with fine tags: (word, head, dep, POS, tag, lemma); no space after ``glued`` words."""
    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows))
    spaces = [i not in glued for i in range(len(words))]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )
