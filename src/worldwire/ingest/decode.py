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
# A well-formed multi-byte UTF-8 sequence: seeing as many of these as invalid bytes means corrupt UTF-8,
# not a legacy encoding.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_MAX_CHAOS = 0.25
# Windows-1252 (Latin-1 and more) is by far the likeliest legacy encoding of English text; on short
# texts the detector's pick among single-byte encodings is close to arbitrary (cp1250 reads "naïve" as
# "naďve", cp775 reads "Zürich" as "Z³rich"). So Windows-1252 wins when its chaos is at most this much
# above the pick's: measured, Western text in it scores up to 0.025 worse than a wrong pick, while Czech
# or Hungarian text misread as Windows-1252 scores 0.058 or more worse than its right encoding.
_WESTERN = "cp1252"
_WESTERN_MARGIN = 0.04
# Declared charsets that browsers read as a superset: pages labelled ISO-8859-1 are full of Windows-1252
# quotes and dashes (0x80-0x9F), which ISO-8859-1 would turn into invisible control characters.
_WHATWG_LABELS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}


def decode(data: bytes, what: str, *, html: bool = False) -> tuple[str, str]:
    """Return (text, encoding) for `data`, or raise `InputError` saying why it is not text."""
    if not data.strip():
        raise InputError(Errors.E103.format(what=what))
    encoding = bom_encoding(data)
    if encoding:
        try:
            return _checked(data.decode(encoding), what), encoding
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc, what) from exc
    kind = binary_kind(data)
    if kind:
        raise InputError(Errors.E104.format(what=what, kind=kind))
    try:
        return _checked(data.decode("utf-8"), what), "utf-8"
    except UnicodeDecodeError as exc:
        error = _undecodable(data, exc, what)
    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                return _checked(data.decode(declared), what), declared
            except (UnicodeDecodeError, LookupError):
                pass
    detected = None if _corrupt_utf8(data) else _detect_legacy(data)
    if detected is None:
        raise error
    text, encoding = detected
    return _checked(text, what), encoding


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by the byte-order mark `data` starts with, if any."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _undecodable(data: bytes, exc: UnicodeDecodeError, what: str) -> InputError:
    skipped = len(data) - len(exc.object)  # a codec such as utf-8-sig reports offsets after the BOM
    byte = exc.object[exc.start] if exc.start < len(exc.object) else 0
    return InputError(Errors.E106.format(what=what, byte=byte, offset=exc.start + skipped))


def _corrupt_utf8(data: bytes) -> bool:
    """Whether `data` is UTF-8 with some bad bytes rather than text in a legacy encoding.

    It is when well-formed multi-byte sequences are at least as many as the bad bytes: in legacy text
    they only occur by accident (Windows-1252 "É’" is C9 92, a well-formed pair).
    """
    well_formed = len(_UTF8_MULTIBYTE.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return well_formed >= bad


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) in the legacy encoding that fits `data` best, or None when none fits."""
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        return None
    if best.encoding != _WESTERN:
        western = from_bytes(data, cp_isolation=[_WESTERN]).best()
        if western is not None and western.chaos <= best.chaos + _WESTERN_MARGIN:
            return str(western), _WESTERN
    return str(best), best.encoding


def binary_kind(data: bytes) -> str | None:
    """What `data` looks like when it is not text ("a PNG image", "binary data"), else None."""
    head = data[:4096]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"\x00" in head:
        return "binary data"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The encoding a page's <meta> declares, read as browsers read it (the WHATWG Encoding Standard)."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii").lower()).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):  # a <meta> readable as ASCII is in neither
        return None
    return _WHATWG_LABELS.get(name, name)


def _checked(text: str, what: str) -> str:
    """Refuse text that decoded but is mostly control characters: that is binary data in disguise."""
    if not text.strip():
        raise InputError(Errors.E103.format(what=what))
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(Errors.E104.format(what=what, kind="binary data"))
    return text
