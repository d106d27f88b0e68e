"""The extract pipeline: ingest → clean → nlp → actors → events → enrich → output, streamed.

Each stage is a function over frozen records; this module only wires them together, so that the CLI,
the Python API and (later) the store and the HTTP API all run exactly the same steps.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import IO, TYPE_CHECKING, Any

from worldwire.actors import resolve_actors
from worldwire.clean import clean_document
from worldwire.enrich import enrich
from worldwire.errors import Errors
from worldwire.events import code_events
from worldwire.ingest import JsonlFields, normalize_date, read_inputs
from worldwire.models import (
    ActorDocument,
    AnnotatedDocument,
    CleanDocument,
    EnrichedDocument,
    EventDocument,
    RawDocument,
)
from worldwire.nlp import annotate, load_pipeline
from worldwire.output import to_record
from worldwire.settings import default

if TYPE_CHECKING:
    from spacy.language import Language


class _OverBudget(Exception):
    """Raised by the alarm inside a stage that ran past its budget (even inside a regular expression)."""


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` of wall-clock time with `_OverBudget` (SIGALRM; the main thread
    of a Unix process only, elsewhere nothing is enforced). Costs two system calls per document."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _over_budget(what: str, seconds: float, stage: str) -> str:
    return Errors.E205.format(what=what, seconds=seconds, stage=stage)


def _clean_within(
    raw: RawDocument, raw_mode: bool, default_date: str | None, seconds: float
) -> CleanDocument:
    """`clean_document` under the document's budget: one over it fails (E205), the batch goes on."""
    if raw.error is not None:  # nothing to run: no budget to arm
        return clean_document(raw, raw_mode=raw_mode, default_date=default_date)
    try:
        with _budget(seconds):
            return clean_document(raw, raw_mode=raw_mode, default_date=default_date)
    except _OverBudget:
        error = _over_budget(repr(raw.id), seconds, "cleaning")
        return CleanDocument(raw=raw, text="", title=raw.title, date=raw.date, error=error)


def _analyse_within(doc: AnnotatedDocument, seconds: float) -> EnrichedDocument:
    """`analyse` under the document's budget: one over it comes out failed (E205), without results."""
    if doc.error is not None:
        return analyse(doc)
    try:
        with _budget(seconds):
            return analyse(doc)
    except _OverBudget:
        error = _over_budget(repr(doc.id), seconds, "actors, events and enrichment")
        return failed_document(doc.clean.raw, error)


def failed_document(raw: RawDocument, error: str) -> EnrichedDocument:
    """`raw` as a document that failed with `error`, built without running (or loading) any stage."""
    clean = CleanDocument(raw=raw, text="", title=raw.title, date=raw.date, error=error)
    annotated = AnnotatedDocument(clean=clean, language=None, error=error)
    return EnrichedDocument(events=EventDocument(actors=ActorDocument(annotated=annotated)))


def parse_documents(
    raws: Iterable[RawDocument],
    *,
    raw_mode: bool = False,
    default_date: str | None = None,
    nlp: Language | None = None,
    batch_size: int = default("batch_size"),
    n_process: int = default("n_process"),
    doc_seconds: float = default("doc_seconds"),
) -> Iterator[AnnotatedDocument]:
    """Clean and parse documents, in order; failures come out with their `error`, never raised."""
    cleaned = (_clean_within(raw, raw_mode, default_date, doc_seconds) for raw in raws)
    return annotate(cleaned, nlp=nlp, batch_size=batch_size, n_process=n_process)


def analyse(doc: AnnotatedDocument) -> EnrichedDocument:
    """The stages after the parse, for one document: actors → events → enrichment."""
    return enrich(code_events(resolve_actors(doc)))


def extract_documents(
    raws: Iterable[RawDocument],
    *,
    raw_mode: bool = False,
    default_date: str | None = None,
    nlp: Language | None = None,
    batch_size: int = default("batch_size"),
    n_process: int = default("n_process"),
    doc_seconds: float = default("doc_seconds"),
) -> Iterator[EnrichedDocument]:
    """Run every stage on documents, in order; failures come out with their `error`, never raised.

    Each document has `doc_seconds` of wall-clock time in each per-document stage (0: no limit).
    """
    parsed = parse_documents(
        raws,
        raw_mode=raw_mode,
        default_date=default_date,
        nlp=nlp,
        batch_size=batch_size,
        n_process=n_process,
        doc_seconds=doc_seconds,
    )
    for doc in parsed:
        if doc.error is None and doc_seconds > 0:
            _warm_up(nlp or load_pipeline())  # loaded already by the parse: the same object
        yield _analyse_within(doc, doc_seconds)


# Loads every table the stages after the parse build lazily (actors, leaders, places, quotes, numbers),
# once per process, so that the first real document's budget does not pay for it.
_WARM_UP = RawDocument(
    id="warm-up",
    origin="<warm-up>",
    text=(
        "ASTANA, May 17 (Reuters) - Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev "
        'in Astana on Wednesday. "We agree on trade," Tokayev said. They signed 12 deals worth $5 billion.'
    ),
    date="2023-05-17",
)


@cache
def _warm_up(nlp: Language) -> None:
    for doc in annotate([clean_document(_WARM_UP)], nlp=nlp):
        analyse(doc)


def extract(
    inputs: Sequence[str],
    *,
    raw_mode: bool = False,
    default_date: str | None = None,
    max_chars: int = default("max_chars"),
    batch_size: int = default("batch_size"),
    n_process: int = default("n_process"),
    stdin: IO[bytes] | None = None,
    follow_links: bool = False,
    fields: JsonlFields | None = None,
    doc_seconds: float = default("doc_seconds"),
) -> Iterator[dict[str, Any]]:
    """Run `worldwire extract` on paths (or standard input) and yield the contract's records
    (`fields`: the JSONL fields holding text, date, URL and title, when not the usual ones)."""
    raws = read_inputs(inputs, max_chars=max_chars, stdin=stdin, follow_links=follow_links, fields=fields)
    for doc in extract_documents(
        raws,
        raw_mode=raw_mode,
        default_date=default_date,
        batch_size=batch_size,
        n_process=n_process,
        doc_seconds=doc_seconds,
    ):
        yield to_record(doc)


def extract_text(
    text: str, *, doc_id: str = "text", date: str | None = None, raw_mode: bool = False
) -> dict[str, Any]:
    """Extract one article given as a string (the Python API's shortest path)."""
    raw = RawDocument(id=doc_id, origin="<string>", text=text, date=normalize_date(date, "date"))
    return to_record(next(extract_documents([raw], raw_mode=raw_mode)))
