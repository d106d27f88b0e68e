"""Enrichment: quotes with speakers, numeric facts, places, dates and tone.

`event_locations[i]` is where event i happened: the most specific place named in its sentence that is
not one of the event's own actors ("China" in "China signed ..."), a possessive ("Beijing's
relations") or a demonym ("his Kazakh counterpart"); else the body mention of the dateline's place (the
dateline itself is cut from the body and has no offsets); else None.
"""

from __future__ import annotations

from worldwire.enrich.facts import find_facts
from worldwire.enrich.quotes import find_quotes
from worldwire.enrich.times import find_times
from worldwire.enrich.tone import document_tone
from worldwire.models import Actor, EnrichedDocument, Event, EventDocument, Location, Sentence
from worldwire.nlp.places import dateline_place, is_demonym, most_specific

_POSSESSIVE = ("'s", "’s")


def enrich(doc: EventDocument) -> EnrichedDocument:
    """Add quotes, facts, places, time expressions and tone to a coded document."""
    if doc.error is not None:
        return EnrichedDocument(events=doc)
    annotated = doc.annotated
    locations = doc.actors.locations  # read by the actors stage: where the story is set
    fallback = dateline_place(annotated, locations)
    sentences = annotated.sentences
    text = doc.clean.text
    actors = doc.actors.actors
    return EnrichedDocument(
        events=doc,
        quotes=find_quotes(doc, sentences),
        facts=find_facts(annotated, sentences),
        locations=locations,
        times=find_times(annotated, sentences),
        tone=document_tone(annotated),
        event_locations=tuple(_where(e, sentences, locations, actors, text, fallback) for e in doc.events),
    )


def _where(
    event: Event,
    sentences: tuple[Sentence, ...],
    locations: tuple[Location, ...],
    actors: tuple[Actor, ...],
    text: str,
    fallback: int | None,
) -> int | None:
    if not 0 <= event.sentence < len(sentences):
        return fallback
    sentence = sentences[event.sentence]
    taken = [
        (actors[side.actor].start, actors[side.actor].end)
        for side in (event.source, event.target)
        if side is not None and side.actor is not None and 0 <= side.actor < len(actors)
    ]
    inside = [
        i
        for i, loc in enumerate(locations)
        if sentence.start <= loc.start
        and loc.end <= sentence.end
        and not text.startswith(_POSSESSIVE, loc.end)
        and not is_demonym(loc.text)
        and not any(s < loc.end and loc.start < e for s, e in taken)
    ]
    best = most_specific(inside, locations)
    return fallback if best is None else best


__all__ = ["enrich"]
