"""Issue 17, alerts: rules validated with clear errors; a synthetic spike fires, noise does not; alerts are
stored once, carry their events, are listed by the CLI and /api/alerts, and are POSTed to a webhook."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

import worldwire
from feedkit import local_server, loopback_only  # noqa: F401 -- a fixture
from storekit import event, record
from worldwire.errors import WorldwireError
from worldwire.ingest.fetch import Fetcher, FetchPolicy
from worldwire.interfaces.cli import app
from worldwire.interfaces.server import create_app
from worldwire.store.alerts import alert_page, deliver, evaluate, load_rules

with warnings.catch_warnings():  # starlette asks for httpx2, which it does not declare: httpx works
    warnings.filterwarnings("ignore", category=StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

AS_OF = dt.date(2024, 3, 10)  # a Sunday: the window is Monday 4 to Sunday 10 March
RULES = """
[[rule]]
name = "conflict spike"
kind = "spike"
quad_class = [3, 4]
window = "7d"
baseline = 8
factor = 3.0
min_events = 5

[[rule]]
name = "hostile turn"
kind = "goldstein"
below = -5.0

[[rule]]
name = "first fight"
kind = "first"
root = "fight"
quiet = "365d"
"""


def _day(weeks_before: int, weekday: int = 0) -> str:
    """A day in the window (`weeks_before` 0) or in an earlier week, Monday + `weekday`."""
    monday = AS_OF - dt.timedelta(days=6) - dt.timedelta(weeks=weeks_before)
    return (monday + dt.timedelta(days=weekday)).isoformat()


def _records(a: str, b: str, cameo: str, dates: list[str], tag: str) -> list[dict[str, Any]]:
    """One short article per date (too short to be clustered with another), each with one event."""
    out = []
    for number, date in enumerate(dates):
        text = f"{a} forces struck {b} {tag}{number}."
        out.append(record(f"{tag}-{number}", text, [event(a, b, cameo, text, text)], date=date))
    return out


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Eight quiet weeks, then this week: a spike, noise, a hostile turn, and a first fight."""
    records: list[dict[str, Any]] = []
    # RUS-UKR: 2 conflict events a week, then 10 this week (5x the mean): a spike.
    for week in range(1, 9):
        records += _records("RUSMIL", "UKRMIL", "173", [_day(week, 1), _day(week, 3)], f"ru{week}w")
    records += _records("RUSMIL", "UKRMIL", "173", [_day(0, d % 7) for d in range(10)], "ru0w")
    # CHN-KAZ: noisy weekly counts (2 to 6, mean 3.9), 7 this week: under 3x, no alert.
    for week, count in zip(range(1, 9), [2, 6, 3, 5, 4, 2, 6, 3], strict=True):
        records += _records(
            "CHNGOV", "KAZGOV", "112", [_day(week, d % 7) for d in range(count)], f"ck{week}w"
        )
    records += _records("CHNGOV", "KAZGOV", "112", [_day(0, d % 7) for d in range(7)], "ck0w")
    # SYR-TUR: mean Goldstein -2 last week, -10 this week: a hostile turn.
    records += _records("TURMIL", "SYRMIL", "112", [_day(1, d) for d in range(3)], "st1w")
    records += _records("TURMIL", "SYRMIL", "190", [_day(0, d) for d in range(3)], "st0w")
    # IRN-ISR: fights this week, none in the year before: a first.
    records += _records("ISRMIL", "IRNMIL", "190", [_day(0, 2)], "ii0w")
    # EGY-LBY: a fight this week, and one 100 days before it: not a first. Its Goldstein was already low.
    records += _records("EGYMIL", "LBYMIL", "190", [_day(0, 4)], "el0w")
    records += _records("EGYMIL", "LBYMIL", "190", [(AS_OF - dt.timedelta(days=100)).isoformat()], "elold")
    path = tmp_path / "alerts.duckdb"
    with worldwire.open(path) as store:
        report = store.add_records(records)
        assert report.failed == 0
    return path


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_alerts_fire_on_a_spike_a_turn_and_a_first_not_on_noise(db: Path, rules: Path) -> None:
    checked = load_rules(rules)
    with worldwire.open(db) as store:
        fired = evaluate(store.con, checked, AS_OF)
        assert {(a.rule, a.dyad) for a in fired} == {
            ("conflict spike", "RUS-UKR"),
            ("hostile turn", "SYR-TUR"),
            ("first fight", "SYR-TUR"),  # its fights this week are its first in a year too
            ("first fight", "IRN-ISR"),
        }  # no alert for CHN-KAZ's noise, nor for EGY-LBY's second fight in a year
        spike = next(a for a in fired if a.rule == "conflict spike")
        assert (spike.value, spike.baseline, spike.threshold) == (10.0, 2.0, 3.0)
        assert "10 conflict events" in spike.message
        assert "5.0×" in spike.message
        window = store.sql(
            "SELECT event_id FROM events "
            "WHERE dyad = 'RUS-UKR' AND date BETWEEN '2024-03-04' AND '2024-03-10'"
        )
        assert set(spike.event_ids) == set(window["event_id"])  # the events that fired it, all of them
        turn = next(a for a in fired if a.rule == "hostile turn")
        assert turn.value == -10.0
        assert turn.baseline == -2.0
        assert evaluate(store.con, checked, AS_OF) == []  # checked again: nothing new
        assert evaluate(store.con, checked, AS_OF + dt.timedelta(days=2)) == []  # the window overlaps
        stored = store.sql(
            "SELECT rule, dyad, window_start, window_end, cardinality(event_ids) AS n FROM alerts"
        )
        assert len(stored) == 4
        page = alert_page(store.con)
        assert page["total"] == 4
        first = next(
            item for item in page["items"] if item["rule"] == "first fight" and item["dyad"] == "IRN-ISR"
        )
        assert [e["cameo"] for e in first["events"]] == ["190"]
        assert first["events"][0]["evidence"].startswith("ISRMIL forces struck IRNMIL")
    # Eight weeks on, RUS-UKR's spike is part of the baseline: no new alert from old news.
    with worldwire.open(db) as store:
        assert evaluate(store.con, checked, AS_OF + dt.timedelta(weeks=8)) == []


def test_cli_alerts_check_and_list(db: Path, rules: Path) -> None:
    result = CliRunner().invoke(
        app, ["alerts", "check", str(rules), "--db", str(db), "--as-of", "2024-03-10"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert any(line.startswith("ALERT RUS-UKR [conflict spike]") for line in lines)
    assert "4 new alerts from 3 rules" in result.stderr
    again = CliRunner().invoke(
        app, ["alerts", "check", str(rules), "--db", str(db), "--as-of", "2024-03-10", "--json"]
    )
    assert again.exit_code == 0
    assert again.stdout == ""
    listed = CliRunner().invoke(app, ["alerts", "list", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {row["dyad"] for row in rows} == {"RUS-UKR", "SYR-TUR", "IRN-ISR"}
    assert all(row["event_ids"] for row in rows)


def test_api_alerts(db: Path, rules: Path) -> None:
    with worldwire.open(db) as store:
        evaluate(store.con, load_rules(rules), AS_OF)
    app_ = create_app(db)
    client = TestClient(app_)
    body = client.get("/api/alerts").json()
    assert body["total"] == 4
    spike = next(item for item in body["items"] if item["rule"] == "conflict spike")
    assert len(spike["events"]) == 10
    assert {e["dyad"] for e in spike["events"]} == {"RUS-UKR"}
    assert client.get("/api/alerts?dyad=Ukraine-Russia").json()["total"] == 1
    bad = client.get("/api/alerts?dyad=Russa-UKR")
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "E607"
    deep = client.get("/api/alerts?page=1000&page_size=200")
    assert deep.status_code == 400
    assert deep.json()["error"]["code"] == "E702"
    client.close()
    app_.state.con.close()


@pytest.fixture
def hook() -> Iterator[HTTPServer]:
    with local_server() as server:
        yield server


def test_alerts_are_posted_to_a_webhook_and_retried_when_it_fails(
    db: Path, rules: Path, hook: HTTPServer
) -> None:
    posted: list[Any] = []
    hook.expect_request("/hook", method="POST").respond_with_handler(
        lambda request: posted.append(request.get_json()) or __import__("werkzeug").Response("ok")
    )
    hook.expect_request("/broken", method="POST").respond_with_data("no", status=500)
    policy = FetchPolicy(user_agent="worldwire/test", delay=0.0)
    with worldwire.open(db) as store, Fetcher(policy) as fetcher:
        evaluate(store.con, load_rules(rules), AS_OF)
        errors = deliver(store.con, hook.url_for("/broken"), fetcher.post_json)
        assert len(errors) == 4
        assert all(e.startswith("[E903]") and "HTTP 500" in e for e in errors)
        assert deliver(store.con, hook.url_for("/hook"), fetcher.post_json) == []
        assert deliver(store.con, hook.url_for("/hook"), fetcher.post_json) == []  # delivered once only
        state = store.sql("SELECT delivered_at IS NOT NULL AS done, delivery_attempts FROM alerts")
        assert set(state["done"]) == {True}
        assert set(state["delivery_attempts"]) == {2}
    assert len(posted) == 4
    alert = next(
        p["worldwire_alert"]
        for p in posted
        if p["worldwire_alert"]["rule"] == "first fight" and p["worldwire_alert"]["dyad"] == "IRN-ISR"
    )
    assert alert["dyad"] == "IRN-ISR"
    assert alert["events"][0]["cameo"] == "190"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[rule]\nname = 'x'", "not valid TOML"),
        ("webhook = 'ftp://x'\n[[rule]]\nname='a'\nkind='first'", "webhook: only http:// and https://"),
        ("hooks = 1\n[[rule]]\nname='a'\nkind='first'", "unknown top-level key 'hooks'"),
        ("webhook = 'https://example.org/hook'", "it has no rules"),
        ("[[rule]]\nkind = 'spike'", "rule 1: 'name' is required"),
        (
            "[[rule]]\nname = 'a'\nkind = 'surge'",
            "rule 1 ('a'): 'kind' must be one of spike, goldstein, first",
        ),
        ("[[rule]]\nname = 'a'\nkind = 'spike'\nbelow = -5", "unknown key 'below' for a spike rule"),
        ("[[rule]]\nname = 'a'\nkind = 'goldstein'", "'below' is required"),
        ("[[rule]]\nname = 'a'\nkind = 'goldstein'\nbelow = -50", "'below' must be a number from -10 to 10"),
        ("[[rule]]\nname = 'a'\nkind = 'spike'\nfactor = 0.5", "'factor' must be a number at least 1"),
        ("[[rule]]\nname = 'a'\nkind = 'spike'\nbaseline = 2.5", "'baseline' must be a whole number"),
        ("[[rule]]\nname = 'a'\nkind = 'first'\nroot = 'fihgt'", "[E608] unknown CAMEO root 'fihgt'"),
        ("[[rule]]\nname = 'a'\nkind = 'first'\ndyad = 'Rusia-UKR'", "[E607] unknown country 'Rusia'"),
        ("[[rule]]\nname = 'a'\nkind = 'first'\nquad_class = 5", "'quad_class' must be 1 to 4"),
        ("[[rule]]\nname = 'a'\nkind = 'first'\nwindow = '12h'", "[E904] bad interval '12h'"),
        (
            "[[rule]]\nname = 'a'\nkind = 'first'\n[[rule]]\nname = 'a'\nkind = 'spike'",
            "two rules are named 'a'",
        ),
    ],
)
def test_alert_rules_are_validated_with_clear_errors(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorldwireError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith(f"[E902] invalid alert rules in {path}")
    assert words in message, message
    assert "docs/watch.md" in message


def test_alert_rules_file_missing(tmp_path: Path) -> None:
    with pytest.raises(WorldwireError, match=r"\[E902\].*the file does not exist"):
        load_rules(tmp_path / "nope.toml")
