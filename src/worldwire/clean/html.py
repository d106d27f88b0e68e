"""HTML to article text with trafilatura (body, title, date, URL), before the plain-text debris filter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from worldwire.errors import Errors, InputError

if TYPE_CHECKING:
    from trafilatura.settings import Document

# trafilatura is imported where a page is extracted, not with this module: plain-text and JSONL input
# never need it, and every ingest worker process would otherwise pay 0.15 s of CPU importing it.

# Measured on the article-extraction benchmark (`worldwire eval aeb`): leaving comments out and favouring
# precision beats trafilatura's defaults on news pages; the debris filter then takes what it keeps.
PRECISION_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
}
RECALL_OPTIONS: dict[str, Any] = {"include_comments": False, "favor_recall": True, "include_tables": True}
# When the precise extract is under this share of the recall-oriented one, precision mode has cut the
# article itself (a body split over several containers), not just boilerplate: take the longer one.
MIN_PRECISION_SHARE = 0.5
# trafilatura treats a page without "html" in its first 50 characters as a possible fragment.
_FRAGMENT_SNIFF_CHARS = 50
_TAG = re.compile(r"<[A-Za-z]")
# libxml2 builds no deeper tree than this; text nested deeper is dropped without an error.
_PARSER_MAX_DEPTH = 255


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    date: str | None
    url: str | None


def extract_article(html: str, what: str) -> HtmlArticle:
    """The article in `html`; raises `InputError` when the page has none or cannot be parsed."""
    document = html
    article = _extract(document, what)
    if article is None and _is_fragment(html):
        document = f"<html><body>{html}</body></html>"
        article = _extract(document, what)
    if article is None:
        if _nesting_depth(document) >= _PARSER_MAX_DEPTH:
            reason = f"elements nested over {_PARSER_MAX_DEPTH} deep, past which the HTML parser drops text"
            raise InputError(Errors.E202.format(what=what, reason=reason))
        raise InputError(Errors.E201.format(what=what))
    return article


def _extract(html: str, what: str) -> HtmlArticle | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, **PRECISION_OPTIONS)
        broad = trafilatura.extract(html, **RECALL_OPTIONS) or ""
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        raise InputError(Errors.E202.format(what=what, reason=type(exc).__name__)) from exc
    result = cast("Document | None", result)  # a dict only with as_dict=True, which is not asked for
    text = (result.text or "") if result is not None else ""
    if len(text) < MIN_PRECISION_SHARE * len(broad):
        text = broad
    if result is None or not any(char.isalpha() for char in text):  # "<<< &&& >>>" is no article
        return None
    return HtmlArticle(
        text=text,
        title=(result.title or "").strip() or None,
        date=result.date or None,
        url=result.url or None,
    )


def _is_fragment(html: str) -> bool:
    """Whether `html` is markup without "html" near its start, such as "<p>...</p>" or "<div>...</div>".

    trafilatura drops such a page when it parses to a single block, yet a fragment is still an article
    once it is given a document.
    """
    return "html" not in html[:_FRAGMENT_SNIFF_CHARS].lower() and _TAG.search(html) is not None


def _nesting_depth(html: str) -> int:
    """How many levels deep the parsed page goes (libxml2 stops at `_PARSER_MAX_DEPTH`)."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        return 0
    return max(sum(1 for _ in element.iterancestors()) for element in tree.iter())
