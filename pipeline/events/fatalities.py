"""Deaths stated for an event: "killing 42 soldiers", "left 14 dead", "over 350 killed".

Numbers are read as digits or number words; "at least", "over", "up to",
"around" are kept as a qualifier; vague counts ("dozens", "scores",
"several") give no number, as ACLED codes them only when a source states one.
Injuries never count. Several stated counts in one clause are added ("killing
42 soldiers; 37 militants also killed").

A `Toll` keeps where each count is written, so that two events told by one
clause (a clash and the killings in it) can be seen to share one death toll
(pipeline.events.incidents counts it once). A running total ("over 300 killed
since Oct", "so far this year") is not the deaths of one dated event: it is
left out of the count and the toll is flagged as cumulative.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span

from .doc_index import span_text
from .status import SUPERLATIVE


class Toll(NamedTuple):
    """The deaths a clause states: how many, how qualified, where each count is written."""

    deaths: int | None = None
    qualifier: str | None = None
    at: tuple[int, ...] = ()  # character offsets (in the entry) of the counts added up
    cumulative: bool = False  # the clause gives a running total, left out of ``deaths``


NO_TOLL = Toll()

_QUALIFIERS = {
    "at least": "at_least",
    "over": "over",
    "more than": "over",
    "up to": "up_to",
    "around": "around",
    "about": "around",
    "some": "around",
    "nearly": "around",
    "almost": "around",
    "approximately": "around",
    "roughly": "around",
    "an estimated": "around",
    "estimated": "around",
}
_QUAL = (
    r"(?:(?P<q>" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True)) + r")\s+)?"
)
_NONE = re.compile(r"\bno (?:casualties|deaths|fatalities|one (?:was )?killed)\b", re.I)
_INJURY = re.compile(r"\b(?:injur|wound|hurt)", re.I)
# a running total: 'since Oct', 'so far this year', 'in total', 'in past three months'
_RUNNING = re.compile(
    r"\b(?:since|so far|to date|this year|in total|a total|total of|totall?ing|cumulative|overall"
    r"|throughout|in (?:the )?(?:past|last|previous) (?:\w+ )?(?:days|weeks|months|years)"
    r"|(?:during|over|in) (?:the )?(?:month|year))\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[;.]|,\s|\s(?:while|and|as|after|before)\s")
# 'killed unspecified number of civilians': no count
_VAGUE_VICTIMS = {"number", "dozen", "score", "handful", "hundred", "thousand", "several", "many"}


class FatalityCounter:
    """Reads the deaths stated in a clause; built once from the number words and killing verbs of models/."""

    def __init__(self, numbers: dict[str, int], killing: frozenset[str]) -> None:
        self.numbers = numbers
        self.killing = killing
        num = (
            r"(?:\d{1,3}(?:,\d{3})+|\d+|"
            + "|".join(sorted((re.escape(w) for w in numbers), key=len, reverse=True))
            + r")"
        )
        kill = (
            "killed|killing|kills|kill|murdered|murdering|massacred|massacring|massacre of|executed|executing"
            "|shot dead|shooting dead|shoot dead"
        )
        qualified = rf"{_QUAL}(?P<n>{num})"
        passive = r"(?:were\s+|was\s+|also\s+|reportedly\s+|reported\s+|have\s+been\s+|had\s+been\s+)*"
        dead = r"(?:killed|dead|died|shot dead|murdered|massacred|lost their lives)"
        self.patterns = [
            # killing 42 soldiers, killed over 350 people, massacre of 600 Hausa
            re.compile(
                rf"\b(?:{kill}|claimed|claiming)\s+(?:another\s+|a further\s+)?{qualified}\b"
                r"(?!\s*(?:%|per\s?cent|km|years?|months?|days?))",
                re.I,
            ),
            # 37 militants also killed, 2 U.S. soldiers killed, at least 94 reported killed
            re.compile(rf"\b{qualified}\s+(?:[\w.’'-]+\s+){{0,4}}?{passive}{dead}\b", re.I),
            # left 14 dead, death toll of 30
            re.compile(rf"\bleft\s+{qualified}\s+(?:[\w-]+\s+)?dead\b", re.I),
            re.compile(rf"\bdeath toll\s+(?:of|at|to|rose to|reached|rising to)\s+{qualified}\b", re.I),
        ]

    def _value(self, token: str) -> int | None:
        token = token.lower().replace(",", "")
        if token.isdigit():
            return int(token)
        return self.numbers.get(token)

    def count(self, segment: Span) -> Toll:
        """The deaths stated in ``segment``; `NO_TOLL` when none is stated."""
        text = span_text(segment)
        none = _NONE.search(text)
        if none:
            return Toll(0, "exact", (segment.start_char + none.start(),))
        total, qualifier, seen, at, running = 0, None, [], [], False
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                if any(match.start() < e and s < match.end() for s, e in seen):
                    continue
                between = text[match.start("n") : match.end()]
                if _INJURY.search(between):
                    continue
                value = self._value(match.group("n"))
                if value is None:
                    continue
                seen.append((match.start(), match.end()))
                if _running_total(text, match.start(), match.end()):
                    running = True  # a total over time is no one event's deaths: left out
                    continue
                at.append(segment.start_char + match.start("n"))
                total += value + _singular_conjuncts(segment, match.start("n"))
                if match.group("q"):
                    qualifier = qualifier or _QUALIFIERS[match.group("q").lower()]
        if at:
            return Toll(total, qualifier or "exact", tuple(at), running)
        if running:
            return Toll(cumulative=True)
        return _count_named_victims(segment, self.killing)


def _running_total(text: str, start: int, end: int) -> bool:
    """Whether the count at ``text[start:end]`` totals deaths over time ('killed 300 since Oct').

    The cue is looked for from a few words before the count to the end of its clause.
    """
    before = text[max(0, start - 30) : start]
    before = before[max((m.end() for m in re.finditer(r"[;.]", before)), default=0) :]
    after = text[end:]
    stop = _CLAUSE_END.search(after)
    after = after[: stop.start()] if stop else after
    for window in (before, after):
        cue = _RUNNING.search(window)
        if cue and not (cue.group().lower() == "since" and SUPERLATIVE.search(window[: cue.start()])):
            return True
    return False


def _singular_conjuncts(segment: Span, char: int) -> int:
    """'killed 3 militants and young boy': each singular victim coordinated with the count adds one."""
    number = next((t for t in segment if t.idx <= segment.start_char + char < t.idx + len(t.text) + 1), None)
    if number is None or number.dep_ != "nummod":
        return 0
    return sum(
        1
        for c in number.head.conjuncts
        if c.tag_ in ("NN", "NNP") and not any(ch.dep_ == "nummod" for ch in c.children)
    )


def _count_named_victims(segment: Span, killing: frozenset[str]) -> Toll:
    """'killed soldier and brother' -> 2, 'Kadyrov assassinated' -> 1: singular victims without a number."""
    for token in segment:
        if token.lemma_.lower() not in killing and token.lower_ not in ("killed", "assassinated", "shot"):
            continue
        if token.lemma_.lower() == "shoot" and not (
            token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dead"
        ):
            continue  # shot, not shot dead
        if (
            token.dep_ in ("acl", "amod", "advcl", "relcl")
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.tag_ in ("NN", "NNP")
        ):
            victims = [token.head]
        else:
            # no object: a headline passive, 'Kadyrov assassinated 9 May', the subject is the victim
            intransitive = not any(c.dep_ == "dobj" for c in token.children)
            victims = [
                c
                for c in token.children
                if c.dep_ in ("dobj", "nsubjpass") or (intransitive and c.dep_ == "nsubj")
            ]
        if not victims:
            continue
        victim = victims[0]
        group = [victim, *victim.conjuncts]
        if any(
            t.tag_ in ("NNS", "NNPS")
            or t.lemma_.lower() in _VAGUE_VICTIMS
            or any(c.dep_ == "nummod" for c in t.children)
            for t in group
        ):
            return NO_TOLL
        return Toll(len(group), "exact", (token.idx,))
    return NO_TOLL
