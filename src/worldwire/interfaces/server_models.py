"""The HTTP API's answers as pydantic models: they are the OpenAPI schema that clients, the dashboard and
schemathesis check every response against. Field names are the store's column names."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Event(BaseModel):
    event_id: str
    date: dt.date | None
    actor1_code: str | None
    actor1_name: str | None
    actor1_country: str | None
    actor2_code: str | None
    actor2_name: str | None
    actor2_country: str | None
    cameo: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    plover_mode: str | None
    modality: str | None
    confidence: float | None  # the coder's, 0 to 1: the most confident report of the event
    num_mentions: int
    num_articles: int
    num_sources: int
    avg_tone: float | None
    is_root: bool
    geo_name: str | None
    geo_country: str | None
    geo_lat: float | None
    geo_lon: float | None
    source_url: str | None
    evidence: str | None
    first_article_id: str
    cameo_name: str | None = None  # the CAMEO codebook's name of `cameo`, in lower case


class EventPage(BaseModel):
    page: int
    page_size: int
    total: int
    items: list[Event]


class Mention(BaseModel):
    article_id: str
    idx: int
    sentence: int | None
    start: int | None
    end: int | None
    evidence: str | None
    trigger: str | None
    modality: str | None
    source_text: str | None
    target_text: str | None


class EventDetail(Event):
    mentions: list[Mention]


class DyadRow(BaseModel):
    country1: str
    country2: str
    events: int
    mentions: int | None
    mean_goldstein: float | None
    cooperation: int
    conflict: int


class Dyads(BaseModel):
    items: list[DyadRow]


class Period(BaseModel):
    period: dt.date
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    mean_goldstein: float | None
    mentions: int | None


class Timeline(BaseModel):
    dyad: str | None
    by: str
    items: list[Period]
    undated: int  # matching events without a date: not in any period


class Actor(BaseModel):
    code: str
    name: str | None
    country: str | None
    as_source: int
    as_target: int
    events: int


class Actors(BaseModel):
    items: list[Actor]


class Node(BaseModel):
    id: str
    name: str | None
    country: str | None
    events: int


class Edge(BaseModel):
    source: str
    target: str
    events: int
    mean_goldstein: float | None
    cooperation: int
    conflict: int


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    feature: str | None
    events: int


class Places(BaseModel):
    items: list[Place]


class ArticleEvent(BaseModel):
    event_id: str
    cameo: str
    plover: str | None
    modality: str | None
    quad_class: int | None
    goldstein: float | None
    actor1_code: str | None
    actor2_code: str | None
    sentence: int | None
    start: int | None
    end: int | None
    evidence: str | None
    trigger: str | None


class Article(BaseModel):
    article_id: str
    title: str | None
    date: dt.date | None
    source: str | None
    url: str | None
    text: str | None
    events: list[ArticleEvent]


class Stats(BaseModel):
    articles: int
    clusters: int
    events: int
    undated_events: int
    negated_events: int
    mentions: int
    actors: int
    quotes: int
    facts: int
    locations: int
    inputs: int
    done: int
    duplicate: int
    failed: int
    failures: dict[str, int]
    runs: int
    schema_version: int


class EventType(BaseModel):
    code: str
    name: str


class EventTypes(BaseModel):
    cameo_roots: list[EventType]
    plover: list[EventType]


class AlertEvent(BaseModel):
    """One of the events that fired an alert (the event's own fields, as /api/events gives them)."""

    event_id: str
    date: dt.date | None
    actor1_code: str | None
    actor1_name: str | None
    actor2_code: str | None
    actor2_name: str | None
    dyad: str | None
    cameo: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    confidence: float | None
    evidence: str | None
    source_url: str | None
    first_article_id: str


class Alert(BaseModel):
    """An alert a rule raised: on which dyad, over which window, why, and the events that fired it."""

    alert_id: str
    rule: str
    kind: str  # spike, goldstein or first
    dyad: str | None
    window_start: dt.date
    window_end: dt.date
    value: float | None  # what was measured: events in the window, or their mean Goldstein
    baseline: float | None  # what it was compared with: the mean per window before, the window before
    threshold: float | None
    message: str
    event_ids: list[str]
    fired_at: dt.datetime
    delivered_at: dt.datetime | None  # posted to the rules' webhook
    delivery_error: str | None
    events: list[AlertEvent]


class Alerts(BaseModel):
    page: int
    page_size: int
    total: int
    items: list[Alert]
