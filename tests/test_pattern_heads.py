"""The lookaheads of the time and number patterns (`_heads`) only make their scans faster: the same
matches without them."""

from __future__ import annotations

import random
import re

from worldwire.datafiles import load_data
from worldwire.enrich.times import TimeRules
from worldwire.nlp.numbers import NumberRules

_HEAD = re.compile(r"\(\?=(?:\[[^\]]*\]|\\d)\)")


def test_lookaheads_change_no_match() -> None:
    rules: TimeRules = load_data("times")
    plain = re.compile(_HEAD.sub("", rules.pattern.pattern), re.IGNORECASE)
    assert plain.pattern != rules.pattern.pattern
    texts = [
        "On Sunday, May 17, 2023, and 12th of September 2019, three weeks ago, next month, yesterday.",
        "within 2019, dismay 2019, Remay, 2019 March, in 2016 until July, last Friday, early Monday",
        "ſeptember 12, İn 2019, ın 2019, \u212a, ٢٠ March ٢٠١٩, ＭＡＹ 2019, ２ weeks ago, Ａ day ago",
    ]
    rng = random.Random(13)  # noqa: S311 (test strings, not secrets)
    alphabet = "aAbByYsS\u017fK\u212a\u0131\u01300123456789 ,.\n" + "SeptemberMayJuneFridaytodayagoweekinto"
    texts += ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(300)]
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in rules.pattern.finditer(text)] == expected


def test_number_lookaheads_change_no_match() -> None:
    rules: NumberRules = load_data("numbers")
    texts = [
        "Five people were killed and 1,200 injured; $5 billion, 12 percent, thousands of protesters.",
        "killing at least twenty-five, 3 million dollars, 40% of voters, hundreds of thousands of people",
        "\u212a\u017f 12 PERCENT, Twenty Five Dollars, ＴＷＯ percent, ٢٠ percent",
    ]
    rng = random.Random(17)  # noqa: S311 (test strings, not secrets)
    alphabet = "aAtTfFsSeEnNoOdDhHkK\u212a\u017f0123456789 ,.%$€-\n" + "twentyfivemillionkilledpercentdollars"
    texts += ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(300)]
    for pattern in (*rules.money, rules.percent, *rules.counts):
        plain = re.compile(_HEAD.sub("", pattern.pattern), re.IGNORECASE)
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected
