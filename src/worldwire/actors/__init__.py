"""Actors: who acts in each sentence, resolved to CAMEO actor codes on the document's date."""

from __future__ import annotations

from worldwire.models import ActorDocument, AnnotatedDocument


def resolve_actors(doc: AnnotatedDocument) -> ActorDocument:
    """Find and resolve every actor mention of one parsed document."""
    return ActorDocument(annotated=doc)
