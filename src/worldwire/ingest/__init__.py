"""Ingest: turn paths and standard input into `RawDocument`s, one per article, never raising.

A file or line that cannot be read still yields a document, with `error` saying why, so that every
input is accounted for and the batch goes on.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date as Date
from pathlib import Path
from typing import IO, Any, cast

from worldwire.errors import Errors, InputError
from worldwire.ingest.decode import decode
from worldwire.models import RawDocument

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"

__all__ = ["STDIN", "SUPPORTED_SUFFIXES", "normalize_date", "read_inputs"]


def read_inputs(
    inputs: Sequence[str], *, max_chars: int, stdin: IO[bytes] | None = None
) -> Iterator[RawDocument]:
    """Yield the documents of `inputs` in order; no inputs, or '-', means JSONL on standard input."""
    for item in inputs or [STDIN]:
        if item == STDIN:
            yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", max_chars)
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if _supported(p) and not _hidden(p, path)):
                yield from _read_file(child, max_chars)
        else:
            yield from _read_file(path, max_chars)


def normalize_date(value: Any, what: str) -> str | None:
    """'YYYY-MM-DD' or 'YYYYMMDD' (a date-time keeps its date part) to ISO 'YYYY-MM-DD'; None stays None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    candidate = text[:10] if len(text) >= 10 and text[4] == "-" else text[:8]
    try:
        if len(candidate) == 8 and candidate.isdigit():
            return Date(int(candidate[:4]), int(candidate[4:6]), int(candidate[6:])).isoformat()
        return Date.fromisoformat(candidate).isoformat()
    except ValueError as exc:
        raise InputError(Errors.E109.format(value=value, what=what)) from exc


def _supported(path: Path) -> bool:
    return path.is_file() and _suffix(path) in SUPPORTED_SUFFIXES


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _read_file(path: Path, max_chars: int) -> Iterator[RawDocument]:
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    origin = str(path)

    def failed(message: str) -> RawDocument:
        return RawDocument(id=name, origin=origin, error=message)

    if not path.exists():
        yield failed(Errors.E101.format(path=origin))
        return
    suffix = _suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield failed(Errors.E102.format(suffix=suffix or path.name, path=origin))
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with _open_binary(path) as stream:
                yield from _read_stream(stream, origin, max_chars)
            return
        size = path.stat().st_size
        # 4 bytes per character at most in UTF-8: a file over this cannot be under the limit.
        if size > 4 * max_chars:
            yield failed(Errors.E105.format(what=repr(origin), size=f"{size:,} bytes", limit=max_chars))
            return
        with _open_binary(path) as stream:
            data = stream.read(4 * max_chars + 1)
    except (OSError, EOFError) as exc:
        yield failed(Errors.E110.format(path=origin, reason=getattr(exc, "strerror", None) or exc))
        return
    is_html = suffix in HTML_SUFFIXES
    try:
        text, encoding = decode(data, repr(origin), html=is_html)
        _check_size(text, repr(origin), max_chars)
    except InputError as exc:
        yield failed(str(exc))
        return
    if is_html:
        yield RawDocument(id=name, origin=origin, html=text, encoding=encoding)
    else:
        yield RawDocument(id=name, origin=origin, text=text, encoding=encoding)


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _read_stream(stream: IO[bytes], origin: str, max_chars: int) -> Iterator[RawDocument]:
    """JSONL records, one per line; a stream whose first line is not JSON is one plain-text document."""
    lines = iter(stream)
    first = next(lines, b"")
    if first.strip() and not first.lstrip().startswith(b"{"):
        yield _plain_stream(first, lines, origin, max_chars)
        return
    yield from _jsonl_records(_chain_first(first, lines), origin, max_chars)


def _chain_first(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _plain_stream(first: bytes, rest: Iterable[bytes], origin: str, max_chars: int) -> RawDocument:
    data = first + b"".join(rest)
    try:
        text, encoding = decode(data, origin)
        _check_size(text, origin, max_chars)
    except InputError as exc:
        return RawDocument(id=origin, origin=origin, error=str(exc))
    return RawDocument(id=origin, origin=origin, text=text, encoding=encoding)


def _jsonl_records(lines: Iterable[bytes], origin: str, max_chars: int) -> Iterator[RawDocument]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fallback_id = f"{Path(origin).name}:{number}"
        try:
            yield _jsonl_record(line, number, origin, fallback_id, max_chars)
        except InputError as exc:
            yield RawDocument(id=exc.doc_id or fallback_id, origin=f"{origin}:{number}", error=str(exc))


def _jsonl_record(line: bytes, number: int, origin: str, fallback_id: str, max_chars: int) -> RawDocument:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        reason = f"bad UTF-8 byte 0x{line[exc.start]:02x} at column {exc.start + 1}; JSONL must be UTF-8"
        raise InputError(Errors.E107.format(line=number, path=origin, reason=reason)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E107.format(line=number, path=origin, reason=exc)) from exc
    if not isinstance(record, dict):
        reason = f"got a JSON {type(record).__name__}, not an object"
        raise InputError(Errors.E108.format(line=number, path=origin, reason=reason))
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else fallback_id
    what = f"record {doc_id!r} (line {number} of {origin!r})"
    text, html = record.get("text"), record.get("html")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str):
        reason = "no string 'text' or 'html' field"
        raise InputError(Errors.E108.format(line=number, path=origin, reason=reason), doc_id)
    if not body.strip():
        raise InputError(Errors.E103.format(what=what), doc_id)
    try:
        _check_size(body, what, max_chars)
        date = normalize_date(record.get("date"), what)
    except InputError as exc:
        raise InputError(str(exc), doc_id) from exc
    title, url = record.get("title"), record.get("url")
    return RawDocument(
        id=doc_id,
        origin=f"{origin}:{number}",
        text=None if body is html else body,
        html=body if body is html else None,
        title=title if isinstance(title, str) and title.strip() else None,
        date=date,
        url=url if isinstance(url, str) and url else None,
        encoding="utf-8",
    )


def _check_size(text: str, what: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError(Errors.E105.format(what=what, size=f"{len(text):,} characters", limit=max_chars))
