"""The store's data file (`data/store/v1.toml`): near-duplicate settings and the GDELT 2.0 column list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, get_args

from worldwire.datafiles import (
    data_validator,
    frozen_mapping,
    load_data,
    require,
    require_schema,
    string_list,
)
from worldwire.errors import DataFileError, Errors
from worldwire.models import PlaceFeature

GDELT_TYPES = frozenset({"INTEGER", "STRING", "FLOAT"})


@dataclass(frozen=True, slots=True)
class StoreConfig:
    shingle_words: int
    num_perm: int
    threshold: float
    min_words: int
    lead_chars: int
    gdelt_columns: tuple[tuple[str, str], ...]
    gdelt_mention_columns: tuple[tuple[str, str], ...]
    fips: Mapping[str, str]  # ISO alpha-3 → FIPS 10-4, GDELT's country codes for places
    geo_type: Mapping[str, int]
    geo_type_us: Mapping[str, int]
    us_codes: frozenset[str]


def store_config() -> StoreConfig:
    result: StoreConfig = load_data("store")
    return result


def _bad(where: str, reason: str) -> DataFileError:
    return DataFileError(Errors.E403.format(path=where, reason=reason))


def _geo_types(table: Mapping[str, Any], where: str) -> dict[str, int]:
    features = get_args(PlaceFeature)
    missing = [f for f in features if not isinstance(table.get(f), int)]
    if missing:
        raise _bad(where, f"GDELT geo types need an integer for {missing}")
    return {f: int(table[f]) for f in features}


def _columns(gdelt: Mapping[str, Any], key: str, where: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for column in require(gdelt, key, list, where):
        if not (isinstance(column, list) and len(column) == 2 and column[1] in GDELT_TYPES):
            raise _bad(where, f"gdelt {key} {column!r} must be [name, one of {sorted(GDELT_TYPES)}]")
        pairs.append((str(column[0]), str(column[1])))
    if len({name for name, _ in pairs}) != len(pairs):
        raise _bad(where, f"gdelt {key}: names repeat")
    return tuple(pairs)


@data_validator("store")
def _validate(raw: Mapping[str, Any], where: str) -> StoreConfig:
    require_schema(raw, "store/1", where)
    dedup = require(raw, "dedup", dict, where)
    threshold = require(dedup, "threshold", float, where)
    if not 0 < threshold <= 1:
        raise _bad(where, f"dedup.threshold must be in (0, 1], got {threshold}")
    if require(dedup, "min_words", int, where) < require(dedup, "shingle_words", int, where):
        raise _bad(where, "dedup.min_words must be at least dedup.shingle_words")
    gdelt = require(raw, "gdelt", dict, where)
    fips = require(gdelt, "fips", dict, where)
    for iso3, code in fips.items():
        if not (len(iso3) == 3 and iso3.isupper() and isinstance(code, str) and len(code) == 2):
            raise _bad(where, f"gdelt.fips: {iso3} = {code!r} must map ISO alpha-3 to a 2-letter FIPS code")
    return StoreConfig(
        shingle_words=require(dedup, "shingle_words", int, where),
        num_perm=require(dedup, "num_perm", int, where),
        threshold=threshold,
        min_words=require(dedup, "min_words", int, where),
        lead_chars=require(dedup, "lead_chars", int, where),
        gdelt_columns=_columns(gdelt, "columns", where),
        gdelt_mention_columns=_columns(gdelt, "mention_columns", where),
        fips=frozen_mapping(fips),
        geo_type=frozen_mapping(_geo_types(require(gdelt, "geo_type", dict, where), where)),
        geo_type_us=frozen_mapping(_geo_types(require(gdelt, "geo_type_us", dict, where), where)),
        us_codes=frozenset(string_list(require(gdelt, "us", dict, where), "country_codes", where)),
    )
