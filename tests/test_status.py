"""Event status (pipeline.events.status): what happened in the month, what is set for later, what goes on,
what is told again, and background that is no event."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.events.status import event_status

MAY = date(2023, 5, 1)


@pytest.mark.parametrize(
    "start, end, precision, before, status",
    [
        (date(2023, 5, 12), None, "day", "Protesters ", "occurred"),
        (date(2023, 6, 7), None, "day", "Commission announced elections set for ", "scheduled"),
        (date(2023, 5, 28), None, "day", "Commission said runoff will be held on ", "scheduled"),
        (date(2023, 5, 28), None, "day", "runoff due ", "scheduled"),
        (date(2023, 4, 28), date(2023, 5, 3), "range", "Fighting ", "ongoing"),
        (date(2023, 3, 1), date(2023, 3, 31), "month", "Activist, in detention since ", "ongoing"),
        (date(2023, 4, 26), None, "day", "suspects in ", "earlier"),
        (date(2023, 4, 21), date(2023, 4, 30), "part_of_month", "sparked by ", "earlier"),
        (date(2023, 1, 1), date(2023, 1, 31), "month", "Following protests in ", None),
        (date(2019, 1, 1), date(2019, 12, 31), "year", "deadliest attack on military since ", None),
        (None, None, "none", "", "occurred"),
    ],
)
def test_status_table(start, end, precision, before, status):
    assert event_status(start, end, precision, MAY, before) == status


def test_scheduled_vote_and_its_announcement(x):
    events = x.events_of(
        "Electoral commission 12 Sept announced presidential elections set for 7 Oct.", "2023-09"
    )
    assert {(e.event_date, e.event_status) for e in events} == {
        (date(2023, 9, 12), "occurred"),
        (date(2023, 10, 7), "scheduled"),
    }


def test_ongoing_detention_and_earlier_bombing(x):
    detention = x.one(
        "Activist Otepova, under house arrest since Sept, 3 Nov went on hunger strike.",
        "2023-11",
        event_type="detention",
    )
    assert detention.event_status == "ongoing"
    bombing = x.one(
        "Prosecutors 14 Aug filed charges against suspects in 26 July bombing in Cagayan de Oro.",
        "2023-08",
        event_type="attack",
    )
    assert (bombing.event_date, bombing.event_status) == (date(2023, 7, 26), "earlier")


def test_background_months_and_years_are_not_emitted(x):
    events = x.events_of(
        "Following nationwide protests in Jan that left 232 dead, govt 5 June lifted curfew.", "2023-06"
    )
    assert [e.event_date for e in events] == [date(2023, 6, 5)]
    events = x.events_of(
        "Jihadists 7 May attacked Tessit town, killing 42 soldiers in deadliest attack on "
        "military since 2019."
    )
    assert {e.event_date for e in events} == {date(2023, 5, 7)}


def test_no_event_outside_the_month_is_left_unexplained(x):
    text = (
        "Electoral commission 12 Sept announced presidential elections set for 7 Oct. "
        "Prosecutors 14 Sept filed charges against suspects in 26 Aug bombing. "
        "Following protests in June, govt 20 Sept lifted curfew."
    )
    for ev in x.events_of(text, "2023-09"):
        inside = (ev.event_date.year, ev.event_date.month) == (2023, 9)
        assert inside == (ev.event_status == "occurred"), (ev.event_date, ev.event_status)
