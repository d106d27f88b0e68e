"""WARC files (Common Crawl News is WARC): one document per archived page.

`response` records carrying HTML become HTML documents, `resource`/`conversion` records carrying plain
text (WET files) become text documents. Requests, metadata, revisits and warcinfo are not articles and
are passed over; a response that is not text (an image, a PDF) or not a success fails with a reason, so
every archived page is accounted for.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from worldwire.errors import Errors, InputError
from worldwire.ingest.decode import decode
from worldwire.ingest.limits import BYTES_PER_CHAR, html_chars
from worldwire.models import RawDocument

WARC_SUFFIXES = frozenset({".warc", ".wet"})
# The most bytes of header lines one record may have (WARC and HTTP headers together): real ones take
# a few kilobytes.
_HEADER_BYTES = 1 << 20
_ARTICLE_RECORDS = frozenset({"response", "resource", "conversion"})
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(stream: IO[bytes], origin: str, name: str, max_chars: int) -> Iterator[RawDocument]:
    """The pages archived in `stream`, in archive order; a damaged or cut-short archive keeps the records
    read before the damage and ends with one failed document (E110) saying so."""
    number = 0
    previous: Any = None
    try:
        archive = _BoundedArchive(stream, arc2warc=True, check_digests="raise")
        for record in archive:
            _check_complete(previous)
            previous = record
            if record.rec_type not in _ARTICLE_RECORDS:
                continue
            number += 1
            yield _page(record, f"{origin}#{number}", f"{name}#{number}", max_chars)
        _check_complete(previous)
        _check_read_whole(archive, stream)
    except Exception as exc:  # warcio raises anything on hostile bytes (AttributeError, OverflowError)
        reason = f"the archive is damaged or cut short after {number} page(s): {type(exc).__name__}: {exc}"
        yield RawDocument(
            id=f"{name}#{number + 1}", origin=origin, error=Errors.E110.format(path=origin, reason=reason)
        )
        return
    if number == 0:
        yield RawDocument(id=name, origin=origin, error=Errors.E103.format(what=repr(origin)))


class _HeaderBound:
    """The archive's reader, with header lines bounded: warcio reads a header line, and a record's header
    block, whole, so a gzip bomb of one endless header would be held in memory. Reading content (`read`)
    starts a new header budget."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._header_bytes = 0

    def readline(self, length: int | None = None) -> bytes:
        room = _HEADER_BYTES - self._header_bytes
        if room <= 0:
            raise ValueError(f"a record's headers run past {_HEADER_BYTES:,} bytes")
        line: bytes = self._reader.readline(min(length, room) if length else room)
        self._header_bytes += len(line)
        return line

    def read(self, length: int | None = None) -> bytes:
        self._header_bytes = 0
        data: bytes = self._reader.read(length)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class _BoundedArchive(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator over a reader whose header lines are bounded (see `_HeaderBound`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reader = _HeaderBound(getattr(self, "reader"))  # noqa: B009 - untyped base class


def _check_complete(record: Any) -> None:
    """Raise when `record`, already read past, ended before its Content-Length, or has none: the archive
    is cut short (inside the record, or inside its headers)."""
    if record is None:
        return
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError(f"a record ends {record.raw_stream.limit:,} bytes before its Content-Length")
    headers = record.rec_headers
    if not headers.get_header("Content-Length") or not headers.get_header("WARC-Type"):
        raise EOFError("a record's headers end before its WARC-Type and Content-Length")


def _check_read_whole(archive: Any, stream: IO[bytes]) -> None:
    """Raise when bytes are left after the last whole record: warcio takes a record cut inside its
    headers for the end of the archive, so a file cut there would otherwise lose it silently."""
    try:
        size = os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError):  # not a file: nothing to compare with
        return
    if archive.offset < size:
        raise EOFError(f"the last {size - archive.offset:,} bytes are not a whole record")


def _page(record: Any, origin: str, fallback_id: str, max_chars: int) -> RawDocument:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    doc_id = url or headers.get_header("WARC-Record-ID") or fallback_id
    date = (headers.get_header("WARC-Date") or "")[:10] or None
    what = repr(url or origin)
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type") or ""
        if status and not status.startswith("2"):
            reason = f"the archived response is HTTP {status}, not a page"
            return RawDocument(
                id=doc_id, origin=origin, url=url, error=Errors.E113.format(what=what, reason=reason)
            )
    else:
        content_type = headers.get_header("Content-Type") or ""
    media = content_type.split(";")[0].strip().lower()
    if media and media not in _TEXT_TYPES:
        reason = f"its content type is {media!r}, not HTML or text"
        return RawDocument(
            id=doc_id, origin=origin, url=url, error=Errors.E113.format(what=what, reason=reason)
        )
    is_html = media != "text/plain"
    limit = html_chars(max_chars) if is_html else max_chars  # a page is more than its article
    data = record.content_stream().read(BYTES_PER_CHAR * limit + 1)
    if len(data) <= BYTES_PER_CHAR * limit and getattr(record.raw_stream, "limit", 0) > 0:
        reason = "the archive ends inside this record (cut short)"
        return RawDocument(
            id=doc_id, origin=origin, url=url, error=Errors.E110.format(path=origin, reason=reason)
        )
    try:
        if len(data) > BYTES_PER_CHAR * limit:
            size = f"more than {BYTES_PER_CHAR * limit:,} bytes"
            raise InputError(Errors.E105.format(what=what, size=size, limit=limit))
        text, encoding = decode(data, what, html=is_html)
        if len(text) > limit:
            raise InputError(Errors.E105.format(what=what, size=f"{len(text):,} characters", limit=limit))
    except InputError as exc:
        return RawDocument(id=doc_id, origin=origin, url=url, error=str(exc))
    if is_html:  # the crawl date is not the publication date: cleaning reads that from the page
        return RawDocument(
            id=doc_id, origin=origin, html=text, url=url, encoding=encoding, text_limit=max_chars
        )
    return RawDocument(id=doc_id, origin=origin, text=text, date=date, url=url, encoding=encoding)
