"""pipeline.nlp: what the parser is given (undated sentences blanked), the attribute ruler, the BLAS."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from thinc.api import Model
from threadpoolctl import ThreadpoolController

from pipeline.dates import DateResolver
from pipeline.io.ingest import read_inputs
from pipeline.nlp import MODEL_NAME, DatedOnly, LineBreakHyphens, build_nlp, use_numpy_blas
from pipeline.nlp.attribute_cache import CachedAttributeRuler
from pipeline.nlp.entity_labels import keep_entity_labels
from pipeline.nlp.lemma_cache import CachedLemmatizer

ROOT = Path(__file__).resolve().parent.parent
RESOLVER = DateResolver()
DATED_ONLY = DatedOnly([*spacy.blank("en").tokenizer.rules, "Gen.", "Col.", "Lt."], RESOLVER.month_names)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in DATED_ONLY.sentences(text)]


def test_sentences_end_at_stops_and_line_breaks_not_at_abbreviations():
    text = (
        "Post-election unrest\nGen. Ali met U.S. envoy. Clashes erupted. "
        "Lt. Col. Musa said “it is over.” Talks 9 Nov. In Bamenda, J. Smith spoke!"
    )
    assert _sentences(text) == [
        "Post-election unrest",
        "Gen. Ali met U.S. envoy.",
        "Clashes erupted.",
        "Lt. Col. Musa said “it is over.”",
        "Talks 9 Nov.",
        "In Bamenda, J. Smith spoke!",
    ]


def test_the_parser_starts_no_sentence_after_a_word_that_ends_none(extractor):
    line_breaks = extractor.nlp.get_pipe("crisis_line_breaks")
    doc = line_breaks(spacy.blank("en")("Govt asked OAS chief for help. Talks (next week) began.\nProtests"))
    starts = {t.text: t.is_sent_start for t in doc[1:]}
    assert starts["Talks"] is None  # after a full stop: the parser decides
    assert starts["Protests"] is True  # after a line break
    assert not any(starts[w] for w in ("asked", "OAS", "chief", "next", "began"))
    # the small model alone starts a sentence at 'Sec Gen': the actors stay with the event
    parsed = extractor.nlp(
        "Moïse 15 March asked Organization of American States (OAS) Sec Gen Luis Almagro for help."
    )
    assert len(list(parsed.sents)) == 1


def test_undated_sentences_are_blanked_in_place():
    text = "Tensions rose.\nPolice 5 May detained ten activists. Govt denied abuse. Talks resumed 7 May."
    mentions = RESOLVER.find(text, date(2021, 5, 1))
    blanked = DATED_ONLY.blank_undated(text, mentions)
    assert len(blanked) == len(text)
    assert "Police 5 May detained ten activists." in blanked
    assert "Talks resumed 7 May." in blanked
    assert "Tensions" not in blanked and "denied" not in blanked
    kept = [i for i, ch in enumerate(blanked) if not ch.isspace()]
    assert all(blanked[i] == text[i] for i in kept)  # offsets are those of the entry text


def test_blanked_sentences_cost_one_token():
    nlp = spacy.blank("en")
    text = "Tensions rose sharply across country.\nPolice 5 May detained ten activists."
    blanked = DATED_ONLY.blank_undated(text, RESOLVER.find(text, date(2021, 5, 1)))
    # six tokens and the line break become one whitespace token
    assert len(nlp(blanked)) == len(nlp(text)) - 6


@pytest.fixture(scope="module")
def pipelines(extractor):
    """The project's pipeline, and the same with spaCy's own AttributeRuler and lemmatizer put back."""
    ours, theirs = extractor.nlp, build_nlp()
    patterns = theirs.get_pipe("attribute_ruler").patterns
    theirs.replace_pipe("attribute_ruler", "attribute_ruler").add_patterns(patterns)
    lookups = theirs.get_pipe("lemmatizer").lookups
    theirs.replace_pipe("lemmatizer", "lemmatizer", config={"mode": "rule"}).lookups = lookups
    return ours, theirs


def test_cached_attribute_ruler_and_lemmatizer_annotate_as_spacys_own(pipelines):
    ours, theirs = pipelines
    assert isinstance(ours.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert type(theirs.get_pipe("attribute_ruler")) is AttributeRuler
    assert isinstance(ours.get_pipe("lemmatizer"), CachedLemmatizer)
    assert type(theirs.get_pipe("lemmatizer")) is EnglishLemmatizer
    assert (
        ours.get_pipe("attribute_ruler").patterns
        == spacy.load(MODEL_NAME).get_pipe("attribute_ruler").patterns
    )
    texts = [json.loads(line)["text"] for line in open(ROOT / "raw" / "kazakhstan_entries.jsonl")][:8]
    texts.append("They ain't gonna stop: let's go, y'all. There are no talks, but it is over.")
    for a, b in zip(ours.pipe(texts), theirs.pipe(texts)):
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]


@pytest.mark.parametrize(
    "patterns",
    [
        [[{"LOWER": "gon"}, {"LOWER": "na"}], [{"LOWER": "na"}, {"LOWER": "na"}, {"LOWER": "na"}]],
        [[{"LOWER": "na"}, {"LOWER": "na", "OP": "+"}]],  # of varying length
        [[{"LENGTH": 2}, {"LOWER": "na"}]],  # a first word the look-up cannot tell
    ],
)
def test_cached_attribute_ruler_finds_patterns_of_several_words_as_spacys_own(patterns):
    doc = spacy.blank("en")("na gon na na na go , gon na na")
    ours, theirs = CachedAttributeRuler(doc.vocab), AttributeRuler(doc.vocab)
    for ruler in (ours, theirs):
        ruler.add([[{"LOWER": "go"}]], {"LEMMA": "went"})
        ruler.add(patterns, {"LEMMA": "going"})
    assert len(theirs.match(doc)) > 2 and ours.match(doc) == theirs.match(doc)


def test_the_ner_keeps_only_the_labels_the_rules_read_and_tags_them_as_before(extractor):
    full = build_nlp()  # the same pipeline with the model's NER as it was trained
    full.remove_pipe("ner")
    full.add_pipe("ner", source=spacy.load(MODEL_NAME), before="crisis_gazetteer")
    kept = set(extractor.nlp.get_pipe("ner").labels)
    assert {"GPE", "ORG", "PERSON", "DATE"} <= kept and not {"PERCENT", "ORDINAL", "QUANTITY"} & kept
    texts = [json.loads(line)["text"] for line in open(ROOT / "raw" / "kazakhstan_entries.jsonl")][:8]
    changed = 0
    for ours, theirs in zip(extractor.nlp.pipe(texts), full.pipe(texts)):
        mine = {(e.start, e.end, e.label_) for e in ours.ents}
        assert {(e.start, e.end, e.label_) for e in theirs.ents if e.label_ in kept} <= mine
        dropped = [set(range(e.start, e.end)) for e in theirs.ents if e.label_ not in kept]
        new = [
            set(range(start, end))
            for start, end, _ in mine - {(e.start, e.end, e.label_) for e in theirs.ents}
        ]
        assert all(any(span & old for old in dropped) for span in new)  # only where a dropped label won
        changed += len(new)
    assert changed  # '19th', an ORDINAL, takes the best kept label instead
    text = "Turnout reached 45 percent, the first since 2019, in Almaty."
    assert "PERCENT" in [e.label_ for e in full(text).ents]
    assert not [e for e in extractor.nlp(text).ents if e.label_ not in kept]


def test_keeping_an_entity_label_the_ner_lacks_is_an_error():
    with pytest.raises(ValueError, match="no label SHIP"):
        keep_entity_labels(spacy.load(MODEL_NAME).get_pipe("ner"), ["GPE", "SHIP"])


def test_cached_attribute_ruler_refuses_patterns_it_cannot_look_up():
    ruler = CachedAttributeRuler(spacy.blank("en").vocab)
    with pytest.raises(ValueError, match="SHAPE"):
        ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})


def test_lemma_repair_mends_unknown_lemmas_and_keeps_known_ones():
    from spacy.tokens import Doc

    from pipeline.nlp.lemma_repair import LemmaRepair

    repair = LemmaRepair.for_words(["fine", "displace", "internally", "displaced"])
    doc = Doc(spacy.blank("en").vocab, words=["fined", "displaced"], lemmas=["fin", "displace"])
    assert [t.lemma_ for t in repair(doc)] == ["fine", "displace"]  # 'fin' mended; 'displace' is known


@pytest.mark.parametrize(
    "text, joined",
    [
        ("with peace- keeping forces", "with peacekeeping   forces"),  # a word cut at a line's end
        ("IACHR pub- lished report", "IACHR published   report"),
        ("between Seleka and anti- balaka in", "between Seleka and anti-balaka  in"),  # an English prefix
        ("Muttahida Majlis- i-Amal leader", "Muttahida  Majlis-i-Amal leader"),  # a hyphened name goes on
        ("killed mid- to late July", "killed mid- to late July"),  # a suspended hyphen, no cut
        ("oil- and gas-rich", "oil- and gas-rich"),
    ],
)
def test_words_cut_at_a_line_end_are_joined_and_offsets_kept(text, joined):
    assert LineBreakHyphens.from_models().rejoin(text) == joined
    assert len(joined) == len(text)


def test_the_models_multiply_with_numpys_blas_and_annotate_as_with_thincs_blis(extractor):
    layers = [
        node
        for _, component in extractor.nlp.pipeline
        if isinstance(getattr(component, "model", None), Model)
        for node in component.model.walk()
    ]
    assert len(layers) > 100 and all(not node.ops.use_blis for node in layers)
    texts = [json.loads(line)["text"] for line in open(ROOT / "raw" / "kazakhstan_entries.jsonl")][:8]
    blis, numpy_blas = spacy.load(MODEL_NAME), use_numpy_blas(spacy.load(MODEL_NAME))
    for a, b in zip(blis.pipe(texts), numpy_blas.pipe(texts)):
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == [
            (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b
        ]


def test_extraction_keeps_blas_to_one_thread_and_gives_the_callers_setting_back(extractor):
    controller = ThreadpoolController()
    if not controller.select(user_api="blas"):
        pytest.skip("numpy was built without a BLAS threadpoolctl can see")

    def threads() -> set[int]:
        return {lib["num_threads"] for lib in controller.select(user_api="blas").info()}

    entries = read_inputs([str(ROOT / "raw" / "kazakhstan_entries.jsonl")]).entries[:2]
    with controller.limit(limits=2, user_api="blas"):
        running = extractor.extract(entries)
        next(running)
        assert threads() == {1}  # while it parses
        list(running)
        assert threads() == {2}
