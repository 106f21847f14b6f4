"""How likely an extracted event is right: a logistic model over what the rules saw, fitted on gold.

`confidence` used to be a hand-set sum that did not separate right rows from
wrong ones. It is now the probability, under a logistic model, that the event
matches a gold event (type and date, docs/CODEBOOK.md section 4), from a few facts the
rules know when they build it: whether the parse ties the date to the trigger,
whether the trigger is a verb, whether actors and places were found, how far
the date is from the trigger, the date's precision, the event's type and
status. The weights are data (models/confidence.json), fitted by
scripts/calibrate_confidence.py on the shipped gold sets (data/gold/); `crisis-events
eval` prints the reliability table that shows whether they still hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..resources import read_json


@dataclass(frozen=True)
class ConfidenceModel:
    """Feature name -> weight, and the intercept."""

    weights: dict[str, float]
    bias: float

    @classmethod
    def from_models(cls) -> ConfidenceModel:
        data = read_json("confidence.json")
        return cls(weights=data["weights"], bias=data["bias"])

    def score(self, features: dict[str, float]) -> float:
        """Probability that the event is right, rounded to two places."""
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return round(1.0 / (1.0 + math.exp(-z)), 2)


def event_features(
    *,
    owned: bool,
    verb: bool,
    reported: bool,
    actors: bool,
    places: bool,
    distance: int,
    precision: str,
    event_type: str,
    status: str,
    first_sentence: bool,
) -> dict[str, float]:
    """The facts the model weighs, as named 0/1 values (and a capped distance in tokens)."""
    return {
        "owned": float(owned),
        "verb": float(verb),
        "reported": float(reported),
        "actors": float(actors),
        "places": float(places),
        "distance": min(distance, 20) / 20,
        f"precision={precision}": 1.0,
        f"type={event_type}": 1.0,
        f"status={status}": 1.0,
        "first_sentence": float(first_sentence),
    }
