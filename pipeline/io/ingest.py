"""Read CrisisWatch entries from files and folders into `Entry` records.

Accepted inputs (any mix of files and folders):

* JSON Lines (``.jsonl``, ``.json``) and CSV (``.csv``) with ``country``,
  ``month`` (YYYY-MM) and ``text``; optional ``entry_id``, ``title``,
  ``trend``, ``url``; other keys ignored.
* A folder laid out as ``<country>/<YYYY-MM>.txt``, one entry a file.
* Saved CrisisWatch database pages (``.html``, ``.htm``).

Bad input never stops the run: each bad record becomes a `Reject` naming its
file, line and reason, and every good record is still read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..records import Entry, Reject

REQUIRED = ("country", "month", "text")
OPTIONAL = ("entry_id", "title", "trend", "url")
TRENDS = ("deteriorated", "improved", "unchanged", "conflict-risk-alert", "resolution-opportunity")
_MONTH_RX = re.compile(r"^(\d{4})-(\d{2})$")
_TABLE_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}


class RecordError(ValueError):
    """A record that cannot become an entry; the message is the reason."""


@dataclass
class Ingested:
    """What reading the inputs gave: entries in input order, and rejects."""

    entries: list[Entry]
    rejects: list[Reject]


def read_inputs(paths: Iterable[str | Path]) -> Ingested:
    """Read every entry under ``paths``; ids are made unique across all inputs."""
    entries: list[Entry] = []
    rejects: list[Reject] = []
    ids = _IdAssigner()
    for item in iter_records(paths):
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        try:
            entries.append(ids.assign(item))
        except RecordError as err:
            rejects.append(Reject(item.source, item.line, str(err), item.text[:2000]))
    return Ingested(entries, rejects)


def iter_records(paths: Iterable[str | Path]) -> Iterator[Entry | Reject]:
    """Yield entries (ids not yet unique) and rejects from files and folders, in order."""
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            yield Reject(str(path), None, "no such file or directory", "")
        elif path.is_dir():
            yield from _read_folder(path)
        else:
            yield from read_file(path)


def read_file(path: Path) -> Iterator[Entry | Reject]:
    """Yield the entries and rejects of one file, chosen by its suffix."""
    kind = _TABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None and path.suffix.lower() == ".txt":
        yield from _read_txt(path)
        return
    if kind is None:
        yield Reject(
            str(path),
            None,
            (
                f"unsupported file type {path.suffix or '(none)'}: expected .jsonl, .csv, "
                f".html or <country>/<YYYY-MM>.txt"
            ),
            "",
        )
        return
    text = _decode(path)
    if not text.strip():
        yield Reject(str(path), None, "empty file", "")
        return
    reader = {"jsonl": _read_jsonl, "csv": _read_csv, "html": _read_html}[kind]
    yield from reader(path, text)


# --------------------------------------------------------------------- formats
def _read_folder(folder: Path) -> Iterator[Entry | Reject]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    for path in files:
        if path.suffix.lower() in _TABLE_SUFFIXES or path.suffix.lower() == ".txt":
            yield from read_file(path)


def _read_jsonl(path: Path, text: str) -> Iterator[Entry | Reject]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from _read_json_array(path, text)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Reject(
                str(path), number, f"malformed JSON: {err.msg} at column {err.colno}", _printable(line)
            )
            continue
        yield _from_mapping(record, str(path), number, line)


def _read_json_array(path: Path, text: str) -> Iterator[Entry | Reject]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as err:
        yield Reject(
            str(path), err.lineno, f"malformed JSON: {err.msg} at column {err.colno}", _printable(text[:2000])
        )
        return
    for index, record in enumerate(records, start=1):
        yield _from_mapping(record, f"{path}[{index}]", None, json.dumps(record, ensure_ascii=False)[:2000])


def _read_csv(path: Path, text: str) -> Iterator[Entry | Reject]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        yield Reject(
            str(path),
            1,
            f"CSV lacks required column(s): {', '.join(missing)}",
            _printable(text.splitlines()[0]),
        )
        return
    line = 2
    for row in reader:
        record = {(k or "").strip().lower(): v for k, v in row.items()}
        yield _from_mapping(record, str(path), line, ",".join(str(v) for v in row.values()))
        line = reader.line_num + 1


def _read_txt(path: Path) -> Iterator[Entry | Reject]:
    text = _decode(path)
    record = {"country": _country_from_slug(path.parent.name), "month": path.stem, "text": text}
    if not text.strip():
        yield Reject(str(path), None, "empty file", "")
        return
    yield _from_mapping(record, str(path), None, text[:2000])


def _read_html(path: Path, text: str) -> Iterator[Entry | Reject]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    blocks = soup.select("div.c-crisiswatch-entry")
    if not blocks:
        yield Reject(str(path), None, "no div.c-crisiswatch-entry found: not a saved CrisisWatch page", "")
        return
    for block in blocks:
        heading = block.find("h3")
        time_tag = block.find("time")
        detail = block.select_one("div.o-crisis-states__detail")
        paragraphs = [p.get_text(" ", strip=True) for p in detail.find_all("p")] if detail else []
        paragraphs = [p for p in paragraphs if p]
        record = {
            "country": heading.get_text(" ", strip=True) if heading else "",
            "month": _month_from_words(time_tag.get("datetime") or time_tag.get_text(" ", strip=True))
            if time_tag
            else "",
            "text": "\n".join(paragraphs),
            "title": paragraphs[0] if paragraphs else None,
            "trend": _trend_of(heading),
        }
        link = block.find("a", href=True)
        if link is not None and link["href"].startswith("http"):
            record["url"] = link["href"]
        yield _from_mapping(record, str(path), block.sourceline, str(block)[:2000])


# --------------------------------------------------------------------- helpers
def _from_mapping(record: object, source: str, line: int | None, raw: str) -> Entry | Reject:
    if not isinstance(record, dict):
        return Reject(
            source,
            line,
            f"expected an object with {', '.join(REQUIRED)}, got {type(record).__name__}",
            _printable(raw),
        )
    try:
        return _entry(record, source, line)
    except RecordError as err:
        return Reject(source, line, str(err), _printable(raw))


def _entry(record: dict, source: str, line: int | None) -> Entry:
    missing = [k for k in REQUIRED if record.get(k) in (None, "")]
    if "text" not in missing and not str(record["text"]).strip():
        missing.append("text")
    if missing:
        raise RecordError(f"missing or empty field(s): {', '.join(missing)}")
    values = {k: str(record[k]) for k in REQUIRED + OPTIONAL if record.get(k) not in (None, "")}
    for key, value in values.items():
        if _has_bad_bytes(value):
            raise RecordError(f"invalid UTF-8 in field {key!r}")
    text = values["text"].strip()
    title = values.get("title") or (text.split("\n", 1)[0].strip() if "\n" in text else None)
    trend = values.get("trend")
    if trend is not None and trend.strip().lower() not in TRENDS:
        raise RecordError(f"unknown trend {trend!r}: expected one of {', '.join(TRENDS)}")
    return Entry(
        entry_id=values.get("entry_id", ""),
        country=values["country"].strip(),
        month=parse_month(values["month"]),
        text=text,
        title=title,
        trend=trend.strip().lower() if trend else None,
        url=values.get("url"),
        source=source,
        line=line,
    )


def parse_month(value: str) -> date:
    """``YYYY-MM`` to the first day of that month; anything else is a RecordError."""
    match = _MONTH_RX.match(value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise RecordError(f"month {value!r} is not YYYY-MM")
    return date(int(match.group(1)), int(match.group(2)), 1)


def _month_from_words(value: str) -> str:
    """'November 2022' (or an ISO datetime attribute) to '2022-11'; unparseable text is passed on to fail
    validation.
    """
    value = value.strip()
    for fmt in ("%B %Y", "%b %Y", "%Y-%m", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).strftime("%Y-%m")
        except ValueError:
            continue
    return value


def _trend_of(heading) -> str | None:
    if heading is None:
        return None
    for tag in heading.find_all(["use", "a", "svg", "img", "span", "i"]):
        for attr in ("href", "xlink:href", "src", "class", "data-trend"):
            value = tag.get(attr)
            value = " ".join(value) if isinstance(value, list) else (value or "")
            for trend in TRENDS:
                if f"#{trend}" in value or value.endswith(trend):
                    return trend
    return None


def _country_from_slug(slug: str) -> str:
    return (
        slug
        if any(c.isupper() for c in slug)
        else " ".join(w.capitalize() for w in re.split(r"[-_ ]+", slug))
    )


def slugify(value: str) -> str:
    """'Israel/Palestine' -> 'israel-palestine', 'Russia (Internal)' -> 'russia-internal'."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "entry"


def _decode(path: Path) -> str:
    """UTF-8 with bad bytes kept as surrogates, so one bad record does not sink its file."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="surrogateescape")


def _has_bad_bytes(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def _printable(raw: str) -> str:
    return raw.encode("utf-8", errors="backslashreplace").decode("utf-8")[:2000]


class _IdAssigner:
    """Keeps given ids, makes ``<slug>-<YYYY-MM>`` ids (with -2, -3 ...) for the rest."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def assign(self, entry: Entry) -> Entry:
        where = entry.source if entry.line is None else f"{entry.source}:{entry.line}"
        if entry.entry_id:
            if entry.entry_id in self._seen:
                raise RecordError(
                    f"duplicate entry_id {entry.entry_id!r} (first at {self._seen[entry.entry_id]})"
                )
            self._seen[entry.entry_id] = where
            return entry
        base = f"{slugify(entry.country)}-{entry.month:%Y-%m}"
        candidate, n = base, 1
        while candidate in self._seen:
            n += 1
            candidate = f"{base}-{n}"
        self._seen[candidate] = where
        return Entry(**{**entry.__dict__, "entry_id": candidate})
