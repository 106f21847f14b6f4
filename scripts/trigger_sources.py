"""Record where each trigger of models/triggers.jsonl comes from (docs/CODEBOOK.md; issue 11).

A trigger's ``source`` is the first codebook category of models/codebooks.json
(ACLED, then CAMEO, then PLOVER) that is mapped to the trigger's event type
and whose words hold the trigger (the whole phrase, or its head word, compared
on a shared stem); otherwise "general English" (a synonym, phrasal verb or
nominalisation of a codebook word). Run it after adding triggers:

    python scripts/trigger_sources.py          # rewrite the source fields
    python scripts/trigger_sources.py --check  # exit 1 if a field is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"
GENERAL = "general English"


def _stem(word: str) -> str:
    return word[:6] if len(word) > 6 else word


def source_of(row: dict, books: dict) -> str:
    """The codebook category the trigger's words come from, or general English."""
    phrase = row["pattern"].lower()
    head = phrase.split()[0]
    for book in ("ACLED", "CAMEO", "PLOVER"):
        for category, entry in books[book].items():
            if row["label"] not in entry["types"]:
                continue
            words = [w.lower() for w in entry["words"]]
            if phrase in words or any(" " not in w and _stem(w) == _stem(head) for w in words):
                return f"{book}: {category}"
    return GENERAL


def main(argv: list[str]) -> int:
    books = json.loads((MODELS / "codebooks.json").read_text(encoding="utf-8"))
    path = MODELS / "triggers.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stale = [row for row in rows if row.get("source") != source_of(row, books)]
    if "--check" in argv:
        for row in stale:
            print(f"{path}: {row['pattern']!r} ({row['label']}): source should be {source_of(row, books)!r}")
        return 1 if stale else 0
    for row in rows:
        row["source"] = source_of(row, books)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    cited = sum(row["source"] != GENERAL for row in rows)
    print(f"{len(rows)} triggers: {cited} from a codebook, {len(rows) - cited} general English")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
