"""Ingest: turn paths and standard input into `RawDocument`s, one per article, never raising.

A file or line that cannot be read still yields a document, with `error` saying why, so that every
input is accounted for and the batch goes on.
"""

from __future__ import annotations

import codecs
import gzip
import io
import itertools
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, cast

from worldwire.errors import Errors, InputError
from worldwire.ingest.dates import parse_date
from worldwire.ingest.decode import binary_kind, bom_encoding, decode
from worldwire.ingest.feeds import FEED_SUFFIXES, read_feed
from worldwire.ingest.fields import JsonlFields, record_id
from worldwire.ingest.guard import (
    bounded_lines,
    not_regular,
    readable,
    skipped_error,
    surrogate_error,
    walk_folder,
)
from worldwire.ingest.limits import html_chars
from worldwire.ingest.warc import WARC_SUFFIXES, read_warc
from worldwire.models import RawDocument

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
# A feed file may hold many articles: it may be this many times larger than one article.
_FEED_ARTICLES = 64
STDIN = "-"
_WEB_SCHEMES = ("http://", "https://")
# Encodings whose lines cannot be cut at b"\n": such a stream is decoded whole.
_WIDE_ENCODINGS = frozenset({"utf-16", "utf-32"})
# Bytes one JSONL line may take: per character of its body (JSON may spell one as '\\uXXXX', 6 bytes),
# plus room for the other fields. The limit holds while reading, gzip or not: memory stays bounded.
_JSONL_BYTES_PER_CHAR = 8
_JSONL_SLACK = 1 << 20
# A UTF-16/32 JSONL stream is decoded whole: at most this many articles' worth of it.
_WIDE_ARTICLES = 16

__all__ = ["STDIN", "SUPPORTED_SUFFIXES", "JsonlFields", "folder_files", "normalize_date", "read_inputs"]


def read_inputs(
    inputs: Sequence[str],
    *,
    max_chars: int,
    stdin: IO[bytes] | None = None,
    follow_links: bool = False,
    fields: JsonlFields | None = None,
) -> Iterator[RawDocument]:
    """Yield the documents of `inputs` in order; no inputs, or '-', means JSONL on standard input.

    JSONL records are read with `fields`: the fields a user named, else worldwire's and the common
    crawlers' (ingest.fields).

    A folder's symbolic links are read only when they stay inside it, unless `follow_links`; every entry
    skipped (a link out, a link loop or to nothing, a FIFO) is a failed document (E115), not silence.
    """
    fields = fields or JsonlFields()
    for item in inputs or [STDIN]:
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, "<stdin>", max_chars, fields, plain_text=True)
            continue
        if item.lower().startswith(_WEB_SCHEMES):  # fetching is `worldwire watch`'s work, not ingest's
            what = readable(item)
            yield RawDocument(id=what, origin=what, error=Errors.E122.format(path=what))
            continue
        path = Path(item)
        if not _is_dir(path):
            yield from _read_file(path, max_chars, fields)
            continue
        entries = walk_folder(path, SUPPORTED_SUFFIXES, follow_links=follow_links)
        if not entries:
            name = readable(path.name or item)
            yield RawDocument(id=name, origin=readable(item), error=Errors.E111.format(path=readable(item)))
        for child, skipped in entries:
            if skipped is None:
                yield from _read_file(child, max_chars, fields)
            else:
                error = skipped_error(child, path, skipped)
                yield RawDocument(id=readable(child.name), origin=readable(str(child)), error=error)


def folder_files(path: Path, *, follow_links: bool = False) -> list[Path] | None:
    """The files `read_inputs` reads from the folder `path`, in its order; None when `path` is no folder.
    Engines that read files in parallel list them with this, so every engine sees the same order."""
    if not _is_dir(path):
        return None
    entries = walk_folder(path, SUPPORTED_SUFFIXES, follow_links=follow_links)
    return [child for child, skipped in entries if skipped is None]


def normalize_date(value: Any, what: str) -> str | None:
    """A date in any form `dates.parse_date` reads, as ISO 'YYYY-MM-DD'; None or "" stays None, anything
    else is E109 (a date given on purpose that cannot be read is a mistake worth saying)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(Errors.E109.format(value=value, what=what))
    return parsed


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, say: reading it as a file says what is wrong
        return False


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _read_file(path: Path, max_chars: int, fields: JsonlFields) -> Iterator[RawDocument]:
    name = readable(path.name[:-3] if path.name.lower().endswith(".gz") else path.name)
    origin = readable(str(path))  # a name that is not UTF-8 is logged with its bytes escaped

    def failed(message: str) -> RawDocument:
        return RawDocument(id=name, origin=origin, error=message)

    suffix = _suffix(path)
    is_html = suffix in HTML_SUFFIXES
    try:
        if not path.exists():
            yield failed(Errors.E101.format(path=origin))
            return
        if suffix not in SUPPORTED_SUFFIXES:
            yield failed(Errors.E102.format(suffix=readable(suffix or path.name), path=origin))
            return
        irregular = not_regular(path)
        if irregular:
            yield failed(Errors.E110.format(path=origin, reason=irregular))
            return
        if suffix in JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES:
            yield from _read_many(path, suffix, name, max_chars, fields)
            return
        limit = html_chars(max_chars) if is_html else max_chars  # a page is more than its article
        text, encoding = decode(_read_bytes(path, limit), repr(origin), html=is_html)
        _check_size(text, repr(origin), limit, html=is_html)
    except (OSError, EOFError, zlib.error) as exc:  # zlib.error: a .gz file with corrupt data
        yield failed(Errors.E110.format(path=origin, reason=getattr(exc, "strerror", None) or exc))
        return
    except InputError as exc:
        yield failed(str(exc))
        return
    if is_html:
        yield RawDocument(id=name, origin=origin, html=text, encoding=encoding, text_limit=max_chars)
    else:
        yield RawDocument(id=name, origin=origin, text=text, encoding=encoding)


def _read_many(
    path: Path, suffix: str, name: str, max_chars: int, fields: JsonlFields
) -> Iterator[RawDocument]:
    """The documents of a file that holds many: JSONL lines, WARC records or feed items."""
    origin = readable(str(path))
    if suffix in JSONL_SUFFIXES:
        with _open_binary(path) as stream:
            yield from _read_stream(stream, origin, max_chars, fields, plain_text=False)
    elif suffix in WARC_SUFFIXES:  # warcio unpacks per-record gzip members itself
        with path.open("rb") as stream:
            yield from read_warc(stream, origin, name, max_chars)
    else:
        yield from read_feed(_read_bytes(path, _FEED_ARTICLES * max_chars), origin, name, max_chars)


def _read_bytes(path: Path, max_chars: int) -> bytes:
    """The bytes of `path` (unpacked if .gz); a file too large is refused before it is read."""
    what, size = repr(readable(str(path))), path.stat().st_size
    if size > 4 * max_chars:
        raise InputError(Errors.E105.format(what=what, size=f"{size:,} bytes", limit=max_chars))
    with _open_binary(path) as stream:  # a .gz file can still unpack to too much
        return _read_capped(stream, b"", max_chars, what)


def _read_capped(stream: IO[bytes], start: bytes, max_chars: int, what: str) -> bytes:
    """`start`, then the rest of `stream`; refused (E105) past the most bytes `max_chars` characters take."""
    limit = 4 * max_chars  # 4 bytes per character at most in UTF-8
    data = start + stream.read(max(limit + 1 - len(start), 0))
    if len(data) > limit:
        raise InputError(Errors.E105.format(what=what, size=f"more than {limit:,} bytes", limit=max_chars))
    return data


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _read_stream(
    stream: IO[bytes], origin: str, max_chars: int, fields: JsonlFields, *, plain_text: bool
) -> Iterator[RawDocument]:
    """JSONL records, one per line, in UTF-8 (a byte-order mark is fine; UTF-16/32 needs one).

    With `plain_text` (standard input), a stream whose first line with text is not a JSON object is one
    plain-text document. A stream with no text at all, or binary data, is one failed document.
    """
    name = Path(origin).name
    encoding = None
    limit = _JSONL_BYTES_PER_CHAR * max_chars + _JSONL_SLACK
    lines = bounded_lines(stream, limit)
    head = _leading_lines(lines)
    if head and isinstance(head[0], bytes) and bom_encoding(head[0]) in _WIDE_ENCODINGS:
        try:
            if not all(isinstance(line, bytes) for line in head):
                size = f"a line over {limit:,} bytes"
                raise InputError(Errors.E105.format(what=repr(origin), size=size, limit=max_chars))
            start = b"".join(cast(list[bytes], head))
            whole = _read_capped(stream, start, _WIDE_ARTICLES * max_chars, repr(origin))
            text, encoding = decode(whole, repr(origin))
        except InputError as exc:
            yield RawDocument(id=name, origin=origin, error=str(exc))
            return
        stream = io.BytesIO(text.encode("utf-8"))
        lines = bounded_lines(stream, limit)
        head = _leading_lines(lines)
    if not head or (isinstance(head[-1], bytes) and not head[-1].strip()):
        yield RawDocument(id=name, origin=origin, error=Errors.E103.format(what=repr(origin)))
        return
    first = head[-1]
    if isinstance(first, int):  # a first line too long to hold: as one document, or as one record
        if plain_text:
            size = f"more than {limit:,} bytes"
            error = Errors.E105.format(what=repr(origin), size=size, limit=max_chars)
            yield RawDocument(id=origin, origin=origin, error=error)
            return
    elif not first.lstrip().startswith(b"{"):
        text_head = b"".join(line for line in head if isinstance(line, bytes))
        if plain_text:
            yield _plain_stream(text_head, stream, origin, max_chars, encoding)
            return
        kind = binary_kind(text_head)
        if kind:
            yield RawDocument(id=name, origin=origin, error=Errors.E104.format(what=repr(origin), kind=kind))
            return
    yield from _jsonl_records(itertools.chain(head, lines), origin, max_chars, limit, fields)


def _leading_lines(lines: Iterator[bytes | int]) -> list[bytes | int]:
    """The lines up to the first with text (or too long to hold), that one included; a UTF-8 byte-order
    mark is dropped."""
    head: list[bytes | int] = []
    for line in lines:
        kept = line.removeprefix(codecs.BOM_UTF8) if isinstance(line, bytes) and not head else line
        head.append(kept)
        if not isinstance(kept, bytes) or kept.strip():
            break
    return head


def _plain_stream(
    start: bytes, stream: IO[bytes], origin: str, max_chars: int, encoding: str | None
) -> RawDocument:
    """`start` and the rest of `stream` as one document; `encoding` is the one it was read in, if known."""
    what = repr(origin)
    try:
        text, detected = decode(_read_capped(stream, start, max_chars, what), what)
        _check_size(text, what, max_chars)
    except InputError as exc:
        return RawDocument(id=origin, origin=origin, error=str(exc))
    return RawDocument(id=origin, origin=origin, text=text, encoding=encoding or detected)


def _jsonl_records(
    lines: Iterable[bytes | int], origin: str, max_chars: int, limit: int, fields: JsonlFields
) -> Iterator[RawDocument]:
    for number, line in enumerate(lines, start=1):
        fallback_id = f"{Path(origin).name}:{number}"
        if isinstance(line, int):  # longer than `limit`: read past, never held
            what = f"line {number} of {origin!r}"
            error = Errors.E105.format(what=what, size=f"{line:,} bytes (over {limit:,})", limit=max_chars)
            yield RawDocument(id=fallback_id, origin=f"{origin}:{number}", error=error)
            continue
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, number, origin, fallback_id, max_chars, fields)
        except InputError as exc:
            error = str(exc)
            if error.startswith("[E107]") and not line.endswith(b"\n"):  # only the last line can lack one
                error = Errors.E116.format(line=number, path=origin, reason=f"{len(line):,} bytes so far")
            yield RawDocument(id=exc.doc_id or fallback_id, origin=f"{origin}:{number}", error=error)


def _jsonl_record(
    line: bytes, number: int, origin: str, fallback_id: str, max_chars: int, fields: JsonlFields
) -> RawDocument:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        reason = f"bad UTF-8 byte 0x{line[exc.start]:02x} at column {exc.start + 1}; JSONL must be UTF-8"
        raise InputError(Errors.E107.format(line=number, path=origin, reason=reason)) from exc
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        raise InputError(Errors.E107.format(line=number, path=origin, reason=exc)) from exc
    except RecursionError as exc:
        reason = "arrays or objects nested too deeply"
        raise InputError(Errors.E107.format(line=number, path=origin, reason=reason)) from exc
    if not isinstance(record, dict):
        reason = f"got a JSON {type(record).__name__}, not an object"
        raise InputError(Errors.E108.format(line=number, path=origin, reason=reason))
    doc_id = record_id(record)
    doc_id = readable(str(doc_id)) if doc_id not in (None, "") else fallback_id
    what = f"record {doc_id!r} (line {number} of {origin!r})"
    body, is_html = fields.body(record)
    if body is None:
        wanted = f"'{fields.text}'" if fields.text else "'text' or 'html' (or 'maintext', 'content', 'body')"
        reason = f"no string {wanted} field"
        raise InputError(Errors.E108.format(line=number, path=origin, reason=reason), doc_id)
    if not body.strip():
        raise InputError(Errors.E103.format(what=what), doc_id)
    invalid = surrogate_error(body, what)
    if invalid:
        raise InputError(invalid, doc_id)
    try:
        _check_size(body, what, html_chars(max_chars) if is_html else max_chars, html=is_html)
        value, date_field = fields.date_of(record)
        date = normalize_date(value, f"{what}, field {date_field!r}")
    except InputError as exc:
        raise InputError(str(exc), doc_id) from exc
    title, url = fields.title_of(record), fields.url_of(record)
    return RawDocument(
        id=doc_id,
        origin=f"{origin}:{number}",
        text=None if is_html else body,
        html=body if is_html else None,
        title=readable(title) if title else None,
        date=date,
        url=readable(url) if url else None,
        encoding="utf-8",
        text_limit=max_chars if is_html else None,
    )


def _check_size(text: str, what: str, max_chars: int, *, html: bool = False) -> None:
    """E105 past `max_chars` (for HTML, the page's own limit: `limits.html_chars`)."""
    if len(text) > max_chars:
        size = f"{len(text):,} characters{' of HTML' if html else ''}"
        raise InputError(Errors.E105.format(what=what, size=size, limit=max_chars))
