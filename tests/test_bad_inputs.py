"""Bad inputs through the real `worldwire extract`: each gets its own line with an error, the batch goes on.

Every case writes its own input into tmp_path; the English texts are short so that spaCy stays fast.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from worldwire.interfaces.cli import app

GOOD = (
    "The foreign minister of Norway met his Swedish counterpart in Oslo on Tuesday to discuss fishing "
    "rights in the North Sea.\n\nBoth officials said the talks were constructive and agreed to meet "
    "again next month."
)
GOOD_2 = "Officials in Kenya announced new trade measures on Friday after a meeting with Ugandan ministers."
GOOD_3 = "The president of Ghana visited Nigeria on Monday for talks on regional security with his host."
SPANISH = (
    "El gobierno de Chile anunció el martes un nuevo acuerdo comercial con Argentina. Los ministros de "
    "ambos países se reunieron en Santiago para firmar el documento, que según los funcionarios reducirá "
    "los aranceles en los próximos años."
)
GERMAN = (
    "Die Regierung in Berlin hat am Dienstag ein neues Abkommen mit Polen vorgestellt. Die Minister der "
    "beiden Länder trafen sich in der Hauptstadt, um über den Handel und die Grenze zu sprechen."
)
RUSSIAN = (
    "Правительство объявило во вторник о новом торговом соглашении с соседними странами. Министры "
    "встретились в столице, чтобы подписать документ, который, по словам чиновников, снизит пошлины."
)
PARAGRAPH = f"<p>{GOOD_2}</p>"
GZIPPED = gzip.compress(GOOD.encode(), mtime=0)
HUGE = 50 * 1024 * 1024
LIST_FIELDS = ("removed", "actors", "events", "quotes", "facts", "locations", "removals", "sentences")

# One input file: (name, what to write), and the (id, error code or None) of each document it holds.
Builder = Callable[[Path], None]
Case = tuple[str, Builder, list[tuple[str, str | None]]]


def _text(content: str, encoding: str = "utf-8") -> Builder:
    return lambda path: path.write_bytes(content.encode(encoding))


def _bytes(content: bytes) -> Builder:
    return lambda path: path.write_bytes(content)


def _huge_text(path: Path) -> None:
    """50 MB of plain text, written a megabyte at a time."""
    block = (GOOD + "\n\n").encode() * (1024 * 1024 // (len(GOOD) + 2))
    with path.open("wb") as out:
        while out.tell() < HUGE:
            out.write(block)
        out.truncate(HUGE)


def _random_bytes(path: Path) -> None:
    noise = random.Random(7).randbytes(4096)  # noqa: S311 -- test data, not a secret
    path.write_bytes(b"\x01\x00" + noise.replace(b"\n", b"\x00"))


def _jsonl(*lines: str) -> Builder:
    return lambda path: path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _record(**fields: str) -> str:
    return json.dumps(fields, ensure_ascii=False)


BAD_BATCH: list[Case] = [
    ("good.txt", _text(GOOD), [("good.txt", None)]),
    ("empty.txt", _text(""), [("empty.txt", "E103")]),
    ("blank.txt", _text(" \n\t\n"), [("blank.txt", "E103")]),
    ("image.txt", _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), [("image.txt", "E104")]),
    ("paper.txt", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), [("paper.txt", "E104")]),
    ("noise.txt", _random_bytes, [("noise.txt", "E104")]),
    ("huge.txt", _huge_text, [("huge.txt", "E105")]),
    # Mostly UTF-8, with one byte that is not: refused, not garbled.
    ("broken.txt", _bytes(f"{GOOD} Café – naïve".encode() + b" \xff end."), [("broken.txt", "E106")]),
    # A byte-order mark, then a byte that is not UTF-8: this used to crash the whole batch.
    ("bom-broken.txt", _bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\xff"), [("bom-broken.txt", "E106")]),
    # A corrupt .gz file: zlib's error used to crash the whole batch too.
    (
        "corrupt.txt.gz",
        _bytes(GZIPPED[:20] + b"\xff" * 16 + GZIPPED[36:]),
        [("corrupt.txt", "E110")],
    ),
    ("missing.txt", lambda _path: None, [("missing.txt", "E101")]),
    ("report.pdf", _bytes(b"%PDF-1.7\n"), [("report.pdf", "E102")]),
    # Unclosed tags and stray markup around real text: the parser recovers it.
    (
        "unclosed.html",
        _text(f"<html><body><div><p>{GOOD_2} <b>Talks <i>went on &&& <<< >> </span></td><p"),
        [("unclosed.html", None)],
    ),
    ("garbage.html", _text("<<<>>> </div></span> &&& <p <<!-- -- ><</ \x0c"), [("garbage.html", "E201")]),
    ("deep.html", _text("<html><body>" + "<div>" * 100_000 + PARAGRAPH), [("deep.html", "E202")]),
    (
        "wire.jsonl",
        _jsonl(
            _record(id="w1", text=GOOD_2),
            '{"id": "w2", "text": "a line cut short',
            _record(id="w3", text=GOOD_3),
            _record(id="w4", title="A record with no text"),
        ),
        [("w1", None), ("wire.jsonl:2", "E107"), ("w3", None), ("w4", "E108")],
    ),
    ("spanish.txt", _text(SPANISH), [("spanish.txt", "E301")]),
    ("german.txt", _text(GERMAN, "cp1252"), [("german.txt", "E301")]),
    ("russian.txt", _text(RUSSIAN), [("russian.txt", "E301")]),
    ("last.txt", _text(GOOD_3), [("last.txt", None)]),
]

GOOD_BATCH: list[Case] = [
    ("good.txt", _text(GOOD), [("good.txt", None)]),
    ("good.txt.gz", _bytes(gzip.compress(GOOD_2.encode())), [("good.txt", None)]),
    (
        "legacy.txt",
        _text("The café owner in Zürich said the “naïve” plan would cost €5.", "cp1252"),
        [("legacy.txt", None)],
    ),
    (
        "page.html",
        _text(f"<html><head><title>Trade</title></head><body>{PARAGRAPH}</body></html>"),
        [("page.html", None)],
    ),
    # A bare fragment, with no <html>: trafilatura alone drops it; it is still an article.
    ("fragment.htm", _text(PARAGRAPH), [("fragment.htm", None)]),
    (
        "wire.jsonl",
        _jsonl(_record(id="w1", text=GOOD_3), _record(html=PARAGRAPH)),
        [("w1", None), ("wire.jsonl:2", None)],
    ),
]


def _build(tmp_path: Path, cases: list[Case]) -> tuple[list[str], list[tuple[str, str | None]]]:
    paths, expected = [], []
    for name, build, documents in cases:
        path = tmp_path / name
        build(path)
        paths.append(str(path))
        expected.extend(documents)
    return paths, expected


def _run(*args: str, stdin: str | None = None) -> tuple[Result, list[dict[str, Any]]]:
    result = CliRunner().invoke(app, ["extract", *args], input=stdin)
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def _code(record: dict[str, Any]) -> str | None:
    error = record["error"]
    return None if error is None else error[1:5]


def _assert_outcomes(records: list[dict[str, Any]], expected: list[tuple[str, str | None]]) -> None:
    assert [(r["id"], _code(r)) for r in records] == expected, "one line per document, in input order"
    for record in records:
        if record["error"] is None:
            assert record["text"].strip(), record["id"]
            assert record["sentences"], record["id"]
            assert record["language"] == "en"
        else:
            assert record["error"].startswith(f"[{_code(record)}] "), record["error"]
            assert record["text"] == ""
            filled = [field for field in LIST_FIELDS if record[field]]
            assert not filled, f"{record['id']} failed, yet has {filled}"


def test_bad_inputs_each_fail_alone_in_one_batch(tmp_path: Path, nlp: Any) -> None:
    paths, expected = _build(tmp_path, BAD_BATCH)
    result, records = _run(*paths)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), "a failed document must not crash the batch"
    _assert_outcomes(records, expected)
    errors = {r["id"]: r["error"] for r in records}
    assert "line 2 of" in errors["wire.jsonl:2"]
    assert f"{HUGE:,} bytes" in errors["huge.txt"], "refused by its size on disk, before it was read"
    assert "nested" in errors["deep.html"]
    assert "Spanish" in errors["spanish.txt"]
    assert "German" in errors["german.txt"]
    assert "looks like Russian" in errors["russian.txt"]
    assert "failed" in result.stderr


def test_bad_inputs_all_good_batch_exits_0(tmp_path: Path, nlp: Any) -> None:
    paths, expected = _build(tmp_path, GOOD_BATCH)
    folder = tmp_path / "folder"  # the same files again, as a directory: read in name order
    folder.mkdir()
    _folder_paths, folder_expected = _build(folder, sorted(GOOD_BATCH, key=lambda case: case[0]))
    result, records = _run(*paths, str(folder))
    assert result.exit_code == 0, result.output
    _assert_outcomes(records, expected + folder_expected)


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (GOOD, [("<stdin>", None)]),
        ("\n" + GOOD, [("<stdin>", None)]),
        (_record(id="s1", text=GOOD_2) + "\n{oops\n", [("s1", None), ("<stdin>:2", "E107")]),
        ("", [("<stdin>", "E103")]),
        (RUSSIAN, [("<stdin>", "E301")]),
    ],
    ids=["plain-text", "blank-line-then-text", "jsonl", "empty", "russian"],
)
def test_bad_inputs_stdin(nlp: Any, stdin: str, expected: list[tuple[str, str | None]]) -> None:
    result, records = _run(stdin=stdin)
    assert result.exit_code == (1 if any(code for _id, code in expected) else 0), result.output
    _assert_outcomes(records, expected)


def test_bad_inputs_failed_document_has_no_removed_lines(tmp_path: Path, nlp: Any) -> None:
    path = tmp_path / "spanish.txt"
    path.write_text(SPANISH + "\n\nShare this article on Facebook\n", encoding="utf-8")
    _result, (record,) = _run(str(path))
    assert _code(record) == "E301"
    assert record["removed"] == []
    assert record["removals"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["--date", "2023-13-45"],
        ["--date", "2023-05-170"],
        ["--date", "yesterday"],
        ["--max-chars", "0"],
        ["--max-chars", "many"],
    ],
)
def test_bad_inputs_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    result, records = _run(*args, str(path))
    assert result.exit_code == 2, result.output
    assert records == [], "a usage error processes nothing"


def test_bad_inputs_bad_date_names_the_date(tmp_path: Path) -> None:
    result, _records = _run("--date", "2023-13-45", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "2023-13-45" in result.stderr
    assert "E109" in result.stderr
