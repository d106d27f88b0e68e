"""Each segment's Token objects and their strings, read once while a stage runs.

spaCy makes a new `Token` on every `doc[i]` and on every pass over a `Doc`, and builds each string
attribute anew on every read; the stages after the parse read tokens hundreds of thousands of times.
`held_tokens(doc)` reads every segment's tokens once for the block it wraps, and `words_of(segment_doc)`
hands out what was read (or reads it now when nothing is held). It lives in `Doc.user_data` only inside
the block: a `Doc` keeps no Token objects afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from worldwire.models import AnnotatedDocument

_WORDS = "worldwire.tokens"  # `doc.user_data` key of a segment's `Words` while `held_tokens` runs


@dataclass(frozen=True, slots=True)
class Words:
    """A segment's tokens (`tokens[i]` is `doc[i]`), their `text`, `text_with_ws` and `lower_`, and the
    segment's text (spaCy builds `doc.text` anew on every read)."""

    tokens: tuple[Token, ...]
    texts: tuple[str, ...]
    spaced: tuple[str, ...]
    lowers: tuple[str, ...]
    text: str  # "".join(spaced), `doc.text`


def _read(doc: Doc) -> Words:
    tokens = tuple(doc)
    spaced = tuple([t.text_with_ws for t in tokens])
    return Words(
        tokens,
        tuple([t.text for t in tokens]),
        spaced,
        tuple([t.lower_ for t in tokens]),
        "".join(spaced),
    )


def words_of(doc: Doc) -> Words:
    """`doc`'s tokens and strings: those held for the stage, else read now."""
    held: Words | None = doc.user_data.get(_WORDS)
    return held if held is not None else _read(doc)


@contextmanager
def held_tokens(doc: AnnotatedDocument) -> Iterator[None]:
    """Hold each segment's tokens for the block (an enclosing block's are kept and left to it)."""
    mine = [seg.doc for seg in doc.segments if _WORDS not in seg.doc.user_data]
    for parsed in mine:
        parsed.user_data[_WORDS] = _read(parsed)
    try:
        yield
    finally:
        for parsed in mine:
            parsed.user_data.pop(_WORDS, None)
