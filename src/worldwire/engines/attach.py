"""`worldwire attach PATH`: load a Spark run's Parquet into the local store, so every query sees it.

The CLI, the Python API and the HTTP API all read the store's tables; loading the rows into them (rather
than a view over the files) keeps one code path for queries and exports. Rows whose keys the store holds
already are left alone, so attaching twice adds nothing; events reported by articles on both sides are
recounted from their mentions, as the store's writer recounts them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from worldwire.errors import Errors, WorldwireError
from worldwire.store.derived import CLUSTER_ORDER, Change
from worldwire.store.schema import LATEST
from worldwire.store.writer import ARTICLE_TABLES, now, refresh_clusters, refresh_events

if TYPE_CHECKING:
    import duckdb

# What marks a finished Spark output; `worldwire.engines.spark` writes it, this module reads it.
MANIFEST = "_worldwire.json"
FORMAT = "worldwire-spark"
FORMAT_VERSION = 1
# The oldest store schema whose tables a Spark output holds as this one does: migration 4 added only
# tables derived from events (summaries, word index), which `attach` brings up to date itself, and
# migration 5 only what `worldwire watch` keeps (sources, links, alerts), of which a Spark run has none,
# and migration 6 only derived tables again (summaries regrouped, summaries of frequent words).
OLDEST_SCHEMA = 3


@dataclass(slots=True)
class AttachReport:
    run_id: int = 0
    added: dict[str, int] = field(default_factory=dict)  # new rows per table
    manifest: dict[str, Any] = field(default_factory=dict)


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a finished Spark output; E804 for anything else."""
    file = path / MANIFEST
    if not path.is_dir():
        raise WorldwireError(Errors.E804.format(path=str(path), reason="no such folder"))
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise WorldwireError(Errors.E804.format(path=str(path), reason=f"no {MANIFEST}")) from exc
    except (OSError, ValueError) as exc:
        raise WorldwireError(
            Errors.E804.format(path=str(path), reason=f"unreadable {MANIFEST}: {exc}")
        ) from exc
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or not isinstance(manifest.get("partitioned_by"), dict)
    ):
        raise WorldwireError(
            Errors.E804.format(path=str(path), reason=f"{MANIFEST} is not a {FORMAT} manifest")
        )
    schema = manifest.get("store_schema")
    if manifest.get("version") != FORMAT_VERSION or schema not in range(OLDEST_SCHEMA, LATEST + 1):
        reason = (
            f"output format {manifest.get('version')}, store schema {schema}; this worldwire reads "
            f"format {FORMAT_VERSION}, schema {OLDEST_SCHEMA} to {LATEST}: rerun the Spark ingest with it"
        )
        raise WorldwireError(Errors.E804.format(path=str(path), reason=reason))
    return manifest


def _source(path: Path, table: str, manifest: dict[str, Any]) -> str | None:
    """A `read_parquet` over one output table (partition columns left out), or None when it is empty."""
    folder = path / table
    if not any(folder.rglob("*.parquet")):
        return None
    glob = str(folder / "**" / "*.parquet").replace("'", "''")
    partitions = ", ".join(f'"{c}"' for c in manifest["partitioned_by"][table])
    return (
        f"(SELECT * EXCLUDE ({partitions}) FROM read_parquet('{glob}', hive_partitioning = true, "  # noqa: S608
        "hive_types_autocast = false, union_by_name = true))"
    )


def attach(con: duckdb.DuckDBPyConnection, path: str | Path) -> AttachReport:
    """Add the rows of the Spark output at `path` to the store `con`, in one transaction."""
    path = Path(path)
    manifest = read_manifest(path)
    report = AttachReport(manifest=manifest)
    row = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()[0]
    report.run_id = int(row[0])
    started = now()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?)", [report.run_id, started, f"attach {path}"])
        _load(con, path, report)
        con.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", [now(), report.run_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report


def _load(con: duckdb.DuckDBPyConnection, path: Path, report: AttachReport) -> None:
    tables = (*ARTICLE_TABLES, "events", "ingest_log")
    sources = {table: _source(path, table, report.manifest) for table in tables}
    if sources["articles"] is not None:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _attach_new AS SELECT article_id FROM "  # noqa: S608
            f"{sources['articles']} WHERE article_id NOT IN (SELECT article_id FROM articles)"
        )
    else:
        con.execute("CREATE OR REPLACE TEMP TABLE _attach_new (article_id VARCHAR)")
    run = report.run_id
    for table in ARTICLE_TABLES:
        source = sources[table]
        if source is None:
            continue
        replace = " REPLACE (? AS run_id)" if table == "articles" else ""
        params = [run] if replace else []
        report.added[table] = _insert(
            con,
            table,
            f"SELECT *{replace} FROM {source} WHERE article_id IN (SELECT article_id FROM _attach_new)",  # noqa: S608
            params,
        )
    new = "article_id IN (SELECT article_id FROM _attach_new)"
    touched = _strings(con, f"SELECT DISTINCT event_id FROM mentions WHERE {new}")  # noqa: S608
    fresh = None
    if sources["events"] is not None:
        fresh = f"SELECT * FROM {sources['events']} WHERE event_id NOT IN (SELECT event_id FROM events)"  # noqa: S608
    # Every event this attach adds or recounts, so the summaries and the word index move with them.
    events = "SELECT unnest(?::VARCHAR[]) AS event_id"
    if fresh is not None:
        events += f" UNION SELECT event_id FROM ({fresh})"  # noqa: S608
    con.execute(f"CREATE OR REPLACE TEMP TABLE _attach_events AS {events}", [touched])
    change = Change(con, "SELECT event_id FROM _attach_events")
    if fresh is not None:
        report.added["events"] = _insert(con, "events", f"{fresh} ORDER BY {CLUSTER_ORDER}", [])
    if touched:  # an event already in the store gains the new reports: recount it
        refresh_events(con, touched)
    change.settle()
    con.execute("DROP TABLE _attach_events")
    clusters = _strings(con, f"SELECT DISTINCT cluster_id FROM articles WHERE {new}")  # noqa: S608
    if clusters:
        refresh_clusters(con, clusters)
    report.added["clusters"] = len(clusters)
    if sources["ingest_log"] is not None:
        report.added["ingest_log"] = _insert(
            con,
            "ingest_log",
            f"SELECT * REPLACE (? AS run_id) FROM {sources['ingest_log']} "  # noqa: S608
            "WHERE input_key NOT IN (SELECT input_key FROM ingest_log)",
            [run],
        )
    con.execute("DROP TABLE _attach_new")


def _insert(con: duckdb.DuckDBPyConnection, table: str, select: str, params: list[Any]) -> int:
    before = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]  # noqa: S608
    con.execute(f'INSERT INTO "{table}" BY NAME {select}', params)
    after = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]  # noqa: S608
    return int(after) - int(before)


def _strings(con: duckdb.DuckDBPyConnection, query: str) -> list[str]:
    return [str(row[0]) for row in con.execute(query).fetchall()]
