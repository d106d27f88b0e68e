"""E602, said right: which process holds a store that cannot be opened, and what to do about it.

DuckDB lets one process write a database file, and while it does no other process may open the file, not
even to read; a process that reads it (`worldwire serve`) keeps every writer out in turn. DuckDB's lock
error names the holder's process id; its command line (from /proc, where there is one) tells a reading
server from a writer, so the message blames the right one and names the way out: `worldwire serve
--watch`, one process that writes and serves (docs/watch.md).
"""

from __future__ import annotations

import re
from pathlib import Path

from worldwire.errors import Errors, WorldwireError

_PID = re.compile(r"\(PID (\d+)\)")
_MAX_COMMAND = 160

WATCH_ADVICE = (
    "To read a store while news is added to it, run one process that does both: "
    "`worldwire serve --db FILE --watch SOURCES` (docs/watch.md)"
)


def _command(pid: int) -> str | None:
    """The command line of process `pid`, shortened, or None where it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
    if words and Path(words[0]).name.startswith("python"):  # python -m worldwire ..., python .../worldwire
        words = words[1:]
    if words and words[0] == "-m":
        words = words[1:]
    if words:
        words[0] = Path(words[0]).name
    text = " ".join(words)
    return text if len(text) <= _MAX_COMMAND else text[: _MAX_COMMAND - 1] + "…"


def _role(command: str | None) -> str:
    """What the holder does with the store: 'reader' (a plain `serve`), 'writer', or 'unknown'."""
    if not command or "worldwire" not in command:
        return "unknown"
    words = command.split()
    if "serve" in words:
        return "writer" if "--watch" in words else "reader"
    if {"watch", "ingest", "attach", "demo"} & set(words):
        return "writer"
    return "unknown"


def busy_error(path: str, exc: Exception, *, read_only: bool) -> WorldwireError:
    """The E602 error for a store that DuckDB would not open (`exc`), naming the holder if it can."""
    mode = " to read it" if read_only else " for writing"
    match = _PID.search(str(exc))
    if match is None:
        return WorldwireError(
            Errors.E602.format(
                path=path,
                mode=mode,
                holder=f"DuckDB says {exc}",
                advice="Check the file and its permissions, or pass another --db file.",
            )
        )
    pid = int(match[1])
    command = _command(pid)
    holder = f"process {pid} ({command}) has it open" if command else f"process {pid} has it open"
    role = _role(command)
    if read_only:
        advice = (
            "While one process writes a store, DuckDB lets no other process open it, not even to read. "
            f"Wait for the writer to finish, or read a copy. {WATCH_ADVICE}."
        )
    elif role == "reader":
        advice = (
            "It is a read-only `worldwire serve`, and DuckDB lets no process write a store that another "
            "process has open, even one that only reads. Stop the server, or ingest into another --db file; "
            "reading beside it works (`worldwire.open(FILE, read_only=True)`, `worldwire events`). "
            f"{WATCH_ADVICE}."
        )
    elif role == "writer":
        advice = (
            "A store has one writer at a time: wait for it to finish or stop it, or pass another --db file. "
            f"{WATCH_ADVICE}."
        )
    else:
        advice = (
            "DuckDB lets one process write a store, and no other process open it meanwhile: wait for that "
            f"process, stop it, or pass another --db file. {WATCH_ADVICE}."
        )
    return WorldwireError(Errors.E602.format(path=path, mode=mode, holder=holder, advice=advice))
