"""Web debris: the vocabulary (from ``data/debris``) and the small functions that apply it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import (
    compile_patterns,
    data_validator,
    load_data,
    require,
    require_schema,
    string_list,
)
from worldwire.errors import DataFileError, Errors

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class DebrisKind:
    name: str
    description: str
    max_words: int
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class DatelineRules:
    start_patterns: tuple[re.Pattern[str], ...]
    inline_patterns: tuple[re.Pattern[str], ...]
    not_places: frozenset[str]


@dataclass(frozen=True, slots=True)
class CaptionRules:
    max_words: int
    title_words: frozenset[str]
    connectors: frozenset[str]


@dataclass(frozen=True, slots=True)
class DebrisVocabulary:
    kinds: tuple[DebrisKind, ...]
    caption: CaptionRules
    dateline: DatelineRules


@data_validator("debris")
def _build(raw: Mapping[str, Any], where: str) -> DebrisVocabulary:
    require_schema(raw, "debris/1", where)
    kinds = []
    for name, table in require(raw, "kinds", dict, where).items():
        here = f"{where} [kinds.{name}]"
        if not isinstance(table, dict):
            raise DataFileError(Errors.E403.format(path=here, reason="must be a table"))
        flags = 0 if table.get("case_sensitive", False) else re.IGNORECASE
        max_words = require(table, "max_words", int, here)
        if max_words < 1:
            raise DataFileError(Errors.E403.format(path=here, reason="'max_words' must be at least 1"))
        kinds.append(
            DebrisKind(
                name=name,
                description=require(table, "description", str, here),
                max_words=max_words,
                patterns=compile_patterns(string_list(table, "patterns", here), flags, here),
            )
        )
    caption = require(raw, "caption", dict, where)
    dateline = require(raw, "dateline", dict, where)
    dateline_rules = DatelineRules(
        start_patterns=compile_patterns(string_list(dateline, "start_patterns", where), 0, where),
        inline_patterns=compile_patterns(string_list(dateline, "inline_patterns", where), 0, where),
        not_places=frozenset(string_list(dateline, "not_places", where)),
    )
    for pattern in dateline_rules.start_patterns + dateline_rules.inline_patterns:
        if not {"place", "agency"} & set(pattern.groupindex):
            reason = f"dateline pattern {pattern.pattern!r} has no named group 'place' or 'agency'"
            raise DataFileError(Errors.E403.format(path=where, reason=reason))
    return DebrisVocabulary(
        kinds=tuple(kinds),
        caption=CaptionRules(
            max_words=require(caption, "max_words", int, where),
            title_words=frozenset(string_list(caption, "title_words", where)),
            connectors=frozenset(string_list(caption, "connectors", where)),
        ),
        dateline=dateline_rules,
    )


def vocabulary() -> DebrisVocabulary:
    return load_data("debris")  # type: ignore[no-any-return]


def debris_kind(line: str, vocab: DebrisVocabulary | None = None) -> str | None:
    """The debris kind of a whole paragraph, or None when it is news."""
    vocab = vocab or vocabulary()
    stripped = line.strip()
    words = len(_WORD.findall(stripped))
    for kind in vocab.kinds:
        if words <= kind.max_words and any(p.fullmatch(stripped) for p in kind.patterns):
            return kind.name
    if is_title_caption(stripped, vocab.caption):
        return "caption"
    return None


def is_title_caption(line: str, rules: CaptionRules) -> bool:
    """A short Title Case line naming someone by office, with no sentence punctuation: a photo caption.

    The office word must be followed by a name ("Chinese President Xi"), so that a crosshead such as
    "Presidential Race" or "French Foreign Minister" alone is not taken for a caption.
    """
    words = line.split()
    if not 2 <= len(words) <= rules.max_words or line[-1] in ".!?:;,\"”'’)":
        return False
    if not all(w[:1].isupper() or w in rules.connectors for w in words):
        return False
    offices = [i for i, w in enumerate(words) if w in rules.title_words]
    return bool(offices) and any(
        w[:1].isupper() and w not in rules.title_words for w in words[offices[-1] + 1 :]
    )
