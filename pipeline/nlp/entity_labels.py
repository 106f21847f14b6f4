"""The pretrained NER, restricted to the entity labels the rules read.

en_core_web_sm's NER is a transition-based tagger: at every token it scores
each of its 74 actions (B, I, L and U for each of 18 labels, and O), checks
which actions are valid, and takes the best valid one. In spaCy 3.8's
compiled code the check of each action takes and releases the GIL several
times: in a perf profile of the NER alone on 100,000 words of entries, about
45% of the samples were in taking and releasing it. No rule reads TIME, ORDINAL, PERCENT,
QUANTITY or LAW (models/entity_labels.json lists the labels kept, and why).
Dropping their actions, and the rows of the output layer that score them,
leaves the other actions' scores exactly as they were, and the best of them
the same wherever a dropped label would not have won. Where one would have,
the token takes the best kept action instead ('19th', ORDINAL, becomes DATE).

The restricted component is still spaCy's own ``ner``: ``nlp.to_disk()``
saves its actions and its smaller output layer, and loading reads them back.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy
from spacy.pipeline import EntityRecognizer
from thinc.api import Linear, use_ops


def keep_entity_labels(ner: EntityRecognizer, labels: Collection[str]) -> None:
    """Drop every action of ``ner`` whose label is not in ``labels`` (O and unlabelled actions stay)."""
    unknown = set(labels) - set(ner.labels)
    if unknown:
        raise ValueError(f"keep_entity_labels: the NER has no label {', '.join(sorted(unknown))}")
    moves = ner.moves
    before = [moves.get_class_name(i) for i in range(moves.n_moves)]
    moves.initialize_actions(
        {
            action: {label: freq for label, freq in freqs.items() if not label or label in labels}
            for action, freqs in moves.labels.items()
        }
    )
    rows = [before.index(moves.get_class_name(i)) for i in range(moves.n_moves)]
    _keep_output_rows(ner.model, rows)


def _keep_output_rows(model, rows: list[int]) -> None:
    """The output layer with only ``rows`` (in that order); the unseen classes renumbered to match."""
    upper = model.get_ref("upper")
    with use_ops("cpu"):
        smaller = Linear(nO=len(rows), nI=upper.get_dim("nI"))
    smaller.set_param("W", numpy.ascontiguousarray(upper.get_param("W")[rows]))
    smaller.set_param("b", numpy.ascontiguousarray(upper.get_param("b")[rows]))
    model._layers[-1] = smaller  # where spaCy's own resize_output puts a resized output layer
    model.set_ref("upper", smaller)
    unseen = model.attrs["unseen_classes"]
    model.attrs["unseen_classes"] = {new for new, old in enumerate(rows) if old in unseen}
