"""What `worldwire watch` remembers in the store, so that a watch killed at any moment resumes exactly.

`watch_sources` holds each source's validators (ETag, Last-Modified) and how its last poll went;
`watch_items` every link a source gave, with how often fetching it failed. A source's new links and its
new validators are committed together, so a feed that answers 304 next time has already given up its links.
A link is done when the ingest log holds its address as an origin: that entry is committed in the same
transaction as the article the page gave (or the reason it failed for good), so nothing is lost and
nothing is stored twice, wherever the process died.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from worldwire.store.writer import now

if TYPE_CHECKING:
    import duckdb

    from worldwire.ingest.sources import Link


@dataclass(frozen=True, slots=True)
class SourceState:
    url: str
    etag: str | None
    last_modified: str | None
    failures: int


@dataclass(frozen=True, slots=True)
class Item:
    """A link waiting to be fetched (new, or failed before for a reason that may pass)."""

    url: str
    source: str
    title: str | None
    date: str | None
    attempts: int


def source_states(con: duckdb.DuckDBPyConnection) -> dict[str, SourceState]:
    rows = con.execute("SELECT url, etag, last_modified, failures FROM watch_sources").fetchall()
    return {row[0]: SourceState(*row) for row in rows}


def record_poll(
    con: duckdb.DuckDBPyConnection,
    source: str,
    *,
    kind: str | None,
    links: Sequence[Link] = (),
    etag: str | None = None,
    last_modified: str | None = None,
    status: str,
    error: str | None = None,
) -> int:
    """Store a poll of `source` in one transaction: its new links and its new state; the number of links
    it had not given before. `status`: 'new' (a body was read), 'unchanged' (304) or 'failed'."""
    stamp = now()
    con.execute("BEGIN TRANSACTION")
    try:
        added = 0
        if links:
            urls = [link.url for link in links]
            known = {
                row[0]
                for row in con.execute(
                    "SELECT url FROM watch_items WHERE url IN (SELECT unnest(?::VARCHAR[]))", [urls]
                ).fetchall()
            }
            fresh = [link for link in {link.url: link for link in links}.values() if link.url not in known]
            row = con.execute("SELECT coalesce(max(seq), 0) FROM watch_items").fetchall()
            base = int(row[0][0]) if row else 0
            for offset, link in enumerate(fresh, start=1):
                con.execute(
                    "INSERT INTO watch_items (url, source, title, date, found_at, seq) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [link.url, source, link.title, link.date, stamp, base + offset],
                )
            added = len(fresh)
        validators: dict[str, Any] = {}
        if status == "new":
            validators = {"etag": etag, "last_modified": last_modified}
        failed = status == "failed"
        con.execute(
            """
            INSERT INTO watch_sources
                (url, kind, etag, last_modified, polled_at, status, error, failures, links)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (url) DO UPDATE SET
                kind = coalesce(excluded.kind, watch_sources.kind),
                etag = CASE WHEN ? THEN excluded.etag ELSE watch_sources.etag END,
                last_modified = CASE WHEN ? THEN excluded.last_modified ELSE watch_sources.last_modified END,
                polled_at = excluded.polled_at, status = excluded.status, error = excluded.error,
                failures = CASE WHEN ? THEN watch_sources.failures + 1 ELSE 0 END,
                links = watch_sources.links + excluded.links
            """,
            [
                source, kind, validators.get("etag"), validators.get("last_modified"), stamp, status, error,
                int(failed), added,
                bool(validators), bool(validators), failed,
            ],
        )  # fmt: skip
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return added


def pending(con: duckdb.DuckDBPyConnection) -> list[Item]:
    """The links not done yet (no entry in the ingest log), in the order they were found."""
    rows = con.execute(
        """
        SELECT w.url, w.source, w.title, strftime(w.date, '%Y-%m-%d'), w.attempts FROM watch_items w
        WHERE NOT EXISTS (SELECT 1 FROM ingest_log l WHERE l.origin = w.url)
        ORDER BY w.found_at, w.seq
        """
    ).fetchall()
    return [Item(*row) for row in rows]


def record_failures(con: duckdb.DuckDBPyConnection, failures: Sequence[tuple[str, str]]) -> None:
    """Count a failed try of each (url, error) that will be tried again."""
    if not failures:
        return
    stamp = now()
    con.execute("BEGIN TRANSACTION")
    try:
        for url, error in failures:
            con.execute(
                "UPDATE watch_items SET attempts = attempts + 1, error = ?, tried_at = ? WHERE url = ?",
                [error, stamp, url],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def watch_summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Sources, links found and links waiting: what `worldwire watch` keeps in this store."""
    row = con.execute(
        """
        SELECT (SELECT count(*) FROM watch_sources), (SELECT count(*) FROM watch_items),
               (SELECT count(*) FROM watch_items w
                WHERE NOT EXISTS (SELECT 1 FROM ingest_log l WHERE l.origin = w.url))
        """
    ).fetchall()[0]
    return {"sources": int(row[0]), "links": int(row[1]), "waiting": int(row[2])}
