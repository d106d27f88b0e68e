"""Enrichment: quotes, numbers, places, dates and tone on our own example sentences, and the seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from worldwire.enrich import enrich
from worldwire.enrich.facts import find_facts
from worldwire.enrich.quotes import find_quotes, quote_spans
from worldwire.enrich.times import find_times
from worldwire.enrich.tone import document_tone
from worldwire.evaluation.geo import distance_km, load_gwn
from worldwire.models import (
    Actor,
    ActorDocument,
    AnnotatedDocument,
    EnrichedDocument,
    Event,
    EventActor,
    EventDocument,
    RawDocument,
)
from worldwire.nlp.places import find_places, fold, gazetteer
from worldwire.pipeline import analyse, extract, parse_documents


def parse(text: str, nlp: Any, date: str | None = None) -> AnnotatedDocument:
    raw = RawDocument(id="t", origin="test", text=text, date=date)
    return next(parse_documents([raw], raw_mode=True, nlp=nlp))


def coded(doc: AnnotatedDocument, actors: tuple[Actor, ...] = ()) -> EventDocument:
    return EventDocument(actors=ActorDocument(annotated=doc, actors=actors))


def sliced(text: str, items: Any) -> None:
    for item in items:
        assert text[item.start : item.end] == item.text


# ── quotes ─────────────────────────────────────────────────────────────────────────────────────────


def test_quote_after_speaker_cue_and_actor_code(nlp: Any) -> None:
    text = 'The minister said, "We will build two new bridges across the river next year."'
    doc = parse(text, nlp)
    minister = Actor("The minister", 0, 12, 0, "minister", "FRAGOV", "FRA", "GOV", kind="role")
    (quote,) = find_quotes(coded(doc, (minister,)))
    assert quote.text == "We will build two new bridges across the river next year."
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker is not None
    assert quote.speaker.text == "The minister"
    assert quote.speaker.code == "FRAGOV"
    assert quote.speaker.actor == 0


def test_curly_quote_with_speaker_after_and_no_actor_stays_uncoded(nlp: Any) -> None:
    text = "“Our doors remain open to dialogue,” the spokeswoman told reporters on Monday."
    (quote,) = find_quotes(coded(parse(text, nlp)))
    assert quote.text == "Our doors remain open to dialogue"
    assert quote.speaker is not None
    assert quote.speaker.text == "the spokeswoman"
    assert quote.speaker.code is None
    assert quote.speaker.actor is None


def test_partial_quote_inside_a_sentence(nlp: Any) -> None:
    text = 'Rivera called the deal "a historic step for both peoples" and said talks would go on.'
    (quote,) = find_quotes(coded(parse(text, nlp)))
    assert quote.text == "a historic step for both peoples"
    assert quote.speaker is not None
    assert quote.speaker.text == "Rivera"


def test_according_to_and_statement_reads(nlp: Any) -> None:
    text = (
        '"The border will stay closed until further notice," the statement reads. '
        'According to Mendes, "the talks have failed completely."'
    )
    quotes = find_quotes(coded(parse(text, nlp)))
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["the statement", "Mendes"]
    sliced(text, quotes)


def test_quote_across_paragraphs_takes_the_speaker_of_its_last_piece(nlp: Any) -> None:
    text = (
        '"We have waited for this agreement for many years.\n\n'
        '"Now the hard work of putting it in place begins," Okafor added.'
    )
    quotes = find_quotes(coded(parse(text, nlp)))
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.text == "Okafor" for q in quotes)
    sliced(text, quotes)


def test_paragraph_opening_with_speaker_then_quote(nlp: Any) -> None:
    text = 'Lindqvist continued, "We are ready to send engineers and grain to the region."'
    (quote,) = find_quotes(coded(parse(text, nlp)))
    assert quote.speaker is not None
    assert quote.speaker.text == "Lindqvist"


def test_unknown_speaker_is_none_and_scare_quotes_are_not_quotes(nlp: Any) -> None:
    text = (
        'Nobody expected the "reform" to pass in "The Daily Planet" either. '
        '"It is a dark day for the country and its people."'
    )
    quotes = find_quotes(coded(parse(text, nlp)))
    assert [q.text for q in quotes] == ["It is a dark day for the country and its people."]
    assert quotes[0].speaker is None


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = 'He said, "we will return to the table\n\nOther news followed.'
    (piece,) = quote_spans(text)
    assert text[piece.start : piece.end] == "we will return to the table"


def test_quote_open_at_a_paragraph_end_runs_on_when_the_next_opens_with_a_mark() -> None:
    text = 'She said: "We will stay.\n\n"We will not leave.\n\nOther news. "Yes," he said.'
    pieces = quote_spans(text)
    assert [text[p.start : p.end] for p in pieces] == ["We will stay.", "We will not leave.", "Yes,"]
    assert [p.chain for p in pieces] == [0, 0, 1]


def test_bare_quote_takes_the_attribution_in_the_next_sentence(nlp: Any) -> None:
    text = 'The fire spread fast.\n\n"Our town is burning. It is a national crisis!" Rivera told reporters.'
    (quote,) = find_quotes(coded(parse(text, nlp)))
    assert quote.text == "Our town is burning. It is a national crisis!"
    assert quote.speaker is not None
    assert quote.speaker.text == "Rivera"


def test_bare_quote_after_an_attributed_one_continues_its_speaker(nlp: Any) -> None:
    text = '"We played well", the coach said. "We let them back in late, and they scored twice."'
    first, second = find_quotes(coded(parse(text, nlp)))
    assert first.speaker is not None
    assert second.speaker is not None
    assert first.speaker.text == second.speaker.text == "the coach"


def test_speaker_search_never_climbs_into_the_quotation(nlp: Any) -> None:
    text = 'Bank chief Ana Soto said the tax "costs the region billions," further saying, "It cuts trade."'
    quotes = find_quotes(coded(parse(text, nlp)))
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.text.endswith("Soto") for q in quotes)


def test_relative_pronoun_speaker_is_the_noun_it_follows(nlp: Any) -> None:
    text = 'They helped the firms which later told them, "We will hire you next year".'
    (quote,) = find_quotes(coded(parse(text, nlp)))
    assert quote.speaker is not None
    assert quote.speaker.text == "the firms"


def test_alleged_is_a_speech_cue(nlp: Any) -> None:
    text = 'The lawsuit alleged the firm had tried to "hide the losses from its investors".'
    (quote,) = find_quotes(coded(parse(text, nlp)))
    assert quote.speaker is not None
    assert quote.speaker.text == "The lawsuit"


def test_appositive_name_passive_naming_and_demonstratives(nlp: Any) -> None:
    text = (
        'The minister\'s spokesperson, Steffen Weber, said it is "quite possible that this happens". '
        'This stage is called "the development phase" in the process. '
        'That said, the firm is working on "low-cost programs" for users.'
    )
    speakers = [q.speaker.text if q.speaker else None for q in find_quotes(coded(parse(text, nlp)))]
    assert speakers == ["Steffen Weber", None, None]


def test_colon_lead_in_and_court_rulings(nlp: Any) -> None:
    text = (
        'Addressing the leaders, Chakrapani proposed: "Take cow urine daily, all of you." '
        'A judge agreed but ruled that "the damage is done" already.'
    )
    speakers = [q.speaker.text if q.speaker else None for q in find_quotes(coded(parse(text, nlp)))]
    assert speakers == ["Chakrapani", "A judge"]


def test_person_at_the_end_of_a_title_of_phrases_and_colon_after_any_verb(nlp: Any) -> None:
    text = (
        'US Ambassador to Germany Richard Grenell alleged the airline had "contributed to great suffering". '
        'One of the victims said the men thought she was "nothing but a toy to them". '
        'Brazilian President Jair Bolsonaro opposed the plan: "It evokes a colonialist mentality."'
    )
    speakers = [q.speaker.text if q.speaker else None for q in find_quotes(coded(parse(text, nlp)))]
    assert speakers == ["Richard Grenell", "One of the victims", "Jair Bolsonaro"]


def test_inverted_attribution_and_more_speech_verbs(nlp: Any) -> None:
    text = (
        '"She is just doing this to break the movement," said a protester named Katya. '
        '"Nobody knows how to sort this out now." '
        'Senator Jane Roe spoke on the radio, "This is going to lead to more conflict in the region."'
    )
    quotes = find_quotes(coded(parse(text, nlp)))
    speakers = [q.speaker.text if q.speaker else None for q in quotes]
    assert len(speakers) == 3
    assert speakers[0] is not None
    assert speakers[1] == speakers[0]
    assert speakers[0].endswith(("protester", "Katya"))
    assert speakers[2] == "Jane Roe"


def test_the_object_of_a_cue_after_a_comma_is_not_an_inverted_speaker(nlp: Any) -> None:
    text = '"Justice takes time," she said, asking Lee to be "patient and resilient."'
    speakers = [q.speaker.text if q.speaker else None for q in find_quotes(coded(parse(text, nlp)))]
    assert speakers == ["she", "she"]


# ── numbers ────────────────────────────────────────────────────────────────────────────────────────


def test_money_range_gives_two_facts_each_with_its_year(nlp: Any) -> None:
    text = "Exports rose from about $12.5 billion in 2019 to $20 bn annually by 2027, officials said."
    facts = [f for f in find_facts(parse(text, nlp)) if f.kind == "money"]
    assert [(f.value, f.currency, f.year) for f in facts] == [(12.5e9, "USD", 2019), (20e9, "USD", 2027)]
    sliced(text, facts)
    assert all(f.sentence == 0 for f in facts)


def test_money_in_words_codes_and_other_currencies(nlp: Any) -> None:
    text = (
        "The bank lent five million euros. Fees reached EUR 3.2m in 2021. "
        "The fund holds £450,000 and 2 trillion yen."
    )
    facts = [f for f in find_facts(parse(text, nlp)) if f.kind == "money"]
    assert [(f.value, f.currency) for f in facts] == [
        (5e6, "EUR"),
        (3.2e6, "EUR"),
        (450000.0, "GBP"),
        (2e12, "JPY"),
    ]
    assert facts[1].year == 2021


def test_percentages(nlp: Any) -> None:
    text = "Inflation fell to 4.5% in March, and turnout was 61 percent."
    facts = [f for f in find_facts(parse(text, nlp)) if f.kind == "percent"]
    assert [(f.value, f.text) for f in facts] == [(4.5, "4.5%"), (61.0, "61 percent")]


def test_casualty_and_crowd_counts(nlp: Any) -> None:
    text = (
        "The blast killed 12 and injured at least thirty. Thousands of protesters marched. "
        "Some 2,500 demonstrators gathered, and 7 were wounded."
    )
    facts = [(f.value, f.unit) for f in find_facts(parse(text, nlp)) if f.kind == "count"]
    assert facts == [
        (12.0, "killed"),
        (30.0, "injured"),
        (2000.0, "protesters"),
        (2500.0, "demonstrators"),
        (7.0, "wounded"),
    ]


def test_years_are_not_counts(nlp: Any) -> None:
    text = "The 2019 protesters returned."
    assert [f for f in find_facts(parse(text, nlp)) if f.kind == "count"] == []


def test_ranges_are_valued_at_their_least_and_changes_are_not_ranges(nlp: Any) -> None:
    text = (
        "About 16–17 percent of trade is local, and one-to-two hundred people came. "
        "Support rose from 10 to 15 percent, and 20 to 30 people died."
    )
    facts = find_facts(parse(text, nlp))
    assert [(f.text, f.value) for f in facts] == [
        ("16–17 percent", 16.0),
        ("one-to-two hundred people", 100.0),
        ("15 percent", 15.0),
        ("20 to 30 people", 20.0),
    ]
    sliced(text, facts)


def test_money_range_lower_end_shares_the_magnitude(nlp: Any) -> None:
    text = (
        "The levy costs between $5 and $7 billion a year; repairs need $3–4 billion, and £450 and 2 bn yen."
    )
    facts = [(f.text, f.value, f.currency) for f in find_facts(parse(text, nlp)) if f.kind == "money"]
    assert facts == [
        ("$5", 5e9, "USD"),
        ("$7 billion", 7e9, "USD"),
        ("$3–4 billion", 3e9, "USD"),
        ("£450", 450.0, "GBP"),
        ("2 bn yen", 2e9, "JPY"),
    ]


def test_rate_denominators_and_names_with_numbers_are_not_counts(nlp: Any) -> None:
    text = "The rate was three per 100,000 people. There were 40 COVID-19 patients and two F-16 pilots."
    counts = [(f.text, f.value) for f in find_facts(parse(text, nlp)) if f.kind == "count"]
    assert counts == [("40 COVID-19 patients", 40.0)]


def test_a_year_taken_by_the_previous_amount_is_not_borrowed_back(nlp: Any) -> None:
    text = "Turnout fell 1.5% from the 2017 cycle, with this time about 67.3%. In 2022, exports were $31 bn."
    assert [(f.text, f.year) for f in find_facts(parse(text, nlp))] == [
        ("1.5%", 2017),
        ("67.3%", None),
        ("$31 bn", 2022),
    ]


def test_a_year_claimed_far_back_and_pounds_of_weight(nlp: Any) -> None:
    text = (
        "Voter turnout was down by about 1.5% of the electorate from the 2017 election cycle, with this time "
        "about 67.3%. The boy weighed 82 pounds (37 kg); a bag was 20 pounds (9 kg), and the fine 500 pounds."
    )
    facts = [(f.text, f.year, f.currency) for f in find_facts(parse(text, nlp))]
    assert facts == [("1.5%", 2017, None), ("67.3%", None, None), ("500 pounds", None, "GBP")]


def test_between_ranges_far_years_and_dollar_prefixes(nlp: Any) -> None:
    text = (
        "Officials spoke of between 36 and 40 people under the rubble; 36 and 40 people came later. "
        "In 2016, the party's presidential nominee Jane Roe received 203,091 votes (0.15 percent) in all. "
        "The gala raised nearly CDN$11,000."
    )
    facts = [(f.text, f.value, f.currency, f.year) for f in find_facts(parse(text, nlp))]
    assert facts == [
        ("between 36 and 40 people", 36.0, None, None),
        ("40 people", 40.0, None, None),
        ("0.15 percent", 0.15, None, 2016),
        ("CDN$11,000", 11000.0, "CAD", None),
    ]


def test_money_ranges_in_words_and_rate_numerators(nlp: Any) -> None:
    text = "They asked for about 15–25 million dollars. The toll was 18.9 deaths per 100,000 people."
    assert [(f.text, f.value) for f in find_facts(parse(text, nlp))] == [("15–25 million dollars", 15e6)]


# ── dates ──────────────────────────────────────────────────────────────────────────────────────────


def test_relative_dates_resolve_against_the_publication_date(nlp: Any) -> None:
    text = (
        "On Wednesday the two leaders met. Trade fell last month and grew last year. "
        "Relations began three decades ago and should double by 2030. They will meet again on Friday."
    )
    times = {t.text: t.value for t in find_times(parse(text, nlp, date="2023-05-19"))}
    assert times["On Wednesday"] == "2023-05-17"
    assert times["last month"] == "2023-04"
    assert times["last year"] == "2022"
    assert times["three decades ago"] == "1993"
    assert times["by 2030"] == "2030"
    assert times["on Friday"] == "2023-05-19"


def test_without_publication_date_relative_dates_stay_unresolved(nlp: Any) -> None:
    text = "On Wednesday they agreed to meet by 2030 and again on May 3, 2024."
    times = {t.text: t.value for t in find_times(parse(text, nlp))}
    assert times["On Wednesday"] is None
    assert times["by 2030"] == "2030"
    assert times["May 3, 2024"] == "2024-05-03"


def test_month_day_after_in_names_and_past_plans(nlp: Any) -> None:
    text = (
        "The player died in February 6 after a fall. Fans of March Madness cheered. In March Lee resigned. "
        "The originally planned launch on Wednesday was scrubbed. The vote is scheduled for Friday."
    )
    times = [(t.text, t.value) for t in find_times(parse(text, nlp, date="2023-05-21"))]
    assert times == [
        ("February 6", "2023-02-06"),
        ("In March", "2023-03"),
        ("on Wednesday", "2023-05-17"),
        ("Friday", "2023-05-26"),
    ]


def test_the_next_day_counts_from_the_story_and_stays_unresolved(nlp: Any) -> None:
    text = "Riots broke out. The next day the mayor spoke; the following week was calm. Trade grew last week."
    times = [(t.text, t.value) for t in find_times(parse(text, nlp, date="2023-05-21"))]
    assert times == [("next day", None), ("following week", None), ("last week", "2023-W19")]


def test_a_year_earlier_in_the_sentence_and_today_inside_a_name(nlp: Any) -> None:
    text = (
        "In the 2016 race, he did not endorse her until July. The firm has been open since the 1970s "
        "according to USA Today. The 2020 election on November 3 was close."
    )
    times = [(t.text, t.value) for t in find_times(parse(text, nlp, date="2020-04-15"))]
    assert times == [("until July", "2016-07"), ("November 3", "2020-11-03")]


def test_a_weekday_told_in_the_past_despite_a_future_word(nlp: Any) -> None:
    text = (
        "On Sunday the leader announced he is to send a bill in the next ten days. They will meet on Friday."
    )
    times = [(t.text, t.value) for t in find_times(parse(text, nlp, date="2020-03-04"))]
    assert times == [("On Sunday", "2020-03-01"), ("on Friday", "2020-03-06")]


def test_a_day_soon_ahead_of_publication_is_this_year(nlp: Any) -> None:
    text = "The court suspended Parliament until October 14. The fund paid out on December 26."
    times = [(t.text, t.value) for t in find_times(parse(text, nlp, date="2019-09-24"))]
    assert times == [("October 14", "2019-10-14"), ("December 26", "2018-12-26")]


# ── places ─────────────────────────────────────────────────────────────────────────────────────────


def test_places_metonyms_demonyms_and_variants(nlp: Any) -> None:
    text = "Officials in Xi’an and Kiev met as Washington and the Turkish envoy watched the Middle East."
    places = {p.text: p for p in find_places(parse(text, nlp))}
    sliced(text, places.values())
    assert places["Xi’an"].country == "CHN"
    assert places["Xi’an"].feature == "city"
    assert places["Kiev"].name == "Kyiv"
    assert places["Washington"].feature == "city"
    assert abs((places["Washington"].lat or 0) - 38.9) < 0.5
    assert places["Turkish"].country == "TUR"
    assert places["Turkish"].feature == "country"
    assert places["Middle East"].feature == "region"


def test_article_countries_disambiguate(nlp: Any) -> None:
    uk = find_places(parse("Police in England said the march through Cambridge was peaceful.", nlp))
    cambridge = next(p for p in uk if p.text == "Cambridge")
    assert cambridge.country == "GBR"


def test_persons_are_not_places(nlp: Any) -> None:
    places = find_places(parse("Jackson Browne and Jordan Peterson spoke in Denver.", nlp))
    assert [p.text for p in places] == ["Denver"]


def test_counties_states_and_abbreviations(nlp: Any) -> None:
    text = (
        "Floods hit Orange County, Calif., and a storm reached Slidell, La., while fires spread in "
        "Tacoma, Washington. Farmers in Benue State and Co. Cork protested, as did workers in "
        "London, Ontario."
    )
    places = {p.text: p for p in find_places(parse(text, nlp))}
    sliced(text, places.values())
    orange = places["Orange County"]
    assert (orange.feature, orange.country) == ("admin2", "USA")
    assert distance_km(orange.lat or 0, orange.lon or 0, 33.7, -117.8) < 50  # California's, not Florida's
    assert places["La."].name == "Louisiana"  # the abbreviation, not "LA" (Los Angeles)
    assert places["Calif."].name == "California"
    assert (places["Washington"].feature, places["Washington"].name) == ("admin1", "Washington")
    assert (places["Tacoma"].feature, places["Tacoma"].country) == ("city", "USA")
    assert (places["Benue State"].feature, places["Benue State"].country) == ("admin1", "NGA")
    assert (places["Co. Cork"].feature, places["Co. Cork"].country) == ("admin2", "IRL")
    assert places["London"].country == "CAN"  # paired with its province


def test_physical_features_and_area_words(nlp: Any) -> None:
    text = (
        "Tankers crossed the Strait of Hormuz and barges moved along the Danube River. "
        "Wildfires burned across central Washington. Rents rose in California or Washington."
    )
    places = {p.text: p for p in find_places(parse(text, nlp))}
    sliced(text, places.values())
    assert places["Strait of Hormuz"].feature == "region"
    assert places["Strait of Hormuz"].country is None
    assert places["Danube River"].name == "Danube"
    washington = [p for p in find_places(parse(text, nlp)) if p.text == "Washington"]
    assert [p.feature for p in washington] == ["admin1", "admin1"]  # "central Washington", "California or"


def test_abbreviation_forms_stay_exact() -> None:
    g = gazetteer()
    assert [p.name for p in g.lookup("La.")] == ["Louisiana"]
    assert "Los Angeles" in {p.name for p in g.lookup("LA")}
    assert g.lookup("la") == ()


def test_fold_and_index_are_built_once() -> None:
    assert fold("Xi’an") == fold("Xi'an") == "xi'an"
    assert gazetteer() is gazetteer()


# ── tone ───────────────────────────────────────────────────────────────────────────────────────────


def test_tone_sign(nlp: Any) -> None:
    good = document_tone(parse("The leaders praised the friendly and successful talks.", nlp))
    bad = document_tone(parse("The attack killed civilians and destroyed homes in a terrible war.", nlp))
    negated = document_tone(parse("The talks were not successful.", nlp))
    assert good is not None
    assert good > 0
    assert bad is not None
    assert bad < 0
    assert negated is not None
    assert negated < 0


# ── seed through the whole pipeline ────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> dict[str, Any]:
    return next(extract([str(seed_path)]))


def test_seed_quotes(seed: dict[str, Any]) -> None:
    quotes = seed["quotes"]
    xi = [q for q in quotes if "community with a shared future" in q["text"]]
    assert xi
    assert xi[0]["speaker"]["text"].startswith("Xi")
    offer = [q for q in quotes if "legumes" in q["text"] and "lamb" in q["text"]]
    exports = [q for q in quotes if "export of agricultural products" in q["text"]]
    assert offer
    assert offer[0]["speaker"]["text"] == "Tokayev"
    assert exports
    assert exports[0]["speaker"] is not None
    for q in quotes:
        assert seed["text"][q["start"] : q["end"]] == q["text"]


def test_seed_facts(seed: dict[str, Any]) -> None:
    money = {(f["value"], f["currency"], f["year"]) for f in seed["facts"] if f["kind"] == "money"}
    assert {(31e9, "USD", 2022), (40e9, "USD", 2030)} <= money


def test_seed_places_and_tone(seed: dict[str, Any]) -> None:
    xian = [p for p in seed["locations"] if p["text"] == "Xian"]
    assert xian
    assert xian[0]["name"] == "Xi’an"
    assert xian[0]["country"] == "CHN"
    assert distance_km(xian[0]["lat"], xian[0]["lon"], 34.26, 108.93) < 55
    assert abs(xian[0]["lat"] - 34.26) < 0.5
    assert abs(xian[0]["lon"] - 108.93) < 0.5
    assert seed["tone"] is not None
    assert seed["tone"] > 0
    for p in seed["locations"]:
        assert seed["text"][p["start"] : p["end"]] == p["text"]
    assert seed["times"]
    assert all(t["value"] is None or t["value"] in ("2022", "2030") for t in seed["times"])


def test_enrich_keeps_events_and_aligns_locations(seed_path: Path, nlp: Any) -> None:
    raw = RawDocument(id="s", origin="s", text=seed_path.read_text(encoding="utf-8"))
    doc = next(parse_documents([raw], nlp=nlp))
    result = analyse(doc)
    assert isinstance(result, EnrichedDocument)
    assert len(result.event_locations) == len(result.events.events)
    assert all(i is None or 0 <= i < len(result.locations) for i in result.event_locations)
    again = enrich(result.events)
    assert again.locations == result.locations
    assert again.quotes == result.quotes


def test_geowebnews_gold_counts_only_real_toponyms(shared: Path) -> None:
    articles = load_gwn(shared / "eval" / "geowebnews")
    gold = [g for a in articles for g in a.gold]
    assert len(articles) == 200
    assert len(gold) == 2720
    assert sum(g.lat is not None for g in gold) == 2601
    assert distance_km(34.26, 108.93, 34.26, 108.93) == 0
    assert 150 < distance_km(0.0, 0.0, 0.0, 1.45) < 170


def _event(sentence: int, source: int, target: int, actors: tuple[Actor, ...]) -> Event:
    src, tgt = actors[source], actors[target]
    return Event(
        source=EventActor(src.text, src.code, src.country, src.sector, source),
        target=EventActor(tgt.text, tgt.code, tgt.country, tgt.sector, target),
        cameo="042",
        goldstein=1.9,
        quad_class=1,
        plover="CONSULT",
        plover_mode=None,
        modality="asserted",
        sentence=sentence,
        start=src.start,
        end=tgt.end,
        evidence="",
        confidence=0.9,
    )


def test_event_location_skips_its_own_actors_then_falls_back_to_the_dateline(nlp: Any) -> None:
    text = (
        "VIENNA (Reuters) - France met Germany's envoy in Lyon on Monday. "
        "Talks in Vienna went on.\n\nFrance later called Germany again."
    )
    raw = RawDocument(id="e", origin="test", text=text)
    doc = next(parse_documents([raw], nlp=nlp))
    body = doc.clean.text
    assert doc.clean.dateline is not None
    assert doc.clean.dateline.place is not None

    def actor(name: str, occurrence: int) -> Actor:
        start = -1
        for _ in range(occurrence + 1):
            start = body.index(name, start + 1)
        return Actor(name, start, start + len(name), 0, name, name[:3].upper(), name[:3].upper(), None)

    actors = (actor("France", 0), actor("Germany", 0), actor("France", 1), actor("Germany", 1))
    events = (_event(0, 0, 1, actors), _event(2, 2, 3, actors))
    located = ActorDocument(annotated=doc, actors=actors, locations=find_places(doc))
    result = enrich(EventDocument(actors=located, events=events))
    first, second = (result.locations[i] if i is not None else None for i in result.event_locations)
    assert first is not None
    assert first.text == "Lyon"
    assert second is not None
    assert second.text == "Vienna"
