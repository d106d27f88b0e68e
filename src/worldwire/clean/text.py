"""Plain-text cleaning: whitespace, headline, debris lines, dateline, glued sentences, split quotes.

Every function here only deletes text or changes whitespace: the cleaned body never holds a character
that was not in the input (tests check this with Hypothesis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worldwire.clean.debris import DebrisVocabulary, debris_kind, vocabulary
from worldwire.models import Dateline, Removal

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace but the newline, including NBSP and thin spaces
_BLANK_LINES = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
# Glued sentences from scrapers: "reads.According", "China.”The", "lamb,Since". Two lower-case letters
# before the stop keep "U.S.A" and "e.g." out; a lower-case letter after the capital keeps "U.S.Army" out.
_GLUED = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"”’])(?=[A-Z])|(?<=[a-z][,;])(?=[A-Z][a-z])"
)
# A whole whitespace-delimited token holding a URL or address. It may only start where a token starts
# (the look-behind): otherwise a long token without a marker is retried at each of its characters, O(n²).
_URLISH = re.compile(r"(?<!\S)\S*?(?:www\.|https?:|@|\.com|\.org)\S*", re.IGNORECASE)
_AFTER_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+")

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
WRAPPED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    title: str | None
    removed: tuple[Removal, ...]
    dateline: Dateline | None


def clean_text(
    text: str,
    *,
    title: str | None = None,
    find_headline: bool = True,
    unwrap_lines: bool = True,
    vocab: DebrisVocabulary | None = None,
) -> CleanedText:
    """Clean a plain-text article body.

    Args:
        text: the body as read.
        title: a title known from elsewhere (JSONL, HTML metadata); a first line equal to it is dropped.
        find_headline: take a headline-like first line as the title when `title` is not given.
        unwrap_lines: join hard-wrapped lines of one paragraph (plain text); HTML extracts are not wrapped.
        vocab: the debris vocabulary (default: the packaged one).
    """
    vocab = vocab or vocabulary()
    blocks = [_lines(block) for block in _BLANK_LINES.split(_normalize(text))]
    blocks = [b for b in blocks if b]
    if title is None and find_headline and blocks and _opens_with_headline(blocks, unwrap_lines):
        title, blocks[0] = blocks[0][0], blocks[0][1:]
    elif title is not None and blocks and _same_words(blocks[0][0], title):
        blocks[0] = blocks[0][1:]
    removed: list[Removal] = []
    paragraphs: list[str] = []
    for block in blocks:
        kept = []
        for line in block:
            kind = debris_kind(line, vocab)
            if kind is None:
                kept.append(line)
            else:
                removed.append(Removal(line, kind))
        paragraphs.extend(_paragraphs(kept, unwrap_lines))
    paragraphs, dateline = _cut_dateline(paragraphs, vocab)
    if dateline:
        removed.append(Removal(dateline.text, "dateline"))
    paragraphs = _repair_split_quotes([_unglue(p) for p in paragraphs])
    return CleanedText("\n\n".join(p for p in paragraphs if p), title, tuple(removed), dateline)


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.split("\n") if line.strip()]


def _opens_with_headline(blocks: list[list[str]], unwrap: bool) -> bool:
    """Whether the first line is a headline: headline-like, and followed by more text that does not
    continue it (a blank line after it, or lines after it that start anew and are not hard-wrapped)."""
    first, rest = blocks[0], blocks[0][1:]
    if not _is_headline(first[0]):
        return False
    if not rest:
        return len(blocks) > 1
    return not rest[0][:1].islower() and not (unwrap and _is_wrapped(rest))


def _is_headline(line: str) -> bool:
    return (
        len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and line[-1] not in ".,;:"
        and line[:1].isupper()
    )


def _same_words(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()


def _paragraphs(lines: list[str], unwrap: bool) -> list[str]:
    """One paragraph per line, unless the lines are a hard-wrapped paragraph (most end mid-sentence)."""
    if unwrap and _is_wrapped(lines):
        return [" ".join(lines)]
    return lines


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    open_ended = sum(1 for line in lines[:-1] if not _SENTENCE_END.search(line))
    return open_ended >= WRAPPED_SHARE * (len(lines) - 1)


def _cut_dateline(paragraphs: list[str], vocab: DebrisVocabulary) -> tuple[list[str], Dateline | None]:
    """Cut the first dateline from the first two paragraphs (a standfirst may come before it)."""
    rules = vocab.dateline
    for index, paragraph in enumerate(paragraphs[:2]):
        for pattern in rules.start_patterns:
            match = pattern.match(paragraph)
            if match and _is_place(match.groupdict().get("place"), rules.not_places):
                return _without(paragraphs, index, match.start(), match.end()), _dateline(match)
        for boundary in _AFTER_SENTENCE.finditer(paragraph):
            for pattern in rules.inline_patterns:
                match = pattern.match(paragraph, boundary.end())
                if match and _is_place(match.groupdict().get("place"), rules.not_places):
                    return _without(paragraphs, index, match.start(), match.end()), _dateline(match)
    return paragraphs, None


def _is_place(place: str | None, not_places: frozenset[str]) -> bool:
    """An upper-case dateline place, unless its first word is a label ("UPDATE:", "DEAR ABBY:").

    A pattern without a place (an agency-only dateline) passes.
    """
    if place is None:
        return True
    words = re.findall(r"[A-Z]+", place)
    return bool(words) and words[0] not in not_places and len("".join(words)) >= 2


def _dateline(match: re.Match[str]) -> Dateline:
    place = match.groupdict().get("place")
    if place is not None:
        place = " ".join(w.capitalize() if w.isupper() else w for w in place.split())
    return Dateline(text=match.group(0).strip(), place=place, date=match.groupdict().get("date"))


def _without(paragraphs: list[str], index: int, start: int, end: int) -> list[str]:
    paragraph = paragraphs[index]
    joined = (paragraph[:start].rstrip() + " " + paragraph[end:].lstrip()).strip()
    return [*paragraphs[:index], joined, *paragraphs[index + 1 :]]


def _unglue(paragraph: str) -> str:
    """Insert the missing space in glued sentences, leaving URLs and e-mail addresses alone."""
    pieces = []
    last = 0
    for url in _URLISH.finditer(paragraph):
        pieces.append(_GLUED.sub(" ", paragraph[last : url.start()]))
        pieces.append(url.group(0))
        last = url.end()
    pieces.append(_GLUED.sub(" ", paragraph[last:]))
    return "".join(pieces)


def _repair_split_quotes(paragraphs: list[str]) -> list[str]:
    """Move a closing quote mark that a scraper pushed to the start of the next paragraph back.

    'He said, "We agree.' + '"Tokayev continued, "We ...' -> the first '"' of the second paragraph closes
    the first paragraph's quote when the next mark in it opens a new quote (space before, word after).
    A closing curly quote can never open a paragraph, so it always moves.
    """
    repaired = list(paragraphs)
    for i in range(len(repaired) - 1):
        current, following = repaired[i], repaired[i + 1]
        if following.startswith("”") and current.count("“") > current.count("”"):
            repaired[i], repaired[i + 1] = current + "”", following[1:].lstrip()
        elif following.startswith('"') and current.count('"') % 2 == 1 and _next_mark_opens(following[1:]):
            repaired[i], repaired[i + 1] = current + '"', following[1:].lstrip()
    return repaired


def _next_mark_opens(text: str) -> bool:
    position = text.find('"')
    if position <= 0:
        return False
    after = text[position + 1 : position + 2]
    return text[position - 1].isspace() and bool(after) and not after.isspace()
