"""Pinned quality floors (``eval/floors.json``): CI fails when a score drops below its floor.

Floors only go up: `raise_floors` never writes a lower value than the one pinned, so a regression
cannot be hidden by re-pinning.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from worldwire.errors import Errors, GateError

# Scores are deterministic here, but a floor pinned at the exact score would fail on the last-digit
# wobble of a dependency update; this much is forgiven.
EPSILON = 0.0005


def read_floors(path: Path) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_floors(path: Path, section: str, metrics: Mapping[str, float]) -> None:
    """Raise `GateError` naming every metric of `section` that is below its floor in `path`."""
    floors = read_floors(path).get(section, {})
    if not floors:
        raise GateError(f"no floors pinned for {section!r} in {path}; pin them with --raise-floors")
    failures = [
        Errors.E501.format(metric=f"{section}.{name}", value=metrics.get(name, 0.0), floor=floor, path=path)
        for name, floor in sorted(floors.items())
        if metrics.get(name, 0.0) < floor - EPSILON
    ]
    if failures:
        raise GateError("\n".join(failures))


def raise_floors(path: Path, section: str, metrics: Mapping[str, float]) -> dict[str, float]:
    """Pin each metric (rounded down to 3 decimals) where it is above the current floor; never lower one."""
    floors = read_floors(path)
    current = floors.setdefault(section, {})
    for name, value in metrics.items():
        pinned = math.floor(value * 1000) / 1000
        current[name] = max(current.get(name, 0.0), pinned)
    _write_atomically(path, json.dumps(floors, indent=2, sort_keys=True) + "\n")
    return current


def _write_atomically(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.replace(tmp, path)
