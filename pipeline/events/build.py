"""From a parsed entry to events: trigger, type, date, actors, places, deaths, evidence.

The steps of one sentence, each in its own module: pipeline.scope gives
triggers their dates and drops background, pipeline.absorb merges the
triggers of one event, pipeline.actors and pipeline.places fill the roles,
pipeline.fatalities counts deaths. This module cuts the clause of each event
(a list of incidents gives an event per date), types it and merges repeats.

Words that decide roles live in models/roles.json; the trigger lexicon in
models/triggers.jsonl (see pipeline.nlp).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..dates import DateMention
from ..records import Entry, Event, unique
from .absorb import (
    absorb_killing_into_fighting,
    absorb_law_content,
    absorb_objects_of_light_verbs,
    absorb_outcomes_of_violence,
    absorb_statement_content,
    announced_plan,
    objects_of,
)
from .actor_types import ActorTypes
from .actors import (
    AGENT,
    TARGET,
    Mention,
    acting_lemmas,
    apart_from_places,
    elided_subject,
    event_actors,
    subject_lemmas,
    subject_tokens,
)
from .coding import Coder
from .confidence import ConfidenceModel, event_features
from .doc_index import in_see_reference, objects_of_preps, release, text_of, triggers_of
from .fatalities import NO_TOLL, FatalityCounter
from .incidents import assign_incidents
from .lexicon import Lexicon
from .places import below_countries, event_locations, scene
from .scope import (
    Candidate,
    attach_dates,
    clause_bounds,
    date_the_charged_action,
    drop_background,
    orphan_dates,
    tokens_of,
)
from .sides import EntryActors
from .status import event_status
from .trace import Trace

_VIOLENT = {"attack", "armed_clash", "riot"}
_DESCRIBING = {"accuse", "charge", "suspect", "claim", "blame", "allege", "convict", "wanted"}
#: what a participle has when it tells an act of its own, not a description: object, subject, auxiliary
_OWN = frozenset({"dobj", "nsubj", "nsubjpass", "aux", "auxpass"})
#: how far back 'and' is looked for before a date: the word and the spaces after it
_AND_REACH = 20


class PlaceNames(Protocol):
    """What the rules ask of a gazetteer (pipeline.geo's Geocoder answers it)."""

    def below_country(self, name: str, home: Iterable[str], text: str) -> bool:
        """Is ``name`` a town or region of the ``home`` states or of those ``text`` names, or a
        prominent city anywhere: a place, not an actor?"""


class EventBuilder:
    """Turns a parsed entry into its events, with the vocabulary it was built with (one per process)."""

    def __init__(
        self, lex: Lexicon, types: ActorTypes, coder: Coder, confidence: ConfidenceModel, places: PlaceNames
    ) -> None:
        self.lex, self.types, self.coder, self.confidence = lex, types, coder, confidence
        self.places = places
        self.fatalities = FatalityCounter(lex.numbers, lex.killing)

    def events_of(
        self,
        entry: Entry,
        doc: Doc,
        mentions: list[DateMention],
        trace: Trace | None = None,
        home: tuple[str, ...] = (),
    ) -> list[Event]:
        """All events of one entry, in text order.

        ``doc`` is the parse of the entry's (date-masked) text; ``mentions`` are
        its date expressions from pipeline.dates, with offsets into the same text.
        ``trace`` (for `crisis-events audit`) hears what the rules dropped.
        ``home`` are the ISO3 codes of the states the entry is about (a state's forces are
        ACLED's 1 at home, 8 abroad).
        """
        events: list[Event] = []
        if trace is not None:
            trace.text = entry.text
        entry_actors = EntryActors(self.types, home, entry.text)
        try:
            for sentence in doc.sents:
                events.extend(_sentence_events(self, entry, doc, sentence, mentions, entry_actors, trace))
                entry_actors.discourse.next_sentence()
        finally:
            release(doc)
        events = one_telling_of_a_named_incident(one_vote_a_day(events))
        for ev in events:
            self.coder.code(ev)
        assign_incidents(entry.entry_id, events)
        return events


def _sentence_events(
    rules: EventBuilder,
    entry: Entry,
    doc: Doc,
    sent: Span,
    all_mentions: list[DateMention],
    entry_actors: EntryActors,
    trace: Trace | None,
) -> list[Event]:
    mentions = [
        m
        for m in all_mentions
        if sent.start_char <= m.start < sent.end_char and not _tally_date(text_of(doc), m)
    ]
    if not mentions:
        return []
    lex = rules.lex
    triggers = [t for t in triggers_of(doc) if sent.start <= t.start < sent.end]
    candidates = []
    dropped = []
    for t in triggers:
        rule = _not_an_event(t, lex) or _counted_from(t, mentions, text_of(doc))
        if rule is None:
            candidates.append(Candidate(t, t.label_))
            continue
        dropped.append(t.root)
        if trace is not None:
            trace.drop(t, rule)
    mention_tokens = {id(m): tokens_of(doc, m) for m in mentions}
    attach_dates(candidates, mentions, mention_tokens, sent, lex)
    date_the_charged_action(candidates, lex)
    candidates = absorb_objects_of_light_verbs(candidates, lex)
    candidates = absorb_outcomes_of_violence(candidates, lex)
    candidates = absorb_killing_into_fighting(candidates, lex)
    candidates = absorb_law_content(candidates)
    candidates = absorb_statement_content(candidates, lex)

    def on_drop(c: Candidate, rule: str) -> None:
        dropped.append(c.root)
        if trace is not None:
            trace.drop(c.trigger, rule)

    candidates = drop_background(candidates, lex, on_drop)
    candidates += orphan_dates(candidates, mentions, mention_tokens, sent, dropped)
    if trace is not None:
        used = {id(c.mention) for c in candidates}
        for m in mentions:
            if m.scored and mention_tokens[id(m)]:
                trace.dated_clause(mention_tokens[id(m)][0], id(m) in used)
    date_tokens = frozenset(t.i for tokens in mention_tokens.values() for t in tokens)
    events = []
    built: list[tuple[Candidate, Event]] = []
    for c in candidates:
        if c.mention is None:
            if trace is not None:  # a dated sentence, but no date reaches this predicate
                trace.drop(c.trigger, "no date of its own or of its clause")
            continue
        # built even when it is dropped: its actors are the sentence's subjects for the next one
        ev = _build(rules, entry, sent, c, mentions, date_tokens, entry_actors)
        m = c.mention
        status = event_status(
            m.date, m.date_end, m.precision, entry.month, entry.text[sent.start_char : m.start]
        )
        if status is None:
            if trace is not None:
                trace.drop(c.trigger, "background: a month or year before the entry's")
            continue
        ev.event_status = status
        ev.features = event_features(
            owned=c.owned,
            verb=c.root.pos_ in ("VERB", "AUX"),
            reported=c.reported is not None,
            actors=bool(ev.actors),
            places=bool(ev.locations),
            distance=min(abs(t.i - c.root.i) for t in mention_tokens[id(m)]) if mention_tokens[id(m)] else 20,
            precision=m.precision,
            event_type=ev.event_type,
            status=status,
            first_sentence=sent.start == 0,
        )
        ev.confidence = rules.confidence.score(ev.features)
        ev.named_by_date = _named_by_date(c.root, mention_tokens[id(m)])
        clause = clause_bounds(c.trigger, sent)
        again = _told_again(c, lex)
        if _report_again(c, clause, text_of(doc)) and any(
            _type_and_day(ev) == _type_and_day(told) and where != clause for where, told, _ in events
        ):
            # the account adds its places and toll; its actors are the reporter and those it names
            again, ev.actors, ev.actor1, ev.actor2 = True, [], [], []
            ev.actor1_type = ev.actor1_name = ev.actor2_type = ev.actor2_name = None
        events.append((clause, ev, again))
        built.append((c, ev))
    _tolls_to_their_killing(built, lex)
    return _merge(events, entry.text)


def _tolls_to_their_killing(built: list[tuple[Candidate, Event]], lex: Lexicon) -> None:
    """'... attacked neighbourhoods, IED wounded three policemen, crossfire during army retaliation
    killed three civilians': deaths counted in the words of a killing one event absorbed (the
    crossfire's) are that event's alone, not also those of another event whose clause holds them
    (a count is otherwise the first event's that states it: pipeline.events.incidents)."""
    for owner, ev in built:
        killings = [t.root for t in owner.absorbed if t.root.lemma_.lower() in lex.killing]
        spans = [(k.left_edge.idx, k.right_edge.idx + len(k.right_edge)) for k in killings]
        if not ev.toll_at or not all(any(lo <= at < hi for lo, hi in spans) for at in ev.toll_at):
            continue
        for _, other in built:
            if other is not ev and set(other.toll_at) & set(ev.toll_at):
                other.fatalities, other.fatalities_qualifier, other.toll_at = None, None, ()


def _told_again(c: Candidate, lex: Lexicon) -> bool:
    """'... 20 Nov killed 23 people in Tuz Khormato; attack unclaimed', '... launched raid; initial
    attack left eight dead': an event noun that takes its date from the clause before and opens its
    own, subject of no verb but one of its outcome, names the event told there, unless it says it is
    another one ('second attack', 'another bombing'); 'protests spread across country' is news."""
    noun, verb = c.root, c.root.head
    opening = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ";"
    acts = noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB"
    return (
        not c.owned
        and noun.pos_ == "NOUN"
        and opening
        and (
            not acts
            or verb.lemma_.lower() in lex.killing
            or any(ch.lower_ in lex.death_nouns for ch in verb.children)  # 'left eight dead'
        )
        and not any(ch.lower_ in lex.other_incident_words for ch in noun.children)
    )


def _report_again(c: Candidate, clause: tuple[int, int], text: str) -> bool:
    """'Drones blew up near Maduro 4 Aug; govt said seven soldiers injured': a report that opens a
    clause after a semicolon, with no date of its own, tells the toll or account of the event of its
    type told before it, not another incident."""
    return c.reported is not None and not c.owned and text[: clause[0]].rstrip().endswith(";")


def _type_and_day(ev: Event) -> tuple:
    """What two tellings of one incident share: its type and its dates."""
    return ev.event_type, ev.event_date, ev.event_date_end


def _counted_from(trigger: Span, mentions: list[DateMention], text: str) -> str | None:
    """'Day before hearings began, suicide bomber killed 8': the event a relative date counts from,
    named right after it, is no event of that date (the date is the bombing's)."""
    for m in mentions:
        if m.text.lower().endswith((" before", " after")) and m.end <= trigger.start_char:
            between = text[m.end : trigger.start_char]
            if len(between) < 40 and not any(mark in between for mark in ",;:."):
                return "the event a relative date counts from ('day before hearings began')"
    return None


def _not_an_event(trigger: Span, lex: Lexicon) -> str | None:
    """The rule that makes a trigger no event at all (whatever its date), or None."""
    root = trigger.root
    if _inside_name(trigger):
        return "inside a name"
    if in_see_reference(trigger, reach=40):
        return "cross-reference"
    if _description(root, lex):
        return "participle describing someone"
    if _modifier(trigger):
        return "modifier of a noun"
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.medical for c in root.children):
        return "medical sense ('cardiac arrest', 'heart attack')"
    if root.lemma_.lower() in lex.winning and not any(
        t.lemma_.lower() in lex.vote_words or t.text == "%" for t in root.subtree
    ):
        return "a win of no vote ('won support')"
    if root.lemma_.lower() in lex.attempting and any(c.dep_ == "xcomp" for c in root.children):
        return "an attempt ('tried to restart talks'), not a trial"
    if root.lemma_.lower() in lex.founding and not (
        root.tag_ == "VBD" and any(c.dep_ == "dobj" for c in root.children)
    ):
        return "a founding not told as done ('considering forming party')"
    return None


def _modifier(trigger: Span) -> bool:
    """'law professors', 'murder charges', 'protest leaders', 'election-monitoring group': a one-word
    noun trigger that only says what kind of thing the next word is (the charges may be an event;
    the murder is not here)."""
    root = trigger.root
    if len(trigger) != 1 or root.pos_ != "NOUN":
        return False
    before_noun = (
        root.dep_ == "compound" and root.head.i == root.i + 1 and root.head.pos_ in ("NOUN", "PROPN")
    )
    hyphen = root.nbor(1) if root.i + 1 < len(root.doc) else None
    hyphened = (  # 'election-monitoring group': one word written with a hyphen
        hyphen is not None
        and hyphen.text == "-"
        and not root.whitespace_
        and not hyphen.whitespace_
        and root.head.i == root.i + 2
    )
    return before_noun or hyphened


def _inside_name(trigger: Span) -> bool:
    """'Central Election Commission', 'Collective Security Treaty Organization': a name, not an event."""
    if trigger.label_ == "summit":  # "G7 Foreign Ministers' Meeting" is a named event
        return False
    # a trigger whose head runs out of a name is no part of it: 'High Court ordered', 'Constitutional
    # Court ruling'; a capitalised head is still the name's ('State of Emergency Inquiry Board')
    runs_out = trigger.root.ent_type_ != "ORG" and trigger.root.text.islower()
    return (any(t.ent_type_ == "ORG" for t in trigger) and not runs_out) or (
        trigger.root.pos_ == "PROPN"
        and trigger.root.text[:1].isupper()
        and trigger.root.i > trigger.sent.start
    )


def _tally_date(text: str, mention: DateMention) -> bool:
    """'As of 29 Oct, 920 extremists ... killed': a running tally, not an event of that day."""
    return text[max(0, mention.start - 6) : mention.start].lower().endswith("as of ")


def _description(token: Token, lex: Lexicon) -> bool:
    """A participle that describes someone ('policemen accused of corruption', 'attack claimed by Al-
    Shabaab'), also set off by a comma with nothing of its own but its complement ('30 officers
    arrested 26 July, accused of links to crime').
    """
    return (
        token.tag_ == "VBN"
        and (
            token.dep_ == "acl"
            or (token.dep_ == "advcl" and not any(ch.dep_ in _OWN for ch in token.children))
        )
        and (token.lemma_.lower() in lex.reporting or token.lemma_ in _DESCRIBING)
    )


def _build(
    rules: EventBuilder,
    entry: Entry,
    sent: Span,
    c: Candidate,
    mentions: list[DateMention],
    date_tokens: frozenset[int],
    entry_actors: EntryActors,
) -> Event:
    segment = _segment(c, sent, mentions)
    items = _list_item(segment, c.mention, mentions)
    lex = rules.lex
    label = _refine_type(c, lex)
    places = unique(event_locations(items, date_tokens, lex) + scene(sent, date_tokens))
    before = sent.doc[sent.start : segment.start]
    if not places and label in _VIOLENT and before and not any(t.i in date_tokens for t in before):
        # 'Fighting went on in Kordofan; notably, strike 14 May killed 12': where the sentence's fighting
        # was; not the place of an earlier dated item ('18 killed in Samarra 20 Sept; 27 killed 24 Sept')
        places = event_locations(before, date_tokens, lex)
    # 'In SW, separatists killed ...': a compass point alone says a part of the country, no place to map
    # (it stays among the places that are no actors)
    named_places = [p for p in places if p not in lex.places.compass_points]
    locations = below_countries(named_places, rules.types.country)
    start = min(segment.start_char, c.mention.start) if c.mention else segment.start_char
    end = max(segment.end_char, c.mention.end) if c.mention else segment.end_char
    evidence = entry.text[start:end].strip().rstrip(".;,")
    named = apart_from_places(event_actors(c, items, lex, label), places, entry_actors.aliases)
    if not named and label in _VIOLENT and before and not any(t.i in date_tokens for t in before):
        # 'Army continued bombardment of RSF-held areas; notably, air attack 17 June killed 17': who
        # fought the sentence's fighting, as for its places
        setting = Candidate(sent.doc[before.root.i : before.root.i + 1], label)
        named = apart_from_places(event_actors(setting, before, lex, label), places, entry_actors.aliases)
    named = entry_actors.spelled_out(named, lambda i: sent.doc[i].idx)
    # a name written bare that is a town or region ('north of Goma', 'Cairo talks') is where, not who,
    # on both sides as in the list of actors; countries act, and so do peoples ('Ethnic Afar')
    named = [
        m
        for m in named
        if m.written != m.name or not rules.places.below_country(m.name, entry_actors.home, evidence)
    ]
    if label in _VIOLENT:
        named = _reporter_undergoes(c, named)
    if c.mention and c.mention.end <= c.trigger.start_char and _opens_with_and(entry.text, c.mention.start):
        # '... asked OAS Sec Gen Almagro for help and next day requested UN support': the clause opens
        # with 'and' at its date; a name before it the parse does not tie to the verb is of the clause
        # before, not this one's agent
        named = [m for m in named if m.role is not None or sent.doc[m.at].idx >= c.mention.end]
    sides = entry_actors.sides(named, label, c.root.i, elided_subject(c, date_tokens))
    actors = unique([m.name for m in named] + sides.actor1)
    toll = NO_TOLL
    charged = c.root.lemma_.lower() in lex.accusing and any(t.root.lemma_ in lex.killing for t in c.absorbed)
    if label in _VIOLENT or c.root.lemma_ in lex.killing or charged:
        # 'accused forces of killing a dozen civilians': an accusation states the deaths it charges
        # deaths are counted strictly per item: 'left 14 dead, and 28 February strike killed 3'
        own = _list_item(segment, c.mention, mentions, whole_sentence=True)
        toll = rules.fatalities.count(_with_aftermath(own, sent, mentions))
    start = start + (len(entry.text[start:end]) - len(entry.text[start:end].lstrip()))
    m = c.mention
    return Event(
        entry_id=entry.entry_id,
        event_type=label,
        event_date=m.date,
        event_date_end=m.date_end,
        date_precision=m.precision,
        date_text=entry.text[m.start : m.end],
        evidence=evidence,
        char_start=start,
        char_end=start + len(evidence),
        trigger=entry.text[c.trigger.start_char : c.trigger.end_char],
        actors=actors,
        actor1=sides.actor1,
        actor2=sides.actor2,
        actor1_type=sides.actor1_type,
        actor2_type=sides.actor2_type,
        actor1_name=sides.actor1_name,
        actor2_name=sides.actor2_name,
        locations=locations,
        fatalities=toll.deaths,
        fatalities_qualifier=toll.qualifier,
        fatalities_cumulative=toll.cumulative,
        toll_at=toll.at,
    )


def _opens_with_and(text: str, at: int) -> bool:
    """Does 'and' stand right before offset ``at`` ('... for help and next day requested')? Only the
    words just before are read: this is asked for every event."""
    return re.search(r"\band\s*$", text[max(0, at - _AND_REACH) : at]) is not None


def _reporter_undergoes(c: Candidate, named: list[Mention]) -> list[Mention]:
    """'AQAP said deputy leader killed in U.S. drone strike', 'residents said SPLM-N attacked town':
    who reports violence that the report says another did is the side it befell, not the side that
    acted; who announces results or arrivals stays the side that speaks ('officials said 98,000
    Russians arrived')."""
    if c.reported is None or any(ch.dep_ == "nsubj" and ch.pos_ == "PRON" for ch in c.reported.root.children):
        return named  # 'SPLM-N claimed it killed sixteen soldiers': the reporter did it
    told = {
        t.i for subject in c.root.children if subject.dep_ in ("nsubj", "nsubjpass") for t in subject.subtree
    }
    if not any(m.role == AGENT and m.at not in told for m in named):
        return named
    return [replace(m, role=TARGET) if m.at in told else m for m in named]


def _list_item(
    segment: Span, mention: DateMention, mentions: list[DateMention], whole_sentence: bool = False
) -> Span:
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


def _segment(c: Candidate, sent: Span, mentions: list[DateMention]) -> Span:
    """The clause of the trigger, cut at the neighbouring dates of a list of incidents."""
    lo, hi = clause_bounds(c.trigger, sent)
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


def _refine_type(c: Candidate, lex: Lexicon) -> str:
    subject = subject_lemmas(c.root)
    acting = acting_lemmas(c.reported.root if c.reported is not None else c.root, lex)
    if c.label in ("attack", "armed_clash") and acting & lex.crowd:
        return "riot"
    if c.label == "protest" and any(
        ch.dep_ == "amod" and ch.lemma_.lower() == "violent"
        for t in [c.trigger, *c.absorbed]
        for ch in t.root.children
    ):
        return "riot"  # 'held violent protests': ACLED's violent demonstration, CAMEO 145
    if c.label in ("sanction", "legislation", "statement") and subject & lex.court and c.root.pos_ == "VERB":
        return "trial"  # courts fine, order and rule: court decisions
    if c.label == "detention" and c.root.lemma_ in ("release", "free"):
        objects = {t.lemma_.lower() for o in objects_of(c.root) for t in [o]} | {
            "money" for o in objects_of(c.root) if o.ent_type_ == "MONEY"
        }
        for label, words in lex.non_person_release.items():
            if objects & words:
                return label
    told = c.reported.root if c.reported is not None else c.root  # 'officials said 98,000 Russians arrived'
    if told.lemma_ in ("arrive", "arrival", "land", "return"):
        who = subject_tokens(told)
        arriving = subject_lemmas(told)
        if any(t.ent_type_ == "PERSON" for t in who) or any(
            t.lower_ in lex.titles_lower and t.dep_ in ("nsubj", "nsubjpass") for t in who
        ):
            return "summit"  # a leader's or envoy's arrival is a visit (docs/CODEBOOK.md 2)
        if arriving & lex.forces:
            return "military"  # troops arriving or returning: a deployment
        if arriving & lex.people or any(_a_people(t) for t in who):
            return "displacement"  # people arriving, or a nation's people ('98,000 Russians')
    if c.root.lemma_ in ("establish", "open", "build", "set") and any(
        o.lemma_.lower() in lex.bases for o in objects_of(c.root)
    ):
        return "military"  # 'established new military base' (ACLED: Headquarters or base established)
    if c.label == "legislation" and any(
        o.lemma_.lower() in lex.alliances or any(m.lower_ == "joint" for m in o.children)
        for o in objects_of(c.root)
    ):
        return "agreement"  # 'formed caucus', 'created joint platform' (PLOVER AGREE: form an alliance)
    if c.label == "statement" and _states_a_verdict(c.root, lex):
        return "trial"  # 'Commission ruled former PM was guilty': a verdict (CAMEO 116)
    if c.label == "attack" and c.root.lemma_.lower() == "strike" and _stoppage_of_work(c.root, lex):
        return "protest"  # 'three-day strike', 'teachers’ strike' (CAMEO 143), no air strike (CAMEO 195)
    if (
        c.label == "sanction"
        and c.root.lemma_ == "block"
        and any(o.lemma_.lower() in lex.passages for o in objects_of(c.root))
    ):
        return "protest"  # 'blocked roads': passage obstructed (CAMEO 144), no restriction imposed
    if c.label == "statement" and announced_plan(c.root, lex) is not None:
        return "legislation"  # 'announced plans to place oil exports under federal control': a policy
    if c.label == "election" and c.root.lemma_ == "vote" and _voted_by(c.root) & lex.legislature:
        return "legislation"  # 'Congress vote authorising military action': a legislature decides
    if c.root.lemma_ == "boycott":  # docs/CODEBOOK.md 2: a boycott of a vote is an election event; CAMEO 143
        voted = any(lex.event_words.get(o.lemma_.lower()) == "election" for o in objects_of(c.root))
        return "election" if voted else "protest"
    left = _left_event(c.root, lex)
    if c.label == "military" and left is not None:
        return left  # 'withdrew from Feb primaries': out of a vote, no troops moved
    if c.label == "appointment" and subject & lex.court and c.root.pos_ == "VERB":
        return "trial"  # 'Supreme Court dismissed appeal': a court rules, it appoints no one
    if c.label == "appointment" and _out_of_a_place(c.root, lex):
        return "military"  # 'remove jihadist groups from zone': forces moved out, no one out of office
    if c.label == "armed_clash" and c.root.lemma_ == "capture" and _takes_people(c.root, lex):
        return "detention"  # 'captured seven militants': people taken, not ground (ACLED: arrests)
    return c.label


#: how long a strike lasts, in front of it: 'three-day', '48-hour'
_DURATION = re.compile(r"\b\w+\s?-\s?(?:day|hour|week|month)\b")


def _stoppage_of_work(strike: Token, lex: Lexicon) -> bool:
    """A strike of workers, not of weapons: it lasts days or hours ('three-day strike'), or its words
    or who carries it out say labour ('general strike', 'teachers’ strike', 'workers began strike')."""
    if strike.pos_ not in ("NOUN", "PROPN"):
        return False
    before = strike.doc[strike.left_edge.i : strike.i]
    words = {t.lemma_.lower() for t in before} | {t.lower_ for t in before}
    if strike.dep_ == "dobj":
        words |= acting_lemmas(strike.head, lex)
    return bool(_DURATION.search(before.text)) or bool(words & lex.labour_strike)


def _left_event(verb: Token, lex: Lexicon) -> str | None:
    """'withdrew from primaries', 'pulled out of talks': the type of the event left, when an event is
    what is left ('withdrew from Gao' leaves a place)."""
    return next(
        (
            lex.event_words[left.lemma_.lower()]
            for left in objects_of_preps(verb, ("from", "of"))
            if left.lemma_.lower() in lex.event_words
        ),
        None,
    )


def _out_of_a_place(verb: Token, lex: Lexicon) -> bool:
    """'remove jihadist groups from zone', 'replace troops from Gao': moved out of a place (a place
    noun or name after 'from'), where 'removed governor from office' is out of a post."""
    return any(
        place.lemma_.lower() in lex.place_nouns or place.ent_type_ in ("GPE", "LOC", "FAC")
        for place in objects_of_preps(verb, ("from",))
    )


def _a_people(token: Token) -> bool:
    """'98,000 Russians', 'some 2,000 Sudanese': a nation's people as the subject, not its forces."""
    return (
        token.ent_type_ == "NORP" and token.pos_ in ("PROPN", "NOUN") and token.dep_ in ("nsubj", "nsubjpass")
    )


def _states_a_verdict(verb: Token, lex: Lexicon) -> bool:
    """'ruled former PM was guilty', 'declared him innocent': a verdict word within two steps of the verb."""
    return any(t.lower_ in lex.verdicts for t in verb.subtree if verb in (t.head, t.head.head))


def _voted_by(vote: Token) -> set[str]:
    """Who votes: the subject of 'voted', the name in front of 'vote' ('Congress vote')."""
    return {
        t.lemma_.lower()
        for t in vote.children
        if t.dep_ in ("nsubj", "compound", "poss", "nmod") or (t.dep_ == "npadvmod" and t.pos_ == "PROPN")
    }


def _takes_people(verb: Token, lex: Lexicon) -> bool:
    """Is what ``verb`` takes a group or a person ('captured five insurgents'), not a place?"""
    return any(
        (o.lemma_.lower() in lex.generic_actors or o.ent_type_ == "PERSON")
        and o.lemma_.lower() not in lex.place_nouns
        for o in objects_of(verb)
    )


def _merge(events: list[tuple[tuple[int, int], Event, bool]], text: str) -> list[Event]:
    """One event per predicate type and date within a clause: 'headed to polls ... won landslide'.

    Same type and date in another clause, or at another place, stays a separate incident, unless
    it is an event noun told again (``_told_again``: 'killed 23 people; attack unclaimed'); an
    election is one event per day in the whole sentence, and so is what one speaker states ('IACHR
    2 March published report saying ...; highlighted issue of ...').
    """
    merged: dict[tuple, Event] = {}
    for clause, ev, again in events:
        # a vote is one event on its day: 'by-elections 11 June; polls peaceful but marred by ...'
        where = None if ev.event_type == "election" else clause
        if ev.event_type == "statement" and ev.actor1:
            where = tuple(ev.actor1)  # one speaker, one day: one statement
        key = (where, ev.event_type, ev.event_date, ev.event_date_end, ev.date_text)
        first = merged.get(key)
        if first is None and again:
            first = next((e for k, e in merged.items() if k[1:5] == key[1:]), None)
        if first is None:
            merged[key] = ev
            continue
        if _placed_apart(first, ev):
            merged[key + (ev.char_start,)] = ev
            continue
        _absorb(first, ev)
        first.char_start, first.char_end = (
            min(first.char_start, ev.char_start),
            max(first.char_end, ev.char_end),
        )
        first.evidence = text[first.char_start : first.char_end]
    return list(merged.values())


def one_vote_a_day(events: list[Event]) -> list[Event]:
    """An election is one event on its day in the whole entry: the summary that opens it ('Zelensky's
    party won snap parliamentary elections') and the paragraph that tells it ('Parliamentary elections
    held peacefully 21 July') name one vote, and the paragraph's telling, the last, is the event (a
    summary's words and places are those of all it sums up); votes at different places stay apart
    (by-elections)."""
    last: dict[tuple, Event] = {}  # (date, end) -> the last telling of that day's vote
    told_again: set[int] = set()
    for ev in events:
        if ev.event_type != "election" or ev.date_precision != "day":
            continue
        key = (ev.event_date, ev.event_date_end)
        told = last.get(key)
        if told is not None and not _placed_apart(told, ev):
            told_again.add(id(told))
        last[key] = ev
    return [ev for ev in events if id(ev) not in told_again]


def _named_by_date(root: Token, date_tokens: list[Token]) -> bool:
    """'after 21 Aug attack', 'in wake of 21 Aug CW attack': an event noun named by its date, written
    in front of it as a modifier, as an entry refers to an incident it tells elsewhere."""
    return (
        root.pos_ == "NOUN"
        and bool(date_tokens)
        and all(
            t.head == root and t.i < root.i and t.dep_ in ("compound", "nmod", "amod") for t in date_tokens
        )
    )


def one_telling_of_a_named_incident(events: list[Event]) -> list[Event]:
    """An event noun named by its date ('after 21 Aug attack') is the incident of that type and day the
    entry tells elsewhere, not a second one (EVENTS.md: one event per incident): it gives that telling
    (the first, or the one that is more than a name) its places, not its sentence's actors, who are
    rarely the incident's; tellings that name different places stay apart."""
    told: dict[tuple, Event] = {}
    kept: list[Event] = []
    for ev in events:
        key = _type_and_day(ev)
        first = told.get(key)
        if first is None or _placed_apart(first, ev) or not (ev.named_by_date or first.named_by_date):
            told.setdefault(key, ev)
            kept.append(ev)
        elif ev.named_by_date:
            first.locations = unique(first.locations + ev.locations)
        else:  # the earlier was only its name: this is the telling
            ev.locations = unique(ev.locations + first.locations)
            kept[kept.index(first)] = ev
            told[key] = ev
    return kept


def _placed_apart(one: Event, other: Event) -> bool:
    """Both tellings name places and share none: two events, not one told twice."""
    return bool(one.locations and other.locations and not set(one.locations) & set(other.locations))


def _absorb(first: Event, ev: Event) -> None:
    """``first`` takes what ``ev``, the same event told again, adds: its actors, places and toll."""
    first.actors = unique(first.actors + ev.actors)
    first.actor1 = unique(first.actor1 + ev.actor1)
    acting = {a.lower() for a in first.actor1}
    first.actor2 = [a for a in unique(first.actor2 + ev.actor2) if a.lower() not in acting]
    if not first.actor1_type and ev.actor1_type:  # the side first named keeps its type
        first.actor1_type, first.actor1_name = ev.actor1_type, ev.actor1_name
    if not first.actor2_type and ev.actor2_type:
        first.actor2_type, first.actor2_name = ev.actor2_type, ev.actor2_name
    if not first.actor2:  # its one name acts in the other telling: no side acted on, no type for it
        first.actor2_type, first.actor2_name = None, None
    first.locations = unique(first.locations + ev.locations)
    if first.fatalities is None:
        first.fatalities, first.fatalities_qualifier, first.toll_at = (
            ev.fatalities,
            ev.fatalities_qualifier,
            ev.toll_at,
        )
    first.fatalities_cumulative = first.fatalities_cumulative or ev.fatalities_cumulative


def event_id(entry_id: str, ev: Event) -> str:
    """Stable id: the same entry text and pipeline give the same ids on every run."""
    key = "|".join(
        map(
            str,
            (
                entry_id,
                ev.event_type,
                ev.event_date,
                ev.event_date_end,
                ev.char_start,
                ev.char_end,
                ev.trigger,
            ),
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
