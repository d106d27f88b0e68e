"""The article-extraction benchmark (Zyte/Scrapinghub): HTML → body, scored the benchmark's own way.

Both texts are tokenized with the regex ``\\w+``; each page's 4-token shingles (as multisets) give TP, FP
and FN, normalised to sum to 1 per page; precision and recall are means over pages, F1 is their harmonic
mean, and accuracy is the share of pages whose token lists match exactly. ± values are bootstrap std.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from rich.table import Table

from worldwire.clean import clean_document
from worldwire.evaluation.metrics import f1
from worldwire.models import RawDocument

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool


@dataclass(frozen=True, slots=True)
class SystemScore:
    name: str
    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float
    pages: int


@dataclass(frozen=True, slots=True)
class AebReport:
    systems: tuple[SystemScore, ...]

    def system(self, name: str) -> SystemScore:
        return next(s for s in self.systems if s.name == name)

    def floor_metrics(self) -> dict[str, float]:
        ours = self.system("worldwire")
        return {"f1": ours.f1, "precision": ours.precision, "recall": ours.recall}


def score_page(predicted: str, gold: str) -> PageScore:
    pred_tokens, gold_tokens = _TOKEN.findall(predicted), _TOKEN.findall(gold)
    pred, true = _shingles(pred_tokens), _shingles(gold_tokens)
    tp = sum((pred & true).values())
    fp, fn = sum(pred.values()) - tp, sum(true.values()) - tp
    total = tp + fp + fn
    exact = pred_tokens == gold_tokens
    if total == 0:  # both empty: a perfect page
        return PageScore(1.0, 0.0, 0.0, exact)
    return PageScore(tp / total, fp / total, fn / total, exact)


def summarize(name: str, pages: list[PageScore], resamples: int, seed: int = 0) -> SystemScore:
    precision, recall, f1 = _prf(pages)
    rng = random.Random(seed)  # noqa: S311 -- resampling for a confidence band, not cryptography
    boot = [_prf([rng.choice(pages) for _ in pages])[2] for _ in range(resamples)]
    mean = sum(boot) / len(boot) if boot else f1
    std = (sum((b - mean) ** 2 for b in boot) / len(boot)) ** 0.5 if boot else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages)
    return SystemScore(name, precision, recall, f1, accuracy, std, len(pages))


def evaluate_aeb(root: Path, *, resamples: int = 1000) -> AebReport:
    """Score worldwire's HTML cleaning and trafilatura's defaults on every page of the benchmark."""
    gold: Mapping[str, Mapping[str, str]] = json.loads(
        (root / "ground-truth.json").read_text(encoding="utf-8")
    )
    systems: dict[str, Callable[[str, str], str]] = {
        "worldwire": _worldwire_body,
        "trafilatura (defaults)": lambda html, _url: trafilatura.extract(html) or "",
    }
    scores: dict[str, list[PageScore]] = {name: [] for name in systems}
    for page_id, record in sorted(gold.items()):
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        for name, system in systems.items():
            scores[name].append(score_page(system(html, record.get("url", "")), record["articleBody"]))
    return AebReport(tuple(summarize(name, pages, resamples) for name, pages in scores.items()))


def render_aeb(report: AebReport) -> Table:
    table = Table(title=f"article-extraction benchmark ({report.systems[0].pages} pages, 4-token shingles)")
    for column in ("system", "precision", "recall", "F1", "± std", "accuracy"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for s in report.systems:
        table.add_row(
            s.name,
            f"{s.precision:.4f}",
            f"{s.recall:.4f}",
            f"{s.f1:.4f}",
            f"{s.f1_std:.4f}",
            f"{s.accuracy:.3f}",
        )
    return table


def _worldwire_body(html: str, url: str) -> str:
    cleaned = clean_document(RawDocument(id=url or "page", origin=url, html=html, url=url or None))
    return cleaned.text


def _shingles(tokens: list[str]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def _prf(pages: list[PageScore]) -> tuple[float, float, float]:
    precision = sum(p.tp / (p.tp + p.fp) if p.tp + p.fp else 0.0 for p in pages) / len(pages)
    recall = sum(p.tp / (p.tp + p.fn) if p.tp + p.fn else 0.0 for p in pages) / len(pages)
    return precision, recall, f1(precision, recall)
