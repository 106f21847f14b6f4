"""Which date a trigger takes, and which triggers are background, not events.

docs/CODEBOOK.md: a date anchors the predicates of its own sentence that have no
date of their own (the one attached in the parse, else the nearest before
them in their clause); background (past perfect, after/before clauses, the
reason for an arrest, a purpose) is not an event; a date no trigger took
repeats the trigger before it (a list of incidents).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..dates import DateMention
from .doc_index import text_of
from .lexicon import Lexicon


@dataclass
class Candidate:
    """A trigger on its way to becoming an event."""

    trigger: Span
    label: str
    mention: DateMention | None = None
    owned: bool = False  # the date is attached to the trigger in the parse
    absorbed: list[Span] = field(default_factory=list)
    reported: Span | None = None  # a report's reported action (pipeline.events.absorb)

    @cached_property
    def root(self) -> Token:
        """The trigger's head word (spaCy works ``Span.root`` out again on every access; the trigger of a
        candidate never changes)."""
        return self.trigger.root


def tokens_of(doc: Doc, mention: DateMention) -> list[Token]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def _governor(
    tokens: list[Token], trigger_roots: dict[int, Candidate], aspectual: frozenset[str]
) -> tuple[Candidate | None, int]:
    """The trigger a date hangs from in the parse, and how many steps up it is.

    The walk goes up from the date through prepositions and noun modifiers
    only; a date after a preposition ("elections on 10 Jan", "departure of
    CSTO forces on 13 Jan") also belongs to a trigger that closes the noun
    phrase just before that preposition, which the small parser often misses.
    A verb that only says an event begins or goes on ("protests to begin 25
    March") hands its date to that event.
    """
    if not tokens:
        return None, 0
    token = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])
    left = _trigger_before_preposition(tokens[0], trigger_roots)
    for steps in range(1, 4):
        head = token.head
        if head.i in trigger_roots:
            return trigger_roots[head.i], steps
        if head.lemma_.lower() in aspectual:
            event = next((trigger_roots[e.i] for e in _what_begins(head) if e.i in trigger_roots), None)
            if event is not None:
                return event, steps + 1
        if head == token or head.pos_ in ("VERB", "AUX") or token.dep_ in ("conj", "appos", "ccomp", "advcl"):
            break
        token = head
    return (left, 2) if left is not None else (None, 0)


def _what_begins(verb: Token) -> list[Token]:
    """The event an aspectual verb is about: its subject ('protests resumed'), else, for an
    infinitive, the object of the verb it completes ('called for wave of protests to begin'), looking
    through a partitive ('wave of protests')."""
    found = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ in ("xcomp", "acl"):
        above = verb.head
        found = [above] if verb.dep_ == "acl" else []
        found += [ch for ch in above.children if ch.dep_ == "dobj"]
        found += [g for p in above.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return found + [
        g for t in found for p in t.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
    ]


def _trigger_before_preposition(first: Token, trigger_roots: dict[int, Candidate]) -> Candidate | None:
    """The trigger that ends the phrase right before a date
    ('rally 25 Jan', 'order ... (see Russia) on 21 Sept').

    Looks left over nouns, adjectives, prepositions and parenthetical
    cross-references only; a verb, a comma or a clause boundary ends the search.
    """
    doc = first.doc
    i, seen = first.i - 1, 0
    while i >= 0 and seen < 8:
        token = doc[i]
        if token.text == ")":
            while i > 0 and doc[i].text != "(":
                i -= 1
            i -= 1
            continue
        if i in trigger_roots:
            if token.dep_ == "amod" and i < token.head.i < first.i:
                return None  # 'Ruling party 4 May': the date follows the noun the trigger describes
            return trigger_roots[i]
        if (
            token.is_punct
            and token.text not in ("-", "’", "'")
            or token.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "PART")
        ):
            return None
        i -= 1
        seen += 1
    return None


def attach_dates(
    candidates: list[Candidate], mentions: list[DateMention], mention_tokens: dict, sent: Span, lex: Lexicon
) -> None:
    """Give every trigger its date: the one attached to it, else the nearest before it in its clause."""
    roots = {c.root.i: c for c in candidates}
    claims = []
    for mention in mentions:
        owner, steps = _governor(mention_tokens[id(mention)], roots, lex.aspectual)
        if owner is not None:
            claims.append((steps, mention.start, mention, owner))
    for _, _, mention, owner in sorted(claims, key=lambda c: (c[0], c[1])):
        if _owned_elsewhere(mention, candidates):
            continue
        if owner.mention is not None:
            # 'X 9 April proposed meetings with govt 17 April': the verb has its date; the second one
            # the parse gives it belongs to the event noun, its object, that ends the phrase before it
            before = _trigger_before_preposition(mention_tokens[id(mention)][0], roots)
            if before is not None and before.root.head == owner.root and before.root.dep_ == "dobj":
                owner = before
        if owner.mention is None:
            owner.mention, owner.owned = mention, True
    starts = {tokens[0].i: m for m in mentions if (tokens := mention_tokens[id(m)])}
    for c in candidates:
        if c.mention is not None:
            continue
        verb = c.root.head
        if c.root.dep_ in ("nsubj", "nsubjpass") and verb.i + 1 in starts:
            c.mention = starts[verb.i + 1]  # 'Party congress held late July elected X': the date of its verb
            continue
        lo, hi = clause_bounds(c.trigger, sent)
        before = [m for m in mentions if m.end <= c.trigger.start_char]
        after = [m for m in mentions if m.start >= c.trigger.end_char]
        choice = next((m for m in reversed(before) if lo <= m.start < hi), None)
        choice = choice or _date_of_its_verb(c, roots)
        choice = choice or next(
            (m for m in after if lo <= m.start < hi and not _owned_elsewhere(m, candidates)), None
        )
        choice = choice or next(
            (m for m in after if lo <= m.start < hi and _owned_below(m, c, candidates)), None
        )
        choice = choice or (before[-1] if before else None)
        choice = choice or _date_of_its_event(c, roots)
        c.mention = choice


def date_the_charged_action(candidates: list[Candidate], lex: Lexicon) -> None:
    """'Sect leader X arrested for ordering executions 28 Apr': a date the parse gives to the reason or
    charge behind an action dates the action (arrest, trial, sanction), which has none of its own;
    the reason stays background (EVENTS.md: the charge behind an action is no event)."""
    roots = {c.root.i: c for c in candidates}
    for c in candidates:
        if not c.owned or not _reason_clause(c.root, roots, lex):
            continue
        prep = next((t for t in c.root.ancestors if t.dep_ == "prep" and t.lower_ in lex.reason_preps), None)
        acting = roots.get(prep.head.i) if prep is not None else None
        if acting is not None and not acting.owned and acting.label in ("detention", "trial", "sanction"):
            acting.mention, acting.owned, c.owned = c.mention, True, False


def _date_of_its_verb(c: Candidate, roots: dict[int, Candidate]) -> DateMention | None:
    """'Clashes 10-13 Aug displaced 10,000 villagers': an event that is the subject of another
    event's verb happened when that verb's event did."""
    verb = roots.get(c.root.head.i) if c.root.dep_ == "nsubj" and c.root.pos_ == "NOUN" else None
    return verb.mention if verb is not None and verb.owned else None


def _date_of_its_event(c: Candidate, roots: dict[int, Candidate]) -> DateMention | None:
    """'continued attacks 1 Oct, killing three civilians and abducting another': a participle that
    goes on an event with a date of its own (over 'and' and the participles between) happened then."""
    current = c.root
    for _ in range(3):
        if current.dep_ not in ("conj", "acl", "advcl") or current.head == current:
            return None
        current = current.head
        event = roots.get(current.i)
        if event is not None and event.owned:
            return event.mention
    return None


def _owned_elsewhere(mention: DateMention, candidates: list[Candidate]) -> bool:
    return any(c.owned and c.mention is mention for c in candidates)


def _owned_below(mention: DateMention, c: Candidate, candidates: list[Candidate]) -> bool:
    """'local sources accused forces of killing civilians 19-26 May': the only date of a clause,
    owned by what the predicate says or does, dates the predicate too, rather than a date of the
    clause before the semicolon."""
    return any(
        o.owned
        and o.mention is mention
        and o.root.tag_ in ("VBD", "VBN", "VBG")
        and _in_content(o.root, c.root)
        for o in candidates
    )


def _in_content(token: Token, predicate: Token) -> bool:
    """``token`` hangs on ``predicate`` as what it says or does ('accused forces of killing'), not
    as a second predicate joined by 'and' ('responded with shots, and same day denounced')."""
    while token.head != token:
        if token.head == predicate:
            return token.dep_ != "conj"
        token = token.head
    return False


def clause_bounds(span: Span, sent: Span) -> tuple[int, int]:
    """Character bounds of the semicolon-separated clause around ``span``.

    Whitespace that closes the sentence (a blanked undated sentence, see
    pipeline.nlp.dated_only) is not part of it. Searched in the text, not
    token by token: it is asked for every candidate of a sentence.
    """
    text = text_of(sent.doc)
    end = sent.start_char + len(text[sent.start_char : sent.end_char].rstrip())
    start = text.rfind(";", sent.start_char, span.start_char) + 1 or sent.start_char
    semicolon = text.find(";", span.end_char, end)
    return start, (end if semicolon < 0 else semicolon)


def drop_background(
    candidates: list[Candidate],
    lex: Lexicon,
    on_drop: Callable[[Candidate, str], None] | None = None,
) -> list[Candidate]:
    """Keep the predicates a date anchors; drop what the codebook calls background (see `background_rule`).

    ``on_drop`` hears of each dropped candidate with the rule's name (for `crisis-events audit`).
    """
    roots = {c.root.i: c for c in candidates}
    kept = []
    for c in candidates:
        rule = background_rule(c, roots, lex)
        if rule is None:
            kept.append(c)
        elif on_drop is not None:
            on_drop(c, rule)
    return kept


def background_rule(c: Candidate, roots: dict[int, Candidate], lex: Lexicon) -> str | None:
    """The name of the rule that makes ``c`` background, or None for an event.

    Background unless the trigger has a date of its own: past perfect ("had
    declined"), undated after/before clauses, a condition or prospect ("in case
    of attack", "possible strike"), what is prevented ("barred from contesting
    elections"), the reason behind an action ("for allegedly calling for
    protests"), a purpose ("met ... to discuss"),
    a noun that only modifies another ("election observer"), an agreement
    referred to ("terms of 2019 peace accord": its year names it, it does
    not date an event).
    """
    root = c.root
    if c.label == "agreement" and _existing_agreement(root, roots) and not (c.owned and c.mention.scored):
        return "agreement referred to"
    if c.owned:
        return None
    if _past_perfect(root):
        return "past perfect"
    if _under_word(root, lex.background_preps):
        return "after/before clause"
    if _conditional(root, lex):
        return "what only may happen"
    # a crowd kept from marching had gathered all the same (ACLED: protest with intervention)
    if c.label not in ("protest", "riot") and _prevented(root, lex):
        return "what is prevented"
    if _reason_clause(root, roots, lex):
        return "reason for an action"
    if _purpose_clause(root, roots):
        return "purpose of an action"
    if _infinitive_of_noun(root):
        return "infinitive of a noun"
    if _relative_clause(root) and root.tag_ in ("VBZ", "VBP"):
        return "description in the present"  # 'airbase that hosts U.S.-led coalition'
    if (
        root.dep_ in ("amod", "acl")
        and not _clause_opening_participle(root)
        and not absolute_participle(root)
        and not verb_after_semicolon(root)
    ) or (root.dep_ == "compound" and root.head.i not in roots and root.pos_ != "VERB"):
        return "modifier of a noun"  # (a one-word noun right before its noun is dropped earlier: build)
    if (
        c.label == "statement"
        and root.dep_ in ("advcl", "acl")
        and root.tag_ == "VBG"
        and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in root.children)
        and _acting_trigger(root.head, roots) not in (None, "statement")
    ):
        # 'shelled village ... claiming fighters were taking refuge', 'protests resumed, demanding
        # dismissal of governor': what another event claims or demands
        return "participle of another event"
    if _topic_of(root, roots, lex):
        return "topic of another event"
    if c.label == "statement" and _said_by_an_event(root, lex):
        return "what another event says"  # 'referendum proposed 56 amendments': its content, no speaker
    return None


def _said_by_an_event(verb: Token, lex: Lexicon) -> bool:
    """Is the subject of a statement verb an event of another kind ('referendum proposed', 'deal
    stipulated'): a description of that event, not someone speaking. A meeting speaks through those
    who hold it ('summit called on UN to')."""
    return any(
        ch.dep_ == "nsubj" and lex.event_words.get(ch.lemma_.lower()) not in (None, "statement", "summit")
        for ch in verb.children
    )


def absolute_participle(token: Token) -> bool:
    """'broken up by security forces with 70 arrested', 'with dozens killed': a participle after 'with'
    and a count states what happened (an absolute clause), though the parse hangs it on the count."""
    head = token.head
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and head.dep_ == "pobj"
        and head.head.lower_ == "with"
        and (head.pos_ == "NUM" or any(ch.dep_ == "nummod" for ch in head.children))
    )


def _clause_opening_participle(token: Token) -> bool:
    """'...; several officers and former minister arrested in capital', 'In North West region, one
    gendarme killed in Jakiri': a passive without its 'were'.

    The small parser reads the participle as describing the noun before it;
    when that noun phrase opens its clause, the participle is the clause's
    predicate ('policemen accused of corruption' inside a clause is not).
    """
    if token.dep_ != "acl" or token.tag_ != "VBN":
        return False
    first = token.head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    lo, _ = clause_bounds(token.doc[token.i : token.i + 1], token.sent)
    opening = next((t for t in token.sent if t.idx >= lo and not (t.is_space or t.is_punct)), None)
    if opening is None:
        return False
    left = first.left_edge
    if left.i == opening.i:
        return True
    # after a fronted adverbial: 'In North West region, one gendarme killed in Jakiri'
    return left.i > 0 and left.nbor(-1).text == "," and opening.dep_ in ("prep", "advmod", "npadvmod")


def verb_after_semicolon(token: Token) -> bool:
    """'... 18 May; sacked state governor and legislature': a past form opening the clause after a
    semicolon is its verb, the subject the clause before's; the small parser reads it as an adjective
    of its object."""
    if token.dep_ != "amod" or token.tag_ not in ("VBD", "VBN") or token.i == 0:
        return False
    before = token.nbor(-1)
    return before.text == ";" and token.head.i > token.i


def _acting_trigger(verb: Token, roots: dict[int, Candidate]) -> str | None:
    """The type of the event ``verb`` is, or whose trigger is its subject ('protests resumed')."""
    if verb.i in roots:
        return roots[verb.i].label
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj" and ch.i in roots), None)
    return roots[subject.i].label if subject is not None else None


def _existing_agreement(token: Token, roots: dict[int, Candidate]) -> bool:
    """'terms of peace accord', 'guarantors of de-escalation agreement', 'reviving 2015 deal': an
    agreement referred to, not made (a year in its name says when it was made).
    """
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(_is_year(t) for t in token.subtree if t.i < token.i):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("of", "under") and token.head.head.i not in roots


def _is_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def _relative_clause(verb: Token) -> bool:
    """'airbase ... that hosts U.S.-led coalition': a clause whose subject is a relative pronoun,
    even where the parse joins it to the main verb by 'conj' after a long noun phrase."""
    return verb.dep_ == "relcl" or any(
        ch.dep_ in ("nsubj", "nsubjpass") and ch.tag_ in ("WDT", "WP") for ch in verb.children
    )


def _past_perfect(token: Token) -> bool:
    """'had declined to recognise', 'had arrived': background told in the past perfect."""
    current = token
    for _ in range(3):
        if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ == "had" for ch in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep", "pcomp") or current.head == current:
            return False
        current = current.head
    return False


def _topic_of(token: Token, roots: dict[int, Candidate], lex: Lexicon) -> bool:
    """'referendum on constitutional amendments': the amendments are the referendum's topic."""
    if token.dep_ != "pobj" or token.head.lower_ not in lex.content_preps:
        return False
    governor = token.head.head
    return governor.i in roots and governor.pos_ in ("NOUN", "PROPN")


def _under_word(token: Token, words: frozenset[str], steps: int = 3) -> bool:
    """Is ``token`` inside a clause or phrase opened by one of ``words`` ("following approval")?"""
    current = token
    for _ in range(steps):
        if current.dep_ in ("prep", "mark", "pcomp", "advcl") and current.lower_ in words:
            return True
        for child in current.children:
            if child.dep_ in ("mark", "case") and child.lower_ in words:
                return True
        if current.head == current or current.dep_ in ("ROOT", "conj", "ccomp"):
            return False
        current = current.head
    return current.lower_ in words and current.dep_ in ("prep", "mark")


def _conditional(token: Token, lex: Lexicon) -> bool:
    """'return fire in case of attack', 'in the event of an attack', 'if attacked', 'possible strike':
    a condition or a prospect, which may never happen."""
    if _under_word(token, lex.conditional_marks):
        return True
    if any(ch.dep_ == "amod" and ch.lower_ in lex.conditional_adjectives for ch in token.children):
        return True  # 'opposition to possible U.S. military strike'
    of = token.head
    return (
        token.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in lex.conditional_nouns
        and of.head.dep_ == "pobj"
        and of.head.head.lower_ == "in"
    )


def _prevented(token: Token, lex: Lexicon) -> bool:
    """'prevents Suu Kyi from being elected', 'barred from contesting elections', 'banned from running in
    elections': kept from happening."""
    kept = token
    while kept.dep_ in ("dobj", "pobj", "prep") and kept.head.lower_ != "from" and kept.head != kept:
        kept = kept.head
    return (
        kept.dep_ in ("pcomp", "pobj")
        and kept.head.lower_ == "from"
        and kept.head.head.lemma_.lower() in lex.preventing
    )


def _reason_clause(token: Token, roots: dict[int, Candidate], lex: Lexicon) -> bool:
    """'arrested ... for allegedly calling for protests', 'accused of tearing down poster'."""
    current = token
    for _ in range(5):
        head = current.head
        if head == current:
            return False
        if current.dep_ in ("pcomp", "pobj") and head.lower_ in lex.reason_preps:
            above = [head.head, *head.head.ancestors][:3]
            if any(
                t.lemma_.lower() in lex.accusing
                or (t.i in roots and roots[t.i].label in ("detention", "trial", "sanction"))
                for t in above
            ):
                return True
        current = head
    return False


def _purpose_clause(token: Token, roots: dict[int, Candidate]) -> bool:
    """Inside an infinitive that states the purpose of another event: 'gathered in rally to call for release'.

    An absolute 'with X calling for ...' is its own predication, not a purpose.
    """
    current = token
    for _ in range(5):
        head = current.head
        if head == current or (current.dep_ in ("pobj", "pcomp") and head.lower_ == "with"):
            return False
        infinitive = (
            current.pos_ in ("VERB", "AUX")
            and current.dep_ in ("advcl", "xcomp", "acl", "relcl")
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in current.children)
        )
        if infinitive and _has_trigger_outside(head, current, roots):
            return True
        current = head
    return False


def _infinitive_of_noun(token: Token) -> bool:
    """'giving him 15 days to respond', 'plans to place exports under control': what a noun leaves
    to be done (a deadline, plan or right), not something done."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.dep_ in ("acl", "relcl")
        and token.head.pos_ in ("NOUN", "PROPN")
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children)
    )


def _has_trigger_outside(head: Token, clause: Token, roots: dict[int, Candidate]) -> bool:
    """Is ``head`` a trigger, or does it govern one outside ``clause``?"""
    if head.i in roots:
        return True
    inside = {t.i for t in clause.subtree}
    return any(
        t.i in roots and t.i not in inside for t in head.subtree if t.i != head.i and abs(t.i - head.i) < 8
    )


def orphan_dates(
    candidates: list[Candidate],
    mentions: list[DateMention],
    mention_tokens: dict,
    sent: Span,
    dropped: Sequence[Token] = (),
) -> list[Candidate]:
    """A date no trigger took repeats the nearest trigger before it: a list of incidents. Not a date
    inside the words of a trigger that was dropped ('freed comrades accused of taking part in 7 Feb
    coup attempt': the date is the accusation's, which describes the comrades)."""
    taken = {id(c.mention) for c in candidates if c.mention is not None}
    extra = []
    for mention in mentions:
        if id(mention) in taken or not mention.scored:
            continue
        if any(root in t.ancestors for root in dropped for t in mention_tokens[id(mention)]):
            continue
        earlier = [c for c in candidates if c.trigger.end_char <= mention.start]
        later = [c for c in candidates if c.trigger.start_char >= mention.end]
        source = earlier[-1] if earlier else (later[0] if later else None)
        if source is not None and not _inside_item(source, mention, sent):
            extra.append(Candidate(source.trigger, source.label, mention, False))
    return extra


def _inside_item(source: Candidate, mention: DateMention, sent: Span) -> bool:
    """'announced death of militant leader in Nangade district late Sept' after its own date: a date
    that follows the date a statement owns with no list break (',', ';', 'and') between them dates
    what the statement tells (the death), not another statement."""
    own = source.mention
    if source.label != "statement" or not source.owned or own is None or own.end > mention.start:
        return False
    between = text_of(sent.doc)[own.end : mention.start]
    return not re.search(r"[,;]|\band\b", between)
