"""Read CrisisWatch entries from files and folders into `Entry` records.

Accepted inputs (any mix of files and folders):

* JSON Lines (``.jsonl``, ``.json``) and CSV (``.csv``) with ``country``,
  ``month`` (YYYY-MM) and ``text``; optional ``entry_id``, ``title``,
  ``trend``, ``url``; other keys ignored.
* A folder laid out as ``<country>/<YYYY-MM>.txt``, one entry a file.
* Saved CrisisWatch database pages (``.html``, ``.htm``).

Bad input never stops the run: each bad record becomes a `Reject` naming its
file, line and reason, and every good record is still read. What is read is
bounded (`Limits`): regular files only (a FIFO, device or socket is a reject,
never opened), a size per file and per entry text, JSON nesting, months from
1990 to next year; text is made valid UTF-8 (a lone surrogate becomes U+FFFD)
and file names are shown with undecodable bytes escaped. An output folder of
this project (it holds ``manifest.json``) and hidden files are never read as
input, and a file reached twice (a folder and a file in it) is read once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..records import Entry, Reject

REQUIRED = ("country", "month", "text")
OPTIONAL = ("entry_id", "title", "trend", "url")
TRENDS = ("deteriorated", "improved", "unchanged", "conflict-risk-alert", "resolution-opportunity")
_MONTH_RX = re.compile(r"^(\d{4})-(\d{2})$")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_TABLE_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}


class RecordError(ValueError):
    """A record that cannot become an entry; the message is the reason."""


@dataclass(frozen=True)
class Limits:
    """What one run reads at most; past a limit a file or record is a reject that says which limit."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_entry_chars: int = 1_000_000
    first_year: int = 1990
    last_year: int = field(default_factory=lambda: date.today().year + 1)


@dataclass
class Ingested:
    """What reading the inputs gave: entries in input order, and rejects."""

    entries: list[Entry]
    rejects: list[Reject]


def read_inputs(paths: Iterable[str | Path], limits: Limits | None = None) -> Ingested:
    """Read every entry under ``paths``; ids are made unique across all inputs."""
    entries: list[Entry] = []
    rejects: list[Reject] = []
    ids = _IdAssigner()
    for item in iter_records(paths, limits or Limits()):
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        try:
            entries.append(ids.assign(item))
        except RecordError as err:
            rejects.append(Reject(item.source, item.line, str(err), item.text[:2000]))
    return Ingested(entries, rejects)


def iter_records(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[Entry | Reject]:
    """Yield entries (ids not yet unique) and rejects from files and folders, in order; a file reached
    twice (given, and inside a given folder) is read once."""
    limits = limits or Limits()
    seen: set[Path] = set()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            yield Reject(shown(path), None, "no such file or directory", "")
        elif path.is_dir():
            for inner in _folder_files(path):
                if _first_time(inner, seen):
                    yield from read_file(inner, limits)
        elif _first_time(path, seen):
            yield from read_file(path, limits)


def _first_time(path: Path, seen: set[Path]) -> bool:
    key = path.resolve()
    if key in seen:
        return False
    seen.add(key)
    return True


def read_file(path: Path, limits: Limits | None = None) -> Iterator[Entry | Reject]:
    """Yield the entries and rejects of one file, chosen by its suffix."""
    limits = limits or Limits()
    suffix = path.suffix.lower()
    kind = _TABLE_SUFFIXES.get(suffix) or ("txt" if suffix == ".txt" else None)
    if kind is None:
        expected = "expected .jsonl, .csv, .html or <country>/<YYYY-MM>.txt"
        yield Reject(shown(path), None, f"unsupported file type {path.suffix or '(none)'}: {expected}", "")
        return
    try:
        text = _read_bounded(path, limits)
    except RecordError as err:
        yield Reject(shown(path), None, str(err), "")
        return
    if not text.strip():
        yield Reject(shown(path), None, "empty file", "")
        return
    reader = {
        "jsonl": _read_jsonl,
        "json": _read_json,
        "csv": _read_csv,
        "html": _read_html,
        "txt": _read_txt,
    }
    for item in reader[kind](path, text):
        yield item if isinstance(item, Reject) else _bounded(item, limits)


def _read_bounded(path: Path, limits: Limits) -> str:
    """The file's text, if it is a regular file within the size limit (never opens a FIFO or device)."""
    try:
        info = path.stat()
    except OSError as err:
        raise RecordError(f"cannot read: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        raise RecordError("not a regular file (a FIFO, device or socket): not read")
    if info.st_size > limits.max_file_bytes:
        raise RecordError(
            f"file is {info.st_size / 2**20:.1f} MiB, over the limit of "
            f"{limits.max_file_bytes / 2**20:.0f} MiB (--max-file-mb)"
        )
    try:
        return _decode(path)
    except OSError as err:
        raise RecordError(f"cannot read: {err.strerror or err}") from None


def _bounded(entry: Entry | Reject, limits: Limits) -> Entry | Reject:
    """An entry within the limits of text length and months, or its reject."""
    if isinstance(entry, Reject):
        return entry
    if len(entry.text) > limits.max_entry_chars:
        reason = (
            f"text is {len(entry.text):,} characters, over the limit of {limits.max_entry_chars:,} "
            f"(--max-entry-chars)"
        )
        return Reject(entry.source, entry.line, reason, entry.text[:2000])
    if not limits.first_year <= entry.month.year <= limits.last_year:
        month = f"{entry.month.year:04d}-{entry.month.month:02d}"
        reason = f"month {month} is outside {limits.first_year}-{limits.last_year}"
        return Reject(entry.source, entry.line, reason, entry.text[:2000])
    return entry


# --------------------------------------------------------------------- formats
def _folder_files(folder: Path) -> list[Path]:
    """Input files under ``folder``: not hidden, not inside an output folder of this project."""
    found = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _is_output_folder(here / d))
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in {*_TABLE_SUFFIXES, ".txt"}:
                continue
            found.append(path)
    return found


def _is_output_folder(folder: Path) -> bool:
    """A folder a run of this project wrote: its manifest or lock is there."""
    return (folder / "manifest.json").exists() or (folder / ".lock").exists()


def _read_jsonl(path: Path, text: str) -> Iterator[Entry | Reject]:
    """One record per line, lines split at '\n' only (U+2028 inside a JSON string is no line break)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        yield _from_json_text(line, path, number)


def _from_json_text(line: str, path: Path, number: int) -> Entry | Reject:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Reject(
            shown(path), number, f"malformed JSON: {err.msg} at column {err.colno}", _printable(line)
        )
    except RecursionError:
        return Reject(shown(path), number, "JSON nested too deeply", _printable(line[:2000]))
    return _from_mapping(record, shown(path), number, line)


def _read_json(path: Path, text: str) -> Iterator[Entry | Reject]:
    """A ``.json`` file: one array of records, or JSON Lines."""
    if not text.lstrip().startswith("["):
        yield from _read_jsonl(path, text)
        return
    try:
        records = json.loads(text)
    except json.JSONDecodeError as err:
        yield Reject(
            shown(path),
            err.lineno,
            f"malformed JSON: {err.msg} at column {err.colno}",
            _printable(text[:2000]),
        )
        return
    except RecursionError:
        yield Reject(shown(path), 1, "JSON nested too deeply", "")
        return
    if not isinstance(records, list):
        yield from _read_jsonl(path, text)
        return
    for index, record in enumerate(records, start=1):
        raw = (
            json.dumps(record, ensure_ascii=False)[:2000] if isinstance(record, (dict, str)) else str(record)
        )
        yield _from_mapping(record, f"{shown(path)}[{index}]", None, raw[:2000])


def _read_csv(path: Path, text: str) -> Iterator[Entry | Reject]:
    """CSV with a header row; a quoting error (an unclosed quote) is a reject at the line it starts."""
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # entry length is bounded by Limits
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    except csv.Error as err:
        yield Reject(shown(path), 1, f"CSV header: {err}", _printable(text[:200]))
        return
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        yield Reject(
            shown(path),
            1,
            f"CSV lacks required column(s): {', '.join(missing)}",
            _printable(text.split("\n", 1)[0]),
        )
        return
    line = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            if "end of data" in str(err) or "EOF" in str(err):
                reason = (
                    f"CSV: a quote opened on line {line} is never closed (the rest of the file is not read)"
                )
                yield Reject(shown(path), line, reason, _printable(text.split("\n")[line - 1][:2000]))
                return
            yield Reject(shown(path), line, f"CSV: {err}", "")
            line = reader.line_num + 1
            continue
        record = {(k or "").strip().lower(): v for k, v in row.items()}
        yield _from_mapping(record, shown(path), line, ",".join(str(v) for v in row.values()))
        line = reader.line_num + 1


def _read_txt(path: Path, text: str) -> Iterator[Entry | Reject]:
    record = {"country": _country_from_slug(path.parent.name), "month": path.stem, "text": text}
    yield _from_mapping(record, shown(path), None, text[:2000])


def _read_html(path: Path, text: str) -> Iterator[Entry | Reject]:
    from bs4 import BeautifulSoup

    # a page is read as a browser reads it: bytes that are not UTF-8 become U+FFFD
    soup = BeautifulSoup(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"), "html.parser")
    blocks = soup.select("div.c-crisiswatch-entry")
    if not blocks:
        yield Reject(shown(path), None, "no div.c-crisiswatch-entry found: not a saved CrisisWatch page", "")
        return
    for block in blocks:
        heading = _own(block, block.find_all("h3"))
        time_tag = _own(block, block.find_all("time"))
        detail = _own(block, block.select("div.o-crisis-states__detail"))
        paragraphs = [p.get_text(" ", strip=True) for p in detail.find_all("p")] if detail else []
        if detail is not None and not any(paragraphs):  # detail text not wrapped in <p>
            paragraphs = [detail.get_text(" ", strip=True)]
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
        yield _from_mapping(record, shown(path), block.sourceline, str(block)[:2000])


def _own(block, tags):
    """The first of ``tags`` that belongs to ``block`` itself, not to an entry nested inside it."""
    for tag in tags:
        if tag.find_parent("div", class_="c-crisiswatch-entry") is block:
            return tag
    return None


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
    values: dict[str, str] = {}
    for key in REQUIRED + OPTIONAL:
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "entry_id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"field {key!r} must be text, not {_json_kind(value)}")
        if value is not None and value.strip():  # a blank string is a missing value
            values[key] = value
    missing = [k for k in REQUIRED if k not in values]
    if missing:
        raise RecordError(f"missing or empty field(s): {', '.join(missing)}")
    for key, value in values.items():
        if _has_bad_bytes(value):
            raise RecordError(f"invalid UTF-8 in field {key!r}")
        values[key] = _LONE_SURROGATE.sub("\ufffd", value)  # '\ud800' escaped in JSON: not text
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
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        raise RecordError(f"month {value!r} is not YYYY-MM")
    return date(int(match.group(1)), int(match.group(2)), 1)


def _json_kind(value: object) -> str:
    return {bool: "true/false", list: "a list", dict: "an object", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def shown(path: Path) -> str:
    """A path as text that can be printed and written: bytes of the name that are not UTF-8 escaped."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


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
