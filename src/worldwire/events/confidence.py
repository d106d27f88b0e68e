"""Event confidence as an estimate: the chance that an event is right at dyad + root.

The coder names the evidence behind each event as cues ("target_argument", "source_national",
"quoted", ...); a logistic model over those cues, with weights in the versioned data file
`data/confidence/v1.toml`, turns them into a probability. The weights are fitted on hand-coded real
news by `scripts/calibrate_confidence.py` (which says on what, and when, in the file); docs/events.md
prints the reliability table that fit gives.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from worldwire.datafiles import data_validator, frozen_mapping, load_data, require, require_schema
from worldwire.errors import DataFileError, Errors

# Every cue the coder emits; a data file naming another is a typo, and fails.
CUES = frozenset(
    {
        "pattern_specific",
        "pattern_preposition",
        "noun",
        "bare_noun",
        "intended",
        "historical",
        "hypothetical",
        "negated",
        "quoted",
        "habitual",
        "source_national",
        "source_pronoun",
        "source_partial",
        "source_none",
        "target_argument",
        "target_following",
        "target_context",
        "target_none",
        "target_partial",
        "domestic",
    }
)
FLOOR, CEILING = 0.05, 0.95


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    bias: float
    weights: Mapping[str, float]
    fitted_on: str

    def score(self, cues: Iterable[str]) -> float:
        """The model's log-odds for these cues. Summed exactly (fsum): the cues come as a set, whose order
        varies with the string hash seed, and a plain sum's last bit would vary with it."""
        return math.fsum([self.bias, *(self.weights.get(cue, 0.0) for cue in cues)])

    def estimate(self, cues: Iterable[str]) -> float:
        """The probability the event is right, kept within [0.05, 0.95] and rounded to 2 decimals."""
        return round(min(CEILING, max(FLOOR, 1.0 / (1.0 + math.exp(-self.score(cues))))), 2)


@data_validator("confidence")
def _validate(raw: Mapping[str, Any], where: str) -> ConfidenceModel:
    require_schema(raw, "worldwire.confidence/1", where)
    weights = require(raw, "weights", dict, where)
    unknown = sorted(set(weights) - CUES)
    if unknown:
        raise DataFileError(Errors.E403.format(path=where, reason=f"unknown cues {unknown}"))
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in weights.values()):
        raise DataFileError(Errors.E403.format(path=where, reason="weights must be numbers"))
    bias = require(raw, "bias", float, where)
    return ConfidenceModel(
        float(bias),
        frozen_mapping({k: float(v) for k, v in weights.items()}),
        str(require(raw, "fitted_on", str, where)),
    )


def confidence_model() -> ConfidenceModel:
    return load_data("confidence")  # type: ignore[no-any-return]
