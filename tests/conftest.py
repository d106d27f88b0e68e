"""Shared fixtures: the ../shared folder, the spaCy pipeline (loaded once), and a network ban."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _no_network(*_args: Any, **_kwargs: Any) -> None:
    raise RuntimeError("tests must not touch the network")


@pytest.fixture(autouse=True)
def _ban_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: worldwire works offline."""
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder is missing: expected it at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seed" / "xi-kazakhstan.txt"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from worldwire.nlp import load_pipeline

    return load_pipeline()
