"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one document per item, its body the item's HTML content.

A feed item carries the article (content:encoded, Atom content) or only its summary; either way the
item's link, title and date travel with it, so the store can count sources and date events.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from worldwire.errors import Errors
from worldwire.ingest.dates import parse_date
from worldwire.ingest.limits import html_chars
from worldwire.models import RawDocument

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def read_feed(data: bytes, origin: str, name: str, max_chars: int) -> Iterator[RawDocument]:
    """The items of the feed in `data`, in feed order; a file that is not a feed is one failed document."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        yield RawDocument(id=name, origin=origin, error=Errors.E112.format(path=origin, reason=exc))
        return
    items = _items(root)
    if items is None:
        reason = f"its root element is <{etree.QName(root).localname}>, not <rss>, <feed> or <rdf:RDF>"
        yield RawDocument(id=name, origin=origin, error=Errors.E112.format(path=origin, reason=reason))
        return
    if not items:
        yield RawDocument(id=name, origin=origin, error=Errors.E103.format(what=repr(origin)))
        return
    for number, item in enumerate(items, start=1):
        yield _item(item, f"{origin}#{number}", f"{name}#{number}", max_chars)


def _items(root: Any) -> list[Any] | None:
    tag = etree.QName(root).localname
    if tag == "rss":
        return list(root.iterfind("channel/item"))
    if tag == "feed":
        return list(root.iterfind(f"{_ATOM}entry"))
    if tag == "RDF":
        return list(root.iterfind(f"{_RSS1}item"))
    return None


def _text(item: Any, *paths: str) -> str | None:
    for path in paths:
        node = item.find(path)
        if node is not None:
            value = "".join(node.itertext()).strip() if len(node) else (node.text or "").strip()
            if value:
                return str(value)
    return None


def _atom_link(item: Any) -> str | None:
    for link in item.iterfind(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link.get("href"))
    return None


def _item(item: Any, origin: str, fallback_id: str, max_chars: int) -> RawDocument:
    atom = etree.QName(item).namespace == _ATOM[1:-1]
    if atom:
        body = _text(item, f"{_ATOM}content", f"{_ATOM}summary")
        url = _atom_link(item)
        title = _text(item, f"{_ATOM}title")
        date = parse_date(_text(item, f"{_ATOM}published", f"{_ATOM}updated"))
        guid = _text(item, f"{_ATOM}id")
    else:
        ns = _RSS1 if etree.QName(item).namespace == _RSS1[1:-1] else ""
        body = _text(item, _CONTENT, f"{ns}description")
        url = _text(item, f"{ns}link")
        title = _text(item, f"{ns}title")
        date = parse_date(_text(item, "pubDate", _DC_DATE))
        guid = _text(item, "guid") or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    doc_id = guid or url or fallback_id
    if not body:
        return RawDocument(id=doc_id, origin=origin, error=Errors.E103.format(what=repr(origin)))
    if len(body) > html_chars(max_chars):  # the item's HTML; its text is held to max_chars when cleaned
        size = f"{len(body):,} characters of HTML"
        error = Errors.E105.format(what=repr(origin), size=size, limit=html_chars(max_chars))
        return RawDocument(id=doc_id, origin=origin, error=error)
    return RawDocument(
        id=doc_id, origin=origin, html=body, title=title, date=date, url=url, encoding="utf-8",
        text_limit=max_chars,
    )  # fmt: skip
