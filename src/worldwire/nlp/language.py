"""Language identification by script and function-word share (``data/languages``): fast and transparent."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import (
    data_validator,
    frozen_mapping,
    load_data,
    require,
    require_schema,
    string_list,
)
from worldwire.errors import DataFileError, Errors

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Unicode character-name prefixes of the scripts named in the data file.
_SCRIPT_PREFIXES = {
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "TAMIL": "Tamil",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "HANGUL": "Hangul",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "CJK": "Han",
    "LATIN": "Latin",
}


@dataclass(frozen=True, slots=True)
class LanguageData:
    sample_words: int
    min_share: float
    min_words: int
    confident_words: int
    names: Mapping[str, str]
    words: Mapping[str, frozenset[str]]
    scripts: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Guess:
    """The language code (ISO 639-1, or a script name), its readable name and why it was chosen."""

    code: str
    name: str
    evidence: str


@data_validator("languages")
def _build(raw: Mapping[str, Any], where: str) -> LanguageData:
    require_schema(raw, "languages/1", where)
    languages = require(raw, "languages", dict, where)
    if "en" not in languages:
        raise DataFileError(Errors.E403.format(path=where, reason="the [languages.en] table is missing"))
    scripts = require(raw, "scripts", dict, where)
    unknown = set(scripts) - set(_SCRIPT_PREFIXES.values())
    if unknown:
        reason = f"unknown scripts {sorted(unknown)}; known: {sorted(set(_SCRIPT_PREFIXES.values()))}"
        raise DataFileError(Errors.E403.format(path=where, reason=reason))
    return LanguageData(
        sample_words=require(raw, "sample_words", int, where),
        min_share=require(raw, "min_share", float, where),
        min_words=require(raw, "min_words", int, where),
        confident_words=require(raw, "confident_words", int, where),
        names=frozen_mapping(
            {c: require(t, "name", str, f"{where} [languages.{c}]") for c, t in languages.items()}
        ),
        words=frozen_mapping(
            {
                code: frozenset(
                    w.casefold() for w in string_list(table, "words", f"{where} [languages.{code}]")
                )
                for code, table in languages.items()
            }
        ),
        scripts=frozen_mapping({k: str(v) for k, v in scripts.items()}),
    )


def identify(text: str, data: LanguageData | None = None) -> Guess:
    """Guess the language of `text` from its first words."""
    data = data or load_data("languages")
    sample = text[: data.sample_words * 12]
    script, script_share = _dominant_script(sample)
    if script not in ("Latin", None) and script_share >= 0.5:
        return Guess(
            script, data.scripts.get(script, script), f"{script_share:.0%} of its letters are {script}"
        )
    words = [w.casefold() for w in _WORD.findall(sample)][: data.sample_words]
    if len(words) < data.min_words:
        return Guess("en", data.names["en"], f"only {len(words)} words: too few to tell, taken as English")
    shares = {code: sum(w in vocab for w in words) / len(words) for code, vocab in data.words.items()}
    best = max(shares, key=lambda code: shares[code])
    if shares[best] < data.min_share and len(words) < data.confident_words:
        evidence = f"only {len(words)} words and no language's function words stand out: taken as English"
        return Guess("en", data.names["en"], evidence)
    if shares[best] < data.min_share:
        evidence = f"its words are not those of a known language ({shares['en']:.0%} English function words)"
        return Guess("und", "an unknown language", evidence)
    evidence = f"{shares[best]:.0%} {data.names[best]} function words, {shares['en']:.0%} English"
    return Guess(best, data.names[best], evidence)


def _dominant_script(sample: str) -> tuple[str | None, float]:
    counts: Counter[str] = Counter()
    for char in sample:
        if char.isascii():
            if char.isalpha():
                counts["Latin"] += 1
        elif char.isalpha():
            name = unicodedata.name(char, "")
            script = next((s for p, s in _SCRIPT_PREFIXES.items() if name.startswith(p)), "Other")
            counts[script] += 1
    if not counts:
        return None, 0.0
    script, count = counts.most_common(1)[0]
    return script, count / sum(counts.values())
