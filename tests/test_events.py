"""Event extraction on sentences written in CrisisWatch's style (not taken from the dev sets)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.records import Entry

# one sentence per type, each with the date it must take
TYPED = [
    (
        "protest",
        "Thousands of teachers 12 May staged protest in capital Dakar over unpaid wages.",
        "2023-05-12",
    ),
    ("riot", "Rioters 3 May looted shops and set fire to police station in Kisumu city.", "2023-05-03"),
    (
        "armed_clash",
        "Army and Fano militia 18 May clashed near Gondar town, leaving dozens dead.",
        "2023-05-18",
    ),
    ("attack", "Suspected jihadists 9 May killed 14 villagers in Tillabéri region.", "2023-05-09"),
    ("detention", "Police 21 May arrested opposition leader Ousmane Sonko in Dakar.", "2023-05-21"),
    ("trial", "Military court 15 May sentenced former minister to ten years in prison.", "2023-05-15"),
    ("election", "Voters 28 May went to polls in presidential runoff.", "2023-05-28"),
    (
        "summit",
        "President Ruto 4 May met Ethiopian PM Abiy in Nairobi to discuss regional security.",
        "2023-05-04",
    ),
    ("agreement", "Govt and rebel coalition 11 May signed ceasefire agreement in Juba.", "2023-05-11"),
    ("legislation", "Parliament 17 May passed law extending state of emergency by six months.", "2023-05-17"),
    (
        "appointment",
        "President 6 May dismissed defence minister and appointed army chief as replacement.",
        "2023-05-06",
    ),
    (
        "statement",
        "Human Rights Watch 23 May accused security forces of extrajudicial killings.",
        "2023-05-23",
    ),
    ("statement", "PM 12 May expressed willingness to negotiate with rebels.", "2023-05-12"),
    ("statement", "Media reports early month indicated exports to Kenya had fallen.", "2023-05-01"),
    ("sanction", "U.S. 19 May imposed sanctions on three militia commanders.", "2023-05-19"),
    ("military", "Kenya 25 May deployed 400 troops to border with Somalia.", "2023-05-25"),
    (
        "displacement",
        "Some 20,000 people 8 May fled fighting in Blue Nile state to South Sudan.",
        "2023-05-08",
    ),
]


# triggers from the codebooks' words (models/codebooks.json), one sentence each
FROM_CODEBOOKS = [
    ("attack", "Soldiers 4 May tortured detainees in Gao."),  # CAMEO 182
    ("attack", "Army 4 May bombarded rebel positions near Kadugli."),  # CAMEO 195
    ("attack", "Gunmen 4 May hijacked bus near Mopti."),  # CAMEO 181
    ("attack", "Militants 4 May razed village of Kani."),  # ACLED property destruction
    ("detention", "President 4 May pardoned 300 prisoners."),  # CAMEO 0841
    ("trial", "Opposition 4 May sued electoral commission over results."),  # CAMEO 115
    ("sanction", "Qatar 4 May severed ties with Chad."),  # CAMEO 161
    ("statement", "Junta 4 May issued ultimatum to regional bloc."),  # CAMEO 138
    ("statement", "Opposition party 4 May endorsed President for third term."),  # PLOVER SUPPORT
    ("military", "Rebels 4 May imposed blockade on Timbuktu."),  # CAMEO 191
    ("military", "Troops 4 May retreated from Kidal."),  # CAMEO 0874
    ("appointment", "President 4 May installed close ally as interior minister."),  # general English
    ("trial", "Court 4 May issued summonses for three former ministers."),  # general English
]


@pytest.mark.parametrize("event_type, sentence", FROM_CODEBOOKS, ids=[s for _, s in FROM_CODEBOOKS])
def test_codebook_words_are_triggers(x, event_type, sentence):
    assert [e.event_type for e in x.events_of(sentence)] == [event_type]


@pytest.mark.parametrize("event_type, sentence, day", TYPED, ids=[t[0] for t in TYPED])
def test_each_type_is_found_on_its_date(x, event_type, sentence, day):
    found = [(e.event_type, e.event_date.isoformat()) for e in x.events_of(sentence)]
    assert (event_type, day) in found


def test_undated_sentence_adds_no_event(x):
    assert x.events_of("Insecurity persisted in north as jihadists attacked military posts.") == []


def test_list_of_incidents_gives_an_event_per_date_with_its_own_place(x):
    text = (
        "In Mopti region, militants attacked army post at Boni 3 May and Douentza 6 "
        "May; killed two soldiers in Hombori 9 May."
    )
    events = sorted(x.events_of(text), key=lambda e: e.event_date)
    assert [(e.event_type, e.event_date.day) for e in events] == [("attack", 3), ("attack", 6), ("attack", 9)]
    assert "Boni" in events[0].locations and "Douentza" not in events[0].locations
    assert "Douentza" in events[1].locations and "Boni" not in events[1].locations
    assert "Hombori" in events[2].locations and "Mopti" in events[2].locations
    assert events[2].fatalities == 2


def test_a_date_inside_a_dropped_description_repeats_no_event(x):
    text = "Gunmen 17 May freed four comrades accused of taking part in 2 May plot against President Kone."
    assert [e.event_date.day for e in x.events_of(text)] == [17]


def test_two_predicates_of_one_date_are_two_events(x):
    kinds = {
        e.event_type
        for e in x.events_of("Authorities 14-16 May arrested and sentenced six journalists in Harare.")
    }
    assert kinds == {"detention", "trial"}
    (det,) = [
        e
        for e in x.events_of("Authorities 14-16 May arrested and sentenced six journalists in Harare.")
        if e.event_type == "detention"
    ]
    assert (det.event_date, det.event_date_end, det.date_precision) == (
        date(2023, 5, 14),
        date(2023, 5, 16),
        "range",
    )


def test_same_day_chains_from_the_previous_date(x):
    ev = x.one(
        "Protesters 10 May blocked highway; interior minister same day resigned.", event_type="appointment"
    )
    assert ev.event_date == date(2023, 5, 10) and ev.date_text == "same day"


def test_background_is_not_an_event(x):
    text = (
        "Following weeks of tension, PM 22 May met opposition leaders; "
        "opposition had boycotted talks since March."
    )
    types = [(e.event_type, e.event_date) for e in x.events_of(text) if e.date_precision == "day"]
    assert types == [("summit", date(2023, 5, 22))]


@pytest.mark.parametrize(
    "text",
    [
        "Police 5 May detained activist for allegedly calling for protests.",
        "Police 3 May arrested opposition leader in Dakar on rape charges.",  # 'on X charges': the grounds
    ],
)
def test_reason_for_arrest_is_not_an_event(x, text):
    assert [e.event_type for e in x.events_of(text)] == ["detention"]


def test_reported_action_takes_the_type_of_the_action(x):
    ev = x.one(
        "Officials 13 May said around 5,000 refugees had crossed into Chad.", event_type="displacement"
    )
    assert ev.event_date == date(2023, 5, 13)


def test_actors_without_titles_and_generic_actors_kept(x):
    ev = x.one("Malian President Goïta 2 May met French FM Colonna in Bamako.", event_type="summit")
    assert "Goïta" in ev.actors and "Colonna" in ev.actors
    assert "Bamako" in ev.locations
    det = x.one("Gendarmes 30 May detained journalist Moussa Tchangari in Niamey.", event_type="detention")
    assert any(a.lower().endswith("gendarmes") for a in det.actors) and "Moussa Tchangari" in det.actors


@pytest.mark.parametrize(
    "sentence, deaths, qualifier",
    [
        ("Gunmen 4 May killed at least 12 worshippers in attack on mosque in Kano.", 12, "at_least"),
        ("Car bomb 16 May killed over 30 people in Mogadishu.", 30, "over"),
        ("Air strike 20 May left 9 dead in Idlib.", 9, "exact"),
        ("Militants 24 May killed dozens of civilians in Ituri province.", None, None),
        ("Attack 27 May on convoy injured seven soldiers, no casualties reported.", 0, "exact"),
        ("IED 11 May killed five soldiers and injured 12 near Gao.", 5, "exact"),
    ],
)
def test_fatalities(x, sentence, deaths, qualifier):
    (ev,) = [e for e in x.events_of(sentence) if e.event_type in ("attack", "armed_clash")]
    assert (ev.fatalities, ev.fatalities_qualifier) == (deaths, qualifier)


def test_killing_in_fighting_is_a_clash(x):
    ev = x.one(
        "At least 40 reported killed 2-5 May in fighting between army and rebels in Bouar.",
        event_type="armed_clash",
    )
    assert ev.fatalities == 40 and ev.date_precision == "range"


def test_evidence_is_the_clause_with_offsets(x):
    text = "Rebels 7 May seized Kibati town; govt 8 May denied losses."
    for ev in x.events_of(text):
        assert text[ev.char_start : ev.char_end] == ev.evidence
    seized = x.one(text, event_type="armed_clash")
    assert "seized Kibati" in seized.evidence and "denied" not in seized.evidence


def test_a_place_name_after_a_peoples_adjective_is_a_place(x):
    (event,) = x.events_of("Troops 4 May shelled positions in Armenian Syunik province.")
    assert event.locations == ["Syunik"]


def test_a_region_named_by_compass_points_is_a_place_not_a_body(x):
    # 'West' alone is an actor (the West); 'North West' is a region
    text = "Separatists 3 May set fire to two schools in North West region and one in South West."
    assert x.one(text).locations == ["North West", "South West"]


def test_a_location_of_a_line_is_a_place_named_over_its_of(x):
    text = "Azerbaijan 18 May reported one civilian wounded at central location of Line of Contact."
    (event,) = x.events_of(text, country="Nagorno-Karabakh (Azerbaijan)")
    assert event.locations == ["Line of Contact"] and "Line of Contact" not in event.actors
    # a compass point before 'of' says where another place is
    (offensive,) = x.events_of("Iraqi forces 13 May launched offensive on Hit, NW of Ramadi.", country="Iraq")
    assert "NW of Ramadi" not in offensive.locations


def test_a_compass_point_alone_is_no_location_nor_actor(x):
    (event,) = x.events_of(
        "In SW, separatists 19 May killed two soldiers in Muyuka town.", country="Cameroon"
    )
    assert event.locations == ["Muyuka"] and "SW" not in event.actors


def test_an_actor_cut_at_a_line_end_is_one_name(x):
    (event,) = x.events_of("Clashes with peace- keeping forces 3 May left two dead in Bria.")
    assert "peacekeeping forces" in event.actors


def test_a_village_found_as_a_name_is_the_place_not_an_actor(x):
    (event,) = x.events_of("Gunmen 21 May attacked gendarmerie post at Kelbo, killing three gendarmes.")
    assert "Kelbo" in event.locations and "Kelbo" not in event.actors and "Gunmen" in event.actors


def test_a_role_noun_without_a_name_is_no_actor(x):
    # 'Chairperson of AU Commission Moussa Faki': the person and the body act, not 'Chairperson'
    event = x.one("Chairperson of AU Commission Moussa Faki met President Touadéra in Bangui 18 May.")
    assert "Chairperson" not in event.actors and "Moussa Faki" in event.actors


def test_herdsmen_are_a_group_that_acts(x):
    (event,) = x.events_of("Fulani herdsmen 1 May killed Hausa farmer near Tahoua.")
    assert event.actor1 == ["Fulani herdsmen"]


def test_unnamed_individuals_are_not_actors_but_groups_are(x):
    (event,) = x.events_of("Gunmen 4 May killed teacher and two farmers near Kidal town.")
    assert "teacher" not in event.actors and {"Gunmen", "farmers"} <= set(event.actors)
    (event,) = x.events_of("Suspected jihadists 6 May killed soldier at checkpoint in Ménaka.")
    assert event.actors == ["Suspected jihadists"]


def test_a_name_ending_in_a_group_noun_is_an_actor_not_a_place(x):
    (event,) = x.events_of("President 17 May announced liberation of Butig town from Maute Group.")
    assert (
        "Maute Group" in event.actors and "Maute Group" not in event.locations and "Butig" in event.locations
    )
    (event,) = x.events_of("Army 22 May seized Special Forces camp near Derna.")
    assert "Special Forces" not in event.locations and "Derna" in event.locations


@pytest.mark.parametrize(
    "text",
    [
        "On 29 May Supreme Court ordered govt to halt demolitions in Kibera.",
        "Opposition 29 May filed petition seeking Supreme Court ruling on poll results.",
    ],
)
def test_a_trigger_that_runs_out_of_a_name_is_an_event(x, text):
    # 'Court ordered', 'Court ruling': the court's name ends where the event's word starts
    assert "trial" in [e.event_type for e in x.events_of(text)]


def test_a_trigger_inside_a_name_is_none(x):
    text = "State of Emergency Inquiry Board 29 May said 200 people detained."
    assert "legislation" not in [e.event_type for e in x.events_of(text)]


def test_a_participle_after_with_and_a_count_is_an_event_of_whoever_acted(x):
    # 'with 70 arrested': an absolute clause, though the parse hangs the participle on the count
    text = "March 23 May by opposition supporters in Batumi broken up by riot police with 70 arrested."
    arrest = x.one(text, event_type="detention")
    assert arrest.actor1 == ["riot police"] and arrest.event_date == date(2023, 5, 23)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Two demonstrators shot dead by unidentified gunmen in Kisumu 11 May.", "attack"),
        ("Two demonstrators shot dead 11 May in Kisumu.", "attack"),  # a passive without its 'were'
        ("Demonstrators 11 May attacked police station in Kisumu.", "riot"),
    ],
)
def test_violence_is_a_riot_only_when_the_crowd_does_it(x, text, event_type):
    assert [e.event_type for e in x.events_of(text)] == [event_type]


def test_a_group_noun_is_no_piece_of_a_longer_name_elsewhere_in_the_clause(x):
    text = "Following clashes, police 11 May arrested seven members of hard-line police union in Jacmel."
    assert x.one(text, event_type="detention").actor1 == ["police"]


@pytest.mark.parametrize(
    "text",
    [
        "Villagers 20 May executed by members of outlawed militia near Karatina.",
        "Jihadists 20 May carried out public execution of two men in Timbuktu.",
    ],
)
def test_an_execution_is_an_attack(x, text):  # ACLED's Attack and PLOVER's ASSAULT name it
    assert "attack" in [e.event_type for e in x.events_of(text)]


def test_a_trigger_describing_the_noun_before_a_date_does_not_take_it(x):
    # 'Ruling party 4 May': the date follows 'party', which 'ruling' only describes
    events = x.events_of("Ruling party 4 May held congress in Bamako.")
    assert "statement" not in [e.event_type for e in events]


def test_an_event_that_is_the_subject_of_a_verb_takes_the_date_after_that_verb(x):
    # 'congress held 4 May elected X': the parse hangs the date on 'elected'; the congress was held then
    events = x.events_of("Ruling party congress held 4 May elected Ibrahim as chairman.")
    congress = [e for e in events if e.event_type == "summit"]
    assert [e.event_date for e in congress] == [date(2023, 5, 4)]
    assert "congress" not in " ".join(congress[0].actors)  # the event's noun is no actor of its own


def test_a_name_is_one_actor_not_its_pieces(x):
    events = x.events_of("Constitutional Court 13 May upheld ban on opposition party.")
    assert events and all(
        "Constitutional Court" in e.actors and "Constitutional" not in e.actors for e in events
    )


def test_an_agreement_referred_to_is_not_an_event(x):
    events = x.events_of(
        "Govt and rebel coalition 12 May signed roadmap to implement terms of 2019 peace accord."
    )
    assert [(e.event_type, e.event_date.isoformat()) for e in events] == [("agreement", "2023-05-12")]
    assert [e.event_type for e in x.events_of("Guarantors of ceasefire agreement 20 May met in Doha.")] == [
        "summit"
    ]
    assert [e.event_type for e in x.events_of("Parties 22 May signed peace accord in Addis Ababa.")] == [
        "agreement"
    ]


def test_according_to_is_not_an_accord(x):
    events = x.events_of("Militants 3 May attacked village in Diffa region, according to local officials.")
    assert [e.event_type for e in events] == ["attack"]


def test_a_passive_without_its_auxiliary_is_an_event(x):
    events = x.events_of(
        "22 May coup attempt against President Kaboré foiled; several officers and a "
        "former minister arrested in capital."
    )
    assert ("detention", "2023-05-22") in [(e.event_type, e.event_date.isoformat()) for e in events]
    events = x.events_of("Militia 4 May arrested three policemen accused of corruption.")
    assert [e.event_type for e in events] == ["detention"]  # 'accused' describes the policemen
    events = x.events_of("Over 30 police officers arrested 26 May in Michoacán, accused of links to crime.")
    assert [e.event_type for e in events] == ["detention"]  # so it does after a comma


def test_a_parsed_doc_is_freed_without_the_cycle_collector(extractor):
    """Docs must not outlive their entry: a run keeps thousands of long-lived objects
    (model, gazetteer), so the full collection that frees cycles seldom runs."""
    import gc
    import weakref

    text = (
        "Police 21 May arrested opposition leader Ousmane Sonko in Dakar; "
        "protesters 22 May clashed with police."
    )
    entry = Entry("t-1", "Senegal", date(2023, 5, 1), text)
    mentions = extractor.dates.find(text, entry.month)
    doc = extractor.nlp(extractor.masker.mask(text, mentions))
    gc.disable()
    try:
        events = extractor.builder.events_of(entry, doc, mentions)
        alive = weakref.ref(doc)
        del doc
        assert events and alive() is None
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ("Foreign Minister Lavrov 3 May arrived in Bamako for talks.", "summit"),  # a visit, not a deployment
        ("French troops 3 May arrived in Gao.", "military"),
        ("Some 2,000 refugees 3 May arrived in Chad.", "displacement"),
        ("Army 8 May captured 12 insurgents near Mocímboa da Praia.", "detention"),  # people taken
        ("Army 8 May captured Mocímboa da Praia town from insurgents.", "armed_clash"),  # ground taken
        ("Govt forces 9 May retook Kidal town.", "armed_clash"),  # ACLED: government regains territory
        ("Constitutional Court 10 May validated presidential election results.", "trial"),
        ("Interior minister 11 May released audio tape of opposition leader.", "statement"),
    ],
)
def test_the_type_follows_who_acts_and_on_what(x, sentence, event_type):
    assert [e.event_type for e in x.events_of(sentence)] == [event_type]


@pytest.mark.parametrize(
    "sentence, deaths, cumulative",
    [
        ("Gunmen 19 May shot dead at least 19 villagers in Plateau state.", 19, False),
        ("Army 13-18 May raided militant camps in Zamfara state, killing unspecified number.", None, False),
        (
            "Jihadists 7 May attacked Tessit town, killing 42 soldiers in deadliest attack on "
            "military since 2019.",
            42,
            False,
        ),
        (
            "Militants 9 May killed two soldiers in Mopti, bringing to over 300 number of "
            "soldiers killed since Jan.",
            2,
            True,
        ),
        (
            "Militants 9 May attacked army post in Mopti; over 300 soldiers killed so far this year.",
            None,
            True,
        ),
    ],
)
def test_running_totals_are_flagged_and_left_out(x, sentence, deaths, cumulative):
    (ev,) = [e for e in x.events_of(sentence) if e.event_date == date(2023, 5, e.event_date.day)][:1]
    assert (ev.fatalities, ev.fatalities_cumulative) == (deaths, cumulative)


def test_one_incident_told_as_two_events_states_its_toll_once(x):
    events = x.events_of("Militia 4 May raided village near Bunia and fought with army, leaving 15 dead.")
    assert {e.event_type for e in events} == {"attack", "armed_clash"}
    assert len({e.incident_id for e in events}) == 1
    assert sum(e.fatalities or 0 for e in events) == 15


def test_separate_incidents_keep_their_own_tolls(x):
    events = x.events_of(
        "Gunmen 3 May killed five villagers in Djibo; separately, roadside bomb 6 May "
        "killed two soldiers near Gao."
    )
    assert len({e.incident_id for e in events}) == 2
    assert sorted(e.fatalities for e in events) == [2, 5]


def test_violence_with_no_place_of_its_own_happened_where_its_sentence_says(x):
    sentence = "Fighting continued in Kordofan region; notably, drone strike 14 May killed 12 civilians."
    assert "Kordofan" in x.one(sentence, event_type="attack").locations
    said = x.one("Clashes persisted in Kordofan region; govt 14 May said it was ready for talks.")
    assert said.event_type == "statement" and said.locations == []
    listed = "Bomb 3 May killed 18 in Kadugli town; 27 killed 5 May in clashes between army and rebels."
    assert x.one(listed, event_type="armed_clash").locations == []


@pytest.mark.parametrize(
    "sentence",
    [
        "One soldier killed in Rutshuru and two more in provincial capital, Goma 4 May.",
        "Authorities 7 May postponed peace conference in Kivu provincial capital Goma planned for June.",
    ],
)
def test_the_name_a_capital_is_given_is_a_place_not_an_actor(x, sentence):
    (event,) = x.events_of(sentence)
    assert "Goma" in event.locations and "Goma" not in event.actors


@pytest.mark.parametrize(
    ("sentence", "event_type", "agent"),
    [
        ("Several countries 26 May announced plans to evacuate nationals.", "displacement", "countries"),
        ("Govt 9 May announced decision to withdraw troops from border.", "military", "Govt"),
        # a plan that names no event is a policy decided
        (
            "Govt 2 May announced plans to place all fuel imports under control of state company.",
            "legislation",
            "Govt",
        ),
        # a decision criticised is no decision announced
        ("Opposition 4 May criticised govt’s decision to close schools.", "statement", "Opposition"),
    ],
)
def test_a_plan_or_decision_announced_is_the_speakers_action(x, sentence, event_type, agent):
    (event,) = x.events_of(sentence)
    assert (event.event_type, event.actor1) == (event_type, [agent])
    if agent == "countries":
        assert event.actor1_type == 8  # other states, in an entry on one country: external (ACLED)


# the words around a trigger decide its type, or that it is no event (CAMEO, ACLED)
TYPED_BY_WHAT_SURROUNDS = [
    ("Protesters 3 May blocked main highway to capital.", ["protest"]),  # passage obstructed, CAMEO 144
    ("Govt 4 May blocked access to social media.", ["sanction"]),  # a restriction imposed, CAMEO 1721
    ("Workers 3 May began three-day strike over unpaid wages.", ["protest"]),  # CAMEO 143
    ("Teachers’ strike 3 May closed schools in capital.", ["protest", "sanction"]),
    ("General strike 3 May paralysed capital.", ["protest"]),
    ("U.S. strike 3 May killed five militants.", ["attack"]),  # CAMEO 195
    ("Army 4 May launched strike on rebel positions.", ["attack"]),
    # what is prevented does not happen; a crowd kept from its rally had gathered (protest with intervention)
    ("Court 4 May banned opposition leader from running in elections.", ["trial"]),
    ("Electoral board 4 May barred opposition leader from contesting elections.", ["sanction"]),
    ("Police 4 May prevented protesters from holding rally in capital.", ["protest"]),
]


@pytest.mark.parametrize(
    ("sentence", "types"), TYPED_BY_WHAT_SURROUNDS, ids=[s for s, _ in TYPED_BY_WHAT_SURROUNDS]
)
def test_the_words_around_a_trigger_decide_its_type_or_that_it_is_no_event(x, sentence, types):
    assert [e.event_type for e in x.events_of(sentence)] == types


def test_what_one_speaker_states_on_one_day_is_one_statement(x):
    # EVENTS.md: two predicates of one type and date about one incident are one event; other actors
    # make another incident
    one = x.events_of("Govt 4 May condemned attack on convoy; also denied involvement in killings.")
    assert [(e.event_type, e.actor1) for e in one] == [("statement", ["Govt"])]
    two = x.events_of("Govt 4 May condemned attack on convoy; opposition same day denied involvement.")
    assert [e.actor1 for e in two] == [["Govt"], ["opposition"]]


def test_the_charge_of_an_accusation_is_its_content_with_its_deaths_whatever_date_it_holds(x):
    # EVENTS.md 1: the charge behind an action is no event, though the parse gives it the date
    text = "Rights groups accused soldiers of killing twelve civilians in Guji zone 19-26 May."
    (event,) = x.events_of(text)
    assert (event.event_type, event.actor1, event.fatalities) == ("statement", ["Rights groups"], 12)
    assert "soldiers" in event.actor2


def test_a_name_before_and_and_a_date_is_of_the_clause_before(x):
    text = (
        "Govt 15 May asked African Union (AU) chair Moussa Faki for help and next day requested UN support."
    )
    (request,) = [e for e in x.events_of(text) if e.event_date.day == 16]
    assert (request.actor1, request.actor2) == (["Govt"], ["UN"])


def test_violence_that_names_no_one_is_by_the_sides_of_the_sentences_fighting(x):
    # as its place is: 'Fighting went on in Kordofan; notably, strike 14 May killed 12'
    text = "Army continued bombardment of rebel positions in Darfur; notably, air strike 17 May killed 17."
    (strike,) = x.events_of(text, country="Sudan")
    assert (strike.actor1, strike.locations) == (["Army"], ["Darfur"])
    dated = x.events_of(
        "Army 3 May bombed rebel positions in Darfur; air strike 17 May killed 17.", country="Sudan"
    )
    assert [e.actor1 for e in dated if e.event_date.day == 17] == [
        []
    ]  # an earlier dated item's sides stay there


def test_a_date_inside_what_a_statement_tells_is_no_second_statement(x):
    text = "Mission 3 Oct announced death of militant leader in Nangade district late Sept."
    assert [(e.event_type, e.date_text) for e in x.events_of(text, month="2021-10")] == [
        ("statement", "3 Oct")
    ]
    listed = "Govt 3 Oct condemned attack on convoy, and 5 Oct attack on market."
    assert [e.date_text for e in x.events_of(listed, month="2021-10")] == ["3 Oct", "5 Oct"]


def test_what_a_law_provides_is_part_of_the_law(x):
    events = x.events_of("Parliament 19 May adopted law allowing govt to suspend debt repayments.")
    assert [e.event_type for e in events] == ["legislation"]  # no sanction for 'suspend'


def test_a_town_found_as_an_actor_is_on_neither_side(x):
    # 'Nairobi peace talks': the town is where the talks are; the sides hold only the actors listed
    text = "Govt 3 June joined new round of Nairobi peace talks with M23 rebels."
    (event,) = x.events_of(text, country="DR Congo")
    assert event.actor1 == ["Govt"] and "M23 rebels" in event.actor2
    assert set(event.actor1 + event.actor2) <= set(event.actors) and "Nairobi" not in event.actors


def test_a_director_of_a_body_stands_for_the_body_on_the_side_the_parse_gives_him(x):
    (event,) = x.events_of("Regional director of Norwegian Refugee Council shot dead 7 May in Maiduguri.")
    assert event.actor2 == ["Norwegian Refugee Council"] and event.actor1 == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ex-minister Moussa Tounkara, held since 2021 for fraud, released 3 May and put under house arrest.",
        "Opposition leader Amadou Sy 3 May put under house arrest.",
    ],
)
def test_who_is_put_under_arrest_undergoes_it(x, sentence):
    (event,) = x.events_of(sentence)
    assert event.actor1 == [] and len(event.actor2) == 1 and event.actor2[0] in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Opposition marches disrupted by police 3 May.",
        "Rally 23 May by opposition Democratic Party in Kano broken up by police with 70 arrested.",
    ],
)
def test_who_breaks_up_a_protest_is_its_other_side(x, sentence):
    protest = x.one(sentence, event_type="protest")
    assert protest.actor2 == ["police"] and "police" not in protest.actor1 and protest.actor1


def test_those_arrested_in_an_absolute_clause_are_of_the_crowd_the_clause_names(x):
    arrests = x.one(
        "Rally 23 May by opposition Democratic Party in Kano broken up by police with 70 arrested.",
        event_type="detention",
    )
    assert arrests.actor1 == ["police"] and arrests.actor2 == ["Democratic Party"]


def test_whom_an_arrest_warrant_is_for_is_its_target(x):
    (event,) = x.events_of("Govt 9 May issued arrest warrants for fifteen secessionist leaders.")
    assert event.actor1 == ["Govt"] and event.actor2 == ["secessionist leaders"]


@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ("Officials 27 May said around 5,000 Sudanese had arrived in Chad.", "displacement"),
        ("Some 2,000 Sudanese 27 May arrived in Chad.", "displacement"),
        ("Russian troops 27 May arrived in Bangui.", "military"),
    ],
)
def test_a_nations_people_arriving_is_displacement_and_its_troops_a_deployment(x, sentence, event_type):
    (event,) = x.events_of(sentence)
    assert event.event_type == event_type


def test_an_absolute_clause_with_its_own_subject_is_an_event_of_its_own(x):
    text = "Bazoum 9 May met with Tinubu in Abuja to discuss security, with Bazoum calling for joint patrols."
    said = x.one(text, event_type="statement")
    assert said.trigger == "calling for" and said.actor1 == ["Bazoum"]


def test_who_puts_someone_under_arrest_does_it(x):
    (event,) = x.events_of("Police 3 May put opposition leader Amadou Sy under house arrest.")
    assert event.actor1 == ["Police"] and event.actor2 == ["Amadou Sy"]


def test_the_city_violence_rocked_is_its_place_not_an_actor(x):
    (event,) = x.events_of("Clashes 15 May rocked Tripoli, killing 12.")
    assert event.locations == ["Tripoli"] and "Tripoli" not in event.actors


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Gunmen 3 May attacked Kajaki dam.", "Kajaki"),
        ("Bomb 3 May hit Kismayo bus terminal, killing four.", "Kismayo"),
    ],
)
def test_the_name_a_site_noun_gives_is_a_place_not_an_actor(x, sentence, place):
    (event,) = x.events_of(sentence)
    assert place in event.locations and place not in event.actors


def test_a_name_an_identity_word_qualifies_is_a_people_not_a_place(x):
    (event,) = x.events_of("Ethnic Afar 11 May launched raid on ethnic Somalis in town of Madaane.")
    assert event.actor1 == ["Afar"] and event.actor1_type == 4 and "Afar" not in event.locations


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("State Counsellor Aung San Suu Kyi 13 May backed court's action.", "Aung San Suu Kyi"),
        ("Field Marshal Khalifa Haftar 3 May met Egyptian President Sisi in Cairo.", "Khalifa Haftar"),
    ],
)
def test_a_title_is_stripped_from_the_name_of_its_holder(x, sentence, name):
    (event,) = x.events_of(sentence)
    assert event.actor1 == [name]


def test_a_word_of_a_title_is_no_actor_of_its_own(x):
    (event,) = x.events_of("Magazine Semana 14 May denounced links between Defence Minister Silva and FARC.")
    assert "Defence" not in event.actors and "Silva" in event.actors
    (event,) = x.events_of("Interior Minister 29 May released audio tape allegedly by top PTI leader.")
    assert "Interior" not in event.actors and "Interior Minister" in event.actor1


def test_a_post_is_a_place_and_the_name_it_is_given_no_actor(x):
    (event,) = x.events_of("Soldiers 9 May captured four militants at Nhica administrative post.")
    assert "Nhica" in event.locations and "Nhica" not in event.actors


def test_a_capital_named_to_say_where_another_place_is_is_not_the_place(x):
    (event,) = x.events_of("Rebels 9 May shelled army positions 30km south of capital Bangui.")
    assert event.locations == []


@pytest.mark.parametrize("opening", ["In Kidal region,", "Meanwhile, in Kidal region,"])
def test_a_place_opening_the_sentence_is_the_place_of_each_of_its_events(x, opening):
    text = (
        f"{opening} gunmen 3 May attacked army post near Tessalit; suicide bomber 5 May killed four soldiers."
    )
    assert [e.locations for e in x.events_of(text)] == [["Kidal", "Tessalit"], ["Kidal"]]


@pytest.mark.parametrize(
    "sentence, agent, code",
    [
        ("Lawyers 3 May denounced arrest of their colleague.", ["Lawyers"], 6),  # civil society when they act
        ("In Kumba, separatist 5 May shot dead two farmers.", ["separatist"], 2),
        ("Over 40 professors 6 May penned open letter to president.", ["professors"], 6),
    ],
)
def test_acleds_civilian_groups_and_a_lone_separatist_are_actors_with_their_codes(x, sentence, agent, code):
    (event,) = x.events_of(sentence)
    assert event.actor1 == agent and event.actor1_type == code


def test_an_actor_named_as_agent_and_among_the_dead_stays_on_the_side_that_acts(x):
    text = "Hamas launched operation 2 May against Dughmush clan, killing 10 plus 2 Hamas."
    killing = x.one(text, event_type="attack")
    assert killing.actor1[0] == "Hamas" and "Hamas" not in killing.actor2


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Militia 3 May attacked Garre clan.", ["Garre clan"]),
        ("Police 4 May arrested saboteurs.", ["saboteurs"]),
    ],
)
def test_a_clan_and_saboteurs_are_collective_actors(x, sentence, target):
    (event,) = x.events_of(sentence)
    assert event.actor2 == target


def test_a_wave_of_people_stands_for_them(x):
    (event,) = x.events_of("First wave of peacekeepers 3 May arrived in Bangui.")
    assert event.actor1 == ["peacekeepers"] and event.actor1_type == 8


def test_a_name_after_a_place_its_date_and_a_comma_that_acts_is_no_place(x):
    events = x.events_of("Speaking at forum in Nairobi 13 May, Kagame said talks would resume.")
    assert events and all(e.locations == ["Nairobi"] and e.actor1 == ["Kagame"] for e in events)


@pytest.mark.parametrize(
    "sentence, event_type, places",
    [
        ("Army aircraft 3 May flew over Gao.", "military", ["Gao"]),  # a show of force
        ("President-elect Tinubu, who will be sworn into office 29 May, promised reforms.", "election", []),
    ],
)
def test_overflights_and_swearing_into_office_are_events(x, sentence, event_type, places):
    event = x.one(sentence, event_type=event_type)
    assert event.locations == places


@pytest.mark.parametrize(
    "sentence, attacks",
    [
        ("Car bomb 3 May killed 12 people in Kismayo; attack unclaimed.", 1),
        ("Gunmen 3 May raided Hosingow village; initial attack left six dead.", 1),
        ("Car bomb 3 May killed 12 people in Kismayo; second attack in Afmadow left six dead.", 2),
    ],
)
def test_an_event_noun_after_a_semicolon_is_the_event_told_again_unless_it_is_another(x, sentence, attacks):
    assert sum(e.event_type == "attack" for e in x.events_of(sentence)) == attacks


def test_what_only_may_happen_is_no_event(x):
    text = "Troops 3 May deployed to border, ready to return fire in case of attack."
    assert [e.event_type for e in x.events_of(text)] == ["military"]


def test_the_date_of_the_charge_behind_an_arrest_dates_the_arrest(x):
    (event,) = x.events_of("Militia leader Kone arrested for ordering killings 28 May.")
    assert (event.event_type, event.actor2, str(event.event_date)) == ("detention", ["Kone"], "2023-05-28")


def test_deaths_in_crossfire_are_the_clashs_not_the_attacks_it_follows(x):
    text = (
        "Gunmen 3 May attacked neighbourhoods in Kumba town: bomb at checkpoint wounded two policemen, "
        "crossfire during army retaliation killed four civilians."
    )
    tolls = {e.event_type: e.fatalities for e in x.events_of(text)}
    assert tolls == {"attack": None, "armed_clash": 4}


def test_the_territory_declared_independent_is_the_place(x):
    (event,) = x.events_of("Rebel leader Kiram 12 May declared independence of Palawan, Basilan and Sulu.")
    assert event.locations == ["Palawan", "Basilan", "Sulu"] and event.actor1 == ["Kiram"]


def test_a_possible_strike_is_no_event(x):
    text = "Political leaders 3 May united in opposition to possible foreign military strike on capital."
    assert "attack" not in [e.event_type for e in x.events_of(text)]


@pytest.mark.parametrize(
    "sentence, events",
    [
        # 'suspend' takes the type of the event it suspends; suspending a body is a sanction
        ("Finance minister 3 May suspended his resignation after talks with president.", ["appointment"]),
        ("Govt 3 May suspended NGO Helpline.", ["sanction"]),
        # removing forces from a place is military; removing someone from office an appointment
        ("Army 3 May removed militias from buffer zone.", ["military"]),
        ("President 3 May removed governor from office.", ["appointment"]),
        # winning a vote is an election; winning support no event
        ("Ruling party 3 May won 60 seats in parliament.", ["election"]),
        ("Govt 3 May won support from donors.", []),
        # a court that dismisses rules; it appoints no one
        ("Supreme Court 8 May dismissed appeal by opposition leader Kamara.", ["trial"]),
        # withdrawing from an event is of that event's type; from a place, military
        ("Rebels 24 May withdrew from talks.", ["summit"]),
        ("Troops 24 May withdrew from Gao.", ["military"]),
    ],
)
def test_a_predicate_is_typed_by_what_it_acts_on(x, sentence, events):
    assert [e.event_type for e in x.events_of(sentence)] == events


def test_the_event_a_relative_date_counts_from_is_not_an_event_of_that_date(x):
    text = "Court opened case 3 May. Day before hearings began, suicide bomber killed 8 others in Jerusalem."
    found = [(e.event_type, e.event_date.isoformat()) for e in x.events_of(text)]
    assert found == [("attack", "2023-05-02")]  # the bombing, the day before the hearings; no trial


@pytest.mark.parametrize(
    ("report", "found"),
    [
        ("govt said seven soldiers injured", [("attack", "2023-05-04")]),  # the toll of the blast
        ("govt 5 May said seven soldiers injured", [("attack", "2023-05-04"), ("attack", "2023-05-05")]),
    ],
)
def test_a_report_after_a_semicolon_tells_the_event_before_it_again(x, report, found):
    text = (
        f"Two drones carrying explosives blew up near President Goïta 4 May during parade in Gao; {report}."
    )
    assert [(e.event_type, e.event_date.isoformat()) for e in x.events_of(text)] == found


def test_a_body_named_by_its_kind_acts(x):
    # 'mechanism', like 'committee' and 'commission', is a body: the words in front say whose
    (ev,) = x.events_of("International monitoring mechanism 4 May accused rebels of violating ceasefire.")
    assert (ev.actor1, ev.actor1_type, ev.actor2) == (["International monitoring mechanism"], 8, ["rebels"])


@pytest.mark.parametrize(
    ("sentence", "side", "names", "code"),
    [
        ("Over 50 law professors 16 May penned open letter to court president.", 1, ["law professors"], 6),
        ("Gunmen 16 May killed three journalists in Gao.", 2, ["journalists"], 7),  # victims: civilians
        ("Villagers 16 May protested in Gao.", 1, ["Villagers"], 6),  # demonstrators: protesters
        (
            "Teachers 16 May protested in Gao over pay.",
            1,
            ["Teachers"],
            6,
        ),  # parsed as a clause on 'Teachers'
        ("Journalists 16 May protested in Gao.", 1, ["Journalists"], 6),  # 'protested' tagged a participle
    ],
)
def test_civilians_who_act_are_civil_society_or_protesters(x, sentence, side, names, code):
    (ev,) = x.events_of(sentence)
    assert (getattr(ev, f"actor{side}"), getattr(ev, f"actor{side}_type")) == (names, code)


@pytest.mark.parametrize(
    ("sentence", "actor1", "actor2"),
    [
        ("Residents 26 May said rebels attacked Kurmuk town.", ["rebels"], ["Residents"]),
        ("Rebels 17 May claimed they killed sixteen soldiers.", ["Rebels"], ["soldiers"]),  # they did it
        ("Officials 27 May said 9,000 refugees had arrived in Gao.", ["Officials", "refugees"], []),
    ],
)
def test_who_reports_violence_another_did_is_the_side_it_befell(x, sentence, actor1, actor2):
    (ev,) = x.events_of(sentence)
    assert (ev.actor1, ev.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("sentence", "actor1", "code"),
    [
        ("Some 400 troops from Chad 25 May arrived in Gao.", ["Chad"], 8),
        (
            "First wave of police officers from foreign security mission 25 May arrived in Gao.",
            ["foreign security mission"],
            8,
        ),
        (
            "Some 400 troops 25 May arrived in Gao from Kidal.",
            ["troops"],
            1,
        ),  # from a place: where they came from
    ],
)
def test_forces_from_a_state_or_mission_are_its_forces(x, sentence, actor1, code):
    (ev,) = x.events_of(sentence)
    assert (ev.actor1, ev.actor1_type) == (actor1, code)


@pytest.mark.parametrize(
    ("text", "country", "actor1", "code"),
    [
        ("Israeli raid into Gaza 11 May left 14 dead; Israel denied.", "Israel/Palestine", ["Israel"], 1),
        ("Russian strikes 3 May hit Kharkiv city.", "Ukraine", ["Russian"], 8),  # the entry names no Russia
    ],
)
def test_a_states_adjective_on_an_attack_names_the_state_that_did_it(x, text, country, actor1, code):
    attack = next(e for e in x.events_of(text, country=country) if e.event_type == "attack")
    assert (attack.actor1, attack.actor1_type) == (actor1, code)


@pytest.mark.parametrize(("word", "actor1"), [("latter", ["rebels"]), ("former", ["army"])])
def test_latter_and_former_name_one_of_the_two_named_before(x, word, actor1):
    (ev,) = x.events_of(f"Talks between army and rebels stalled; {word} 11 May attacked Gao.")
    assert ev.actor1 == actor1


def test_whose_site_an_attack_hits_is_the_side_it_befell(x):
    # 'at' an attack's site names the target; the site's possessor is whose it is, not its place name
    text = "Unidentified group 15 May launched rockets at Iraqi military’s Balad airbase."
    (ev,) = x.events_of(text, country="Iraq")
    assert (ev.actor1, ev.actor2, ev.actor2_type) == (["Unidentified group"], ["Iraqi military"], 1)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (  # the entry gives the title to one person: the title alone is that person
            "Former PM Imran Khan 3 May led march to Islamabad. "
            "Election Commission 21 May ruled former PM was guilty of corrupt practices.",
            ["Imran Khan"],
        ),
        (  # two presidents named: 'President' alone stays a title
            "President Tokayev 3 May met Russian President Putin. Court 21 May sentenced President.",
            ["President"],
        ),
        (  # a deputy holds another office: 'FM' alone is not the deputy FM
            "Deputy FM Kyaw Tin 3 May met FM. Court 21 May sentenced FM.",
            ["FM"],
        ),
    ],
)
def test_a_title_alone_is_the_one_person_the_entry_gives_it_to(x, text, side):
    (trial,) = [e for e in x.events_of(text) if e.event_type == "trial"]
    assert trial.actor2 == side


def test_whose_proposal_a_statement_reports_is_whom_it_speaks_of(x):
    # the parse hangs 'by Olmert govt' on 'reported', which has its speaker: it is whose the proposal is
    (ev,) = x.events_of(
        "Local press 13 May reported peace proposal by Olmert govt including handover of land."
    )
    assert (ev.actor1, ev.actor2) == (["Local press"], ["Olmert govt"])


def test_a_relative_pronoun_stands_for_the_name_it_follows(x):
    # 'X, who was arrested 3 May': X underwent the arrest; before, the name before the trigger acted
    text = "Opposition leader Ousmane Sonko, who was arrested 3 May in Dakar, began hunger strike."
    arrest = x.one(text, event_type="detention")
    assert (arrest.actor1, arrest.actor2) == ([], ["Ousmane Sonko"])
