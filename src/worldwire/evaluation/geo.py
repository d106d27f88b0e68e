"""GeoWebNews (Gritta et al. 2019): toponym spans and coordinates, scored on every real toponym.

Real toponyms are the literal types (Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier) and
the associative ones (Metonymic, Demonym, Non_Literal_Modifier, Embedded_Non_Lit, Language, Homonym):
"Beijing" meaning the government and "Turkish" count, each with its gold coordinates. Expressions ("the
farm") and non-toponyms are not gold; a predicted span over one of them counts as a false positive.

The headline is `found_within_161`: the share of real toponyms with gold coordinates that worldwire finds
(span overlap) and places within 161 km. Span precision/recall/F1 are given exact and overlapping;
accuracy@161, mean/median error and the AUC of the scaled log-error curve (Gritta et al.; lower is
better) are measured on the gold toponyms found.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from worldwire.evaluation.metrics import f1
from worldwire.models import Location, RawDocument
from worldwire.nlp.places import find_places
from worldwire.pipeline import parse_documents

LITERAL = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
ASSOCIATIVE = frozenset(
    {"Metonymic", "Demonym", "Non_Literal_Modifier", "Embedded_Non_Lit", "Language", "Homonym"}
)
KM = 161.0
EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    kind: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    gold: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class GeoReport:
    articles: int
    gold: int
    gold_with_coordinates: int
    predicted: int
    exact_precision: float
    exact_recall: float
    exact_f1: float
    overlap_precision: float
    overlap_recall: float
    overlap_f1: float
    found_within_161: float
    found_within_161_all: float
    accuracy_161: float
    mean_error_km: float
    median_error_km: float
    auc: float
    by_type: tuple[tuple[str, int, float, float | None], ...]
    by_feature: tuple[tuple[str, int, float], ...]  # predicted feature, gold found with it, accuracy@161
    parse_seconds: float
    places_seconds: float

    def floor_metrics(self) -> dict[str, float]:
        return {
            "found_within_161": round(self.found_within_161, 4),
            "overlap_precision": round(self.overlap_precision, 4),
            "overlap_recall": round(self.overlap_recall, 4),
            "accuracy_161": round(self.accuracy_161, 4),
        }


def load_gwn(path: Path) -> list[Article]:
    """Articles of GWN.xml with their real toponyms (folder or file path)."""
    file = path / "GWN.xml" if path.is_dir() else path
    root = ET.parse(file).getroot()  # noqa: S314 (a local gold file, not untrusted input)
    articles: list[Article] = []
    for art in root.iter("article"):
        gold = []
        for top in art.iter("toponym"):
            kind = top.findtext("type") or ""
            if kind not in LITERAL and kind not in ASSOCIATIVE:
                continue
            lat, lon = top.findtext("latitude"), top.findtext("longitude")
            gold.append(
                GoldToponym(
                    start=int(top.findtext("start") or 0),
                    end=int(top.findtext("end") or 0),
                    kind=kind,
                    lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None,
                )
            )
        articles.append(Article(art.get("file", str(len(articles))), art.findtext("text") or "", tuple(gold)))
    return articles


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def predict(articles: list[Article]) -> tuple[list[tuple[Location, ...]], float, float]:
    """worldwire's places for each article (parsed as clean text), with parse and places seconds."""
    raws = [RawDocument(id=a.id, origin="geowebnews", text=a.text) for a in articles]
    parse_seconds = places_seconds = 0.0
    predictions = []
    started = time.perf_counter()
    for doc in parse_documents(raws, raw_mode=True):
        parsed = time.perf_counter()
        parse_seconds += parsed - started
        predictions.append(find_places(doc) if doc.error is None else ())
        started = time.perf_counter()
        places_seconds += started - parsed
    return predictions, parse_seconds, places_seconds


def evaluate_geo(path: Path) -> GeoReport:
    articles = load_gwn(path)
    predictions, parse_seconds, places_seconds = predict(articles)
    gold_n = with_coords = predicted = exact_hits = overlap_pred_hits = overlap_gold_hits = 0
    placed = 0
    errors: list[float] = []
    per_type_gold: Counter[str] = Counter()
    per_type_found: Counter[str] = Counter()
    per_type_placed: Counter[str] = Counter()
    per_type_coords: Counter[str] = Counter()
    per_feature: Counter[str] = Counter()
    per_feature_placed: Counter[str] = Counter()
    for article, locations in zip(articles, predictions, strict=True):
        gold = article.gold
        gold_n += len(gold)
        predicted += len(locations)
        gold_spans = {(g.start, g.end) for g in gold}
        exact_hits += sum((loc.start, loc.end) in gold_spans for loc in locations)
        overlap_pred_hits += sum(
            any(_overlaps(loc.start, loc.end, g.start, g.end) for g in gold) for loc in locations
        )
        for g in gold:
            per_type_gold[g.kind] += 1
            per_type_coords[g.kind] += g.lat is not None and g.lon is not None
            hits = [loc for loc in locations if _overlaps(loc.start, loc.end, g.start, g.end)]
            if not hits:
                continue
            overlap_gold_hits += 1
            per_type_found[g.kind] += 1
            if g.lat is None or g.lon is None:
                continue
            best, feature = min(
                (
                    distance_km(g.lat, g.lon, h.lat, h.lon)
                    if h.lat is not None and h.lon is not None
                    else MAX_ERROR_KM,
                    h.feature,
                )
                for h in hits
            )
            errors.append(best)
            per_feature[feature] += 1
            if best <= KM:
                placed += 1
                per_type_placed[g.kind] += 1
                per_feature_placed[feature] += 1
        with_coords += sum(g.lat is not None and g.lon is not None for g in gold)
    exact_p = exact_hits / predicted if predicted else 0.0
    exact_r = exact_hits / gold_n if gold_n else 0.0
    overlap_p = overlap_pred_hits / predicted if predicted else 0.0
    overlap_r = overlap_gold_hits / gold_n if gold_n else 0.0
    by_type = tuple(
        (
            kind,
            per_type_gold[kind],
            per_type_found[kind] / per_type_gold[kind],
            per_type_placed[kind] / per_type_coords[kind] if per_type_coords[kind] else None,
        )
        for kind in sorted(per_type_gold, key=lambda k: (k not in LITERAL, -per_type_gold[k]))
    )
    return GeoReport(
        articles=len(articles),
        gold=gold_n,
        gold_with_coordinates=with_coords,
        predicted=predicted,
        exact_precision=exact_p,
        exact_recall=exact_r,
        exact_f1=f1(exact_p, exact_r),
        overlap_precision=overlap_p,
        overlap_recall=overlap_r,
        overlap_f1=f1(overlap_p, overlap_r),
        found_within_161=placed / with_coords if with_coords else 0.0,
        found_within_161_all=placed / gold_n if gold_n else 0.0,
        accuracy_161=sum(e <= KM for e in errors) / len(errors) if errors else 0.0,
        mean_error_km=statistics.fmean(errors) if errors else 0.0,
        median_error_km=statistics.median(errors) if errors else 0.0,
        auc=statistics.fmean(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors) if errors else 0.0,
        by_type=by_type,
        by_feature=tuple(
            (feature, n, per_feature_placed[feature] / n) for feature, n in per_feature.most_common()
        ),
        parse_seconds=parse_seconds,
        places_seconds=places_seconds,
    )


def render_geo(report: GeoReport) -> Table:
    table = Table(title=f"GeoWebNews: {report.articles} articles, {report.gold} real toponyms", min_width=100)
    table.add_column("metric")
    table.add_column("value", justify="right")
    rows = [
        ("found and placed ≤161 km, of toponyms with coordinates", f"{report.found_within_161:.4f}"),
        ("found and placed ≤161 km, of all real toponyms", f"{report.found_within_161_all:.4f}"),
        ("span precision / recall / F1, overlap", _prf(report, "overlap")),
        ("span precision / recall / F1, exact", _prf(report, "exact")),
        ("accuracy@161 on spans found", f"{report.accuracy_161:.4f}"),
        (
            "mean / median error on spans found (km)",
            f"{report.mean_error_km:.0f} / {report.median_error_km:.0f}",
        ),
        ("AUC of scaled log error (lower is better)", f"{report.auc:.4f}"),
        (
            "predicted spans / gold / gold with coordinates",
            f"{report.predicted} / {report.gold} / {report.gold_with_coordinates}",
        ),
        ("seconds: parse / places", f"{report.parse_seconds:.1f} / {report.places_seconds:.2f}"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    for kind, n, found, placed in report.by_type:
        group = "literal" if kind in LITERAL else "associative"
        shown = "no coordinates" if placed is None else f"{placed:.3f}"
        table.add_row(f"  {group} {kind} (n={n}): found / placed ≤161 km", f"{found:.3f} / {shown}")
    for feature, n, accuracy in report.by_feature:
        table.add_row(f"  placed as {feature} (n={n}): accuracy@161", f"{accuracy:.3f}")
    return table


def _prf(report: GeoReport, which: str) -> str:
    p, r, f = (getattr(report, f"{which}_{m}") for m in ("precision", "recall", "f1"))
    return f"{p:.4f} / {r:.4f} / {f:.4f}"
