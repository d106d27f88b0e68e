"""Defences of ingest against hostile or damaged inputs: bounded line reads, printable names, the folder walk.

Each guard turns what would crash, hang or exhaust memory into a failed document with a reason, so that
one bad input never stops a batch (see docs/security.md).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from worldwire.errors import Errors

# Surrogate code points: never valid in text. JSON may spell one ("\ud800"), and a file name that is not
# UTF-8 arrives as U+DC80..U+DCFF (Python's surrogateescape). Neither can be encoded, stored or printed.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Bytes read at a time while skipping the rest of a line that is already too long.
_SKIP_CHUNK = 1 << 20


def first_surrogate(text: str) -> int | None:
    """The offset of the first surrogate code point in `text`, or None (the usual case, checked in C)."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def surrogate_error(text: str, what: str) -> str | None:
    """E114 for `text` holding a lone surrogate, else None."""
    offset = first_surrogate(text)
    if offset is None:
        return None
    return Errors.E114.format(what=what, char=_escape(text[offset]), offset=offset)


def readable(text: str) -> str:
    """`text` with every surrogate written out: an undecodable file-name byte as '\\xff', a lone JSON
    surrogate as '\\ud800'. Ids, origins and titles pass through this so they can be stored and printed."""
    if first_surrogate(text) is None:
        return text
    return _SURROGATE.sub(lambda m: _escape(m.group(0)), text)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte the file system gave
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The lines of `stream`, never holding more than `limit` bytes of one: a longer line is read past in
    chunks and yielded as its length in bytes (an int) instead, so a gzip bomb or a file without newlines
    costs time, not memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield size


def not_regular(path: Path) -> str | None:
    """Why `path` is not a regular file worldwire can read without blocking (a FIFO, a device), or None.
    A FIFO would block the read forever, a device would never end."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # missing or unreadable: opening it says what is wrong
    if stat.S_ISREG(mode):
        return None
    kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket or device"
    return f"it is {kind}, not a regular file; pipe data in through standard input ('-') instead"


def walk_folder(root: Path, suffixes: frozenset[str], *, follow_links: bool) -> list[tuple[Path, str | None]]:
    """Every entry under `root` worldwire would read, with the reason it is skipped (None: read it).

    Hidden entries and files of other types are passed over silently. Symbolic links are read only when
    they stay inside `root`, unless `follow_links`; links to nothing, link loops and FIFOs are skipped with a
    reason, so the caller can log them (E115).
    """
    base = root.resolve()
    found: list[tuple[Path, str | None]] = []
    seen_dirs = {base}

    def visit(folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append((folder, f"the folder cannot be listed ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                _link(path)
            elif entry.is_dir(follow_symlinks=False):
                visit(path)
            elif _suffix(path) in suffixes:
                found.append((path, None if entry.is_file(follow_symlinks=False) else not_regular(path)))

    def _link(path: Path) -> None:
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            if _suffix(path) in suffixes:
                found.append((path, "a symbolic link to nothing (its target is missing)"))
            return
        except (OSError, RuntimeError):  # RuntimeError: a loop, on Python before 3.13
            found.append((path, "a symbolic link loop"))
            return
        inside = target == base or base in target.parents
        if target.is_dir():
            if inside:
                found.append((path, "a symbolic link to a folder inside it (its files are read there)"))
            elif not follow_links:
                found.append((path, "a symbolic link to a folder outside it; pass --follow-links to read it"))
            elif target in seen_dirs:
                found.append((path, "a symbolic link to a folder already read (a loop)"))
            else:
                seen_dirs.add(target)
                visit(path)
            return
        if _suffix(path) not in suffixes:
            return
        if not inside and not follow_links:
            found.append((path, "a symbolic link to a file outside it; pass --follow-links to read it"))
        else:
            found.append((path, not_regular(target)))

    visit(root)
    return sorted(found)


def skipped_error(path: Path, root: Path, reason: str) -> str:
    return Errors.E115.format(path=readable(str(path)), folder=readable(str(root)), reason=reason)


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""
