"""Events: CAMEO and PLOVER coding of who did what to whom, sentence by sentence.

`code_events` reads every sentence's dependency parse with the event patterns of
data/event_patterns/v1.toml, resolves the arguments through the actors stage and writes `Event` records
with both codings, the modality and the evidence span (see coder.py).
"""

from __future__ import annotations

from worldwire.events.coder import code_document
from worldwire.models import ActorDocument, EventDocument


def code_events(doc: ActorDocument) -> EventDocument:
    """Code the events of one document whose actors are resolved."""
    return code_document(doc)
