"""The package installs anywhere: a wheel carries models/, and a run works outside the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pyarrow.parquet as pq
import spacy

from pipeline.provenance import hashed_files

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_hashes_the_code_and_data_that_decide_rows_and_nothing_else():
    files = hashed_files()
    assert {
        "events/build.py",
        "dates/resolver.py",
        "geo/geocoder.py",
        "io/rows.py",
        "models/triggers.jsonl",
    } <= set(files)
    assert not [f for f in files if f.startswith(("tools/", "io/store", "io/ingest", "io/manifest", "cli"))]
    models = {p.name for p in (ROOT / "models").iterdir()}
    assert {f.split("/", 1)[1] for f in files if f.startswith("models/")} == models


def test_components_are_saved_and_loaded_with_the_pipeline(tmp_path, extractor):
    text = "Protesters in Almaty were fined; CSTO troops departed 13 Jan."
    extractor.nlp.to_disk(tmp_path / "nlp")
    reloaded = spacy.load(tmp_path / "nlp")
    before, after = extractor.nlp(text), reloaded(text)
    assert [(e.text, e.label_) for e in after.ents] == [(e.text, e.label_) for e in before.ents]
    assert ("CSTO", "ORG") in [(e.text, e.label_) for e in after.ents]
    assert reloaded.get_pipe("ner").labels == extractor.nlp.get_pipe("ner").labels
    triggers = [(t.text, t.label_) for t in after.spans["triggers"]]
    assert (
        triggers == [(t.text, t.label_) for t in before.spans["triggers"]]
        and ("fined", "sanction") in triggers
    )
    assert [t.lemma_ for t in after] == [t.lemma_ for t in before]


def test_a_wheel_installed_outside_the_checkout_runs_on_the_sample(tmp_path):
    source = tmp_path / "source"  # setuptools writes build/ beside the sources: not in the checkout
    for part in ("pipeline", "flows", "models"):
        shutil.copytree(
            ROOT / part, source / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("crisis_events-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # the dependencies come from this environment's site-packages (appended after the
    # new environment's own, and without its .pth files, so the checkout is not on the path)
    site = Path(
        subprocess.check_output(
            [str(python), "-c", "import site; print(site.getsitepackages()[0])"], text=True
        ).strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    where = subprocess.check_output(
        [str(python), "-c", "import pipeline; print(pipeline.__file__)"], cwd=tmp_path, text=True
    )
    assert where.startswith(str(env_dir))
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    run = subprocess.run(
        [
            str(env_dir / "bin" / "crisis-events"),
            "run",
            str(ROOT / "raw" / "kazakhstan_entries.jsonl"),
            "--out",
            "out",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    events = pq.read_table(tmp_path / "out" / "events").to_pylist()
    assert len(events) > 50 and {e["entry_id"] for e in events} >= {"kazakhstan-2022-01"}
