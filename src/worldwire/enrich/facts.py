"""Numeric facts: money, percentages and casualty or crowd counts, each with its sentence.

Patterns are assembled once from the vocabularies in ``data/numbers`` (see `worldwire.nlp.numbers`, their
one reader). A money or percentage fact takes the year written after it in the same sentence, before the
next amount ("$31 billion in 2022 to $40 billion by 2030"), else the year written before it with no other
amount in between (and not the one the previous amount took). Vague quantities and ranges are valued at
their least ("thousands of protesters" is 2,000, "16–17 percent" is 16); the lower end of "$5 to $7
billion" shares the upper end's magnitude. Rates ("3 per 100,000 people"), names with numbers ("COVID-19
patients") and weights in pounds are not facts.
The text always shows what was written.
"""

from __future__ import annotations

import bisect
import re

from worldwire.datafiles import load_data
from worldwire.models import AnnotatedDocument, Fact, Sentence
from worldwire.nlp.numbers import NumberRules, number_value

_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_YEAR_WINDOW = 100


def _year(text: str, start: int, end: int, lo: int, hi: int, amounts: list[tuple[int, int]]) -> int | None:
    """The year after the amount (before the next one), else before it (after the previous one and
    not the year that one already took: "down 1.5% from 2017, now 67.3%" gives 67.3% no year)."""
    next_start = min([s for s, _ in amounts if s >= end] + [hi, end + _YEAR_WINDOW])
    found = _YEAR.search(text, end, next_start)
    if found:
        return int(found.group(1))
    previous = [e for _, e in amounts if lo <= e <= start]
    previous_end = max([*previous, lo, start - _YEAR_WINDOW])
    claimed = None
    if previous:  # the first year after the previous amount is that amount's own
        claimed = _YEAR.search(text, max(previous), min(start, max(previous) + _YEAR_WINDOW))
    before = [
        y
        for y in _YEAR.finditer(text, previous_end, start)
        if claimed is None or y.start() != claimed.start()
    ]
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
        if fact is None or not sentences:
            continue
        value, currency, unit = fact
        start, end = m.start(), m.end()
        if kind == "count" and (
            rules.rate.search(text, max(0, start - 10), start) or rules.rate_after.match(text, end)
        ):
            continue  # "three per 100,000 people", "18.9 deaths per 100,000" are rates, not counts
        if kind == "money" and _is_weight(text, m, rules):
            continue  # "weighed 82 pounds (37 kg)"
        if kind == "money" and not m.groupdict().get("mag"):
            value, end = _borrowed_magnitude(text, m, value, rules, taken)
        elif not (kind == "money" and not m.groupdict().get("cur")) and not m.groupdict().get("vague"):
            start, value = _range_lower_bound(text, m, value, rules, kind)
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
            continue  # part of a name: "COVID-19 patients", "F-16 pilots"
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        sentence = sentences[index]
        year = None
        if kind != "count":
            year = _year(text, start, end, sentence.start, sentence.end, amounts)
        facts.append(
            Fact(
                kind=kind,
                value=value,
                text=text[start:end],
                start=start,
                end=end,
                sentence=index,
                currency=currency,
                unit=unit,
                year=year,
            )
        )
    return tuple(facts)


def _is_weight(text: str, m: re.Match[str], rules: NumberRules) -> bool:
    """Pounds with a weighing verb just before or a metric weight just after are a weight, not money."""
    written = (m.groupdict().get("cur") or "").lower()
    if not written.startswith("pound"):
        return False
    if rules.weight_before.search(text, max(0, m.start() - 25), m.start()):
        return True
    return bool(rules.weight_after.match(text[m.end() : m.end() + 25]))


def _range_lower_bound(
    text: str, m: re.Match[str], value: float, rules: NumberRules, kind: str
) -> tuple[int, float]:
    """A range ("16–17 percent", "one to two hundred people") is valued at its least, like vague
    quantities, and its text covers both ends; "from 10 to 15" is a change, not a range."""
    before = rules.range_start.search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return m.start(), value
    if before.group("join").strip().lower() == "and" and not before.group("between"):
        return m.start(), value  # "36 and 40 people" only makes a range after "between"
    low = number_value(before.group("low"), rules)
    if low is None or low > value or _is_year(before.group("low"), None):
        return m.start(), value
    last_word = re.split(r"[- ]", m.group("num").lower())[-1]
    scale = last_word if last_word == "hundred" or last_word in rules.magnitudes else ""
    magnitude = (before.group("lowmag") or m.groupdict().get("mag") or scale).strip().lower()
    if magnitude:
        low *= rules.magnitudes.get(magnitude, 1.0) if kind == "money" else _count_magnitude(magnitude)
    return before.start(), low


def _borrowed_magnitude(
    text: str, m: re.Match[str], value: float, rules: NumberRules, taken: list[tuple[int, int]]
) -> tuple[float, int]:
    """The lower end of "between $5 and $7 billion" or "$5–7 billion" shares the upper end's magnitude
    (only a small bare amount, before the same symbol or a bare upper end); the text
    stretches to the upper end unless that is a fact of its own."""
    after = rules.range_end.match(text, m.end())
    if after is None or value >= 1000 or float(after.group("up").replace(",", "")) < value:
        return value, m.end()
    same_symbol = after.group("sym") is not None and after.group("sym") == m.groupdict().get("sym")
    if not (same_symbol or (after.group("sym") is None and after.group("dash"))):
        return value, m.end()
    value *= rules.magnitudes.get(after.group("mag").lower(), 1.0)
    own = any(s < after.end() and after.start() < e and (s, e) != (m.start(), m.end()) for s, e in taken)
    return value, m.end() if own else after.end()


def _fact(kind: str, m: re.Match[str], rules: NumberRules) -> tuple[float, str | None, str | None] | None:
    groups = m.groupdict()
    if groups.get("vague"):
        return rules.vague[groups["vague"].lower()], None, groups["unit"].lower()
    number = number_value(groups["num"], rules)
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
    return {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}.get(word.lower(), 1.0)


def _is_year(num: str, magnitude: str | None) -> bool:
    """A bare four-digit 19xx/20xx before "people" is a year ("the 2019 protesters"), not a count."""
    return magnitude is None and bool(re.fullmatch(r"(?:1[89]|20)\d{2}", num))
