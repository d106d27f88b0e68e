"""`worldwire.open(path)`: the store as a Python object over the same functions the CLI calls."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import duckdb

from worldwire.errors import Errors, WorldwireError
from worldwire.store import export as exports
from worldwire.store import queries
from worldwire.store.runner import IngestReport, ProgressHook, ingest_into, store_records
from worldwire.store.schema import LATEST, migrate

DEFAULT_DB = "worldwire.duckdb"
Frame = Literal["pandas", "arrow"]


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating and migrating if needed) the DuckDB store at `path`."""
    if read_only and (not Path(path).exists() or _version(path) < LATEST):
        connect(path).close()  # create or bring up to date first, then reopen for reading
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise WorldwireError(Errors.E602.format(path=str(path), reason=exc)) from exc
    if not read_only:
        migrate(con)
    return con


def _version(path: str | Path) -> int:
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            rows = con.execute("SELECT max(version) FROM schema_migrations").fetchall()
    except duckdb.Error:
        return 0
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

    def events(self, *, as_: Frame = "pandas", **filters: Any) -> Any:
        return _frame(queries.events(self.con, **filters), as_)

    def dyads(self, *, as_: Frame = "pandas", **options: Any) -> Any:
        return _frame(queries.dyads(self.con, **options), as_)

    def timeline(self, a: str, b: str, *, as_: Frame = "pandas", **options: Any) -> Any:
        return _frame(queries.timeline(self.con, a, b, **options), as_)

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

    def actors(self, *, as_: Frame = "pandas", **options: Any) -> Any:
        return _frame(queries.actors(self.con, **options), as_)

    def network(self, **options: Any) -> dict[str, list[dict[str, Any]]]:
        """Nodes (the top actors) and directed edges between them, as lists of dicts."""
        return queries.network(self.con, **options)

    def places(self, *, as_: Frame = "pandas", **options: Any) -> Any:
        return _frame(queries.places(self.con, **options), as_)

    def events_by_root(self, *, as_: Frame = "pandas") -> Any:
        return _frame(queries.events_by_root(self.con), as_)

    def failures(self, *, as_: Frame = "pandas") -> Any:
        return _frame(queries.failures(self.con), as_)

    def status(self) -> dict[str, Any]:
        return queries.status(self.con)

    def export(self, fmt: str, path: str | Path, *, negated: bool = False) -> int:
        return exports.export(self.con, fmt, Path(path), negated=negated)

    def sql(self, query: str, *, as_: Frame = "pandas") -> Any:
        """Any SQL over the store's tables (articles, events, mentions, actors, quotes, facts, ...)."""
        return _frame(self.con.sql(query), as_)


def _frame(relation: duckdb.DuckDBPyRelation, as_: Frame) -> Any:
    if as_ == "arrow":
        return relation.to_arrow_table()
    return relation.df()
