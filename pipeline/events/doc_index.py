"""Look-ups over one parsed doc, built once and shared by the extraction modules.

spaCy rebuilds ``doc.text`` and ``doc.ents`` on every access; the events of
an entry ask for them hundreds of times, so they are cached in
``doc.user_data`` until `release` drops them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..nlp.trigger_ruler import SPANS_KEY

#: the lower-case Arabic articles that may open a name ('al-Qaim', 'el-Fasher')
ARTICLES = ("al", "el")
_ARTICLE_NAME = re.compile(rf"(?:{'|'.join(ARTICLES)})-[A-Z]")


def text_of(doc: Doc) -> str:
    """The doc's text, built once (spaCy rebuilds it from the tokens on every access)."""
    if "crisis_text" not in doc.user_data:
        doc.user_data["crisis_text"] = doc.text
    return doc.user_data["crisis_text"]


def parsed_from(doc: Doc, text: str) -> None:
    """Hand ``doc`` the text it was parsed from, which spaCy's tokenizer keeps character for character:
    building it again from the tokens cost 2% of the rules' time."""
    doc.user_data["crisis_text"] = text


def span_text(span: Span) -> str:
    """A span's text cut from the doc's cached text (``span.text`` joins its tokens every time)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def entities(doc: Doc) -> tuple[list[Span], dict[int, Span]]:
    """The doc's entities and a token -> entity index, built once."""
    if "crisis_ents" not in doc.user_data:
        ents = list(doc.ents)
        doc.user_data["crisis_ents"] = (ents, {i: e for e in ents for i in range(e.start, e.end)})
    return doc.user_data["crisis_ents"]


def triggers_of(doc: Doc) -> list[Span]:
    """The doc's event triggers (crisis_triggers), built once: a SpanGroup makes a new Span of each
    at every pass, and the rules pass over them once per sentence."""
    if "crisis_triggers" not in doc.user_data:
        doc.user_data["crisis_triggers"] = list(doc.spans.get(SPANS_KEY, []))
    return doc.user_data["crisis_triggers"]


def ents_in(span: Span) -> list[Span]:
    """The entities inside ``span``."""
    return [e for e in entities(span.doc)[0] if span.start <= e.start and e.end <= span.end]


def looks_like_name(text: str) -> bool:
    """Written as a proper name: capitalised, or led by a lower-case Arabic article ('al-Qaim',
    'al-Muthanna governorate', 'el-Fasher'), as English spells many names of the region.
    """
    return text[:1].isupper() or bool(_ARTICLE_NAME.match(text))


def ent_at(token: Token) -> Span | None:
    """The entity ``token`` belongs to, if any."""
    return entities(token.doc)[1].get(token.i)


def release(doc: Doc) -> None:
    """Drop the look-ups: their Spans point back at the doc, and left in place they
    make every doc a reference cycle that only a full garbage collection frees.
    With the gazetteer's millions of long-lived objects that collection seldom
    runs, so each parsed doc (tensors included) would stay for the whole run."""
    doc.user_data.pop("crisis_ents", None)
    doc.user_data.pop("crisis_text", None)
    doc.user_data.pop("crisis_triggers", None)


def in_see_reference(span: Span, reach: int = 60) -> bool:
    """Inside a cross-reference '(see Russia)': words about another country's entry."""
    left = text_of(span.doc)[max(0, span.start_char - reach) : span.start_char]
    return "(see " in left and bool(re.search(r"\(see [^)]*$", left))


def objects_of_preps(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of ``token``'s prepositions among ``preps``: 'Gao' of 'withdrew from Gao', 'defence
    forces' of 'chief of defence forces'."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
