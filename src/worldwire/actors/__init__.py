"""Actors: who acts in each sentence, resolved to CAMEO actor codes on the document's date.

`resolve_actors(doc)` uses worldwire's own data files (countries, groups, organisations, roles,
leaders); `resolve_actors(doc, petrarch_lexicon(folder))` uses a PETRARCH/TABARI dictionary instead.
"""

from __future__ import annotations

from worldwire.actors.lexicon import ActorLexicon, default_lexicon
from worldwire.actors.petrarch import petrarch_lexicon
from worldwire.actors.resolve import resolve_with
from worldwire.models import ActorDocument, AnnotatedDocument
from worldwire.nlp.places import find_places
from worldwire.nlp.tokens import held_tokens

__all__ = ["ActorLexicon", "default_lexicon", "petrarch_lexicon", "resolve_actors"]


def resolve_actors(doc: AnnotatedDocument, lexicon: ActorLexicon | None = None) -> ActorDocument:
    """Find and resolve every actor mention of one parsed document (the default lexicon when None), with
    the places it names: towns and regions say where a story is set, which roles and people take."""
    if doc.error or not doc.segments:
        return ActorDocument(annotated=doc)
    with held_tokens(doc):
        locations = find_places(doc)
        actors = resolve_with(doc, lexicon or default_lexicon(), locations)
    return ActorDocument(annotated=doc, actors=actors, locations=locations)
