"""Questions asked of the store: events of a dyad, the busiest dyads, a dyad's timeline, the ingest log.

Each returns a DuckDB relation, so the CLI prints it as a table, CSV or JSON and the Python API hands
it over as pandas or Arrow, from the same SQL. Negated events are stored but left out unless asked for.
The HTTP API's questions (a page of events, one event or article with its evidence, actors, their
network, places) return plain rows, ready for JSON. Values always travel as SQL parameters.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import TYPE_CHECKING, Any, get_args

from worldwire.errors import Errors, InputError, WorldwireError
from worldwire.events.codebook import plover_codebook
from worldwire.ingest import normalize_date
from worldwire.models import Modality
from worldwire.store import names
from worldwire.store.writer import NEGATED_DYAD, dyad_key

if TYPE_CHECKING:
    import duckdb

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
MODALITIES: tuple[str, ...] = get_args(Modality)
MAX_PAGE_SIZE = 200
MAX_DEPTH = 10_000  # page x page_size: deeper pages cost a sort of everything before them; filter instead
MAX_TERMS = 8  # words of a full-text query


@cache
def plover_categories() -> tuple[str, ...]:
    """The PLOVER categories an event can have, from the codebook (data/plover)."""
    return tuple(plover_codebook().categories)


def _bad(reason: str) -> WorldwireError:
    return WorldwireError(Errors.E603.format(reason=reason))


def _like(term: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\': the user's %, _ and \\ match themselves."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _date(value: str | None, what: str) -> str | None:
    try:
        return normalize_date(value, what)
    except InputError as exc:
        raise WorldwireError(Errors.E603.format(reason=exc)) from exc


def _filters(
    dyad: names.Dyad | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    root: str | int | None,
    negated: bool,
    directed: bool,
    *,
    actor_code: str | None = None,
    cameo: str | None = None,
    plover: str | None = None,
    modality: str | None = None,
    q: str | None = None,
    min_confidence: float | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters. `dyad` is two countries, `actor` one (either side), each in any
    spelling `names` reads; `actor_code` an actor's exact CAMEO code (either side); `root` a CAMEO root
    by number or name; `cameo` a code prefix ("04" every consultation, "042" a visit and its sub-codes);
    `q` words that must all occur in the evidence sentence (case-insensitive); `min_confidence` the
    lowest coder confidence kept (0 to 1; an event without one is left out)."""
    where: list[str] = []
    params: list[Any] = []
    if modality is not None:
        if modality not in MODALITIES:
            raise _bad(f"modality must be one of {', '.join(MODALITIES)}, not {modality!r}")
        negated = negated or modality == "negated"  # asking for negated events is asking to see them
        where.append("modality = ?")
        params.append(modality)
    if dyad is not None:  # one column tested: negated events have their own key (see writer.dyad_key)
        a, b = names.dyad(dyad)
        key = dyad_key(a, b)
        where.append("dyad IN (?, ?)" if negated else "dyad = ?")
        params += [key, dyad_key(a, b, negated=True)] if negated else [key]
        if directed:
            where.append("actor1_country = ?")
            params.append(a)
    elif not negated:
        where.append("NOT negated")
    if actor is not None:
        code = names.country(actor)
        where.append("(actor1_country = ? OR actor2_country = ?)")
        params += [code, code]
    if since := _date(since, "--since"):
        where.append("date >= ?::DATE")
        params.append(since)
    if until := _date(until, "--until"):
        where.append("date <= ?::DATE")
        params.append(until)
    if root is not None:
        where.append("cameo_root = ?")
        params.append(names.cameo_root(root))
    if min_confidence is not None:
        if not 0.0 <= float(min_confidence) <= 1.0:
            raise _bad(f"min_confidence must be between 0 and 1, not {min_confidence!r}")
        where.append("confidence >= ?")
        params.append(float(min_confidence))
    _what_filters(where, params, actor_code, cameo, plover, q)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _what_filters(
    where: list[str],
    params: list[Any],
    actor_code: str | None,
    cameo: str | None,
    plover: str | None,
    q: str | None,
) -> None:
    """The filters on who and what (actor code, CAMEO prefix, PLOVER category, words of the evidence)."""
    if actor_code is not None:
        where.append("(actor1_code = ? OR actor2_code = ?)")
        params += [actor_code.upper(), actor_code.upper()]
    if cameo is not None:
        if not (cameo.isascii() and cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise _bad(f"a CAMEO code has 2 to 4 digits, not {cameo!r}")
        where.append("cameo LIKE ?")  # digits only: nothing to escape
        params.append(cameo + "%")
    if plover is not None:
        where.append("plover = ?")
        params.append(names.plover(plover))
    terms = q.split() if q else []
    if len(terms) > MAX_TERMS:
        raise _bad(f"a text query has at most {MAX_TERMS} words, not {len(terms)}")
    for term in terms:  # ESCAPE only where needed: it takes DuckDB off its fast ILIKE path (2x slower)
        escape = any(c in term for c in "%_\\")
        where.append("evidence ILIKE ? ESCAPE '\\'" if escape else "evidence ILIKE ?")
        params.append(_like(term) if escape else f"%{term}%")


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


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

    `actor` is a country code (as source or target), `actor_code` an actor's exact code; see `_filters`.
    """
    where, params = _filters(
        dyad, actor, since, until, root, negated, directed, actor_code=actor_code, cameo=cameo,
        plover=plover, modality=modality, q=q, min_confidence=min_confidence,
    )  # fmt: skip
    sql = f"SELECT {EVENT_COLUMNS} FROM events{where} ORDER BY date DESC NULLS LAST, global_event_id"  # noqa: S608
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
        raise _bad(f"page must be 1 or more and page_size 1 to {MAX_PAGE_SIZE}, not {page} and {page_size}")
    if page * page_size > MAX_DEPTH:
        raise WorldwireError(Errors.E702.format(page=page, page_size=page_size, limit=MAX_DEPTH))
    where, params = _filters(
        dyad, country, since, until, root, negated, False, actor_code=actor_code, cameo=cameo,
        plover=plover, modality=modality, q=q, min_confidence=min_confidence,
    )  # fmt: skip
    offset = (page - 1) * page_size
    # Two steps: the page's row ids from the filter and sort columns alone, then only the page's rows
    # (with a text filter, a sort that carries every column of every match is several times slower). A
    # text query reads every evidence sentence, so it counts its matches in that same pass, not a second.
    text_query = bool(q and q.strip())
    if text_query:
        found = con.execute(
            f"""
            WITH hits AS MATERIALIZED (SELECT rowid AS id, date, global_event_id FROM events{where})
            SELECT (SELECT count(*) FROM hits),
                   (SELECT list(id ORDER BY date DESC NULLS LAST, global_event_id) FROM (
                        SELECT * FROM hits ORDER BY date DESC NULLS LAST, global_event_id LIMIT ? OFFSET ?))
            """,  # noqa: S608
            [*params, page_size, offset],
        ).fetchall()
        matches, ids = int(found[0][0]), list(found[0][1] or [])
    else:
        ids = [
            row[0]
            for row in con.execute(
                f"SELECT rowid FROM events{where} "  # noqa: S608
                "ORDER BY date DESC NULLS LAST, global_event_id LIMIT ? OFFSET ?",
                [*params, page_size, offset],
            ).fetchall()
        ]
    rows = con.execute(f"SELECT rowid, {API_EVENT_COLUMNS} FROM events WHERE rowid = ANY(?::BIGINT[])", [ids])  # noqa: S608
    by_id = {item.pop("rowid"): item for item in records(rows)}
    items = [{**by_id[i], "cameo_name": names.cameo_name(by_id[i]["cameo"])} for i in ids]
    if text_query:
        total = matches
    elif 0 < len(items) < page_size or (page == 1 and not items):  # the last page: no need to count
        total = offset + len(items)
    else:
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


def dyads(
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
) -> duckdb.DuckDBPyRelation:
    """The country pairs with the most events (either direction), with mentions and mean Goldstein;
    with `country`, the pairs that country is in."""
    # Rows are grouped by their dyad key first (a few thousand keys), and only the keys are split: no
    # string work per event. Negated events have keys of their own and are dropped or merged per key.
    where, params = _filters(
        None, country, since, until, root, True, False, min_confidence=min_confidence, plover=plover, q=q
    )
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
) -> duckdb.DuckDBPyRelation:
    """Events of the dyad `a`, `b` (or of `a` alone written as a dyad, "CHN-KAZ"; every event when both
    are None; `country`: that country's) per period: counts by QuadClass and the mean Goldstein score."""
    if by not in PERIODS:
        raise WorldwireError(
            Errors.E603.format(reason=f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
        )
    where, params = _filters(
        _pair(a, b),
        country,
        since,
        until,
        root,
        negated,
        directed,
        min_confidence=min_confidence,
        plover=plover,
        q=q,
    )
    where = _and(where, "date IS NOT NULL")
    sql = f"""
        SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS mean_goldstein, sum(num_mentions)::BIGINT AS mentions
        FROM events{where}
        GROUP BY period ORDER BY period
    """  # noqa: S608
    return con.sql(sql, params=params)


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
    where, params = _filters(
        _pair(a, b),
        country,
        None,
        None,
        root,
        negated,
        directed,
        min_confidence=min_confidence,
        plover=plover,
        q=q,
    )
    return _scalar(con, f"SELECT count(*) FROM events{_and(where, 'date IS NULL')}", params)  # noqa: S608


def event_types() -> dict[str, list[dict[str, str]]]:
    """The CAMEO roots and PLOVER categories a filter takes, with their codebook names (for pickers)."""
    roots = [{"code": f"{r:02d}", "name": names.cameo_name(f"{r:02d}") or ""} for r in range(1, 21)]
    return {"cameo_roots": roots, "plover": [{"code": c, "name": c.lower()} for c in plover_categories()]}


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
        # events whose articles carry no date: in listings and exports, never on a timeline
        "undated_events": count("SELECT count(*) FROM events WHERE NOT negated AND date IS NULL"),
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


def actors(
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
) -> duckdb.DuckDBPyRelation:
    """The actors (by CAMEO code) in the most matching events, with each code's most common name and
    country and how often it acted (`as_source`) or was acted on (`as_target`)."""
    where, params = _filters(
        dyad, country, since, until, root, negated, False, min_confidence=min_confidence, plover=plover, q=q
    )
    sql = f"""
        WITH sides AS (
            SELECT actor1_code AS code, actor1_name AS name, actor1_country AS country,
                   1 AS as_source, 0 AS as_target
            FROM events{_and(where, "actor1_code IS NOT NULL")}
            UNION ALL
            SELECT actor2_code, actor2_name, actor2_country, 0, 1
            FROM events{_and(where, "actor2_code IS NOT NULL")}
        )
        SELECT code, mode(name) AS name, mode(country) AS country, sum(as_source)::BIGINT AS as_source,
               sum(as_target)::BIGINT AS as_target, count(*) AS events
        FROM sides GROUP BY code ORDER BY events DESC, code LIMIT {int(top)}
    """  # noqa: S608
    return con.sql(sql, params=params + params)


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
    options: dict[str, Any] = {
        "dyad": dyad, "country": country, "since": since, "until": until, "min_confidence": min_confidence,
        "root": root, "plover": plover, "q": q,
    }  # fmt: skip
    nodes = [
        {"id": row["code"], "name": row["name"], "country": row["country"], "events": row["events"]}
        for row in records(actors(con, top=top, negated=negated, **options))
    ]
    where, params = _filters(
        dyad, country, since, until, root, negated, False, min_confidence=min_confidence, plover=plover, q=q
    )
    codes = [node["id"] for node in nodes]
    edges = con.execute(
        f"""
        SELECT actor1_code AS source, actor2_code AS target, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
        FROM events{_and(where, "list_contains(?::VARCHAR[], actor1_code) AND list_contains(?, actor2_code)")}
        GROUP BY source, target ORDER BY events DESC, source, target
        """,  # noqa: S608
        [*params, codes, codes],
    )
    return {"nodes": nodes, "edges": records(edges)}


def places(
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
) -> duckdb.DuckDBPyRelation:
    """Where matching events happened: places with coordinates and how many events each saw."""
    where, params = _filters(
        dyad, country, since, until, root, negated, False, min_confidence=min_confidence, plover=plover, q=q
    )
    sql = f"""
        SELECT geo_name AS name, geo_country AS country, geo_lat AS lat, geo_lon AS lon,
               mode(geo_feature) AS feature, count(*) AS events
        FROM events{_and(where, "geo_lat IS NOT NULL AND geo_lon IS NOT NULL")}
        GROUP BY name, country, lat, lon ORDER BY events DESC, name, country LIMIT {int(top)}
    """  # noqa: S608
    return con.sql(sql, params=params)


def records(result: duckdb.DuckDBPyRelation | duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Rows as dicts, for JSON: NaN and infinities (JSON has neither) become None."""
    names = [column[0] for column in result.description or ()]
    return [
        {name: _finite(value) for name, value in zip(names, row, strict=True)} for row in result.fetchall()
    ]


def _finite(value: Any) -> Any:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    row = con.execute(sql, params).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
