"""Deaths stated for an event: "killing 42 soldiers", "left 14 dead", "over 350 killed".

Numbers are read as digits or number words; "at least", "over", "up to",
"around" are kept as a qualifier; vague counts ("dozens", "scores",
"several") give no number, as ACLED codes them only when a source states one.
Injuries never count. Several stated counts in one clause are added ("killing
42 soldiers; 37 militants also killed").
"""
from __future__ import annotations

import re

from spacy.tokens import Span

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}
_QUALIFIERS = {
    "at least": "at_least", "over": "over", "more than": "over", "up to": "up_to", "around": "around",
    "about": "around", "some": "around", "nearly": "around", "almost": "around", "approximately": "around",
    "roughly": "around", "an estimated": "around", "estimated": "around",
}
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)) + r")"
_QUAL = r"(?:(?P<q>" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True)) + r")\s+)?"
_KILL = r"(?:killed|killing|kills|kill|murdered|murdering|massacred|massacring|massacre of|executed|executing|beheaded|shot dead|left dead|dead|deaths?|lives|fatalities|bodies)"
_PATTERNS = [
    # killing 42 soldiers, killed over 350 people, massacre of 600 Hausa
    re.compile(rf"\b(?:killed|killing|kills|kill|murdered|murdering|massacred|massacring|massacre of|executed|executing|claimed|claiming)\s+(?:another\s+|a further\s+)?{_QUAL}(?P<n>{_NUM})\b(?!\s*(?:%|per\s?cent|km|years?|months?|days?))", re.I),
    # 37 militants also killed, 2 U.S. soldiers killed, at least 94 reported killed
    re.compile(rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:[\w.’'-]+\s+){{0,4}}?(?:were\s+|was\s+|also\s+|reportedly\s+|reported\s+|have\s+been\s+|had\s+been\s+)*(?:killed|dead|died|shot dead|murdered|massacred|lost their lives)\b", re.I),
    # left 14 dead, death toll of 30
    re.compile(rf"\bleft\s+{_QUAL}(?P<n>{_NUM})\s+(?:[\w-]+\s+)?dead\b", re.I),
    re.compile(rf"\bdeath toll\s+(?:of|at|to|rose to|reached|rising to)\s+{_QUAL}(?P<n>{_NUM})\b", re.I),
]
_KILL_LEMMAS = ("kill", "murder", "assassinate", "behead", "execute", "shoot", "lynch")
_NONE = re.compile(r"\bno (?:casualties|deaths|fatalities|one (?:was )?killed)\b", re.I)
_INJURY = re.compile(r"\b(?:injur|wound|hurt)", re.I)


def _value(token: str) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


def count_fatalities(segment: Span) -> tuple[int | None, str | None]:
    """(deaths, qualifier) stated in ``segment``; (None, None) when none is stated."""
    text = segment.text
    if _NONE.search(text):
        return 0, "exact"
    total, qualifier, seen = 0, None, []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in seen):
                continue
            between = text[match.start("n"): match.end()]
            if _INJURY.search(between):
                continue
            value = _value(match.group("n"))
            if value is None:
                continue
            seen.append((match.start(), match.end()))
            total += value + _singular_conjuncts(segment, match.start("n"))
            if match.group("q"):
                qualifier = qualifier or _QUALIFIERS[match.group("q").lower()]
    if seen:
        return total, qualifier or "exact"
    return _count_named_victims(segment)


def _singular_conjuncts(segment: Span, char: int) -> int:
    """'killed 3 militants and young boy': each singular victim coordinated with the count adds one."""
    number = next((t for t in segment if t.idx <= segment.start_char + char < t.idx + len(t.text) + 1), None)
    if number is None or number.dep_ != "nummod":
        return 0
    return sum(1 for c in number.head.conjuncts if c.tag_ in ("NN", "NNP") and not any(ch.dep_ == "nummod" for ch in c.children))


def _count_named_victims(segment: Span) -> tuple[int | None, str | None]:
    """'killed soldier and brother' -> 2, 'Kadyrov assassinated' -> 1: singular victims without a number."""
    for token in segment:
        if token.lemma_.lower() not in _KILL_LEMMAS and token.lower_ not in ("killed", "assassinated", "shot"):
            continue
        if token.lemma_.lower() == "shoot" and not (token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dead"):
            continue  # shot, not shot dead
        if token.dep_ in ("acl", "amod", "advcl", "relcl") and token.head.pos_ in ("NOUN", "PROPN") and token.head.tag_ in ("NN", "NNP"):
            victims = [token.head]
        else:
            # no object: a headline passive, 'Kadyrov assassinated 9 May', the subject is the victim
            intransitive = not any(c.dep_ == "dobj" for c in token.children)
            victims = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") or (intransitive and c.dep_ == "nsubj")]
        if not victims:
            continue
        victim = victims[0]
        group = [victim, *victim.conjuncts]
        if any(t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in t.children) for t in group):
            return None, None
        return len(group), "exact"
    return None, None
