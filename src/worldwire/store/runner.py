"""`worldwire ingest`: stream inputs through the pipeline into the store, in parallel, losing nothing.

Each input is keyed by where it came from and what it holds. An input already in the ingest log is
skipped, so a second run adds nothing and a run killed half-way resumes where its last committed batch
ended. Articles, their rows and their log entries are committed together in one transaction per batch.
Workers (separate processes, one spaCy model each) run the whole pipeline on chunks of documents
(`worldwire.store.workers`); the parent only hashes inputs, clusters near-duplicates and writes, so only
one process ever writes.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np

from worldwire.errors import Errors, WorldwireError
from worldwire.ingest import JsonlFields, read_inputs
from worldwire.ingest.guard import readable
from worldwire.models import RawDocument
from worldwire.output import to_record
from worldwire.pipeline import failed_document
from worldwire.settings import default
from worldwire.store.config import store_config
from worldwire.store.dedup import Clusterer, signature
from worldwire.store.ids import content_hash, digest, input_key
from worldwire.store.workers import _analyse_chunk, _watch_parent, analyse
from worldwire.store.writer import Entry, Status, Writer, load_clusterer, now

COMMIT_EVERY = 16  # inputs per transaction: a kill loses at most this much work, never data
CHUNK = 8  # documents per worker task
# A worker is replaced after this many tasks (200 documents): spaCy's string store and the stages'
# caches grow with every new text, so a long run would otherwise creep up in memory.
WORKER_TASKS = 25
# A JSONL file's last line still being written (E116): reported, but left out of the log.
INCOMPLETE = "[E116]"


@dataclass(slots=True)
class IngestReport:
    """What one `ingest` run did with its inputs; every input lands in exactly one count."""

    run_id: int = 0
    done: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0  # already in the ingest log from an earlier run
    events: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def inputs(self) -> int:
        return self.done + self.duplicate + self.failed + self.skipped


ProgressHook = Callable[[IngestReport], None]


@dataclass(frozen=True, slots=True)
class _Pending:
    raw: RawDocument
    key: str
    content: str | None


class _Session:
    """One run's bookkeeping: what is logged and stored already, what waits to be committed."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        inputs: Sequence[str],
        commit_every: int,
        progress: ProgressHook | None,
        on_commit: ProgressHook | None,
        clusterer: Clusterer | None = None,
    ) -> None:
        self.started = time.perf_counter()
        run_id = _start_run(con, inputs)
        self.con = con
        self.report = IngestReport(run_id=run_id)
        self.writer = Writer(con, run_id, clusterer if clusterer is not None else load_clusterer(con))
        self.logged = {row[0] for row in con.execute("SELECT input_key FROM ingest_log").fetchall()}
        self.stored = {row[0] for row in con.execute("SELECT article_id FROM articles").fetchall()}
        self.ready: list[Entry] = []
        self.commit_every = commit_every
        self.progress = progress
        self.on_commit = on_commit

    def triage(self, key: str, origin: str, doc_id: str, content: str | None, error: str | None) -> bool:
        """Log what needs no parse (failed reads, duplicates, inputs seen before); True: process it."""
        if key in self.logged:
            self.report.skipped += 1
            return False
        if error is not None and error.startswith(INCOMPLETE):  # counted, not logged: read next run
            self.report.failed += 1
            self.report.reasons[error[:6]] = self.report.reasons.get(error[:6], 0) + 1
            return False
        self.logged.add(key)
        if error is not None or content is None:
            self.note(Entry(key, origin, doc_id, content, "failed", error))
            return False
        if content in self.stored:
            self.note(Entry(key, origin, doc_id, content, "duplicate"))
            return False
        self.stored.add(content)
        return True

    def note(self, entry: Entry) -> None:
        self.ready.append(entry)
        report = self.report
        if entry.status == "failed":
            code = (entry.reason or "")[:6]
            report.reasons[code] = report.reasons.get(code, 0) + 1
        setattr(report, entry.status, getattr(report, entry.status) + 1)
        self.flush()

    def flush(self, force: bool = False) -> None:
        report = self.report
        while self.ready and (force or len(self.ready) >= self.commit_every):
            batch, self.ready[:] = self.ready[: self.commit_every], self.ready[self.commit_every :]
            try:
                self.writer.write(batch)
            except (duckdb.IOException, duckdb.TransactionException, OSError) as exc:  # disk full, EFBIG
                raise WorldwireError(Errors.E606.format(path=_store_path(self.con), reason=exc)) from exc
            report.events += sum(len((e.record or {}).get("events") or []) for e in batch)
            report.seconds = time.perf_counter() - self.started
            if self.on_commit:
                self.on_commit(report)
        if self.progress:
            report.seconds = time.perf_counter() - self.started
            self.progress(report)

    def finish(self) -> IngestReport:
        self.flush(force=True)
        self.con.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", [now(), self.report.run_id])
        self.report.seconds = time.perf_counter() - self.started
        return self.report


def ingest_into(
    con: duckdb.DuckDBPyConnection,
    inputs: Sequence[str],
    *,
    workers: int = 1,
    raw_mode: bool = False,
    default_date: str | None = None,
    max_chars: int = default("max_chars"),
    batch_size: int = default("batch_size"),
    commit_every: int = COMMIT_EVERY,
    progress: ProgressHook | None = None,
    on_commit: ProgressHook | None = None,
    follow_links: bool = False,
    doc_seconds: float = default("doc_seconds"),
    fields: JsonlFields | None = None,
) -> IngestReport:
    """Ingest `inputs` into the open store `con`; returns the run's counts (see `IngestReport`).
    `follow_links`: read a folder's symbolic links that lead out of it too; `fields`: the JSONL fields
    holding text, date, URL and title, when not the usual ones."""
    return ingest_documents(
        con,
        read_inputs(inputs, max_chars=max_chars, follow_links=follow_links, fields=fields),
        inputs,
        workers=workers,
        raw_mode=raw_mode,
        default_date=default_date,
        batch_size=batch_size,
        commit_every=commit_every,
        progress=progress,
        on_commit=on_commit,
        doc_seconds=doc_seconds,
    )


def ingest_documents(
    con: duckdb.DuckDBPyConnection,
    documents: Iterable[RawDocument],
    inputs: Sequence[str],
    *,
    workers: int = 1,
    raw_mode: bool = False,
    default_date: str | None = None,
    batch_size: int = default("batch_size"),
    commit_every: int = COMMIT_EVERY,
    progress: ProgressHook | None = None,
    on_commit: ProgressHook | None = None,
    doc_seconds: float = default("doc_seconds"),
    clusterer: Clusterer | None = None,
) -> IngestReport:
    """Ingest documents already read (`inputs` names them in the run's row): what `ingest_into` does
    after reading files, and what `worldwire watch` does with the pages it fetched. `clusterer`: one kept
    by a caller that writes many runs (it must be the store's only writer), instead of one loaded here."""
    session = _Session(con, inputs, commit_every, progress, on_commit, clusterer)
    to_parse: deque[_Pending] = deque()

    def fresh() -> Iterator[RawDocument]:
        for raw in documents:
            content = content_hash(raw)
            key = input_key(raw, content)
            if session.triage(key, raw.origin, raw.id, content, raw.error):
                to_parse.append(_Pending(raw, key, content))
                yield raw

    for record, sig in _records(fresh(), workers, (raw_mode, default_date, batch_size, doc_seconds)):
        item = to_parse.popleft()
        status: Status = "failed" if record["error"] else "done"
        if status == "failed" and item.content is not None:
            session.stored.discard(item.content)  # not stored: a later copy is not a "duplicate" of it
        session.note(
            Entry(item.key, item.raw.origin, item.raw.id, item.content, status, record["error"], record, sig)
        )
    return session.finish()


def store_records(
    con: duckdb.DuckDBPyConnection,
    records: Iterable[dict[str, Any]],
    *,
    name: str = "<records>",
    commit_every: int = COMMIT_EVERY,
) -> IngestReport:
    """Store records already extracted (`worldwire extract` output, or built by hand), with the same
    keys, deduplication, event merging and log as `ingest_into`."""
    session = _Session(con, [name], commit_every, None, None)
    config = store_config()
    for record in records:
        origin = (record.get("source") or {}).get("origin") or name
        error = record.get("error")
        content = None if error else digest(record.get("text") or "", record.get("url"))
        key = digest(origin, str(record["id"]), content if content is not None else error)
        if session.triage(key, origin, str(record["id"]), content, error):
            sig = signature(record.get("text") or "", config)
            session.note(Entry(key, origin, str(record["id"]), content, "done", None, record, sig))
    return session.finish()


def _store_path(con: duckdb.DuckDBPyConnection) -> str:
    rows = con.execute("SELECT file FROM pragma_database_list WHERE name = current_database()").fetchall()
    return str(rows[0][0]) if rows and rows[0][0] else "<memory>"


def _start_run(con: duckdb.DuckDBPyConnection, inputs: Sequence[str]) -> int:
    row = next(iter(con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()), None)
    run_id = int(row[0]) if row else 1
    given = "\n".join(readable(item) for item in inputs) or "-"  # a path that is not UTF-8, escaped
    con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?)", [run_id, now(), given])
    return run_id


def _records(
    raws: Iterable[RawDocument], workers: int, args: tuple[bool, str | None, int, float]
) -> Iterator[tuple[dict[str, Any], np.ndarray | None]]:
    """Records in input order: in this process, or from `workers` processes with bounded work in flight."""
    if workers <= 1:
        raw_mode, default_date, batch_size, doc_seconds = args
        yield from analyse(
            raws, raw_mode=raw_mode, default_date=default_date, batch_size=batch_size, doc_seconds=doc_seconds
        )
        return
    with _Workers(workers, args) as pool:
        chunk: list[RawDocument] = []
        for raw in raws:
            chunk.append(raw)
            if len(chunk) >= CHUNK:
                pool.submit(chunk)
                chunk = []
                while len(pool.in_flight) > 2 * workers:  # flat memory: a few chunks in flight, no more
                    yield from pool.next_results()
        if chunk:
            pool.submit(chunk)
        while pool.in_flight:
            yield from pool.next_results()


class _Workers:
    """A process pool that outlives its workers: when one dies (killed, out of memory), the pool is
    started again, the chunk it held is analysed again one document at a time, alone, so that only the
    document that kills a worker fails (E604), and the other chunks in flight are sent again."""

    def __init__(self, workers: int, args: tuple[bool, str | None, int, float]) -> None:
        self.workers = workers
        self.args = args
        self.in_flight: deque[tuple[list[RawDocument], Future[list[tuple[dict[str, Any], Any]]]]] = deque()
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")  # the parent holds DuckDB: never fork it
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            max_tasks_per_child=WORKER_TASKS,
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, chunk: list[RawDocument]) -> None:
        self.in_flight.append((chunk, self.pool.submit(_analyse_chunk, chunk, *self.args)))

    def next_results(self) -> Iterator[tuple[dict[str, Any], np.ndarray | None]]:
        """The records of the oldest chunk in flight, whatever happens to the worker analysing it."""
        chunk, future = self.in_flight.popleft()
        try:
            yield from future.result()
            return
        except BrokenProcessPool:
            pass
        waiting = list(self.in_flight)  # those the dead pool finished keep their results
        self.in_flight.clear()
        self._restart()
        for raw in chunk:  # alone in the pool: a worker that dies now died of this document
            try:
                yield from self.pool.submit(_analyse_chunk, [raw], *self.args).result()
            except BrokenProcessPool as exc:
                self._restart()
                error = Errors.E604.format(what=repr(raw.id), reason=str(exc) or type(exc).__name__)
                yield to_record(failed_document(raw, error)), None
        for other, done in waiting:
            if done.done() and not done.cancelled() and done.exception() is None:
                self.in_flight.append((other, done))
            else:
                self.submit(other)

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()
