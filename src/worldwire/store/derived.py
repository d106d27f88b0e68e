"""Keeping what is derived from `events` (the summaries and the word index) exact, inside the transaction
that changes events: snapshot the events it will touch, change them, snapshot them again, and apply the
difference. Both writers of events (the store's `Writer` and `worldwire attach`) go through `Change`.

Events are appended in `CLUSTER_ORDER` (quarter, then dyad, then day), so the rows of one quarter, and of
one dyad within it, sit together: DuckDB's per-row-group minima and maxima then skip most of the table
for a date range, the newest events are read from a few places, and so are a dyad's, instead of one row
from each of thousands of places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from worldwire.store import summaries, wordindex, wordsummaries

if TYPE_CHECKING:
    import duckdb

BEFORE, AFTER = "_ww_before", "_ww_after"
SNAPSHOT_COLUMNS = ", ".join(("event_id", "global_event_id", "evidence", *summaries.SOURCE_COLUMNS))
CLUSTER_ORDER = "date_trunc('quarter', date) NULLS LAST, dyad NULLS LAST, date, global_event_id"


def cluster_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """`CLUSTER_ORDER` for an events row built in Python (dates as ISO strings or dates)."""
    date = row.get("date")
    day = str(date) if date is not None else ""
    return (
        date is None,
        (day[:4], (int(day[5:7]) - 1) // 3) if date is not None else ("", 0),
        row.get("dyad") is None,
        row.get("dyad") or "",
        day,
        row["global_event_id"],
    )


def _snapshot(con: duckdb.DuckDBPyConnection, name: str, ids: str, params: list[Any]) -> None:
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {SNAPSHOT_COLUMNS} FROM events "  # noqa: S608
        f"WHERE event_id IN ({ids})",
        params,
    )


class Change:
    """The events a transaction is about to insert or recount (`ids`: SQL giving their event_id), as they
    are before; `settle` brings the summaries and the index up to date with them once it is done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, ids: str, params: list[Any] | None = None) -> None:
        self.con = con
        self.ids = ids
        self.params = params or []
        self._known: set[str] | None = None
        _snapshot(con, BEFORE, ids, self.params)

    def known(self) -> set[str]:
        """The touched events the store holds already."""
        if self._known is None:
            rows = self.con.execute(f"SELECT event_id FROM {BEFORE}").fetchall()  # noqa: S608
            self._known = {str(row[0]) for row in rows}
        return self._known

    def settle(self) -> None:
        """When the touched events are all new (the snapshot before holds none: most ingest batches),
        the summaries and the index skip what only an event that was counted before needs."""
        fresh = not self.known()
        _snapshot(self.con, AFTER, self.ids, self.params)
        summaries.apply(self.con, BEFORE, AFTER, fresh=fresh)
        wordindex.apply(self.con, BEFORE, AFTER, fresh=fresh)
        wordsummaries.apply(self.con, BEFORE, AFTER, fresh=fresh)
        self.con.execute(f"DROP TABLE {BEFORE}; DROP TABLE {AFTER}")


def insert_events(con: duckdb.DuckDBPyConnection, source: str) -> int:
    """Add whole events no report of which is stored (`source`: a table or subquery with the events
    columns, none of whose ids the store holds): clustered, counted in the summaries and indexed, in the
    caller's transaction. For loading synthetic or external events in bulk (the benchmarks do); returns
    how many were added."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _ww_new AS SELECT * FROM {source} ORDER BY {CLUSTER_ORDER}"  # noqa: S608
    )
    try:
        con.execute("INSERT INTO events BY NAME SELECT * FROM _ww_new")
        summaries.add_new(con, "_ww_new")
        wordindex.add_new(con, "_ww_new")
        wordsummaries.add_new(con, "_ww_new")
        row = con.execute("SELECT count(*) FROM _ww_new").fetchall()[0]
    finally:
        con.execute("DROP TABLE IF EXISTS _ww_new")
    return int(row[0]) if row else 0


def differences(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows of each derived table differ from a full recount of `events` (all 0 when exact):
    rows missing or extra, counted both ways. For tests and for checking a store by hand."""

    def apart(stored: str, recount: str) -> int:
        sql = (
            f"SELECT count(*) FROM (({stored}) EXCEPT ALL ({recount})) UNION ALL "  # noqa: S608
            f"SELECT count(*) FROM (({recount}) EXCEPT ALL ({stored}))"
        )
        return sum(int(row[0]) for row in con.execute(sql).fetchall())

    found = {s.table: apart(f"SELECT * FROM {s.table}", s.recount_sql()) for s in summaries.SUMMARIES}  # noqa: S608
    words, posted, stored = wordindex.recount_sql()
    found["words"] = apart("SELECT word, events FROM words", words)
    found["words"] += sum(
        int(v)
        for v in con.execute(
            "SELECT count(*) - count(DISTINCT word_id), count(*) - count(DISTINCT word) FROM words"
        ).fetchall()[0]
    )
    found["event_words"] = apart(stored, posted)
    for table, recount in wordsummaries.recount_sql().items():
        found[table] = apart(f"SELECT * FROM {table}", recount)  # noqa: S608
    found[wordsummaries.TABLE] = int(con.execute(wordsummaries.unsummarised_sql()).fetchall()[0][0])
    found[wordsummaries.TABLE] += int(
        con.execute(
            f"SELECT count(*) - count(DISTINCT word_id) FROM {wordsummaries.TABLE}"  # noqa: S608
        ).fetchall()[0][0]
    )
    found["event_words_moved"] = int(
        con.execute("SELECT count(*) - count(DISTINCT global_event_id) FROM event_words_moved").fetchall()[0][
            0
        ]
    )
    return found
