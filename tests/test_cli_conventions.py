"""Issue 16, item 5: the command line follows the usual conventions: --version, `python -m worldwire`,
`ingest` exits 1 when any input failed (as `extract`), `events --limit`, a clean error for a missing
gold set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import worldwire
from storekit import event, record
from worldwire.interfaces.cli import app

TEXT = "Ministers from China and Kazakhstan met in Astana on Monday.\n\nThey agreed to expand trade."


def test_cli_version_and_python_dash_m() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"worldwire {worldwire.__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "worldwire", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"worldwire {worldwire.__version__}"


@pytest.mark.slow
def test_cli_ingest_exits_1_when_any_input_failed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    failed = CliRunner().invoke(
        app, ["ingest", str(good), str(tmp_path / "missing.txt"), "--db", str(db), "-j", "1"]
    )
    assert failed.exit_code == 1, failed.output
    assert "1 failed" in failed.stderr
    assert "E101" in failed.stderr
    with worldwire.open(db, read_only=True) as store:
        assert store.status()["articles"] == 1  # the good input is stored all the same
    again = CliRunner().invoke(app, ["ingest", str(good), "--db", str(db), "-j", "1"])
    assert again.exit_code == 0, again.output


def test_cli_events_limit(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    texts = {  # three stories, three events
        "036": "China offered Kazakhstan talks on a rail corridor.",
        "042": "The Chinese president arrived in Astana for a state visit.",
        "057": "Kazakhstan signed a gas deal with China on Friday in Beijing.",
    }
    with worldwire.open(db) as store:
        store.add_records(
            [
                record(code, text, [event("CHNGOV", "KAZGOV", code, text, text[:12])])
                for code, text in texts.items()
            ]
        )
    result = CliRunner().invoke(app, ["events", "--limit", "2", "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 2
    assert CliRunner().invoke(app, ["events", "--limit", "0", "--db", str(db)]).exit_code == 2


@pytest.mark.parametrize("command", ["geo", "aeb", "actors", "plover", "petrarch"])
def test_cli_eval_on_a_missing_gold_set_is_a_usage_error(tmp_path: Path, command: str) -> None:
    result = CliRunner().invoke(app, ["eval", command, str(tmp_path / "nonexistent")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert not isinstance(result.exception, FileNotFoundError)
    empty = CliRunner().invoke(app, ["eval", command, str(tmp_path)])  # a folder without the gold files
    assert empty.exit_code == 2
    assert "cannot read the gold set" in empty.output
