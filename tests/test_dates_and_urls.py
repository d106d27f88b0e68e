"""Issue 16, items 1-2: a new user's own files keep their dates and URLs (datelines, JSONL, feeds, HTML
metadata), and events without a date are counted where a user looks (status, the API, the dashboard)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

import worldwire
from storekit import event, record
from worldwire.ingest.dates import parse_date
from worldwire.interfaces.cli import app
from worldwire.interfaces.server import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

WIRE = (
    "Turkey warns Syria over border troops\n\n"
    "ANKARA, Dec 12, 2024 (AP) — Turkey's foreign minister warned Syria on Thursday against moving troops "
    "to the border.\n\nThe ministry said talks would continue next week."
)
PAGE = """<!doctype html><html><head><title>Turkey warns Syria | Example News</title>
<link rel="canonical" href="https://news.example/world/turkey-warns-syria">
<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Turkey warns Syria over border troops</h1>
<p>Turkey's foreign minister warned Syria on Tuesday against moving troops to the border, the ministry
said in a statement to reporters in Ankara.</p>
<p>The ministry said talks between both delegations would continue next week in Geneva.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def _extract(*args: str, stdin: str | None = None) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["extract", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("March 3, 2025", "2025-03-03"),
        ("3 March 2025", "2025-03-03"),
        ("Dec 12, 2024", "2024-12-12"),
        ("Tuesday, March 4th, 2025 at 10:30 am", "2025-03-04"),
        ("Mon, 03 Mar 2025 23:30:00 -0500", "2025-03-03"),  # the day as written, not moved to UTC
        ("2025-03-03T23:30:00-05:00", "2025-03-03"),
        ("20250303", "2025-03-03"),
        ("Dec 12", None),  # no year: no date rather than this year's
        ("03/04/2025", None),  # March 4 or 3 April
        ("yesterday", None),
        ("May", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_in_common_forms(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.slow
def test_dates_plain_text_dateline_dates_the_article(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    (rec,) = _extract(str(path))
    assert rec["dateline"] == {
        "text": "ANKARA, Dec 12, 2024 (AP) —",
        "place": "Ankara",
        "date": "Dec 12, 2024",
    }
    assert rec["date"] == "2024-12-12"
    (given,) = _extract(str(path), "--date", "2024-12-13")  # --date is for inputs that carry none
    assert given["date"] == "2024-12-12"


@pytest.mark.slow
def test_dates_jsonl_written_date_and_feed_date_are_read() -> None:
    line = json.dumps({"id": "j1", "date": "March 3, 2025", "text": WIRE.split("\n\n", 1)[1]})
    (rec,) = _extract("-", stdin=line + "\n")
    assert rec["error"] is None
    assert rec["date"] == "2025-03-03"


@pytest.mark.slow
def test_dates_and_url_of_a_saved_html_page_come_from_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (rec,) = _extract(str(path))
    assert rec["error"] is None
    assert rec["url"] == "https://news.example/world/turkey-warns-syria"
    assert rec["date"] == "2024-03-05"


@pytest.mark.slow
def test_dates_url_from_metadata_reaches_the_store_and_the_gdelt_sourceurl(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(page), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    with worldwire.open(db, read_only=True) as store:
        articles = store.sql("SELECT url, source, date FROM articles")
    assert articles["url"].tolist() == ["https://news.example/world/turkey-warns-syria"]
    assert articles["source"].tolist() == ["news.example"]


def _store_with_undated(tmp_path: Path) -> Path:
    text = "The foreign ministers of China and Kazakhstan met in Astana to talk about trade."
    undated = "Kazakhstan's president met China's president in Beijing on a state visit."
    db = tmp_path / "w.duckdb"
    with worldwire.open(db) as store:
        store.add_records(
            [
                record("dated", text, [event("CHNGOV", "KAZGOV", "036", text, "ministers of China")]),
                record("undated", undated, [event("KAZGOV", "CHNGOV", "042", undated, "president met")],
                       date=None),
            ]
        )  # fmt: skip
    return db


def test_dates_undated_events_are_counted_by_status_and_the_api(tmp_path: Path) -> None:
    db = _store_with_undated(tmp_path)
    result = CliRunner().invoke(app, ["status", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    assert (status["events"], status["undated_events"]) == (2, 1)
    table = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert "undated_events" in table.stdout
    client = TestClient(create_app(db))
    assert client.get("/api/stats").json()["undated_events"] == 1
    timeline = client.get("/api/timeline", params={"dyad": "CHN-KAZ"}).json()
    assert sum(p["events"] for p in timeline["items"]) == 1
    assert timeline["undated"] == 1
    ranged = client.get("/api/timeline", params={"dyad": "CHN-KAZ", "since": "2023-01-01"}).json()
    assert ranged["undated"] == 0  # an undated event is in no date range
