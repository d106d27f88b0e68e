"""Actor resolution scored on the PLOVER gold-standard records (CAMEO manual examples, PLOVER 0.5b1).

Each record's gold source and target actors ({actorText, code, sector}) are located in the record's
text; the first predicted mention that overlaps the gold span is compared with it:

- **country**: the mention's state (its `country`, or for non-state gold codes such as IGO/NGO/IMG the
  first three letters of its `code`) equals the gold code; a gold actor with no overlapping mention
  counts as wrong;
- **sector**: the mention's sector equals the gold sector's first three letters, where gold has one;
- **coverage**: the share of gold actors with an overlapping mention.

Gold quirks handled, not fitted: `target` may be "" or a stray string (no target); three legacy CAMEO
country codes are mapped to ISO (JAP → JPN, ITL → ITA, VTN → VNM); gold spans are found with
whitespace-insensitive, case-insensitive search and those that cannot be found are reported, not scored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table

from worldwire.actors import resolve_actors
from worldwire.models import Actor, RawDocument
from worldwire.pipeline import parse_documents

GOLD_FILE = "PLOVER_GSR_CAMEO.json"
_LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    record: str
    role: str  # "source" | "target"
    text: str
    code: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class Judgement:
    gold: GoldActor
    found: bool  # the gold text was located in the record's text
    predicted: Actor | None

    @property
    def country_ok(self) -> bool:
        return (
            self.predicted is not None and predicted_state(self.predicted, self.gold.code) == self.gold.code
        )

    @property
    def sector_ok(self) -> bool:
        return self.predicted is not None and self.predicted.sector == self.gold.sector


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    country: float
    sector: float
    coverage: float
    actors: int
    with_sector: int


@dataclass(frozen=True, slots=True)
class ActorReport:
    scores: tuple[Score, ...]
    unlocated: int
    records: int

    def score(self, name: str) -> Score:
        return next(s for s in self.scores if s.name == name)

    def floor_metrics(self) -> dict[str, float]:
        overall = self.score("all")
        return {
            "country_accuracy": overall.country,
            "sector_accuracy": overall.sector,
            "coverage": overall.coverage,
        }


def predicted_state(actor: Actor, gold_code: str) -> str | None:
    """The part of a prediction comparable with a gold code: its state, or its non-state code head."""
    if gold_code in _NON_STATE:
        return actor.code[:3] if actor.code else None
    return actor.country


def load_gold(folder: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((folder / GOLD_FILE).read_text(encoding="utf-8"))
    return [r for r in records if isinstance(r.get("text"), str) and r.get("event") != "DOCUMENT"]


def gold_actors(record: dict[str, Any]) -> Iterator[GoldActor]:
    for role in ("source", "target"):
        value = record.get(role)
        if not isinstance(value, list):
            continue  # "" or a stray string: no actors on that side
        for item in value:
            if (
                not isinstance(item, dict)
                or not str(item.get("actorText", "")).strip()
                or not item.get("code")
            ):
                continue
            code = _LEGACY_CODES.get(item["code"].upper(), item["code"].upper())
            sector = str(item.get("sector") or "")[:3].upper() or None
            yield GoldActor(record["id"], role, item["actorText"], code, None if sector == "***" else sector)


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    """The phrase as whole words ("US" is not the "us" of "status"), else anywhere (gold spans that cut
    a word)."""
    pattern = r"\s+".join(re.escape(w) for w in phrase.split())
    match = re.search(rf"(?<!\w){pattern}(?!\w)", text, flags=re.IGNORECASE) or re.search(
        pattern, text, flags=re.IGNORECASE
    )
    return (match.start(), match.end()) if match else None


def first_overlap(actors: Iterable[Actor], start: int, end: int) -> Actor | None:
    """The first mention inside the gold span: an actor phrase names its head first and its modifiers
    after it ("rebels in Darfur", "refugees fleeing ... Liberia")."""
    return next((a for a in actors if a.start < end and a.end > start), None)


def judge(folder: Path) -> tuple[list[Judgement], int]:
    records = load_gold(folder)
    raws = [
        RawDocument(id=r["id"], origin=GOLD_FILE, text=r["text"], date=_date(r.get("date"))) for r in records
    ]
    judgements: list[Judgement] = []
    for record, doc in zip(records, parse_documents(raws, raw_mode=True), strict=True):
        actors = resolve_actors(doc).actors
        for gold in gold_actors(record):
            span = locate(record["text"], gold.text)
            predicted = first_overlap(actors, *span) if span else None
            judgements.append(Judgement(gold, span is not None, predicted))
    return judgements, len(records)


def evaluate_actors(folder: Path) -> ActorReport:
    judgements, records = judge(folder)
    located = [j for j in judgements if j.found]
    scores = [_score("all", located)]
    for role in ("source", "target"):
        scores.append(_score(role, [j for j in located if j.gold.role == role]))
    scores.append(_score("state gold", [j for j in located if j.gold.code not in _NON_STATE]))
    scores.append(_score("non-state gold", [j for j in located if j.gold.code in _NON_STATE]))
    return ActorReport(tuple(scores), unlocated=len(judgements) - len(located), records=records)


def _score(name: str, judgements: list[Judgement]) -> Score:
    total = len(judgements) or 1
    with_sector = [j for j in judgements if j.gold.sector]
    return Score(
        name=name,
        country=sum(j.country_ok for j in judgements) / total,
        sector=sum(j.sector_ok for j in with_sector) / (len(with_sector) or 1),
        coverage=sum(j.predicted is not None for j in judgements) / total,
        actors=len(judgements),
        with_sector=len(with_sector),
    )


def _date(value: Any) -> str | None:
    return value if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def render_actors(report: ActorReport) -> Table:
    title = f"PLOVER GSR actors ({report.records} records; {report.unlocated} gold spans not in the text)"
    table = Table(title=title)
    for column in ("gold actors", "n", "country acc.", "n with sector", "sector acc.", "coverage"):
        table.add_column(column, justify="left" if column == "gold actors" else "right")
    for s in report.scores:
        table.add_row(
            s.name,
            str(s.actors),
            f"{s.country:.3f}",
            str(s.with_sector),
            f"{s.sector:.3f}",
            f"{s.coverage:.3f}",
        )
    return table
