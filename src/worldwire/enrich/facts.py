"""Numeric facts: money, percentages and casualty or crowd counts, each with its sentence.

Patterns are assembled once from the vocabularies in ``data/numbers`` (currency symbols and words,
magnitude words, number words, count nouns and verbs). A money or percentage fact takes the year written
after it in the same sentence, before the next amount ("$31 billion in 2022 to $40 billion by 2030"),
else the year written before it with no other amount in between. Vague quantities are valued at their
least ("thousands of protesters" is 2,000); the text always shows what was written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors
from worldwire.models import AnnotatedDocument, Fact, Sentence

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_YEAR_WINDOW = 60


@dataclass(frozen=True, slots=True)
class NumberRules:
    magnitudes: Mapping[str, float]
    number_words: Mapping[str, float]
    vague: Mapping[str, float]
    symbols: Mapping[str, str]
    currency_words: Mapping[str, str]
    money: tuple[re.Pattern[str], ...]
    percent: re.Pattern[str]
    counts: tuple[re.Pattern[str], ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _float_table(raw: Mapping[str, Any], key: str, where: str) -> dict[str, float]:
    table = require(raw, key, dict, where)
    if not table or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in table.values()
    ):
        raise DataFileError(
            Errors.E403.format(path=where, reason=f"[{key}] must map words to positive numbers")
        )
    return {k.lower(): float(v) for k, v in table.items()}


def _str_table(raw: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    table = require(raw, key, dict, where)
    if not table or not all(isinstance(v, str) and len(v) == 3 for v in table.values()):
        raise DataFileError(Errors.E403.format(path=where, reason=f"[{key}] must map to ISO 4217 codes"))
    return dict(table)


@data_validator("numbers")
def _build(raw: Mapping[str, Any], where: str) -> NumberRules:
    require_schema(raw, "numbers/1", where)
    magnitudes = _float_table(raw, "magnitudes", where)
    number_words = _float_table(raw, "number_words", where)
    vague = _float_table(raw, "vague", where)
    symbols = _str_table(raw, "currency_symbols", where)
    words = {k.lower(): v for k, v in _str_table(raw, "currency_words", where).items()}
    counts = require(raw, "counts", dict, where)
    nouns = _alternation(list(string_list(counts, "nouns", where)))
    verbs = _alternation(list(string_list(counts, "verbs", where)))
    states = _alternation(list(string_list(counts, "states", where)))
    hedges = _alternation(list(string_list(counts, "hedges", where)))
    long_mags = _alternation([m for m in magnitudes if len(m) > 1])
    short_mags = _alternation([m for m in magnitudes if len(m) == 1])
    number_word = _alternation([w for w in number_words if w not in ("a", "an")])
    amount = rf"(?P<num>{_NUM}|(?:{number_word})(?:[- ](?:{number_word}))?)"
    magnitude = rf"(?:\s?(?P<mag>{long_mags}|{short_mags})\b)?"
    symbol = rf"(?P<sym>{_alternation(list(symbols))})"
    word = rf"(?P<cur>{_alternation(list(words))})\b"
    codes = _alternation(sorted(c.upper() for c, iso in words.items() if c == iso.lower()))
    money = (
        re.compile(rf"{symbol}\s?{amount}{magnitude}", re.IGNORECASE),
        re.compile(rf"\b(?-i:(?P<code>{codes}))\s?{amount}{magnitude}", re.IGNORECASE),
        re.compile(rf"\b{amount}{magnitude}\s{word}", re.IGNORECASE),
    )
    percent = re.compile(
        rf"\b{amount}\s?(?P<pct>{_alternation(list(string_list(raw, 'percent', where)))})(?!\w)",
        re.IGNORECASE,
    )
    vague_words = _alternation(list(vague))
    adjective = r"(?:[A-Za-z][\w-]*\s)?"
    count_magnitude = r"(?:\s(?P<mag>million|thousand|hundred))?"
    count_amount = rf"(?P<num>{_NUM}|(?:{number_word})(?:[- ](?:{number_word}))?){count_magnitude}"
    counts_patterns = (
        re.compile(rf"\b(?P<vague>{vague_words})\sof\s{adjective}(?P<unit>{nouns})\b", re.IGNORECASE),
        re.compile(rf"\b(?P<unit>{verbs})\s(?:(?:{hedges})\s)?{count_amount}\b", re.IGNORECASE),
        re.compile(rf"\b{count_amount}\s{adjective}(?P<unit>{nouns})\b", re.IGNORECASE),
        re.compile(
            rf"\b{count_amount}\s(?:(?:were|have been|had been|are|was)\s)?(?P<unit>{states})\b",
            re.IGNORECASE,
        ),
    )
    return NumberRules(
        magnitudes=magnitudes,
        number_words=number_words,
        vague=vague,
        symbols=symbols,
        currency_words=words,
        money=money,
        percent=percent,
        counts=counts_patterns,
    )


def _number(text: str, rules: NumberRules) -> float | None:
    """Digits ("1,200.5") or number words ("twenty-five", "a dozen")."""
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", text.lower()):
        value = rules.number_words.get(part)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return total or None


def _year(text: str, start: int, end: int, lo: int, hi: int, amounts: list[tuple[int, int]]) -> int | None:
    """The year after the amount (before the next one), else before it (after the previous one)."""
    next_start = min([s for s, _ in amounts if s >= end] + [hi, end + _YEAR_WINDOW])
    found = _YEAR.search(text, end, next_start)
    if found:
        return int(found.group(1))
    previous_end = max([e for _, e in amounts if e <= start] + [lo, start - _YEAR_WINDOW])
    before = list(_YEAR.finditer(text, previous_end, start))
    return int(before[-1].group(1)) if before else None


def find_facts(doc: AnnotatedDocument, sentences: tuple[Sentence, ...] | None = None) -> tuple[Fact, ...]:
    """Money, percentages and counts in the body, in text order, each with its sentence index."""
    rules: NumberRules = load_data("numbers")
    text = doc.clean.text
    sentences = doc.sentences if sentences is None else sentences
    starts = [s.start for s in sentences]
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    raw: list[tuple[str, re.Match[str]]] = []
    for pattern in rules.money:
        raw.extend(("money", m) for m in pattern.finditer(text))
    raw.extend(("percent", m) for m in rules.percent.finditer(text))
    for pattern in rules.counts:
        raw.extend(("count", m) for m in pattern.finditer(text))
    raw.sort(key=lambda km: (km[1].start(), -(km[1].end() - km[1].start())))
    accepted: list[tuple[str, re.Match[str]]] = []
    for kind, m in raw:
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            accepted.append((kind, m))
    amounts = [(m.start(), m.end()) for kind, m in accepted if kind != "count"]
    for kind, m in accepted:
        fact = _fact(kind, m, rules)
        if fact is None:
            continue
        value, currency, unit = fact
        index = max(bisect.bisect_right(starts, m.start()) - 1, 0)
        if not sentences:
            continue
        sentence = sentences[index]
        year = None
        if kind != "count":
            year = _year(text, m.start(), m.end(), sentence.start, sentence.end, amounts)
        facts.append(
            Fact(
                kind=kind,
                value=value,
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                sentence=index,
                currency=currency,
                unit=unit,
                year=year,
            )
        )
    return tuple(facts)


def _fact(kind: str, m: re.Match[str], rules: NumberRules) -> tuple[float, str | None, str | None] | None:
    groups = m.groupdict()
    if groups.get("vague"):
        return rules.vague[groups["vague"].lower()], None, groups["unit"].lower()
    number = _number(groups["num"], rules)
    if number is None:
        return None
    magnitude = groups.get("mag")
    if magnitude:
        number *= (
            rules.magnitudes.get(magnitude.lower(), 1.0) if kind == "money" else _count_magnitude(magnitude)
        )
    if kind == "money":
        currency = None
        if groups.get("sym"):
            currency = rules.symbols.get(groups["sym"]) or rules.symbols.get(groups["sym"].upper())
        elif groups.get("code"):
            currency = rules.currency_words[groups["code"].lower()]
        elif groups.get("cur"):
            currency = rules.currency_words[groups["cur"].lower()]
        return number, currency, currency
    if kind == "percent":
        return number, None, "percent"
    if _is_year(groups["num"], magnitude):
        return None
    return number, None, groups["unit"].lower()


def _count_magnitude(word: str) -> float:
    return {"hundred": 1e2, "thousand": 1e3, "million": 1e6}.get(word.lower(), 1.0)


def _is_year(num: str, magnitude: str | None) -> bool:
    """A bare four-digit 19xx/20xx before "people" is a year ("the 2019 protesters"), not a count."""
    return magnitude is None and bool(re.fullmatch(r"(?:1[89]|20)\d{2}", num))
