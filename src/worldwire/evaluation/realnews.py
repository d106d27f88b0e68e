"""realnews-events: hand-coded CAMEO events in real news (Wikinews), scored as the set's README says.

Each article's `text` is coded as a clean body with its `date`. Gold events with modality `negated` and
predicted events that are negated or hypothetical are left out. A predicted event belongs to the gold
sentence its evidence overlaps; within a sentence each gold event matches at most one prediction (the most
confident predictions are matched first, so the reliability table reads as "of the events at this
confidence, this share was right"). Three keys: the CAMEO root; (source country, target country, root);
and strict (first six letters of each code, full CAMEO code). A party's country is its `country`, else the
first three letters of its code, `---` for a role with no country, `-` for a missing party.

Actors: every gold party whose words are in its sentence is looked up among the predicted actor mentions
that overlap those words (pronouns and later mentions followed to what they refer to): found, country
right, code (six letters) right.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from rich.table import Table

from worldwire.evaluation.metrics import f1
from worldwire.events.parties import resolved
from worldwire.models import Actor, Event, EventActor, RawDocument
from worldwire.pipeline import extract_documents

KEYS = ("root", "dyad_root", "strict")
LEFT_OUT = frozenset({"negated", "hypothetical"})
# Confidence bins of the reliability table: [low, high).
BINS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


@dataclass(frozen=True, slots=True)
class GoldParty:
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: str
    source: GoldParty | None
    target: GoldParty | None
    cameo: str
    modality: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    doc: str
    date: str | None
    text: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class Scored:
    """One predicted event, the gold sentence it falls in (None: a sentence with no gold event) and the
    keys it matched."""

    doc: str
    sentence: str | None
    event: Event
    keys: dict[str, tuple[str, ...]]
    matched: frozenset[str]


@dataclass(frozen=True, slots=True)
class KeyScore:
    name: str
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class ActorScore:
    parties: int
    found: float
    country: float
    code: float


@dataclass(frozen=True, slots=True)
class Reliability:
    low: float
    high: float
    events: int
    confidence: float  # their mean confidence
    right: float


@dataclass(frozen=True, slots=True)
class RealnewsReport:
    articles: int
    gold_events: int
    predicted: tuple[Scored, ...]
    keys: tuple[KeyScore, ...]
    both_named: float
    actors: ActorScore
    roots: tuple[tuple[str, int, int, int], ...]  # root, gold, predicted, matched
    reliability: tuple[Reliability, ...]
    missed: tuple[tuple[str, GoldEvent], ...]

    def key(self, name: str) -> KeyScore:
        return next(k for k in self.keys if k.name == name)

    def floor_metrics(self) -> dict[str, float]:
        metrics = {}
        for k in self.keys:
            metrics[f"{k.name}_f1"] = k.f1
        metrics["dyad_root_precision"] = self.key("dyad_root").precision
        metrics["dyad_root_recall"] = self.key("dyad_root").recall
        metrics["both_named"] = self.both_named
        metrics["actor_found"] = self.actors.found
        metrics["actor_country"] = self.actors.country
        metrics["actor_code"] = self.actors.code
        return metrics


def _party(raw: Any) -> GoldParty | None:
    if not isinstance(raw, dict):
        return None
    return GoldParty(str(raw.get("text") or ""), str(raw.get("code") or ""))


def load_gold(folder: Path, name: str = "gold.jsonl") -> list[GoldArticle]:
    articles = []
    with (folder / name).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            events = tuple(
                GoldEvent(
                    sentence=str(e["sentence"]),
                    source=_party(e.get("source")),
                    target=_party(e.get("target")),
                    cameo=str(e.get("cameo") or ""),
                    modality=str(e.get("modality") or "asserted"),
                )
                for e in item.get("events", [])
            )
            articles.append(GoldArticle(str(item["doc"]), item.get("date"), str(item["text"]), events))
    return articles


def gold_country(code: str) -> str:
    return code[:3] if code else "-"


def predicted_code(party: EventActor | Actor | None) -> str:
    """The party's code as the gold writes it: a role with no country is `---` + sector."""
    if party is None or not party.code:
        return ""
    if party.country is None and party.sector is not None and party.code == party.sector:
        return "---" + party.code
    return party.code


def predicted_country(party: EventActor | Actor | None) -> str:
    if party is None or (not party.code and not party.country):
        return "-"
    return party.country or predicted_code(party)[:3]


def event_keys(event: Event) -> dict[str, tuple[str, ...]]:
    return {
        "root": (event.cameo[:2],),
        "dyad_root": (predicted_country(event.source), predicted_country(event.target), event.cameo[:2]),
        "strict": (predicted_code(event.source)[:6], predicted_code(event.target)[:6], event.cameo),
    }


def gold_keys(event: GoldEvent) -> dict[str, tuple[str, ...]]:
    source = event.source.code if event.source else ""
    target = event.target.code if event.target else ""
    return {
        "root": (event.cameo[:2],),
        "dyad_root": (gold_country(source), gold_country(target), event.cameo[:2]),
        "strict": (source[:6], target[:6], event.cameo),
    }


def _sentence_spans(article: GoldArticle) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence in dict.fromkeys(e.sentence for e in article.events):
        found, at = [], article.text.find(sentence)
        while at >= 0:
            found.append((at, at + len(sentence)))
            at = article.text.find(sentence, at + 1)
        spans[sentence] = found
    return spans


def _gold_sentence(spans: dict[str, list[tuple[int, int]]], event: Event) -> str | None:
    best, overlap = None, 0
    for sentence, places in spans.items():
        for start, end in places:
            shared = min(end, event.end) - max(start, event.start)
            if shared > overlap:
                best, overlap = sentence, shared
    return best


def _score_article(
    article: GoldArticle, events: Sequence[Event]
) -> tuple[list[Scored], Counter[str], list[tuple[str, GoldEvent]]]:
    """The article's predictions with the keys they matched, matched gold per key, and the gold events
    no prediction matched at dyad + root."""
    spans = _sentence_spans(article)
    gold = [e for e in article.events if e.modality != "negated"]
    kept = sorted((e for e in events if e.modality not in LEFT_OUT), key=lambda e: -e.confidence)
    placed = [(event, _gold_sentence(spans, event), event_keys(event)) for event in kept]
    golden = [(g, gold_keys(g)) for g in gold]
    matched: dict[int, set[str]] = defaultdict(set)
    gold_hits: Counter[str] = Counter()
    missed = []
    for name in KEYS:
        for sentence in spans:
            open_gold = Counter(keys[name] for g, keys in golden if g.sentence == sentence)
            for i, (_, where, keys) in enumerate(placed):
                if where == sentence and open_gold[keys[name]] > 0:
                    open_gold[keys[name]] -= 1
                    matched[i].add(name)
                    gold_hits[name] += 1
            if name == "dyad_root":
                left = +open_gold
                for g, keys in golden:
                    if g.sentence == sentence and left[keys[name]] > 0:
                        left[keys[name]] -= 1
                        missed.append((article.doc, g))
    scored = [
        Scored(article.doc, where, event, keys, frozenset(matched[i]))
        for i, (event, where, keys) in enumerate(placed)
    ]
    return scored, gold_hits, missed


def words_at(sentence: str, words: str) -> int:
    """Where a party's words first stand in its sentence as words ("he" is not the end of "The"),
    else where they first stand at all."""
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", sentence)
    return found.start() if found else sentence.index(words)


def _score_actors(article: GoldArticle, actors: Sequence[Actor]) -> tuple[int, int, int, int]:
    parties = found = country = code = 0
    for event in article.events:
        if event.modality == "negated":
            continue
        at = article.text.find(event.sentence)
        for party in (event.source, event.target):
            if party is None or not party.text or at < 0 or party.text not in event.sentence:
                continue
            start = at + words_at(event.sentence, party.text)
            end = start + len(party.text)
            parties += 1
            overlapping = [
                (min(end, a.end) - max(start, a.start), i)
                for i, a in enumerate(actors)
                if a.start < end and a.end > start
            ]
            if not overlapping:
                continue
            found += 1
            actor = resolved(actors, max(overlapping)[1])
            country += predicted_country(actor) == gold_country(party.code)
            code += predicted_code(actor)[:6] == party.code[:6]
    return parties, found, country, code


def reliability(estimates: Sequence[tuple[float, bool]]) -> tuple[Reliability, ...]:
    """(confidence, right) pairs in the bins of `BINS`: how many, their mean confidence, the share right."""
    rows = []
    for low, high in pairwise(BINS):
        inside = [(p, ok) for p, ok in estimates if low <= p < high or (high == 1.0 and p == 1.0)]
        mean = sum(p for p, _ in inside) / len(inside) if inside else 0.0
        right = sum(ok for _, ok in inside) / len(inside) if inside else 0.0
        rows.append(Reliability(low, high, len(inside), mean, right))
    return tuple(rows)


def score(
    articles: Sequence[GoldArticle], predictions: Sequence[tuple[Sequence[Event], Sequence[Actor]]]
) -> RealnewsReport:
    all_scored: list[Scored] = []
    hits: Counter[str] = Counter()
    missed: list[tuple[str, GoldEvent]] = []
    actor_counts = [0, 0, 0, 0]
    for article, (events, actors) in zip(articles, predictions, strict=True):
        scored, gold_hits, gone = _score_article(article, events)
        all_scored += scored
        hits.update(gold_hits)
        missed += gone
        for i, n in enumerate(_score_actors(article, actors)):
            actor_counts[i] += n
    gold = [g for a in articles for g in a.events if g.modality != "negated"]
    keys = []
    for name in KEYS:
        right = sum(name in s.matched for s in all_scored)
        precision = right / len(all_scored) if all_scored else 0.0
        recall = hits[name] / len(gold) if gold else 0.0
        keys.append(KeyScore(name, precision, recall, f1(precision, recall)))
    both = sum(1 for s in all_scored if "-" not in s.keys["dyad_root"][:2])
    parties, found, country, code = actor_counts
    gold_roots = Counter(g.cameo[:2] for g in gold)
    predicted_roots = Counter(s.event.cameo[:2] for s in all_scored)
    matched_roots = Counter(s.event.cameo[:2] for s in all_scored if "dyad_root" in s.matched)
    roots = tuple(
        (root, gold_roots[root], predicted_roots[root], matched_roots[root])
        for root in sorted(set(gold_roots) | set(predicted_roots))
    )
    return RealnewsReport(
        articles=len(articles),
        gold_events=len(gold),
        predicted=tuple(all_scored),
        keys=tuple(keys),
        both_named=both / len(all_scored) if all_scored else 0.0,
        actors=ActorScore(parties, *(n / parties if parties else 0.0 for n in (found, country, code))),
        roots=roots,
        reliability=reliability([(s.event.confidence, "dyad_root" in s.matched) for s in all_scored]),
        missed=tuple(missed),
    )


def predict(articles: Sequence[GoldArticle]) -> list[tuple[tuple[Event, ...], tuple[Actor, ...]]]:
    raws = [RawDocument(id=a.doc, origin=a.doc, text=a.text, date=a.date) for a in articles]
    return [(doc.events.events, doc.events.actors.actors) for doc in extract_documents(raws, raw_mode=True)]


def evaluate_realnews(folder: Path, gold: str = "gold.jsonl") -> RealnewsReport:
    articles = load_gold(folder, gold)
    return score(articles, predict(articles))


def render_realnews(report: RealnewsReport) -> Table:
    table = Table(
        title=f"realnews-events: {report.articles} articles, {report.gold_events} gold events, "
        f"{len(report.predicted)} predicted"
    )
    for column in ("key", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "key" else "right")
    labels = {"root": "root", "dyad_root": "dyad + root", "strict": "strict (codes + full CAMEO)"}
    for k in report.keys:
        table.add_row(labels[k.name], f"{k.precision:.3f}", f"{k.recall:.3f}", f"{k.f1:.3f}")
    table.add_section()
    table.add_row("events with both parties named", "", "", f"{report.both_named:.3f}")
    a = report.actors
    table.add_row(f"actors ({a.parties} gold parties): found", "", "", f"{a.found:.3f}")
    table.add_row("actors: country right", "", "", f"{a.country:.3f}")
    table.add_row("actors: code right", "", "", f"{a.code:.3f}")
    return table


def render_roots(report: RealnewsReport) -> Table:
    table = Table(title="by CAMEO root (dyad + root matches)")
    for column in ("root", "gold", "predicted", "matched"):
        table.add_column(column, justify="right")
    for root, gold, predicted, matched in report.roots:
        table.add_row(root, str(gold), str(predicted), str(matched))
    return table


def render_reliability(report: RealnewsReport) -> Table:
    table = Table(title="confidence reliability (share right at dyad + root)")
    for column in ("confidence", "events", "right"):
        table.add_column(column, justify="right")
    for r in report.reliability:
        table.add_row(f"[{r.low:.1f}, {r.high:.1f})", str(r.events), f"{r.right:.2f}" if r.events else "-")
    return table


def details(report: RealnewsReport) -> Iterable[dict[str, Any]]:
    """One JSON-able row per prediction and per missed gold event: what to read when a score moves."""
    for s in report.predicted:
        e = s.event
        yield {
            "doc": s.doc,
            "kind": "predicted",
            "matched": sorted(s.matched),
            "sentence": s.sentence or e.evidence,
            "source": predicted_code(e.source),
            "source_text": e.source.text,
            "target": predicted_code(e.target),
            "target_text": e.target.text if e.target else None,
            "cameo": e.cameo,
            "modality": e.modality,
            "trigger": e.trigger,
            "confidence": e.confidence,
        }
    for doc, g in report.missed:
        yield {
            "doc": doc,
            "kind": "missed",
            "sentence": g.sentence,
            "source": g.source.code if g.source else "",
            "source_text": g.source.text if g.source else None,
            "target": g.target.code if g.target else "",
            "target_text": g.target.text if g.target else None,
            "cameo": g.cameo,
            "modality": g.modality,
        }
