"""The language model read from its decompressed copy on disk is py3langid's own model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

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
