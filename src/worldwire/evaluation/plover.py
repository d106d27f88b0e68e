"""PLOVER gold-standard records (OEDA, from the CAMEO manual examples): event category of each sentence.

Each record is one sentence with one gold event. worldwire runs its full pipeline on the sentence and
takes its *main event*: the first event coded that has a PLOVER category, which is the outermost such
predicate of the sentence (the coder works outside-in, clause by clause). Negated events count too: the
gold codes what the sentence says (a refusal, a denial). Old PLOVER 0.5 categories are mapped first
(DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE). Scores: category accuracy,
macro-F1 over the gold categories, per-category precision/recall/F1, and the source/target country codes
of the main event against the gold actor lists.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table

from worldwire.evaluation.metrics import prf
from worldwire.models import Event, RawDocument
from worldwire.pipeline import extract_documents

OLD_CATEGORIES: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    category: str
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(frozen=True, slots=True)
class Prediction:
    record: GoldRecord
    category: str | None
    sources: frozenset[str]
    targets: frozenset[str]
    events: int


@dataclass(frozen=True, slots=True)
class CategoryScore:
    name: str
    support: int
    predicted: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class PloverReport:
    predictions: tuple[Prediction, ...]
    categories: tuple[CategoryScore, ...]
    accuracy: float
    macro_f1: float
    coverage: float
    source_f1: float
    target_f1: float

    def floor_metrics(self) -> dict[str, float]:
        return {"accuracy": self.accuracy, "macro_f1": self.macro_f1, "source_f1": self.source_f1}


def _codes(actors: Any) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()  # a few records hold "" or a stray string instead of a list
    return frozenset(
        str(a.get("code", ""))[:3].upper() for a in actors if isinstance(a, dict) and a.get("code")
    )


def load_gold(folder: Path) -> list[GoldRecord]:
    raw = json.loads((folder / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    records = []
    for item in raw:
        event = str(item.get("event", ""))
        if event == "DOCUMENT" or not item.get("text"):
            continue
        records.append(
            GoldRecord(
                id=str(item["id"]),
                text=str(item["text"]),
                date=item.get("date"),
                category=OLD_CATEGORIES.get(event, event),
                sources=_codes(item.get("source")),
                targets=_codes(item.get("target")),
            )
        )
    return records


def main_event(events: Iterable[Event]) -> Event | None:
    """The first event coded that PLOVER has a category for: the outermost such predicate of the sentence,
    as the coder works outside-in (CAMEO statements such as 019 "express accord" have no PLOVER category,
    so a PLOVER coder would not emit them)."""
    return next((e for e in events if e.plover), None)


def _country(actor: Any) -> str | None:
    if actor is None:
        return None
    code = actor.country or (actor.code[:3] if actor.code else None)
    return str(code) if code else None


def predict(records: list[GoldRecord]) -> list[Prediction]:
    raws = [RawDocument(id=r.id, origin=r.id, text=r.text, date=r.date) for r in records]
    out = []
    for record, doc in zip(records, extract_documents(raws, raw_mode=True), strict=True):
        events = doc.events.events
        best = main_event(events)
        sources = frozenset(c for c in [_country(best.source)] if c) if best else frozenset()
        targets = frozenset(c for c in [_country(best.target)] if c) if best else frozenset()
        category = best.plover if best else None
        out.append(Prediction(record, category, sources, targets, len(events)))
    return out


def _set_f1(pairs: Iterable[tuple[frozenset[str], frozenset[str]]]) -> float:
    tp = fp = fn = 0
    for predicted, gold in pairs:
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return prf(tp, fp, fn)[2]


def score(predictions: list[Prediction]) -> PloverReport:
    gold = Counter(p.record.category for p in predictions)
    predicted = Counter(p.category for p in predictions if p.category)
    hits = Counter(p.category for p in predictions if p.category == p.record.category)
    categories = []
    for name in sorted(gold):
        precision, recall, f1 = prf(hits[name], predicted[name] - hits[name], gold[name] - hits[name])
        categories.append(CategoryScore(name, gold[name], predicted[name], precision, recall, f1))
    total = len(predictions) or 1
    return PloverReport(
        predictions=tuple(predictions),
        categories=tuple(categories),
        accuracy=sum(hits.values()) / total,
        macro_f1=sum(c.f1 for c in categories) / (len(categories) or 1),
        coverage=sum(1 for p in predictions if p.category) / total,
        source_f1=_set_f1((p.sources, p.record.sources) for p in predictions),
        target_f1=_set_f1((p.targets, p.record.targets) for p in predictions),
    )


def evaluate_plover(folder: Path) -> PloverReport:
    return score(predict(load_gold(folder)))


def render_plover(report: PloverReport) -> Table:
    table = Table(title=f"PLOVER GSR: {len(report.predictions)} sentences, main event category")
    for column in ("category", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for c in report.categories:
        table.add_row(
            c.name, str(c.support), str(c.predicted), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"
        )
    table.add_section()
    table.add_row("accuracy", "", "", "", "", f"{report.accuracy:.3f}")
    table.add_row("macro-F1", "", "", "", "", f"{report.macro_f1:.3f}")
    table.add_row("coded (≥1 event)", "", "", "", "", f"{report.coverage:.3f}")
    table.add_row("source country F1", "", "", "", "", f"{report.source_f1:.3f}")
    table.add_row("target country F1", "", "", "", "", f"{report.target_f1:.3f}")
    return table
