"""NLP: language check, then spaCy over every cleaned body, streamed in batches with `nlp.pipe`."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from worldwire.errors import Errors
from worldwire.models import AnnotatedDocument, CleanDocument, Segment
from worldwire.nlp.language import identify
from worldwire.nlp.repair import repair_misparses
from worldwire.settings import DEFAULTS, default

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate", "load_pipeline", "split_segments"]

_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
# One empty text goes through the parser per this many failed documents in a row (see `annotate`).
_FAILURES_PER_PLACEHOLDER = 8
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")  # a run of lines up to a blank line


@cache
def load_pipeline(name: str = str(DEFAULTS["spacy_model"])) -> Language:
    """Load the spaCy pipeline once per process (a second call returns the same object)."""
    import spacy  # deferred: importing spaCy costs a second that `--help` and ingest errors need not pay

    nlp = spacy.load(name)
    nlp.max_length = max(nlp.max_length, default("segment_chars") + 1)
    return nlp


def annotate(
    docs: Iterable[CleanDocument],
    *,
    nlp: Language | None = None,
    batch_size: int = default("batch_size"),
    n_process: int = default("n_process"),
    segment_chars: int = default("segment_chars"),
) -> Iterator[AnnotatedDocument]:
    """Parse each document, in input order. Failed or non-English documents pass through with an error.

    All bodies go through one `nlp.pipe` call (so `n_process` workers start once), paragraph by
    paragraph; no document is truncated.
    """
    nlp = nlp or load_pipeline()
    pending: deque[tuple[CleanDocument, str | None, int, str | None]] = deque()

    def feed() -> Iterator[tuple[str, int]]:
        # Every few failed documents in a row send one empty text through the parser, so that they leave
        # the queue in turn: otherwise `nlp.pipe` would pull failures until a batch of text arrived, and
        # a run of bad inputs would pile up in memory (300,000 bad lines held 150 MB more).
        failures = 0
        for doc in docs:
            error, language = doc.error, None
            if error is None:
                guess = identify(doc.text)
                if guess.code != "en":
                    language = guess.code
                    error = Errors.E301.format(
                        what=repr(doc.id), language=guess.name, evidence=guess.evidence
                    )
            if error is not None:
                failures += 1
                placeholder = failures % _FAILURES_PER_PLACEHOLDER == 0
                pending.append((doc, language, int(placeholder), error))
                if placeholder:
                    yield "", 0
                continue
            failures = 0
            segments = split_segments(doc.text, segment_chars)
            pending.append((doc, "en", len(segments), None))
            yield from segments

    parsed: list[Segment] = []
    for spacy_doc, offset in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        repair_misparses(spacy_doc)
        parsed.append(Segment(offset=offset, doc=spacy_doc))
        yield from _flush_finished(pending, parsed)
    yield from _flush_finished(pending, parsed)


def _flush_finished(
    pending: deque[tuple[CleanDocument, str | None, int, str | None]], parsed: list[Segment]
) -> Iterator[AnnotatedDocument]:
    """Yield the documents at the head of the queue whose segments have all been parsed."""
    while pending and len(parsed) >= pending[0][2]:
        doc, language, count, error = pending.popleft()
        segments, parsed[:] = tuple(parsed[:count]), parsed[count:]
        if error is not None:  # no segment, or the empty placeholder
            segments = ()
        yield AnnotatedDocument(clean=doc, language=language, segments=segments, error=error)


# The quotation marks of news text, as (opening, closing) mark: a straight one opens and closes.
QUOTATION_MARKS: Mapping[str, str] = MappingProxyType({"\u201c": "\u201d", '"': '"'})


def inside_quotation(before: str) -> bool:
    """Whether text that follows `before` stands inside quotation marks: an odd number of straight quotes
    before it, or more opening than closing curly ones."""
    return any(
        before.count(opening) % 2 == 1
        if opening == closing
        else before.count(opening) > before.count(closing)
        for opening, closing in QUOTATION_MARKS.items()
    )


def quotations(text: str, marks: Mapping[str, str] = QUOTATION_MARKS) -> list[tuple[int, int]]:
    """The quotations of a paragraph (or line) as (opening mark, closing mark) character offsets: an opening
    mark (a key of `marks`) opens a quotation when none is open, and only its own closing mark closes it; a
    quotation still open at the end closes at `len(text)` (it runs on into the next paragraph). The one
    pairing of quotation marks: the quotes of enrich call it line by line with their data file's marks."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    for i, char in enumerate(text):
        if opened is not None and char == closer:
            spans.append((opened, i))
            opened = None
        elif opened is None and char in marks:
            opened, closer = i, marks[char]
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def closes_quotation(text: str, mark: int) -> bool:
    """The mark at `mark` closes a quotation: it ends what it follows ('end," X said'), not opens what
    follows it (' "In the skies'), as a mark paired with the wrong one after an unclosed quotation does."""
    if mark <= 0 or mark >= len(text) or text[mark - 1].isspace():
        return False
    return mark + 1 >= len(text) or not text[mark + 1].isalnum()


def split_segments(text: str, limit: int) -> list[tuple[str, int]]:
    """(segment, offset) pairs: one per paragraph, so that no sentence runs across a paragraph break.

    Paragraphs parse faster than whole bodies (measured in bench/), and one longer than `limit` chars is
    cut at its last sentence end (else space) before the limit, so parser memory stays flat; nothing is
    dropped.
    """
    segments = []
    for match in _PARAGRAPH.finditer(text):
        start, paragraph = match.start(), match.group(0)
        while len(paragraph) > limit:
            ends = [m.end() for m in _SENTENCE_END.finditer(paragraph, 0, limit)]
            cut = ends[-1] if ends else paragraph.rfind(" ", 0, limit) + 1 or limit
            segments.append((paragraph[:cut], start))
            start, paragraph = start + cut, paragraph[cut:]
        segments.append((paragraph, start))
    return segments
