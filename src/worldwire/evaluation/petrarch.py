"""PETRARCH unit-test records: (source, target, event) triples per sentence, with the suite's dictionaries.

The suite's actors are fictional and its event codes come from its own verb dictionary, so both are
loaded from `dictionaries/` (actors through the actors stage's PETRARCH reader, verbs through
events.petrarch) and the coder runs with them, without worldwire's intent recoding or place lookups.
ERROR and PARSING records are left out (they test PETRARCH's input handling and its hand-made parses).

Scores, over the remaining records:
- exact: share of records whose predicted triple set equals the expected set (PETRARCH's own validator);
- triple precision/recall/F1, also with the event cut to its 2-digit root, and with actors cut to 3 letters;
- event-root agreement: share of records whose set of expected event roots equals the predicted set of
  roots (actors ignored). This is the headline figure; triple-level root F1 is reported beside it.
Records that expect no event score as "no output expected": any prediction there is a false positive.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from worldwire.actors import petrarch_lexicon, resolve_actors
from worldwire.evaluation.metrics import prf
from worldwire.events.coder import CoderOptions, code_document
from worldwire.events.petrarch import petrarch_patterns
from worldwire.models import RawDocument
from worldwire.pipeline import parse_documents

EXCLUDED = frozenset({"ERROR", "PARSING"})
Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    category: str
    text: str
    date: str | None
    expected: frozenset[Triple]


@dataclass(frozen=True, slots=True)
class Outcome:
    record: Record
    predicted: frozenset[Triple]


@dataclass(frozen=True, slots=True)
class Prf:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class PetrarchReport:
    outcomes: tuple[Outcome, ...]
    exact: float
    root_agreement: float
    triples: Prf
    roots: Prf
    three_letter: Prf
    by_category: tuple[tuple[str, int, float, float], ...]

    def floor_metrics(self) -> dict[str, float]:
        return {
            "exact": self.exact,
            "root_agreement": self.root_agreement,
            "triple_f1": self.triples.f1,
            "root_f1": self.roots.f1,
        }


def load_records(folder: Path) -> list[Record]:
    records = []
    for line in (folder / "unittest_records.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("category") in EXCLUDED or item.get("expected_error"):
            continue
        raw_date = str(item.get("date") or "")
        date = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if len(raw_date) == 8 else None
        expected = frozenset(
            (str(e["source"]), str(e["target"]), str(e["event"])) for e in item.get("expected_events") or []
        )
        records.append(Record(str(item["id"]), str(item.get("category")), str(item["text"]), date, expected))
    return records


VERB_SOURCES = ("petrarch", "ours")


def predict(folder: Path, records: list[Record], verbs: str = "petrarch") -> list[Outcome]:
    """Code the records with the suite's actors and either its own verb dictionary ("petrarch") or
    worldwire's own event patterns ("ours": how far our general vocabulary reaches on a foreign suite)."""
    lexicon = petrarch_lexicon(folder / "dictionaries")
    options = CoderOptions(
        book=petrarch_patterns(folder / "dictionaries" / "PETR.Validate.verbs.txt")
        if verbs == "petrarch"
        else None,
        recode_intent=False,
        places=False,
    )
    raws = [RawDocument(id=r.id, origin=r.id, text=r.text, date=r.date) for r in records]
    outcomes = []
    for record, doc in zip(records, parse_documents(raws, raw_mode=True), strict=True):
        coded = code_document(resolve_actors(doc, lexicon), options)
        predicted = frozenset(
            (e.source.code or "", e.target.code or "", e.cameo)
            for e in coded.events
            if e.target is not None and e.source.code and e.target.code
        )
        outcomes.append(Outcome(record, predicted))
    return outcomes


def _prf(pairs: Iterable[tuple[frozenset[Triple], frozenset[Triple]]]) -> Prf:
    tp = fp = fn = 0
    for predicted, expected in pairs:
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    return Prf(*prf(tp, fp, fn))


def _roots(triples: frozenset[Triple]) -> frozenset[Triple]:
    return frozenset((s, t, e[:2]) for s, t, e in triples)


def _three(triples: frozenset[Triple]) -> frozenset[Triple]:
    return frozenset((s[:3], t[:3], e) for s, t, e in triples)


def _root_set(triples: frozenset[Triple]) -> frozenset[str]:
    return frozenset(e[:2] for _, _, e in triples)


def score(outcomes: list[Outcome]) -> PetrarchReport:
    total = len(outcomes) or 1
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.record.category].append(o)
    by_category = tuple(
        (
            name,
            len(items),
            sum(o.predicted == o.record.expected for o in items) / len(items),
            sum(_root_set(o.predicted) == _root_set(o.record.expected) for o in items) / len(items),
        )
        for name, items in sorted(groups.items())
    )
    return PetrarchReport(
        outcomes=tuple(outcomes),
        exact=sum(o.predicted == o.record.expected for o in outcomes) / total,
        root_agreement=sum(_root_set(o.predicted) == _root_set(o.record.expected) for o in outcomes) / total,
        triples=_prf((o.predicted, o.record.expected) for o in outcomes),
        roots=_prf((_roots(o.predicted), _roots(o.record.expected)) for o in outcomes),
        three_letter=_prf((_three(o.predicted), _three(o.record.expected)) for o in outcomes),
        by_category=by_category,
    )


def evaluate_petrarch(folder: Path, verbs: str = "petrarch") -> PetrarchReport:
    return score(predict(folder, load_records(folder), verbs))


def render_petrarch(report: PetrarchReport, verbs: str = "petrarch") -> Table:
    table = Table(
        title=f"PETRARCH unit tests: {len(report.outcomes)} records (ERROR and PARSING left out), "
        f"{verbs} verb patterns"
    )
    for column in ("category", "records", "exact", "root agreement"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, count, exact, roots in report.by_category:
        table.add_row(name, str(count), f"{exact:.3f}", f"{roots:.3f}")
    table.add_section()
    table.add_row("all", str(len(report.outcomes)), f"{report.exact:.3f}", f"{report.root_agreement:.3f}")
    for label, scores in (
        ("triples P/R/F1", report.triples),
        ("root triples P/R/F1", report.roots),
        ("3-letter actors P/R/F1", report.three_letter),
    ):
        table.add_row(label, "", "", f"{scores.precision:.3f} / {scores.recall:.3f} / {scores.f1:.3f}")
    return table
