"""The extract pipeline: ingest → clean → nlp → actors → events → enrich → output, streamed.

Each stage is a function over frozen records; this module only wires them together, so that the CLI,
the Python API and (later) the store and the HTTP API all run exactly the same steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from worldwire.actors import resolve_actors
from worldwire.clean import clean_document
from worldwire.enrich import enrich
from worldwire.events import code_events
from worldwire.ingest import normalize_date, read_inputs
from worldwire.models import AnnotatedDocument, EnrichedDocument, RawDocument
from worldwire.nlp import annotate
from worldwire.output import to_record
from worldwire.settings import default

if TYPE_CHECKING:
    from spacy.language import Language


def parse_documents(
    raws: Iterable[RawDocument],
    *,
    raw_mode: bool = False,
    default_date: str | None = None,
    nlp: Language | None = None,
    batch_size: int = default("batch_size"),
    n_process: int = default("n_process"),
) -> Iterator[AnnotatedDocument]:
    """Clean and parse documents, in order; failures come out with their `error`, never raised."""
    cleaned = (clean_document(raw, raw_mode=raw_mode, default_date=default_date) for raw in raws)
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
) -> Iterator[EnrichedDocument]:
    """Run every stage on documents, in order; failures come out with their `error`, never raised."""
    parsed = parse_documents(
        raws,
        raw_mode=raw_mode,
        default_date=default_date,
        nlp=nlp,
        batch_size=batch_size,
        n_process=n_process,
    )
    return (analyse(doc) for doc in parsed)


def extract(
    inputs: Sequence[str],
    *,
    raw_mode: bool = False,
    default_date: str | None = None,
    max_chars: int = default("max_chars"),
    batch_size: int = default("batch_size"),
    n_process: int = default("n_process"),
    stdin: IO[bytes] | None = None,
) -> Iterator[dict[str, Any]]:
    """Run `worldwire extract` on paths (or standard input) and yield the contract's records."""
    raws = read_inputs(inputs, max_chars=max_chars, stdin=stdin)
    for doc in extract_documents(
        raws, raw_mode=raw_mode, default_date=default_date, batch_size=batch_size, n_process=n_process
    ):
        yield to_record(doc)


def extract_text(
    text: str, *, doc_id: str = "text", date: str | None = None, raw_mode: bool = False
) -> dict[str, Any]:
    """Extract one article given as a string (the Python API's shortest path)."""
    raw = RawDocument(id=doc_id, origin="<string>", text=text, date=normalize_date(date, "date"))
    return to_record(next(extract_documents([raw], raw_mode=raw_mode)))
