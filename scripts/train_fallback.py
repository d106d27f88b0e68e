"""A supervised fallback for sentences where the rules code nothing: measured, not adopted (docs/events.md,
"A supervised fallback: measured, not adopted"). Nothing here is part of the package.

    python scripts/train_fallback.py collect CACHE   # parse and code the eight sets once (rules only)
    python scripts/train_fallback.py cv CACHE --threshold 0.6 0.7 --min-count 3   # leave one set out
    python scripts/train_fallback.py fit CACHE --threshold 0.7 --min-count 3 --out MODEL.json

Candidates: sentences where the rules coded no event (negated ones included) and the actors stage found
parties with at least two different codes. Features: the lemma and tag of the sentence's root, its content
words outside actor names, the root the pattern book gives a word no rule coded (`book:`), a word of
`criticism_words`, each party's sector, role (subject, object, ...) and governing verb, `domestic`, `quote`.
Output: one event with the base code ("110") of the most probable CAMEO root when 1 - P("none") reaches the
threshold; the source is the first party in a subject's place (else the first named), the target the first
party of another code in an object's place (else the first of another code).

Training gold: eval/realnews-extra, eval/realnews-check and eval/realnews-check2 ... -check7 (every body
sentence coded, so a candidate without gold events is a negative); a candidate's label is the most frequent
CAMEO root of its sentence's gold events, else "none". The model is a multinomial logistic regression (L2,
full-batch gradient descent, numpy only). `cv` trains on seven sets and scores the eighth with the real
scorer (`worldwire.evaluation.realnews.score`, dyad + root), the rules' own events included.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from worldwire.actors import resolve_actors
from worldwire.evaluation.realnews import load_gold, score
from worldwire.events.codebook import cameo_entry, plover_codebook
from worldwire.events.coder import CoderOptions, _DocumentCoder, code_document
from worldwire.events.parties import resolved
from worldwire.events.patterns import pattern_book
from worldwire.models import ActorDocument, Event, EventActor, RawDocument
from worldwire.pipeline import parse_documents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ROOT = Path(__file__).resolve().parent.parent
SETS = ("realnews-extra", *(f"realnews-check{n}" for n in ("", "2", "3", "4", "5", "6", "7")))
CONTENT = frozenset({"VERB", "NOUN", "ADJ", "ADV"})
SUBJECTS = frozenset({"nsubj", "csubj", "agent"})
OBJECTS = frozenset({"dobj", "pobj", "dative", "nsubjpass", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One sentence the rules left empty: its index, features and the two parties (actor indexes)."""

    sentence: int
    features: tuple[str, ...]
    source: int
    target: int
    root: str  # the root word's text, for the trigger


@dataclass(frozen=True, slots=True)
class Model:
    classes: tuple[str, ...]  # "none" first, then CAMEO roots
    index: dict[str, int]  # feature -> row of weights
    weights: tuple[tuple[float, ...], ...]
    bias: tuple[float, ...]
    threshold: float
    confidence: float

    def predict(self, features: Sequence[str]) -> tuple[str, float]:
        """The most probable root other than "none" (the first class), and the probability that the
        sentence tells an event at all (1 - P(none))."""
        probs = self.probabilities(features)
        best = max(range(1, len(probs)), key=probs.__getitem__)
        return self.classes[best], 1.0 - probs[0]

    def probabilities(self, features: Sequence[str]) -> list[float]:
        scores = list(self.bias)
        for feature in set(features):
            row = self.index.get(feature)
            if row is not None:
                for k, w in enumerate(self.weights[row]):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


def _head(span: Span) -> Token:
    return span.root


def _role(token: Token) -> tuple[str, Token]:
    """The grammatical role of a party's word toward the nearest verb above it, and that verb (or root)."""
    node = token
    for _ in range(6):
        if node.dep_ in SUBJECTS:
            return "subj", node.head
        if node.dep_ in OBJECTS:
            return "obj", node.head if node.dep_ != "pobj" else node.head.head
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            return node.dep_, node.head
        node = node.head
    return "other", node.head


def _sector(actor_code: str | None, sector: str | None, country: str | None) -> str:
    if sector:
        return sector
    if country:
        return "STATE"
    return (actor_code or "")[:3] or "NONE"


def find_candidates(
    doc: ActorDocument,
    events: Sequence[Event],
    token_actors: Callable[[int, Doc], list[int | None]],
) -> list[Candidate]:
    """The sentences with no event and two parties of different codes, with their features."""
    coded = {e.sentence for e in events}
    actors = doc.actors
    by_sentence: dict[int, list[int]] = {}
    for i, actor in enumerate(actors):
        if actor.sentence not in coded and resolved(actors, i).code:
            by_sentence.setdefault(actor.sentence, []).append(i)
    wanted = {
        s: found for s, found in by_sentence.items() if len({resolved(actors, i).code for i in found}) > 1
    }
    if not wanted:
        return []
    sentences = doc.annotated.sentences
    out = []
    for segment in doc.annotated.segments:
        parsed = segment.doc
        end = segment.offset + len(parsed.text)
        inside = [s for s in wanted if segment.offset <= sentences[s].start < end]
        if not inside:
            continue
        owner = token_actors(segment.offset, parsed)
        for s in inside:
            place = sentences[s]
            span = parsed.char_span(
                place.start - segment.offset, place.end - segment.offset, alignment_mode="expand"
            )
            if span is None:
                continue
            candidate = _candidate(doc, s, span, owner, wanted[s])
            if candidate is not None:
                out.append(candidate)
    return out


def _candidate(
    doc: ActorDocument, s: int, span: Span, owner: list[int | None], found: list[int]
) -> Candidate | None:
    actors = doc.actors
    words: dict[int, list[Token]] = {}
    for token in span:
        index = owner[token.i]
        if index is not None and index in found:
            words.setdefault(index, []).append(token)
    placed = [i for i in found if i in words]
    if len({resolved(actors, i).code for i in placed}) < 2:
        return None
    heads = {i: min(words[i], key=_depth) for i in placed}
    roles = {i: _role(heads[i]) for i in placed}
    # source: the first party in a subject's place (else the first named); target: the first other code,
    # an object's first
    subjects = [i for i in placed if roles[i][0] == "subj"]
    source = subjects[0] if subjects else placed[0]
    code = resolved(actors, source).code
    others = [i for i in placed if resolved(actors, i).code != code]
    objects = [i for i in others if roles[i][0] == "obj"]
    target = objects[0] if objects else others[0]
    root = span.root
    features = ["bias", f"root:{root.lemma_.lower()}", f"roottag:{root.tag_}"]
    book = pattern_book()
    for token in span:
        if owner[token.i] is None and token.pos_ in CONTENT:
            lemma = token.lemma_.lower()
            features.append(f"w:{lemma}")
            # what the rules' vocabulary says the word is, though no rule coded it
            patterns = book.verbs.get(lemma) if token.pos_ == "VERB" else book.nouns.get(lemma)
            if patterns:
                features.append(f"book:{patterns[0].code[:2]}")
            if lemma in book.criticism_words:
                features.append("criticism")
    for name, index in (("s", source), ("t", target)):
        actor = resolved(actors, index)
        role, verb = roles[index]
        features += [
            f"{name}sec:{_sector(actor.code, actor.sector, actor.country)}",
            f"{name}role:{role}",
            f"{name}verb:{verb.lemma_.lower()}",
        ]
    a, b = resolved(actors, source), resolved(actors, target)
    if a.country and a.country == b.country:
        features.append("domestic")
    if any(t.text in ('"', "“", "”") for t in span):
        features.append("quote")
    return Candidate(s, tuple(features), source, target, root.text)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def learned_events(
    doc: ActorDocument,
    events: Sequence[Event],
    token_actors: Callable[[int, Doc], list[int | None]],
    model: Model,
) -> list[Event]:
    """One event for each candidate sentence the model gives a root with enough probability."""
    out = []
    text = doc.clean.text
    for c in find_candidates(doc, events, token_actors):
        root, probability = model.predict(c.features)
        if probability < model.threshold:
            continue
        code = root + "0"
        entry = cameo_entry(code)
        plover = plover_codebook().coding(code)
        place = doc.annotated.sentences[c.sentence]
        out.append(
            Event(
                source=_event_actor(doc, c.source),
                target=_event_actor(doc, c.target),
                cameo=code,
                goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                plover=plover.category if plover else "",
                plover_mode=(plover.mode or None) if plover else None,
                modality="asserted",
                sentence=c.sentence,
                start=place.start,
                end=place.end,
                evidence=text[place.start : place.end],
                confidence=model.confidence,
                trigger=f"learned:{c.root}",
                cues=("learned",),
            )
        )
    return out


def _event_actor(doc: ActorDocument, index: int) -> EventActor:
    actor = resolved(doc.actors, index)
    return EventActor(doc.actors[index].text, actor.code, actor.country, actor.sector, index)


def collect(cache: Path) -> None:
    data = {}
    for name in SETS:
        articles = load_gold(ROOT / "eval" / name)
        raws = [RawDocument(id=a.doc, origin=a.doc, text=a.text, date=a.date) for a in articles]
        rows = []
        for article, parsed in zip(articles, parse_documents(raws, raw_mode=True), strict=True):
            doc = resolve_actors(parsed)
            coded = code_document(doc)
            coder = _DocumentCoder(doc, CoderOptions())
            # every sentence naming two parties (coded by the rules or not), with its one event (root "01"
            # as a placeholder) and the gold roots of its sentence
            probe = Model(("none", "01"), {}, (), (0.0, 0.0), 0.0, 0.0)
            events = learned_events(doc, (), coder._token_actors, probe)
            cands = find_candidates(doc, (), coder._token_actors)
            assert len(cands) == len(events)
            ruled = {e.sentence for e in coded.events}
            found = []
            for c, event in zip(cands, events, strict=True):
                place = doc.annotated.sentences[c.sentence]
                roots = [
                    g.cameo[:2]
                    for g in article.events
                    if g.modality != "negated" and _overlaps(article.text, g.sentence, place.start, place.end)
                ]
                found.append((c, event, roots, c.sentence in ruled))
            rows.append((coded.events, doc.actors, found))
        data[name] = (articles, rows)
        print(name, sum(len(r[2]) for r in rows), "candidates", file=sys.stderr)
    cache.write_bytes(pickle.dumps(data))


def _overlaps(text: str, sentence: str, start: int, end: int) -> bool:
    at = text.find(sentence)
    while at >= 0:
        if min(end, at + len(sentence)) - max(start, at) > 0:
            return True
        at = text.find(sentence, at + 1)
    return False


def label(roots: list[str]) -> str:
    return Counter(roots).most_common(1)[0][0] if roots else "none"


def train(cands: list[Candidate], labels: list[str], l2: float, min_count: int = 2) -> Model:
    counts = Counter(f for c in cands for f in set(c.features))
    features = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(features)}
    classes = ["none", *sorted({y for y in labels if y != "none"})]
    x = np.zeros((len(cands), len(features)))
    for r, c in enumerate(cands):
        for f in set(c.features):
            if f in index:
                x[r, index[f]] = 1.0
    y = np.zeros((len(cands), len(classes)))
    for r, lab in enumerate(labels):
        y[r, classes.index(lab)] = 1.0
    w = np.zeros((len(features), len(classes)))
    b = np.zeros(len(classes))
    n = len(cands)
    rate = 0.5
    for _ in range(600):
        s = x @ w + b
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        g = p - y
        w -= rate * (x.T @ g / n + l2 * w / n)
        b -= rate * g.mean(axis=0)
    return Model(
        tuple(classes),
        index,
        tuple(tuple(round(float(v), 4) for v in row) for row in w),
        tuple(round(float(v), 4) for v in b),
        0.0,
        0.0,
    )


def examples(data, sets, ruled: bool) -> tuple[list[Candidate], list[str]]:
    """Training examples of `sets`: the rules' empty sentences and, with `ruled`, the sentences the rules
    coded too (marked with the feature "ruled", which no sentence at run time has)."""
    cands, labels = [], []
    for name in sets:
        for _, _, found in data[name][1]:
            for c, _, roots, coded in found:
                if coded and not ruled:
                    continue
                cands.append(replace(c, features=(*c.features, "ruled")) if coded else c)
                labels.append(label(roots))
    return cands, labels


def predictions(rows, model: Model | None, threshold: float, confidence: float = 0.3):
    """The rules' events of each article plus the fallback's, and (root, gold roots) of each one fired."""
    out = []
    fired = []
    for events, actors, found in rows:
        extra = []
        for c, event, roots, coded in found:
            if model is None or coded:
                continue
            root, p = model.predict(c.features)
            if p >= threshold:
                extra.append(replace(event, cameo=root + "0", confidence=confidence))
                fired.append((root, roots))
        out.append((tuple(events) + tuple(extra), actors))
    return out, fired


def cv(cache: Path, thresholds: list[float], l2: float, ruled: bool, min_count: int) -> None:
    """Leave one set out: train on seven, score the eighth with the real scorer (dyad + root)."""
    data = pickle.loads(cache.read_bytes())  # noqa: S301 (this script's own cache)
    print(f"{'held out':16} {'rules P/R/F1':>18} " + " ".join(f"{'t=' + str(t):>24}" for t in thresholds))
    totals = {t: Counter() for t in thresholds}
    for held in SETS:
        model = train(*examples(data, [s for s in SETS if s != held], ruled), l2, min_count)
        articles, rows = data[held]
        base = score(articles, predictions(rows, None, 1.0)[0]).key("dyad_root")
        cells = []
        for t in thresholds:
            preds, _ = predictions(rows, model, t)
            report = score(articles, preds)
            k = report.key("dyad_root")
            mine = [s for s in report.predicted if "learned" in s.event.cues]
            totals[t].update(
                fired=len(mine),
                right=sum("dyad_root" in s.matched for s in mine),
                root=sum("root" in s.matched for s in mine),
                gained=k.f1 > base.f1 + 1e-9,
            )
            totals[t]["df1"] += k.f1 - base.f1
            cells.append(f"{k.precision:.3f}/{k.recall:.3f}/{k.f1:.3f} +{len(mine)}")
        row = f"{base.precision:.3f}/{base.recall:.3f}/{base.f1:.3f}"
        print(f"{held:16} {row:>18} " + " ".join(f"{c:>24}" for c in cells))
    for t in thresholds:
        n = totals[t]
        print(
            f"t={t}: fired {n['fired']}, root right {n['root']}, dyad+root right {n['right']} "
            f"({n['right'] / max(n['fired'], 1):.2f}), folds gained {n['gained']}/8, "
            f"mean F1 change {n['df1'] / 8:+.4f}"
        )


def fit(
    cache: Path, threshold: float, confidence: float, l2: float, ruled: bool, min_count: int, out: Path
) -> None:
    data = pickle.loads(cache.read_bytes())  # noqa: S301 (this script's own cache)
    cands, labels = examples(data, SETS, ruled)
    model = train(cands, labels, l2, min_count)
    order = sorted(model.index, key=model.index.__getitem__)
    out.write_text(
        json.dumps(
            {
                "schema": "worldwire.learned/1",
                "trained_on": list(SETS),
                "l2": l2,
                "ruled": ruled,
                "min_count": min_count,
                "threshold": threshold,
                "confidence": confidence,
                "classes": list(model.classes),
                "bias": list(model.bias),
                "features": order,
                "weights": [list(model.weights[model.index[f]]) for f in order],
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(cands)} examples, {len(order)} features, classes {model.classes} -> {out}")


def load_model(path: Path) -> Model:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        classes=tuple(raw["classes"]),
        index={f: i for i, f in enumerate(raw["features"])},
        weights=tuple(tuple(row) for row in raw["weights"]),
        bias=tuple(raw["bias"]),
        threshold=float(raw["threshold"]),
        confidence=float(raw["confidence"]),
    )


def measure(folder: Path, model: Model) -> None:
    """Score a hand-coded set (dyad + root) with the rules alone and with the fallback added, and list
    what the fallback coded with the keys it matched."""
    articles = load_gold(folder)
    raws = [RawDocument(id=a.doc, origin=a.doc, text=a.text, date=a.date) for a in articles]
    rules, both = [], []
    for parsed in parse_documents(raws, raw_mode=True):
        doc = resolve_actors(parsed)
        coded = code_document(doc)
        added = learned_events(doc, coded.events, _DocumentCoder(doc, CoderOptions())._token_actors, model)
        rules.append((coded.events, doc.actors))
        both.append((coded.events + tuple(added), doc.actors))
    for name, predicted in (("rules", rules), ("rules + fallback", both)):
        report = score(articles, predicted)
        k, r = report.key("dyad_root"), report.key("root")
        print(
            f"{name:18} dyad + root P {k.precision:.3f} R {k.recall:.3f} F1 {k.f1:.3f}   root F1 {r.f1:.3f}"
        )
    for s in score(articles, both).predicted:
        if "learned" in s.event.cues:
            e = s.event
            target = e.target.code if e.target else None
            where = e.evidence[:100]
            print(f"  {sorted(s.matched)} {e.source.code} -> {target} {e.cameo} {e.trigger} | {where}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("collect", "cv", "fit", "measure"))
    parser.add_argument("cache", type=Path, help="the pickle of collect (measure: a hand-coded set's folder)")
    parser.add_argument("--out", type=Path, default=Path("fallback-model.json"), help="fit: the model file")
    parser.add_argument("--model", type=Path, default=Path("fallback-model.json"), help="measure: the model")
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.4, 0.5, 0.6])
    parser.add_argument("--confidence", type=float, default=0.3)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--ruled", action="store_true", help="train on the rules' coded sentences too")
    args = parser.parse_args()
    if args.command == "collect":
        collect(args.cache)
    elif args.command == "cv":
        cv(args.cache, args.threshold, args.l2, args.ruled, args.min_count)
    elif args.command == "fit":
        fit(args.cache, args.threshold[0], args.confidence, args.l2, args.ruled, args.min_count, args.out)
    else:
        measure(args.cache, load_model(args.model))


if __name__ == "__main__":
    main()
