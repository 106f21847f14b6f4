"""ACLED and PLOVER coding from the event itself (pipeline.events.coding), on sentences of our own."""

from __future__ import annotations

import pytest

from pipeline.events.coding import Coder, Counting, Cue, Text, victim_pattern
from pipeline.records import Event

# every ACLED sub-event type the project codes, each with a sentence that calls for it
SUB_EVENTS = [
    ("Armed clash", "Army and Fano militia 18 May clashed near Gondar town, leaving dozens dead."),
    (
        "Government regains territory",
        "Army 14 May recaptured Kidal town from rebel coalition after week of fighting.",
    ),
    (
        "Non-state actor overtakes territory",
        "Jihadists 9 May overran army base in Boulkessi and seized control of town.",
    ),
    ("Chemical weapon", "Regime forces 7 May used chlorine gas in attack on Douma, killing 40 civilians."),
    ("Air/drone strike", "Turkish drone strike 3 May killed four PKK militants near Sinjar."),
    ("Suicide bomb", "Suicide bomber 22 May killed 16 worshippers at mosque in Peshawar."),
    (
        "Shelling/artillery/missile attack",
        "Russian forces 12 May shelled residential areas of Kharkiv, killing five civilians.",
    ),
    (
        "Remote explosive/landmine/IED",
        "Roadside bomb 16 May killed three civilians travelling to market near Mopti.",
    ),
    ("Grenade", "Unidentified assailants 2 May threw grenade into bar in Bujumbura, wounding 12."),
    ("Sexual violence", "Militiamen 19 May raped at least 20 women in Ituri village."),
    ("Attack", "Suspected jihadists 9 May killed 14 villagers in Tillabéri region."),
    ("Abduction/forced disappearance", "Gunmen 11 May kidnapped 30 students from school in Kaduna state."),
    ("Peaceful protest", "Thousands of teachers 12 May staged protest in capital Dakar over unpaid wages."),
    ("Protest with intervention", "Police 15 May dispersed opposition rally in Conakry with tear gas."),
    (
        "Excessive force against protesters",
        "Security forces 20 May opened fire on protesters in Khartoum, killing seven.",
    ),
    ("Violent demonstration", "Protesters 6 May torched tyres and clashed with police in Nairobi."),
    ("Mob violence", "Mob 8 May lynched two men accused of theft in Kinshasa."),
    ("Agreement", "Govt and rebel coalition 11 May signed ceasefire agreement in Juba."),
    ("Arrests", "Police 21 May arrested opposition leader Ousmane Sonko in Dakar."),
    ("Change to group/activity", "Kenya 25 May deployed 400 troops to border with Somalia."),
    ("Disrupted weapons use", "Army 13 May defused explosive device planted on road near Gao."),
    (
        "Headquarters or base established",
        "French forces 4 May established new military base in Niger's Tillabéri region.",
    ),
    ("Looting/property destruction", "Armed men 17 May looted and burned houses in Djibo, no casualties."),
    (
        "Non-violent transfer of territory",
        "Wagner forces 29 May withdrew from Bakhmut, handing over positions to Russian army.",
    ),
    ("Other", "Authorities 26 May released 40 political prisoners in Addis Ababa."),
]


@pytest.mark.parametrize("sub, sentence", SUB_EVENTS, ids=[s for s, _ in SUB_EVENTS])
def test_each_sub_event_type_is_coded_from_the_event(x, sub, sentence):
    coded = {e.acled_sub_event_type for e in x.events_of(sentence)}
    assert sub in coded, coded


@pytest.mark.parametrize(
    "sentence, event_type, disorder, civilians",
    [
        (
            "Suspected jihadists 9 May killed 14 villagers in Tillabéri region.",
            "Violence against civilians",
            "Political violence",
            True,
        ),
        (
            "Turkish drone strike 3 May killed four PKK militants near Sinjar.",
            "Explosions/Remote violence",
            "Political violence",
            False,
        ),
        (
            "Security forces 20 May opened fire on protesters in Khartoum, killing seven.",
            "Protests",
            "Political violence; Demonstrations",
            True,
        ),
        (
            "Police 21 May arrested opposition leader Ousmane Sonko in Dakar.",
            "Strategic developments",
            "Strategic developments",
            None,
        ),
    ],
)
def test_event_type_disorder_type_and_civilian_targeting(x, sentence, event_type, disorder, civilians):
    (ev,) = [e for e in x.events_of(sentence) if e.acled_event_type]
    assert (ev.acled_event_type, ev.disorder_type, ev.civilian_targeting) == (event_type, disorder, civilians)


def test_an_attack_on_soldiers_is_a_battle_not_violence_against_civilians(x):
    ev = x.one(
        "Militants 14 May attacked army checkpoint near Djibo, killing six soldiers.", event_type="attack"
    )
    assert (ev.acled_event_type, ev.acled_sub_event_type) == ("Battles", "Armed clash")


def test_events_acled_does_not_code_have_no_acled_type(x):
    for sentence in (
        "Voters 28 May went to polls in presidential runoff.",
        "President Ruto 4 May met Ethiopian PM Abiy in Nairobi to discuss regional security.",
    ):
        for ev in x.events_of(sentence):
            assert ev.acled_event_type is ev.acled_sub_event_type is ev.disorder_type is None


@pytest.mark.parametrize(
    "sentence, category, mode",
    [
        ("Authorities 26 May released 40 political prisoners in Addis Ababa.", "CONCEDE", None),
        ("Rebel leader 3 May threatened to resume attacks on capital.", "THREATEN", None),
        ("Opposition 9 May demanded release of detained journalists.", "DEMAND", None),
        ("Human Rights Watch 23 May accused security forces of extrajudicial killings.", "DISAPPROVE", None),
        ("AU 12 May praised govt for holding peaceful elections.", "SUPPORT", None),
        ("Police 21 May arrested opposition leader Ousmane Sonko in Dakar.", "COERCE", "arrest"),
        (
            "Thousands of teachers 12 May staged protest in capital Dakar over unpaid wages.",
            "PROTEST",
            "demo",
        ),
        ("Suicide bomber 22 May killed 16 worshippers at mosque in Peshawar.", "ASSAULT", "suicide-attack"),
        ("Kenya 25 May deployed 400 troops to border with Somalia.", "MOBILIZE", "troops"),
    ],
)
def test_plover_category_by_what_happened(x, sentence, category, mode):
    coded = {(e.plover, e.plover_mode) for e in x.events_of(sentence)}
    assert (category, mode) in coded, coded


def test_cue_words_match_their_inflections_and_only_whole_words():
    cue = Cue.of(["seize", "kidnap", "mine", "take control", "al-Shabaab"])
    for text in ("Seized town", "seizing", "kidnapped", "mines", "take\ncontrol", "AL-SHABAAB attacked"):
        assert cue.in_text(Text(text)), text
    for text in ("minerals", "landmine", "take controls", "Shabaab attacked"):
        assert not cue.in_text(Text(text)), text


def test_victims_are_those_harmed_not_those_who_harm():
    soldiers = victim_pattern(["soldiers"], Counting.from_models())
    assert soldiers.search("killing 42 soldiers") and soldiers.search("two soldiers were killed")
    assert not soldiers.search("soldiers killed five civilians")


def test_the_trigger_decides_before_the_evidence():
    """A rule on a hand-built event: 'shelled' in the trigger wins over 'bomb' later in the clause."""
    coder = Coder.from_models()
    ev = Event(
        "e", "attack", None, None, "none", None, "army shelled town where bomb was stored", 0, 39, "shelled"
    )
    coder.code(ev)
    assert ev.acled_sub_event_type == "Shelling/artillery/missile attack"
