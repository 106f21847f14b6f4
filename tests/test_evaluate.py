"""Eval's arithmetic on a small hand-made case (docs/CODEBOOK.md section 4)."""

from __future__ import annotations

import pytest

from pipeline.tools.evaluate import evaluate


def gold_event(type_, date, **kw):
    return {
        "type": type_,
        "alt_types": kw.get("alt", []),
        "date": date,
        "date_end": kw.get("end"),
        "precision": "day",
        "actors": kw.get("actors", []),
        "locations": kw.get("locations", []),
        "fatalities": kw.get("fatalities"),
        "evidence": kw.get("evidence", ""),
    }


def pred_event(type_, date, **kw):
    return {
        "type": type_,
        "date": date,
        "date_end": kw.get("end", date),
        "precision": kw.get("precision", "day"),
        "actors": kw.get("actors", []),
        "locations": kw.get("locations", []),
        "fatalities": kw.get("fatalities"),
        "evidence": kw.get("evidence", ""),
    }


@pytest.fixture
def report():
    gold = {
        "e1": [
            gold_event("protest", "2021-01-02", actors=["Protesters"], locations=["Zhanaozen"]),
            gold_event(
                "statement",
                "2021-01-05",
                alt=["military"],
                actors=["Kassym-Jomart Tokayev", "CSTO"],
                locations=["capital Nur-Sultan"],
            ),
            gold_event("attack", "2021-01-07", fatalities=12, locations=["Almaty"]),
            gold_event("summit", "2021-01-10", end="2021-01-12"),
        ]
    }
    predicted = {
        "e1": [
            pred_event(
                "protest", "2021-01-02", actors=["protesters", "police"], locations=["Zhanaozen city"]
            ),
            pred_event("military", "2021-01-05", actors=["Tokayev"], locations=["Nur-Sultan"]),
            pred_event("attack", "2021-01-07", fatalities=10, locations=["Almaty", "Shymkent"]),
            pred_event("summit", "2021-01-10", end="2021-01-11"),  # wrong end of a gold range
            pred_event("trial", "2021-01-07"),  # right date, wrong type
            pred_event("election", "2021-01-01", precision="month"),  # not scored
        ],
        "other": [pred_event("protest", "2021-01-02")],  # entry not in gold: ignored
    }
    return evaluate(gold, predicted)


def test_event_scores(report):
    assert (report.events.tp, report.events.pred, report.events.gold) == (3, 5, 4)
    assert report.events.precision == pytest.approx(0.6)
    assert report.events.recall == pytest.approx(0.75)
    assert report.events.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_date_scores_ignore_type_but_not_range_end(report):
    assert (report.dates.tp, report.dates.pred, report.dates.gold) == (3, 5, 4)


def test_names_compare_without_place_words_and_by_surname(report):
    # locations: Zhanaozen~Zhanaozen city, Nur-Sultan~capital Nur-Sultan, Almaty; Shymkent extra
    assert (report.locations.tp, report.locations.pred, report.locations.gold) == (3, 4, 3)
    # actors: Protesters~protesters, Tokayev~Kassym-Jomart Tokayev; CSTO missed; police extra
    assert (report.actors.tp, report.actors.pred, report.actors.gold) == (2, 3, 3)


def test_fatalities_accuracy(report):
    assert (report.fatalities_right, report.fatalities_total) == (0, 1)


def test_per_type_alt_type_match_credits_both_sides(report):
    assert report.by_type["statement"].recall == 1.0
    assert report.by_type["military"].precision == 1.0
    assert report.by_type["trial"].precision == 0.0
    assert report.by_type["summit"].recall == 0.0


def test_matching_is_one_to_one():
    gold = {"e": [gold_event("attack", "2020-01-01"), gold_event("attack", "2020-01-01")]}
    pred = {"e": [pred_event("attack", "2020-01-01")]}
    r = evaluate(gold, pred)
    assert (r.events.tp, r.events.pred, r.events.gold) == (1, 1, 2)


def test_agent_and_target_accuracy_and_their_types():
    def event(actor1, actor2, type1, type2, **extra):
        base = {
            "type": "detention",
            "alt_types": [],
            "date": "2022-01-05",
            "date_end": None,
            "precision": "day",
            "actors": actor1 + actor2,
            "locations": [],
            "fatalities": None,
            "evidence": "Police 5 Jan detained protesters",
        }
        sides = {"actor1": actor1, "actor2": actor2, "actor1_type": type1, "actor2_type": type2}
        return {**base, **sides, **extra}

    later = "2022-01-07"
    gold = {"e": [event(["police"], ["protesters"], 1, 6), event(["Tokayev"], [], 1, None, date=later)]}
    predicted = {
        "e": [
            event(["Police"], ["activists"], 1, 6),  # agent right (case aside), target wrong, types right
            event([], ["Tokayev"], None, 1, date="2022-01-07"),  # Tokayev on the wrong side
        ]
    }
    roles = evaluate(gold, predicted).roles
    assert (roles["agent"].right, roles["agent"].total) == (1, 2)
    assert (roles["target"].right, roles["target"].total) == (0, 1)
    assert (roles["agent_type"].right, roles["agent_type"].total) == (1, 2)
    assert (roles["target_type"].right, roles["target_type"].total) == (1, 1)
    # gold written before roles existed is not scored for them
    old = {"e": [{k: v for k, v in gold["e"][0].items() if not k.startswith("actor") or k == "actors"}]}
    assert evaluate(old, predicted).roles["agent"].total == 0
