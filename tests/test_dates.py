"""The date grammar on CrisisWatch-style sentences (docs/CODEBOOK.md section 1)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import DateResolver

D = date.fromisoformat
RESOLVER = DateResolver()  # cheap: a few compiled expressions
resolve_all = RESOLVER.find

# (entry month, sentence, expected [(text, first day, last day, precision)])
CASES = [
    # day and month, both orders, all spellings
    ("2022-11", "Kazakhs 20 Nov headed to polls.", [("20 Nov", "2022-11-20", "2022-11-20", "day")]),
    (
        "2022-09",
        "President Tokayev 1 Sept called for snap elections.",
        [("1 Sept", "2022-09-01", "2022-09-01", "day")],
    ),
    (
        "2004-11",
        "Parliamentary elections were held 28 November amid boycott.",
        [("28 November", "2004-11-28", "2004-11-28", "day")],
    ),
    # a full stop after a day-month ends the sentence, even before a number; before a day it abbreviates
    (
        "2009-06",
        "Troops killed 1 at protest 1 June. 4 gunmen killed Nov. 3.",
        [("1 June", "2009-06-01", "2009-06-01", "day"), ("Nov. 3", "2009-11-03", "2009-11-03", "day")],
    ),
    (
        "2004-08",
        "On August 21 gunmen attacked convoy near Kandahar.",
        [("August 21", "2004-08-21", "2004-08-21", "day")],
    ),
    ("2004-08", "Rebels 21st August seized town.", [("21st August", "2004-08-21", "2004-08-21", "day")]),
    ("2022-11", "Court 20 Nov 2022 upheld sentence.", [("20 Nov 2022", "2022-11-20", "2022-11-20", "day")]),
    (
        "2004-08",
        "Ceasefire agreed August 21, 2004 collapsed.",
        [("August 21, 2004", "2004-08-21", "2004-08-21", "day")],
    ),
    (
        "2023-09",
        "Govt 12 Sept. 2023 announced curfew.",
        [("12 Sept. 2023", "2023-09-12", "2023-09-12", "day")],
    ),
    # ranges
    (
        "2021-01",
        "Authorities 4-6 Jan arrested four activists.",
        [("4-6 Jan", "2021-01-04", "2021-01-06", "range")],
    ),
    (
        "2021-01",
        "Tax authorities 15–25 Jan fined groups.",
        [("15–25 Jan", "2021-01-15", "2021-01-25", "range")],
    ),
    (
        "2020-12",
        "Clashes 30 Nov-2 Dec killed dozens.",
        [("30 Nov-2 Dec", "2020-11-30", "2020-12-02", "range")],
    ),
    (
        "2020-12",
        "Fighting 28 Dec-3 Jan displaced thousands.",
        [("28 Dec-3 Jan", "2020-12-28", "2021-01-03", "range")],
    ),
    # two days joined by 'and' are a list of days, not a range (docs/CODEBOOK.md 1)
    (
        "2023-11",
        "FMs met 7 and 8 Nov in Tokyo.",
        [("7", "2023-11-07", "2023-11-07", "day"), ("8 Nov", "2023-11-08", "2023-11-08", "day")],
    ),
    (
        "2022-01",
        "Militants on night of 3-4 Jan raided village.",
        [("night of 3-4 Jan", "2022-01-03", "2022-01-04", "range")],
    ),
    (
        "2004-03",
        "Minister killed in 21/22 March clashes.",
        [("21/22 March", "2004-03-21", "2004-03-22", "range")],
    ),
    (
        "2004-03",
        "At donors’ conference in Berlin 31 March / 1 April govt called for aid.",
        [("31 March / 1 April", "2004-03-31", "2004-04-01", "range")],
    ),
    (
        "2004-05",
        "Marches disrupted by police 3 and 16 May.",
        [("3", "2004-05-03", "2004-05-03", "day"), ("16 May", "2004-05-16", "2004-05-16", "day")],
    ),
    # parts of a month, real month lengths
    (
        "2017-10",
        "Group arrested three policemen early Oct.",
        [("early Oct", "2017-10-01", "2017-10-10", "part_of_month")],
    ),
    (
        "2023-03",
        "Protests resumed mid-March in capital.",
        [("mid-March", "2023-03-11", "2023-03-20", "part_of_month")],
    ),
    (
        "2024-02",
        "Fighting intensified late Feb near border.",
        [("late Feb", "2024-02-21", "2024-02-29", "part_of_month")],
    ),
    (
        "2023-02",
        "Fighting intensified late Feb near border.",
        [("late Feb", "2023-02-21", "2023-02-28", "part_of_month")],
    ),
    (
        "2022-01",
        "Talks due to resume end of Jan.",
        [("end of Jan", "2022-01-21", "2022-01-31", "part_of_month")],
    ),
    (
        "2014-07",
        "At least 75 killed mid- to late July in Benghazi.",
        [("mid- to late July", "2014-07-11", "2014-07-31", "part_of_month")],
    ),
    (
        "2021-04",
        "Clashes erupted late month in north.",
        [("late month", "2021-04-21", "2021-04-30", "part_of_month")],
    ),
    (
        "2021-04",
        "Clashes continued throughout month.",
        [("throughout month", "2021-04-01", "2021-04-30", "month")],
    ),
    # chains
    (
        "2022-09",
        "Officials 27 Sept said 98,000 Russians had arrived; Tokayev same day urged tolerance.",
        [("27 Sept", "2022-09-27", "2022-09-27", "day"), ("same day", "2022-09-27", "2022-09-27", "day")],
    ),
    (
        "2017-10",
        "Compaoré arrested in Paris 29 Oct, released next day.",
        [("29 Oct", "2017-10-29", "2017-10-29", "day"), ("next day", "2017-10-30", "2017-10-30", "day")],
    ),
    (  # a day outside the month in the middle of the sentence is background, not the anchor
        "2021-03",
        "Officers 17 March freed comrades accused of 7 Feb coup attempt; next day stormed station.",
        [
            ("17 March", "2021-03-17", "2021-03-17", "day"),
            ("7 Feb", "2021-02-07", "2021-02-07", "day"),
            ("next day", "2021-03-18", "2021-03-18", "day"),
        ],
    ),
    (  # ... but a sentence that only tells the day before the month counts from it
        "2021-03",
        "Police 5 March arrested him. Gunmen 28 Feb attacked base; next day army retook it.",
        [
            ("5 March", "2021-03-05", "2021-03-05", "day"),
            ("28 Feb", "2021-02-28", "2021-02-28", "day"),
            ("next day", "2021-03-01", "2021-03-01", "day"),
        ],
    ),
    (
        "2017-10",
        "Bombing 31 Oct; govt following day sacked police chief.",
        [("31 Oct", "2017-10-31", "2017-10-31", "day"), ("following day", "2017-11-01", "2017-11-01", "day")],
    ),
    (
        "2021-06",
        "Troops retook town 12 June; day after, rebels shelled it.",
        [("12 June", "2021-06-12", "2021-06-12", "day"), ("day after", "2021-06-13", "2021-06-13", "day")],
    ),
    (
        "2021-06",
        "Talks opened 12 June; two days later delegation walked out.",
        [
            ("12 June", "2021-06-12", "2021-06-12", "day"),
            ("two days later", "2021-06-14", "2021-06-14", "day"),
        ],
    ),
    (
        "2004-02",
        "Hearings held 23-25 February. Day before hearings began, bomber killed 8.",
        [
            ("23-25 February", "2004-02-23", "2004-02-25", "range"),
            ("Day before", "2004-02-22", "2004-02-22", "day"),
        ],
    ),
    (
        "2021-01",
        (
            "Parliamentary elections on 10 Jan. Police 6 Jan detained activist. On "
            "election day, police detained dozens."
        ),
        [
            ("10 Jan", "2021-01-10", "2021-01-10", "day"),
            ("6 Jan", "2021-01-06", "2021-01-06", "day"),
            ("election day", "2021-01-10", "2021-01-10", "day"),
        ],
    ),
    # the year rule, and an explicit year winning
    ("2021-01", "Opposition 10 Dec announced boycott.", [("10 Dec", "2020-12-10", "2020-12-10", "day")]),
    ("2020-12", "Campaign due to run until 9 Jan.", [("9 Jan", "2021-01-09", "2021-01-09", "day")]),
    ("2021-01", "Court on 10 Dec 2019 convicted him.", [("10 Dec 2019", "2019-12-10", "2019-12-10", "day")]),
    # month and year mentions, marked as such
    (
        "2020-09",
        "Court upheld April sentence; hearing set for Jan.",
        [("April", "2020-04-01", "2020-04-30", "month"), ("Jan", "2021-01-01", "2021-01-31", "month")],
    ),
    ("2020-11", "Elections set for Jan 2021.", [("Jan 2021", "2021-01-01", "2021-01-31", "month")]),
    ("2022-09", "Polls due early 2023.", [("early 2023", "2023-01-01", "2023-12-31", "year")]),
    ("2022-08", "Deadliest attack since 2015.", [("2015", "2015-01-01", "2015-12-31", "year")]),
    # docs/CODEBOOK.md 1, forms of unseen entries: lists of days (one each; the last carries the month)
    (
        "2023-03",
        "Clashes 25 and 26 March left dozens dead.",
        [("25", "2023-03-25", "2023-03-25", "day"), ("26 March", "2023-03-26", "2023-03-26", "day")],
    ),
    (
        "2023-06",
        "Air strikes 3, 8 June hit market.",
        [("3", "2023-06-03", "2023-06-03", "day"), ("8 June", "2023-06-08", "2023-06-08", "day")],
    ),
    (
        "2023-04",
        "Militants 14, 16, 20 and 30 April attacked convoys.",
        [
            ("14", "2023-04-14", "2023-04-14", "day"),
            ("16", "2023-04-16", "2023-04-16", "day"),
            ("20", "2023-04-20", "2023-04-20", "day"),
            ("30 April", "2023-04-30", "2023-04-30", "day"),
        ],
    ),
    # nights spanning two days
    ("2023-03", "Rockets 21/22 March hit base.", [("21/22 March", "2023-03-21", "2023-03-22", "range")]),
    (
        "2023-04",
        "Raid 31 March / 1 April killed three.",
        [("31 March / 1 April", "2023-03-31", "2023-04-01", "range")],
    ),
    ("2023-09", "Gunmen night of 25 Sept stormed village.", [("25 Sept", "2023-09-25", "2023-09-25", "day")]),
    # parts of the entry's month, and of a named month
    (
        "2022-06",
        "Taliban mid-month detained journalists.",
        [("mid-month", "2022-06-11", "2022-06-20", "part_of_month")],
    ),
    ("2022-06", "Talks early month stalled.", [("early month", "2022-06-01", "2022-06-10", "part_of_month")]),
    (
        "2022-06",
        "Fighting late month resumed.",
        [("late month", "2022-06-21", "2022-06-30", "part_of_month")],
    ),
    (
        "2023-03",
        "Rebels end March seized town.",
        [("end March", "2023-03-21", "2023-03-31", "part_of_month")],
    ),
    (
        "2022-06",
        "Clashes mid-, late-month displaced thousands.",
        [
            ("mid", "2022-06-11", "2022-06-20", "part_of_month"),
            ("late-month", "2022-06-21", "2022-06-30", "part_of_month"),
        ],
    ),
    # line-break hyphens of old entries
    ("2004-07", "Rebels 17 Ju- ly attacked town.", [("17 Ju- ly", "2004-07-17", "2004-07-17", "day")]),
    ("2004-09", "Govt 3 Sep- tember banned party.", [("3 Sep- tember", "2004-09-03", "2004-09-03", "day")]),
]

NOT_DATES = [
    "Officials said around 98,000 Russians had arrived.",
    "Incumbent won over 71% of vote.",
    "Some 12,000 people fled.",
    "Court fined him $530 for insulting police.",
    "UN Security Council Resolution 2334 condemned settlements.",
    "He may resign; protesters may march again.",
    "Sentenced to 12 days in prison and three-year parole restriction.",
    "Army deployed 1,500 troops, 2 battalions and 300 police.",
]


@pytest.mark.parametrize("month, sentence, expected", CASES, ids=[c[1][:40] for c in CASES])
def test_resolves_crisiswatch_date_forms(month, sentence, expected):
    got = [
        (m.text, m.date.isoformat(), m.date_end.isoformat(), m.precision)
        for m in resolve_all(sentence, D(month + "-01"))
    ]
    assert got == expected


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_numbers_that_are_not_dates(sentence):
    assert resolve_all(sentence, D("2022-09-01")) == []


def test_offsets_point_at_the_expression():
    text = "Kazakhs 20 Nov headed to polls; OSCE same day criticised vote."
    for m in resolve_all(text, D("2022-11-01")):
        assert text[m.start : m.end] == m.text


def test_numeric_dates_go_to_the_dateparser_fallback():
    (m,) = resolve_all("Decree dated 12/11/2004 took effect.", D("2004-11-01"))
    assert (m.date, m.precision) == (D("2004-11-12"), "day")


def test_a_relative_date_with_nothing_before_it_is_left_out():
    assert resolve_all("Protesters next day returned.", D("2022-01-01")) == []


months = st.dates(min_value=date(2003, 1, 1), max_value=date(2030, 12, 1)).map(lambda d: d.replace(day=1))
spelling = st.sampled_from(RESOLVER.month_names)


@settings(max_examples=300, deadline=None)
@given(entry=months, day=st.integers(1, 31), month=spelling)
def test_a_day_month_lands_within_six_months_of_the_entry(entry, day, month):
    for m in resolve_all(f"Rebels {day} {month} attacked town.", entry):
        middle = entry.replace(day=15)
        assert abs((m.date - middle).days) <= 186
        assert m.date.day == day


@settings(max_examples=300, deadline=None)
@given(
    entry=months,
    a=st.integers(1, 31),
    b=st.integers(1, 31),
    m1=spelling,
    m2=spelling,
    sep=st.sampled_from(["-", "–", " / "]),
)
def test_ranges_never_end_before_they_start(entry, a, b, m1, m2, sep):
    for text in (f"Clashes {a}{sep}{b} {m1} killed dozens.", f"Talks {a} {m1}{sep}{b} {m2} stalled."):
        for m in resolve_all(text, entry):
            assert m.date <= m.date_end
            assert m.date_end - m.date < timedelta(days=366)


@settings(max_examples=200, deadline=None)
@given(
    entry=months,
    words=st.lists(
        st.sampled_from(
            [
                "20",
                "Nov",
                "late",
                "mid-",
                "early",
                "same day",
                "next day",
                "4-6",
                "Jan",
                "31",
                "Feb",
                "2021",
                "and",
                "in",
                "killed",
                "since",
                "–",
                "/",
                "30",
                "Sept",
                "two days later",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_every_resolved_date_is_a_real_calendar_day(entry, words):
    for m in DateResolver().find(" ".join(words), entry):
        assert isinstance(m.date, date) and isinstance(m.date_end, date)
        assert m.date <= m.date_end


def test_a_day_before_or_after_a_written_date_counts_from_that_date():
    resolver = DateResolver()
    found = resolver.find("Commission day before its 31 Jan deadline requested extension.", date(2017, 1, 1))
    assert [(m.text, m.date, m.precision) for m in found] == [
        ("day before its 31 Jan", date(2017, 1, 30), "day")
    ]
    found = resolver.find("Protests 4 May; day after 5 May vote turned violent.", date(2017, 5, 1))
    assert [m.date for m in found] == [date(2017, 5, 4), date(2017, 5, 6)]
