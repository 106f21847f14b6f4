"""How well pipeline.geo places the gold locations of development sets (a measurement, not a test).

For every location of every gold event it resolves the name as the pipeline
would (entry's countries first, then the countries its evidence names) and
prints: the share placed in the right country (an unresolved name falls back
to the entry's country, precision 3), the share at each precision level, and
the share with coordinates.

    python scripts/eval_geo.py --entries raw ../shared/data/world_entries.jsonl \
        --gold ../shared/gold/dev.jsonl ../shared/gold/dev-world.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from pipeline.events import Lexicon
from pipeline.geo import Geocoder
from pipeline.io.ingest import read_inputs

TRUTH = Path(__file__).with_name("geo_truth_dev.tsv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", nargs="+", required=True)
    parser.add_argument("--gold", nargs="+", required=True)
    args = parser.parse_args()
    countries = {e.entry_id: e.country for e in read_inputs(args.entries).entries}
    abroad = {}
    for line in TRUTH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            entry_id, name, iso3 = line.split("\t")
            abroad[(entry_id, name)] = iso3
    geocoder = Geocoder.from_models(Lexicon.from_models().places)
    total, right, precision, misplaced = 0, 0, Counter(), []
    for path in args.gold:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            home = geocoder.heading_countries(countries[row["entry_id"]])
            for ev in row["events"]:
                named = geocoder.countries_named(ev["evidence"])
                for name in ev["locations"]:
                    total += 1
                    place = geocoder.resolve(name, home, named)
                    got = place.iso3 if place else (home[0] if home else None)
                    precision[place.geo_precision if place else "unresolved (entry country, 3)"] += 1
                    want = abroad.get((row["entry_id"], name))
                    ok = got == want if want else got in home
                    right += ok
                    if not ok:
                        misplaced.append(f"{row['entry_id']}: {name} -> {got}")
    print(f"gold locations: {total}")
    print(f"right country: {right}/{total} = {right / total:.1%}")
    for level, n in sorted(precision.items(), key=str):
        print(f"precision {level}: {n} = {n / total:.1%}")
    with_coords = sum(n for k, n in precision.items() if k != "unresolved (entry country, 3)")
    print(
        f"resolved with coordinates: {with_coords}/{total} = {with_coords / total:.1%} "
        f"(the rest get the entry country's point)"
    )
    for item in misplaced:
        print("misplaced:", item)


if __name__ == "__main__":
    main()
