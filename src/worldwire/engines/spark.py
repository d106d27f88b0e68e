"""`worldwire ingest --engine spark`: the local store's pipeline, deduplication and rows, run on Spark.

The job, stage by stage (each stage calls the function the local engine calls, so the rows are equal):

1. The driver lists the input files (a folder is expanded as `read_inputs` expands it); executors read
   them with `read_inputs`, one task per file, and number each document `file << 32 | position`: the
   order in which the local engine sees it. `ids.content_hash` / `ids.input_key` key it.
2. Triage as the local runner does: a repeated input key is skipped, a failed read is `failed`, and of
   several copies of one body + URL only the first is analysed (later ones are `duplicate`).
3. `mapInArrow` runs `store.workers.analyse` (the whole pipeline and the MinHash signature) per
   partition; the spaCy model and the codebooks are loaded once per Python worker (module caches) and
   Spark reuses its workers (`spark.python.worker.reuse`).
4. Near-duplicates: the signatures' LSH bands (datasketch's own `b`, `r`) are self-joined, so each
   article's candidates are exactly those `MinHashLSH.query` returns; each article points at its most
   similar earlier candidate (ties: the earliest), and pointer jumping resolves that forest to roots.
   Rounds double the distance jumped, so a chain of n copies takes log2(n) + 1 rounds, each a join of
   the (few) matched articles; nothing is collected on the driver, however large the corpus.
5. Each story cluster's copies, in input order, go to `store.writer.cluster_rows` (`applyInArrow`):
   the rows of every table, events merged across copies, counted as the store counts them.
6. Every table is written as Parquet partitioned by year/month with dynamic partition overwrite; ids
   are content hashes, so a retried task or a rerun writes the same rows, never more. A manifest
   (`_worldwire.json`), written last, marks a finished output for `worldwire attach`.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from worldwire.engines.attach import FORMAT, FORMAT_VERSION, MANIFEST
from worldwire.errors import Errors, WorldwireError
from worldwire.ingest import STDIN, JsonlFields, folder_files, read_inputs
from worldwire.models import RawDocument
from worldwire.settings import default
from worldwire.store.config import store_config
from worldwire.store.dedup import bands
from worldwire.store.ids import content_hash, input_key
from worldwire.store.schema import LATEST
from worldwire.store.workers import analyse
from worldwire.store.writer import CLUSTER_TABLES, cluster_rows, now

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

LOG_TABLES = ("ingest_log", "errors")  # every input with its status; the failed and duplicate ones
TABLES = (*CLUSTER_TABLES, *LOG_TABLES)
PARTITION_COLUMNS = ("year", "month")  # as `worldwire export --format parquet` lays out events
DOCS_PER_TASK = 16  # documents per analysis task: small enough to keep every core busy to the end
_POSITION_BITS = 32  # seq = file index << 32 | position in the file
_ROWS_PER_BATCH = 512
# PySpark 4.3 warns about pandas 3 on every Arrow call; the engine exchanges Arrow only, never pandas.
_PANDAS_WARNING = "PySpark does not yet fully support pandas"

_DOC_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("origin", pa.string()),
        ("doc_id", pa.string()),
        ("text", pa.string()),
        ("html", pa.string()),
        ("title", pa.string()),
        ("date", pa.string()),
        ("url", pa.string()),
        ("encoding", pa.string()),
        ("error", pa.string()),
        ("text_limit", pa.int64()),
        ("content_hash", pa.string()),
        ("input_key", pa.string()),
    ]
)
_ANALYSED_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("content_hash", pa.string()),
        ("record", pa.string()),
        ("reason", pa.string()),
        ("sig", pa.list_(pa.int64())),
    ]
)


@dataclass(slots=True)
class SparkReport:
    """What a Spark ingest did; every input lands in exactly one of done/duplicate/failed/skipped."""

    out: str
    done: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0  # the same input (origin, id, content) given twice
    events: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # the job itself, not starting Spark (the JVM)
    phases: dict[str, float] = field(default_factory=dict)  # seconds of each step, in order
    clock: float = field(default_factory=time.perf_counter, repr=False)

    def mark(self, phase: str) -> None:
        """Close a step: where a run spends its time (Spark work happens at actions, not before)."""
        now = time.perf_counter()
        self.phases[phase] = round(now - self.clock, 3)
        self.clock = now

    @property
    def inputs(self) -> int:
        return self.done + self.duplicate + self.failed + self.skipped


def require_spark() -> None:
    """Fail early and clearly when the extra or Java is missing, before Spark prints a stack trace."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise WorldwireError(Errors.E801) from exc
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and (Path(java_home) / "bin" / "java").exists()) and shutil.which("java") is None:
        raise WorldwireError(Errors.E802)


def spark_session(master: str | None = "local[2]", conf: dict[str, str] | None = None) -> SparkSession:
    """A Spark session with the settings the engine relies on (Arrow, dynamic partition overwrite).

    `master=None` leaves the master to `spark-submit`. A local master binds to the loopback interface
    and runs without the web UI; its Python workers use this interpreter.
    """
    require_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("worldwire")
    settings = {
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.sources.partitionOverwriteMode": "dynamic",
        "spark.sql.session.timeZone": "UTC",
        "spark.python.worker.reuse": "true",
        "spark.ui.showConsoleProgress": "false",
        "spark.log.level": "ERROR",
    }
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            cores = _local_cores(master)
            settings |= {
                "spark.ui.enabled": "false",
                "spark.driver.host": "127.0.0.1",
                "spark.driver.bindAddress": "127.0.0.1",
                "spark.sql.shuffle.partitions": str(2 * cores),
                "spark.default.parallelism": str(cores),
            }
    for key, value in (settings | (conf or {})).items():
        builder = builder.config(key, value)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", _PANDAS_WARNING, FutureWarning)
            spark = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: no loopback, no memory, a bad master URL
        raise WorldwireError(Errors.E805.format(reason=f"Spark did not start ({exc})")) from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _local_cores(master: str) -> int:
    inside = master.partition("[")[2].partition("]")[0].split(",")[0]
    return (os.cpu_count() or 1) if inside in ("", "*") else max(1, int(inside))


def input_units(inputs: Sequence[str]) -> list[str]:
    """What one read task reads, in input order: each file, a folder's files as `read_inputs` lists
    them, or the item itself when it is missing or an empty folder (the task logs why it failed)."""
    units: list[str] = []
    for item in inputs:
        if item == STDIN:
            raise WorldwireError(
                Errors.E803.format(
                    reason="Spark executors cannot read standard input ('-'); save it to a file"
                )
            )
        children = folder_files(Path(item))
        units.extend([str(child) for child in children or ()] or [item])
    if not units:
        raise WorldwireError(Errors.E803.format(reason="no inputs given"))
    return units


# ---- executor side: plain functions over Arrow batches, pickled by reference ----


def _read_units(
    batches: Iterator[pa.RecordBatch], max_chars: int, fields: JsonlFields | None = None
) -> Iterator[pa.RecordBatch]:
    """Read each unit with `read_inputs`; every document, failed or not, becomes one row."""
    rows: list[dict[str, Any]] = []
    for batch in batches:
        for index, unit in zip(
            batch.column("unit").to_pylist(), batch.column("path").to_pylist(), strict=True
        ):
            for position, raw in enumerate(read_inputs([unit], max_chars=max_chars, fields=fields)):
                content = content_hash(raw)
                rows.append(
                    {
                        "seq": index << _POSITION_BITS | position,
                        "origin": raw.origin,
                        "doc_id": raw.id,
                        "text": raw.text,
                        "html": raw.html,
                        "title": raw.title,
                        "date": raw.date,
                        "url": raw.url,
                        "encoding": raw.encoding,
                        "error": raw.error,
                        "text_limit": raw.text_limit,
                        "content_hash": content,
                        "input_key": input_key(raw, content),
                    }
                )
                if len(rows) >= _ROWS_PER_BATCH:
                    yield pa.RecordBatch.from_pylist(rows, schema=_DOC_SCHEMA)
                    rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=_DOC_SCHEMA)


def _analyse_batches(
    batches: Iterator[pa.RecordBatch], raw_mode: bool, default_date: str | None, batch_size: int
) -> Iterator[pa.RecordBatch]:
    """The pipeline over a partition's documents (the model is loaded once per Python worker)."""
    for batch in batches:
        rows = batch.to_pylist()
        raws = [
            RawDocument(
                id=row["doc_id"],
                origin=row["origin"],
                text=row["text"],
                html=row["html"],
                title=row["title"],
                date=row["date"],
                url=row["url"],
                encoding=row["encoding"],
                text_limit=row["text_limit"],
            )
            for row in rows
        ]
        out: dict[str, list[Any]] = {name: [] for name in _ANALYSED_SCHEMA.names}
        analysed = analyse(raws, raw_mode=raw_mode, default_date=default_date, batch_size=batch_size)
        for row, (record, sig) in zip(rows, analysed, strict=True):
            out["seq"].append(row["seq"])
            out["content_hash"].append(row["content_hash"])
            out["record"].append(json.dumps(record, ensure_ascii=False))
            out["reason"].append(record["error"])
            out["sig"].append(None if sig is None else sig.astype(np.int64).tolist())
        yield pa.RecordBatch.from_pydict(out, schema=_ANALYSED_SCHEMA)


def _cluster_tables(table: pa.Table, added: datetime) -> pa.Table:
    """One story cluster's copies → one row holding every table's rows (`cluster_rows`) as arrays."""
    copies = sorted(table.to_pylist(), key=lambda row: int(row["seq"]))
    cluster_id = str(copies[0]["cluster_id"])
    tables = cluster_rows(
        [
            (
                str(row["article_id"]),
                json.loads(row["record"]),
                None if row["sig"] is None else np.asarray(row["sig"], dtype=np.uint64),
            )
            for row in copies
        ],
        cluster_id,
        run_id=None,
        added=added,
        config=store_config(),
    )
    dates = {row["article_id"]: row["date"] for row in tables["articles"]}
    columns = []
    for name in CLUSTER_TABLES:
        rows = tables[name]
        year, month = partition_columns(name)
        for row in rows:
            row[year], row[month] = _year_month(_row_date(name, row, dates))
        items = _arrow_table(name, rows).to_struct_array().combine_chunks()
        columns.append(pa.ListArray.from_arrays(pa.array([0, len(rows)], pa.int32()), items))
    return pa.Table.from_arrays(columns, schema=cluster_schema())


@cache
def cluster_schema() -> pa.Schema:
    """A story cluster's output: per table, the array of its rows."""
    return pa.schema([(name, pa.list_(pa.struct(list(output_schema(name))))) for name in CLUSTER_TABLES])


def _row_date(name: str, row: dict[str, Any], article_dates: dict[str, Any]) -> Any:
    if name == "clusters":
        return row["first_date"]
    if name in ("articles", "events"):
        return row["date"]
    return article_dates.get(row["article_id"])


def _year_month(value: Any) -> tuple[int | None, int | None]:
    if not value:
        return None, None
    day = Date.fromisoformat(value) if isinstance(value, str) else value
    return day.year, day.month


@cache
def store_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each store table, read from the store's own migrations (so never stale)."""
    import duckdb

    from worldwire.store.schema import migrate

    with duckdb.connect() as con:
        migrate(con)
        return {
            name: con.sql(f'SELECT * FROM "{name}" LIMIT 0').to_arrow_table().schema  # noqa: S608
            for name in (*CLUSTER_TABLES, "ingest_log")
        }


def output_schema(name: str) -> pa.Schema:
    """A Spark output table: the store table's columns, then the year/month partition columns."""
    schema = store_schemas()["ingest_log" if name in LOG_TABLES else name]
    year, month = partition_columns(name)
    return schema.append(pa.field(year, pa.int32())).append(pa.field(month, pa.int32()))


def partition_columns(name: str) -> tuple[str, str]:
    """year/month of the row's date; `partition_year`/`partition_month` where the table has a column
    named so already (facts: the year a figure refers to)."""
    names = set(store_schemas()["ingest_log" if name in LOG_TABLES else name].names)
    if names.isdisjoint(PARTITION_COLUMNS):
        return PARTITION_COLUMNS
    return ("partition_year", "partition_month")


def _arrow_table(name: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
    schema = output_schema(name)
    columns: dict[str, list[Any]] = {}
    for column in schema:
        values = [row.get(column.name) for row in rows]
        if pa.types.is_date32(column.type):
            values = [Date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        columns[column.name] = values
    return pa.Table.from_pydict(columns, schema=schema)


# ---- driver side ----


def ingest_spark(
    spark: SparkSession,
    inputs: Sequence[str],
    out: str,
    *,
    raw_mode: bool = False,
    default_date: str | None = None,
    max_chars: int = default("max_chars"),
    batch_size: int = default("batch_size"),
    docs_per_task: int | None = None,
    tasks: int | None = None,
    fields: JsonlFields | None = None,
) -> SparkReport:
    """Run the pipeline over `inputs` on `spark` and write every table as Parquet under `out`
    (`docs_per_task` None: `DOCS_PER_TASK`)."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    started = time.perf_counter()
    units = input_units(inputs)
    report = SparkReport(out=out)
    _delete(spark, f"{out.rstrip('/')}/{MANIFEST}")  # an output being rewritten is not a finished one
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", _PANDAS_WARNING, FutureWarning)
            _run(
                spark,
                units,
                out,
                report,
                raw_mode,
                default_date,
                max_chars,
                batch_size,
                docs_per_task or DOCS_PER_TASK,
                tasks,
                fields,
            )
    except (PySparkException, Py4JError) as exc:
        raise WorldwireError(Errors.E805.format(reason=_reason(exc))) from exc
    report.seconds = time.perf_counter() - started
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "store_schema": LATEST,
        "tables": list(TABLES),
        "partitioned_by": {name: list(partition_columns(name)) for name in TABLES},
        "inputs": list(inputs),
        "report": {k: v for k, v in asdict(report).items() if k != "clock"},
        "written_at": now().isoformat(),
    }
    _write_text(spark, f"{out.rstrip('/')}/{MANIFEST}", json.dumps(manifest, indent=1) + "\n")
    return report


def _reason(exc: BaseException) -> str:
    """The line of a Spark error that says what went wrong (a Python worker's last line)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()] or [type(exc).__name__]
    return lines[-1] if lines[0].endswith(":") else lines[0]


def _run(
    spark: SparkSession,
    units: list[str],
    out: str,
    report: SparkReport,
    raw_mode: bool,
    default_date: str | None,
    max_chars: int,
    batch_size: int,
    docs_per_task: int,
    tasks: int | None,
    fields: JsonlFields | None,
) -> None:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    added = now()
    parallelism = spark.sparkContext.defaultParallelism
    unit_rows = spark.sparkContext.parallelize(list(enumerate(units)), min(len(units), 4 * parallelism))
    docs = (
        spark.createDataFrame(unit_rows, "unit long, path string")
        .mapInArrow(partial(_read_units, max_chars=max_chars, fields=fields), from_arrow_schema(_DOC_SCHEMA))
        # an input key implies its content hash, so both windows share one shuffle (by content hash)
        .withColumn(
            "_key", F.row_number().over(Window.partitionBy("content_hash", "input_key").orderBy("seq"))
        )
    )
    copy = F.row_number().over(Window.partitionBy("content_hash").orderBy("seq"))
    docs = docs.withColumn("_copy", F.when(F.col("error").isNull(), copy)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    counts = docs.agg(
        F.count_if(F.col("_key") > 1).alias("skipped"),
        F.count_if((F.col("_key") == 1) & (F.col("_copy") == 1)).alias("firsts"),
    ).first()
    report.skipped, count = (int(counts["skipped"]), int(counts["firsts"])) if counts else (0, 0)
    docs = docs.filter("_key = 1")
    firsts = docs.filter("_copy = 1").drop("_key", "_copy", "input_key")
    report.mark("read")
    partitions = tasks or max(2 * parallelism, math.ceil(count / docs_per_task))
    analysed = (
        # round-robin: every task gets the same number of documents (Spark sorts first, so a retried
        # task gets the same ones)
        firsts.repartition(max(1, partitions))
        .mapInArrow(
            partial(_analyse_batches, raw_mode=raw_mode, default_date=default_date, batch_size=batch_size),
            from_arrow_schema(_ANALYSED_SCHEMA),
        )
        .persist(StorageLevel.MEMORY_AND_DISK)
    )

    log = _log(docs, analysed, added)
    log_schema = output_schema("ingest_log").names
    log = log.select(*log_schema).persist(StorageLevel.MEMORY_AND_DISK)
    code = F.when(F.col("status") == "failed", F.substring("reason", 1, 6))
    for status, reason, n in log.groupBy("status", code.alias("code")).count().collect():
        setattr(report, status, getattr(report, status) + int(n))
        if reason is not None:
            report.reasons[str(reason)] = int(n)
    # The logs are written while the clusters are built, the tables all at once: small jobs whose
    # latencies overlap instead of adding up.
    with ThreadPoolExecutor(max_workers=len(TABLES)) as pool:
        writes = [
            pool.submit(_write, log, out, "ingest_log"),
            pool.submit(_write, log.filter("status <> 'done'"), out, "errors"),
        ]
        report.mark("analyse")

        articles = analysed.filter("reason IS NULL").select(
            "seq", F.col("content_hash").alias("article_id"), "record", "sig"
        )
        clustered = _clusters(articles)
        report.mark("near-duplicates")
        payload = (
            clustered.groupBy("cluster_id")
            # a lambda: PySpark reads a function's type hints, and those of this module are strings
            .applyInArrow(lambda table: _cluster_tables(table, added), from_arrow_schema(cluster_schema()))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        sizes = payload.select(*(F.sum(F.size(name)).alias(name) for name in CLUSTER_TABLES)).first()
        report.rows = {name: int((sizes[name] if sizes else 0) or 0) for name in CLUSTER_TABLES}
        report.events = report.rows["events"]
        report.mark("rows")
        tables = {
            name: payload.select(F.explode(name).alias("row")).select("row.*") for name in CLUSTER_TABLES
        }
        writes += [pool.submit(_write, frame, out, name) for name, frame in tables.items()]
        for future in writes:
            future.result()
    report.mark("write")
    for frame in (payload, log, analysed, docs):
        frame.unpersist()


def _log(docs: DataFrame, analysed: DataFrame, added: datetime) -> DataFrame:
    """Every input's status as the local ingest log has it: a later copy of a stored body is a
    duplicate; a later copy of a body whose first copy failed fails for the same reason."""
    from pyspark.sql import functions as F

    first = analysed.select(
        "content_hash",
        F.col("seq").alias("_first"),
        F.when(F.col("reason").isNull(), "done").otherwise("failed").alias("_first_status"),
        F.col("reason").alias("_first_reason"),
    )
    joined = docs.join(first, "content_hash", "left")
    status = (
        F.when(F.col("error").isNotNull(), "failed")
        .when(F.col("seq") == F.col("_first"), F.col("_first_status"))
        .when(F.col("_first_status") == "done", "duplicate")
        .otherwise("failed")
    )
    day = F.to_date("date")
    return (
        joined.withColumn("status", status)
        .withColumn(
            "reason",
            F.when(F.col("error").isNotNull(), F.col("error")).when(
                F.col("status") == "failed", F.col("_first_reason")
            ),
        )
        .withColumn("article_id", F.when(F.col("status").isin("done", "duplicate"), F.col("content_hash")))
        .withColumn("run_id", F.lit(None).cast("int"))
        .withColumn("logged_at", F.lit(added).cast("timestamp_ntz"))
        .withColumn("year", F.year(day))
        .withColumn("month", F.month(day))
    )


def _clusters(articles: DataFrame) -> DataFrame:
    """Each article with its story cluster: the root of the chain of best earlier matches."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    config = store_config()
    signed = articles.filter(F.col("sig").isNotNull()).select("seq", "sig")
    band_keys = F.array(
        *(
            F.struct(
                F.lit(index).alias("band"),
                F.concat_ws(",", F.slice("sig", start + 1, end - start).cast("array<string>")).alias("key"),
            )
            for index, (start, end) in enumerate(bands(config))
        )
    )
    keyed = signed.select("seq", F.explode(band_keys).alias("b")).select("seq", "b.band", "b.key")
    later, earlier = keyed.alias("later"), keyed.alias("earlier")
    pairs = (
        later.join(
            earlier,
            (F.col("later.band") == F.col("earlier.band"))
            & (F.col("later.key") == F.col("earlier.key"))
            & (F.col("later.seq") > F.col("earlier.seq")),
        )
        .select(F.col("later.seq").alias("seq"), F.col("earlier.seq").alias("parent"))
        .distinct()
    )
    other = signed.select(F.col("seq").alias("parent"), F.col("sig").alias("parent_sig"))
    same = F.aggregate(
        F.zip_with("sig", "parent_sig", lambda x, y: F.when(x == y, 1).otherwise(0)),
        F.lit(0),
        lambda a, v: a + v,
    )
    best = Window.partitionBy("seq").orderBy(F.desc("same"), F.asc("parent"))
    parents = (
        pairs.join(signed, "seq")
        .join(other, "parent")
        .withColumn("same", same)
        .filter(F.col("same") / F.lit(config.num_perm) >= F.lit(config.threshold))
        .withColumn("_rank", F.row_number().over(best))
        .filter("_rank = 1")
        .select("seq", "parent")
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    while True:  # pointer jumping: every round, each article points at its parent's parent
        up = parents.select(F.col("seq").alias("parent"), F.col("parent").alias("grandparent"))
        jumped = (
            parents.join(up, "parent", "left")
            .select(
                "seq",
                F.coalesce("grandparent", "parent").alias("parent"),
                F.col("grandparent").isNotNull().alias("moved"),
            )
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        moved = bool(jumped.filter("moved").take(1))
        parents.unpersist()
        parents = jumped.select("seq", "parent")
        if not moved:
            break
    ids = articles.select(F.col("seq").alias("root"), F.col("article_id").alias("cluster_id"))
    return (
        articles.join(parents, "seq", "left")
        .withColumn("root", F.coalesce("parent", "seq"))
        .join(ids, "root")
        .select("seq", "article_id", "cluster_id", "record", "sig")
    )


def _write(frame: DataFrame, out: str, name: str) -> None:
    """One table, by year/month. Rebalancing first gives each month a few files of a sensible size
    (adaptive execution splits a big month, merges small ones), not one file per task and month."""
    columns = partition_columns(name)
    frame.hint("rebalance", *columns).write.mode("overwrite").partitionBy(*columns).parquet(f"{out}/{name}")


def _hadoop_path(spark: SparkSession, path: str) -> tuple[Any, Any]:
    jvm = spark.sparkContext._jvm
    assert jvm is not None  # a live session's gateway
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def _delete(spark: SparkSession, path: str) -> None:
    fs, hadoop_path = _hadoop_path(spark, path)
    fs.delete(hadoop_path, False)


def _write_text(spark: SparkSession, path: str, text: str) -> None:
    """Through Hadoop's file system, so an `s3a://` or `hdfs://` output gets its manifest too."""
    fs, hadoop_path = _hadoop_path(spark, path)
    stream = fs.create(hadoop_path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
