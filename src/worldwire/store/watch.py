"""`worldwire watch`: keep a store current from feeds and sitemaps, one cycle at a time.

A cycle polls every source (conditional GET), stores the links it has not seen with the source's new
validators (one transaction per source), fetches every link not done yet, politely and safely
(`ingest.fetch`), and runs the pages through the same ingest as `worldwire ingest`: the same pipeline,
the same deduplication (a story linked from five feeds, or copied by five sites, is one story cluster, its
events counted once with every report as a mention), the same log. Then it evaluates the alert rules.

Exact across kills: a link is done when the ingest log holds its address, and that entry is committed
with the article (see watchstate.py); a page that failed for a reason that may pass (a timeout, a 5xx,
an unreadable robots.txt) is tried again next cycle, `attempts` times at most, then logged as failed; a
page that failed for good (404, refused address, robots.txt, not a page, too large) is logged at once.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import duckdb

from worldwire.errors import Errors, InputError, WorldwireError
from worldwire.ingest.decode import decode
from worldwire.ingest.fetch import Fetched, Fetcher
from worldwire.ingest.limits import html_chars
from worldwire.ingest.sources import Link, Listing, newest, read_listing
from worldwire.models import RawDocument
from worldwire.settings import default
from worldwire.store import watchstate
from worldwire.store.alerts import Alert, Rules, deliver, evaluate
from worldwire.store.dedup import Clusterer
from worldwire.store.runner import COMMIT_EVERY, IngestReport, ProgressHook, ingest_documents
from worldwire.store.writer import load_clusterer

MAX_FETCH_THREADS = 32  # threads fetching pages (most of them wait for their host's turn)
MAX_CHILD_SITEMAPS = 10  # sitemaps read from one sitemap index per cycle (the newest)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class WatchOptions:
    workers: int = 1
    max_items: int = 100  # new links taken from one source in one cycle (the newest)
    attempts: int = 5  # tries of a page that fails for a reason that may pass, one per cycle
    max_chars: int = default("max_chars")
    doc_seconds: float = default("doc_seconds")
    batch_size: int = default("batch_size")
    commit_every: int = COMMIT_EVERY


@dataclass(slots=True)
class CycleReport:
    """What one cycle did; `ingest` is None when no page was waiting."""

    cycle: int
    started: dt.datetime
    sources: int = 0
    unchanged: int = 0
    failed_sources: dict[str, str] = field(default_factory=dict)
    new_links: int = 0
    pages: int = 0  # pages fetched
    retry: int = 0  # pages that failed for a reason that may pass: tried again next cycle
    ingest: IngestReport | None = None
    alerts: list[Alert] = field(default_factory=list)
    delivery_errors: list[str] = field(default_factory=list)
    error: str | None = None  # the cycle stopped (the store could not be written...)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return (self.ingest.failed if self.ingest else 0) + len(self.failed_sources)

    def line(self) -> str:
        """The cycle in one line, for the terminal."""
        ingest = self.ingest or IngestReport()
        parts = [
            f"cycle {self.cycle}: {self.sources} sources ({self.unchanged} unchanged, "
            f"{len(self.failed_sources)} failed)",
            f"{self.new_links} new links",
            f"{ingest.done} stored, {ingest.duplicate} duplicates, {ingest.failed} failed, "
            f"{self.retry} to retry",
            f"{ingest.events} events",
            f"{len(self.alerts)} alerts",
            f"{self.seconds:.1f} s",
        ]
        return "; ".join(parts) + (f"; stopped: {self.error}" if self.error else "")


@dataclass(frozen=True, slots=True)
class _Polled:
    source: str
    kind: str | None
    links: tuple[Link, ...] = ()
    fetched: Fetched | None = None
    error: str | None = None
    unchanged: bool = False


class Watcher:
    """Polls `sources` into the store behind `con`, which it must be the only writer of."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        sources: Sequence[str],
        fetcher: Fetcher,
        *,
        rules: Rules | None = None,
        options: WatchOptions | None = None,
        on_commit: ProgressHook | None = None,
        every: float = 900.0,
    ) -> None:
        self.con = con
        self.sources = list(sources)
        self.fetcher = fetcher
        self.rules = rules
        self.options = options or WatchOptions()
        self.on_commit = on_commit
        self.every = every
        self.cycles = 0
        self.stopping = threading.Event()
        self._clusterer: Clusterer | None = None
        self._retry: list[tuple[str, str]] = []

    # ---- the loop ----------------------------------------------------------------------------------

    def run(
        self,
        every: float | None = None,
        *,
        once: bool = False,
        on_cycle: Callable[[CycleReport], None] | None = None,
        as_of: Callable[[], dt.date | None] = lambda: None,
    ) -> None:
        """Run cycles `every` seconds apart (start to start) until `stop()`; one with `once`. A cycle that
        fails on the store is reported and the next one tries again."""
        every = self.every if every is None else every
        while not self.stopping.is_set():
            started = time.monotonic()
            report = self.cycle(as_of=as_of())
            if on_cycle is not None:
                on_cycle(report)
            if once:
                return
            self.stopping.wait(max(0.0, every - (time.monotonic() - started)))

    def stop(self) -> None:
        """Ask the loop to stop: the page being analysed is finished and committed, nothing else starts."""
        self.stopping.set()

    def cycle(self, *, as_of: dt.date | None = None) -> CycleReport:
        """One cycle: poll, fetch, ingest, evaluate the alerts."""
        self.cycles += 1
        report = CycleReport(self.cycles, dt.datetime.now(dt.UTC), sources=len(self.sources))
        started = time.perf_counter()
        try:
            self._cycle(report, as_of)
        except (WorldwireError, duckdb.Error) as exc:
            self._clusterer = None  # it may hold articles a failed transaction did not store
            report.error = str(exc)
        report.seconds = time.perf_counter() - started
        return report

    def _cycle(self, report: CycleReport, as_of: dt.date | None) -> None:
        states = watchstate.source_states(self.con)
        with ThreadPoolExecutor(max(1, min(len(self.sources), self.fetcher.policy.connections))) as pool:
            polls = list(pool.map(lambda source: self._poll(source, states.get(source)), self.sources))
        for polled in polls:
            fetched = polled.fetched
            status = "failed" if polled.error else "unchanged" if polled.unchanged else "new"
            report.new_links += watchstate.record_poll(
                self.con,
                polled.source,
                kind=polled.kind,
                links=polled.links,
                etag=fetched.etag if fetched else None,
                last_modified=fetched.last_modified if fetched else None,
                status=status,
                error=polled.error,
            )
            if polled.error:
                report.failed_sources[polled.source] = polled.error
            report.unchanged += polled.unchanged
        items = watchstate.pending(self.con)
        self._retry = []
        if items and not self.stopping.is_set():
            if self._clusterer is None:
                self._clusterer = load_clusterer(self.con)
            options = self.options
            report.ingest = ingest_documents(
                self.con,
                self._documents(_by_host(items), report),
                [f"watch: {source}" for source in self.sources],
                workers=options.workers,
                batch_size=options.batch_size,
                commit_every=options.commit_every,
                doc_seconds=options.doc_seconds,
                on_commit=self.on_commit,
                clusterer=self._clusterer,
            )
        watchstate.record_failures(self.con, self._retry)
        if self.rules is not None:
            report.alerts = evaluate(self.con, self.rules, as_of)
            if self.rules.webhook:
                report.delivery_errors = deliver(self.con, self.rules.webhook, self.fetcher.post_json)

    # ---- sources -----------------------------------------------------------------------------------

    def _poll(self, source: str, state: watchstate.SourceState | None) -> _Polled:
        fetched = self.fetcher.get(
            source,
            "feed",
            named=True,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
        )
        if fetched.error is not None or fetched.body is None:
            if fetched.not_modified:
                return _Polled(source, None, fetched=fetched, unchanged=True)
            return _Polled(source, None, fetched=fetched, error=fetched.error or "no body")
        listing = _listing(fetched.body, fetched.final_url or source)
        if listing.error is not None:
            return _Polled(source, None, fetched=fetched, error=listing.error)
        links = list(listing.links)
        if listing.kind == "sitemapindex":
            links = []
            for child in newest(listing.links, MAX_CHILD_SITEMAPS):
                got = self.fetcher.get(child.url, "feed")
                if got.body is not None and got.error is None:
                    part = _listing(got.body, got.final_url or child.url)
                    if part.kind == "sitemap":
                        links.extend(part.links)
        return _Polled(source, listing.kind, tuple(newest(links, self.options.max_items)), fetched=fetched)

    # ---- pages -------------------------------------------------------------------------------------

    def _documents(self, items: list[watchstate.Item], report: CycleReport) -> Iterator[RawDocument]:
        """The pages of `items`, fetched a few at a time ahead of the analysis, yielded in order. A thread
        waiting for its host's turn (the politeness delay) holds no connection: there are enough threads
        for every host to have its turns while others wait, and the connections stay `connections`."""
        policy = self.fetcher.policy
        hosts = len({urlsplit(item.url).netloc for item in items})
        threads = min(MAX_FETCH_THREADS, max(policy.connections, hosts * policy.per_host))
        ahead = 2 * threads
        pool = ThreadPoolExecutor(threads)
        window: deque[tuple[watchstate.Item, Future[Fetched]]] = deque()
        queue = iter(items)
        try:
            while True:
                while len(window) < ahead and (item := next(queue, None)) is not None:
                    window.append((item, pool.submit(self.fetcher.get, item.url, "page")))
                if not window or self.stopping.is_set():
                    return
                item, future = window.popleft()
                document = self._document(item, future.result(), report)
                if document is not None:
                    yield document
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _document(self, item: watchstate.Item, fetched: Fetched, report: CycleReport) -> RawDocument | None:
        """The page as a document; a failed one for a failure that is final; None: try again next cycle."""
        base: dict[str, Any] = {"id": item.url, "origin": item.url, "title": item.title, "date": item.date}
        if fetched.error is None and fetched.body is not None:
            report.pages += 1
            return self._page(item, fetched)
        error = fetched.error or Errors.E117.format(url=item.url, reason="no body", then="")
        if fetched.transient:
            if item.attempts + 1 < self.options.attempts:
                self._retry.append((item.url, error))
                report.retry += 1
                return None
            error = error.replace(
                "It is tried again next cycle.",
                f"It failed in {self.options.attempts} cycles in a row and is not tried again.",
            )
        return RawDocument(**base, url=fetched.final_url or item.url, error=error)

    def _page(self, item: watchstate.Item, fetched: Fetched) -> RawDocument:
        assert fetched.body is not None
        url = fetched.final_url or item.url
        is_html = fetched.content_type is None or fetched.content_type in _HTML_TYPES
        base: dict[str, Any] = {
            "id": item.url,
            "origin": item.url,
            "title": item.title,
            "date": item.date,
            "url": url,
        }
        max_chars = self.options.max_chars
        try:
            text, encoding = decode(fetched.body, repr(url), html=is_html)
        except InputError as exc:
            return RawDocument(**base, error=str(exc))
        limit = html_chars(max_chars) if is_html else max_chars
        if len(text) > limit:
            size = f"{len(text):,} characters{' of HTML' if is_html else ''}"
            return RawDocument(**base, error=Errors.E105.format(what=repr(url), size=size, limit=limit))
        if is_html:
            return RawDocument(**base, html=text, encoding=encoding, text_limit=max_chars)
        return RawDocument(**base, text=text, encoding=encoding)


def _listing(data: bytes, url: str) -> Listing:
    """`read_listing`, never raising: a source that breaks the parser is a failed source, not a dead
    watch (the next cycle polls it again)."""
    try:
        return read_listing(data, url)
    except Exception as exc:  # third-party bytes must not stop the other sources
        return Listing(None, error=Errors.E112.format(path=url, reason=f"{type(exc).__name__}: {exc}"))


def _by_host(items: Sequence[watchstate.Item]) -> list[watchstate.Item]:
    """`items` taken host by host in turn (each host's in their order): one slow host does not hold up
    the others' pages behind it."""
    queues: dict[str, deque[watchstate.Item]] = {}
    for item in items:
        queues.setdefault(urlsplit(item.url).netloc, deque()).append(item)
    out: list[watchstate.Item] = []
    while queues:
        for host in list(queues):
            out.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return out
