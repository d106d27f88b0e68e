"""The one loader for worldwire's versioned data files (``worldwire/data/<name>/<version>.toml``).

Domain knowledge (debris vocabularies, language words, later codebooks and actor tables) lives in data
files so that it can be read, reviewed and versioned apart from code. Every file goes through
`load_data`, which parses it, checks it against the validator registered for its name and returns an
immutable, ready-to-use object; a bad file fails loudly with the file, the place and the fix.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from worldwire.errors import DataFileError, Errors

Validator = Callable[[Mapping[str, Any], str], Any]
_VALIDATORS: dict[str, Validator] = {}


def data_validator(name: str) -> Callable[[Validator], Validator]:
    """Register the function that validates and builds data file `name`."""

    def register(func: Validator) -> Validator:
        if name in _VALIDATORS:
            raise DataFileError(f"a validator for data file {name!r} is already registered")
        _VALIDATORS[name] = func
        return func

    return register


def data_path(name: str, version: str = "v1") -> Path:
    return Path(str(resources.files("worldwire") / "data" / name / f"{version}.toml"))


@cache
def load_data(name: str, version: str = "v1") -> Any:
    """Load, validate and build data file `name` at `version`; cached, so stages may call it freely."""
    path = data_path(name, version)
    if not path.is_file():
        raise DataFileError(Errors.E401.format(name=name, version=version, path=path))
    return parse_data(name, path.read_text(encoding="utf-8"), str(path))


def parse_data(name: str, source: str, where: str) -> Any:
    """Validate TOML `source` as data file `name`; `where` names it in errors (tests pass bad files here)."""
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(Errors.E402.format(path=where, reason=exc)) from exc
    validator = _VALIDATORS.get(name)
    if validator is None:
        raise DataFileError(
            Errors.E403.format(path=where, reason=f"no validator is registered for data file {name!r}")
        )
    return validator(raw, where)


# -- small checks shared by validators ------------------------------------------------------------


def require(table: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    """Return `table[key]`, failing with the key and expected type when it is missing or mistyped."""
    if key not in table:
        raise DataFileError(Errors.E403.format(path=where, reason=f"missing key {key!r}"))
    value = table[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DataFileError(
            Errors.E403.format(
                path=where, reason=f"{key!r} must be {kind.__name__}, got {type(value).__name__}"
            )
        )
    return value


def require_schema(raw: Mapping[str, Any], expected: str, where: str) -> None:
    schema = raw.get("schema")
    if schema != expected:
        raise DataFileError(
            Errors.E403.format(path=where, reason=f"schema is {schema!r}; this worldwire reads {expected!r}")
        )


def string_list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A non-empty list of non-empty strings: an empty vocabulary would silently match nothing."""
    values = require(table, key, list, where)
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise DataFileError(
            Errors.E403.format(path=where, reason=f"{key!r} must be a non-empty list of non-empty strings")
        )
    return tuple(values)


def compile_patterns(patterns: tuple[str, ...], flags: int, where: str) -> tuple[re.Pattern[str], ...]:
    """Compile every pattern; refuse one that matches the empty string, since it would match everything."""
    compiled = []
    for pattern in patterns:
        try:
            regex = re.compile(pattern, flags)
        except re.error as exc:
            raise DataFileError(
                Errors.E403.format(path=where, reason=f"pattern {pattern!r} does not compile: {exc}")
            ) from exc
        if regex.fullmatch(""):
            raise DataFileError(
                Errors.E403.format(path=where, reason=f"pattern {pattern!r} matches the empty string")
            )
        compiled.append(regex)
    return tuple(compiled)


def frozen_mapping(items: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(items))
