"""`worldwire.open(path)`: the store as a Python object over the same functions the CLI calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, TypedDict, Unpack

import duckdb

from worldwire.errors import Errors, WorldwireError
from worldwire.models import Modality
from worldwire.store import export as exports
from worldwire.store import names, queries
from worldwire.store.locks import busy_error
from worldwire.store.names import Dyad
from worldwire.store.runner import IngestReport, ProgressHook, ingest_into, store_records
from worldwire.store.schema import LATEST, migrate

DEFAULT_DB = "worldwire.duckdb"


class Filters(TypedDict, total=False):
    """The filters every summary (dyads, timeline, actors, network, places) shares with `events`."""

    country: str | None  # a country, name or ISO code, as source or target
    since: str | dt.date | None  # first day
    until: str | dt.date | None  # last day
    root: str | int | None  # a CAMEO root: 19, "19", "fight"
    plover: str | None  # a PLOVER category, any case
    q: str | None  # words that must all occur in the evidence
    min_confidence: float | None  # the lowest coder confidence kept, 0 to 1
    negated: bool  # include events the article says did not happen


Frame = Literal["pandas", "arrow", "polars"]


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB store at `path`: created and migrated if needed, or, `read_only`, an existing
    worldwire store only (E605 otherwise), so a read command never creates or changes a foreign file."""
    if read_only and _version(path) < LATEST:
        connect(path).close()  # a store of an older worldwire is brought up to date once
    elif not read_only and Path(path).exists():
        _version(path, foreign=True)  # a damaged file fails here (E605), not half-way through a write
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise busy_error(str(path), exc, read_only=read_only) from exc
    if not read_only:
        migrate(con)
    return con


# Bytes 8-11 of every DuckDB database file.
_DUCKDB_MAGIC = b"DUCK"


def _version(path: str | Path, *, foreign: bool = False) -> int:
    """The schema version of the worldwire store at `path`; E605 when it is no worldwire store, or it is
    damaged. With `foreign`, a sound DuckDB database without worldwire's tables is version 0."""

    def refuse(reason: str) -> WorldwireError:
        return WorldwireError(Errors.E605.format(path=str(path), reason=reason))

    file = Path(path)
    if not file.exists():
        raise refuse("there is no such file")
    if not file.is_file():
        raise refuse("it is not a regular file")
    with file.open("rb") as stream:
        if stream.read(12)[8:12] != _DUCKDB_MAGIC:
            raise refuse("it is not a DuckDB database file")
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            tables = {
                row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
            }
            if "schema_migrations" not in tables and not foreign:
                raise refuse("a DuckDB database without worldwire's tables")
            size = con.execute(
                "SELECT total_blocks * block_size FROM pragma_database_size() "
                "WHERE database_name = current_database()"
            ).fetchall()[0][0]
            if file.stat().st_size < int(size):  # queries would fail half-way through
                raise refuse(f"it is truncated: {file.stat().st_size:,} of its {int(size):,} bytes are there")
            if "schema_migrations" not in tables:
                return 0
            rows = con.execute("SELECT max(version) FROM schema_migrations").fetchall()
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():  # another process writes to it: say so, as opening it would
            raise busy_error(str(path), exc, read_only=not foreign) from exc
        raise refuse(f"DuckDB cannot read it, it may be truncated or damaged: {exc}") from exc
    except duckdb.Error as exc:
        raise refuse(f"DuckDB cannot read it, it may be truncated or damaged: {exc}") from exc
    return int(rows[0][0] or 0)


class Store:
    """An open store. Query methods return pandas DataFrames (or Arrow tables with `as_="arrow"`).

    Example::

        store = worldwire.open("worldwire.duckdb")
        store.ingest(["articles/"])
        store.timeline("CHN", "KAZ", by="month")
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.con = connect(path, read_only=read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def ingest(
        self, inputs: Sequence[str], *, workers: int = 1, progress: ProgressHook | None = None, **options: Any
    ) -> IngestReport:
        return ingest_into(self.con, inputs, workers=workers, progress=progress, **options)

    def add_records(self, records: Iterable[dict[str, Any]], *, name: str = "<records>") -> IngestReport:
        """Store records already extracted (`worldwire extract` lines, or built by hand)."""
        return store_records(self.con, records, name=name)

    def events(
        self,
        *,
        dyad: Dyad | None = None,
        actor: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        root: str | int | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        modality: Modality | None = None,
        actor_code: str | None = None,
        q: str | None = None,
        min_confidence: float | None = None,
        negated: bool = False,
        directed: bool = False,
        limit: int | None = None,
        as_: Frame = "pandas",
    ) -> Any:
        """Events, one row per real-world event however many articles reported it, newest first.

        Every filter is optional; they combine with AND. The same filters, spelled the same way, are
        the CLI's `worldwire events` options and the HTTP API's /api/events parameters.

        Args:
            dyad: two countries, either direction: "CHN-KAZ", "China-Kazakhstan", ("CN", "KZ").
            actor: one country (name or ISO code), as source or target.
            since, until: first and last day, as a date or a string ("2023-01-01", "March 3, 2025").
            root: CAMEO root, 1 to 20 or its name: 19, "19", "fight", "protest".
            cameo: a CAMEO code prefix: "04" (every consultation), "042" (a visit and its sub-codes).
            plover: a PLOVER category, any case: "protest".
            modality: asserted, intended, hypothetical, negated or historical.
            actor_code: an actor's exact CAMEO code, as source or target: "CHNGOV".
            q: words that must all occur in the evidence sentence (any case).
            min_confidence: the lowest coder confidence kept, 0 to 1.
            negated: include events the article says did not happen.
            directed: with `dyad`, only events of its first country acting on the second.
            limit: at most this many events.
            as_: "pandas" (default), "arrow" or "polars".
        """
        relation = queries.events(
            self.con, dyad=dyad, actor=actor, since=_day(since), until=_day(until), root=root,
            cameo=cameo, plover=plover, modality=modality, actor_code=actor_code, q=q,
            min_confidence=min_confidence, negated=negated, directed=directed, limit=limit,
        )  # fmt: skip
        return _frame(relation, as_)

    def dyads(self, *, top: int = 20, as_: Frame = "pandas", **filters: Unpack[Filters]) -> Any:
        """The country pairs with the most events (either direction), with mentions, mean Goldstein,
        cooperation and conflict; `filters` as for `actors` (with `country`: the pairs it is in)."""
        return _frame(queries.dyads(self.con, top=top, **_days(filters)), as_)

    def timeline(
        self,
        a: Dyad | None = None,
        b: str | None = None,
        *,
        by: str = "month",
        directed: bool = False,
        as_: Frame = "pandas",
        **filters: Unpack[Filters],
    ) -> Any:
        """Events per period (day, week, month, quarter or year) by QuadClass, with mean Goldstein.

        `timeline("CHN", "KAZ")`, `timeline("CHN-KAZ")` and `timeline(("China", "Kazakhstan"))` are the
        same dyad; `timeline()` counts every event. `directed`: only the first country acting on the
        second. Undated events are on no timeline (`status()["undated_events"]` counts them).
        """
        pair = names.dyad((str(a), b) if b is not None else a) if a is not None else None
        relation = queries.timeline(
            self.con, *(pair or (None, None)), by=by, directed=directed, **_days(filters)
        )
        return _frame(relation, as_)

    def articles(self, *, origin: str | None = None, as_: Frame = "pandas") -> Any:
        return _frame(queries.articles(self.con, origin), as_)

    def event_page(self, **filters: Any) -> dict[str, Any]:
        """One page of events and how many match (what GET /api/events returns)."""
        return queries.event_page(self.con, **filters)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with every report of it (article, offsets, evidence); None if there is none."""
        return queries.event(self.con, event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article's cleaned text and its events, with offsets into that text; None if absent."""
        return queries.article(self.con, article_id)

    def actors(
        self, *, top: int = 50, dyad: Dyad | None = None, as_: Frame = "pandas", **filters: Unpack[Filters]
    ) -> Any:
        """The actors (CAMEO codes) in the most matching events, as source and as target.

        Every filter is optional; they combine with AND, and are spelled as in `events`:
        country (a name or ISO code, either side), since and until (dates), root (a CAMEO root by number
        or name), plover (a category, any case), q (words of the evidence), min_confidence (0 to 1),
        negated (include events the article says did not happen).
        """
        return _frame(queries.actors(self.con, top=top, dyad=dyad, **_days(filters)), as_)

    def network(
        self, *, top: int = 40, dyad: Dyad | None = None, **filters: Unpack[Filters]
    ) -> dict[str, list[dict[str, Any]]]:
        """Nodes (the top actors) and directed edges between them, as lists of dicts; filters as `actors`."""
        return queries.network(self.con, top=top, dyad=dyad, **_days(filters))

    def places(
        self, *, top: int = 500, dyad: Dyad | None = None, as_: Frame = "pandas", **filters: Unpack[Filters]
    ) -> Any:
        """Where matching events happened: places with coordinates and event counts; filters as `actors`."""
        return _frame(queries.places(self.con, top=top, dyad=dyad, **_days(filters)), as_)

    def events_by_root(self, *, as_: Frame = "pandas") -> Any:
        return _frame(queries.events_by_root(self.con), as_)

    def failures(self, *, as_: Frame = "pandas") -> Any:
        return _frame(queries.failures(self.con), as_)

    def status(self) -> dict[str, Any]:
        return queries.status(self.con)

    def export(
        self, fmt: str, path: str | Path, *, negated: bool = False, min_confidence: float | None = None
    ) -> int:
        """Write the events to `path` as `fmt` (gdelt, gdelt-mentions, plover, parquet or csv); return
        how many rows were written. `min_confidence` keeps only events the coder is at least that sure of."""
        return exports.export(self.con, fmt, Path(path), negated=negated, min_confidence=min_confidence)

    def sql(self, query: str, *, as_: Frame = "pandas") -> Any:
        """Any SQL over the store's tables (articles, events, mentions, actors, quotes, facts, ...)."""
        return _frame(self.con.sql(query), as_)


def _day(value: str | dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _days(filters: Filters) -> dict[str, Any]:
    """The filters as `queries` takes them: dates as ISO strings."""
    days = {"since": _day(filters.get("since")), "until": _day(filters.get("until"))}
    return {**filters, **{k: v for k, v in days.items() if k in filters}}


def _frame(relation: duckdb.DuckDBPyRelation, as_: Frame) -> Any:
    if as_ == "arrow":
        return relation.to_arrow_table()
    if as_ == "polars":
        try:
            import polars  # noqa: F401 -- optional: only this output needs it
        except ImportError as exc:
            reason = "as_='polars' needs polars: pip install 'worldwire[polars]'"
            raise WorldwireError(Errors.E603.format(reason=reason)) from exc
        return relation.pl()
    if as_ != "pandas":
        raise WorldwireError(Errors.E603.format(reason=f"as_ must be pandas, arrow or polars, not {as_!r}"))
    return relation.df()
