"""Writing extract records into the store: one transaction per batch, events merged across copies.

An event is keyed by its story cluster, its two actors, its CAMEO code and whether it was negated: the
same event reported by several copies of a story is one row in `events`, with one row per report in
`mentions`, and its NumMentions / NumArticles / NumSources / AvgTone are recomputed from the mentions
each time a copy arrives (never frozen at first sighting).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import duckdb
import numpy as np
import pyarrow as pa

from worldwire.store.config import StoreConfig, store_config
from worldwire.store.dedup import Clusterer
from worldwire.store.derived import Change, cluster_key
from worldwire.store.ids import event_id, global_event_id, source_of

Status = Literal["done", "duplicate", "failed"]
NEGATED_DYAD = " negated"


@dataclass(frozen=True, slots=True)
class Entry:
    """One input's outcome, ready to be logged (and, when `done`, stored)."""

    input_key: str
    origin: str
    doc_id: str
    content_hash: str | None
    status: Status
    reason: str | None = None
    record: dict[str, Any] | None = None
    signature: np.ndarray | None = None


def dyad_key(first: str | None, second: str | None, negated: bool = False) -> str | None:
    """Two different countries in alphabetical order ("CHN-KAZ" either way round), marked when negated."""
    if not first or not second or first == second:
        return None
    return "-".join(sorted((first, second))) + NEGATED_DYAD * negated


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _actor_key(actor: dict[str, Any] | None) -> str | None:
    if actor is None:
        return None
    return actor["code"] or "~" + " ".join(str(actor["text"]).lower().split())


def _actor_name(actor: dict[str, Any] | None, actors: Sequence[dict[str, Any]]) -> str | None:
    if actor is None:
        return None
    index = actor.get("actor")
    if index is not None and 0 <= index < len(actors) and actors[index].get("name"):
        return str(actors[index]["name"])
    return str(actor["text"])


def _lead_end(text: str, config: StoreConfig) -> int:
    """Where the lead paragraph ends (at most `lead_chars` in): events before it are root events."""
    paragraph = text.find("\n\n")
    return min(paragraph if paragraph >= 0 else len(text), config.lead_chars)


def _location_index(location: dict[str, Any] | None, locations: Sequence[dict[str, Any]]) -> int | None:
    if location is None:
        return None
    for index, place in enumerate(locations):
        if place["start"] == location["start"] and place["end"] == location["end"]:
            return index
    return None


ARTICLE_TABLES = ("articles", "actors", "mentions", "quotes", "facts", "locations")
CLUSTER_TABLES = (*ARTICLE_TABLES, "events", "clusters")


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """The rows one stored article adds: per table, and its events as first reported (by event id)."""

    tables: dict[str, list[dict[str, Any]]]
    events: dict[str, dict[str, Any]]


def article_rows(
    record: dict[str, Any],
    article_id: str,
    cluster_id: str,
    signature: np.ndarray | None,
    *,
    run_id: int | None,
    added: datetime,
    config: StoreConfig | None = None,
) -> ArticleRows:
    """Rows of an article's record in every table: pure, so the store's writer and the Spark engine
    build exactly the same rows from the same record."""
    config = config or store_config()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
    events: dict[str, dict[str, Any]] = {}
    url = record.get("url")
    text = record.get("text") or ""
    tables["articles"].append(
        {
            "article_id": article_id,
            "doc_id": record["id"],
            "origin": (record.get("source") or {}).get("origin"),
            "url": url,
            "source": source_of(url),
            "title": record.get("title"),
            "date": record.get("date"),
            "language": record.get("language"),
            "tone": record.get("tone"),
            "words": len(text.split()),
            "cluster_id": cluster_id,
            "minhash": None if signature is None else signature.astype("<u8").tobytes(),
            "record": json.dumps(record, ensure_ascii=False),
            "run_id": run_id,
            "added_at": added,
        }
    )
    actors = record.get("actors") or []
    for idx, actor in enumerate(actors):
        tables["actors"].append(
            {"article_id": article_id, "idx": idx, **actor, "members": list(actor.get("members") or [])}
        )
    locations = record.get("locations") or []
    lead_end = _lead_end(text, config)
    for idx, event in enumerate(record.get("events") or []):
        source, target, cameo = event["source"], event.get("target"), event["cameo"]
        negated = event.get("modality") == "negated"
        eid = event_id(cluster_id, _actor_key(source), _actor_key(target), cameo["code"], "negated" * negated)
        tables["mentions"].append(
            {
                "event_id": eid,
                "article_id": article_id,
                "idx": idx,
                "sentence": event.get("sentence"),
                "start": event.get("start"),
                "end": event.get("end"),
                "evidence": event.get("evidence"),
                "trigger": event.get("trigger"),
                "modality": event.get("modality"),
                "confidence": event.get("confidence"),
                "source_text": source["text"] if source else None,
                "target_text": target["text"] if target else None,
                "source_actor": source.get("actor") if source else None,
                "target_actor": target.get("actor") if target else None,
                "location": _location_index(event.get("location"), locations),
                "in_lead": (event.get("start") or 0) < lead_end,
            }
        )
        if eid not in events:
            events[eid] = _event_row(eid, cluster_id, record, event, actors, article_id, added)
    for name in ("quotes", "facts", "locations"):
        for idx, item in enumerate(record.get(name) or []):
            tables[name].append({"article_id": article_id, "idx": idx, **_flat(name, item)})
    return ArticleRows(tables, events)


def cluster_rows(
    copies: Sequence[tuple[str, dict[str, Any], np.ndarray | None]],
    cluster_id: str,
    *,
    run_id: int | None,
    added: datetime,
    config: StoreConfig | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one story cluster from its copies (article id, record, signature) in input
    order: each event once, first report first, counted over all copies as `Writer` counts it."""
    config = config or store_config()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in CLUSTER_TABLES}
    events: dict[str, dict[str, Any]] = {}
    for article_id, record, signature in copies:
        part = article_rows(
            record, article_id, cluster_id, signature, run_id=run_id, added=added, config=config
        )
        for name, rows in part.tables.items():
            tables[name].extend(rows)
        for eid, row in part.events.items():
            events.setdefault(eid, row)
    articles = {row["article_id"]: row for row in tables["articles"]}
    reports: dict[str, list[dict[str, Any]]] = {}
    for mention in tables["mentions"]:
        reports.setdefault(mention["event_id"], []).append(mention)
    for eid, row in events.items():
        row.update(_event_counts(reports[eid], articles))
    tables["events"] = list(events.values())
    tables["clusters"] = [_cluster_row(cluster_id, list(articles.values()))]
    return tables


def _event_counts(mentions: Sequence[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An event's live counts from its reports: the same figures `refresh_events` computes in SQL."""
    reporting = [articles[a] for a in dict.fromkeys(m["article_id"] for m in mentions)]
    tones = [a["tone"] for a in reporting if a["tone"] is not None]
    dates = [a["date"] for a in reporting if a["date"] is not None]
    confidences = [m["confidence"] for m in mentions if m["confidence"] is not None]
    return {
        "num_mentions": len(mentions),
        "num_articles": len(reporting),
        "num_sources": len({a["source"] or a["article_id"] for a in reporting}),
        "avg_tone": sum(tones) / len(tones) if tones else None,
        "is_root": any(m["in_lead"] for m in mentions),
        "date": min(dates) if dates else None,
        "confidence": max(confidences) if confidences else None,
    }


def _cluster_row(cluster_id: str, articles: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A cluster's row; its first article is the one whose id it bears (the first copy in input order)."""
    dates = [a["date"] for a in articles if a["date"] is not None]
    return {
        "cluster_id": cluster_id,
        "first_article_id": cluster_id,
        "num_articles": len(articles),
        "num_sources": len({a["source"] or a["article_id"] for a in articles}),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
    }


def _event_row(
    eid: str,
    cluster_id: str,
    record: dict[str, Any],
    event: dict[str, Any],
    actors: Sequence[dict[str, Any]],
    article_id: str,
    added: datetime,
) -> dict[str, Any]:
    source, target, cameo = event["source"], event.get("target"), event["cameo"]
    place = event.get("location") or {}
    plover = event.get("plover") or {}
    return {
        "event_id": eid,
        "global_event_id": global_event_id(eid),
        "cluster_id": cluster_id,
        "date": record.get("date"),
        "actor1_code": source.get("code") if source else None,
        "actor1_name": _actor_name(source, actors),
        "actor1_country": source.get("country") if source else None,
        "actor1_sector": source.get("sector") if source else None,
        "actor2_code": target.get("code") if target else None,
        "actor2_name": _actor_name(target, actors),
        "actor2_country": target.get("country") if target else None,
        "actor2_sector": target.get("sector") if target else None,
        "dyad": dyad_key(
            source.get("country") if source else None,
            target.get("country") if target else None,
            event.get("modality") == "negated",
        ),
        "cameo": cameo["code"],
        "cameo_base": cameo["code"][:3],
        "cameo_root": cameo.get("root") or cameo["code"][:2],
        "quad_class": cameo.get("quad_class"),
        "goldstein": cameo.get("goldstein"),
        "plover": plover.get("category"),
        "plover_mode": plover.get("mode"),
        "modality": event.get("modality"),
        "negated": event.get("modality") == "negated",
        "is_root": False,
        "num_mentions": 0,
        "num_articles": 0,
        "num_sources": 0,
        "confidence": event.get("confidence"),
        "geo_name": place.get("name"),
        "geo_country": place.get("country"),
        "geo_feature": place.get("feature"),
        "geo_lat": place.get("lat"),
        "geo_lon": place.get("lon"),
        "geo_geonameid": place.get("geonameid"),
        "first_article_id": article_id,
        "evidence": event.get("evidence"),
        "source_url": record.get("url"),
        "added_at": added,
    }


class Writer:
    """Turns batches of entries into rows; holds the clusterer so near-duplicates span batches."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: int, clusterer: Clusterer) -> None:
        self.con = con
        self.run_id = run_id
        self.clusterer = clusterer
        self.config = store_config()

    def write(self, entries: Sequence[Entry]) -> None:
        """Store and log `entries` in one transaction: a crash keeps all of them or none."""
        if not entries:
            return
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
        new_events: dict[str, dict[str, Any]] = {}
        clusters: set[str] = set()
        logged = now()
        log_rows = []
        for entry in entries:
            article_id = None
            if entry.status == "done" and entry.record is not None and entry.content_hash is not None:
                article_id = entry.content_hash
                cluster_id = self.clusterer.assign(article_id, entry.signature)
                clusters.add(cluster_id)
                part = article_rows(
                    entry.record,
                    article_id,
                    cluster_id,
                    entry.signature,
                    run_id=self.run_id,
                    added=logged,
                    config=self.config,
                )
                for name, table_rows in part.tables.items():
                    rows[name].extend(table_rows)
                for eid, row in part.events.items():
                    new_events.setdefault(eid, row)
            elif entry.status == "duplicate":
                article_id = entry.content_hash
            log_rows.append(
                {
                    "input_key": entry.input_key,
                    "run_id": self.run_id,
                    "origin": entry.origin,
                    "doc_id": entry.doc_id,
                    "content_hash": entry.content_hash,
                    "status": entry.status,
                    "article_id": article_id,
                    "reason": entry.reason,
                    "logged_at": logged,
                }
            )
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for name, table_rows in rows.items():
                insert_rows(con, name, table_rows)
            if new_events:  # the summaries and the word index move with the events, in this transaction
                change = Change(con, "SELECT unnest(?::VARCHAR[])", [list(new_events)])
                known = change.known()
                fresh = [row for eid, row in new_events.items() if eid not in known]
                insert_rows(con, "events", sorted(fresh, key=cluster_key))
                refresh_events(con, list(new_events))
                change.settle()
            if clusters:
                refresh_clusters(con, sorted(clusters))
            insert_rows(con, "ingest_log", log_rows)
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # a failed COMMIT has ended the transaction already
                con.execute("ROLLBACK")
            raise


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    batch = pa.Table.from_pylist(rows)
    con.register("_worldwire_batch", batch)
    try:
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _worldwire_batch')  # noqa: S608
    finally:
        con.unregister("_worldwire_batch")


def refresh_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Recount every touched event from its mentions: live counts, not first-sighting ones."""
    con.execute(
        """
        UPDATE events SET
            num_mentions = agg.mentions, num_articles = agg.articles, num_sources = agg.sources,
            avg_tone = agg.tone, is_root = agg.root, date = agg.first_date, confidence = agg.confidence
        FROM (
            SELECT m.event_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
                   count(DISTINCT coalesce(a.source, a.article_id)) AS sources,
                   bool_or(m.in_lead) AS root, min(a.date) AS first_date, max(m.confidence) AS confidence,
                   (SELECT avg(t.tone) FROM (SELECT DISTINCT m2.article_id, a2.tone FROM mentions m2
                        JOIN articles a2 USING (article_id) WHERE m2.event_id = m.event_id) t) AS tone
            FROM mentions m JOIN articles a USING (article_id)
            WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY m.event_id
        ) AS agg
        WHERE events.event_id = agg.event_id
        """,
        [ids],
    )


def refresh_clusters(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Recount clusters; a cluster bears its first article's id, so that article is its first."""
    con.execute(
        """
        INSERT OR REPLACE INTO clusters
        SELECT cluster_id, cluster_id, count(*), count(DISTINCT coalesce(source, article_id)),
               min(date), max(date)
        FROM articles WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY cluster_id
        """,
        [ids],
    )


def _flat(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    if kind != "quotes":
        return dict(item)
    speaker = item.get("speaker") or {}
    return {
        "text": item["text"],
        "start": item["start"],
        "end": item["end"],
        "speaker_text": speaker.get("text"),
        "speaker_code": speaker.get("code"),
        "speaker_start": speaker.get("start"),
        "speaker_end": speaker.get("end"),
        "speaker_actor": speaker.get("actor"),
    }


def load_clusterer(con: duckdb.DuckDBPyConnection, config: StoreConfig | None = None) -> Clusterer:
    """The clusterer of a reopened store, with every stored article's signature indexed again."""
    clusterer = Clusterer(config)
    cursor = con.execute(  # rowid: insertion order among the articles of one transaction
        "SELECT article_id, cluster_id, minhash FROM articles ORDER BY added_at, rowid"
    )
    while chunk := cursor.fetchmany(10_000):
        for article_id, cluster_id, minhash in chunk:
            sig = None if minhash is None else np.frombuffer(minhash, dtype="<u8").astype(np.uint64)
            clusterer.add(article_id, sig, cluster_id)
    return clusterer
