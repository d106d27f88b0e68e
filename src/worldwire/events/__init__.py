"""Events: CAMEO and PLOVER coding of who did what to whom, sentence by sentence."""

from __future__ import annotations

from worldwire.models import ActorDocument, EventDocument


def code_events(doc: ActorDocument) -> EventDocument:
    """Code the events of one document whose actors are resolved."""
    return EventDocument(actors=doc)
