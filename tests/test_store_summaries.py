"""The summary tables and the word index: always equal to a full recount of `events` (after merged
copies, re-ingest, a migration, a kill half-way through an ingest), and every question answered from them
exactly as from `events` alone (same rows, same order), over synthetic events with every awkward value.
Spark `attach` is checked in tests/test_spark_engine.py."""

from __future__ import annotations

import os
import signal
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

import worldwire
from storekit import event, record
from worldwire.store import plans, queries, summaries, wordindex, wordsummaries
from worldwire.store.derived import differences, insert_events
from worldwire.store.schema import LATEST

TESTS = Path(__file__).resolve().parent
STORY = (
    "The president of China met the president of Kazakhstan in Astana on Tuesday and the two leaders "
    "signed an agreement on a new railway line, officials said after the talks ended late in the evening. "
    "Trade between the neighbours has grown quickly over the past decade, according to customs figures."
)
MEETING = "president of China met the president of Kazakhstan"
SIGNING = "signed an agreement on a new railway line"
PROTEST = (
    "Police in Astana arrested dozens of protesters who had blocked a motorway for several hours, and "
    "officials of Kazakhstan accused China of stirring the unrest, a lawyer for the group told reporters."
)


def _exact(con: duckdb.DuckDBPyConnection) -> None:
    assert differences(con) == dict.fromkeys(differences(con), 0)


def _copies() -> list[list[dict[str, Any]]]:
    """Batches of records: a story, its copies (later and earlier dates, another outlet, no date), a
    negated event, an event with no target, and the same records again."""

    def story(doc: str, date: str | None, url: str, suffix: str = "") -> dict[str, Any]:
        text = STORY + suffix
        events = [
            event("CHNGOV", "KAZGOV", "036", text, MEETING),
            event("CHNGOV", "KAZGOV", "057", text, SIGNING),
        ]
        return record(doc, text, events, date=date, url=url, place=("Astana", "KAZ", 51.18, 71.45))

    protest = record(
        "p",
        PROTEST,
        [
            event("KAZGOV", "CHN", "112", PROTEST, "officials of Kazakhstan accused China"),
            event("KAZPOL", None, "173", PROTEST, "Police in Astana arrested dozens of protesters"),
            event("KAZGOV", "CHN", "130", PROTEST, "accused China of stirring", modality="negated"),
        ],
        date="2023-06-02",
        url="https://three.example/p",
    )
    return [
        [story("a", None, "https://one.example/a")],
        [story("b", "2023-05-16", "https://two.example/b", " Updated.")],
        [story("c", "2023-05-10", "https://four.example/c", " Updated again."), protest],
        [story("d", "2023-04-30", "https://www.one.example/d", " Last.")],
        [story("a", None, "https://one.example/a"), protest],
    ]


@pytest.mark.parametrize("frequent", [wordsummaries.FREQUENT, 1, 3])
def test_summaries_and_index_equal_a_recount_through_merged_copies_and_reingest(
    tmp_path: Path, frequent: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # frequent: the words summarised are those of this many events or more (1: every word, from the
    # first batch on; 3: words reaching it in a later batch, counted from their postings then)
    monkeypatch.setattr(wordsummaries, "FREQUENT", frequent)
    with worldwire.open(tmp_path / "w.duckdb") as store:
        for batch in _copies():
            store.add_records(batch)
            _exact(store.con)
        # the story's events were undated when posted, then dated, then dated earlier twice: the index
        # keeps their posting and notes their date now
        posted = store.con.execute(
            "SELECT coalesce(p.date::VARCHAR, 'none'), m.date::VARCHAR FROM event_words p "
            "JOIN words w USING (word_id) LEFT JOIN event_words_moved m USING (global_event_id) "
            "WHERE w.word = 'railway'"
        ).fetchall()
        assert posted == [("none", "2023-04-30")]
        assert store.con.execute("SELECT min(date)::VARCHAR FROM events").fetchall() == [("2023-04-30",)]
        page = store.event_page(q="railway")
        assert page["total"] == 1
        assert page["items"][0]["date"].isoformat() == "2023-04-30"
        # several words intersected in numpy (every word taken as frequent) read the dates now too
        for q in ("new railway", "railway agreement line", "railway zzz", "police protesters"):
            for span in ({}, {"since": "2023-05-01"}, {"until": "2023-05-12"}, {"negated": True}):
                joined = _both(monkeypatch, queries.event_page, store.con, q=q, **span)
                with monkeypatch.context() as bulk:
                    bulk.setattr(plans, "BULK", 0)
                    assert queries.event_page(store.con, q=q, **span) == joined
        summarised = store.con.execute("SELECT count(*) FROM summarised_words").fetchall()[0][0]
        assert (summarised > 0) == (frequent <= 3)


def test_summaries_and_index_are_built_for_a_store_of_an_older_worldwire(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wordsummaries, "FREQUENT", 2)  # so the migration summarises some words
    path = tmp_path / "w.duckdb"
    with worldwire.open(path) as store:
        for batch in _copies():
            store.add_records(batch)
        kept = {"summary_days": "*", "summary_actors": "*", "words": "word, events"}  # word ids: in any order
        before = {
            name: store.sql(f"SELECT {columns} FROM {name} ORDER BY ALL")  # noqa: S608
            for name, columns in kept.items()
        }
    con = duckdb.connect(str(path))  # as a worldwire of schema 3 left it: no summaries, no index
    tables = [row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    schema_3 = {
        "articles",
        "clusters",
        "actors",
        "events",
        "mentions",
        "quotes",
        "facts",
        "locations",
        "runs",
    }
    for table in set(tables) - schema_3 - {"ingest_log", "schema_migrations"}:
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_migrations WHERE version >= 4")
    con.close()
    with worldwire.open(path, read_only=True) as store:  # a read brings it up to date first
        assert store.status()["schema_version"] == LATEST
        _exact(store.con)
        assert store.con.execute("SELECT count(*) FROM word_edges").fetchall()[0][0] > 0
        for name, frame in before.items():
            assert store.sql(f"SELECT {kept[name]} FROM {name} ORDER BY ALL").equals(frame)  # noqa: S608


KILLED = """
import sys
sys.path.insert(0, {tests!r})
import worldwire
from storekit import event, record
from worldwire.store import wordsummaries
wordsummaries.FREQUENT = 4  # words reach it as the run goes, in transactions a kill may cut short

TEXT = {text!r}
with worldwire.open({db!r}) as store:
    for n in range(10_000):
        text = TEXT + f" Report {{n}}."
        day = f"2023-{{1 + n % 12:02d}}-{{1 + n % 28:02d}}"
        events = [event("CHNGOV", "KAZGOV", "036", text, {meeting!r}),
                  event("KAZGOV", "RUSGOV", "057", text, {signing!r},
                        modality="negated" if n % 5 else "asserted")]
        copies = [record(f"{{n}}-{{k}}", text + " x" * k, events, date=None if k == 2 else day,
                         url=f"https://o{{k}}.example/{{n}}") for k in range(3)]
        store.add_records(copies)
        print("committed", n, flush=True)
"""


def test_summaries_and_index_stay_exact_when_an_ingest_is_killed(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    script = KILLED.format(tests=str(TESTS), text=STORY, db=str(db), meeting=MEETING, signing=SIGNING)
    for kill_after in (3, 9):  # the second run resumes into the same store and is killed too
        with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith("committed") and int(line.split()[1]) >= kill_after:
                    break
            time.sleep(0.05 * kill_after)  # somewhere inside a later transaction
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        assert child.returncode == -signal.SIGKILL
        with worldwire.open(db) as store:
            assert store.status()["events"] > 0
            _exact(store.con)


# ---- every question, from the summaries and from `events` alone ------------------------------------

SYNTHETIC = """
SELECT event_id, ('0x' || event_id[:15])::BIGINT AS global_event_id, 'c' || (i // 4)::VARCHAR AS cluster_id,
       date, c1 || CASE WHEN i % 3 = 0 THEN 'GOV' ELSE '' END AS actor1_code,
       CASE WHEN i % 2 = 0 THEN 'the government of ' ELSE 'officials of ' END || c1 AS actor1_name,
       c1 AS actor1_country,
       CASE WHEN c2 IS NOT NULL THEN c2 || CASE WHEN i % 5 = 0 THEN 'GOV' ELSE '' END END AS actor2_code,
       CASE WHEN i % 7 < 3 THEN 'them' ELSE 'the people of ' || c2 END AS actor2_name, c2 AS actor2_country,
       CASE WHEN c1 <> c2 THEN least(c1, c2) || '-' || greatest(c1, c2)
            || CASE WHEN negated THEN ' negated' ELSE '' END END AS dyad,
       cameo, cameo[:3] AS cameo_base, cameo[:2] AS cameo_root,
       CASE WHEN i % 97 = 0 THEN NULL WHEN cameo[:2] <= '05' THEN 1 WHEN cameo[:2] <= '08' THEN 2
            WHEN cameo[:2] <= '13' THEN 3 ELSE 4 END AS quad_class,
       CASE WHEN i % 23 = 0 THEN NULL ELSE (hash(i * 8 + 4) % 41)::DOUBLE / 2 - 10 END AS goldstein,
       CASE WHEN i % 13 = 0 THEN NULL ELSE {plover}[cameo] END AS plover,
       CASE WHEN negated THEN 'negated' WHEN i % 6 = 0 THEN 'intended' ELSE 'asserted' END AS modality,
       negated, i % 3 = 0 AS is_root, 1 + (i % 4)::INTEGER AS num_mentions, 1 AS num_articles,
       1 AS num_sources,
       CASE WHEN i % 19 = 0 THEN NULL WHEN i % 4 = 0 THEN (i % 11)::DOUBLE / 10
            ELSE (i % 100)::DOUBLE / 100 END
           AS confidence,
       {city}[1] AS geo_name, {city}[2] AS geo_country, {city}[3]::DOUBLE AS geo_lat,
       {city}[4]::DOUBLE AS geo_lon, CASE WHEN i % 2 = 0 THEN 'city' ELSE 'capital' END AS geo_feature,
       event_id AS first_article_id, NULL AS source_url,
       CASE WHEN i % 31 = 0 THEN NULL ELSE
           {words}[1 + (hash(i * 8 + 5) % len({words}))::INTEGER] || ' ' || c1 || ' '
           || {words}[1 + (hash(i * 8 + 6) % len({words}))::INTEGER] || ' '
           || {words}[1 + (hash(i * 8 + 7) % len({words}))::INTEGER] END AS evidence,
       TIMESTAMP '2026-01-01 00:00:00' AS added_at
FROM (
    SELECT i, md5('e' || i::VARCHAR)[:24] AS event_id,
           CASE WHEN i % 41 = 0 THEN NULL
                ELSE DATE '2021-11-20' + (hash(i * 8 + 1) % 900)::INTEGER END AS date,
           {codes}[1 + (hash(i * 8 + 2) % 6)::INTEGER] AS c1,
           CASE WHEN i % 11 = 0 THEN NULL ELSE {codes}[1 + (hash(i * 8 + 3) % 6)::INTEGER] END AS c2,
           {cameos}[1 + (i % 9)::INTEGER] AS cameo, i % 17 = 0 AS negated
    FROM range({start}, {stop}) AS r(i)
)
"""
CITY = (
    "CASE WHEN i % 10 < 3 THEN [NULL, NULL, NULL, NULL] "
    "WHEN i % 10 < 5 THEN ['Astana', 'KAZ', '51.18', '71.45'] "
    "WHEN i % 10 < 7 THEN ['Springfield', 'USA', '39.8', '-89.6'] WHEN i % 10 < 8 THEN "
    "['Springfield', 'USA', '42.1', '-72.6'] ELSE ['Beijing', 'CHN', '39.9', '116.4'] END"
)
WORDS = [
    "talks on the gas PIPELINE,", "the U.S. envoy", "al-Assad's forces", "a 50% tariff", "İstanbul talks",
    "in Türkiye", "café owners", "the pipelines", "ceasefire", "Straße", "ΣΟΦΙΑ", "x_y", "100",
]  # fmt: skip


def _sql_list(values: list[Any]) -> str:
    quoted = ("NULL" if v is None else "'" + str(v).replace("'", "''") + "'" for v in values)
    return "[" + ", ".join(quoted) + "]"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """A store of 30,000 synthetic events written in three transactions (so three clustered runs)."""
    path = tmp_path_factory.mktemp("synthetic") / "w.duckdb"
    plover = "MAP {'010': 'CONSULT', '036': 'CONSULT', '042': 'CONSULT', '057': 'AGREE', '071': 'AID', " \
             "'112': 'ACCUSE', '130': 'THREATEN', '173': 'COERCE', '190': 'ASSAULT'}"  # fmt: skip
    frequent = pytest.MonkeyPatch()
    frequent.setattr(wordsummaries, "FREQUENT", 3_000)  # "ceasefire" reaches it in the second batch
    with worldwire.open(path) as store:
        for start in (0, 10_000, 20_000):
            sql = SYNTHETIC.format(
                start=start, stop=start + 10_000, plover=plover, city=CITY, words=_sql_list(WORDS),
                codes=_sql_list(["CHN", "KAZ", "RUS", "USA", "TUR", "DEU"]),
                cameos=_sql_list(["010", "036", "042", "057", "071", "112", "130", "173", "190"]),
            )  # fmt: skip
            store.con.execute("BEGIN TRANSACTION")
            insert_events(store.con, f"({sql})")
            store.con.execute("COMMIT")
        _exact(store.con)
    frequent.undo()
    with worldwire.open(path, read_only=True) as store:
        yield store.con


def _answer(value: Any) -> Any:
    return value.fetchall() if hasattr(value, "fetchall") else value


def _both(patch: pytest.MonkeyPatch, ask: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`ask(*args, **kwargs)` with the summaries and the index, after checking it equals the answer from
    `events` alone."""
    fast = _answer(ask(*args, **kwargs))
    with patch.context() as off:
        off.setattr(plans, "ENABLED", False)
        off.setattr(wordindex, "ENABLED", False)
        slow = _answer(ask(*args, **kwargs))
    assert fast == slow
    return fast


SPANS = [
    {},
    {"since": "2022-03-01"},
    {"until": "2023-06-30"},
    {"since": "2022-03-14", "until": "2023-06-07"},
    {"since": "2022-05-10", "until": "2022-05-20"},
    {"since": "2022-05-01", "until": "2022-05-31"},
    {"since": "2023-02-11", "until": "2023-01-05"},
]
WHAT: list[dict[str, Any]] = [
    {},
    {"negated": True},
    {"root": "19"},
    {"plover": "consult"},
    {"min_confidence": 0.5},
    {"min_confidence": 0.55},
    {"min_confidence": 0.0},
    {"country": "KAZ"},
    {"dyad": ("CHN", "KAZ")},
    {"dyad": ("KAZ", "CHN"), "negated": True},
    {"q": "pipeline"},
    {"q": "u.s. talks"},
    {"q": "ceasefire"},
    {"q": "TALKS", "negated": True},
    {"country": "RUS", "root": "19"},
    {"country": "RUS", "root": "19", "min_confidence": 0.5},
    {"root": "11", "negated": True},
]


@pytest.mark.parametrize("what", WHAT, ids=repr)
def test_summary_questions_answer_as_events_do(
    synthetic: duckdb.DuckDBPyConnection, what: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    con = synthetic
    dyad = what.get("dyad")
    for span in SPANS:
        options = {**what, **span}
        pair = {k: v for k, v in options.items() if k != "dyad"}
        for by in queries.PERIODS:
            rows = _both(monkeypatch, queries.timeline, con, *(dyad or (None, None)), by=by, **pair)
            assert rows or span.get("since", "") > span.get("until", "9")
        for top in (3, 50):
            for question in (queries.actors, queries.network, queries.places):
                _both(monkeypatch, question, con, top=top, **options)
        if dyad is None:
            _both(monkeypatch, queries.dyads, con, top=10, **pair)
    undated = {k: v for k, v in what.items() if k != "dyad"}
    assert _both(monkeypatch, queries.undated, con, *(dyad or (None, None)), **undated) >= 0


PAGES = [
    *WHAT,
    {"actor_code": "USAGOV"},
    {"cameo": "04"},
    {"cameo": "042"},
    {"actor_code": "USAGOV", "cameo": "04"},
    {"country": "RUS", "cameo": "19"},
    {"country": "TUR", "cameo": "190", "root": "19"},
    {"modality": "intended"},
    {"modality": "negated", "root": "11"},
    {"q": "pipeline", "min_confidence": 0.3},
    {"q": "pipeline", "dyad": ("CHN", "KAZ")},
    {"q": "u.s. TALKS", "country": "TUR", "root": "04"},
    {"q": "% zzz", "dyad": ("RUS", "USA")},
    {"q": "x_y", "actor_code": "DEUGOV", "negated": True},
    {"q": "ceasefire talks"},  # several words, each exact: their postings' intersection counted per day
    {"q": "PIPE ceasefire", "negated": True},  # two words hold "pipe"
]


@pytest.mark.parametrize("what", PAGES, ids=repr)
def test_event_pages_answer_as_events_do(
    synthetic: duckdb.DuckDBPyConnection, what: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    con = synthetic
    for span in SPANS:
        options = {**what, **span}
        for page, size in ((1, 50), (2, 50), (7, 200), (50, 200), (10_000, 1)):
            _both(monkeypatch, queries.event_page, con, page=page, page_size=size, **options)
        listing = {("actor" if k == "country" else k): v for k, v in options.items()}
        for limit in (None, 0, 1, 100):
            _both(monkeypatch, queries.events, con, limit=limit, **listing)


@pytest.mark.parametrize(
    "q",
    ["pipeline", "PIPE", "u.s.", "U.S. envoy", "İstanbul", "istanbul", "türkiye", "50%", "x_y", "al-assad",
     "assad's", "é", "straße", "STRASSE", "σοφια", "-", "%", "zzz", "100 talks", "on the"],
)  # fmt: skip
def test_word_search_finds_what_ilike_finds(
    synthetic: duckdb.DuckDBPyConnection, q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = synthetic
    page = _both(monkeypatch, queries.event_page, con, q=q, page_size=200)
    conditions, params = ["NOT negated"], []
    for term in q.split():  # what `evidence ILIKE` makes of each word, its % and _ taken literally
        literal = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append("evidence ILIKE ? ESCAPE '\\'")
        params.append(f"%{literal}%")
    sql = f"SELECT count(*) FROM events WHERE {' AND '.join(conditions)}"  # noqa: S608
    assert page["total"] == con.execute(sql, params).fetchall()[0][0]
    _both(monkeypatch, queries.timeline, con, None, None, q=q)


def test_status_and_roots_from_the_summaries_equal_a_count(synthetic: duckdb.DuckDBPyConnection) -> None:
    con = synthetic
    status = queries.status(con)
    counted = con.execute(
        "SELECT count(*) FILTER (WHERE NOT negated), count(*) FILTER (WHERE NOT negated AND date IS NULL), "
        "count(*) FILTER (WHERE negated) FROM events"
    ).fetchall()[0]
    assert (status["events"], status["undated_events"], status["negated_events"]) == counted
    roots = con.execute(
        "SELECT cameo_root, count(*), sum(num_mentions)::BIGINT FROM events WHERE NOT negated "
        "GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert queries.events_by_root(con).fetchall() == roots
    _exact(con)


def test_a_page_reads_only_recent_row_groups(synthetic: duckdb.DuckDBPyConnection) -> None:
    """Events are written in month order, so the newest events of a filter are found near the end."""
    found = plans.page(synthetic, plans.Filter(root="19"), 50, 0)
    assert len(found.ids) == 50
    assert found.total is not None


def test_a_frequent_word_is_answered_from_its_own_summaries(synthetic: duckdb.DuckDBPyConnection) -> None:
    con = synthetic
    for q, summarised in (("ceasefire", True), ("TALKS", True), ("pipeline", False), ("u.s.", False)):
        f = plans.Filter(terms=(q,)).indexed(con)  # "pipeline": "pipelines" holds it too
        for summary in (
            summaries.MONTHS,
            summaries.DYADS,
            summaries.ACTORS,
            summaries.EDGES,
            summaries.PLACES,
        ):
            assert (plans.worded(con, summary, f) is not None) == summarised
        dated = plans.Filter(terms=(q,), since="2022-03-14").indexed(con)
        assert (plans.worded(con, summaries.MONTHS, dated) is not None) == summarised
        assert plans.worded(con, summaries.EDGES, dated) is None
        assert plans.worded(con, summaries.EDGES, plans.Filter(terms=(q,), root="19").indexed(con)) is None


def test_the_views_of_every_event_read_the_twins_grouped_by_nothing_else(
    synthetic: duckdb.DuckDBPyConnection,
) -> None:
    """Unfiltered actors, network and places read a few hundred rows, not a twin by root, confidence or
    countries (the answers themselves: `test_summary_questions_answer_as_events_do`)."""
    con = synthetic
    for summary, twin in (
        (summaries.ACTORS, summaries.ACTORS_ALL),
        (summaries.EDGES, summaries.EDGES_ALL),
        (summaries.PLACES, summaries.PLACES_ALL),
    ):
        for f in (plans.Filter(), plans.Filter(negated=True)):
            found = plans.all_time(summary, f)
            assert found is not None
            assert f"FROM {twin.table}" in found[0]
        rooted = plans.all_time(summary, plans.Filter(root="19"))
        assert rooted is not None
        assert f"FROM {twin.table}" not in rooted[0]
        plain, grouped = (
            con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]  # noqa: S608
            for table in (twin.table, summaries.ALL_TIME[summary.table][1].summary.table)
        )
        assert plain < grouped


@pytest.mark.parametrize(
    "what",
    [
        {"dyad": ("CHN", "KAZ")},
        {"country": "RUS", "root": "19"},
        {"actor_code": "USAGOV", "cameo": "04"},
        {"plover": "ASSAULT", "since": "2022-03-01"},
        {"dyad": ("CHN", "KAZ"), "since": "2022-03-01", "until": "2023-06-30"},
        {"root": "19", "negated": True, "until": "2022-12-31"},
    ],
    ids=repr,
)
def test_a_page_a_summary_counts_in_whole_months_is_counted_once(
    synthetic: duckdb.DuckDBPyConnection, what: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filters a summary tells apart, over whole months or no dates: the counts per month that find the
    page's cutoff are its total too, with no second count."""
    con = synthetic
    f = plans.Filter(**what)
    where, params = f.where(con)
    expected = con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0]  # noqa: S608
    with monkeypatch.context() as patch:
        patch.setattr(plans, "_exact_total", lambda *_: pytest.fail("counted twice"))
        found = plans.page(con, f, 50, 0)
    assert found.total == expected > 0
    with monkeypatch.context() as off:
        off.setattr(plans, "ENABLED", False)
        assert plans.page(con, f, 50, 0).ids == found.ids


@pytest.mark.parametrize(
    "terms",
    [
        ("pipeline",),
        ("U.S.", "al-Assad", "x_y", "50%", "B2B", "Talks2023", "-", "%", "assad's", "a\\b"),
        tuple(string.printable.split()[0]),  # every printable ASCII character alone
        (string.printable.split()[0],),
    ],
)
def test_ascii_terms_are_read_in_python_as_duckdb_reads_them(
    synthetic: duckdb.DuckDBPyConnection, terms: tuple[str, ...]
) -> None:
    python = wordindex.read_terms(synthetic, terms)
    duckdb_ = wordindex.read_terms(synthetic, (*terms, "é"))[:-1]  # a term not ASCII: DuckDB reads all
    assert python == duckdb_


def test_status_counts_failures_by_code_most_frequent_first(tmp_path: Path) -> None:
    with worldwire.open(tmp_path / "w.duckdb") as store:
        for n, (status, reason) in enumerate(
            [("done", None), ("duplicate", None), *[("failed", "[E112] x")] * 2, ("failed", "[E103] y"),
             ("failed", "[E301] z"), ("failed", None), ("failed", "[E103] w")]
        ):  # fmt: skip
            store.con.execute(
                "INSERT INTO ingest_log (input_key, run_id, status, reason, logged_at) "
                "VALUES (?, 1, ?, ?, now()::TIMESTAMP)",
                [str(n), status, reason],
            )
        status = queries.status(store.con)
        expected = store.con.execute(
            "SELECT substr(reason, 1, 6) AS code, count(*) AS n FROM ingest_log WHERE status = 'failed' "
            "GROUP BY code ORDER BY n DESC, code"
        ).fetchall()
    assert list(status["failures"].items()) == expected
    assert (status["inputs"], status["done"], status["duplicate"], status["failed"]) == (8, 1, 1, 6)


BULK_QUERIES = [
    "ceasefire talks",
    "talks ceasefire gas",  # three words
    "PIPE ceasefire",  # two words hold "pipe"
    "ceasefire zzz",  # no posting holds "zzz"
    "talks zzz gas",
]


@pytest.mark.parametrize("q", BULK_QUERIES)
def test_several_frequent_words_intersected_in_numpy_answer_as_the_joins_do(
    synthetic: duckdb.DuckDBPyConnection, q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several words each in `plans.BULK` events or more: their postings' intersection (numpy) gives the
    same total and pages as the joins of the word index (rarer words) and as `events` alone."""
    con = synthetic
    f = plans.Filter(terms=tuple(q.split())).indexed(con)
    assert plans._bulk(con, f) is None  # each word is far rarer than BULK here
    questions: list[tuple[Callable[..., Any], dict[str, Any]]] = []
    for span in [*SPANS, {"negated": True}, {"negated": True, "since": "2022-05-10"}]:
        for page, size in ((1, 50), (2, 50), (7, 200), (50, 200), (10_000, 1), (1, 1)):
            questions.append((queries.event_page, {"page": page, "page_size": size, **span}))
        for limit in (None, 0, 1, 100):
            questions.append((queries.events, {"limit": limit, **span}))
    joined = [_both(monkeypatch, ask, con, q=q, **options) for ask, options in questions]
    with monkeypatch.context() as bulk:
        bulk.setattr(plans, "BULK", 0)
        assert plans._bulk(con, f) is not None
        assert [_answer(ask(con, q=q, **options)) for ask, options in questions] == joined
        total = plans.at_most(con, plans.Filter(terms=tuple(q.split())))
    assert total == joined[0]["total"]
    assert (total == 0) == ("zzz" in q)
