"""The language model read from its decompressed copy on disk is py3langid's own model."""

from __future__ import annotations

import lzma
import shutil
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from worldwire.nlp import language
from worldwire.nlp.language import _from_unpacked, _unpacked_model


def test_unpacked_model_is_the_packed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = _unpacked_model(MODEL_DIR / MODEL_FILE)
    assert path is not None
    assert path.parent == tmp_path / "worldwire"
    assert _unpacked_model(MODEL_DIR / MODEL_FILE) == path  # kept: the second process reads it
    ours = _from_unpacked(path)
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert np.array_equal(ours.nb_ptc, stock.nb_ptc)
    assert ours.nb_ptc.dtype == stock.nb_ptc.dtype
    assert np.array_equal(ours.nb_pc, stock.nb_pc)
    assert ours.nb_pc.dtype == stock.nb_pc.dtype
    assert ours.nb_classes == stock.nb_classes
    assert ours.tk_nextmove == stock.tk_nextmove
    assert ours.tk_row == stock.tk_row
    assert ours.tk_output == stock.tk_output
    for text in ("The president met his counterpart on Monday.", "Der Präsident traf am Montag ein.", "x"):
        assert ours.rank(text) == stock.rank(text)


def test_unwritable_cache_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert _unpacked_model(MODEL_DIR / MODEL_FILE) is None


def test_unpacked_model_is_found_by_the_packed_files_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process finds the copy from the packed file's stat and a note, without hashing the packed file;
    a packed file rewritten in place is hashed again and gets its own copy; two installs of the same model
    share one copy."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(language, "_SETTLED_NS", 0)  # the copies below were written just now
    packed = tmp_path / "a" / "model.npz.xz"
    packed.parent.mkdir()
    shutil.copyfile(MODEL_DIR / MODEL_FILE, packed)
    path = _unpacked_model(packed)
    assert path is not None
    folder = tmp_path / "cache" / "worldwire"
    notes = list(folder.glob("langid-*.key"))
    assert [note.read_text(encoding="ascii") for note in notes] == [path.stem.removeprefix("langid-")]

    def unread(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", unread)
        assert _unpacked_model(packed) == path

    other = tmp_path / "b" / "model.npz.xz"  # another virtual environment with the same model
    other.parent.mkdir()
    shutil.copyfile(MODEL_DIR / MODEL_FILE, other)
    assert _unpacked_model(other) == path
    assert len(list(folder.glob("langid-*.key"))) == 2

    packed.write_bytes(lzma.compress(b"another model"))  # same path and inode, other bytes
    changed = _unpacked_model(packed)
    assert changed is not None
    assert changed != path
    assert changed.read_bytes() == b"another model"
    assert sorted(folder.iterdir()) == sorted([changed, *folder.glob("langid-*.key")])  # no partial files
    assert not path.exists()  # the other model's copy is gone
