"""Score an events table against gold, as docs/CODEBOOK.md section 4 says.

Gold and predicted events of the same entry are matched one to one, as many
pairs as possible (maximum bipartite matching), the most alike pairs tried
first. Only predictions of precision day, range or part_of_month count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..events.lexicon import PlaceWords

if TYPE_CHECKING:
    from ..extractor import Extractor

SCORED = ("day", "range", "part_of_month")


def _place_key_of(words: PlaceWords) -> Callable[[str], str]:
    """docs/CODEBOOK.md 4: place names compare after dropping words like city, capital, province, region."""
    alternation = "|".join(sorted(words.region | words.settlement | {"capital"}, key=len, reverse=True))
    pattern = re.compile(rf"\b({alternation})\b", re.I)
    return lambda name: " ".join(pattern.sub(" ", name.lower()).replace("’s", "").split())


_WORD = re.compile(r"[\w'-]+")


@dataclass
class Counts:
    """True positives, predictions and gold items of one score."""

    tp: int = 0
    pred: int = 0
    gold: int = 0
    tp_pred: int | None = None  # per type: right predictions of this type, when it differs from tp

    @property
    def precision(self) -> float:
        right = self.tp if self.tp_pred is None else self.tp_pred
        return right / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """Right answers out of the matched events the score applies to."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, right: bool) -> None:
        self.right += int(right)
        self.total += 1

    def as_dict(self) -> dict:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


#: The confidence bins of the reliability table (the last one takes 1.0)
RELIABILITY_BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))

#: The role scores of docs/CODEBOOK.md 4, in the order `eval` prints them.
ROLE_SCORES = ("agent", "target", "agent_type", "target_type")


@dataclass
class Report:
    """Every figure `crisis-events eval` prints."""

    events: Counts = field(default_factory=Counts)
    dates: Counts = field(default_factory=Counts)
    locations: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    fatalities_right: int = 0
    fatalities_total: int = 0
    by_type: dict[str, Counts] = field(default_factory=dict)
    roles: dict[str, Accuracy] = field(default_factory=lambda: {name: Accuracy() for name in ROLE_SCORES})
    #: every scored prediction and whether it matched a gold event (for the reliability table)
    outcomes: list[tuple[dict, bool]] = field(default_factory=list)

    def reliability(self) -> list[dict]:
        """Predictions by confidence bin: how many, and the share that matched gold."""
        rows = []
        for lo, hi in RELIABILITY_BINS:
            inside = [right for p, right in self.outcomes if lo <= (p.get("confidence") or 0.0) < hi]
            rows.append(
                {
                    "bin": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    "events": len(inside),
                    "right": sum(inside),
                    "precision": round(sum(inside) / len(inside), 4) if inside else None,
                }
            )
        return rows

    @property
    def fatalities_accuracy(self) -> float:
        return self.fatalities_right / self.fatalities_total if self.fatalities_total else 0.0

    def as_dict(self) -> dict:
        def c(x: Counts) -> dict:
            return {
                "precision": round(x.precision, 4),
                "recall": round(x.recall, 4),
                "f1": round(x.f1, 4),
                "tp": x.tp,
                "pred": x.pred,
                "gold": x.gold,
            }

        return {
            "events": c(self.events),
            "dates": c(self.dates),
            "locations": c(self.locations),
            "actors": c(self.actors),
            "fatalities": {
                "accuracy": round(self.fatalities_accuracy, 4),
                "right": self.fatalities_right,
                "total": self.fatalities_total,
            },
            "roles": {name: score.as_dict() for name, score in self.roles.items()},
            "reliability": self.reliability(),
            "by_type": {k: c(v) for k, v in sorted(self.by_type.items())},
        }

    def render(self) -> str:
        lines = [
            f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold",
            _line("events", self.events),
            _line("dates", self.dates),
            _line("locations", self.locations),
            _line("actors", self.actors),
            (
                f"{'fatalities':12} accuracy {self.fatalities_accuracy:.3f} "
                f"({self.fatalities_right}/{self.fatalities_total})"
            ),
            *(
                f"{name:12} accuracy {score.value:.3f} ({score.right}/{score.total})"
                for name, score in self.roles.items()
            ),
            "",
            "per type:",
        ]
        lines += [_line(name, counts) for name, counts in sorted(self.by_type.items())]
        lines += [
            "",
            "reliability of confidence (scored predictions):",
            f"{'confidence':12} {'events':>6} {'right':>6} {'P':>6}",
        ]
        for row in self.reliability():
            share = "-" if row["precision"] is None else f"{row['precision']:.3f}"
            lines.append(f"{row['bin']:12} {row['events']:6d} {row['right']:6d} {share:>6}")
        return "\n".join(lines)


def _line(name: str, x: Counts) -> str:
    return f"{name:12} {x.precision:6.3f} {x.recall:6.3f} {x.f1:6.3f}   {x.tp}/{x.pred}/{x.gold}"


# ----------------------------------------------------------------- loading
class GoldError(ValueError):
    """A gold file that cannot be read: its message names the file and line."""


def load_gold(path: Path) -> dict[str, list[dict]]:
    """entry_id -> gold events, from a gold JSON Lines file."""
    gold: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(f"{path}:{number}: malformed JSON: {err.msg}") from err
            if not isinstance(row, dict) or "entry_id" not in row:
                raise GoldError(f"{path}:{number}: a gold line needs an entry_id and its events")
            events = row.get("events", [])
            bad = next((e for e in events if not {"type", "date"} <= set(e)), None)
            if bad is not None:
                raise GoldError(f"{path}:{number}: every gold event needs a type and a date")
            for event in events:
                event.setdefault("actors", [])
                event.setdefault("locations", [])
            gold.setdefault(row["entry_id"], []).extend(events)
    return gold


def gold_sets(root: Path | None = None) -> dict[str, Path]:
    """Name -> folder of the gold sets shipped with a checkout (data/gold/<name>/{entries,gold}.jsonl)."""
    roots = [root] if root else [Path("data/gold"), Path(__file__).resolve().parents[2] / "data" / "gold"]
    for folder in roots:
        if folder.is_dir():
            return {d.name: d for d in sorted(folder.iterdir()) if (d / "gold.jsonl").exists()}
    return {}


def score_set(folder: Path, extractor: Extractor) -> Report:
    """Extract a gold set's entries with ``extractor`` (loaded once by the caller for all sets) and
    score them against its gold."""
    from ..io.ingest import read_inputs

    entries = read_inputs([str(folder / "entries.jsonl")]).entries
    rows = extractor.rows(entries).events.to_pylist()
    return evaluate(load_gold(folder / "gold.jsonl"), predictions_of(rows))


def load_predictions(events_dir: Path) -> dict[str, list[dict]]:
    """entry_id -> predicted events, from an events table in the gold's field names."""
    import pyarrow.parquet as pq

    return predictions_of(pq.read_table(events_dir).to_pylist())


def predictions_of(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """entry_id -> predicted events, from rows of the events table."""
    predicted: dict[str, list[dict]] = {}
    for row in rows:
        predicted.setdefault(row["entry_id"], []).append(
            {
                "type": row["event_type"],
                "date": _iso(row["event_date"]),
                "date_end": _iso(row["event_date_end"]),
                "precision": row["date_precision"],
                "actors": row["actors"] or [],
                "actor1": row.get("actor1") or [],
                "actor2": row.get("actor2") or [],
                "actor1_type": row.get("actor1_type"),
                "actor2_type": row.get("actor2_type"),
                "locations": row["locations"] or [],
                "fatalities": row["fatalities"],
                "evidence": row["evidence"] or "",
                "confidence": row.get("confidence"),
            }
        )
    return predicted


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# ----------------------------------------------------------------- scoring
def evaluate(
    gold: dict[str, list[dict]], predicted: dict[str, list[dict]], place_words: PlaceWords | None = None
) -> Report:
    """Score predictions of the gold's entries (predictions of other entries are ignored).

    ``place_words`` (default: models/place_words.json) are dropped before place names compare.
    """
    report = Report()
    place_key = _place_key_of(place_words or PlaceWords.from_models())
    for entry_id, gold_events in gold.items():
        preds = [p for p in predicted.get(entry_id, []) if p.get("precision") in SCORED]
        typed = _match(gold_events, preds, _same_event, place_key)
        dated = _match(gold_events, preds, _same_dates, place_key)
        right = {pi for _, pi in typed}
        report.outcomes.extend((p, pi in right) for pi, p in enumerate(preds))
        report.events.tp += len(typed)
        report.events.pred += len(preds)
        report.events.gold += len(gold_events)
        report.dates.tp += len(dated)
        report.dates.pred += len(preds)
        report.dates.gold += len(gold_events)
        for g in gold_events:
            report.by_type.setdefault(g["type"], Counts(tp_pred=0)).gold += 1
        for p in preds:
            report.by_type.setdefault(p["type"], Counts(tp_pred=0)).pred += 1
        for gi, pi in typed:
            g, p = gold_events[gi], preds[pi]
            report.by_type[g["type"]].tp += 1  # recall side: the gold's type was found
            report.by_type[p["type"]].tp_pred += 1  # precision side: the prediction was right
            _names(report.locations, g["locations"], p["locations"], place_key)
            _names(report.actors, g["actors"], p["actors"], _actor_key)
            if g.get("fatalities") is not None:
                report.fatalities_total += 1
                report.fatalities_right += int(p.get("fatalities") == g["fatalities"])
            _roles(report.roles, g, p)
    return report


def _roles(roles: dict[str, Accuracy], g: dict, p: dict) -> None:
    """Agent / target: a gold name of the side is on the same predicted side; types: the same code.

    Gold written before roles existed (no actor1 key) is not scored for them.
    """
    for side, name in (("actor1", "agent"), ("actor2", "target")):
        if g.get(side):
            roles[name].add(any(_names_match(a, b, _actor_key) for a in g[side] for b in p.get(side) or []))
        if g.get(f"{side}_type") is not None:
            roles[f"{name}_type"].add(p.get(f"{side}_type") == g[f"{side}_type"])


def _same_dates(g: dict, p: dict) -> bool:
    if p["date"] != g["date"]:
        return False
    return g.get("date_end") in (None, g["date"]) or p.get("date_end") == g["date_end"]


def _same_event(g: dict, p: dict) -> bool:
    return _same_dates(g, p) and p["type"] in {g["type"], *g.get("alt_types", [])}


def _similarity(g: dict, p: dict, place_key: Callable[[str], str]) -> int:
    def words(e: dict) -> set[str]:
        return {w.lower() for w in _WORD.findall(e.get("evidence", ""))}

    score = len(words(g) & words(p))
    score += 3 * len({place_key(x) for x in g["locations"]} & {place_key(x) for x in p["locations"]})
    score += 2 * sum(any(_actor_key(a) == _actor_key(b) for b in p["actors"]) for a in g["actors"])
    score += 2 * int(g.get("fatalities") is not None and g.get("fatalities") == p.get("fatalities"))
    return score


def _match(
    gold: list[dict],
    preds: list[dict],
    compatible: Callable[[dict, dict], bool],
    place_key: Callable[[str], str],
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching; each gold tries its most alike predictions first."""

    def alike(g: dict, p: dict) -> int:
        return _similarity(g, p, place_key)

    options = {
        gi: sorted(
            (pi for pi, p in enumerate(preds) if compatible(g, p)), key=lambda pi: -alike(g, preds[pi])
        )
        for gi, g in enumerate(gold)
    }
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    order = sorted(
        options, key=lambda gi: -max((alike(gold[gi], preds[pi]) for pi in options[gi]), default=0)
    )
    for gi in order:
        augment(gi, set())
    return [(gi, pi) for pi, gi in owner.items()]


def _actor_key(name: str) -> str:
    return " ".join(name.lower().split())


def _names_match(g: str, p: str, key: Callable[[str], str]) -> bool:
    a, b = key(g), key(p)
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return long_[-len(short) :] == short  # a surname matches a full name


def _names(counts: Counts, gold: Iterable[str], pred: Iterable[str], key: Callable[[str], str]) -> None:
    gold, pred = list(gold), list(pred)
    counts.gold += len(gold)
    counts.pred += len(pred)
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _names_match(g, p, key):
                used.add(i)
                counts.tp += 1
                break
