"""Enrichment: quotes with speakers, numeric facts, places, dates and tone."""

from __future__ import annotations

from worldwire.models import EnrichedDocument, EventDocument


def enrich(doc: EventDocument) -> EnrichedDocument:
    """Add quotes, facts, places, time expressions and tone to a coded document."""
    return EnrichedDocument(events=doc)
