"""Whether an event happened in the entry's month, is still going on, is yet to come, or is told again.

A monthly entry reports its month, but also names what is set for later
("elections set for 7 Oct"), what began before and goes on ("detained since
Sept", "31 Oct-30 Nov"), and earlier days it refers back to ("suspects in 26
July bombing"). `event_status` says which, so a user can keep what happened in
the month (``event_status == "occurred"``). A month or a year long past that is
only background ("2018 peace deal", "protests in Jan", "deadliest attack since
2019") is no event of this entry: it gets no status and is not emitted.

Statuses: ``occurred`` (in the entry's month), ``scheduled`` (a later day, or
announced for a day of the month), ``ongoing`` (began before the month and
runs into it), ``earlier`` (a named day or part of a month before the entry's
month, told again).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

STATUSES = ("occurred", "scheduled", "ongoing", "earlier")

# cues just before a date that put the event ahead: 'set for 7 Oct', 'due 20 May', 'to be held 3 June'
_AHEAD = re.compile(
    r"\b(?:set for|scheduled for|scheduled|slated for|planned for|due|due on|to be held(?: on)?|"
    r"postponed to|postponed until|delayed to|delayed until|moved to|rescheduled for|will|until|"
    r"will be held|will take place|to take place|is to be held|are to be held|"
    r"deadline of|by|ahead of|upcoming|expected on|expected)\s+(?:on\s+)?$",
    re.I,
)
# 'detained since Sept', 'in custody since 2015': it goes on
_SINCE = re.compile(r"\bsince\s+(?:early\s+|mid-?\s*|late\s+|end\s+(?:of\s+)?)?$", re.I)
#: a superlative: 'deadliest attack since 2019' compares, it neither dates an event nor totals deaths
SUPERLATIVE = re.compile(
    r"\b(?:\w+iest|worst|first|most|highest|largest|biggest|greatest|fiercest|strongest|longest|"
    r"lowest|gravest|record)\b",
    re.I,
)
_COMPARED = re.compile(SUPERLATIVE.pattern + r"[^,;]*$", re.I)
_DAY_PRECISE = {"day", "range", "part_of_month"}


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def event_status(
    start: date | None, end: date | None, precision: str, month: date, before: str
) -> str | None:
    """The status of an event dated ``start``-``end`` in the entry of ``month``; None for background.

    ``before`` is the sentence's text up to the date expression, where "set for" or "since" is written.
    """
    if start is None:
        return "occurred"
    last = month_end(month)
    if start > last:
        return "scheduled"
    if start >= month:
        return "scheduled" if _AHEAD.search(before) else "occurred"
    if (end or start) >= month:
        return "ongoing"
    since = _SINCE.search(before)
    if since:
        return None if _COMPARED.search(before[: since.start()]) else "ongoing"
    return "earlier" if precision in _DAY_PRECISE else None
