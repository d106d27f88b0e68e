"""Which fields of a JSONL record hold the article, its date, URL and title.

worldwire's own layout is `{"id", "text" or "html", "title", "date", "url"}`. Crawlers write others:
news-please `maintext`, `date_publish`; NewsAPI `content`, `publishedAt`; many `body`, `published`,
`link`, `headline`. Those names are recognised as they are; any other layout is read by naming its
fields (`--text-field`, `--date-field`, `--url-field`, `--title-field`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# In order of preference: the first one a record has (as a non-empty string) is used.
HTML_FIELDS = ("html", "raw_html")
TEXT_FIELDS = ("text", "maintext", "content", "body", "article", "article_text", "full_text", "fulltext")
SUMMARY_FIELDS = ("description", "summary")  # a crawler's teaser: the text when there is no body
DATE_FIELDS = (
    "date", "date_publish", "published", "published_at", "publishedAt", "publish_date", "pubDate",
    "date_published", "datePublished", "pub_date",
)  # fmt: skip
URL_FIELDS = ("url", "link", "source_url", "canonical_url")
TITLE_FIELDS = ("title", "headline")
ID_FIELDS = ("id", "_id", "uuid", "guid")


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Fields the user named for a JSONL layout worldwire does not know; None: the known names."""

    text: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None

    def body(self, record: dict[str, Any]) -> tuple[str | None, bool]:
        """(the article, whether it is HTML); the article is None when no text field holds a string,
        "" when those there are blank. A named field holds HTML when its value starts with a tag."""
        if self.text is not None:
            value = record.get(self.text)
            if not isinstance(value, str):
                return None, False
            return value, value.lstrip().startswith("<")
        found: tuple[str | None, bool] = (None, False)
        for names, html in ((HTML_FIELDS, True), (TEXT_FIELDS, False), (SUMMARY_FIELDS, False)):
            for name in names:
                value = record.get(name)
                if isinstance(value, str):
                    if value.strip():
                        return value, html
                    found = ("", html)
        return found

    def date_of(self, record: dict[str, Any]) -> tuple[Any, str]:
        return _first(record, (self.date,) if self.date else DATE_FIELDS)

    def url_of(self, record: dict[str, Any]) -> str | None:
        value, _ = _first(record, (self.url,) if self.url else URL_FIELDS)
        return value if isinstance(value, str) and value.strip() else None

    def title_of(self, record: dict[str, Any]) -> str | None:
        value, _ = _first(record, (self.title,) if self.title else TITLE_FIELDS)
        return value if isinstance(value, str) and value.strip() else None


def record_id(record: dict[str, Any]) -> Any:
    value, _ = _first(record, ID_FIELDS)
    return value


def _first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[Any, str]:
    """The first of `names` the record holds a value for (not null, not ""), and its name."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value, name
    return None, names[0]
