"""Summaries of the events of each frequent word of the evidence, so that a dashboard view filtered by a
word hundreds of thousands of events hold (the timeline, the busiest dyads, the actors and their network,
the places of "pipeline") adds up a few thousand summary rows instead of joining those events' ids with
every event.

A word is summarised once the word index counts it in `FREQUENT` events or more (`summarised_words`);
rarer words need no summary, as the events they hold are few enough to read. From then on its rows are
kept exact in the transaction that changes events, as the other summaries are (`summaries.apply`): each
touched event adds its rows, before and after, once for every summarised word of its evidence. A word
that reaches `FREQUENT` is counted from its postings and their events in the transaction that takes it
there. An event's evidence is written once (with the event) and its words are its postings', so the
events of a word never change, only what they count; a word is never summarised less.

Each summary is one of `store.summaries` for all time (no month), or by month for the timeline, grouped
by `word_id` first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from worldwire.store import summaries
from worldwire.store.summaries import COUNTS, MONTH, Part, Summary
from worldwire.store.wordindex import WORD

if TYPE_CHECKING:
    import duckdb

FREQUENT = 20_000  # a word in this many events or more is summarised
TABLE = "summarised_words"


def _worded(summary: Summary, table: str) -> Summary:
    """`summary` for all time (no month, no CAMEO root) per word: `word_id` first, from rows that carry
    it (`worded`)."""
    keep = [i for i, (name, _) in enumerate(summary.columns) if name not in ("month", "cameo_root")]
    return Summary(
        table,
        (("word_id", "INTEGER"), *(summary.columns[i] for i in keep)),
        tuple(Part(("word_id", *(part.group[i] for i in keep)), part.where) for part in summary.parts),
        summary.measures,
    )


MONTHS = Summary(
    "word_months",
    (("word_id", "INTEGER"), ("month", "DATE"), ("negated", "BOOLEAN")),
    (Part(("word_id", MONTH, "negated")),),
    COUNTS,
)
DYADS = _worded(summaries.DYADS, "word_dyads")
ACTORS = _worded(summaries.ACTORS, "word_actors")
EDGES = _worded(summaries.EDGES, "word_edges")
PLACES = _worded(summaries.PLACES, "word_places")
SUMMARIES = (MONTHS, DYADS, ACTORS, EDGES, PLACES)
# Which word summary answers what a summary of `store.summaries` answers, for one word.
TWINS = {
    summaries.MONTHS.table: MONTHS,
    summaries.DYADS.table: DYADS,
    summaries.ACTORS.table: ACTORS,
    summaries.EDGES.table: EDGES,
    summaries.PLACES.table: PLACES,
}

DDL = f"CREATE TABLE {TABLE} (word_id INTEGER NOT NULL);\n" + summaries.ddl(SUMMARIES)


def worded(source: str) -> str:
    """The rows of `source` (events rows) once for every summarised word of their evidence, with its
    `word_id` and the columns the summaries read."""
    columns = ", ".join(f"s.{name}" for name in summaries.SOURCE_COLUMNS)
    return (
        f"SELECT w.word_id, {columns} FROM (SELECT *, "  # noqa: S608
        f"unnest(list_distinct(regexp_extract_all(lower(evidence), '{WORD}'))) AS _ww_word FROM {source} "
        f"WHERE evidence IS NOT NULL) AS s JOIN words w ON w.word = s._ww_word "
        f"WHERE w.word_id IN (SELECT word_id FROM {TABLE})"
    )


def posted(words: str) -> str:
    """The events rows of the words `words` (SQL giving word ids) hold, from their postings, with the
    word's `word_id`: what the summaries of those words count."""
    return (
        "(SELECT p.word_id, e.* FROM event_words p JOIN events e USING (global_event_id) "  # noqa: S608
        f"WHERE p.word_id IN ({words}))"
    )


def apply(con: duckdb.DuckDBPyConnection, before: str, after: str, *, fresh: bool | None = None) -> None:
    """Bring the summaries up to date with the touched events (`before`, `after`, `fresh`: as in
    `summaries.apply`), once the word index holds them; then summarise the words that reached
    `FREQUENT`. While no word is summarised (a store of fewer than `FREQUENT` events) there is nothing
    to bring up to date, and the dozen statements that would find so are not run."""
    if con.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE})").fetchall()[0][0]:  # noqa: S608
        try:  # each event's words found once, not once per summary
            con.execute(f"CREATE OR REPLACE TEMP TABLE _ww_words_before AS {worded(before)}")
            con.execute(f"CREATE OR REPLACE TEMP TABLE _ww_words_after AS {worded(after)}")
            summaries.apply(con, "_ww_words_before", "_ww_words_after", SUMMARIES, fresh=fresh)
        finally:
            con.execute("DROP TABLE IF EXISTS _ww_words_before; DROP TABLE IF EXISTS _ww_words_after")
    _summarise_frequent(con)


def add_new(con: duckdb.DuckDBPyConnection, new: str) -> None:
    """Count events no summary counts yet (`new`), once the word index holds them."""
    apply(con, f"(SELECT * FROM {new} LIMIT 0)", new, fresh=True)  # noqa: S608


def _summarise_frequent(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        f"SELECT word_id FROM words WHERE events >= {int(FREQUENT)} "  # noqa: S608
        f"AND word_id NOT IN (SELECT word_id FROM {TABLE}) ORDER BY word_id"
    ).fetchall()
    if not rows:
        return
    ids = ", ".join(str(int(row[0])) for row in rows)
    con.execute(f"INSERT INTO {TABLE} SELECT unnest([{ids}])")
    source = posted(ids)
    for summary in SUMMARIES:
        con.execute(f"INSERT INTO {summary.table} {summary.recount_sql(source)} ORDER BY {summary.order}")


def rebuild_sql() -> str:
    """The summaries of every frequent word, from scratch (what a migration runs once)."""
    return (
        f"DELETE FROM {TABLE}; INSERT INTO {TABLE} SELECT word_id FROM words "  # noqa: S608
        f"WHERE events >= {int(FREQUENT)} ORDER BY word_id;\n"
        + summaries.rebuild_sql(SUMMARIES, posted(f"SELECT word_id FROM {TABLE}"))  # noqa: S608
    )


def recount_sql() -> dict[str, str]:
    """Per word summary, its rows as a recount from the postings and their events would give them."""
    source = posted(f"SELECT word_id FROM {TABLE}")  # noqa: S608
    return {summary.table: summary.recount_sql(source) for summary in SUMMARIES}


def unsummarised_sql() -> str:
    """How many words are frequent but not summarised (0 when exact)."""
    return (
        f"SELECT count(*) FROM words WHERE events >= {int(FREQUENT)} "  # noqa: S608
        f"AND word_id NOT IN (SELECT word_id FROM {TABLE})"
    )
