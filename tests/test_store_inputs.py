"""Inputs the store's users bring: RSS/Atom feeds and WARC archives, read by `read_inputs` (so
`worldwire extract` reads them too), one document per item or archived page, never crashing a batch."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from worldwire.ingest import read_inputs
from worldwire.models import RawDocument

BODY = "<p>The council of Lyon voted to extend the tram network to the eastern suburbs by 2030.</p>"


def _read(path: Path) -> list[RawDocument]:
    return list(read_inputs([str(path)], max_chars=100_000))


def _code(doc: RawDocument) -> str | None:
    return doc.error[1:5] if doc.error else None


def test_rss_items_become_documents_with_link_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Tram vote</title><link>https://wire.example/tram</link>"
        "<pubDate>Tue, 02 May 2023 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[{BODY}]]></description></item>"
        "<item><title>Second</title><link>https://wire.example/two</link><guid>g-2</guid>"
        f"<description>{BODY.replace('<', '&lt;').replace('>', '&gt;')}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    first, second = _read(path)
    assert (first.id, first.url, first.title, first.date, first.html) == (
        "https://wire.example/tram",
        "https://wire.example/tram",
        "Tram vote",
        "2023-05-02",
        BODY,
    )
    assert (second.id, second.html, second.date) == ("g-2", BODY, None)
    assert first.origin == f"{path}#1"


def test_atom_entries_prefer_full_content_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>City</title>'
        '<entry><id>urn:1</id><title>Tram</title><link rel="alternate" href="https://city.example/tram"/>'
        "<published>2023-05-02T08:00:00Z</published><summary>short</summary>"
        f'<content type="html">{BODY.replace("<", "&lt;")}</content>'
        "</entry></feed>",
        encoding="utf-8",
    )
    (doc,) = _read(path)
    assert (doc.id, doc.url, doc.date, doc.html) == ("urn:1", "https://city.example/tram", "2023-05-02", BODY)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("<html><body>a web page</body></html>", "E112"),
        ("<rss><channel><item>", "E112"),
        ("<rss version='2.0'><channel><title>none</title></channel></rss>", "E103"),
        (
            "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><rss><channel><item><description>&e;</description></item></channel></rss>",
            None,
        ),
    ],
    ids=["not-a-feed", "broken", "no-items", "external-entity"],
)
def test_bad_feeds_fail_with_a_reason(tmp_path: Path, content: str, code: str | None) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    docs = _read(path)
    assert len(docs) == 1
    if code is not None:
        assert _code(docs[0]) == code
    else:  # an external entity is never resolved: the item has no text
        assert "root:" not in (docs[0].html or "")


def _warc(path: Path, records: list[tuple[str, str, str, bytes]], *, gzip: bool = True) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, kind, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_pages_become_html_documents_and_the_rest_is_accounted(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page = f"<html><body><article>{BODY}</article></body></html>".encode()
    _warc(
        path,
        [
            ("https://city.example/tram", "text/html; charset=utf-8", "200 OK", page),
            ("https://city.example/map.jpg", "image/jpeg", "200 OK", b"\xff\xd8\xff\xe0"),
            ("https://city.example/old", "text/html", "404 Not Found", b"<html>gone</html>"),
        ],
        gzip=name.endswith(".gz"),
    )
    page_doc, image, missing = _read(path)
    assert (page_doc.id, page_doc.url, page_doc.error) == (
        "https://city.example/tram",
        "https://city.example/tram",
        None,
    )
    assert page_doc.html is not None
    assert "tram network" in page_doc.html
    assert (_code(image), _code(missing)) == ("E113", "E113")


def test_damaged_warc_ends_with_one_failed_document(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    page = ("https://city.example/tram", "text/html", "200 OK", BODY.encode())
    _warc(path, [page, page])
    path.write_bytes(path.read_bytes()[:-40])  # the second record cut short
    docs = _read(path)
    assert docs[0].error is None
    assert _code(docs[-1]) == "E110"
