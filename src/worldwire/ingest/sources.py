"""What `worldwire watch` polls: RSS/Atom feeds and news sitemaps, and the links to articles they give.

A source is the address of a feed or a sitemap (a sitemap index lists further sitemaps), or a file listing
such addresses one a line. `read_listing` reads a fetched source into its links: the article's address
(made absolute, its fragment and tracking parameters dropped, so one story linked from two feeds is one
link), with the title and date the source gives. Feeds are read with feedparser (see feeds.py); sitemaps
with the standard library's XML parser after refusing any document type declaration, so no entity is
ever declared, let alone expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser

from worldwire.errors import Errors, WorldwireError
from worldwire.ingest.dates import parse_date
from worldwire.ingest.guard import readable

ListingKind = Literal["feed", "sitemap", "sitemapindex"]
# Query parameters that only say where a click came from: dropped, so that copies of a link are one link.
_TRACKING = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ns_mchannel|ns_source)$", re.I
)
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
MAX_SOURCES_FILE = 1 << 20  # a file listing sources: 1 MiB is thousands of addresses


@dataclass(frozen=True, slots=True)
class Link:
    """An article (or, in a sitemap index, a sitemap) a source points to."""

    url: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, as the source gives it


@dataclass(frozen=True, slots=True)
class Listing:
    kind: ListingKind | None
    links: tuple[Link, ...] = ()
    error: str | None = None


def normalize_url(url: str, base: str | None = None) -> str | None:
    """`url` made absolute against `base`, scheme and host in lower case, the fragment and tracking
    parameters dropped; None when it is no http(s) address."""
    text = (url or "").strip()
    if not text:
        return None
    absolute = urljoin(base, text) if base else text
    try:
        parts = urlsplit(absolute)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    netloc = host.lower() if port is None else f"{host.lower()}:{port}"
    if ":" in host:  # IPv6 literal
        netloc = f"[{host.lower()}]" if port is None else f"[{host.lower()}]:{port}"
    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(_TRACKING.match(k) for k, _ in pairs):  # rewritten only when there is something to drop
        query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def read_listing(data: bytes, url: str) -> Listing:
    """The links in a fetched source: a sitemap (index) if its root element says so, else a feed."""
    head = data[:2048].lstrip()
    if re.search(rb"<(\w+:)?(urlset|sitemapindex)\b", head):
        return _sitemap(data, url)
    return _feed(data, url)


def _feed(data: bytes, url: str) -> Listing:
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not parsed.version and not entries:
        broken = parsed.get("bozo_exception")
        reason = f"no RSS or Atom feed, and no sitemap, in it{f' ({broken})' if broken else ''}"
        return Listing(None, error=Errors.E112.format(path=url, reason=reason))
    links = []
    for entry in entries:
        link = normalize_url(_entry_link(entry) or "", url)
        if link is None:
            continue
        date = next(
            (d for d in (parse_date(entry.get(k)) for k in ("published", "updated", "created")) if d), None
        )
        title = " ".join(str(entry.get("title") or "").split()) or None
        links.append(Link(link, readable(title) if title else None, date))
    return Listing("feed", tuple(links))


def _entry_link(entry: Any) -> str | None:
    if entry.get("link"):
        return str(entry["link"])
    for link in entry.get("links") or []:
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            return str(link["href"])
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sitemap(data: bytes, url: str) -> Listing:
    """A sitemap's <url> entries (with a news sitemap's title and publication date, else <lastmod>), or a
    sitemap index's <sitemap> entries."""
    if _DOCTYPE.search(data):
        reason = "it declares a document type or entities, which sitemaps never need"
        return Listing(None, error=Errors.E112.format(path=url, reason=reason))
    try:
        root = ET.fromstring(data)  # noqa: S314 -- no DOCTYPE, so no entity can be declared
    except ET.ParseError as exc:
        return Listing(None, error=Errors.E112.format(path=url, reason=f"broken sitemap XML ({exc})"))
    kind: ListingKind = "sitemapindex" if _local(root.tag) == "sitemapindex" else "sitemap"
    links = []
    for item in root:
        if _local(item.tag) not in ("url", "sitemap"):
            continue
        fields: dict[str, str] = {}
        for child in item.iter():
            name = _local(child.tag)
            if child.text and child.text.strip() and name not in fields:
                fields[name] = child.text.strip()
        link = normalize_url(fields.get("loc", ""), url)
        if link is None:
            continue
        date = parse_date(fields.get("publication_date") or fields.get("lastmod"))
        title = " ".join(fields.get("title", "").split()) or None
        links.append(Link(link, readable(title) if title else None, date))
    return Listing(kind, tuple(links))


def newest(links: Sequence[Link], limit: int) -> list[Link]:
    """At most `limit` links, the newest first when the source dates them (else in the source's order)."""
    if len(links) <= limit:
        return list(links)
    order = sorted(range(len(links)), key=lambda i: (links[i].date is None, _neg(links[i].date), i))
    return [links[i] for i in order[:limit]]


def _neg(date: str | None) -> str:
    """A key that sorts ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else ""


def read_sources(arguments: Sequence[str]) -> list[str]:
    """The source addresses named by `arguments`: addresses, and files listing them one a line ('#' starts a
    comment), in order, each once. Anything else is E901."""
    found: list[str] = []
    for argument in arguments:
        if argument.lower().startswith(("http://", "https://")):
            found.append(_source(argument, argument))
            continue
        path = Path(argument)
        if not path.is_file():
            what = "no such file" if not path.exists() else "not a regular file"
            raise WorldwireError(
                Errors.E901.format(source=argument, reason=f"it is no web address, and {what}")
            )
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_SOURCES_FILE + 1)
            if len(data) > MAX_SOURCES_FILE:
                raise WorldwireError(
                    Errors.E901.format(
                        source=argument, reason=f"the file is larger than {MAX_SOURCES_FILE:,} bytes"
                    )
                )
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise WorldwireError(
                Errors.E901.format(source=argument, reason=f"the file cannot be read ({exc})")
            ) from exc
        for number, line in enumerate(text.splitlines(), start=1):
            entry = line.split("#", 1)[0].strip()  # an address's own fragment is dropped anyway
            if entry:
                found.append(_source(entry, f"{argument}, line {number}"))
    if not found:
        raise WorldwireError(Errors.E901.format(source=" ".join(arguments), reason="it names no source"))
    return list(dict.fromkeys(found))


def _source(text: str, where: str) -> str:
    url = normalize_url(text)
    if url is None or not text.lower().startswith(("http://", "https://")):
        raise WorldwireError(
            Errors.E901.format(
                source=where if where != text else text, reason=f"{text!r} is no http(s) address"
            )
        )
    return url
