"""Where an event happened: the named places of its clause, in the roles the parse gives them."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..records import unique
from .doc_index import ARTICLES, ent_at, ents_in, in_see_reference, looks_like_name, span_text
from .lexicon import Lexicon

PLACE_ENTS = {"GPE", "LOC", "FAC"}
#: labels the small model gives to village names it does not know
MISLABELLED = {"NORP", "ORG", "PERSON", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT"}


def event_locations(segment: Span, date_tokens: frozenset[int], lex: Lexicon) -> list[str]:
    """Named places of the clause where something happens: 'in Almaty', 'Almaty's airport', 'Tessit town'.

    Country and place names that only qualify people ('U.S. soldiers', 'Zintan
    militia') or locate another place ('40km north west of Mogadishu') are not
    the event's places.
    """
    found: list[str] = []
    for ent in (part for whole in ents_in(segment) for part in _listed_names(whole)):
        words = [t for t in ent if t.i not in date_tokens]
        if not words or in_see_reference(ent) or not looks_like_name(ent.text):
            continue
        span = ent.doc[words[0].i : words[-1].i + 1]  # 'Mentao today' (a masked date) -> 'Mentao'
        if ent.label_ in PLACE_ENTS:
            span = _with_untagged_head(span, date_tokens, lex)
        span = _with_untagged_tail(span, date_tokens, lex)
        name = _without_place_noun(span, lex).text.removesuffix("’s").removesuffix("'s")
        if ent.label_ in PLACE_ENTS and (
            span.root.lemma_.lower() in lex.place_nouns or is_place(span.root, lex) or titled_place(span, lex)
        ):
            found.append(name)
        elif (
            ent.label_ in MISLABELLED
            and not name.isupper()
            and name not in lex.organisations
            and (
                _after_place_preposition(span.root, lex)
                or _named_by_place_noun(span.root, lex)
                or any(c.lemma_.lower() in lex.place_nouns for c in span.root.conjuncts)
                or titled_place(span, lex)
                or (span.root.dep_ not in ("pobj", "poss") and is_place(span.root, lex))
            )
        ):
            found.append(
                name
            )  # the small model's labels for unknown villages: 'in Belehede' (NORP), 'Hseni town' (PERSON)
    for token in segment:
        if token.pos_ != "PROPN" or token.i in date_tokens or token.lower_ in lex.place_nouns:
            continue
        if token.ent_type_:
            ent = ent_at(token) if token.ent_iob_ == "B" else None
            if (
                ent is not None
                and ent.label_ in PLACE_ENTS | MISLABELLED
                and _continues_list(token, date_tokens, lex)
            ):
                found.append(_without_place_noun(ent, lex).text)
            continue
        if is_place(token, lex) or _continues_list(token, date_tokens, lex):
            name = _proper_run(token, date_tokens, lex)
            if name and not in_see_reference(token.doc[token.i : token.i + 1]):
                found.append(name)
    abbreviations = _bracketed_abbreviations(segment)
    return unique(
        [
            f
            for f in found
            if f
            and not _names_a_body(f, lex)
            and f not in abbreviations
            and f not in lex.places.demonyms
            and f not in lex.places.faiths
        ]
    )


def _listed_names(ent: Span) -> list[Span]:
    """'Erer and Afdheer' tagged as one WORK_OF_ART: the small model's one entity over a list of
    unknown names is one name per item. Place entities ('Bosnia and Herzegovina') and organisations
    ('Justice and Equality Movement') keep their 'and'."""
    if ent.label_ not in MISLABELLED - {"ORG"} or len(ent) < 3:
        return [ent]
    joins = [t for t in ent if t.lower_ in ("and", ",") and t.dep_ in ("cc", "punct")]
    parts, start = [], ent.start
    for join in [*joins, None]:
        end = join.i if join is not None else ent.end
        part = ent.doc[start:end]
        if not part or any(t.pos_ != "PROPN" for t in part):
            return [ent]
        parts.append(part)
        start = end + 1
    return [Span(ent.doc, p.start, p.end, label=ent.label_) for p in parts] if joins else [ent]


def _without_place_noun(span: Span, lex: Lexicon) -> Span:
    """'Agew Awi zone' -> 'Agew Awi': a place's name without the lower-case noun of its kind, which the
    NER sometimes takes into the entity, so one place has one name ('Tessit town' gives 'Tessit' too);
    capitalised, the noun is part of the name ('Mexico City', 'Kaladan River')."""
    last = span[-1]
    if len(span) > 1 and last.is_lower and last.lemma_.lower() in lex.place_nouns:
        return span[:-1]
    return span


def _bracketed_abbreviations(segment: Span) -> set[str]:
    """'SADC Mission in Mozambique (SAMIM)', 'Muyuka town (SW)': capitals in brackets abbreviate the
    name before them, or qualify a place with its region; they are no place of their own."""
    doc = segment.doc
    if "(" not in span_text(segment):  # most clauses: no token to read
        return set()
    return {
        t.text
        for t in segment
        if sum(c.isupper() for c in t.text) >= 2  # 'SAMIM', 'SW', 'LoC'
        and t.text[:1].isupper()
        and t.is_alpha
        and 0 < t.i < len(doc) - 1
        and doc[t.i - 1].text == "("
        and doc[t.i + 1].text == ")"
    }


def _untagged_tail(token: Token, lex: Lexicon) -> bool:
    """A word of a name the NER left out of it: 'Peulh' of 'N’Gala Peulh locality', 'archipelago' of
    'Sulu archipelago'; not a place noun the tagger called a proper noun ('Bosso department')."""
    return (
        token.pos_ == "PROPN"
        and token.lower_ not in lex.place_nouns
        and not token.ent_type_
        and token.i > 0
        and token.doc[token.i - 1].head == token
    )


def _with_untagged_head(span: Span, date_tokens: frozenset[int], lex: Lexicon) -> Span:
    """'Lake Chad', 'Mount Elgon': a capitalised word the NER left in front of a place it tagged, and
    that the parse joins to it, begins the name (alone, 'Chad' would be a country); a title or an
    actor in front ('Governor Kano', 'Police Kabul') does not."""
    if span.start == 0:
        return span
    before = span.doc[span.start - 1]
    if (
        before.pos_ == "PROPN"
        and not before.ent_type_
        and before.is_title
        and before.i not in date_tokens
        and before.dep_ == "compound"
        and span.start <= before.head.i < span.end
        and before.lower_ not in lex.titles_lower
        and not lex.collective(before)
    ):
        return span.doc[before.i : span.end]
    return span


def _with_untagged_tail(span: Span, date_tokens: frozenset[int], lex: Lexicon) -> Span:
    """'N’Gala Peulh locality', 'Line of Contact': the name runs on over the words the NER left out
    of it, capitalised words joined to it or after its 'of'."""
    doc, end = span.doc, span.end
    while end < len(doc) and end not in date_tokens and _untagged_tail(doc[end], lex):
        end += 1
    after = _after_of(doc, end, date_tokens)
    if after is not None and _untagged_name(after):
        end += 2  # 'Line of Contact'
    elif after is not None and after.ent_iob_ == "B" and after.ent_type_ in PLACE_ENTS:
        end = ent_at(after).end  # 'Gulf of Aden', 'Horn of Africa': one place, tagged in two
    return doc[span.start : end]


def _after_of(doc: Doc, at: int, date_tokens: frozenset[int]) -> Token | None:
    """The word after an 'of' at ``at`` that hangs on the word before it ('Contact' of 'Line of
    Contact'), unless that word is a date's."""
    if at + 1 >= len(doc) or doc[at].lower_ != "of" or doc[at].head.i != at - 1 or at + 1 in date_tokens:
        return None
    return doc[at + 1]


def _untagged_name(token: Token) -> bool:
    """A capitalised proper noun the NER left untagged."""
    return token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper()


def below_countries(places: list[str], country_of: Callable[[str], str | None]) -> list[str]:
    """The places below country level when there are any ('trip to Iraq, ... arrived in Baghdad':
    Baghdad says where; Iraq adds nothing), else the countries."""
    return [name for name in places if not country_of(name)] or places


def _names_a_body(name: str, lex: Lexicon) -> bool:
    """'Maute Group', 'Special Forces': a name ending in an actor noun is a group, not a place;
    'North West' (the West as an actor) is a region."""
    words = name.lower().split()
    return (
        len(words) > 1
        and words[-1] in lex.generic_actors
        and words[-1] not in lex.place_nouns
        and words[0] not in lex.places.directions
    )


def scene(sent: Span, date_tokens: frozenset[int]) -> list[str]:
    """'In Soum province, assailants attacked ...', 'Notably, in Borno state, ...': a place opening the
    sentence, after an adverb of discourse if one leads, is every event's place."""
    first = sent[0]
    if first.pos_ == "ADV" and len(sent) > 2 and sent[1].text == ",":
        first = sent[2]
    if first.lower_ not in ("in", "across", "throughout") or first.dep_ != "prep":
        return []
    comma = next((t for t in sent.doc[first.i : min(first.i + 12, sent.end)] if t.text == ","), None)
    if comma is None:
        return []
    opening = sent.doc[first.i : comma.i]
    return [
        e.text for e in ents_in(opening) if e.label_ in PLACE_ENTS and not any(t.i in date_tokens for t in e)
    ]


def _continues_list(token: Token, date_tokens: frozenset[int], lex: Lexicon) -> bool:
    """'at Nassoumbou 2 Oct and Inata 4 Oct': a name listed right after a place (and its date) is a place
    too.
    """
    doc = token.doc
    i = token.i - 1
    if i < 0 or doc[i].lower_ not in ("and", ","):
        return False
    name = ent_at(token) if token.ent_type_ else None
    if (name.root if name is not None else token).dep_ in ("nsubj", "nsubjpass"):
        return False  # '... in Vietnam 13 Sept, Suu Kyi said': the name after the comma acts
    i -= 1
    while i >= 0 and i in date_tokens:
        i -= 1
    if i < 0 or i == token.i - 2 and doc[i].pos_ != "PROPN":
        return False
    before = doc[i]
    return before.pos_ == "PROPN" and (is_place(before, lex) or _continues_list(before, date_tokens, lex))


#: event types whose noun a place name can modify to say where it happened ('Mogadishu attack')
_PLACED_VIOLENCE = frozenset({"attack", "armed_clash", "riot", "protest"})


def _struck_there(name: Token, noun: Token, lex: Lexicon) -> bool:
    """A place name in front of a noun of violence is where it happened; an abbreviation there acts
    ('U.S. strike'), so only names written out count."""
    between = name.doc[name.i + 1 : noun.i]  # 'Ti Bwadom gang attacks': the gang's name, not a place
    return (
        name.ent_type_ in PLACE_ENTS
        and not name.text.replace(".", "").isupper()
        and lex.event_words.get(noun.lemma_.lower()) in _PLACED_VIOLENCE
        and not any(t.lemma_.lower() in lex.generic_actors for t in between)
    )


def _governed_there(name: Token, official: Token, lex: Lexicon) -> bool:
    """'Kabul governor', 'Lagos police chief': a place named in front of a local official's title is
    the seat where the official acts."""
    title = " ".join(t.lower_ for t in official.doc[name.i + 1 : official.i + 1])
    return name.ent_type_ in PLACE_ENTS and title in lex.places.local_officials


def _violence_subject(verb: Token, lex: Lexicon) -> bool:
    """Is the subject of ``verb`` a noun of violence ('unrest', 'clashes'), or a stretch of it ('days of
    unrest', which the parse may attach as a modifier of time), which acts on no one?"""
    subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "npadvmod")]
    stretches = [
        obj
        for subject in subjects
        for prep in subject.children
        if prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    return any(
        lex.event_words.get(noun.lemma_.lower()) in _PLACED_VIOLENCE
        for noun in [*(s for s in subjects if s.dep_ == "nsubj"), *stretches]
    )


def _named_by_place_noun(token: Token, lex: Lexicon) -> bool:
    """'city of Tuz Khormato', 'town of Madaane': the name a place noun gives, whatever the NER thought;
    and the name of what is controlled or declared independent ('took control of Sinjar',
    'independence of Palawan'), which is territory."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    noun = token.head.head.lemma_.lower()
    return noun in lex.place_nouns or (noun in lex.places.territory_nouns and token.pos_ == "PROPN")


def titled_place(span: Span, lex: Lexicon) -> bool:
    """'state capital Xalapa', 'regional capital, Bamenda': the name a place's title gives it, however
    it is parsed; not 'north of capital Baghdad', which says where another place is."""
    doc = span.doc
    words = [t for t in doc[max(0, span.start - 2) : span.start] if t.text != ","][-1:]
    return (
        bool(words)
        and words[0].lower_ in lex.places.place_titles
        and words[0].pos_ == "NOUN"
        and not locates_another_place(span.root, lex)
    )


def locates_another_place(token: Token, lex: Lexicon) -> bool:
    """'60km west of Obo', 'NW of Ramadi': a place named to say where another one is."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    direction = token.head.head
    return direction.lower_ in lex.places.directions or direction.text in lex.places.compass_points


def _after_place_preposition(token: Token, lex: Lexicon) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in lex.places.at_place_preps


def is_place(token: Token, lex: Lexicon) -> bool:
    """Where the parse puts a name in a place role."""
    current = token
    for _ in range(4):
        head = current.head
        if current.dep_ == "poss":  # 'Almaty's airport', not 'Tsikhanouskaya's return'
            if lex.collective(head):
                return False  # 'Prayuth's government', 'Mali's army': whose the actor is, not where
            return current.ent_type_ in PLACE_ENTS or head.lemma_.lower() in lex.place_nouns
        if head.lemma_.lower() in lex.place_nouns and (
            current.dep_ in ("compound", "appos", "nmod")
            or (current.dep_ == "amod" and current.ent_type_ in PLACE_ENTS)  # 'Kidal city', tagged ADJ
        ):
            return True  # 'Tessit town', 'capital Astana'
        if current.dep_ == "pobj":
            if (
                head.lower_ == "from"
                and head.head.pos_ in ("NOUN", "PROPN")
                and head.head.lemma_.lower() not in lex.event_words  # 'withdrawal from Abyei' is there
            ):
                return False  # 'FMs from Kyrgyzstan': where people come from
            if lex.addressed(current):
                return False  # 'called on Armenia to': whom a statement is made to
            if head.lower_ in lex.location_preps:
                return True
            return _named_by_place_noun(current, lex)  # 'city of Zhanaozen', 'took control of Sinjar'
        if (
            current.dep_ in ("compound", "conj", "appos")
            and head != current
            and head.pos_ in ("PROPN", "NOUN")
        ):
            if current.dep_ == "compound" and any(
                t.dep_ == "compound" and t.pos_ == "NOUN" and t.lemma_.lower() in lex.place_nouns
                for t in head.children
            ):
                return True  # 'Almaty city court', not 'U.S. Sec State Rice' (a title's 'State')
            if current.dep_ == "compound" and head.lemma_.lower() in lex.court:
                return True  # 'Yangon court': where the court sat
            if current.dep_ == "compound" and _governed_there(current, head, lex):
                return True  # 'Kabul governor said': where the official governs
            if current.dep_ == "compound" and _struck_there(current, head, lex):
                return True  # 'Gaza explosion', 'Cagayan de Oro bombing': where the violence was
            if (
                current.dep_ == "compound"
                and head.lemma_.lower() not in lex.place_nouns
                and head.ent_type_ not in PLACE_ENTS
                and not _untagged_tail(head, lex)
            ):
                return False  # 'U.S. soldiers', 'Zintan militia'
            current = head
            continue
        if current.dep_ == "nsubj" and head.lemma_ == "host":
            return True
        if (
            current.dep_ == "dobj"
            and head.lemma_.lower() in lex.places.trip_verbs
            and current.ent_type_ in PLACE_ENTS
        ):
            return True  # 'visited Bamako', 'left Riyadh for Paris': the places of a trip
        if current.dep_ == "dobj" and head.lemma_.lower() in lex.places.territory_verbs:
            return True  # 'retaking al-Qaim': the territory taken
        if (
            current.dep_ == "dobj"
            and head.lemma_.lower() in lex.places.taking_verbs
            and current.ent_type_ in PLACE_ENTS
        ):
            return True  # 'seized Ramadi': a town taken ('seized weapons', 'captured five' are no places)
        if current.dep_ == "dobj" and current.ent_type_ in PLACE_ENTS and _violence_subject(head, lex):
            return True  # 'unrest roiled Port-au-Prince', 'clashes rocked Tripoli': where it raged
        return False
    return False


def _proper_run(token: Token, date_tokens: frozenset[int], lex: Lexicon) -> str | None:
    """The capitalised words of an untagged place name around ``token`` ('Gorom-Gorom', 'Port-au-Prince')."""
    doc = token.doc

    def part(t: Token) -> bool:
        return (
            t.ent_type_ == ""
            and t.i not in date_tokens
            and (
                t.pos_ == "PROPN"
                or (t.text == "-" and not t.whitespace_)
                or (t.lower_ in ARTICLES and t.i + 1 < len(doc) and doc[t.i + 1].text == "-")
            )
        )  # 'Ain al-Asad': the Arabic article inside a name

    lo, hi = token.i, token.i + 1
    while lo > 0 and part(doc[lo - 1]):
        lo -= 1
    while hi < len(doc) and part(doc[hi]):
        hi += 1
    if (lo > 0 and doc[lo - 1].ent_type_ not in ("", "NORP") and not doc[lo - 1].whitespace_ == "") or (
        hi < len(doc) and doc[hi].ent_type_ and doc[hi - 1].whitespace_
    ):
        return None  # the tail of a tagged name ('Gaza' + 'City'); not a name after a people's ('Armenian')
    words = [t for t in doc[lo:hi] if t.text != "-"]
    if (
        not words
        or all(t.lower_ in lex.place_nouns for t in words)
        or (lo > 0 and doc[lo - 1].ent_type_ in PLACE_ENTS)
    ):
        return None
    if _of_untagged_name(doc, hi, date_tokens, lex):
        hi += 2  # 'Line of Contact': one name over its 'of', neither part tagged
    text = doc[lo:hi].text.strip("-")
    return text if looks_like_name(text) and len(text) > 2 else None


def _of_untagged_name(doc: Doc, at: int, date_tokens: frozenset[int], lex: Lexicon) -> bool:
    """Does 'of' and an untagged capitalised name follow the name word before ``at`` ('Line' of
    'Line of Contact')? Not after a compass point ('NW of Ramadi' says where another place is)."""
    after = _after_of(doc, at, date_tokens)
    before = doc[at - 1]
    return (
        after is not None
        and _untagged_name(after)
        and before.text[:1].isupper()
        and before.text not in lex.places.compass_points
    )
