"""models/: every trigger says where it comes from, and the claim can be checked against the codebooks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRIGGERS = [json.loads(line) for line in (ROOT / "models" / "triggers.jsonl").open(encoding="utf-8")]
BOOKS = json.loads((ROOT / "models" / "codebooks.json").read_text(encoding="utf-8"))


def test_every_trigger_names_a_codebook_category_of_its_type_or_general_english():
    for row in TRIGGERS:
        if row["source"] == "general English":
            continue
        book, category = row["source"].split(": ", 1)
        assert row["label"] in BOOKS[book][category]["types"], row


def test_sources_are_up_to_date_with_the_codebooks():
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "trigger_sources.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout


def test_the_walkout_of_a_strike_is_cited_from_cameo_not_invented():
    sys.path.insert(0, str(ROOT / "scripts"))
    from trigger_sources import source_of

    assert (
        source_of({"label": "protest", "pattern": "walkout"}, BOOKS) == "CAMEO: 143 conduct strike or boycott"
    )
    assert source_of({"label": "protest", "pattern": "take to street"}, BOOKS) == "general English"
    # the same word under a type its category does not cover is not cited from it
    assert source_of({"label": "statement", "pattern": "walkout"}, BOOKS) == "general English"
