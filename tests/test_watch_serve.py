"""Issue 17, item 4: watch and serve at once. `worldwire serve --watch` is one process: the watcher writes the
store in short transactions from a thread, the API reads it through cursors of the same database, and the
dashboard (Debian's Chromium, driven by Playwright) shows a new event and a new alert without a restart or
a reload. Feeds and pages are served on 127.0.0.1; no request leaves loopback.
"""

from __future__ import annotations

import datetime as dt
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from starlette.exceptions import StarletteDeprecationWarning
from werkzeug import Request, Response

from feedkit import local_server, loopback_only, page, rss, wikinews  # noqa: F401 -- a fixture
from test_dashboard_browser import (  # noqa: F401 -- `browser` is a fixture, used by name
    ARTIFACTS,
    Browser,
    browser,
    need_chromium,
    serving,
)
from worldwire.ingest.fetch import Fetcher, FetchPolicy
from worldwire.interfaces.server import create_app
from worldwire.store.alerts import load_rules
from worldwire.store.watch import Watcher

with warnings.catch_warnings():  # starlette asks for httpx2, which is not a dependency; httpx works
    warnings.filterwarnings("ignore", category=StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow
FIRST = "wikinews-2019-04-08-0d98969b"  # Mexico and the United States
SECOND = "wikinews-2019-01-24-2e08bc0c"  # the United States and Afghanistan meet (CAMEO 040)
RULES = """
[[rule]]
name = "first consultation"
kind = "first"
root = "consult"
dyad = "AFG-USA"
"""


class Feed:
    """A feed on 127.0.0.1 whose items a test adds while the watcher polls it; dated today, as news is."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.items: list[tuple[str, str, str | None]] = []
        self.today = dt.datetime.now(dt.UTC).date().isoformat()
        server.expect_request("/feed.xml").respond_with_handler(self._feed)

    def _feed(self, _request: Request) -> Response:
        return Response(rss(list(self.items)), content_type="application/rss+xml")

    def add(self, doc_id: str) -> None:
        row = next(r for r in wikinews() if r["id"] == doc_id)
        path = f"/{doc_id}.html"
        self.server.expect_request(path).respond_with_data(
            page(row["title"], row["text"]), content_type="text/html"
        )
        self.items.append((self.server.url_for(path), row["title"], self.today))


@pytest.fixture
def feed() -> Iterator[Feed]:
    with local_server() as server:
        yield Feed(server)


def _factory(feed: Feed, rules: Path, every: float) -> Any:
    def make(con: Any) -> Watcher:
        policy = FetchPolicy(user_agent="worldwire/test", delay=0.0, allow_private=True)
        fetcher = Fetcher(policy)
        return Watcher(con, [feed.server.url_for("/feed.xml")], fetcher, rules=load_rules(rules), every=every)

    return make


@pytest.fixture
def base_url(tmp_path: Path, feed: Feed) -> Iterator[str]:
    """`serve --watch` as `worldwire serve` runs it (lifespan on: the watcher's thread polls every second)."""
    need_chromium()
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    feed.add(FIRST)
    with serving(
        create_app(tmp_path / "live.duckdb", watcher=_factory(feed, rules, every=1.0)), lifespan="on"
    ) as url:
        yield url


def test_dashboard_shows_a_new_event_and_its_alert_while_watch_runs(
    browser: Browser,  # noqa: F811 -- the fixture imported above
    base_url: str,
    feed: Feed,
) -> None:
    from playwright.sync_api import expect

    page_ = browser.page
    page_.goto(f"{base_url}/?refresh=1#/")
    picker = page_.get_by_test_id("dyad-select")
    expect(picker.locator("option[value='MEX-USA']")).to_be_attached(timeout=90_000)  # the first cycle's
    badge = page_.get_by_test_id("alerts-badge")
    expect(badge).to_have_text("0 alerts")
    assert picker.locator("option[value='AFG-USA']").count() == 0

    feed.add(SECOND)  # news arrives: the watcher's next cycle ingests it, the page notices by itself
    expect(picker.locator("option[value='AFG-USA']")).to_be_attached(timeout=60_000)
    expect(badge).to_have_text("1 alert", timeout=30_000)
    picker.select_option("AFG-USA")
    rows = page_.get_by_test_id("event-row")
    expect(rows.first).to_be_visible()
    assert any(code.startswith("04") for code in rows.evaluate_all("rows => rows.map(r => r.dataset.cameo)"))

    badge.click()
    alert = page_.get_by_test_id("alert-item")
    expect(alert).to_have_count(1)
    expect(alert).to_have_attribute("data-dyad", "AFG-USA")
    expect(alert).to_contain_text("first consultation")
    alert.get_by_test_id("alert-event").first.click()
    mark = page_.get_by_test_id("article").get_by_test_id("evidence")
    expect(mark).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page_.screenshot(path=str(ARTIFACTS / "watch.png"), full_page=True)
    browser.assert_clean()


def test_serve_watch_creates_the_store_and_the_api_sees_each_cycle(tmp_path: Path, feed: Feed) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    db = tmp_path / "new.duckdb"
    app = create_app(db, watcher=_factory(feed, rules, every=0.5))
    assert db.exists()  # serve --watch creates its store; plain serve never does (E706)
    with TestClient(app) as client:  # the lifespan starts the watcher's thread
        assert client.get("/api/stats").json()["articles"] == 0
        feed.add(SECOND)
        deadline = time.monotonic() + 90
        while client.get("/api/stats").json()["articles"] < 1:
            assert time.monotonic() < deadline, "the watcher stored nothing"
            time.sleep(0.2)
        # a cycle commits its articles before its rules raise alerts: wait for the next cycle to start
        storing = app.state.watcher.cycles
        while app.state.watcher.cycles <= storing:
            assert time.monotonic() < deadline, "the cycle that stored the article never ended"
            time.sleep(0.05)
        assert client.get("/api/alerts").json()["total"] == 1
        assert client.post("/api/alerts").status_code == 405  # the API still never writes
    watcher = app.state.watcher
    assert watcher.stopping.is_set()  # stopped with the server
    assert watcher.cycles >= 2
    app.state.con.close()
