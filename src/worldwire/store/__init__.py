"""The embedded DuckDB store: ingest, deduplication, queries and export.

`worldwire.open(path)` returns a `Store`; the CLI's ingest, status, events, dyads, timeline and export
commands call the same functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from worldwire.store.api import Store

__all__ = ["open_store"]


def open_store(path: str | Path = "worldwire.duckdb", *, read_only: bool = False) -> Store:
    """Open (or create) the store at `path`; importing DuckDB is deferred until a store is opened."""
    from worldwire.store.api import Store

    return Store(path, read_only=read_only)
