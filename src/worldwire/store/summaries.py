"""Summary tables: events counted per day or per month, so the dashboard's questions read thousands of
rows instead of every event, kept exact in the same transaction that changes the events.

Each summary is a GROUP BY over `events` written down once (`Summary`): its group columns, and what each
event adds to its group. An event may add one row (a day, a dyad), or one per side (its actors, its
countries). The writer and `attach` snapshot the events a transaction touches before and after it
changes them, and add the difference (after − before) to each summary (`apply`): counts, mentions and
Goldstein sums only ever move by whole events, so a summary always equals a full recount (`recount`),
whatever was re-ingested, merged or attached, and a killed ingest rolls back with its transaction.

Goldstein sums are DECIMAL (exact under addition and subtraction, unlike DOUBLE); a Goldstein value a
DECIMAL cannot hold (not finite, or beyond 10^27: never a real one) is counted in `goldstein_odd`, and a
mean over a group holding one is NaN, as `avg` over such values would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

GOLDSTEIN = "DECIMAL(38, 10)"
MONTH = "date_trunc('month', date)::DATE"
# The coder's confidence in tenths, rounded down the way `confidence >= 0.k` compares (NULL: -1), so a
# `min_confidence` of 0.0, 0.1, ..., 1.0 is a test of this column.
TENTHS = (
    "CASE "
    + " ".join(f"WHEN confidence >= {k / 10!r}::DOUBLE THEN {k}" for k in range(10, -1, -1))
    + " ELSE -1 END"
)

Column = tuple[str, str]  # name, SQL type
Measure = tuple[str, str, str]  # name, SQL type, what one event adds (SQL over an events row)

EVENTS: Measure = ("events", "BIGINT", "1")
GOLDSTEIN_MEASURES: tuple[Measure, ...] = (
    ("goldstein_sum", GOLDSTEIN, f"coalesce(try_cast(goldstein AS {GOLDSTEIN}), 0)"),
    ("goldstein_n", "BIGINT", "CASE WHEN goldstein IS NOT NULL THEN 1 ELSE 0 END"),
    (
        "goldstein_odd",
        "BIGINT",
        f"CASE WHEN goldstein IS NOT NULL AND try_cast(goldstein AS {GOLDSTEIN}) IS NULL THEN 1 ELSE 0 END",
    ),
)
SCALE = 10**10  # DECIMAL(38, 10): a sum times this is a whole number


def mean(total: str, count: str, odd: str) -> str:
    """SQL for the mean of Goldstein values rounded to two places, half away from zero, exactly: from
    their DECIMAL sum `total`, how many there are (`count`) and how many were no number (`odd`: the
    mean is NaN, as `avg` over them would be). A float average rounds a mean that lies on a half
    hundredth (-0.685) either way, depending on the order threads added it up in."""
    units = f"(abs({total}) * {SCALE})::HUGEINT"
    hundredths = f"(200 * {units} + {count} * {SCALE}) // (2 * {count} * {SCALE})"
    return (
        f"CASE WHEN {odd} > 0 THEN 'NaN'::DOUBLE WHEN coalesce({count}, 0) = 0 THEN NULL "
        f"ELSE sign({total}) * ({hundredths})::DOUBLE / 100 END"
    )


# What a timeline or a dyad shows: events, mentions, events per QuadClass and the Goldstein mean.
COUNTS: tuple[Measure, ...] = (
    EVENTS,
    ("mentions", "BIGINT", "num_mentions"),
    *(
        (name, "BIGINT", f"CASE WHEN quad_class = {quad} THEN 1 ELSE 0 END")
        for quad, name in enumerate(
            ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict"), start=1
        )
    ),
    *GOLDSTEIN_MEASURES,
)
# The events columns a summary reads, and so what a snapshot of touched events keeps.
SOURCE_COLUMNS = (
    "date", "cameo", "cameo_root", "plover", "modality", "negated", "confidence", "dyad", "quad_class",
    "goldstein", "num_mentions", "actor1_code", "actor1_name", "actor1_country", "actor2_code", "actor2_name",
    "actor2_country", "geo_name", "geo_country", "geo_lat", "geo_lon", "geo_feature",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Part:
    """One row an event adds to a summary: its group (SQL over the events row, in the summary's column
    order) when `where` holds."""

    group: tuple[str, ...]
    where: str = "TRUE"


@dataclass(frozen=True, slots=True)
class Summary:
    table: str
    columns: tuple[Column, ...]  # the group
    parts: tuple[Part, ...]
    measures: tuple[Measure, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def measure_names(self) -> tuple[str, ...]:
        return tuple(name for name, _, _ in self.measures)

    @property
    def order(self) -> str:
        """How its rows are written: by date or month first, so a batch of recent events (news) changes
        rows DuckDB finds in a few row groups (their min/max dates), not by reading the whole table."""
        dated = [f'"{n}"' for n in self.names if n in ("date", "month")]
        return ", ".join(
            [
                *(f"{d} NULLS LAST" for d in dated),
                *(f'"{n}"' for n in self.names if n not in ("date", "month")),
            ]
        )

    def ddl(self) -> str:
        columns = [f'"{n}" {t}' for n, t in self.columns]
        columns += [f'"{n}" {t} NOT NULL' for n, t, _ in self.measures]
        return f"CREATE TABLE {self.table} ({', '.join(columns)});"

    def rows(self, source: str, where: str = "", sign: int = 1) -> str:
        """What each event of `source` (a table or subquery with the events columns) adds, one row per
        part, before grouping; `where` (`AND ...`) narrows the events; sign -1 takes them away."""
        selects = []
        for part in self.parts:
            group = [f'{expr} AS "{name}"' for expr, name in zip(part.group, self.names, strict=True)]
            measures = [
                f'({expr}){" * -1" if sign < 0 else ""} AS "{name}"' for name, _, expr in self.measures
            ]
            selects.append(
                f"SELECT {', '.join(group + measures)} FROM {source} WHERE ({part.where}){where}"  # noqa: S608
            )
        return " UNION ALL ".join(selects)

    def grouped(self, rows: str, having: bool = False) -> str:
        """`rows` summed per group; `having`: only groups something changed in."""
        sums = [f'sum("{n}")::{t} AS "{n}"' for n, t, _ in self.measures]
        cut = (" HAVING " + " OR ".join(f'sum("{n}") <> 0' for n in self.measure_names)) if having else ""
        names = ", ".join(f'"{n}"' for n in self.names)
        return f"SELECT {names}, {', '.join(sums)} FROM ({rows}) GROUP BY {names}{cut}"  # noqa: S608

    def recount_sql(self, source: str = "events") -> str:
        return self.grouped(self.rows(source))


def _sides(columns: tuple[str, ...], extra: tuple[str, ...], distinct_second: bool) -> tuple[Part, Part]:
    """The source's and the target's row (actor1_*, actor2_*); `distinct_second`: the target adds a
    row only when it differs from the source (a country or an actor counted once per event)."""
    first = tuple(f"actor1_{c}" for c in columns)
    second = tuple(f"actor2_{c}" for c in columns)
    second_where = f"{second[0]} IS NOT NULL"
    if distinct_second:
        second_where += f" AND {second[0]} IS DISTINCT FROM {first[0]}"
    return (
        Part((*first, *extra), f"{first[0]} IS NOT NULL"),
        Part((*second, *extra), second_where),
    )


_MONTH_NEGATED = (MONTH, "negated")

# `cameo_prefix`, the code's first two digits, is the root the `cameo` filter's shortest prefix tests;
# every code's root is its first two digits, so it adds no rows.
DAYS = Summary(
    "summary_days",
    (
        ("date", "DATE"),
        ("cameo_root", "VARCHAR"),
        ("cameo_prefix", "VARCHAR"),
        ("plover", "VARCHAR"),
        ("modality", "VARCHAR"),
        ("negated", "BOOLEAN"),
        ("confidence_tenths", "TINYINT"),
    ),
    (Part(("date", "cameo_root", "cameo[:2]", "plover", "modality", "negated", TENTHS)),),
    COUNTS,
)
# The same by month: a timeline by month, quarter or year, and how many events a page's filter has per
# month, read from a hundred rows where the days take thousands (days at the ends of a date range: from
# `summary_days`).
MONTHS = Summary(
    "summary_months",
    (("month", "DATE"), *DAYS.columns[1:]),
    (Part((MONTH, *DAYS.parts[0].group[1:])),),
    COUNTS,
)
DYADS = Summary(
    "summary_dyads",
    (("dyad", "VARCHAR"), ("month", "DATE")),
    (Part(("dyad", MONTH), "dyad IS NOT NULL"),),
    COUNTS,
)
# Countries and actors (either side, an event counted once for each), with the CAMEO root: a country's
# fights, an actor's consultations.
_ROOTS: tuple[Column, ...] = (("cameo_root", "VARCHAR"), ("cameo_prefix", "VARCHAR"))
COUNTRIES = Summary(
    "summary_countries",
    (("country", "VARCHAR"), ("month", "DATE"), ("negated", "BOOLEAN"), *_ROOTS),
    _sides(("country",), (*_MONTH_NEGATED, "cameo_root", "cameo[:2]"), distinct_second=True),
    COUNTS,
)
CODES = Summary(
    "summary_codes",
    (("code", "VARCHAR"), ("month", "DATE"), ("negated", "BOOLEAN"), *_ROOTS),
    _sides(("code",), (*_MONTH_NEGATED, "cameo_root", "cameo[:2]"), distinct_second=True),
    (EVENTS,),
)
# Actors and places with the CAMEO root too: a date range and a root together (the fights since March).
ACTORS = Summary(
    "summary_actors",
    (
        ("code", "VARCHAR"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("side", "TINYINT"),
        ("month", "DATE"),
        ("negated", "BOOLEAN"),
        ("cameo_root", "VARCHAR"),
    ),
    (
        Part(
            ("actor1_code", "actor1_name", "actor1_country", "1", *_MONTH_NEGATED, "cameo_root"),
            "actor1_code IS NOT NULL",
        ),
        Part(
            ("actor2_code", "actor2_name", "actor2_country", "2", *_MONTH_NEGATED, "cameo_root"),
            "actor2_code IS NOT NULL",
        ),
    ),
    (EVENTS,),
)
EDGES = Summary(
    "summary_edges",
    (("actor1_code", "VARCHAR"), ("actor2_code", "VARCHAR"), ("month", "DATE"), ("negated", "BOOLEAN")),
    (
        Part(
            ("actor1_code", "actor2_code", *_MONTH_NEGATED),
            "actor1_code IS NOT NULL AND actor2_code IS NOT NULL",
        ),
    ),
    (
        EVENTS,
        ("cooperation", "BIGINT", "CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END"),
        ("conflict", "BIGINT", "CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END"),
        *GOLDSTEIN_MEASURES,
    ),
)
PLACES = Summary(
    "summary_places",
    (
        ("geo_name", "VARCHAR"),
        ("geo_country", "VARCHAR"),
        ("geo_lat", "DOUBLE"),
        ("geo_lon", "DOUBLE"),
        ("geo_feature", "VARCHAR"),
        ("month", "DATE"),
        ("negated", "BOOLEAN"),
        ("cameo_root", "VARCHAR"),
    ),
    (
        Part(
            ("geo_name", "geo_country", "geo_lat", "geo_lon", "geo_feature", *_MONTH_NEGATED, "cameo_root"),
            "geo_lat IS NOT NULL AND geo_lon IS NOT NULL",
        ),
    ),
    (EVENTS,),
)


def ever(
    summary: Summary,
    table: str,
    extra: tuple[tuple[str, str, tuple[str, ...]], ...] = (),
    without: tuple[str, ...] = ("month",),
) -> Summary:
    """`summary` for all time (no `month`; none of the columns `without`), grouped by `extra` columns
    too: (name, type, its SQL for each of the summary's parts)."""
    keep = [i for i, (name, _) in enumerate(summary.columns) if name not in without]
    return Summary(
        table,
        (*(summary.columns[i] for i in keep), *((name, kind) for name, kind, _ in extra)),
        tuple(
            Part((*(part.group[i] for i in keep), *(sql[n] for _, _, sql in extra)), part.where)
            for n, part in enumerate(summary.parts)
        ),
        summary.measures,
    )


def _what(parts: int, root: bool = True) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The CAMEO root (`root`: unless the summary has it already) and the confidence in tenths."""
    return (
        *((("cameo_root", "VARCHAR", ("cameo_root",) * parts),) if root else ()),
        ("confidence_tenths", "TINYINT", (TENTHS,) * parts),
    )


_COUNTRIES_OF_EVENT = (
    ("actor1_country", "VARCHAR", ("actor1_country",)),
    ("actor2_country", "VARCHAR", ("actor2_country",)),
)
_ROOT = (("cameo_root", "VARCHAR", ("cameo_root",)),)
# Without dates, the busiest dyads, the actors, the network's edges and the places are read from all-time
# twins of the monthly summaries: a few thousand rows where those hold a hundred times more; the twins
# grouped by CAMEO root and confidence too (`_what`), or by the event's countries (`_who`), answer the
# dashboard's root, confidence and country filters.
# The views of every event (no filter; negated events apart) read twins grouped by nothing else: a few
# hundred actors, a few thousand edges, where the twins by root, confidence or countries hold ten to a
# hundred times more rows (the dashboard's first view, and the one asked most).
ACTORS_ALL = ever(ACTORS, "summary_actors_all", without=("month", "cameo_root"))
EDGES_ALL = ever(EDGES, "summary_edges_all")
PLACES_ALL = ever(PLACES, "summary_places_all", without=("month", "cameo_root"))
PLAIN = (ACTORS_ALL, EDGES_ALL, PLACES_ALL)
DYADS_EVER = ever(DYADS, "summary_dyads_ever")
DYADS_WHAT = ever(DYADS, "summary_dyads_what", _what(1))
ACTORS_EVER = ever(ACTORS, "summary_actors_ever", _what(2, root=False))
ACTORS_WHO = ever(
    ACTORS, "summary_actors_who", (("other_country", "VARCHAR", ("actor2_country", "actor1_country")),)
)
EDGES_EVER = ever(EDGES, "summary_edges_ever", (*_COUNTRIES_OF_EVENT, *_ROOT))
EDGES_WHAT = ever(EDGES, "summary_edges_what", _what(1))
PLACES_EVER = ever(PLACES, "summary_places_ever", _what(1, root=False))
PLACES_WHO = ever(PLACES, "summary_places_who", _COUNTRIES_OF_EVENT)


@dataclass(frozen=True, slots=True)
class AllTime:
    """An all-time summary and the filters it tells apart (negated events always), with the condition
    its `country` filter is (one `?` per country)."""

    summary: Summary
    filters: frozenset[str]
    country: str | None = None


_EITHER_SIDE = "(actor1_country = ? OR actor2_country = ?)"
_IN_KEY = "? IN (split_part(split_part(dyad, ' ', 1), '-', 1), split_part(split_part(dyad, ' ', 1), '-', 2))"
ALL_TIME = {
    DYADS.table: (
        AllTime(DYADS_EVER, frozenset({"country"}), _IN_KEY),
        AllTime(DYADS_WHAT, frozenset({"country", "root", "min_confidence"}), _IN_KEY),
    ),
    ACTORS.table: (
        AllTime(ACTORS_ALL, frozenset()),
        AllTime(ACTORS_EVER, frozenset({"root", "min_confidence"})),
        AllTime(ACTORS_WHO, frozenset({"country", "root"}), "(country = ? OR other_country = ?)"),
    ),
    EDGES.table: (
        AllTime(EDGES_ALL, frozenset()),
        AllTime(EDGES_EVER, frozenset({"country", "root"}), _EITHER_SIDE),
        AllTime(EDGES_WHAT, frozenset({"root", "min_confidence"})),
    ),
    PLACES.table: (
        AllTime(PLACES_ALL, frozenset()),
        AllTime(PLACES_EVER, frozenset({"root", "min_confidence"})),
        AllTime(PLACES_WHO, frozenset({"country", "root"}), _EITHER_SIDE),
    ),
}

# The Goldstein sums of `events` rows, as the summaries hold them (to aggregate events the same way).
GOLDSTEIN_SUMS = ", ".join(f"sum({expr}) AS {name}" for name, _, expr in GOLDSTEIN_MEASURES)
MEAN = mean("sum(goldstein_sum)", "sum(goldstein_n)", "sum(goldstein_odd)")

SUMMARIES = (
    DAYS, MONTHS, DYADS, COUNTRIES, CODES, ACTORS, EDGES, PLACES,
    *(table.summary for tables in ALL_TIME.values() for table in tables),
)  # fmt: skip


def ddl(tables: tuple[Summary, ...] = SUMMARIES) -> str:
    """The summary tables, empty."""
    return "\n".join(summary.ddl() for summary in tables)


def rebuild_sql(tables: tuple[Summary, ...] = SUMMARIES, source: str = "events") -> str:
    """Every summary recounted from `source` (`events`: what a migration runs once over an existing store)."""
    return "\n".join(
        f"DELETE FROM {s.table}; INSERT INTO {s.table} {s.recount_sql(source)} ORDER BY {s.order};"  # noqa: S608
        for s in tables
    )


def replace_sql(tables: tuple[Summary, ...] = SUMMARIES) -> str:
    """The summary tables dropped, created as defined now and recounted from `events` (a migration that
    changes what they hold)."""
    drop = "\n".join(f"DROP TABLE IF EXISTS {s.table};" for s in tables)
    return drop + "\n" + ddl(tables) + "\n" + rebuild_sql(tables)


def apply(
    con: duckdb.DuckDBPyConnection,
    before: str,
    after: str,
    tables: tuple[Summary, ...] = SUMMARIES,
    *,
    fresh: bool | None = None,
) -> None:
    """Add to every summary of `tables` what the touched events add now (`after`) less what they added
    before (`before`): two tables of the same events' rows (an event absent from `before` is new). A
    summary nothing changed in is not touched; only a group that lost events can have none left to
    delete. `fresh`: whether `before` is empty (every touched event is new, so every changed group
    gains events), when the caller knows; None: looked up.

    Each statement costs DuckDB a few milliseconds to plan whatever it reads, and an ingest batch runs
    this once per transaction over a few dozen events, so the statements are few: one looks up which
    summaries hold rows (and whether `before` is empty). When it is, every changed group gains events, and
    each summary merges what the events add in one statement (a group nothing was added to is not
    touched); otherwise it takes its differences into a table (whose creation counts them), reads their
    lowest count and merges them."""
    if not tables:
        return
    probes = [f"EXISTS (SELECT 1 FROM {summary.table})" for summary in tables]  # noqa: S608
    if fresh is None:
        probes.append(f"NOT EXISTS (SELECT 1 FROM {before})")  # noqa: S608
    found = con.execute(f"SELECT {', '.join(probes)}").fetchall()[0]
    if fresh is None:
        fresh = bool(found[-1])
    made = False
    try:
        for summary, held in zip(tables, found[: len(tables)], strict=True):
            if fresh:  # every changed group gains events: merged (a first load: inserted in order) at once
                grouped = f"{summary.grouped(summary.rows(after), having=True)} ORDER BY {summary.order}"
                con.execute(
                    _merge(summary, f"({grouped})") if held else f"INSERT INTO {summary.table} {grouped}"
                )
                continue
            rows = f"{summary.rows(after)} UNION ALL {summary.rows(before, sign=-1)}"
            grouped = summary.grouped(rows, having=True)
            made = True
            created = con.execute(
                f"CREATE OR REPLACE TEMP TABLE _ww_delta AS {grouped} ORDER BY {summary.order}"
            )
            if not created.fetchall()[0][0]:  # no group changed
                continue
            lowest = con.execute("SELECT min(events) FROM _ww_delta").fetchall()[0][0]
            if not held and lowest > 0:  # a first load: its rows in order
                con.execute(f"INSERT INTO {summary.table} SELECT * FROM _ww_delta")  # noqa: S608
                continue
            con.execute(_merge(summary, "_ww_delta"))
            if lowest < 0:
                con.execute(f"DELETE FROM {summary.table} WHERE events = 0")  # noqa: S608
    finally:
        if made:
            con.execute("DROP TABLE IF EXISTS _ww_delta")


def _merge(summary: Summary, delta: str) -> str:
    """`delta` (a table or subquery of a summary's rows) added to the summary's groups."""
    on = " AND ".join(f't."{n}" IS NOT DISTINCT FROM d."{n}"' for n in summary.names)
    update = ", ".join(f'"{n}" = t."{n}" + d."{n}"' for n in summary.measure_names)
    return f"""
        MERGE INTO {summary.table} AS t USING {delta} AS d ON {on}
        WHEN MATCHED THEN UPDATE SET {update}
        WHEN NOT MATCHED THEN INSERT BY NAME
        """


def add_new(con: duckdb.DuckDBPyConnection, new: str) -> None:
    """Add events no summary counts yet (`new`: a table or subquery of events rows)."""
    apply(con, f"(SELECT * FROM {new} LIMIT 0)", new, fresh=True)  # noqa: S608
