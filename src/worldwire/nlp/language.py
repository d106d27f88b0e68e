"""Language identification with py3langid, a maintained fork of langid.py whose model ships in its wheel.

Settings (when its answer is believed) are in ``data/languages``; language names come from ISO 639 via
pycountry, so E301 can say "looks like Vietnamese" for any of the model's 140-odd languages.
"""

from __future__ import annotations

import contextlib
import hashlib
import lzma
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any

from worldwire.datafiles import data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors

# A word; in scripts written without spaces (Chinese, Japanese, Thai), each character counts as one.
_WORD = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageData:
    sample_chars: int
    min_words: int
    min_probability: float
    english_probability: float
    confident_words: int
    english_share: float
    english_words: frozenset[str]
    english_lexified: frozenset[str]


@dataclass(frozen=True, slots=True)
class Guess:
    """The language code (ISO 639-1 where there is one, else 639-3), its name and why it was chosen."""

    code: str
    name: str
    evidence: str


@data_validator("languages")
def _build(raw: Mapping[str, Any], where: str) -> LanguageData:
    require_schema(raw, "languages/2", where)
    data = LanguageData(
        sample_chars=require(raw, "sample_chars", int, where),
        min_words=require(raw, "min_words", int, where),
        min_probability=require(raw, "min_probability", float, where),
        english_probability=require(raw, "english_probability", float, where),
        confident_words=require(raw, "confident_words", int, where),
        english_share=require(raw, "english_share", float, where),
        english_words=frozenset(w.lower() for w in string_list(raw, "english_words", where)),
        english_lexified=frozenset(string_list(raw, "english_lexified", where)),
    )
    if not (0 < data.english_probability <= 1 and 0 < data.min_probability <= 1):
        raise DataFileError(Errors.E403.format(path=where, reason="probabilities must be in (0, 1]"))
    return data


@cache
def _identifier() -> Any:
    """The model, loaded once per process: from the decompressed copy kept on disk (`_unpacked_model`),
    else as py3langid loads it (decompressing its 68 MB from LZMA costs each process 0.45 s of CPU)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    unpacked = _unpacked_model(MODEL_DIR / MODEL_FILE)
    if unpacked is not None:
        try:
            return _from_unpacked(unpacked)
        except (OSError, ValueError, KeyError):
            pass  # an unreadable copy only costs the decompression
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _from_unpacked(path: Path) -> Any:
    """What `LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)` returns (py3langid 0.4.0's
    `modelio.load_model`, without the LZMA step), read from the model's npz as it is inside the .xz."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_to_array(data["nextmove_row"]),
        )


_DIGEST = re.compile(r"[0-9a-f]{16}")
# A packed file changed this recently is not trusted to its stat: a file system that keeps coarse
# times could give a rewrite within the same tick the same size and times (git's "racy" files).
_SETTLED_NS = 2_000_000_000


def _unpacked_model(packed: Path) -> Path | None:
    """The model's npz, decompressed once into the cache folder (the place index's) and kept there: its
    name holds a digest of the packed file, so another model never reads it. None when it cannot be kept.

    Which copy a packed file has is noted beside it (`langid-<key>.key`, the digest) under a key made
    from the packed file's stat: its path, device, inode, size, modification and change times. A process
    then reads the stat and a note of 16 bytes instead of hashing 4.5 MB (about 7 ms of CPU per process);
    a packed file rewritten or replaced has another stat, so another key, and is hashed again. Copies stay
    named by their content, so two installs of the same model (two virtual environments) share one copy
    instead of replacing each other's. Every file is written under a temporary name and renamed into
    place, so processes starting together read a whole file or none."""
    from worldwire.nlp.places import cache_dir

    try:
        folder = cache_dir()
        stat = packed.stat()  # before the bytes are read: a note never pairs a newer stat with older bytes
        where = f"{packed.resolve()}\0{stat.st_dev}\0{stat.st_ino}\0{stat.st_size}"
        where += f"\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}"
        note = (
            folder / f"langid-{hashlib.sha256(where.encode('utf-8', 'surrogateescape')).hexdigest()[:16]}.key"
        )
        with contextlib.suppress(OSError, UnicodeDecodeError):
            key = note.read_text(encoding="ascii")
            if _DIGEST.fullmatch(key) and (folder / f"langid-{key}.npz").is_file():
                return folder / f"langid-{key}.npz"
        key = hashlib.sha256(packed.read_bytes()).hexdigest()[:16]
        path = folder / f"langid-{key}.npz"
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            with lzma.open(packed) as source, _replacing(path) as target:
                shutil.copyfileobj(source, target, length=1 << 20)
            for stale in (*folder.glob("langid-*.npz"), *folder.glob("langid-*.key")):
                if stale != path:
                    stale.unlink(missing_ok=True)
        if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > _SETTLED_NS:
            with _replacing(note) as target:
                target.write(key.encode("ascii"))
    except (OSError, lzma.LZMAError):
        return None  # a read-only home: py3langid decompresses, as before
    return path


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[IO[bytes]]:
    """A file written under a temporary name in `path`'s folder, renamed to `path` once whole (an
    atomic rename: readers see the old file or the new one), removed if writing it fails."""
    handle, temporary = tempfile.mkstemp(prefix=".langid-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as target:
            yield target
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@cache
def language_name(code: str) -> str:
    """The English name of an ISO 639 code ("vi" → "Vietnamese"); the code itself if ISO has none."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    found = found or pycountry.languages.get(alpha_3=code)
    return str(found.name) if found is not None else code


def _english_by_words(words: list[str], best: str, data: LanguageData) -> str | None:
    """Why a short text is English whatever the model says, if it is: its words may say more than the
    byte n-grams of a few names ("Kenya and Uganda met on Monday." reads as Ganda)."""
    if len(words) >= data.confident_words:
        return None
    if best in data.english_lexified:
        return "a short text in English words"
    function_words = sum(w.lower() in data.english_words for w in words)
    if function_words >= data.english_share * len(words):
        return f"{function_words} of {len(words)} words are English function words"
    return None


def identify(text: str, data: LanguageData | None = None) -> Guess:
    """Guess the language of `text` from its first characters."""
    data = data or load_data("languages")
    sample = text[: data.sample_chars]
    words = _WORD.findall(sample)
    if len(words) < data.min_words:
        return Guess("en", "English", f"only {len(words)} words: too few to tell, taken as English")
    ranked = _identifier().rank(sample)
    best, probability = ranked[0]
    english = next((p for code, p in ranked if code == "en"), 0.0)
    if best == "en":
        return Guess("en", "English", f"English with probability {probability:.2f}")
    evidence = f"{language_name(best)} with probability {probability:.2f}, English {english:.2f}"
    why = _english_by_words(words, best, data)
    if why is not None:
        return Guess("en", "English", f"{why} ({evidence})")
    if probability >= data.min_probability and english < data.english_probability:
        return Guess(best, language_name(best), evidence)
    if len(words) >= data.confident_words and english < data.english_probability:
        return Guess("und", "an unknown language", f"no language fits it well ({evidence})")
    return Guess("en", "English", f"not clearly another language ({evidence}): taken as English")
