"""Publication dates in the forms news carries them: ISO dates and date-times, basic YYYYMMDD, RFC 822
feed dates and written dates with a month name ("March 3, 2025", "3 Mar 2025", "Dec 12, 2024").

A date is kept as written (a date-time's own calendar day, never shifted to another time zone). Numeric
forms with slashes or dots ("03/04/2025") are refused: the day and the month cannot be told apart.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date as Date
from email.utils import parsedate_to_datetime
from typing import Any

# YYYY-MM-DD or YYYYMMDD, alone or as the date part of a date-time ("2023-05-17T09:30:00Z").
_ISO = re.compile(r"([0-9]{4})(-?)([0-9]{2})\2([0-9]{2})(?:[T ].*)?", re.IGNORECASE | re.DOTALL)
# A form made of digits and separators only is ISO or nothing (no month name to anchor the order).
_NUMERIC = re.compile(r"[0-9\s:+\-./TZtz]*")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I)
_MAX_CHARS = 80  # a date longer than this is a sentence, not a date
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],  # "Dec 12" alone says no year: no date rather than a guess
    "PARSERS": ["absolute-time"],  # "yesterday" needs a reference day the record does not give
    "RETURN_AS_TIMEZONE_AWARE": False,
}

__all__ = ["parse_date"]


def parse_date(value: Any) -> str | None:
    """`value` as ISO 'YYYY-MM-DD', or None when it is empty or not a date in a form listed above."""
    text = "" if value is None or isinstance(value, bool) else str(value).strip()
    if not text or len(text) > _MAX_CHARS:
        return None
    match = _ISO.fullmatch(text)
    if match:
        with contextlib.suppress(ValueError):  # a month or day out of range
            return Date(int(match[1]), int(match[3]), int(match[4])).isoformat()
        return None
    if _NUMERIC.fullmatch(text) or not _MONTH.search(text):
        return None
    with contextlib.suppress(TypeError, ValueError, IndexError):  # RFC 822, as RSS writes it
        return parsedate_to_datetime(text).date().isoformat()
    return _written_date(text)


def _written_date(text: str) -> str | None:
    import dateparser  # deferred: only dates written out in words need it

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date().isoformat() if parsed is not None else None
