"""What an ingest worker process runs: the whole pipeline over a chunk of documents, and its start-up.

Kept apart from the writer (`worldwire.store.runner`), so that a worker process, which imports this module
to run its tasks, does not import DuckDB, Arrow and the store's SQL modules (0.17 s of CPU per worker).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from worldwire.models import RawDocument
from worldwire.output import to_record
from worldwire.pipeline import extract_documents
from worldwire.settings import default
from worldwire.store.config import store_config
from worldwire.store.dedup import signature

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _watch_parent(parent: int) -> None:
    """Worker start-up: exit when the parent dies (a killed ingest must not leave workers behind).

    On Linux the kernel kills the worker (PR_SET_PDEATHSIG), even one stuck in C code that holds the GIL,
    where the watching thread below could never run; elsewhere that thread does it.
    """
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="worldwire-parent-watch", daemon=True).start()


def analyse(
    raws: Iterable[RawDocument],
    *,
    raw_mode: bool,
    default_date: str | None,
    batch_size: int,
    doc_seconds: float = default("doc_seconds"),
) -> Iterator[tuple[dict[str, Any], np.ndarray | None]]:
    """The whole pipeline over documents, in order: records with their MinHash signatures (None for a
    failed record or a body too short to compare). Every engine analyses documents with this."""
    config = store_config()
    documents = extract_documents(
        raws, raw_mode=raw_mode, default_date=default_date, batch_size=batch_size, doc_seconds=doc_seconds
    )
    for doc in documents:
        record = to_record(doc)
        yield record, None if record["error"] else signature(record["text"], config)


def _analyse_chunk(
    raws: Sequence[RawDocument], raw_mode: bool, default_date: str | None, batch_size: int, doc_seconds: float
) -> list[tuple[dict[str, Any], np.ndarray | None]]:
    """Worker: the whole pipeline over a chunk."""
    return list(
        analyse(
            raws, raw_mode=raw_mode, default_date=default_date, batch_size=batch_size, doc_seconds=doc_seconds
        )
    )
