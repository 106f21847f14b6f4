"""From a parsed entry to events: trigger, type, date, actors, places, deaths, evidence.

The rules follow EVENTS.md: a date anchors the predicates of its own sentence
that have no date of their own (the nearest date before an undated clause
first), background (past perfect, after/before clauses, the reason for an
arrest) is not an event, a list of incidents with a date each gives an event
per date, and a reported action is typed by the action.

Words that decide roles live in models/roles.json; the trigger lexicon in
models/triggers.jsonl (see pipeline.nlp).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .dates import DateMention
from .fatalities import count_fatalities
from .records import Entry, Event
from .resources import read_json, read_jsonl


_ACTOR_ENTS = {"PERSON", "ORG", "NORP"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
_OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
_VIOLENT = {"attack", "armed_clash", "riot"}
#: labels the small model gives to village names it does not know
_MISLABELLED = {"NORP", "ORG", "PERSON", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT"}
_DESCRIBING = {"accuse", "charge", "suspect", "claim", "blame", "allege", "convict", "wanted"}
_KILLING = {"kill", "murder", "dead", "death", "massacre", "assassinate", "shoot", "shot dead"}


@dataclass(frozen=True)
class Roles:
    """The role vocabulary of models/roles.json."""

    titles: tuple[str, ...]
    crowd: frozenset[str]
    court: frozenset[str]
    forces: frozenset[str]
    people: frozenset[str]
    reporting: frozenset[str]
    location_preps: frozenset[str]
    background_preps: frozenset[str]
    reason_preps: frozenset[str]
    accusing: frozenset[str]
    light_verbs: frozenset[str]
    content_preps: frozenset[str]
    non_person_release: dict[str, frozenset[str]]
    place_nouns: frozenset[str]
    directions: frozenset[str]
    generic_actors: frozenset[str]
    phrase_skip: frozenset[str]


@lru_cache(maxsize=1)
def roles() -> Roles:
    raw = read_json("roles.json")
    generic = read_json("generic_actors.json")["actors"]
    return Roles(
        titles=tuple(sorted(raw["titles"], key=len, reverse=True)),
        crowd=frozenset(raw["crowd_subjects"]),
        court=frozenset(raw["court_subjects"]),
        forces=frozenset(raw["force_words"]),
        people=frozenset(raw["people_words"]),
        reporting=frozenset(raw["reporting_verbs"]),
        location_preps=frozenset(raw["location_preps"]),
        background_preps=frozenset(raw["background_preps"]),
        reason_preps=frozenset(raw["reason_preps"]),
        accusing=frozenset(raw["accusing_words"]),
        light_verbs=frozenset(raw["light_verbs"]),
        content_preps=frozenset(raw["content_preps"]),
        non_person_release={k: frozenset(v) for k, v in raw["non_person_release"].items()},
        place_nouns=frozenset(raw["place_nouns"]),
        directions=frozenset(raw["directions"]),
        generic_actors=frozenset(a.lower() for a in generic),
        phrase_skip=frozenset(raw["phrase_skip"]),
    )


@dataclass
class _Candidate:
    """A trigger on its way to becoming an event."""

    trigger: Span
    label: str
    mention: DateMention | None = None
    owned: bool = False  # the date is attached to the trigger in the parse
    absorbed: list[Span] = field(default_factory=list)

    @property
    def root(self) -> Token:
        return self.trigger.root


def extract_events(entry: Entry, doc: Doc, mentions: list[DateMention]) -> list[Event]:
    """All events of one entry, in text order.

    ``doc`` is the parse of the entry's (date-masked) text; ``mentions`` are
    its date expressions from pipeline.dates, with offsets into the same text.
    """
    events: list[Event] = []
    try:
        for sentence in doc.sents:
            events.extend(_sentence_events(entry, doc, sentence, mentions))
    finally:
        _release(doc)
    return events


# --------------------------------------------------------- per-doc look-ups
def _text(doc: Doc) -> str:
    """The doc's text, built once (spaCy rebuilds it from the tokens on every access)."""
    if "crisis_text" not in doc.user_data:
        doc.user_data["crisis_text"] = doc.text
    return doc.user_data["crisis_text"]


def _ents(doc: Doc) -> tuple[list[Span], dict[int, Span]]:
    """The doc's entities and a token -> entity index, built once."""
    if "crisis_ents" not in doc.user_data:
        ents = list(doc.ents)
        doc.user_data["crisis_ents"] = (ents, {i: e for e in ents for i in range(e.start, e.end)})
    return doc.user_data["crisis_ents"]


def _release(doc: Doc) -> None:
    """Drop the look-ups: their Spans point back at the doc, and left in place they
    make every doc a reference cycle that only a full garbage collection frees.
    With the gazetteer's millions of long-lived objects that collection seldom
    runs, so each parsed doc (tensors included) would stay for the whole run."""
    doc.user_data.pop("crisis_ents", None)
    doc.user_data.pop("crisis_text", None)


def _ents_in(span: Span) -> list[Span]:
    return [e for e in _ents(span.doc)[0] if span.start <= e.start and e.end <= span.end]


def _ent_at(token: Token) -> Span | None:
    return _ents(token.doc)[1].get(token.i)


# ------------------------------------------------------------------ sentences
def _sentence_events(entry: Entry, doc: Doc, sent: Span, all_mentions: list[DateMention]) -> list[Event]:
    mentions = [m for m in all_mentions if sent.start_char <= m.start < sent.end_char and not _tally_date(_text(doc), m)]
    if not mentions:
        return []
    r = roles()
    triggers = [t for t in doc.spans["triggers"] if sent.start <= t.start < sent.end]
    candidates = [_Candidate(t, t.label_) for t in triggers if not (_inside_name(t) or _in_see_reference(t) or _description(t.root, r))]
    mention_tokens = {id(m): _tokens_of(doc, m) for m in mentions}
    _attach_dates(candidates, mentions, mention_tokens, sent)
    candidates = _absorb_objects_of_light_verbs(candidates)
    candidates = _absorb_killing_into_fighting(candidates)
    candidates = _absorb_statement_content(candidates)
    candidates = _drop_background(candidates, mention_tokens)
    candidates += _orphan_dates(candidates, mentions, mention_tokens, sent)
    events = [(_clause_bounds(c.trigger, sent), _build(entry, doc, sent, c, mentions, mention_tokens)) for c in candidates if c.mention is not None]
    return _merge(events, entry.text)


def _inside_name(trigger: Span) -> bool:
    """'Central Election Commission', 'Collective Security Treaty Organization': a name, not an event."""
    if trigger.label_ == "summit":  # "G7 Foreign Ministers' Meeting" is a named event
        return False
    return any(t.ent_type_ == "ORG" for t in trigger) or (
        trigger.root.pos_ == "PROPN" and trigger.root.text[:1].isupper() and trigger.root.i > trigger.sent.start
    )


def _tally_date(text: str, mention: DateMention) -> bool:
    """'As of 29 Oct, 920 extremists ... killed': a running tally, not an event of that day."""
    return text[max(0, mention.start - 6): mention.start].lower().endswith("as of ")


def _description(token: Token, r: Roles) -> bool:
    """A participle that describes someone ('policemen accused of corruption', 'attack claimed by Al-Shabaab')."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and (token.lemma_.lower() in r.reporting or token.lemma_ in _DESCRIBING)


def _in_see_reference(trigger: Span) -> bool:
    doc = trigger.doc
    left = _text(doc)[max(0, trigger.start_char - 40): trigger.start_char]
    return bool(re.search(r"\(see [^)]*$", left))


def _tokens_of(doc: Doc, mention: DateMention) -> list[Token]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


# -------------------------------------------------------------------- dating
def _governor(tokens: list[Token], trigger_roots: dict[int, _Candidate]) -> tuple[_Candidate | None, int]:
    """The trigger a date hangs from in the parse, and how many steps up it is.

    The walk goes up from the date through prepositions and noun modifiers
    only; a date after a preposition ("elections on 10 Jan", "departure of
    CSTO forces on 13 Jan") also belongs to a trigger that closes the noun
    phrase just before that preposition, which the small parser often misses.
    """
    if not tokens:
        return None, 0
    token = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])
    left = _trigger_before_preposition(tokens[0], trigger_roots)
    for steps in range(1, 4):
        head = token.head
        if head.i in trigger_roots:
            return trigger_roots[head.i], steps
        if head == token or head.pos_ in ("VERB", "AUX") or token.dep_ in ("conj", "appos", "ccomp", "advcl"):
            break
        token = head
    return (left, 2) if left is not None else (None, 0)


def _trigger_before_preposition(first: Token, trigger_roots: dict[int, _Candidate]) -> _Candidate | None:
    """The trigger that ends the phrase right before a date ('rally 25 Jan', 'order ... (see Russia) on 21 Sept').

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
            return trigger_roots[i]
        if token.is_punct and token.text not in ("-", "’", "'") or token.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "PART"):
            return None
        i -= 1
        seen += 1
    return None


def _attach_dates(candidates: list[_Candidate], mentions: list[DateMention], mention_tokens: dict, sent: Span) -> None:
    """Give every trigger its date: the one attached to it, else the nearest before it in its clause."""
    roots = {c.root.i: c for c in candidates}
    claims = []
    for mention in mentions:
        owner, steps = _governor(mention_tokens[id(mention)], roots)
        if owner is not None:
            claims.append((steps, mention.start, mention, owner))
    for _, _, mention, owner in sorted(claims, key=lambda c: (c[0], c[1])):
        if owner.mention is None and not any(c.owned and c.mention is mention for c in candidates):
            owner.mention, owner.owned = mention, True
    for c in candidates:
        if c.mention is not None:
            continue
        lo, hi = _clause_bounds(c.trigger, sent)
        before = [m for m in mentions if m.end <= c.trigger.start_char]
        after = [m for m in mentions if m.start >= c.trigger.end_char]
        choice = next((m for m in reversed(before) if lo <= m.start < hi), None)
        choice = choice or next((m for m in after if lo <= m.start < hi and not _owned_elsewhere(m, candidates)), None)
        choice = choice or (before[-1] if before else None)
        c.mention = choice


def _owned_elsewhere(mention: DateMention, candidates: list[_Candidate]) -> bool:
    return any(c.owned and c.mention is mention for c in candidates)


def _clause_bounds(span: Span, sent: Span) -> tuple[int, int]:
    """Character bounds of the semicolon-separated clause around ``span``."""
    start, end = sent.start_char, sent.end_char
    for token in sent:
        if token.text == ";":
            if token.idx < span.start_char:
                start = token.idx + 1
            elif token.idx >= span.end_char:
                end = token.idx
                break
    return start, end


# --------------------------------------------------------------- background
def _drop_background(candidates: list[_Candidate], mention_tokens: dict) -> list[_Candidate]:
    """Keep the predicates a date anchors; drop what EVENTS.md calls background.

    Dropped unless the trigger has a date of its own: past perfect ("had
    declined"), undated after/before clauses, the reason behind an action
    ("for allegedly calling for protests"), a purpose ("met ... to discuss"),
    a noun that only modifies another ("election observer").
    """
    r = roles()
    roots = {c.root.i: c for c in candidates}
    kept = []
    for c in candidates:
        root = c.root
        if c.owned:
            kept.append(c)
        elif _past_perfect(root):
            continue
        elif _under_word(root, r.background_preps):
            continue
        elif _reason_clause(root, roots, r):
            continue
        elif _purpose_clause(root, roots):
            continue
        elif root.dep_ in ("amod", "acl") or (root.dep_ == "compound" and root.head.i not in roots and root.pos_ != "VERB"):
            continue
        elif c.label == "statement" and root.dep_ == "advcl" and root.tag_ == "VBG" and root.head.i in roots and roots[root.head.i].label != "statement":
            continue  # 'shelled village ... claiming fighters were taking refuge': the justification
        elif _topic_of(root, roots, r):
            continue
        else:
            kept.append(c)
    return kept


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


def _topic_of(token: Token, roots: dict[int, _Candidate], r: Roles) -> bool:
    """'referendum on constitutional amendments': the amendments are the referendum's topic."""
    if token.dep_ != "pobj" or token.head.lower_ not in r.content_preps:
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


def _reason_clause(token: Token, roots: dict[int, _Candidate], r: Roles) -> bool:
    """'arrested ... for allegedly calling for protests', 'accused of tearing down poster'."""
    current = token
    for _ in range(5):
        head = current.head
        if head == current:
            return False
        if current.dep_ in ("pcomp", "pobj") and head.lower_ in r.reason_preps:
            above = [head.head, *head.head.ancestors][:3]
            if any(t.lemma_.lower() in r.accusing or (t.i in roots and roots[t.i].label in ("detention", "trial", "sanction")) for t in above):
                return True
        current = head
    return False


def _purpose_clause(token: Token, roots: dict[int, _Candidate]) -> bool:
    """Inside an infinitive that states the purpose of another event: 'gathered in rally to call for release'.

    An absolute 'with X calling for ...' is its own predication, not a purpose.
    """
    current = token
    for _ in range(5):
        head = current.head
        if head == current or (current.dep_ == "pobj" and head.lower_ == "with"):
            return False
        infinitive = current.pos_ in ("VERB", "AUX") and current.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
            ch.dep_ == "aux" and ch.lower_ == "to" for ch in current.children
        )
        if infinitive and _has_trigger_outside(head, current, roots):
            return True
        current = head
    return False


def _has_trigger_outside(head: Token, clause: Token, roots: dict[int, _Candidate]) -> bool:
    """Is ``head`` a trigger, or does it govern one outside ``clause``?"""
    if head.i in roots:
        return True
    inside = {t.i for t in clause.subtree}
    return any(t.i in roots and t.i not in inside for t in head.subtree if t.i != head.i and abs(t.i - head.i) < 8)


def _absorb_killing_into_fighting(candidates: list[_Candidate]) -> list[_Candidate]:
    """'94 killed in fighting', 'seized base in battle killing over 50': the deaths belong to the clash."""
    clashes = [c for c in candidates if c.label == "armed_clash"]
    removed: set[int] = set()
    for c in candidates:
        if c.label != "attack" or c.root.lemma_ not in _KILLING:
            continue
        for clash in clashes:
            near = clash.root in c.root.children or c.root in clash.root.children or clash.root.head == c.root.head and clash.root.head != clash.root
            through_prep = any(p.dep_ == "prep" and clash.root in p.children for p in c.root.children) or any(
                p.dep_ == "prep" and c.root in p.children for p in clash.root.children
            ) or (c.root.head.dep_ == "prep" and c.root.head.head == clash.root)
            if (near or through_prep) and (c.mention is None or clash.mention is None or c.mention is clash.mention or not c.owned):
                clash.mention = clash.mention or c.mention
                clash.absorbed.append(c.trigger)
                removed.add(id(c))
                break
    return [c for c in candidates if id(c) not in removed]


def _absorb_objects_of_light_verbs(candidates: list[_Candidate]) -> list[_Candidate]:
    """'signed legislation', 'signed raft of agreements', 'held summit': one event, typed by the noun."""
    r = roles()
    by_root = {c.root.i: c for c in candidates}
    removed: set[int] = set()
    for c in candidates:
        if c.root.lemma_.lower() not in r.light_verbs and c.root.lemma_ not in r.light_verbs:
            continue
        for obj in _objects(c.root):
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


def _objects(verb: Token) -> list[Token]:
    """Direct objects of a verb, looking through quantity nouns ('raft of agreements')."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            found.append(child)
            found.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")
    return found


def _absorb_statement_content(candidates: list[_Candidate]) -> list[_Candidate]:
    """What a statement says is its content, not another event; a report takes the type of what it reports.

    "EU welcomed referendum results" is one statement; "officials said
    98,000 Russians had arrived" is a displacement event; "Tokayev announced
    departure of CSTO forces on 13 Jan" is military on both dates.
    """
    r = roles()
    removed: set[int] = set()
    for c in candidates:
        if c.label != "statement" or id(c) in removed:
            continue
        clause = _clause_bounds(c.trigger, c.trigger.sent)
        inner = [
            o for o in candidates
            if o is not c and c.root in o.root.ancestors and id(o) not in removed and clause[0] <= o.trigger.start_char < clause[1]
        ]
        reporting = c.root.lemma_.lower() in r.reporting or c.root.lemma_ in r.reporting
        if reporting:
            # 'N reported killed', 'was reported': the report only carries the news
            evidential = not any(ch.dep_ in ("nsubj", "csubj") for ch in c.root.children) or any(
                ch.dep_ in ("xcomp", "oprd") and ch.tag_ == "VBN" for ch in c.root.children
            )
            told = [o for o in inner if o.label != "statement" and not _quoted(o.trigger) and (evidential or _reported_by(o.root, c.root))]
            reported = min(told, key=lambda o: abs(o.root.i - c.root.i), default=None)
            if reported is not None:
                c.label = reported.label
        for o in inner:
            if not o.owned:  # a trigger with its own date in the parse is an event of its own
                removed.add(id(o))
                c.absorbed.append(o.trigger)
    return [c for c in candidates if id(c) not in removed]


def _reported_by(token: Token, verb: Token) -> bool:
    """Is ``token`` what ``verb`` reports: its clausal complement or object, not a side phrase?"""
    current = token
    while current != verb:
        if current.dep_ not in ("ccomp", "xcomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "relcl") and not (
            current.dep_ == "pobj" and current.head.lower_ == "of"
        ):
            return False
        if current.dep_ == "prep" and current.lower_ != "of":
            return False
        if current.head == current:
            return False
        current = current.head
    return True


def _quoted(span: Span) -> bool:
    """Inside quotation marks: words of the speaker, not an action reported."""
    text = _text(span.doc)[span.sent.start_char: span.start_char]
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _orphan_dates(candidates: list[_Candidate], mentions: list[DateMention], mention_tokens: dict, sent: Span) -> list[_Candidate]:
    """A date no trigger took repeats the nearest trigger before it: a list of incidents."""
    taken = {id(c.mention) for c in candidates if c.mention is not None}
    extra = []
    for mention in mentions:
        if id(mention) in taken or not mention.scored:
            continue
        earlier = [c for c in candidates if c.trigger.end_char <= mention.start]
        later = [c for c in candidates if c.trigger.start_char >= mention.end]
        source = earlier[-1] if earlier else (later[0] if later else None)
        if source is not None:
            extra.append(_Candidate(source.trigger, source.label, mention, False))
    return extra


# -------------------------------------------------------------------- events
def _build(entry: Entry, doc: Doc, sent: Span, c: _Candidate, mentions: list[DateMention], mention_tokens: dict) -> Event:
    date_tokens = frozenset(t.i for tokens in mention_tokens.values() for t in tokens)
    segment = _segment(c, sent, mentions)
    items = _list_item(segment, c.mention, mentions)
    label = _refine_type(c)
    actors = _actors(c, items)
    locations = _unique(_locations(items, actors, date_tokens) + _scene(sent, date_tokens))
    fatalities, qualifier = (None, None)
    if label in _VIOLENT or c.root.lemma_ in ("kill", "murder", "assassinate", "massacre"):
        # deaths are counted strictly per item: 'left 14 dead, and 28 February strike killed 3'
        own = _list_item(segment, c.mention, mentions, whole_sentence=True)
        fatalities, qualifier = count_fatalities(_with_aftermath(own, sent, mentions))
    start = min(segment.start_char, c.mention.start) if c.mention else segment.start_char
    end = max(segment.end_char, c.mention.end) if c.mention else segment.end_char
    evidence = entry.text[start:end].strip().rstrip(".;,")
    start = start + (len(entry.text[start:end]) - len(entry.text[start:end].lstrip()))
    m = c.mention
    return Event(
        entry_id=entry.entry_id,
        event_type=label,
        event_date=m.date,
        event_date_end=m.date_end,
        date_precision=m.precision,
        date_text=entry.text[m.start:m.end],
        evidence=evidence,
        char_start=start,
        char_end=start + len(evidence),
        trigger=entry.text[c.trigger.start_char:c.trigger.end_char],
        actors=actors,
        locations=locations,
        fatalities=fatalities,
        fatalities_qualifier=qualifier,
        confidence=_confidence(c, actors),
    )


def _list_item(segment: Span, mention: DateMention, mentions: list[DateMention], whole_sentence: bool = False) -> Span:
    """In 'attacked X 2 Oct and Y 4 Oct', the part of the segment that belongs to one date.

    It begins at the last ',', ';', 'and' or 'with' between the previous date
    (in the segment, or with ``whole_sentence`` anywhere before in the sentence) and this one.
    """
    start = segment.start_char
    earliest = segment.sent.start_char if whole_sentence else segment.start_char
    for other in mentions:
        if other is not mention and other.scored and earliest <= other.start and other.end <= mention.start:
            start = max(start, _item_break(segment.sent, other.end, mention.start, default=other.end))
    if start == segment.start_char:
        return segment
    span = segment.doc.char_span(start, max(segment.end_char, mention.end), alignment_mode="expand")
    return span if span is not None else segment


def _with_aftermath(items: Span, sent: Span, mentions: list[DateMention]) -> Span:
    """The item and the undated clauses after it: 'killing 42 soldiers ...; 37 militants also killed'."""
    later = [m.start for m in mentions if m.start >= items.end_char and m.scored]
    if later:
        return items
    span = sent.doc.char_span(items.start_char, sent.end_char, alignment_mode="expand")
    return span if span is not None else items


def _scene(sent: Span, date_tokens: frozenset[int]) -> list[str]:
    """'In Soum province, assailants attacked ...': a place opening the sentence is every event's place."""
    first = sent[0]
    if first.lower_ not in ("in", "across", "throughout") or first.dep_ != "prep":
        return []
    comma = next((t for t in sent[:12] if t.text == ","), None)
    if comma is None:
        return []
    opening = sent.doc[sent.start: comma.i]
    return [e.text for e in _ents_in(opening) if e.label_ in _PLACE_ENTS and not any(t.i in date_tokens for t in e)]


def _segment(c: _Candidate, sent: Span, mentions: list[DateMention]) -> Span:
    """The clause of the trigger, cut at the neighbouring dates of a list of incidents."""
    lo, hi = _clause_bounds(c.trigger, sent)
    m = c.mention
    anchor_lo = min(c.trigger.start_char, m.start) if m else c.trigger.start_char
    anchor_hi = max(c.trigger.end_char, m.end) if m else c.trigger.end_char
    lo, hi = min(lo, anchor_lo), max(hi, anchor_hi)
    for other in mentions:
        if other is m or not other.scored:
            continue
        if lo <= other.start and other.end <= anchor_lo:
            lo = max(lo, other.end)
        elif anchor_hi <= other.start < hi:
            hi = _item_break(sent, anchor_hi, other.start)
    span = sent.doc.char_span(lo, hi, alignment_mode="expand")
    return span if span is not None else sent


def _item_break(sent: Span, after: int, date_start: int, default: int | None = None) -> int:
    """Where the next item of a list of incidents begins, between the previous date and this one.

    At the first semicolon if there is one, else at the last ',', 'and',
    'with' or 'while' ('left 14 dead, and 28 February strike killed 3').
    """
    between = [t for t in sent if after <= t.idx < date_start]
    semicolon = next((t for t in between if t.text == ";"), None)
    if semicolon is not None:
        return semicolon.idx
    breaks = [t.idx for t in between if t.text == "," or t.lower_ in ("and", "with", "while")]
    if breaks:
        return breaks[-1]
    return date_start if default is None else default


def _refine_type(c: _Candidate) -> str:
    r = roles()
    subject = _subject_lemmas(c.root)
    if c.label in ("attack", "armed_clash") and subject & r.crowd:
        return "riot"
    if c.label in ("sanction", "legislation", "statement") and subject & r.court and c.root.pos_ == "VERB":
        return "trial"  # courts fine, order and rule: court decisions
    if c.label == "detention" and c.root.lemma_ in ("release", "free"):
        objects = {t.lemma_.lower() for o in _objects(c.root) for t in [o]} | {"money" for o in _objects(c.root) if o.ent_type_ == "MONEY"}
        for label, words in r.non_person_release.items():
            if objects & words:
                return label
    if c.root.lemma_ in ("arrive", "arrival", "land") and not subject & r.forces and subject & r.people:
        return "displacement"
    return c.label


def _subject_lemmas(root: Token) -> set[str]:
    words: set[str] = set()
    head = root
    for _ in range(2):
        for child in head.children:
            if child.dep_ in _SUBJECT_DEPS:
                words |= {t.lemma_.lower() for t in child.subtree}
        if words or head.head == head:
            break
        head = head.head
    return words


# -------------------------------------------------------------------- actors
def _actors(c: _Candidate, segment: Span) -> list[str]:
    """Who did it and to whom: subject and objects of the trigger, and the named actors of its clause.

    People, organisations and groups are kept as written, titles removed;
    generic collective actors keep their modifiers ('unidentified assailants',
    'Zintan militia'); a country name that is not a place is an actor
    ('summit between Angola, Chad and Congo').
    """
    r = roles()
    found: list[str] = []
    for token in _argument_tokens(c, r):
        name = _actor_name(token, r)
        if name:
            found.append(name)
            found.extend(_named_modifier(token, r))  # 'JNIM fighters', 'Wazalendo members': the group acts
    for ent in _ents_in(segment):
        if _in_parenthesis_see(ent) or not ent.text[:1].isupper():
            continue
        if ent.label_ in ("PERSON", "ORG") or (ent.label_ == "NORP" and ent.root.pos_ in ("PROPN", "NOUN") and ent.root.dep_ not in ("amod", "compound")):
            found.append(_strip_title(ent.text, r))
        elif ent.label_ == "GPE" and not _is_place(ent.root, r) and ent.root.dep_ not in ("amod",) and not (ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in r.generic_actors):
            found.append(ent.text)
    return _unique(found)


def _argument_tokens(c: _Candidate, r: Roles) -> list[Token]:
    """Subject (inherited over 'and'/';' when the clause has none), objects, agents, partners ('met with X')."""
    root = c.root
    heads = [root, *(t.root for t in c.absorbed)]
    if root.pos_ in ("NOUN", "PROPN"):
        verb = root.head.head if root.dep_ == "pobj" else root.head
        if verb.pos_ in ("VERB", "AUX"):
            heads.append(verb)
    tokens: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in _SUBJECT_DEPS:
                tokens.append(next((g for g in child.children if g.dep_ == "pobj"), child) if child.dep_ == "agent" else child)
            elif child.dep_ in _OBJECT_DEPS or (child.dep_ in ("compound", "poss") and head is root and root.pos_ == "NOUN"):
                tokens.append(child)
                tokens.extend(g for g in child.children if g.dep_ == "poss")  # 'criticised federal govt's process'
            elif child.dep_ == "prep" and child.lower_ in ("with", "by", "against", "between", "of", "on", "to", "from"):
                tokens.extend(g for g in child.children if g.dep_ == "pobj")
    if not any(t.dep_ in _SUBJECT_DEPS for t in tokens):
        tokens.extend(_inherited_subject(root))
    expanded: list[Token] = []
    for token in tokens:
        expanded.append(token)
        expanded.extend(token.conjuncts)
    return expanded


def _named_modifier(token: Token, r: Roles) -> list[str]:
    """A proper name in front of a generic actor noun ('suspected JNIM fighters' -> 'JNIM')."""
    if not (token.lemma_.lower() in r.generic_actors or token.lower_ in r.generic_actors):
        return []
    names = []
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.text[:1].isupper() and not _is_place(child, r):
            words = [t for t in child.subtree if t.pos_ == "PROPN" or t.text == "-"]
            names.append(_strip_title(" ".join(t.text for t in words).replace(" - ", "-"), r))
    return [n for n in names if n and n not in r.titles]


def _inherited_subject(token: Token) -> list[Token]:
    """'Assailants killed soldier ...; killed five people': the second clause shares the first one's subject."""
    current = token
    for _ in range(4):
        if current.dep_ != "conj" or current.head == current:
            return []
        current = current.head
        subjects = [ch for ch in current.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []


def _actor_name(token: Token, r: Roles) -> str | None:
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        ent = _ent_at(token)
        if ent is not None and not (ent.label_ == "GPE" and _is_place(ent.root, r)):
            phrase = _phrase(token, r) if token.lower_ in r.generic_actors or token.lemma_.lower() in r.generic_actors else None
            return phrase or _strip_title(ent.text, r)
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in r.place_nouns:
        return None
    if token.lemma_.lower() in r.generic_actors or token.lower_ in r.generic_actors:
        return _phrase(token, r)
    if token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_ and not _is_place(token, r):
        names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        return _strip_title(" ".join(t.text for t in names), r)  # a name the small model missed: 'FM Colonna'
    return None


def _phrase(token: Token, r: Roles) -> str:
    """The noun with the modifiers that name it: 'unidentified assailants', 'Karzai government', not 'four'."""
    doc = token.doc
    start = token.i
    for child in sorted(token.lefts, key=lambda t: t.i):
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and child.lower_ not in r.phrase_skip and child.pos_ != "NUM":
            start = min(start, child.left_edge.i if child.dep_ == "compound" else child.i)
            break
    words = [t for t in doc[start: token.i + 1] if t.lower_ not in r.phrase_skip and t.pos_ not in ("NUM", "DET", "PUNCT") or t.text == "-"]
    return " ".join(w.text for w in words).replace(" - ", "-") or token.text


def _strip_title(name: str, r: Roles) -> str:
    changed = True
    while changed:
        changed = False
        for title in r.titles:
            if name.startswith(title + " ") and len(name) > len(title) + 1:
                name = name[len(title) + 1:]
                changed = True
    return name.strip(" ’'s").strip() if name.endswith("’s") or name.endswith("'s") else name.strip()


def _in_parenthesis_see(span: Span) -> bool:
    left = _text(span.doc)[max(0, span.start_char - 60): span.start_char]
    return bool(re.search(r"\(see [^)]*$", left))


# ----------------------------------------------------------------- locations
def _locations(segment: Span, actors: list[str], date_tokens: frozenset[int]) -> list[str]:
    """Named places of the clause where something happens: 'in Almaty', 'Almaty's airport', 'Tessit town'.

    Country and place names that only qualify people ('U.S. soldiers', 'Zintan
    militia') or locate another place ('40km north west of Mogadishu') are not
    the event's places.
    """
    r = roles()
    found: list[str] = []
    for ent in _ents_in(segment):
        words = [t for t in ent if t.i not in date_tokens]
        if not words or _in_parenthesis_see(ent) or not ent.text[:1].isupper():
            continue
        span = ent.doc[words[0].i: words[-1].i + 1]  # 'Mentao today' (a masked date) -> 'Mentao'
        name = span.text.removesuffix("’s").removesuffix("'s")
        if ent.label_ in _PLACE_ENTS and (span.root.lemma_.lower() in r.place_nouns or _is_place(span.root, r)):
            found.append(name)
        elif ent.label_ in _MISLABELLED and not name.isupper() and name not in _known_organisations() and (
            _after_place_preposition(span.root) or (span.root.dep_ not in ("pobj", "poss") and _is_place(span.root, r))
        ):
            found.append(name)  # the small model's labels for unknown villages: 'in Belehede' (NORP), 'Hseni town' (PERSON)
    for token in segment:
        if token.pos_ != "PROPN" or token.i in date_tokens or token.lower_ in r.place_nouns:
            continue
        if token.ent_type_:
            ent = _ent_at(token) if token.ent_iob_ == "B" else None
            if ent is not None and ent.label_ in _PLACE_ENTS | _MISLABELLED and _continues_list(token, date_tokens, r):
                found.append(ent.text)
            continue
        if _is_place(token, r) or _continues_list(token, date_tokens, r):
            name = _proper_run(token, date_tokens, r)
            if name and not _in_parenthesis_see(token.doc[token.i: token.i + 1]):
                found.append(name)
    return _unique([f for f in found if f])


def _continues_list(token: Token, date_tokens: frozenset[int], r: Roles) -> bool:
    """'at Nassoumbou 2 Oct and Inata 4 Oct': a name listed right after a place (and its date) is a place too."""
    doc = token.doc
    i = token.i - 1
    if i < 0 or doc[i].lower_ not in ("and", ","):
        return False
    i -= 1
    while i >= 0 and i in date_tokens:
        i -= 1
    if i < 0 or i == token.i - 2 and doc[i].pos_ != "PROPN":
        return False
    before = doc[i]
    return before.pos_ == "PROPN" and (_is_place(before, r) or _continues_list(before, date_tokens, r))


def _after_place_preposition(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "outside", "around", "inside")


@lru_cache(maxsize=1)
def _known_organisations() -> frozenset[str]:
    return frozenset(row["pattern"] for row in read_jsonl("organisations.jsonl"))


def _is_place(token: Token, r: Roles) -> bool:
    """Where the parse puts a name in a place role."""
    current = token
    for _ in range(4):
        head = current.head
        if current.dep_ == "poss":
            return True
        if current.dep_ in ("compound", "appos", "nmod") and head.lemma_.lower() in r.place_nouns:
            return True  # 'Tessit town', 'capital Astana'
        if current.dep_ == "pobj":
            if head.lower_ == "from" and head.head.pos_ in ("NOUN", "PROPN"):
                return False  # 'FMs from Kyrgyzstan': where people come from
            if head.lower_ in r.location_preps:
                return True
            if head.lower_ == "of" and head.head.lemma_.lower() in r.place_nouns:
                return True  # 'city of Zhanaozen', 'town of Yelwa'
            return False
        if current.dep_ in ("compound", "conj", "appos") and head != current and head.pos_ in ("PROPN", "NOUN"):
            if current.dep_ == "compound" and any(t.dep_ == "compound" and t.lemma_.lower() in r.place_nouns for t in head.children):
                return True  # 'Almaty city court'
            if current.dep_ == "compound" and head.lemma_.lower() not in r.place_nouns and head.ent_type_ not in _PLACE_ENTS:
                return False  # 'U.S. soldiers', 'Zintan militia'
            current = head
            continue
        if current.dep_ == "nsubj" and head.lemma_ == "host":
            return True
        return False
    return False


def _proper_run(token: Token, date_tokens: frozenset[int], r: Roles) -> str | None:
    """The capitalised words of an untagged place name around ``token`` ('Gorom-Gorom', 'Port-au-Prince')."""
    doc = token.doc

    def part(t: Token) -> bool:
        return t.ent_type_ == "" and t.i not in date_tokens and (t.pos_ == "PROPN" or (t.text == "-" and not t.whitespace_))

    lo, hi = token.i, token.i + 1
    while lo > 0 and part(doc[lo - 1]):
        lo -= 1
    while hi < len(doc) and part(doc[hi]):
        hi += 1
    if (lo > 0 and doc[lo - 1].ent_type_ and not doc[lo - 1].whitespace_ == "") or (hi < len(doc) and doc[hi].ent_type_ and doc[hi - 1].whitespace_):
        return None  # the tail of a tagged name ('Gaza' + 'City')
    words = [t for t in doc[lo:hi] if t.text != "-"]
    if not words or all(t.lower_ in r.place_nouns for t in words) or (lo > 0 and doc[lo - 1].ent_type_ in _PLACE_ENTS):
        return None
    text = doc[lo:hi].text.strip("-")
    return text if text[:1].isupper() and len(text) > 2 else None


# -------------------------------------------------------------- merge, score
def _merge(events: list[tuple[tuple[int, int], Event]], text: str) -> list[Event]:
    """One event per predicate type and date within a clause: 'headed to polls ... won landslide'.

    Same type and date in another clause, or at another place, stays a separate incident.
    """
    merged: dict[tuple, Event] = {}
    for clause, ev in events:
        key = (clause, ev.event_type, ev.event_date, ev.event_date_end, ev.date_text)
        first = merged.get(key)
        if first is None:
            merged[key] = ev
            continue
        if first.locations and ev.locations and not set(first.locations) & set(ev.locations):
            merged[key + (ev.char_start,)] = ev
            continue
        first.actors = _unique(first.actors + ev.actors)
        first.locations = _unique(first.locations + ev.locations)
        if first.fatalities is None:
            first.fatalities, first.fatalities_qualifier = ev.fatalities, ev.fatalities_qualifier
        first.char_start, first.char_end = min(first.char_start, ev.char_start), max(first.char_end, ev.char_end)
        first.evidence = text[first.char_start:first.char_end]
    return list(merged.values())


def _confidence(c: _Candidate, actors: list[str]) -> float:
    """Heuristic 0-1: a date attached in the parse, a found actor and a scored date each add."""
    score = 0.4 + (0.3 if c.owned else 0.1) + (0.15 if actors else 0.0) + (0.15 if c.mention and c.mention.scored else 0.0)
    return round(min(score, 1.0), 2)


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        key = item.lower().strip()
        if key and key not in seen:
            seen[key] = item.strip()
    return list(seen.values())


def event_id(entry_id: str, ev: Event) -> str:
    """Stable id: the same entry text and pipeline give the same ids on every run."""
    key = "|".join(map(str, (entry_id, ev.event_type, ev.event_date, ev.event_date_end, ev.char_start, ev.char_end, ev.trigger)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
