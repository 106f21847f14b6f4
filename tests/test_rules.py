"""Single rules of pipeline.events on hand-built Docs (words, heads, deps, POS, lemmas, entities).

As in spaCy's own tests, each Doc pins the parse, so a test fails only when
the rule changes, never because the statistical parser read a sentence
differently.
"""

from __future__ import annotations

from datetime import date

import pytest
from hand_built import VOCAB, parsed, tagged
from spacy.tokens import Doc, Span

from pipeline.dates import DateMention
from pipeline.events.absorb import (
    absorb_killing_into_fighting,
    absorb_objects_of_light_verbs,
    absorb_outcomes_of_violence,
    absorb_statement_content,
)
from pipeline.events.actors import (
    AGENT,
    TARGET,
    Mention,
    _plausible_actor,
    _without_months,
    apart_from_places,
    elided_subject,
    event_actors,
)
from pipeline.events.build import _not_an_event, _refine_type
from pipeline.events.places import below_countries, event_locations, is_place
from pipeline.events.scope import Candidate, attach_dates, drop_background, tokens_of
from pipeline.nlp.trigger_ruler import SPANS_KEY


def trigger(doc: Doc, i: int, label: str) -> Candidate:
    return Candidate(Span(doc, i, i + 1, label=label), label)


def masked_date(doc: Doc, i: int, text: str, day: date, end: date | None = None) -> DateMention:
    """The date ``text`` at token ``i``, masked as an adverb ('lately') before parsing."""
    return DateMention(doc[i].idx, doc[i].idx + len(doc[i]), text, day, end or day, "range" if end else "day")


def attach_masked(doc: Doc, candidates: list[Candidate], mentions: list[DateMention], lex) -> None:
    """attach_dates on a hand-built Doc whose dates are masked_date()s."""
    attach_dates(candidates, mentions, {id(m): tokens_of(doc, m) for m in mentions}, doc[:], lex)


def test_past_perfect_is_background(lex):
    had = parsed(
        [
            ("Opposition", 2, "nsubj", "NOUN", "opposition"),
            ("had", 2, "aux", "AUX", "have"),
            ("boycotted", 2, "ROOT", "VERB", "boycott"),
            ("vote", 2, "dobj", "NOUN", "vote"),
        ]
    )
    plain = parsed(
        [
            ("Opposition", 1, "nsubj", "NOUN", "opposition"),
            ("boycotted", 1, "ROOT", "VERB", "boycott"),
            ("vote", 1, "dobj", "NOUN", "vote"),
        ]
    )
    assert drop_background([trigger(had, 2, "election")], lex) == []
    assert len(drop_background([trigger(plain, 1, "election")], lex)) == 1


def test_the_purpose_of_a_meeting_is_not_an_event(lex):
    doc = parsed(
        [
            ("PM", 1, "nsubj", "PROPN", "PM"),
            ("met", 1, "ROOT", "VERB", "meet"),
            ("rebels", 1, "dobj", "NOUN", "rebel"),
            ("to", 4, "aux", "PART", "to"),
            ("discuss", 1, "advcl", "VERB", "discuss"),
            ("ceasefire", 4, "dobj", "NOUN", "ceasefire"),
        ]
    )
    kept = drop_background([trigger(doc, 1, "summit"), trigger(doc, 5, "agreement")], lex)
    assert [c.label for c in kept] == ["summit"]


def test_what_a_noun_leaves_to_be_done_is_not_an_event(lex):
    # 'Court suspended PM, giving him 15 days to respond'
    doc = parsed(
        [
            ("Court", 1, "nsubj", "PROPN", "Court"),
            ("suspended", 1, "ROOT", "VERB", "suspend"),
            ("PM", 1, "dobj", "PROPN", "PM"),
            ("giving", 1, "advcl", "VERB", "give"),
            ("him", 3, "dative", "PRON", "he"),
            ("days", 3, "dobj", "NOUN", "day"),
            ("to", 7, "aux", "PART", "to"),
            ("respond", 5, "relcl", "VERB", "respond"),
        ]
    )
    kept = drop_background([trigger(doc, 1, "trial"), trigger(doc, 7, "statement")], lex)
    assert [c.label for c in kept] == ["trial"]
    # a verb with no 'to' under the noun is the noun's description, another rule's matter
    said = parsed(
        [
            ("Spokesman", 1, "nsubj", "NOUN", "spokesman"),
            ("responded", 1, "ROOT", "VERB", "respond"),
        ]
    )
    assert len(drop_background([trigger(said, 1, "statement")], lex)) == 1


def test_a_relative_clause_in_the_present_describes_and_is_not_an_event(lex):
    def airbase(verb: str, tag: str, head: int = 2, dep: str = "relcl") -> Doc:
        rows = [  # 'rockets hit airbase that hosts coalition'
            ("rockets", 1, "nsubj", "NOUN", "rocket"),
            ("hit", 1, "ROOT", "VERB", "hit"),
            ("airbase", 1, "dobj", "NOUN", "airbase"),
            ("that", 4, "nsubj", "PRON", "that"),
            (verb, head, dep, "VERB", "host"),
            ("coalition", 4, "dobj", "NOUN", "coalition"),
        ]
        doc = parsed(rows)
        doc[3].tag_, doc[4].tag_ = "WDT", tag
        return doc

    assert drop_background([trigger(airbase("hosts", "VBZ"), 4, "summit")], lex) == []
    assert len(drop_background([trigger(airbase("hosted", "VBD"), 4, "summit")], lex)) == 1
    # after a long noun phrase the parser may join the clause to the main verb: 'that' still says
    assert drop_background([trigger(airbase("hosts", "VBZ", head=1, dep="conj"), 4, "summit")], lex) == []


def test_the_reason_for_an_arrest_is_not_an_event(lex):
    doc = parsed(
        [
            ("Police", 1, "nsubj", "NOUN", "police"),
            ("detained", 1, "ROOT", "VERB", "detain"),
            ("activist", 1, "dobj", "NOUN", "activist"),
            ("for", 1, "prep", "ADP", "for"),
            ("calling", 3, "pcomp", "VERB", "call"),
            ("for", 4, "prep", "ADP", "for"),
            ("protests", 5, "pobj", "NOUN", "protest"),
        ]
    )
    kept = drop_background([trigger(doc, 1, "detention"), trigger(doc, 6, "protest")], lex)
    assert [c.label for c in kept] == ["detention"]


def test_a_light_verb_takes_the_type_of_its_object(lex):
    doc = parsed(
        [
            ("Govt", 1, "nsubj", "NOUN", "govt"),
            ("signed", 1, "ROOT", "VERB", "sign"),
            ("agreement", 1, "dobj", "NOUN", "agreement"),
        ]
    )
    (merged,) = absorb_objects_of_light_verbs(
        [trigger(doc, 1, "legislation"), trigger(doc, 2, "agreement")], lex
    )
    assert merged.label == "agreement" and merged.root.text == "signed"
    assert [t.text for t in merged.absorbed] == ["agreement"]


def test_deaths_in_fighting_belong_to_the_clash(lex):
    doc = parsed(
        [
            ("94", 1, "nsubjpass", "NUM", "94"),
            ("killed", 1, "ROOT", "VERB", "kill"),
            ("in", 1, "prep", "ADP", "in"),
            ("fighting", 2, "pobj", "NOUN", "fighting"),
        ]
    )
    (clash,) = absorb_killing_into_fighting([trigger(doc, 1, "attack"), trigger(doc, 3, "armed_clash")], lex)
    assert clash.label == "armed_clash" and [t.text for t in clash.absorbed] == ["killed"]


def test_deaths_apart_from_fighting_stay_an_attack(lex):
    doc = parsed(
        [
            ("Gunmen", 1, "nsubj", "NOUN", "gunman"),
            ("killed", 1, "ROOT", "VERB", "kill"),
            ("farmers", 1, "dobj", "NOUN", "farmer"),
        ]
    )
    kept = absorb_killing_into_fighting([trigger(doc, 1, "attack")], lex)
    assert [c.label for c in kept] == ["attack"]


def test_actors_are_named_without_their_titles(lex):
    doc = parsed(
        [
            ("President", 1, "compound", "PROPN", "President"),
            ("Goïta", 2, "nsubj", "PROPN", "Goïta"),
            ("met", 2, "ROOT", "VERB", "meet"),
            ("FM", 4, "compound", "PROPN", "FM"),
            ("Colonna", 2, "dobj", "PROPN", "Colonna"),
        ],
        ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"],
    )
    found = event_actors(trigger(doc, 2, "summit"), doc[:], lex, "summit")
    assert [(m.name, m.written, m.role) for m in found] == [
        ("Goïta", "President Goïta", AGENT),
        ("Colonna", "FM Colonna", TARGET),
    ]


@pytest.mark.parametrize(
    ("head", "names"),
    [("Ministry", ["Defence Ministry"]), ("ministry", ["Defence ministry", "Defence"])],
)
def test_a_name_before_a_capitalised_actor_noun_is_part_of_one_name(lex, head, names):
    # 'Defence Ministry 10 March said' is one name; before a generic noun the name is a group of its own
    doc = parsed(
        [
            ("Later", 3, "advmod", "ADV", "later"),
            ("Defence", 2, "compound", "PROPN", "Defence"),
            (head, 3, "nsubj", "PROPN" if head[0].isupper() else "NOUN", "ministry"),
            ("said", 3, "ROOT", "VERB", "say"),
        ]
    )
    found = event_actors(trigger(doc, 3, "statement"), doc[:], lex, "statement")
    assert [m.name for m in found] == names


def test_an_unnamed_individual_is_no_actor_but_a_group_is(lex):
    doc = parsed(
        [
            ("Gunmen", 1, "nsubj", "NOUN", "gunman"),
            ("killed", 1, "ROOT", "VERB", "kill"),
            ("teacher", 1, "dobj", "NOUN", "teacher"),
            ("and", 2, "cc", "CCONJ", "and"),
            ("farmers", 2, "conj", "NOUN", "farmer"),
        ]
    )
    found = event_actors(trigger(doc, 1, "attack"), doc[:], lex, "attack")
    assert [(m.name, m.role) for m in found] == [("Gunmen", AGENT), ("farmers", TARGET)]


def _report(verb_rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    return tagged(
        [("Residents", 1, "nsubj", "NOUN", "NNS", "resident"), ("said", 1, "ROOT", "VERB", "VBD", "say")]
        + verb_rows
    )


def test_a_reported_incident_takes_its_type_and_its_own_subject(lex):
    doc = _report(
        [
            ("rebels", 3, "nsubj", "NOUN", "NNS", "rebel"),
            ("attacked", 1, "ccomp", "VERB", "VBD", "attack"),
            ("town", 3, "dobj", "NOUN", "NN", "town"),
        ]
    )
    (report,) = absorb_statement_content([trigger(doc, 1, "statement"), trigger(doc, 3, "attack")], lex)
    assert report.label == "attack" and report.reported.text == "attacked"
    assert _refine_type(report, lex) == "attack"  # the residents spoke; the rebels attacked: no riot


def test_a_claim_in_the_progressive_or_a_forecast_stays_a_statement(lex):
    ongoing = _report(
        [
            ("army", 4, "nsubj", "NOUN", "NN", "army"),
            ("was", 4, "aux", "AUX", "VBD", "be"),
            ("detaining", 1, "ccomp", "VERB", "VBG", "detain"),
            ("civilians", 4, "dobj", "NOUN", "NNS", "civilian"),
        ]
    )
    forecast = _report(
        [
            ("rebels", 4, "nsubj", "NOUN", "NNS", "rebel"),
            ("would", 4, "aux", "AUX", "MD", "would"),
            ("attack", 1, "ccomp", "VERB", "VB", "attack"),
        ]
    )
    for doc, label in ((ongoing, "detention"), (forecast, "attack")):
        (said,) = absorb_statement_content([trigger(doc, 1, "statement"), trigger(doc, 4, label)], lex)
        assert said.label == "statement" and said.reported is None


def test_an_object_or_a_bare_verb_is_told_in_the_tense_of_the_verb_it_hangs_on(lex):
    planned = _report(
        [
            ("party", 4, "nsubj", "NOUN", "NN", "party"),
            ("would", 4, "aux", "AUX", "MD", "would"),
            ("hold", 1, "ccomp", "VERB", "VB", "hold"),
            ("referendum", 4, "dobj", "NOUN", "NN", "referendum"),
            ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("continue", 4, "conj", "VERB", "VB", "continue"),
            ("fight", 7, "xcomp", "VERB", "VB", "fight"),
        ]
    )
    for i, label in ((5, "election"), (8, "armed_clash")):
        (said,) = absorb_statement_content(
            [trigger(planned, 1, "statement"), trigger(planned, i, label)], lex
        )
        assert said.label == "statement" and said.reported is None
    done = _report(
        [
            ("rebels", 3, "nsubj", "NOUN", "NNS", "rebel"),
            ("attacked", 1, "ccomp", "VERB", "VBD", "attack"),
            ("town", 3, "dobj", "NOUN", "NN", "town"),
            ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("burned", 3, "conj", "VERB", "VBD", "burn"),
            ("homes", 6, "dobj", "NOUN", "NNS", "home"),
        ]
    )
    (report,) = absorb_statement_content([trigger(done, 1, "statement"), trigger(done, 6, "attack")], lex)
    assert report.label == "attack"  # a verb in the past has a tense of its own


def _possessed(owner: str, label: str, noun: str) -> Doc:
    """'<owner> ’s <noun>' as the object of a preposition."""
    return tagged(
        [
            ("of", 0, "ROOT", "ADP", "IN", "of"),
            (owner, 3, "poss", "PROPN", "NNP", owner),
            ("’s", 1, "case", "PART", "POS", "’s"),
            (noun, 0, "pobj", "NOUN", "NN", noun),
        ],
        ents=["O", f"B-{label}", "O", "O"],
    )


@pytest.mark.parametrize(
    "owner, label, noun, place",
    [
        ("Tsikhanouskaya", "PERSON", "return", False),
        ("Almaty", "GPE", "airport", True),
        ("Xburg", "PERSON", "airport", True),  # before a place noun, whatever the tag
        ("Prayuth", "GPE", "government", False),  # owning a collective actor: whose, not where
    ],
)
def test_a_possessor_is_a_place_only_as_a_place_name_or_before_a_place_noun(lex, owner, label, noun, place):
    assert is_place(_possessed(owner, label, noun)[1], lex) is place


def test_a_name_before_a_place_noun_and_a_noun_is_a_place_but_not_before_a_titled_name(lex):
    court = tagged(
        [
            ("Xburg", 2, "compound", "PROPN", "NNP", "Xburg"),
            ("city", 2, "compound", "NOUN", "NN", "city"),
            ("court", 2, "ROOT", "NOUN", "NN", "court"),
        ],
        ents=["B-GPE", "O", "O"],
    )
    envoy = tagged(
        [
            ("U.S.", 3, "compound", "PROPN", "NNP", "U.S."),
            ("Sec", 2, "compound", "PROPN", "NNP", "Sec"),
            ("State", 3, "compound", "PROPN", "NNP", "State"),
            ("Rice", 3, "ROOT", "PROPN", "NNP", "Rice"),
        ],
        ents=["B-ORG", "I-ORG", "I-ORG", "B-PERSON"],
    )
    assert is_place(court[0], lex)
    assert not is_place(envoy[0], lex)
    assert event_locations(envoy[:], frozenset(), lex) == []


@pytest.mark.parametrize(
    "verb, lemma, prep, place",
    [
        ("called", "call", "on", False),  # the statement trigger 'call on': whom it is made to
        ("complained", "complain", "to", False),  # a statement verb's addressee
        ("returned", "return", "to", True),  # a trip's end is a place
        ("spoke", "speak", "in", True),  # where a statement was made
    ],
)
def test_whom_a_statement_is_made_to_is_no_place(lex, verb, lemma, prep, place):
    doc = tagged(
        [
            ("Govt", 1, "nsubj", "NOUN", "NN", "govt"),
            (verb, 1, "ROOT", "VERB", "VBD", lemma),
            (prep, 1, "prep", "ADP", "IN", prep),
            ("Armenia", 2, "pobj", "PROPN", "NNP", "Armenia"),
        ],
        ents=["O", "O", "O", "B-GPE"],
    )
    assert is_place(doc[3], lex) is place


@pytest.mark.parametrize("name, places", [("Luanda", ["Luanda"]), ("Angolan", [])])
def test_a_demonym_says_whose_never_where(lex, name, places):
    # the small model tags 'Angolan' (of 'Angolan President') as a place now and then
    doc = tagged(
        [("visited", 0, "ROOT", "VERB", "VBD", "visit"), (name, 0, "dobj", "PROPN", "NNP", name)],
        ents=["O", "B-GPE"],
    )
    assert event_locations(doc[:], frozenset(), lex) == places


@pytest.mark.parametrize("body", ["Board", "Inspectorate"])
def test_a_name_ending_in_a_body_noun_is_no_place(lex, body):
    doc = tagged(
        [
            ("protested", 0, "ROOT", "VERB", "VBD", "protest"),
            ("at", 0, "prep", "ADP", "IN", "at"),
            ("Xland", 4, "compound", "PROPN", "NNP", "Xland"),
            ("Police", 4, "compound", "PROPN", "NNP", "Police"),
            (body, 1, "pobj", "PROPN", "NNP", body),
        ],
        ents=["O", "O", "B-ORG", "I-ORG", "I-ORG"],
    )
    assert event_locations(doc[:], frozenset(), lex) == []


def test_months_events_and_run_on_fragments_are_no_actors(lex):
    assert not _plausible_actor("Bosso department", lex)  # a place, named by its lower-case noun
    assert not _plausible_actor("Several", lex)  # a count, no one named
    assert _plausible_actor("Islamic State", lex)
    assert _without_months("Touadéra’s Feb", lex) == "Touadéra"
    assert _without_months("Oct/Nov", lex) == ""
    assert _without_months("Theresa May", lex) == "Theresa May"  # 'May' is also a name
    assert not _plausible_actor("Summit", lex) and not _plausible_actor("lorry bombings", lex)
    assert not _plausible_actor("Khan, Election Commission", lex)
    assert _plausible_actor("Islamic State", lex) and _plausible_actor("security forces", lex)


def test_an_agreement_named_by_its_year_is_referred_to_not_made(lex):
    revived = tagged(
        [
            ("leaders", 1, "nsubj", "NOUN", "NNS", "leader"),
            ("committed", 1, "ROOT", "VERB", "VBD", "commit"),
            ("to", 1, "prep", "ADP", "IN", "to"),
            ("reviving", 2, "pcomp", "VERB", "VBG", "revive"),
            ("2015", 5, "nummod", "NUM", "CD", "2015"),
            ("deal", 3, "dobj", "NOUN", "NN", "deal"),
        ]
    )
    signed = tagged(
        [
            ("sides", 1, "nsubj", "NOUN", "NNS", "side"),
            ("signed", 1, "ROOT", "VERB", "VBD", "sign"),
            ("deal", 1, "dobj", "NOUN", "NN", "deal"),
        ]
    )
    assert drop_background([trigger(revived, 5, "agreement")], lex) == []
    assert len(drop_background([trigger(signed, 2, "agreement")], lex)) == 1


def test_a_participle_of_another_event_is_its_demand_not_a_statement(lex):
    protest = tagged(
        [
            ("protests", 1, "nsubj", "NOUN", "NNS", "protest"),
            ("resumed", 1, "ROOT", "VERB", "VBD", "resume"),
            ("demanding", 1, "advcl", "VERB", "VBG", "demand"),
            ("dismissal", 2, "dobj", "NOUN", "NN", "dismissal"),
        ]
    )
    address = tagged(
        [
            ("Pope", 1, "nsubj", "PROPN", "NNP", "Pope"),
            ("made", 1, "ROOT", "VERB", "VBD", "make"),
            ("address", 1, "dobj", "NOUN", "NN", "address"),
            ("urging", 1, "advcl", "VERB", "VBG", "urge"),
            ("calm", 3, "dobj", "NOUN", "NN", "calm"),
        ]
    )
    kept = drop_background([trigger(protest, 0, "protest"), trigger(protest, 2, "statement")], lex)
    assert [c.label for c in kept] == ["protest"]
    assert [c.label for c in drop_background([trigger(address, 3, "statement")], lex)] == ["statement"]


def test_a_country_is_the_place_only_when_nothing_below_it_is_named():
    countries = {"Iraq": "IRQ", "Armenia": "ARM", "Azerbaijan": "AZE"}
    assert below_countries(["Iraq", "Baghdad"], countries.get) == ["Baghdad"]
    assert below_countries(["Armenia", "Azerbaijan"], countries.get) == ["Armenia", "Azerbaijan"]
    assert below_countries([], countries.get) == []


def test_the_place_a_visit_goes_to_is_its_place(lex):
    doc = tagged(
        [
            ("FM", 1, "nsubj", "PROPN", "NNP", "FM"),
            ("visited", 1, "ROOT", "VERB", "VBD", "visit"),
            ("Bamako", 1, "dobj", "PROPN", "NNP", "Bamako"),
        ],
        ents=["O", "O", "B-GPE"],
    )
    condemned = tagged(
        [
            ("FM", 1, "nsubj", "PROPN", "NNP", "FM"),
            ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
            ("Russia", 1, "dobj", "PROPN", "NNP", "Russia"),
        ],
        ents=["O", "O", "B-GPE"],
    )
    assert is_place(doc[2], lex)
    assert not is_place(condemned[2], lex)  # a state acted on is an actor, not a place


def test_the_territory_retaken_is_a_place_whatever_the_ner_said(lex):
    def taken(verb: str, lemma: str) -> Doc:  # 'Army retook Qaim', the small model calling it a person
        return tagged(
            [
                ("Army", 1, "nsubj", "PROPN", "NNP", "Army"),
                (verb, 1, "ROOT", "VERB", "VBD", lemma),
                ("Qaim", 1, "dobj", "PROPN", "NNP", "Qaim"),
            ],
            ents=["O", "O", "B-PERSON"],
        )

    assert is_place(taken("retook", "retake")[2], lex)
    assert not is_place(taken("captured", "capture")[2], lex)  # capturing may take a person


def test_a_city_before_a_court_is_where_it_sat_but_not_before_a_force(lex):
    court = tagged(
        [
            ("Yangon", 1, "compound", "PROPN", "NNP", "Yangon"),
            ("court", 2, "nsubj", "NOUN", "NN", "court"),
            ("sentenced", 2, "ROOT", "VERB", "VBD", "sentence"),
        ],
        ents=["B-GPE", "O", "O"],
    )
    militia = tagged(
        [
            ("Zintan", 1, "compound", "PROPN", "NNP", "Zintan"),
            ("militia", 2, "nsubj", "NOUN", "NN", "militia"),
            ("attacked", 2, "ROOT", "VERB", "VBD", "attack"),
        ],
        ents=["B-GPE", "O", "O"],
    )
    assert is_place(court[0], lex)
    assert not is_place(militia[0], lex)


def test_a_place_name_may_open_with_the_arabic_article_and_name_a_site(lex):
    doc = tagged(
        [
            ("protests", 1, "nsubj", "NOUN", "NNS", "protest"),
            ("resumed", 1, "ROOT", "VERB", "VBD", "resume"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("al", 5, "compound", "PROPN", "NNP", "al"),
            ("-", 5, "punct", "PUNCT", "HYPH", "-"),
            ("Muthanna", 6, "compound", "PROPN", "NNP", "Muthanna"),
            ("governorate", 2, "pobj", "NOUN", "NN", "governorate"),
            ("and", 1, "cc", "CCONJ", "CC", "and"),
            ("burned", 1, "conj", "VERB", "VBD", "burn"),
            ("Delmas", 11, "compound", "PROPN", "NNP", "Delmas"),
            ("police", 11, "compound", "NOUN", "NN", "police"),
            ("station", 8, "dobj", "NOUN", "NN", "station"),
        ],
        ents=["O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "O", "O", "O", "O", "O"],
        glued=(3, 4),  # 'al-Muthanna'
    )
    assert event_locations(doc[:], frozenset(), lex) == ["al-Muthanna", "Delmas"]


def test_participles_share_the_clause_subject_and_a_clipped_passive_names_its_victims(lex):
    crossed = tagged(
        [
            ("Separatists", 1, "nsubj", "NOUN", "NNS", "separatist"),
            ("crossed", 1, "ROOT", "VERB", "VBD", "cross"),
            ("into", 1, "prep", "ADP", "IN", "into"),
            ("town", 2, "pobj", "NOUN", "NN", "town"),
            ("attacking", 1, "advcl", "VERB", "VBG", "attack"),
            ("soldiers", 4, "dobj", "NOUN", "NNS", "soldier"),
        ]
    )
    killed = tagged(
        [
            ("four", 1, "nummod", "NUM", "CD", "four"),
            ("soldiers", 1, "ROOT", "NOUN", "NNS", "soldier"),
            ("killed", 1, "acl", "VERB", "VBN", "kill"),
            ("in", 2, "prep", "ADP", "IN", "in"),
            ("Aborkem", 3, "pobj", "PROPN", "NNP", "Aborkem"),
        ]
    )
    found = event_actors(trigger(crossed, 4, "attack"), crossed[:], lex, "attack")
    assert [(m.name, m.role) for m in found] == [("soldiers", TARGET), ("Separatists", AGENT)]
    found = event_actors(trigger(killed, 2, "attack"), killed[:], lex, "attack")
    assert [(m.name, m.role) for m in found] == [("soldiers", TARGET)]


def test_a_clause_the_parse_hangs_across_a_semicolon_leaves_a_clipped_passive_passive(lex):
    # 'talks stalled; guards also killed in Zabul': the parse makes 'stalled' a complement of 'killed'
    doc = tagged(
        [
            ("talks", 1, "nsubj", "NOUN", "NNS", "talk"),
            ("stalled", 5, "ccomp", "VERB", "VBD", "stall"),
            (";", 5, "punct", "PUNCT", ":", ";"),
            ("guards", 5, "nsubj", "NOUN", "NNS", "guard"),
            ("also", 5, "advmod", "ADV", "RB", "also"),
            ("killed", 5, "ROOT", "VERB", "VBD", "kill"),
            ("in", 5, "prep", "ADP", "IN", "in"),
            ("Zabul", 6, "pobj", "PROPN", "NNP", "Zabul"),
        ]
    )
    found = event_actors(trigger(doc, 5, "attack"), doc[3:], lex, "attack")
    assert [(m.name, m.role) for m in found] == [("guards", TARGET)]


def test_a_person_with_an_arrest_or_trial_verb_and_no_object_underwent_it(lex):
    def charged(subject: str, ent: str) -> Doc:
        return tagged(
            [
                (subject, 1, "nsubj", "PROPN", "NNP", subject),
                ("charged", 1, "ROOT", "VERB", "VBD", "charge"),  # the parse's tag for the '-ed' form
                ("with", 1, "prep", "ADP", "IN", "with"),
                ("treason", 2, "pobj", "NOUN", "NN", "treason"),
            ],
            ents=[ent, "O", "O", "O"],
        )

    person, body = charged("Okoro", "B-PERSON"), charged("Authorities", "O")
    assert [(m.name, m.role) for m in event_actors(trigger(person, 1, "trial"), person[:], lex, "trial")] == [
        ("Okoro", TARGET)
    ]
    assert [(m.name, m.role) for m in event_actors(trigger(body, 1, "trial"), body[:], lex, "trial")] == [
        ("Authorities", AGENT)
    ]


def test_a_clipped_passive_after_a_fronted_adverbial_is_an_event(lex):
    doc = tagged(
        [
            ("In", 5, "prep", "ADP", "IN", "in"),
            ("north", 0, "pobj", "NOUN", "NN", "north"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("one", 4, "nummod", "NUM", "CD", "one"),
            ("gendarme", 4, "ROOT", "NOUN", "NN", "gendarme"),
            ("killed", 4, "acl", "VERB", "VBN", "kill"),
            ("in", 5, "prep", "ADP", "IN", "in"),
            ("Jakiri", 6, "pobj", "PROPN", "NNP", "Jakiri"),
        ]
    )
    described = tagged(
        [
            ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
            ("detained", 1, "ROOT", "VERB", "VBD", "detain"),
            ("men", 1, "dobj", "NOUN", "NNS", "man"),
            ("killed", 2, "acl", "VERB", "VBN", "kill"),
            ("in", 3, "prep", "ADP", "IN", "in"),
            ("Jakiri", 4, "pobj", "PROPN", "NNP", "Jakiri"),
        ]
    )
    assert [c.label for c in drop_background([trigger(doc, 5, "attack")], lex)] == ["attack"]
    assert drop_background([trigger(described, 3, "attack")], lex) == []  # a description, not a clause


def test_a_boycott_is_an_election_event_only_when_a_vote_is_boycotted(lex):
    def boycott(thing: str) -> str:
        doc = tagged(
            [
                ("Opposition", 1, "nsubj", "NOUN", "NN", "opposition"),
                ("boycotted", 1, "ROOT", "VERB", "VBD", "boycott"),
                (thing, 1, "dobj", "NOUN", "NN", thing),
            ]
        )
        return _refine_type(trigger(doc, 1, "election"), lex)

    assert boycott("referendum") == "election"
    assert boycott("session") == "protest"


def test_an_event_that_is_the_subject_of_another_events_verb_shares_its_date(lex):
    doc = tagged(
        [
            ("Clashes", 2, "nsubj", "NOUN", "NNS", "clash"),
            ("lately", 2, "npadvmod", "NOUN", "NN", "lately"),
            ("displaced", 2, "ROOT", "VERB", "VBD", "displace"),
            ("villagers", 2, "dobj", "NOUN", "NNS", "villager"),
        ]
    )
    mention = masked_date(doc, 1, "10 Aug", date(2013, 8, 10))
    clash, displaced = trigger(doc, 0, "armed_clash"), trigger(doc, 2, "displacement")
    attach_masked(doc, [clash, displaced], [mention], lex)
    assert displaced.owned and displaced.mention is mention
    assert clash.mention is mention and not clash.owned


def test_a_report_of_deaths_in_clashes_is_a_clash_and_a_foiled_plot_a_statement(lex):
    clashes = tagged(
        [
            ("Azerbaijan", 1, "nsubj", "PROPN", "NNP", "Azerbaijan"),
            ("reported", 1, "ROOT", "VERB", "VBD", "report"),
            ("soldiers", 1, "dobj", "NOUN", "NNS", "soldier"),
            ("killed", 2, "acl", "VERB", "VBN", "kill"),
            ("during", 3, "prep", "ADP", "IN", "during"),
            ("clashes", 4, "pobj", "NOUN", "NNS", "clash"),
        ]
    )
    candidates = [
        trigger(clashes, 1, "statement"),
        trigger(clashes, 3, "attack"),
        trigger(clashes, 5, "armed_clash"),
    ]
    (report,) = absorb_statement_content(absorb_killing_into_fighting(candidates, lex), lex)
    assert report.label == "armed_clash"
    plot = tagged(
        [
            ("Minister", 1, "nsubj", "PROPN", "NNP", "Minister"),
            ("claimed", 1, "ROOT", "VERB", "VBD", "claim"),
            ("plot", 5, "nsubj", "NOUN", "NN", "plot"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("kill", 2, "acl", "VERB", "VB", "kill"),
            ("foiled", 1, "ccomp", "VERB", "VBN", "foil"),
        ]
    )
    (claim,) = absorb_statement_content([trigger(plot, 1, "statement"), trigger(plot, 4, "attack")], lex)
    assert claim.label == "statement"


def test_an_election_is_one_event_a_day_in_its_sentence_other_types_one_a_clause():
    from pipeline.events.build import _merge
    from pipeline.records import Event

    text = "PNU won 2 seats in 11 June by-elections; polls peaceful but marred by rigging; clashes 11 June"
    day = date(2008, 6, 11)

    def event(kind: str, start: int, end: int) -> Event:
        return Event("e", kind, day, day, "day", "11 June", text[start:end], start, end, "t")

    merged = _merge(
        [
            ((0, 39), event("election", 0, 39), False),
            ((40, 77), event("election", 41, 77), False),
            ((0, 39), event("armed_clash", 0, 39), False),
            ((78, 95), event("armed_clash", 79, 95), False),
        ],
        text,
    )
    assert [e.event_type for e in merged] == ["election", "armed_clash", "armed_clash"]
    assert merged[0].evidence == text[0:77]
    # the clashes told again in the next clause ('clashes left 5 dead') are the same event
    (_, again) = _merge(
        [
            ((0, 39), event("election", 0, 39), False),
            ((0, 39), event("armed_clash", 0, 39), False),
            ((78, 95), event("armed_clash", 79, 95), True),
        ],
        text,
    )
    assert again.evidence == text[0:95]


def test_two_tellings_merged_keep_a_side_and_its_type_together():
    from pipeline.events.build import _merge
    from pipeline.records import Event

    text = "Xan released 10 Oct and put under house arrest"
    day = date(2017, 10, 10)
    released = Event("e", "detention", day, day, "day", "10 Oct", text[:21], 0, 21, "released")
    released.actor1, released.actor1_type = ["Xan"], 6
    arrest = Event("e", "detention", day, day, "day", "10 Oct", text[22:], 22, len(text), "arrest")
    arrest.actor2, arrest.actor2_type, arrest.actor2_name = ["Xan"], 6, "Xan"
    (merged,) = _merge([((0, len(text)), released, False), ((0, len(text)), arrest, False)], text)
    assert merged.actor1 == ["Xan"] and merged.actor2 == []
    assert merged.actor2_type is None and merged.actor2_name is None  # no interaction with nobody


def test_an_election_told_in_the_summary_and_again_in_the_paragraph_is_one_event():
    from pipeline.events.build import one_vote_a_day
    from pipeline.records import Event

    day = date(2019, 7, 21)

    def event(kind: str, start: int, places: list[str], precision: str = "day") -> Event:
        ev = Event("e", kind, day, day, precision, "21 July", "...", start, start + 3, "t")
        ev.locations = places
        return ev

    summary, paragraph = event("election", 0, []), event("election", 900, [])
    clash = event("armed_clash", 400, [])
    assert one_vote_a_day([summary, clash, paragraph]) == [clash, paragraph]
    # by-elections at two places on one day are two votes
    here, there = event("election", 0, ["Xtown"]), event("election", 500, ["Yville"])
    assert one_vote_a_day([here, there]) == [here, there]
    month = [event("election", 0, [], "month"), event("election", 300, [], "month")]
    assert one_vote_a_day(month) == month


def test_violent_protests_are_a_riot(lex):
    doc = tagged(
        [
            ("supporters", 1, "nsubj", "NOUN", "NNS", "supporter"),
            ("held", 1, "ROOT", "VERB", "VBD", "hold"),
            ("violent", 3, "amod", "ADJ", "JJ", "violent"),
            ("protests", 1, "dobj", "NOUN", "NNS", "protest"),
        ]
    )
    (held,) = absorb_objects_of_light_verbs([trigger(doc, 1, "summit"), trigger(doc, 3, "protest")], lex)
    assert held.label == "protest" and _refine_type(held, lex) == "riot"


def test_a_leader_returning_is_a_visit_and_refugees_returning_are_displacement(lex):
    def returned(subject: tuple, ent: str) -> str:
        doc = parsed(
            [
                subject,
                ("returned", 1, "ROOT", "VERB", "return"),
                ("to", 1, "prep", "ADP", "to"),
                ("Beirut", 2, "pobj", "PROPN", "Beirut"),
            ],
            ents=[ent, "O", "O", "B-GPE"],
        )
        return _refine_type(Candidate(Span(doc, 1, 3, label="displacement"), "displacement"), lex)

    assert returned(("Hariri", 1, "nsubj", "PROPN", "Hariri"), "B-PERSON") == "summit"
    assert returned(("refugees", 1, "nsubj", "NOUN", "refugee"), "O") == "displacement"
    assert returned(("troops", 1, "nsubj", "NOUN", "troop"), "O") == "military"


def test_a_vote_of_a_legislature_is_legislation_not_an_election(lex):
    def vote(voter: tuple, ent: str) -> str:
        doc = parsed(
            [voter, ("vote", 1, "ROOT", "VERB", "vote")],
            ents=[ent, "O"],
        )
        return _refine_type(trigger(doc, 1, "election"), lex)

    assert vote(("Congress", 1, "compound", "PROPN", "Congress"), "B-ORG") == "legislation"
    assert vote(("Kazakhs", 1, "nsubj", "PROPN", "Kazakhs"), "B-NORP") == "election"


def test_a_statement_that_finds_someone_guilty_is_a_verdict(lex):
    doc = parsed(
        [
            ("Commission", 1, "nsubj", "PROPN", "Commission"),
            ("ruled", 1, "ROOT", "VERB", "rule"),
            ("PM", 4, "nsubj", "PROPN", "PM"),
            ("was", 4, "auxpass", "AUX", "be"),
            ("guilty", 1, "ccomp", "ADJ", "guilty"),
        ]
    )
    assert _refine_type(trigger(doc, 1, "statement"), lex) == "trial"


def test_a_noun_trigger_that_only_modifies_the_next_noun_is_no_event(lex):
    from pipeline.events.build import _not_an_event

    doc = parsed(
        [
            ("law", 1, "compound", "NOUN", "law"),
            ("professors", 2, "nsubj", "NOUN", "professor"),
            ("wrote", 2, "ROOT", "VERB", "write"),
            ("law", 2, "dobj", "NOUN", "law"),
        ]
    )
    assert _not_an_event(Span(doc, 0, 1, label="legislation"), lex) == "modifier of a noun"
    assert _not_an_event(Span(doc, 3, 4, label="legislation"), lex) is None

    # 'election-monitoring group': one word with a hyphen; 'election - monitoring group' is a dash
    def written(glued: bool, heads: list[int], deps: list[str]) -> Doc:
        return Doc(
            VOCAB,
            words=["suspended", "election", "-", "monitoring", "group"],
            spaces=[True, not glued, not glued, True, False],
            heads=heads,
            deps=deps,
            pos=["VERB", "NOUN", "PUNCT", "VERB", "NOUN"],
            lemmas=["suspend", "election", "-", "monitor", "group"],
        )

    hyphened = written(True, [0, 3, 3, 4, 0], ["ROOT", "npadvmod", "punct", "amod", "dobj"])
    dashed = written(False, [0, 0, 1, 4, 1], ["ROOT", "dobj", "punct", "amod", "appos"])
    assert _not_an_event(Span(hyphened, 1, 2, label="election"), lex) == "modifier of a noun"
    assert _not_an_event(Span(dashed, 1, 2, label="election"), lex) is None


def test_a_place_name_before_a_noun_of_violence_is_where_it_happened_not_an_acting_state(lex):
    explosion = tagged(
        [
            ("sparked", 0, "ROOT", "VERB", "VBN", "spark"),
            ("by", 0, "agent", "ADP", "IN", "by"),
            ("Gaza", 3, "compound", "PROPN", "NNP", "Gaza"),
            ("explosion", 1, "pobj", "NOUN", "NN", "explosion"),
        ],
        ents=["O", "O", "B-LOC", "O"],
    )
    strike = tagged(
        [
            ("U.S.", 2, "compound", "PROPN", "NNP", "U.S."),
            ("drone", 2, "compound", "NOUN", "NN", "drone"),
            ("strike", 3, "nsubj", "NOUN", "NN", "strike"),
            ("killed", 3, "ROOT", "VERB", "VBD", "kill"),
        ],
        ents=["B-GPE", "O", "O", "O"],
    )
    gang = tagged(
        [
            ("Bwadom", 2, "compound", "PROPN", "NNP", "Bwadom"),
            ("gang", 2, "compound", "NOUN", "NN", "gang"),
            ("attacks", 3, "nsubj", "NOUN", "NNS", "attack"),
            ("killed", 3, "ROOT", "VERB", "VBD", "kill"),
        ],
        ents=["B-GPE", "O", "O", "O"],
    )
    assert is_place(explosion[2], lex)
    assert not is_place(strike[0], lex)  # an abbreviated state in front of a strike carried it out
    assert not is_place(gang[0], lex)  # a name in front of an actor noun names the actor


def test_the_name_a_place_noun_gives_is_a_place_whatever_the_ner_said(lex):
    doc = tagged(
        [
            ("killed", 0, "ROOT", "VERB", "VBD", "kill"),
            ("people", 0, "dobj", "NOUN", "NNS", "people"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("city", 2, "pobj", "NOUN", "NN", "city"),
            ("of", 3, "prep", "ADP", "IN", "of"),
            ("Tuz", 6, "compound", "PROPN", "NNP", "Tuz"),
            ("Khormato", 4, "pobj", "PROPN", "NNP", "Khormato"),
        ],
        ents=["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON"],
    )
    assert event_locations(doc[:], frozenset(), lex) == ["Tuz Khormato"]


def test_capitals_in_brackets_abbreviate_the_name_before_them_and_are_no_place(lex):
    # 'Mission in Mozambique (SAMIM) announced': the parse puts SAMIM beside Mozambique
    doc = tagged(
        [
            ("Mission", 6, "nsubj", "PROPN", "NNP", "Mission"),
            ("in", 0, "prep", "ADP", "IN", "in"),
            ("Mozambique", 1, "pobj", "PROPN", "NNP", "Mozambique"),
            ("(", 4, "punct", "PUNCT", "-LRB-", "("),
            ("SAMIM", 2, "appos", "PROPN", "NNP", "SAMIM"),
            (")", 4, "punct", "PUNCT", "-RRB-", ")"),
            ("announced", 6, "ROOT", "VERB", "VBD", "announce"),
        ],
        ents=["O", "O", "B-GPE", "O", "O", "O", "O"],
    )
    assert "SAMIM" not in event_locations(doc[:], frozenset(), lex)


def test_a_place_name_runs_on_over_the_words_the_ner_left_out(lex):
    # 'raided camp in Wadi Kuru locality': the NER tagged 'Wadi' alone
    doc = tagged(
        [
            ("raided", 0, "ROOT", "VERB", "VBD", "raid"),
            ("camp", 0, "dobj", "NOUN", "NN", "camp"),
            ("in", 0, "prep", "ADP", "IN", "in"),
            ("Wadi", 4, "compound", "PROPN", "NNP", "Wadi"),
            ("Kuru", 5, "compound", "PROPN", "NNP", "Kuru"),
            ("locality", 2, "pobj", "NOUN", "NN", "locality"),
        ],
        ents=["O", "O", "O", "B-GPE", "O", "O"],
    )
    assert is_place(doc[3], lex)
    assert event_locations(doc[:], frozenset(), lex) == ["Wadi Kuru"]


def test_the_killing_a_participle_adds_to_an_attack_is_its_outcome_and_names_its_victims(lex):
    doc = tagged(
        [
            ("militants", 1, "nsubj", "NOUN", "NNS", "militant"),
            ("continued", 1, "ROOT", "VERB", "VBD", "continue"),
            ("attacks", 1, "dobj", "NOUN", "NNS", "attack"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("killing", 2, "acl", "VERB", "VBG", "kill"),
            ("civilians", 4, "dobj", "NOUN", "NNS", "civilian"),
        ]
    )
    (attack,) = absorb_outcomes_of_violence([trigger(doc, 2, "attack"), trigger(doc, 4, "attack")], lex)
    assert attack.root.text == "attacks" and [t.text for t in attack.absorbed] == ["killing"]
    found = event_actors(attack, doc[:], lex, "attack")
    assert ("civilians", TARGET) in [(m.name, m.role) for m in found]
    protest = absorb_outcomes_of_violence([trigger(doc, 2, "protest"), trigger(doc, 4, "attack")], lex)
    assert len(protest) == 2  # a protest that ends in a killing is two events


@pytest.mark.parametrize(("killing_dep", "events"), [("advcl", ["attack"]), ("conj", ["military", "attack"])])
def test_a_military_operation_that_kills_is_that_violence(lex, killing_dep, events):
    # 'Hamas launched operation against clan, killing 10' / '..., and killed 10': 'and' tells another act
    doc = tagged(
        [
            ("Hamas", 1, "nsubj", "PROPN", "NNP", "Hamas"),
            ("launched", 1, "ROOT", "VERB", "VBD", "launch"),
            ("operation", 1, "dobj", "NOUN", "NN", "operation"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("killing", 1, killing_dep, "VERB", "VBG", "kill"),
            ("10", 4, "dobj", "NUM", "CD", "10"),
        ]
    )
    found = absorb_outcomes_of_violence([trigger(doc, 1, "military"), trigger(doc, 4, "attack")], lex)
    assert [c.label for c in found] == events


def test_the_name_in_front_of_talks_between_two_sides_is_no_side(lex):
    doc = tagged(
        [
            ("Darfur", 1, "compound", "PROPN", "NNP", "Darfur"),
            ("talks", 6, "nsubj", "NOUN", "NNS", "talk"),
            ("between", 1, "prep", "ADP", "IN", "between"),
            ("army", 2, "pobj", "NOUN", "NN", "army"),
            ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("RSF", 3, "conj", "PROPN", "NNP", "RSF"),
            ("resumed", 6, "ROOT", "VERB", "VBD", "resume"),
        ],
        ents=["B-ORG", "O", "O", "O", "O", "B-ORG", "O"],
    )
    found = event_actors(trigger(doc, 1, "summit"), doc[:], lex, "summit")
    assert [m.name for m in found] == ["army", "RSF"]


def test_a_tagged_name_the_parse_reads_as_an_adjective_names_no_actor(lex):
    doc = tagged(
        [
            ("Biafran", 1, "compound", "ADJ", "JJ", "biafran"),
            ("separatist", 3, "compound", "NOUN", "NN", "separatist"),
            ("Ralph", 3, "compound", "PROPN", "NNP", "Ralph"),
            ("Okoro", 4, "nsubj", "PROPN", "NNP", "Okoro"),
            ("charged", 4, "ROOT", "VERB", "VBN", "charge"),
        ],
        ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O"],
    )
    found = event_actors(trigger(doc, 4, "trial"), doc[:], lex, "trial")
    assert [m.name for m in found] == ["Ralph Okoro"]


def test_the_name_a_capital_is_given_is_no_actor_whatever_role_the_parse_gives_it(lex):
    # '... two more in regional capital, Bamenda 6-7 Nov; Lucas 9 Nov claimed': parsed as one subject
    doc = tagged(
        [
            ("in", 6, "prep", "ADP", "IN", "in"),
            ("capital", 0, "pobj", "NOUN", "NN", "capital"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("Bamenda", 6, "nsubj", "PROPN", "NNP", "Bamenda"),
            (";", 3, "punct", "PUNCT", ":", ";"),
            ("Lucas", 3, "conj", "PROPN", "NNP", "Lucas"),
            ("claimed", 6, "ROOT", "VERB", "VBD", "claim"),
            ("responsibility", 6, "dobj", "NOUN", "NN", "responsibility"),
        ],
        ents=["O", "O", "O", "B-GPE", "O", "B-PERSON", "O", "O"],
    )
    found = event_actors(trigger(doc, 6, "statement"), doc[:], lex, "statement")
    assert [m.name for m in found] == ["Lucas"]


def test_what_an_event_of_another_kind_says_is_no_statement_but_a_meeting_speaks(lex):
    def said_by(subject: str, lemma: str) -> list:
        doc = parsed(
            [
                (subject, 1, "nsubj", "NOUN", lemma),
                ("proposed", 1, "ROOT", "VERB", "propose"),
                ("amendments", 1, "dobj", "NOUN", "amendment"),
            ]
        )
        return drop_background([trigger(doc, 1, "statement")], lex)

    assert said_by("referendum", "referendum") == []
    assert len(said_by("summit", "summit")) == 1
    assert len(said_by("minister", "minister")) == 1


def test_a_place_named_with_of_is_one_place_and_its_parts_and_abbreviation_no_actors(lex):
    # 'near Line of Contact (LoC)': the NER tagged 'Line' alone and 'LoC' as an organisation
    doc = tagged(
        [
            ("shot", 0, "ROOT", "VERB", "VBD", "shoot"),
            ("near", 0, "prep", "ADP", "IN", "near"),
            ("Line", 1, "pobj", "PROPN", "NNP", "Line"),
            ("of", 2, "prep", "ADP", "IN", "of"),
            ("Contact", 3, "pobj", "PROPN", "NNP", "Contact"),
            ("(", 2, "punct", "PUNCT", "-LRB-", "("),
            ("LoC", 2, "appos", "PROPN", "NNP", "LoC"),
            (")", 2, "punct", "PUNCT", "-RRB-", ")"),
        ],
        ents=["O", "O", "B-GPE", "O", "O", "O", "B-ORG", "O"],
    )
    places = event_locations(doc[:], frozenset(), lex)
    assert places == ["Line of Contact"]
    named = [Mention("LoC", "LoC", TARGET, 6, "ORG"), Mention("Aden", "Aden", None, 9, "GPE")]
    kept = apart_from_places(named, places + ["Gulf of Aden"], {"LoC": "Line of Contact"})
    assert kept == []


def test_the_name_of_what_is_taken_or_controlled_is_territory_whatever_the_ner_said(lex):
    control = tagged(
        [
            ("took", 0, "ROOT", "VERB", "VBD", "take"),
            ("control", 0, "dobj", "NOUN", "NN", "control"),
            ("of", 1, "prep", "ADP", "IN", "of"),
            ("Sinjar", 2, "pobj", "PROPN", "NNP", "Sinjar"),
        ],
        ents=["O", "O", "O", "B-ORG"],
    )
    seized = tagged(
        [("seized", 0, "ROOT", "VERB", "VBD", "seize"), ("Ramadi", 0, "dobj", "PROPN", "NNP", "Ramadi")],
        ents=["O", "B-GPE"],
    )
    assert event_locations(control[:], frozenset(), lex) == ["Sinjar"]
    assert event_locations(seized[:], frozenset(), lex) == ["Ramadi"]


def test_a_place_named_to_locate_another_is_no_actor_whatever_the_ner_said(lex):
    doc = tagged(
        [
            ("attackers", 1, "nsubj", "NOUN", "NNS", "attacker"),
            ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
            ("peacekeepers", 1, "dobj", "NOUN", "NNS", "peacekeeper"),
            ("west", 1, "advmod", "ADV", "RB", "west"),
            ("of", 3, "prep", "ADP", "IN", "of"),
            ("Obo", 4, "pobj", "PROPN", "NNP", "Obo"),
        ],
        ents=["O", "O", "O", "O", "O", "B-ORG"],
    )
    found = event_actors(trigger(doc, 1, "attack"), doc[:], lex, "attack")
    assert [m.name for m in found] == ["attackers", "peacekeepers"]


def test_a_trigger_word_capitalised_at_the_start_of_a_sentence_names_no_one(lex):
    doc = tagged(
        [
            ("Suicide", 1, "compound", "PROPN", "NNP", "Suicide"),
            ("bomber", 2, "nsubj", "NOUN", "NN", "bomber"),
            ("struck", 2, "ROOT", "VERB", "VBD", "strike"),
            ("market", 2, "dobj", "NOUN", "NN", "market"),
        ]
    )
    doc.spans[SPANS_KEY] = [Span(doc, 0, 2, label="attack")]
    found = event_actors(trigger(doc, 2, "attack"), doc[:], lex, "attack")
    assert "Suicide" not in [m.name for m in found]


def test_a_place_noun_the_tagger_called_a_proper_noun_ends_the_name_it_follows(lex):
    # 'Bague locality, Bosso department 3 May freed hostages': 'department' tagged PROPN
    doc = tagged(
        [
            ("Bosso", 1, "compound", "PROPN", "NNP", "Bosso"),
            ("department", 2, "nsubj", "PROPN", "NNP", "department"),
            ("freed", 2, "ROOT", "VERB", "VBD", "free"),
            ("hostages", 2, "dobj", "NOUN", "NNS", "hostage"),
        ],
        ents=["B-PERSON", "O", "O", "O"],
    )
    assert event_locations(doc[:], frozenset(), lex) == ["Bosso"]


def test_one_entity_over_a_list_of_unknown_names_is_one_place_per_name(lex):
    # 'fighting left dozens dead in Garsa and Biyo districts': the NER made 'Garsa and Biyo' one WORK_OF_ART
    doc = tagged(
        [
            ("left", 0, "ROOT", "VERB", "VBD", "leave"),
            ("dead", 0, "oprd", "ADJ", "JJ", "dead"),
            ("in", 0, "prep", "ADP", "IN", "in"),
            ("Garsa", 6, "nmod", "PROPN", "NNP", "Garsa"),
            ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("Biyo", 3, "conj", "PROPN", "NNP", "Biyo"),
            ("districts", 2, "pobj", "NOUN", "NNS", "district"),
        ],
        ents=["O", "O", "O", "B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"],
    )
    assert event_locations(doc[:], frozenset(), lex) == ["Garsa", "Biyo"]


@pytest.mark.parametrize(
    ("noun", "kind", "place"), [("zone", "zone", "Lower Dira"), ("City", "city", "Lower Dira City")]
)
def test_a_place_name_drops_the_lower_case_noun_of_its_kind_the_ner_took_in(lex, noun, kind, place):
    # 'clashes killed eleven in Lower Dira zone': one place, one name, whether the NER took 'zone' in or not
    doc = tagged(
        [
            ("killed", 0, "ROOT", "VERB", "VBD", "kill"),
            ("eleven", 0, "dobj", "NUM", "CD", "eleven"),
            ("in", 0, "prep", "ADP", "IN", "in"),
            ("Lower", 4, "compound", "PROPN", "NNP", "Lower"),
            ("Dira", 5, "compound", "PROPN", "NNP", "Dira"),
            (noun, 2, "pobj", "NOUN", "NN", kind),
        ],
        ents=["O", "O", "O", "B-GPE", "I-GPE", "I-GPE"],
    )
    assert event_locations(doc[:], frozenset(), lex) == [place]


def test_the_city_a_stretch_of_violence_roiled_is_its_place(lex):
    # 'weeks of fighting shook Beledweyne': the parse hangs 'weeks' on the verb as a modifier of time
    doc = tagged(
        [
            ("weeks", 3, "npadvmod", "NOUN", "NNS", "week"),
            ("of", 0, "prep", "ADP", "IN", "of"),
            ("fighting", 1, "pobj", "NOUN", "NN", "fighting"),
            ("shook", 3, "ROOT", "VERB", "VBD", "shake"),
            ("Beledweyne", 3, "dobj", "PROPN", "NNP", "Beledweyne"),
        ],
        ents=["O", "O", "O", "O", "B-GPE"],
    )
    assert event_locations(doc[:], frozenset(), lex) == ["Beledweyne"]


@pytest.mark.parametrize(
    ("title", "places"),
    [(["governor"], ["Herat"]), (["police", "chief"], ["Herat"]), (["spokesman"], [])],
)
def test_a_place_named_before_a_local_officials_title_is_where_the_official_acts(lex, title, places):
    # 'Herat governor 3 May said ...': the seat of the official; a spokesman of Herat is no official of it
    rows = [("Herat", len(title), "compound", "PROPN", "NNP", "Herat")]
    rows += [(w, len(title), "compound", "NOUN", "NN", w) for w in title[:-1]]
    rows += [
        (title[-1], len(title) + 1, "nsubj", "NOUN", "NN", title[-1]),
        ("said", len(title) + 1, "ROOT", "VERB", "VBD", "say"),
    ]
    doc = tagged(rows, ents=["B-GPE"] + ["O"] * (len(rows) - 1))
    assert event_locations(doc[:], frozenset(), lex) == places


@pytest.mark.parametrize(
    ("first", "lemma", "places"), [("Lake", "Lake", ["Lake Chad"]), ("Governor", "Governor", ["Chad"])]
)
def test_a_capitalised_word_the_ner_left_before_a_place_begins_its_name_but_no_title_does(
    lex, first, lemma, places
):
    # 'fighting near Lake Chad area': the NER tagged the country 'Chad' alone
    doc = tagged(
        [
            ("fighting", 0, "ROOT", "NOUN", "NN", "fighting"),
            ("near", 0, "prep", "ADP", "IN", "near"),
            (first, 3, "compound", "PROPN", "NNP", lemma),
            ("Chad", 4, "compound", "PROPN", "NNP", "Chad"),
            ("area", 1, "pobj", "NOUN", "NN", "area"),
        ],
        ents=["O", "O", "O", "B-GPE", "O"],
    )
    assert event_locations(doc[:], frozenset(), lex) == places


@pytest.mark.parametrize(("label", "places"), [("LOC", ["Tessit"]), ("NORP", [])])
def test_a_place_name_the_tagger_made_an_adjective_of_its_place_noun_is_a_place(lex, label, places):
    # 'flew over Tessit city': the tagger read 'Tessit' as an adjective; 'Shiite area' is no place
    doc = tagged(
        [
            ("flew", 0, "ROOT", "VERB", "VBD", "fly"),
            ("over", 0, "prep", "ADP", "IN", "over"),
            ("Tessit", 3, "amod", "ADJ", "JJ", "Tessit"),
            ("city", 1, "pobj", "NOUN", "NN", "city"),
        ],
        ents=["O", "O", f"B-{label}", "O"],
    )
    assert event_locations(doc[:], frozenset(), lex) == places


@pytest.mark.parametrize(("before", "kept"), [(";", 1), (",", 0)])
def test_a_past_form_opening_the_clause_after_a_semicolon_is_its_verb(lex, before, kept):
    # 'Kiir declared emergency ; sacked cabinet': the parser read 'sacked' as an adjective
    doc = tagged(
        [
            ("Kiir", 1, "nsubj", "PROPN", "NNP", "Kiir"),
            ("declared", 1, "ROOT", "VERB", "VBD", "declare"),
            ("emergency", 1, "dobj", "NOUN", "NN", "emergency"),
            (before, 1, "punct", "PUNCT", ":", before),
            ("sacked", 5, "amod", "VERB", "VBN", "sack"),
            ("cabinet", 1, "conj", "NOUN", "NN", "cabinet"),
        ],
    )
    sacked = trigger(doc, 4, "appointment")
    assert len(drop_background([sacked], lex)) == kept
    if kept:
        assert elided_subject(sacked, frozenset()) and ("cabinet", "target") in [
            (m.name, m.role) for m in event_actors(sacked, doc[:], lex, "appointment")
        ]


@pytest.mark.parametrize(
    ("told", "description"), [([], True), ([("rebels", 3, "dobj", "NOUN", "NNS", "rebel")], False)]
)
def test_a_participle_after_a_comma_describes_unless_it_has_an_object(lex, told, description):
    # 'officers arrested, accused of links to crime' describes them; 'accused rebels of ...' accuses
    doc = tagged(
        [
            ("officers", 1, "nsubj", "NOUN", "NNS", "officer"),
            ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("accused", 1, "advcl", "VERB", "VBN", "accuse"),
            *told,
            ("of", 3, "prep", "ADP", "IN", "of"),
            ("links", 4 + len(told), "pobj", "NOUN", "NNS", "link"),
        ]
    )
    found = _not_an_event(doc[3:4], lex)
    assert (found == "participle describing someone") is description


def test_a_masked_date_the_parse_takes_for_a_subject_leaves_the_subject_elided():
    # 'Govt 1 Nov threatened ...; 2 Nov announced plans': the date's stand-in parsed as the subject
    doc = tagged(
        [
            ("today", 1, "nsubj", "NOUN", "NN", "today"),
            ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
            ("plans", 1, "dobj", "NOUN", "NNS", "plan"),
        ]
    )
    announced = trigger(doc, 1, "statement")
    assert elided_subject(announced, frozenset({0}))
    assert not elided_subject(announced, frozenset())  # a word that is no date is a subject


def test_a_verb_whose_object_is_a_clause_has_its_subject_elided_too():
    # '...; 6 Nov proposed reducing KRG’s share'
    doc = tagged(
        [
            ("proposed", 0, "ROOT", "VERB", "VBD", "propose"),
            ("reducing", 0, "xcomp", "VERB", "VBG", "reduce"),
            ("share", 1, "dobj", "NOUN", "NN", "share"),
        ]
    )
    assert elided_subject(trigger(doc, 0, "statement"), frozenset())


@pytest.mark.parametrize(("subject", "elided"), [("he", True), ("they", True), ("Hariri", False)])
def test_a_pronoun_subject_leaves_the_name_to_the_clause_before(subject, elided):
    # 'Next day he suspended his resignation'
    doc = tagged(
        [
            (subject, 1, "nsubj", "PRON" if elided else "PROPN", "PRP" if elided else "NNP", subject),
            ("suspended", 1, "ROOT", "VERB", "VBD", "suspend"),
            ("resignation", 1, "dobj", "NOUN", "NN", "resignation"),
        ]
    )
    assert elided_subject(trigger(doc, 1, "appointment"), frozenset()) is elided


def test_a_participle_on_an_event_with_a_date_of_its_own_happened_then(lex):
    # 'Gunmen continued attacks, killing four and abducting another 3 Oct': the date goes on 'attacks'
    doc = tagged(
        [
            ("Gunmen", 1, "nsubj", "NOUN", "NNS", "gunman"),
            ("continued", 2, "amod", "VERB", "VBD", "continue"),
            ("attacks", 2, "ROOT", "NOUN", "NNS", "attack"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("killing", 2, "acl", "VERB", "VBG", "kill"),
            ("four", 4, "dobj", "NUM", "CD", "four"),
            ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("abducting", 4, "conj", "VERB", "VBG", "abduct"),
            ("another", 7, "dobj", "PRON", "DT", "another"),
            ("lately", 2, "npadvmod", "ADV", "RB", "lately"),
        ]
    )
    mention = masked_date(doc, 9, "3 Oct", date(2021, 10, 3))
    attacks, abducting = trigger(doc, 2, "attack"), trigger(doc, 7, "detention")
    attach_masked(doc, [attacks, abducting], [mention], lex)
    assert attacks.owned and attacks.mention is mention
    assert abducting.mention is mention and not abducting.owned


def test_a_party_name_is_one_name_without_whose_party_it_is(lex):
    # 'Kagame’s Umoja Wetu party won': the NER tagged 'Kagame ’s Umoja Wetu' as one organisation
    doc = tagged(
        [
            ("Kagame", 4, "poss", "PROPN", "NNP", "Kagame"),
            ("’s", 0, "case", "PART", "POS", "’s"),
            ("Umoja", 4, "compound", "PROPN", "NNP", "Umoja"),
            ("Wetu", 4, "compound", "PROPN", "NNP", "Wetu"),
            ("party", 5, "nsubj", "NOUN", "NN", "party"),
            ("won", 5, "ROOT", "VERB", "VBD", "win"),
        ],
        ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
        glued=(0,),
    )
    names = {m.name for m in event_actors(trigger(doc, 5, "election"), doc[:], lex, "election")}
    assert names == {"Umoja Wetu party", "Umoja Wetu"}


@pytest.mark.parametrize("own", [[], [("own", 4, "amod", "ADJ", "JJ", "own")]])
def test_a_possessive_inside_a_name_stays_in_it(lex, own):
    # 'People’s Democratic Party won', and "president’s own People’s Democratic Party won": the name
    # is written as in the text (no 'People ’s'), without 'own'
    at = len(own)
    doc = tagged(
        [
            *own,
            ("People", 3 + at, "poss", "PROPN", "NNP", "People"),
            ("’s", at, "case", "PART", "POS", "’s"),
            ("Democratic", 3 + at, "compound", "PROPN", "NNP", "Democratic"),
            ("Party", 4 + at, "nsubj", "PROPN", "NNP", "Party"),
            ("won", 4 + at, "ROOT", "VERB", "VBD", "win"),
        ],
        ents=["O"] * at + ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
        glued=(at,),
    )
    names = {m.name for m in event_actors(trigger(doc, 4 + at, "election"), doc[:], lex, "election")}
    assert names == {"People’s Democratic Party"}


@pytest.mark.parametrize(
    ("noun", "lemma", "places"), [("withdrawal", "withdrawal", ["Abyei"]), ("FMs", "fm", [])]
)
def test_a_name_after_from_is_where_an_event_left_not_where_people_come_from(lex, noun, lemma, places):
    # 'demanded withdrawal from Abyei' is about Abyei; 'FMs from Abyei met' only says whose FMs
    doc = tagged(
        [
            ("demanded", 0, "ROOT", "VERB", "VBD", "demand"),
            (noun, 0, "dobj", "NOUN", "NN", lemma),
            ("from", 1, "prep", "ADP", "IN", "from"),
            ("Abyei", 2, "pobj", "PROPN", "NNP", "Abyei"),
        ],
        ents=["O", "O", "O", "B-GPE"],
    )
    assert event_locations(doc[:], frozenset(), lex) == places


def test_names_listed_before_a_place_noun_are_places_the_first_too(lex):
    # 'launched offensive on Kasra, Hayy and Sukkar neighbourhoods': the NER tagged the names as people
    doc = tagged(
        [
            ("offensive", 0, "ROOT", "NOUN", "NN", "offensive"),
            ("on", 0, "prep", "ADP", "IN", "on"),
            ("Kasra", 1, "pobj", "PROPN", "NNP", "Kasra"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("Hayy", 2, "conj", "PROPN", "NNP", "Hayy"),
            ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("Sukkar", 7, "compound", "PROPN", "NNP", "Sukkar"),
            ("neighbourhoods", 4, "conj", "NOUN", "NNS", "neighbourhood"),
        ],
        ents=["O", "O", "B-PERSON", "O", "B-PERSON", "O", "B-PERSON", "O"],
    )
    assert event_locations(doc[:], frozenset(), lex) == ["Kasra", "Hayy", "Sukkar"]


def test_a_lower_case_word_the_ner_tagged_as_a_person_is_no_actor(lex):
    # 'militants bombed café': the small model tagged 'café' as a PERSON
    doc = tagged(
        [
            ("militants", 1, "nsubj", "NOUN", "NNS", "militant"),
            ("bombed", 1, "ROOT", "VERB", "VBD", "bomb"),
            ("café", 1, "dobj", "NOUN", "NN", "café"),
        ],
        ents=["O", "O", "B-PERSON"],
    )
    names = [m.name for m in event_actors(trigger(doc, 1, "attack"), doc[:], lex, "attack")]
    assert names == ["militants"]


def test_a_faith_names_whose_site_never_where(lex):
    # 'bombing of Sunni mosque near Samarra': the NER tagged 'Sunni' as a place
    doc = tagged(
        [
            ("bombing", 0, "ROOT", "NOUN", "NN", "bombing"),
            ("of", 0, "prep", "ADP", "IN", "of"),
            ("Sunni", 3, "compound", "PROPN", "NNP", "Sunni"),
            ("mosque", 1, "pobj", "NOUN", "NN", "mosque"),
            ("near", 3, "prep", "ADP", "IN", "near"),
            ("Samarra", 4, "pobj", "PROPN", "NNP", "Samarra"),
        ],
        ents=["O", "O", "B-GPE", "O", "O", "B-GPE"],
    )
    assert event_locations(doc[:], frozenset(), lex) == ["Samarra"]


def test_an_abbreviated_thing_the_ner_tagged_as_an_organisation_is_no_actor(lex):
    # 'over COVID-19 concerns, army deployed troops': the NER tagged 'COVID-19' as an organisation
    doc = tagged(
        [
            ("COVID-19", 1, "compound", "PROPN", "NNP", "COVID-19"),
            ("concerns", 3, "nsubj", "NOUN", "NNS", "concern"),
            ("army", 3, "nsubj", "NOUN", "NN", "army"),
            ("deployed", 3, "ROOT", "VERB", "VBD", "deploy"),
        ],
        ents=["B-ORG", "O", "O", "O"],
    )
    names = [m.name for m in event_actors(trigger(doc, 3, "military"), doc[:], lex, "military")]
    assert "COVID-19" not in names and "army" in names
    # 'forces raided HQ of Islah': untagged, the abbreviation is a thing all the same
    doc = tagged(
        [
            ("forces", 1, "nsubj", "NOUN", "NNS", "force"),
            ("raided", 1, "ROOT", "VERB", "VBD", "raid"),
            ("HQ", 1, "dobj", "PROPN", "NNP", "HQ"),
            ("of", 2, "prep", "ADP", "IN", "of"),
            ("Islah", 3, "pobj", "PROPN", "NNP", "Islah"),
        ],
        ents=["O", "O", "O", "O", "B-ORG"],
    )
    names = [m.name for m in event_actors(trigger(doc, 1, "attack"), doc[:], lex, "attack")]
    assert "HQ" not in names and "Islah" in names


@pytest.mark.parametrize(
    ("dep", "takes_it"),
    [("pobj", True), ("conj", False)],  # 'accused forces of killing civilians 19-26 May' / '..., and killed'
)
def test_a_predicate_takes_the_date_of_what_it_says_before_that_of_the_clause_before(lex, dep, takes_it):
    # 'Fighting early May killed six; sources accused forces of killing civilians 19-26 May'
    doc = tagged(
        [
            ("Fighting", 2, "nsubj", "NOUN", "NN", "fighting"),
            ("lately", 2, "npadvmod", "ADV", "RB", "lately"),
            ("killed", 2, "ROOT", "VERB", "VBD", "kill"),
            ("six", 2, "dobj", "NUM", "CD", "six"),
            (";", 2, "punct", "PUNCT", ":", ";"),
            ("sources", 6, "nsubj", "NOUN", "NNS", "source"),
            ("accused", 2, "conj", "VERB", "VBD", "accuse"),
            ("forces", 6, "dobj", "NOUN", "NNS", "force"),
            ("of", 6, "prep", "ADP", "IN", "of"),
            ("killing", 8 if dep == "pobj" else 6, dep, "VERB", "VBG", "kill"),
            ("civilians", 9, "dobj", "NOUN", "NNS", "civilian"),
            ("lately", 9, "npadvmod", "ADV", "RB", "lately"),
        ]
    )
    first = masked_date(doc, 1, "early May", date(2020, 5, 1), date(2020, 5, 10))
    second = masked_date(doc, 11, "19-26 May", date(2020, 5, 19), date(2020, 5, 26))
    fighting, accused, killing = (
        trigger(doc, 0, "armed_clash"),
        trigger(doc, 6, "statement"),
        trigger(doc, 9, "attack"),
    )
    attach_masked(doc, [fighting, accused, killing], [first, second], lex)
    assert killing.owned and killing.mention is second
    assert accused.mention is (second if takes_it else first) and not accused.owned


@pytest.mark.parametrize(("complement", "trial"), [(None, True), ("restart", False)])
def test_trying_to_do_something_is_no_trial(lex, complement, trial):
    # 'Court tried ex-minister' is a trial; 'Mediator tried to restart talks' is an attempt
    rows = [("Mediator", 1, "nsubj", "NOUN", "mediator"), ("tried", 1, "ROOT", "VERB", "try")]
    if complement:
        rows += [("to", 3, "aux", "PART", "to"), (complement, 1, "xcomp", "VERB", complement)]
    rows += [("talks", len(rows) - 1, "dobj", "NOUN", "talk")]
    doc = parsed(rows)
    assert (_not_an_event(Span(doc, 1, 2, label="trial"), lex) is None) == trial


@pytest.mark.parametrize(("prep", "events"), [("at", ["statement", "protest"]), ("about", ["statement"])])
def test_the_event_a_statement_is_made_at_is_an_event_of_its_own(lex, prep, events):
    # 'Leader said at rally that ...': the rally is an event; 'said about rally' speaks of it
    doc = parsed(
        [
            ("Leader", 1, "nsubj", "NOUN", "leader"),
            ("said", 1, "ROOT", "VERB", "say"),
            (prep, 1, "prep", "ADP", prep),
            ("rally", 2, "pobj", "NOUN", "rally"),
        ]
    )
    found = absorb_statement_content([trigger(doc, 1, "statement"), trigger(doc, 3, "protest")], lex)
    assert [c.label for c in found] == events


@pytest.mark.parametrize(
    ("tag", "thing", "modifier", "found"),
    [
        ("VBD", "caucus", None, "agreement"),  # 'States formed caucus': sides ally (PLOVER AGREE)
        ("VBD", "platform", "joint", "agreement"),  # 'Groups created joint platform'
        ("VBD", "secretariat", "political", "legislation"),  # 'President formed political secretariat'
        ("VBG", "party", "single", None),  # '... considering forming single party': not done
    ],
)
def test_founding_a_body_is_an_event_when_told_as_done(lex, tag, thing, modifier, found):
    rows = [("States", 1, "nsubj", "NOUN", "NNS", "state"), ("formed", 1, "ROOT", "VERB", tag, "form")]
    if modifier:
        rows.append((modifier, 3, "amod", "ADJ", "JJ", modifier))
    rows.append((thing, 1, "dobj", "NOUN", "NN", thing))
    doc = tagged(rows)
    formed = Span(doc, 1, 2, label="legislation")
    kept = _not_an_event(formed, lex) is None
    assert (_refine_type(Candidate(formed, "legislation"), lex) if kept else None) == found


def test_an_incident_named_by_its_date_is_the_one_the_entry_tells_elsewhere():
    from pipeline.events.build import _named_by_date, one_telling_of_a_named_incident
    from pipeline.records import Event

    # 'after 21 Aug attack': the masked date is a compound in front of the event noun
    doc = parsed(
        [
            ("after", 0, "ROOT", "ADP", "after"),
            ("Monday", 2, "compound", "PROPN", "Monday"),
            ("attack", 0, "pobj", "NOUN", "attack"),
        ]
    )
    assert _named_by_date(doc[2], [doc[1]]) and not _named_by_date(doc[0], [doc[1]])
    day = date(2013, 8, 21)

    def event(kind: str, start: int, named: bool, places: list[str]) -> Event:
        ev = Event("e", kind, day, day, "day", "21 Aug", "...", start, start + 3, "t")
        ev.named_by_date, ev.locations, ev.actor1 = named, places, [f"actor at {start}"]
        return ev

    told, clash = event("attack", 0, False, []), event("armed_clash", 50, True, [])
    named = event("attack", 400, True, ["Damascus"])
    assert one_telling_of_a_named_incident([told, clash, named]) == [told, clash]
    assert told.locations == ["Damascus"] and told.actor1 == ["actor at 0"]  # its places, not its actors
    # the name first ('in wake of 21 Aug attack'), the telling later: the telling stays
    first, later = event("attack", 0, True, []), event("attack", 400, False, [])
    assert one_telling_of_a_named_incident([first, later]) == [later]
    # two tellings, or tellings at different places, are two incidents
    assert (
        len(one_telling_of_a_named_incident([event("attack", 0, False, []), event("attack", 9, False, [])]))
        == 2
    )
    apart = [event("attack", 0, False, ["Xtown"]), event("attack", 400, True, ["Yville"])]
    assert one_telling_of_a_named_incident(apart) == apart


@pytest.mark.parametrize(("verb", "protest_dated"), [("begin", True), ("say", False)])
def test_a_date_on_a_verb_that_an_event_begins_is_that_events(lex, verb, protest_dated):
    # 'Leader 18 March called for wave of protests to begin 25 March': the protests' date
    doc = tagged(
        [
            ("Leader", 2, "nsubj", "NOUN", "NN", "leader"),
            ("lately", 2, "npadvmod", "ADV", "RB", "lately"),
            ("called", 2, "ROOT", "VERB", "VBD", "call"),
            ("for", 2, "prep", "ADP", "IN", "for"),
            ("wave", 3, "pobj", "NOUN", "NN", "wave"),
            ("of", 4, "prep", "ADP", "IN", "of"),
            ("protests", 5, "pobj", "NOUN", "NNS", "protest"),
            ("to", 8, "aux", "PART", "TO", "to"),
            (verb, 2, "xcomp", "VERB", "VB", verb),
            ("lately", 8, "npadvmod", "ADV", "RB", "lately"),
        ]
    )
    first, second = (
        masked_date(doc, 1, "18 March", date(2021, 3, 18)),
        masked_date(doc, 9, "25 March", date(2021, 3, 25)),
    )
    call, protests = trigger(doc, 2, "statement"), trigger(doc, 6, "protest")
    attach_masked(doc, [call, protests], [first, second], lex)
    assert call.owned and call.mention is first
    assert (protests.owned and protests.mention is second) == protest_dated


@pytest.mark.parametrize(("dep", "meetings_dated"), [("dobj", True), ("npadvmod", False)])
def test_a_second_date_of_a_dated_verb_goes_to_the_event_it_takes_as_object(lex, dep, meetings_dated):
    # 'Mediators 9 April proposed meetings with govt 17 April': the meetings are on 17 April
    doc = tagged(
        [
            ("Mediators", 2, "nsubj", "NOUN", "NNS", "mediator"),
            ("lately", 2, "npadvmod", "ADV", "RB", "lately"),
            ("proposed", 2, "ROOT", "VERB", "VBD", "propose"),
            ("meetings", 2, dep, "NOUN", "NNS", "meeting"),
            ("with", 3, "prep", "ADP", "IN", "with"),
            ("govt", 4, "pobj", "NOUN", "NN", "govt"),
            ("lately", 2, "npadvmod", "ADV", "RB", "lately"),
        ]
    )
    first, second = (
        masked_date(doc, 1, "9 April", date(2023, 4, 9)),
        masked_date(doc, 6, "17 April", date(2023, 4, 17)),
    )
    proposed, meetings = trigger(doc, 2, "statement"), trigger(doc, 3, "summit")
    attach_masked(doc, [proposed, meetings], [first, second], lex)
    assert proposed.owned and proposed.mention is first
    assert (meetings.owned and meetings.mention is second) == meetings_dated
