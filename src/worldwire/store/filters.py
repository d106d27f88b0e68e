"""The filters every question shares, read once (`Filter.read`) and written as SQL over `events`.

A `Filter` holds the values resolved (country codes, the CAMEO root, the PLOVER category, ISO dates), so
that `store.plans` can tell which summary table answers a question and `where` writes the same WHERE
clause for `events` that every question used before the summaries existed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import TYPE_CHECKING, Any, get_args

from worldwire.errors import Errors, InputError, WorldwireError
from worldwire.events.codebook import plover_codebook
from worldwire.ingest import normalize_date
from worldwire.models import Modality
from worldwire.store import names, wordindex
from worldwire.store.writer import dyad_key

if TYPE_CHECKING:
    import duckdb

MODALITIES: tuple[str, ...] = get_args(Modality)
MAX_TERMS = 8  # words of a full-text query


@cache
def plover_categories() -> tuple[str, ...]:
    """The PLOVER categories an event can have, from the codebook (data/plover)."""
    return tuple(plover_codebook().categories)


def bad(reason: str) -> WorldwireError:
    return WorldwireError(Errors.E603.format(reason=reason))


def _date(value: str | None, what: str) -> str | None:
    try:
        return normalize_date(value, what)
    except InputError as exc:
        raise WorldwireError(Errors.E603.format(reason=exc)) from exc


@dataclass(frozen=True, slots=True)
class Filter:
    """Which events a question is about. `dyad`: two country codes, in the order given (for `directed`);
    `country` either side; `actor_code` an actor's exact code, either side; `cameo` a code prefix; `terms`
    words that must all occur in the evidence; `negated`: negated events are included."""

    dyad: tuple[str, str] | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    root: str | None = None
    negated: bool = False
    directed: bool = False
    actor_code: str | None = None
    cameo: str | None = None
    plover: str | None = None
    modality: str | None = None
    terms: tuple[str, ...] = ()
    min_confidence: float | None = None
    # The word index's reading of `terms`, once looked up (`indexed`), so a question looks them up once.
    index: tuple[wordindex.Term, ...] | None = field(default=None, compare=False)

    @classmethod
    def read(
        cls,
        dyad: names.Dyad | None,
        actor: str | None,
        since: str | None,
        until: str | None,
        root: str | int | None,
        negated: bool,
        directed: bool,
        *,
        actor_code: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        modality: str | None = None,
        q: str | None = None,
        min_confidence: float | None = None,
    ) -> Filter:
        """Resolve and check the filters (in this order, so the first bad one is the one reported).
        `dyad` is two countries, `actor` one (either side), each in any spelling `names` reads; `root` a
        CAMEO root by number or name; `cameo` a code prefix ("04" every consultation, "042" a visit and
        its sub-codes); `q` words that must all occur in the evidence sentence (case-insensitive);
        `min_confidence` the lowest coder confidence kept (0 to 1; an event without one is left out)."""
        if modality is not None:
            if modality not in MODALITIES:
                raise bad(f"modality must be one of {', '.join(MODALITIES)}, not {modality!r}")
            negated = negated or modality == "negated"  # asking for negated events is asking to see them
        pair = names.dyad(dyad) if dyad is not None else None
        country = names.country(actor) if actor is not None else None
        since, until = _date(since, "--since"), _date(until, "--until")
        cameo_root = names.cameo_root(root) if root is not None else None
        if min_confidence is not None:
            if not 0.0 <= float(min_confidence) <= 1.0:
                raise bad(f"min_confidence must be between 0 and 1, not {min_confidence!r}")
            min_confidence = float(min_confidence)
        if cameo is not None and not (cameo.isascii() and cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise bad(f"a CAMEO code has 2 to 4 digits, not {cameo!r}")
        category = names.plover(plover) if plover is not None else None
        terms = tuple(q.split()) if q else ()
        if len(terms) > MAX_TERMS:
            raise bad(f"a text query has at most {MAX_TERMS} words, not {len(terms)}")
        return cls(
            dyad=pair, country=country, since=since, until=until, root=cameo_root, negated=negated,
            directed=directed and pair is not None, actor_code=actor_code.upper() if actor_code else None,
            cameo=cameo, plover=category, modality=modality, terms=terms, min_confidence=min_confidence,
        )  # fmt: skip

    def used(self) -> frozenset[str]:
        """The names of the filters set (`negated` counts as set when negated events are included; a
        `min_confidence` of 0.0 is set: it leaves events without a confidence out)."""

        def unset(value: Any) -> bool:
            return value is None or value is False or value == ()

        return frozenset(
            f.name for f in fields(self) if f.name != "index" and not unset(getattr(self, f.name))
        )

    def indexed(self, con: duckdb.DuckDBPyConnection) -> Filter:
        """This filter with its terms looked up in the word index."""
        return self if self.index is not None else replace(self, index=wordindex.lookup(con, self.terms))

    def dyad_keys(self) -> list[str | None]:
        """The `events.dyad` values of the dyad: its key, and its negated events' key when included
        (None, which no event has, for a country paired with itself)."""
        assert self.dyad is not None
        a, b = self.dyad
        return [dyad_key(a, b), dyad_key(a, b, negated=True)] if self.negated else [dyad_key(a, b)]

    def where(self, con: duckdb.DuckDBPyConnection) -> tuple[str, list[Any]]:
        """The WHERE clause over `events` and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.modality is not None:
            where.append("modality = ?")
            params.append(self.modality)
        if self.dyad is not None:  # one column tested: negated events have their own key (writer.dyad_key)
            keys = self.dyad_keys()
            where.append("dyad IN (?, ?)" if len(keys) == 2 else "dyad = ?")
            params += keys
            if self.directed:
                where.append("actor1_country = ?")
                params.append(self.dyad[0])
        elif not self.negated:
            where.append("NOT negated")
        for condition, value in (
            ("(actor1_country = ? OR actor2_country = ?)", self.country),
            ("date >= ?::DATE", self.since or None),
            ("date <= ?::DATE", self.until or None),
            ("cameo_root = ?", self.root),
            ("confidence >= ?", self.min_confidence),
            ("(actor1_code = ? OR actor2_code = ?)", self.actor_code),
            ("cameo LIKE ?", None if self.cameo is None else self.cameo + "%"),  # digits: nothing to escape
            ("plover = ?", self.plover),
        ):
            if value is not None:
                where.append(condition)
                params += [value] * condition.count("?")
        for term in self.indexed(con).index or ():
            condition, values = wordindex.condition(term)
            where.append(condition)
            params += values
        return (" WHERE " + " AND ".join(where)) if where else "", params


def and_(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"
