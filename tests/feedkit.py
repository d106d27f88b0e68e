"""Feeds, sitemaps and article pages served on 127.0.0.1 for the `worldwire watch` tests and bench.

`local_server()` starts pytest-httpserver's server on loopback (threaded, so a slow page does not hold up
the others); `allow_loopback` lets a test connect to it while every other address stays banned, as the
project's conftest bans them all. Pages are real news (the Wikinews corpus in ../shared) so that the
pipeline codes real events.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
WIKINEWS = SHARED / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return str(host) == "localhost"


def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections to 127.0.0.1 and ::1 only: anything else fails the test, as conftest's ban does."""
    real_connect, real_create = socket.socket.connect, socket.create_connection

    def connect(self: socket.socket, address: Any) -> None:
        if not _is_loopback(address):
            raise RuntimeError(f"tests must not touch the network: {address!r}")
        real_connect(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not _is_loopback(address):
            raise RuntimeError(f"tests must not touch the network: {address!r}")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)


@pytest.fixture(name="_ban_network", autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest's ban, with loopback let through (the feeds are served there): import it into a test
    module and it replaces the ban there."""
    allow_loopback(monkeypatch)


@contextmanager
def local_server() -> Iterator[HTTPServer]:
    """A threaded HTTP server on 127.0.0.1 (a free port), with robots.txt allowing everything."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n", content_type="text/plain"
    )
    try:
        yield server
    finally:
        server.clear()
        server.stop()


@cache
def wikinews() -> tuple[dict[str, Any], ...]:
    with WIKINEWS.open(encoding="utf-8") as stream:
        return tuple(json.loads(line) for line in stream)


def page(title: str, text: str) -> str:
    """An article page around `text` (paragraphs split at blank lines), as a news site would serve it."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<footer>© News Site</footer></body></html>"
    )


def rss(items: Sequence[tuple[str, str, str | None]], title: str = "News") -> str:
    """An RSS 2.0 feed of (link, title, ISO date or None) items."""
    from datetime import UTC, datetime
    from email.utils import format_datetime

    def item(link: str, head: str, date: str | None) -> str:
        when = ""
        if date:
            stamp = datetime.fromisoformat(date).replace(hour=12, tzinfo=UTC)
            when = f"<pubDate>{format_datetime(stamp)}</pubDate>"
        return f"<item><title>{escape(head)}</title><link>{escape(link)}</link>{when}</item>"

    body = "".join(item(*entry) for entry in items)
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
    return f"{head}<channel><title>{title}</title>{body}</channel></rss>"


def sitemap(items: Sequence[tuple[str, str, str | None]]) -> str:
    """A Google News sitemap of (link, title, ISO date) items."""
    entries = "".join(
        f"<url><loc>{escape(link)}</loc><news:news><news:publication><news:name>News</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{date}</news:publication_date><news:title>{escape(head)}</news:title>"
        f"</news:news></url>"
        for link, head, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>'
    )


def serve_articles(
    server: HTTPServer, rows: Sequence[dict[str, Any]], prefix: str = "/a"
) -> list[tuple[str, str, str]]:
    """Serve each row as a page; the (link, title, date) items of a feed listing them."""
    items = []
    for number, row in enumerate(rows):
        path = f"{prefix}/{number}.html"
        server.expect_request(path).respond_with_data(
            page(row["title"], row["text"]), content_type="text/html; charset=utf-8"
        )
        items.append((server.url_for(path), row["title"], row["date"]))
    return items
