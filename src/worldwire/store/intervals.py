"""Intervals written the way people write them: 90s, 15m, 1h, 7d, 2w (a bare number is seconds)."""

from __future__ import annotations

import re

from worldwire.errors import Errors, WorldwireError

_INTERVAL = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(s|sec|m|min|h|d|w)?\s*", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_interval(value: str | int | float, what: str, *, least: float = 0.0) -> float:
    """`value` in seconds; E904 when it is no interval, or shorter than `least` seconds."""
    match = _INTERVAL.fullmatch(str(value)) if not isinstance(value, bool) else None
    seconds = float(match[1]) * _UNIT[(match[2] or "s").lower()] if match else None
    if seconds is None or seconds < least or seconds <= 0:
        at_least = f", at least {least:g} s" if least else ""
        raise WorldwireError(Errors.E904.format(value=value, what=what, least=at_least))
    return seconds


def parse_days(value: str | int, what: str) -> int:
    """A whole number of days: an integer, or an interval such as 7d, 2w, 365d."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value}d"
    seconds = parse_interval(value, what, least=86400)
    if seconds % 86400:
        raise WorldwireError(Errors.E904.format(value=value, what=what, least=", in whole days"))
    return int(seconds // 86400)
