"""Fit the event confidence model (`data/confidence/v1.toml`) on hand-coded real news.

Every event the coder predicts on the gold articles (asserted, intended or historical: the gold has no
hypothetical or negated ones) is one example: its cues (`Event.cues`) and whether it is right at
dyad + root, as `worldwire eval realnews` scores it. A logistic regression with an L2 penalty is fitted
by Newton's method; the weights of the cues no example has (hypothetical, negated) are kept as set by
hand. The script prints the reliability table twice: fitted on all articles (in-sample), and with each
article's events scored by weights fitted without that article's fold (grouped cross-validation: what
to expect on news the fit has not seen).

    python scripts/calibrate_confidence.py ../shared/eval/realnews-events eval/realnews-extra  # report
    python scripts/calibrate_confidence.py ../shared/eval/realnews-events eval/realnews-extra --write
"""

from __future__ import annotations

import argparse
import datetime
import math
from pathlib import Path

import numpy as np

from worldwire.datafiles import data_path
from worldwire.evaluation.realnews import evaluate_realnews, reliability
from worldwire.events.confidence import CEILING, CUES, FLOOR, confidence_model

FIXED = ("hypothetical", "negated")  # no gold example: weights set by hand, kept on refit
FOLDS = 6


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression weights (bias first) by Newton's method; the bias is not penalised."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty * w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    p = 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))
    clipped: np.ndarray = np.clip(p, FLOOR, CEILING)
    return clipped


def show(title: str, p: np.ndarray, y: np.ndarray) -> None:
    """The reliability table of estimates `p` against outcomes `y`, as Markdown."""
    print(f"\n{title}\n\n| confidence | events | mean confidence | right at dyad + root |\n|---|---|---|---|")
    for r in reliability([(float(a), bool(b)) for a, b in zip(p, y, strict=True)]):
        label = f"[{r.low:.1f}, {r.high:.1f})"
        print(
            f"| {label} | {r.events} | {r.confidence:.2f} | {r.right:.2f} |"
            if r.events
            else f"| {label} | 0 | - | - |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+", help="realnews-events folders (gold.jsonl each)")
    parser.add_argument("--l2", type=float, default=2.0, help="L2 penalty on the cue weights")
    parser.add_argument("--write", action="store_true", help="rewrite data/confidence/v1.toml")
    args = parser.parse_args()

    predicted = [s for folder in args.gold for s in evaluate_realnews(folder).predicted]
    kept = [s for s in predicted if s.event.modality in ("asserted", "intended", "historical")]
    cues = sorted(CUES - set(FIXED))
    x = np.array([[1.0 if c in s.event.cues else 0.0 for c in cues] for s in kept])
    y = np.array([1.0 if "dyad_root" in s.matched else 0.0 for s in kept])
    docs = sorted({s.doc for s in kept})
    fold_of = {doc: i % FOLDS for i, doc in enumerate(docs)}
    held_out = np.zeros(len(kept))
    for fold in range(FOLDS):
        test = np.array([fold_of[s.doc] == fold for s in kept])
        held_out[test] = predict(fit(x[~test], y[~test], args.l2), x[test])
    w = fit(x, y, args.l2)
    current = confidence_model()
    print(f"{len(kept)} events of {len(docs)} articles; {int(y.sum())} right at dyad + root")
    show("Current weights (as coded now)", np.array([s.event.confidence for s in kept]), y)
    show("Refitted, in-sample", predict(w, x), y)
    show(f"Refitted, each article scored by a fit without its fold ({FOLDS} folds)", held_out, y)
    brier = float(np.mean((held_out - y) ** 2))
    print(f"\nheld-out Brier score {brier:.3f} (always the base rate: {float(np.var(y)):.3f})")
    if not math.isfinite(brier):
        raise SystemExit("the fit did not converge: nothing written")
    if args.write:
        fixed = {c: current.weights.get(c, -1.5) for c in FIXED}
        weights = {**{c: round(float(v), 3) for c, v in zip(cues, w[1:], strict=True)}, **fixed}
        day = datetime.date.today().isoformat()
        sets = " + ".join(folder.name for folder in args.gold)
        fitted = f"{sets}: {len(kept)} events of {len(docs)} articles, L2 {args.l2}, {day}"
        lines = [
            "# Event confidence: a logistic model over the cues the coder names for each event",
            "# (events/confidence.py): 1 / (1 + exp(-(bias + weights of its cues))), within [0.05, 0.95].",
            "# Written by scripts/calibrate_confidence.py (rerun it to refit); hypothetical and negated",
            "# events are not in the gold, so their weights are set by hand and kept on refit.",
            'schema = "worldwire.confidence/1"',
            f'fitted_on = "{fitted}"',
            f"bias = {round(float(w[0]), 3)}",
            "",
            "[weights]",
            *(f"{c} = {v}" for c, v in sorted(weights.items())),
        ]
        data_path("confidence").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {data_path('confidence')}")


if __name__ == "__main__":
    main()
