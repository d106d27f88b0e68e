"""The Spark engine writes exactly the rows the local engine stores, and `worldwire attach` loads them.

Spark runs in `local[2]` (one session for the module). Without pyspark or Java the Spark tests are
skipped, unless the CI variable is set: there a missing Spark is a failure, not a skip.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pytest
from typer.testing import CliRunner

import worldwire
from worldwire.engines.attach import attach, read_manifest
from worldwire.errors import WorldwireError
from worldwire.interfaces.cli import app
from worldwire.store.dedup import Clusterer, bands
from worldwire.store.derived import differences
from worldwire.store.schema import LATEST
from worldwire.store.summaries import SUMMARIES
from worldwire.store.writer import CLUSTER_TABLES

WALL_CLOCK = {"run_id", "added_at", "logged_at"}  # the only columns allowed to differ between engines
COMPARED = (*CLUSTER_TABLES, "ingest_log")
SUMMARY_TABLES = [summary.table for summary in SUMMARIES]
SPARK_WARNINGS = [
    "ignore:PySpark does not yet fully support pandas:FutureWarning",
    "ignore::ResourceWarning",  # py4j's gateway sockets, closed when the session stops
    "ignore::DeprecationWarning:py4j",
]


_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _loopback_only(address: Any) -> None:
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and host not in _LOOPBACK:
        raise RuntimeError(f"tests must not touch the network (connect to {host})")


@pytest.fixture(autouse=True)
def _ban_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Overrides conftest's ban for this module: Spark's JVM and Python talk over the loopback
    interface, which stays open; every other address is still refused."""

    def connect(self: socket.socket, address: Any) -> Any:
        _loopback_only(address)
        return _real_connect(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        _loopback_only(address)
        return _real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'worldwire[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (apt-get install openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    missing = _spark_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Spark engine tests: {missing}")
        pytest.skip(missing)
    import warnings

    from worldwire.engines.spark import spark_session

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        session = spark_session("local[2]")
    yield session
    session.stop()


def _wikinews(shared: Path) -> Path:
    return shared / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"


def _round(value: Any) -> Any:
    """Float sums may differ in the last bit between DuckDB and Python; nothing else may differ."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def _rows(con: duckdb.DuckDBPyConnection, source: str, columns: list[str]) -> list[tuple[Any, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    rows = con.execute(f"SELECT {names} FROM {source}").fetchall()  # noqa: S608
    return sorted((tuple(_round(v) for v in row) for row in rows), key=repr)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(f'SELECT * FROM "{table}" LIMIT 0').description or []  # noqa: S608
    return [row[0] for row in rows if row[0] not in WALL_CLOCK]


def _parquet(out: Path, table: str) -> str:
    glob = str(out / table / "**" / "*.parquet")
    return f"read_parquet('{glob}', hive_partitioning = true, hive_types_autocast = false)"


def _differences(store: Path, out: Path, tables: tuple[str, ...] = COMPARED) -> dict[str, Any]:
    """Per table, the rows only the local store has and those only the Spark output has."""
    con = duckdb.connect(str(store), read_only=True)
    found = {}
    try:
        for table in tables:
            columns = _columns(con, table)
            local = _rows(con, f'"{table}"', columns)
            spark = _rows(con, _parquet(out, table), columns) if (out / table).is_dir() else []
            if local != spark:
                only_local = [r for r in local if r not in spark]
                only_spark = [r for r in spark if r not in local]
                found[table] = {"local": len(local), "spark": len(spark), "only_local": only_local[:2]}
                found[table]["only_spark"] = only_spark[:2]
    finally:
        con.close()
    return found


def _ingest_spark(spark: Any, inputs: list[Path], out: Path) -> Any:
    from worldwire.engines.spark import ingest_spark

    return ingest_spark(spark, [str(p) for p in inputs], str(out))


@pytest.fixture(scope="module")
def wikinews_runs(
    spark: Any, shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, Any]:
    """The Wikinews corpus through both engines: (local store, Spark output, Spark report)."""
    root = tmp_path_factory.mktemp("wikinews")
    corpus = _wikinews(shared)
    report = _ingest_spark(spark, [corpus], root / "spark")
    with worldwire.open(root / "local.duckdb") as store:
        store.ingest([str(corpus)], workers=2)
    return root / "local.duckdb", root / "spark", report


@pytest.mark.slow
@pytest.mark.filterwarnings(*SPARK_WARNINGS)
def test_spark_engine_writes_the_rows_the_local_engine_stores_on_wikinews(
    wikinews_runs: tuple[Path, Path, Any],
) -> None:
    store, out, report = wikinews_runs
    assert report.done > 250
    assert report.events > 0
    assert _differences(store, out) == {}


@pytest.mark.slow
@pytest.mark.filterwarnings(*SPARK_WARNINGS)
def test_spark_engine_output_attached_to_a_store_equals_the_local_store(
    wikinews_runs: tuple[Path, Path, Any], tmp_path: Path
) -> None:
    store, out, _ = wikinews_runs
    attached = tmp_path / "attached.duckdb"
    with worldwire.open(attached) as target:
        first = attach(target.con, out)
        again = attach(target.con, out)
        assert first.added["articles"] > 250
        assert set(again.added.values()) == {0}  # attaching twice adds nothing
        assert target.status() | {"runs": 0} == worldwire.open(store, read_only=True).status() | {"runs": 0}
        assert set(differences(target.con).values()) == {0}  # summaries and word index: as a recount
    con = duckdb.connect(str(attached), read_only=True)
    local = duckdb.connect(str(store), read_only=True)
    try:
        for table in COMPARED:
            columns = _columns(local, table)
            assert _rows(con, f'"{table}"', columns) == _rows(local, f'"{table}"', columns), table
    finally:
        con.close()
        local.close()


def _edge_corpus(shared: Path, folder: Path) -> tuple[list[Path], dict[str, Any]]:
    """Real Wikinews lines plus a bad JSON line, an exact copy and a lightly edited (near-duplicate) copy."""
    with _wikinews(shared).open(encoding="utf-8") as lines:
        picked = [json.loads(line) for line in itertools.islice(lines, 6)]
    original = max(picked, key=lambda r: len(r["text"].split()))
    words = original["text"].split(" ")
    near = original | {
        "id": original["id"] + "-edited",
        "url": (original.get("url") or "https://example.org/a") + "?syndicated",
        "text": " ".join(words[: len(words) * 9 // 10]),
    }
    first = folder / "a.jsonl"
    bad = json.dumps(picked[1])[: len(json.dumps(picked[1])) // 2]  # a line cut off half-way
    first.write_text("\n".join([*(json.dumps(r) for r in picked), bad]) + "\n", encoding="utf-8")
    second = folder / "b.jsonl"
    second.write_text(json.dumps(picked[2]) + "\n" + json.dumps(near) + "\n", encoding="utf-8")
    return [first, second], {"original": original, "near": near, "copy": picked[2]}


@pytest.mark.slow
@pytest.mark.filterwarnings(*SPARK_WARNINGS)
def test_spark_engine_logs_failures_and_duplicates_clusters_copies_and_reruns_without_duplicating(
    spark: Any, shared: Path, tmp_path: Path
) -> None:
    inputs, picked = _edge_corpus(shared, tmp_path)
    out = tmp_path / "out"
    report = _ingest_spark(spark, inputs, out)
    assert (report.done, report.duplicate, report.failed) == (7, 1, 1)
    assert report.reasons == {"[E107]": 1}
    con = duckdb.connect()
    errors = con.execute(
        f"SELECT status, doc_id, reason, article_id FROM {_parquet(out, 'errors')} ORDER BY status"  # noqa: S608
    ).fetchall()
    assert [(status, doc_id) for status, doc_id, _, _ in errors] == [
        ("duplicate", str(picked["copy"]["id"])),
        ("failed", "a.jsonl:7"),
    ]
    assert errors[1][2].startswith("[E107] invalid JSON on line 7")
    articles = f"SELECT doc_id, cluster_id FROM {_parquet(out, 'articles')}"  # noqa: S608
    clusters = dict(con.execute(articles).fetchall())
    assert clusters[picked["near"]["id"]] == clusters[str(picked["original"]["id"])]
    assert len(set(clusters.values())) == 6

    first = {t: _rows(con, _parquet(out, t), _columns_of(con, out, t)) for t in COMPARED}
    _ingest_spark(spark, inputs, out)  # a rerun, as a retried job would: same rows, none twice
    assert {t: _rows(con, _parquet(out, t), _columns_of(con, out, t)) for t in COMPARED} == first

    store = tmp_path / "local.duckdb"
    with worldwire.open(store) as local:
        local.ingest([str(p) for p in inputs], workers=1)
    assert _differences(store, out) == {}

    # A store holding the first file already: the attach adds the second's articles, whose near-duplicate
    # copy joins a stored story, so stored events are recounted; summaries and index stay exact.
    partial = tmp_path / "partial.duckdb"
    with worldwire.open(partial) as target:
        target.ingest([str(inputs[0])], workers=1)
        attach(target.con, out)
        assert set(differences(target.con).values()) == {0}
        with worldwire.open(store, read_only=True) as local:
            for table in SUMMARY_TABLES:
                rows = f"SELECT * FROM {table} ORDER BY ALL"  # noqa: S608
                assert target.sql(rows).equals(local.sql(rows)), table


def _columns_of(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> list[str]:
    rows = con.execute(f"SELECT * FROM {_parquet(out, table)} LIMIT 0").description or []  # noqa: S608
    return [row[0] for row in rows if row[0] not in WALL_CLOCK]


@pytest.mark.slow
@pytest.mark.filterwarnings(*SPARK_WARNINGS)
def test_attached_spark_output_answers_the_cli_and_the_api(
    wikinews_runs: tuple[Path, Path, Any], tmp_path: Path
) -> None:
    _, out, _ = wikinews_runs
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    attached = runner.invoke(app, ["attach", str(out), "--db", str(db)])
    assert attached.exit_code == 0, attached.output
    with worldwire.open(db, read_only=True) as store:
        top = store.dyads(top=1)
        a, b = top["country1"].iloc[0], top["country2"].iloc[0]
        events = store.events(dyad=(a, b))
        status = store.status()
    assert len(events) == int(top["events"].iloc[0])
    assert status["articles"] > 250
    shown = runner.invoke(app, ["events", "--dyad", f"{a}-{b}", "--format", "json", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert len(shown.output.splitlines()) == len(events)


def test_attach_refuses_a_folder_that_is_no_spark_output(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with worldwire.open(tmp_path / "w.duckdb") as store:
        with pytest.raises(WorldwireError, match=r"\[E804\].*no _worldwire.json"):
            attach(store.con, tmp_path / "out")
        (tmp_path / "out" / "_worldwire.json").write_text('{"format": "other"}', encoding="utf-8")
        with pytest.raises(WorldwireError, match=r"\[E804\].*not a worldwire-spark manifest"):
            attach(store.con, tmp_path / "out")


@pytest.mark.parametrize(("schema", "read"), [(2, False), (3, True), (LATEST, True), (LATEST + 1, False)])
def test_attach_reads_outputs_of_every_store_schema_with_the_same_tables(
    tmp_path: Path, schema: int, read: bool
) -> None:
    """Migration 4 added only the summaries and the word index, which attach keeps up to date itself."""
    manifest = {"format": "worldwire-spark", "version": 1, "store_schema": schema, "partitioned_by": {}}
    (tmp_path / "_worldwire.json").write_text(json.dumps(manifest), encoding="utf-8")
    if read:
        assert read_manifest(tmp_path)["store_schema"] == schema
    else:
        with pytest.raises(WorldwireError, match=rf"\[E804\].*store schema {schema};"):
            read_manifest(tmp_path)


def test_spark_engine_without_java_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark")
    from worldwire.engines import spark

    monkeypatch.setattr(spark.shutil, "which", lambda _name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(WorldwireError, match=r"\[E802\].*openjdk-17-jre-headless"):
        spark.require_spark()


def test_spark_engine_refuses_standard_input() -> None:
    from worldwire.engines.spark import input_units

    with pytest.raises(WorldwireError, match=r"\[E803\].*standard input"):
        input_units(["-"])


def _signature(values: list[int]) -> np.ndarray:
    return np.asarray(values, dtype=np.uint64)


@pytest.mark.parametrize("first", ["x", "y"])
def test_clusterer_breaks_ties_for_the_earliest_candidate(first: str) -> None:
    """Two earlier stories equally similar to a new article: it joins the one indexed first, whatever
    order the LSH returns its candidates in (the Spark engine breaks ties the same way)."""
    clusterer = Clusterer()
    n = clusterer.config.num_perm
    half = n // 2
    assert half % (bands()[0][1] - bands()[0][0]) == 0  # the halves fall on band boundaries
    x, y = _signature(list(range(n))), _signature(list(range(1000, 1000 + n)))
    between = _signature([*range(half), *range(1000 + half, 1000 + n)])
    order = [("x", x), ("y", y)] if first == "x" else [("y", y), ("x", x)]
    for article, sig in order:
        assert clusterer.assign(article, sig) == article
    assert clusterer.assign("between", between) == first


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--engine", "spark"], "--out"),
        (["--out", "out"], "go with --engine spark"),
        (["--engine", "ray", "--out", "out"], "local or spark"),
    ],
)
def test_ingest_command_checks_its_engine_options(tmp_path: Path, options: list[str], message: str) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "w.duckdb"), *options]
    )
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.slow
@pytest.mark.filterwarnings(*SPARK_WARNINGS)
def test_spark_engine_reads_jsonl_fields_the_user_names(spark: Any, tmp_path: Path) -> None:
    from worldwire.engines.spark import ingest_spark
    from worldwire.ingest import JsonlFields

    text = "Kazakhstan's president met China's president in Beijing on a state visit on Tuesday."
    path = tmp_path / "crawl.jsonl"
    path.write_text(
        json.dumps({"story": text, "when": "3 March 2025", "permalink": "https://e.example/1"}) + "\n"
    )
    out = tmp_path / "out"
    fields = JsonlFields(text="story", date="when", url="permalink")
    report = ingest_spark(spark, [str(path)], str(out), fields=fields)
    assert (report.done, report.failed) == (1, 0)
    rows = duckdb.connect().execute(f"SELECT url, date::VARCHAR FROM {_parquet(out, 'articles')}").fetchall()  # noqa: S608
    assert rows == [("https://e.example/1", "2025-03-03")]
