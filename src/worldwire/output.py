"""The `worldwire extract` record (docs/extract-contract.md): one JSON object per input document."""

from __future__ import annotations

from typing import Any

from worldwire.models import AnnotatedDocument

CONTRACT_VERSION = "1"


def to_record(doc: AnnotatedDocument) -> dict[str, Any]:
    """The contract's fields, in the contract's order, then worldwire's additions.

    Until the actor, event and enrichment stages exist their lists are empty and `tone` is null:
    nothing is invented to fill them.
    """
    clean = doc.clean
    failed = doc.error is not None
    return {
        "id": clean.id,
        "title": clean.title,
        "date": clean.date,
        "text": "" if failed else clean.text,
        "removed": [] if failed else [r.text for r in clean.removed],
        "error": doc.error,
        "actors": [],
        "events": [],
        "quotes": [],
        "facts": [],
        "locations": [],
        "tone": None,
        # additions to the contract (never renamed or removed once released)
        "url": clean.raw.url,
        "language": doc.language,
        "dateline": None
        if failed or clean.dateline is None
        else {"text": clean.dateline.text, "place": clean.dateline.place},
        "removals": [] if failed else [{"text": r.text, "kind": r.kind} for r in clean.removed],
        "sentences": [] if failed else [[s.start, s.end] for s in doc.sentences],
        "source": {"origin": clean.raw.origin, "encoding": clean.raw.encoding},
    }
