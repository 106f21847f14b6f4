"""Who acted and on whom: the arguments of a trigger and the named actors of its clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..records import unique
from .doc_index import ent_at, ents_in, in_see_reference
from .lexicon import Lexicon
from .places import is_place
from .scope import Candidate

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
_OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}


def event_actors(c: Candidate, segment: Span, lex: Lexicon) -> list[str]:
    """Who did it and to whom: subject and objects of the trigger, and the named actors of its clause.

    People, organisations and groups are kept as written, titles removed;
    generic collective actors keep their modifiers ('unidentified assailants',
    'Zintan militia'); a country name that is not a place is an actor
    ('summit between Angola, Chad and Congo').
    """
    found: list[str] = []
    groups: list[str] = []  # 'JNIM fighters', 'Wazalendo members': the group acts
    for token in _argument_tokens(c, lex):
        name = _actor_name(token, lex)
        if name:
            found.append(name)
            groups.extend(_named_modifier(token, lex))
    for ent in ents_in(segment):
        if in_see_reference(ent) or not ent.text[:1].isupper():
            continue
        if ent.label_ in ("PERSON", "ORG") or (
            ent.label_ == "NORP"
            and ent.root.pos_ in ("PROPN", "NOUN")
            and ent.root.dep_ not in ("amod", "compound")
        ):
            found.append(_strip_title(ent.text, lex))
        elif (
            ent.label_ == "GPE"
            and not is_place(ent.root, lex)
            and ent.root.dep_ not in ("amod",)
            and not (ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in lex.generic_actors)
        ):
            found.append(ent.text)
    names = (_without_months(name, lex) for name in _whole_names(unique(found)) + groups)
    return unique([n for n in names if n and _plausible_actor(n, lex)])


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
    head = words[-1].lower()
    event = head in lex.event_words or head.removesuffix("s") in lex.event_words
    if event and (len(words) == 1 or name[:1].islower()):
        return head in lex.generic_actors or head in lex.forces
    return "," not in name and len(words) <= 8


def _whole_names(names: list[str]) -> list[str]:
    """Drop a piece of a longer name found on its own: 'Constitutional' beside 'Constitutional Court'."""
    words = [tuple(n.lower().split()) for n in names]

    def inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        return len(short) < len(long) and any(
            long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)
        )

    return [n for n, w in zip(names, words) if not any(inside(w, other) for other in words)]


def apart_from_places(actors: list[str], locations: list[str]) -> list[str]:
    """Actors that are not the event's places.

    A village the small model tags as a person or organisation is found as an
    actor and as a place ('attacked administration building in Belehede'): it
    is the place.
    """
    places = {p.lower() for p in locations}
    return [a for a in actors if a.lower() not in places]


def _argument_tokens(c: Candidate, lex: Lexicon) -> list[Token]:
    """Subject (inherited over 'and'/';' when the clause has none), objects, agents,
    partners ('met with X')."""
    root = c.root
    heads = [root, *(t.root for t in c.absorbed)]
    if root.pos_ in ("NOUN", "PROPN"):
        verb = root.head.head if root.dep_ == "pobj" else root.head
        if verb.pos_ in ("VERB", "AUX"):
            heads.append(verb)
    tokens: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                tokens.append(
                    next((g for g in child.children if g.dep_ == "pobj"), child)
                    if child.dep_ == "agent"
                    else child
                )
            elif child.dep_ in _OBJECT_DEPS or (
                child.dep_ in ("compound", "poss") and head is root and root.pos_ == "NOUN"
            ):
                tokens.append(child)
                tokens.extend(
                    g for g in child.children if g.dep_ == "poss"
                )  # 'criticised federal govt's process'
            elif child.dep_ == "prep" and child.lower_ in (
                "with",
                "by",
                "against",
                "between",
                "of",
                "on",
                "to",
                "from",
            ):
                tokens.extend(g for g in child.children if g.dep_ == "pobj")
    if root.dep_ == "acl" and root.tag_ == "VBN" and root.head.pos_ in ("NOUN", "PROPN"):
        tokens.append(root.head)  # 'four soldiers killed in Aborkem': the clipped passive's subject
    if not any(t.dep_ in SUBJECT_DEPS for t in tokens):
        tokens.extend(_inherited_subject(root))
    expanded: list[Token] = []
    for token in tokens:
        expanded.append(token)
        expanded.extend(token.conjuncts)
    return expanded


def _named_modifier(token: Token, lex: Lexicon) -> list[str]:
    """A proper name in front of a generic actor noun ('suspected JNIM fighters' -> 'JNIM')."""
    if token.ent_type_ or not (
        token.lemma_.lower() in lex.generic_actors or token.lower_ in lex.generic_actors
    ):
        return []  # in a name ('Constitutional Court') the whole name is the actor
    names = []
    for child in token.lefts:
        if (
            child.dep_ == "compound"
            and child.pos_ == "PROPN"
            and child.text[:1].isupper()
            and not is_place(child, lex)
        ):
            words = [t for t in child.subtree if t.pos_ == "PROPN" or t.text == "-"]
            names.append(_strip_title(" ".join(t.text for t in words).replace(" - ", "-"), lex))
    return [n for n in names if n and n not in lex.titles]


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
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        ent = ent_at(token)
        if ent is not None and not (ent.label_ == "GPE" and is_place(ent.root, lex)):
            phrase = (
                _phrase(token, lex)
                if token.lower_ in lex.generic_actors or token.lemma_.lower() in lex.generic_actors
                else None
            )
            return phrase or _strip_title(ent.text, lex)
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in lex.place_nouns:
        return None
    if token.lower_ in lex.individuals:
        return None  # 'killed soldier', 'killed five people': no one named, no group
    if token.lemma_.lower() in lex.generic_actors or token.lower_ in lex.generic_actors:
        return _phrase(token, lex)
    if (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.ent_type_
        and not is_place(token, lex)
    ):
        names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        return _strip_title(
            " ".join(t.text for t in names), lex
        )  # a name the small model missed: 'FM Colonna'
    return None


def _phrase(token: Token, lex: Lexicon) -> str:
    """The noun with the modifiers that name it: 'unidentified assailants',
    'Karzai government', not 'four'."""
    doc = token.doc
    start = token.i
    for child in sorted(token.lefts, key=lambda t: t.i):
        if (
            child.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and child.lower_ not in lex.phrase_skip
            and child.pos_ != "NUM"
        ):
            start = min(start, child.left_edge.i if child.dep_ == "compound" else child.i)
            break
    words = [
        t
        for t in doc[start : token.i + 1]
        if t.lower_ not in lex.phrase_skip and t.pos_ not in ("NUM", "DET", "PUNCT") or t.text == "-"
    ]
    return " ".join(w.text for w in words).replace(" - ", "-") or token.text


def _strip_title(name: str, lex: Lexicon) -> str:
    changed = True
    while changed:
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
