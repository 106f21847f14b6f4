"""Fit the confidence model (models/confidence.json) on the shipped gold sets, and show it holds.

    python scripts/calibrate_confidence.py           # leave-one-set-out check, then fit on all, write
    python scripts/calibrate_confidence.py --check   # the check only

For each gold set in data/gold/ the script extracts the set's entries, marks
every scored prediction right or wrong as `crisis-events eval` does (same
type and date as a gold event), and fits a logistic regression (L2, Newton's
method, numpy) from the features the rules record (pipeline.events.confidence).
Before writing, it fits on two sets and prints the reliability table on the
third, for each set in turn: a model that only works on what it was fitted on
shows here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold"
OUT = ROOT / "models" / "confidence.json"
L2 = 1.0
BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def outcomes_of(set_dir: Path, extractor) -> list[tuple[dict[str, float], bool]]:
    """(features, right) of every scored prediction on one gold set."""
    from pipeline.io.ingest import read_inputs
    from pipeline.io.rows import event_rows
    from pipeline.tools.evaluate import evaluate, load_gold, predictions_of

    entries = read_inputs([str(set_dir / "entries.jsonl")]).entries
    predicted: dict[str, list[dict]] = {}
    features: dict[int, dict[str, float]] = {}  # id of a prediction -> the features of its event
    for item in extractor.extract(entries):
        preds = predictions_of(event_rows(item.entry, item.events, None, "calibration")).get(
            item.entry.entry_id, []
        )
        features.update((id(p), ev.features) for p, ev in zip(preds, item.events))
        predicted[item.entry.entry_id] = preds
    report = evaluate(load_gold(set_dir / "gold.jsonl"), predicted)
    return [(features[id(p)], right) for p, right in report.outcomes]


def fit(samples: list[tuple[dict[str, float], bool]], names: list[str]) -> tuple[float, dict[str, float]]:
    """Logistic regression by Newton's method with an L2 penalty on the weights (not the intercept)."""
    x = np.array([[1.0] + [f.get(n, 0.0) for n in names] for f, _ in samples])
    y = np.array([float(right) for _, right in samples])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {n: round(float(v), 4) for n, v in zip(names, w[1:])}


def score(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weights.get(n, 0.0) * v for n, v in features.items())
    return round(1 / (1 + np.exp(-z)), 2)


def table(samples, bias, weights) -> str:
    lines = [f"{'confidence':12} {'events':>6} {'right':>6} {'P':>6}"]
    for lo, hi in BINS:
        inside = [right for f, right in samples if lo <= score(bias, weights, f) < hi]
        share = f"{sum(inside) / len(inside):.3f}" if inside else "-"
        lines.append(f"{lo:.1f}-{min(hi, 1.0):.1f}     {len(inside):6d} {sum(inside):6d} {share:>6}")
    return "\n".join(lines)


def main(check_only: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from pipeline.extractor import Extractor

    extractor = Extractor.load()
    sets = {d.name: outcomes_of(d, extractor) for d in sorted(GOLD.iterdir()) if (d / "gold.jsonl").exists()}
    names = sorted({n for samples in sets.values() for f, _ in samples for n in f})
    for held_out, samples in sets.items():
        train = [s for name, other in sets.items() if name != held_out for s in other]
        bias, weights = fit(train, names)
        print(f"== {held_out} (fitted on the other sets)\n{table(samples, bias, weights)}\n")
    if check_only:
        return 0
    everything = [s for samples in sets.values() for s in samples]
    bias, weights = fit(everything, names)
    print(f"== all sets (fitted on all)\n{table(everything, bias, weights)}")
    OUT.write_text(
        json.dumps(
            {
                "_about": (
                    "Weights of the confidence model (pipeline/events/confidence.py): a logistic "
                    "regression of 'the event matches gold' on the rules' features, fitted by "
                    "scripts/calibrate_confidence.py on data/gold/ "
                    f"({', '.join(f'{k}: {len(v)} predictions' for k, v in sets.items())})."
                ),
                "bias": round(bias, 4),
                "weights": weights,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
