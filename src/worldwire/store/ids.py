"""Stable identifiers: the same input, article or event gets the same id in every run and every store."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from worldwire.models import RawDocument

_ID_CHARS = 24  # 96 bits of SHA-256: collisions are out of reach for any news corpus


def digest(*parts: str | None) -> str:
    """A short hex SHA-256 of the parts (None and "" differ), for ids that never change."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(b"\x01" if part is None else b"\x00" + part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x1f")
    return hasher.hexdigest()[:_ID_CHARS]


def content_hash(raw: RawDocument) -> str | None:
    """The article's key: its body and its URL (one stored copy per publication); None when unread."""
    body = raw.html if raw.html is not None else raw.text
    if body is None:
        return None
    return digest(body, raw.url)


def input_key(raw: RawDocument, content: str | None) -> str:
    """One input: where it came from, which document it is, and what it held (or why it failed)."""
    return digest(raw.origin, raw.id, content if content is not None else raw.error)


def event_id(cluster_id: str, *key: str | None) -> str:
    return digest(cluster_id, *key)


def global_event_id(event: str) -> int:
    """The event id as a positive 63-bit integer: GDELT's GLOBALEVENTID is a number."""
    return int(event[:15], 16)


def source_of(url: str | None) -> str | None:
    """The publisher an article came from, read from its URL's host ("www." dropped)."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
