"""Bytes to text: refuse binary data, honour BOMs and declared charsets, detect legacy encodings."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from worldwire.errors import Errors, InputError

# File signatures, so that a PDF renamed to .txt is named as a PDF in the error.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x1f\x8b", "gzip-compressed data (name the file .gz so that worldwire unpacks it)"),
    (b"\x7fELF", "an executable program"),
    (b"RIFF", "an audio or video file"),
    (b"\x00\x00\x00", "binary data"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
# A well-formed multi-byte UTF-8 sequence: seeing these next to invalid bytes means corrupt UTF-8,
# not a legacy encoding.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_MAX_CHAOS = 0.25


def decode(data: bytes, what: str, *, html: bool = False) -> tuple[str, str]:
    """Return (text, encoding) for `data`, or raise `InputError` saying why it is not text."""
    if not data.strip():
        raise InputError(Errors.E103.format(what=what))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), what), encoding
    kind = _binary_kind(data)
    if kind:
        raise InputError(Errors.E104.format(what=what, kind=kind))
    try:
        return _checked(data.decode("utf-8"), what), "utf-8"
    except UnicodeDecodeError as exc:
        bad_offset, bad_byte = exc.start, data[exc.start]
    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                return _checked(data.decode(declared), what), declared
            except (UnicodeDecodeError, LookupError):
                pass
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(Errors.E106.format(what=what, byte=bad_byte, offset=bad_offset))
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        raise InputError(Errors.E106.format(what=what, byte=bad_byte, offset=bad_offset))
    return _checked(str(best), what), best.encoding


def _binary_kind(data: bytes) -> str | None:
    head = data[:4096]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"\x00" in head:
        return "binary data"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _checked(text: str, what: str) -> str:
    """Refuse text that decoded but is mostly control characters: that is binary data in disguise."""
    if not text.strip():
        raise InputError(Errors.E103.format(what=what))
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(Errors.E104.format(what=what, kind="binary data"))
    return text
