"""The store's commands print what the Python API returns: events, dyads, timeline, status, export."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import worldwire
from storekit import event, record
from worldwire.interfaces.cli import app
from worldwire.interfaces.store_commands import period_label

TEXT = (
    "The foreign ministers of China and Kazakhstan met in Astana to discuss a new rail corridor, and both "
    "said the project would double freight traffic between the two countries within five years."
)
MEETING = "foreign ministers of China and Kazakhstan met"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    with worldwire.open(path) as store:
        store.add_records(
            [
                record("a", TEXT, [event("CHNGOV", "KAZGOV", "036", TEXT, MEETING)], date="2023-02-14"),
                record(
                    "b",
                    TEXT.replace("Astana", "Almaty"),
                    [event("KAZ", "CHN", "112", TEXT, MEETING)],
                    date="2023-04-02",
                    url="https://other.example/b",
                ),
            ]
        )
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_store_cli_events_as_csv_and_json(db: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(_run("events", "--dyad", "KAZ-CHN", "--format", "csv", "--db", str(db))))
    )
    assert sorted(r["cameo"] for r in rows) == ["036", "112"]
    lines = _run("events", "--since", "2023-03-01", "--format", "json", "--db", str(db)).splitlines()
    assert [json.loads(line)["date"][:10] for line in lines] == ["2023-04-02"]


def test_store_cli_timeline_and_dyads(db: Path) -> None:
    lines = _run("timeline", "CHN", "KAZ", "--by", "month", "--format", "json", "--db", str(db)).splitlines()
    months = [(json.loads(line)["period"][:10], json.loads(line)["events"]) for line in lines]
    assert months == [("2023-02-01", 1), ("2023-04-01", 1)]
    (top,) = [json.loads(line) for line in _run("dyads", "--format", "json", "--db", str(db)).splitlines()]
    assert (top["country1"], top["country2"], top["events"]) == ("CHN", "KAZ", 2)


def test_store_cli_status_and_export(db: Path, tmp_path: Path) -> None:
    status = json.loads(_run("status", "--format", "json", "--db", str(db)))
    assert (status["articles"], status["inputs"], status["failed"]) == (2, 2, 0)
    out = tmp_path / "events.tsv"
    _run("export", "--format", "gdelt", "--out", str(out), "--db", str(db))
    assert [len(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines()] == [61, 61]


def test_store_cli_bad_period_is_a_clear_error(db: Path) -> None:
    result = CliRunner().invoke(app, ["timeline", "CHN", "KAZ", "--by", "fortnight", "--db", str(db)])
    assert result.exit_code != 0
    assert "E603" in str(result.exception)


def test_store_cli_events_table_shows_the_evidence(db: Path) -> None:
    out = CliRunner().invoke(app, ["events", "--dyad", "CHN-KAZ", "--db", str(db)], env={"COLUMNS": "300"})
    assert out.exit_code == 0, out.output
    assert "evidence" in out.stdout
    assert MEETING in out.stdout
    assert "2023-02-14" in out.stdout
    assert "00:00:00" not in out.stdout


def test_store_cli_ingest_uses_every_core_by_default(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "i.duckdb"
    CliRunner().invoke(app, ["ingest", str(article), "--db", str(store)], catch_exceptions=False)
    status = json.loads(_run("status", "--format", "json", "--db", str(store)))
    assert (status["inputs"], status["articles"], status["failed"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("by", "label"),
    [
        ("day", "2023-05-17"),
        ("week", "2023-W20"),
        ("month", "2023-05"),
        ("quarter", "2023-Q2"),
        ("year", "2023"),
    ],
)
def test_store_cli_timeline_periods_read_at_their_precision(by: str, label: str) -> None:
    assert period_label(date(2023, 5, 17), by) == label
