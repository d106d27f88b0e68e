"""Actor data files: the packaged tables load, and bad ones fail with the place and the reason."""

from __future__ import annotations

import pytest

from worldwire.actors.lexicon import plural
from worldwire.datafiles import load_data, parse_data
from worldwire.errors import DataFileError

COUNTRIES = """
schema = "countries/1"
[[country]]
code = "KAZ"
name = "Kazakhstan"
names = ["Kazakhstan"]
adjectives = ["Kazakh"]
capitals = ["Astana"]
[[country]]
code = "CHN"
name = "China"
names = ["China"]
adjectives = ["Chinese"]
capitals = ["Beijing"]
[[seat]]
name = "Akorda"
country = "KAZ"
sector = "GOV"
"""

LEADER = """
[[leader]]
name = "Aldo Varrentine"
aliases = ["Varrentine"]
country = "KAZ"
role = "head_of_state"
start = "2015-01-01"
end = "2019-03-20"
wikidata = ""
"""


@pytest.mark.parametrize("name", ["countries", "groups", "organisations", "roles", "leaders", "peoples"])
def test_actor_data_packaged_files_load(name: str) -> None:
    assert load_data(name)


def test_actor_data_minimal_files_parse() -> None:
    table = parse_data("countries", COUNTRIES, "c.toml")
    assert table.codes == {"KAZ", "CHN"}
    leaders = parse_data("leaders", LEADER, "l.toml")
    (name, aliases, term) = leaders.terms[0]
    assert (name, aliases, term.code, term.end) == (
        "Aldo Varrentine",
        ("Varrentine",),
        "KAZGOV",
        "2019-03-20",
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('code = "KAZ"', 'code = "KZ"', "three capital letters"),
        ('code = "CHN"', 'code = "KAZ"', "listed twice"),
        ('names = ["China"]', 'names = ["Kazakhstan"]', "names both"),
        ('country = "KAZ"', 'country = "XXX"', "not listed"),
        ('schema = "countries/1"', 'schema = "countries/2"', "this worldwire reads"),
        ('names = ["China"]', "names = []", "non-empty list"),
    ],
)
def test_actor_data_bad_countries_fail(old: str, new: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_data("countries", COUNTRIES.replace(old, new, 1), "bad.toml")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('start = "2015-01-01"', 'start = "2015-02-30"', "real date"),
        ('end = "2019-03-20"', 'end = "2014-03-20"', "before starting"),
        ('role = "head_of_state"', 'role = "king"', "must be one of"),
        ('wikidata = ""', 'wikidata = "15031"', "look like Q123"),
        ('country = "KAZ"', 'country = "kaz"', "three capital letters"),
        ('aliases = ["Varrentine"]', 'aliases = [""]', "non-empty strings"),
    ],
)
def test_actor_data_bad_leaders_fail(old: str, new: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message) as info:
        parse_data("leaders", LEADER.replace(old, new, 1), "bad.toml")
    assert "bad.toml" in str(info.value)


def test_actor_data_bad_organisation_and_group_codes_fail() -> None:
    org = 'schema = "organisations/1"\n[[organisation]]\ncode = "UNO"\nnames = ["United Nations"]\n'
    with pytest.raises(DataFileError, match="must be IGO"):
        parse_data("organisations", org, "o.toml")
    tied = 'schema = "organisations/1"\n[[organisation]]\ncode = "LBNREB"\ncountry = "SYR"\nnames = ["X"]\n'
    with pytest.raises(DataFileError, match="must start with its country"):
        parse_data("organisations", tied, "o.toml")
    group = 'schema = "groups/1"\n[[group]]\ncode = "CAS"\nnames = ["Central Asia"]\nmembers = ["kz"]\n'
    with pytest.raises(DataFileError, match="three capital letters"):
        parse_data("groups", group, "g.toml")


def test_actor_data_role_noun_in_two_sectors_fails() -> None:
    roles = """
schema = "roles/1"
[[office]]
role = "head_of_state"
titles = ["president"]
[[sector]]
code = "GOV"
nouns = ["president", "court"]
[[sector]]
code = "JUD"
nouns = ["court"]
[generic]
nouns = ["leader"]
[modifiers]
words = ["senior"]
[former]
words = ["former"]
[counterpart]
nouns = ["counterpart"]
[pronouns]
masculine = ["he"]
feminine = ["she"]
plural = ["they"]
"""
    with pytest.raises(DataFileError, match="listed under both"):
        parse_data("roles", roles, "r.toml")
    assert parse_data("roles", roles.replace('nouns = ["president", "court"]', 'nouns = ["president"]'), "r")


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("official", "officials"),
        ("policeman", "policemen"),
        ("authority", "authorities"),
        ("press", "presses"),
        ("member of parliament", "members of parliament"),
        ("secretary of state", "secretaries of state"),
    ],
)
def test_actor_data_plural(noun: str, expected: str) -> None:
    assert plural(noun) == expected


ORGANISATION_HEAD = """
[[leader]]
name = "Mirela Sandoval"
aliases = ["Sandoval"]
organisation = "IGOUNO"
role = "head_of_organisation"
start = "1997-01-01"
end = "2007-01-01"
wikidata = ""
"""


def test_actor_data_organisation_head_parses() -> None:
    (_, _, term) = parse_data("leaders", ORGANISATION_HEAD, "l.toml").terms[0]
    assert (term.code, term.country, term.sector, term.office) == (
        "IGOUNO",
        None,
        "GOV",
        "head_of_organisation",
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('organisation = "IGOUNO"', 'organisation = "UNO"', "IGO/NGO code"),
        ('role = "head_of_organisation"', 'role = "head_of_state"', "must be 'head_of_organisation'"),
        ('organisation = "IGOUNO"', 'organisation = "IGOUNO"\ncountry = "KAZ"', "both 'country' and"),
    ],
)
def test_actor_data_bad_organisation_heads_fail(old: str, new: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_data("leaders", ORGANISATION_HEAD.replace(old, new, 1), "bad.toml")


def test_actor_data_leaders_reach_back_to_1990() -> None:
    """The leaders table covers the 1990s and 2000s too: a holder for each large state on 1995-06-01."""
    terms = [term for _, _, term in load_data("leaders").terms]
    for country in (
        "USA",
        "GBR",
        "FRA",
        "DEU",
        "RUS",
        "CHN",
        "JPN",
        "IND",
        "BRA",
        "NGA",
        "ZAF",
        "ISR",
        "EGY",
    ):
        held = [t for t in terms if t.country == country and t.covers("1995-06-01")]
        assert held, country


PEOPLES = """
schema = "peoples/1"
[[people]]
name = "Varrani"
country = "KAZ"
also = ["CHN"]
nouns = ["Varranis"]
adjectives = ["Varrani"]
"""


def test_actor_data_peoples_parse_and_fail() -> None:
    entries = dict(parse_data("peoples", PEOPLES, "p.toml"))
    assert (entries["Varranis"].kind, entries["Varranis"].country, entries["Varranis"].sector) == (
        "people",
        "KAZ",
        "CVL",
    )
    assert entries["Varrani"].kind == "adjective"
    assert entries["Varrani"].community
    with pytest.raises(DataFileError, match="three capital letters"):
        parse_data("peoples", PEOPLES.replace('also = ["CHN"]', 'also = ["cn"]'), "p.toml")
    with pytest.raises(DataFileError, match="names both"):
        parse_data("peoples", PEOPLES.replace('nouns = ["Varranis"]', 'nouns = ["Varrani"]'), "p.toml")
