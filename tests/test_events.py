"""Events stage: codebooks, patterns and the coder on sentences written for these tests.

The coder is tested on actor mentions placed by hand (a small table of names → codes), so that these tests
check the events stage alone; test_events_pipeline.py runs it behind the real actors stage.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from worldwire.datafiles import parse_data
from worldwire.errors import DataFileError
from worldwire.events import code_events
from worldwire.events.codebook import cameo_codebook, cameo_entry, plover_codebook
from worldwire.events.patterns import modality_cues, pattern_book
from worldwire.models import Actor, ActorDocument, Event, RawDocument
from worldwire.pipeline import extract_documents, parse_documents

NAMES: dict[str, tuple[str, str | None, str | None]] = {
    "Russia": ("RUS", "RUS", None),
    "Ukraine": ("UKR", "UKR", None),
    "China": ("CHN", "CHN", None),
    "Kazakhstan": ("KAZ", "KAZ", None),
    "Germany": ("DEU", "DEU", None),
    "France": ("FRA", "FRA", None),
    "Japan": ("JPN", "JPN", None),
    "India": ("IND", "IND", None),
    "Iran": ("IRN", "IRN", None),
    "Turkey": ("TUR", "TUR", None),
    "Greece": ("GRC", "GRC", None),
    "Poland": ("POL", "POL", None),
    "Brazil": ("BRA", "BRA", None),
    "Sudan": ("SDN", "SDN", None),
    "Britain": ("GBR", "GBR", None),
    "Venezuela": ("VEN", "VEN", None),
    "Colombia": ("COL", "COL", None),
    "Egypt": ("EGY", "EGY", None),
    "Syria": ("SYR", "SYR", None),
    "Israel": ("ISR", "ISR", None),
    "Australia": ("AUS", "AUS", None),
    "North Korea": ("PRK", "PRK", None),
    "South Korea": ("KOR", "KOR", None),
    "Russian government": ("RUSGOV", "RUS", "GOV"),
    "Russian soldiers": ("RUSMIL", "RUS", "MIL"),
    "rebels": ("REB", None, "REB"),
    "Egyptian police": ("EGYCOP", "EGY", "COP"),
    "Israeli jets": ("ISRMIL", "ISR", "MIL"),
    "protesters": ("CVL", None, "CVL"),
}
PERSONS = {"Senator Smith": ("USALEG", "USA", "LEG"), "President Macron": ("FRAGOV", "FRA", "GOV")}

# One sentence per paragraph; each line: sentence, then what must be coded from it.
SENTENCES: list[str] = [
    "Iran denied responsibility for the attack.",  # 0: 01
    "Germany urged Russia to release the detained journalists.",  # 1: 02
    "France pledged aid to Ukraine.",  # 2: 03
    "The foreign minister of Japan met with his counterpart from India in Delhi.",  # 3: 04
    "Japan praised India for its handling of the crisis.",  # 4: 05
    "India and Japan held joint naval exercises.",  # 5: 06
    "Britain provided humanitarian assistance to Sudan.",  # 6: 07
    "Russia released two prisoners from Ukraine.",  # 7: 08
    "Brazil launched an investigation into the conduct of Venezuela.",  # 8: 09
    "Poland demanded compensation from Germany.",  # 9: 10
    "Turkey condemned Greece over the incident.",  # 10: 11
    "Venezuela rejected the proposal from Colombia.",  # 11: 12
    "North Korea threatened to attack South Korea.",  # 12: 13
    "Thousands of protesters demonstrated against Iran outside its embassy.",  # 13: 14
    "Russia deployed troops along the border with Ukraine.",  # 14: 15
    "Australia imposed sanctions on Russia.",  # 15: 16/17 (163)
    "Egyptian police arrested three journalists from Israel.",  # 16: 17
    "The rebels abducted two engineers from China.",  # 17: 18
    "Israeli jets bombed targets in Syria.",  # 18: 19
    "Syria used chemical weapons against Turkey.",  # 19: 20
    "Ukraine was attacked by Russia on Monday.",  # 20: passive
    "Russia did not attack Ukraine.",  # 21: negated
    "If Russia attacks Ukraine, the response will be swift.",  # 22: hypothetical
    "Germany plans to visit Poland next month.",  # 23: intended → 036
    "Germany and France signed a trade agreement with Japan.",  # 24: compound source
    "The Russian government criticized Russia over the decision.",  # 25: same country
    "Russia and Ukraine established diplomatic relations three decades ago.",  # 26: historical
    "Iran said Germany will increase trade with China.",  # 27: reported speech
    "Russia has no plans to attack Ukraine.",  # 28: negated intention
    "China and Kazakhstan held talks on trade.",  # 29: mutual consultation
    "Germany said Iran must release the detained sailors.",  # 30: reported demand
    "Two soldiers from Ukraine were killed by a roadside bomb.",  # 31: unattributed violence
    "Russia will not accept the proposal from Ukraine.",  # 32: refusal
    "Russia said it will withdraw its troops unless Ukraine stops the shelling.",  # 33: conditional threat
    "Angry protesters staged rallies against Iran.",  # 34: "staged" (lemmatized "stag" by the model)
    "The Russian government has conceded nothing to Ukraine.",  # 35: negative object
    "Senator Smith attacked President Macron over his remarks.",  # 36: a verbal attack
    "Poland said it had expelled two diplomats from Russia.",  # 37: the reported "it" is the speaker
]


def _actor_doc(text: str, date: str = "2023-05-17") -> ActorDocument:
    doc = next(parse_documents([RawDocument(id="t", origin="t", text=text, date=date)], raw_mode=True))
    assert doc.error is None, doc.error
    starts = [s.start for s in doc.sentences]
    actors = []
    for name, (code, country, sector) in NAMES.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            sentence = max(i for i, s in enumerate(starts) if s <= m.start())
            actors.append(Actor(name, m.start(), m.end(), sentence, name, code, country, sector))
    for name, (code, country, sector) in PERSONS.items():
        for m in re.finditer(re.escape(name), text):
            sentence = max(i for i, s in enumerate(starts) if s <= m.start())
            actors.append(
                Actor(name, m.start(), m.end(), sentence, name, code, country, sector, kind="person")
            )
    actors.sort(key=lambda a: (a.start, -a.end))
    kept: list[Actor] = []
    for actor in actors:  # longest match wins where names overlap ("Russian government" over nothing)
        if not any(k.start <= actor.start < k.end for k in kept):
            kept.append(actor)
    return ActorDocument(annotated=doc, actors=tuple(kept))


@cache
def _coded() -> tuple[str, tuple[Event, ...]]:
    text = "\n\n".join(SENTENCES)
    coded = code_events(_actor_doc(text))
    return text, coded.events


def events_of(index: int) -> list[Event]:
    return [e for e in _coded()[1] if e.sentence == index]


def dyads(index: int) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events_of(index)}


# ── codebooks and data ────────────────────────────────────────────────────────────────────────────


def test_cameo_codebook_has_every_root_with_goldstein_and_quad_class() -> None:
    book = cameo_codebook()
    assert len(book) >= 300
    assert {code[:2] for code in book} == {f"{r:02d}" for r in range(1, 21)}
    assert book["042"].goldstein == 1.9
    assert book["042"].quad_class == 1
    assert book["190"].goldstein == -10.0
    assert book["190"].quad_class == 4
    assert book["061"].quad_class == 2
    assert book["111"].quad_class == 3
    assert book["106"].name == "Demand withdrawal"  # the glued line of the source file, split


def test_plover_mapping_covers_every_pattern_code() -> None:
    plover = plover_codebook()
    assert len(plover.categories) == 16
    assert plover.coding("042") is not None  # type: ignore[union-attr]
    assert plover.coding("042").mode == "visit"  # type: ignore[union-attr]
    assert plover.coding("163").category == "COERCE"  # type: ignore[union-attr]
    book = pattern_book()
    codes = {p.code for group in (*book.verbs.values(), *book.nouns.values()) for p in group}
    assert all(plover.coding(code) is not None and code in cameo_codebook() for code in codes)
    assert {code[:2] for code in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len({p.text for group in (*book.verbs.values(), *book.nouns.values()) for p in group}) >= 400


def test_intent_codes_are_expressions_of_intent() -> None:
    cues = modality_cues()
    assert cues.intent_code("042") == "036"
    assert cues.intent_code("061") == "0311"
    assert cues.intent_code("051") == "032"
    assert cues.intent_code("111") == "111"
    categories = {plover_codebook().coding(c).category for c in cues.intent_codes.values()}  # type: ignore[union-attr]
    assert categories <= {"AGREE", "THREATEN"}


def test_unknown_code_reads_as_its_root() -> None:
    assert cameo_entry("0421").goldstein == cameo_entry("042").goldstein
    assert cameo_entry("903").quad_class == 0


@pytest.mark.parametrize(
    "source",
    [
        'schema = "worldwire.event_patterns/1"\n[codes."042"]\nverbs = ["visit"]\n',  # no vocabularies
        'schema = "worldwire.event_patterns/2"\n',
    ],
)
def test_pattern_file_is_validated(source: str) -> None:
    with pytest.raises(DataFileError):
        parse_data("event_patterns", source, "<test>")


# ── the coder ─────────────────────────────────────────────────────────────────────────────────────

ROOT_SENTENCES = {
    0: ("IRN", None, "01"),
    1: ("DEU", "RUS", "02"),
    2: ("FRA", "UKR", "03"),
    3: ("JPN", "IND", "04"),
    4: ("JPN", "IND", "05"),
    5: ("IND", "JPN", "06"),
    6: ("GBR", "SDN", "07"),
    7: ("RUS", "UKR", "08"),
    8: ("BRA", "VEN", "09"),
    9: ("POL", "DEU", "10"),
    10: ("TUR", "GRC", "11"),
    11: ("VEN", "COL", "12"),
    12: ("PRK", "KOR", "13"),
    13: ("CVL", "IRN", "14"),
    14: ("RUS", "UKR", "15"),
    15: ("AUS", "RUS", "16"),
    16: ("EGYCOP", "ISR", "17"),
    17: ("REB", "CHN", "18"),
    18: ("ISRMIL", "SYR", "19"),
    19: ("SYR", "TUR", "20"),
}


@pytest.mark.parametrize(("index", "expected"), sorted(ROOT_SENTENCES.items()))
def test_each_cameo_root(index: int, expected: tuple[str, str | None, str]) -> None:
    source, target, root = expected
    found = {(s, t, code[:2]) for s, t, code in dyads(index)}
    if index == 15:  # sanctions: CAMEO 163 sits under root 16, PLOVER codes it COERCE
        root = "16"
    assert (source, target, root) in found, (SENTENCES[index], dyads(index))


def test_passive_reads_the_agent_as_source() -> None:
    assert ("RUS", "UKR", "190") in dyads(20)


def test_modalities() -> None:
    assert {e.modality for e in events_of(21)} == {"negated"}
    assert {e.modality for e in events_of(22) if e.cameo.startswith("19")} == {"hypothetical"}
    visit = events_of(23)
    assert [(e.cameo, e.plover, e.modality) for e in visit] == [("036", "AGREE", "intended")]
    assert events_of(26)
    assert {e.modality for e in events_of(26)} == {"historical"}
    assert {e.modality for e in events_of(28)} == {"negated"}


def test_reported_speech_codes_the_inner_clause() -> None:
    assert dyads(27) == {("DEU", "CHN", "0311")}
    assert {e.modality for e in events_of(27)} == {"intended"}


def test_compound_actors_give_every_dyad() -> None:
    assert {("DEU", "JPN", "057"), ("FRA", "JPN", "057")} <= dyads(24)
    assert {("CHN", "KAZ", "040"), ("KAZ", "CHN", "040")} <= dyads(29)


def test_no_event_between_a_country_and_itself() -> None:
    assert all(e.target is None or e.target.country != e.source.country for e in _coded()[1])
    assert events_of(25)
    assert all(e.target is None for e in events_of(25))


def test_reported_demand() -> None:
    assert ("DEU", "IRN", "100") in dyads(30)


def test_evidence_offsets_and_fields() -> None:
    text, events = _coded()
    assert len({e.sentence for e in events}) >= 25  # every sentence is read
    for event in events:
        assert text[event.start : event.end] == event.evidence
        assert event.evidence == SENTENCES[event.sentence]
        assert 0.0 < event.confidence <= 1.0
        assert event.plover
        assert event.trigger
        assert event.goldstein == cameo_entry(event.cameo).goldstein


def test_historical_by_year_against_the_document_date() -> None:
    coded = code_events(_actor_doc("In 2019, Russia signed a treaty with Ukraine.", date="2023-05-17"))
    assert {e.modality for e in coded.events} == {"historical"}
    # more than a decade before the story (`history_min_years`): history, not coded at all
    old = code_events(_actor_doc("In 1992, Russia signed a treaty with Ukraine.", date="2023-05-17"))
    assert old.events == ()
    recent = code_events(_actor_doc("On Monday, Russia signed a treaty with Ukraine.", date="2023-05-17"))
    assert {e.modality for e in recent.events} == {"asserted"}


def test_failed_document_has_no_events() -> None:
    doc = next(parse_documents([RawDocument(id="e", origin="e", text="", date=None)], raw_mode=True))
    assert code_events(ActorDocument(annotated=doc)).events == ()


def test_violence_without_a_named_author_keeps_its_victims() -> None:
    events = events_of(31)
    assert events
    assert all(e.source.code is None and e.source.text == "" for e in events)
    # the weapon is named: a roadside bomb is 1833, not a generic fight
    assert {(e.target.code if e.target else None, e.cameo) for e in events} == {("UKR", "1833")}


def test_negated_intention_is_a_rejection() -> None:
    assert [(e.cameo[:2], e.plover, e.modality) for e in events_of(32)] == [("12", "REJECT", "asserted")]


def test_conditional_intention_is_a_threat() -> None:
    threats = [e for e in events_of(33) if e.source.code == "RUS"]
    assert threats
    assert threats[0].cameo.startswith("13")
    assert threats[0].plover == "THREATEN"


def test_inflected_forms_the_lemmatizer_misses() -> None:
    assert ("CVL", "IRN", "141") in dyads(34)


def test_negative_object_negates() -> None:
    assert {e.modality for e in events_of(35)} == {"negated"}


def test_an_unarmed_attack_on_a_person_is_criticism() -> None:
    assert dyads(36) == {("USALEG", "FRAGOV", "111")}
    assert ("ISRMIL", "SYR", "195") in dyads(18)  # armed, and on a country: still an attack


def test_reported_pronoun_is_the_speaker() -> None:
    assert ("POL", "RUS", "161") in dyads(37)


def _dyads_of(text: str, date: str = "2023-05-17") -> set[tuple[str | None, str | None, str, str]]:
    events = code_events(_actor_doc(text, date)).events
    return {(e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in events}


def test_a_demand_noun_with_a_that_clause_is_a_demand_on_its_subject() -> None:
    assert ("DEU", "IRN", "100", "asserted") in _dyads_of(
        "Germany repeated its demand that Iran halt enrichment."
    )
    # reacting to someone's demand is no demand of one's own
    assert not any(
        c == "100" for *_, c, _ in _dyads_of("Russia rejected the demand that Ukraine withdraw its troops.")
    )


def test_a_stative_passive_subject_acts() -> None:
    assert ("TUR", "GRC", "110", "asserted") in _dyads_of("Turkey is opposed to the plan of Greece.")


def test_questions_and_natural_disasters_are_no_events() -> None:
    assert _dyads_of("Did Russia attack Ukraine?") == set()
    assert _dyads_of("An earthquake struck Turkey on Monday, killing 40 people.") == set()


def test_questions_only_the_part_after_an_ellipsis_asks() -> None:
    # a quotation cut short with "[...]" joins two sentences; the question after the cut asks, the
    # verdict before it stands
    text = (
        'Kenyan President Uhuru Kenyatta said, "Tanzania is behaving like a bully[...] how can they do this?"'
    )
    assert ("KENGOV", "TZA", "111") in _codes_of(text, "2021-05-01")
    assert not _codes_of('Kenyan President Uhuru Kenyatta asked, "Is Tanzania behaving like a bully?"')


def test_armed_forces_arriving_are_deployed_not_visiting() -> None:
    assert _dyads_of("Russian soldiers arrived in Ukraine on Monday.") == {
        ("RUSMIL", "UKR", "154", "asserted")
    }


def test_precision_police_arriving_answer_a_call_and_deploy_nothing() -> None:
    text = "Police said officers arrived at the Chase bank in Dallas six minutes later."
    assert [code for *_, code in _codes_of(text, "2019-08-04")] == []


def test_a_conditional_hostile_possibility_is_a_threat() -> None:
    codes = {
        (s, c[:2], m) for s, _, c, m in _dyads_of("Russia may cut aid to Sudan if Sudan joins the pact.")
    }
    assert ("RUS", "13", "intended") in codes


def test_two_sectors_of_one_country_are_two_parties() -> None:
    text = "Russian soldiers arrested members of the Russian government."
    assert ("RUSMIL", "RUSGOV", "173", "asserted") in _dyads_of(text)


def test_a_meeting_needs_a_counterpart() -> None:
    assert not any(c.startswith("04") for *_, c, _ in _dyads_of("Japan held talks on Monday."))


def test_light_verbs_and_decisions_state_acts() -> None:
    assert ("RUSMIL", "UKR", "190", "asserted") in _dyads_of("Russian soldiers undertook a raid on Ukraine.")
    assert ("DEU", "IRN", "085", "asserted") in _dyads_of("Germany decided to lift sanctions on Iran.")


def test_a_passive_without_an_author_codes_what_was_done_to_its_subject() -> None:
    # an arrest has one possible author: the police where it happened, else of the arrested party's state
    assert ("SYRCOP", "RUSGOV", "173", "asserted") in _dyads_of(
        "The Russian government was arrested in Syria."
    )
    assert (None, "IRN", "090", "asserted") in _dyads_of("Iran was put under investigation for the attack.")
    # a by-phrase the parser hangs lower down is still the author
    assert ("FRA", "IRN", "112", "asserted") in _dyads_of("Iran has been accused of misusing aid by France.")
    # passive violence keeps its own rule (it needs a weapon or an attack in the sentence)
    assert _dyads_of("Twenty protesters have been confirmed killed.") == set()


def test_refusals_oaths_and_preparations() -> None:
    assert ("IRN", "SYR", "125", "asserted") in _dyads_of("Iran declined to meet Syria.")
    assert ("REB", "RUSMIL", "138", "intended") in _dyads_of("The rebels swore to fight Russian soldiers.")
    # preparing violence is a show of force, not a threat
    assert ("RUSMIL", "UKR", "150", "asserted") in _dyads_of("Russian soldiers prepared to attack Ukraine.")
    assert ("RUSMIL", "UKR", "150", "asserted") in _dyads_of("Russian soldiers are poised to attack Ukraine.")


def test_talk_needs_an_addressed_party() -> None:
    # the first actor further on is no addressee when the object is no actor
    assert _dyads_of("Japan discusses its background, its economy and India.") == set()
    # disapproval aimed at nobody is a position, not an event
    assert not any(c == "110" for *_, c, _ in _dyads_of("Germany expressed opposition to the slogan."))
    assert ("TUR", "GRC", "110", "asserted") in _dyads_of("Turkey expressed opposition to Greece.")


def test_a_generic_subject_with_a_modal_is_hypothetical() -> None:
    generic = _dyads_of("Any member of the Russian government will attack Ukraine.")
    assert generic
    assert all(m == "hypothetical" for *_, m in generic)
    assert ("RUSGOV", "UKR", "138", "intended") in _dyads_of("The Russian government will attack Ukraine.")


def test_background_a_permission_the_rules_give_is_no_event() -> None:
    allowed = _modalities_of("The British monarch is allowed to suspend the British parliament.")
    assert ("GBRGOV", "GBRLEG", "172", "hypothetical") in allowed
    done = _modalities_of("The British monarch suspended the British parliament.")
    assert ("GBRGOV", "GBRLEG", "172", "asserted") in done


def test_background_a_generic_subject_in_the_simple_present_states_a_rule() -> None:
    rule = _modalities_of("Citizens convicted of treason are expelled from Russia by Russian courts.")
    assert rule
    assert all(m == "hypothetical" for *_, m in rule)
    anyone = _modalities_of("Anyone who attacks police in Moscow is arrested by Russian police.")
    assert all(m == "hypothetical" for *_, m in anyone)
    # a named group, or a plural not of the generic kind, still acts
    assert ("RUSOPP", "RUSCOP", "190", "asserted") in _modalities_of(
        "Russian protesters attack police in Moscow."
    )


def test_dissolving_ones_own_parliament_is_no_coercion() -> None:
    assert not any(
        c.startswith("17") for *_, c, _ in _dyads_of("The Russian government dissolved the parliament.")
    )


def test_a_complaint_verb_with_a_clause_accuses_the_clause_subject() -> None:
    dyads = _dyads_of("Turkey protested that Greece had violated its airspace.")
    assert ("TUR", "GRC", "114", "asserted") in dyads
    assert not any(c.startswith("14") for *_, c, _ in dyads)  # words, not a street protest
    assert ("IRN", "ISR", "112", "asserted") in _dyads_of("Iran charged that Israel had attacked its ships.")


def test_since_a_year_is_no_background_and_steps_taken_are_acts() -> None:
    assert ("RUS", "UKR", "125", "asserted") in _dyads_of(
        "Russia refused to meet Ukraine since 2001.", date="2023-05-17"
    )
    assert any(
        c.startswith("08") and m == "asserted"
        for _, _, c, m in _dyads_of("Sudan has taken steps to lift sanctions on Egypt.")
    )


def test_exhortations_and_planned_events_are_not_acts() -> None:
    assert _dyads_of('He said: "Take a knife and attack the protesters with a bomb."') == set()
    planned = _dyads_of("President Macron's planned trip to Poland begins in May.")
    assert planned
    assert all(m == "intended" for *_, m in planned)


def test_a_party_asked_in_the_passive_is_the_target() -> None:
    assert ("RUS", "UKR", "043", "asserted") in _dyads_of("Ukraine was welcomed by Russia in Moscow.")
    assert ("RUS", "UKR", "020", "asserted") in _dyads_of("Ukraine was advised by Russia to leave.")
    assert ("UKR", "RUS", "040", "asserted") in _dyads_of("Ukraine was met by Russia in Minsk.")


def test_a_denial_of_the_accusation_told_before_is_aimed_at_its_author() -> None:
    text = "Russia said the attack was Ukraine's doing. For several days Ukraine denied the accusation."
    assert ("UKR", "RUS", "016", "asserted") in _dyads_of(text)


def test_an_aim_or_an_obligation_is_no_declared_intention() -> None:
    sent = _dyads_of("Russia sent Russian soldiers to Syria to fight the rebels.")
    assert {(c, m) for *_, c, m in sent if c[:2] in ("03", "13", "19")} == {("190", "hypothetical")}  # an aim
    assert {m for *_, m in _dyads_of("Russia must attack the rebels.")} == {"hypothetical"}
    assert ("RUS", "REB", "138", "intended") in _dyads_of("Russia will attack the rebels.")


def test_habitual_past_is_background() -> None:
    assert ("REB", "RUSMIL", "190", "historical") in _dyads_of(
        "The rebels would sometimes kill Russian soldiers."
    )
    used = _dyads_of("The rebels used to demand money from Russia.")
    assert used
    assert all(m == "historical" for *_, m in used)


def test_animals_aims_and_things_are_no_parties() -> None:
    """Material cooperation and conflict act on parties; an animal, an aim or a thing as object is another
    sense of the word."""
    assert _dyads_of("The Egyptian police ordered the killing of thousands of pigs.") == set()
    assert _dyads_of("Egyptian police equipped horses with blankets.") == set()
    assert not any(c.startswith("08") for *_, c, _ in _dyads_of("Russia retreated from its goal of peace."))
    killed = _dyads_of("The rebels killed thousands of soldiers from China.")
    assert any(c[:2] in ("18", "19", "20") and t == "CHN" for _, t, c, _ in killed)


def test_recognition_is_of_a_state() -> None:
    assert not any(c == "054" for *_, c, _ in _dyads_of("The old town was recognized by France as heritage."))
    assert ("FRA", "SYR", "054", "asserted") in _dyads_of("France recognized Syria on Monday.")


def test_a_month_or_an_event_year_long_before_the_document_is_background() -> None:
    assert ("RUS", "UKR", "190", "historical") in _dyads_of("In March 2022, Russia attacked Ukraine.")
    assert ("RUS", "UKR", "190", "asserted") in _dyads_of("In March 2023, Russia attacked Ukraine.")
    assert any(
        m == "historical" for *_, m in _dyads_of("The 2019 attack on Britain was carried out by Germany.")
    )
    assert not _dyads_of("The 1944 attack on Britain was carried out by Germany.")  # history: not coded


def _confidences(text: str) -> list[float]:
    return [e.confidence for e in code_events(_actor_doc(text)).events]


def test_confidence_follows_the_evidence() -> None:
    """A named source and target, a specific pattern, an asserted act outside quotes rank above the same
    act made possible, quoted or aimed at nobody. (Whether a simple present is weaker evidence is left to the
    fit: its weight was -0.35 on 204 events and +0.09 on 217, no stable sign to test.)"""
    plain = max(_confidences("Australia imposed sanctions on Russia."))
    assert plain >= 0.6  # a calibrated estimate: about two in three such events are right on real news
    assert max(_confidences("Australia imposed sanctions.")) < plain  # aimed at nobody
    assert max(_confidences("Australia might impose sanctions on Russia.")) < plain
    assert max(_confidences('France said: "Australia imposed sanctions on Russia."')) < plain
    assert max(_confidences("We think Australia imposed sanctions on Russia.")) < plain
    assert all(0.05 <= c <= 0.95 for c in _confidences("Russian soldiers were attacked."))


def test_hosting_is_of_a_state_or_an_organisation() -> None:
    assert ("DEU", "FRAGOV", "043", "asserted") in _dyads_of("Germany hosted President Macron.")
    assert not any(c == "043" for *_, c, _ in _dyads_of("Iran hosted the protesters at a chess tournament."))


def test_a_time_phrase_is_no_target_preposition() -> None:
    """ "call on X" is an appeal; "called off its search late on Tuesday" is none."""
    assert not any(
        c.startswith("02") for *_, c, _ in _dyads_of("Britain called off its search late on Tuesday.")
    )
    assert any(c.startswith("02") for *_, c, _ in _dyads_of("Britain called on Iran to release the sailors."))


def test_a_forbidden_or_prevented_act_is_negated_not_refused() -> None:
    assert ("IRN", "ISR", "190", "negated") in _dyads_of("Iran must not attack Israel.")
    assert ("RUS", "UKR", "120", "asserted") in _dyads_of("Russia will not accept the proposal from Ukraine.")
    prevented = _dyads_of("France went to court to prevent Germany from helping Poland.")
    assert prevented
    assert all(m == "negated" for *_, m in prevented)


# ── violence detail (issue: roots 18-19 by weapon and by party) ───────────────────────────────────


def _events_of(text: str, day: str = "2020-01-10") -> tuple[Event, ...]:
    doc = next(extract_documents([RawDocument(id="v", origin="v", text=text, date=day)], raw_mode=True))
    return doc.events.events


def _codes_of(text: str, day: str = "2020-01-10") -> list[tuple[str | None, str | None, str]]:
    return [(e.source.code, e.target.code if e.target else None, e.cameo) for e in _events_of(text, day)]


def test_violence_detail_a_named_weapon_gives_its_code() -> None:
    assert ("ISRMIL", "SYR", "195") in _codes_of("Israeli forces attacked Syria in an air strike on Monday.")
    car = _codes_of("Militants killed four soldiers of Mali with a car bomb.")
    assert [code for *_, code in car] == ["1832"]
    bombs = _codes_of(
        "At least 20 civilians were killed when two bombs exploded in Jolo, Philippines.", "2019-01-28"
    )
    assert [code for *_, code in bombs] == ["183"]  # a bomb of no named kind
    jets = _codes_of("Israeli jets bombed Gaza, killing five civilians.", "2019-01-28")
    assert "195" in {code for *_, code in jets}  # bombing from the air stays aerial


def test_violence_detail_police_force_on_protesters_is_repression() -> None:
    codes = _codes_of("In Nairobi, Kenyan police shot at protesters on Tuesday.")
    assert [(s, t, c) for s, t, c in codes if c[:2] in ("17", "18", "19")] == [("KENCOP", "KENOPP", "175")]


def test_violence_detail_a_gunman_attacking_civilians_is_unconventional_violence() -> None:
    codes = _codes_of(
        "A gunman shot shoppers at a supermarket in Texas on Saturday, police in the United States said."
    )
    assert [c for *_, c in codes if c[:2] in ("18", "19")] == ["180"]


def test_violence_detail_attacking_a_decision_is_criticism() -> None:
    codes = _codes_of("President Erdogan attacked the decision of the United States on Monday.", "2019-03-26")
    assert [(s, c) for s, _, c in codes] == [("TURGOV", "111")]


# ── the party acted on (issue: the target is named but left out) ──────────────────────────────────


def test_target_from_the_story_when_the_clause_names_none() -> None:
    text = (
        "The Chilean government asked a court to stop the strike. "
        "Judge Marta Ruiz rejected the argument on Monday."
    )
    codes = _codes_of(text, "2021-05-01")
    assert ("CHLJUD", "CHLGOV", "120") in codes


def test_target_from_the_story_is_never_a_place_or_the_actor_itself() -> None:
    codes = _codes_of("In Kenya, the opposition leader condemned the decision on Monday.", "2021-05-01")
    assert [(s, t) for s, t, c in codes if c[:2] == "11"] == [("KENOPP", None)]


def test_blame_in_a_speakers_own_words_is_an_accusation_of_the_party_named() -> None:
    text = '"The Ugandan government is lying to its people," said Bobi Kato, an opposition leader in Uganda.'
    assert ("UGAOPP", "UGAGOV", "112") in _codes_of(text, "2021-05-01")


def test_wrongdoing_told_in_a_speakers_words_blames_its_doer() -> None:
    # no word of blame: the wrong itself ("breaking the law", "ignored the will of ...") blames its doer
    text = (
        'The opposition leader of Kenya, Raila Odinga, said, "The government of Kenya is breaking the law."'
    )
    assert ("KENOPP", "KENGOV", "112") in _codes_of(text, "2021-05-01")
    text = "A senator of the United States said the president of Brazil had ignored the will of the people."
    assert ("USALEG", "BRAGOV", "111") in _codes_of(text, "2021-05-01")
    # ... beside an act the words code, the wrong still blames its doer
    text = "The president of Chile said the defence minister of Peru broke the law and likes dropping bombs."
    assert ("CHLGOV", "PERGOV", "112") in _codes_of(text, "2021-05-01")


def test_wrongdoing_denied_supposed_owned_up_or_in_another_sense_blames_nobody() -> None:
    for text in (
        "The president of Chile said the government of Peru did not break the law.",
        "The president of Chile said the government of Peru would break the law if it closed the border.",
        'The president of Chile said, "We broke the law, and we are sorry."',
        "The mayor of Lima said the town lies on the border with Chile.",
    ):
        assert not [c for *_, c in _codes_of(text, "2021-05-01") if c[:2] == "11"], text


def test_a_quotation_of_mourning_is_no_criticism() -> None:
    text = 'The president said the victims were "young girls whose lives were torn away" in a tragedy.'
    assert not [c for *_, c in _codes_of(text, "2021-05-01") if c[:2] == "11"]


def test_an_arrest_by_nobody_named_is_the_police_of_the_arrested() -> None:
    codes = _codes_of("More than 300 protesters were arrested in Kampala, Uganda on Sunday.", "2021-05-01")
    assert ("UGACOP", "UGAOPP", "173") in codes


def test_two_people_of_one_government_are_two_parties() -> None:
    text = "Kenyan President Uhuru Kenyatta criticised Deputy President William Ruto on Monday."
    assert ("KENGOV", "KENGOV", "111") in _codes_of(text, "2021-05-01")


def test_a_person_never_acts_on_their_own_state() -> None:
    codes = _codes_of("Kenyan President Uhuru Kenyatta praised Kenya on Monday.", "2021-05-01")
    assert not [c for s, t, c in codes if t == "KEN"]


# ── error classes of real news (issue: events on real news) ─────────────────────────────────────────


def test_one_act_is_not_split_in_two_half_events() -> None:
    assert _codes_of("Rebels in Mali attacked an army post, killing three soldiers.", "2022-03-01") == [
        ("MLIREB", "MLIMIL", "190")
    ]


def test_a_purpose_clause_after_a_coercive_act_is_the_act() -> None:
    codes = _codes_of("Iraqi police fired tear gas to disperse protesters.", "2022-03-01")
    assert codes == [("IRQCOP", "IRQOPP", "175")]


def test_saying_a_party_is_responsible_is_an_accusation() -> None:
    assert ("ISR", "PSEREBHMS", "112") in _codes_of("Israel said Hamas is responsible for the attack.")
    assert not [c for *_, c in _codes_of("Israel said Hamas won the vote.") if c == "112"]


def test_sanctions_are_coercion_not_assault() -> None:
    assert _codes_of("Hungary targeted Russia with new sanctions.") == [("HUN", "RUS", "163")]
    assert not _codes_of("The senator hit the panic button.")


def test_taking_over_and_regaining_territory_and_expelling_diplomats() -> None:
    assert ("SYRMIL", "SYRREB", "192") in _codes_of("Syrian troops regained control of Aleppo from rebels.")
    assert [c for *_, c in _codes_of("Taliban fighters took over the Afghan city of Kunduz.")] == ["192"]
    assert ("POL", "RUSGOV", "161") in _codes_of(
        "The expulsions of Russian diplomats by Poland angered Moscow."
    )


def test_a_protest_named_by_its_noun_is_its_crowd_s() -> None:
    codes = _codes_of("Anti-government demonstrations in Tehran continued on Monday.")
    assert codes == [("IRNOPP", "IRNGOV", "141")]
    assert not _codes_of("The protests began in early October.")  # no place: no one to name


def test_a_criminal_charge_is_legal_action_and_impeachment_a_formal_charge() -> None:
    assert ("USAJUD", "USACRM", "173") in _codes_of(
        "Federal prosecutors in the United States charged the suspect with murder.", "2019-08-05"
    )
    assert ("USALEG", "USAGOV", "1121") in _codes_of(
        "The House of Representatives impeached President Donald Trump.", "2019-12-19"
    )


def test_a_speaker_s_words_of_praise_about_a_party_are_praise() -> None:
    text = 'Kenyan President Uhuru Kenyatta said Raila Odinga of Kenya "has been an iconic leader".'
    assert ("KENGOV", "KEN", "051") in _codes_of(text, "2021-05-01")
    assert not [c for *_, c in _codes_of("Kenyatta said the weather was great.", "2021-05-01") if c == "051"]


def test_a_speaker_s_words_of_sympathy_for_a_party_are_sympathy() -> None:
    text = 'Polish President Andrzej Duda said, "Our condolences go to the families of the victims in Poland.'
    text += '"'
    assert [c for *_, c in _codes_of(text, "2019-01-05")] == ["018"]


def test_an_emergency_is_declared_over_the_actor_s_own_ground() -> None:
    text = "Peruvian President Martin Vizcarra declared a national emergency as Chile watched."
    assert _codes_of(text, "2020-03-16") == [("PERGOV", None, "1724")]


def test_a_poisoning_with_nobody_named_is_violence_by_nobody_named() -> None:
    codes = _codes_of("Ukrainian opposition leader Viktor Yushchenko was poisoned with dioxin.", "2004-12-12")
    assert codes == [(None, "UKROPP", "180")]


def test_a_speaker_never_criticises_their_own_we() -> None:
    text = 'Ali Musa, a spokesman for Hamas, said, "The decision was a surprise and we can say it is a stab'
    text += ' in the back."'
    assert _codes_of(text, "2021-05-01") == [("PSEREBHMS", None, "111")]


def test_what_a_speaker_calls_a_thing_and_a_statement_s_words_are_the_speaker_s() -> None:
    text = (
        'The Foreign Ministry of Iraq characterized the raid as "a serious violation of Iraqi sovereignty".'
    )
    assert _codes_of(text, "2020-01-06") == [("IRQGOV", None, "111")]  # Iraq's own sovereignty: no target
    text = 'Amnesty International released a statement that described the Saudi ruling as "outrageous".'
    assert _codes_of(text, "2020-01-06") == [("NGOHRIAMN", "SAU", "111")]


def test_a_platform_words_were_said_on_is_no_party() -> None:
    text = "The United States Senate voted on Monday. Trump, also on Twitter, defended his decision."
    assert ("USAGOV", "USABUS", "052") not in _codes_of(text, "2019-12-20")
    text = "Trump responded to the ruling via Twitter, attacking the subpoena."
    assert not [t for _, t, _ in _codes_of(text, "2019-12-20") if t == "USABUS"]


def test_what_a_speaker_terms_a_party_is_their_criticism() -> None:
    text = 'Kenyan President Uhuru Kenyatta termed Raila Odinga of Kenya a "lousy traitor".'
    assert ("KENGOV", "KEN", "111") in _codes_of(text, "2021-05-01")


def test_the_author_of_a_thing_acted_on_is_the_target_and_its_decider_the_actor() -> None:
    assert _codes_of("Iran denied the accusation by the United States.") == [("IRN", "USA", "016")]
    codes = _codes_of("Germany criticized the decision by Turkey to close the border.")
    assert ("DEU", "TUR", "111") in codes
    assert not [c for s, _, c in codes if s == "DEU" and c != "111"]  # Turkey decides to close, not Germany


def test_a_court_dismissing_a_lawsuit_rejects_it() -> None:
    codes = _codes_of("A federal judge in the United States dismissed the lawsuit on Friday.", "2020-11-20")
    assert [c for *_, c in codes] == ["120"]


def test_advice_is_an_appeal_and_given_sympathy_is_sympathy() -> None:
    codes = _codes_of(
        "The United States Embassy in Iraq advised U.S. citizens to leave the country.", "2020-01-04"
    )
    assert ("USAGOV", "USACVL", "020") in codes
    codes = _codes_of("The Kenyan government gave its deepest sympathies to Uganda.", "2020-01-04")
    assert ("KENGOV", "UGA", "018") in codes


def test_a_passive_agent_s_name_is_no_word_of_the_pattern() -> None:
    text = "The base is used by the Royal Air Force of the United Kingdom."
    assert not _codes_of(text, "2019-10-10")  # "Force" in the name is not "use force against"


def test_what_would_have_happened_did_not() -> None:
    text = "Hong Kong withdrew a bill that would have allowed China to extradite criminals from Hong Kong."
    doc = next(
        extract_documents([RawDocument(id="w", origin="w", text=text, date="2019-09-05")], raw_mode=True)
    )
    extradition = [e for e in doc.events.events if e.cameo.startswith("06")]
    assert extradition
    assert all(e.modality == "hypothetical" for e in extradition)


def test_an_attack_that_kills_and_wounds_is_one_event_by_the_party_it_is_ascribed_to() -> None:
    text = "A car bombing in Kabul killed five and wounded 110, another attack ascribed to the Taliban."
    codes = _codes_of(text, "2019-08-05")
    assert len(codes) == 1
    assert codes[0][:2] == ("AFGREBTAL", "AFGCVL")
    assert codes[0][2].startswith("18")
    codes = _codes_of("Gunmen in Mali opened fire on a market, killing two and injuring four.", "2019-08-05")
    assert len(codes) == 1


def test_a_government_that_fires_on_civilians_fights_with_the_state_s_arms() -> None:
    text = (
        "Iranian officials acknowledged their government had shot down a Ukrainian passenger jet near Tehran."
    )
    codes = _codes_of(text, "2020-01-11")
    assert [c[:2] for *_, c in codes] == ["19"]  # conventional force, not a gunman's 180


def test_a_recommendation_to_a_party_is_an_appeal_and_a_made_thing_s_author_is_its_target() -> None:
    text = "Iraqi Prime Minister Adil Abdul-Mahdi recommended the United States troops in Iraq withdraw."
    assert ("IRQGOV", "USAMIL", "020") in _codes_of(text, "2020-01-06")
    text = "The Kenyan government criticized the decision about Somalia by the Ugandan government."
    assert ("KENGOV", "UGAGOV", "111") in _codes_of(text, "2020-01-06")  # its author, not its subject


def test_court_findings_and_charges_are_legal_acts() -> None:
    codes = _codes_of(
        "Federal prosecutors in the United States unsealed charges against the man.", "2019-09-13"
    )
    assert [c for *_, c in codes] == ["173"]
    codes = _codes_of("The Supreme Court of Kenya found the Kenyan president's order unlawful.", "2019-09-13")
    assert [c for *_, c in codes] == ["116"]


def test_a_state_s_adjective_on_an_attack_noun_is_its_author_and_a_place_s_is_not() -> None:
    codes = _codes_of("Israeli air strikes on Gaza killed three people.", "2022-10-10")
    assert [c[:2] for c in codes] == [("ISR", "PSECVL")]
    codes = _codes_of("A Kabul car bombing killed five people.", "2019-01-24")
    assert [c[0] for c in codes] == [None]
    codes = _codes_of("A Taliban attack killed five soldiers.", "2019-01-24")
    assert [c[0] for c in codes] == ["AFGREBTAL"]  # a party named in the noun is its author
    codes = _codes_of(
        "A Taliban bombing, which killed five soldiers in Kabul, was condemned by Pakistan.", "2019-01-24"
    )
    assert ("AFGREBTAL", "AFGMIL", "183") in codes  # and the author of what its relative clause did


def test_casualties_who_died_in_an_attack_are_its_target() -> None:
    codes = _codes_of(
        "Dozens died in the attack in Kabul, reportedly conducted by the Taliban.", "2019-01-24"
    )
    assert [c[:2] for c in codes] == [("AFGREBTAL", "AFGCVL")]
    codes = _codes_of(
        "Two policemen died when a roadside bomb exploded near their patrol in Kabul.", "2019-01-24"
    )
    assert [(c[0], c[2]) for c in codes] == [(None, "1833")]
    codes = _codes_of(
        "In 2019 he survived a drone attack in Yemen that left six soldiers dead.", "2020-06-16"
    )
    assert [c[2] for c in codes] == ["195"]
    assert _codes_of("The former minister of Kenya died of cancer on Sunday.", "2019-01-24") == []
    codes = _codes_of("A journalist from Yemen died on Tuesday after being shot in his car.", "2020-06-03")
    assert codes == [(None, "YEMMED", "180")]  # a subjectless passive clause: its party undergoes it


def test_a_possessive_pronoun_on_an_event_noun_is_the_subject_s() -> None:
    codes = _codes_of("The Kenyan opposition leader repeated his criticism of the Kenyan government.")
    assert codes == [("KENOPP", "KENGOV", "111")]


def test_protesters_throwing_things_riot_and_a_round_landed_on_a_protester_is_repression() -> None:
    codes = _codes_of(
        "Footage showed a group of protesters in Hong Kong throwing things at police.", "2019-10-02"
    )
    assert codes == [("HKGOPP", "HKGCOP", "145")]
    codes = _codes_of("Police in Hong Kong fired and landed a live round on a protester.", "2019-10-02")
    assert codes == [("HKGCOP", "HKGOPP", "175")]


def test_an_event_noun_between_two_parties_is_each_one_s_act_on_the_other() -> None:
    codes = _codes_of("Talks between Sudan and South Sudan resumed in Juba on Monday.", "2019-10-10")
    assert sorted(codes) == [("SDN", "SSD", "040"), ("SSD", "SDN", "040")]
    codes = _codes_of("The agreement between Egypt and Sudan on water was signed in Cairo.", "2019-10-10")
    assert sorted(codes) == [("EGY", "SDN", "057"), ("SDN", "EGY", "057")]


def test_the_decision_or_the_attack_told_before_is_its_author_s_and_nobody_s_when_none_was_told() -> None:
    text = "President Trump announced the withdrawal of US troops from Syria. Kurdish leaders in Syria"
    text += " criticized the decision."
    assert [c[1] for c in _codes_of(text, "2019-10-08") if c[2] == "111"] == ["USAGOV"]
    text = "Alexei Navalny fell ill in Omsk. The spokesperson for the German government condemned the attack."
    assert [c[1:] for c in _codes_of(text, "2020-09-02") if c[2] == "111"] == [(None, "111")]  # not Navalny


def test_entering_an_agreement_is_signing_it_and_a_petition_to_a_party_is_an_appeal() -> None:
    assert _codes_of("Kenya entered into an agreement with Uganda on Monday.") == [
        ("KEN", "UGA", "057"),
        ("UGA", "KEN", "057"),  # an agreement binds both sides
    ]
    codes = _codes_of("Residents petitioned the Kenyan government to stop the mine.")
    assert codes == [("KENCVL", "KENGOV", "020")]


def test_a_standing_description_in_a_relative_clause_is_no_event() -> None:
    text = "The SDF is largely made up of the YPG militia, which supports the Kurdistan Workers' Party."
    assert not [c for c in _codes_of(text, "2019-10-08") if c[2].startswith("05")]
    # the aim a relative clause describes, through its infinitive: no intent dated by the news
    aim = "The government faces the Houthi movement, which seeks to retake control of the country."
    assert not [c for c in _codes_of(aim, "2019-10-08") if c[2].startswith("13")]
    told = "The government faces the Houthi movement, which vowed on Monday to retake control of the country."
    assert [c for c in _codes_of(told, "2019-10-08") if c[2].startswith("13")]


def test_an_event_noun_after_following_is_an_act_of_its_own() -> None:
    text = "Following an attack on a Nigerian army base by Boko Haram, the government declared a curfew."
    assert ("NGAREBBKH", "NGAMIL", "190") in _codes_of(text, "2019-10-10")


def test_a_meeting_or_call_with_a_party_is_also_that_party_s() -> None:
    text = "President Donald Trump had a phone conversation with Turkish President Recep Tayyip Erdogan."
    codes = _codes_of(text, "2019-10-08")
    assert sorted(codes) == [("TURGOV", "USAGOV", "041"), ("USAGOV", "TURGOV", "041")]
    codes = _codes_of("Theresa May negotiated a deal with the European Union.", "2019-05-01")
    assert ("IGOEUREEC", "GBRGOV", "046") in codes


def test_a_finite_verb_joined_to_an_infinitive_shares_the_subject_above() -> None:
    text = "Foreign Secretary Dominic Raab urged the embassy to reconsider and spoke with Mike Pompeo."
    assert ("GBRGOV", "USAGOV", "040") in _codes_of(text, "2019-10-08")


def test_parties_a_finite_verb_joined_to_a_for_to_infinitive_shares_the_subject_above() -> None:
    text = "The governor said he has arranged for 500 soldiers of the National Guard to be ready and has"
    text += " asked President Donald Trump to declare an emergency."
    codes = _codes_of(text, "2019-07-12")
    assert any(c[1] == "USAGOV" and c[2].startswith("02") and c[0] == "USAGOV" for c in codes), codes
    assert not any(c[0] == "USAMIL" and c[2].startswith("02") for c in codes), codes


def test_parties_people_in_a_body_are_that_body_s() -> None:
    text = "The Kenyan foreign ministry is cooperating with colleagues in the Ugandan police."
    codes = _codes_of(text, "2019-07-12")
    assert any(c[0] == "KENGOV" and c[1] == "UGACOP" for c in codes), codes
    text = "Kenyan police are cooperating with civilians in Uganda."
    assert not any(c[1] == "UGA" for c in _codes_of(text, "2019-07-12"))


def test_which_as_a_second_subject_of_a_relative_clause_is_its_object() -> None:
    text = "Turkey will guard ISIS fighters which, the statement said, European nations have refused to"
    text += " repatriate."
    assert ("EUR", "IMGMOSISI", "120") in _codes_of(text, "2019-10-08")


def test_an_act_told_by_its_object_is_what_the_attack_refers_to() -> None:
    text = "The United States carried out the airstrike at Baghdad airport.\n\nThe Foreign Ministry of Iraq"
    text += " characterized the attack as a serious violation of Iraqi sovereignty."
    assert [c for c in _codes_of(text, "2020-01-06") if c[2] == "111"] == [("IRQGOV", "USA", "111")]
    # opposing the withdrawal tells no withdrawal: "the decision" is not the opposer's
    text = "The SDF opposed the withdrawal. Brett McGurk criticized the decision."
    assert ("SYRREBSDF", "111") not in [(c[1], c[2]) for c in _codes_of(text, "2019-10-08")]


def test_being_unable_to_act_is_not_acting() -> None:
    text = "Theresa May was unable to negotiate a deal with the European Union."
    assert [(e.cameo, e.modality) for e in _events_of(text, "2019-03-11")] == [("046", "negated")]


def test_claiming_an_attack_pleading_guilty_and_regretting_a_mistake() -> None:
    assert _codes_of("The Islamic State claimed the bombing.", "2019-10-08") == [("IMGMOSISI", None, "015")]
    text = "Iranian President Hassan Rouhani said Iran deeply regrets this disastrous mistake."
    assert _codes_of(text, "2020-01-11") == [("IRN", None, "055")]


def test_naming_a_party_as_terrorists_is_an_accusation() -> None:
    text = "President Erdogan named the Kurdistan Workers' Party and the People's Protection Units as"
    text += " terrorists."
    assert {c[2] for c in _codes_of(text, "2019-10-10")} == {"112"}


def test_a_medium_words_were_said_on_is_no_party_and_speaking_a_quote_reports_it() -> None:
    text = 'President Erdogan spoke on Fox News, "This is going to lead to chaos. This impulsive decision by'
    text += ' the American president has undone all the gains."'
    codes = _codes_of(text, "2019-10-08")
    assert ("TURGOV", "USAMED", "111") not in codes
    assert ("TURGOV", "USAGOV", "111") in codes


def test_words_of_blame_about_a_statement_told_before_blame_its_author() -> None:
    text = "Late on Sunday, President Donald Trump announced US troops would be leaving Syria.\n\n"
    text += 'Kino Gabriel, a spokesman for the Syrian Democratic Forces, said, "The statement was a stab in'
    text += ' the back for the SDF."'
    assert ("SYRREBSDF", "USAGOV", "111") in _codes_of(text, "2019-10-08")


def test_a_riot_with_nobody_named_in_its_clause_is_against_the_police_beside_it() -> None:
    text = "Footage showed a group of protesters in Hong Kong throwing things as they ran away from police."
    assert ("HKGOPP", "HKGCOP", "145") in _codes_of(text, "2019-10-02")


def test_who_approved_or_orchestrated_an_attack_is_its_author() -> None:
    text = "Iran's General Qasem Soleimani approved the attacks on the U.S. Embassy in Baghdad."
    assert ("IRNMIL", "USAGOV", "190") in _codes_of(text, "2020-01-03")


def test_the_party_words_of_blame_say_was_wronged_is_not_the_one_blamed() -> None:
    text = 'Greek Foreign Minister George Katrougalos said, "Any questioning of this status is an insult to'
    text += ' the United Nations."'
    assert [c[1] for c in _codes_of(text, "2019-03-31") if c[2] == "111"] == [None]


def test_an_act_whose_anniversary_is_marked_is_history() -> None:
    # (a party's "takeover" is no seizure of territory: see test_fighting_a_seizure_is_of_territory_...)
    text = "Yesterday was the 80th anniversary of the Soviet Union's invasion of Poland."
    assert {e.modality for e in _events_of(text, "2019-10-02")} == {"historical"}


def test_hammering_is_criticism_by_the_unarmed_and_an_attack_by_the_armed() -> None:
    text = "Democratic speakers hammered President Donald Trump for his response to coronavirus."
    assert ("USALEG", "USAGOV", "111") in _codes_of(text, "2020-08-30")
    assert ("ISRMIL", "PSE", "190") in _codes_of("Israeli jets hammered Gaza.", "2020-08-30")


def test_being_critical_of_a_party_and_calling_its_argument_silly_are_criticism() -> None:
    assert _codes_of("Local activists have been critical of the Toronto police.", "2019-01-29") == [
        ("CANOPP", "CANCOP", "111")
    ]
    text = "Professor Erwin Chemerinsky called the argument of the American Independent Party a truly silly"
    text += " argument."
    assert ("USAEDU", "USAPTY", "111") in _codes_of(text, "2020-08-30")


def test_a_court_sentencing_a_man_is_legal_action_and_confessing_is_claiming_responsibility() -> None:
    text = "On Friday in Pakistan, Mohammed Waseem was sentenced for her murder by a court in Multan."
    assert ("PAKJUD", "PAKCRM", "173") in _codes_of(text, "2019-09-28")
    text = "In Pakistan, police said Mohammed Waseem confessed to the killing."
    assert "015" in {c[2] for c in _codes_of(text, "2019-09-28")}


def test_a_role_noun_before_an_act_is_who_did_it() -> None:
    text = "The police killing of Jacob Blake in Kenosha, Wisconsin led to protests."
    # (the protests it led to are the crowd's own act: `test_verbal_conflict_a_protest_noun_...`)
    assert [c[:2] for c in _codes_of(text, "2020-08-30")] == [("USACOP", "USA"), ("USAOPP", None)]


def test_being_pained_by_a_party_s_demise_is_sympathy() -> None:
    text = "Chief Minister Manohar Parrikar tweeted he was extremely pained to hear about the demise of"
    text += " former Deputy Chief Minister of Goa Francis D'Souza."
    assert "018" in {c[2] for c in _codes_of(text, "2019-02-17")}


def test_a_speaker_humbled_by_a_party_does_not_praise_it() -> None:
    text = 'President-elect Joe Biden said in a statement, "I am honored and humbled by the trust the'
    text += ' American people have placed in me."'
    assert not [c for c in _codes_of(text, "2020-11-08") if c[2] == "051"]
    text = "Damodar Naik, spokesperson for the Bharatiya Janata Party, said D'Souza had been a humble leader."
    assert "051" in {c[2] for c in _codes_of(text, "2019-02-17")}


def test_a_man_sentenced_by_nobody_named_was_sentenced_by_the_courts_and_arrested_by_the_police() -> None:
    sentenced = _codes_of("In Pakistan, Mohammed Waseem was sentenced to life in prison.", "2019-09-28")
    arrested = _codes_of("In Pakistan, Mohammed Waseem was arrested.", "2019-09-28")
    assert [c[0] for c in sentenced + arrested] == ["PAKJUD", "PAKCOP"]


def test_a_call_for_someone_s_resignation_is_made_of_them() -> None:
    text = "Protesters in Puerto Rico called for the resignation of Governor Ricardo Rosselló."
    assert [c[:2] for c in _codes_of(text, "2019-07-28")] == [("PRIOPP", "PRIGOV")]


def test_calling_a_race_for_a_candidate_names_a_winner_and_asks_nothing() -> None:
    assert _codes_of("The Associated Press called the election for Biden.", "2020-11-08") == []
    text = "Once the national media has called the presidential race for a candidate, the agency acts."
    assert _codes_of(text, "2020-11-08") == []
    assert [c[2] for c in _codes_of("The opposition called for new elections.", "2020-11-08")] == ["0244"]


def test_the_party_acted_on_two_verbs_sharing_one_object_is_the_target_of_both() -> None:
    codes = _codes_of(
        "Protesters in Kenya surrounded and threatened the Kenyan president on Friday.", "2020-08-28"
    )
    assert ("KENOPP", "KENGOV", "130") in codes
    codes = _codes_of("Kenyan police fired on and arrested the protesters in Nairobi.", "2020-08-28")
    assert {c[:2] for c in codes} == {("KENCOP", "KENOPP")}


def test_yield_announcing_or_tendering_a_resignation_is_resigning_with_no_counterpart() -> None:
    tendered = _codes_of("The Japanese prime minister tendered his resignation on Friday.", "2020-08-28")
    assert tendered == [("JPNGOV", None, "0831")]
    announced = _codes_of("Nigeria's health minister announced his resignation in a video to Lagos.")
    assert announced == [("NGAGOV", None, "0831")]
    demanded = _codes_of("Protesters in Chile called for the interior minister's resignation.")
    assert "0831" not in {c[2] for c in demanded}  # asked of him, not done


def test_accusation_naming_a_party_as_the_perpetrators_or_suspect_accuses_it() -> None:
    text = "Police in Kenya said al-Shabaab militants are the suspected perpetrators."
    assert ("KENCOP", "SOMREBSHB", "112") in _codes_of(text, "2019-01-16")
    text = "The minister said Hezbollah was the mastermind of the bombing."
    assert "112" in {c[2] for c in _codes_of(text, "2019-01-16")}
    assert _codes_of("Officials said the suspect was a student.", "2019-01-16") == []
    text = "The interior minister of Kenya said al-Shabaab militants were the perpetrators of the bombing."
    assert ("KENGOV", "112") in {(c[0], c[2]) for c in _codes_of(text)}


def test_violence_told_again_as_the_attack_is_by_the_author_told_before() -> None:
    text = "Islamic State militants attacked a village in northern Nigeria on Sunday."
    text += " Officials said eleven farmers were killed in the attack."
    assert ("IMGMOSISI", "NGAAGR") in {c[:2] for c in _codes_of(text, "2019-07-25")}
    # nobody armed told before: the attack has no author ("officials" only report)
    text = "Officials in Nigeria reported an earlier raid. Eleven farmers were killed in the attack."
    assert {c[0] for c in _codes_of(text, "2019-07-25") if c[2][:2] in ("18", "19")} <= {None}


def test_yield_legalizing_or_abolishing_a_ban_eases_restrictions() -> None:
    text = "The parliament of Ireland voted on Tuesday to legalize same-sex marriage."
    assert [c for c in _codes_of(text, "2019-05-17") if c[2] == "081"] == [("IRLLEG", None, "081")]
    text = "Lawmakers in Chile abolished the rules that punished abortion."
    assert "081" in {c[2] for c in _codes_of(text, "2019-05-17")}


def test_violence_detail_the_attack_told_before_keeps_its_weapon() -> None:
    text = "A car bomb exploded outside a police station in Mogadishu on Sunday."
    text += " Officials said nine policemen were killed in the attack."
    codes = {c[2] for c in _codes_of(text, "2019-12-29")}
    assert "1832" in codes
    # no attack referred back to: an earlier weapon does not make a later killing a bombing
    text = "A car bomb exploded outside a police station in Mogadishu on Sunday."
    text += " Separately, soldiers killed two rebels near Kismayo."
    assert "1832" not in {c[2] for c in _codes_of(text, "2019-12-29") if c[0] == "SOMMIL"}


def test_coercion_ordering_an_arrest_or_a_killing_is_that_act_by_the_orderer() -> None:
    arrest = _codes_of("The president of Belarus ordered the arrest of the opposition leader.", "2020-08-20")
    assert [c[2] for c in arrest] == ["173"]
    killing = _codes_of("The general in Myanmar ordered the killing of the protesters.", "2021-03-20")
    assert [c[2] for c in killing] == ["1823"]
    assert [c[2] for c in _codes_of("The court ordered Facebook to remove the post.", "2019-10-03")] == [
        "100"
    ]


def test_yield_armed_forces_leaving_a_country_withdraw_from_it() -> None:
    left = _codes_of("Russian troops left Georgia in 2012 after a five-day war.", "2019-10-08")
    assert ("RUSMIL", "GEO", "0874") in left
    assert _codes_of("The Georgian president left Tbilisi on Friday.", "2019-10-08") == []


def test_coercion_suspending_parliament_is_an_administrative_sanction() -> None:
    text = "The president of Peru suspended parliament for four months on Monday."
    assert ("PERGOV", "PERLEG", "172") in _codes_of(text, "2019-10-01")


def test_investigation_asking_a_party_to_investigate_demands_information() -> None:
    text = "The opposition in Kenya urged the government to investigate the killing."
    assert [c[2] for c in _codes_of(text, "2019-10-03")] == ["101"]


def test_criticism_a_court_finding_a_party_s_act_unlawful_is_a_ruling_against_it() -> None:
    ruled = _codes_of("The Supreme Court of Brazil ruled that the president's decree was unconstitutional.")
    assert ("BRAJUD", "BRAGOV", "116") in ruled
    found = _codes_of("A judge in Kenya found the governor's order violated the constitution.")
    assert [c[2] for c in found] == ["116"]  # the finding, not a violation by the governor
    said = _codes_of("The opposition leader in Kenya said the governor's order was illegal.")
    assert "116" not in {c[2] for c in said}  # only a court rules
    accused = _codes_of("Prosecutors in Kenya said the governor's order was illegal.")
    assert "116" not in {c[2] for c in accused}  # prosecutors accuse


def test_criticism_words_of_condemnation_and_thanks_in_a_speaker_s_words() -> None:
    text = 'The foreign minister of Kenya called the vote by the parliament of Uganda "a cynical ploy".'
    assert ("KENGOV", "UGALEG", "111") in _codes_of(text)
    text = 'The president of Ghana wrote, "Congratulations to the prime minister of Kenya on his victory."'
    assert ("GHAGOV", "KENGOV", "051") in _codes_of(text)
    assert ("GHAGOV", "KENGOV", "111") in _codes_of(
        "The president of Ghana disparaged the prime minister of Kenya."
    )


def test_criticism_a_quoted_label_for_a_party_or_its_act_is_a_criticism() -> None:
    text = 'The foreign minister of Kenya described the president of Uganda as "a man of yesterday".'
    assert ("KENGOV", "UGAGOV", "111") in _codes_of(text)
    text = 'The opposition leader of Kenya called the decision of the president of Kenya a "distraction".'
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text)
    praised = _codes_of('The president of Ghana called the prime minister of Kenya "a true statesman".')
    assert "111" not in {c[2] for c in praised}  # a label of praise
    plain = _codes_of("The president of Ghana called the prime minister of Kenya a friend.")
    assert "111" not in {c[2] for c in plain}  # no quotation marks: no verdict of the speaker's


def test_labelling_a_criminal_label_accuses_and_a_pejorative_one_criticizes() -> None:
    text = "The foreign minister of Kenya called the president of Uganda a war criminal."
    assert ("KENGOV", "UGAGOV", "1121") in _codes_of(text)
    text = "The foreign minister of Kenya said the president of Uganda was a murderer."
    assert ("KENGOV", "UGAGOV", "1121") in _codes_of(text)
    text = "The opposition leader of Kenya described the budget of the government of Kenya as a surrender."
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text)
    denied = _codes_of("The foreign minister of Kenya said the president of Uganda was not a murderer.")
    assert not [c for c in denied if c[2].startswith("11")]
    neutral = _codes_of("The president of Ghana called the prime minister of Kenya a partner.")
    assert not [c for c in neutral if c[2].startswith("11")]  # a neutral label is no disapproval
    told = _codes_of("Police in Kenya said the terrorist was killed in a disaster.")
    assert not [c for c in told if c[2].startswith("11")]  # the words outside a label blame nobody


def test_labelling_what_a_party_claims_is_its_words() -> None:
    text = "The opposition leader of Kenya claimed the president of Kenya was a crook."
    assert ("KENOPP", "KENGOV", "1121") in _codes_of(text)
    text = 'The opposition leader of Kenya claimed, "The budget of the government of Kenya is a disaster."'
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text)


def test_criticism_of_a_withdrawal_or_a_ban_told_before_is_of_its_author() -> None:
    text = "The president of Kenya said Kenyan troops would be leaving Somalia."
    text += " The government of Somalia opposed the withdrawal."
    assert ("SOMGOV", "KENMIL", "110") in _codes_of(text)
    text = "The government of Kenya banned the opposition party of Kenya."
    text += " Amnesty International condemned the ban."
    assert ("NGOHRIAMN", "KENGOV", "111") in _codes_of(text)


def test_criticism_questioned_about_something_is_asked_not_disapproved() -> None:
    asked = _codes_of("The president of Kenya was questioned about the scandal by reporters in Nairobi.")
    assert "110" not in {c[2] for c in asked}
    doubted = _codes_of("The opposition in Kenya questioned the decision of the president of Kenya.")
    assert ("KENOPP", "KENGOV", "110") in doubted


def test_criticism_raising_doubts_about_a_party_is_disapproval_of_it() -> None:
    raised = _codes_of(
        "The opposition in Kenya raised doubts about the eligibility of the president of Kenya."
    )
    assert ("KENOPP", "KENGOV", "110") in raised
    cast = _codes_of("The opposition in Kenya cast doubt on the decision of the president of Kenya.")
    assert ("KENOPP", "KENGOV", "110") in cast
    plain = _codes_of("The decision of the president of Kenya raised ethics questions as well.")
    assert "110" not in {c[2] for c in plain}  # nobody named the doubt was about


def test_criticism_each_verb_of_speaking_in_a_sentence_has_its_own_words() -> None:
    text = '"We will protect our borders," the defence minister of Kenya said; the minister described the'
    text += ' decision of the parliament of Uganda as a "heinous betrayal".'
    assert ("KENGOV", "UGALEG", "111") in _codes_of(text)


def test_criticism_received_from_a_named_party_is_that_party_s() -> None:
    drew = _codes_of("The president of Kenya drew criticism from the opposition in Kenya over the new tax.")
    assert drew == [("KENOPP", "KENGOV", "111")]
    fire = _codes_of(
        "The prime minister of Uganda came under fire from lawmakers in Uganda for the decision."
    )
    assert ("UGALEG", "UGAGOV", "111") in fire
    praise = _codes_of("The foreign minister of Ghana won praise from the United Nations for his mediation.")
    assert ("IGOUNO", "GHAGOV", "051") in praise
    text = "Statements of condemnation have come from the president of France and the government of Germany."
    assert {c[0] for c in _codes_of(text) if c[2] == "111"} == {"FRAGOV", "DEUGOV"}
    gunfire = _codes_of("Soldiers of Mali came under fire from militants near the border.")
    assert "111" not in {c[2] for c in gunfire}  # fire from armed men is gunfire


def test_received_judgement_with_no_judge_named_is_voiced_by_the_receiver_s_public() -> None:
    # news that names no critic: disapproval by the public of the receiver's state
    assert _codes_of("The president of Kenya drew criticism over the new tax.") == [
        ("KENCVL", "KENGOV", "111")
    ]
    text = "The police of Canada face allegations that they failed to act."
    assert _codes_of(text) == [("CANCVL", "CANCOP", "112")]
    assert ("KENCVL", "KENGOV", "111") in _codes_of("The president of Kenya came under fire for the new tax.")
    # a word on the noun may say which of the public
    text = "The president of Kenya received media scrutiny when he appeared in the film."
    assert _codes_of(text) == [("KENMED", "KENGOV", "110")]
    # from abroad: by nobody known
    text = "The government of Japan faced international criticism over the dam."
    assert _codes_of(text) == [(None, "JPNGOV", "111")]
    # fire with no judge and no reason is gunfire; allegations received are reports sent in
    assert _codes_of("Soldiers of Mali came under fire near the border.") == []
    assert _codes_of("The police of Canada received allegations of abuse.") == []


def test_received_through_a_preposition_or_a_quantity() -> None:
    text = "The president of Kenya was met with criticism from the opposition in Kenya."
    assert _codes_of(text) == [("KENOPP", "KENGOV", "111")]
    text = "The prime minister of Uganda was subjected to criticism from lawmakers in Uganda."
    assert _codes_of(text) == [("UGALEG", "UGAGOV", "111")]
    text = "The president of Kenya faced a storm of criticism from the opposition in Kenya."
    assert _codes_of(text) == [("KENOPP", "KENGOV", "111")]
    text = "The president of Kenya raised taxes despite criticism from the opposition in Kenya."
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text)
    # "amid anger" with no judge named: whose anger at whom, the clause does not say
    assert "110" not in {
        c[2] for c in _codes_of("Soldiers of Mali clashed with rebels amid anger over the killing.")
    }


def test_received_judge_named_by_of_or_among() -> None:
    text = "The prime minister of Japan drew the ire of the government of China."
    assert _codes_of(text) == [("CHNGOV", "JPNGOV", "110")]
    text = (
        "The president of Kenya announced a new tax. The decision sparked outrage among lawmakers in Kenya."
    )
    assert ("KENLEG", "KENGOV", "110") in _codes_of(text)  # of whoever decided


def test_criticism_a_party_s_displeasure_at_another_s_act_is_disapproval() -> None:
    text = "The government of Japan was angered by the Chinese decision to expand the zone."
    assert _codes_of(text) == [("JPNGOV", "CHN", "110")]  # not an act of China's on Japan
    assert _codes_of("The government of Japan is angry with China over the new zone.") == [
        ("JPNGOV", "CHN", "110")
    ]
    assert _codes_of("The government of Japan was pleased with China's decision.") == []


def test_criticism_a_word_of_praise_that_is_denied_is_no_praise() -> None:
    text = 'The president of Ghana said the rebels "have not shown any respect for decent behaviour."'
    assert "051" not in {c[2] for c in _codes_of(text)}
    text = "The president of Ghana said the prime minister of Kenya was a decent leader."
    assert ("GHAGOV", "KENGOV", "051") in _codes_of(text)


def test_criticism_and_praise_named_by_their_nouns() -> None:
    assert ("KENGOV", "UGA", "111") in _codes_of(
        "The president of Kenya's rebuke of Uganda surprised diplomats."
    )
    text = "The prime minister of Japan sent congratulations to the president of Kenya."
    assert ("JPNGOV", "KENGOV", "051") in _codes_of(text)


def test_belief_in_a_partys_harmful_act_is_an_accusation_of_it() -> None:
    believed = _codes_of("French intelligence believes the Syrian army ordered the bombing of the hospital.")
    assert ("FRASPY", "SYRMIL", "112") in believed
    owned = _codes_of("The Japanese prime minister said the blast was North Korea's doing.")
    assert ("JPNGOV", "PRK", "112") in owned
    of = _codes_of("Kabul said the bombing was the handiwork of the Taliban.", "2019-08-05")
    assert ("AFGGOV", "AFGREBTAL", "112") in of
    harmless = _codes_of("Germany believes Poland acted in good faith.")
    assert not any(c == "112" for *_, c in harmless)
    own = _codes_of("The Israeli army believes its soldiers killed the man.")
    assert not any(c == "112" for *_, c in own)  # no accusation of one's own side


def test_criticism_of_an_act_told_before_in_the_passive_targets_its_author() -> None:
    codes = _codes_of("Russia launched an offensive in the east. The operation was condemned by Germany.")
    assert ("DEU", "RUS", "111") in codes


def test_criticism_of_a_made_thing_targets_its_author_named_after_it() -> None:
    codes = _codes_of(
        "The French foreign minister attacked the proclamation of the islands as Argentine territory "
        "by the British prime minister."
    )
    assert codes == [("FRAGOV", "GBRGOV", "111")]  # not the islands the proclamation is about


def test_accusation_attributing_a_crime_to_a_party() -> None:
    codes = _codes_of("Kenyan police attributed the killing of the judge to al-Shabaab.", "2019-08-05")
    assert codes == [("KENCOP", "SOMREBSHB", "112")]


def test_precision_an_act_that_only_dates_the_news_is_background() -> None:
    text = "The senator of Kenya took the seat after the prime minister of Kenya resigned."
    assert "0831" not in {c[2] for c in _codes_of(text)}
    text = "Before stepping down, the president of Ghana met the president of Togo."
    codes = _codes_of(text)
    assert "0831" not in {c[2] for c in codes}
    assert ("GHAGOV", "TGOGOV", "040") in codes  # the main clause keeps its event
    assert ("KENGOV", None, "0831") in _codes_of("The prime minister of Kenya resigned on Monday.")


def test_precision_a_defence_of_nobody_is_self_justification() -> None:
    assert "052" not in {
        c[2] for c in _codes_of("The prime minister of Japan defended his decision on Monday.")
    }
    assert ("JPNGOV", "KENGOV", "052") in _codes_of(
        "The prime minister of Japan defended the president of Kenya."
    )


def test_precision_a_participle_of_permission_tells_a_consequence() -> None:
    text = "The government of Peru held a referendum, allowing citizens to vote on the new constitution."
    assert "080" not in {c[2] for c in _codes_of(text)}
    text = (
        "A court of the European Union issued a ruling, allowing courts in Austria to require Google to act."
    )
    assert not {c[2] for c in _codes_of(text)} & {"080", "100"}


def test_precision_found_not_guilty_is_no_conviction() -> None:
    assert "116" not in {c[2] for c in _codes_of("A court in Kenya found the opposition leader not guilty.")}
    assert ("KENJUD", "KENOPP", "116") in _codes_of("A court in Kenya found the opposition leader guilty.")


def test_precision_according_to_names_no_accord() -> None:
    text = "The army of Mali entered the town of Gao yesterday according to state media."
    assert "057" not in {c[2] for c in _codes_of(text)}
    assert ("MLIGOV", "NERGOV", "057") in _codes_of(
        "The president of Mali entered an accord with the president of Niger."
    )


def test_precision_a_right_to_act_is_no_act() -> None:
    text = "The opposition leader of Kenya is eligible to appeal the ruling."
    assert [e.modality for e in _events_of(text, "2020-01-10") if e.cameo == "020"] == ["hypothetical"]
    assert ("KENOPP", None, "025") in _codes_of("The opposition leader of Kenya appealed for calm.")


def test_precision_the_forces_deployed_are_no_target() -> None:
    codes = _codes_of("The president of Kenya deployed the army on Monday.")
    assert ("KENGOV", None, "154") in codes
    assert not [c for c in codes if c[2] == "154" and c[1] is not None]
    assert ("RUS", "UKR", "154") in _codes_of("Russia sent troops to the border of Ukraine.")


def test_precision_talking_to_a_suspect_is_questioning() -> None:
    codes = _codes_of("Police in Kenya spoke with the opposition leader as a suspect.")
    assert ("KENCOP", "KENOPP", "091") in codes
    assert "040" not in {c[2] for c in codes}
    assert ("KENGOV", "UGAGOV", "040") in _codes_of(
        "The president of Kenya spoke with the president of Uganda."
    )


def test_precision_demonstrating_a_thing_is_no_protest() -> None:
    text = "In its ruling, the court of Austria demonstrated a shocking ignorance of the technology."
    assert "141" not in {c[2] for c in _codes_of(text)}
    assert ("KENEDU", "KENGOV", "141") in _codes_of(
        "Students in Kenya demonstrated against the government on Monday."
    )


def test_precision_a_law_that_requires_states_a_provision() -> None:
    assert "100" not in {c[2] for c in _codes_of("The Kenyan constitution requires consent from parliament.")}
    text = "The government of Kenya demanded consent from parliament."
    assert ("KENGOV", "KENLEG", "100") in _codes_of(text)


def test_verbal_conflict_a_protest_noun_the_story_read_as_its_crowd_is_their_protest() -> None:
    day = "2019-11-20"
    began = _codes_of(
        "Iraqi protesters marched in Baghdad on Tuesday. The protests began in early October.", day
    )
    assert ("IRQOPP", None, "141") in began[1:]
    unrest = _codes_of(
        "Iraqi protesters marched in Baghdad on Tuesday. Unrest continued for a third day.", day
    )
    assert ("IRQOPP", None, "145") in unrest
    # a clause that only dates another act tells no protest of its own
    since = _codes_of(
        "Iraqi protesters marched in Baghdad. Hundreds have been arrested since the protests began.", day
    )
    assert [code for *_, code in since].count("141") == 1


def test_verbal_conflict_what_a_rejected_call_or_offer_asked_is_no_act() -> None:
    day = "2020-02-10"
    calls = _codes_of("The Iraqi president rejected calls to resign.", day)
    assert [code[:2] for *_, code in calls] == ["12"]  # no resignation
    offer = _codes_of("Iraq's president declined the prime minister's offer to step down.", day)
    assert not [code for *_, code in offer if code.startswith("08")]
    assert "12" in {code[:2] for *_, code in offer}


def test_verbal_conflict_a_call_for_a_for_to_clause_asks_what_the_clause_says() -> None:
    day = "2020-02-10"
    probe = _codes_of("Yemen's government called for his death to be investigated.", day)
    assert ("YEMGOV", None, "101") in probe  # a demand for an inquiry, of nobody named
    troops = _codes_of("The Yemeni government called for the Saudi troops to leave.", day)
    assert ("YEMGOV", "SAUMIL") in {c[:2] for c in troops if c[2].startswith("02")}


def test_verbal_conflict_a_refusal_noun_is_its_owner_s_rejection_and_a_judged_act_is_done() -> None:
    day = "2020-10-10"
    refusal = _codes_of("The Democrats criticized President Trump's refusal to debate virtually.", day)
    assert ("USAPTY", "USAGOV", "111") in refusal
    assert ("USAGOV", None, "120") in refusal  # the refusal is Trump's, aimed at no critic
    resign = _codes_of("The Iraqi president's refusal to resign prolonged the crisis.", day)
    assert [code[:2] for *_, code in resign] == ["12"]  # no resignation
    attack = _codes_of("France condemned Russia's attack on Ukraine.", day)
    assert ("FRA", "RUS", "111") in attack
    assert ("RUS", "UKR") in {c[:2] for c in attack if c[2].startswith("19")}


def test_verbal_conflict_an_organisation_named_by_the_pattern_word_is_still_the_target() -> None:
    leave = _codes_of("Britain's prime minister said Britain will leave the European Union.", "2019-07-24")
    assert ("GBR", "IGOEUREEC") in {c[:2] for c in leave if c[2][:2] in ("13", "16", "03")}


def test_verbal_conflict_a_bare_refusal_answers_the_appeal_it_is_joined_to() -> None:
    day = "2020-01-18"
    text = "The Iraqi government asked the Kurdish leaders to delay the vote, but they declined."
    codes = _codes_of(text, day)
    assert ("IRQGOV", "020") in {(c[0], c[2]) for c in codes}
    assert [c[1:] for c in codes if c[2] == "120"] == [("IRQGOV", "120")]  # the leaders reject the asker
    assert not [c for c in _codes_of("Oil prices declined on Monday in Iraq.", day) if c[2] == "120"]


def test_verbal_conflict_performing_an_inquiry_or_checks_is_investigating() -> None:
    day = "2019-02-05"
    probe = _codes_of("Prosecutors in France are performing an investigation of Renault's accounts.", day)
    assert "090" in {code for *_, code in probe}
    checks = _codes_of("Polish authorities are performing checks on the nation's escape rooms.", day)
    assert ("POLGOV", None, "090") in checks


def test_verbal_conflict_shouting_a_leader_down_is_dissent() -> None:
    day = "2019-10-16"
    heckled = _codes_of("Kenyan opposition lawmakers heckled the Kenyan president during his speech.", day)
    assert ("KENLEG", "KENGOV", "140") in heckled
    assert not _codes_of("The coach shouted at the referee.", day)


def test_precision_disapproval_with_nobody_voicing_it_is_no_event() -> None:
    """A passive criticism whose author is not named is no act of a party; a verdict still is (its author
    is the court of the state)."""
    for text in (
        "The Kenyan interior minister was criticized over the decision.",
        "The Kenyan interior minister was questioned about the contract.",
    ):
        assert not {c[2][:2] for c in _codes_of(text)} & {"11"}, text
    assert ("KENJUD", "KENGOV", "116") in _codes_of("The Kenyan interior minister was found guilty of fraud.")


def test_precision_what_a_time_clause_reports_is_background() -> None:
    """A clause that only dates the news is background, and so is what it reports."""
    text = "Kenya changed its constitution in 2015, before the president announced he would step down."
    assert "0341" not in {c[2] for c in _codes_of(text)}
    assert "0341" in {c[2] for c in _codes_of("The president of Kenya announced he would step down.")}


def test_precision_a_weapon_aimed_at_a_party_is_one_attack_on_it() -> None:
    """ "launched missiles targeting X": one act, on X, not on a party named elsewhere in the sentence."""
    text = "Hours after the Boeing jet landed, Iran fired missiles targeting Israeli troops in Syria."
    codes = [c for c in _codes_of(text) if c[2][:2] in ("18", "19")]
    assert codes
    assert all(c[1] == "ISRMIL" for c in codes), codes


def _modalities_of(text: str) -> set[tuple[str | None, str | None, str, str]]:
    return {
        (e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in _events_of(text)
    }


def test_precision_what_a_negated_finding_governs_is_not_asserted() -> None:
    """ "did not find X had broken the law" asserts no breach."""
    text = "The parliament of Kenya did not find that the Kenyan broadcaster had attacked the government."
    assert ("KENMED", "KENGOV", "190", "negated") in _modalities_of(text)
    text = "The parliament of Kenya found that the Kenyan broadcaster had attacked the government."
    assert ("KENMED", "KENGOV", "190", "asserted") in _modalities_of(text)


def test_precision_what_a_party_needs_to_do_is_a_recommendation() -> None:
    """ "They need to stand by us": someone's view of what a party ought to do, no intention of the party."""
    text = 'The president of Kenya said, "Uganda needs to cooperate with us."'
    # no act or intention of Uganda's: an appeal on it (what is asked is never its own event)
    assert {d[3] for d in _modalities_of(text) if d[0] == "UGA"} <= {"hypothetical"}
    assert ("KENGOV", "UGA", "020", "asserted") in _modalities_of(text)
    text = 'The president of Kenya said, "Uganda will cooperate with us."'
    assert ("UGA", "KENGOV", "031", "intended") in _modalities_of(text)


def test_precision_what_an_act_is_characterized_as_is_no_act() -> None:
    """The as-phrase of "characterized X as ..." and a clause on what is defined describe: no act told."""
    text = "The Kenyan police chief characterized the raid as designed to intimidate the Ugandan government."
    assert not [c for c in _codes_of(text) if c[2][:2] == "13"]
    text = "The Kenyan agency defines events where soldiers are killed by rebels as massacres."
    assert not [c for c in _codes_of(text) if c[2][:2] in ("18", "19")]
    assert [c for c in _codes_of("Kenyan rebels killed four soldiers.") if c[2][:2] in ("18", "19")]


def test_precision_a_maxim_on_people_at_large_is_no_demand() -> None:
    """ "People must know ...", said by a party, addresses nobody in particular: no demand (100)."""
    text = 'The president of Kenya said, "People must know that the courts serve them."'
    assert "100" not in {c[2] for c in _codes_of(text)}
    assert ("KENGOV", "UGA", "100") in _codes_of(
        "The president of Kenya said Uganda must withdraw its troops."
    )


def test_precision_a_speech_given_in_a_place_is_no_yielding() -> None:
    """ "gave a speech in Nairobi" is no "give in" (080); "gave in to the demands" is."""
    assert "080" not in {
        c[2] for c in _codes_of("The president of Kenya gave a speech in Nairobi on Monday.")
    }
    text = "The Kenyan government gave in to the demands of the protesters."
    assert ("KENGOV", "KENOPP", "080") in _codes_of(text)


def test_actor_codes_the_state_of_a_region_is_its_government() -> None:
    sued = _codes_of(
        "A rights group in Ohio filed a lawsuit against the state of Ohio on Monday.", "2020-03-02"
    )
    assert any(target == "USAGOV" for _, target, _ in sued)


def test_actor_codes_a_justice_department_is_judicial() -> None:
    probe = _codes_of(
        "The United States Department of Justice opened an investigation into Acme Corp.", "2020-03-02"
    )
    assert any(source == "USAJUD" for source, _, _ in probe)


def test_actor_codes_a_lower_case_title_before_a_name_gives_its_sector() -> None:
    said = _codes_of("In Canada, mayor Jane Roe condemned the attack on the mosque.", "2020-03-02")
    assert any(source == "CANGOV" for source, _, _ in said)


def test_actor_codes_a_person_arrested_or_convicted_is_a_criminal() -> None:
    jailed = _codes_of("In Britain, a judge jailed four men for fraud on Tuesday.", "2020-03-02")
    assert any(target == "GBRCRM" for _, target, _ in jailed)
    arrested = _codes_of("Police in Britain arrested a 40-year-old man on suspicion of theft.", "2020-03-02")
    assert any(target == "GBRCRM" for _, target, _ in arrested)


def test_actor_codes_a_gunman_is_a_criminal() -> None:
    shot = _codes_of("In Canada, a gunman shot three shoppers at a mall on Sunday.", "2020-03-02")
    assert any(source == "CANCRM" for source, _, _ in shot)


def test_actor_codes_a_former_official_endorsed_is_a_candidate() -> None:
    endorsed = _codes_of(
        "On Monday, Canadian senator Jane Roe endorsed former Prime Minister John Doe for the leadership.",
        "2020-03-02",
    )
    assert any(target == "CANPTY" for _, target, _ in endorsed)


def test_actor_codes_who_pleads_guilty_is_a_criminal() -> None:
    text = (
        "In Canada, Bruce Roe pleaded guilty to eight murders on Tuesday. Roe murdered eight men in Toronto."
    )
    assert any(source == "CANCRM" for source, _, _ in _codes_of(text, "2020-03-02"))
    charged = _codes_of("In Canada, a Toronto man was charged with murder on Monday.", "2020-03-02")
    assert any(target == "CANCRM" for _, target, _ in charged)


def test_actor_codes_a_lone_surname_is_the_leader_already_in_the_story() -> None:
    text = (
        "President Donald Trump spoke on Monday. First Lady Melania Trump spoke on Tuesday. "
        "On Wednesday, Trump criticised China."
    )
    assert any(source == "USAGOV" and target == "CHN" for source, target, _ in _codes_of(text, "2020-08-30"))


def test_actor_codes_a_department_of_defense_is_the_military() -> None:
    text = "The United States Department of Defense said it attacked a base in Iraq on Monday."
    assert any(source == "USAMIL" for source, _, _ in _codes_of(text, "2020-01-04"))


def test_actor_codes_a_photojournalist_is_media() -> None:
    text = "Jane Roe, a photojournalist from Yemen, was shot dead in Aden on Tuesday. Gunmen attacked Roe."
    assert any(target == "YEMMED" for _, target, _ in _codes_of(text, "2019-06-20"))


def test_force_harm_done_on_purpose_needs_no_weapon_named() -> None:
    """ "X was murdered", "X was abducted": the verb is violence itself; "killed" is said of accidents too."""
    assert (None, "IRQMED", "186") in _codes_of("An Iraqi journalist was assassinated in Basra on Monday.")
    assert [code for *_, code in _codes_of("A Mexican lawyer was murdered in Tijuana last year.")] == ["1823"]
    assert _codes_of("A Mexican lawyer was killed in Tijuana last year.") == []  # a crash kills too


def test_force_an_attack_that_took_place_is_reported_with_no_party_named() -> None:
    """ "A suicide bombing took place in the capital": an attack reported by a verb of happening."""
    assert _codes_of("Two suicide bombings took place in the Tunisian capital last month.") == [
        (None, None, "1831")
    ]
    assert _codes_of("Officials said the attack took place at about 7:45 p.m.") == [(None, None, "190")]
    assert _codes_of("The meeting took place in Paris.") == []
    assert _codes_of("The mall where the shooting happened is five miles from the border.") == []


def test_force_a_count_of_attacks_that_took_place_is_reported() -> None:
    """ "A series of bombings took place": what the count counts is the attack that happened."""
    assert _codes_of("A wave of car bombings took place in the northern city last week.") == [
        (None, None, "1832")
    ]
    assert _codes_of("A series of meetings took place in Geneva.") == []


def test_force_a_police_force_by_its_name_takes_they() -> None:
    """ "Kent Police said they had arrested a man": a named police force is the "they" that arrested."""
    codes = _codes_of("Merseyside Police said they had arrested a teenager in Liverpool.", "2021-03-02")
    assert codes == [("GBRCOP", "GBRCRM", "173")]


def test_force_violence_owned_by_an_adjective_is_told_as_an_occasion() -> None:
    """ "Villagers fled amid Russian shelling": an attack named only by a party's adjective, as the recent
    occasion of the clause, is that party's attack, on nobody the clause names; not a lasting state."""
    assert _codes_of("Thousands of villagers fled their homes amid Russian shelling.") == [
        ("RUS", None, "194")
    ]
    assert _codes_of("Peace talks collapsed following Israeli air strikes.") == [("ISR", None, "195")]
    assert _codes_of("The region has been calm since the Turkish occupation.") == []


def test_force_an_alert_ordered_from_own_troops_has_no_target() -> None:
    """ "The minister ordered a heightened alert from troops": the state's own forces are its means."""
    codes = _codes_of("The Indian defence minister ordered a heightened alert from troops.", "2021-03-02")
    assert codes == [("INDGOV", None, "152")]
    assert ("RUS", "UKR", "154") in _codes_of("Russia sent troops to the border of Ukraine.", "2021-03-02")


def test_force_a_weapon_as_subject_names_the_attack() -> None:
    """ "Twin bombings struck X": the subject names the weapon, whatever the verb's code ("strike": 195)."""
    assert _codes_of("Twin bombings struck Afghan troops in Kandahar on Sunday.") == [(None, "AFGMIL", "183")]
    assert _codes_of("A car bomb struck Afghan troops in Kandahar on Sunday.") == [(None, "AFGMIL", "1832")]
    assert _codes_of("A missile struck Afghan troops in Kandahar on Sunday.") == [(None, "AFGMIL", "195")]


def test_force_an_attack_on_a_person_with_no_armed_role_is_unconventional() -> None:
    """An unarmed or unnamed author attacking a private person named with no role: 180, not a battle (190)."""
    assert ("MEXCRM", "MEX", "180") in _codes_of(  # gunmen are criminals (CRM)
        "Gunmen attacked the Mexican Maria Lopez outside her home in Tijuana."
    )
    commander = _codes_of("Israeli troops shot Ahmed Yassin, a Hamas commander, in Gaza.")
    assert ("ISRMIL", "PSEREBHMS", "193") in commander


def test_force_charged_for_or_over_a_crime_is_legal_action() -> None:
    """ "Charged for"/"charged over" the crime, as "charged with" it: the courts' legal action (173)."""
    over = _codes_of("Two Australian men were charged over the killing of a police officer.")
    assert over[0] == ("AUSJUD", "AUSCRM", "173")  # the charged are coded CRM
    active = _codes_of("Ohio prosecutors charged two Mexican men for the murder of a police officer.")
    assert active[0] == ("USAJUD", "MEXCRM", "173")
    # ... and the violence the charge is for, by the charged (other_root: legal_action_codes)
    assert ("AUSCRM", "AUSCOP", "1823") in over
    assert any(src == "MEXCRM" and code == "1823" for src, _, code in active)


def test_force_a_present_passive_with_no_author_is_a_standing_state() -> None:
    """ "The party is banned in Turkey" says how things stand; "was banned in 1984" tells the ban."""
    assert _codes_of("The PKK is banned in Turkey.") == []
    assert ("TURGOV", "TURREBPKK", "172") in _codes_of("The PKK was banned in Turkey on Monday.")


def test_force_a_present_passive_of_violence_defines_and_reports_no_attack() -> None:
    """ "Events where four or more people are killed by gunfire" define; "were killed" reports."""
    assert (
        _codes_of("The archive counts events where four or more people are killed by gunfire as a shooting.")
        == []
    )
    assert _codes_of("Three Afghan soldiers were killed in a roadside bomb attack.") == [
        (None, "AFGMIL", "1833")
    ]


def test_force_a_bomb_that_went_off_is_an_attack_a_bomb_built_is_none() -> None:
    """ "The first bomb went off during Mass": a bombing reported; "Pakistan's bomb was built" is a weapon."""
    assert _codes_of("The first bomb went off during Mass on Sunday.") == [(None, None, "183")]
    assert _codes_of("Pakistan's bomb was built in the 1980s.") == []
    killing = _codes_of("A bomb exploded in Kabul on Sunday, killing five Afghan civilians.")
    assert killing == [(None, "AFGCVL", "183")]  # one attack, on those it killed


def test_cooperation_a_meeting_that_frames_a_statement_is_a_meeting() -> None:
    codes = _codes_of(
        "The president of Kenya said in a meeting with the president of Uganda that trade would grow."
    )
    assert ("KENGOV", "UGAGOV", "040") in codes
    assert ("UGAGOV", "KENGOV", "040") in codes
    codes = _codes_of("During talks with the president of Uganda, the president of Kenya praised Tanzania.")
    assert ("KENGOV", "UGAGOV", "040") in codes
    assert ("KENGOV", "TZA", "051") in codes


def test_cooperation_two_titled_names_joined_by_and_act_together() -> None:
    text = "US President Barack Obama and Russian President Vladimir Putin spoke on the phone."
    codes = _codes_of(text, "2015-10-08")
    assert ("USAGOV", "RUSGOV", "041") in codes
    assert ("RUSGOV", "USAGOV", "041") in codes
    codes = _codes_of("The Kenyan government and the Ugandan government met on Monday.")
    assert ("KENGOV", "UGAGOV", "040") in codes
    assert ("UGAGOV", "KENGOV", "040") in codes


def test_cooperation_verbal_support_and_information_idioms() -> None:
    assert ("KENGOV", "UGAGOV", "052") in _codes_of(
        "The Kenyan government came to the defense of the Ugandan government."
    )
    assert ("KENGOV", "UGAGOV", "057") in _codes_of(
        "The Kenyan government made an arrangement with the Ugandan government."
    )
    assert ("KENGOV", "UGAGOV", "064") in _codes_of(
        "The Kenyan government disclosed the findings to the Ugandan government."
    )
    assert "080" not in {c[2] for c in _codes_of("The president of Kenya gave a speech in Nairobi.")}


def test_cooperation_an_agreement_is_made_by_both_sides() -> None:
    codes = _codes_of("The Kenyan government signed an agreement with the Ugandan government.")
    assert ("KENGOV", "UGAGOV", "057") in codes
    assert ("UGAGOV", "KENGOV", "057") in codes
    codes = _codes_of("Kenyan troops patrol the border in cooperation with Ugandan troops.")
    assert ("KENMIL", "UGAMIL", "060") in codes


def test_appeal_an_act_done_at_a_request_answers_it() -> None:
    codes = _codes_of("At the request of the Kenyan president, the Ugandan army withdrew from the border.")
    assert ("KENGOV", "UGAMIL", "020") in codes
    codes = _codes_of("The Ugandan army withdrew at the Kenyan government's request.")
    assert ("KENGOV", "UGAMIL", "020") in codes
    assert "020" not in {c[2] for c in _codes_of("The Kenyan government rejected the request of Uganda.")}


def test_statement_waving_an_accusation_away_is_a_denial() -> None:
    codes = _codes_of("The Kenyan government dismissed the claims from Uganda as baseless.")
    assert ("KENGOV", "UGA", "016") in codes
    assert "016" in {c[2] for c in _codes_of("The Kenyan minister maintains his innocence.")}
    assert "016" not in {
        c[2] for c in _codes_of("The court dismissed the charges against the Kenyan minister.")
    }


def test_modality_an_object_denied_by_its_determiner_negates_the_act() -> None:
    events = _events_of("The Kenyan president expressed no regret for the attack on Uganda.")
    assert [e.modality for e in events if e.cameo == "055"] == ["negated"]
    events = _events_of("The Kenyan president expressed regret for the attack on Uganda.")
    assert [e.modality for e in events if e.cameo == "055"] == ["asserted"]


def test_appeal_calling_for_a_party_to_act_addresses_that_party() -> None:
    codes = _codes_of("The Kenyan president called for the Ugandan army to withdraw.")
    assert ("KENGOV", "UGAMIL", "020") in codes
    # a passive clause names whom the act is done to, not whom the appeal asks
    codes = _codes_of("The Kenyan president called for the killers to be brought to justice.")
    assert ("KENGOV", None, "020") in codes


def test_aid_an_amount_of_money_given_is_financial_aid() -> None:
    codes = _codes_of("The Kenyan government gave the Ugandan government a total of US$10,000 last year.")
    assert ("KENGOV", "UGAGOV", "071") in codes


def test_parties_articles_of_impeachment_are_against_the_own_states_executive() -> None:
    assert ("PERLEG", "PERGOV", "1121") in _codes_of(
        "The Peruvian Congress passed two articles of impeachment."
    )
    named = _codes_of("The Peruvian Congress voted to impeach President Vizcarra.", "2020-09-18")
    assert [(s, t) for s, t, c in named if c == "1121"] == [("PERLEG", "PERGOV")]
    # an accusation with nobody named keeps no counterpart
    assert ("PERLEG", None, "1121") not in _codes_of("Peruvian senators accused the minister of corruption.")


def test_parties_what_an_appeal_or_rejection_is_for_or_against_is_no_party() -> None:
    budget = _codes_of(
        "Russia sent troops to the border on Monday. The Ukrainian parliament voted against the budget."
    )
    assert [(s, t) for s, t, c in budget if c.startswith("12")] == [("UKRLEG", None)]
    funding = _codes_of(
        "The French president met Chinese leaders in Beijing. French lawmakers pushed for more funding."
    )
    assert [(s, t) for s, t, c in funding if c.startswith("02")] == [("FRALEG", None)]
    # a party the clause names is still the counterpart
    asked = _codes_of("French lawmakers then pushed the Chinese government for more funding.")
    assert [(s, t) for s, t, c in asked if c.startswith("02")] == [("FRALEG", "CHNGOV")]


def test_parties_relations_established_between_two_states_are_theirs() -> None:
    accord = _codes_of("The accord established diplomatic relations between Sudan and Israel.")
    assert sorted((s, t) for s, t, c in accord if c.startswith("05")) == [("ISR", "SDN"), ("SDN", "ISR")]
    broker = _codes_of("Norway brokered a deal establishing diplomatic ties between Qatar and Bahrain.")
    assert ("NOR", "QAT", "054") not in broker
    assert {(s, t) for s, t, c in broker if c == "054"} == {("QAT", "BHR"), ("BHR", "QAT")}
    # one party and its counterpart named apart stay as they are
    assert ("SDN", "ISR", "054") in _codes_of("Sudan established diplomatic relations with Israel.")


def test_parties_a_quote_after_a_colon_is_spoken_by_the_clause_before_it() -> None:
    text = (
        "Peruvian President Martin Vizcarra said on Monday that he would not leave office. "
        'Peruvian senator Ana Ruiz spoke to reporters after the speech: "I urge the president to resign."'
    )
    assert [(s, t) for s, t, c in _codes_of(text, "2020-09-15") if c.startswith("02")] == [
        ("PERLEG", "PERGOV")
    ]


def test_verbal_a_naming_verb_with_an_object_asks_nothing() -> None:
    named = _codes_of("The Kenyan president condemned the raid, calling it an aggression on Kenya.")
    assert not any(code.startswith(("02", "10")) for *_, code in named)
    assert not _codes_of("The Kenyan broadcaster called the county for the opposition candidate.")
    assert ("KENGOV", "UGA", "0256") in _codes_of("The Kenyan government called on Uganda to halt the raids.")


def test_verbal_instructing_a_party_to_act_is_a_demand() -> None:
    codes = _codes_of("The Kenyan president instructed the police to investigate the leak.")
    assert ("KENGOV", "KENCOP", "101") in codes
    codes = _codes_of("The Kenyan president instructed the army to withdraw from the border.")
    assert ("KENGOV", "KENMIL", "100") in codes


def test_verbal_a_promise_with_a_that_clause_is_an_intent() -> None:
    codes = _codes_of("The Kenyan governor promised the villagers would receive a payout.")
    assert ("KENGOV", "KENCVL", "030") in codes


def test_verbal_seeking_to_extradite_asks_for_the_suspect() -> None:
    codes = _codes_of("The Kenyan government said it will seek to extradite the gunman.")
    assert ("KENGOV", "0213") in {(c[0], c[2]) for c in codes}
    assert "0313" not in {c[2] for c in codes}


def test_verbal_a_warning_of_what_could_happen_is_a_pessimistic_comment() -> None:
    codes = _codes_of("The Kenyan president warned that the peace deal may collapse.")
    assert ("KENGOV", None, "012") in codes
    # a warning about what a party could do, or to a party, stays a threat
    assert "012" not in {c[2] for c in _codes_of("Kenya warned it could close its border with Uganda.")}
    assert "012" not in {c[2] for c in _codes_of("Kenya warned Uganda that the deal may collapse.")}


def test_criticism_a_lawsuit_told_by_what_it_seeks_is_against_the_party_it_names() -> None:
    filed = _codes_of(
        "The opposition party of Kenya filed a lawsuit challenging the electoral commission of Kenya's rules."
    )
    assert filed == [("KENOPP", "KENGOV", "115")]  # the filing, once, against the party challenged
    against = _codes_of(
        "The opposition party of Kenya filed a lawsuit against the electoral commission of Kenya."
    )
    assert against == [("KENOPP", "KENGOV", "115")]  # its pattern's, not twice
    dismissed = _codes_of("A judge in Kenya dismissed a lawsuit challenging the governor's order.")
    assert "115" not in {c[2] for c in dismissed}  # nobody named brought it; the judge did not


def test_criticism_a_judgement_held_of_a_party_s_claim_is_a_criticism() -> None:
    held = _codes_of(
        "The opposition party of Kenya considers the claim of the president of Kenya as incorrect."
    )
    assert ("KENOPP", "KENGOV", "111") in held
    deemed = _codes_of(
        "The foreign minister of Ghana deemed the decision of the government of Togo incorrect."
    )
    assert ("GHAGOV", "TGOGOV", "111") in deemed
    plain = _codes_of("The opposition party of Kenya considered the proposal of the president of Kenya.")
    assert "111" not in {c[2] for c in plain}  # weighing a proposal judges nothing


def test_cooperation_investigators_questioning_a_party_investigate_a_crime() -> None:
    codes = _codes_of("Kenyan police questioned the Ugandan trader on Monday.")
    assert ("KENCOP", "UGABUS", "091") in codes
    assert "110" not in {code for *_, code in codes}  # asked, not doubted
    codes = _codes_of("The Ugandan trader was interviewed twice by Kenyan detectives.")
    assert ("KENCOP", "UGABUS", "091") in codes
    # a reporter's interview is no inquiry
    assert not _codes_of("The Kenyan broadcaster interviewed the Ugandan president.")


def test_cooperation_a_prisoner_released_on_bail_is_freed_by_the_courts() -> None:
    codes = _codes_of("The Kenyan opposition leader was released on bail on Friday.")
    assert ("KENJUD", "KENOPP", "0841") in codes
    # a patient leaving hospital is no prisoner set free
    assert not _codes_of("The Kenyan opposition leader was released from hospital on Friday.")
    # released hostages name no captor: nobody is their courts
    codes = _codes_of("Two Kenyan hostages were released in Somalia on Friday.")
    assert codes == [(None, "KENCVL", "0841")]


def test_cooperation_praise_a_good_man_is_praise_but_the_best_shot_is_not() -> None:
    codes = _codes_of(
        'The Kenyan president described the Ugandan president as "a good man and a reliable partner".'
    )
    assert ("KENGOV", "UGAGOV", "051") in codes
    codes = _codes_of(
        'The Kenyan president said, "We will back the Ugandan party with the best shot at winning."'
    )
    assert "051" not in {code for *_, code in codes}


def test_cooperation_a_passive_subject_is_what_was_done() -> None:
    codes = _codes_of("The bombing in Nairobi was claimed by al-Shabaab.")
    assert "015" in {code for *_, code in codes}
    # an actor as passive subject is still the target, not the act's words
    codes = _codes_of("The Ugandan trader was interviewed twice by Kenyan detectives.")
    assert ("KENCOP", "UGABUS", "091") in codes


def test_cooperation_an_active_verb_joined_to_a_passive_shares_its_subject() -> None:
    codes = _codes_of("The Kenyan president was sworn in on Monday and met the Ugandan president on Tuesday.")
    assert ("KENGOV", "UGAGOV", "040") in codes


def test_cooperation_the_wounded_visited_in_hospital_host_nobody() -> None:
    codes = _codes_of("The Kenyan president visited the wounded in hospital.")
    assert ("KENGOV", "KENCVL", "042") in codes
    assert "043" not in {code for *_, code in codes}
    assert ("UGA", "KENGOV", "043") in _codes_of("The Kenyan president visited Uganda.")


def test_precision_a_word_or_step_with_no_author_is_no_event() -> None:
    # a sanction by nobody named or known is no one's act
    assert _codes_of("The businessman was further sanctioned in 2011.") == []
    # force keeps its event without an author
    assert [code for *_, code in _codes_of("Three soldiers were killed by a roadside bomb.")] == ["1833"]
    assert [code for *_, code in _codes_of("The minister was arrested on Monday.")] == ["173"]


def test_precision_a_naming_verb_with_its_label_asks_for_nothing() -> None:
    # "called X an attack on Y" names X; the label's "on" is no "call on"
    named = _codes_of('The premier condemned the strike, calling it "an attack on Iraq".')
    assert "020" not in {code for *_, code in named}
    assert "0244" not in {code for *_, code in _codes_of('The president called the election "a fraud".')}
    assert "020" in {code for *_, code in _codes_of("The minister called on Russia to withdraw its troops.")}


def test_precision_calling_a_place_for_a_candidate_names_the_winner() -> None:
    assert (
        _codes_of("The news agency also called Pennsylvania for the senator on Saturday.", "2020-11-04") == []
    )
    assert _codes_of("Two networks called Arizona for the governor.", "2020-11-04") == []
    assert _codes_of("The networks called the state for the governor.", "2020-11-04") == []


def test_precision_a_conditional_threat_is_of_the_party_the_condition_names() -> None:
    dyads = _codes_of("Turkey said it will close its border unless Greece stops the pushbacks.")
    assert {(source, target, code[:2]) for source, target, code in dyads} == {("TUR", "GRC", "13")}


def test_precision_a_private_persons_journey_is_no_visit() -> None:
    assert _codes_of("Turkish tourists traveled to Greece last week.") == []
    assert _codes_of("Cengiz, a Turkish citizen, traveled to New York for the General Assembly.") == []
    # an official's visit, and a visit to civilians, stay visits
    assert ("RUSGOV", "RUSCVL", "042") in _codes_of("President Putin visited the wounded in hospital.")


def test_precision_a_thing_received_from_a_party_hosts_nobody() -> None:
    assert _codes_of("The prime minister received a letter from the Russian president.") == []
    hosted = _codes_of("The president of Kenya received the Chinese foreign minister on Monday.")
    assert "043" in {code for *_, code in hosted}


def test_precision_a_law_as_subject_is_no_party() -> None:
    # what a legal text allows or requires is a provision, no act of the state named in it
    assert _codes_of("Until recently, Kenyan law allowed the perpetrators to go unpunished.") == []


def test_wrong_root_an_accusation_keeps_the_act_it_tells() -> None:
    # an accusation (belief, charge) of harm codes the accusation and the act told, as "X said Y attacked Z"
    believed = _codes_of("Mexican police believe the cartel killed the Mexican mayor.")
    assert ("MEXCOP", "MEXCRM", "112") in believed
    assert ("MEXCRM", "MEXGOV") in {(source, target) for source, target, code in believed if code[:2] == "19"}
    charged = _codes_of("Israel charged that Hamas fired rockets at Israeli towns.")
    assert ("ISR", "PSEREBHMS", "112") in charged
    assert "19" in {code[:2] for source, _, code in charged if source == "PSEREBHMS"}


def test_wrong_root_the_owner_of_a_murder_is_its_victim() -> None:
    # "ordered the journalist's murder": the person who owns a noun of harm suffered it
    ordered = _codes_of("The Saudi colonel ordered the Turkish journalist's murder.")
    assert ("SAUMIL", "TURMED", "1823") in ordered
    # ... unless an "of" phrase names the victim
    assert ("MLIMIL", "MLICVL", "1823") in _codes_of(
        "The militia's killing of Malian villagers drew protests."
    )


def test_wrong_root_a_confession_keeps_the_act_confessed() -> None:
    # "confessed to killing X": the admission (015) and the killing itself
    confessed = _codes_of("The Malian gunman confessed to killing his Malian neighbour.")
    assert "015" in {code for *_, code in confessed}
    assert {code[:2] for *_, code in confessed} & {"18", "19"}


def test_wrong_root_an_act_considered_is_a_policy_option() -> None:
    # "would consider charging X": a policy option weighed (014), no threat of legal action (137)
    weighed = _codes_of("The Kenyan government said Kenya would consider charging the smugglers with murder.")
    assert "014" in {code for *_, code in weighed}
    assert not {code for *_, code in weighed} & {"137", "173"}


def test_speaker_he_after_an_unnamed_spokesperson_is_that_person() -> None:
    before = "Prime Minister Adil Abdul-Mahdi of Iraq met the cabinet on Monday. Later, a State Department"
    after = "spoke to reporters, and he condemned Iran."
    assert ("USAGOV", "IRN", "111") in _codes_of(f"{before} spokesperson {after}")
    # a spokeswoman is no "he": the man named before stays the one
    assert ("IRQGOV", "IRN", "111") in _codes_of(f"{before} spokeswoman {after}")


def test_criticism_a_quoted_label_after_its_object_is_a_criticism() -> None:
    text = 'The opposition leader of Kenya called the budget of the president of Kenya "lousy".'
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text)
    praised = _codes_of(
        'The president of Ghana called the speech of the prime minister of Kenya "brilliant".'
    )
    assert "111" not in {c[2] for c in praised}  # a label of praise


def test_accusation_a_claim_that_a_party_did_harm_accuses_it() -> None:
    claimed = _codes_of("The interior minister of Chad claimed that rebels shelled the hospital.")
    assert ("TCDGOV", "TCDREB", "112") in claimed
    assert "194" in {c[2] for c in claimed}  # the shelling told keeps its own event
    ascribed = _codes_of("A newspaper in Chad claimed that officials ascribed the explosion to a gas leak.")
    assert "112" not in {c[2] for c in ascribed}  # the clause's own act is no harm
    own = _codes_of("The rebel group in Chad claimed it attacked the army base.")
    assert ("TCDREB", "TCDREB", "112") not in own  # no accusation of oneself
    victims = _codes_of("The army of Chad claimed 200 soldiers of Niger had been killed.")
    assert "112" not in {c[2] for c in victims}  # the subject of the passive suffered the harm


def test_accusation_an_attack_attributed_to_a_party_accuses_it() -> None:
    text = "The interior minister of Chad attributed the bombing to Boko Haram."
    assert [c[2] for c in _codes_of(text) if c[1] is not None and c[2].startswith("11")] == ["112"]
    accident = _codes_of("The police of Chad attributed the explosion to a gas leak.")
    assert "112" not in {c[2] for c in accident}


def test_precision_an_intention_aimed_at_nobody_is_no_event() -> None:
    """An intended appeal with no counterpart is no event; one aimed at a party is coded, and so are
    promises and threats whose party is left implicit."""
    assert not _codes_of("The Kenyan officials said they would urge calm.")
    assert not _codes_of("The Kenyan government said it would investigate.")
    assert ("KENGOV", "UGA", "020") in _codes_of("The government of Kenya said it would appeal to Uganda.")
    assert "0341" in {c[2] for c in _codes_of("The president of Kenya announced he would step down.")}
    assert {c[2][:2] for c in _codes_of("The president of Kenya promised to democratize Kenya.")} == {"03"}


def test_precision_a_reported_stabbing_is_no_criticism() -> None:
    """ "Stab" is a word of blame only as "a stab in the back"; as a verb it reports the attack."""
    assert not {c for *_, c in _codes_of("Officials said three officers were stabbed with a knife.")} & {
        "111"
    }
    blame = _codes_of("The Kenyan president said the decision of Uganda was a stab in the back.")
    assert ("KENGOV", "UGA", "111") in blame


def test_sympathy_thoughts_and_hearts_are_with_those_who_suffer() -> None:
    """ "My thoughts are with ...", "our hearts go out to ...": the idioms of sympathy after a disaster."""
    thoughts = _codes_of(
        'The German chancellor wrote, "My thoughts are with the victims and their families."'
    )
    assert ("DEUGOV", "DEUCVL", "018") in thoughts
    hearts = _codes_of('"Our hearts go out to the families of those killed," the US ambassador said.')
    assert ("USAGOV", "USACVL", "018") in hearts
    assert not _codes_of("The Indian president shared his thoughts with reporters on the economy.")


def test_sympathy_praying_for_victims_and_condolences_that_came_from() -> None:
    """Praying for those who suffer is sympathy, praying for rain is not; condolences that "came from" or
    "poured in from" a party are its sympathy."""
    assert ("VATGOV", "VATCVL", "018") in _codes_of(
        "Pope Francis said he was praying for the victims of the earthquake."
    )
    assert not _codes_of("The president prayed for peace in the region.")
    poured = _codes_of(
        "Messages of condolence poured in from the French president and the German chancellor."
    )
    assert ("FRAGOV", None, "018") in poured
    assert ("DEUGOV", None, "018") in poured


def test_praise_credited_for_and_congratulations_received() -> None:
    assert ("GOV", "MIL", "051") in _codes_of("The minister credited the army for the victory.")
    assert ("FRAGOV", None, "051") in _codes_of(
        "Congratulations poured in from the leaders of France and Germany."
    )


def test_protest_participation_in_a_rally_or_march_told_without_a_protest_verb() -> None:
    """ "Thousands attended the rally", "took part in the march", "filled the streets": the crowd protests."""
    assert ("BLRCVL", None, "141") in _codes_of("Thousands of people attended the rally in central Minsk.")
    assert ("HKGOPP", None, "141") in _codes_of(
        "Tens of thousands of protesters took part in the march in Hong Kong."
    )
    assert [c for *_, c in _codes_of("Students participated in a rally against the government.")] == ["141"]
    assert [c for *_, c in _codes_of("Opposition supporters filled the streets of Caracas on Saturday.")] == [
        "141"
    ]
    assert [
        c for *_, c in _codes_of("Thousands of Hong Kong residents turned out for the march on Sunday.")
    ] == ["141"]


def test_protest_a_rally_named_alone_or_a_month_is_no_protest() -> None:
    """ "Spoke at a rally in Ohio" is a campaign rally, "announced it at a rally" is where it was said, and
    "on March 17" is a date: no protest is coded from the noun."""
    assert not _codes_of("The senator spoke at a rally in Pennsylvania.")
    assert "141" not in [
        c for *_, c in _codes_of("He announced the change on television and again in a rally.")
    ]
    assert not _codes_of("The Democratic Party will continue its primary season on March 17.")


def test_sympathy_told_by_its_medium_or_gesture() -> None:
    """Condolences tweeted or passed on, respects paid, sadness expressed at a death: sympathy (018)."""
    assert ("CANGOV", "CANCVL", "018") in _codes_of(
        "The Canadian prime minister tweeted his condolences to the families of the victims."
    )
    assert ("JPNGOV", "JPNCVL", "018") in _codes_of(
        "The Japanese prime minister paid his respects to the victims of the attack."
    )
    assert ("ESPGOV", "ESPLAB", "018") in _codes_of(
        "The Spanish king expressed his sadness at the deaths of the miners."
    )


def test_praise_heaped_on_support_thrown_behind_and_credit_given() -> None:
    assert ("DEUGOV", "GRCGOV", "051") in _codes_of(
        "The German chancellor heaped praise on the Greek prime minister."
    )
    assert ("USAELI", "USALEG", "051") in _codes_of(
        "The former vice president threw his support behind the Vermont senator."
    )
    assert ("GOV", "COP", "051") in _codes_of("The minister gave credit to the police for the arrests.")


def test_actor_codes_an_office_followed_by_general_is_no_army_rank() -> None:
    """ "prosecutor general", "director-general": "general" after an office is an adjective."""
    seized = _codes_of("Ukraine's prosecutor general seized the property of the smugglers.", "2019-06-01")
    assert ("UKRJUD", "UKRCRM", "171") in seized
    criticised = _codes_of("Kenya's director general of health criticised the hospital owners.", "2019-06-01")
    assert [source for source, *_ in criticised] == ["KENGOV"]


def test_actor_codes_a_name_in_apposition_to_a_title_with_its_own_phrase() -> None:
    """ "The mayor of Springfield, Jane Roe, thanked ...": the title describes the name, not the place."""
    text = "The mayor of London, Jane Roeson, thanked the police. Roeson also criticised the protesters."
    assert ("GBRGOV", "GBROPP", "111") in _codes_of(text, "2019-06-01")


def test_actor_codes_bare_plural_officers_are_police() -> None:
    """ "officers chased him": unmodified plural officers are police; "an officer" alone names no one."""
    codes = _codes_of("In Lyon, France, officers arrested two protesters on Saturday.", "2019-06-01")
    assert ("FRACOP", "FRAOPP", "173") in codes


def test_actor_codes_a_people_word_before_a_name_gives_its_nationality() -> None:
    """ "An Australian, John Doe, appeared in court in New Zealand": Australian, and the court stays
    the New Zealand one."""
    text = (
        "An Australian, Jon Doeling, appeared in a court in Auckland, New Zealand. "
        "Doeling criticised the police."
    )
    assert ("AUS", "NZLCOP", "111") in _codes_of(text, "2019-03-16")


def test_actor_codes_a_surname_that_is_also_a_capital_is_the_person() -> None:
    """ "Jon Amman ... Amman, who ..., attacked": the story's person, not Jordan's capital."""
    text = (
        "The attacker, identified as Jon Amman, was shot by police in London. "
        "Amman, who was described as dangerous, attacked two women."
    )
    assert [s for s, _, code in _codes_of(text, "2020-02-03") if code.startswith("18")] == ["GBR"]


def test_legal_a_relative_or_bare_participle_passive_is_done_to_the_noun_it_modifies() -> None:
    relative = _codes_of("She spoke for a Russian activist who was arrested in May.", "2020-08-20")
    assert ("RUSCOP", "RUSOPP", "173") in relative
    reduced = _codes_of("Police freed dozens of Kenyan protesters detained during the march.", "2020-08-20")
    assert ("KENCOP", "KENOPP", "173") in reduced
    apposed = _codes_of(
        "The Kenyan activist, charged with murder, appeared in court on Monday.", "2020-08-20"
    )
    assert ("KENJUD", "KENOPP", "173") in apposed


def test_legal_charges_or_a_sentence_received_are_a_court_s_act_on_the_receiver() -> None:
    faced = _codes_of("The Kenyan minister faces charges of corruption.", "2020-08-20")
    assert ("KENJUD", "KENGOV", "173") in faced
    received = _codes_of("Two French police officers received seven-year prison terms.", "2020-08-20")
    assert ("FRAJUD", "FRACOP", "173") in received
    assert _codes_of("The Kenyan minister received a second term as governor.", "2020-08-20") == []


def test_legal_charges_brought_or_filed_are_legal_action_active_or_passive() -> None:
    """Criminal charges brought, laid or filed against a party are legal action (173, as "charged with"), not
    a lawsuit (115); in a passive whose subject is the charges, the party after "against" is the target and
    the charge noun names the courts as author."""
    brought = _codes_of("Ghanaian prosecutors brought fraud charges against the former mayor.", "2020-08-20")
    assert ("GHAJUD", "GHAELI", "173") in brought
    assert not any(code.startswith("115") for _, _, code in brought)
    filed = _codes_of("Charges were filed against the former Ghanaian mayor on Monday.", "2020-08-20")
    assert ("GHAJUD", "GHAELI", "173") in filed


def test_legal_a_sentence_given_or_handed_is_a_sentencing() -> None:
    """ "handed X a life sentence", "X was given a suspended sentence", "imposed a ten-year term on X": a
    sentence given is the court's legal action on X (173); a term of office given is none."""
    handed = _codes_of("A Ghanaian court handed the former mayor a life sentence.", "2020-08-20")
    assert ("GHAJUD", "GHAELI", "173") in handed
    given = _codes_of("The former Ghanaian mayor was given a two-year suspended sentence.", "2020-08-20")
    assert ("GHAJUD", "GHAELI", "173") in given
    assert _codes_of("Ghanaian voters gave the president a second term.", "2020-08-20") == []
    jailed = _codes_of("Four Ghanaian men were jailed for fraud on Monday.", "2020-08-20")
    assert [(s, code) for s, _, code in jailed] == [("GHAJUD", "173")]  # the court that sentenced them


def test_judicial_a_legal_noun_owned_by_a_person_is_done_to_that_person() -> None:
    """ "Sokolov's arrest", "after his arrest": the owner of a noun of legal action underwent it, by the
    author the act implies (the police for an arrest); a police force owning it made it."""
    owned = _codes_of("Reporters Without Borders condemned the Turkish journalist's detention.", "2020-08-20")
    assert ("TURCOP", "TURMED", "173") in owned
    indicted = _codes_of("The Brazilian senator's indictment came on Monday.", "2020-08-20")
    assert indicted == [("BRAJUD", "BRALEG", "173")]
    after = _codes_of(
        "Police in Kenya arrested a Ugandan man on Monday. After his arrest, the Ugandan man stayed in a cell"
        " in Nairobi overnight.",
        "2020-08-20",
    )
    assert sum(1 for s, _, code in after if code == "173" and s == "KENCOP") == 2  # Kenya's police, named
    assert _codes_of("The Kenyan police's arrests continued on Monday.", "2020-08-20") == []


def test_judicial_an_agentless_legal_passive_is_by_the_police_or_court_named_nearby() -> None:
    """ "A court in Nairobi heard the case. The Ugandan man was charged with murder": the court the story
    names, not the courts of the man's own state."""
    named = _codes_of(
        "A court in Nairobi heard the case on Monday. A Ugandan man was charged with murder.", "2020-08-20"
    )
    assert [(s, code) for s, _, code in named if code == "173"] == [("KENJUD", "173")]


def test_legal_a_cease_and_desist_order_is_a_restriction_on_its_addressee() -> None:
    """A cease-and-desist order restricts its addressee (172); on the media it restricts the press (1721)."""
    ordered = _codes_of(
        "The Kenyan regulator issued a cease-and-desist order to the newspaper.", "2020-08-20"
    )
    assert ("KENGOV", "KENMED", "1721") in ordered
    against = _codes_of(
        "The Kenyan regulator issued a cease-and-desist order against the newspaper.", "2020-08-20"
    )
    assert ("KENGOV", "KENMED", "1721") in against
    assert _codes_of("The Kenyan regulator issued an order to the newspaper.", "2020-08-20") == []


def test_appeal_a_legal_appeal_goes_to_the_appellants_own_courts() -> None:
    assert ("GBRGOV", "GBRJUD", "020") in _codes_of("The British government will appeal the ruling, it said.")
    assert ("IRNCOP", "IRNJUD", "020") in _codes_of("An appeal by Iranian police was rejected on Monday.")
    # an appeal to someone, or for something, is no legal appeal
    assert ("IRN", "IGOUNO", "020") in _codes_of("Iran appealed to the United Nations.")
    calm = _codes_of("The Iranian foreign ministry appealed for calm.")
    assert all(target is None or not target.endswith("JUD") for _, target, _ in calm)


def test_actorctry_an_appeal_joined_by_prosecutors_goes_to_their_courts() -> None:
    # a foreign victim who appeals together with a state's prosecutors appeals to that state's courts
    codes = _codes_of("An appeal by a Dutch student and Spanish prosecutors was heard in Madrid on Monday.")
    assert ("NLDEDU", "ESPJUD", "020") in codes
    assert not any(target == "NLDJUD" for _, target, _ in codes)


def test_wrong_target_one_private_person_acts_on_other_private_people() -> None:
    """One unnamed person ("he", "a man") and other private people of the same country are two parties:
    the people he harmed are the target, not the street or city where it happened, and joined victims of
    one code are one record."""
    stabbed = _codes_of(
        "Police in Manchester shot a man on Tuesday. Witnesses said he stabbed a woman and two boys outside "
        "a shop on Market Street, Manchester.",
        "2020-02-03",
    )
    assert ("GBRCVL", "GBRCVL", "180") in stabbed or ("GBRCVL", "GBRCVL", "182") in stabbed
    assert not any(target == "GBRGOV" for _, target, code in stabbed if code.startswith("18"))
    assert len([1 for s, t, code in stabbed if (s, t) == ("GBRCVL", "GBRCVL")]) == 1


def test_wrong_target_the_owner_of_the_acting_party_is_not_its_target() -> None:
    """ "forgiven by the victim's family": the victim owns the acting family and is not whom it forgave."""
    codes = _codes_of(
        "Under the old law, killers in Pakistan went unpunished if forgiven by the victim's family."
    )
    assert ("PAKCVL", "PAKCVL", "056") not in codes
    assert ("PAKCVL", "PAKCRM", "056") in codes


def test_criticism_of_an_act_told_before_is_of_who_did_it_not_who_investigates_it() -> None:
    shelling = _codes_of(
        "Rebels shelled the town of Idlib on Monday. "
        "Aid workers said police were investigating the shelling. "
        'The Turkish foreign minister called the attack "barbaric".',
        "2019-07-20",
    )
    assert ("TURGOV", "SYRREB", "111") in shelling
    assert ("TURGOV", "SYRCOP", "111") not in shelling
    speech = _codes_of(
        'President Trump gave a speech in Ohio on Monday. Chinese officials described the speech as "empty".',
        "2019-07-20",
    )
    assert ("CHNGOV", "USAGOV", "111") in speech


def test_criticism_it_for_an_act_just_told_is_of_its_author() -> None:
    called = _codes_of(
        "President Trump announced on Monday that he would withdraw troops from Syria. "
        'Senator Schiff called it "a non-starter".',
        "2019-10-08",
    )
    assert ("USALEG", "USAGOV", "111") in called
    # "it" of a clause that says what it is: the clause's party
    clause = _codes_of(
        "Iran seized a British tanker in the Gulf on Friday. "
        "The British foreign secretary said it is a disgrace that Tehran ignored the law.",
        "2019-07-20",
    )
    assert ("GBRGOV", "IRNGOV", "111") in clause


def test_actor_country_a_country_named_as_where_the_act_happened() -> None:
    """A role with no state of its own takes the country a locative names in its sentence ("marched in
    Kenya"), not the state the story names most."""
    codes = _codes_of(
        "Uganda condemned the crackdown on Monday. Uganda said it was shocked. "
        "Police arrested dozens of protesters who had marched in Kenya.",
        "2021-05-01",
    )
    assert ("KENCOP", "KENOPP", "173") in codes
    assert not [c for c in codes if c[0] == "UGACOP"]


def test_actor_country_an_honorific_before_a_named_title_holder() -> None:
    """ "The head of Acme Media, Dr Jane Roe," names Roe by the body before her; the honorific between
    them is the name's own word, so she and her later "Roe" take the body's code, not the story's state."""
    codes = _codes_of(
        "Rebels attacked a hotel in Yemen. Yemen said the attack killed five people. "
        "The general manager of Abu Dhabi Media, Dr Omar Karimi, blamed the rebels. "
        "Karimi said the rebels must be punished.",
        "2019-01-30",
    )
    # one record for the manager and her name (one phrase, one party); "Karimi" alone takes the body's code
    assert [s for s, _, c in codes if c[:2] in ("10", "11")] == ["AREMED", "AREMED"]


def test_protest_a_bare_count_marching_is_a_crowd_and_rallying_against_is_a_demonstration() -> None:
    """A count alone as the subject of a protest verb is a crowd of civilians ("thousands marched"); a crowd
    that rallied against a party demonstrates (141), unlike a politician who rallied opposition (113)."""
    crowd = _codes_of("Thousands rallied in Belgrade against the Serbian government.")
    assert ("SRBCVL", "SRBGOV", "141") in crowd
    assert all(code != "113" for *_, code in crowd)
    assert ("SRBCVL", None, "141") in _codes_of(
        "Dozens demonstrated outside the Serbian parliament on Sunday."
    )
    assert "113" in {
        code for *_, code in _codes_of("The Serbian senator rallied opposition against the bill.")
    }


def test_protest_a_crowd_gathered_to_protest_protested() -> None:
    """A protest told as the purpose of a crowd's gathering happened ("hundreds gathered to protest"); an
    attack told as the purpose of troops gathering stays an aim."""
    crowd = _events_of(
        "Hundreds gathered outside the Serbian parliament to protest the new law.", "2020-01-10"
    )
    assert [(e.source.code, e.cameo, e.modality) for e in crowd] == [("SRBCVL", "140", "asserted")]
    troops = _events_of("Serbian troops gathered near the border to attack the town.", "2020-01-10")
    assert all(e.modality != "asserted" for e in troops)


def test_legal_a_restriction_on_the_media_restricts_the_press() -> None:
    """172 made specific by its target: restricting a newspaper is 1721; restricting a company stays 172."""
    press = _codes_of("The government restricted the Kenyan newspaper Daily Nation.", "2019-08-04")
    assert ("KENGOV", "KENMED", "1721") in press
    firm = _codes_of("The government restricted the Kenyan company Safaricom.", "2019-08-04")
    assert ("KENGOV", "KENBUS", "172") in firm


def test_background_an_act_put_at_an_earlier_time_by_its_adverb_is_not_coded() -> None:
    # "previously" on the verb, whatever the tense; "before" on a perfect: some time before the news
    assert _dyads_of("Turkey previously condemned Greece over the border.") == set()
    assert _dyads_of("Egyptian police have arrested protesters before.") == set()
    assert ("TUR", "GRC", "111", "asserted") in _dyads_of("Turkey condemned Greece over the border.")
    assert ("EGYCOP", "CVL", "173", "asserted") in _dyads_of("Egyptian police have arrested protesters.")
    # "previously" inside a phrase of the clause is not on the verb; violence keeps its event
    assert ("EGYCOP", "CVL", "173", "asserted") in _dyads_of(
        "Egyptian police arrested protesters in a previously quiet town."
    )
    assert ("RUS", "UKR", "190", "asserted") in _dyads_of("Russia has previously attacked Ukraine.")


def test_background_a_working_relationship_in_the_simple_past_is_a_life_story() -> None:
    assert _dyads_of("Turkey worked with Russia on the border.") == set()
    # an aim, a progressive or a perfect tells the cooperation as news
    assert ("TUR", "RUS", "060", "asserted") in _dyads_of("Turkey worked with Russia to broker a ceasefire.")
    assert ("TUR", "RUS", "060", "asserted") in _dyads_of("Turkey is working with Russia on the border.")
    assert ("TUR", "RUS", "060", "asserted") in _dyads_of("Turkey has worked with Russia on the border.")


def test_wrong_sense_insisting_on_a_fact_is_no_demand() -> None:
    # a that-clause in the indicative asserts; a subjunctive, "must" or "on" demands
    assert _dyads_of("Turkey insisted Greece had no right to the islands.") == set()
    assert not any(c.startswith("10") for _, _, c, _ in _dyads_of("Iran insisted that Russia was a friend."))
    assert ("IRN", "GBR", "100", "asserted") in _dyads_of("Iran insisted that Britain release the sailors.")
    assert ("IRN", "GBR", "100", "asserted") in _dyads_of(
        "Iran insisted that Britain must release the sailors."
    )
    assert ("IRN", "GBR", "100", "asserted") in _dyads_of(
        "Iran insisted on the release of the sailors by Britain."
    )


def test_not_events_a_judgement_of_what_would_be_on_a_condition_is_no_criticism() -> None:
    assert _dyads_of('Senator Smith said, "It would be a disgrace if Russia were silent."') == set()
    assert ("USALEG", "RUS", "111", "asserted") in _dyads_of(
        'Senator Smith said, "It is a disgrace that Russia was silent."'
    )


def test_not_events_standing_guidance_in_the_present_is_a_provision() -> None:
    assert _dyads_of("The Russian government website urges protesters to stay at home.") == set()
    assert _dyads_of("The guidelines of Poland call on Germany to pay.") == set()
    # a party's own act, or a past act of a site's owner, is still one
    assert any(
        c.startswith("02")
        for _, _, c, _ in _dyads_of("The Russian government urges protesters to stay at home.")
    )


def test_naming_labels_hyphened_violent_acts_and_verdicts_according_to_a_party() -> None:
    # a blame word the tokenizer splits at its hyphen is one word
    text = (
        "Kenyan opposition leader Raila Odinga said the government's report on the election was a cover-up."
    )
    assert ("KENOPP", "KENGOV", "112") in _codes_of(text, "2021-05-01")
    text = (
        "Kenyan President Uhuru Kenyatta proposed a new tax. Kenyan opposition leader Raila Odinga called it"
    )
    text += ' "a non-starter".'
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text, "2021-05-01")
    # a violent act named by its noun blames its author, and no party the story named nearby
    text = "Kenyan opposition leader Raila Odinga visited Mombasa. Kenyan Interior Minister Fred Matiang'i"
    text += ' called the shooting "an act of barbarity".'
    codes = _codes_of(text, "2021-05-01")
    assert ("KENGOV", None, "111") in codes
    assert not [c for c in codes if c[2] == "111" and c[1] is not None]
    # what a thing is, according to someone, is their verdict; a fact on their authority is none
    text = "Kenyan President Uhuru Kenyatta announced a curfew. According to Kenyan opposition activists, the"
    text += " curfew is a ploy to silence them."
    assert ("KENOPP", "KENGOV", "111") in _codes_of(text, "2021-05-01")
    text = "According to Kenyan police, the gang ran a network of child abuse in Nairobi."
    assert not [c for c in _codes_of(text, "2021-05-01") if c[2][:2] == "11"]


# ── coercion, restriction and legal action (class "coerce") ───────────────────────────────────────


def test_coerce_an_enacted_instrument_acts_for_its_enactor() -> None:
    # what a resolution, decree or law does is done by the party the sentence tells enacted it
    assert ("KENLEG", "UGAMIL", "166") in _codes_of(
        "The Kenyan parliament voted on a resolution to expel Ugandan troops."
    )
    assert ("RUSLEG", "UKRMED", "1721") in _codes_of(
        "A law banning Ukrainian journalists was passed by the Russian parliament."
    )
    # ... but a law that is only criticized is no act of its critic
    criticized = _codes_of("The Polish opposition criticized a law banning Ukrainian journalists.")
    assert [code for *_, code in criticized] == ["111"]


def test_coerce_seizures_warrants_permits_and_defiance() -> None:
    assert ("KENCOP", "KENCRM", "1711") in _codes_of("Kenyan police seized the smuggler's weapons.")
    assert ("TUR", "GRCMED", "173") in _codes_of("Turkey issued arrest warrants for two Greek journalists.")
    assert ("DEU", "IRNBUS", "172") in _codes_of("Germany suspended the Iranian airline's permit.")
    assert ("BRAGOV", "BRAJUD", "128") in _codes_of(
        "The Brazilian government disregarded the Supreme Court's ruling."
    )
    # a court ruling against what a party tried rejects it (120); against the party itself, finds it liable
    assert ("JUD", "GOV", "120") in _codes_of(
        "The Supreme Court ruled against the government's attempt to delay the vote."
    )
    assert [code for *_, code in _codes_of("Melbourne can seize the opportunity to grow.")] == []


def test_coerce_a_bare_participle_clause_is_done_to_the_clause_subject() -> None:
    # "..., charged with murder": done to the subject of the clause it qualifies, by the courts of its place
    assert ("DEUJUD", "SYRCVL", "173") in _codes_of(
        "A Syrian man appeared in a court in Germany on Monday, charged with murder."
    )


def test_agentless_toll_after_an_attack_is_that_attack_with_no_author() -> None:
    """ "Two women and a man were injured": a toll naming no weapon retells the attack told just before."""
    text = "Gunmen attacked a village in Mali on Monday. Twelve villagers were killed, officials said."
    assert (None, "MLICVL") in {c[:2] for c in _codes_of(text, "2019-06-01") if c[2][:2] in ("18", "19")}
    # the weapon told before is the weapon of the toll
    text = "A car bomb exploded outside a market in Kabul on Monday. Twelve civilians were killed."
    assert (None, "AFGCVL", "1832") in _codes_of(text, "2019-06-01")
    # nothing told before, an accident told since, history, a description or a state's own force: no toll
    for text in (
        "Twelve villagers from Mali were killed on Monday.",
        "Gunmen attacked a village in Mali. Later a bus crashed near Bamako. Twelve villagers were killed.",
        "Gunmen attacked a village in Mali on Monday. Twelve villagers were killed in a crash.",
        "A gunman shot a senator in Los Angeles on Monday. The senator's brother was killed in 1963.",
        "Gunmen attacked a village in Mali on Monday. Villagers who were injured fled to the capital.",
        "The army of Mali attacked a village on Monday. Twelve villagers were killed.",
    ):
        coded = _codes_of(text, "2019-06-01")
        assert not [c for c in coded if c[0] is None and c[2][:2] in ("18", "19")], text


def test_agentless_harm_denied_by_its_subject_is_negated() -> None:
    """ "No soldiers were injured" reports no harm: the passive subject's "no" negates it."""
    text = "Gunmen attacked an army base in Mali on Monday. No soldiers were injured by the bombs."
    events = [e for e in _events_of(text, "2019-06-01") if e.sentence == 1]
    assert events
    assert {e.modality for e in events} == {"negated"}


def test_agentless_munition_striking_reports_an_attack_with_no_party() -> None:
    """ "Rockets struck near the base": a munition as the subject of violence is an attack, nobody named."""
    assert (None, None, "190") in _codes_of("Four missiles hit the airport on Tuesday.", "2019-06-01")
    assert _codes_of("Aim the missile and hit the hangar.", "2019-06-01") == []  # an order reports nothing


def test_conflict_a_munition_that_lands_reports_an_attack() -> None:
    """ "Two rockets landed near the embassy": a munition that lands, falls or slams into something is an
    attack by its weapon's code; a plane or a person landing is none."""
    assert [c for *_, c in _codes_of("Three rockets landed near the airport in Erbil on Monday.")] == ["190"]
    assert [c for *_, c in _codes_of("Two mortar shells fell on a market in the town of Idlib.")] == ["194"]
    assert _codes_of("The president's plane landed in Tunis on Monday.") == []


def test_conflict_a_capitalised_munition_is_still_a_munition() -> None:
    """ "Rockets struck the embassy": the sentence-initial plural the tagger takes for a name is a weapon."""
    struck = _codes_of("Rockets struck the Turkish embassy in Tripoli on Friday.")
    assert [(t, c[:2]) for _, t, c in struck] == [("TURGOV", "19")]


def test_conflict_a_state_bombing_is_an_air_attack() -> None:
    """ "Weeks of Russian bombing": a bombing a state or its forces make is an air attack (195), a
    militant's bomb is not."""
    flushed = _codes_of(
        "Villagers said the fighters were driven from the valley by weeks of Russian bombing."
    )
    assert "195" in [c for *_, c in flushed]
    assert "183" not in [c for *_, c in flushed]
    assert [
        c for *_, c in _codes_of("Taliban militants carried out a bombing at a police station in Quetta.")
    ] == ["183"]


def test_conflict_an_armed_post_attacked_is_its_force() -> None:
    """ "Rebels attacked an army base near the town": a post only armed forces or police hold is that force
    where it is hit, not the place's civilians; a car rammed into it is an attack on it."""
    assert ("COGREB", "COGMIL", "190") in _codes_of("Rebels attacked an army base near Bunia in Congo.")
    assert ("AFGREB", "AFGCOP", "1831") in _codes_of(
        "A suicide bomber rammed a truck into a police checkpoint in Kandahar, Afghanistan."
    )
    assert _codes_of("The senator rammed the bill through the committee.") == []


def test_conflict_an_attack_with_no_author_takes_the_author_it_is_retold_with() -> None:
    """ "A car bomb hit the base. Dozens died in the attack, carried out by the Taliban": the author named
    in the next sentence made the attack told first; not when the next sentence tells another kind of act."""
    told = _codes_of(
        "A car bomb was rammed into an army base in Ghazni, Afghanistan, on Monday. "
        "Dozens died in the attack, reportedly carried out by the Taliban."
    )
    assert ("AFGREBTAL", "AFGMIL", "1832") in told
    other = _codes_of(
        "A car bomb was rammed into an army base in Ghazni, Afghanistan, on Monday. "
        "The Taliban met US envoys in Doha on Tuesday."
    )
    assert (None, "AFGMIL", "1832") in other


def test_conflict_allies_aiming_force_at_something_do_not_fight_each_other() -> None:
    """ "US jets and Afghan forces launched attacks on the caves": force a compound subject aims at something
    is not a fight between its members; "the two armies clashed on Friday" still is."""
    allies = _codes_of("Kenyan troops and Somali forces launched heavy attacks on the hideouts near Kismayo.")
    assert ("KENMIL", "SOMMIL", "190") not in allies
    assert ("SOMMIL", "KENMIL", "190") not in allies
    clashed = _codes_of("Armenian and Azerbaijani troops clashed on Friday.")
    assert ("ARMMIL", "AZEMIL", "190") in clashed


def test_personnouns_a_conjunct_with_its_own_subject_keeps_its_own_modality() -> None:
    text = (
        "Criticism of the king is not illegal in Cambodia, but last year an author was sentenced to prison."
    )
    found = {
        (e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in _events_of(text)
    }
    assert ("KHMJUD", "KHMCVL", "173", "asserted") in found


def test_modality_a_polite_performative_does_what_it_says() -> None:
    """ "We would like to thank X" thanks X now; a conditional "if elected, I would urge" stays unsaid."""
    said = _events_of('"We would like to thank the government of Norway," the Afghan foreign minister said.')
    assert [(e.cameo, e.modality) for e in said if e.cameo == "051"] == [("051", "asserted")]
    urged = _events_of('"We would urge the Chinese government to release the detainees," the US envoy said.')
    assert [e.modality for e in urged if e.cameo.startswith("02")] == ["asserted"]
    weighed = _events_of('"If elected, I would urge China to release the detainees," the US senator said.')
    assert all(e.modality != "asserted" for e in weighed if e.cameo.startswith("02"))


def test_other_root_a_gerund_after_the_object_is_the_objects_act() -> None:
    """ "Turkey blamed Syria for attacking its soldiers": the object attacks, not the one who blames."""
    coded = _codes_of("France criticized Israel on Monday for bombing Gaza.", "2019-06-01")
    assert ("FRA", "ISR", "111") in coded
    assert any(src == "ISR" and code[:2] == "19" for src, _, code in coded)
    assert not any(src == "FRA" and code[:2] == "19" for src, _, code in coded)


def test_other_root_a_legal_action_taken_for_violence_tells_the_violence() -> None:
    """ "sentenced X for murdering Y": the sentence and the crime it is for, done by the one sentenced."""
    sentenced = _codes_of(
        "A judge in Texas sentenced a local man to life in prison for murdering two police officers.",
        "2019-06-01",
    )
    assert ("USAJUD", "USACRM", "173") in sentenced
    assert ("USACRM", "USACOP", "1823") in sentenced
    jailed = _codes_of(
        "Four men in Leeds were jailed on Monday for the rape of a teenage girl.", "2019-06-01"
    )
    assert any(src == "GBRCRM" and code == "1821" for src, _, code in jailed)
    protest = _codes_of(
        "Police in Moscow arrested two hundred protesters for protesting the new law.", "2019-06-01"
    )
    assert ("RUSOPP", None, "140") in protest
    # a charge that is no violence, protest or refusal is the charge's wording, not an act told
    perjury = _codes_of("A court in Texas convicted the mayor of obstructing justice.", "2019-06-01")
    assert [code for *_, code in perjury] == ["116"]


def test_other_root_sexual_assault_by_police_is_no_repression() -> None:
    coded = _codes_of(
        "Two police officers in Paris raped a tourist from Canada, a court found.", "2019-06-01"
    )
    assert "1821" in {code for *_, code in coded}


def test_cooperate_a_go_between_mediates_with_each_side() -> None:
    """A mediation or hosting "between X and Y" by a third party is its act towards each side; talks it holds
    or negotiates between two others are its mediation (045), not their talks with each other."""
    broker = _codes_of("Norway brokered a ceasefire between Ethiopia and Eritrea on Monday.")
    assert {(s, t) for s, t, c in broker if c == "045"} == {("NOR", "ETH"), ("NOR", "ERI")}
    passive = _codes_of("The truce between Armenia and Azerbaijan was brokered by Russia.")
    assert {(s, t) for s, t, c in passive if c == "045"} == {("RUS", "ARM"), ("RUS", "AZE")}
    held = _codes_of(
        "The Swiss foreign minister negotiated a prisoner swap between Iran and the United States."
    )
    assert {(s, t, c) for s, t, c in held if s == "CHEGOV"} == {
        ("CHEGOV", "IRN", "045"),
        ("CHEGOV", "USA", "045"),
    }
    hosted = _codes_of("Egypt hosted talks between Israel and Jordan in Cairo.")
    assert {(s, t) for s, t, c in hosted if c == "043"} == {("EGY", "ISR"), ("EGY", "JOR")}
    # a deal's own parties keep their mutual act, and a party that mediates within one country is a go-between
    deal = _codes_of("Norway brokered a deal establishing diplomatic ties between Qatar and Bahrain.")
    assert {(s, t) for s, t, c in deal if c == "045"} == {("NOR", "QAT"), ("NOR", "BHR")}
    # told by a participle or by the go-between's own noun
    talks = _codes_of("Talks between Serbia and Kosovo mediated by the European Union resumed on Monday.")
    assert {(s, t) for s, t, c in talks if c == "045"} == {("IGOEUREEC", "SRB"), ("IGOEUREEC", "XKX")}
    assert {(s, t) for s, t, c in talks if c == "040"} == {("SRB", "XKX"), ("XKX", "SRB")}
    noun = _codes_of("Qatar's mediation between the Taliban and the United States ended in a deal.")
    assert {(s, t) for s, t, c in noun if c == "045"} == {("QAT", "AFGREBTAL"), ("QAT", "USA")}


def test_parties_a_country_named_bare_acts_on_its_own_people() -> None:
    # a state (or a person known only by country) acting on its own citizens, voters or opposition acts on
    # another party; its own organs stay itself, and nobody visits their own country
    warrants = _codes_of("Venezuela issued arrest warrants for 12 people linked to the plot.")
    assert ("VEN", "VENCVL", "173") in warrants
    assert ("SYR", "SYRMIL", "070") not in {
        (s, t, c[:3]) for s, t, c in _codes_of("Syria offered its troops.")
    }


def test_eventnouns_an_act_noun_a_party_s_adjective_names_is_its_act() -> None:
    """ "The Russian military operation", "Somali militant attacks": an act noun whose author only an
    adjective or name before it gives is that party's act in a sentence with a verb, its counterpart found
    as any act's is; a map's legend, or a word of a name ("the Florida Highway Patrol"), is none."""
    codes = _codes_of("Kenya has been the focus of Somali militant attacks since 2011.", "2019-06-01")
    assert [(c[1], c[2][:2]) for c in codes] == [("KEN", "18")]  # the copula's subject undergoes them
    codes = _codes_of("The goal of the Russian military operation is to destroy the rebels, officials said.")
    assert [c[0] for c in codes if c[2][:2] in ("13", "19")] == ["RUSMIL"]  # "military": its armed forces
    assert _codes_of("Syrian opposition & Turkish occupation") == []
    assert not [
        c for c in _codes_of("The Florida Highway Patrol said the driver was hurt.") if c[2][:2] == "15"
    ]


def test_appeals_what_a_party_says_another_should_do_is_an_appeal() -> None:
    said = _codes_of("Germany said Poland should respect the ruling of the court.")
    assert ("DEU", "POL", "020") in said
    argued = _codes_of("Sweden argued that Norway needs to reopen the border.")
    assert ("SWE", "NOR", "020") in argued
    # a verb of opinion appeals too; a second reported clause is read as well
    tweeted = _codes_of("Austria tweeted that talks had failed and that Hungary has to change course.")
    assert ("AUT", "HUN", "020") in tweeted
    # no appeal on the speaker's own side, on nobody in particular, nor a lifted obligation or a rule
    assert not any(c == "020" for *_, c in _codes_of("Germany said we should respect the ruling."))
    assert not any(c == "020" for *_, c in _codes_of("Germany said any state should respect the ruling."))
    assert not any(c == "020" for *_, c in _codes_of("Germany said Poland does not have to pay."))
    assert not any(c == "020" for *_, c in _codes_of("Germany said if a court rules, Poland has to pay."))
    # a pronoun in a quotation points into the speaker's talk: no safe addressee
    quoted = _codes_of(
        "The Polish government defied the European court on Monday. "
        'The German foreign minister said, "They need to respect the ruling."'
    )
    assert not any(c == "020" for *_, c in quoted)


def test_appeals_wanting_another_party_to_act_is_an_appeal_not_its_act() -> None:
    wanted = _codes_of("Iran said it wants the United States to lift its sanctions.")
    assert ("IRN", "USA", "020") in wanted
    assert not any(c.startswith("08") for *_, c in wanted)  # not a lifting of sanctions by the United States
    # a standing aim the reporter tells is no appeal, and still no act of the one wished to act
    assert _codes_of("Belarus wants Russia to withdraw its troops.") == []


def test_appeals_a_subjunctive_clause_after_a_verb_of_asking_is_asked_not_done() -> None:
    suggested = _codes_of("Poland suggested that Belarus withdraw its troops from the border.")
    assert suggested == [("POL", "BLR", "020")]  # no withdrawal by Belarus
    asked = _codes_of("Chile asked that Peru return the ships.")
    assert asked == [("CHL", "PER", "020")]
    # an indicative clause tells a fact: "suggests that Y is preparing" asks nothing
    assert not any(c == "020" for *_, c in _codes_of("Poland suggested that Belarus is preparing talks."))


# ── misparse: a finite past verb parsed as a reduced relative or an adjective ───────────────────────


def test_misparse_reduced_relative_read_as_the_predicate() -> None:
    # the small model hangs "protested" on "group" as a reduced relative: no predicate, no event
    codes = _codes_of(
        "A Kurdish student group protested outside the Turkish embassy on the last day of the summit."
    )
    assert ("TUREDU", None, "140") in codes


def test_misparse_adjective_past_verb_read_as_the_predicate() -> None:
    from spacy.tokens import Doc

    from worldwire.nlp import load_pipeline
    from worldwire.nlp.repair import repair_misparses

    words = ["Beginning", "in", "2001", ",", "Dubois", "killed", "young", "men", ";", "police", "failed", "."]
    heads = [7, 0, 1, 7, 5, 7, 7, 10, 10, 10, 10, 10]
    deps = [
        "advcl",
        "prep",
        "pobj",
        "punct",
        "nsubj",
        "amod",
        "amod",
        "dep",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    tags = ["VBG", "IN", "CD", ",", "NNP", "VBD", "JJ", "NNS", ":", "NNS", "VBD", "."]
    pos = ["VERB", "ADP", "NUM", "PUNCT", "PROPN", "VERB", "ADJ", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert repair_misparses(doc) == 1
    killed = doc[5]
    assert killed.dep_ == "parataxis"
    assert killed.head.i == 10
    assert [(c.text, c.dep_) for c in killed.children if c.dep_ in ("nsubj", "dobj")] == [
        ("Dubois", "nsubj"),
        ("men", "dobj"),
    ]
    assert repair_misparses(doc) == 0  # mended once
    # a participle set off by a comma stays a modifier: "the men, detained on Monday."
    words = ["the", "men", ",", "detained", "on", "Monday", "."]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=[1, 1, 1, 1, 3, 4, 1],
        deps=["det", "ROOT", "punct", "acl", "prep", "pobj", "punct"],
        tags=["DT", "NNS", ",", "VBN", "IN", "NNP", "."],
        pos=["DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    assert repair_misparses(doc) == 0


def test_violate_a_reported_wrong_is_not_done_to_its_reporter() -> None:
    # the one who reports a violation is not its counterpart: no target, unless the clause names one
    for said in (
        "The French foreign minister said Iran violated the treaty.",
        "Egyptian police said Turkey breached the sanctions.",
        "According to the French foreign minister, Iran violated the treaty.",
    ):
        codes = _codes_of(said)
        assert any(code == "128" for *_, code in codes), codes
        assert all(target is None for _, target, code in codes if code == "128"), codes
    assert ("RUS", "UKR", "128") in _codes_of(
        "The German minister said Russia violated the treaty with Ukraine."
    )
    assert ("RUS", "UKR", "128") in _codes_of(
        "The German minister said Russia violated Ukraine's sovereignty."
    )
    # denied or foretold with nobody named, it is no violation
    assert not any(
        code == "128" and e.modality not in ("negated", "hypothetical")
        for e in _events_of("The French foreign minister said Iran would violate the treaty.")
        for code in (e.cameo,)
    )


def test_implicit_counted_states_stand_for_the_states_named_before() -> None:
    """ "Chile and Peru ... Both countries ...", "the two nations": a counted word for states is a group of
    as many states named just before (a coordination, else the sentence before); one record per state. A
    bare or uncounted plural ("two countries", "many nations") and a count that does not fit name nobody."""
    before = "Chile and Peru signed a fishing accord on Monday."
    codes = _codes_of(before + " Both countries criticised Bolivia over the border dispute.")
    assert {("CHL", "BOL", "111"), ("PER", "BOL", "111")} <= set(codes)
    three = _codes_of("Norway, Sweden and Finland met in Oslo. All three nations condemned Russia on Friday.")
    assert {("NOR", "RUS", "111"), ("SWE", "RUS", "111"), ("FIN", "RUS", "111")} <= set(three)
    assert not any(
        code == "111" for *_, code in _codes_of(before + " Two countries criticised Bolivia on Friday.")
    )
    assert not any(
        code == "111" for *_, code in _codes_of(before + " All three nations criticised Bolivia on Friday.")
    )


def test_quantifiers_a_bare_quantifier_subject_is_the_plural_party_before() -> None:
    """ "Two officers were tried. Both received prison terms": a quantifier standing alone as a subject
    ("both", "others", "the two", "all three") is the nearest plural party of its sentence or the one before;
    a bare number ("three were killed") is a count, not a party."""
    codes = _codes_of(
        "Police arrested 20 protesters in Hong Kong on Monday. The two were later released by police."
    )
    assert ("HKGCOP", "HKGOPP", "0841") in codes
    clash = "Israeli soldiers and Palestinian militants clashed in Gaza."
    assert ("PSEREB", "IGOUNO", "112") in _codes_of(clash + " Both accused the United Nations.")
    assert not any(code == "112" for *_, code in _codes_of(clash + " Three accused the United Nations."))


def test_parties_the_attack_told_before_reaches_through_its_clauses() -> None:
    """An attack told by its noun is known to the next sentence ("the gunman carried out two attacks"), and
    "the attack" is the subject of a relative or participle clause on it: its author is the one told."""
    text = (
        "Police said a gunman carried out two attacks in Oslo. The first attack was at a school at about"
        " noon, which left nine pupils dead. The second attack was at a church, killing four people."
    )
    coded = {c[:2] for c in _codes_of(text, "2019-06-01") if c[2][:2] in ("18", "19")}
    assert coded >= {("NORCRM", "NORCVL")}
    assert not {c for c in coded if c[0] is None}
    # a violent noun told before is "the airstrike" that killed a second man
    text = (
        "On Monday, Russian forces killed a rebel commander in Idlib in an airstrike. He had met"
        " Abu Ahmed, a Syrian officer, who was also killed in the airstrike."
    )
    assert ("RUS", "SYRMIL") in {(c[0][:3] if c[0] else None, c[1]) for c in _codes_of(text, "2019-06-01")}


def test_intents_the_idioms_of_giving_way_are_yielding() -> None:
    """Giving way to another party's demand, will or authority is CAMEO 080 (PETRARCH's SUBMIT and YIELD
    synsets: accede, abide by, obey, give up, relinquish ...)."""
    acceded = _codes_of("The Bolivian government acceded to the miners' demands on Tuesday.")
    assert any(c == "080" for *_, c in acceded)
    turned = _codes_of("The suspect turned himself in to Brazilian police on Monday.")
    assert any(c == "080" for *_, c in turned)
    heeded = _codes_of("Chile heeded the call of the United Nations and opened its border.")
    assert any(c == "080" for *_, c in heeded)
    gave_up = _codes_of("After two years of talks, Peru finally gave up its claim to the islands.")
    assert any(c == "080" for *_, c in gave_up)
    # not giving way is no yielding done
    refused = _events_of("The Bolivian government did not accede to the miners' demands.", "2020-01-10")
    assert all(e.modality == "negated" for e in refused if e.cameo == "080")


def test_intents_clemency_eases_a_sanction_not_forgiveness() -> None:
    """A pardon, commutation or amnesty eases the sanction a state put on a person: 081 (PLOVER CONCEDE), not
    056 (forgive, SUPPORT)."""
    granted = _codes_of(
        "Argentine President Alberto Fernandez granted the activist Juan Perez a full pardon."
    )
    assert ("ARGGOV", "081") in {(s, c) for s, _, c in granted}
    commuted = _codes_of(
        "The Kenyan president commuted the prison sentence of opposition leader Raila Odinga."
    )
    assert any(c == "081" for *_, c in commuted)
    pardoned = _codes_of("The governor of Texas pardoned three protesters on Friday.")
    assert [c for *_, c in pardoned] == ["081"]


def test_intents_a_promise_is_of_its_complement_not_of_a_coordinated_verb() -> None:
    """The fallback promise ("agreed to X", 030) looks for a coded act in what was agreed, not in a verb
    coordinated with the promise: "agreed to add members but did not accede to the demands" agreed still."""
    both = _codes_of(
        "The Chilean president agreed to add two members to the police oversight council but did not"
        " accede to the protesters' demands."
    )
    assert any(c == "030" for *_, c in both)


def test_intents_a_text_released_is_published_and_assisting_in_work_is_no_aid() -> None:
    """ "release" sets a person free (0841) only when no text, record or picture is what was released;
    "assist" and "aid" give help (070) to a party, not to a piece of work one takes part in."""
    summary = _codes_of(
        "The Kremlin released a summary of the phone call between Putin and President Macron."
    )
    assert not any(c == "0841" for *_, c in summary)
    names = _codes_of("Nigerian police released the names of the kidnapped students on Monday.")
    assert not any(c == "0841" for *_, c in names)
    freed = _codes_of("Iran released the British sailors on Friday.")
    assert ("IRN", "GBRMIL", "0841") in freed
    study = _codes_of("The Chilean minister assisted in the study of the new pension rules.")
    assert not any(c.startswith("07") for *_, c in study)
    helped = _codes_of("The Kenyan army assisted Somali troops in the offensive.")
    assert ("KENMIL", "SOMMIL", "070") in helped


def test_other_root_sympathy_in_its_own_clause_beside_a_coded_act() -> None:
    # a speaker's words that also tell a coded act still express, in a clause of their own, sympathy
    text = (
        'The president of Kenya said the victims were "young students" in a "terrible tragedy", while the '
        "interior minister of Kenya wrote he had ordered an investigation into the fire."
    )
    codes = _codes_of(text)
    assert ("KENGOV", "KENCVL", "018") in codes
    # ... but words of blame beside the act describe it: no criticism of the party they name
    text = (
        'The foreign minister of Kenya said, "We urge all citizens to stay calm, because the prime minister '
    )
    text += 'of Uganda is a reckless man."'
    assert "111" not in {c[2] for c in _codes_of(text)}


def test_no_such_a_thing_as_the_object_of_a_party_verb_is_no_party() -> None:
    # "=obj" patterns (hosting, support) act on the party the object is, not on a thing about or from one
    assert _codes_of("The president of Kenya received the Ugandan party's nomination on Friday.") == []
    assert _codes_of("The government of Sudan received 40 questions on Egypt from reporters.") == []
    hosted = _codes_of("The president of Kenya received the prime minister of Uganda in Nairobi.")
    assert ("KENGOV", "UGAGOV", "043") in hosted
    delegation = _codes_of("The president of Kenya received a delegation of Ugandan officials.")
    assert ("KENGOV", "UGAGOV", "043") in delegation  # people of a party
    members = _codes_of("The foreign minister of Kenya met members of the Ugandan opposition.")
    assert ("KENGOV", "UGAOPP", "040") in members


def test_no_such_what_is_discussed_or_demonstrated_that_is_no_counterpart_or_protest() -> None:
    # the object of "discuss" is the topic: no consultation with a party it names
    text = "With Wikinews, the president of Kenya discussed his campaign and the government of Uganda."
    assert _codes_of(text) == []
    talks = _codes_of("The president of Kenya discussed trade with the prime minister of Uganda.")
    assert ("KENGOV", "UGAGOV", "040") in talks
    # "demonstrate that ..." shows; it is no protest
    assert _codes_of("Kenyan students demonstrated that the government of Uganda was wrong.") == []
    protest = _codes_of("Protesters in Uganda demonstrated against the government of Uganda.")
    assert ("UGAOPP", "UGAGOV", "141") in protest


def test_other_root_sadness_and_tragedy_said_of_a_death_are_sympathy() -> None:
    text = 'The president of Kenya said the victims were "young students" in a "terrible tragedy".'
    assert ("KENGOV", "KENCVL", "018") in _codes_of(text)
    text = (
        'The president of Kenya wrote, "I announce with great sadness the death of the former vice president '
        'of Kenya."'
    )
    codes = _codes_of(text)
    assert ("KENGOV", "KENELI", "018") in codes
    assert "051" not in {c[2] for c in codes}  # sadness at a death is no praise


def test_no_such_a_reported_it_is_no_plural_speaker() -> None:
    # "officials confirmed it has killed three": "it" (the virus) is not the officials who report it
    text = (
        "The virus spread in Kenya. Kenyan officials confirmed it has infected 200 people and killed three."
    )
    assert not any(c[0] == "KENGOV" for c in _codes_of(text))


def test_fighting_force_against_an_ill_or_a_task_is_no_violence() -> None:
    """ "fought the pandemic", "battled the blaze", "executed a planned shutdown": a verb of assault or
    fighting whose object is an ill, a cause or a task and no actor is figurative (no 18-20 event)."""
    for said in (
        "The Kenyan government is fighting the cholera outbreak with new clinics.",
        "Argentina fought inflation with higher interest rates last year.",
        "The government of Fiji executed a planned shutdown of public offices on Monday.",
        "The senator has spent her career battling the establishment in Washington.",
        "The charity fights against violence towards domestic workers in Manila.",
    ):
        assert not any(code[:2] in ("18", "19", "20") for *_, code in _codes_of(said)), said
    # fighting a war, an army or rebels is still fighting; executing prisoners is still killing
    assert ("ARM", "AZE", "190") in _codes_of("Armenia and Azerbaijan fought a war over the region.")
    assert any(code == "1823" for *_, code in _codes_of("Iran executed two men convicted of spying."))


def test_fighting_a_seizure_is_of_territory_by_arms_or_a_state() -> None:
    """ "Collins took over as the nominee", "Johnson took control of the party": taking over by a party or
    citizen, or of a party, is succession or ownership, not occupation (192)."""
    for said in (
        "The Labour leader took control of the Labour Party in 2015.",
        "After the vote, the Green Party took over the city council of Bristol.",
    ):
        assert not any(code == "192" for *_, code in _codes_of(said)), said
    assert any(
        code == "192" for *_, code in _codes_of("Taliban fighters took control of Kunduz city on Sunday.")
    )


def test_fighting_police_force_on_one_person_is_the_force_not_repression() -> None:
    """ "The officers shot him dead": the police's force on one person, no protest named, keeps its own code
    (193) — neither repression (175) nor unconventional violence (180); amid protesters it is repression."""
    codes = _codes_of(
        "A man stabbed two shoppers in Leeds. Police officers later shot him dead outside a shop."
    )
    assert any(src == "GBRCOP" and code == "193" for src, _, code in codes), codes
    crowd = _codes_of(
        "Surrounded by protesters in Hong Kong, a police officer drew his pistol and shot at one person."
    )
    assert any(code == "175" for *_, code in crowd), crowd


def test_fighting_the_modifier_of_the_attack_is_its_author() -> None:
    """ "Six people were killed in Israeli airstrikes": a party named as the modifier of the attack the harm
    was done in or by is the attack's author, as it is when the attack is the subject."""
    assert any(
        src == "ISR" and code == "195"
        for src, _, code in _codes_of("Seven people were killed in Israeli airstrikes on Gaza on Monday.")
    )
    assert any(
        src == "RUS" and code == "195"
        for src, _, code in _codes_of("Two civilians died in a Russian air strike on Idlib.")
    )


def test_fighting_clashes_between_two_forces_of_one_country_are_mutual() -> None:
    """ "Clashes between Kurdish fighters and Turkish troops", "fighting between Armenian and Azerbaijani
    forces": the two sides of a fight are two parties even when of one country (two codes), each the
    other's target; not one party named twice."""
    codes = _codes_of("Clashes between Kurdish fighters and Turkish troops continued for a third day.")
    assert ("TURMIL", "TURREB", "190") in codes, codes
    assert ("TURREB", "TURMIL", "190") in codes, codes
    fight = _codes_of("Heavy fighting between Armenian and Azerbaijani forces broke out on Sunday.")
    assert any(src[:3] == "AZE" and (tgt or "")[:3] == "ARM" for src, tgt, _ in fight if src), fight


def test_other_root_one_phrase_names_one_party() -> None:
    """Two mentions of one code in one argument phrase, joined by no coordinator, are one party: one record
    (the gold gives one per party), not a second that no gold event can match."""
    manager = _codes_of(
        "The general manager of Abu Dhabi Media, Dr Ali bin Tamim, blamed the Houthi rebels for the bombing.",
        "2019-01-30",
    )
    assert manager == [("AREMED", "YEMREBHTH", "1123")]
    union = _codes_of(
        "Protesters marched in Paris on Saturday, protesting the decision of the European Union (EU).",
        "2019-03-28",
    )
    assert union.count(("FRAOPP", "IGOEUREEC", "140")) == 1
    # parties a coordinator joins stay two, one record each
    both = _codes_of(
        "Russian Foreign Minister Sergei Lavrov and Russian Defence Minister Sergei Shoigu condemned Kyiv.",
        "2019-10-10",
    )
    assert both.count(("RUSGOV", "UKRGOV", "111")) == 2


def test_requests_a_plan_the_speaker_announces_is_an_intent() -> None:
    """A reported clause in which the speaker, as a pronoun, says what they will do is a declared plan (030,
    intended) when it codes nothing itself, towards the party it names or towards nobody (the guide codes
    "China will host a summit"); not a schedule with no object, a negated act, a condition, a question, nor
    another party's future."""
    """A reported clause in which the speaker, as a pronoun, says what they will do to a party the text
    names is a declared plan (030, intended) when it codes nothing itself; not a plan towards no party, a
    schedule with no object, a negated act, a condition, a question, nor another party's future."""
    planned = _events_of("Germany announced it would open an embassy in Namibia.")
    assert [(e.source.code, e.target and e.target.code, e.cameo, e.modality) for e in planned] == [
        ("DEU", "NAMGOV", "030", "intended")
    ]
    assert _codes_of("Portugal said it would build a new hospital in the capital next year.") == []
    joint = _codes_of("Chile and Peru said they were to form three working groups.")
    assert ("CHL", "PER", "030") in joint
    assert ("PER", "CHL", "030") in joint
    assert _codes_of("Portugal said it would meet on Monday.") == []
    assert _codes_of("Portugal said it would no longer fund the museum.") == []
    assert _codes_of("Portugal said it would fund the museum if the city paid half.") == []
    assert _codes_of("Portugal did not announce whom it would fund.") == []
    assert _codes_of("Portugal said the museum would fund the exhibition.") == []


def test_plans_joint_plan_of_two_parties_of_one_state_goes_both_ways() -> None:
    """ "X and Y said they would ...": the reported "they" is both speakers, whatever plural party was named
    before; a joint plan (and any mutual act) of two codes of one state that are not one party goes each way,
    but a state and its own leader are one party."""
    joint = _codes_of(
        "Opposition activists marched in Madrid on Sunday. The Spanish government and the Spanish"
        " opposition said they would form a joint commission."
    )
    assert ("ESPGOV", "ESPOPP", "030") in joint
    assert ("ESPOPP", "ESPGOV", "030") in joint
    talks = _codes_of("The House of Representatives and the White House held talks on Monday.")
    assert sorted(talks) == [("USAGOV", "USALEG", "040"), ("USALEG", "USAGOV", "040")]
    assert _codes_of("Vladimir Putin and Russia held talks on Monday.") == []


def test_requests_consultation_nouns_call_contact_communication() -> None:
    """A call, contact or communication "with" or "between" parties is a consultation (041 for a call, 040
    otherwise), each way."""
    call = _codes_of("Details emerged about the German chancellor's call with the French president.")
    assert {(s, t) for s, t, c in call if c == "041"} == {("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")}
    contact = _codes_of("Russia has been in contact with Turkey over the crisis.")
    assert ("RUS", "TUR", "040") in contact
    assert ("TUR", "RUS", "040") in contact
    talked = _codes_of("The Polish president was in communication with the German chancellor almost daily.")
    assert ("POLGOV", "DEUGOV", "040") in talked
    assert _codes_of("Protesters repeated their calls for the resignation of the president.") == []


def test_unauthored_time_clause_read_as_a_phrase_is_mended() -> None:
    """ "Riots broke out after the governor was shot": the small model reads "after" as a preposition, the
    clause's subject as its object and the clause's verb as hung on the main one with no subject; mended, the
    shooting is told, done to the governor, by nobody named."""
    from spacy.tokens import Doc

    from worldwire.nlp import load_pipeline
    from worldwire.nlp.repair import repair_misparses

    words = ["Riots", "broke", "out", "after", "the", "governor", "was", "shot", "."]
    heads = [1, 1, 1, 1, 5, 3, 7, 1, 1]
    deps = ["nsubj", "ROOT", "prt", "prep", "det", "pobj", "auxpass", "advcl", "punct"]
    tags = ["NNS", "VBD", "RP", "IN", "DT", "NN", "VBD", "VBN", "."]
    pos = ["NOUN", "VERB", "ADP", "ADP", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert repair_misparses(doc) == 1
    shot = doc[7]
    assert (shot.dep_, shot.head.text) == ("advcl", "broke")
    assert sorted((c.text, c.dep_) for c in shot.children if c.dep_ in ("mark", "nsubjpass")) == [
        ("after", "mark"),
        ("governor", "nsubjpass"),
    ]
    assert repair_misparses(doc) == 0  # mended once
    # a preposition whose object is followed by the main clause's own verb stays one: "after the vote, ..."
    words = ["Talks", "after", "the", "vote", "were", "tense", "."]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=[4, 0, 3, 1, 4, 4, 4],
        deps=["nsubj", "prep", "det", "pobj", "ROOT", "acomp", "punct"],
        tags=["NNS", "IN", "DT", "NN", "VBD", "JJ", "."],
        pos=["NOUN", "ADP", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
    )
    assert repair_misparses(doc) == 0
    # end to end: the stabbing in the clause is coded
    stabbed = _codes_of("Protests broke out after the mayor of Gdansk was stabbed last night.")
    assert [(s, c) for s, _, c in stabbed] == [(None, "182")]


def test_unauthored_time_clause_is_an_act_of_its_own() -> None:
    """ "Police arrested a man after the mayor was stabbed": a clause a time word marks is an act of its own,
    not a participle of the main one's force ("rebels attacked the post, killing three" is one act)."""
    codes = _codes_of("Police arrested a man after the mayor was stabbed.")
    assert (None, "GOV", "182") in codes
    assert [c for *_, c in _codes_of("Rebels attacked the post, killing three soldiers.")] == ["190"]


def test_comparisons_the_earlier_cases_compared_with_are_background() -> None:
    # a count of earlier occasions, the last earlier occasion, and a count of other cases
    assert _codes_of("Only twice before has the parliament of Kenya censured the president of Kenya.") == []
    assert _codes_of("The senate of Chile voted once before to censure the president of Chile.") == []
    assert _codes_of("The president of Peru last met the president of Bolivia in 2012.") == []
    assert _codes_of("The last time the government of Peru ordered the newspaper to close was in 1990.") == []
    assert _codes_of("The parliament of Kenya has only censured two other ministers.") == []
    assert _codes_of("Only two other ministers have been censured by the parliament of Kenya.") == []
    # the same acts told as the news keep their events
    assert ("KENLEG", "KENGOV", "111") in _codes_of(
        "The parliament of Kenya censured the president of Kenya."
    )
    assert ("PERGOV", "BOLGOV", "040") in _codes_of("The president of Peru met the president of Bolivia.")


def test_comparisons_a_rank_told_with_was_describes_but_a_rank_reached_is_news() -> None:
    ranked = "Peru's president was the first Peruvian leader to reject a treaty with Chile since 1990."
    assert _codes_of(ranked) == []
    assert (
        _codes_of("Peru's president was the last Peruvian leader to be censured by the senate of Peru.") == []
    )
    reached = _codes_of("Peru's president became the first Peruvian leader to visit Bolivia since 1990.")
    assert ("PERGOV", "BOL", "042") in reached
    told = _codes_of(
        "The president of Peru, the third leader to be censured by the senate of Peru, resigned."
    )
    assert ("PERLEG", "PERGOV", "111") in told  # an apposition tells the news
    # "the first time since": the news itself
    assert ("IRN", "USA", "040") in _codes_of(
        "It was the first time since 2015 that Iran held talks with the United States."
    )


def test_force_victory_in_arms_is_fought_by_armed_parties_only() -> None:
    # the DESTROY verbs of CAMEO: a victory won or lost by a party that bears arms is fighting (190)
    assert _codes_of("The army of Nigeria routed the militants near the border.") == [
        ("NGAMIL", "NGAREB", "190")
    ]
    assert _codes_of("Troops of Mali drove the rebels out of the town.") == [("MLIMIL", "MLIREB", "190")]
    # an election, a vote, a match: no force
    assert _codes_of("The president of Kenya defeated the opposition leader in the election.") == []
    assert _codes_of("The parliament of Ghana defeated the bill.") == []
    # no victor named: a state of things claimed, no battle told
    assert _codes_of("The rebels in Mali have been defeated.") == []
    # a journey: nobody vanquished
    assert _codes_of("Soldiers of Mali drove out of the base on Monday.") == []
    # an assault verb of the same words keeps its sense ("beat" 182 by anyone)
    assert [c[2] for c in _codes_of("A man from Kenya beat a teacher from Uganda.")] == ["182"]


def test_force_conjoined_clause_subject_is_no_object_of_the_first_clause() -> None:
    # "X defeated Y and Z would ...": Z is the second clause's subject, not a second party defeated
    text = "Soldiers of Mali defeated the rebels and Niger would send more troops to the region."
    assert ("MLIMIL", "NER", "190") not in _codes_of(text)
    assert ("MLIMIL", "MLIREB", "190") in _codes_of(text)


def test_force_threats_received_are_made_by_the_party_named() -> None:
    text = "A reporter in Kenya received death threats from militants."
    assert _codes_of(text) == [("KENREB", "KENMED", "138")]  # CAMEO: a death threat received is 138
    text = "The mayor of Lagos faced threats from the rebels."
    assert _codes_of(text) == [("NGAREB", "NGAGOV", "130")]
    # a threat is no disapproval: with nobody named, no public of the receiver's state made it
    assert ("NGACVL", "NGAGOV", "130") not in _codes_of("The mayor of Lagos received threats after the vote.")
    # what a party "faces" with nobody named is a danger, not a message
    assert _codes_of("The mayor of Lagos faced threats after the vote.") == []


def test_audit_cooperation_and_aid_with_no_counterpart_are_no_events() -> None:
    """Cooperation (06) is done with someone and aid (07) given to someone: with nobody named it is a
    description or a generic statement ("the people collaborate", "the firm provided support"), not coded;
    named, or promised (03x), it is."""
    assert _codes_of("The Australian people collaborate in their own community.") == []
    assert _codes_of("German cities cooperate with each other in every state.") == []
    assert not any(c[:2] == "07" for *_, c in _codes_of("The Indian government provided support for years."))
    assert ("USABUS", "USAGOV", "060") in _codes_of("Boeing is collaborating with NASA on a new spacecraft.")
    assert ("FRA", "DEU", "031") in _codes_of(
        "France will be working together with Germany on the transition."
    )
    assert ("INDGOV", "NPL", "070") in _codes_of("The Indian government provided assistance to Nepal.")


def _with_modality(text: str, day: str = "2020-03-02") -> list[tuple[str | None, str | None, str, str]]:
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo, e.modality)
        for e in _events_of(text, day)
    ]


def test_nouns_an_event_noun_of_the_clause_s_occasion_is_no_part_of_its_modality() -> None:
    # the vow's intention, the future and the negation of the clause are not the noun's: the attack is told
    vowed = _with_modality(
        "After the attack on Armenian villages by Azerbaijani troops, Armenia vowed revenge."
    )
    assert ("AZEMIL", "ARMCVL", "190", "asserted") in vowed
    assert not [e for e in vowed if e[0] == "AZEMIL" and e[2].startswith("13")]
    host = _with_modality("Despite Israel's shelling of Lebanon, Egypt will host a summit.")
    assert ("ISR", "LBN", "194", "asserted") in host
    absent = _with_modality("Following Ethiopia's attack on Eritrea, Egypt will not attend the talks.")
    assert ("ETH", "ERI", "190", "asserted") in absent
    # what comes before the news may be still to come: "before" keeps the clause's future
    before = _with_modality("Egypt will mediate before Ethiopia's talks with Sudan.")
    assert not [e for e in before if e[2] == "040" and e[3] == "asserted"]


def test_nouns_the_owner_of_an_act_noun_acts_on_its_object() -> None:
    seized = _codes_of("Iran's seizure of a Danish tanker raised tensions in the Gulf.")
    assert ("IRN", "DNK", "171") in seized
    by = _codes_of("The seizure of a Danish tanker by Iran raised tensions.")
    assert ("IRN", "DNK", "171") in by
    assert not _codes_of("The seizure of the moment was remarkable.")
    # the act a protest, a welcome or a criticism is about is told as done, so is the act judged as subject
    protested = _codes_of("Pakistan protested India's arrest of Pakistani diplomats.")
    assert ("IND", "PAKGOV", "173") in protested
    welcomed = _codes_of("The EU welcomed Iran's release of the Danish tanker.")
    assert ("IRN", "DNK") in {c[:2] for c in welcomed if c[2].startswith("08")}
    drew = _codes_of("Turkey's invasion of Syria drew condemnation from France.")
    assert ("TUR", "SYR", "190") in drew
    condemned = _codes_of("Russia's attack on Georgia was condemned by the EU.")
    assert ("RUS", "GEO", "190") in condemned


def test_nouns_a_judged_act_keeps_its_own_modality() -> None:
    # "did not condemn", "will condemn": the judgement's negation or future is not the invasion's
    silent = _with_modality("Russia did not condemn Turkey's invasion of Syria.")
    assert ("TUR", "SYR", "190", "asserted") in silent
    future = _with_modality("The EU will condemn Russia's annexation of Crimea.")
    assert ("RUS", "UKR", "192", "asserted") in future


# ── events with no target (issue: a private party acting alone is no political event) ────────────────


def test_notarget_a_private_party_acting_alone_is_no_event() -> None:
    # scientists at work, firms lobbying: no political party acts, and nobody is acted on
    assert _codes_of("Scientists at a Canadian university examined samples of river water.") == []
    assert _codes_of("Several German companies lobbied hard for the change.") == []


def test_notarget_protest_plea_and_organisations_keep_their_one_party_events() -> None:
    # a protest and a plea of guilty are political acts in themselves; the WHO is an organisation
    assert ("CHLEDU", None, "140") in _codes_of(
        "Thousands of Chilean students protested in Santiago on Monday."
    )
    assert ("KENCVL", None, "015") in _codes_of("A Kenyan man pleaded guilty to fraud on Monday.")
    assert ("IGOUNOHLHWHO", None, "025") in _codes_of("The World Health Organization called for calm.")


# ── audit11: disapproval (root 11) on unseen news ─────────────────────────────────────────────────────


def test_audit11_a_criticised_thing_gives_no_party_named_before() -> None:
    codes = _codes_of(
        "Germany's chancellor met the French president on Monday. "
        "The opposition leader later criticized the pension system."
    )
    assert [(s, t) for s, t, c in codes if c[:2] == "11"] == [("OPP", None)]
    blamed = _codes_of(
        "China's foreign minister met the US secretary of state on Monday. "
        "Japan's prime minister blamed capitalism for the crisis."
    )
    assert [(s, t) for s, t, c in blamed if c[:2] == "11"] == [("JPNGOV", None)]


def test_audit11_a_verdict_of_ill_judgement_is_criticism() -> None:
    codes = _codes_of(
        '"The government\'s response has been short-sighted and unwise," the opposition leader said.'
    )
    assert ("OPP", "GOV", "111") in codes


# ── confusions (the wrong action coded) ─────────────────────────────────────────────────────────


def test_confusions_supporting_a_policy_endorses_nobody() -> None:
    """A verb of support whose object is a course of action or a thing that names no party states a position:
    no 05 event; a party, a thing a party made or its candidacy as the object is endorsed."""
    for text in (
        "The Greek prime minister supported the expansion of NATO missions.",
        "Mayor Kowalski has supported minority rights and the inclusion of migrant groups in Poland.",
        "President Macron supported the removal of French troops from Mali.",
    ):
        assert not [c for *_, c in _codes_of(text) if c[:2] == "05"], text
    assert ("DEU", "FRA", "050") in _codes_of("Germany backed France's proposal on Monday.")
    assert ("FRAGOV", "DEUGOV", "050") in _codes_of("President Macron supported Chancellor Merkel.")
    efforts = _codes_of("Spain supported Morocco's efforts to join the trade bloc on Monday.")
    assert ("ESP", "MAR", "050") in efforts  # a thing the party owns names it


def test_confusions_requiring_no_party_is_no_demand() -> None:
    """ "require" demands of a party it names; with no party as its object it states a need or a rule."""
    for text in (
        "The flooding required all hands on deck, the Kenyan police said on Monday.",
        "A two-thirds majority is required by the Kenyan constitution for the change.",
    ):
        assert not [c for *_, c in _codes_of(text) if c[:2] == "10"], text
    demand = _codes_of("The Kenyan government required the British company to hand over its records.")
    assert [c for *_, c in demand if c[:2] == "10"] == ["100"]


def test_demands_a_warning_of_what_a_third_party_could_do_is_no_threat() -> None:
    # CAMEO 13 is the speaker's own stated intent to do harm: warning of what another party could do, or of a
    # danger coming, threatens nobody
    for text in (
        "Kenyan President Uhuru Kenyatta warned that Somalia could destabilise the region with its policy.",
        "Kenyan intelligence officials warned the government that Somalia could be a conduit for smuggling.",
        "Kenyan doctors warned Kenyan citizens about the measles outbreak.",
    ):
        assert not [c for c in _codes_of(text) if c[2].startswith("13")], text
    # ... but a warning of the speaker's own act, of what the one warned will suffer, or of war, is a threat
    for text in (
        "Iran warned the United States that it would respond to any attack.",
        "Iran warned that the United States would face a crushing response.",
        "North Korea warned of war with South Korea.",
        "Iran warned the United States not to attack its ships.",
    ):
        assert [c for c in _codes_of(text) if c[2].startswith("13")], text


def test_intents_a_commitment_held_as_a_state_with_no_counterpart_is_no_promise() -> None:
    # "is/remains committed to": a stance held, not a promise made to anyone
    for text in (
        'Kenyan opposition leader Raila Odinga remains "fully committed" to his campaign.',
        'Kenyan President Uhuru Kenyatta said, "I am committed to leading our country forward."',
    ):
        assert not [c for c in _codes_of(text) if c[2].startswith("03")], text
    # ... but committing to something is a promise
    assert ("KENGOV", None, "030") in _codes_of("The Kenyan government committed to reforms.")


def test_recall_between_names_the_parties_of_a_mutual_act_noun() -> None:
    """The parties "between" names are the two sides of a mutual act noun, not the party that reports it,
    and the phrase may hang on the verb the noun is the subject of."""
    announced = _codes_of("The Norwegian government announced a deal between Qatar and Bahrain.")
    assert ("QAT", "BHR", "057") in announced
    assert ("BHR", "QAT", "057") in announced
    assert not any(s == "NORGOV" for s, _, _ in announced)
    broke = _codes_of("Fighting broke out between Indian and Chinese troops in Ladakh on Monday.")
    assert ("INDMIL", "CHNMIL", "190") in broke
    assert ("CHNMIL", "INDMIL", "190") in broke
    war = _codes_of("A gun battle between Ethiopian and Eritrean troops raged on the border on Tuesday.")
    assert ("ETHMIL", "ERIMIL", "190") in war
    # a lawsuit is no battle
    assert not _codes_of("The legal battle between the senator and the governor continued on Monday.")


def test_criticism_offensive_as_a_noun_blames_nobody() -> None:
    """ "The offensive" is a military push, not a word of blame; "offensive remarks" still blame."""
    told = _codes_of("The Indian foreign minister told China to stop the offensive.")
    assert not [c for *_, c in told if c.startswith("11")]
    said = _codes_of("The Indian foreign minister said the remarks by the Chinese ambassador were offensive.")
    assert ("INDGOV", "CHNGOV", "111") in said


def test_nonpolitical_evaluation_a_private_tribute_to_a_private_person_is_no_event() -> None:
    # an obituary's words of a colleague: a scientist on a scientist, no political event
    text = (
        'Professor Jane Holt of Leeds University said, "Peter Marsh was the most brilliant chemist I knew."'
    )
    assert not [c for *_, c in _codes_of(text, "2020-01-01") if c[:2] in ("01", "05")]
    # ... an office holder's words of praise stay praise
    text = 'Kenyan President Uhuru Kenyatta said Raila Odinga of Kenya "has been an iconic leader".'
    assert ("KENGOV", "KEN", "051") in _codes_of(text, "2021-05-01")


def test_quoted_blame_in_a_quotation_closed_by_its_speaker_later() -> None:
    # one quotation over three sentences, its speaker named only after the closing mark
    text = (
        '"The vote was held on Sunday. The government of Uganda is lying to its people. We will keep '
        'watching the count," the foreign minister of Kenya said.'
    )
    assert ("KENGOV", "UGAGOV", "112") in _codes_of(text)
    # a mark that opens a new quotation does not close an unclosed one: no speaker across the gap
    unclosed = (
        'The minister of Kenya said, "We will win. The government of Uganda is lying to its people. '
        'Rain fell in Kampala. "Talks go on," the president of Ghana said.'
    )
    assert ("GHAGOV", "UGAGOV", "112") not in _codes_of(unclosed)


def test_quoted_the_speakers_administration_in_a_quotation_closed_by_its_speaker() -> None:
    # "the administration" three sentences before the closing mark is the quoted US senator's own
    text = (
        "Turkey moved troops into Syria on Monday.\n\n"
        '"The administration has lied to the public about the war. It is far from over. The fighters are '
        'still there. The region is tense," US Senator John Hale said.'
    )
    codes = _codes_of(text, "2019-10-08")
    assert ("USALEG", "USAGOV", "112") in codes
    assert not any(t == "TURGOV" for _, t, _ in codes)


def test_quoted_praise_words_that_only_grade_a_thing_praise_nobody() -> None:
    graded = _codes_of('The president of Ghana said, "We have good relations with the government of Kenya."')
    assert "051" not in {c[2] for c in graded}
    graded = _codes_of(
        "The president of Ghana said he has read a great deal of the reports of the army of Kenya."
    )
    assert "051" not in {c[2] for c in graded}
    praised = _codes_of('The president of Ghana said, "The prime minister of Kenya is a great leader."')
    assert ("GHAGOV", "KENGOV", "051") in praised


def test_quoted_lie_of_position_is_no_accusation() -> None:
    text = (
        'The president of Ghana said, "We have far to go, and many dangers still lie ahead, but Kenya wins."'
    )
    assert "112" not in {c[2] for c in _codes_of(text)}
    text = 'The president of Ghana said, "The government of Kenya lies to its people."'
    assert ("GHAGOV", "KENGOV", "112") in _codes_of(text)


def test_quoted_a_party_said_to_have_no_plan_is_criticised() -> None:
    text = "The foreign minister of Kenya argued that the president of Uganda had no plan for the economy."
    assert ("KENGOV", "UGAGOV", "111") in _codes_of(text)
    text = "The foreign minister of Kenya said the government of Uganda lacks any strategy."
    assert ("KENGOV", "UGAGOV", "111") in _codes_of(text)
    for unblamed in (
        "The foreign minister of Kenya said the government of Uganda has a plan.",
        "The foreign minister of Kenya said the president of Uganda would have no plan.",
        "The foreign minister of Kenya said his government had no idea where the rebels were.",
    ):
        assert "111" not in {c[2] for c in _codes_of(unblamed)}


def test_senses_recognition_is_granted_to_a_party_not_a_thing() -> None:
    """054 is diplomatic recognition of a party; recognising a fact or a thing recognises no one."""
    text = (
        "The UN envoy Lakhdar Brahimi met Afghan leaders in Bonn. "
        "Brahimi recognised the accord was far from perfect."
    )
    assert not [c for *_, c in _codes_of(text) if c.startswith("05")]  # not the story's counterpart
    assert ("XKX", "ISR", "054") in _codes_of("Kosovo recognized Israel on Monday.")
