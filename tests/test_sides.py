"""Who acts and who is acted on (actor1 / actor2), their ACLED types and one name per actor.

Role rules run on hand-built Docs (the parse pinned, as in spaCy's own tests);
type and name rules on the project's models/ vocabulary; one end-to-end test
on a real sentence through the whole Extractor.
"""

from __future__ import annotations

import pytest
from hand_built import VOCAB, tagged
from spacy.tokens import Doc, Span

from pipeline.events.actors import AGENT, PAIR, TARGET, Mention, event_actors
from pipeline.events.aliases import abbreviations, definitions
from pipeline.events.lexicon import Lexicon
from pipeline.events.scope import Candidate
from pipeline.events.sides import Discourse, EntryActors, interaction, split_sides
from pipeline.records import Entry


def roles(doc: Doc, i: int, label: str, lex: Lexicon) -> list[tuple[str, str | None]]:
    candidate = Candidate(Span(doc, i, i + 1, label=label), label)
    return [(m.name, m.role) for m in event_actors(candidate, doc[:], lex, label)]


def sides_of(doc: Doc, i: int, label: str, lex: Lexicon) -> tuple[list[str], list[str]]:
    candidate = Candidate(Span(doc, i, i + 1, label=label), label)
    one, two = split_sides(event_actors(candidate, doc[:], lex, label), label, i)
    return [m.name for m in one], [m.name for m in two]


# ------------------------------------------------------------------ roles from the parse
def test_subject_acts_and_object_is_acted_on(lex):
    doc = tagged(
        [
            ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
            ("detained", 1, "ROOT", "VERB", "VBD", "detain"),
            ("activists", 1, "dobj", "NOUN", "NNS", "activist"),
        ]
    )
    assert roles(doc, 1, "detention", lex) == [("Police", AGENT), ("activists", TARGET)]
    assert sides_of(doc, 1, "detention", lex) == (["Police"], ["activists"])


def test_agent_of_a_passive_acts_and_its_subject_is_acted_on(lex):
    doc = tagged(
        [
            ("Activists", 2, "nsubjpass", "NOUN", "NNS", "activist"),
            ("were", 2, "auxpass", "AUX", "VBD", "be"),
            ("detained", 2, "ROOT", "VERB", "VBN", "detain"),
            ("by", 2, "agent", "ADP", "IN", "by"),
            ("police", 3, "pobj", "NOUN", "NN", "police"),
        ]
    )
    assert sides_of(doc, 2, "detention", lex) == (["police"], ["Activists"])


def test_a_passive_without_its_auxiliary_has_its_subject_acted_on(lex):
    # 'Kadyrov assassinated': the parse takes it for an active verb with a subject
    doc = tagged(
        [
            ("Kadyrov", 1, "nsubj", "PROPN", "NNP", "Kadyrov"),
            ("assassinated", 1, "ROOT", "VERB", "VBN", "assassinate"),
        ],
        ents=["B-PERSON", "O"],
    )
    assert sides_of(doc, 1, "attack", lex) == ([], ["Kadyrov"])
    # with an object on a joined verb it is active: 'authorities arrested and sentenced activists'
    active = tagged(
        [
            ("authorities", 1, "nsubj", "NOUN", "NNS", "authority"),
            ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
            ("and", 1, "cc", "CCONJ", "CC", "and"),
            ("sentenced", 1, "conj", "VERB", "VBD", "sentence"),
            ("activists", 3, "dobj", "NOUN", "NNS", "activist"),
        ]
    )
    assert roles(active, 1, "detention", lex)[0] == ("authorities", AGENT)


def test_the_dead_of_a_battle_did_not_fight_it(lex):
    # 'Several killed in clashes between X and Y': the subject of 'killed' is the victims' side
    doc = tagged(
        [
            ("Villagers", 1, "nsubj", "NOUN", "NNS", "villager"),
            ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("clashes", 2, "pobj", "NOUN", "NNS", "clash"),
            ("between", 3, "prep", "ADP", "IN", "between"),
            ("army", 4, "pobj", "NOUN", "NN", "army"),
            ("and", 5, "cc", "CCONJ", "CC", "and"),
            ("rebels", 5, "conj", "NOUN", "NNS", "rebel"),
        ]
    )
    assert ("Villagers", TARGET) in roles(doc, 3, "armed_clash", lex)
    assert ("army", PAIR) in roles(doc, 3, "armed_clash", lex)
    assert sides_of(doc, 3, "armed_clash", lex) == (["army"], ["Villagers", "rebels"])


def test_the_sides_of_the_fighting_a_death_happened_in(lex):
    # '75 reported killed during clashes between army and rebels': the event is read from the verb
    doc = tagged(
        [
            ("75", 1, "nsubj", "NUM", "CD", "75"),
            ("reported", 1, "ROOT", "VERB", "VBD", "report"),
            ("killed", 1, "xcomp", "VERB", "VBN", "kill"),
            ("during", 2, "prep", "ADP", "IN", "during"),
            ("clashes", 3, "pobj", "NOUN", "NNS", "clash"),
            ("between", 4, "prep", "ADP", "IN", "between"),
            ("army", 5, "pobj", "NOUN", "NN", "army"),
            ("and", 6, "cc", "CCONJ", "CC", "and"),
            ("militias", 6, "conj", "NOUN", "NNS", "militia"),
        ]
    )
    assert sides_of(doc, 1, "armed_clash", lex) == (["army"], ["militias"])
    assert sides_of(doc, 2, "armed_clash", lex) == (["army"], ["militias"])
    alone = tagged(
        [
            ("75", 1, "nsubj", "NUM", "CD", "75"),
            ("killed", 1, "ROOT", "VERB", "VBN", "kill"),
            ("during", 1, "prep", "ADP", "IN", "during"),
            ("clashes", 2, "pobj", "NOUN", "NNS", "clash"),
        ]
    )
    assert sides_of(alone, 1, "armed_clash", lex) == ([], [])  # no sides named, none made up


def test_an_abbreviation_names_an_actor_whatever_its_tag_but_a_weapon_is_none(lex):
    # the small model tags 'SAMIM' (a mission's abbreviation) as a verb
    doc = tagged(
        [
            ("SAMIM", 1, "nsubj", "VERB", "VB", "SAMIM"),
            ("detonated", 1, "ROOT", "VERB", "VBD", "detonate"),
            ("IED", 1, "dobj", "NOUN", "NN", "IED"),
        ]
    )
    assert sides_of(doc, 1, "attack", lex) == (["SAMIM"], [])


def test_the_plural_of_an_abbreviation_names_an_actor_too(lex):
    # 'army and PMUs began operation': the units the entry abbreviates as PMU, tagged a common noun
    doc = tagged(
        [
            ("army", 3, "nsubj", "NOUN", "NN", "army"),
            ("and", 0, "cc", "CCONJ", "CC", "and"),
            ("PMUs", 0, "conj", "NOUN", "NNS", "pmus"),
            ("began", 3, "ROOT", "VERB", "VBD", "begin"),
            ("operation", 3, "dobj", "NOUN", "NN", "operation"),
        ]
    )
    assert sides_of(doc, 3, "military", lex) == (["army", "PMUs"], [])


def test_a_community_is_a_collective_actor_its_modifier_types(lex, types):
    doc = tagged(
        [
            ("Govt", 1, "nsubj", "PROPN", "NNP", "Govt"),
            ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
            ("international", 3, "amod", "ADJ", "JJ", "international"),
            ("community", 1, "dobj", "NOUN", "NN", "community"),
        ]
    )
    assert sides_of(doc, 1, "statement", lex) == (["Govt"], ["international community"])
    community = Mention("international community", "international community", TARGET, 3)
    assert types.code(community, home=("SSD",)) == 8


def test_sources_who_speak_are_the_speaker(lex):
    doc = tagged(
        [
            ("local", 1, "amod", "ADJ", "JJ", "local"),
            ("sources", 2, "nsubj", "NOUN", "NNS", "source"),
            ("accused", 2, "ROOT", "VERB", "VBD", "accuse"),
            ("security", 4, "compound", "NOUN", "NN", "security"),
            ("forces", 2, "dobj", "NOUN", "NNS", "force"),
        ]
    )
    assert sides_of(doc, 2, "statement", lex) == (["local sources"], ["security forces"])


def test_an_entity_run_on_over_a_comma_names_the_part_the_parse_ties_to_the_event(lex):
    # 'In blow to Khan, Election Commission ruled': one organisation to the small model
    doc = tagged(
        [
            ("In", 7, "prep", "ADP", "IN", "in"),
            ("blow", 0, "pobj", "NOUN", "NN", "blow"),
            ("to", 1, "prep", "ADP", "IN", "to"),
            ("Khan", 2, "pobj", "PROPN", "NNP", "Khan"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("Election", 6, "compound", "PROPN", "NNP", "Election"),
            ("Commission", 7, "nsubj", "PROPN", "NNP", "Commission"),
            ("ruled", 7, "ROOT", "VERB", "VBD", "rule"),
            ("defendant", 9, "nsubj", "NOUN", "NN", "defendant"),
            ("guilty", 7, "ccomp", "ADJ", "JJ", "guilty"),
        ],
        ents=["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"],
    )
    assert roles(doc, 7, "trial", lex) == [("Election Commission", AGENT)]


def test_a_place_in_front_of_a_title_names_who_holds_it_not_where(lex):
    bare = tagged(
        [
            ("Kabul", 1, "compound", "PROPN", "NNP", "Kabul"),
            ("governor", 2, "nsubj", "NOUN", "NN", "governor"),
            ("criticised", 2, "ROOT", "VERB", "VBD", "criticise"),
            ("ban", 2, "dobj", "NOUN", "NN", "ban"),
        ],
        ents=["B-GPE", "O", "O", "O"],
    )
    assert sides_of(bare, 2, "statement", lex) == (["Kabul governor"], [])
    # 'Kabul governor Ahmad criticised': the title names its holder, Ahmad
    named = tagged(
        [
            ("Kabul", 1, "compound", "PROPN", "NNP", "Kabul"),
            ("governor", 2, "compound", "NOUN", "NN", "governor"),
            ("Ahmad", 3, "nsubj", "PROPN", "NNP", "Ahmad"),
            ("criticised", 3, "ROOT", "VERB", "VBD", "criticise"),
            ("ban", 3, "dobj", "NOUN", "NN", "ban"),
        ],
        ents=["B-GPE", "O", "B-PERSON", "O", "O"],
    )
    assert "Kabul governor" not in sides_of(named, 3, "statement", lex)[0]


def test_an_office_is_its_holder_when_it_says_whose_it_is(lex):
    named = tagged(
        [
            ("RSF", 1, "nsubj", "PROPN", "NNP", "RSF"),
            ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
            ("newly", 3, "advmod", "ADV", "RB", "newly"),
            ("appointed", 6, "amod", "VERB", "VBN", "appoint"),
            ("West", 5, "compound", "PROPN", "NNP", "West"),
            ("Darfur", 6, "compound", "PROPN", "NNP", "Darfur"),
            ("governor", 1, "dobj", "NOUN", "NN", "governor"),
        ]
    )
    assert sides_of(named, 1, "attack", lex) == (["RSF"], ["West Darfur governor"])
    of = tagged(
        [
            ("Govt", 1, "nsubj", "PROPN", "NNP", "Govt"),
            ("sacked", 1, "ROOT", "VERB", "VBD", "sack"),
            ("chief", 1, "dobj", "NOUN", "NN", "chief"),
            ("of", 2, "prep", "ADP", "IN", "of"),
            ("defence", 5, "compound", "NOUN", "NN", "defence"),
            ("forces", 3, "pobj", "NOUN", "NNS", "force"),
        ]
    )
    assert sides_of(of, 1, "appointment", lex) == (["Govt"], ["chief of defence forces"])
    bare = tagged(
        [
            ("Govt", 1, "nsubj", "PROPN", "NNP", "Govt"),
            ("sacked", 1, "ROOT", "VERB", "VBD", "sack"),
            ("state", 3, "compound", "NOUN", "NN", "state"),
            ("governor", 1, "dobj", "NOUN", "NN", "governor"),
        ]
    )
    assert sides_of(bare, 1, "appointment", lex) == (["Govt"], [])


def test_a_collective_word_in_front_of_a_name_is_what_kind_of_actor_it_is(lex):
    # 'NGO Human Rights Watch said': the small model tags 'NGO' as a place
    doc = tagged(
        [
            ("NGO", 3, "compound", "PROPN", "NNP", "NGO"),
            ("Human", 2, "compound", "PROPN", "NNP", "Human"),
            ("Rights", 3, "compound", "PROPN", "NNP", "Rights"),
            ("Watch", 4, "nsubj", "PROPN", "NNP", "Watch"),
            ("said", 4, "ROOT", "VERB", "VBD", "say"),
        ],
        ents=["B-GPE", "B-ORG", "I-ORG", "I-ORG", "O"],
    )
    assert sides_of(doc, 4, "statement", lex) == (["Human Rights Watch"], [])


def test_a_hyphened_modifier_stays_with_the_actor_it_describes(lex):
    doc = Doc(
        VOCAB,
        words=["Russian", "-", "backed", "separatists", "shelled", "town"],
        spaces=[False, False, True, True, True, False],
        heads=[2, 2, 3, 4, 4, 4],
        deps=["npadvmod", "punct", "amod", "nsubj", "ROOT", "dobj"],
        pos=["PROPN", "PUNCT", "VERB", "NOUN", "VERB", "NOUN"],
        lemmas=["Russian", "-", "back", "separatist", "shell", "town"],
        ents=["B-NORP", "O", "O", "O", "O", "O"],
    )
    assert sides_of(doc, 4, "attack", lex) == (["Russian-backed separatists"], [])


def test_a_long_name_in_front_of_a_group_noun_is_no_part_of_its_phrase(lex):
    # 'Front for the Defence of Xland (JDX) militants attacked': the parse hangs the name on the noun
    doc = tagged(
        [
            ("Front", 8, "nmod", "PROPN", "NNP", "Front"),
            ("for", 0, "prep", "ADP", "IN", "for"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("Defence", 1, "pobj", "PROPN", "NNP", "Defence"),
            ("of", 3, "prep", "ADP", "IN", "of"),
            ("Xland", 4, "pobj", "PROPN", "NNP", "Xland"),
            ("(", 0, "punct", "PUNCT", "-LRB-", "("),
            (")", 0, "punct", "PUNCT", "-RRB-", ")"),
            ("militants", 9, "nsubj", "NOUN", "NNS", "militant"),
            ("attacked", 9, "ROOT", "VERB", "VBD", "attack"),
        ]
    )
    assert ("militants", AGENT) in roles(doc, 9, "attack", lex)


def test_the_event_counted_by_a_partitive_noun_has_the_agent_of_its_verb(lex):
    # 'Assailants fired barrage of rockets': the rockets are the attack, the assailants fired them
    doc = tagged(
        [
            ("Assailants", 1, "nsubj", "NOUN", "NNS", "assailant"),
            ("fired", 1, "ROOT", "VERB", "VBD", "fire"),
            ("barrage", 1, "dobj", "NOUN", "NN", "barrage"),
            ("of", 2, "prep", "ADP", "IN", "of"),
            ("rockets", 3, "pobj", "NOUN", "NNS", "rocket"),
        ]
    )
    assert sides_of(doc, 4, "attack", lex) == (["Assailants"], [])


def test_the_noun_of_an_arrest_names_whom_it_befell(lex):
    # "opposition leader's arrest": the possessor is arrested; "govt's offensive": the possessor acts
    arrest = tagged(
        [("leader", 1, "poss", "NOUN", "NN", "leader"), ("arrest", 1, "ROOT", "NOUN", "NN", "arrest")]
    )
    offensive = tagged(
        [("army", 1, "poss", "NOUN", "NN", "army"), ("offensive", 1, "ROOT", "NOUN", "NN", "offensive")]
    )
    assert roles(arrest, 1, "detention", lex) == [("leader", TARGET)]
    assert roles(offensive, 1, "military", lex) == [("army", AGENT)]


@pytest.mark.parametrize("dep", ["poss", "compound", "nmod"])
def test_the_holder_of_an_attack_made_it(lex, dep):
    # "militants' attack", "jihadist attacks", "militants continued attacks" (the parse's nmod): whose
    # attack it is acts, where the holder of an arrest underwent it
    doc = tagged(
        [("militants", 1, dep, "NOUN", "NNS", "militant"), ("attacks", 1, "ROOT", "NOUN", "NNS", "attack")]
    )
    assert roles(doc, 1, "attack", lex) == [("militants", AGENT)]


@pytest.mark.parametrize("trigger", [1, 2])
def test_the_subject_of_a_reported_passive_underwent_it(lex, trigger):
    # 'soldiers reported killed': whether the event is held by the report or by the killing
    doc = tagged(
        [
            ("soldiers", 1, "nsubj", "NOUN", "NNS", "soldier"),
            ("reported", 1, "ROOT", "VERB", "VBD", "report"),
            ("killed", 1, "xcomp", "VERB", "VBN", "kill"),
        ]
    )
    assert roles(doc, trigger, "attack", lex) == [("soldiers", TARGET)]


def test_a_name_takes_the_role_the_parse_gives_it_when_met_again_in_short(lex):
    # 'activist Musa Kamara protested; court sentenced Kamara': Musa Kamara is sentenced
    doc = tagged(
        [
            ("Musa", 1, "compound", "PROPN", "NNP", "Musa"),
            ("Kamara", 2, "nsubj", "PROPN", "NNP", "Kamara"),
            ("protested", 2, "ROOT", "VERB", "VBD", "protest"),
            (";", 2, "punct", "PUNCT", ":", ";"),
            ("court", 5, "nsubj", "NOUN", "NN", "court"),
            ("sentenced", 2, "conj", "VERB", "VBD", "sentence"),
            ("Kamara", 5, "dobj", "PROPN", "NNP", "Kamara"),
        ],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON"],
    )
    assert roles(doc, 5, "trial", lex) == [("court", AGENT), ("Musa Kamara", TARGET)]


@pytest.mark.parametrize("cue, lemma, prep", [("claimed", "claim", "by"), ("blamed", "blame", "on")])
def test_who_an_attack_is_claimed_by_or_blamed_on_did_it(lex, cue, lemma, prep):
    doc = tagged(
        [
            ("bombing", 0, "ROOT", "NOUN", "NN", "bombing"),
            (cue, 0, "acl", "VERB", "VBN", lemma),
            (prep, 1, "agent" if prep == "by" else "prep", "ADP", "IN", prep),
            ("militants", 2, "pobj", "NOUN", "NNS", "militant"),
        ]
    )
    assert roles(doc, 0, "attack", lex) == [("militants", AGENT)]


def test_a_list_in_front_of_a_group_noun_is_no_part_of_its_phrase(lex):
    # 'talks between Armenia, Azerbaijan and OSCE mediators': three sides, not one long name
    doc = tagged(
        [
            ("talks", 0, "ROOT", "NOUN", "NNS", "talk"),
            ("between", 0, "prep", "ADP", "IN", "between"),
            ("Armenia", 7, "nmod", "PROPN", "NNP", "Armenia"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("Azerbaijan", 2, "conj", "PROPN", "NNP", "Azerbaijan"),
            ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("OSCE", 7, "compound", "PROPN", "NNP", "OSCE"),
            ("mediators", 1, "pobj", "NOUN", "NNS", "mediator"),
        ],
        ents=["O", "O", "B-GPE", "O", "B-GPE", "O", "B-ORG", "O"],
    )
    names = [name for name, _ in roles(doc, 0, "summit", lex)]
    assert "OSCE mediators" in names and not any("Armenia Azerbaijan" in n for n in names)


def test_the_event_noun_is_no_actor_of_its_own_event(lex):
    # 'congress held': the subject of the light verb is the event itself, no one who held it
    doc = tagged(
        [
            ("Party", 1, "compound", "PROPN", "NNP", "Party"),
            ("congress", 2, "nsubj", "PROPN", "NNP", "congress"),
            ("held", 2, "ROOT", "VERB", "VBD", "hold"),
        ],
        ents=["O", "B-ORG", "O"],  # the small model tags the congress as an organisation now and then
    )
    assert "congress" not in [name for name, _ in roles(doc, 1, "summit", lex)]


def test_joint_subjects_of_an_agreement_are_its_two_sides(lex):
    doc = tagged(
        [
            ("Erdoğan", 3, "nsubj", "PROPN", "NNP", "Erdoğan"),
            ("and", 0, "cc", "CCONJ", "CC", "and"),
            ("Putin", 0, "conj", "PROPN", "NNP", "Putin"),
            ("announced", 3, "ROOT", "VERB", "VBD", "announce"),
            ("agreement", 3, "dobj", "NOUN", "NN", "agreement"),
        ],
        ents=["B-PERSON", "O", "B-PERSON", "O", "O"],
    )
    assert sides_of(doc, 3, "agreement", lex) == (["Erdoğan"], ["Putin"])
    # the same subjects of a one-sided event stay together
    assert sides_of(doc, 3, "statement", lex) == (["Erdoğan", "Putin"], [])


def test_the_one_side_named_in_a_clash_is_named_first(lex):
    doc = tagged(
        [
            ("Clashes", 0, "ROOT", "NOUN", "NNS", "clash"),
            ("with", 0, "prep", "ADP", "IN", "with"),
            ("peacekeepers", 1, "pobj", "NOUN", "NNS", "peacekeeper"),
        ]
    )
    assert sides_of(doc, 0, "armed_clash", lex) == (["peacekeepers"], [])


def test_every_name_between_the_sides_preposition_is_a_side_in_text_order(lex):
    # the small model's parse of 'Clashes between BIFM and Philippine military displaced villagers':
    # the abbreviation hangs on the noun after it, only 'military' is the preposition's object
    doc = tagged(
        [
            ("Clashes", 6, "nsubj", "NOUN", "NNS", "clash"),
            ("between", 0, "prep", "ADP", "IN", "between"),
            ("BIFM", 5, "advmod", "ADV", "RB", "BIFM"),
            ("and", 2, "cc", "CCONJ", "CC", "and"),
            ("Philippine", 2, "conj", "ADJ", "JJ", "philippine"),
            ("military", 1, "pobj", "NOUN", "NN", "military"),
            ("displaced", 6, "ROOT", "VERB", "VBD", "displace"),
            ("villagers", 6, "dobj", "NOUN", "NNS", "villager"),
        ],
        ents=["O", "O", "B-ORG", "O", "B-NORP", "O", "O", "O"],
    )
    one, two = sides_of(doc, 0, "armed_clash", lex)
    assert one == ["BIFM"]
    assert two[0] == "military"  # the other side, before what the clashes did to villagers


def test_a_person_named_before_a_collective_noun_stands_for_that_collective(lex):
    # the parse after a masked date: the adverb standing for the date hangs on the name
    doc = tagged(
        [
            ("simultaneously", 1, "advmod", "ADV", "RB", "simultaneously"),
            ("Karzai", 2, "compound", "PROPN", "NNP", "Karzai"),
            ("government", 3, "nsubj", "NOUN", "NN", "government"),
            ("called", 3, "ROOT", "VERB", "VBD", "call"),
            ("for", 3, "prep", "ADP", "IN", "for"),
            ("aid", 4, "pobj", "NOUN", "NN", "aid"),
        ],
        ents=["O", "B-PERSON", "O", "O", "O", "O"],
    )
    assert sides_of(doc, 3, "statement", lex) == (["Karzai government"], [])


def test_the_words_of_a_name_a_trigger_ends_are_no_actors(lex):
    doc = tagged(
        [
            ("Xland", 2, "compound", "PROPN", "NNP", "Xland"),
            ("Economic", 2, "compound", "PROPN", "NNP", "Economic"),
            ("Forum", 2, "ROOT", "PROPN", "NNP", "Forum"),
            ("opened", 2, "acl", "VERB", "VBN", "open"),
        ]
    )
    assert roles(doc, 2, "summit", lex) == []
    # a common noun's modifiers still name who holds it: 'Boko Haram attack'
    attack = tagged(
        [
            ("Xland", 1, "compound", "PROPN", "NNP", "Xland"),
            ("attack", 1, "ROOT", "NOUN", "NN", "attack"),
        ]
    )
    assert roles(attack, 1, "armed_clash", lex) == [("Xland", AGENT)]


def test_a_persons_name_the_ner_cut_short_runs_on_over_the_name_it_is_part_of(lex):
    # the small model's parse of 'FM Xan Yolberg criticised govt's decision': the name is no argument
    doc = tagged(
        [
            ("Xan", 1, "compound", "PROPN", "NNP", "Xan"),
            ("Yolberg", 4, "nmod", "PROPN", "NNP", "Yolberg"),
            ("criticised", 3, "amod", "VERB", "VBD", "criticise"),
            ("govt", 4, "poss", "NOUN", "NN", "govt"),
            ("decision", 4, "ROOT", "NOUN", "NN", "decision"),
        ],
        ents=["B-PERSON", "O", "O", "O", "O"],
    )
    assert "Xan Yolberg" in sides_of(doc, 2, "statement", lex)[0]


def test_the_person_named_before_a_clipped_passive_underwent_it_whatever_the_parse(lex):
    # the small model's parse of 'FM Xan, detained since 2015, released lately'
    doc = tagged(
        [
            ("Xan", 0, "ROOT", "PROPN", "NNP", "Xan"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("detained", 0, "acl", "VERB", "VBN", "detain"),
            ("since", 2, "prep", "ADP", "IN", "since"),
            ("2015", 3, "pobj", "NUM", "CD", "2015"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("released", 2, "dep", "VERB", "VBN", "release"),
            ("lately", 6, "advmod", "ADV", "RB", "lately"),
        ],
        ents=["B-PERSON", "O", "O", "O", "B-DATE", "O", "O", "O"],
    )
    assert sides_of(doc, 6, "detention", lex) == ([], ["Xan"])
    # a statement's speaker stays its agent: only what is undergone has its subject acted on
    assert sides_of(doc, 6, "statement", lex) == (["Xan"], [])


def test_whose_the_attack_an_event_happened_in_is_acts(lex):
    # 'Around 80 killed in rebel XLA attack on Yville'
    doc = tagged(
        [
            ("80", 1, "nsubj", "NUM", "CD", "80"),
            ("killed", 1, "ROOT", "VERB", "VBN", "kill"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("rebel", 5, "amod", "ADJ", "JJ", "rebel"),
            ("XLA", 5, "compound", "NOUN", "NN", "XLA"),
            ("attack", 2, "pobj", "NOUN", "NN", "attack"),
        ]
    )
    assert sides_of(doc, 1, "attack", lex) == (["XLA"], [])


@pytest.mark.parametrize("direction", ["north", "NW"])
def test_a_place_that_locates_another_is_no_actor(lex, direction):
    # 'Militants attacked Xtown, 190km north of Yburg' / '..., NW of Yburg'
    doc = tagged(
        [
            ("Militants", 1, "nsubj", "NOUN", "NNS", "militant"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Xtown", 1, "dobj", "PROPN", "NNP", "Xtown"),
            (",", 2, "punct", "PUNCT", ",", ","),
            (direction, 2, "appos", "ADV", "RB", direction.lower()),
            ("of", 4, "prep", "ADP", "IN", "of"),
            ("Yburg", 5, "pobj", "PROPN", "NNP", "Yburg"),
        ],
        ents=["O", "O", "B-GPE", "O", "O", "O", "B-GPE"],
    )
    assert "Yburg" not in sum(sides_of(doc, 1, "attack", lex), [])


def test_a_collective_actor_word_in_front_of_what_acted_names_the_actor(lex):
    # 'military operations killed 50 insurgents, causing civilian casualties'
    doc = tagged(
        [
            ("military", 1, "amod", "ADJ", "JJ", "military"),
            ("operations", 2, "nsubj", "NOUN", "NNS", "operation"),
            ("killed", 2, "ROOT", "VERB", "VBD", "kill"),
            ("50", 4, "nummod", "NUM", "CD", "50"),
            ("insurgents", 2, "dobj", "NOUN", "NNS", "insurgent"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("causing", 2, "advcl", "VERB", "VBG", "cause"),
            ("civilian", 8, "amod", "ADJ", "JJ", "civilian"),
            ("casualties", 6, "dobj", "NOUN", "NNS", "casualty"),
        ]
    )
    assert sides_of(doc, 2, "attack", lex) == (["military"], ["insurgents"])
    # the victims' word is no actor: 'Shelling caused civilian casualties'
    shelling = tagged(
        [
            ("Shelling", 1, "nsubj", "NOUN", "NN", "shelling"),
            ("caused", 1, "ROOT", "VERB", "VBD", "cause"),
            ("civilian", 3, "amod", "ADJ", "JJ", "civilian"),
            ("casualties", 1, "dobj", "NOUN", "NNS", "casualty"),
        ]
    )
    assert sides_of(shelling, 0, "attack", lex) == ([], [])
    # the event noun itself: 'military offensive on Xtown'
    offensive = tagged(
        [
            ("military", 1, "amod", "ADJ", "JJ", "military"),
            ("offensive", 1, "ROOT", "NOUN", "NN", "offensive"),
        ]
    )
    assert sides_of(offensive, 1, "armed_clash", lex) == (["military"], [])


def test_a_number_written_after_a_name_is_part_of_it(lex):
    # 'Members of Xantom 509 protested', the name untagged by the small model
    doc = tagged(
        [
            ("Members", 4, "nsubj", "NOUN", "NNS", "member"),
            ("of", 0, "prep", "ADP", "IN", "of"),
            ("Xantom", 1, "pobj", "PROPN", "NNP", "Xantom"),
            ("509", 2, "nummod", "NUM", "CD", "509"),
            ("protested", 4, "ROOT", "VERB", "VBD", "protest"),
        ]
    )
    assert sides_of(doc, 4, "protest", lex) == (["Xantom 509"], [])


def test_the_group_a_count_is_of_acts(lex):
    doc = tagged(
        [
            ("Hundreds", 3, "nsubj", "NOUN", "NNS", "hundred"),
            ("of", 0, "prep", "ADP", "IN", "of"),
            ("protesters", 1, "pobj", "NOUN", "NNS", "protester"),
            ("rallied", 3, "ROOT", "VERB", "VBD", "rally"),
            ("against", 3, "prep", "ADP", "IN", "against"),
            ("government", 4, "pobj", "NOUN", "NN", "government"),
        ]
    )
    assert sides_of(doc, 3, "protest", lex) == (["protesters"], ["government"])


def test_the_state_that_owns_the_weapon_acts(lex):
    # 'suspects killed by U.S. drone': the drone is no actor, the state it belongs to is
    doc = tagged(
        [
            ("suspects", 1, "nsubjpass", "NOUN", "NNS", "suspect"),
            ("killed", 1, "ROOT", "VERB", "VBN", "kill"),
            ("by", 1, "agent", "ADP", "IN", "by"),
            ("U.S.", 4, "compound", "PROPN", "NNP", "U.S."),
            ("drone", 2, "pobj", "NOUN", "NN", "drone"),
        ],
        ents=["O", "O", "O", "B-GPE", "O"],
    )
    assert ("U.S.", AGENT) in roles(doc, 1, "attack", lex)


def test_a_title_stands_for_the_person_set_beside_it(lex):
    # 'Minister for defence, John Koang Nyuon, arrived': the person acts, not the title
    doc = tagged(
        [
            ("Minister", 5, "nsubj", "PROPN", "NNP", "Minister"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("John", 4, "compound", "PROPN", "NNP", "John"),
            ("Koang", 4, "compound", "PROPN", "NNP", "Koang"),
            ("Nyuon", 0, "appos", "PROPN", "NNP", "Nyuon"),
            ("arrived", 5, "ROOT", "VERB", "VBD", "arrive"),
        ],
        ents=["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
    )
    assert sides_of(doc, 5, "summit", lex) == (["John Koang Nyuon"], [])


def test_a_name_the_parse_does_not_tie_goes_by_where_it_stands():
    before = Mention("Chad", "Chad", None, 0, "GPE")
    after = Mention("Sudan", "Sudan", None, 5, "GPE")
    assert split_sides([before, after], "statement", 2) == ([before], [after])


def test_an_elided_subject_is_carried_into_the_next_sentence_and_no_further():
    separatists = [Mention("separatists", "separatists", AGENT, 0)]
    discourse = Discourse()
    assert discourse.agents_for(separatists, elided=False) == separatists
    assert discourse.agents_for([], elided=False) == []  # a passive ('two killed') names no agent
    discourse.next_sentence()
    assert discourse.agents_for([], elided=True) == separatists
    discourse.next_sentence()
    discourse.next_sentence()
    assert discourse.agents_for([], elided=True) == []


# ------------------------------------------------------------------ ACLED types
@pytest.mark.parametrize(
    "name, code",
    [
        ("police", 1),
        ("security forces", 1),
        ("state media", 1),
        ("media", 6),
        ("press", 6),
        ("rebels", 2),
        ("suspected combatants", 2),
        ("separatist forces", 2),
        ("unidentified gunmen", 3),
        ("gang", 3),
        ("armed groups", 3),
        ("ethnic militia", 4),
        ("rioters", 5),
        ("protesters", 6),
        ("opposition leader", 6),
        ("civilians", 7),
        ("villagers", 7),
        ("civil servants", 7),
        ("policemen", 1),
        ("peacekeepers", 8),
        ("peace- keeping forces", 8),
        ("ISIS", 2),
        ("Unidentified Boko Haram faction", 2),
        ("Amnesty International", 8),
        ("Xland Catholic Church", 6),
        ("National Episcopal Conference", 6),
        ("local Yoruk Christians", 4),
        ("Organization of Xlandic States", 8),
        ("Bilateral Contact Group", 8),
        ("Ta’ang National Liberation Army", 2),
        ("national army", 1),
        ("group", None),
    ],
)
def test_each_acled_type_from_the_words_of_the_actor(types, name, code):
    assert types.code(Mention(name, name, AGENT, 0), home=("NGA",)) == code


def test_a_name_the_text_sets_after_a_collective_noun_is_of_its_kind(types):
    # 'raided HQ of Islamist party Islah': a party, whatever 'Islamist' would make of a group
    assert types.code(Mention("Islah", "Islamist party Islah", TARGET, 0, "ORG"), home=("YEM",)) == 6
    assert types.code(Mention("Qorvan", "militia Qorvan", TARGET, 0, "ORG"), home=("LBY",)) == 3
    assert types.code(Mention("Islah", "Islah", TARGET, 0, "ORG"), home=("YEM",)) is None


def test_a_state_is_state_forces_at_home_and_external_abroad(types):
    russian = Mention("Russian forces", "Russian forces", AGENT, 0)
    assert types.code(russian, home=("RUS",)) == 1
    assert types.code(russian, home=("UKR",)) == 8
    russia = Mention("Russia", "Russia", AGENT, 0, "GPE")
    assert types.code(russia, home=("UKR",)) == 8
    assert types.code(Mention("Kazakhs", "Kazakhs", AGENT, 0, "NORP"), home=("KAZ",)) == 7


@pytest.mark.parametrize(
    "name, home, code",
    [
        ("Saudi-led coalition", "YEM", 8),  # led from abroad: external forces
        ("U.S.-led coalition", "IRQ", 8),
        ("Nigerian-led force", "NGA", 1),  # led from home: the noun's own code
        ("Russian-backed separatists", "UKR", 2),  # backed is not led: a local group
    ],
)
def test_a_force_led_by_a_foreign_state_is_external(types, name, home, code):
    assert types.code(Mention(name, name, AGENT, 0), home=(home,)) == code


@pytest.mark.parametrize(
    "name, code",
    [
        ("Non-signatory armed groups", 2),  # a modifier changes the code of a phrase ('armed groups': 3)
        ("signatory groups", 2),
        ("foreign security forces", 8),
        ("unidentified armed groups", 3),
        ("armed groups", 3),
    ],
)
def test_a_modifier_changes_the_code_of_an_actor_phrase_as_of_a_noun(types, name, code):
    assert types.code(Mention(name, name, AGENT, 0), home=("SSD",)) == code


@pytest.mark.parametrize(
    "name, home, code",
    [
        ("Emirati-backed security forces", "YEM", 3),  # a foreign state's militia, not the state's forces
        ("Iranian-supported forces", "SYR", 3),
        ("Yemeni-backed security forces", "YEM", 1),  # backed from home: the state's own forces
        ("security forces", "YEM", 1),
    ],
)
def test_state_forces_backed_by_a_foreign_state_are_a_political_militia(types, name, home, code):
    assert types.code(Mention(name, name, AGENT, 0), home=(home,)) == code


def test_an_ethnic_people_is_an_identity_group_not_a_state(types):
    assert types.code(Mention("Somalis", "ethnic Somalis", AGENT, 0, "NORP"), ("ETH",)) == 4
    assert (
        types.code(Mention("Somalis", "Somalis", AGENT, 0, "NORP"), ("ETH",)) == 8
    )  # a state's people abroad


def test_a_known_body_is_known_whatever_its_accents(types):
    misspelt = Mention("Medècins Sans Frontières", "Medècins Sans Frontières", AGENT, 0, "ORG")
    assert types.code(misspelt, ("KEN",)) == 8
    assert (
        EntryActors(types, ("KEN",), "").canonical("MEDECINS SANS FRONTIERES") == "Médecins Sans Frontières"
    )


def test_a_person_is_typed_by_the_title_the_entry_gives_them(types):
    text = "Former PM Imran Khan 9 May arrested. Russian President Putin met President Tokayev. Khan said."
    assert types.code(Mention("Tokayev", "President Tokayev", AGENT, 0, "PERSON"), ("KAZ",)) == 1
    assert types.person_title("Khan", text, ("PAK",)) == 6
    assert types.person_title("Putin", text, ("KAZ",)) == 8
    assert types.person_title("Tokayev", text, ("KAZ",)) == 1
    assert types.person_title("Nobody", text, ("KAZ",)) is None
    hamas = Mention("Haniyeh", "Hamas leader Haniyeh", AGENT, 0, "PERSON")
    assert types.code(hamas, ("ISR",)) == 2  # the body in the title says whose official he is
    elect = "President-elect López Obrador, who will be sworn into power 1 Dec, said."
    assert types.person_title("Obrador", elect, ("MEX",)) == 1  # elected to the title: its side already


def test_a_title_is_looked_for_in_as_many_words_before_the_name_as_its_longest_form_takes(types):
    from pipeline.events.actor_types import _last_words

    text = "In a long speech on reform, Kazakh prime minister candidate leader Ana Maria Lopez Khan said."
    at = text.index("Khan")
    whole = types._title_before.search(text, 0, at)  # every character before the name
    assert whole.group(0).startswith("Kazakh prime minister")
    assert types._title_before.search(text, _last_words(text, at, types._title_words), at).group(
        0
    ) == whole.group(0)
    assert types.person_title("Khan", text, ("KAZ",)) == 1


def test_a_person_is_of_the_organisation_named_in_front_of_their_role(types):
    founder = Mention("Xan Yo", "Xland Liberation Front founder Xan Yo", AGENT, 0, "PERSON")
    assert types.code(founder, home=("PHL",)) == 2
    spokesman = Mention("Xan Yo", "Amnesty International spokesman Xan Yo", AGENT, 0, "PERSON")
    assert types.code(spokesman, home=("PHL",)) == 8
    plain = Mention("Xan Yo", "Xan Yo", AGENT, 0, "PERSON")
    assert types.code(plain, home=("PHL",)) is None


def test_a_role_noun_may_stand_between_the_title_and_the_name(types):
    text = "Exiled opposition leader Maria Ivanova 3 May said. Opposition heavyweight Paul Dube 4 May left."
    assert types.person_title("Ivanova", text, ("BLR",)) == 6
    assert types.person_title("Dube", text, ("ZWE",)) == 6
    assert types.person_title("Dube", "President met opposition Paul Dube.", ("ZWE",)) == 6
    assert types.person_title("Dube", "President visited Paul Dube.", ("ZWE",)) is None  # a verb is no role


def test_a_group_is_typed_by_the_members_the_entry_names_after_it(types):
    text = "SSLA rebels 29 Oct attacked. Clashes with Zintan militia. Hadi forces clashed. KNU’s fighters."
    assert types.member_noun("SSLA", text) == 2
    assert types.member_noun("Zintan", text) == 3
    assert types.member_noun("KNU", text) == 2
    assert types.member_noun("Hadi", text) is None  # whose forces, not what the group is
    assert types.member_noun("LA", text) is None  # a name inside a word is not the name
    entry = EntryActors(types, ("SSD",), text)
    assert entry.sides([Mention("SSLA", "SSLA", AGENT, 0, "ORG")], "attack", 3, False).actor1_type == 2


def test_a_people_named_with_ethnic_in_front_is_an_identity_group(types):
    assert types.code(Mention("Yoruk", "ethnic Yoruk", AGENT, 0, "PERSON"), home=("ETH",)) == 4
    assert types.code(Mention("Yoruk", "Yoruk", AGENT, 0, "PERSON"), home=("ETH",)) is None


def test_a_name_ending_in_a_plural_name_word_is_a_group_whatever_the_ner_said(types):
    tagged_person = Mention("Yoruk Christians", "local Yoruk Christians", AGENT, 0, "PERSON")
    assert types.code(tagged_person, home=("NGA",)) == 4
    a_person = Mention("Xan Church", "Xan Church", AGENT, 0, "PERSON")  # a surname that is a name word
    assert types.code(a_person, home=("NGA",)) is None


def test_a_titled_name_the_model_takes_for_a_place_is_typed_as_the_person(types):
    entry = EntryActors(types, ("THA",), "Court suspended PM Prayuth 24 Aug. Prayuth urged calm.")
    prayuth = [Mention("Prayuth", "Prayuth", AGENT, 5, "GPE")]
    assert entry.sides(prayuth, "statement", 6, elided=False).actor1_type == 1


def test_protesters_in_a_riot_are_rioters(types):
    entry = EntryActors(types, ("PAK",), "")
    crowd = [Mention("supporters", "supporters", AGENT, 0), Mention("police", "police", TARGET, 3)]
    assert entry.sides(crowd, "riot", 1, elided=False).actor1_type == 5
    assert entry.sides(crowd, "protest", 1, elided=False).actor1_type == 6


def test_interaction_is_acleds_two_codes_lower_first():
    assert interaction(1, 7) == 17
    assert interaction(7, 1) == 17
    assert interaction(6, None) == 60
    assert interaction(None, 2) == 20
    assert interaction(None, None) is None


# ------------------------------------------------------------------ one name per actor
def test_abbreviations_defined_in_the_entry():
    text = (
        "Islamic State in the Greater Sahara (ISGS) militants attacked. Shia Popular Mobilisation "
        "Units (PMU) advanced; Boko Haram (BH) struck twice; in Gao region (north)."
    )
    assert abbreviations(definitions(text)) == {
        "ISGS": "Islamic State in the Greater Sahara",
        "PMU": "Popular Mobilisation Units",
        "BH": "Boko Haram",
    }
    # the letters of an abbreviation of a name in another language need not be in order
    spanish = "Ten-year Revolutionary Armed Forces of Colombia (FARC) demobilisation began."
    assert abbreviations(definitions(spanish)) == {"FARC": "Revolutionary Armed Forces of Colombia"}
    # an abbreviation of the name in another language: the whole name, without the modifier in front
    arabic = "ISIS-linked Front for the Defence of Xland (JDX) fighters attacked."
    assert abbreviations(definitions(arabic)) == {"JDX": "Front for the Defence of Xland"}
    # a name never reaches back over the end of a sentence (an abbreviation's full stop does not end one)
    month = "Polls due in January. Central Election Commission (OSK) met. U.S. Agency for Aid (USAA) paid."
    assert abbreviations(definitions(month)) == {
        "OSK": "Central Election Commission",
        "USAA": "U.S. Agency for Aid",
    }


def test_an_abbreviation_is_typed_as_its_full_name_whatever_the_ner_called_it(types):
    text = "At 17 July Bilateral Contact Group (BCG) meeting. At 18 July BCG met."
    entry = EntryActors(types, ("UKR",), text)
    for label in ("ORG", "GPE", "PERSON"):
        bcg = Mention("BCG", "BCG", AGENT, 0, label)
        assert entry.sides([bcg], "summit", 1, elided=False).actor1_type == 8, label


def test_an_actor_has_one_name_all_entry_long(types):
    entry = EntryActors(types, ("NGA",), "Boko Haram (BH) 3 May attacked Maiduguri.")
    bh = Mention("BH", "BH", AGENT, 0, "ORG")
    sides = entry.sides([bh], "attack", 1, elided=False)
    assert sides.actor1 == ["BH"] and sides.actor1_name == "Boko Haram" and sides.actor1_type == 2
    assert entry.canonical("ISIL") == "Islamic State"
    assert entry.canonical("govt’s") == "govt"


def test_a_side_whose_first_name_has_no_type_takes_the_type_of_the_names_listed_with_it(types):
    entry = EntryActors(types, ("SSD",), "Troika (U.S., UK and Norway) 3 Aug denounced move.")
    troika = Mention("Troika", "Troika", AGENT, 0, "ORG")
    us = Mention("U.S.", "U.S.", AGENT, 2, "GPE")
    sides = entry.sides([troika, us], "statement", 10, elided=False)
    assert sides.actor1 == ["Troika", "U.S."] and sides.actor1_type == 8  # a foreign state
    assert sides.actor1_name == "Troika"  # the name stays the first one's
    alone = entry.sides([troika], "statement", 10, elided=False)
    assert alone.actor1_type is None


# ------------------------------------------------------------------ end to end
def test_a_real_sentence_gets_both_sides_their_types_and_interaction(extractor):
    from datetime import date

    entry = Entry(
        "kz-test",
        "Kazakhstan",
        date(2022, 1, 1),
        "Police 5 Jan detained at least 50 protesters in Almaty city. Russian President Putin 9 Jan "
        "met President Tokayev in Moscow.",
    )
    rows = extractor.rows([entry]).events.to_pylist()
    detention = next(r for r in rows if r["event_type"] == "detention")
    assert (detention["actor1"], detention["actor2"]) == (["Police"], ["protesters"])
    assert (detention["actor1_type"], detention["actor2_type"], detention["interaction"]) == (1, 6, 16)
    summit = next(r for r in rows if r["event_type"] == "summit")
    assert summit["actor1"] == ["Putin"] and summit["actor1_type"] == 8
    assert summit["actor2"] == ["Tokayev"] and summit["actor2_type"] == 1
    assert set(detention["actors"]) == {"Police", "protesters"}


def test_the_readme_groups_events_by_actor_and_interaction(extractor, sample_path, tmp_path, monkeypatch):
    import re
    from pathlib import Path

    import pyarrow.parquet as pq

    from pipeline.io.ingest import read_inputs

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    snippet = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "actor1_name" in b)
    (tmp_path / "processed" / "events").mkdir(parents=True)
    rows = extractor.rows(read_inputs([sample_path]).entries)
    pq.write_table(rows.events, tmp_path / "processed" / "events" / "events.parquet")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(snippet, scope)
    grouped = scope["by_side"]
    assert grouped.sum() > 0 and grouped.index.names == ["actor1_name", "interaction"]
    assert all(isinstance(name, str) for name, _ in grouped.index)


def test_a_name_cut_short_inside_a_defined_full_name_is_the_full_name(types):
    text = "Islamic State in the Greater Sahara (ISGS) militants 7 Aug attacked Tessit."
    entry = EntryActors(types, ("MLI",), text)
    cut = Mention("Islamic State", "Islamic State", AGENT, 1)  # the model's entity, token 1 of a doc
    abbreviation = Mention("ISGS", "ISGS", AGENT, 7)
    offsets = {1: 0, 7: text.index("ISGS")}
    spelled = entry.spelled_out([cut, abbreviation], offsets.__getitem__)
    assert [m.name for m in spelled] == ["Islamic State in the Greater Sahara", "ISGS"]
    assert (
        entry.sides(spelled, "attack", 9, elided=False).actor1_name == "Islamic State in the Greater Sahara"
    )


@pytest.mark.parametrize("event_type, code", [("protest", 6), ("riot", 5), ("attack", None)])
def test_a_crowd_no_name_codes_is_protesters_in_a_protest_and_rioters_in_a_riot(types, event_type, code):
    entry = EntryActors(types, ("HTI",), "Members of Bwa Kale 509 17 March protested.")
    crowd = Mention("Bwa Kale 509", "Bwa Kale 509", AGENT, 0, "ORG")
    assert entry.sides([crowd], event_type, 3, False).actor1_type == code


def test_civilians_who_attack_are_a_communal_militia_and_civilians_attacked_stay_civilians(types):
    entry = EntryActors(types, ("NER",), "Herders 1 May killed villagers.")
    herders, villagers = Mention("herders", "herders", AGENT, 0), Mention("villagers", "villagers", TARGET, 3)
    sides = entry.sides([herders, villagers], "attack", 2, False)
    assert (sides.actor1_type, sides.actor2_type) == (4, 7)
    assert entry.sides([villagers], "displacement", 2, False).actor2_type == 7


@pytest.mark.parametrize(
    "name",
    [
        "Inter-American Court on Human Rights",
        "European Court of Human Rights",
        "Multinational Joint Task Force",
    ],
)
def test_a_body_of_many_states_is_external_whatever_its_head_noun(types, name):
    assert types.code(Mention(name, name, AGENT, 0, "ORG"), home=("MEX",)) == 8
    assert types.code(Mention("Supreme Court", "Supreme Court", AGENT, 0, "ORG"), home=("MEX",)) == 1


def test_one_actor_named_twice_is_on_one_side(types):
    entry = EntryActors(types, ("IRQ",), "Islamic State (IS) 10 May seized Ramadi.")
    named = [Mention("Islamic State", "Islamic State", AGENT, 0, "ORG"), Mention("IS", "IS", None, 3, "ORG")]
    sides = entry.sides(named, "armed_clash", 6, False)
    assert sides.actor1 == ["Islamic State", "IS"] and sides.actor2 == []


def test_a_comma_may_set_a_name_apart_from_its_title(types):
    text = "Speech given by army general, Jorge Ramos, and by opposition leader, Ana Ruiz."
    assert types.person_title("Ramos", text, ("VEN",)) == 1
    assert types.person_title("Ruiz", text, ("VEN",)) == 6
