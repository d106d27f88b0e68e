"""How large an input may be before it is refused (E105).

`max_chars` bounds an article's text. A web page carries navigation, scripts and styles around its
article, so its HTML may be `HTML_FACTOR` times larger: ordinary news pages (CNN, CNBC, New York
Magazine) run past a million characters of HTML around a few thousand words. Cleaning then holds the
article text extracted from the page to `max_chars` (`RawDocument.text_limit`).
"""

from __future__ import annotations

HTML_FACTOR = 10
BYTES_PER_CHAR = (
    4  # the most a character takes in UTF-8: a file over this many bytes per character is refused unread
)


def html_chars(max_chars: int) -> int:
    """The most characters of HTML a page may have when its article may have `max_chars`."""
    return HTML_FACTOR * max_chars
