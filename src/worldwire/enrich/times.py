"""Time expressions, resolved against the publication date.

Values are ISO strings at the precision written: a day "2023-05-17", an ISO week "2023-W20", a month
"2023-04" or a year "2030". Absolute years and dates ("by 2030", "May 17, 2023") resolve on their own;
relative ones ("on Wednesday", "last month", "three decades ago") need the publication date and stay
None without it, never invented. A bare weekday is the latest such day on or before the publication
date, unless its sentence speaks of the future ("will meet on Friday"), then the next one. A month or
day written without a year takes a year written earlier in its sentence, else the publication year (the
year before when the month lies ahead and the sentence is not about the future). "The next day" counts
from a day of the story and stays None; month and day names opening a name ("March Madness", "USA
Today") are not times.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors
from worldwire.models import AnnotatedDocument, Sentence, TimeExpression

_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_YEAR = re.compile(r"(?<![\d,.])\b((?:1[89]|20)\d{2})\b(?![,.]?\d)")
_SOON_DAYS = 45  # a written day this close ahead of publication is upcoming, not last year's
_UNIT_NAMES = ("day", "week", "month", "year", "decade", "century")
_WEEKDAY_SHIFTS = ("last", "next", "this", "on", "early", "late")  # "last Friday", "on Friday"


@dataclass(frozen=True, slots=True)
class TimeRules:
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    days: Mapping[str, int]
    units: Mapping[str, str]
    shifts: Mapping[str, int]
    future_cues: tuple[str, ...]
    anaphoric: frozenset[str]
    pattern: re.Pattern[str]


@data_validator("times")
def _build(raw: Mapping[str, Any], where: str) -> TimeRules:
    require_schema(raw, "times/1", where)
    weekdays = string_list(raw, "weekdays", where)
    months = string_list(raw, "months", where)
    abbreviations = string_list(raw, "month_abbreviations", where)
    if len(weekdays) != 7 or len(months) != 12 or len(abbreviations) != 12:
        raise DataFileError(Errors.E403.format(path=where, reason="need 7 weekdays and 12 months"))
    days = dict(require(raw, "days", dict, where))
    units = dict(require(raw, "units", dict, where))
    shifts = dict(require(raw, "shifts", dict, where))
    if not set(units.values()) <= set(_UNIT_NAMES):
        raise DataFileError(Errors.E403.format(path=where, reason=f"[units] values must be in {_UNIT_NAMES}"))
    month = rf"(?P<month>{_alt(months)}|(?:{_alt(abbreviations)})\.?)"
    prepositions = string_list(raw, "year_prepositions", where)
    year_preps = _alt(prepositions)
    number = rf"(?P<n>\d+|{_alt(_NUMBER_WORDS)}|a|an)"
    month_heads = _heads(months, abbreviations)
    my_heads = _heads(months, ("in", "since", "by", "until"))
    ago_heads = _heads(_NUMBER_WORDS, ("a", "an"), digits=True)
    weekday_heads = _heads(weekdays, _WEEKDAY_SHIFTS)
    weekday_shifts = "|".join(_WEEKDAY_SHIFTS)
    pattern = re.compile(
        "|".join(
            [
                rf"{month_heads}(?P<mdy>{month}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(?P<year>\d{{4}}))?)\b",
                rf"(?=\d)(?P<dmy>(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<month2>{_alt(months)})(?:,?\s(?P<year2>\d{{4}}))?)\b",
                rf"{my_heads}(?P<my>(?:in\s|since\s|by\s|until\s)?(?P<month3>{_alt(months)})(?:\s(?P<year3>\d{{4}})|(?!\s\d)))\b",
                rf"{ago_heads}(?P<ago>{number}\s(?P<unit>{_alt(units)})\sago)\b",
                rf"{_heads(shifts)}(?P<shift>(?P<which>{_alt(shifts)})(?:\s(?:this|last))?\s(?P<unit2>{_alt(units)}))\b",
                rf"{weekday_heads}(?P<weekday>(?:(?P<wshift>{weekday_shifts})\s)?(?P<wd>{_alt(weekdays)}))\b",
                rf"{_heads(days)}(?P<relday>{_alt(days)})\b",
                rf"{_heads(prepositions)}(?P<yr>(?:{year_preps})\s(?P<year4>(?:1[89]|20)\d{{2}}))\b",
            ]
        ),
        re.IGNORECASE,
    )
    return TimeRules(
        weekdays=tuple(w.lower() for w in weekdays),
        months=tuple(m.lower() for m in months),
        month_abbreviations=tuple(m.lower() for m in abbreviations),
        days={k.lower(): int(v) for k, v in days.items()},
        units={k.lower(): v for k, v in units.items()},
        shifts={k.lower(): int(v) for k, v in shifts.items()},
        future_cues=string_list(raw, "future_cues", where),
        anaphoric=frozenset(w.lower() for w in string_list(raw, "anaphoric_shifts", where)),
        pattern=pattern,
    )


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _heads(*groups: Iterable[str], digits: bool = False) -> str:
    """A lookahead for the characters an alternative of the time pattern can start with: the first letters
    of its words (and a digit). It only skips, at once, positions where the alternative would fail after
    trying every word, which makes the scan twice as fast; the matches are the same. Empty (no lookahead)
    when a word could start otherwise (empty, or opening with regular-expression syntax)."""
    words = [word for group in groups for word in group]
    if any(not w[:1].isalnum() or w[1:2] in ("?", "*", "{") or "|" in w for w in words):
        return ""
    return "(?=[" + ("\\d" if digits else "") + "".join(sorted({w[0] for w in words})) + "])"


def _month_number(word: str, rules: TimeRules) -> int:
    w = word.lower().rstrip(".")
    return rules.months.index(w) + 1 if w in rules.months else rules.month_abbreviations.index(w[:3]) + 1


def _shift_month(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def _count(word: str) -> int:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return 1 if w in ("a", "an") else _NUMBER_WORDS.index(w) + 1


def find_times(
    doc: AnnotatedDocument, sentences: tuple[Sentence, ...] | None = None
) -> tuple[TimeExpression, ...]:
    """Every time expression in the body, with its value (None where it cannot be resolved)."""
    rules: TimeRules = load_data("times")
    text = doc.clean.text
    published = _parse_date(doc.clean.date)
    sentences = doc.sentences if sentences is None else sentences
    starts = [s.start for s in sentences]
    found = []
    for m in rules.pattern.finditer(text):
        start, end = m.span()
        if m.group("my") and not m.group("year3") and m.group("month3").lower() == "may":
            continue  # "may" is far more often the verb
        if m.group("my") and not m.group("year3") and _names_something(text, m):
            continue  # "March Madness", "July Revolution": a month opening a name
        named = "wd" if m.group("weekday") else "month3" if m.group("my") else None
        if named is not None and not text[m.start(named)].isupper():
            continue
        if m.group("relday") and _names_something_before(text, start):
            continue  # "USA Today": a capitalised relative day inside a name
        index = bisect.bisect_right(starts, start) - 1
        has_sentence = index >= 0 and bool(sentences)
        sentence = text[sentences[index].start : sentences[index].end] if has_sentence else ""
        future = any(re.search(rf"\b{re.escape(c)}\b", sentence, re.IGNORECASE) for c in rules.future_cues)
        if future and m.group("weekday") and _told_in_past(doc, m.start("wd")):
            future = False  # "On Sunday he announced he is to send a bill in the next ten days"
        told = _told_year(text, sentences[index].start if has_sentence else start, start, published)
        value = None if _anaphoric(text, m, rules) else _value(m, published, future, rules, told)
        found.append(TimeExpression(m.group(0), start, end, value))
    return tuple(found)


def _told_in_past(doc: AnnotatedDocument, at: int) -> bool:
    """The verb the weekday hangs on is in the simple past."""
    for seg in doc.segments:
        if not seg.offset <= at < seg.offset + len(seg.doc.text):
            continue
        token = seg.doc.char_span(at - seg.offset, at - seg.offset + 1, alignment_mode="expand")
        if token is None or not len(token):
            return False
        verb = token[0]
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        return verb.tag_ == "VBD"
    return False


def _told_year(text: str, sentence_start: int, start: int, published: dt.date | None) -> int | None:
    """The last year written earlier in the sentence ("in the 2016 election ... until July"), which a
    month or day written without a year belongs to; never one after the publication year."""
    years = [int(y.group(1)) for y in _YEAR.finditer(text, sentence_start, start)]
    if published is not None:
        years = [y for y in years if y <= published.year]
    return years[-1] if years else None


def _names_something_before(text: str, start: int) -> bool:
    """A capitalised "Today" right after a capitalised word is part of a name ("USA Today")."""
    if not text[start : start + 1].isupper():
        return False
    before = re.search(r"(\w+)\s+$", text[max(0, start - 40) : start])
    return before is not None and before.group(1)[:1].isupper()


def _anaphoric(text: str, m: re.Match[str], rules: TimeRules) -> bool:
    """ "The next day" counts from an event told in the story, not from the publication date: unresolved."""
    return bool(
        m.group("shift")
        and m.group("which").lower() in rules.anaphoric
        and text[max(0, m.start() - 4) : m.start()].lower() == "the "
    )


def _names_something(text: str, m: re.Match[str]) -> bool:
    """A bare month (no preposition, no year) followed by a capitalised word opens a name."""
    if m.start("month3") != m.start():
        return False
    following = re.match(r"\s+(\w)", text[m.end() : m.end() + 3])
    return following is not None and following.group(1).isupper()


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _value(
    m: re.Match[str], published: dt.date | None, future: bool, rules: TimeRules, told: int | None = None
) -> str | None:
    g = m.groupdict()
    if g["yr"]:
        return str(g["year4"])
    if g["mdy"] or g["dmy"] or g["my"]:
        return _calendar_value(g, published, future, rules, told)
    return None if published is None else _relative_value(g, published, future, rules)


def _relative_value(g: Mapping[str, Any], published: dt.date, future: bool, rules: TimeRules) -> str:
    """Days, weekdays, "N units ago" and "last/next/this unit", counted from the publication date."""
    if g["relday"]:
        return (published + dt.timedelta(days=rules.days[g["relday"].lower()])).isoformat()
    if g["weekday"]:
        return _weekday_value(g["wd"], (g["wshift"] or "").lower(), published, future, rules)
    if g["ago"]:
        return _move(published, rules.units[g["unit"].lower()], -_count(g["n"]))
    return _move(published, rules.units[g["unit2"].lower()], rules.shifts[g["which"].lower()])


def _calendar_value(
    g: Mapping[str, Any], published: dt.date | None, future: bool, rules: TimeRules, told: int | None = None
) -> str | None:
    """A written date ("May 17, 2023", "17 May", "March 2022", "in March")."""
    if g["my"]:
        month = _month_number(g["month3"], rules)
        year = int(g["year3"]) if g["year3"] else told or _nearest_year(month, published, future)
        return None if year is None else f"{year:04d}-{month:02d}"
    month = _month_number(g["month"] or g["month2"], rules)
    day = int(g["day"] or g["day2"])
    year_text = g["year"] or g["year2"]
    year = int(year_text) if year_text else told or _nearest_year(month, published, future)
    if year is None:
        return None
    if not year_text and not told and published is not None and year == published.year - 1:
        ahead = _date_or_none(published.year, month, day)
        if ahead is not None and 0 < (ahead - published).days <= _SOON_DAYS:
            year = published.year  # "until October 14" in a late-September article is this year's
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_value(name: str, shift: str, published: dt.date, future: bool, rules: TimeRules) -> str:
    target = rules.weekdays.index(name.lower())
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if shift == "next":
        days = ahead or 7
    elif shift == "last":
        days = -(back or 7)
    else:
        days = ahead if future else -back
    return (published + dt.timedelta(days=days)).isoformat()


def _nearest_year(month: int, published: dt.date | None, future: bool) -> int | None:
    """The year of a month written without one: the publication year, or the one before when the month
    lies ahead of publication and the sentence is not about the future."""
    if published is None:
        return None
    if month > published.month and not future:
        return published.year - 1
    return published.year


def _move(published: dt.date, unit: str, n: int) -> str:
    """The date `n` units from publication, at the unit's precision."""
    if unit == "day":
        return (published + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (published + dt.timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        year, month = _shift_month(published, n)
        return f"{year:04d}-{month:02d}"
    per = {"year": 1, "decade": 10, "century": 100}[unit]
    return f"{published.year + n * per:04d}"
