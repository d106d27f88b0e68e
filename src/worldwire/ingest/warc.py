"""WARC files (Common Crawl News is WARC): one document per archived page.

`response` records carrying HTML become HTML documents, `resource`/`conversion` records carrying plain
text (WET files) become text documents. Requests, metadata, revisits and warcinfo are not articles and
are passed over; a response that is not text (an image, a PDF) or not a success fails with a reason, so
every archived page is accounted for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from worldwire.errors import Errors, InputError
from worldwire.ingest.decode import decode
from worldwire.models import RawDocument

WARC_SUFFIXES = frozenset({".warc", ".wet"})
_ARTICLE_RECORDS = frozenset({"response", "resource", "conversion"})
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(stream: IO[bytes], origin: str, name: str, max_chars: int) -> Iterator[RawDocument]:
    """The pages archived in `stream`, in archive order; a damaged archive ends with one failed document."""
    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True, check_digests="raise"):  # cut short: fails
            if record.rec_type not in _ARTICLE_RECORDS:
                continue
            number += 1
            yield _page(record, f"{origin}#{number}", f"{name}#{number}", max_chars)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield RawDocument(
            id=f"{name}#{number + 1}", origin=origin, error=Errors.E110.format(path=origin, reason=exc)
        )
        return
    if number == 0:
        yield RawDocument(id=name, origin=origin, error=Errors.E103.format(what=repr(origin)))


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
    data = record.content_stream().read(4 * max_chars + 1)
    if len(data) <= 4 * max_chars and getattr(record.raw_stream, "limit", 0) > 0:
        reason = "the archive ends inside this record (cut short)"
        return RawDocument(
            id=doc_id, origin=origin, url=url, error=Errors.E110.format(path=origin, reason=reason)
        )
    is_html = media != "text/plain"
    try:
        if len(data) > 4 * max_chars:
            size = f"more than {4 * max_chars:,} bytes"
            raise InputError(Errors.E105.format(what=what, size=size, limit=max_chars))
        text, encoding = decode(data, what, html=is_html)
        if len(text) > max_chars:
            raise InputError(Errors.E105.format(what=what, size=f"{len(text):,} characters", limit=max_chars))
    except InputError as exc:
        return RawDocument(id=doc_id, origin=origin, url=url, error=str(exc))
    if is_html:  # the crawl date is not the publication date: cleaning reads that from the page
        return RawDocument(id=doc_id, origin=origin, html=text, url=url, encoding=encoding)
    return RawDocument(id=doc_id, origin=origin, text=text, date=date, url=url, encoding=encoding)
