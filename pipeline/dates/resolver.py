"""Find and resolve the date expressions of a CrisisWatch entry.

CrisisWatch writes dates in a compact house style ("20 Nov", "4-6 Jan",
"late Dec", "same day") whose meaning depends on the entry's month and on the
dates told before it. dateparser handles none of the ranges, parts of a month
or chains, and invents a year from today's date, so this module is the
project's own grammar for the prose (docs/CODEBOOK.md section 1). dateparser is kept
as the fallback for numeric forms ("12/11/2004", "2004-11-12"), with one
settings object built once, so its cache stays bounded.

Everything works on the raw entry text with character offsets, before and
independently of spaCy: its sentence splitter and NER cut dates in two.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..resources import read_json

#: precisions an event can be scored on (docs/CODEBOOK.md section 1)
SCORED_PRECISIONS = ("day", "range", "part_of_month")


@dataclass(frozen=True)
class DateMention:
    """One date expression found in an entry, resolved to calendar days.

    ``start``/``end`` are character offsets into the entry text. ``date`` and
    ``date_end`` bound the days the expression covers (equal for a single
    day). ``precision`` is one of day, range, part_of_month, month, year.
    """

    start: int
    end: int
    text: str
    date: date
    date_end: date
    precision: str

    @property
    def scored(self) -> bool:
        """True when events anchored here count as gold-comparable events."""
        return self.precision in SCORED_PRECISIONS


@dataclass(frozen=True)
class _Vocab:
    month_of: dict[str, int]
    month_alt: str
    ambiguous: frozenset[str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    parts: dict[str, tuple[int, int]]
    numbers: dict[str, int]
    relative: dict[str, int]
    units: dict[str, int]
    event_days: dict[str, tuple[str, ...]]
    whole_month: tuple[str, ...]


def load_vocab() -> _Vocab:
    """The date vocabulary of models/dates.json and models/numbers.json."""
    raw = read_json("dates.json")
    month_of = {name: int(num) for num, names in raw["months"].items() for name in names}
    alternation = "|".join(sorted(month_of, key=len, reverse=True))
    return _Vocab(
        month_of=month_of,
        month_alt=alternation,
        ambiguous=frozenset(raw["ambiguous_months"]),
        month_cues=frozenset(raw["month_cues"]),
        year_cues=frozenset(raw["year_cues"]),
        parts={k: tuple(v) for k, v in raw["month_parts"].items()},
        numbers=read_json("numbers.json")["number_words"],
        relative=raw["relative_days"],
        units=raw["relative_units"],
        event_days={k: tuple(v) for k, v in raw["event_days"].items()},
        whole_month=tuple(raw["whole_month"]),
    )


@dataclass(frozen=True)
class _Grammar:
    """Compiled regular expressions, one per form, tried in priority order."""

    forms: tuple[tuple[str, re.Pattern[str]], ...]


_NOT_NUM_BEFORE = r"(?<![\d.,$£€%/\w-])"
_NOT_NUM_AFTER = r"(?![\d%]|,\d|\.\d)"
#: a yearless day-month further than this from the entry's mid-month is no date of it
_MAX_DISTANCE_DAYS = 186
#: how far (in characters) an election word may stand from the date it names
_EVENT_DAY_REACH = 25
#: a word cut by a line-break hyphen: "Ju- ly"
_BROKEN_WORD = re.compile(r"\b(?P<a>[A-Za-z]+)-\s+(?P<b>[a-z]+)\b")
_DASH = r"\s*(?:-|–|—|/|to|until)\s*"


def compile_grammar(v: _Vocab) -> _Grammar:
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)(?!\d)"
    # an abbreviation's dot belongs to the date before its year ('12 Sept. 2023') or, when the month is
    # written first, before its day ('Nov. 3'); before any other number it ends the sentence ('killed 1
    # at protest 1 June. 4 gunmen killed ...')
    mon = rf"(?:{v.month_alt})(?:\.(?=\s+{year}))?(?![a-z])"
    mon_d = rf"(?:{v.month_alt})(?:\.(?=\s+\d))?(?![a-z])"
    parts = "|".join(sorted((re.escape(p) for p in v.parts if not p.endswith("-")), key=len, reverse=True))
    nums = "|".join(sorted((k for k in v.numbers if len(k) > 1), key=len, reverse=True))
    rel = "|".join(sorted((re.escape(k) for k in v.relative), key=len, reverse=True))
    evdays = "|".join(re.escape(k) for k in v.event_days)
    whole = "|".join(re.escape(k) for k in v.whole_month)
    # 'day before'/'day after': the relative days that can count from a date written after them
    toward = "|".join(
        sorted((re.escape(k) for k in v.relative if k.endswith((" before", " after"))), key=len, reverse=True)
    )
    forms = [
        # day before its 31 Jan deadline, day after 5 May vote: counted from the date that follows
        (
            "relative_to",
            rf"(?i:\b(?P<r>{toward})\s+(?:(?:its|the|their|his|her|this)\s+)?)"
            rf"(?P<d>{day})\s+(?:of\s+)?(?P<m>{mon})(?:,?\s+(?P<y>{year}))?",
        ),
        # 30 Nov-2 Dec, 31 March / 1 April, 28 Dec 2020-3 Jan 2021
        (
            "cross_range",
            rf"{_NOT_NUM_BEFORE}(?P<d1>{day})\s+(?:of\s+)?(?P<m1>{mon})(?:,?\s+(?P<y1>{year}))?{_DASH}(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{mon})(?:,?\s+(?P<y2>{year}))?",
        ),
        # November 30-December 2
        (
            "cross_range_mf",
            rf"\b(?P<m1>{mon_d})\s+(?P<d1>{day}){_DASH}(?P<m2>{mon_d})\s+(?P<d2>{day})(?:,?\s+(?P<y2>{year}))?{_NOT_NUM_AFTER}",
        ),
        # 25 and 26 March, 3, 8 June, 14, 16, 20 and 30 April: one day each (docs/CODEBOOK.md 1)
        (
            "day_list",
            rf"{_NOT_NUM_BEFORE}(?P<days>{day}(?:\s*,\s*{day})*(?:,?\s+and\s+{day})|{day}(?:\s*,\s*{day})+)"
            rf"\s+(?:of\s+)?(?P<m>{mon})(?:,?\s+(?P<y>{year}))?",
        ),
        # night of 3-4 Jan, 4-6 Jan, 21/22 March
        (
            "day_range",
            rf"(?:night\s+of\s+)?{_NOT_NUM_BEFORE}(?P<d1>{day}){_DASH}(?P<d2>{day})\s+(?:of\s+)?(?P<m>{mon})(?:,?\s+(?P<y>{year}))?",
        ),
        # August 21-23
        (
            "day_range_mf",
            rf"\b(?P<m>{mon_d})\s+(?P<d1>{day}){_DASH}(?P<d2>{day})(?:,?\s+(?P<y>{year}))?{_NOT_NUM_AFTER}",
        ),
        # 20 Nov, 21st August, 28 November 2004
        ("day", rf"{_NOT_NUM_BEFORE}(?P<d>{day})\s+(?:of\s+)?(?P<m>{mon})(?:,?\s+(?P<y>{year}))?"),
        # On August 21, August 21, 2004
        (
            "day_mf",
            rf"\b(?P<m>{mon_d})\s+(?P<d>{day}){_NOT_NUM_AFTER}(?:,?\s+(?P<y>{year}))?(?!\s*(?:-|–)\s*\d)",
        ),
        # mid- to late July, early to mid-Jan
        (
            "part_span",
            rf"\b(?P<p1>early|mid|late)(?:-|\s)*(?:to|-|–)\s*(?P<p2>mid|late)(?:-|\s)+(?P<m>{mon}|month)(?:\s+(?P<y>{year}))?",
        ),
        # mid-, late-month, early-, mid-March: one part each
        (
            "part_list",
            rf"\b(?P<p1>early|mid|late)-?\s*,\s*(?P<p2>early|mid|late)(?:-|\s)+(?P<m>{mon}|month)(?:\s+(?P<y>{year}))?",
        ),
        # early Jan, mid-March, late Dec 2020, end of Jan, late month
        ("part", rf"\b(?P<p>{parts}|end)(?:-|\s)+(?P<m>{mon}|month)(?:\s+(?P<y>{year}))?"),
        # throughout month, during Jan: the whole month, month precision
        ("whole_month", rf"\b(?:{whole})\s+(?:the\s+)?(?P<m>{mon}|month)(?:\s+(?P<y>{year}))?"),
        # 12/11/2004, 2004-11-12: outside the house style, left to dateparser
        ("numeric", r"(?<![\d/.-])(?:\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-\d{2}-\d{2})(?![\d/])"),
        # two days later, three days earlier
        (
            "relative_n",
            rf"(?i:\b(?P<n>{nums}|\d{{1,2}})\s+days?\s+(?:(?P<u>later|earlier)\b|(?P<u2>after|before)\b(?=\s*[,;.]|\s*$)))",
        ),
        # same day, next day, the day before
        ("relative", rf"(?i:\b(?P<r>{rel})\b)"),
        # on election day
        ("event_day", rf"(?i:\b(?P<e>{evdays})\b)"),
        # Jan 2021, in Jan, Sept announcement
        ("month", rf"\b(?:(?P<cue>\w+)\s+)?(?P<m>{mon})(?:,?\s+(?P<y>{year}))?"),
        # early 2023, since 2015, mid-2019
        ("year", rf"\b(?:(?P<cue>\w+)(?:\s+|-))?(?P<y>{year}){_NOT_NUM_AFTER}"),
    ]
    return _Grammar(tuple((name, re.compile(rx)) for name, rx in forms))


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _closest_year(month: int, day: int, ref: date) -> date | None:
    """Place a yearless day-month closest to the middle of the entry's month."""
    middle = ref.replace(day=15)
    best: date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day > _last_day(year, month):
            continue
        candidate = date(year, month, day)
        if best is None or abs((candidate - middle).days) < abs((best - middle).days):
            best = candidate
    if best is None or abs((best - middle).days) > _MAX_DISTANCE_DAYS:
        return None  # "29 Feb" with no leap year near the entry: not a real date here
    return best


def _closest_month_year(month: int, ref: date) -> int:
    """The year that puts a yearless month closest to the entry's month."""
    # on a tie (six months either way) the later year wins: plans are told more often than history
    return min(
        (ref.year + 1, ref.year, ref.year - 1), key=lambda y: abs((y - ref.year) * 12 + month - ref.month)
    )


class DateResolver:
    """Finds date expressions in an entry's text and resolves them.

    One instance serves any number of entries: it holds the compiled grammar
    and the single dateparser parser used as fallback.
    """

    def __init__(self) -> None:
        self._vocab = load_vocab()
        self._grammar = compile_grammar(self._vocab)
        self._fallback = None

    @property
    def month_names(self) -> list[str]:
        """Every month spelling of the vocabulary ("Sept", "September" ...)."""
        return list(self._vocab.month_of)

    @property
    def unambiguous_month_names(self) -> list[str]:
        """The month spellings that are no other English word ('May' and 'March' are)."""
        return [m for m in self._vocab.month_of if m not in self._vocab.ambiguous]

    def _month(self, token: str) -> int:
        return self._vocab.month_of[token.rstrip(".")]

    def _make_day(self, d: str, m: str, y: str | None, ref: date) -> date | None:
        month, day = self._month(m), _day(d)
        if y:
            year = int(y)
            return date(year, month, day) if day <= _last_day(year, month) else None
        return _closest_year(month, day, ref)

    # ------------------------------------------------------------------ public
    def find(self, text: str, entry_month: date) -> list[DateMention]:
        """Return the resolved date mentions of ``text``, in text order.

        ``entry_month`` is any day of the entry's month. Relative expressions
        ("same day", "on election day") are resolved from the mentions before
        them; those with nothing to resolve from are left out.
        """
        ref = entry_month.replace(day=1)
        joined, where = self._join_broken_months(text)
        mentions: list[DateMention] = []
        for form, match in self._scan(joined):
            mentions.extend(self._resolve(form, match, joined, ref, mentions))
        if where is None:
            return mentions
        return [
            replace(
                m,
                start=where[m.start],
                end=where[m.end - 1] + 1,
                text=text[where[m.start] : where[m.end - 1] + 1],
            )
            for m in mentions
        ]

    def _join_broken_months(self, text: str) -> tuple[str, list[int] | None]:
        """Old entries keep line-break hyphens ('17 Ju- ly', 'Sep- tember'): join month names broken so.

        Returns the joined text and, for each of its characters, its offset in
        ``text`` (None when nothing was joined, the common case).
        """
        breaks = [m for m in _BROKEN_WORD.finditer(text) if m["a"] + m["b"] in self._vocab.month_of]
        if not breaks:
            return text, None
        pieces, where, last = [], [], 0
        for m in breaks:
            pieces.append(text[last : m.end("a")])
            where.extend(range(last, m.end("a")))
            last = m.start("b")
        pieces.append(text[last:])
        where.extend(range(last, len(text)))
        return "".join(pieces), where

    # ---------------------------------------------------------------- scanning
    def _scan(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """Yield non-overlapping matches, earlier forms winning over later ones."""
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, str, re.Match[str]]] = []
        for form, pattern in self._grammar.forms:
            for match in pattern.finditer(text):
                start, end = self._span(form, match)
                if start == end or any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                found.append((start, form, match))
        for _, form, match in sorted(found, key=lambda f: f[0]):
            yield form, match

    @staticmethod
    def _span(form: str, match: re.Match[str]) -> tuple[int, int]:
        """The characters a match claims: a cue word before a month or year is context only."""
        if form == "month":
            return match.start("m"), match.end()
        if form == "year":
            cue = (match.group("cue") or "").lower()
            return (match.start("cue") if cue in ("early", "mid", "late") else match.start("y")), match.end()
        return match.start(), match.end()

    # -------------------------------------------------------------- resolving
    def _resolve(
        self, form: str, m: re.Match[str], text: str, ref: date, before: list[DateMention]
    ) -> list[DateMention]:
        """Resolve one match; a handler gives (first, last, precision, start[, end]) tuples."""
        result = getattr(self, f"_resolve_{form}")(m, ref, before, text)
        if result is None:
            return []
        mentions = []
        for first, last, precision, start, *end in result if isinstance(result, list) else [result]:
            start = m.start() if start is None else start
            stop = end[0] if end else m.end()
            if last >= first:
                mentions.append(DateMention(start, stop, text[start:stop], first, last, precision))
        return mentions

    def _resolve_cross_range(self, m, ref, before, text):
        first = self._make_day(m["d1"], m["m1"], m["y1"] or m["y2"], ref)
        if first is None:
            return None
        if m["y2"] or m["y1"]:
            last = self._make_day(m["d2"], m["m2"], m["y2"] or m["y1"], ref)
            if last is not None and last < first and not m["y2"]:
                last = self._make_day(m["d2"], m["m2"], str(first.year + 1), ref)
        else:
            month2, day2 = self._month(m["m2"]), _day(m["d2"])
            year2 = first.year + (1 if month2 < first.month else 0)
            last = date(year2, month2, day2) if day2 <= _last_day(year2, month2) else None
        return (first, last, "range", None) if last else None

    def _resolve_cross_range_mf(self, m, ref, before, text):
        first = self._make_day(m["d1"], m["m1"], m["y2"], ref)
        if first is None:
            return None
        month2, day2 = self._month(m["m2"]), _day(m["d2"])
        year2 = first.year + (1 if month2 < first.month else 0)
        if day2 > _last_day(year2, month2):
            return None
        return first, date(year2, month2, day2), "range", None

    def _resolve_day_range(self, m, ref, before, text):
        last = self._make_day(m["d2"], m["m"], m["y"], ref)
        d1 = _day(m["d1"])
        if last is None or d1 > last.day:
            return None
        first = last.replace(day=d1)
        return first, last, ("day" if first == last else "range"), None

    def _resolve_day_list(self, m, ref, before, text):
        """One day each; the last one carries the month ('3' and '16 May' in '3 and 16 May')."""
        numbers = list(re.finditer(r"\d+", m.group("days")))
        last = self._make_day(numbers[-1].group(), m["m"], m["y"], ref)
        if last is None:
            return None
        offset = m.start("days")
        found = []
        for number in numbers[:-1]:
            day = int(number.group())
            if day > _last_day(last.year, last.month):
                return None
            first = last.replace(day=day)
            found.append((first, first, "day", offset + number.start(), offset + number.end()))
        return [*found, (last, last, "day", offset + numbers[-1].start(), m.end())]

    _resolve_day_range_mf = _resolve_day_range

    def _resolve_day(self, m, ref, before, text):
        day = self._make_day(m["d"], m["m"], m["y"], ref)
        return (day, day, "day", None) if day else None

    _resolve_day_mf = _resolve_day

    def _part_bounds(self, m, ref, first_part: str, last_part: str):
        if m["m"] == "month":
            year, month = ref.year, ref.month
        else:
            month = self._month(m["m"])
            year = int(m["y"]) if m["y"] else _closest_month_year(month, ref)
        last_day = _last_day(year, month)
        lo = self._vocab.parts[first_part][0]
        hi = min(self._vocab.parts[last_part][1], last_day)
        return date(year, month, lo), date(year, month, hi), "part_of_month", None

    def _resolve_part(self, m, ref, before, text):
        part = m["p"].lower()
        part = "end of" if part == "end" else part
        return self._part_bounds(m, ref, part, part)

    def _resolve_whole_month(self, m, ref, before, text):
        first, last, _, start = self._part_bounds(m, ref, "early", "late")
        return first, last, "month", start

    def _resolve_part_span(self, m, ref, before, text):
        return self._part_bounds(m, ref, m["p1"].lower(), m["p2"].lower())

    def _resolve_part_list(self, m, ref, before, text):
        """'mid-, late-month': one part each; the first is its word alone, the last carries the month."""
        first = self._part_bounds(m, ref, m["p1"].lower(), m["p1"].lower())
        last = self._part_bounds(m, ref, m["p2"].lower(), m["p2"].lower())
        return [(*first[:3], m.start("p1"), m.end("p1")), (*last[:3], m.start("p2"), m.end())]

    def _resolve_numeric(self, m, ref, before, text):
        parsed = self._parse_fallback(m.group(0))
        return (parsed, parsed, "day", None) if parsed else None

    @staticmethod
    def _anchor(before: list[DateMention], ref: date, text: str, at: int) -> DateMention | None:
        """The date a relative day ('next day', 'two days later') counts from.

        The last day before it, unless that day lies outside the entry's month
        and its sentence told a day of the month before: then the outside day
        is background ('freed comrades accused of 7 Feb coup attempt; next day
        broke into police station' counts from the sentence's 17 March).
        """
        days = [m for m in before if m.precision in ("day", "range")]
        if not days:
            return None
        last = days[-1]
        sentence = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
        if (last.date.year, last.date.month) == (ref.year, ref.month):
            return last
        for mention in reversed(days[:-1]):
            if mention.start < sentence:
                break
            if (mention.date.year, mention.date.month) == (ref.year, ref.month):
                return mention
        return last

    def _shift(self, before: list[DateMention], days: int, ref: date, text: str, at: int):
        anchor = self._anchor(before, ref, text, at)
        if anchor is None:
            return None
        if days == 0:
            return anchor.date, anchor.date_end, anchor.precision, None
        base = anchor.date_end if days > 0 else anchor.date
        day = base + timedelta(days=days)
        return day, day, "day", None

    def _resolve_relative_to(self, m, ref, before, text):
        anchor = self._make_day(m["d"], m["m"], m["y"], ref)
        if anchor is None:
            return None
        day = anchor + timedelta(days=self._vocab.relative[m["r"].lower()])
        return day, day, "day", None

    def _resolve_relative(self, m, ref, before, text):
        return self._shift(before, self._vocab.relative[m["r"].lower()], ref, text, m.start())

    def _resolve_relative_n(self, m, ref, before, text):
        n = m["n"].lower()
        count = int(n) if n.isdigit() else self._vocab.numbers[n]
        return self._shift(
            before, count * self._vocab.units[(m["u"] or m["u2"]).lower()], ref, text, m.start()
        )

    def _resolve_event_day(self, m, ref, before, text):
        """'on election day': the latest earlier date written right beside an election word."""
        cues = self._vocab.event_days[m["e"].lower()]
        cue_rx = re.compile(rf"\b(?:{'|'.join(cues)})\b", re.IGNORECASE)
        for mention in reversed(before):
            if mention.precision not in ("day", "range"):
                continue
            left = re.split(r"[.;]", text[max(0, mention.start - _EVENT_DAY_REACH) : mention.start])[-1]
            right = re.split(r"[.;]", text[mention.end : min(m.start(), mention.end + _EVENT_DAY_REACH)])[0]
            if cue_rx.search(left) or cue_rx.search(right):
                return mention.date, mention.date_end, mention.precision, None
        return None

    def _resolve_month(self, m, ref, before, text):
        token = m["m"].rstrip(".")
        cue = (m["cue"] or "").lower()
        if token in self._vocab.ambiguous and not m["y"] and cue not in self._vocab.month_cues:
            return None  # "may" the verb, "March" the noun
        month = self._month(token)
        year = int(m["y"]) if m["y"] else _closest_month_year(month, ref)
        return date(year, month, 1), date(year, month, _last_day(year, month)), "month", m.start("m")

    def _resolve_year(self, m, ref, before, text):
        cue = (m["cue"] or "").lower()
        if cue not in self._vocab.year_cues:
            return None
        year = int(m["y"])
        return (
            date(year, 1, 1),
            date(year, 12, 31),
            "year",
            m.start("cue") if cue in ("early", "mid", "late") else m.start("y"),
        )

    def _parse_fallback(self, expression: str) -> date | None:
        if self._fallback is None:
            from dateparser.date import DateDataParser

            self._fallback = DateDataParser(
                languages=["en"],
                settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
            )
        data = self._fallback.get_date_data(expression)
        return data.date_obj.date() if data and data.date_obj else None
