"""Ingest: every input becomes `RawDocument`s, in input order; a bad one becomes an error, never a crash."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

import worldwire.ingest
from worldwire.errors import InputError
from worldwire.ingest import normalize_date, read_inputs
from worldwire.ingest.decode import decode
from worldwire.models import RawDocument

MAX_CHARS = 10_000
TEXT = (
    "The foreign minister of Norway met his Swedish counterpart in Oslo on Tuesday.\n\n"
    "Both sides agreed to meet again in June to settle fishing quotas."
)
HTML = (
    "<html><head><title>Fishing talks</title></head><body><article>"
    "<p>The foreign minister of Norway met his Swedish counterpart in Oslo on Tuesday.</p>"
    "</article></body></html>"
)
# Accented English, as a Windows or Latin-1 editor would save it.
LATIN1_TEXT = "The café owner in Zürich said the naïve plan for the façade of the Élysée was «absurd»."
CP1252_TEXT = "The café owner in Zürich said the “naïve” plan would cost €5 million – or more."


def _read(*inputs: Path | str, stdin: bytes | None = None, max_chars: int = MAX_CHARS) -> list[RawDocument]:
    stream = None if stdin is None else io.BytesIO(stdin)
    return list(read_inputs([str(i) for i in inputs], max_chars=max_chars, stdin=stream))


def _write(path: Path, data: bytes) -> Path:
    """Write `data` to `path`, gzip-compressed when the name ends in .gz."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def _jsonl(*records: Any) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")


def _code(doc: RawDocument) -> str | None:
    return None if doc.error is None else doc.error[1:5]


# --- files of each kind ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("a.txt", TEXT, "text"),
        ("a.txt.gz", TEXT, "text"),
        ("a.html", HTML, "html"),
        ("a.htm", HTML, "html"),
        ("a.html.gz", HTML, "html"),
        ("a.htm.gz", HTML, "html"),
    ],
)
def test_ingest_reads_text_and_html_files(tmp_path: Path, name: str, content: str, field: str) -> None:
    path = _write(tmp_path / name, content.encode("utf-8"))
    (doc,) = _read(path)
    assert doc.error is None
    assert doc.id == name.removesuffix(".gz")
    assert doc.origin == str(path)
    assert getattr(doc, field) == content
    assert doc.format == field
    assert doc.encoding == "utf-8"


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
def test_ingest_reads_jsonl_files_one_document_per_line(tmp_path: Path, name: str) -> None:
    data = _jsonl({"id": "a1", "text": TEXT}, {"id": "a2", "html": HTML})
    path = _write(tmp_path / name, data)
    docs = _read(path)
    assert [(d.id, d.format, d.error) for d in docs] == [("a1", "text", None), ("a2", "html", None)]
    assert docs[0].text == TEXT
    assert docs[1].html == HTML
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2"]


def test_ingest_jsonl_record_keeps_title_date_and_url(tmp_path: Path) -> None:
    record = {
        "id": "n7",
        "title": "Fishing talks",
        "date": "20230517",
        "url": "https://example.org/n7",
        "text": TEXT,
    }
    (doc,) = _read(_write(tmp_path / "n.jsonl", _jsonl(record)))
    assert (doc.title, doc.date, doc.url) == ("Fishing talks", "2023-05-17", "https://example.org/n7")


def test_ingest_jsonl_record_without_id_is_named_by_file_and_line(tmp_path: Path) -> None:
    data = _jsonl({"id": "first", "text": TEXT}) + b"\n" + _jsonl({"text": TEXT}, {"id": "", "text": TEXT})
    docs = _read(_write(tmp_path / "wire.jsonl", data))
    assert [d.id for d in docs] == ["first", "wire.jsonl:3", "wire.jsonl:4"]


def test_ingest_reads_a_directory_recursively_in_name_order(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    _write(root / "b.txt", TEXT.encode())
    _write(root / "a.html", HTML.encode())
    _write(root / "sub" / "c.jsonl", _jsonl({"id": "c1", "text": TEXT}))
    _write(root / "sub" / "deeper" / "d.txt.gz", TEXT.encode())
    _write(root / ".hidden.txt", TEXT.encode())  # hidden files and folders are skipped
    _write(root / ".cache" / "e.txt", TEXT.encode())
    _write(root / "notes.md", b"# notes")  # so are unsupported files inside a directory
    _write(root / "photo.png", b"\x89PNG\r\n\x1a\n")
    docs = _read(root)
    assert [d.id for d in docs] == ["a.html", "b.txt", "c1", "d.txt"]
    assert all(d.error is None for d in docs)


@pytest.mark.parametrize("inputs", [[], ["-"]])
def test_ingest_reads_jsonl_from_stdin(inputs: list[str]) -> None:
    data = _jsonl({"id": "s1", "text": TEXT}, {"text": TEXT})
    docs = list(read_inputs(inputs, max_chars=MAX_CHARS, stdin=io.BytesIO(data)))
    assert [(d.id, d.origin, d.text) for d in docs] == [
        ("s1", "<stdin>:1", TEXT),
        ("<stdin>:2", "<stdin>:2", TEXT),
    ]


@pytest.mark.parametrize("prefix", ["", "\n\n"])
def test_ingest_reads_plain_text_from_stdin_as_one_document(prefix: str) -> None:
    (doc,) = _read("-", stdin=(prefix + TEXT).encode("utf-8"))
    assert (doc.id, doc.error, doc.encoding) == ("<stdin>", None, "utf-8")
    assert doc.text is not None
    assert doc.text.strip() == TEXT


def test_ingest_inputs_keep_their_order_across_kinds(tmp_path: Path) -> None:
    text = _write(tmp_path / "z.txt", TEXT.encode())
    lines = _write(tmp_path / "a.jsonl", _jsonl({"id": "j1", "text": TEXT}, {"id": "j2", "text": TEXT}))
    docs = _read(text, tmp_path / "missing.txt", "-", lines, stdin=_jsonl({"id": "s1", "text": TEXT}))
    assert [d.id for d in docs] == ["z.txt", "missing.txt", "s1", "j1", "j2"]


# --- encodings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "encoding"), [(LATIN1_TEXT, "latin-1"), (CP1252_TEXT, "cp1252")])
def test_ingest_detects_a_legacy_encoding(tmp_path: Path, text: str, encoding: str) -> None:
    (doc,) = _read(_write(tmp_path / "legacy.txt", text.encode(encoding)))
    assert doc.error is None
    assert doc.text == text
    assert doc.encoding == "cp1252"  # the superset of Latin-1 that legacy Western text is read as


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_ingest_reads_unicode_with_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    data = CP1252_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = "\ufeff".encode(encoding) + data
    (doc,) = _read(_write(tmp_path / "bom.txt", data))
    assert doc.error is None
    assert doc.text == CP1252_TEXT


@pytest.mark.parametrize(
    "label",
    [
        "windows-1252",
        "iso-8859-1",  # read as Windows-1252, as browsers do: its curly quotes are no control characters
        "utf-16",  # a <meta> that could be read as ASCII is not UTF-16
    ],
)
def test_ingest_honours_an_html_meta_charset(tmp_path: Path, label: str) -> None:
    html = (
        f'<html><head><meta charset="{label}"><title>Talks</title></head>'
        f"<body><p>{CP1252_TEXT}</p></body></html>"
    )
    (doc,) = _read(_write(tmp_path / "page.html", html.encode("cp1252")))
    assert doc.error is None
    assert doc.html == html
    assert doc.encoding == "cp1252"


def test_decode_legacy_text_with_a_utf8_lookalike_pair_is_not_refused() -> None:
    # "É’" in Windows-1252 is C9 92, a well-formed UTF-8 pair: one accident must not make it "corrupt UTF-8".
    text = "Staff at the CAFÉ’s counter in Zürich said the naïve plan would cost €5 million."
    assert decode(text.encode("cp1252"), "x") == (text, "cp1252")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E103"),
        (b"  \n\t\n", "E103"),
        ("\ufeff".encode(), "E103"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E104"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E104"),
        (b"PK\x03\x04\x14\x00\x06\x00", "E104"),
        (b"text with\x00\x01\x02 bytes\x00 of a binary file", "E104"),
        ("Café – the minister’s visit".encode() + b" was \xff cancelled.", "E106"),
        ("\ufeffThe minister".encode() + b" spoke \xff in Oslo.", "E106"),  # bad byte after a BOM
        ("\ufeffThe minister".encode("utf-16-le")[:-1], "E106"),  # a BOM, then odd bytes
    ],
)
def test_decode_refuses_what_is_not_text(data: bytes, code: str) -> None:
    with pytest.raises(InputError, match=rf"^\[{code}\]"):
        decode(data, "'x.txt'")


def test_decode_names_the_bad_byte_and_its_offset() -> None:
    data = "Café – talks".encode() + b"\xff"
    with pytest.raises(InputError, match=r"bad byte 0xff at offset 15"):
        decode(data, "'x.txt'")


# --- files that cannot be read -----------------------------------------------------------------------


def test_ingest_missing_path_is_e101(tmp_path: Path) -> None:
    (doc,) = _read(tmp_path / "nowhere.txt")
    assert _code(doc) == "E101"
    assert doc.id == "nowhere.txt"
    assert "nowhere.txt" in (doc.error or "")


def test_ingest_path_the_system_refuses_is_e110_not_a_crash(tmp_path: Path) -> None:
    good = _write(tmp_path / "b.txt", TEXT.encode())
    docs = _read(tmp_path / ("a" * 300 + ".txt"), good)  # "File name too long" used to end the batch
    assert [_code(d) for d in docs] == ["E110", None]


def test_ingest_directory_logs_links_that_lead_nowhere(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "sub" / "a.txt", TEXT.encode())
    (tmp_path / "in" / "sub" / "up").symlink_to("..")  # a loop: not followed
    (tmp_path / "in" / "dangling.txt").symlink_to("nowhere.txt")
    (tmp_path / "in" / "ping.txt").symlink_to("pong.txt")
    (tmp_path / "in" / "pong.txt").symlink_to("ping.txt")
    docs = _read(tmp_path / "in")
    assert [(d.id, _code(d)) for d in docs] == [
        ("dangling.txt", "E115"),
        ("ping.txt", "E115"),
        ("pong.txt", "E115"),
        ("a.txt", None),
        ("up", "E115"),
    ]


@pytest.mark.parametrize("name", ["report.pdf", "notes.md", "README", "archive.tar.gz"])
def test_ingest_unsupported_file_type_is_e102(tmp_path: Path, name: str) -> None:
    (doc,) = _read(_write(tmp_path / name, b"some bytes"))
    assert _code(doc) == "E102"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:20] + b"\xff" * 10 + data[30:],  # corrupt deflate data: zlib.error
        lambda data: data[:-12],  # cut short
        lambda _data: b"not gzip at all",
    ],
    ids=["corrupt", "truncated", "not-gzip"],
)
def test_ingest_damaged_gzip_is_e110_not_a_crash(tmp_path: Path, damage: Any) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(damage(gzip.compress(TEXT.encode() * 5)))
    good = _write(tmp_path / "b.txt", TEXT.encode())
    docs = _read(path, good)
    assert [(d.id, _code(d)) for d in docs] == [("a.txt", "E110"), ("b.txt", None)]


def test_ingest_oversized_file_is_refused_before_it_is_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(4 * MAX_CHARS + 1)

    def never(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("an oversized file was read and decoded")

    monkeypatch.setattr(worldwire.ingest, "decode", never)
    (doc,) = _read(path)
    assert _code(doc) == "E105"
    assert "40,001 bytes" in (doc.error or "")


def test_ingest_gzip_that_unpacks_past_the_limit_is_e105(tmp_path: Path) -> None:
    # Multi-byte text cut at the read limit used to be reported as undecodable (E106).
    (doc,) = _read(_write(tmp_path / "bomb.txt.gz", ("é" * (4 * MAX_CHARS)).encode()))
    assert _code(doc) == "E105"


def test_ingest_text_over_max_chars_is_e105(tmp_path: Path) -> None:
    (doc,) = _read(_write(tmp_path / "long.txt", b"word " * 300), max_chars=1000)
    assert _code(doc) == "E105"
    assert "1,500 characters" in (doc.error or "")


# --- JSONL that is partly or wholly bad ---------------------------------------------------------------


def test_ingest_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    data = (
        _jsonl({"id": "ok1", "text": TEXT})
        + b'{"id": "broken", "text": "unterminated\n'
        + _jsonl(["a", "list"], {"id": "no-text", "title": "x"}, {"id": "blank", "text": "  "})
        + _jsonl({"id": "bad-date", "date": "2023-13-45", "text": TEXT}, {"id": "ok2", "text": TEXT})
    )
    docs = _read(_write(tmp_path / "mixed.jsonl", data))
    assert [(d.id, _code(d)) for d in docs] == [
        ("ok1", None),
        ("mixed.jsonl:2", "E107"),
        ("mixed.jsonl:3", "E108"),
        ("no-text", "E108"),
        ("blank", "E103"),
        ("bad-date", "E109"),
        ("ok2", None),
    ]
    assert "line 2 of" in (docs[1].error or "")


@pytest.mark.parametrize(
    "line",
    [
        b'{"id": "x", "text": "t", "deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
        b'{"id": "x", "text": "t", "n": ' + b"1" * 5000 + b"}\n",
        b'{"id": "x", "text": "caf\xe9"}\n',
    ],
    ids=["deep-nesting", "huge-integer", "latin-1"],
)
def test_ingest_jsonl_line_json_cannot_read_is_e107(tmp_path: Path, line: bytes) -> None:
    docs = _read(_write(tmp_path / "odd.jsonl", line + _jsonl({"id": "ok", "text": TEXT})))
    assert [(d.id, _code(d)) for d in docs] == [("odd.jsonl:1", "E107"), ("ok", None)]


def test_ingest_jsonl_whose_first_line_is_bad_is_still_jsonl(tmp_path: Path) -> None:
    # It used to become one plain-text document holding the whole file.
    data = b"oops, not JSON\n" + _jsonl({"id": "ok", "text": TEXT})
    docs = _read(_write(tmp_path / "first.jsonl", data))
    assert [(d.id, _code(d)) for d in docs] == [("first.jsonl:1", "E107"), ("ok", None)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_ingest_jsonl_with_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    data = _jsonl({"id": "b1", "text": TEXT}, {"id": "b2", "text": CP1252_TEXT}).decode().encode(encoding)
    docs = _read(_write(tmp_path / "bom.jsonl", data))
    assert [(d.id, d.text) for d in docs] == [("b1", TEXT), ("b2", CP1252_TEXT)]


def test_ingest_jsonl_on_stdin_with_a_byte_order_mark() -> None:
    docs = _read("-", stdin=b"\xef\xbb\xbf" + _jsonl({"id": "s1", "text": TEXT}))
    assert [(d.id, d.text) for d in docs] == [("s1", TEXT)]


@pytest.mark.parametrize("data", [b"", b"\n  \n\r\n"], ids=["empty", "blank-lines"])
def test_ingest_jsonl_without_text_is_one_e103(tmp_path: Path, data: bytes) -> None:
    (doc,) = _read(_write(tmp_path / "none.jsonl", data))
    assert (doc.id, _code(doc)) == ("none.jsonl", "E103")


@pytest.mark.parametrize("data", [b"", b"\n\n"], ids=["empty", "blank-lines"])
def test_ingest_empty_stdin_is_one_e103(data: bytes) -> None:
    (doc,) = _read("-", stdin=data)
    assert (doc.id, _code(doc)) == ("<stdin>", "E103")


def test_ingest_binary_jsonl_is_one_e104(tmp_path: Path) -> None:
    (doc,) = _read(_write(tmp_path / "photo.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n\x00\x01"))
    assert (doc.id, _code(doc)) == ("photo.jsonl", "E104")


def test_ingest_stdin_plain_text_over_the_limit_is_e105() -> None:
    (doc,) = _read("-", stdin=b"word " * 1000, max_chars=1000)
    assert _code(doc) == "E105"


# --- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-17", "2023-05-17"),
        ("20230517", "2023-05-17"),
        (20230517, "2023-05-17"),
        (" 2023-05-17\n", "2023-05-17"),
        ("2023-05-17T09:30:00Z", "2023-05-17"),
        ("2023-05-17 09:30", "2023-05-17"),
        ("20230517T093000", "2023-05-17"),
        ("2024-02-29", "2024-02-29"),
        ("May 17, 2023", "2023-05-17"),
        ("Wed, 17 May 2023 09:30:00 GMT", "2023-05-17"),
        (None, None),
        ("", None),
    ],
)
def test_ingest_normalize_date_accepts_iso_and_basic_dates(value: Any, expected: str | None) -> None:
    assert normalize_date(value, "--date") == expected


@pytest.mark.parametrize(
    "value",
    [
        "2023-13-45",
        "2023-02-29",
        "17/05/2023",
        "May 17",  # no year
        "yesterday",
        "2023-5-17",
        "2023-0517",
        "2023-05-170",  # used to pass as 2023-05-17
        "202305179",
        "2023-05-17garbage",
        "2023-W20-3",
    ],
)
def test_ingest_normalize_date_refuses_anything_else_with_e109(value: str) -> None:
    with pytest.raises(InputError, match=r"^\[E109\] bad date") as caught:
        normalize_date(value, "--date")
    assert repr(value) in str(caught.value)


def test_ingest_directory_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("The minister spoke.", encoding="utf-8")
    (docs,) = [list(read_inputs([str(tmp_path)], max_chars=1000))]
    assert len(docs) == 1
    assert docs[0].error is not None
    assert docs[0].error.startswith("[E111]")
