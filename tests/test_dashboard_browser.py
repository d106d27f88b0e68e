"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, on a store that holds
the seed article ingested through the real pipeline and served by `create_app` over loopback.

The main test picks CHN–KAZ in the dyad picker, checks the timeline, the visit and praise events in the
table, opens the praise event's article and finds its evidence sentence marked; it saves the screenshot
`test-artifacts/dashboard.png` (timeline and highlighted evidence side by side). Every test also checks
that no request left 127.0.0.1 and that the page logged no error.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn

import worldwire
from worldwire.interfaces.server import create_app

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1"}


def need_chromium() -> None:
    """Skip without Debian's Chromium, except in CI, where the browser tests must run."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup-system does)"
        if os.environ.get("CI"):
            pytest.fail(f"the dashboard browser test must run in CI, but {reason}")
        pytest.skip(reason)


@contextmanager
def serving(app: Any, *, lifespan: str = "off") -> Iterator[str]:
    """`app` served by uvicorn in a thread on a free port of 127.0.0.1; its address."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # bound before the server starts: the port cannot be taken meanwhile
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan=lifespan))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)
        sock.close()
        app.state.con.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Iterator[str]:
    """The app over a store holding the seed article, served by uvicorn in a thread on a free port."""
    need_chromium()
    db = tmp_path_factory.mktemp("dashboard") / "seed.duckdb"
    with worldwire.open(db) as store:
        report = store.ingest([str(seed_path)], default_date="2023-05-17")
    assert (report.done, report.failed) == (1, 0)
    with serving(create_app(db)) as url:
        yield url


@dataclass
class Browser:
    """A page plus what it did that it should not have: requests off loopback, console errors."""

    page: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self, *, allowed_errors: str | None = None) -> None:
        assert self.outside == [], f"requests left the loopback: {self.outside}"
        errors = [e for e in self.errors if not (allowed_errors and re.search(allowed_errors, e))]
        assert errors == [], f"the page logged errors: {errors}"


@pytest.fixture
def browser(base_url: str, tmp_path: Path) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile: nothing cached or remembered between runs
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1600, "height": 1000},
            service_workers="block",
        )
        page = context.pages[0] if context.pages else context.new_page()
        seen = Browser(page)

        def guard(route: Any) -> None:
            if urlsplit(route.request.url).hostname in LOOPBACK:
                route.continue_()
            else:
                seen.outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page.on("console", lambda msg: msg.type == "error" and seen.errors.append(msg.text))
        page.on("pageerror", lambda exc: seen.errors.append(f"uncaught: {exc}"))
        page.set_default_timeout(15_000)
        yield seen
        context.close()


def _api(page: Any, base_url: str, path: str) -> Any:
    response = page.request.get(f"{base_url}/api/{path}")
    assert response.ok, response.text()
    return response.json()


def _open_and_check_evidence(browser: Browser, base_url: str, row: Any, *, key: str | None = None) -> None:
    """Open `row`'s event (click, or a key press) and check the article marks its evidence, in view."""
    from playwright.sync_api import expect

    page = browser.page
    event_id = row.get_attribute("data-event-id")
    event = _api(page, base_url, f"events/{event_id}")
    if key:
        row.focus()
        row.press(key)
    else:
        row.click()
    article_id = event["mentions"][0]["article_id"]
    expect(page).to_have_url(re.compile(rf"#/article/{article_id}\?event={event_id}"))
    mark = page.get_by_test_id("article").get_by_test_id("evidence")
    expect(mark).to_be_visible()
    assert mark.text_content() == event["evidence"]
    article = _api(page, base_url, f"articles/{article_id}")
    span = next(e for e in article["events"] if e["event_id"] == event_id)
    assert article["text"][span["start"] : span["end"]] == mark.text_content()
    # Scrolled into view inside the article's own scrolling box.
    inside = mark.evaluate(
        "m => { const box = m.closest('.article-text').getBoundingClientRect();"
        " const r = m.getBoundingClientRect(); return r.top >= box.top && r.top < box.bottom; }"
    )
    assert inside, "the evidence is not scrolled into view"


def test_dashboard_chn_kaz_timeline_events_and_highlighted_evidence(browser: Browser, base_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{base_url}/")
    picker = page.get_by_test_id("dyad-select")
    expect(picker.locator("option[value='CHN-KAZ']")).to_be_attached()
    picker.select_option("CHN-KAZ")
    expect(page).to_have_url(re.compile(r"#/dyad/CHN-KAZ"))
    expect(page.get_by_test_id("view-title")).to_contain_text("Kazakhstan")

    timeline = _api(page, base_url, "timeline?dyad=CHN-KAZ&by=month")
    bars = page.get_by_test_id("timeline-bar")
    expect(bars.first).to_be_visible()
    assert bars.count() == sum(
        1 for item in timeline["items"] for key in ("verbal_coop", "material_coop", "verbal_conflict",
                                                     "material_conflict") if item[key]
    )  # fmt: skip

    rows = page.get_by_test_id("event-row")
    expect(rows.first).to_be_visible()
    cameos = rows.evaluate_all("rows => rows.map(r => r.dataset.cameo)")
    assert any(code.startswith("04") for code in cameos), f"no visit (CAMEO 04x) among {cameos}"
    assert "051" in cameos, f"no praise (CAMEO 051) among {cameos}"
    assert page.get_by_test_id("map-highlight").count() >= 2  # both countries of the dyad drawn
    expect(page.get_by_test_id("network-edge").first).to_be_visible()

    praise = page.locator("[data-testid=event-row][data-cameo='051']").first
    _open_and_check_evidence(browser, base_url, praise)
    expect(page.get_by_test_id("timeline-bar").first).to_be_visible()  # the dyad view stays beside it
    expect(page.locator("[data-testid=event-row].selected")).to_have_attribute("data-cameo", "051")

    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    browser.assert_clean()


def test_dashboard_keyboard_back_free_entry_and_errors(browser: Browser, base_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{base_url}/#/dyad/CHN-KAZ")
    visit = page.locator("[data-testid=event-row][data-cameo^='04']").first
    _open_and_check_evidence(browser, base_url, visit, key="Enter")
    page.go_back()  # Back closes the article and keeps the dyad view
    expect(page).to_have_url(re.compile(r"#/dyad/CHN-KAZ$"))
    expect(page.get_by_test_id("article")).to_be_hidden()

    page.get_by_label("First country").fill("kaz")  # names and codes, as in the CLI and the API
    page.get_by_label("Second country").fill("China")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"#/dyad/KAZ-CHN"))
    expect(page.get_by_test_id("timeline-bar").first).to_be_visible()
    page.get_by_label("Second country").fill("Chna")
    page.get_by_role("button", name="Show").click()
    alert = page.get_by_test_id("controls").get_by_role("alert")
    expect(alert).to_contain_text("E607")
    expect(alert).to_contain_text("China (CHN)")  # the closest match, not "CHI" or an empty view

    page.goto(f"{base_url}/#/article/no-such-article?event=x")
    expect(page.get_by_test_id("article").get_by_role("alert")).to_contain_text("E703")
    json_links = page.get_by_test_id("json-link").evaluate_all("links => links.map(a => a.href)")
    assert any("/api/articles/no-such-article" in href for href in json_links)
    browser.assert_clean(allowed_errors=r"status of (400|404)")  # the API's answers to the mistakes


def test_dashboard_confidence_control_cameo_names_and_undated_count(browser: Browser, base_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{base_url}/#/dyad/CHN-KAZ")
    stats = _api(page, base_url, "stats")
    expect(page.get_by_test_id("stats")).to_contain_text(f"{stats['undated_events']} undated events")
    rows = page.get_by_test_id("event-row")
    expect(rows.first).to_be_visible()
    first = _api(page, base_url, "events?dyad=CHN-KAZ&page_size=1")["items"][0]
    expect(rows.first).to_contain_text(first["cameo_name"])  # the CAMEO name beside the code
    total = _api(page, base_url, "events?dyad=CHN-KAZ")["total"]
    counts = {c: _api(page, base_url, f"events?dyad=CHN-KAZ&min_confidence={c}")["total"] for c in
              ("0.5", "0.6", "0.7", "0.8", "0.9")}  # fmt: skip
    level = next(c for c, n in counts.items() if 0 < n < total)  # a level that filters some out
    page.get_by_test_id("min-confidence").select_option(level)
    expect(page).to_have_url(re.compile(rf"conf={level}"))
    expect(page.get_by_test_id("page-info")).to_have_text(re.compile(rf"of {counts[level]}$"))
    shown = rows.evaluate_all("rows => rows.length")
    assert shown == counts[level]
    browser.assert_clean()


def test_dashboard_search_type_country_filters_csv_and_clicks(browser: Browser, base_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{base_url}/#/dyad/CHN-KAZ")
    rows = page.get_by_test_id("event-row")
    expect(rows.first).to_be_visible()
    expect(page.get_by_test_id("size-key").first).to_be_visible()  # the map's legend for dot sizes

    # A search box, as the API's q: the table shows what /api/events answers.
    page.get_by_test_id("search").fill("praised")
    page.get_by_test_id("search").press("Enter")
    expect(page).to_have_url(re.compile(r"q=praised"))
    found = _api(page, base_url, "events?dyad=CHN-KAZ&q=praised")["total"]
    assert found >= 1
    expect(page.get_by_test_id("page-info")).to_have_text(re.compile(rf"of {found}$"))
    page.get_by_test_id("search").fill("")
    page.get_by_test_id("search").press("Enter")

    # An event-type picker with the CAMEO names; its choice filters every view.
    picker = page.get_by_test_id("event-type")
    expect(picker.locator("option[value='04']")).to_have_text("04 consult")
    picker.select_option("04")
    expect(page).to_have_url(re.compile(r"root=04"))
    consult = _api(page, base_url, "events?dyad=CHN-KAZ&root=04")["total"]
    expect(page.get_by_test_id("page-info")).to_have_text(re.compile(rf"of {consult}$"))
    cameos = rows.evaluate_all("rows => rows.map(r => r.dataset.cameo)")
    assert cameos
    assert all(code.startswith("04") for code in cameos)
    picker.select_option("")

    # CSV of the current table, made in the page (no request leaves it).
    expect(rows.first).to_be_visible()
    with page.expect_download() as caught:
        page.get_by_test_id("csv-download").click()
    lines = Path(caught.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id,date,")
    assert len(lines) == 1 + rows.count()

    # Clicking a timeline bar narrows to its period; clicking a country on the map filters on it.
    page.locator("g.period.pickable").first.click()
    expect(page).to_have_url(re.compile(r"since=2023-05-01&until=2023-05-31"))
    page.locator("path.country[data-iso='KAZ']").dispatch_event("click")
    expect(page).to_have_url(re.compile(r"country=KAZ"))
    expect(page.get_by_test_id("country")).to_have_value("KAZ")
    browser.assert_clean()
