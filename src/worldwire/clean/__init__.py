"""Clean: a `RawDocument` becomes a `CleanDocument` whose `text` every later offset refers to."""

from __future__ import annotations

from worldwire.clean.html import extract_article
from worldwire.clean.text import clean_text
from worldwire.errors import Errors, InputError
from worldwire.ingest.dates import parse_date
from worldwire.ingest.guard import surrogate_error
from worldwire.models import CleanDocument, RawDocument

__all__ = ["clean_document", "clean_text"]


def clean_document(
    raw: RawDocument, *, raw_mode: bool = False, default_date: str | None = None
) -> CleanDocument:
    """Clean one document; never raises: a failure becomes the document's `error`.

    Args:
        raw: what ingest read.
        raw_mode: the text is already a clean body: keep it exactly, so offsets refer to the input.
        default_date: publication date (YYYY-MM-DD) for documents that carry none.
    """
    if raw.error:
        return CleanDocument(raw=raw, text="", title=raw.title, date=raw.date, error=raw.error)
    what = repr(raw.id)
    invalid = surrogate_error(raw.html if raw.html is not None else raw.text or "", what)
    if invalid:  # spaCy, DuckDB and stdout all refuse such text: fail here, not the batch there
        return CleanDocument(raw=raw, text="", title=raw.title, date=raw.date, error=invalid)
    try:
        return _clean(raw, what, raw_mode, default_date)
    except InputError as exc:
        return CleanDocument(raw=raw, text="", title=raw.title, date=raw.date, error=str(exc))


def _clean(raw: RawDocument, what: str, raw_mode: bool, default_date: str | None) -> CleanDocument:
    """The body, title, date and URL. A date given with the input wins, then the page's metadata, then
    the date a dateline states ("ANKARA, Dec 12, 2024 (AP) —"), and only then `default_date`."""
    url = raw.url
    if raw.html is not None:
        article = extract_article(raw.html, what)
        if raw.text_limit is not None and len(article.text) > raw.text_limit:
            size = f"{len(article.text):,} characters of article text"
            raise InputError(Errors.E105.format(what=what, size=size, limit=raw.text_limit))
        body, title = article.text, raw.title or article.title
        date = raw.date or parse_date(article.date)
        url = url or _web_address(article.url)
        find_headline, unwrap = False, False
    else:
        body, title, date = raw.text or "", raw.title, raw.date
        find_headline, unwrap = True, True
    if raw_mode:
        return CleanDocument(raw=raw, text=body, title=title, date=date or default_date, url=url)
    cleaned = clean_text(body, title=title, find_headline=find_headline, unwrap_lines=unwrap)
    if not cleaned.text.strip():
        kinds = ", ".join(sorted({r.kind for r in cleaned.removed})) or "no text"
        raise InputError(Errors.E203.format(what=what, kinds=kinds))
    if not any(char.isalpha() for char in cleaned.text):
        raise InputError(Errors.E204.format(what=what))
    if date is None and cleaned.dateline is not None:
        date = parse_date(cleaned.dateline.date)
    return CleanDocument(
        raw=raw,
        text=cleaned.text,
        title=cleaned.title,
        date=date or default_date,
        removed=cleaned.removed,
        dateline=cleaned.dateline,
        url=url,
    )


def _web_address(url: str | None) -> str | None:
    """A page's own URL from its metadata, if it is an absolute web address (not "/story/1" or "#")."""
    if url and url.strip().lower().startswith(("http://", "https://")) and " " not in url.strip():
        return url.strip()
    return None
