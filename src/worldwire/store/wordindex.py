"""The word index of evidence sentences: which events' evidence holds which word, written by the same
transaction that writes the events, so a text query reads a few posting rows instead of every sentence.

A word is a run of letters and digits of the lower-cased evidence (`lower` and the regular expression
below, both DuckDB's). A text query's term matches an evidence sentence when it occurs in it, in any case
(`evidence ILIKE '%term%'`); a term that is one such run occurs exactly where some word of the sentence
contains it, so the events whose words contain it (`words`, a few thousand rows at most, then their
postings) are the answer, not candidates. A term with other characters ("U.S.", "al-Assad") is looked
up by its longest run and then checked with ILIKE, on those candidates only.

`event_words` holds one row per (word, event), with the event's date when it was posted and whether it
is negated (neither of which a query would otherwise find without reading `events`). When a later copy
moves an event's date, the event's date now goes to `event_words_moved` (a few rows: a posting is
never rewritten), so a posting's date is `coalesce(moved.date, posting.date)`, always the event's own:
the newest matches of a text query, and how many there are, are read from the index alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

WORD = r"[\p{L}\p{N}]+"
# WORD within ASCII, where DuckDB's `lower` is ASCII's too: what DuckDB makes of an ASCII term, in Python.
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
ENABLED = True  # False: text queries read every evidence sentence (tests compare the two answers)
DDL = """
CREATE TABLE words (word_id INTEGER NOT NULL, word VARCHAR NOT NULL, events BIGINT NOT NULL);
CREATE TABLE event_words (
    word_id INTEGER NOT NULL, global_event_id BIGINT NOT NULL, date DATE, negated BOOLEAN NOT NULL
);
CREATE TABLE event_words_moved (global_event_id BIGINT NOT NULL, date DATE);
"""


def tokens(source: str) -> str:
    """(word, global_event_id, date, negated): each distinct word of each event of `source` once."""
    return (
        f"SELECT unnest(list_distinct(regexp_extract_all(lower(evidence), '{WORD}'))) AS word, "  # noqa: S608
        f"global_event_id, date, negated FROM {source} WHERE evidence IS NOT NULL"
    )


def add_new(con: duckdb.DuckDBPyConnection, new: str) -> None:
    """Post the words of events never posted before (`new`: a table or subquery of events rows)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ww_tokens AS {tokens(new)}")
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
        con.execute(
            """
            UPDATE words SET events = words.events + n.events
            FROM (SELECT word, count(*) AS events FROM _ww_tokens GROUP BY word) AS n
            WHERE words.word = n.word
            """
        )
    finally:
        con.execute("DROP TABLE IF EXISTS _ww_tokens")


def apply(con: duckdb.DuckDBPyConnection, before: str, after: str, *, fresh: bool = False) -> None:
    """Post the events of `after` that `before` lacks; note the date of those whose date moved.
    `fresh`: the caller knows `before` is empty (every event is new, no date moved)."""
    if fresh:
        add_new(con, after)
        return
    add_new(con, f"(SELECT * FROM {after} a WHERE a.event_id NOT IN (SELECT event_id FROM {before}))")  # noqa: S608
    con.execute(
        f"""
        MERGE INTO event_words_moved AS m USING (
            SELECT a.global_event_id, a.date FROM {after} a JOIN {before} b USING (event_id)
            WHERE a.date IS DISTINCT FROM b.date AND a.evidence IS NOT NULL
        ) AS d ON m.global_event_id = d.global_event_id
        WHEN MATCHED THEN UPDATE SET date = d.date
        WHEN NOT MATCHED THEN INSERT VALUES (d.global_event_id, d.date)
        """  # noqa: S608
    )


def rebuild_sql() -> str:
    """The index of every event, from scratch (what a migration runs once over an existing store)."""
    return f"""
        DELETE FROM event_words; DELETE FROM words; DELETE FROM event_words_moved;
        CREATE TEMP TABLE _ww_tokens AS {tokens("events")};
        INSERT INTO words
            SELECT row_number() OVER (ORDER BY word), word, count(*) FROM _ww_tokens GROUP BY word;
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
    summarised: bool = False  # one word holds it, and `store.wordsummaries` summarises that word


def lookup(con: duckdb.DuckDBPyConnection, terms: tuple[str, ...]) -> tuple[Term, ...]:
    """The index's reading of each term (with `ENABLED` False: none, every term is read with ILIKE)."""
    if not terms:
        return ()
    if not ENABLED:
        return tuple(Term(term, None, None, False, 0) for term in terms)
    rows = read_terms(con, terms)
    runs = [max(found, key=len) if found else None for _, _, found in rows]
    indexed = [i for i, run in enumerate(runs) if run is not None]
    words: dict[int, list[tuple[int, int]]] = {i: [] for i in indexed}
    summarised: set[int] = set()
    if indexed:  # every term's words in one pass over the vocabulary
        found = con.execute(
            "SELECT t.i, w.word_id, w.events, s.word_id IS NOT NULL FROM (SELECT unnest(?::INTEGER[]) AS i, "
            "unnest(?::VARCHAR[]) AS run) AS t JOIN words w ON contains(w.word, t.run) "
            "LEFT JOIN summarised_words s ON s.word_id = w.word_id ORDER BY t.i, w.word_id",
            [indexed, [runs[i] for i in indexed]],
        ).fetchall()
        for i, word, events, summary in found:
            words[int(i)].append((int(word), int(events)))
            if summary:
                summarised.add(int(word))
    return tuple(
        Term(term, None, None, False, 0)
        if runs[i] is None
        else Term(
            term,
            runs[i],
            tuple(w for w, _ in words[i]),
            lowered == runs[i],
            sum(n for _, n in words[i]),
            len(words[i]) == 1 and words[i][0][0] in summarised,
        )
        for i, (term, lowered, _) in enumerate(rows)
    )


def read_terms(con: duckdb.DuckDBPyConnection, terms: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """Each term, lower-cased, and its runs of letters and digits, as DuckDB's `lower` and `WORD` make
    them (the index is written with those): in Python when every term is ASCII (the same rules, without
    a statement that costs DuckDB 2 ms to plan), else by DuckDB."""
    if all(term.isascii() for term in terms):
        return [(term, term.lower(), ASCII_WORD.findall(term.lower())) for term in terms]
    read = f"SELECT t, lower(t), regexp_extract_all(lower(t), '{WORD}') FROM unnest(?::VARCHAR[]) AS u(t)"  # noqa: S608
    return [(t, lowered, list(found)) for t, lowered, found in con.execute(read, [list(terms)]).fetchall()]


def postings(term: Term, since: dt.date | None = None, *, moved: bool = True) -> str:
    """(global_event_id, date, negated) of the events whose words hold `term` (one row per word holding
    it), with each event's date now; `since`: of events dated on or after it only. `moved` False: the
    caller knows `event_words_moved` is empty, every posting's date is its event's."""
    assert term.words is not None
    ids = ", ".join(str(int(w)) for w in term.words) or "NULL"
    if not moved:
        dated = f" AND date >= DATE '{since.isoformat()}'" if since is not None else ""
        return f"SELECT global_event_id, date, negated FROM event_words WHERE word_id IN ({ids}){dated}"  # noqa: S608
    dated = f" AND coalesce(m.date, p.date) >= DATE '{since.isoformat()}'" if since is not None else ""
    return (
        "SELECT p.global_event_id, coalesce(m.date, p.date) AS date, p.negated FROM event_words p "  # noqa: S608
        f"LEFT JOIN event_words_moved m USING (global_event_id) WHERE p.word_id IN ({ids}){dated}"
    )


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


def recount_sql() -> tuple[str, str, str]:
    """What the index would hold if rebuilt now, and what it holds, comparably: (word, events) and
    (word, global_event_id, date, negated) rebuilt, and the latter as stored (dates moved or not)."""
    words = f"SELECT word, count(*) AS events FROM ({tokens('events')}) GROUP BY word"  # noqa: S608
    posted = f"SELECT word, global_event_id, date, negated FROM ({tokens('events')})"  # noqa: S608
    stored = (
        "SELECT w.word, p.global_event_id, coalesce(m.date, p.date) AS date, p.negated FROM event_words p "
        "JOIN words w USING (word_id) LEFT JOIN event_words_moved m USING (global_event_id)"
    )
    return words, posted, stored
