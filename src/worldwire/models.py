"""Frozen records passed from stage to stage: each stage returns a new one and never edits its input.

RawDocument ──clean──▶ CleanDocument ──nlp──▶ AnnotatedDocument ──output──▶ contract dict
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc

InputFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest read: exactly one of `text`/`html` is set, unless `error` says why neither could be."""

    id: str
    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    encoding: str | None = None
    error: str | None = None
    # For a page: the most characters its extracted article text may have (`--max-chars`); the HTML
    # itself may be larger (ingest.limits). None: no limit left to check.
    text_limit: int | None = None

    @property
    def format(self) -> InputFormat:
        return "html" if self.html is not None else "text"


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of input that cleaning dropped, and which debris kind it was."""

    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline cut from the body: kept because its place tells later stages where the story is.

    `place` is None for an agency-only dateline such as "(Reuters) -"; `date` is the date it states, as
    written ("Dec 12, 2024"), or None.
    """

    text: str
    place: str | None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """The article body every later offset refers to, plus what was cut from it."""

    raw: RawDocument
    text: str
    title: str | None
    date: str | None
    removed: tuple[Removal, ...] = ()
    dateline: Dateline | None = None
    error: str | None = None
    # The page's own address when ingest had none (an HTML page's canonical URL or og:url).
    url: str | None = None

    @property
    def id(self) -> str:
        return self.raw.id


@dataclass(frozen=True, slots=True)
class Segment:
    """One parsed stretch of `CleanDocument.text`; `offset` maps the spaCy Doc's char offsets back."""

    offset: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """The cleaned document with its language and parse (long bodies are parsed in segments)."""

    clean: CleanDocument
    language: str | None
    segments: tuple[Segment, ...] = field(default=(), repr=False)
    error: str | None = None
    # Sentence spans in `clean.text`, trimmed of surrounding whitespace, blank ones skipped. Worked out
    # once from the parse: every later stage and the output index sentences by position in this tuple.
    sentences: tuple[Sentence, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", _trimmed_sentences(self.segments))

    @property
    def id(self) -> str:
        return self.clean.id


def _trimmed_sentences(segments: tuple[Segment, ...]) -> tuple[Sentence, ...]:
    spans = []
    for seg in segments:
        for sent in seg.doc.sents:
            text = sent.text
            stripped = text.strip()
            if stripped:
                start = seg.offset + sent.start_char + (len(text) - len(text.lstrip()))
                spans.append(Sentence(start, start + len(stripped)))
    return tuple(spans)


# ── actors ────────────────────────────────────────────────────────────────────────────────────────

ActorKind = Literal["state", "person", "organisation", "group", "role", "pronoun"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor mention in `clean.text`, resolved on the document's date where possible.

    `code` is a CAMEO actor code ("CHNGOV", "RUS", "IGOUNO"); `country` its ISO alpha-3 part or None.
    A group ("the five Central Asian leaders") lists its members' codes in `members`; a later mention
    ("he", "his Kazakh counterpart") points at the mention it refers to through `antecedent`.
    """

    text: str
    start: int
    end: int
    sentence: int
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    wikidata: str | None = None
    kind: ActorKind = "state"
    members: tuple[str, ...] = ()
    antecedent: int | None = None


@dataclass(frozen=True, slots=True)
class ActorDocument:
    """The parsed document with its actor mentions and the places it names (which say where the story is
    set), each in text order."""

    annotated: AnnotatedDocument
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()

    @property
    def id(self) -> str:
        return self.annotated.id

    @property
    def clean(self) -> CleanDocument:
        return self.annotated.clean

    @property
    def error(self) -> str | None:
        return self.annotated.error


# ── events ────────────────────────────────────────────────────────────────────────────────────────

Modality = Literal["asserted", "intended", "hypothetical", "negated", "historical"]


@dataclass(frozen=True, slots=True)
class EventActor:
    """A source or target of an event: the mention's text plus its code; `actor` indexes `actors`."""

    text: str
    code: str | None
    country: str | None
    sector: str | None
    actor: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom in one sentence, with both codings and the evidence it was read from."""

    source: EventActor
    target: EventActor | None
    cameo: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str | None
    modality: Modality
    sentence: int
    start: int
    end: int
    evidence: str
    confidence: float
    trigger: str = ""
    # The evidence behind `confidence` (events/confidence.py); for calibration, not part of the output.
    cues: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class EventDocument:
    """The document with its actors and the events coded from its sentences."""

    actors: ActorDocument
    events: tuple[Event, ...] = ()

    @property
    def id(self) -> str:
        return self.actors.id

    @property
    def clean(self) -> CleanDocument:
        return self.actors.clean

    @property
    def annotated(self) -> AnnotatedDocument:
        return self.actors.annotated

    @property
    def error(self) -> str | None:
        return self.actors.error


# ── enrichment ────────────────────────────────────────────────────────────────────────────────────

PlaceFeature = Literal["city", "admin2", "admin1", "country", "region"]


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int
    end: int
    code: str | None = None
    actor: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words (without the marks) and who said them; `speaker` is None when nobody is named."""

    text: str
    start: int
    end: int
    speaker: Speaker | None


@dataclass(frozen=True, slots=True)
class Fact:
    """A number the article states: money, a percentage or a count, with its year where one is given."""

    kind: str
    value: float
    text: str
    start: int
    end: int
    sentence: int
    currency: str | None = None
    unit: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A toponym (or metonym/demonym) placed on the map; a country match is never a point."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: PlaceFeature


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression and what it resolves to against the publication date (None: unresolved)."""

    text: str
    start: int
    end: int
    value: str | None


@dataclass(frozen=True, slots=True)
class EnrichedDocument:
    """The final document: events plus quotes, facts, places, dates and tone.

    `event_locations[i]` indexes `locations` for `events.events[i]` (None: nowhere known).
    """

    events: EventDocument
    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    locations: tuple[Location, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    tone: float | None = None
    event_locations: tuple[int | None, ...] = ()

    @property
    def id(self) -> str:
        return self.events.id

    @property
    def clean(self) -> CleanDocument:
        return self.events.clean

    @property
    def annotated(self) -> AnnotatedDocument:
        return self.events.annotated

    @property
    def actors(self) -> ActorDocument:
        return self.events.actors

    @property
    def error(self) -> str | None:
        return self.events.error
