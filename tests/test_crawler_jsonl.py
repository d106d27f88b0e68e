"""Issue 16, item 9: JSONL from news crawlers is read as it is: news-please (`maintext`, `date_publish`,
`url`, `title`), NewsAPI-like (`content`, `publishedAt`), `body`/`link`/`headline` layouts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import worldwire
from worldwire.interfaces.cli import app

BODY = "Turkey's foreign minister warned Syria on Tuesday against moving troops to the border."


def _extract(*records: dict[str, Any], args: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    lines = "".join(json.dumps(r) + "\n" for r in records)
    result = CliRunner().invoke(app, ["extract", *args, "-"], input=lines)
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.slow
def test_crawler_news_please_and_other_layouts() -> None:
    news_please = {
        "maintext": BODY,
        "date_publish": "2019-06-25 14:33:00",
        "url": "https://news.example/turkey",
        "title": "Turkey warns Syria",
        "description": "A teaser.",
        "authors": [],
    }
    newsapi = {"content": BODY, "publishedAt": "2020-01-06T10:00:00Z", "link": "https://b.example/2"}
    headline = {"body": BODY, "published": "March 3, 2025", "headline": "Turkey warns Syria"}
    teaser = {"maintext": None, "description": BODY, "date_publish": "2019-06-26"}
    records = _extract(news_please, newsapi, headline, teaser)
    assert [r["error"] for r in records] == [None] * 4
    assert [r["date"] for r in records] == ["2019-06-25", "2020-01-06", "2025-03-03", "2019-06-26"]
    assert [r["url"] for r in records[:2]] == ["https://news.example/turkey", "https://b.example/2"]
    assert records[0]["title"] == "Turkey warns Syria"
    assert all("foreign minister warned Syria" in r["text"] for r in records)


def test_crawler_record_without_any_text_field_names_what_it_needs() -> None:
    (record,) = _extract({"headline": "Only a headline", "url": "https://c.example/3"})
    assert record["error"].startswith("[E108]")
    assert "maintext" in record["error"]


@pytest.mark.slow
def test_crawler_fields_named_on_the_command_line(tmp_path: Path) -> None:
    record = {"story": BODY, "when": "3 March 2025", "permalink": "https://d.example/4", "hed": "Warning"}
    options = (
        "--text-field",
        "story",
        "--date-field",
        "when",
        "--url-field",
        "permalink",
        "--title-field",
        "hed",
    )
    (out,) = _extract(record, args=options)
    assert (out["error"], out["date"], out["url"], out["title"]) == (
        None,
        "2025-03-03",
        "https://d.example/4",
        "Warning",
    )
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "-j", "1", *options])
    assert result.exit_code == 0, result.output
    with worldwire.open(db, read_only=True) as store:
        assert store.sql("SELECT url, date::VARCHAR AS date FROM articles").values.tolist() == [
            ["https://d.example/4", "2025-03-03"]
        ]
    (missing,) = _extract({"text": BODY}, args=("--text-field", "story"))
    assert "no string 'story' field" in missing["error"]
