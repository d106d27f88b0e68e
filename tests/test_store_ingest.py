"""`worldwire ingest` end to end: idempotent re-ingest, kill-and-resume, and bad files fully accounted."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from typing import Any

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import worldwire
from worldwire.ingest import read_inputs
from worldwire.store.derived import differences
from worldwire.store.ids import content_hash, input_key

pytestmark = pytest.mark.slow
WORLDWIRE = str(Path(sys.executable).with_name("worldwire"))
ARTICLE = (
    "The parliament of Chile approved a new water law on Thursday after two years of debate, and the "
    "minister of agriculture said farmers would receive more help during the drought."
)


def _slice(shared: Path, tmp_path: Path, count: int) -> Path:
    corpus = shared / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
    path = tmp_path / "slice.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        path.write_text("".join(itertools.islice(lines, count)), encoding="utf-8")
    return path


def _counts(db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    tables = ("articles", "actors", "events", "mentions", "quotes", "facts", "locations", "ingest_log")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}  # noqa: S608
    counts["log_keys"] = con.execute("SELECT count(DISTINCT input_key) FROM ingest_log").fetchall()[0][0]
    counts["article_ids"] = {row[0] for row in con.execute("SELECT article_id FROM articles").fetchall()}
    counts["derived"] = differences(con)
    con.close()
    return counts


def test_store_reingesting_adds_nothing(shared: Path, tmp_path: Path) -> None:
    corpus = _slice(shared, tmp_path, 4)
    with worldwire.open(tmp_path / "w.duckdb") as store:
        first = store.ingest([str(corpus)])
        before = store.status()
        second = store.ingest([str(corpus)])
        after = store.status()
    assert (first.done, first.skipped) == (4, 0)
    assert (second.done, second.duplicate, second.failed, second.skipped) == (0, 0, 0, 4)
    assert after | {"runs": 0} == before | {"runs": 0}


def test_store_same_article_from_another_file_is_logged_as_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with worldwire.open(tmp_path / "w.duckdb") as store:
        report = store.ingest([str(tmp_path / "a.txt"), str(tmp_path / "copy")])
        assert (report.done, report.duplicate) == (1, 1)
        log = store.sql("SELECT status, article_id FROM ingest_log ORDER BY status")
    assert log.status.tolist() == ["done", "duplicate"]
    assert log.article_id.nunique() == 1


def test_store_ingest_killed_mid_run_resumes_with_nothing_lost_or_twice(shared: Path, tmp_path: Path) -> None:
    corpus = _slice(shared, tmp_path, 40)
    db = tmp_path / "w.duckdb"
    command = [WORLDWIRE, "ingest", str(corpus), "--db", str(db), "--workers", "1"]
    env = os.environ | {"COLUMNS": "200"}
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    ) as child:
        assert child.stderr is not None
        for line in child.stderr:  # the first committed batch: the run is now really half-way
            if line.startswith("committed"):
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    interrupted = _counts(db)
    assert 0 < interrupted["ingest_log"] < 40
    assert set(interrupted["derived"].values()) == {0}  # summaries and word index: as a recount

    finished = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "already in" in finished.stderr
    after = _counts(db)
    expected = list(read_inputs([str(corpus)], max_chars=1_000_000))
    assert after["ingest_log"] == after["log_keys"] == len(expected) == 40
    assert set(after["derived"].values()) == {0}
    assert after["article_ids"] == {content_hash(raw) for raw in expected}
    con = duckdb.connect(str(db), read_only=True)
    logged = {row[0] for row in con.execute("SELECT input_key FROM ingest_log").fetchall()}
    duplicated = con.execute(
        "SELECT count(*) FROM (SELECT article_id, idx FROM actors GROUP BY ALL HAVING count(*) > 1)"
    ).fetchall()[0][0]
    con.close()
    assert logged == {input_key(raw, content_hash(raw)) for raw in expected}
    assert duplicated == 0
    # and a third run finds everything done
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "0 new articles" in again.stderr
    assert _counts(db)["ingest_log"] == 40


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid`, read from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_store_killed_ingest_leaves_no_worker_behind(shared: Path, tmp_path: Path) -> None:
    corpus = _slice(shared, tmp_path, 24)
    db = tmp_path / "w.duckdb"
    command = [WORLDWIRE, "ingest", str(corpus), "--db", str(db), "--workers", "2"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as child:
        assert child.stderr is not None
        for line in child.stderr:
            if line.startswith("committed"):
                break
        workers = _children(child.pid)
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert len(workers) >= 2  # the two workers (and multiprocessing's resource tracker)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    subprocess.run(command, capture_output=True, text=True, check=True)
    assert _counts(db)["ingest_log"] == 24


def _warc(path: Path) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        pages = [
            (
                "https://news.example/chile",
                "text/html; charset=utf-8",
                "200 OK",
                f"<html><head><title>Water law</title></head><body><article><p>{ARTICLE}</p></article>"
                "</body></html>",
            ),
            ("https://news.example/logo.png", "image/png", "200 OK", "\x89PNG not really"),
            (
                "https://news.example/gone",
                "text/html",
                "404 Not Found",
                "<html><body>Not found</body></html>",
            ),
        ]
        for url, kind, status, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            data = body.encode()
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(data), length=len(data), http_headers=headers
            )
            writer.write_record(record)
        get = b"GET /chile HTTP/1.1\r\nHost: news.example\r\n\r\n"
        request = writer.create_warc_record(
            "https://news.example/chile", "request", payload=BytesIO(get), length=len(get)
        )
        writer.write_record(request)


FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Water law passes</title><link>https://wire.example/1</link><guid>wire-1</guid>
<pubDate>Thu, 04 May 2023 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>{ARTICLE}</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://wire.example/2</link><guid>wire-2</guid></item>
</channel></rss>"""


def test_store_folder_of_bad_files_is_fully_accounted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "deep" / "deeper").mkdir(parents=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "deep" / "empty.txt").write_bytes(b"")
    (folder / "deep" / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (folder / "deep" / "deeper" / "mixed.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE.replace("Chile", "Peru")})
        + "\n{broken\n"
        + json.dumps({"id": "j3", "title": "no body"})
        + "\n",
        encoding="utf-8",
    )
    (folder / "feed.rss").write_text(FEED, encoding="utf-8")
    (folder / "notes.xml").write_text("<notes><note>not a feed</note></notes>", encoding="utf-8")
    (folder / "broken.atom").write_text("<feed><entry>", encoding="utf-8")
    (folder / "french.txt").write_text(
        "Le gouvernement a annoncé mardi une nouvelle loi sur l'eau pour les agriculteurs de la région, "
        "et les députés voteront le texte dans les prochaines semaines selon le ministre.",
        encoding="utf-8",
    )
    _warc(folder / "crawl.warc.gz")
    expected = list(read_inputs([str(folder)], max_chars=1_000_000))
    with worldwire.open(tmp_path / "w.duckdb") as store:
        report = store.ingest([str(folder)])
        log = store.sql("SELECT origin, doc_id, status, substr(reason, 1, 6) AS code FROM ingest_log")
        status = store.status()
    assert report.inputs == len(log) == len(expected) == status["inputs"]
    codes = sorted(code for code in log.code if isinstance(code, str))
    assert codes == sorted(
        ["[E103]", "[E104]", "[E107]", "[E108]", "[E103]", "[E112]", "[E112]", "[E301]", "[E113]", "[E113]"]
    )
    done = log[log.status == "done"]
    assert sorted(done.doc_id) == sorted(["good.txt", "j1", "wire-1", "https://news.example/chile"])
    assert status["failed"] == len(codes)
    assert status["done"] + status["duplicate"] == 4
