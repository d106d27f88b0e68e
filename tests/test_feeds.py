"""Issue 16, item 8: feeds as they are published: an undefined entity (`&nbsp;`) in a channel's
description costs nothing, plain-text summaries are read as text (not refused as a login wall), external
entities are still never resolved (tests/test_store_inputs.py), dates are the feed's own day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from worldwire.ingest import read_inputs
from worldwire.interfaces.cli import app

SUMMARY = "Turkey's foreign minister warned Syria on Tuesday against moving troops to the border."
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<description>News&nbsp;from the region &copy; Wire</description>
<item><title>Turkey warns Syria</title><link>https://wire.example/1</link>
<pubDate>Tue, 02 May 2023 23:30:00 -0500</pubDate><description>{SUMMARY}</description></item>
<item><title>Second</title><link>https://wire.example/2</link><guid>g-2</guid>
<description>&lt;p&gt;{SUMMARY}&lt;/p&gt;&lt;p&gt;Talks continue in Geneva.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_feeds_entity_in_the_channel_does_not_fail_the_feed(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    first, second = read_inputs([str(path)], max_chars=100_000)
    assert (first.error, second.error) == (None, None)
    assert (first.text, first.html, first.date, first.url) == (
        SUMMARY,
        None,
        "2023-05-02",
        "https://wire.example/1",
    )
    assert second.html is not None
    assert second.id == "g-2"


@pytest.mark.slow
def test_feeds_plain_text_summary_is_coded_as_text(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["error"] for r in records] == [None, None]  # E201 ("login wall") before
    assert records[0]["text"] == SUMMARY
    assert records[0]["title"] == "Turkey warns Syria"
