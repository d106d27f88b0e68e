"""Issue 17: `worldwire watch` keeps a store current from feeds, politely and safely, and resumes exactly.

Every feed, sitemap and page is served on 127.0.0.1 by pytest-httpserver (feedkit.py); no test touches
the outside network (conftest's ban stays on for every other address).
"""

from __future__ import annotations

import gzip
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

import worldwire
from feedkit import (  # noqa: F401 -- loopback_only is a fixture, used by name
    local_server,
    loopback_only,
    page,
    rss,
    serve_articles,
    sitemap,
    wikinews,
)
from worldwire.errors import WorldwireError
from worldwire.ingest import fetch as fetch_module
from worldwire.ingest.fetch import Fetcher, FetchPolicy, address_kind
from worldwire.ingest.sources import normalize_url, read_listing, read_sources
from worldwire.interfaces.cli import app
from worldwire.store.api import connect
from worldwire.store.watch import Watcher, WatchOptions

ROOT = Path(__file__).resolve().parent.parent
UA = "worldwire/test (news event coder; +tests)"


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    with local_server() as srv:
        yield srv


def _policy(**changes: Any) -> FetchPolicy:
    base: dict[str, Any] = {
        "user_agent": UA,
        "delay": 0.0,
        "allow_private": True,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "total_seconds": 10.0,
    }
    return FetchPolicy(**{**base, **changes})


def _watcher(db: Path, sources: list[str], **changes: Any) -> Watcher:
    options = WatchOptions(attempts=changes.pop("attempts", 5))
    return Watcher(connect(db), sources, Fetcher(_policy(**changes)), options=options)


def _log(db: Path) -> list[tuple[str, str, str | None]]:
    with worldwire.open(db, read_only=True) as store:
        rows = store.sql("SELECT origin, status, reason FROM ingest_log ORDER BY origin")
    return [(r.origin, r.status, r.reason) for r in rows.itertuples()]


def _hits(server: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in server.log if request.path == path)


# ---- cycles: new items, nothing twice, 304, retries ------------------------------------------------------


@pytest.mark.slow
def test_watch_picks_up_new_items_and_a_second_cycle_adds_nothing(server: HTTPServer, tmp_path: Path) -> None:
    rows = wikinews()[:3]
    items = serve_articles(server, rows)
    feed = rss([(f"{link}?utm_source=rss#top", title, date) for link, title, date in items])
    validators = {"ETag": '"feed-v1"', "Last-Modified": "Mon, 08 Apr 2019 10:00:00 GMT"}

    def feed_handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"feed-v1"':
            return Response(status=304, headers=validators)
        return Response(feed, content_type="application/rss+xml", headers={**validators, "Set-Cookie": "s=1"})

    server.expect_request("/feed.xml").respond_with_handler(feed_handler)
    db = tmp_path / "w.duckdb"
    watcher = _watcher(db, [server.url_for("/feed.xml")])
    first = watcher.cycle()
    assert first.error is None, first.error
    assert (first.new_links, first.pages, first.unchanged) == (3, 3, 0)
    assert first.ingest is not None
    assert (first.ingest.done, first.ingest.failed) == (3, 0)
    second = watcher.cycle()  # the feed answers 304: no body read, nothing new
    assert (second.unchanged, second.new_links, second.pages, second.ingest) == (1, 0, 0, None)
    watcher.con.close()
    feed_requests = [r for r, _ in server.log if r.path == "/feed.xml"]
    assert feed_requests[1].headers.get("If-None-Match") == '"feed-v1"'
    assert feed_requests[1].headers.get("If-Modified-Since") == validators["Last-Modified"]
    for request, _ in server.log:
        assert request.headers.get("User-Agent") == UA
        assert "Cookie" not in request.headers  # the cookie the feed set is never sent back
    assert _hits(server, "/robots.txt") == 1  # read once per host
    for number in range(3):
        assert _hits(server, f"/a/{number}.html") == 1
    log = _log(db)
    assert [status for _, status, _ in log] == ["done"] * 3
    assert all(origin.endswith(".html") for origin, _, _ in log)  # tracking parameters and fragment dropped
    with worldwire.open(db, read_only=True) as store:
        articles = store.sql("SELECT url, date, title FROM articles ORDER BY url")
        assert sorted(articles["date"].astype(str)) == sorted(r["date"] for r in rows)
        assert set(articles["title"]) == {r["title"] for r in rows}
        state = store.sql("SELECT etag, status, links FROM watch_sources").iloc[0]
        assert (state.etag, state.status, state.links) == ('"feed-v1"', "unchanged", 3)


@pytest.mark.slow
def test_watch_a_story_in_five_feeds_is_one_cluster_with_five_mentions(
    server: HTTPServer, tmp_path: Path
) -> None:
    story = next(r for r in wikinews() if r["id"] == "wikinews-2019-04-08-0d98969b")  # MEX-USA events
    feeds = []
    for site in range(5):  # five sites carry the story; feeds 0 and 1 also link one page twice
        path = f"/site{site}/story.html"
        byline = f"Reported by News Site {site}.\n\n"
        server.expect_request(path).respond_with_data(
            page(story["title"], byline + story["text"]), content_type="text/html"
        )
        links = [(server.url_for(path), story["title"], story["date"])]
        if site == 1:
            links.append((server.url_for("/site0/story.html"), story["title"], story["date"]))
        server.expect_request(f"/feed{site}.xml").respond_with_data(
            rss(links), content_type="application/rss+xml"
        )
        feeds.append(server.url_for(f"/feed{site}.xml"))
    db = tmp_path / "w.duckdb"
    watcher = _watcher(db, feeds)
    report = watcher.cycle()
    watcher.con.close()
    assert report.error is None
    assert report.ingest is not None
    assert report.ingest.done == 5
    assert _hits(server, "/site0/story.html") == 1  # linked twice, fetched once
    with worldwire.open(db, read_only=True) as store:
        assert store.status()["clusters"] == 1
        events = store.sql(
            "SELECT num_mentions, num_articles, num_sources FROM events WHERE dyad = 'MEX-USA'"
        )
        assert len(events) >= 1
        assert set(events["num_articles"]) == {5}


@pytest.mark.slow
def test_watch_retries_a_500_and_a_timeout_next_cycle(server: HTTPServer, tmp_path: Path) -> None:
    rows = wikinews()[:3]
    calls = {"flaky": 0, "slow": 0}

    def flaky(_request: Request) -> Response:
        calls["flaky"] += 1
        if calls["flaky"] == 1:
            return Response("busy", status=500)
        return Response(page(rows[0]["title"], rows[0]["text"]), content_type="text/html")

    def slow(_request: Request) -> Response:
        calls["slow"] += 1
        if calls["slow"] == 1:
            time.sleep(1.5)  # past the 0.4 s read timeout
        return Response(page(rows[1]["title"], rows[1]["text"]), content_type="text/html")

    server.expect_request("/flaky.html").respond_with_handler(flaky)
    server.expect_request("/slow.html").respond_with_handler(slow)
    server.expect_request("/gone.html").respond_with_data("gone", status=404)
    feed_calls = {"n": 0}

    def feed(_request: Request) -> Response:
        feed_calls["n"] += 1
        if feed_calls["n"] == 1:
            return Response("down", status=503)
        links = [(server.url_for(p), "t", None) for p in ("/flaky.html", "/slow.html", "/gone.html")]
        return Response(rss(links), content_type="application/rss+xml")

    server.expect_request("/feed.xml").respond_with_handler(feed)
    db = tmp_path / "w.duckdb"
    watcher = _watcher(db, [server.url_for("/feed.xml")], read_timeout=0.4, connect_timeout=0.4)
    down = watcher.cycle()  # the feed is down: reported, retried next cycle
    assert next(iter(down.failed_sources.values())).startswith("[E117]")
    assert "503" in next(iter(down.failed_sources.values()))
    started = time.monotonic()
    first = watcher.cycle()
    assert time.monotonic() - started < 10
    assert (first.new_links, first.retry) == (3, 2)
    assert first.ingest is not None
    assert (first.ingest.done, first.ingest.failed) == (0, 1)
    pending = watcher.con.execute(
        "SELECT url, attempts, error FROM watch_items WHERE attempts > 0"
    ).fetchall()
    assert {Path(url).name for url, _, _ in pending} == {"flaky.html", "slow.html"}
    reasons = {Path(url).name: error for url, _, error in pending}
    assert "HTTP 500" in reasons["flaky.html"]
    assert "no answer in time" in reasons["slow.html"]
    second = watcher.cycle()
    assert second.ingest is not None
    assert second.ingest.done == 2
    assert second.retry == 0
    third = watcher.cycle()
    assert third.ingest is None  # nothing left to do
    watcher.con.close()
    log = {Path(origin).name: (status, reason) for origin, status, reason in _log(db)}
    assert log["flaky.html"][0] == log["slow.html"][0] == "done"
    assert log["gone.html"][0] == "failed"
    assert log["gone.html"][1].startswith("[E117]")
    assert "HTTP 404" in log["gone.html"][1]
    assert "not fetched again" in log["gone.html"][1]


def test_watch_gives_up_on_a_page_after_its_attempts(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/down.html").respond_with_data("down", status=502)
    server.expect_request("/feed.xml").respond_with_data(
        rss([(server.url_for("/down.html"), "t", None)]), content_type="application/rss+xml"
    )
    db = tmp_path / "w.duckdb"
    watcher = _watcher(db, [server.url_for("/feed.xml")], attempts=2)
    assert watcher.cycle().retry == 1
    last = watcher.cycle()
    assert last.retry == 0
    assert last.ingest is not None
    assert last.ingest.failed == 1
    watcher.con.close()
    ((_, status, reason),) = _log(db)
    assert status == "failed"
    assert "HTTP 502" in reason
    assert "failed in 2 cycles in a row" in reason


# ---- the fetcher's bounds -----------------------------------------------------------------------------


def test_fetch_redirects_loops_and_too_many(server: HTTPServer) -> None:
    server.expect_request("/loop/a").respond_with_data("", status=302, headers={"Location": "/loop/b"})
    server.expect_request("/loop/b").respond_with_data("", status=301, headers={"Location": "/loop/a"})
    for hop in range(7):
        server.expect_request(f"/chain/{hop}").respond_with_data(
            "", status=307, headers={"Location": f"/chain/{hop + 1}"}
        )
    server.expect_request("/chain/7").respond_with_data("<p>end</p>", content_type="text/html")
    server.expect_request("/short/0").respond_with_data("", status=302, headers={"Location": "/chain/3"})
    with Fetcher(_policy()) as fetcher:
        loop = fetcher.get(server.url_for("/loop/a"), "page")
        assert loop.error is not None
        assert loop.error.startswith("[E121]")
        assert "loop" in loop.error
        assert not loop.transient
        chain = fetcher.get(server.url_for("/chain/0"), "page")
        assert chain.error is not None
        assert chain.error.startswith("[E121]")
        assert "more than 5 times" in chain.error
        assert _hits(server, "/chain/6") == 0  # the sixth redirect is never followed
        ok = fetcher.get(server.url_for("/short/0"), "page")  # five redirects: fine
        assert ok.error is None, ok.error
        assert ok.body == b"<p>end</p>"
        assert ok.final_url == server.url_for("/chain/7")


def test_fetch_oversized_bodies_declared_or_not_and_gzip_bombs(server: HTTPServer) -> None:
    big = b"<p>" + b"x" * 200_000 + b"</p>"
    server.expect_request("/declared.html").respond_with_data(big, content_type="text/html")

    def streamed(_request: Request) -> Response:  # no Content-Length: counted while reading
        return Response((big[i : i + 8192] for i in range(0, len(big), 8192)), content_type="text/html")

    server.expect_request("/streamed.html").respond_with_handler(streamed)
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    server.expect_request("/bomb.html").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with Fetcher(_policy(max_bytes=100_000)) as fetcher:
        for path in ("/declared.html", "/streamed.html", "/bomb.html"):
            result = fetcher.get(server.url_for(path), "page")
            assert result.body is None
            assert result.error is not None, path
            assert result.error.startswith("[E123]"), (path, result.error)
            assert "100,000 bytes" in result.error
            assert not result.transient
    assert len(bomb) < 100_000  # the bomb is small on the wire: its unpacked size is what is counted


def test_fetch_checks_the_content_type_and_robots_txt(server: HTTPServer) -> None:
    server.clear()  # a robots.txt of its own
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n\nUser-agent: worldwire\nDisallow: /no-bots/\nCrawl-delay: 0\n",
        content_type="text/plain",
    )
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    server.expect_request("/no-bots/a.html").respond_with_data("<p>secret</p>", content_type="text/html")
    server.expect_request("/open/a.html").respond_with_data("<p>open</p>", content_type="text/html")
    with Fetcher(_policy()) as fetcher:
        pdf = fetcher.get(server.url_for("/doc.pdf"), "page")
        assert pdf.error is not None
        assert pdf.error.startswith("[E120]")
        assert "application/pdf" in pdf.error
        refused = fetcher.get(server.url_for("/no-bots/a.html"), "page")
        assert refused.error is not None
        assert refused.error.startswith("[E119]")
        assert fetcher.get(server.url_for("/open/a.html"), "page").body == b"<p>open</p>"
    assert _hits(server, "/no-bots/a.html") == 0
    assert _hits(server, "/robots.txt") == 1


def test_fetch_a_robots_txt_that_fails_with_5xx_holds_the_host_until_next_cycle(server: HTTPServer) -> None:
    server.clear()
    server.expect_request("/robots.txt").respond_with_data("oops", status=503)
    server.expect_request("/a.html").respond_with_data("<p>a</p>", content_type="text/html")
    with Fetcher(_policy()) as fetcher:
        result = fetcher.get(server.url_for("/a.html"), "page")
    assert result.error is not None
    assert result.error.startswith("[E117]")
    assert "robots.txt" in result.error
    assert result.transient  # RFC 9309: a server error means "disallow all", for now
    assert _hits(server, "/a.html") == 0


def test_fetch_per_host_delay_and_concurrency(server: HTTPServer) -> None:
    active, peak = [0], [0]
    lock = threading.Lock()

    def handler(_request: Request) -> Response:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.15)
        with lock:
            active[0] -= 1
        return Response("<p>x</p>", content_type="text/html")

    for number in range(6):
        server.expect_request(f"/p{number}.html").respond_with_handler(handler)
    urls = [server.url_for(f"/p{n}.html") for n in range(6)]
    with Fetcher(_policy(per_host=2, delay=0.1)) as fetcher:
        fetcher.get(server.url_for("/p0.html"), "page")  # robots.txt read first, alone
        started = time.monotonic()
        threads = [threading.Thread(target=fetcher.get, args=(url, "page")) for url in urls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    assert peak[0] <= 2  # never more than two at once to one host
    assert elapsed >= 0.5  # six starts at least 0.1 s apart


# ---- SSRF ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # AWS, GCP, Azure metadata
        ("100.100.100.200", True),  # Alibaba's metadata, in the shared 100.64/10
        ("0.0.0.0", True),  # noqa: S104
        ("::1", True),
        ("fe80::1", True),
        ("fd00:ec2::254", True),  # AWS metadata over IPv6
        ("::ffff:127.0.0.1", True),  # IPv4-mapped loopback
        ("64:ff9b::a9fe:a9fe", True),  # NAT64 of 169.254.169.254
        ("2002:7f00:1::", True),  # 6to4 of 127.0.0.1
        ("224.0.0.1", True),
        ("8.8.8.8", False),
        ("2606:4700:4700::1111", False),
    ],
)
def test_ssrf_address_kinds(address: str, refused: bool) -> None:
    assert (address_kind(address) is not None) == refused


def test_watch_refuses_a_feed_linking_to_127_0_0_1_by_default(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/admin.html").respond_with_data("<p>internal</p>", content_type="text/html")
    server.expect_request("/feed.xml").respond_with_data(
        rss(
            [
                (server.url_for("/admin.html"), "internal", None),
                ("http://169.254.169.254/latest/meta-data/", "m", None),
            ]
        ),
        content_type="application/rss+xml",
    )
    db = tmp_path / "w.duckdb"
    watcher = _watcher(db, [server.url_for("/feed.xml")], allow_private=False)
    report = watcher.cycle()  # the feed itself was named by the operator: it is read as named
    watcher.con.close()
    assert report.new_links == 2
    assert report.ingest is not None
    assert report.ingest.failed == 2
    assert _hits(server, "/admin.html") == 0
    for _origin, status, reason in _log(db):
        assert status == "failed"
        assert reason.startswith("[E118]"), reason
        assert "--allow-private" in reason
    assert any("169.254.169.254" in reason for _, _, reason in _log(db))


def test_ssrf_checked_after_dns_and_on_every_redirect_hop(
    server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolves to a private address is refused; so is a redirect from a public address to a
    private one. Here 127.0.0.1 plays a public address and 127.0.0.2 a private one."""
    real_kind, real_getaddrinfo = fetch_module.address_kind, fetch_module.socket.getaddrinfo
    monkeypatch.setattr(fetch_module, "address_kind", lambda a: None if a == "127.0.0.1" else real_kind(a))

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebound.test":
            return real_getaddrinfo("127.0.0.2", port, *args, **kwargs)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    port = server.port
    server.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": f"http://127.0.0.2:{port}/x"}
    )
    server.expect_request("/ok.html").respond_with_data("<p>ok</p>", content_type="text/html")
    with Fetcher(_policy(allow_private=False)) as fetcher:
        assert fetcher.get(server.url_for("/ok.html"), "page").body == b"<p>ok</p>"
        named = fetcher.get(f"http://rebound.test:{port}/feed.xml", "page")
        assert named.error is not None
        assert named.error.startswith("[E118]")
        assert "127.0.0.2" in named.error
        assert "rebound.test" in named.error
        hop = fetcher.get(server.url_for("/hop"), "page")
        assert hop.error is not None
        assert hop.error.startswith("[E118]")
        assert "127.0.0.2" in hop.error


def test_fetch_refuses_other_schemes_and_credentials() -> None:
    with Fetcher(_policy(allow_private=False)) as fetcher:
        for url, words in [
            ("file:///etc/passwd", "only http:// and https://"),
            ("gopher://127.0.0.1:70/", "only http:// and https://"),
            ("http://user:secret@example.org/", "user name or password"),
        ]:
            result = fetcher.get(url, "page")
            assert result.error is not None
            assert words in result.error


# ---- sources ------------------------------------------------------------------------------------------


def test_sources_files_urls_and_errors(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# world news\nhttps://Example.org/rss.xml\n\n  http://example.net/sitemap.xml  # news sitemap\n"
        "https://example.org/rss.xml\n",
        encoding="utf-8",
    )
    assert read_sources([str(listing), "https://example.com/feed"]) == [
        "https://example.org/rss.xml",
        "http://example.net/sitemap.xml",
        "https://example.com/feed",
    ]
    for bad, words in [
        ("ftp://example.org/feed", "no web address"),
        (str(tmp_path / "missing.txt"), "no such file"),
    ]:
        with pytest.raises(WorldwireError, match=r"\[E901\]") as caught:
            read_sources([bad])
        assert words in str(caught.value)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("example.org/rss\n", encoding="utf-8")
    with pytest.raises(WorldwireError, match=r"\[E901\].*line 1"):
        read_sources([str(wrong)])


def test_normalize_url_drops_fragments_and_tracking() -> None:
    assert normalize_url("HTTP://News.Example.ORG/a?id=3&utm_source=rss&utm_medium=x#c") == (
        "http://news.example.org/a?id=3"
    )
    assert normalize_url("/b?x=a%20b", "https://example.org/feed") == "https://example.org/b?x=a%20b"
    assert normalize_url("javascript:alert(1)") is None
    assert normalize_url("mailto:a@b.c") is None


def test_read_listing_sitemaps_and_refuses_entities() -> None:
    items = [("https://example.org/a", "A story", "2024-03-01"), ("https://example.org/b", "B", "2024-03-02")]
    listing = read_listing(sitemap(items).encode(), "https://example.org/sitemap.xml")
    assert listing.kind == "sitemap"
    assert [(link.url, link.title, link.date) for link in listing.links] == items
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/news-1.xml</loc><lastmod>2024-03-02</lastmod></sitemap></sitemapindex>"
    )
    parsed = read_listing(index, "https://example.org/sitemap.xml")
    assert parsed.kind == "sitemapindex"
    assert parsed.links[0].url == "https://example.org/news-1.xml"
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&b;</loc></url></urlset>'
    )
    refused = read_listing(laughs, "https://example.org/sitemap.xml")
    assert refused.error is not None
    assert refused.error.startswith("[E112]")
    junk = read_listing(b"<html><body>not a feed</body></html>", "https://example.org/x")
    assert junk.error is not None
    assert junk.error.startswith("[E112]")


@pytest.mark.slow
def test_watch_reads_a_news_sitemap_index(server: HTTPServer, tmp_path: Path) -> None:
    rows = wikinews()[3:5]
    items = serve_articles(server, rows, "/news")
    server.expect_request("/sitemap-news.xml").respond_with_data(
        sitemap(items), content_type="application/xml"
    )
    server.expect_request("/sitemap.xml").respond_with_data(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
        f"<loc>{server.url_for('/sitemap-news.xml')}</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    db = tmp_path / "w.duckdb"
    watcher = _watcher(db, [server.url_for("/sitemap.xml")])
    report = watcher.cycle()
    watcher.con.close()
    assert report.error is None
    assert report.new_links == 2
    assert report.ingest is not None
    assert report.ingest.done == 2
    with worldwire.open(db, read_only=True) as store:
        dates = sorted(store.sql("SELECT date FROM articles")["date"].astype(str))
    assert dates == sorted(r["date"] for r in rows)


# ---- the command line, and a kill in the middle of a cycle -------------------------------------------------


def test_cli_watch_refuses_bad_sources_intervals_and_ingest_of_a_url(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    bad = CliRunner().invoke(app, ["watch", "no-such-file.txt", "--db", str(db), "--once"])
    assert bad.exit_code == 1
    assert isinstance(bad.exception, WorldwireError)
    assert "[E901]" in str(bad.exception)
    interval = CliRunner().invoke(
        app, ["watch", "https://example.org/rss", "--db", str(db), "--every", "soon"]
    )
    assert isinstance(interval.exception, WorldwireError)
    assert "[E904]" in str(interval.exception)
    url = CliRunner().invoke(app, ["ingest", "https://example.org/rss.xml", "--db", str(db), "-j", "1"])
    assert url.exit_code == 1
    assert "E122" in url.stderr
    with worldwire.open(db, read_only=True) as store:
        (reason,) = store.failures()["reason"]
    assert "worldwire watch https://example.org/rss.xml" in reason


def _watch_process(db: Path, feed: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "worldwire", "watch", feed, "--db", str(db), "--once", "--allow-private",
         "--delay", "0", "--workers", "1", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=db.parent,
    )  # fmt: skip


@pytest.mark.slow
def test_watch_killed_mid_cycle_resumes_without_loss_or_duplicates(
    server: HTTPServer, tmp_path: Path
) -> None:
    rows = wikinews()[:28]
    items = serve_articles(server, rows)
    server.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    feed = server.url_for("/feed.xml")
    db = tmp_path / "killed.duckdb"
    process = _watch_process(db, feed)
    assert process.stderr is not None
    lines = []
    for line in process.stderr:  # the first commit (16 pages): the cycle is under way, far from done
        lines.append(line)
        if line.startswith("committed:"):
            break
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)  # reaps it and closes its pipes
    assert any(line.startswith("committed:") for line in lines), "".join(lines)
    with worldwire.open(db, read_only=True) as store:
        done_before = store.status()["inputs"]
    assert 0 < done_before < 28  # killed mid-cycle
    again = _watch_process(db, feed)
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    # The same feed into a fresh store, in one go, in this process: the reference.
    reference = tmp_path / "reference.duckdb"
    watcher = _watcher(reference, [feed])
    assert watcher.cycle().error is None
    watcher.con.close()
    queries = {
        "log": "SELECT origin, status FROM ingest_log ORDER BY origin",
        "articles": "SELECT article_id, url, cluster_id FROM articles ORDER BY article_id",
        "events": "SELECT event_id, num_mentions, num_articles FROM events ORDER BY event_id",
        "mentions": "SELECT event_id, article_id, idx FROM mentions ORDER BY article_id, idx",
    }
    with worldwire.open(db, read_only=True) as killed, worldwire.open(reference, read_only=True) as whole:
        for name, sql in queries.items():
            assert killed.sql(sql).equals(whole.sql(sql)), name
        log = killed.sql(queries["log"])
        assert len(log) == 28
        assert set(log["status"]) == {"done"}
        assert killed.sql("SELECT count(*) AS n FROM watch_items")["n"][0] == 28
    for number in range(28):  # each page fetched at most twice: once more if the kill lost it
        assert _hits(server, f"/a/{number}.html") <= 3  # killed run, resumed run, reference


@pytest.mark.slow
def test_store_is_busy_message_names_a_running_server(tmp_path: Path) -> None:
    """E602 blames a read-only `worldwire serve` for what it is, and says how to watch while serving."""
    db = tmp_path / "w.duckdb"
    connect(db).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "worldwire", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert server.stderr is not None
        for line in server.stderr:  # uvicorn says when it listens: the store is open by then
            if "Uvicorn running" in line or "Application startup complete" in line:
                break
        with pytest.raises(WorldwireError) as caught:
            worldwire.open(db)
        message = str(caught.value)
        assert message.startswith("[E602]")
        assert f"process {server.pid}" in message
        assert "worldwire serve" in message
        assert "read-only `worldwire serve`" in message
        assert "--watch" in message
        assert "another worldwire writing" not in message
        with worldwire.open(db, read_only=True) as store:  # reading beside the server works
            assert store.status()["articles"] == 0
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)


def test_watch_a_source_that_breaks_the_parser_fails_alone(
    server: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from worldwire.store import watch as watch_module

    real = watch_module.read_listing

    def fragile(data: bytes, url: str) -> Any:
        if url.endswith("/evil.xml"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, url)

    monkeypatch.setattr(watch_module, "read_listing", fragile)
    server.expect_request("/evil.xml").respond_with_data(rss([]), content_type="application/rss+xml")
    server.expect_request("/ok.xml").respond_with_data(rss([]), content_type="application/rss+xml")
    watcher = _watcher(tmp_path / "w.duckdb", [server.url_for("/evil.xml"), server.url_for("/ok.xml")])
    report = watcher.cycle()
    watcher.con.close()
    assert report.error is None
    (error,) = report.failed_sources.values()
    assert error.startswith("[E112]")
    assert "RecursionError" in error
