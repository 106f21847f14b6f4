"""The look-ups every event asks for: per-doc indexes (on hand-built Docs), titles, look-up forms."""

from __future__ import annotations

from hand_built import VOCAB
from spacy.tokens import Doc, Span

from pipeline.events.actor_types import folded
from pipeline.events.actors import _strip_title
from pipeline.events.doc_index import in_see_reference, parsed_from, release, text_of, triggers_of
from pipeline.events.scope import Candidate
from pipeline.geo.gazetteer import fold
from pipeline.nlp.trigger_ruler import SPANS_KEY


def _doc(text: str) -> Doc:
    words = text.split(" ")
    return Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False])


def test_triggers_are_read_from_the_span_group_once_until_released():
    doc = _doc("Police detained 50 protesters and raided offices")
    doc.spans[SPANS_KEY] = [Span(doc, 1, 2, label="detention")]
    first = triggers_of(doc)
    assert [(t.text, t.label_) for t in first] == [("detained", "detention")]
    doc.spans[SPANS_KEY] = [*doc.spans[SPANS_KEY], Span(doc, 5, 6, label="attack")]
    assert triggers_of(doc) is first  # the rules' view of one parse does not change under them
    release(doc)
    assert [t.text for t in triggers_of(doc)] == ["detained", "raided"]


def test_a_doc_keeps_the_text_it_was_parsed_from_and_otherwise_builds_it():
    doc = _doc("Kazakhs headed to polls")
    assert text_of(doc) == "Kazakhs headed to polls"
    other = _doc("Kazakhs headed to polls")
    parsed_from(other, "Kazakhs headed to vote!")  # what the caller says it parsed is what is read
    assert text_of(other) == "Kazakhs headed to vote!"


def test_a_see_reference_is_found_only_inside_its_brackets():
    doc = _doc("Clashes spread (see Russia and Ukraine ) as troops moved")
    assert in_see_reference(doc[4:5])  # 'Russia'
    assert not in_see_reference(doc[0:1]) and not in_see_reference(doc[9:10])  # before and after it
    assert not in_see_reference(_doc("Troops moved into Russia")[3:4])


def test_a_candidates_root_is_its_triggers_head_word():
    doc = Doc(VOCAB, words=["deadly", "attack"], heads=[1, 1], deps=["amod", "ROOT"])
    candidate = Candidate(doc[0:2], "attack")
    assert candidate.root.text == "attack" and candidate.root is candidate.root


def test_titles_are_stripped_from_a_name_one_after_the_other(lex):
    assert _strip_title("President Samba Panza", lex) == "Samba Panza"
    assert _strip_title("Deputy Defence Minister Sergei Shoigu", lex) == "Sergei Shoigu"
    assert _strip_title("opposition leader Alexei Navalny’s", lex) == "Alexei Navalny"
    assert _strip_title("Presidential Guard", lex) == "Presidential Guard"  # a title's word, no title
    assert _strip_title("Minister", lex) == "Minister"  # a title alone is the name


def test_look_up_forms_drop_accents_and_case_whatever_the_script():
    assert (
        folded("Médecins Sans Frontières") == "medecins sans frontieres" == folded("MEDECINS sans Frontieres")
    )
    assert folded("Al-Shabaab") == "al-shabaab"
    assert fold("N'Djamena") == "n djamena" and fold("al-Fashir") == "al fashir"
    assert fold("Ségou") == "segou" and fold("St. Petersburg") == "st petersburg"
    assert fold("  Bosnia-Herzegovina ") == "bosnia herzegovina"
