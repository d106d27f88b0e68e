"""Issue 16, item 7: `--max-chars` bounds the article's text, not the page around it: a news page whose
HTML is larger than the limit but whose article is not is read; an article over the limit is refused
with E105 naming its text; the HTML has its own, larger limit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from worldwire.ingest import read_inputs
from worldwire.ingest.limits import HTML_FACTOR
from worldwire.interfaces.cli import app

ARTICLE = (
    "<article><h1>Turkey warns Syria over border troops</h1>"
    "<p>Turkey's foreign minister warned Syria on Tuesday against moving troops to the border, the "
    "ministry said in a statement to reporters in Ankara.</p>"
    "<p>The ministry said talks between both delegations would continue next week in Geneva.</p></article>"
)
MAX_CHARS = 5000


def _page(article: str, padding: int) -> str:
    """A page like a big news site's: the article inside `padding` characters of scripts and menus."""
    script = "<script>var config = {" + "'k': 'v', " * (padding // 10) + "};</script>"
    return f"<!doctype html><html><head><title>T</title>{script}</head><body>{article}</body></html>"


def _extract(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["extract", str(path), "--max-chars", str(MAX_CHARS)])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    return record


@pytest.mark.slow
def test_size_a_large_page_with_a_short_article_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(_page(ARTICLE, 4 * MAX_CHARS), encoding="utf-8")
    assert path.stat().st_size > MAX_CHARS  # the page is over --max-chars; its article is not
    record = _extract(path)
    assert record["error"] is None
    assert "foreign minister warned Syria" in record["text"]


@pytest.mark.slow
def test_size_an_article_over_the_limit_is_e105_naming_its_text(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>On day {day} the minister spoke about the border, the troops and the talks in Geneva, "
        f"and the ministry answered questions {day} times from reporters in Ankara.</p>"
        for day in range(60)
    )  # 60 different paragraphs: about 9,000 characters of text, over MAX_CHARS
    path = tmp_path / "long.html"
    path.write_text(_page(f"<article>{paragraphs}</article>", 0), encoding="utf-8")
    record = _extract(path)
    assert record["error"] is not None
    assert record["error"].startswith("[E105]")
    assert "characters of article text" in record["error"]


def test_size_html_past_its_own_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text(_page(ARTICLE, 2 * HTML_FACTOR * MAX_CHARS), encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], max_chars=MAX_CHARS))
    assert doc.error is not None
    assert doc.error.startswith("[E105]")
    text = tmp_path / "long.txt"  # plain text has no page around it: max_chars is its limit
    text.write_text("word " * MAX_CHARS, encoding="utf-8")
    (plain,) = list(read_inputs([str(text)], max_chars=MAX_CHARS))
    assert (plain.error or "").startswith("[E105]")
