"""`worldwire serve`: a read-only HTTP API over the store, and the dashboard that reads it.

Every route is a thin call to a `worldwire.store.queries` function, so the API, the CLI and the Python
API answer the same question with the same SQL. The store is opened read-only; each request gets its
own DuckDB cursor, so requests run side by side in FastAPI's thread pool. Every error, whatever raised
it, is one JSON shape: `{"error": {"status": 400, "code": "E701", "message": "..."}}`. Nothing is loaded
from the network: no Swagger UI (it comes from a CDN); the schema is at /api/openapi.json.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from worldwire import __version__
from worldwire.errors import Errors, WorldwireError
from worldwire.ingest import normalize_date
from worldwire.interfaces.guard import Guard
from worldwire.interfaces.server_models import (
    Actors,
    Alerts,
    Article,
    Dyads,
    ErrorBody,
    EventDetail,
    EventPage,
    EventTypes,
    Network,
    Places,
    Stats,
    Timeline,
)
from worldwire.store import names, queries
from worldwire.store.alerts import alert_page
from worldwire.store.api import connect
from worldwire.store.watch import CycleReport, Watcher

STATIC = Path(__file__).resolve().parent / "web" / "static"
log = logging.getLogger("worldwire.server")

# Each parameter: what it must look like (OpenAPI `pattern`; "" always means "no filter") and what to
# tell someone who got it wrong. Allowed values come from the codebooks, not from this module.
_PLOVER = "|".join(queries.plover_categories())
_MODALITY = "|".join(queries.MODALITIES)
PARAMS: dict[str, tuple[str | None, str]] = {
    "dyad": (
        None,
        "two countries joined by '-', either order, each a name or an ISO code: CHN-KAZ, "
        "China-Kazakhstan, CN-KZ",
    ),
    "country": (None, "a country, as source or target: a name or an ISO code (KAZ, KZ, Kazakhstan)"),
    "actor": (r"^([A-Za-z]{3,15})?$", "an actor's CAMEO code (3 to 15 letters), as source or target: CHNGOV"),
    "cameo": (
        r"^([0-9]{2,4})?$",
        "a CAMEO event code, 2 to 4 digits, matching it and its sub-codes: 04, 042",
    ),
    "root": (None, "a CAMEO root, 01 to 20 or its name: 19, fight, 14, protest"),
    "plover": (None, f"a PLOVER category, in any case: {_PLOVER.replace('|', ', ')}"),
    "modality": (f"^({_MODALITY})?$", f"a modality: {_MODALITY.replace('|', ', ')}"),
    "since": (r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$", "a date YYYY-MM-DD: only events on or after it"),
    "until": (r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$", "a date YYYY-MM-DD: only events on or before it"),
    "min_confidence": (None, "the lowest coder confidence kept, 0 to 1 (events without one are left out)"),
    "q": (None, "words that must all occur in the evidence sentence (any case), at most 200 characters"),
    "negated": (None, "true to include events the article says did not happen"),
    "page": (None, "a page number, from 1"),
    "page_size": (None, f"results per page, 1 to {queries.MAX_PAGE_SIZE}"),
    "top": (None, "how many to return"),
    "by": (f"^({'|'.join(queries.PERIODS)})$", f"a period: {', '.join(queries.PERIODS)}"),
}


def _query(name: str, **limits: Any) -> Any:
    pattern, help_ = PARAMS[name]
    return Query(description=help_, pattern=pattern, **limits)


# Names are resolved (or refused with the closest matches, E607/E608) by `store.names`, as in the CLI.
Dyad = Annotated[str, _query("dyad", max_length=120)]
Country = Annotated[str, _query("country", max_length=60)]
Since = Annotated[str, _query("since")]
Until = Annotated[str, _query("until")]
Negated = Annotated[bool, _query("negated")]
Root = Annotated[str, _query("root", max_length=60)]
Plover = Annotated[str, _query("plover", max_length=60)]
Words = Annotated[str, _query("q", max_length=200)]
MinConfidence = Annotated[float | None, _query("min_confidence", ge=0.0, le=1.0)]


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the app's read-only connection for this request alone (cursors are not shared)."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
router = APIRouter(prefix="/api", responses={"4XX": {"model": ErrorBody}, "500": {"model": ErrorBody}})


def _dyad(value: str) -> tuple[str, str] | None:
    return names.dyad(value, "dyad") if value else None


def _date(value: str, name: str) -> str | None:
    """A real calendar date (the pattern only says YYYY-MM-DD), or E701 naming the parameter."""
    try:
        return normalize_date(value, name)
    except WorldwireError as exc:
        raise WorldwireError(
            Errors.E701.format(name=name, problem=f"{value!r} is not a date", expected=PARAMS[name][1])
        ) from exc


def _span(country: str, dyad: str, since: str, until: str) -> dict[str, Any]:
    """The filters every summary endpoint shares, as `queries` keywords."""
    return {
        "country": country or None,
        "dyad": _dyad(dyad),
        "since": _date(since, "since"),
        "until": _date(until, "until"),
    }


def what(root: Root = "", plover: Plover = "", q: Words = "") -> dict[str, Any]:
    """The filters on what happened (CAMEO root, PLOVER category, words of the evidence)."""
    return {"root": root or None, "plover": plover or None, "q": q or None}


What = Annotated[dict[str, Any], Depends(what)]


def span(
    what: What,
    country: Country = "",
    dyad: Dyad = "",
    since: Since = "",
    until: Until = "",
    negated: Negated = False,
    min_confidence: MinConfidence = None,
) -> dict[str, Any]:
    """The filters the summary routes (timeline, actors, network, places) share with /events, as one
    dependency: every view of the dashboard shows the same events."""
    return _span(country, dyad, since, until) | what | {"negated": negated, "min_confidence": min_confidence}


Span = Annotated[dict[str, Any], Depends(span)]


@router.get("/event-types", summary="The CAMEO roots and PLOVER categories filters take, with names")
def event_types() -> EventTypes:
    return EventTypes.model_validate(queries.event_types())


@router.get("/stats", summary="What the store holds and how every input ended")
def stats(cur: Cursor) -> Stats:
    return Stats.model_validate(queries.status(cur))


@router.get("/events", summary="Events, newest first, one page at a time")
def events(
    cur: Cursor,
    dyad: Dyad = "",
    actor: Annotated[str, _query("actor")] = "",
    country: Country = "",
    cameo: Annotated[str, _query("cameo")] = "",
    root: Root = "",
    plover: Plover = "",
    modality: Annotated[str, _query("modality")] = "",
    since: Since = "",
    until: Until = "",
    q: Words = "",
    negated: Negated = False,
    min_confidence: MinConfidence = None,
    page: Annotated[int, _query("page", ge=1)] = 1,
    page_size: Annotated[int, _query("page_size", ge=1, le=queries.MAX_PAGE_SIZE)] = 50,
) -> EventPage:
    page_ = queries.event_page(
        cur,
        page=page,
        page_size=page_size,
        actor_code=actor or None,
        cameo=cameo or None,
        root=root or None,
        plover=plover or None,
        modality=modality or None,
        q=q or None,
        negated=negated,
        min_confidence=min_confidence,
        **_span(country, dyad, since, until),
    )
    return EventPage.model_validate(page_)


@router.get("/events/{event_id}", summary="One event with every report of it (evidence and offsets)")
def event(cur: Cursor, event_id: str) -> EventDetail:
    found = queries.event(cur, event_id)
    if found is None:
        raise WorldwireError(Errors.E703.format(what="event", id=event_id))
    return EventDetail.model_validate(found)


@router.get("/dyads", summary="The country pairs with the most events")
def dyads(
    cur: Cursor,
    what: What,
    top: Annotated[int, _query("top", ge=1, le=200)] = 20,
    country: Country = "",
    since: Since = "",
    until: Until = "",
    negated: Negated = False,
    min_confidence: MinConfidence = None,
) -> Dyads:
    span = _span(country, "", since, until) | what
    del span["dyad"]
    rows = queries.dyads_sql(cur, top=top, negated=negated, min_confidence=min_confidence, **span)
    return Dyads.model_validate({"items": queries.rows(cur, rows)})


@router.get("/timeline", summary="Events per period (of a dyad, a country, or all) by QuadClass")
def timeline(cur: Cursor, span: Span, by: Annotated[str, _query("by")] = "month") -> Timeline:
    a, b = span.pop("dyad") or (None, None)
    rows = queries.rows(cur, queries.timeline_sql(cur, a, b, by=by, **span))
    since, until = span.pop("since"), span.pop("until")
    undated = queries.undated(cur, a, b, **span) if since is None and until is None else 0
    dyad = f"{a}-{b}".upper() if a else None
    return Timeline.model_validate({"dyad": dyad, "by": by, "items": rows, "undated": undated})


@router.get("/actors", summary="The actors in the most events, as source and as target")
def actors(cur: Cursor, span: Span, top: Annotated[int, _query("top", ge=1, le=500)] = 50) -> Actors:
    return Actors.model_validate({"items": queries.rows(cur, queries.actors_sql(cur, top=top, **span))})


@router.get("/network", summary="Who acts on whom: directed edges among the top actors")
def network(cur: Cursor, span: Span, top: Annotated[int, _query("top", ge=1, le=200)] = 40) -> Network:
    return Network.model_validate(queries.network(cur, top=top, **span))


@router.get("/places", summary="Where events happened: places with coordinates and event counts")
def places(cur: Cursor, span: Span, top: Annotated[int, _query("top", ge=1, le=5000)] = 500) -> Places:
    return Places.model_validate({"items": queries.rows(cur, queries.places_sql(cur, top=top, **span))})


@router.get("/alerts", summary="Alerts raised by the watch's rules, newest first, with their events")
def alerts(
    cur: Cursor,
    dyad: Dyad = "",
    page: Annotated[int, _query("page", ge=1)] = 1,
    page_size: Annotated[int, _query("page_size", ge=1, le=queries.MAX_PAGE_SIZE)] = 20,
) -> Alerts:
    if page * page_size > queries.MAX_DEPTH:
        raise WorldwireError(Errors.E702.format(page=page, page_size=page_size, limit=queries.MAX_DEPTH))
    return Alerts.model_validate(alert_page(cur, page=page, page_size=page_size, dyad=dyad or None))


@router.get("/articles/{article_id}", summary="An article's cleaned text and its events' evidence spans")
def article(cur: Cursor, article_id: str) -> Article:
    found = queries.article(cur, article_id)
    if found is None:
        raise WorldwireError(Errors.E703.format(what="article", id=article_id))
    return Article.model_validate(found)


# Errors: the code is the message's [Exxx]; what the client did wrong is a 4xx, the rest a 500.
STATUS = {"E603": 400, "E607": 400, "E608": 400, "E701": 400, "E702": 400, "E703": 404}
_CODE = re.compile(r"\[(E\d{3})\]")


def error_response(status: int, message: str) -> JSONResponse:
    match = _CODE.search(message)
    code = match[1] if match else "E705"
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def _on_worldwire_error(_request: Request, exc: Exception) -> JSONResponse:
    message = str(exc)
    match = _CODE.search(message)
    return error_response(STATUS.get(match[1] if match else "", 500), message)


def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    name = str(first.get("loc", ("", "request"))[-1])
    problem = f"{first.get('input')!r} is not accepted"
    if first.get("type") != "string_pattern_mismatch":  # the pattern itself says less than `expected`
        problem += f" ({first.get('msg', 'invalid')})"
    expected = PARAMS.get(name, (None, "a value as /api/openapi.json describes"))[1]
    return error_response(400, Errors.E701.format(name=name, problem=problem, expected=expected))


def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    reason = {404: "no such page or route", 405: "method not allowed"}.get(exc.status_code, str(exc.detail))
    message = Errors.E704.format(method=request.method, path=request.url.path, reason=reason)
    return error_response(exc.status_code, message)


def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug, not the client's fault: logged with its traceback here, never sent to the client."""
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, Errors.E705.format(method=request.method, path=request.url.path))


WatcherFactory = Callable[[duckdb.DuckDBPyConnection], Watcher]


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """With a watcher: its cycles run in a thread for as long as the server does."""
    watcher: Watcher | None = app.state.watcher
    thread = None
    if watcher is not None:

        def cycle_done(report: CycleReport) -> None:
            log.info("watch %s", report.line())
            for alert in report.alerts:
                log.warning("ALERT %s [%s] %s", alert.dyad, alert.rule, alert.message)

        watcher.stopping.clear()
        thread = threading.Thread(
            target=watcher.run, kwargs={"on_cycle": cycle_done}, name="worldwire-watch", daemon=True
        )
        thread.start()
    try:
        yield
    finally:
        if watcher is not None and thread is not None:
            watcher.stop()
            thread.join(timeout=60)
            watcher.fetcher.close()


def create_app(
    db: Path,
    static: Path = STATIC,
    *,
    hosts: frozenset[str] | None = None,
    token: str | None = None,
    watcher: WatcherFactory | None = None,
) -> FastAPI:
    """The API and dashboard over the store `db`, opened read-only. A missing file is an error (E706):
    serving must never create an empty store in the wrong place.

    `hosts`: the Host names answered (others get E707); `worldwire serve` always gives them (see
    `guard.allowed_hosts`), None answers any, for in-process clients. `token`: every request must carry it.
    `watcher`: builds the `Watcher` that keeps the store current (`serve --watch`) from a connection of
    its own. The store is then opened for writing (and created if missing) by this one process; the
    watcher commits in short transactions, and every request reads through a cursor of the same database,
    so it sees each commit at once. The API still only reads. It is `app.state.watcher`, and its cycles run
    in a thread while the app runs (lifespan).
    """
    if watcher is None and not Path(db).is_file():
        raise WorldwireError(Errors.E706.format(path=str(db)))
    # The connection lives as long as the app: a restarted server (lifespan) reuses it.
    con = connect(db, read_only=watcher is None)
    if watcher is None:
        # One thread per query: requests already run side by side (one cursor each, in the thread pool),
        # and a query that also asks for every core makes them take turns on them, at a cost in CPU that
        # the summaries' small queries pay more than they gain. (A watcher's writes keep every thread.)
        con.execute("SET threads = 1")
    app = FastAPI(
        lifespan=_lifespan,
        title="worldwire",
        version=__version__,
        summary="Political events coded from news, with evidence: a read-only API over a worldwire store.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: worldwire stays offline
        redoc_url=None,
    )
    app.state.con = con
    app.state.db = Path(db)
    app.state.watcher = watcher(con.cursor()) if watcher is not None else None
    app.add_exception_handler(WorldwireError, _on_worldwire_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
    app.include_router(router)
    app.mount("/", StaticFiles(directory=static, html=True), name="dashboard")  # after the API routes
    app.add_middleware(Guard, hosts=hosts, token=token)
    return app
