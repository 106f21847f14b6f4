"""Events of one incident, and a death toll counted once.

One clause often tells one incident as several events: "clashes 3 May killed
12 in Gao" is a clash and the killings in it; "protesters 8 June stormed
police station, security forces shot dead 4" is a riot and an attack. ACLED
would code one incident; this table keeps each event (each is a predicate of
its own) but gives them one ``incident_id`` and states the death toll once, on
the first of them, so that summing ``fatalities`` over the table counts every
toll once.

Two events are one incident when they share a written count (pipeline's
`Toll.at`), or when they are violent, of the same day and told by overlapping
text.
"""

from __future__ import annotations

import hashlib

from ..records import Event

#: types whose events can be one incident told twice (a clash and its killings, a riot and its shooting)
VIOLENT = frozenset({"attack", "armed_clash", "riot", "protest"})


def assign_incidents(entry_id: str, events: list[Event]) -> None:
    """Set ``incident_id`` on every event and keep each death toll on one event only."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            if _one_incident(a, events[j]):
                parent[root(j)] = root(i)
    first_of: dict[int, Event] = {}
    for i, ev in enumerate(events):
        first_of.setdefault(root(i), ev)
    for i, ev in enumerate(events):
        head = first_of[root(i)]
        key = f"{entry_id}|{head.char_start}|{head.event_type}|{head.event_date}"
        ev.incident_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    _count_tolls_once(events)


def _one_incident(a: Event, b: Event) -> bool:
    if set(a.toll_at) & set(b.toll_at):
        return True
    return (
        a.event_type in VIOLENT
        and b.event_type in VIOLENT
        and a.event_date is not None
        and (a.event_date, a.event_date_end) == (b.event_date, b.event_date_end)
        and a.char_start < b.char_end
        and b.char_start < a.char_end
    )


def _count_tolls_once(events: list[Event]) -> None:
    """A written count is the deaths of the first event that states it; later events that repeat it
    state none (their ``toll_at`` stays, so the repeat can be seen)."""
    counted: set[int] = set()
    for ev in events:
        if ev.fatalities is None or not ev.toll_at:
            continue
        if counted & set(ev.toll_at):
            ev.fatalities, ev.fatalities_qualifier = None, None
        counted |= set(ev.toll_at)
