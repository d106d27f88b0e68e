"""The CAMEO event codebook and the PLOVER categories, modes and CAMEO→PLOVER mapping, as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import data_validator, frozen_mapping, load_data, require, require_schema
from worldwire.errors import DataFileError, Errors


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True, slots=True)
class PloverCoding:
    """What one CAMEO code is in PLOVER: category, mode ("" for none) and contexts."""

    category: str
    mode: str
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverCategory:
    name: str
    quad_class: int
    score: float
    modes: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Plover:
    categories: Mapping[str, PloverCategory]
    mapping: Mapping[str, PloverCoding]

    def coding(self, cameo: str) -> PloverCoding | None:
        """The PLOVER coding of a CAMEO code, falling back to its 3-digit base, then its root."""
        for key in (cameo, cameo[:3], cameo[:2]):
            if key in self.mapping:
                return self.mapping[key]
        return None


def _fail(where: str, reason: str) -> DataFileError:
    return DataFileError(Errors.E403.format(path=where, reason=reason))


@data_validator("cameo")
def _validate_cameo(raw: Mapping[str, Any], where: str) -> Mapping[str, CameoCode]:
    require_schema(raw, "worldwire.cameo/1", where)
    codes = require(raw, "codes", dict, where)
    built = {}
    for code, entry in codes.items():
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise _fail(where, f"CAMEO code {code!r} must be 2-4 digits")
        goldstein = float(require(entry, "goldstein", float, f"{where} [codes.{code}]"))
        quad = require(entry, "quad_class", int, f"{where} [codes.{code}]")
        if not -10.0 <= goldstein <= 10.0 or quad not in (1, 2, 3, 4):
            raise _fail(where, f"code {code}: Goldstein must be in [-10, 10] and quad_class 1-4")
        built[code] = CameoCode(code, require(entry, "name", str, where), goldstein, quad)
    for root in (f"{r:02d}" for r in range(1, 21)):
        if root not in built:
            raise _fail(where, f"CAMEO root {root} is missing")
    return frozen_mapping(built)


@data_validator("plover")
def _validate_plover(raw: Mapping[str, Any], where: str) -> Plover:
    require_schema(raw, "worldwire.plover/1", where)
    categories = {}
    for name, entry in require(raw, "categories", dict, where).items():
        modes = require(entry, "modes", dict, where)
        categories[name] = PloverCategory(
            name,
            require(entry, "quad_class", int, where),
            float(require(entry, "score", float, where)),
            frozen_mapping({m: float(s) for m, s in modes.items()}),
        )
    mapping = {}
    for code, entry in require(raw, "mapping", dict, where).items():
        category = require(entry, "category", str, where)
        if category not in categories:
            raise _fail(where, f"mapping {code}: unknown PLOVER category {category!r}")
        context = tuple(require(entry, "context", list, where))
        mapping[code] = PloverCoding(category, require(entry, "mode", str, where), context)
    return Plover(frozen_mapping(categories), frozen_mapping(mapping))


def cameo_codebook() -> Mapping[str, CameoCode]:
    return load_data("cameo")  # type: ignore[no-any-return]


def plover_codebook() -> Plover:
    return load_data("plover")  # type: ignore[no-any-return]


def cameo_entry(code: str) -> CameoCode:
    """The codebook entry of `code`, or of its nearest parent code; for a code outside CAMEO (only a
    foreign pattern book such as the PETRARCH test dictionary has them) a neutral entry with quad 0."""
    book = cameo_codebook()
    for key in (code, code[:3], code[:2]):
        if key in book:
            return book[key]
    return CameoCode(code, "not in the CAMEO codebook", 0.0, 0)
