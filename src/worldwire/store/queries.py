"""Questions asked of the store: events of a dyad, the busiest dyads, a dyad's timeline, the ingest log.

Each returns a DuckDB relation, so the CLI prints it as a table, CSV or JSON and the Python API hands
it over as pandas or Arrow, from the same SQL. Negated events are stored but left out unless asked for.
The HTTP API's questions (a page of events, one event or article with its evidence, actors, their
network, places) return plain rows, ready for JSON. Values always travel as SQL parameters.

Where the summary tables or the word index can answer a question (`store.plans` says which), they are
read instead of every event: the same rows in the same order, at millions of events in milliseconds.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, NamedTuple, ParamSpec

from worldwire.errors import Errors, WorldwireError
from worldwire.store import names, plans
from worldwire.store.filters import MAX_TERMS, MODALITIES, Filter, and_, bad, plover_categories
from worldwire.store.summaries import (
    ACTORS,
    COUNTRIES,
    DAYS,
    DYADS,
    EDGES,
    GOLDSTEIN_MEASURES,
    GOLDSTEIN_SUMS,
    MONTHS,
    PLACES,
    mean,
)
from worldwire.store.writer import NEGATED_DYAD

if TYPE_CHECKING:
    import duckdb

__all__ = ["MAX_TERMS", "MODALITIES", "plover_categories"]

PERIODS = ("day", "week", "month", "quarter", "year")
EVENT_COLUMNS = (
    "event_id, date, actor1_code, actor1_name, actor1_country, actor2_code, actor2_name, actor2_country, "
    "cameo, cameo_root, quad_class, goldstein, plover, plover_mode, modality, confidence, num_mentions, "
    "num_articles, "
    "num_sources, avg_tone, is_root, geo_name, geo_country, geo_lat, geo_lon, source_url, evidence"
)
# What a terminal table of events shows, under short headers (CSV and JSON carry every column above;
# `cameo_name`, the codebook's name of the code, is added for the table by `with_cameo_names`).
EVENT_TABLE_COLUMNS = {
    "date": "date",
    "actor1_code": "source",
    "actor2_code": "target",
    "cameo": "cameo",
    "cameo_name": "event",
    "plover": "plover",
    "modality": "modality",
    "evidence": "evidence",
}
# What the HTTP API returns for an event: the columns above and the article that first reported it.
API_EVENT_COLUMNS = EVENT_COLUMNS + ", first_article_id"
MENTION_COLUMNS = (
    'article_id, idx, sentence, start, "end", evidence, trigger, modality, source_text, target_text'
)
MAX_PAGE_SIZE = 200
MAX_DEPTH = 10_000  # page x page_size: deeper pages cost a sort of everything before them; filter instead
# `events` without a limit reads the rows it returns by row id, after finding them in the filter's columns,
# when a summary says there are at most this many (more: one pass over every column is cheaper).
FEW_ROWS = 50_000
_ORDER = plans.ORDER
# The mean Goldstein score of `events` rows, exact as the summaries' (see `summaries.mean`).
EVENTS_MEAN = mean(*(f"sum({expr})" for _, _, expr in GOLDSTEIN_MEASURES))


class Sql(NamedTuple):
    """A question as SQL and its parameters, not yet asked."""

    sql: str
    params: list[Any]


P = ParamSpec("P")


def relation(
    question: Callable[Concatenate[duckdb.DuckDBPyConnection, P], Sql],
) -> Callable[Concatenate[duckdb.DuckDBPyConnection, P], duckdb.DuckDBPyRelation]:
    """The question `question` writes, as a DuckDB relation (for the CLI's tables and the Python API's
    frames). The HTTP API asks the same SQL with `rows` instead: a relation binds its SQL when it is
    made and again when it is read, a millisecond or more each time for the summaries' queries."""

    @functools.wraps(question)
    def ask(con: duckdb.DuckDBPyConnection, /, *args: P.args, **kwargs: P.kwargs) -> duckdb.DuckDBPyRelation:
        sql, params = question(con, *args, **kwargs)
        return con.sql(sql, params=params)

    return ask


def rows(con: duckdb.DuckDBPyConnection, question: Sql) -> list[dict[str, Any]]:
    """The rows of `question` as dicts, ready for JSON (see `records`)."""
    return records(con.execute(question.sql, question.params))


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    dyad: names.Dyad | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    root: str | int | None = None,
    negated: bool = False,
    directed: bool = False,
    limit: int | None = None,
    actor_code: str | None = None,
    cameo: str | None = None,
    plover: str | None = None,
    modality: str | None = None,
    q: str | None = None,
    min_confidence: float | None = None,
) -> duckdb.DuckDBPyRelation:
    """Events (one row per real-world event, however many copies reported it), newest first.

    `actor` is a country code (as source or target), `actor_code` an actor's exact code; see
    `Filter.read`. The matching rows are found from the filter's columns first (the newest ones only,
    when there is a limit) and then read whole: sorting every column of every match is the slow way.
    """
    f = Filter.read(
        dyad, actor, since, until, root, negated, directed, actor_code=actor_code, cameo=cameo,
        plover=plover, modality=modality, q=q, min_confidence=min_confidence,
    )  # fmt: skip
    if plans.ENABLED and (
        (limit is not None and limit >= 0) or (limit is None and plans.at_most(con, f) <= FEW_ROWS)
    ):
        ids = plans.page(con, f, limit, 0).ids
        return con.sql(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE rowid = ANY(?::BIGINT[]) {_ORDER}",  # noqa: S608
            params=[ids],
        )
    where, params = f.where(con)
    sql = f"SELECT {EVENT_COLUMNS} FROM events{where} {_ORDER}"  # noqa: S608
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return con.sql(sql, params=params)


def with_cameo_names(frame: Any) -> Any:
    """A pandas frame of events with `cameo_name` (the codebook's name of each code) beside `cameo`."""
    position = list(frame.columns).index("cameo") + 1 if "cameo" in frame.columns else len(frame.columns)
    values = [names.cameo_name(code) for code in frame["cameo"]] if "cameo" in frame.columns else []
    frame = frame.copy()
    frame.insert(position, "cameo_name", values)
    return frame


def event_page(
    con: duckdb.DuckDBPyConnection,
    *,
    page: int = 1,
    page_size: int = 50,
    dyad: names.Dyad | None = None,
    country: str | None = None,
    actor_code: str | None = None,
    cameo: str | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    negated: bool = False,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """One page of events, newest first, with how many match: `{page, page_size, total, items}`.

    Pages stop at MAX_DEPTH results (E702): an offset is a sort of every row before it, and nobody
    reads ten thousand events one page at a time; narrower filters answer faster and better.
    """
    if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise bad(f"page must be 1 or more and page_size 1 to {MAX_PAGE_SIZE}, not {page} and {page_size}")
    if page * page_size > MAX_DEPTH:
        raise WorldwireError(Errors.E702.format(page=page, page_size=page_size, limit=MAX_DEPTH))
    f = Filter.read(
        dyad, country, since, until, root, negated, False, actor_code=actor_code, cameo=cameo,
        plover=plover, modality=modality, q=q, min_confidence=min_confidence,
    )  # fmt: skip
    offset = (page - 1) * page_size
    # Two steps: the page's row ids from the filter and sort columns alone (from the newest events only,
    # see `plans.page`), then only the page's rows.
    found = plans.page(con, f, page_size, offset)
    ids = found.ids
    rows = con.execute(f"SELECT rowid, {API_EVENT_COLUMNS} FROM events WHERE rowid = ANY(?::BIGINT[])", [ids])  # noqa: S608
    by_id = {item.pop("rowid"): item for item in records(rows)}
    items = [{**by_id[i], "cameo_name": names.cameo_name(by_id[i]["cameo"])} for i in ids]
    if found.total is not None:  # a summary or the word index counted them
        total = found.total
    elif 0 < len(items) < page_size or (page == 1 and not items):  # the last page: no need to count
        total = offset + len(items)
    else:
        where, params = f.where(con)
        total = _scalar(con, f"SELECT count(*) FROM events{where}", params)  # noqa: S608
    return {"page": page, "page_size": page_size, "total": total, "items": items}


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event (negated ones too) and every report of it: article, sentence, offsets, evidence."""
    found = records(con.execute(f"SELECT {API_EVENT_COLUMNS} FROM events WHERE event_id = ?", [event_id]))  # noqa: S608
    if not found:
        return None
    mentions = con.execute(
        f"SELECT {MENTION_COLUMNS} FROM mentions WHERE event_id = ? ORDER BY article_id, idx",  # noqa: S608
        [event_id],
    )
    return {**found[0], "cameo_name": names.cameo_name(found[0]["cameo"]), "mentions": records(mentions)}


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One stored article: its cleaned text and its events, whose start/end are offsets into that text."""
    rows = con.execute(
        "SELECT article_id, title, date, source, url, record FROM articles WHERE article_id = ?", [article_id]
    ).fetchall()
    if not rows:
        return None
    article_id, title, date, source, url, record = rows[0]
    events = con.execute(
        """
        SELECT m.event_id, e.cameo, e.plover, m.modality, e.quad_class, e.goldstein, e.actor1_code,
               e.actor2_code, m.sentence, m.start, m."end", m.evidence, m.trigger
        FROM mentions m JOIN events e USING (event_id)
        WHERE m.article_id = ? ORDER BY m.start NULLS LAST, m.idx
        """,
        [article_id],
    )
    return {
        "article_id": article_id,
        "title": title,
        "date": date,
        "source": source,
        "url": url,
        "text": json.loads(record).get("text"),
        "events": records(events),
    }


def dyads_sql(
    con: duckdb.DuckDBPyConnection,
    *,
    top: int = 20,
    since: str | None = None,
    until: str | None = None,
    negated: bool = False,
    country: str | None = None,
    min_confidence: float | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    q: str | None = None,
) -> Sql:
    """The country pairs with the most events (either direction), with mentions and mean Goldstein;
    with `country`, the pairs that country is in."""
    # Rows are grouped by their dyad key first (a few thousand keys), and only the keys are split: no
    # string work per event. Negated events have keys of their own and are dropped or merged per key.
    f = Filter.read(
        None, country, since, until, root, True, False, min_confidence=min_confidence, plover=plover, q=q
    ).indexed(con)
    sums = (
        "sum(events) AS events, sum(mentions) AS mentions, sum(goldstein_sum) AS goldstein_sum, "
        "sum(goldstein_n) AS goldstein_n, sum(goldstein_odd) AS goldstein_odd, "
        "sum(verbal_coop + material_coop) AS cooperation, "
        "sum(verbal_conflict + material_conflict) AS conflict"
    )
    # one frequent word; without dates: the root and confidence too
    summed = plans.worded(con, DYADS, f, negated=False) or plans.all_time(DYADS, f, negated=False)
    if summed is None and plans.ENABLED and not f.used() - {"since", "until", "negated", "country"}:
        conditions, params = [], []
        if f.country is not None:
            conditions = [f"? IN ({_KEY_FIRST}, {_KEY_SECOND})"]
            params = [f.country]
        summed = plans.monthly(DYADS, f, conditions, params)
    if summed is not None:
        source, params = summed
        per_key = f"SELECT dyad, {sums} FROM {source} GROUP BY dyad"  # noqa: S608
    else:
        where, params = f.where(con)
        per_key = f"""
            SELECT dyad, count(*) AS events, sum(num_mentions) AS mentions, {GOLDSTEIN_SUMS},
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
            FROM events{and_(where, "dyad IS NOT NULL")}
            GROUP BY dyad
        """  # noqa: S608
    keep = "" if negated else f"WHERE NOT ends_with(dyad, '{NEGATED_DYAD}')"
    sql = f"""
        WITH per_key AS ({per_key})
        SELECT {_KEY_FIRST} AS country1, {_KEY_SECOND} AS country2,
               sum(events)::BIGINT AS events, sum(mentions)::BIGINT AS mentions,
               {plans.MEAN} AS mean_goldstein,
               sum(cooperation)::BIGINT AS cooperation, sum(conflict)::BIGINT AS conflict
        FROM per_key {keep}
        GROUP BY country1, country2 ORDER BY events DESC, mentions DESC, country1, country2 LIMIT {int(top)}
    """  # noqa: S608
    return Sql(sql, list(params))


dyads = relation(dyads_sql)


_KEY_FIRST = "split_part(split_part(dyad, ' ', 1), '-', 1)"
_KEY_SECOND = "split_part(split_part(dyad, ' ', 1), '-', 2)"
_TIMELINE_SUMS = (
    "sum(events)::BIGINT AS events, sum(verbal_coop)::BIGINT AS verbal_coop, "
    "sum(material_coop)::BIGINT AS material_coop, sum(verbal_conflict)::BIGINT AS verbal_conflict, "
    f"sum(material_conflict)::BIGINT AS material_conflict, {plans.MEAN} AS mean_goldstein, "
    "sum(mentions)::BIGINT AS mentions"
)


def _counted_by(
    con: duckdb.DuckDBPyConnection, f: Filter, by: str | None
) -> tuple[str, list[Any], str] | None:
    """Where `f`'s events are counted per period `by` (None: the undated ones) with the column holding
    their dates (a summary's rows, `events` columns with measures), or None when only `events` can."""
    monthly = by in (None, "month", "quarter", "year")
    worded = plans.worded(con, MONTHS, f) if monthly else None  # one frequent word
    if worded is not None:
        return *worded, "month"
    for summary in (MONTHS, DYADS, COUNTRIES) if monthly else (DAYS,):
        found = plans.summary_of(summary, f)
        if found is None:
            continue
        if summary is DAYS:
            return f"(SELECT * FROM summary_days{plans.where_sql(found[0])})", found[1], "date"  # noqa: S608
        return *plans.monthly(summary, f, *found), "month"
    return None


def timeline_sql(
    con: duckdb.DuckDBPyConnection,
    a: str | None,
    b: str | None,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    negated: bool = False,
    directed: bool = False,
    country: str | None = None,
    min_confidence: float | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    q: str | None = None,
) -> Sql:
    """Events of the dyad `a`, `b` (or of `a` alone written as a dyad, "CHN-KAZ"; every event when both
    are None; `country`: that country's) per period: counts by QuadClass and the mean Goldstein score."""
    if by not in PERIODS:
        raise WorldwireError(
            Errors.E603.format(reason=f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
        )
    f = Filter.read(
        _pair(a, b), country, since, until, root, negated, directed, min_confidence=min_confidence,
        plover=plover, q=q,
    ).indexed(con)  # fmt: skip
    counted = _counted_by(con, f, by)
    if counted is not None:
        source, params, column = counted
        sql = f"""
            SELECT date_trunc('{by}', {column})::DATE AS period, {_TIMELINE_SUMS}
            FROM {source} WHERE {column} IS NOT NULL
            GROUP BY period ORDER BY period
        """  # noqa: S608
        return Sql(sql, list(params))
    where, params = f.where(con)
    where = and_(where, "date IS NOT NULL")
    sql = f"""
        SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               {EVENTS_MEAN} AS mean_goldstein, sum(num_mentions)::BIGINT AS mentions
        FROM events{where}
        GROUP BY period ORDER BY period
    """  # noqa: S608
    return Sql(sql, params)


timeline = relation(timeline_sql)


def _pair(a: str | None, b: str | None) -> names.Dyad | None:
    """The dyad of `timeline(a, b)`: two countries, or `a` alone holding both ("CHN-KAZ")."""
    if a is not None and b is not None:
        return (a, b)
    return a if a is not None else None


def undated(
    con: duckdb.DuckDBPyConnection,
    a: str | None,
    b: str | None,
    *,
    negated: bool = False,
    directed: bool = False,
    country: str | None = None,
    min_confidence: float | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    q: str | None = None,
) -> int:
    """How many events of what `timeline` counts have no date, so a timeline can say what it leaves out."""
    f = Filter.read(
        _pair(a, b), country, None, None, root, negated, directed, min_confidence=min_confidence,
        plover=plover, q=q,
    ).indexed(con)  # fmt: skip
    counted = _counted_by(con, f, None)
    if counted is not None:
        source, params, column = counted
        return _scalar(con, f"SELECT sum(events) FROM {source} WHERE {column} IS NULL", params)  # noqa: S608
    where, params = f.where(con)
    return _scalar(con, f"SELECT count(*) FROM events{and_(where, 'date IS NULL')}", params)  # noqa: S608


def event_types() -> dict[str, list[dict[str, str]]]:
    """The CAMEO roots and PLOVER categories a filter takes, with their codebook names (for pickers)."""
    roots = [{"code": f"{r:02d}", "name": names.cameo_name(f"{r:02d}") or ""} for r in range(1, 21)]
    return {"cameo_roots": roots, "plover": [{"code": c, "name": c.lower()} for c in plover_categories()]}


# What `status` counts, in one statement: (name, SQL of one number).
_STATUS_COUNTS = (
    ("articles", "SELECT count(*) FROM articles"),
    ("clusters", "SELECT count(*) FROM clusters"),
    ("events", "SELECT sum(events) FROM summary_months WHERE NOT negated"),
    # events whose articles carry no date: in listings and exports, never on a timeline
    ("undated_events", "SELECT sum(events) FROM summary_months WHERE NOT negated AND month IS NULL"),
    ("negated_events", "SELECT sum(events) FROM summary_months WHERE negated"),
    ("mentions", "SELECT count(*) FROM mentions"),
    ("actors", "SELECT count(*) FROM actors"),
    ("quotes", "SELECT count(*) FROM quotes"),
    ("facts", "SELECT count(*) FROM facts"),
    ("locations", "SELECT count(*) FROM locations"),
    ("runs", "SELECT count(*) FROM runs"),
    ("schema_version", "SELECT max(version) FROM schema_migrations"),
)


def status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the store holds and how every input ever given to it ended (two statements: each costs
    DuckDB more to plan than these counts cost to make)."""
    union = " UNION ALL ".join(f"SELECT '{name}', ({sql})" for name, sql in _STATUS_COUNTS)
    counts = {name: int(value or 0) for name, value in con.execute(union).fetchall()}
    logged = con.execute(
        "SELECT status, CASE WHEN status = 'failed' THEN substr(reason, 1, 6) END AS code, count(*) "
        "FROM ingest_log GROUP BY ALL"
    ).fetchall()
    outcomes: dict[str, int] = {}
    reasons: dict[str | None, int] = {}
    for outcome, code, n in logged:
        outcomes[outcome] = outcomes.get(outcome, 0) + int(n)
        if outcome == "failed":
            reasons[code] = reasons.get(code, 0) + int(n)
    return {
        **{name: counts[name] for name, _ in _STATUS_COUNTS if name not in ("runs", "schema_version")},
        "inputs": sum(outcomes.values()),
        "done": outcomes.get("done", 0),
        "duplicate": outcomes.get("duplicate", 0),
        "failed": outcomes.get("failed", 0),
        # the most frequent first, then by code (a failure without a reason last, as SQL sorts NULL)
        "failures": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))),
        "runs": counts["runs"],
        "schema_version": counts["schema_version"],
    }


def failures(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> duckdb.DuckDBPyRelation:
    sql = (
        "SELECT origin, doc_id, reason, run_id FROM ingest_log WHERE status = 'failed' "
        "ORDER BY logged_at, origin"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return con.sql(sql)


def events_by_root(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    return con.sql(
        "SELECT cameo_root AS root, sum(events)::BIGINT AS events, sum(mentions)::BIGINT AS mentions "
        "FROM summary_months WHERE NOT negated GROUP BY root ORDER BY root"
    )


def articles(con: duckdb.DuckDBPyConnection, origin: str | None = None) -> duckdb.DuckDBPyRelation:
    """Stored articles (one per publication) with their cluster and how many events they report."""
    where, params = ("WHERE a.origin = ?", [origin]) if origin is not None else ("", [])
    return con.sql(
        f"""
        SELECT a.article_id, a.doc_id, a.title, a.date, a.source, a.cluster_id, a.words,
               count(DISTINCT m.event_id) AS events,
               list(DISTINCT e.cameo ORDER BY e.cameo) FILTER (WHERE e.cameo IS NOT NULL) AS cameo_codes
        FROM articles a LEFT JOIN mentions m USING (article_id) LEFT JOIN events e USING (event_id)
        {where}
        GROUP BY ALL ORDER BY a.date NULLS LAST, a.article_id
        """,  # noqa: S608
        params=params,
    )


def _read(
    dyad: names.Dyad | None,
    country: str | None,
    since: str | None,
    until: str | None,
    negated: bool,
    min_confidence: float | None,
    root: str | int | None,
    plover: str | None,
    q: str | None,
) -> Filter:
    return Filter.read(
        dyad, country, since, until, root, negated, False, min_confidence=min_confidence, plover=plover, q=q
    )


def _events_or_summary(
    con: duckdb.DuckDBPyConnection,
    f: Filter,
    summary: Any,
    rows: Callable[[str, Callable[[str], str]], str],
    narrow: str | None = None,
) -> tuple[str, list[Any], bool]:
    """Where a summary question reads its rows: an all-time twin of `summary`, or the monthly `summary`,
    when it knows every filter of `f` (True), or else (False) a SELECT, one row per event, that `rows`
    writes given the table to read (`events`, or `narrow`: `f`'s events fetched once, see `network`) and
    how to write `f`'s WHERE clause with a condition of its own."""
    ever = plans.worded(con, summary, f) or plans.all_time(summary, f)
    if ever is not None:
        return *ever, True
    found = plans.summary_of(summary, f)
    if found is not None:
        return *plans.monthly(summary, f, *found), True
    where, params = ("", []) if narrow is not None else f.where(con)
    used: list[Any] = []

    def where_and(condition: str) -> str:
        used.extend(params)
        return and_(where, condition)

    sql = rows(narrow or "events", where_and)
    return f"({sql})", used, False


def actors_sql(
    con: duckdb.DuckDBPyConnection,
    *,
    dyad: names.Dyad | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    top: int = 50,
    negated: bool = False,
    min_confidence: float | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    q: str | None = None,
) -> Sql:
    """The actors (by CAMEO code) in the most matching events, with each code's most common name and
    country (on a tie, the first in alphabetical order) and how often it acted (`as_source`) or was acted
    on (`as_target`)."""
    f = _read(dyad, country, since, until, negated, min_confidence, root, plover, q).indexed(con)
    return _actors(con, f, top)


actors = relation(actors_sql)


def _actors(con: duckdb.DuckDBPyConnection, f: Filter, top: int, narrow: str | None = None) -> Sql:
    source, params, _ = _events_or_summary(
        con,
        f,
        ACTORS,
        lambda table, where: (
            "SELECT actor1_code AS code, actor1_name AS name, actor1_country AS country, 1 AS side, "  # noqa: S608
            f"1 AS events FROM {table}{where('actor1_code IS NOT NULL')} UNION ALL "
            "SELECT actor2_code, actor2_name, actor2_country, 2, 1 "
            f"FROM {table}{where('actor2_code IS NOT NULL')}"
        ),
        narrow,
    )
    sql = f"""
        WITH sides AS MATERIALIZED (
            SELECT code, name, country, side, sum(events) AS n FROM {source} GROUP BY ALL
        ),
        top AS (
            SELECT code, coalesce(sum(n) FILTER (WHERE side = 1), 0)::BIGINT AS as_source,
                   coalesce(sum(n) FILTER (WHERE side = 2), 0)::BIGINT AS as_target, sum(n)::BIGINT AS events
            FROM sides GROUP BY code ORDER BY events DESC, code LIMIT {int(top)}
        ),
        names AS (
            SELECT code, first(name ORDER BY n DESC, name) AS name
            FROM (SELECT code, name, sum(n) AS n FROM sides
                  WHERE name IS NOT NULL AND code IN (SELECT code FROM top) GROUP BY code, name)
            GROUP BY code
        ),
        countries AS (
            SELECT code, first(country ORDER BY n DESC, country) AS country
            FROM (SELECT code, country, sum(n) AS n FROM sides
                  WHERE country IS NOT NULL AND code IN (SELECT code FROM top) GROUP BY code, country)
            GROUP BY code
        )
        SELECT code, names.name, countries.country, as_source, as_target, events
        FROM top LEFT JOIN names USING (code) LEFT JOIN countries USING (code)
        ORDER BY events DESC, code
    """  # noqa: S608
    return Sql(sql, list(params))


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    dyad: names.Dyad | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    top: int = 40,
    negated: bool = False,
    min_confidence: float | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    q: str | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Who acts on whom among the `top` actors: nodes (actors) and directed edges source → target
    (actor1_code → actor2_code) with their event count, mean Goldstein, cooperation and conflict."""
    f = _read(dyad, country, since, until, negated, min_confidence, root, plover, q).indexed(con)
    narrow = None
    answered = any(
        found is not None
        for found in (plans.worded(con, EDGES, f), plans.all_time(EDGES, f), plans.summary_of(EDGES, f))
    )
    if plans.ENABLED and not answered and plans.at_most(con, f) <= plans.FEW:
        # Few events (a dyad's): read them once, for the nodes and the edges both.
        where, params = f.where(con)
        few = con.sql(f"SELECT {_NETWORK_COLUMNS} FROM events{where}", params=params).to_arrow_table()  # noqa: S608
        narrow = "_worldwire_network"
        con.register(narrow, few)
    try:
        nodes = [
            {"id": row["code"], "name": row["name"], "country": row["country"], "events": row["events"]}
            for row in rows(con, _actors(con, f, top, narrow))
        ]
        codes = [node["id"] for node in nodes]
        source, params, summed = _events_or_summary(
            con,
            f,
            EDGES,
            lambda table, where: (
                "SELECT actor1_code, actor2_code, 1 AS events, "  # noqa: S608
                "CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END AS cooperation, "
                "CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END AS conflict, goldstein "
                f"FROM {table}{where('actor1_code IS NOT NULL AND actor2_code IS NOT NULL')}"
            ),
            narrow,
        )
        mean = plans.MEAN if summed else EVENTS_MEAN
        edges = con.execute(
            f"""
            SELECT actor1_code AS source, actor2_code AS target, sum(events)::BIGINT AS events,
                   {mean} AS mean_goldstein, sum(cooperation)::BIGINT AS cooperation,
                   sum(conflict)::BIGINT AS conflict
            FROM {source}
            WHERE actor1_code IN (SELECT unnest(?::VARCHAR[]))
              AND actor2_code IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY source, target ORDER BY events DESC, source, target
            """,  # noqa: S608
            [*params, codes, codes],
        )
        return {"nodes": nodes, "edges": records(edges)}
    finally:
        if narrow is not None:
            con.unregister(narrow)


_NETWORK_COLUMNS = (
    "actor1_code, actor1_name, actor1_country, actor2_code, actor2_name, actor2_country, quad_class, "
    "goldstein"
)


def places_sql(
    con: duckdb.DuckDBPyConnection,
    *,
    dyad: names.Dyad | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    top: int = 500,
    negated: bool = False,
    min_confidence: float | None = None,
    root: str | int | None = None,
    plover: str | None = None,
    q: str | None = None,
) -> Sql:
    """Where matching events happened: places with coordinates and how many events each saw (a place's
    feature: its most common one, on a tie the first in alphabetical order)."""
    f = _read(dyad, country, since, until, negated, min_confidence, root, plover, q).indexed(con)
    source, params, _ = _events_or_summary(
        con,
        f,
        PLACES,
        lambda table, where: (
            "SELECT geo_name, geo_country, geo_lat, geo_lon, geo_feature, 1 AS events "  # noqa: S608
            f"FROM {table}{where('geo_lat IS NOT NULL AND geo_lon IS NOT NULL')}"
        ),
    )
    sql = f"""
        WITH spots AS (
            SELECT geo_name, geo_country, geo_lat, geo_lon, geo_feature, sum(events) AS n
            FROM {source} WHERE geo_lat IS NOT NULL AND geo_lon IS NOT NULL GROUP BY ALL
        )
        SELECT geo_name AS name, geo_country AS country, geo_lat AS lat, geo_lon AS lon,
               first(geo_feature ORDER BY n DESC, geo_feature) FILTER (WHERE geo_feature IS NOT NULL)
                   AS feature,
               sum(n)::BIGINT AS events
        FROM spots
        GROUP BY name, country, lat, lon ORDER BY events DESC, name, country, lat, lon LIMIT {int(top)}
    """  # noqa: S608
    return Sql(sql, list(params))


places = relation(places_sql)


def records(result: duckdb.DuckDBPyRelation | duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Rows as dicts, for JSON: NaN and infinities (JSON has neither) become None."""
    names = [column[0] for column in result.description or ()]
    return [
        {name: _finite(value) for name, value in zip(names, row, strict=True)} for row in result.fetchall()
    ]


def _finite(value: Any) -> Any:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    row = con.execute(sql, params).fetchall()[0]
    return int(row[0]) if row and row[0] is not None else 0
