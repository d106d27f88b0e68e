"""RSS 0.9x/1.0/2.0 and Atom feed files, read with feedparser: one document per item.

A feed item carries the article (content:encoded, Atom content) or only its summary; either way the
item's link, title and date travel with it, so the store can count sources and date events. feedparser
is tolerant, as feeds need: an undefined entity such as `&nbsp;` in a channel's description does not
cost the items (its own XML parser never resolves external entities, and bytes are never fetched). A
summary written as plain text is read as text, not as a web page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import feedparser

from worldwire.errors import Errors
from worldwire.ingest.dates import parse_date
from worldwire.ingest.limits import html_chars
from worldwire.models import RawDocument

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
_TAG = re.compile(r"<[A-Za-z!/]")


def read_feed(data: bytes, origin: str, name: str, max_chars: int) -> Iterator[RawDocument]:
    """The items of the feed in `data`, in feed order; a file that is not a feed is one failed document."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    broken = parsed.get("bozo_exception")
    if not parsed.version and not entries:
        reason = f"no RSS or Atom feed in it{f' ({broken})' if broken else ''}"
        yield RawDocument(id=name, origin=origin, error=Errors.E112.format(path=origin, reason=reason))
        return
    if broken and not any(_body(entry)[0] for entry in entries):  # cut short before any item's text
        yield RawDocument(id=name, origin=origin, error=Errors.E112.format(path=origin, reason=broken))
        return
    if not entries:
        yield RawDocument(id=name, origin=origin, error=Errors.E103.format(what=repr(origin)))
        return
    for number, entry in enumerate(entries, start=1):
        yield _item(entry, f"{origin}#{number}", f"{name}#{number}", max_chars)


def _body(entry: Any) -> tuple[str | None, bool]:
    """The item's fullest text (content, else summary) and whether it is HTML."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and isinstance(detail.get("value"), str) and detail["value"].strip():
            value = detail["value"]
            html = detail.get("type") != "text/plain" and _TAG.search(value) is not None
            return value, html
    return None, False


def _item(entry: Any, origin: str, fallback_id: str, max_chars: int) -> RawDocument:
    body, html = _body(entry)
    url = entry.get("link") or None
    doc_id = entry.get("id") or url or fallback_id
    if not body:
        return RawDocument(id=doc_id, origin=origin, error=Errors.E103.format(what=repr(origin)))
    limit = html_chars(max_chars) if html else max_chars  # HTML's text is held to max_chars when cleaned
    if len(body) > limit:
        size = f"{len(body):,} characters{' of HTML' if html else ''}"
        return RawDocument(
            id=doc_id, origin=origin, error=Errors.E105.format(what=repr(origin), size=size, limit=limit)
        )
    date = next(
        (d for d in (parse_date(entry.get(k)) for k in ("published", "updated", "created")) if d), None
    )  # the date as the feed writes it: feedparser's own parse moves it to UTC, perhaps to another day
    return RawDocument(
        id=doc_id,
        origin=origin,
        html=body if html else None,
        text=None if html else body,
        title=(entry.get("title") or "").strip() or None,
        date=date,
        url=url,
        encoding="utf-8",
        text_limit=max_chars if html else None,
    )
