"""The `worldwire extract` record (docs/extract-contract.md): one JSON object per input document."""

from __future__ import annotations

from typing import Any

from worldwire.models import (
    Actor,
    EnrichedDocument,
    Event,
    EventActor,
    Fact,
    Location,
    Quote,
    TimeExpression,
)

CONTRACT_VERSION = "1"


def to_record(doc: EnrichedDocument) -> dict[str, Any]:
    """The contract's fields, in the contract's order, then worldwire's additions."""
    clean = doc.clean
    failed = doc.error is not None
    events = doc.events.events
    return {
        "id": clean.id,
        "title": clean.title,
        "date": clean.date,
        "text": "" if failed else clean.text,
        "removed": [] if failed else [r.text for r in clean.removed],
        "error": doc.error,
        "actors": [_actor(a) for a in doc.actors.actors],
        "events": [
            _event(e, doc.locations, where)
            for e, where in zip(events, doc.event_locations or (None,) * len(events), strict=True)
        ],
        "quotes": [_quote(q) for q in doc.quotes],
        "facts": [_fact(f) for f in doc.facts],
        "locations": [_location(p) for p in doc.locations],
        "tone": doc.tone,
        # additions to the contract (never renamed or removed once released)
        "url": clean.url or clean.raw.url,
        "language": doc.annotated.language,
        "dateline": None
        if failed or clean.dateline is None
        else {"text": clean.dateline.text, "place": clean.dateline.place, "date": clean.dateline.date},
        "removals": [] if failed else [{"text": r.text, "kind": r.kind} for r in clean.removed],
        "sentences": [] if failed else [[s.start, s.end] for s in doc.annotated.sentences],
        "source": {"origin": clean.raw.origin, "encoding": clean.raw.encoding},
        "times": [_time(t) for t in doc.times],
    }


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "text": a.text,
        "start": a.start,
        "end": a.end,
        "name": a.name,
        "code": a.code,
        "country": a.country,
        "sector": a.sector,
        "wikidata": a.wikidata,
        # additions
        "sentence": a.sentence,
        "kind": a.kind,
        "members": list(a.members),
        "antecedent": a.antecedent,
    }


def _event_actor(a: EventActor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"text": a.text, "code": a.code, "country": a.country, "sector": a.sector, "actor": a.actor}


def _event(e: Event, locations: tuple[Location, ...], where: int | None) -> dict[str, Any]:
    return {
        "source": _event_actor(e.source),
        "target": _event_actor(e.target),
        "cameo": {
            "code": e.cameo,
            "root": e.cameo_root,
            "goldstein": e.goldstein,
            "quad_class": e.quad_class,
        },
        "plover": {"category": e.plover, "mode": e.plover_mode},
        "modality": e.modality,
        "sentence": e.sentence,
        "evidence": e.evidence,
        "start": e.start,
        "end": e.end,
        "confidence": e.confidence,
        # additions
        "trigger": e.trigger,
        "location": None if where is None else _location(locations[where]),
    }


def _quote(q: Quote) -> dict[str, Any]:
    speaker = q.speaker
    return {
        "speaker": None
        if speaker is None
        else {
            "text": speaker.text,
            "code": speaker.code,
            "start": speaker.start,
            "end": speaker.end,
            "actor": speaker.actor,
        },
        "text": q.text,
        "start": q.start,
        "end": q.end,
    }


def _fact(f: Fact) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "value": f.value,
        "currency": f.currency,
        "year": f.year,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        # additions
        "unit": f.unit,
        "sentence": f.sentence,
    }


def _location(p: Location) -> dict[str, Any]:
    return {
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonameid": p.geonameid,
        "feature": p.feature,
    }


def _time(t: TimeExpression) -> dict[str, Any]:
    return {"text": t.text, "start": t.start, "end": t.end, "value": t.value}
