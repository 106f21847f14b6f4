"""Who acted and on whom: the arguments of a trigger and the named actors of its clause.

Each actor is found with the role the parse gives it (`AGENT`: subject, passive
agent, 'by X'; `TARGET`: object, passive subject, 'against X'; `PAIR`: 'between
X and Y'); pipeline.events.sides turns roles into ACLED's two sides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .doc_index import ent_at, ents_in, in_see_reference, looks_like_name, objects_of_preps, triggers_of
from .lexicon import Lexicon
from .places import is_place, locates_another_place, titled_place
from .scope import Candidate, absolute_participle, verb_after_semicolon

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
_OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}

AGENT, TARGET, PAIR = "agent", "target", "pair"
#: the role of an argument by its dependency on the trigger
_ROLE_OF_DEP = {"nsubj": AGENT, "csubj": AGENT, "agent": AGENT, "nsubjpass": TARGET}
#: the role of the object of a preposition on the trigger ('clashed with X', 'attack by X')
_ROLE_OF_PREP = {
    "by": AGENT,
    "with": TARGET,
    "against": TARGET,
    "on": TARGET,
    "to": TARGET,
    "from": TARGET,
    "of": None,  # 'arrest of X' (target), 'visit of X' (agent): decided by the event's type
    "between": PAIR,
}
#: prepositions that set an event inside another ('killed in clashes between X and Y')
_SETTING_PREPS = frozenset({"in", "during", "amid"})
#: types whose noun names what is done to someone: 'X's arrest', 'trial of X', 'appointment of X'
_UNDERGONE = {"detention", "trial", "appointment", "attack"}
#: a crowd's events: who broke them up is the other side (ACLED: protest with intervention)
_CROWD_EVENTS = frozenset({"protest", "riot"})
#: of these, the types whose noun's holder is who underwent it ('activist's arrest'); the holder of an
#: attack made it ('militants' attack', 'jihadist attacks'), as in ACLED's 'Boko Haram attack'
_HELD_BY_WHO_UNDERWENT = _UNDERGONE - {"attack"}
#: words that name one of the two actors named together just before ('latter', 'former')
_ANAPHORS = frozenset({"latter", "former"})
#: subject pronouns that stand for the person or group named before ('he suspended his resignation')
_PERSONAL = frozenset({"he", "she", "they"})
#: events a state's forces carry out: 'Israeli raid', 'Russian strikes' name who did them
_BY_FORCES = frozenset({"attack", "armed_clash", "military"})


@dataclass(frozen=True)
class Mention:
    """An actor of an event: its name, the words that type it, its role and where it stands."""

    name: str  # as written, titles removed
    written: str  # as written with its title ('President Samba Panza'): what its ACLED type is read from
    role: str | None  # AGENT, TARGET, PAIR, or None (named in the clause, role not in the parse)
    at: int  # token index, for 'the side named first'
    label: str = ""  # the NER label, when the model tagged it
    by_adjective: bool = False  # named by a state's adjective ('Israeli raid'): the state acts


def event_actors(c: Candidate, segment: Span, lex: Lexicon, event_type: str = "") -> list[Mention]:
    """Who did it and to whom: subject and objects of the trigger, and the named actors of its clause.

    People, organisations and groups are kept as written, titles removed;
    generic collective actors keep their modifiers ('unidentified assailants',
    'Zintan militia'); a country name that is not a place is an actor
    ('summit between Angola, Chad and Congo'). A name found twice keeps the
    first role the parse gives it.
    """
    found: list[Mention] = []
    groups: list[Mention] = []  # 'JNIM fighters', 'Wazalendo members': the group acts
    for token, role in _argument_tokens(c, lex, event_type):
        name = _actor_name(token, lex)
        if not name:  # 'killed by U.S. drone': the state or group that owns the weapon acts
            owners = [ch for ch in token.children if ch.dep_ in ("compound", "poss", "nmod")]
            owner = next(
                (ch for ch in owners if ch.ent_type_ in ("GPE", "ORG") and not is_place(ch, lex)), None
            )
            # 'military operations killed 50', 'denied Islamist claims': a collective actor word in
            # front of what acted or of an event it holds, not of its victims ('civilian casualties')
            if owner is None and (role == AGENT or token.lemma_.lower() in lex.event_words):
                owner = next(
                    (ch for ch in token.children if ch.dep_ == "amod" and ch.lower_ in lex.generic_actors),
                    None,
                )
            if owner is None and role == TARGET:  # 'at Iraqi military’s airbase': whose it is
                owner = next((ch for ch in owners if ch.dep_ == "poss" and lex.collective(ch)), None)
            token = owner or token
            name = _actor_name(token, lex) if owner is not None else None
        if name:
            adjective = token.dep_ == "amod" and _a_state(token, lex)
            found.append(Mention(name, _written(token, name, lex), role, token.i, token.ent_type_, adjective))
            groups.extend(
                Mention(group, group, role, token.i, "ORG") for group in _named_modifier(token, lex)
            )
    paired = _between_spans(c.root)
    for ent in ents_in(segment):
        if in_see_reference(ent):
            continue
        holder = _title_holder(ent, lex)
        if holder is not None:  # 'Kabul governor': who holds the title
            found.append(Mention(holder.text, holder.text, None, holder.root.i, ""))
            continue
        if (
            not ent.text[:1].isupper()
            or _topic_of_paired_event(ent.root, lex)
            or locates_another_place(ent.root, lex)  # '60km west of Obo', whatever the NER tagged
            or _part_of_title(ent, lex)
            or ent.text in lex.abbreviated_things  # 'COVID-19 concerns', tagged an organisation
            or _kind_of_name(ent, lex)
        ):
            continue
        role = PAIR if any(start <= ent.root.i <= end for start, end in paired) else None
        if ent.label_ == "PERSON" and _names_a_collective(ent.root, lex):
            head = ent.root.head  # 'Karzai government', 'Hadi forces': the person's side, not the person
            phrase = _phrase(head, lex)
            found.append(Mention(phrase, phrase, role, head.i, ""))
        elif (ent.label_ in ("PERSON", "ORG") and not _adjectival(ent)) or (
            ent.label_ == "NORP"
            and ent.root.pos_ in ("PROPN", "NOUN")
            and ent.root.dep_ not in ("amod", "compound")
        ):
            name = _name_run(ent) if ent.label_ == "PERSON" else _after_possessor(ent)
            found.append(Mention(_strip_title(name.text, lex), _titled(name), role, name.root.i, ent.label_))
        elif (
            ent.label_ == "GPE"
            and not is_place(ent.root, lex)
            and not titled_place(ent, lex)
            and not locates_another_place(ent.root, lex)
            and ent.root.dep_ not in ("amod",)
            and not (ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in lex.generic_actors)
        ):
            found.append(Mention(ent.text, ent.text, role, ent.root.i, ent.label_))
    if event_type in _UNDERGONE and (_clipped_passive(c.root, lex) or _put_under(c.root)):
        # 'Former FM X, detained since 2015, provisionally released 10 Oct', '... put under house
        # arrest': the person named before a clipped passive underwent it, whatever the parse tied
        # the name to
        found = [
            replace(m, role=TARGET) if m.role is None and m.at < c.root.i and m.label == "PERSON" else m
            for m in found
        ]
    if event_type in _UNDERGONE and absolute_participle(c.root):
        # '... broken up by security forces, with 70 arrested': those arrested are of the crowd the
        # clause names; who acted is the clause's actor (an agent already)
        found = [replace(m, role=TARGET) if m.role is None else m for m in found]
    if _with_own_subject(c.root):  # '..., with Putin calling for ties': the names of that clause only
        inside = {t.i for t in c.root.head.subtree}
        found = [m for m in found if m.role is not None or m.at in inside]
    kept: dict[str, Mention] = {}
    # a run-on entity ('Khan, Election Commission') is no name, and no longer name its pieces are part of
    for mention in _whole_names([m for m in found if "," not in m.name]) + groups:
        name = _without_months(mention.name, lex)
        if not name or not _plausible_actor(name, lex):
            continue
        key = name.lower().strip()
        earlier = kept.get(key)
        if earlier is None:
            kept[key] = replace(mention, name=name.strip())
        elif (earlier.role is None and mention.role is not None) or (
            earlier.role == TARGET and mention.role == AGENT
        ):
            # one actor is on one side: the side that acts ('Hamas launched operation ..., killing 10
            # plus 2 Hamas': Hamas attacked, whatever losses it counted)
            kept[key] = replace(earlier, role=mention.role, at=mention.at)
    return list(kept.values())


def _after_possessor(ent: Span) -> Span:
    """'Zelensky’s Sluha Narodu (party)', tagged as one organisation: the name is the part after whose
    it is; 'People’s Democratic Party', whose possessive goes on a word of the name, is whole."""
    marks = [
        t
        for t in ent[:-1]
        if t.dep_ == "case" and t.lower_ in ("’s", "'s") and not ent.start <= t.head.head.i < ent.end
    ]
    return ent.doc[marks[-1].i + 1 : ent.end] if marks else ent


def _name_run(ent: Span) -> Span:
    """A person's name the NER cut short ('Abbas' of 'Deputy FM Abbas Stanikzai'): the capitalised
    untagged words it is a compound of, right after it."""
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and not doc[end].ent_type_
        and doc[end].text[:1].isupper()
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    ):
        end += 1
    return doc[ent.start : end] if end > ent.end else ent


def _names_a_collective(name: Token, lex: Lexicon) -> bool:
    """A name set in front of a collective actor noun ('Karzai government')."""
    return name.dep_ == "compound" and name.head.pos_ == "NOUN" and lex.collective(name.head)


def _written(token: Token, name: str, lex: Lexicon) -> str:
    """The name with the title in front of it in the text ('FM Colonna'), when there is one, or the
    word that makes it a people ('Ethnic Afar')."""
    modifier = _identity_modifier(token, lex)
    if modifier is not None:
        return f"{modifier.text} {name}"
    ent = ent_at(token)
    return _titled(ent) if ent is not None else name


def _identity_modifier(token: Token, lex: Lexicon) -> Token | None:
    """'ethnic', 'tribal' in front of a name: it names a people (ACLED: identity groups)."""
    return next(
        (ch for ch in token.children if ch.dep_ == "amod" and ch.lower_ in lex.identity_modifiers), None
    )


def _titled(ent: Span) -> str:
    """An entity with the words that title it: 'President' in 'President Samba Panza', 'opposition
    leader' in 'opposition leader X'."""
    start, doc = ent.start, ent.doc
    while start > ent.sent.start and doc[start - 1].dep_ in ("compound", "amod", "nmod"):
        if not start <= doc[start - 1].head.i < ent.end:
            break
        start -= 1
    return doc[start : ent.end].text


def _without_months(name: str, lex: Lexicon) -> str:
    """'Touadéra’s Feb' -> 'Touadéra', 'Oct/Nov' -> '': a month is when, never who."""
    words = name.replace("/", " / ").split()
    while words and (words[-1].lower().rstrip(".") in lex.months or words[-1] == "/"):
        words.pop()
    kept = " ".join(words).replace(" / ", "/")
    return kept.removesuffix("’s").removesuffix("'s") if len(words) < len(name.split()) else kept


def _plausible_actor(name: str, lex: Lexicon) -> bool:
    """Not an event ('Summit', 'lorry bombings'), not a run-on fragment ('Khan, Election Commission')."""
    words = name.split()
    if all(w.lower() in lex.phrase_skip for w in words):
        return False  # 'Several killed', 'Many fled': a count, no one named
    if len(words) > 1 and words[-1] in lex.place_nouns:
        return False  # 'Bosso department', 'Jonglei state': a place named by its lower-case noun
    head = words[-1].lower()
    event = head in lex.event_words or head.removesuffix("s") in lex.event_words
    if event and (len(words) == 1 or name[:1].islower()):
        return head in lex.generic_actors or head in lex.forces
    return "," not in name and len(words) <= 8


def _whole_names(found: list[Mention]) -> list[Mention]:
    """Drop a piece of a longer name found on its own: 'Constitutional' beside 'Constitutional Court'
    (as written: 'Army' that acts is not the 'army unit' it accuses). A piece is where its name is:
    'police' that arrested members of a 'hard-line police organisation' is no piece of that name, though
    a proper name met again in short is ('Suu Kyi' after 'Aung San Suu Kyi')."""
    words = [tuple(m.name.replace("-", " ").split()) for m in found]  # 'Russian' is in 'Russian-backed X'

    def piece(
        short: Mention, words_short: tuple[str, ...], long: Mention, words_long: tuple[str, ...]
    ) -> bool:
        return (
            len(words_short) < len(words_long)
            and (short.name[:1].isupper() or abs(short.at - long.at) <= 2 * len(words_long))
            and any(
                words_long[i : i + len(words_short)] == words_short
                for i in range(len(words_long) - len(words_short) + 1)
            )
        )

    whole = []
    for m, w in zip(found, words):
        if any(piece(m, w, other, ow) for other, ow in zip(found, words)):
            continue
        # 'sentenced activist X Y ...; Y accused of': the role the parse gives the name met in short
        roles = [p.role for p, pw in zip(found, words) if p.role is not None and piece(p, pw, m, w)]
        whole.append(replace(m, role=roles[0]) if m.role is None and roles else m)
    return whole


def apart_from_places(
    actors: list[Mention], locations: list[str], abbreviations: dict[str, str] | None = None
) -> list[Mention]:
    """Actors that are not the event's places.

    A village the small model tags as a person or organisation is found as an
    actor and as a place ('attacked administration building in Belehede'): it
    is the place. So is the last part of a place named with 'of' ('Aden' of
    'Gulf of Aden'), and an abbreviation the entry defines for a place ('Line
    of Contact (LoC)').
    """
    places = {p.lower() for p in locations}
    tails = {p.rsplit(" of ", 1)[1] for p in places if " of " in p}
    spelled = {short for short, full in (abbreviations or {}).items() if full.lower() in places}
    return [a for a in actors if a.name.lower() not in places | tails and a.name not in spelled]


def _argument_tokens(c: Candidate, lex: Lexicon, event_type: str = "") -> list[tuple[Token, str | None]]:
    """Subject (inherited over 'and'/';' when the clause has none), objects, agents,
    partners ('met with X'), each with its role."""
    root = c.root
    undergone = event_type in _UNDERGONE
    heads = [root, *(t.root for t in c.absorbed)]
    victims_verb = None  # 'Several killed in clashes': the verb's subject underwent the event, it did not act
    stopped_by = _intervening(root, lex) if event_type in _CROWD_EVENTS else []
    heads.extend(v for v in stopped_by if v not in heads)
    if root.pos_ in ("NOUN", "PROPN"):
        position = root
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.lemma_.lower() in lex.partitives
        ):
            position = root.head.head  # 'fired barrage of rockets': the barrage stands where the event does
        verb = position.head.head if position.dep_ == "pobj" else position.head
        if verb.pos_ in ("VERB", "AUX"):
            heads.append(verb)
            if root.dep_ == "pobj" and verb.lemma_.lower() in lex.killing:
                victims_verb = verb
            if _put_under(root) and not any(ch.dep_ == "dobj" for ch in verb.children):
                victims_verb = verb  # 'leader put under house arrest', not 'police put leader under arrest'
    tokens: list[tuple[Token, str | None]] = []
    for head in heads:
        nominal = head is root and root.pos_ in ("NOUN", "PROPN")
        for child in head.children:
            if _topic_of_paired_event(child, lex):
                continue
            if child.dep_ in SUBJECT_DEPS:
                dep = child.dep_
                if child.tag_ in ("WP", "WDT") and head is root and root.dep_ == "relcl":
                    child = root.head  # 'López Obrador, who will be sworn into power': whom it is said of
                if dep == "agent":
                    who = next((g for g in child.children if g.dep_ == "pobj"), child)
                    # 'press reported proposal by Olmert govt': a statement's active verb has its
                    # speaker; the 'by' the parse hangs on it is whose proposal, whom it speaks of
                    spoken_of = event_type == "statement" and any(ch.dep_ == "nsubj" for ch in head.children)
                    tokens.append((who, TARGET if head in stopped_by or spoken_of else AGENT))
                elif (
                    head is victims_verb
                    or (event_type not in _CROWD_EVENTS and _clipped_passive(head, lex))  # crowds act
                    or _reported_passive(head, lex)
                ):
                    tokens.append((child, TARGET))
                else:
                    tokens.append((child, _ROLE_OF_DEP[dep]))
            elif child.dep_ == "amod" and nominal and child.lower_ in lex.generic_actors:
                tokens.append((child, AGENT))  # 'military offensive': the military's
            elif child.dep_ == "amod" and nominal and event_type in _BY_FORCES and _a_state(child, lex):
                tokens.append((child, AGENT))  # 'Israeli raid into Gaza': the state's forces
            elif child.dep_ in _OBJECT_DEPS or (
                child.dep_ in ("compound", "poss", "nmod") and nominal and not _name_word(child, head)
            ):
                # 'Boko Haram attack' and 'govt's crackdown' name the agent, 'activist's arrest' the target
                role = TARGET if child.dep_ in _OBJECT_DEPS or event_type in _HELD_BY_WHO_UNDERWENT else AGENT
                tokens.append((child, role))
                tokens.extend(
                    (g, role) for g in child.children if g.dep_ == "poss"
                )  # 'criticised federal govt's process'
            elif child.dep_ == "prep" and (
                child.lower_ in _ROLE_OF_PREP or (child.lower_ == "at" and event_type == "attack")
            ):
                role = _ROLE_OF_PREP.get(child.lower_, TARGET)  # 'fired rockets at X's airbase': X's
                if child.lower_ == "of":
                    role = TARGET if undergone and nominal else AGENT if nominal else TARGET
                tokens.extend((g, role) for g in child.children if g.dep_ == "pobj")
    if event_type in _HELD_BY_WHO_UNDERWENT:  # 'arrest warrants for fifteen leaders', 'warrant for X'
        tokens.extend((g, TARGET) for word in c.trigger for g in objects_of_preps(word, ("for",)))
    tokens.extend((side, PAIR) for side in _sides_of_setting(root))
    tokens.extend((owner, AGENT) for owner in _owners_of_setting(root, lex))
    crowd = event_type in _CROWD_EVENTS
    if root.dep_ == "acl" and (root.tag_ == "VBN" or crowd) and root.head.pos_ in ("NOUN", "PROPN"):
        # 'four soldiers killed in Aborkem': the clipped passive's subject; a crowd does not undergo its
        # protest ('Teachers protested', read as a clause on the noun): it holds it
        tokens.append((root.head, AGENT if crowd else TARGET))
    if verb_after_semicolon(root):
        tokens.append((root.head, TARGET))  # '...; sacked state governor': the noun it seemed to describe
    if root.dep_ in ("xcomp", "oprd") and _reported_passive(root.head, lex):
        tokens.extend((ch, TARGET) for ch in root.head.children if ch.dep_ in ("nsubj", "nsubjpass"))
    tokens.extend((who, AGENT) for who in _perpetrators(root, lex))
    if absolute_participle(root):  # '... broken up by security forces, with 70 arrested': who did that
        tokens.extend((actor, AGENT) for actor in _governing_actor(root.head.head.head))
    if not any(t.dep_ in SUBJECT_DEPS for t, _ in tokens):
        tokens.extend((t, _ROLE_OF_DEP.get(t.dep_)) for t in _inherited_subject(root))
    expanded: list[tuple[Token, str | None]] = []
    for token, role in tokens:
        who = _who(token, lex)
        expanded.append((who, role))
        if token.lower_ not in _ANAPHORS:  # 'latter' is one of the two, not both
            expanded.extend((conjunct, role) for conjunct in who.conjuncts)
    # 'Party congress held late July': the event's noun is no actor of its own, nor is a word of its
    # trigger ('Suicide bomber' at the start of a sentence), but for an actor noun ('court' of 'court order')
    return [
        (token, role) for token, role in expanded if token != c.trigger.root and not _trigger_word(token, lex)
    ]


def _trigger_word(token: Token, lex: Lexicon) -> bool:
    """A word of an event's trigger capitalised only because it opens the sentence ('Suicide' of
    'Suicide bomber'): it names no one. An actor noun in one still does ('Court order')."""
    return (
        token.is_sent_start
        and not token.ent_type_
        and not lex.collective(token)
        and any(t.start <= token.i < t.end for t in triggers_of(token.doc))
    )


def _between_spans(root: Token) -> list[tuple[int, int]]:
    """The words of 'between X and Y' on the trigger, first and last index: every name in them is a
    side, whatever the parse makes of the list ('between BIFM and Philippine military', where the
    small model hangs the abbreviation on the noun after it)."""
    return [
        (child.i + 1, child.right_edge.i)
        for child in root.children
        if child.dep_ == "prep" and child.lower_ == "between"
    ]


def _intervening(event: Token, lex: Lexicon) -> list[Token]:
    """'Rally broken up by police', 'marches disrupted by police': the verbs by which a side stopped a
    crowd's event, whether the parse makes the event their subject or hangs them on it."""
    verbs = [event.head] if event.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [ch for ch in event.children if ch.dep_ == "acl" and ch.tag_ == "VBN"]
    return [
        v
        for v in verbs
        if v.lemma_.lower() in lex.intervention_verbs and any(ch.dep_ == "agent" for ch in v.children)
    ]


def _adjectival(ent: Span) -> bool:
    """'Biafran separatist X': a name the NER tagged that the parse reads as an adjective in front
    of a noun says what kind the noun is; it names no actor of its own."""
    return all(t.pos_ == "ADJ" for t in ent) and ent.root.dep_ in ("amod", "compound")


def _part_of_title(words: Span, lex: Lexicon) -> bool:
    """'Defence Minister Silva', 'Interior Minister': words that with the word after them are a title."""
    doc = words.doc
    return words.end < len(doc) and f"{words.text} {doc[words.end].text}" in lex.titles


def _kind_of_name(ent: Span, lex: Lexicon) -> bool:
    """'NGO Human Rights Watch': a collective actor word set in front of a name says what kind of actor
    the name is, whatever the small model tagged it; the name is the actor."""
    head = ent.root.head
    return (
        ent.text.lower() in lex.generic_actors
        and ent.root.dep_ == "compound"
        and head.ent_type_ in ("ORG", "PERSON")
        and not ent.start <= head.i < ent.end
    )


def _title_holder(ent: Span, lex: Lexicon) -> Span | None:
    """'Kabul governor', 'Moscow mayor': a place in front of a title that names no one after it is
    where the title is held, and the words are the person who holds it, not a place ('Kabul governor
    X', 'governor of province X', 'governor, X' name X). An organisation in front of a title is the
    actor itself ('Election Commission chairman said')."""
    doc = ent.doc
    title = doc[ent.end] if ent.end < len(doc) else None
    if (
        title is None
        or ent.label_ != "GPE"
        or title.lower_ not in lex.titles_lower
        or ent.root.head != title
        or ent.root.dep_ != "compound"
        or any(_names_someone(t) or t.lower_ == "of" for t in doc[title.i + 1 : title.i + 3])
    ):
        return None
    return doc[ent.start : title.i + 1]


def _names_someone(token: Token) -> bool:
    """A person's name, or a capitalised proper noun the model did not tag."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.text[:1].isupper())


def _topic_of_paired_event(token: Token, lex: Lexicon) -> bool:
    """'CAR summit between Angola, Chad and Congo': the sides are named after 'between'; the name in
    front of the event's noun is what the summit is about, or where it is, not a side."""
    head = token.head
    return token.dep_ == "compound" and head.lemma_.lower() in lex.event_words and bool(_between_spans(head))


def _name_word(child: Token, head: Token) -> bool:
    """'World Economic' of 'World Economic Forum': a capitalised word of the name a capitalised trigger
    ends, not who holds it."""
    return child.dep_ == "compound" and child.pos_ == "PROPN" and head.pos_ == "PROPN" and not child.ent_type_


def _owners_of_setting(root: Token, lex: Lexicon) -> list[Token]:
    """'killed in rebel SSLA attack', 'killed in Israeli strike': whose the attack an event happened in
    is, the name in front of its noun (an organisation, a state or its people, an abbreviation)."""
    return [
        owner
        for setting in _settings([root])
        if setting.pos_ == "NOUN" and setting.lemma_.lower() in lex.event_words
        for owner in setting.children
        if owner.dep_ in ("compound", "amod", "poss")
        and (owner.ent_type_ in ("ORG", "NORP", "GPE") or _acronym(owner))
    ]


def _sides_of_setting(root: Token) -> list[Token]:
    """'killed during clashes between X and Y' ('reported killed during ...'): the two sides of the
    fighting the event happened in."""
    return [
        side
        for setting in _settings([root, *(ch for ch in root.children if ch.dep_ == "xcomp")])
        for between in setting.children
        if between.dep_ == "prep" and between.lower_ == "between"
        for side in between.children
        if side.dep_ == "pobj"
    ]


def _settings(verbs: list[Token]) -> list[Token]:
    """The nouns the verbs' events are set in: 'in clashes', 'during attack', 'amid protests'."""
    return [
        setting
        for verb in verbs
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _SETTING_PREPS
        for setting in prep.children
        if setting.dep_ == "pobj"
    ]


def _antecedent(token: Token) -> Token | None:
    """'tensions between federal and regional state govts, latter 11 Oct formed caucus': 'latter' is
    the second of the two named together last before it in the sentence, 'former' the first (the
    noun they name, when the pair is of adjectives: 'govts')."""
    for word in reversed(token.doc[token.sent.start : token.i]):
        if word.dep_ == "conj" and word.head.i < word.i:
            chosen = word if token.lower_ == "latter" else word.head
            while chosen.pos_ == "ADJ" and chosen.dep_ in ("amod", "conj") and chosen.head != chosen:
                chosen = chosen.head
            return chosen
    return None


def _a_state(token: Token, lex: Lexicon) -> bool:
    """'Israeli', 'Russian': a state's adjective (models/demonyms.json), as the NER tags it."""
    return token.ent_type_ == "NORP" and token.text in lex.places.demonyms


def _a_force(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.forces or token.lower_ in lex.forces


def _force_owner(token: Token, lex: Lexicon) -> Token | None:
    """'troops from Chad', 'police officers from foreign security mission': whose forces they are."""
    return next((g for g in objects_of_preps(token, ("from",)) if not is_place(g, lex)), None)


def _who(token: Token, lex: Lexicon) -> Token:
    """The actor an argument stands for: the group a count, share or wave is of ('Hundreds of
    protesters', 'some 70 members of ASG', 'first wave of police officers'); the actor set beside a
    fronted place ('In X district, pro-govt forces killed', which the parse reads as 'district, forces')."""
    lemma = token.lemma_.lower()
    if token.lower_ in _ANAPHORS and token.dep_ in ("nsubj", "nsubjpass"):
        return _antecedent(token) or token
    if (
        token.lower_ in lex.phrase_skip
        or token.pos_ == "NUM"
        or lemma in ("member", "number", "leader")
        or lemma in lex.partitives  # 'first wave of police officers arrived'
    ):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                group = next((g for g in child.children if g.dep_ == "pobj"), token)
                if _a_force(group, lex):  # 'first wave of police officers from foreign mission'
                    return _force_owner(token, lex) or _force_owner(group, lex) or group
                return group
    if _a_force(token, lex):
        return _force_owner(token, lex) or token
    if token.lower_ in lex.individuals:  # 'director of Afghan Red Crescent Society shot dead': its side
        body = [g for p in token.children if p.lower_ == "of" for g in p.children if g.ent_type_ == "ORG"]
        if body:
            return body[0]
    if lemma in lex.place_nouns or is_place(token, lex):
        return next((ch for ch in token.children if ch.dep_ == "appos"), token)
    if not token.ent_type_ and token.text.lower() in lex.titles_lower:  # 'Minister for defence ..., John X'
        return next((ch for ch in token.children if ch.dep_ == "appos" and ch.ent_type_ == "PERSON"), token)
    return token


def elided_subject(c: Candidate, date_tokens: frozenset[int]) -> bool:
    """'Separatists 5 Jan attacked X; 14 Jan abducted eight workers': an active verb with an object
    and no subject, because the subject is the one named before. Not a passive ('arrested in
    Paris'), not a noun ('bombing'), not a verb whose subject the parse finds over 'and' or a
    participle. A masked date the parse takes for the subject ('; 2 Nov announced plans') is none; a
    pronoun ('Next day he suspended') leaves the name to the clause before too."""
    verb = c.root
    if verb_after_semicolon(verb):
        return True  # '...; sacked state governor', read as an adjective of its object
    if verb.pos_ != "VERB" or verb.dep_ in ("acl", "amod", "relcl", "pcomp", "pobj"):
        return False
    if any(ch.dep_ == "nsubj" and ch.lower_ in _PERSONAL for ch in verb.children):
        return True  # 'Next day he suspended his resignation': who was named before
    if any(
        (ch.dep_ in SUBJECT_DEPS and ch.i not in date_tokens) or ch.dep_ in ("expl", "auxpass")
        for ch in verb.children
    ):
        return False
    # its object may be a clause: '; 6 Nov proposed reducing KRG’s share'
    has_object = any(ch.dep_ == "dobj" or (ch.dep_ == "xcomp" and ch.tag_ == "VBG") for ch in verb.children)
    return has_object and not _inherited_subject(verb)


def _reported_passive(verb: Token, lex: Lexicon) -> bool:
    """'three soldiers reported killed', 'leader said arrested': a reporting verb whose complement is a
    passive participle; its subject underwent what is reported."""
    return verb.lemma_.lower() in lex.reporting and any(
        ch.dep_ in ("xcomp", "oprd") and ch.tag_ == "VBN" for ch in verb.children
    )


def _clipped_passive(verb: Token, lex: Lexicon) -> bool:
    """'Kadyrov assassinated 9 May', 'opposition leader arrested': a passive without its auxiliary,
    which the parse takes for an active verb with a subject. A past participle, or a killing verb,
    with no object (on it or on a verb joined to it: 'arrested and sentenced four activists') is
    such a passive. A clause the parse hangs on it across ';' or ':' is no complement of its own
    ('Attacks continued: director shot dead').
    """
    if verb.pos_ != "VERB":
        return False
    for each in (verb, *verb.conjuncts):
        if any(
            ch.dep_ in ("dobj", "auxpass", "aux", "ccomp", "xcomp") and not _across_clause_break(ch, each)
            for ch in each.children
        ):
            return False
    lemma = verb.lemma_.lower()
    return verb.tag_ == "VBN" or lemma in lex.killing or _person_held(verb, lex)


#: types whose verbs all take an object ('arrest', 'charge', 'sentence') and are done by authorities
_DONE_TO_SOMEONE = frozenset({"detention", "trial"})


def _person_held(verb: Token, lex: Lexicon) -> bool:
    """'separatist Ralph X charged with treason': a person with an arrest or trial verb that has no
    object was arrested or tried, whatever tag the parse gave its '-ed' form; authorities and courts
    ('authorities arrested and sentenced four activists') do the arresting and trying."""
    return lex.event_words.get(verb.lemma_.lower()) in _DONE_TO_SOMEONE and any(
        ch.dep_ == "nsubj" and ch.ent_type_ == "PERSON" for ch in verb.children
    )


def _with_own_subject(verb: Token) -> bool:
    """'with Putin calling for stronger ties': an absolute clause, a predication with its own subject."""
    return (
        verb.dep_ in ("pobj", "pcomp")
        and verb.head.lower_ == "with"
        and any(ch.dep_ == "nsubj" for ch in verb.children)
    )


def _put_under(noun: Token) -> bool:
    """'put under house arrest', 'came under attack': who is under it undergoes it."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "under"


def _across_clause_break(child: Token, head: Token) -> bool:
    """Does a ';' or ':' stand between a word and its head: two clauses the parse has joined?"""
    lo, hi = sorted((child.i, head.i))
    return any(t.text in (";", ":") for t in head.doc[lo + 1 : hi])


def _named_modifier(token: Token, lex: Lexicon) -> list[str]:
    """A proper name in front of a generic actor noun ('suspected JNIM fighters' -> 'JNIM'), not a word
    of a trigger ('Suicide bomber')."""
    if token.ent_type_ or not lex.collective(token) or (token.text[:1].isupper() and not token.is_sent_start):
        return []  # in a name ('Constitutional Court', 'Defence Ministry') the whole name is the actor
    runs: list[list[Token]] = []  # 'Sluha Narodu party': the words of one name side by side are one name
    for child in token.lefts:
        if (
            child.dep_ == "compound"
            and child.pos_ == "PROPN"
            and child.text[:1].isupper()
            and child.ent_type_ != "PERSON"  # 'Karzai government' is the person's side, not a group
            and not is_place(child, lex)
            and not _trigger_word(child, lex)
            and not (child.i + 1 == token.i and _part_of_title(child.doc[child.i : token.i], lex))
        ):
            words = [t for t in child.subtree if t.pos_ == "PROPN" or t.text == "-"]
            if runs and words and runs[-1][-1].i + 1 == words[0].i:
                runs[-1].extend(words)
            elif words:
                runs.append(words)
    names = [_strip_title(" ".join(t.text for t in run).replace(" - ", "-"), lex) for run in runs]
    return [n for n in names if n and n not in lex.titles]


def _perpetrators(root: Token, lex: Lexicon) -> list[Token]:
    """'bombing claimed by IS', 'attack, blamed on al-Qaeda, killed 40': who did the event named by the
    trigger's noun, or by the noun that is its subject ('bombings claimed by IS killed 40')."""
    nouns = [root, *(ch for ch in root.children if ch.dep_ == "nsubj")]
    return [
        who
        for noun in nouns
        if noun.pos_ in ("NOUN", "PROPN", "VERB")
        for cue in noun.children
        if cue.dep_ == "acl" and cue.tag_ == "VBN" and cue.lemma_.lower() in lex.perpetrator_cues
        for prep in cue.children
        if prep.dep_ in ("agent", "prep") and prep.lower_ == lex.perpetrator_cues[cue.lemma_.lower()]
        for who in prep.children
        if who.dep_ == "pobj"
    ]


def _governing_actor(verb: Token) -> list[Token]:
    """Who acts in the clause of ``verb``: the agent of a passive ('broken up by security forces'),
    else the subject of an active verb ('police dispersed rally')."""
    agents = [g for ch in verb.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"]
    return agents or [ch for ch in verb.children if ch.dep_ == "nsubj"]


def _inherited_subject(token: Token) -> list[Token]:
    """'Assailants killed soldier ...; killed five people': the second clause shares
    the first one's subject; so does a participle or infinitive of the clause
    ('Separatists crossed into West region, attacking soldiers', 'threatened to attack')."""
    current = token
    for _ in range(4):
        if current.head == current or not (
            current.dep_ == "conj" or (current.dep_ in ("advcl", "xcomp") and current.tag_ in ("VBG", "VB"))
        ):
            return []
        current = current.head
        subjects = [ch for ch in current.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []


def _actor_name(token: Token, lex: Lexicon) -> str | None:
    if token.pos_ == "PROPN" and _identity_modifier(token, lex) is not None:
        return token.text  # 'Ethnic Afar raided': a people, whatever place the NER took the name for
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        ent = _comma_free(ent_at(token), token)
        if (
            ent is not None
            and looks_like_name(ent.text)
            and ent.text not in lex.abbreviated_things
            and not (ent.label_ == "GPE" and (is_place(ent.root, lex) or titled_place(ent, lex)))
        ):
            phrase = _phrase(token, lex) if lex.collective(token) else None
            return phrase or _strip_title(ent.text, lex)
    acronym = _acronym(token) and token.text not in lex.abbreviated_things
    if token.dep_ == "amod" and token.pos_ == "ADJ" and token.lower_ in lex.generic_actors:
        return token.text  # 'military' of 'military operations'
    if (token.pos_ not in ("NOUN", "PROPN") and not acronym) or token.lemma_.lower() in lex.place_nouns:
        return None
    if token.lemma_.lower() in lex.offices:
        return _office(token, lex)
    if token.lower_ in lex.individuals:
        return None  # 'killed soldier', 'killed five people': no one named, no group (docs/CODEBOOK.md 3)
    if lex.collective(token):
        return _phrase(token, lex)
    if acronym and not token.ent_type_ and not is_place(token, lex):
        return token.text  # 'SAMIM 13 Oct freed': the small model may tag an acronym as a verb
    if (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.ent_type_
        and token.text not in lex.abbreviated_things  # 'raided HQ of party': a thing, whatever its tag
        and not is_place(token, lex)
    ):
        names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        # a number written after a name is part of it ('Fantom 509'); a count stands before its noun
        names += [t for t in token.rights if t.dep_ == "nummod" and t.i == token.i + 1 and t.text.isdigit()]
        return _strip_title(
            " ".join(t.text for t in names), lex
        )  # a name the small model missed: 'FM Colonna'
    return None


def _office(title: Token, lex: Lexicon) -> str | None:
    """'West Darfur state governor', 'chief of defence forces': an office whose proper-name modifier or
    'of' says whose it is, written without what only describes its holder ('newly re-instated');
    None for a bare 'state governor'."""
    doc = title.doc
    modifiers = [
        t
        for t in title.lefts
        if t.dep_ in ("compound", "amod", "nmod")
        and t.tag_ not in ("VBN", "VBD", "VBG")
        and t.lower_ not in lex.phrase_skip
    ]
    start = min((t.left_edge.i if t.dep_ == "compound" else t.i for t in modifiers), default=title.i)
    words = [t.text for t in doc[start : title.i + 1] if t.pos_ not in ("DET", "NUM", "PUNCT", "ADV")]
    whose = next(iter(objects_of_preps(title, ("of",))), None)
    if whose is not None:
        return " ".join([*words, "of", _phrase(whose, lex)])
    return " ".join(words) if any(w[:1].isupper() for w in words[:-1]) else None


def _comma_free(ent: Span | None, token: Token) -> Span | None:
    """'Khan, Election Commission', one entity to the small model: the part between commas that holds
    ``token``, the word the parse ties to the event."""
    if ent is None or not any(t.text == "," for t in ent):
        return ent
    start = max((t.i + 1 for t in ent if t.text == "," and t.i < token.i), default=ent.start)
    end = min((t.i for t in ent if t.text == "," and t.i > token.i), default=ent.end)
    return ent.doc[start:end]


def _acronym(token: Token) -> bool:
    """An abbreviation of a name ('SAMIM', 'ASG'): two to eight capitals, or their plural ('PMUs',
    the members of the units the entry abbreviates as PMU)."""
    text = token.text.removesuffix("s") if len(token.text) > 2 else token.text
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _phrase(token: Token, lex: Lexicon) -> str:
    """The noun with the modifiers that name it: 'unidentified assailants',
    'Karzai government', not 'four'."""
    doc = token.doc
    start = token.i
    for child in sorted(token.lefts, key=lambda t: t.i):
        if (
            child.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and child.lower_ not in lex.phrase_skip
            and not verb_after_semicolon(child)  # '; sacked cabinet': the verb, not a modifier
            and child.pos_ != "NUM"
            and not (child.dep_ == "nmod" and child.right_edge.i - child.left_edge.i > 3)
            and not (child.conjuncts and any(t.text == "," for t in child.subtree))
        ):  # a long name in front ('Group for the Support of Islam and Muslims (JNIM) militants') is apart,
            # and so is a list ('between Armenia, Azerbaijan and OSCE Minsk Group mediators')
            joined = child.dep_ == "compound" or _hyphen_joined(child)
            start = min(start, child.left_edge.i if joined else child.i)
            break
    words = [
        t
        for t in doc[start : token.i + 1]
        if t.lower_ not in lex.phrase_skip
        and t.pos_ not in ("NUM", "DET", "PUNCT", "SPACE")
        and not (t.pos_ == "ADV" and t.whitespace_)  # a masked date's stand-in; 'high-ranking' stays
        or t.text == "-"
    ]
    # written as in the text where the words stand side by side ('People’s Democratic Party', not
    # 'People ’s'), with a space where a word between was left out
    text = "".join(w.text + (w.whitespace_ if nxt.i == w.i + 1 else " ") for w, nxt in zip(words, words[1:]))
    return (text + words[-1].text).replace(" - ", "-") if words else token.text


def _hyphen_joined(modifier: Token) -> bool:
    """'Emirati-backed', 'Russian-backed': a modifier written as one word with what it depends on."""
    doc = modifier.doc
    return (
        modifier.left_edge.i < modifier.i
        and all(
            doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            for i in range(modifier.left_edge.i + 1, modifier.i)
            if not doc[i].is_alpha
        )
        and any(doc[i].text == "-" for i in range(modifier.left_edge.i, modifier.i))
    )


def _strip_title(name: str, lex: Lexicon) -> str:
    changed = True
    while changed and name.split(" ", 1)[0] in lex.title_openers:
        changed = False
        for title in lex.titles:
            if name.startswith(title + " ") and len(name) > len(title) + 1:
                name = name[len(title) + 1 :]
                changed = True
    return name.strip(" ’'s").strip() if name.endswith("’s") or name.endswith("'s") else name.strip()


def subject_tokens(root: Token) -> list[Token]:
    """The words of the subject of ``root``, or of the verb above it when it has none."""
    words: list[Token] = []
    head = root
    for _ in range(2):
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                words.extend(child.subtree)
        if words or head.head == head:
            break
        head = head.head
    return words


def subject_lemmas(root: Token) -> set[str]:
    return {t.lemma_.lower() for t in subject_tokens(root)}


def acting_lemmas(root: Token, lex: Lexicon) -> set[str]:
    """The words of who did ``root``: its active subject or the agent of its passive, not the subject
    of a passive ('demonstrators shot dead by gunmen', 'demonstrators shot dead': they underwent it)."""
    head = root
    for _ in range(2):
        passive = _clipped_passive(head, lex)
        words = [
            t
            for child in head.children
            if child.dep_ == "agent" or (child.dep_ in ("nsubj", "csubj") and not passive)
            for t in child.subtree
        ]
        if words or any(ch.dep_ == "nsubjpass" for ch in head.children) or head.head == head:
            return {t.lemma_.lower() for t in words}
        head = head.head
    return set()
