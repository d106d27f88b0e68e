"""Issue 16, items 1 and 10: `worldwire demo` dates the seed (so the README's own
`events --dyad CHN-KAZ --since 2023-01-01` finds its events), and in a plain clone, without the shared
folder, ingests the Wikinews articles bundled with worldwire and shows events on a dated timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import worldwire
from worldwire.interfaces.cli import app
from worldwire.interfaces.store_commands import bundled_corpus


def _json_lines(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_demo_bundled_corpus_is_attributed_wikinews() -> None:
    records = [json.loads(line) for line in bundled_corpus().read_text(encoding="utf-8").splitlines()]
    assert len(records) == 50
    assert all(r["url"].startswith("https://en.wikinews.org/wiki/") and r["date"] for r in records)
    attribution = (bundled_corpus().parent / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY 2.5" in attribution or "Attribution 2.5" in attribution


@pytest.mark.slow
def test_demo_without_shared_ingests_the_bundled_articles(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", str(tmp_path / "no-shared-here"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "bundled" in result.stdout
    with worldwire.open(db, read_only=True) as store:
        status = store.status()
        assert status["articles"] == 50
        assert status["events"] > 50
        assert status["undated_events"] == 0
    timeline = _json_lines("timeline", "IRN-USA", "--by", "month", "--db", str(db))
    assert sum(int(str(row["events"])) for row in timeline) > 0


@pytest.mark.slow
def test_demo_dates_the_seed(tmp_path: Path, seed_path: Path, shared: Path) -> None:
    fake = tmp_path / "shared"
    (fake / "seed").mkdir(parents=True)
    (fake / "seed" / "xi-kazakhstan.txt").write_bytes(seed_path.read_bytes())
    corpus = fake / "corpus" / "wikinews-2019-2020"
    corpus.mkdir(parents=True)
    lines = (shared / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl").read_text(encoding="utf-8")
    (corpus / "wikinews.jsonl").write_text("".join(lines.splitlines(keepends=True)[:3]), encoding="utf-8")
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", str(fake), "--db", str(db)])
    assert result.exit_code == 0, result.output
    events = _json_lines("events", "--dyad", "CHN-KAZ", "--since", "2023-01-01", "--db", str(db))
    assert len(events) >= 5  # the README's example prints the seed's events
    assert {e["date"] for e in events} == {"2023-05-17T00:00:00.000"}
