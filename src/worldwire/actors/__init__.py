"""Actors: who acts in each sentence, resolved to CAMEO actor codes on the document's date.

`resolve_actors(doc)` uses worldwire's own data files (countries, groups, organisations, roles,
leaders); `resolve_actors(doc, petrarch_lexicon(folder))` uses a PETRARCH/TABARI dictionary instead.
"""

from __future__ import annotations

from worldwire.actors.lexicon import ActorLexicon, default_lexicon
from worldwire.actors.petrarch import petrarch_lexicon
from worldwire.actors.resolve import resolve_with
from worldwire.models import ActorDocument, AnnotatedDocument

__all__ = ["ActorLexicon", "default_lexicon", "petrarch_lexicon", "resolve_actors"]


def resolve_actors(doc: AnnotatedDocument, lexicon: ActorLexicon | None = None) -> ActorDocument:
    """Find and resolve every actor mention of one parsed document (the default lexicon when None)."""
    return ActorDocument(annotated=doc, actors=resolve_with(doc, lexicon or default_lexicon()))
