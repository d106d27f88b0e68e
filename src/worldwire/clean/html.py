"""HTML to article text with trafilatura (body, title, date, URL), before the plain-text debris filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import trafilatura

from worldwire.errors import Errors, InputError

if TYPE_CHECKING:
    from trafilatura.settings import Document

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


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    date: str | None
    url: str | None


def extract_article(html: str, what: str) -> HtmlArticle:
    """The article in `html`; raises `InputError` when the page has none or cannot be parsed."""
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, **PRECISION_OPTIONS)
        broad = trafilatura.extract(html, **RECALL_OPTIONS) or ""
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        raise InputError(Errors.E202.format(what=what, reason=type(exc).__name__)) from exc
    result = cast("Document | None", result)  # a dict only with as_dict=True, which is not asked for
    text = (result.text or "") if result is not None else ""
    if len(text) < MIN_PRECISION_SHARE * len(broad):
        text = broad
    if result is None or not text.strip():
        raise InputError(Errors.E201.format(what=what))
    return HtmlArticle(
        text=text,
        title=(result.title or "").strip() or None,
        date=result.date or None,
        url=result.url or None,
    )
