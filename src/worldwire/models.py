"""Frozen records passed from stage to stage: each stage returns a new one and never edits its input.

RawDocument ──clean──▶ CleanDocument ──nlp──▶ AnnotatedDocument ──output──▶ contract dict
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc

InputFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest read: exactly one of `text`/`html` is set, unless `error` says why neither could be."""

    id: str
    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    encoding: str | None = None
    error: str | None = None

    @property
    def format(self) -> InputFormat:
        return "html" if self.html is not None else "text"


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of input that cleaning dropped, and which debris kind it was."""

    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline cut from the body: kept because its place tells later stages where the story is.

    `place` is None for an agency-only dateline such as "(Reuters) -".
    """

    text: str
    place: str | None


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """The article body every later offset refers to, plus what was cut from it."""

    raw: RawDocument
    text: str
    title: str | None
    date: str | None
    removed: tuple[Removal, ...] = ()
    dateline: Dateline | None = None
    error: str | None = None

    @property
    def id(self) -> str:
        return self.raw.id


@dataclass(frozen=True, slots=True)
class Segment:
    """One parsed stretch of `CleanDocument.text`; `offset` maps the spaCy Doc's char offsets back."""

    offset: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """The cleaned document with its language and parse (long bodies are parsed in segments)."""

    clean: CleanDocument
    language: str | None
    segments: tuple[Segment, ...] = field(default=(), repr=False)
    error: str | None = None

    @property
    def id(self) -> str:
        return self.clean.id

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentence spans in `clean.text`, trimmed of surrounding whitespace; blank ones are skipped."""
        spans = []
        for seg in self.segments:
            for sent in seg.doc.sents:
                text = sent.text
                stripped = text.strip()
                if stripped:
                    start = seg.offset + sent.start_char + (len(text) - len(text.lstrip()))
                    spans.append(Sentence(start, start + len(stripped)))
        return tuple(spans)
