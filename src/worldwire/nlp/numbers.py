"""Numbers as the articles write them: the one reader of data file ``numbers``.

Its validator assembles, once, the patterns of the numeric facts (money, percentages, casualty and crowd
counts; see `worldwire.enrich.facts`) from the vocabularies in ``data/numbers`` (currency symbols and
words, magnitude words, number words, count nouns and verbs). It sits in the NLP stage so that every later
stage can read the same words: the facts of enrich, the counted sets of actors ("the two nations").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors

__all__ = ["NumberRules", "number_value"]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


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
    range_start: re.Pattern[str]
    range_end: re.Pattern[str]
    rate: re.Pattern[str]
    rate_after: re.Pattern[str]
    weight_before: re.Pattern[str]
    weight_after: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _heads(words: Iterable[str], *, digits: bool = False) -> str:
    """A lookahead for the characters a pattern's alternation of `words` (and a digit) can start with: the
    scan skips at once the positions where every word would fail; the matches are the same. Empty (no
    lookahead) when a word is empty."""
    words = list(words)
    if not all(words):
        return ""
    return "(?=[" + ("\\d" if digits else "") + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


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
    verb_heads = _heads(string_list(counts, "verbs", where))
    states = _alternation(list(string_list(counts, "states", where)))
    hedges = _alternation(list(string_list(counts, "hedges", where)))
    long_mags = _alternation([m for m in magnitudes if len(m) > 1])
    short_mags = _alternation([m for m in magnitudes if len(m) == 1])
    number_word = _alternation([w for w in number_words if w not in ("a", "an")])
    number_heads = _heads([w for w in number_words if w not in ("a", "an")], digits=True)
    amount = rf"(?P<num>{_NUM}|(?:{number_word})(?:[- ](?:{number_word}))?)"
    magnitude = rf"(?:\s?(?P<mag>{long_mags}|{short_mags})\b)?"
    symbol = rf"(?P<sym>{_alternation(list(symbols))})"
    word = rf"(?P<cur>{_alternation(list(words))})\b"
    codes = _alternation(sorted(c.upper() for c, iso in words.items() if c == iso.lower()))
    money = (
        re.compile(rf"{symbol}\s?{amount}{magnitude}", re.IGNORECASE),
        re.compile(rf"\b(?-i:(?P<code>{codes}))\s?{amount}{magnitude}", re.IGNORECASE),
        re.compile(rf"\b{number_heads}{amount}{magnitude}\s{word}", re.IGNORECASE),
    )
    percent_words = _alternation(list(string_list(raw, "percent", where)))
    percent = re.compile(
        rf"\b{number_heads}{amount}\s?(?P<pct>{percent_words})(?!\w)",
        re.IGNORECASE,
    )
    vague_words = _alternation(list(vague))
    adjective = r"(?:[A-Za-z][\w-]*\s)?"
    count_magnitude = r"(?:\s(?P<mag>million|thousand|hundred))?"
    count_amount = rf"(?P<num>{_NUM}|(?:{number_word})(?:[- ](?:{number_word}))?){count_magnitude}"
    counts_patterns = (
        re.compile(
            rf"\b{_heads(vague)}(?P<vague>{vague_words})\sof\s{adjective}(?P<unit>{nouns})\b", re.IGNORECASE
        ),
        re.compile(rf"\b{verb_heads}(?P<unit>{verbs})\s(?:(?:{hedges})\s)?{count_amount}\b", re.IGNORECASE),
        re.compile(rf"\b{number_heads}{count_amount}\s{adjective}(?P<unit>{nouns})\b", re.IGNORECASE),
        re.compile(
            rf"\b{number_heads}{count_amount}\s(?:(?:were|have been|had been|are|was)\s)?"
            rf"(?P<unit>{states})\b",
            re.IGNORECASE,
        ),
    )
    joiners = _alternation(list(string_list(raw, "range_joiners", where)))
    lower = rf"(?P<low>{_NUM}|(?:{number_word})(?:[- ](?:{number_word}))?)(?P<lowmag>\s?(?:{long_mags}))?"
    not_from = r"(?<!\bfrom\s)"
    return NumberRules(
        range_start=re.compile(
            rf"{not_from}(?P<between>\bbetween\s)?\b{lower}(?P<join>(?:\s?(?:{joiners})\s?)+|\sand\s)$",
            re.IGNORECASE,
        ),
        range_end=re.compile(
            rf"\s?(?:(?P<dash>{joiners})|and)\s?(?:(?P<sym>{_alternation(list(symbols))})\s?)?"
            rf"(?P<up>{_NUM})\s?(?P<mag>{long_mags}|{short_mags})\b",
            re.IGNORECASE,
        ),
        rate=re.compile(
            rf"\b(?:{_alternation(list(string_list(raw, 'rate_words', where)))})\s$", re.IGNORECASE
        ),
        rate_after=re.compile(
            rf"\s(?:{_alternation(list(string_list(raw, 'rate_words', where)))})\s[\d,.]+", re.IGNORECASE
        ),
        weight_before=re.compile(
            rf"\b(?:{_alternation(list(string_list(raw, 'weight_before', where)))})\b", re.IGNORECASE
        ),
        weight_after=re.compile(
            rf"^\W{{0,3}}[\d.,]+\s?(?:{_alternation(list(string_list(raw, 'weight_after', where)))})\b",
            re.IGNORECASE,
        ),
        magnitudes=magnitudes,
        number_words=number_words,
        vague=vague,
        symbols=symbols,
        currency_words=words,
        money=money,
        percent=percent,
        counts=counts_patterns,
    )


def number_value(text: str, rules: NumberRules | None = None) -> float | None:
    """Digits ("1,200.5") or number words ("twenty-five", "two hundred"); None when `text` is neither."""
    rules = rules or load_data("numbers")
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
