"""Build extract records with chosen events through the real models and `to_record`, for store tests."""

from __future__ import annotations

from typing import Any

from worldwire.models import (
    ActorDocument,
    AnnotatedDocument,
    CleanDocument,
    EnrichedDocument,
    Event,
    EventActor,
    EventDocument,
    Location,
    RawDocument,
)
from worldwire.output import to_record

QUAD = {"01": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "13": 3, "17": 4, "19": 4}
GOLDSTEIN = {
    "036": 4.0,
    "042": 1.9,
    "057": 8.0,
    "061": 6.4,
    "112": -2.0,
    "130": -4.4,
    "173": -5.0,
    "190": -10.0,
}
PLOVER = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "11": "ACCUSE",
    "13": "THREATEN",
    "17": "COERCE",
    "19": "ASSAULT",
}


def event(
    source: str | None,
    target: str | None,
    cameo: str,
    text: str,
    evidence: str,
    *,
    modality: str = "asserted",
) -> Event:
    """An event whose evidence is a phrase of `text` (offsets found, so text[start:end] == evidence)."""
    start = text.index(evidence)

    def actor(code: str | None) -> EventActor | None:
        if code is None:
            return None
        return EventActor(text=code.title(), code=code, country=code[:3], sector=code[3:6] or None)

    src = actor(source)
    assert src is not None
    return Event(
        source=src,
        target=actor(target),
        cameo=cameo,
        goldstein=GOLDSTEIN.get(cameo, 0.0),
        quad_class=QUAD[cameo[:2]],
        plover=PLOVER[cameo[:2]],
        plover_mode=None,
        modality=modality,  # type: ignore[arg-type]
        sentence=0,
        start=start,
        end=start + len(evidence),
        evidence=evidence,
        confidence=0.8,
        trigger=evidence.split()[1] if len(evidence.split()) > 1 else evidence,
    )


def record(
    doc_id: str,
    text: str,
    events: list[Event] = (),  # type: ignore[assignment]
    *,
    date: str | None = "2023-05-17",
    url: str | None = None,
    tone: float | None = None,
    place: tuple[str, str, float, float] | None = None,
) -> dict[str, Any]:
    """The contract record of an article with these events (and, optionally, one city for all of them)."""
    raw = RawDocument(id=doc_id, origin=f"test:{doc_id}", text=text, date=date, url=url)
    clean = CleanDocument(raw=raw, text=text, title=None, date=date)
    annotated = AnnotatedDocument(clean=clean, language="en")
    locations: tuple[Location, ...] = ()
    where: tuple[int | None, ...] = (None,) * len(events)
    if place is not None:
        name, country, lat, lon = place
        start = text.index(name)
        locations = (Location(name, start, start + len(name), name, country, lat, lon, 1, "city"),)
        where = (0,) * len(events)
    doc = EnrichedDocument(
        EventDocument(ActorDocument(annotated), tuple(events)),
        locations=locations,
        tone=tone,
        event_locations=where,
    )
    return to_record(doc)
