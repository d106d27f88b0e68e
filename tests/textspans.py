"""Describe a cleaned text as slices of its source plus whitespace, and check it invents nothing.

Golden files store these slices instead of the article's words, so third-party text stays in shared/
while a failing golden test still shows the real text in its diff.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")

Run = tuple[int, int, str]  # source[start:end], then this whitespace in the output


def invents_nothing(output: str, source: str) -> bool:
    """True when the non-whitespace characters of `output` appear in `source` in the same order."""
    position = 0
    for char in output:
        if char.isspace():
            continue
        position = source.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def to_runs(output: str, source: str) -> list[Run]:
    """Map `output` onto `source`: runs of source text joined by the output's own whitespace."""
    if output[:1].isspace():
        raise ValueError("output starts with whitespace; a cleaned text never should")
    runs: list[Run] = []
    position = 0
    matches = list(_WORD.finditer(output))
    for index, match in enumerate(matches):
        word = match.group(0)
        following = output[match.end() : matches[index + 1].start()] if index + 1 < len(matches) else ""
        found = source.find(word, position)
        pieces = [(found, found + len(word))] if found >= 0 else _char_pieces(word, source, position)
        for number, (start, end) in enumerate(pieces):
            gap = following if number == len(pieces) - 1 else ""
            if runs and runs[-1][1] <= start and source[runs[-1][1] : start] == runs[-1][2]:
                previous = runs.pop()
                runs.append((previous[0], end, gap))
            else:
                runs.append((start, end, gap))
            position = end
    return runs


def from_runs(runs: list[Run], source: str) -> str:
    return "".join(source[start:end] + gap for start, end, gap in runs)


def _char_pieces(word: str, source: str, position: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for char in word:
        found = source.find(char, position)
        if found < 0:
            raise ValueError(
                f"{word!r} is not in the source after offset {position}: the cleaner invented it"
            )
        if pieces and pieces[-1][1] == found:
            pieces[-1] = (pieces[-1][0], found + 1)
        else:
            pieces.append((found, found + 1))
        position = found + 1
    return pieces
