"""Issue 16, item 11: the Python API has typed, documented filters (the CLI's and the HTTP API's, spelled
the same way), opens a store read-only, and returns polars beside pandas and Arrow."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pytest

import worldwire
from storekit import event, record
from worldwire.errors import WorldwireError
from worldwire.store.api import Store

VISIT = "The Philippine president arrived in Beijing for a state visit and talks on the South China Sea."
CLASH = "Chinese coast guard ships fired water cannon at a Philippine supply boat near a disputed shoal."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("python-api") / "w.duckdb"
    with worldwire.open(path) as store:
        store.add_records(
            [
                record("visit", VISIT, [event("PHLGOV", "CHNGOV", "042", VISIT, "president arrived")],
                       date="2023-01-04"),
                record("clash", CLASH, [event("CHNMIL", "PHL", "190", CLASH, "fired water cannon")],
                       date="2023-08-05"),
            ]
        )  # fmt: skip
    return path


def test_python_api_events_filters_are_typed_and_documented() -> None:
    signature = inspect.signature(Store.events)
    for name in (
        "dyad",
        "actor",
        "since",
        "until",
        "root",
        "cameo",
        "plover",
        "modality",
        "q",
        "min_confidence",
    ):
        assert signature.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert signature.parameters[name].annotation != "Any"
        assert f"{name}:" in (Store.events.__doc__ or "") or f"{name}," in (Store.events.__doc__ or "")


def test_python_api_filters_that_used_to_raise(db: Path) -> None:
    with worldwire.open(db, read_only=True) as store:
        assert store.events(root=19)["cameo"].tolist() == ["190"]  # AttributeError before: 19 is an int
        assert len(store.events(dyad="CHN-PHL")) == 2  # ValueError before: a string dyad
        assert len(store.events(dyad=("Philippines", "China"), since=dt.date(2023, 6, 1))) == 1
        assert store.timeline("China-Philippines", by="year", root="fight")["events"].tolist() == [1]
        assert store.actors(root=4, top=5)["code"].tolist() == ["CHNGOV", "PHLGOV"]
        assert store.places(dyad="CHN-PHL").empty  # no place in these records


def test_python_api_polars_arrow_and_pandas(db: Path) -> None:
    with worldwire.open(db, read_only=True) as store:
        frame = store.events(as_="polars")
        assert isinstance(frame, pl.DataFrame)
        assert frame.height == 2
        assert isinstance(store.timeline(as_="polars"), pl.DataFrame)
        assert isinstance(store.events(as_="arrow"), pa.Table)
        assert store.events()["cameo"].tolist() == frame["cameo"].to_list()
        with pytest.raises(WorldwireError, match="as_ must be pandas, arrow or polars"):
            store.events(as_="excel")  # type: ignore[arg-type]


def test_python_api_read_only_never_writes_or_creates(db: Path, tmp_path: Path) -> None:
    with worldwire.open(db, read_only=True) as store, pytest.raises(duckdb.Error, match="read-only"):
        store.con.execute("DELETE FROM events")
    missing = tmp_path / "nothing-here.duckdb"
    with pytest.raises(WorldwireError, match=r"\[E605\]"):
        worldwire.open(missing, read_only=True)
    assert not missing.exists()
