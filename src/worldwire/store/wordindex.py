"""The word index of evidence sentences: which events' evidence holds which word, written by the same
transaction that writes the events, so a text query reads a few posting rows instead of every sentence.

A word is a run of letters and digits of the lower-cased evidence (`lower` and the regular expression
below, both DuckDB's). A text query's term matches an evidence sentence when it occurs in it, in any case
(`evidence ILIKE '%term%'`); a term that is one such run occurs exactly where some word of the sentence
contains it, so the events whose words contain it (`words`, a few thousand rows at most, then their
postings) are the answer, not candidates. A term with other characters ("U.S.", "al-Assad") is looked
up by its longest run and then checked with ILIKE, on those candidates only.

`event_words` holds one row per (word, event) with the event's date when it was written; when a later
copy moves an event's date (dates only ever move earlier: an event's date is its first report's), the
event's words are posted again with the new date, so an event's date is the least date of its postings,
and the newest matches of a text query are found in the postings alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

WORD = r"[\p{L}\p{N}]+"
ENABLED = True  # False: text queries read every evidence sentence (tests compare the two answers)
DDL = """
CREATE TABLE words (word_id INTEGER NOT NULL, word VARCHAR NOT NULL, events BIGINT NOT NULL);
CREATE TABLE event_words (
    word_id INTEGER NOT NULL, global_event_id BIGINT NOT NULL, date DATE, negated BOOLEAN NOT NULL
);
"""


def tokens(source: str) -> str:
    """(word, global_event_id, date, negated): each distinct word of each event of `source` once."""
    return (
        f"SELECT unnest(list_distinct(regexp_extract_all(lower(evidence), '{WORD}'))) AS word, "  # noqa: S608
        f"global_event_id, date, negated FROM {source} WHERE evidence IS NOT NULL"
    )


def _post(con: duckdb.DuckDBPyConnection, source: str, *, new: bool) -> None:
    """Post the words of `source`'s events; `new`: events not posted before (counted in `words.events`)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ww_tokens AS {tokens(source)}")
    try:
        con.execute(
            """
            INSERT INTO words
            SELECT (SELECT coalesce(max(word_id), 0) FROM words) + row_number() OVER (ORDER BY word), word, 0
            FROM (SELECT DISTINCT word FROM _ww_tokens) AS n
            WHERE NOT EXISTS (SELECT 1 FROM words w WHERE w.word = n.word)
            """
        )
        con.execute(
            """
            INSERT INTO event_words
            SELECT w.word_id, t.global_event_id, t.date, t.negated FROM _ww_tokens t JOIN words w USING (word)
            ORDER BY w.word_id, t.date, t.global_event_id
            """
        )
        if new:
            con.execute(
                """
                UPDATE words SET events = words.events + n.events
                FROM (SELECT word, count(*) AS events FROM _ww_tokens GROUP BY word) AS n
                WHERE words.word = n.word
                """
            )
    finally:
        con.execute("DROP TABLE IF EXISTS _ww_tokens")


def apply(con: duckdb.DuckDBPyConnection, before: str, after: str) -> None:
    """Post the events of `after` that `before` lacks, and again those whose date moved."""
    _post(
        con,
        f"(SELECT * FROM {after} a WHERE a.event_id NOT IN (SELECT event_id FROM {before}))",  # noqa: S608
        new=True,
    )
    _post(
        con,
        f"(SELECT a.* FROM {after} a JOIN {before} b USING (event_id) WHERE a.date IS DISTINCT FROM b.date)",  # noqa: S608
        new=False,
    )


def add_new(con: duckdb.DuckDBPyConnection, new: str) -> None:
    """Post events never posted before (`new`: a table or subquery of events rows)."""
    _post(con, new, new=True)


def rebuild_sql() -> str:
    """The index of every event, from scratch (what a migration runs once over an existing store)."""
    return f"""
        DELETE FROM event_words; DELETE FROM words;
        CREATE TEMP TABLE _ww_tokens AS {tokens("events")};
        INSERT INTO words SELECT row_number() OVER (ORDER BY word), word, count(*) FROM _ww_tokens GROUP BY word;
        INSERT INTO event_words SELECT w.word_id, t.global_event_id, t.date, t.negated
            FROM _ww_tokens t JOIN words w USING (word) ORDER BY w.word_id, t.date, t.global_event_id;
        DROP TABLE _ww_tokens;
    """  # noqa: S608


@dataclass(frozen=True, slots=True)
class Term:
    """A text query's term as the index reads it: the words containing its longest run of letters and
    digits (`words` None: it has none, the index cannot help), and whether that run is the whole term
    (`exact`: the postings are the answer; otherwise candidates that ILIKE still checks)."""

    text: str
    run: str | None
    words: tuple[int, ...] | None
    exact: bool
    events: int  # postings of those words: an upper bound on the events the term matches


def lookup(con: duckdb.DuckDBPyConnection, terms: list[str]) -> list[Term]:
    """The index's reading of each term (with `ENABLED` False: none, every term is read with ILIKE)."""
    found = []
    for term in terms:
        if not ENABLED:
            found.append(Term(term, None, None, False, 0))
            continue
        row = con.execute(f"SELECT lower(?), regexp_extract_all(lower(?), '{WORD}')", [term, term]).fetchall()[0]
        assert row is not None
        lowered, runs = str(row[0]), list(row[1] or [])
        if not runs:
            found.append(Term(term, None, None, False, 0))
            continue
        run = max(runs, key=len)
        words = con.execute(
            "SELECT word_id, events FROM words WHERE contains(word, ?) ORDER BY word_id", [run]
        ).fetchall()
        found.append(
            Term(term, run, tuple(int(w) for w, _ in words), lowered == run, sum(int(n) for _, n in words))
        )
    return found


def postings(term: Term, since: dt.date | None = None) -> str:
    """The postings of `term`'s words (never called for a term without them); `since`: only those of
    events dated on or after it (and more: a posting's date is never earlier than its event's)."""
    assert term.words is not None
    ids = ", ".join(str(int(w)) for w in term.words) or "NULL"
    dated = f" AND (date >= DATE '{since.isoformat()}' OR date IS NULL)" if since is not None else ""
    return f"SELECT * FROM event_words WHERE word_id IN ({ids}){dated}"  # noqa: S608


def condition(term: Term, since: dt.date | None = None) -> tuple[str, list[Any]]:
    """The WHERE condition on `events` for one term, and its parameters: a semi-join on its postings
    (`since`: of events dated on or after it), and ILIKE where the postings are only candidates."""
    escape = any(c in term.text for c in "%_\\")
    like = "evidence ILIKE ? ESCAPE '\\'" if escape else "evidence ILIKE ?"
    pattern = "%" + term.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    params: list[Any] = [pattern if escape else f"%{term.text}%"]
    if term.words is None:
        return like, params
    if not term.words:
        return "FALSE", []
    semi = f"global_event_id IN (SELECT global_event_id FROM ({postings(term, since)}))"  # noqa: S608
    return (semi, []) if term.exact else (f"{semi} AND {like}", params)


def recount_sql() -> tuple[str, str]:
    """What `words` and the distinct (word, event, date) of `event_words` would hold if rebuilt now:
    (word, events) and (word, global_event_id, date), the date being the event's current one."""
    words = f"SELECT word, count(*) AS events FROM ({tokens('events')}) GROUP BY word"  # noqa: S608
    posted = f"SELECT word, global_event_id, date, negated FROM ({tokens('events')})"  # noqa: S608
    return words, posted
