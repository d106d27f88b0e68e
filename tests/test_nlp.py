"""The NLP stage: ordering, segmentation, language errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from worldwire.models import CleanDocument, RawDocument
from worldwire.nlp import annotate, load_pipeline, quotations, split_segments
from worldwire.nlp.numbers import number_value


def _doc(doc_id: str, text: str, error: str | None = None) -> CleanDocument:
    raw = RawDocument(id=doc_id, origin="test", text=text)
    return CleanDocument(raw=raw, text=text, title=None, date=None, error=error)


def test_split_segments_one_per_paragraph_with_offsets() -> None:
    text = "First paragraph here.\n\nSecond one.\nStill second.\n\n\nThird."
    segments = split_segments(text, 1000)
    assert [s for s, _ in segments] == ["First paragraph here.", "Second one.\nStill second.", "Third."]
    assert all(text[o : o + len(s)] == s for s, o in segments)


def test_split_segments_cuts_long_paragraph_at_spaces() -> None:
    text = " ".join(["word"] * 50)
    segments = split_segments(text, 42)
    assert all(len(s) <= 42 for s, _ in segments)
    assert "".join(s for s, _ in segments) == text


def test_load_pipeline_is_loaded_once() -> None:
    assert load_pipeline() is load_pipeline()


def test_annotate_keeps_input_order_around_failures(nlp: Any) -> None:
    docs = [
        _doc("a", "The minister arrived in Astana on Monday. Talks began at noon."),
        _doc("b", "", error="[E103] empty document"),
        _doc("c", "La ministre est arrivée lundi à Paris pour des entretiens avec le gouvernement français."),
        _doc("d", "Officials said the talks would continue.\n\nA second paragraph follows here."),
    ]
    out = list(annotate(docs, nlp=nlp, batch_size=2))
    assert [d.id for d in out] == ["a", "b", "c", "d"]
    assert out[0].error is None
    assert len(out[0].sentences) == 2
    assert out[1].error == "[E103] empty document"
    assert out[2].error is not None
    assert out[2].error.startswith("[E301]")
    assert "French" in out[2].error
    assert [out[3].clean.text[s.start : s.end] for s in out[3].sentences] == [
        "Officials said the talks would continue.",
        "A second paragraph follows here.",
    ]


SENTENCES = [f"Delegation number {i} arrived in the capital for talks." for i in range(60)]
LONG_TEXT = "\n\n".join(" ".join(SENTENCES[i : i + 3]) for i in range(0, 60, 3))


def test_annotate_long_document_is_read_to_the_end(nlp: Any) -> None:
    out = list(annotate([_doc("long", LONG_TEXT)], nlp=nlp, segment_chars=100))
    spans = [LONG_TEXT[s.start : s.end] for s in out[0].sentences]
    assert spans[-1] == SENTENCES[-1]
    assert len(spans) == 60


def test_annotate_long_document_with_two_processes() -> None:
    """spaCy forks its worker processes: forking this test process, whose other tests started DuckDB and
    polars threads, can crash the child and leave the parent waiting; so the two-process run gets a fresh
    interpreter, as `worldwire extract --n-process 2` does."""
    script = (
        "from tests.test_nlp import LONG_TEXT, SENTENCES, _doc\n"
        "from worldwire.nlp import annotate\n"
        "out = list(annotate([_doc('long', LONG_TEXT)], segment_chars=100, n_process=2))\n"
        "spans = [LONG_TEXT[s.start : s.end] for s in out[0].sentences]\n"
        "assert spans[-1] == SENTENCES[-1] and len(spans) == 60, spans[-3:]\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_quotations_close_a_mark_only_with_its_own_closer() -> None:
    text = 'He said “a "b" c” and "d'
    assert quotations(text) == [(8, 16), (22, len(text))]
    assert quotations("«x» „y“", {"«": "»", "„": "“"}) == [(0, 2), (4, 6)]


def test_number_value_reads_digits_and_the_number_words_of_the_data() -> None:
    assert [number_value(t) for t in ("1,200.5", "five", "twenty-five", "two hundred", "both")] == [
        1200.5,
        5,
        25,
        200,
        None,
    ]
