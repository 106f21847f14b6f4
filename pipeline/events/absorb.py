"""Several triggers, one event: a light verb and its object, deaths in a battle, what a law provides or
a statement says."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .doc_index import text_of
from .lexicon import Lexicon
from .scope import Candidate, clause_bounds


def absorb_killing_into_fighting(candidates: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """'94 killed in fighting', 'seized base in battle killing over 50': the deaths belong to the clash."""
    clashes = [c for c in candidates if c.label == "armed_clash"]
    removed: set[int] = set()
    for c in candidates:
        if c.label != "attack" or c.root.lemma_ not in lex.killing | lex.death_nouns:
            continue
        for clash in clashes:
            near = (
                clash.root in c.root.children
                or c.root in clash.root.children
                or clash.root.head == c.root.head
                and clash.root.head != clash.root
            )
            through_prep = (
                any(p.dep_ == "prep" and clash.root in p.children for p in c.root.children)
                or any(p.dep_ == "prep" and c.root in p.children for p in clash.root.children)
                or (c.root.head.dep_ == "prep" and c.root.head.head == clash.root)
            )
            if (near or through_prep) and (
                c.mention is None or clash.mention is None or c.mention is clash.mention or not c.owned
            ):
                clash.mention = clash.mention or c.mention
                clash.absorbed.append(c.trigger)
                removed.add(id(c))
                break
    return [c for c in candidates if id(c) not in removed]


def absorb_outcomes_of_violence(candidates: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """'militants continued attacks, killing three civilians': the killing a participle adds to a noun
    of attack is that attack's outcome, and whom it killed is whom the attack hit (a killing on a noun
    of fighting is absorbed by `absorb_killing_into_fighting`). 'Hamas launched operation against
    clan, killing 10': a military operation that kills is that violence, one event of the killing's
    type."""
    by_root = {c.root.i: c for c in candidates}
    removed: set[int] = set()
    for c in candidates:
        root = c.root
        event = by_root.get(root.head.i)
        if (
            root.tag_ != "VBG"
            or root.lemma_.lower() not in lex.killing
            or event is None
            or event is c
            or (c.owned and c.mention is not event.mention)
        ):
            continue
        of_attack = event.label == "attack" and event.root.pos_ == "NOUN" and root.dep_ == "acl"
        of_operation = event.label == "military" and root.dep_ in ("acl", "advcl")
        if of_attack or of_operation:
            event.label = c.label
            event.absorbed.append(c.trigger)
            removed.add(id(c))
    return [c for c in candidates if id(c) not in removed]


def absorb_objects_of_light_verbs(candidates: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """'signed legislation', 'signed raft of agreements', 'held summit': one event, typed by the noun."""
    by_root = {c.root.i: c for c in candidates}
    removed: set[int] = set()
    for c in candidates:
        if c.root.lemma_.lower() not in lex.light_verbs and c.root.lemma_ not in lex.light_verbs:
            continue
        for obj in objects_of(c.root):
            other = by_root.get(obj.i)
            if other is None or other is c or id(other) in removed:
                continue
            if other.owned and other.mention is not c.mention:
                continue
            c.label = other.label
            c.absorbed.append(other.trigger)
            removed.add(id(other))
            break
    return [c for c in candidates if id(c) not in removed]


def objects_of(verb: Token) -> list[Token]:
    """Direct objects of a verb, looking through quantity nouns ('raft of agreements')."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            found.append(child)
            found.extend(
                g
                for p in child.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            )
    return found


def absorb_law_content(candidates: list[Candidate]) -> list[Candidate]:
    """'adopted law allowing govt to suspend debt repayments', 'passed resolution condemning violence':
    what a law or resolution provides, in the clause that hangs on its noun, is part of that one
    legislation event, not an event of its own (unless it has a date of its own)."""
    removed: set[int] = set()
    for c in candidates:
        if c.label != "legislation" or id(c) in removed:
            continue
        nouns = [t.root for t in (c.trigger, *c.absorbed) if t.root.pos_ == "NOUN"]
        clauses = [ch for noun in nouns for ch in noun.children if ch.dep_ in ("acl", "relcl")]
        for o in candidates:
            if o is not c and not o.owned and any(o.root == cl or cl in o.root.ancestors for cl in clauses):
                c.absorbed.append(o.trigger)
                removed.add(id(o))
    return [c for c in candidates if id(c) not in removed]


def absorb_statement_content(candidates: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """What a statement says is its content, not another event; a report takes the type of what it reports.

    "EU welcomed referendum results" is one statement; "officials said
    98,000 Russians had arrived" is a displacement event; "Tokayev announced
    departure of CSTO forces on 13 Jan" is military on both dates. A report
    keeps the reported trigger (``reported``), whose subject is the actor
    that types the event ('residents said SPLM-N attacked town' is no riot).
    """
    removed: set[int] = set()
    for c in candidates:
        if c.label != "statement" or id(c) in removed:
            continue
        clause = clause_bounds(c.trigger, c.trigger.sent)
        inner = [
            o
            for o in candidates
            if o is not c
            and c.root in o.root.ancestors
            and id(o) not in removed
            and clause[0] <= o.trigger.start_char < clause[1]
            and not _occasion(o.root, c.root, lex)
        ]
        reporting = c.root.lemma_.lower() in lex.reporting or c.root.lemma_ in lex.reporting
        if reporting:
            # 'N reported killed', 'was reported': the report only carries the news
            evidential = not any(ch.dep_ in ("nsubj", "csubj") for ch in c.root.children) or any(
                ch.dep_ in ("xcomp", "oprd") and ch.tag_ == "VBN" for ch in c.root.children
            )
            plan = announced_plan(c.root, lex)  # 'announced plans to evacuate': the plan is told as done
            told = [
                o
                for o in inner
                if o.label != "statement"
                and not _quoted(o.trigger)
                and (not _not_yet_done(o.root) or _in_plan(o.root, plan))
                and (evidential or any(_reported_by(t.root, c.root) for t in [o.trigger, *o.absorbed]))
            ]
            reported = min(told, key=lambda o: abs(o.root.i - c.root.i), default=None)
            if reported is not None:
                c.label = reported.label
                c.reported = reported.trigger
        for o in inner:
            # a trigger with its own date in the parse is an event of its own, but for the charge an
            # accusation makes ('accused forces of killing civilians 19-26 May'): no event (EVENTS.md 1)
            if not o.owned or _charge_of(o.root, c.root, lex):
                removed.add(id(o))
                c.absorbed.append(o.trigger)
    return [c for c in candidates if id(c) not in removed]


def _charge_of(token: Token, statement: Token, lex: Lexicon) -> bool:
    """'accused security forces of killing', 'blamed X for attack': what an accusing statement
    charges someone with, the object of its reason preposition."""
    prep = token.head
    return (
        statement.lemma_.lower() in lex.accusing
        and token.dep_ in ("pcomp", "pobj")
        and prep.head == statement
        and prep.lower_ in lex.reason_preps
    )


def announced_plan(statement: Token, lex: Lexicon) -> Token | None:
    """'announced plans to evacuate nationals', 'announced decision to withdraw troops': the verb of
    the plan or decision a speaker announces, the speaker's own action (EVENTS.md 2: a statement that
    reports an action of the speaker is typed by that action)."""
    if statement.lemma_.lower() not in lex.announcing:
        return None
    return next(
        (
            verb
            for plan in statement.children
            if plan.dep_ == "dobj" and plan.lemma_.lower() in lex.plans
            for verb in plan.children
            if verb.dep_ in ("acl", "xcomp") and verb.pos_ == "VERB"
        ),
        None,
    )


def _in_plan(token: Token, plan: Token | None) -> bool:
    """Is ``token`` the verb of the announced plan or its object ('plans to hold elections')?"""
    return plan is not None and (token == plan or (token.dep_ == "dobj" and token.head == plan))


def _occasion(token: Token, statement: Token, lex: Lexicon) -> bool:
    """'said at rally that STC would organise referendum': the event a statement is made at is an
    event of its own on the statement's date, not what the statement says."""
    prep = token.head
    return token.dep_ == "pobj" and prep.head == statement and prep.lower_ in lex.occasion_preps


def _not_yet_done(token: Token) -> bool:
    """'said Saudi Arabia was detaining Hariri', 'warned rebels would attack', 'claimed plot to
    kill President foiled': a claim, forecast or plan, told in the progressive, with a modal or
    as an infinitive; a report of an incident is in the past. The object of a bare verb, and a
    bare verb with no auxiliary of its own, are told in the tense of the verb they hang on ('said
    STC would organise referendum and continue fight'); a verb in the past has a tense of its own.
    """
    auxiliaries = [ch for ch in token.children if ch.dep_ in ("aux", "auxpass")]
    while (
        not auxiliaries
        and (
            token.dep_ == "dobj"
            and token.head.tag_ == "VB"
            or token.dep_ in ("xcomp", "conj")
            and token.tag_ == "VB"
        )
        and token.head != token
    ):
        token = token.head
        auxiliaries = [ch for ch in token.children if ch.dep_ in ("aux", "auxpass")]
    progressive = token.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxiliaries)
    planned = any(a.tag_ == "TO" for a in auxiliaries)  # 'plot to kill President'
    return progressive or planned or any(a.tag_ == "MD" for a in auxiliaries)


def _reported_by(token: Token, verb: Token) -> bool:
    """Is ``token`` what ``verb`` reports: its clausal complement or object, not a side phrase?"""
    current = token
    while current != verb:
        if current.dep_ not in (
            "ccomp",
            "xcomp",
            "conj",
            "acl",  # 'reported 5 soldiers killed during clashes'
            "dobj",
            "nsubj",
            "nsubjpass",
            "pobj",
            "prep",
            "relcl",
        ) and not (current.dep_ == "pobj" and current.head.lower_ == "of"):
            return False
        if current.dep_ == "prep" and current.lower_ != "of":
            return False
        if current.head == current:
            return False
        current = current.head
    return True


def _quoted(span: Span) -> bool:
    """Inside quotation marks: words of the speaker, not an action reported."""
    text = text_of(span.doc)[span.sent.start_char : span.start_char]
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1
