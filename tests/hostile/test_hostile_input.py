"""Hostile input: every case is one `error: FILE[:LINE]: reason` line and a reject, never a traceback,
and the good records beside it are still processed (exit 0).

All cases sit in one input folder and go through one run of the command line, so the table costs
one extraction; each case is then checked on its own. Files are built at test time and small.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.io.ingest import Limits, read_inputs

GOOD = {"country": "Mali", "month": "2022-08", "text": "Militants 7 Aug killed 12 civilians in Gao."}


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


#: name -> (what to write, the reason its one error line must hold; None: the record is processed)
CASES: dict[str, tuple[object, str | None]] = {
    "deep.jsonl": (
        _jsonl("[" * 100_000 + "]" * 100_000, GOOD | {"entry_id": "deep-good"}),
        "nested too deeply",
    ),
    "year-zero.jsonl": (_jsonl(GOOD | {"month": "0000-01"}), "month '0000-01' is not YYYY-MM"),
    "year-9999.jsonl": (_jsonl(GOOD | {"month": "9999-12"}), "outside 1990-"),
    "year-one.jsonl": (_jsonl(GOOD | {"month": "0001-01"}), "outside 1990-"),
    "surrogate.jsonl": (
        '{"country": "Chad", "month": "2022-08", "text": "Rebels 3 Aug \\ud800 attacked."}\n',
        None,
    ),
    "huge-field.csv": ("country,month,text\nNiger,2022-08," + "x" * 200_000 + " 4 Aug\n", None),
    "list-country.jsonl": (
        _jsonl(GOOD | {"country": ["a", "b"]}),
        "field 'country' must be text, not a list",
    ),
    "bool-text.jsonl": (_jsonl(GOOD | {"text": False}), "field 'text' must be text, not true/false"),
    "blank-country.jsonl": (_jsonl(GOOD | {"country": "   "}), "missing or empty field(s): country"),
    "array-first.jsonl": (_jsonl("[1, 2]", GOOD | {"entry_id": "after-array"}), "got list"),
    "unclosed.csv": (
        'country,month,text\nChad,2022-08,"Rebels 3 Aug attacked.\nMali,2022-08,x\n',
        "never closed",
    ),
    "html-year-zero.html": (
        '<div class="c-crisiswatch-entry"><h3>Chad</h3><time datetime="0000-01"></time>'
        '<div class="o-crisis-states__detail"><p>Rebels 3 Jan attacked.</p></div></div>',
        "month '0000-01' is not YYYY-MM",
    ),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, sample_path):
    """One run over every case, a good file, a FIFO, a link to /dev/zero, a file that cannot be read
    and a file whose name is not UTF-8."""
    root = tmp_path_factory.mktemp("hostile")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    shutil.copy(sample_path, raw / "good.jsonl")
    for name, (content, _) in CASES.items():
        (raw / name).write_text(content, encoding="utf-8", errors="surrogatepass")
    os.mkfifo(raw / "fifo.jsonl")
    (raw / "zero.jsonl").symlink_to("/dev/zero")
    (raw / "locked.jsonl").write_text(_jsonl(GOOD), encoding="utf-8")
    bad_name = os.fsencode(raw) + b"/caf\xe9.jsonl"
    with open(bad_name, "w", encoding="utf-8") as handle:
        handle.write(_jsonl(GOOD | {"entry_id": "badly-named"}))
    before = sorted(p.name for p in root.iterdir())

    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:  # as root, chmod 000 does not stop a read: refuse it here
        if path.name == "locked.jsonl":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_bytes", read_bytes)
        status = main(["run", str(raw), "--out", str(out)])
    return status, out, root, before


@pytest.fixture(scope="module")
def errors(hostile_run):
    status, out, _, _ = hostile_run
    rejects = [json.loads(line) for line in (out / "rejects" / "rejects.jsonl").read_text().splitlines()]
    return rejects


def test_the_run_goes_on_and_keeps_the_good_records(hostile_run):
    status, out, root, before = hostile_run
    assert status == 0
    entries = pd.read_parquet(out / "entries")
    assert entries.entry_id.str.startswith("kazakhstan").sum() == 10  # the sample, untouched
    assert {"deep-good", "after-array", "badly-named"} <= set(entries.entry_id)
    # the lone surrogate is replaced, the 200,000-character field read: both processed
    assert (entries.country == "Chad").any() and (entries.country == "Niger").any()
    assert sorted(p.name for p in root.iterdir()) == sorted([*before, "out"])  # nothing outside --out


@pytest.mark.parametrize("name", [n for n, (_, reason) in CASES.items() if reason])
def test_each_bad_record_is_one_reject_with_its_reason(errors, name):
    reason = CASES[name][1]
    mine = [r for r in errors if Path(r["source"]).name == name]
    assert len(mine) == 1, mine
    assert reason in mine[0]["reason"]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("fifo.jsonl", "not a regular file"),
        ("zero.jsonl", "not a regular file"),
        ("locked.jsonl", "cannot read: Permission denied"),
    ],
)
def test_files_that_cannot_be_read_safely_are_rejects(errors, name, reason):
    mine = [r for r in errors if Path(r["source"]).name == name]
    assert len(mine) == 1 and reason in mine[0]["reason"]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(hostile_run):
    _, out, _, _ = hostile_run
    entries = pd.read_parquet(out / "entries")
    source = entries.loc[entries.entry_id == "badly-named", "source"].iloc[0]
    assert source.endswith("caf\\xe9.jsonl:1")


def test_every_error_is_one_line_naming_file_and_line(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "mixed.jsonl").write_text(_jsonl(GOOD | {"month": "0000-01"}, GOOD), encoding="utf-8")
    assert main(["run", str(raw), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {raw / 'mixed.jsonl'}:1: month '0000-01' is not YYYY-MM"]


def test_size_limits_are_rejects_that_name_the_limit(tmp_path):
    (tmp_path / "big.jsonl").write_text(_jsonl(GOOD) * 200, encoding="utf-8")
    (tmp_path / "long.jsonl").write_text(_jsonl(GOOD | {"text": "word " * 50}), encoding="utf-8")
    got = read_inputs([tmp_path], Limits(max_file_bytes=5_000, max_entry_chars=100))
    reasons = {Path(r.source).name: r.reason for r in got.rejects}
    assert "over the limit of" in reasons["big.jsonl"] and "--max-file-mb" in reasons["big.jsonl"]
    assert "over the limit of 100 (--max-entry-chars)" in reasons["long.jsonl"]


def test_unicode_line_separators_inside_a_record_are_not_line_breaks(tmp_path):
    text = json.dumps(GOOD | {"text": "Rebels\u2028 3 Aug\u0085 attacked."}, ensure_ascii=False)
    (tmp_path / "seps.jsonl").write_text(text + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    got = read_inputs([tmp_path / "seps.jsonl"])
    assert not got.rejects and [e.line for e in got.entries] == [1, 2]


def test_output_folders_and_files_reached_twice_are_not_read_again(tmp_path, sample_path):
    shutil.copy(sample_path, tmp_path / "sample.jsonl")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path), "--out", str(out)]) == 0
    assert main(["run", str(tmp_path), str(tmp_path / "sample.jsonl"), "--out", str(out)]) == 0
    got = read_inputs([tmp_path, tmp_path / "sample.jsonl"])
    assert len(got.entries) == 10 and not got.rejects  # the output folder's rejects file is no input


def test_nested_html_entries_keep_their_own_text(tmp_path):
    (tmp_path / "page.html").write_text(
        '<div class="c-crisiswatch-entry"><h3>Chad</h3><time datetime="2022-08"></time>'
        '<div class="o-crisis-states__detail">Rebels 3 Aug attacked.</div>'
        '<div class="c-crisiswatch-entry"><h3>Mali</h3><time datetime="2022-08"></time>'
        '<div class="o-crisis-states__detail"><p>Militants 7 Aug killed 12.</p></div></div></div>',
        encoding="utf-8",
    )
    got = read_inputs([tmp_path / "page.html"])
    assert {(e.country, e.text) for e in got.entries} == {
        ("Chad", "Rebels 3 Aug attacked."),
        ("Mali", "Militants 7 Aug killed 12."),
    }
