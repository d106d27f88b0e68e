"""Questions asked of the store: events of a dyad, the busiest dyads, a dyad's timeline, the ingest log.

Each returns a DuckDB relation, so the CLI prints it as a table, CSV or JSON and the Python API hands
it over as pandas or Arrow, from the same SQL. Negated events are stored but left out unless asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from worldwire.errors import Errors, InputError, WorldwireError
from worldwire.ingest import normalize_date
from worldwire.store.writer import NEGATED_DYAD, dyad_key

if TYPE_CHECKING:
    import duckdb

PERIODS = ("day", "week", "month", "quarter", "year")
EVENT_COLUMNS = (
    "event_id, date, actor1_code, actor1_name, actor1_country, actor2_code, actor2_name, actor2_country, "
    "cameo, cameo_root, quad_class, goldstein, plover, plover_mode, modality, num_mentions, num_articles, "
    "num_sources, avg_tone, is_root, geo_name, geo_country, geo_lat, geo_lon, source_url, evidence"
)
# What a terminal table of events shows, under short headers (CSV and JSON carry every column above).
EVENT_TABLE_COLUMNS = {
    "date": "date",
    "actor1_code": "source",
    "actor2_code": "target",
    "cameo": "cameo",
    "plover": "plover",
    "modality": "modality",
    "evidence": "evidence",
}


def _date(value: str | None, what: str) -> str | None:
    try:
        return normalize_date(value, what)
    except InputError as exc:
        raise WorldwireError(Errors.E603.format(reason=exc)) from exc


def _filters(
    dyad: tuple[str, str] | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    root: str | None,
    negated: bool,
    directed: bool,
) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if dyad is not None:  # one column tested: negated events have their own key (see writer.dyad_key)
        a, b = (code.upper() for code in dyad)
        key = dyad_key(a, b)
        where.append("dyad IN (?, ?)" if negated else "dyad = ?")
        params += [key, dyad_key(a, b, negated=True)] if negated else [key]
        if directed:
            where.append("actor1_country = ?")
            params.append(a)
    elif not negated:
        where.append("NOT negated")
    if actor is not None:
        where.append("(actor1_country = ? OR actor2_country = ?)")
        params += [actor.upper(), actor.upper()]
    if since := _date(since, "--since"):
        where.append("date >= ?::DATE")
        params.append(since)
    if until := _date(until, "--until"):
        where.append("date <= ?::DATE")
        params.append(until)
    if root is not None:
        where.append("cameo_root = ?")
        params.append(root.zfill(2))
    return (" WHERE " + " AND ".join(where)) if where else "", params


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    dyad: tuple[str, str] | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    root: str | None = None,
    negated: bool = False,
    directed: bool = False,
    limit: int | None = None,
) -> duckdb.DuckDBPyRelation:
    """Events (one row per real-world event, however many copies reported it), newest first."""
    where, params = _filters(dyad, actor, since, until, root, negated, directed)
    sql = f"SELECT {EVENT_COLUMNS} FROM events{where} ORDER BY date DESC NULLS LAST, global_event_id"  # noqa: S608
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return con.sql(sql, params=params)


def dyads(
    con: duckdb.DuckDBPyConnection,
    *,
    top: int = 20,
    since: str | None = None,
    until: str | None = None,
    negated: bool = False,
) -> duckdb.DuckDBPyRelation:
    """The country pairs with the most events (either direction), with mentions and mean Goldstein."""
    # Rows are grouped by their dyad key first (a few thousand keys), and only the keys are split: no
    # string work per event. Negated events have keys of their own and are dropped or merged per key.
    where, params = _filters(None, None, since, until, None, True, False)
    extra = " AND " if where else " WHERE "
    keep = "" if negated else f"WHERE NOT ends_with(dyad, '{NEGATED_DYAD}')"
    sql = f"""
        WITH per_key AS (
            SELECT dyad, count(*) AS events, sum(num_mentions) AS mentions, sum(goldstein) AS goldstein_sum,
                   count(goldstein) AS goldstein_n,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
            FROM events{where}{extra}dyad IS NOT NULL
            GROUP BY dyad
        )
        SELECT split_part(split_part(dyad, ' ', 1), '-', 1) AS country1,
               split_part(split_part(dyad, ' ', 1), '-', 2) AS country2,
               sum(events)::BIGINT AS events, sum(mentions)::BIGINT AS mentions,
               round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein,
               sum(cooperation)::BIGINT AS cooperation, sum(conflict)::BIGINT AS conflict
        FROM per_key {keep}
        GROUP BY country1, country2 ORDER BY events DESC, mentions DESC, country1, country2 LIMIT {int(top)}
    """  # noqa: S608
    return con.sql(sql, params=params)


def timeline(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    negated: bool = False,
    directed: bool = False,
) -> duckdb.DuckDBPyRelation:
    """Events of the dyad per period: counts by QuadClass and the mean Goldstein score."""
    if by not in PERIODS:
        raise WorldwireError(
            Errors.E603.format(reason=f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
        )
    where, params = _filters((a, b), None, since, until, None, negated, directed)
    sql = f"""
        SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS mean_goldstein, sum(num_mentions)::BIGINT AS mentions
        FROM events{where} AND date IS NOT NULL
        GROUP BY period ORDER BY period
    """  # noqa: S608
    return con.sql(sql, params=params)


def status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the store holds and how every input ever given to it ended."""

    def count(sql: str) -> int:
        row = next(iter(con.execute(sql).fetchall()), None)
        return int(row[0]) if row and row[0] is not None else 0

    outcomes = dict(con.execute("SELECT status, count(*) FROM ingest_log GROUP BY status").fetchall())
    reasons = con.execute(
        "SELECT substr(reason, 1, 6) AS code, count(*) AS n FROM ingest_log WHERE status = 'failed' "
        "GROUP BY code ORDER BY n DESC, code"
    ).fetchall()
    return {
        "articles": count("SELECT count(*) FROM articles"),
        "clusters": count("SELECT count(*) FROM clusters"),
        "events": count("SELECT count(*) FROM events WHERE NOT negated"),
        "negated_events": count("SELECT count(*) FROM events WHERE negated"),
        "mentions": count("SELECT count(*) FROM mentions"),
        "actors": count("SELECT count(*) FROM actors"),
        "quotes": count("SELECT count(*) FROM quotes"),
        "facts": count("SELECT count(*) FROM facts"),
        "locations": count("SELECT count(*) FROM locations"),
        "inputs": sum(outcomes.values()),
        "done": outcomes.get("done", 0),
        "duplicate": outcomes.get("duplicate", 0),
        "failed": outcomes.get("failed", 0),
        "failures": dict(reasons),
        "runs": count("SELECT count(*) FROM runs"),
        "schema_version": count("SELECT max(version) FROM schema_migrations"),
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
        "SELECT cameo_root AS root, count(*) AS events, sum(num_mentions)::BIGINT AS mentions "
        "FROM events WHERE NOT negated GROUP BY root ORDER BY root"
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
