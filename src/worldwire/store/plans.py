"""Which table answers a question: a summary table when the question's filters are columns it is grouped
by, the word index for the words of a text query, the events table for the rest, and never all events
when a page needs only the newest few.

- Whole months come from the monthly summaries; the days before the first whole month and after the
  last one from `summary_days` or, for the summaries without days, from `events` (a date range, which
  DuckDB reads from a few row groups, as events are written clustered by quarter: see `store.derived`),
  so any `since`/`until` stays exact to the day.
- A page of events, newest first, is read from the events dated on or after a cutoff: the day or month by
  which the newest `offset + page_size` matching events are reached, by a summary's (or the word index's)
  counts. When the source counts more than the question selects (it knows only some of the filters),
  the cutoff reaches back as far as the other filters' shares of all events say, twice over; if the
  events on or after it still do not fill the page, the page is read again without a cutoff. Either way
  the page is exactly the one without a cutoff.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from worldwire.store import summaries, wordindex, wordsummaries
from worldwire.store.filters import Filter, and_

if TYPE_CHECKING:
    import duckdb

ORDER = "ORDER BY date DESC NULLS LAST, global_event_id"
# False: every question reads `events` alone, as before the summaries (tests compare the two answers).
ENABLED = True
MARGIN = 16  # a cutoff for filters no source counts reaches back this many times further
FEW = 20_000  # at most this many events: read once and checked one by one (text queries, the network)
BULK = 100_000  # several terms each in this many events or more: their postings intersected in numpy
NO_DAY = -(2**40)  # an undated posting's day in `_bulk` (sorted after every date)
DATES = frozenset({"since", "until", "negated"})


def tenths(min_confidence: float | None) -> int | None:
    """`min_confidence` as `summary_days.confidence_tenths` (0 to 10), or None when it is no tenth."""
    if min_confidence is None:
        return None
    return next((k for k in range(11) if min_confidence == k / 10), None)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Months:
    """A date range as whole months (`first`, `last`: month starts, None where the range is open) and the
    days at either end outside them (`edges`: first and last day of each)."""

    first: dt.date | None
    last: dt.date | None
    edges: tuple[tuple[dt.date, dt.date], ...]


def months(since: str | None, until: str | None) -> Months:
    start = _day(since) if since else None
    end = _day(until) if until else None
    first = last = None
    edges: list[tuple[dt.date, dt.date]] = []
    if start is not None:
        first = start if start.day == 1 else _month_end(start) + dt.timedelta(days=1)
        if start.day != 1:
            edges.append((start, min(_month_end(start), end) if end else _month_end(start)))
    if end is not None:
        last = (
            end.replace(day=1)
            if end == _month_end(end)
            else (end.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        )
        if end != _month_end(end):
            edge = (max(end.replace(day=1), start) if start else end.replace(day=1), end)
            if not edges or edges[0] != edge:
                edges.append(edge)
    return Months(first, last, tuple(edges))


def where_sql(conditions: Sequence[str]) -> str:
    """` WHERE a AND b`, or nothing."""
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def all_time(summary: summaries.Summary, f: Filter, *, negated: bool = True) -> tuple[str, list[Any]] | None:
    """Without dates, a subquery of the rows of one of `summary`'s all-time twins that tells `f`'s events
    apart (`summaries.ALL_TIME`: no filter, or the CAMEO root and confidence, or a country), with its
    group columns and measures but no `month`; None when none does. `negated` False: the caller leaves
    negated events out itself (the dyads, by their key)."""
    if not ENABLED or f.since or f.until:
        return None
    rest = f.used() - {"negated"}
    k = tenths(f.min_confidence)
    if f.min_confidence is not None and k is None:
        return None
    for twin in summaries.ALL_TIME.get(summary.table, ()):
        if rest - twin.filters:
            continue
        conditions = ["NOT negated"] if negated and not f.negated else []
        params: list[Any] = []
        if f.country is not None:
            assert twin.country is not None
            conditions.append(twin.country)
            params += [f.country] * twin.country.count("?")
        for condition, value in (("cameo_root = ?", f.root), ("confidence_tenths >= ?", k)):
            if value is not None:
                conditions.append(condition)
                params.append(value)
        return f"(SELECT * FROM {twin.summary.table}{where_sql(conditions)})", params  # noqa: S608
    return None


def worded(
    con: duckdb.DuckDBPyConnection, summary: summaries.Summary, f: Filter, *, negated: bool = True
) -> tuple[str, list[Any]] | None:
    """A subquery of the rows of `summary`'s twin in `store.wordsummaries` for `f`'s one word, when that
    word is summarised and `f` asks nothing else (the timeline's monthly twin: dates too), like
    `all_time`'s; None otherwise."""
    twin = wordsummaries.TWINS.get(summary.table)
    if not ENABLED or twin is None or len(f.terms) != 1:
        return None
    dated = twin is wordsummaries.MONTHS
    if f.used() - {"terms", "negated"} - (DATES if dated else frozenset()):
        return None
    term = (f.indexed(con).index or (None,))[0]
    if term is None or not term.summarised or not term.exact or len(term.words or ()) != 1:
        return None
    word = int((term.words or (0,))[0])
    conditions = [f"word_id = {word}"] + (["NOT negated"] if negated and not f.negated else [])
    if dated and (f.since or f.until):
        posted = f"SELECT global_event_id FROM event_words WHERE word_id = {word}"  # noqa: S608
        events = f"(SELECT {word} AS word_id, * FROM events WHERE global_event_id IN ({posted}))"  # noqa: S608
        return monthly(twin, f, conditions, [], events=events)
    return f"(SELECT * FROM {twin.table}{where_sql(conditions)})", []  # noqa: S608


def monthly(
    summary: summaries.Summary,
    f: Filter,
    conditions: Sequence[str],
    params: Sequence[Any],
    events: str = "events",
) -> tuple[str, list[Any]]:
    """A subquery of `summary`'s rows for the dates of `f`: whole months from the summary table, the days
    at either end from `events` (a table or subquery of events rows); `conditions` (over the summary's
    columns) select the rest of `f`."""
    span = months(f.since, f.until)
    table: list[str] = []  # dates are written as literals: they are dates, and the parts repeat them
    if f.since:
        table.append(f"month >= {_literal(span.first)}")
    if f.until:
        table.append(f"month <= {_literal(span.last)}")
    sql = f"SELECT * FROM {summary.table}{where_sql(table)}"  # noqa: S608
    if span.edges:
        ranges = " OR ".join(f"date BETWEEN {_literal(a)} AND {_literal(b)}" for a, b in span.edges)
        if summary is summaries.MONTHS:  # the days of its edges are summarised too
            days = f"SELECT {summaries.MONTH} AS month, * EXCLUDE (date) FROM summary_days WHERE {ranges}"  # noqa: S608
        else:
            days = summary.rows(events, f" AND ({ranges})")
        sql += f" UNION ALL SELECT * FROM ({days})"  # noqa: S608
    return f"(SELECT * FROM ({sql}){where_sql(conditions)})", list(params)  # noqa: S608


def _literal(day: dt.date | None) -> str:
    assert day is not None
    return f"DATE '{day.isoformat()}'"


def summary_of(summary: summaries.Summary, f: Filter) -> tuple[list[str], list[Any]] | None:
    """Conditions over `summary`'s columns that select exactly the events `f` selects, dates apart (for
    the monthly summaries) or with them (days); None when `summary` cannot tell those events apart."""
    if not ENABLED:
        return None
    conditions = [] if f.negated or summary is summaries.DYADS else ["NOT negated"]
    reader = _READERS.get(summary.table, _dates_only)
    return reader(f, f.used() - DATES, conditions)


Conditions = tuple[list[str], list[Any]] | None


def _prefix(f: Filter) -> str | None:
    """The `cameo` filter when the summaries can test it (a root's two digits)."""
    return f.cameo if f.cameo is not None and len(f.cameo) == 2 else None


def _days(f: Filter, rest: frozenset[str], conditions: list[str], *, dated: bool = True) -> Conditions:
    """`summary_days` (`dated`: its date range too) and `summary_months`."""
    k = tenths(f.min_confidence)
    if (
        rest - {"root", "plover", "min_confidence", "modality", "cameo"}
        or (f.min_confidence is not None and k is None)
        or (f.cameo is not None and _prefix(f) is None)
    ):
        return None
    params: list[Any] = []
    for column, value in (
        ("modality = ?", f.modality),
        ("cameo_root = ?", f.root),
        ("cameo_prefix = ?", _prefix(f)),
        ("plover = ?", f.plover),
        ("confidence_tenths >= ?", k),
        ("date >= ?::DATE", f.since if dated else None),
        ("date <= ?::DATE", f.until if dated else None),
    ):
        if value is not None:
            conditions.append(column)
            params.append(value)
    return conditions, params


def _dyads(f: Filter, rest: frozenset[str], conditions: list[str]) -> Conditions:
    if rest != {"dyad"}:
        return None
    keys = f.dyad_keys()
    return [*conditions, f"dyad IN ({', '.join('?' for _ in keys)})"], list(keys)


def _sides(name: str, column: str) -> Callable[[Filter, frozenset[str], list[str]], Conditions]:
    """Countries or actor codes, either side, and their CAMEO root."""

    def read(f: Filter, rest: frozenset[str], conditions: list[str]) -> Conditions:
        if name not in rest or rest - {name, "root", "cameo"} or (f.cameo is not None and _prefix(f) is None):
            return None
        params = [getattr(f, name)]
        conditions.append(f"{column} = ?")
        for condition, value in (("cameo_root = ?", f.root), ("cameo_prefix = ?", _prefix(f))):
            if value is not None:
                conditions.append(condition)
                params.append(value)
        return conditions, params

    return read


def _dates_only(_f: Filter, rest: frozenset[str], conditions: list[str]) -> Conditions:
    """The edges: dates and negated events only."""
    return None if rest else (conditions, [])


def _rooted(f: Filter, rest: frozenset[str], conditions: list[str]) -> Conditions:
    """Actors and places: dates, negated events and the CAMEO root."""
    if rest - {"root"}:
        return None
    return (conditions, []) if f.root is None else ([*conditions, "cameo_root = ?"], [f.root])


def _months(f: Filter, rest: frozenset[str], conditions: list[str]) -> Conditions:
    return _days(f, rest, conditions, dated=False)


_READERS = {
    summaries.DAYS.table: _days,
    summaries.MONTHS.table: _months,
    summaries.DYADS.table: _dyads,
    summaries.COUNTRIES.table: _sides("country", "country"),
    summaries.CODES.table: _sides("actor_code", "code"),
    summaries.ACTORS.table: _rooted,
    summaries.PLACES.table: _rooted,
}


MEAN = summaries.MEAN


# ---- pages of events, newest first ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """How many events a source counts per date (a day, or a month's first day), newest first; `exact`:
    it counts what the question selects, no more."""

    per_date: list[tuple[dt.date, int]]
    undated: int
    exact: bool
    close: bool = False  # exact but for the months at either end of a date range
    covers: frozenset[str] = frozenset()  # the filters it tells apart (dates and negated events apart)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.per_date) + self.undated

    def cutoff(self, need: int) -> dt.date | None:
        """The latest date by which `need` events are reached; None when only all of them are enough."""
        seen = 0
        for day, n in self.per_date:
            seen += n
            if seen >= need:
                return day
        return None


def _counted(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: list[Any],
    covers: frozenset[str],
    exact: bool,
    close: bool = False,
) -> Counts:
    rows = con.execute(sql, params).fetchall()
    dated = sorted(((d, int(n)) for d, n in rows if d is not None), reverse=True)
    return Counts(dated, sum(int(n) for d, n in rows if d is None), exact, close or exact, covers)


def _summary_counts(con: duckdb.DuckDBPyConnection, f: Filter) -> list[Counts]:
    """Counts per date from the summaries that can tell apart some of `f`'s events (of those they cannot
    tell apart: more than `f` selects, never fewer)."""
    found = []
    rest = f.used() - DATES
    # whole months (or no dates): the months counted hold exactly the events of those dates
    whole = not months(f.since, f.until).edges
    reduced = Filter(
        root=f.root, plover=f.plover, modality=f.modality, negated=f.negated, since=f.since, until=f.until,
        min_confidence=f.min_confidence if tenths(f.min_confidence) is not None else None, cameo=_prefix(f),
    )  # fmt: skip
    sides = rest & {"dyad", "country", "actor_code"}
    if reduced.used() - DATES or not sides:
        conditions, params = summary_of(summaries.MONTHS, reduced) or ([], [])
        conditions, params = _months_reaching(f, conditions, params)
        sql = f"SELECT month, sum(events) FROM summary_months{where_sql(conditions)} GROUP BY month"  # noqa: S608
        covers = reduced.used() - DATES
        found.append(_counted(con, sql, params, covers, exact=covers == rest and whole, close=covers == rest))
    for summary, name in (
        (summaries.DYADS, "dyad"),
        (summaries.COUNTRIES, "country"),
        (summaries.CODES, "actor_code"),
    ):
        if name not in rest:
            continue
        one = Filter(negated=f.negated)  # this side's filter, with the root for countries and actors
        if summary is not summaries.DYADS:
            one = replace(one, root=f.root, cameo=_prefix(f))
        one = replace(one, **{name: getattr(f, name)})
        conditions, params = _months_reaching(f, *(summary_of(summary, one) or ([], [])))
        sql = f"SELECT month, sum(events) FROM {summary.table}{where_sql(conditions)} GROUP BY month"  # noqa: S608
        covers = one.used() - DATES
        found.append(_counted(con, sql, params, covers, exact=covers == rest and whole, close=covers == rest))
    return found


def _months_reaching(f: Filter, conditions: list[str], params: list[Any]) -> tuple[list[str], list[Any]]:
    """Conditions for the whole months that reach into `f`'s dates: more than they hold, never less."""
    if f.since:
        conditions, params = [*conditions, "month >= date_trunc('month', ?::DATE)"], [*params, f.since]
    if f.until:
        conditions, params = [*conditions, "month <= ?::DATE"], [*params, f.until]
    return conditions, params


def _exact_total(con: duckdb.DuckDBPyConnection, f: Filter) -> int | None:
    """How many events `f` selects, from a summary or the word index, when one tells them all apart."""
    if f.terms:
        return _term_total(con, f) if ENABLED else None
    for summary in (summaries.MONTHS, summaries.DYADS, summaries.COUNTRIES, summaries.CODES):
        found = summary_of(summary, f)
        if found is None:
            continue
        source, params = monthly(summary, f, *found)
        sql = f"SELECT sum(events) FROM {source}"  # noqa: S608
        row = con.execute(sql, params).fetchall()[0]
        return int(row[0]) if row and row[0] is not None else 0
    return None


def _rowids(
    con: duckdb.DuckDBPyConnection, where: str, params: list[Any], limit: int | None, offset: int
) -> list[int]:
    sql = f"SELECT rowid FROM events{where} {ORDER}"  # noqa: S608
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [int(row[0]) for row in con.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class Page:
    ids: list[int]  # rowids of the page's events, in order
    total: int | None  # how many events match, where known without counting them one by one


def page(con: duckdb.DuckDBPyConnection, f: Filter, limit: int | None, offset: int = 0) -> Page:
    """The rowids of events `offset` to `offset + limit` of those `f` selects, newest first (all of
    them when `limit` is None), and their total when a summary or the word index knows it."""
    f = f.indexed(con)
    where, params = f.where(con)
    if limit is None or not ENABLED:  # every row (`events` without a limit needs no total)
        return Page(
            _rowids(con, where, params, limit, offset), None if limit is None else _exact_total(con, f)
        )
    if f.terms and (few := _few_with_words(con, f)) is not None:
        return Page(few[offset : offset + limit], len(few))
    if (bulk := _bulk(con, f)) is not None:
        return Page(bulk.page(con, limit, offset), bulk.total)
    counts = _counts(con, f)
    best = min(counts, key=lambda c: (not c.exact, not c.close, c.total))
    total = best.total if best.exact else _exact_total(con, f)
    cutoff = best.cutoff(_need(con, f, best, counts, offset + limit))
    if cutoff is not None:
        windowed_where, windowed_params = _windowed(con, f, cutoff)
        ids = _rowids(con, windowed_where, windowed_params, limit, offset)
        expected = limit if total is None else min(limit, max(0, total - offset))
        if len(ids) >= expected:
            return Page(ids, total)
    return Page(_rowids(con, where, params, limit, offset), total)


def _need(con: duckdb.DuckDBPyConnection, f: Filter, best: Counts, counts: list[Counts], rows: int) -> int:
    """How many of `best`'s events to reach back for, to find `rows` of `f`'s: as many when it counts
    `f`'s own events, else twice as many as the other sources' shares of all events say (taken as
    independent), and `MARGIN` times more for filters no source counts."""
    if best.close:
        return rows
    everything = max(1, int(con.execute("SELECT count(*) FROM events").fetchall()[0][0]))
    share = 1.0
    for other in counts:
        if other is not best:
            share *= min(1.0, other.total / everything)
    known = frozenset().union(*(c.covers for c in counts))
    unknown = (f.used() - DATES) - known
    return int(min(everything, 2 * rows / max(share, 1e-9) * (MARGIN if unknown else 1)))


def _few_with_words(con: duckdb.DuckDBPyConnection, f: Filter) -> list[int] | None:
    """All the events of a text query whose other filters select few events (a dyad, say), newest
    first, as rowids: those few found from their columns, then kept when the postings of every term
    hold them (a lookup of a few thousand ids, not a join with every posting). None when they are many."""
    terms = f.index or ()
    rest = replace(f, terms=(), index=())
    if not rest.used() - DATES or min(c.total for c in _summary_counts(con, rest)) > FEW:
        return None
    where, params = rest.where(con)
    for term in terms:  # what the postings cannot say: words with other characters, read with ILIKE
        if term.words is not None and not term.words:
            return []
        if term.words is None or not term.exact:
            condition, values = wordindex.condition(replace(term, words=None))
            where, params = and_(where, condition), [*params, *values]
    rows = con.execute(f"SELECT rowid, global_event_id, date FROM events{where}", params).fetchall()  # noqa: S608
    kept = {gid for _, gid, _ in rows}
    indexed = [term for term in terms if term.words]
    if indexed and kept:  # which of them every term's words hold, in one lookup
        ids = ", ".join(str(w) for term in indexed for w in term.words or ())
        found = con.execute(
            f"SELECT DISTINCT word_id, global_event_id FROM event_words WHERE word_id IN ({ids}) "  # noqa: S608
            "AND global_event_id IN (SELECT unnest(?::BIGINT[]))",
            [list(kept)],
        ).fetchall()
        for term in indexed:
            own = set(term.words or ())
            kept &= {gid for word, gid in found if word in own}
    newest = sorted(
        (row for row in rows if row[1] in kept),
        key=lambda row: (row[2] is None, -(row[2].toordinal() if row[2] is not None else 0), row[1]),
    )
    return [int(rowid) for rowid, _, _ in newest]


def _counts(con: duckdb.DuckDBPyConnection, f: Filter) -> list[Counts]:
    """Every source of counts per date for `f`: the word index's for its terms first (when its count
    is exact, no other is asked), the summaries' for the rest."""
    words = _term_counts(con, f) if f.terms else None
    if words is not None and words.exact:
        return [words]
    counts = _summary_counts(con, f) if not f.terms or f.used() - DATES - {"terms"} else []
    return counts + ([words] if words is not None else []) or _summary_counts(con, f)


def _windowed(con: duckdb.DuckDBPyConnection, f: Filter, cutoff: dt.date) -> tuple[str, list[Any]]:
    """`f`'s WHERE clause narrowed to events dated on or after `cutoff`, postings included."""
    where, params = replace(f, terms=(), index=None).where(con)
    where = and_(where, "date >= ?::DATE")
    params = [*params, cutoff]
    for term in f.index or ():
        condition, values = wordindex.condition(term, since=cutoff)
        where = and_(where, condition)
        params += values
    return where, params


def _dated(f: Filter, alias: str = "") -> tuple[list[str], list[Any]]:
    """Conditions on postings (global_event_id, date, negated) for `f`'s dates and negated events."""
    conditions = [] if f.negated else [f"NOT {alias}negated"]
    params: list[Any] = []
    if f.since:
        conditions.append(f"{alias}date >= ?::DATE")
        params.append(f.since)
    if f.until:
        conditions.append(f"{alias}date <= ?::DATE")
        params.append(f.until)
    return conditions, params


def _term_counts(con: duckdb.DuckDBPyConnection, f: Filter) -> Counts | None:
    """Counts per date of the events whose words hold `f`'s rarest indexed term: exact when the terms
    are `f`'s only filter (dates apart) and their postings are the answer; then, with several terms,
    of the rarest term's events the other terms' postings hold too (so the total and the newest page
    need no other count)."""
    indexed = [t for t in f.index or () if t.words is not None]
    if not indexed:
        return None
    rarest = min(indexed, key=lambda t: t.events)
    conditions, params = _dated(f)
    alone = not f.used() - DATES - {"terms"}
    answer = alone and len(indexed) == len(f.terms) and all(t.exact for t in indexed)
    counted = "count(*)"
    if answer:
        for other in indexed:
            if other is not rarest:
                ids = ", ".join(str(w) for w in other.words or ()) or "NULL"
                holds = f"SELECT global_event_id FROM event_words WHERE word_id IN ({ids})"  # noqa: S608
                conditions.append(f"global_event_id IN ({holds})")
        if len(rarest.words or ()) != 1:  # an event is posted once for each of its words holding it
            counted = "count(DISTINCT global_event_id)"
    sql = f"SELECT date, {counted} FROM ({wordindex.postings(rarest)}){where_sql(conditions)} GROUP BY date"  # noqa: S608
    covers = frozenset({"terms"}) if len(f.terms) == 1 and rarest.exact else frozenset()
    return _counted(
        con, sql, params, covers | (frozenset({"terms"}) if answer else frozenset()), exact=answer
    )


def _term_total(con: duckdb.DuckDBPyConnection, f: Filter) -> int | None:
    """How many events hold every term of `f`, from the word index, when its postings are the answer
    (every term indexed and exact) and `f` asks nothing else (dates apart): the rarest term's events
    that the others' postings hold too."""
    terms = f.index or ()
    if f.used() - DATES - {"terms"} or not all(t.words is not None and t.exact for t in terms):
        return None
    if (bulk := _bulk(con, f)) is not None:
        return bulk.total
    rarest = min(terms, key=lambda t: t.events)
    conditions, params = _dated(f)
    for other in terms:
        if other is not rarest:
            ids = ", ".join(str(w) for w in other.words or ()) or "NULL"
            holds = f"SELECT global_event_id FROM event_words WHERE word_id IN ({ids})"  # noqa: S608
            conditions.append(f"global_event_id IN ({holds})")
    counted = "count(*)" if len(rarest.words or ()) == 1 else "count(DISTINCT global_event_id)"
    sql = f"SELECT {counted} FROM ({wordindex.postings(rarest)}){where_sql(conditions)}"  # noqa: S608
    return int(con.execute(sql, params).fetchall()[0][0])


def at_most(con: duckdb.DuckDBPyConnection, f: Filter) -> int:
    """How many events `f` selects at most, from the summaries and the word index (cheaply)."""
    f = f.indexed(con)
    if (bulk := _bulk(con, f)) is not None:
        return bulk.total
    return min(c.total for c in _counts(con, f))


# ---- several frequent words: their postings intersected in numpy -------------------------------------


@dataclass(frozen=True, slots=True)
class Bulk:
    """The events whose words hold every term of a text query, as the word index says: `members`, their
    global_event_ids, sorted; `ids` and `days`, the rarest term's postings within the query's dates
    (global_event_id, and the date as days since 1970-01-01, `NO_DAY` when undated), of which the
    members are some."""

    members: np.ndarray
    ids: np.ndarray
    days: np.ndarray

    @property
    def total(self) -> int:
        return len(self.members)

    def newest(self, need: int) -> tuple[np.ndarray, np.ndarray]:
        """The global_event_ids and days of the newest `need` members (fewer when there are fewer),
        newest first as `ORDER` sorts them: read from the rarest term's newest postings, reaching back
        further until `need` of them are members (every member dated before the postings read is older
        than all of those, so the newest `need` are among those read)."""
        if need <= 0 or not len(self.members):
            return self.ids[:0], self.days[:0]
        reach = max(need, 2 * need * len(self.ids) // len(self.members))  # twice what their share says
        while True:
            if reach >= len(self.ids):
                read = np.arange(len(self.ids))
            else:  # every posting dated on or after the `reach`-th newest day
                day = np.partition(self.days, len(self.days) - reach)[len(self.days) - reach]
                read = np.flatnonzero(self.days >= day)
            ids = self.ids[read]
            at = np.minimum(np.searchsorted(self.members, ids), len(self.members) - 1)
            held = self.members[at] == ids
            ids, first = np.unique(ids[held], return_index=True)  # a posting per word holding the term
            days = self.days[read][held][first]
            if len(ids) >= need or len(read) == len(self.ids):
                break
            reach = max(2 * reach, int(reach * 2 * need / max(1, len(ids))))
        order = np.lexsort((ids, -days))[:need]  # date descending (undated last), then global_event_id
        return ids[order], days[order]

    def page(self, con: duckdb.DuckDBPyConnection, limit: int, offset: int) -> list[int]:
        """The rowids in `events` of members `offset` to `offset + limit`, newest first."""
        ids, days = self.newest(offset + limit)
        ids, days = ids[offset:], days[offset:]
        if not len(ids):
            return []
        dated = ""
        if days.min() > NO_DAY:  # the page's dates: `events` is clustered by date, a few row groups hold them
            first, last = (dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in (days.min(), days.max()))
            dated = f" AND date BETWEEN {_literal(first)} AND {_literal(last)}"
        listed = "global_event_id IN (SELECT unnest(?::BIGINT[]))"
        sql = f"SELECT global_event_id, rowid FROM events WHERE {listed}{dated}"  # noqa: S608
        rows = con.execute(sql, [ids.tolist()]).fetchall()
        rowid = {int(gid): int(row) for gid, row in rows}
        return [rowid[int(gid)] for gid in ids]


def _bulk(con: duckdb.DuckDBPyConnection, f: Filter) -> Bulk | None:
    """The events of a text query of several terms, each held by `BULK` events or more, that asks
    nothing else (dates and negated events apart): each term's postings read as arrays of ids, and
    those every term holds found by sorting them together (one sort instead of hash joins of several
    large sets). None for any other question."""
    terms = f.index or ()
    if (
        not ENABLED
        or len(terms) < 2
        or f.used() - DATES - {"terms"}
        or not all(t.words is not None and t.exact for t in terms)
        or min(t.events for t in terms) < BULK
    ):
        return None
    rarest = min(terms, key=lambda t: t.events)
    conditions, params = _dated(f)
    moved = bool(con.execute("SELECT count(*) FROM event_words_moved").fetchall()[0][0])
    postings = wordindex.postings(rarest, moved=moved)
    sql = f"SELECT global_event_id, date FROM ({postings}){where_sql(conditions)}"  # noqa: S608
    found = con.sql(sql, params=params).to_arrow_table()  # arrow: the fastest way out of DuckDB here
    ids = _int64(found.column(0))
    days = np.asarray(found.column(1).to_numpy(zero_copy_only=False), dtype="datetime64[D]").view(np.int64)
    days = np.where(days == np.iinfo(np.int64).min, NO_DAY, days)  # NaT: undated
    held = [np.unique(ids) if len(rarest.words or ()) > 1 else ids]
    for term in terms:
        if term is not rarest:
            words = ", ".join(str(int(w)) for w in term.words or ()) or "NULL"
            sql = f"SELECT global_event_id FROM event_words WHERE word_id IN ({words})"  # noqa: S608
            other = _int64(con.sql(sql).to_arrow_table().column(0))
            held.append(np.unique(other) if len(term.words or ()) > 1 else other)
    # each term holds an event once: those held by every term are found len(terms) times in a row
    together = np.sort(np.concatenate(held))
    n = len(terms)
    members = together[: len(together) - n + 1][together[: len(together) - n + 1] == together[n - 1 :]]
    return Bulk(members, ids, days)


def _int64(column: Any) -> np.ndarray:
    """A column of BIGINT without NULLs (a pyarrow chunked array) as a numpy array."""
    return np.asarray(column.to_numpy(), dtype=np.int64)
