"""The store: schema and migrations, stable ids, near-duplicate clusters with live event counts,
queries and exports, on records built with chosen events (tests/storekit.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

import worldwire
from storekit import event, record
from worldwire.errors import WorldwireError
from worldwire.store.config import store_config
from worldwire.store.schema import LATEST, MIGRATIONS

STORY = (
    "The president of China met the president of Kazakhstan in Astana on Tuesday and the two leaders "
    "signed an agreement on a new railway line, officials said after the talks ended late in the evening. "
    "Trade between the neighbours has grown quickly over the past decade, according to customs figures."
)
# The same story as a second outlet ran it: a few words changed.
COPY = STORY.replace("on Tuesday", "this week").replace("officials said", "a spokesman said")
OTHER = (
    "Police in Lagos arrested dozens of protesters who had blocked a motorway for several hours to denounce "
    "fuel prices, and a court will hear their cases next month, a lawyer for the group told reporters."
)
MEETING = "president of China met the president of Kazakhstan"
SIGNING = "signed an agreement on a new railway line"


def _story(doc_id: str, text: str, url: str, date: str = "2023-05-16", tone: float = 1.0) -> dict[str, Any]:
    return record(
        doc_id,
        text,
        [event("CHNGOV", "KAZGOV", "036", text, MEETING), event("CHNGOV", "KAZGOV", "057", text, SIGNING)],
        date=date,
        url=url,
        tone=tone,
        place=("Astana", "KAZ", 51.18, 71.45),
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with worldwire.open(tmp_path / "w.duckdb") as opened:
        yield opened


def test_store_schema_is_created_by_recorded_migrations(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    worldwire.open(path).close()
    worldwire.open(path).close()  # reopening applies nothing twice
    con = duckdb.connect(str(path))
    assert con.execute("SELECT version FROM schema_migrations").fetchall() == [(v,) for v, _, _ in MIGRATIONS]
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    expected = {"articles", "actors", "events", "quotes", "facts", "locations", "mentions", "clusters"}
    assert expected | {"ingest_log", "runs", "schema_migrations"} <= tables
    con.close()


def test_store_written_by_a_newer_worldwire_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    worldwire.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'future', now()::TIMESTAMP)", [LATEST + 1])
    con.close()
    with pytest.raises(WorldwireError, match=r"\[E601\]"):
        worldwire.open(path)


def test_store_adding_the_same_records_again_adds_nothing(store: Any) -> None:
    records = [
        _story("a", STORY, "https://one.example/a"),
        record("b", OTHER, [], url="https://two.example/b"),
    ]
    first = store.add_records(records)
    assert (first.done, first.skipped) == (2, 0)
    before = store.status()
    second = store.add_records(records)
    assert (second.done, second.duplicate, second.skipped) == (0, 0, 2)
    assert store.status() | {"runs": 0} == before | {"runs": 0}


def test_store_ids_are_stable_across_stores(tmp_path: Path) -> None:
    ids = []
    for name in ("one.duckdb", "two.duckdb"):
        with worldwire.open(tmp_path / name) as opened:
            opened.add_records([_story("a", STORY, "https://one.example/a")])
            ids.append(
                opened.sql("SELECT event_id, global_event_id FROM events ORDER BY event_id").values.tolist()
            )
    assert ids[0] == ids[1]
    assert len(ids[0]) == 2


def test_store_copies_of_a_story_merge_their_events_with_live_counts(store: Any) -> None:
    def counts() -> list[tuple[Any, ...]]:
        frame = store.sql(
            "SELECT cameo, num_mentions, num_articles, num_sources, avg_tone FROM events ORDER BY cameo"
        )
        return [tuple(row) for row in frame.itertuples(index=False)]

    store.add_records([_story("a", STORY, "https://one.example/a", tone=1.0)])
    assert counts() == [("036", 1, 1, 1, 1.0), ("057", 1, 1, 1, 1.0)]
    store.add_records([_story("b", COPY, "https://two.example/b", tone=3.0)])
    assert counts() == [("036", 2, 2, 2, 2.0), ("057", 2, 2, 2, 2.0)]
    # the same outlet runs it again under another address: one more article, not one more source
    store.add_records([_story("c", COPY + " Updated.", "https://www.one.example/c", tone=2.0)])
    assert counts() == [("036", 3, 3, 2, 2.0), ("057", 3, 3, 2, 2.0)]
    assert store.sql("SELECT count(DISTINCT cluster_id) AS n FROM articles").n[0] == 1
    assert store.sql("SELECT num_articles, num_sources FROM clusters").values.tolist() == [[3, 2]]
    assert store.sql("SELECT count(*) AS n FROM mentions").n[0] == 6


def test_store_same_event_in_an_unrelated_story_stays_a_separate_event(store: Any) -> None:
    text = (
        "Ministers from Beijing and Astana held a video call about water rights on the Ili river, "
        "and the president of China met the president of Kazakhstan again in the autumn."
    )
    store.add_records(
        [
            _story("a", STORY, "https://one.example/a"),
            record(
                "z", text, [event("CHNGOV", "KAZGOV", "036", text, MEETING)], url="https://three.example/z"
            ),
        ]
    )
    assert store.sql("SELECT count(*) AS n FROM events WHERE cameo = '036'").n[0] == 2
    assert store.sql("SELECT count(DISTINCT cluster_id) AS n FROM articles").n[0] == 2


def test_store_event_counted_twice_in_one_article_is_two_mentions_one_article(store: Any) -> None:
    text = STORY + " Later the president of China met the president of Kazakhstan for dinner."
    second = event("CHNGOV", "KAZGOV", "036", text, MEETING)
    first = event("CHNGOV", "KAZGOV", "036", text, MEETING)
    later = text.rindex(MEETING)
    import dataclasses

    second = dataclasses.replace(second, start=later, end=later + len(MEETING))
    store.add_records([record("a", text, [first, second], url="https://one.example/a")])
    assert store.sql("SELECT num_mentions, num_articles, is_root FROM events").values.tolist() == [
        [2, 1, True]
    ]


def test_store_negated_events_are_kept_but_left_out_by_default(store: Any) -> None:
    text = "Officials said the president of China did not meet the president of Kazakhstan during the summit."
    evidence = "president of China did not meet the president of Kazakhstan"
    store.add_records(
        [record("n", text, [event("CHNGOV", "KAZGOV", "036", text, evidence, modality="negated")])]
    )
    assert len(store.events()) == 0
    assert store.events(negated=True).modality.tolist() == ["negated"]
    assert store.status()["negated_events"] == 1
    assert len(store.events(dyad=("KAZ", "CHN"))) == 0
    assert len(store.events(dyad=("KAZ", "CHN"), negated=True)) == 1
    assert store.timeline("CHN", "KAZ", negated=True).events.tolist() == [1]
    assert len(store.dyads()) == 0
    assert store.dyads(negated=True)[["country1", "country2"]].values.tolist() == [["CHN", "KAZ"]]


def _corpus(store: Any) -> None:
    """Four dated China–Kazakhstan stories (one told twice), one Russia–Ukraine, one Nigeria story."""
    kaz = [
        ("k1", "2022-11-03", "057", "The leaders signed a deal on gas pipelines worth billions of dollars"),
        ("k2", "2023-01-10", "036", "The foreign minister hosted talks about border crossings and visas"),
        ("k3", "2023-01-25", "112", "The ambassador criticised remarks made by a television presenter"),
        ("k4", "2023-03-02", "061", "The two armies began a joint exercise near the shared border"),
    ]
    records = []
    for doc_id, date, cameo, sentence in kaz:
        text = (
            f"{sentence} on {date} in a statement that was published {doc_id} by both governments on the day."
        )
        records.append(record(doc_id, text, [event("CHN", "KAZ", cameo, text, sentence)], date=date))
    text = "Artillery shelled a village near the front line overnight, local officials in the region said."
    records.append(
        record(
            "r1", text, [event("RUS", "UKR", "190", text, "Artillery shelled a village")], date="2023-02-01"
        )
    )
    records.append(
        record(
            "k2-copy",
            records[1]["text"].replace("statement", "short statement"),
            [
                event(
                    "CHN", "KAZ", "036", records[1]["text"].replace("statement", "short statement"), kaz[1][3]
                )
            ],
            date="2023-01-11",
            url="https://other.example/k2",
        )
    )
    store.add_records(records)


def test_store_events_filter_by_dyad_either_way_and_date(store: Any) -> None:
    _corpus(store)
    frame = store.events(dyad=("KAZ", "CHN"), since="2023-01-01")
    assert sorted(frame.cameo) == ["036", "061", "112"]
    assert frame[frame.cameo == "036"].num_articles.tolist() == [2]
    assert len(store.events(dyad=("KAZ", "CHN"), directed=True)) == 0
    assert len(store.events(dyad=("CHN", "KAZ"), directed=True)) == 4
    assert store.events(root="19").actor1_country.tolist() == ["RUS"]
    with pytest.raises(WorldwireError, match=r"\[E603\]"):
        store.events(since="last week")


def test_store_timeline_by_month_counts_quad_classes_and_means_goldstein(store: Any) -> None:
    _corpus(store)
    frame = store.timeline("CHN", "KAZ", by="month")
    rows = [
        (
            str(r.period)[:10],
            r.events,
            r.verbal_coop,
            r.material_coop,
            r.verbal_conflict,
            r.material_conflict,
            r.mean_goldstein,
        )
        for r in frame.itertuples()
    ]
    assert rows == [
        ("2022-11-01", 1, 1, 0, 0, 0, 8.0),
        ("2023-01-01", 2, 1, 0, 1, 0, 1.0),  # (4.0 + -2.0) / 2
        ("2023-03-01", 1, 0, 1, 0, 0, 6.4),
    ]
    assert store.timeline("CHN", "KAZ", by="year", since="2023-01-01").events.tolist() == [3]
    with pytest.raises(WorldwireError, match=r"\[E603\]"):
        store.timeline("CHN", "KAZ", by="fortnight")


def test_store_dyads_rank_pairs_regardless_of_direction(store: Any) -> None:
    _corpus(store)
    frame = store.dyads(top=5)
    assert frame[["country1", "country2", "events"]].values.tolist() == [["CHN", "KAZ", 4], ["RUS", "UKR", 1]]
    assert store.dyads(top=1, as_="arrow").num_rows == 1


def test_store_gdelt_export_has_gdelts_columns_in_gdelts_order(store: Any, tmp_path: Path) -> None:
    columns = [name for name, _ in store_config().gdelt_columns]
    assert len(columns) == 61
    assert (columns[0], columns[1], columns[5], columns[15], columns[25], columns[26]) == (
        "GLOBALEVENTID",
        "SQLDATE",
        "Actor1Code",
        "Actor2Code",
        "IsRootEvent",
        "EventCode",
    )
    assert (columns[29], columns[30], columns[31], columns[34], columns[35], columns[51]) == (
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "AvgTone",
        "Actor1Geo_Type",
        "ActionGeo_Type",
    )
    assert columns[-2:] == ["DATEADDED", "SOURCEURL"]
    store.add_records(
        [_story("a", STORY, "https://one.example/a"), _story("b", COPY, "https://two.example/b")]
    )
    path = tmp_path / "events.gdelt.tsv"
    assert store.export("gdelt", path) == 2
    frame = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=columns,
        dtype={"EventCode": str, "EventRootCode": str, "EventBaseCode": str},
    )
    assert frame.shape == (2, 61)
    row = frame[frame.EventCode == "057"].iloc[0]
    assert (row.SQLDATE, row.MonthYear, row.Year, row.EventRootCode, row.EventBaseCode) == (
        20230516,
        202305,
        2023,
        "05",
        "057",
    )
    assert (row.Actor1CountryCode, row.Actor1Type1Code, row.Actor2Code, row.QuadClass) == (
        "CHN",
        "GOV",
        "KAZGOV",
        1,
    )
    assert (row.NumMentions, row.NumArticles, row.NumSources, row.GoldsteinScale) == (2, 2, 2, 8.0)
    assert (row.ActionGeo_Type, row.ActionGeo_FullName, row.ActionGeo_Lat) == (4, "Astana", 51.18)
    assert row.FractionDate == pytest.approx(2023 + (5 * 30 + 16) / 365, abs=1e-4)
    assert str(row.DATEADDED).startswith("20")
    assert len(str(row.DATEADDED)) == 14
    assert row.SOURCEURL == "https://one.example/a"


def test_store_parquet_export_round_trips_every_row(store: Any, tmp_path: Path) -> None:
    _corpus(store)
    store.add_records(
        [record("undated", OTHER, [event("NGA", None, "173", OTHER, "Police in Lagos arrested")], date=None)]
    )
    out = tmp_path / "events-parquet"
    written = store.export("parquet", out)
    assert written == len(store.events()) == 6
    con = duckdb.connect()
    back = con.execute(
        "SELECT * FROM read_parquet(?, hive_partitioning = true) ORDER BY event_id", [f"{out}/**/*.parquet"]
    ).df()
    original = store.sql("SELECT * FROM events WHERE NOT negated ORDER BY event_id")
    assert back.event_id.tolist() == original.event_id.tolist()
    assert back.num_mentions.tolist() == original.num_mentions.tolist()
    assert {p.name for p in out.iterdir()} >= {"year=2022", "year=2023"}


def test_store_plover_export_is_one_json_object_per_event(store: Any, tmp_path: Path) -> None:
    store.add_records([_story("a", STORY, "https://one.example/a")])
    path = tmp_path / "events.jsonl"
    assert store.export("plover", path) == 2
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    first = next(line for line in lines if line["event"] == "SUPPORT")
    assert {"id", "date", "actor", "event"} <= set(first)
    assert first["actor"]["country_code"] == "CHN"
    assert first["recipient"]["country_code"] == "KAZ"
    assert first["event_text"] == SIGNING
    assert first["event_loc"]["resolved_place"] == "Astana"
    assert first["cite_info"]["url"] == "https://one.example/a"


def test_store_csv_export_has_a_header_and_every_event(store: Any, tmp_path: Path) -> None:
    _corpus(store)
    path = tmp_path / "events.csv"
    assert store.export("csv", path) == 5
    frame = pd.read_csv(path, dtype={"cameo": str})
    assert len(frame) == 5
    assert "num_articles" in frame.columns


def test_store_older_store_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    from worldwire.store.schema import migrate

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert migrate(con, MIGRATIONS[:1]) == 1  # a store written before migration 2
    con.execute(
        "INSERT INTO events (event_id, global_event_id, cluster_id, actor1_country, actor2_country, "
        "cameo, cameo_base, cameo_root, negated, is_root, num_mentions, num_articles, num_sources, "
        "first_article_id, added_at) "
        "VALUES ('e1', 1, 'c1', 'KAZ', 'CHN', '036', '036', '03', false, true, 1, 1, 1, 'a1', now())"
    )
    con.close()
    with worldwire.open(path) as opened:
        assert opened.sql("SELECT max(version) AS v FROM schema_migrations").v[0] == LATEST
        assert opened.events(dyad=("CHN", "KAZ")).event_id.tolist() == ["e1"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("threshold = 0.5", "threshold = 1.5", "threshold"),
        ('["SOURCEURL", "STRING"]', '["SOURCEURL", "TEXT"]', "SOURCEURL"),
        ('["DATEADDED", "INTEGER"]', '["SOURCEURL", "INTEGER"]', "repeat"),
    ],
)
def test_store_data_file_is_validated(old: str, new: str, message: str) -> None:
    from worldwire.datafiles import data_path, parse_data
    from worldwire.errors import DataFileError

    source = data_path("store").read_text(encoding="utf-8")
    assert old in source
    with pytest.raises(DataFileError, match=message):
        parse_data("store", source.replace(old, new), "store.toml")
