"""Which table answers a question: a summary table when the question's filters are columns it is grouped
by, the word index for the words of a text query, the events table for the rest, and never all events
when a page needs only the newest few.

- Whole months come from the monthly summaries; the days before the first whole month and after the
  last one are counted from `events` (a date range, which DuckDB reads from a few row groups, as events
  are written in date order: see `store.derived`), so any `since`/`until` stays exact to the day.
- A page of events, newest first, is read from the events dated on or after a cutoff: the day (or
  month) by which the newest `offset + page_size` matching events are reached, read from a summary's
  counts. When a summary counts more than the question selects (it knows only some of the filters), the
  cutoff is set for many times the page, and if the events on or after it still do not fill the page,
  the page is read again without a cutoff. Either way the page is exactly the one without a cutoff.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from worldwire.store import summaries, wordindex
from worldwire.store.filters import Filter, and_

if TYPE_CHECKING:
    import duckdb

ORDER = "ORDER BY date DESC NULLS LAST, global_event_id"
# False: every question reads `events` alone, as before the summaries (tests compare the two answers).
ENABLED = True
MARGIN = 16  # a cutoff from counts of more than the question selects: this many pages' worth
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
        last = end.replace(day=1) if end == _month_end(end) else (end.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        if end != _month_end(end):
            edge = (max(end.replace(day=1), start) if start else end.replace(day=1), end)
            if not edges or edges[0] != edge:
                edges.append(edge)
    return Months(first, last, tuple(edges))


def where_sql(conditions: Sequence[str]) -> str:
    """` WHERE a AND b`, or nothing."""
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def monthly(
    summary: summaries.Summary,
    f: Filter,
    conditions: Sequence[str],
    params: Sequence[Any],
    *,
    ever: bool = False,
) -> tuple[str, list[Any]]:
    """A subquery of `summary`'s rows for the dates of `f`: whole months from the summary table, the days
    at either end from `events`; `conditions` (over the summary's columns) select the rest of `f`.
    `ever`: without dates, its all-time twin's rows, when it has one (they have no `month`)."""
    if ever and not f.since and not f.until and summary.table in summaries.EVER:
        return f"(SELECT * FROM {summaries.EVER[summary.table].table}{where_sql(conditions)})", list(params)  # noqa: S608
    span = months(f.since, f.until)
    table: list[str] = []  # dates are written as literals: they are dates, and the parts repeat them
    if f.since:
        table.append(f"month >= {_literal(span.first)}")
    if f.until:
        table.append(f"month <= {_literal(span.last)}")
    sql = f"SELECT * FROM {summary.table}{where_sql(table)}"  # noqa: S608
    if span.edges:
        ranges = " OR ".join(f"date BETWEEN {_literal(a)} AND {_literal(b)}" for a, b in span.edges)
        sql += f" UNION ALL SELECT * FROM ({summary.rows('events', f' AND ({ranges})')})"  # noqa: S608
    return f"(SELECT * FROM ({sql}){where_sql(conditions)})", list(params)  # noqa: S608


def _literal(day: dt.date | None) -> str:
    assert day is not None
    return f"DATE '{day.isoformat()}'"


def summary_of(summary: summaries.Summary, f: Filter) -> tuple[list[str], list[Any]] | None:
    """Conditions over `summary`'s columns that select exactly the events `f` selects, dates apart (for
    the monthly summaries) or with them (days); None when `summary` cannot tell those events apart."""
    if not ENABLED:
        return None
    rest = f.used() - DATES
    conditions: list[str] = []
    params: list[Any] = []
    negated_column = summary is not summaries.DYADS
    if not f.negated and negated_column:
        conditions.append("NOT negated")
    if summary is summaries.DAYS:
        if rest - {"root", "plover", "min_confidence", "modality"}:
            return None
        if f.modality is not None:
            conditions.append("modality = ?")
            params.append(f.modality)
        if f.root is not None:
            conditions.append("cameo_root = ?")
            params.append(f.root)
        if f.plover is not None:
            conditions.append("plover = ?")
            params.append(f.plover)
        if f.min_confidence is not None:
            k = tenths(f.min_confidence)
            if k is None:
                return None
            conditions.append("confidence_tenths >= ?")
            params.append(k)
        if f.since:
            conditions.append("date >= ?::DATE")
            params.append(f.since)
        if f.until:
            conditions.append("date <= ?::DATE")
            params.append(f.until)
        return conditions, params
    if summary is summaries.DYADS:
        if rest != {"dyad"}:
            return None
        keys = f.dyad_keys()
        conditions.append(f"dyad IN ({', '.join('?' for _ in keys)})")
        return conditions, [*params, *keys]
    if summary is summaries.COUNTRIES:
        if rest != {"country"}:
            return None
        return [*conditions, "country = ?"], [*params, f.country]
    if summary is summaries.CODES:
        if rest != {"actor_code"}:
            return None
        return [*conditions, "code = ?"], [*params, f.actor_code]
    if rest:  # actors, edges and places: dates and negated events only
        return None
    return conditions, params


MEAN = (
    "CASE WHEN sum(goldstein_odd) > 0 THEN 'NaN'::DOUBLE "
    "ELSE round(sum(goldstein_sum)::DOUBLE / nullif(sum(goldstein_n), 0), 2) END"
)


# ---- pages of events, newest first ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """How many events a source counts per date (a day, or a month's first day), newest first; `exact`:
    it counts what the question selects, no more."""

    per_date: list[tuple[dt.date, int]]
    undated: int
    exact: bool
    close: bool = False  # exact but for the months at either end of a date range

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
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], exact: bool, close: bool = False
) -> Counts:
    rows = con.execute(sql, params).fetchall()
    dated = sorted(((d, int(n)) for d, n in rows if d is not None), reverse=True)
    return Counts(dated, sum(int(n) for d, n in rows if d is None), exact, close or exact)


def _summary_counts(con: duckdb.DuckDBPyConnection, f: Filter) -> list[Counts]:
    """Counts per date from the summaries that can tell apart some of `f`'s events (of those they cannot
    tell apart: more than `f` selects, never fewer)."""
    found = []
    rest = f.used() - DATES
    reduced = Filter(
        root=f.root, plover=f.plover, modality=f.modality, negated=f.negated, since=f.since, until=f.until,
        min_confidence=f.min_confidence if tenths(f.min_confidence) is not None else None,
    )  # fmt: skip
    if reduced.used() - DATES or not rest & {"dyad", "country", "actor_code", "terms"}:
        days = summary_of(summaries.DAYS, reduced)
        assert days is not None
        sql = f"SELECT date, sum(events) FROM summary_days{where_sql(days[0])} GROUP BY date"  # noqa: S608
        found.append(_counted(con, sql, days[1], exact=reduced.used() - DATES == rest))
    for summary, name in (
        (summaries.DYADS, "dyad"),
        (summaries.COUNTRIES, "country"),
        (summaries.CODES, "actor_code"),
    ):
        if name not in rest:
            continue
        value = getattr(f, name)
        one = Filter(negated=f.negated, **{name: value})
        conditions, params = summary_of(summary, one) or ([], [])
        if f.since:  # whole months that reach into the range: more than it holds, never less
            conditions = [*conditions, "month >= date_trunc('month', ?::DATE)"]
            params = [*params, f.since]
        if f.until:
            conditions = [*conditions, "month <= ?::DATE"]
            params = [*params, f.until]
        sql = f"SELECT month, sum(events) FROM {summary.table}{where_sql(conditions)} GROUP BY month"  # noqa: S608
        found.append(_counted(con, sql, params, exact=False, close=rest == {name}))
    if not found:  # every event: more than `f` selects, never fewer
        sql = f"SELECT date, sum(events) FROM summary_days{where_sql(['NOT negated'] * (not f.negated))} GROUP BY date"  # noqa: S608
        found.append(_counted(con, sql, [], exact=False))
    return found


def _exact_total(con: duckdb.DuckDBPyConnection, f: Filter) -> int | None:
    """How many events `f` selects, from a summary or the word index, when one tells them all apart."""
    if f.terms:
        return _term_total(con, f) if ENABLED else None
    for summary in (summaries.DAYS, summaries.DYADS, summaries.COUNTRIES, summaries.CODES):
        found = summary_of(summary, f)
        if found is None:
            continue
        if summary is summaries.DAYS:
            sql = f"SELECT sum(events) FROM summary_days{where_sql(found[0])}"  # noqa: S608
            params = found[1]
        else:
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


def page(
    con: duckdb.DuckDBPyConnection, f: Filter, limit: int | None, offset: int = 0
) -> Page:
    """The rowids of events `offset` to `offset + limit` of those `f` selects, newest first (all of
    them when `limit` is None), and their total when a summary or the word index knows it."""
    f = f.indexed(con)
    where, params = f.where(con)
    if limit is None or not ENABLED:
        return Page(_rowids(con, where, params, limit, offset), _exact_total(con, f))
    counts = _counts(con, f)
    best = min(counts, key=lambda c: (not c.exact, not c.close, c.total))
    total = best.total if best.exact else _exact_total(con, f)
    cutoff = best.cutoff((offset + limit) * (1 if best.close else MARGIN))
    if cutoff is not None:
        windowed_where, windowed_params = _windowed(con, f, cutoff)
        ids = _rowids(con, windowed_where, windowed_params, limit, offset)
        expected = limit if total is None else min(limit, max(0, total - offset))
        if len(ids) >= expected:
            return Page(ids, total)
    return Page(_rowids(con, where, params, limit, offset), total)


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
    """Counts per date of the events whose words hold `f`'s rarest indexed term: exact when that is
    `f`'s only filter (dates apart), its postings are the answer and one word holds it."""
    indexed = [t for t in f.index or () if t.words is not None]
    if not indexed:
        return None
    rarest = min(indexed, key=lambda t: t.events)
    conditions, params = _dated(f)
    sql = f"SELECT date, count(*) FROM ({wordindex.postings(rarest)}){where_sql(conditions)} GROUP BY date"  # noqa: S608
    alone = len(f.terms) == 1 and not f.used() - DATES - {"terms"}
    return _counted(con, sql, params, exact=alone and rarest.exact and len(rarest.words or ()) == 1)


def _term_total(con: duckdb.DuckDBPyConnection, f: Filter) -> int | None:
    """How many events hold every term of `f`, from the word index, when its postings are the answer
    (every term indexed and exact) and `f` asks nothing else (dates apart)."""
    terms = f.index or ()
    if f.used() - DATES - {"terms"} or not all(t.words is not None and t.exact for t in terms):
        return None
    conditions, params = _dated(f)
    parts = [f"SELECT global_event_id FROM ({wordindex.postings(t)}){where_sql(conditions)}" for t in terms]  # noqa: S608
    sql = f"SELECT count(*) FROM ({' INTERSECT '.join(parts) if len(parts) > 1 else 'SELECT DISTINCT * FROM (' + parts[0] + ')'})"  # noqa: S608
    return int(con.execute(sql, params * len(parts)).fetchall()[0][0])


def at_most(con: duckdb.DuckDBPyConnection, f: Filter) -> int:
    """How many events `f` selects at most, from the summaries and the word index (cheaply)."""
    return min(c.total for c in _counts(con, f.indexed(con)))
