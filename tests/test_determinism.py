"""The same input gives the same output whatever Python's string hash seed (PYTHONHASHSEED): no result may
depend on the order a set of strings is iterated in."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

from worldwire.events.confidence import confidence_model

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
# articles whose actors and events reach the lexicon's persons, offices, counterparts and pronouns
ARTICLES = 4

_SCRIPT = """
import json, sys
from worldwire.models import RawDocument
from worldwire.output import to_record
from worldwire.pipeline import extract_documents

raws = [RawDocument(id=r["id"], origin="test", text=r["text"], title=r.get("title"), date=r.get("date"))
        for r in json.load(open(sys.argv[1], encoding="utf-8"))]
for doc in extract_documents(raws, raw_mode=True):
    record = to_record(doc)
    print(json.dumps({k: record[k] for k in ("id", "actors", "events", "locations")}, sort_keys=True))
"""

_TEXTS = [
    {
        "id": "own",
        "date": "2020-01-05",
        "text": (
            "Iranian President Hassan Rouhani met German Chancellor Angela Merkel in Berlin on Monday. "
            "He said Iran would not accept new sanctions, and she urged Tehran to keep the nuclear deal.\n\n"
            "The Democrats in the House of Representatives voted to impeach President Donald Trump. "
            "Russian and Chinese officials criticised the United States, and Kurdish fighters attacked "
            "Turkish troops near the Syrian border, the Syrian Observatory for Human Rights said."
        ),
    }
]


def _run(seed: str, inputs: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    return subprocess.Popen(
        [sys.executable, "-c", _SCRIPT, str(inputs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        text=True,
    )


def _records(process: subprocess.Popen[str]) -> list[str]:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err[-2000:]
    return out.splitlines()


def test_same_output_under_two_hash_seeds(tmp_path: Path) -> None:
    inputs = list(_TEXTS)
    if WIKINEWS.exists():
        with WIKINEWS.open(encoding="utf-8") as stream:
            inputs += [json.loads(line) for line, _ in zip(stream, range(ARTICLES), strict=False)]
    path = tmp_path / "inputs.json"
    path.write_text(json.dumps(inputs), encoding="utf-8")
    runs = [_run(seed, path) for seed in ("1", "2")]  # both at once
    first, second = (_records(run) for run in runs)
    assert len(first) == len(inputs)
    assert any(json.loads(line)["events"] for line in first)
    for a, b in zip(first, second, strict=True):
        assert a == b, json.loads(a)["id"]


def test_confidence_does_not_depend_on_the_order_of_its_cues() -> None:
    """The cues come as a set: their order must not move the score, not even in its last bit."""
    model = confidence_model()
    cues = sorted(model.weights)
    for size in (3, 4):
        for chosen in itertools.combinations(cues, size):
            scores = {model.score(order) for order in itertools.permutations(chosen)}
            assert len(scores) == 1, chosen
